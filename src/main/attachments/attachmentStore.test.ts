import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '../../shared/attachments'
import { startHttpServer } from '../server/httpServer'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'
import { looksLike } from './attachmentStore'

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake-image-body')])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('tiny thumbnail')])
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let core: TestCore
let me: number
beforeEach(async () => {
  core = openTestCore()
  me = (await core.ok(null, 'people.create', { name: 'Marieke', role: 'coordinator' })).id
})
afterEach(() => core.cleanup())

async function expectRefused(input: Record<string, unknown>, reason: string) {
  const before = tableChecksum(core.db)
  const result = await core.call('attachments.upload', { input, actorId: me })
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  if (!result.ok && reason) expect(result.error.details.reason).toBe(reason)
  expect(tableChecksum(core.db)).toBe(before)
}

describe('attachments', () => {
  it('stores a photo under its SHA-256 with its thumbnail, once however often it is uploaded', async () => {
    const input = {
      name: '../../etc/passwd.png',
      mediaType: 'image/png' as const,
      dataBase64: PNG.toString('base64'),
      thumbnailBase64: JPEG.toString('base64'),
    }
    const info = await core.ok(me, 'attachments.upload', input)
    expect(info).toEqual({ sha256: sha(PNG), size: PNG.length, mediaType: 'image/png', thumbnailSha256: sha(JPEG) })
    const stored = join(core.dataDir, 'attachments', info.sha256.slice(0, 2), info.sha256)
    expect(readFileSync(stored)).toEqual(PNG)
    // The user's file name never becomes a path.
    expect(readdirSync(join(core.dataDir, 'attachments')).sort()).toEqual([info.sha256.slice(0, 2), sha(JPEG).slice(0, 2)].sort())
    await core.ok(me, 'attachments.upload', input)
    expect(core.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 })
  })

  it('refuses a file that is not what it claims, empty, or too large, and stores nothing', async () => {
    await expectRefused(
      { name: 'x.png', mediaType: 'image/png', dataBase64: Buffer.from('<script>alert(1)</script>').toString('base64') },
      'attachmentType',
    )
    await expectRefused(
      { name: 'x.txt', mediaType: 'text/plain', dataBase64: Buffer.from([0x41, 0x00, 0x42]).toString('base64') },
      'attachmentType',
    )
    await expectRefused({ name: 'x.pdf', mediaType: 'application/pdf', dataBase64: '' }, '')
    await expectRefused({ name: 'x.exe', mediaType: 'application/x-msdownload', dataBase64: 'TVo=' }, 'invalidInput')
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x41)
    await expectRefused({ name: 'big.txt', mediaType: 'text/plain', dataBase64: big.toString('base64') }, '')
    expect(existsSync(join(core.dataDir, 'attachments'))).toBe(false)
  })

  it('recognises each allowed type by its first bytes', () => {
    expect(looksLike(PNG, 'image/png')).toBe(true)
    expect(looksLike(JPEG, 'image/jpeg')).toBe(true)
    expect(looksLike(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'image/webp')).toBe(true)
    expect(looksLike(Buffer.from('%PDF-1.7'), 'application/pdf')).toBe(true)
    expect(looksLike(Buffer.from('naam;dikte\neiken;6'), 'text/csv')).toBe(true)
    expect(looksLike(JPEG, 'image/png')).toBe(false)
    expect(looksLike(Buffer.from([0xc3, 0x28]), 'text/plain')).toBe(false)
  })

  it('lets experiments point only at stored attachments', async () => {
    const info = await core.ok(me, 'attachments.upload', { name: 'proef.png', mediaType: 'image/png', dataBase64: PNG.toString('base64') })
    const made = await core.ok(me, 'experiments.create', {
      content: { title: 'Proef', attachments: [{ sha256: info.sha256, name: 'proef.png', caption: 'Snijkant' }] },
    })
    expect(made.content.attachments).toEqual([{ sha256: info.sha256, name: 'proef.png', caption: 'Snijkant' }])
    // Saving again rewrites the attachment rows instead of colliding with the old ones.
    const saved = await core.ok(me, 'experiments.save', { id: made.id, version: 1, content: { ...made.content, outcome: 'worked' } })
    await core.ok(me, 'experiments.setStatus', { id: made.id, version: saved.version, status: 'completed' })
    const missing = await core.call('experiments.create', {
      input: { content: { title: 'X', attachments: [{ sha256: 'a'.repeat(64), name: 'x' }] } },
      actorId: me,
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('serves attachments over HTTP by hash only, with their type', async () => {
    const info = await core.ok(me, 'attachments.upload', { name: 'proef.png', mediaType: 'image/png', dataBase64: PNG.toString('base64') })
    const server = await startHttpServer({
      call: core.call,
      findAttachment: core.findAttachment,
      token: 't',
      rendererDir: null,
      port: 0,
      log: core.log,
    })
    const get = (path: string) =>
      new Promise<{ status: number; type: string | undefined; body: Buffer }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: server.port, path }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body: Buffer.concat(chunks) }))
        })
          .on('error', reject)
          .end()
      })
    try {
      const ok = await get(`/attachments/${info.sha256}`)
      expect(ok).toMatchObject({ status: 200, type: 'image/png' })
      expect(ok.body).toEqual(PNG)
      for (const path of [
        `/attachments/${'b'.repeat(64)}`,
        '/attachments/../werkbank.sqlite',
        '/attachments/%2e%2e%2fwerkbank.sqlite',
        `/attachments/${info.sha256.toUpperCase()}`,
      ]) {
        expect((await get(path)).status, path).toBe(404)
      }
    } finally {
      await server.close()
    }
  })
})
