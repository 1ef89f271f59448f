// The backups folder of a data folder (`<dataDir>/backups/<id>/`): making a backup (the database
// copy, the attachments, a manifest), listing, deleting and retention. No services here, only the
// connection and the folder, so the database opener can make its pre-migration backup with it too.
// See docs/backup.md.
import { randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { version as appVersion } from '../../../package.json'
import { BACKUP_ID, backupInfo, type BackupInfo, type BackupKind } from '../../shared/backup'
import type { Db } from '../db/database'

export const BACKUPS_FOLDER = 'backups'
export const BACKUP_DATABASE = 'werkbank.sqlite'
const MANIFEST = 'manifest.json'
const ATTACHMENTS = 'attachments'
/** Folders being written or checked start with a dot: never listed, removed when found stale. */
const WORK_PREFIX = '.work-'

/** Retention of the scheduled backups (docs/backup.md): the newest 7 daily and 4 weekly. */
export const KEEP = { daily: 7, weekly: 4, manual: 20, 'pre-migration': 10, 'pre-restore': 10 } as const satisfies Record<
  BackupKind,
  number
>

export const backupsFolder = (dataDir: string) => join(dataDir, BACKUPS_FOLDER)

/** Folder name: the UTC time (file-name safe) and the kind, e.g. 2026-03-02T08-00-00-000Z-daily. */
function newId(root: string, kind: BackupKind, at: Date): string {
  const base = `${at.toISOString().replace(/[:.]/g, '-')}-${kind}`
  let id = base
  for (let n = 2; existsSync(join(root, id)); n++) id = `${base}-${n}`
  return id
}

/** A folder of our own inside backups/ for work in progress; the caller removes it (or renames it into place). */
export function workFolder(dataDir: string): string {
  const dir = join(backupsFolder(dataDir), `${WORK_PREFIX}${randomBytes(6).toString('hex')}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/**
 * A backup made while the app runs: SQLite's online backup API copies the live database page by
 * page, yielding to the event loop between steps, so the app keeps answering. Writes made through
 * this same connection meanwhile are carried into the copy, so it is one consistent state.
 */
export async function makeBackup(db: Db, dataDir: string, kind: BackupKind, at: Date): Promise<BackupInfo> {
  const work = workFolder(dataDir)
  try {
    await db.backup(join(work, BACKUP_DATABASE))
    return finish(db, dataDir, work, kind, at)
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}

/**
 * The same, in one synchronous step, for the moment the database is opened (before migrating):
 * nothing else runs yet, and opening cannot wait. VACUUM INTO writes a consistent copy.
 */
export function makeBackupNow(db: Db, dataDir: string, kind: BackupKind, at: Date): BackupInfo {
  const work = workFolder(dataDir)
  try {
    db.prepare('VACUUM INTO ?').run(join(work, BACKUP_DATABASE))
    return finish(db, dataDir, work, kind, at)
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}

function finish(db: Db, dataDir: string, work: string, kind: BackupKind, at: Date): BackupInfo {
  const attachments = copyAttachments(join(dataDir, ATTACHMENTS), join(work, ATTACHMENTS))
  const root = backupsFolder(dataDir)
  const id = newId(root, kind, at)
  const info: BackupInfo = {
    id,
    createdAt: at.toISOString(),
    kind,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    appVersion,
    databaseBytes: statSync(join(work, BACKUP_DATABASE)).size,
    attachmentCount: attachments.count,
    attachmentBytes: attachments.bytes,
  }
  const { id: _id, ...manifest } = info
  void _id
  writeFileSync(join(work, MANIFEST), JSON.stringify({ format: 'werkbank-backup', ...manifest }, null, 2) + '\n', { flush: true })
  // The manifest is written last and the folder renamed into place: a backup cut short never lists.
  renameSync(work, join(root, id))
  return info
}

/**
 * Attachments are stored under their SHA-256 and never change, so a hard link is a full copy that
 * costs no space; a plain copy where links are not possible (another drive). Only missing files are
 * added, so the same function puts a backup's attachments back on restore.
 */
export function copyAttachments(from: string, to: string): { count: number; bytes: number } {
  let count = 0
  let bytes = 0
  if (!existsSync(from)) return { count, bytes }
  for (const shard of readdirSync(from)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue
    for (const name of readdirSync(join(from, shard))) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue // temp files of an upload in progress
      const source = join(from, shard, name)
      const target = join(to, shard, name)
      count++
      bytes += statSync(source).size
      if (existsSync(target)) continue
      mkdirSync(join(to, shard), { recursive: true })
      try {
        linkSync(source, target)
      } catch {
        copyFileSync(source, target)
      }
    }
  }
  return { count, bytes }
}

/** Every complete backup, newest first. A folder without a readable manifest is not a backup. */
export function listBackups(dataDir: string): BackupInfo[] {
  const root = backupsFolder(dataDir)
  if (!existsSync(root)) return []
  const found: BackupInfo[] = []
  for (const id of readdirSync(root)) {
    if (!BACKUP_ID.test(id)) continue
    const manifest = readManifest(join(root, id))
    if (manifest) found.push(manifest)
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
}

function readManifest(dir: string): BackupInfo | null {
  try {
    const { format, ...rest } = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Record<string, unknown>
    if (format !== 'werkbank-backup') return null
    const id = dir.split(/[\\/]/).at(-1)!
    const parsed = backupInfo.safeParse({ ...rest, id })
    return parsed.success && existsSync(join(dir, BACKUP_DATABASE)) ? parsed.data : null
  } catch {
    return null
  }
}

export function backupDatabaseFile(dataDir: string, id: string): string {
  return join(backupsFolder(dataDir), id, BACKUP_DATABASE)
}

export function backupAttachmentsFolder(dataDir: string, id: string): string {
  return join(backupsFolder(dataDir), id, ATTACHMENTS)
}

export function deleteBackup(dataDir: string, id: string): void {
  if (!BACKUP_ID.test(id)) throw new Error(`Not a backup id: ${id}`)
  rmSync(join(backupsFolder(dataDir), id), { recursive: true, force: true })
}

/**
 * Keeps the newest KEEP[kind] backups of each kind and deletes the rest; also removes work folders
 * left by a backup that was cut short (a crash, or closing the app mid-backup). Returns the deleted ids.
 */
export function applyRetention(dataDir: string): string[] {
  const root = backupsFolder(dataDir)
  if (!existsSync(root)) return []
  for (const name of readdirSync(root)) {
    if (name.startsWith(WORK_PREFIX) && Date.now() - statSync(join(root, name)).mtimeMs > 24 * 3_600_000) {
      rmSync(join(root, name), { recursive: true, force: true })
    }
  }
  const deleted: string[] = []
  const seen: Record<string, number> = {}
  for (const backup of listBackups(dataDir)) {
    seen[backup.kind] = (seen[backup.kind] ?? 0) + 1
    if (seen[backup.kind]! > KEEP[backup.kind]) {
      deleteBackup(dataDir, backup.id)
      deleted.push(backup.id)
    }
  }
  return deleted
}

/**
 * What the schedule makes now: a weekly backup when the newest weekly is 7 days old or more (or
 * there is none), otherwise a daily one when the newest scheduled backup is 24 hours old or more;
 * null when neither is due. So one backup a day, and every seventh day's is the weekly one.
 */
export function dueKind(dataDir: string, now: Date): 'daily' | 'weekly' | null {
  const backups = listBackups(dataDir)
  const age = (kinds: BackupKind[]) => {
    const newest = backups.find((b) => kinds.includes(b.kind))
    return newest ? now.getTime() - Date.parse(newest.createdAt) : Infinity
  }
  // A little slack, so an hourly check does not drift a day's backup by an hour every day.
  const DAY = 24 * 3_600_000 - 5 * 60_000
  if (age(['daily', 'weekly']) < DAY) return null
  return age(['weekly']) >= 7 * 24 * 3_600_000 - 5 * 60_000 ? 'weekly' : 'daily'
}

const queues = new WeakMap<Db, Promise<unknown>>()

/** Backups and restores of one database run one after the other, never interleaved. */
export function oneAtATime<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve()
  const next = previous.then(work, work)
  queues.set(
    db,
    next.catch(() => undefined),
  )
  return next
}
