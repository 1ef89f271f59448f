// The floor of a read-only operation that runs many statements (a portfolio, a report, the
// dashboard): instead of a hand-kept copy of a dozen queries, the floor replays exactly the
// statements, with their parameters, that one dispatcher call ran — traced while that call runs
// (untimed) — on the floor's own connection with statements prepared once. What is left between the
// two paths is the core's own work: validation, the JavaScript that shapes rows into the answer,
// and the result's copy.
//
// It relies on the handler being synchronous: better-sqlite3 is, and the dispatcher calls the
// handler before its first await, so every statement runs inside `core.call(...)` itself. A call
// that ran no statement, or wrote, is refused: replaying writes would change the data under the
// operation being measured (BEGIN and COMMIT of a read transaction are replayed as they are).
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../src/main/db/database'
import type { Centre, Invocation } from './types'

interface RecordedStatement {
  sql: string
  method: 'get' | 'all' | 'iterate' | 'run'
  args: unknown[]
}

const METHODS = ['run', 'get', 'all', 'iterate'] as const
/** A read that holds one snapshot over several statements runs them in a transaction: replayed as well. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i

function recordSynchronously(db: Db, fn: () => unknown): RecordedStatement[] {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>
  const recorded: RecordedStatement[] = []
  const originals = METHODS.map((m) => [m, proto[m]!] as const)
  for (const [method, original] of originals) {
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      recorded.push({ sql: this.source, method, args })
      return original.apply(this, args)
    }
  }
  try {
    fn()
  } finally {
    for (const [method, original] of originals) proto[method] = original
  }
  return recorded
}

/** A floor for `Operation.floor`/`floorSql` that replays what the dispatcher ran for the next input. */
export function replayFloor(centre: Centre, nextInvocation: () => Invocation) {
  const prepared = new Map<string, Statement<unknown[]>>()
  let lastSql: string[] = []
  return {
    get floorSql(): readonly string[] {
      return lastSql
    },
    floor(): () => unknown {
      const invocation = nextInvocation()
      const recorded = recordSynchronously(centre.core.db, () =>
        centre.core.call(invocation.method, { input: invocation.input, actorId: invocation.actorId }),
      )
      if (recorded.length === 0) throw new Error(`${invocation.method} ran no statement synchronously: it cannot be replayed`)
      const write = recorded.find((s) => s.method === 'run' && !TRANSACTION_CONTROL.test(s.sql))
      if (write) throw new Error(`${invocation.method} writes (${write.sql.slice(0, 60)}…): a replay floor is for reads only`)
      lastSql = recorded.map((s) => s.sql)
      const steps = recorded.map((s) => {
        let statement = prepared.get(s.sql)
        if (!statement) prepared.set(s.sql, (statement = centre.floorDb.prepare<unknown[]>(s.sql)))
        const run = statement
        if (s.method === 'run') return () => run.run(...s.args)
        return s.method === 'get' ? () => run.get(...s.args) : () => run.all(...s.args)
      })
      return () => {
        for (const step of steps) step()
      }
    },
  }
}
