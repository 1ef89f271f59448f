// Test support: a real core on a real SQLite file in a fresh temp folder, and a checksum of every
// table so a test can prove that a refused call changed nothing.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Method, MethodInput, MethodOutput } from '../../shared/contract'
import type { ApiResult } from '../../shared/result'
import { openWerkbank, type WerkbankCore, type WerkbankOptions } from '../bootstrap'
import type { Db } from '../db/database'
import type { Logger } from '../log'

export interface TestCore extends WerkbankCore {
  /** Calls a method as the given profile (null: no profile picked). */
  as<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>
  /** Like `as`, but fails the test unless the call succeeds. */
  ok<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  logged: { level: string; event: string; context?: Record<string, unknown> }[]
  cleanup(): void
}

export function makeTempDir(prefix = 'werkbank-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openTestCore(options: Partial<WerkbankOptions> = {}): TestCore {
  const dataDir = options.dataDir ?? makeTempDir()
  const logged: TestCore['logged'] = []
  const log: Logger = {
    info: (event, context) => logged.push({ level: 'info', event, context }),
    error: (event, context) => logged.push({ level: 'error', event, context }),
  }
  const core = openWerkbank({ log, validateOutputs: true, ...options, dataDir })
  const as: TestCore['as'] = (actorId, method, input) =>
    core.call(method, { input, actorId }) as Promise<ApiResult<MethodOutput<typeof method>>>
  return {
    ...core,
    as,
    async ok(actorId, method, input) {
      const result = await as(actorId, method, input)
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
      return result.value
    },
    logged,
    cleanup() {
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** SHA-256 over every row of every table: equal before and after means nothing was written. */
export function tableChecksum(db: Db): string {
  const hash = createHash('sha256')
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
  for (const { name } of tables) {
    hash.update(name)
    // Table names come from sqlite_schema, not from input; identifiers cannot be bound.
    // Rows are sorted as text because WITHOUT ROWID tables have no rowid to order by.
    const rows = db
      .prepare('SELECT * FROM "' + name.replace(/"/g, '""') + '"')
      .all()
      .map((row) => JSON.stringify(row))
    for (const row of rows.sort()) hash.update(row)
  }
  return hash.digest('hex')
}
