// The main window and its web preferences. The renderer is untrusted as far as Node is concerned:
// it runs sandboxed, isolated from the preload, and reaches the core only through the preload's
// `window.werkbank.call`.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/**
 * The built preload in out/preload. electron-vite names the CommonJS bundle index.cjs while
 * package.json says "type": "module", index.js otherwise; a sandboxed preload must be CommonJS either way.
 */
export function findPreload(preloadDir: string, exists: (path: string) => boolean = existsSync): string {
  const candidates = ['index.cjs', 'index.js'].map((name) => join(preloadDir, name))
  return candidates.find((path) => exists(path)) ?? candidates[0]!
}

/** `allowDevTools` is false in a packaged app: devtools there would let anyone script the core. */
export function mainWindowOptions(preloadPath: string, allowDevTools = false): BrowserWindowConstructorOptions {
  return {
    title: 'Werkbank',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      devTools: allowDevTools,
    },
  }
}

export interface MainWindowOptions {
  preloadPath: string
  /** werkbank://app/index.html, or the dev server in `npm run dev`. */
  url: string
  allowDevTools?: boolean
  onLoadError?: (error: unknown) => void
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, options.allowDevTools))
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.url).catch((error: unknown) => {
    // ready-to-show may never come now; a hidden window would look like an app that never started.
    if (!window.isDestroyed()) window.show()
    options.onLoadError?.(error)
  })
  return window
}
