// Restore: check a candidate database in a copy of its own, refuse it with a reason when it is not a
// sound Werkbank database this version can open, and otherwise copy it over the live database with
// SQLite's backup API while the app keeps running. See docs/backup.md ("Restore").
//
// The candidate is ATTACHed to the live connection rather than opened with a driver of its own: the
// Electron app loads better-sqlite3 from a build of its own, and the live connection already has it.
import { closeSync, copyFileSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../db/migrations'
import { migrate, type Db } from '../db/database'
import { AppError } from '../errors'

// The candidate's schema name in the live connection is `restore_candidate`, written out in each statement.
const CANDIDATE = 'restore_candidate'

/** The tables a Werkbank database of this schema version has: those its migrations create and do not drop. */
export function expectedTables(version: number, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const tables = new Set<string>()
  for (const migration of migrations.filter((m) => m.version <= version)) {
    const sql = migration.sql.replace(/--[^\n]*/g, '')
    for (const m of sql.matchAll(/CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["`]?(\w+)/gi)) tables.add(m[1]!.toLowerCase())
    for (const m of sql.matchAll(/DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?["`]?(\w+)/gi)) tables.delete(m[1]!.toLowerCase())
    for (const m of sql.matchAll(/ALTER\s+TABLE\s+["`]?(\w+)["`]?\s+RENAME\s+TO\s+["`]?(\w+)/gi)) {
      tables.delete(m[1]!.toLowerCase())
      tables.add(m[2]!.toLowerCase())
    }
  }
  return [...tables].sort()
}

// The reason is written as `{ reason: '…' }` at each call, where the i18n test finds it.
const refuse = (details: { reason: string }, message: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', `This file cannot be restored: ${message}. Nothing has been changed.`, { ...details, ...params })

/**
 * Attaches the candidate (a copy in a work folder, never the user's own file) and checks it; throws
 * AppError with the reason when it is refused. Leaves it attached on success; the caller detaches.
 */
export function attachAndCheck(db: Db, candidateFile: string): { schemaVersion: number } {
  // The header first: SQLite would treat a file of random bytes as an empty database until read.
  const header = Buffer.alloc(16)
  const fd = openSync(candidateFile, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') throw refuse({ reason: 'restoreNotSqlite' }, 'it is not an SQLite database')

  try {
    db.prepare('ATTACH DATABASE ? AS restore_candidate').run(candidateFile)
  } catch {
    throw refuse({ reason: 'restoreCorrupt' }, 'the file is damaged')
  }
  try {
    let schemaVersion: number
    let tables: string[]
    try {
      schemaVersion = db.pragma('restore_candidate.user_version', { simple: true }) as number
      tables = db
        .prepare<[], { name: string }>("SELECT name FROM restore_candidate.sqlite_schema WHERE type = 'table'")
        .all()
        .map((r) => r.name.toLowerCase())
    } catch {
      throw refuse({ reason: 'restoreCorrupt' }, 'the file is damaged')
    }
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw refuse(
        { reason: 'restoreTooNew' },
        `it was made by a newer Werkbank (schema ${schemaVersion}, this version knows up to ${LATEST_SCHEMA_VERSION})`,
        {
          found: schemaVersion,
          known: LATEST_SCHEMA_VERSION,
        },
      )
    }
    const missing = expectedTables(schemaVersion).filter((t) => !tables.includes(t))
    if (schemaVersion <= 0 || !MIGRATIONS.some((m) => m.version === schemaVersion) || missing.length > 0) {
      throw refuse({ reason: 'restoreNotWerkbank' }, 'it is not a Werkbank database')
    }

    let integrity: string[]
    try {
      integrity = db
        .prepare<[], { integrity_check: string }>('PRAGMA restore_candidate.integrity_check(20)')
        .all()
        .map((r) => r.integrity_check)
    } catch {
      integrity = ['unreadable']
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw refuse({ reason: 'restoreCorrupt' }, 'the file is damaged')

    let violations: number
    try {
      violations = db.prepare('PRAGMA restore_candidate.foreign_key_check').all().length
    } catch {
      throw refuse({ reason: 'restoreCorrupt' }, 'the file is damaged')
    }
    if (violations > 0)
      throw refuse({ reason: 'restoreForeignKeys' }, `${violations} records refer to records that are not there`, { count: violations })

    // The backup API into a WAL database needs equal page sizes; a file from elsewhere may differ.
    const pageSize = db.pragma('main.page_size', { simple: true }) as number
    if (db.pragma('restore_candidate.page_size', { simple: true }) !== pageSize) {
      db.pragma('restore_candidate.journal_mode = DELETE')
      db.pragma('restore_candidate.page_size = ' + Number(pageSize))
      db.exec('VACUUM restore_candidate')
    }
    return { schemaVersion }
  } catch (error) {
    detachCandidate(db)
    throw error
  }
}

export function detachCandidate(db: Db): void {
  db.exec('DETACH DATABASE restore_candidate')
}

/**
 * Copies the attached, checked candidate over the live database file. The backup API writes through
 * a connection of its own and holds the write lock from its first step to its last; SQLite's change
 * counter then makes the live connection drop its page cache, so every later read sees the restored
 * data, and prepared statements are prepared again if the schema differs. A write that arrives in
 * the one turn of the event loop between the two steps fails at once (busy timeout 0) rather than
 * blocking the loop: it would have been overwritten by the restore anyway.
 */
export async function copyOverLive(db: Db, liveFile: string, schemaVersion: number): Promise<void> {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    // `attached` picks the source schema; better-sqlite3 has it, its type definitions lack it.
    const backup = db.backup.bind(db) as (file: string, options: { attached: string; progress: () => number }) => Promise<unknown>
    await backup(liveFile, { attached: CANDIDATE, progress: () => 0x7fffffff })
  } finally {
    db.pragma('busy_timeout = ' + Number(busyTimeout))
    detachCandidate(db)
  }
  // An older backup is brought up to this version's schema, as opening it would have done.
  if (schemaVersion < LATEST_SCHEMA_VERSION) migrate(db, MIGRATIONS)
}

/** Puts a candidate's bytes in the work folder (a copy: checking may touch the file). */
export function stageCandidate(work: string, source: string | Buffer): string {
  const file = join(work, 'candidate.sqlite')
  if (typeof source === 'string') copyFileSync(source, file)
  else writeFileSync(file, source)
  return file
}

/** Attachments the restored database lists whose file is not in the data folder. */
export function countMissingAttachments(db: Db, attachmentsDir: string): number {
  let missing = 0
  for (const { sha256 } of db.prepare<[], { sha256: string }>('SELECT sha256 FROM attachments').iterate()) {
    if (!existsSync(join(attachmentsDir, sha256.slice(0, 2), sha256))) missing++
  }
  return missing
}
