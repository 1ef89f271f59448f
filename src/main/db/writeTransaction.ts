// Every write in the core runs as BEGIN IMMEDIATE: the write lock is taken before the first read,
// so a check-then-write (an overlap, a free e-mail address, a version) cannot be overtaken by
// another connection between the check and the write.
import type { Db } from './database'

export function writeTransaction<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn)
  return (...args: A) => transaction.immediate(...args)
}
