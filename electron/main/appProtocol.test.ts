// The app protocol serves the built renderer, with the security headers, and nothing else.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { SECURITY_HEADERS } from '../../src/main/server/securityHeaders'
import { APP_ENTRY_URL, createAppRequestHandler, registerAppScheme, serveApp } from './appProtocol'
import { electronFake } from './testing/fakeElectron'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

let base: string
let rendererDir: string
let handler: (request: Request) => Promise<Response>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'werkbank-protocol-'))
  rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Werkbank</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  // A file beside the renderer folder that must never be served.
  writeFileSync(join(base, 'secret.txt'), 'secret')
  handler = createAppRequestHandler(rendererDir)
})

afterAll(() => rmSync(base, { recursive: true, force: true }))
beforeEach(() => electronFake.reset())

function get(url: string, method = 'GET') {
  return handler(new Request(url, { method }))
}

describe('app protocol handler', () => {
  it('serves index.html at werkbank://app/index.html and at the root, with the security headers', async () => {
    for (const url of [APP_ENTRY_URL, 'werkbank://app/']) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value)
      expect(await response.text()).toContain('<title>Werkbank</title>')
    }
  })

  it('serves assets with their content type', async () => {
    const js = await get('werkbank://app/assets/index-abc.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy'])
    expect((await get('werkbank://app/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it.each([
    'werkbank://app/missing.js',
    'werkbank://app/../secret.txt',
    'werkbank://app/..%2fsecret.txt',
    'werkbank://app/%2e%2e/secret.txt',
    'werkbank://app/assets/..%2f..%2fsecret.txt',
    'werkbank://other/index.html',
    'werkbank://app/assets',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const post = await get(APP_ENTRY_URL, 'POST')
    expect(post.status).toBe(405)
  })
})

describe('scheme registration', () => {
  it('registers werkbank as standard, secure and fetchable, without CORS or CSP bypass', () => {
    registerAppScheme()
    expect(electronFake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'werkbank', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('serves the given folder on the werkbank scheme', async () => {
    serveApp(rendererDir)
    const [scheme, registered] = electronFake.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>]
    expect(scheme).toBe('werkbank')
    expect((await registered(new Request(APP_ENTRY_URL))).status).toBe(200)
  })
})
