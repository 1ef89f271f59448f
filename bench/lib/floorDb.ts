// The floor's connection: plain better-sqlite3 on the same database file with the pragmas the core
// sets (src/main/db/database.ts), so the only difference left is the core's own work.
import Database from 'better-sqlite3'
import type { Db } from '../../src/main/db/database'

export function openFloorDb(file: string): Db {
  const db = new Database(file, { fileMustExist: true })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}

/** Runs `fn` in BEGIN IMMEDIATE … COMMIT, as the core's writeTransaction does. */
export function immediate<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn)
  return (...args: A) => transaction.immediate(...args)
}
