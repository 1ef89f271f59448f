// Crash safety: a child process runs the core under a heavy write load and is killed with SIGKILL at
// a random moment, several times over on the same data folder. After each kill the database must
// open with integrity_check "ok" and hold every write the child had acknowledged. This proves
// durability across a crash of the process, not across a power cut (docs/backup.md, "Crash safety").
// `npm run soak -- --rounds 50` runs many more rounds (WERKBANK_SOAK_ROUNDS).
import Database from 'better-sqlite3'
import { fork } from 'node:child_process'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../testing/testCore'

const SOAK = process.env.WERKBANK_SOAK_ROUNDS !== undefined
const ROUNDS = SOAK ? Number(process.env.WERKBANK_SOAK_ROUNDS) : 3
// The soak lets the child write longer, so kills also land in WAL checkpoints of a bigger file.
const MAX_WRITE_MS = SOAK ? 2000 : 500
const outDir = resolve('node_modules/.cache/werkbank-tests-crash')
const workerBundle = join(outDir, 'crashWorker.mjs')
let core: TestCore
let coordinatorId: number

beforeAll(async () => {
  // The worker runs as plain Node, so it is bundled first (migrations are bundled at build time).
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('src/main/backup/crashWorker.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'crashWorker.mjs' } },
    },
  })
  core = openTestCore()
  coordinatorId = (await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator' })).id
  core.close()
}, 60_000)
afterAll(() => core.cleanup())

/** Runs the child until it has written for `ms` milliseconds, kills it, and returns what it acknowledged. */
function writeAndKill(round: number, ms: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const acked: string[] = []
    const child = fork(workerBundle, [core.dataDir, String(coordinatorId), String(round)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    child.on('message', (message) => {
      if (message === 'ready') setTimeout(() => child.kill('SIGKILL'), ms)
      else acked.push((message as { ack: string }).ack)
    })
    child.on('error', fail)
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done(acked) : fail(new Error(`worker ended by itself (${code})`))))
  })
}

describe('killing the server process in the middle of writes', () => {
  it(
    `loses no acknowledged write and leaves a sound database (${ROUNDS} rounds)`,
    async () => {
      const all: string[] = []
      for (let round = 1; round <= ROUNDS; round++) {
        const acked = await writeAndKill(round, 150 + Math.floor(Math.random() * MAX_WRITE_MS))
        expect(acked.length).toBeGreaterThan(0)
        all.push(...acked)
        if (SOAK) console.log(`round ${round}: ${acked.length} acknowledged writes, ${all.length} in all`)

        // Opening replays the WAL the killed process left behind.
        const db = new Database(join(core.dataDir, 'werkbank.sqlite'))
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
          const stored = new Set(db.prepare<[], { title: string }>('SELECT title FROM notes').pluck().all() as unknown as string[])
          const lost = all.filter((title) => !stored.has(title))
          expect(lost, `round ${round}: acknowledged writes missing`).toEqual([])
        } finally {
          db.close()
        }
      }
      // And the core opens on it and writes as usual.
      const reopened = openTestCore({ dataDir: core.dataDir })
      await reopened.ok(coordinatorId, 'notes.create', { content: { title: 'Na de crashes', category: 'safety' } })
      reopened.close()
    },
    30_000 + ROUNDS * 10_000,
  )
})
