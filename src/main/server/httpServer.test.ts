import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, openTestCore, tableChecksum, type TestCore } from '../testing/testCore'
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from './httpServer'

const TOKEN = 'test-token-0123456789'
let core: TestCore
let server: RunningServer

beforeAll(async () => {
  core = openTestCore({ demo: true })
  const rendererDir = makeTempDir('werkbank-renderer-')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Werkbank</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(core.dataDir, 'secret.txt'), 'do not serve')
  server = await startHttpServer({ call: core.call, token: TOKEN, rendererDir, port: 0, log: core.log })
})
afterAll(async () => {
  await server.close()
  core.cleanup()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so tests can send any Host header (fetch would not let us). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('the HTTP transport', () => {
  it('answers a call with the token', async () => {
    const reply = await api('people.countByRole', { input: {} })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { coordinator: 2 } })
  })

  it('refuses a call without or with a wrong token (401)', async () => {
    const none = await send('/api/people.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toBe('Bearer')
    expect((await api('people.list', { input: {} }, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401)
    expect((await api('people.list', { input: {} }, { Authorization: TOKEN })).status).toBe(401)
  })

  it('refuses a foreign Origin or Host (403), even with the token', async () => {
    expect((await api('people.list', { input: {} }, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('people.list', { input: {} }, { Origin: 'null' })).status).toBe(403)
    expect((await api('people.list', { input: {} }, { Host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await api('people.list', { input: {} }, { Host: '127.0.0.1:1' })).status).toBe(403)
    expect((await send('/', { headers: { Host: 'rebind.example' } })).status).toBe(403)
    expect((await api('people.list', { input: {} }, { Origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('takes API calls only by POST with JSON', async () => {
    const get = await send('/api/people.list', { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    const form = await send('/api/people.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
  })

  it('refuses bad JSON and oversized bodies without writing anything', async () => {
    const before = tableChecksum(core.db)
    const broken = await send('/api/people.create', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"input":',
    })
    expect(broken.status).toBe(400)
    const huge = await api('people.create', { input: { name: 'x'.repeat(MAX_BODY_BYTES), role: 'guest' }, actorId: 1 })
    expect(huge.status).toBe(413)
    expect(tableChecksum(core.db)).toBe(before)
  })

  it('serves the renderer with the CSP, and nothing outside its folder', async () => {
    const index = await send('/')
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect((await send('/assets/app.js')).headers['content-type']).toContain('text/javascript')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('do not serve')
    }
  })

  it('listens on loopback only: another address of this machine gets no answer', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)
    if (!external) return console.warn('no non-loopback IPv4 address on this machine: reachability from other hosts not probed')
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: external.address, port: server.port }, () => (socket.destroy(), resolve(true)))
      socket.on('error', () => resolve(false))
    })
    expect(reached).toBe(false)
  })
})
