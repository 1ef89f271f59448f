// The attachment store: files in the data folder under their SHA-256 (`attachments/ab/abcd…`),
// never under a name or path a user gave. Uploads are checked for size and for being what they
// claim to be (the first bytes of an image or PDF), then written atomically. Owns `attachments`.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import {
  ATTACHMENT_MAX_BYTES,
  THUMBNAIL_MAX_BYTES,
  type AttachmentInfo,
  type AttachmentType,
  type attachmentUploadInput,
} from '../../shared/attachments'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError } from '../errors'
import { requireActor } from '../permissions'

const SHA256 = /^[0-9a-f]{64}$/

/** Does the content start the way files of this type always start? */
export function looksLike(bytes: Buffer, type: AttachmentType): boolean {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b)
  switch (type) {
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff)
    case 'image/webp':
      return starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-'
    case 'text/plain':
    case 'text/csv':
      // Text is valid UTF-8 without NUL bytes; anything else is a binary file in disguise.
      return !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)
  }
}

export function createAttachmentStore(db: Db, clock: Clock, dataDir: string) {
  const root = join(dataDir, 'attachments')
  const insert = db.prepare(
    'INSERT OR IGNORE INTO attachments (sha256, size, media_type, thumbnail, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string], { sha256: string; size: number; media_type: AttachmentType; thumbnail: string | null }>(
    'SELECT sha256, size, media_type, thumbnail FROM attachments WHERE sha256 = ?',
  )

  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash)

  /** Writes the bytes under their hash (once), via a temp file so a crash never leaves half a file. */
  function writeBytes(bytes: Buffer): string {
    const hash = createHash('sha256').update(bytes).digest('hex')
    const target = pathOf(hash)
    if (!existsSync(target)) {
      mkdirSync(join(root, hash.slice(0, 2)), { recursive: true })
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
      writeFileSync(temp, bytes, { flush: true })
      renameSync(temp, target)
    }
    return hash
  }

  function decode(data: string, limit: number): Buffer {
    const bytes = Buffer.from(data, 'base64')
    if (bytes.length > limit) {
      throw new AppError('VALIDATION', `File over ${limit} bytes`, {
        reason: 'attachmentTooLarge',
        maximum: Math.round(limit / 1024 / 1024) || 1,
      })
    }
    if (bytes.length === 0) throw new AppError('VALIDATION', 'Empty file', { reason: 'attachmentEmpty' })
    return bytes
  }

  const record = writeTransaction(db, (rows: [string, number, AttachmentType, string | null, number, string][]) => {
    for (const row of rows) insert.run(...row)
  })

  function upload(input: z.output<typeof attachmentUploadInput>, actor: Actor | null): AttachmentInfo {
    requireActor(actor)
    const bytes = decode(input.dataBase64, ATTACHMENT_MAX_BYTES)
    if (!looksLike(bytes, input.mediaType)) {
      throw new AppError('VALIDATION', `The file is not a ${input.mediaType}`, { reason: 'attachmentType', name: input.name })
    }
    let thumbnail: { hash: string; bytes: Buffer } | null = null
    if (input.thumbnailBase64 !== undefined) {
      const thumb = decode(input.thumbnailBase64, THUMBNAIL_MAX_BYTES)
      if (!looksLike(thumb, 'image/jpeg') && !looksLike(thumb, 'image/png')) {
        throw new AppError('VALIDATION', 'The thumbnail is not an image', { reason: 'attachmentType', name: input.name })
      }
      thumbnail = { hash: writeBytes(thumb), bytes: thumb }
    }
    const hash = writeBytes(bytes)
    const now = clock().toISOString()
    const rows: [string, number, AttachmentType, string | null, number, string][] = []
    if (thumbnail)
      rows.push([
        thumbnail.hash,
        thumbnail.bytes.length,
        looksLike(thumbnail.bytes, 'image/png') ? 'image/png' : 'image/jpeg',
        null,
        actor.id,
        now,
      ])
    rows.push([hash, bytes.length, input.mediaType, thumbnail?.hash ?? null, actor.id, now])
    record(rows)
    const stored = select.get(hash)!
    return { sha256: stored.sha256, size: stored.size, mediaType: stored.media_type, thumbnailSha256: stored.thumbnail }
  }

  return {
    upload,
    exists: (hash: string) => SHA256.test(hash) && select.get(hash) !== undefined,
    /** For the transports: the file and its type, or null (unknown hashes and malformed names alike). */
    find(hash: string): { path: string; mediaType: string } | null {
      if (!SHA256.test(hash)) return null
      const row = select.get(hash)
      return row && existsSync(pathOf(hash)) ? { path: pathOf(hash), mediaType: row.media_type } : null
    },
  }
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>
