// The desktop shell's trust rules: which pages count as the app (for IPC and navigation), which
// links may leave the app for the system browser, and the wiring that applies these rules to every
// web contents and to the session. Kept as small pure functions so the tests can hold them to account.
import { app, shell, type Session, type WebContents } from 'electron'
import { APP_HOST, APP_SCHEME } from './appProtocol'

/**
 * Hosts whose https pages may be opened in the system browser. Tiny on purpose: every other link the
 * renderer tries to open is dropped. github.com hosts the project's source and documentation.
 * To link somewhere new from the app, add the host here with a reason.
 */
export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['github.com'])

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for pages of the app itself: `werkbank://app/...`, or in development the dev server's exact origin. */
export function isTrustedSenderUrl(url: string, devServerUrl?: string | null): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  // Compare scheme and host, not `origin`: URL gives custom schemes an opaque origin ("null").
  // `host` includes any port and credentials must be absent, so `werkbank://app:1` or
  // `werkbank://x@app` do not pass as the app.
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  }
  if (devServerUrl) {
    const dev = parse(devServerUrl)
    return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin
  }
  return false
}

/** Only https, only the allow-listed hosts, no credentials in the URL. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    ALLOWED_EXTERNAL_HOSTS.has(parsed.hostname)
  )
}

/**
 * The dev server electron-vite announces in ELECTRON_RENDERER_URL, or null. Ignored in a packaged app
 * and unless it is on loopback: the variable decides which pages may call the core.
 */
export function readDevServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return null
  const parsed = parse(raw)
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null
  return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) ? parsed.href : null
}

/** The part of WebContents the rules below need; a structural type so tests can pass a fake. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** No navigation away from the app, no new windows, no <webview>; allow-listed links go to the system browser. */
export function hardenContents(contents: HardenableContents, devServerUrl?: string | null): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedSenderUrl(event.url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedSenderUrl(event.url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(new URL(url).href).catch(() => {
        // The system browser refusing is not the app's failure; nothing to recover.
      })
    }
    return { action: 'deny' }
  })
}

export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>

/**
 * Deny every permission (camera, notifications, clipboard-read, USB, …): the app needs none. If a
 * feature ever does, allow that one permission for the app's own origin here.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Applies hardenContents to every web contents the app ever creates, including ones not made by us. */
export function installContentsHardening(devServerUrl: string | null): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl))
}
