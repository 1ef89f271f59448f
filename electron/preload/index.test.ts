// The preload exposes one function and nothing of ipcRenderer.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL } from '../main/ipc'
import { electronFake } from '../main/testing/fakeElectron'

vi.mock('electron', () => import('../main/testing/fakeElectron').then((m) => m.electronFake))

let exposedName: unknown
let exposed: Record<string, unknown>

beforeAll(async () => {
  electronFake.reset()
  await import('./index')
  expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  const [name, api] = electronFake.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>]
  exposedName = name
  exposed = api
})

describe('preload', () => {
  it('exposes window.werkbank with `call` as its only key, a function', () => {
    expect(exposedName).toBe('werkbank')
    expect(Object.keys(exposed)).toEqual(['call'])
    expect(typeof exposed.call).toBe('function')
  })

  it('does not hand out ipcRenderer or any of its methods', () => {
    const values = Object.values(exposed)
    expect(values).not.toContain(electronFake.ipcRenderer)
    expect(values).not.toContain(electronFake.ipcRenderer.invoke)
    expect(values).not.toContain(electronFake.ipcRenderer.send)
    expect(values).not.toContain(electronFake.ipcRenderer.on)
  })

  it('invokes the main side’s channel with the method and envelope and returns its answer', async () => {
    const answer = { ok: true, value: 42 }
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce(answer)
    const call = exposed.call as (method: string, envelope: unknown) => Promise<unknown>
    await expect(call('app.info', { input: {} })).resolves.toBe(answer)
    expect(electronFake.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'app.info', { input: {} })
  })
})
