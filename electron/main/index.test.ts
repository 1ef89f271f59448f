// The main process's lifecycle, with a fake Electron and a fake core: one instance, the scheme
// registered before ready, the core opened in the user's data folder (or a clear error and quit),
// and closed on quit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DatabaseTooNewError } from '../../src/main/db/database'
import { CALL_CHANNEL } from './ipc'
import { electronNativeDir, NATIVE_FILE } from './nativeBinding'
import { electronFake, FakeBrowserWindow } from './testing/fakeElectron'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

const core = vi.hoisted(() => ({
  openWerkbank: vi.fn(),
  instance: { call: vi.fn(), close: vi.fn(), log: { info: vi.fn(), error: vi.fn() }, dataDir: '', db: {} },
}))
vi.mock('../../src/main/bootstrap', () => ({ openWerkbank: core.openWerkbank }))

const savedRendererUrl = process.env.ELECTRON_RENDERER_URL

beforeEach(() => {
  vi.resetModules()
  electronFake.reset()
  core.openWerkbank.mockReset()
  core.openWerkbank.mockReturnValue(core.instance)
  core.instance.close.mockReset()
  delete process.env.ELECTRON_RENDERER_URL
})

afterEach(() => {
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl
})

/** Loads the main module and lets the whenReady chain run. */
async function start() {
  await import('./index')
  await vi.waitFor(() => {
    const done =
      FakeBrowserWindow.instances.length > 0 || electronFake.app.exit.mock.calls.length > 0 || electronFake.app.quit.mock.calls.length > 0
    if (!done) throw new Error('not started yet')
  })
}

describe('main process', () => {
  it('quits at once when another instance holds the lock', async () => {
    electronFake.app.requestSingleInstanceLock.mockReturnValue(false)
    await start()
    expect(electronFake.app.quit).toHaveBeenCalled()
    expect(core.openWerkbank).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('registers the app scheme before ready, then opens the core, the protocol, IPC and the window', async () => {
    await start()
    const registered = electronFake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!
    expect(registered).toBeLessThan(electronFake.app.whenReady.mock.invocationCallOrder[0]!)

    expect(core.openWerkbank).toHaveBeenCalledWith({ dataDir: join('/fake/userData', 'centre'), nativeBinding: undefined })
    expect(electronFake.protocol.handle).toHaveBeenCalledWith('werkbank', expect.any(Function))
    expect(electronFake.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function))
    expect(electronFake.session.defaultSession.permissionRequestHandler).not.toBeNull()
    expect(electronFake.app.count('web-contents-created')).toBe(1)
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalled()

    const [window] = FakeBrowserWindow.instances
    expect(window!.loadURL).toHaveBeenCalledWith('werkbank://app/index.html')
    expect(window!.options.webPreferences?.preload).toMatch(/[\\/]preload[\\/]index\.c?js$/)
    expect(window!.options.webPreferences?.sandbox).toBe(true)
    // Not packaged (the fake's default): a development build keeps devtools.
    expect(window!.options.webPreferences?.devTools).toBe(true)
  })

  it('turns devtools off in a packaged app', async () => {
    electronFake.app.isPackaged = true
    await start()
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences?.devTools).toBe(false)
  })

  it('passes the Electron build of better-sqlite3 when the start script made it', async () => {
    const appPath = mkdtempSync(join(tmpdir(), 'werkbank-app-'))
    try {
      const dir = electronNativeDir(appPath, process.versions.electron ?? '', process.platform, process.arch)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, NATIVE_FILE), '')
      electronFake.app.getAppPath.mockReturnValue(appPath)
      await start()
      expect(core.openWerkbank).toHaveBeenCalledWith(expect.objectContaining({ nativeBinding: join(dir, NATIVE_FILE) }))
    } finally {
      rmSync(appPath, { recursive: true, force: true })
    }
  })

  it('shows why and quits, opening no window, when the database is too new', async () => {
    const error = new DatabaseTooNewError('/fake/userData/centre/werkbank.sqlite', 99, 3)
    core.openWerkbank.mockImplementation(() => {
      throw error
    })
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    await start()
    stderr.mockRestore()
    expect(electronFake.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, message] = electronFake.dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(title).toBe('Werkbank cannot start')
    expect(message).toContain('newer version of Werkbank')
    expect(message).toContain('schema 99')
    expect(message).toContain('has not been changed')
    expect(electronFake.app.exit).toHaveBeenCalledWith(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(electronFake.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('says how to get the Electron driver when opening fails without it', async () => {
    core.openWerkbank.mockImplementation(() => {
      throw new Error('was compiled against a different Node.js version')
    })
    electronFake.app.getLocale.mockReturnValue('nl-NL')
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    await start()
    stderr.mockRestore()
    const [title, message] = electronFake.dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(title).toBe('Werkbank kan niet starten')
    expect(message).toContain('npm start')
    expect(electronFake.app.exit).toHaveBeenCalledWith(1)
  })

  it('closes the core when the app quits', async () => {
    await start()
    expect(core.instance.close).not.toHaveBeenCalled()
    electronFake.app.emit('will-quit', {})
    expect(core.instance.close).toHaveBeenCalledTimes(1)
  })

  it('brings the existing window back when a second instance starts', async () => {
    await start()
    const [window] = FakeBrowserWindow.instances
    window!.isMinimized.mockReturnValue(true)
    electronFake.app.emit('second-instance', {}, [], '/')
    expect(window!.restore).toHaveBeenCalled()
    expect(window!.focus).toHaveBeenCalled()
  })

  it('loads the dev server in development and trusts it for IPC', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    await start()
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    const handler = electronFake.ipcMain.handle.mock.calls[0]![1] as (event: unknown, method: string, envelope: unknown) => Promise<unknown>
    core.instance.call.mockResolvedValue({ ok: true, value: 1 })
    await expect(handler({ senderFrame: { url: 'http://localhost:5173/' } }, 'app.info', { input: {} })).resolves.toEqual({
      ok: true,
      value: 1,
    })
  })
})
