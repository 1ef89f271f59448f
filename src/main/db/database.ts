// Opens the one database of a data folder: refuses files from a newer Werkbank, sets the pragmas,
// backs up and migrates. Only the owning process (Electron main, or the browser-mode server) calls this.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { makeBackupNow } from '../backup/backupStore'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly foundVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Werkbank (schema ${foundVersion}; this version knows up to ${knownVersion}). ` +
        'Install the newer Werkbank to open it. The file has not been changed.',
    )
    this.name = 'DatabaseTooNewError'
  }
}

export interface OpenDatabaseOptions {
  /** Path to a better-sqlite3 build for this runtime (Electron needs its own, see scripts/prepare-electron-native.mjs). */
  nativeBinding?: string
  migrations?: readonly Migration[]
  /** The data folder whose `backups/` gets the copy made before migrating; default: the database's folder. */
  dataDir?: string
  now?: () => Date
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS
  const known = migrations.at(-1)?.version ?? 0
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}

  // Look before touching: setting WAL or migrating would change a file we must leave alone.
  if (existsSync(file)) {
    const peek = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true })
    const found = readUserVersion(peek)
    peek.close()
    if (found > known) throw new DatabaseTooNewError(file, found, known)
  } else {
    mkdirSync(dirname(file), { recursive: true })
  }

  const db = new Database(file, driverOptions)
  try {
    // WAL lets readers run beside the writer. synchronous=FULL syncs the WAL at every commit: an
    // acknowledged booking or registration survives a power cut, not only a crash of the process
    // (which NORMAL would also survive). Writes here are small, so the cost is low. docs/backup.md.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Only an existing database with pending migrations is backed up first; a new file has nothing to keep.
    migrate(db, migrations, (current) => {
      if (current > 0) makeBackupNow(db, options.dataDir ?? dirname(file), 'pre-migration', options.now?.() ?? new Date())
    })
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Runs the migrations the database has not had yet; `beforeFirst` runs only when there are any. */
export function migrate(db: Db, migrations: readonly Migration[], beforeFirst?: (current: number) => void): void {
  const current = readUserVersion(db)
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return

  beforeFirst?.(current)

  for (const migration of pending) {
    if (!Number.isInteger(migration.version) || migration.version <= 0) throw new Error(`Bad migration version ${migration.version}`)
    // One immediate transaction per migration: either the whole step and its version land, or neither.
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}
