// The main window's hardening lives in its web preferences; these must not drift.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronFake, FakeBrowserWindow } from './testing/fakeElectron'
import { join } from 'node:path'
import { createMainWindow, findPreload, mainWindowOptions } from './window'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

const PRELOAD = '/app/out/preload/index.js'

beforeEach(() => electronFake.reset())

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const prefs = mainWindowOptions(PRELOAD).webPreferences!
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.preload).toBe(PRELOAD)
  })

  it('allows devtools only when asked (development builds)', () => {
    expect(mainWindowOptions(PRELOAD).webPreferences!.devTools).toBe(false)
    expect(mainWindowOptions(PRELOAD, true).webPreferences!.devTools).toBe(true)
  })

  it('has a sensible size and title, hidden until ready', () => {
    const options = mainWindowOptions(PRELOAD)
    expect(options).toMatchObject({ title: 'Werkbank', width: 1280, height: 800, minWidth: 1024, minHeight: 640, show: false })
  })
})

describe('createMainWindow', () => {
  it('builds the window from those options, loads the URL and shows it when ready', () => {
    const window = createMainWindow({ preloadPath: PRELOAD, url: 'werkbank://app/index.html' }) as unknown as FakeBrowserWindow
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    expect(window.options).toEqual(mainWindowOptions(PRELOAD, false))
    expect(window.loadURL).toHaveBeenCalledWith('werkbank://app/index.html')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('reports a failed load and shows the window instead of leaving it hidden', async () => {
    const failure = new Error('ERR_FAILED')
    FakeBrowserWindow.loadFailure = failure
    const onLoadError = vi.fn()
    const window = createMainWindow({ preloadPath: PRELOAD, url: 'werkbank://app/index.html', onLoadError }) as unknown as FakeBrowserWindow
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledWith(failure))
    expect(window.show).toHaveBeenCalled()
  })
})

describe('findPreload', () => {
  it('takes the CommonJS bundle electron-vite built: index.cjs, else index.js', () => {
    const dir = join('/app', 'out', 'preload')
    expect(findPreload(dir, (path) => path.endsWith('index.cjs') || path.endsWith('index.js'))).toBe(join(dir, 'index.cjs'))
    expect(findPreload(dir, (path) => path.endsWith('index.js'))).toBe(join(dir, 'index.js'))
  })
})
