// The IPC channel: only the app's own pages reach the core, and every answer is data.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiResult } from '../../src/shared/result'
import { electronFake } from './testing/fakeElectron'
import { CALL_CHANNEL, createCallHandler, registerIpc, type CoreCall } from './ipc'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

const OK: ApiResult<unknown> = { ok: true, value: { version: '0.1.0' } }
const ENVELOPE = { input: {}, actorId: null }

function fakeCore() {
  return vi.fn<CoreCall>(async () => OK)
}

function from(url: string | null) {
  return { senderFrame: url === null ? null : ({ url } as never) }
}

beforeEach(() => electronFake.reset())

describe('createCallHandler', () => {
  it('passes a call from the app through to the core and returns its result', async () => {
    const call = fakeCore()
    const handler = createCallHandler({ call })
    await expect(handler(from('werkbank://app/index.html'), 'app.info', ENVELOPE)).resolves.toEqual(OK)
    expect(call).toHaveBeenCalledWith('app.info', ENVELOPE)
  })

  it.each(['https://evil.example/', 'file:///tmp/index.html', 'werkbank://other/index.html', 'http://localhost:5173/'])(
    'refuses %s without calling the core',
    async (url) => {
      const call = fakeCore()
      const result = await createCallHandler({ call })(from(url), 'people.list', ENVELOPE)
      expect(result).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Untrusted sender', details: { reason: 'untrustedSender' } },
      })
      expect(call).not.toHaveBeenCalled()
    },
  )

  it('refuses a sender whose frame is gone', async () => {
    const call = fakeCore()
    const result = await createCallHandler({ call })(from(null), 'people.list', ENVELOPE)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(call).not.toHaveBeenCalled()
  })

  it('trusts the dev server only when it is the dev server', async () => {
    const call = fakeCore()
    const handler = createCallHandler({ call, devServerUrl: 'http://localhost:5173/' })
    await expect(handler(from('http://localhost:5173/'), 'app.info', ENVELOPE)).resolves.toEqual(OK)
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('refuses a method that is not a string', async () => {
    const call = fakeCore()
    const result = await createCallHandler({ call })(from('werkbank://app/'), { toString: () => 'app.info' }, ENVELOPE)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'badMethod' } } })
    expect(call).not.toHaveBeenCalled()
  })

  it('turns a throwing core into an INTERNAL result instead of throwing across IPC', async () => {
    const onError = vi.fn()
    const boom = new Error('boom')
    const handler = createCallHandler({ call: async () => Promise.reject(boom), onError })
    await expect(handler(from('werkbank://app/'), 'app.info', ENVELOPE)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(onError).toHaveBeenCalledWith(boom, 'app.info')
  })
})

describe('registerIpc', () => {
  it('handles exactly one channel, werkbank:call, with the checking handler', async () => {
    const call = fakeCore()
    registerIpc({ call })
    expect(CALL_CHANNEL).toBe('werkbank:call')
    expect(electronFake.ipcMain.handle).toHaveBeenCalledTimes(1)
    const [channel, handler] = electronFake.ipcMain.handle.mock.calls[0] as [string, ReturnType<typeof createCallHandler>]
    expect(channel).toBe(CALL_CHANNEL)
    await expect(handler(from('https://evil.example/'), 'app.info', ENVELOPE)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(call).not.toHaveBeenCalled()
  })
})
