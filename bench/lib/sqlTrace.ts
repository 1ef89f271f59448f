// Which SQL statements one dispatcher call runs. The bench wraps better-sqlite3's statement methods
// for the length of one call (never while timing), so the report can say how many statements an
// operation costs and check that each floor runs SQL the core really runs: if the core's queries
// change and the floor's copy does not, the run says so instead of comparing against stale SQL.
import type { Db } from '../../src/main/db/database'

export interface TracedStatement {
  sql: string
  method: 'run' | 'get' | 'all' | 'iterate'
}

const METHODS = ['run', 'get', 'all', 'iterate'] as const

/** Runs `fn` and returns every statement executed meanwhile (on any connection of this process). */
export async function traceStatements<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; statements: TracedStatement[] }> {
  const probe = db.prepare('SELECT 1')
  // All statements of better-sqlite3 share one prototype; wrapping it catches statements the core
  // prepared long ago as well as the ones it prepares during the call.
  const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>
  const statements: TracedStatement[] = []
  const originals = METHODS.map((m) => [m, proto[m]!] as const)
  for (const [method, original] of originals) {
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      statements.push({ sql: this.source, method })
      return original.apply(this, args)
    }
  }
  try {
    const result = await fn()
    return { result, statements }
  } finally {
    for (const [method, original] of originals) proto[method] = original
  }
}

/** SQL compared without regard to white space. */
export const normaliseSql = (sql: string) => sql.replace(/\s+/g, ' ').trim()

/** The floor statements that the traced call did not run (empty: the floor's SQL is the core's). */
export function missingFromTrace(floorSql: readonly string[], traced: readonly TracedStatement[]): string[] {
  const seen = new Set(traced.map((s) => normaliseSql(s.sql)))
  return floorSql.filter((sql) => !seen.has(normaliseSql(sql)))
}
