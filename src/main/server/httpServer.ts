// The HTTP transport for browser mode and the e2e tests: POST /api/<method> with a JSON envelope,
// and the built renderer. Loopback only. Every API call needs the bearer token; requests naming a
// foreign Host (DNS rebinding) or Origin (another site in the same browser) are refused first.
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { timingSafeEqual } from 'node:crypto'
import type { ApiResult } from '../../shared/result'
import type { Dispatch } from '../dispatcher'
import type { Logger } from '../log'
import { SECURITY_HEADERS } from './securityHeaders'
import { resolveStaticFile } from './staticFiles'
import { ELN_IMPORT_MAX_BASE64 } from '../../shared/exchange'

// Room for the largest upload, an .eln import, sent as base64 in a JSON envelope.
export const MAX_BODY_BYTES = ELN_IMPORT_MAX_BASE64 + 64 * 1024
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export interface HttpServerOptions {
  call: Dispatch
  token: string
  /** Built renderer to serve; null serves the API only. */
  rendererDir: string | null
  /**
   * Attachment files by SHA-256. Served without the token: an <img> cannot send one, and a
   * 256-bit hash of the content is not guessable. The Host and Origin checks still apply.
   */
  findAttachment?: (hash: string) => { path: string; mediaType: string } | null
  port: number
  log: Logger
}

export interface RunningServer {
  port: number
  url: string
  close(): Promise<void>
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const expectedToken = Buffer.from(options.token)
  let port = options.port

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('http-error', { url: req.url?.slice(0, 200), error })
      if (!res.headersSent) sendJson(res, 500, transportError('INTERNAL', 'internal', 'Unexpected server error'))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`)
    if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
      return sendJson(res, 403, transportError('FORBIDDEN', 'foreignHost', 'Host not allowed'))
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.some((host) => origin.toLowerCase() === `http://${host}`)) {
      return sendJson(res, 403, transportError('FORBIDDEN', 'foreignOrigin', 'Origin not allowed'))
    }

    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (url.pathname.startsWith('/attachments/')) return handleAttachment(req, res, url.pathname.slice('/attachments/'.length))
    return handleStatic(req, res, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    // State changes only by POST, and every call is a POST: nothing here is reachable by a link or <img>.
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendJson(res, 405, transportError('FORBIDDEN', 'methodNotAllowed', 'Use POST'))
    }
    if (!hasToken(req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      return sendJson(res, 401, transportError('FORBIDDEN', 'token', 'Missing or wrong token'))
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, transportError('VALIDATION', 'contentType', 'Send application/json'))
    }
    const body = await readBody(req)
    if (body === null) return sendJson(res, 413, transportError('VALIDATION', 'tooLarge', `Request body over ${MAX_BODY_BYTES} bytes`))
    let envelope: unknown
    try {
      envelope = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(res, 400, transportError('VALIDATION', 'badJson', 'Request body is not JSON'))
    }
    sendJson(res, 200, await options.call(decodeMethodName(method), envelope))
  }

  function handleAttachment(req: IncomingMessage, res: ServerResponse, hash: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed')
    }
    const file = options.findAttachment?.(hash) ?? null
    if (!file) return sendText(res, 404, 'Not found')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.mediaType,
      // Content-addressed: the bytes behind a hash never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Disposition': 'inline',
    })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file.path).pipe(res)
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed')
    }
    const file = options.rendererDir ? resolveStaticFile(options.rendererDir, pathname) : null
    if (!file) return sendText(res, 404, 'Not found')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      // Built assets carry a content hash in their name; index.html must always be fresh.
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file.path).pipe(res)
  }

  function hasToken(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/.exec(header ?? '')
    if (!match) return false
    const given = Buffer.from(match[1]!)
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken)
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolvePromise({
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

/** A malformed escape (`%E0%A4%A`) is just a name no method has: NOT_FOUND from the dispatcher, not a URIError. */
function decodeMethodName(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function transportError(code: 'FORBIDDEN' | 'VALIDATION' | 'INTERNAL', reason: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message, details: { reason } } }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    // Refusals come before the body is read; left on a kept-alive connection, that body would be
    // parsed as the start of the next request. Closing the connection after a refusal discards it.
    ...(status === 200 ? {} : { Connection: 'close' }),
  })
  res.end(JSON.stringify(body))
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
