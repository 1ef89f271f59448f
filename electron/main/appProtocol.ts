// The app's own origin, `werkbank://app`: serves the built renderer (out/renderer) with the same
// security headers as the HTTP transport. A custom standard scheme instead of file:// gives the
// renderer a real origin, so the CSP's 'self', the IPC sender check and navigation blocking all
// have something exact to compare against, and file:// pages cannot read each other's files.
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../../src/main/server/securityHeaders'
import { resolveStaticFile } from '../../src/main/server/staticFiles'

export const APP_SCHEME = 'werkbank'
export const APP_HOST = 'app'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Must run before the app is ready. `standard` gives URLs a host and relative resolution, `secure`
 * makes the origin a secure context, `supportFetchAPI` lets the renderer fetch its own files.
 * Deliberately not `corsEnabled` (which would let other origins read these files) nor `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** The request handler for the scheme; pure enough to test against a temp folder. */
export type FindAttachment = (hash: string) => { path: string; mediaType: string } | null

export function createAppRequestHandler(
  rendererDir: string,
  findAttachment: FindAttachment = () => null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return textResponse(404, 'Not found')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' })

    // Photos and files of experiments: from the data folder, by their SHA-256 only.
    if (url.pathname.startsWith('/attachments/')) {
      const attachment = findAttachment(url.pathname.slice('/attachments/'.length))
      if (!attachment) return textResponse(404, 'Not found')
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(attachment.path))
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': attachment.mediaType } })
    }
    const file = resolveStaticFile(rendererDir, url.pathname)
    if (!file) return textResponse(404, 'Not found')
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file.path))
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } })
  }
}

/** Serves the renderer folder on `werkbank://app/`. Call after ready. */
export function serveApp(rendererDir: string, findAttachment?: FindAttachment): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, findAttachment))
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } })
}
