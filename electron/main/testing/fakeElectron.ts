// A stand-in for the 'electron' module in the shell's unit tests: the real binary cannot run here
// (and must not be needed to test the rules). Tests mock 'electron' with the singleton below:
//   vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))
// Each fake records what the code under test asked of it, so a test can check the wiring.
import type { BrowserWindowConstructorOptions, Session } from 'electron'
import { vi } from 'vitest'

// `never` parameters accept any typed listener; calls go through `invoke` below.
type Listener = (...args: never[]) => unknown

function invoke(listener: Listener, args: unknown[]): unknown {
  return (listener as (...a: unknown[]) => unknown)(...args)
}

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  once(name: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((l) => l !== wrapper),
      )
      return invoke(listener, args)
    }
    return this.on(name, wrapper)
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) invoke(listener, args)
  }

  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
}

/** What Electron passes to will-navigate and friends: preventable, carrying the target URL. */
export function fakeNavigationEvent(url = '') {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = []
  static getAllWindows = () => FakeBrowserWindow.instances
  /** Set to make every loadURL reject, like a page that fails to load. */
  static loadFailure: Error | null = null
  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure
  })
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  readonly isMinimized = vi.fn(() => false)
  readonly isDestroyed = vi.fn(() => false)

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
}

type SessionHandler<K extends 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> = Parameters<
  Session[K]
>[0]

export class FakeSession {
  permissionRequestHandler: SessionHandler<'setPermissionRequestHandler'> = null
  permissionCheckHandler: SessionHandler<'setPermissionCheckHandler'> = null
  devicePermissionHandler: SessionHandler<'setDevicePermissionHandler'> = null
  setPermissionRequestHandler(handler: SessionHandler<'setPermissionRequestHandler'>) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: SessionHandler<'setPermissionCheckHandler'>) {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: SessionHandler<'setDevicePermissionHandler'>) {
    this.devicePermissionHandler = handler
  }
}

function createElectronFake() {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getLocale: vi.fn(() => 'en-US'),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getAppPath: vi.fn(() => '/fake/app'),
    getVersion: vi.fn(() => '0.0.0-test'),
  })
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() }
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on: vi.fn(),
    send: vi.fn(),
  }
  const contextBridge = { exposeInMainWorld: vi.fn() }
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
  const shell = { openExternal: vi.fn(async (_url: string) => {}) }
  const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) }
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() }
  const session = { defaultSession: new FakeSession() }

  return {
    app,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    shell,
    dialog,
    Menu,
    session,
    BrowserWindow: FakeBrowserWindow,
    /** Back to a fresh state between tests (mock.calls, listeners, windows, settings). */
    reset() {
      // mockReset restores each fake's own implementation, undoing a test's mockReturnValue.
      vi.resetAllMocks()
      app.listeners.clear()
      app.isPackaged = false
      FakeBrowserWindow.instances = []
      FakeBrowserWindow.loadFailure = null
      session.defaultSession = new FakeSession()
    },
  }
}

export const electronFake = createElectronFake()
