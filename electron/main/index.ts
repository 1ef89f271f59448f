// The Electron main process: app lifecycle, one instance per user, the app protocol, the core and
// the IPC channel to it, the menu and the main window. The core (src/main) owns the data; this file
// only decides when it opens and closes and what happens when it cannot open.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { openWerkbank, type WerkbankCore } from '../../src/main/bootstrap'
import { DatabaseTooNewError } from '../../src/main/db/database'
import { APP_ENTRY_URL, registerAppScheme, serveApp } from './appProtocol'
import { registerIpc } from './ipc'
import { fillIn, shellLabels, type ShellLabels } from './labels'
import { installApplicationMenu } from './menu'
import { findElectronNativeBinding } from './nativeBinding'
import { hardenSession, installContentsHardening, readDevServerUrl } from './security'
import { createMainWindow, findPreload } from './window'

// Bundled to out/main/index.js; the preload and the renderer are built next to it.
const PRELOAD_PATH = findPreload(join(__dirname, '../preload'))
const RENDERER_DIR = join(__dirname, '../renderer')

// Privileged schemes can only be registered before ready.
registerAppScheme()

// A second instance would open the same SQLite file from a second process; hand over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  runApp()
}

function runApp(): void {
  const devServerUrl = readDevServerUrl(process.env, app.isPackaged)
  let core: WerkbankCore | null = null
  let mainWindow: BrowserWindow | null = null

  // Registered before any web contents exists, so no window escapes the rules.
  installContentsHardening(devServerUrl)

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; `activate` brings one back.
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    core?.close()
    core = null
  })

  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: PRELOAD_PATH,
      url: devServerUrl ?? APP_ENTRY_URL,
      allowDevTools: !app.isPackaged,
      onLoadError: (error) => core?.log.error('window-load-failed', { error }),
    })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  }

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  app
    .whenReady()
    .then(() => {
      const labels = shellLabels(app.getLocale())
      hardenSession(session.defaultSession)

      const opened = openCore(labels)
      if (!opened) return
      core = opened
      const log = opened.log

      serveApp(RENDERER_DIR, opened.findAttachment)
      registerIpc({
        call: opened.call,
        devServerUrl,
        onError: (error, method) => log.error('ipc-call-failed', { method: method.slice(0, 80), error }),
      })
      installApplicationMenu(() => mainWindow)
      app.on('render-process-gone', (_event, _contents, details) => log.error('render-process-gone', { ...details }))
      openWindow()
    })
    .catch((error: unknown) => fail(shellLabels(app.getLocale()), describe(error)))
}

/** Opens the data folder, or explains why not and quits. The database file is left as it was. */
function openCore(labels: ShellLabels): WerkbankCore | null {
  const dataDir = join(app.getPath('userData'), 'centre')
  const nativeBinding = findElectronNativeBinding({
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
  })
  try {
    return openWerkbank({ dataDir, nativeBinding: nativeBinding ?? undefined })
  } catch (error) {
    let reason: string
    if (error instanceof DatabaseTooNewError) {
      reason = fillIn(labels.databaseTooNew, { file: error.file, found: error.foundVersion, known: error.knownVersion })
    } else {
      reason = describe(error)
      // Without the Electron build the driver fails to load (wrong NODE_MODULE_VERSION): say how to get it.
      if (nativeBinding === null) reason += `\n\n${labels.nativeMissing}`
    }
    fail(labels, fillIn(labels.openFailed, { dir: dataDir, reason }))
    return null
  }
}

function fail(labels: ShellLabels, message: string): void {
  process.stderr.write(`${message}\n`)
  dialog.showErrorBox(labels.startFailedTitle, message)
  app.exit(1)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
