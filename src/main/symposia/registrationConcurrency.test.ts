// Registering for the last places under concurrency: several processes, each with its own
// connection to the same database file, register (and cancel) at the same moment. Never over
// capacity, never a lost registration, and the waitlist stays one unbroken line.
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/result'
import type { Registration } from '../../shared/symposia'
import { openTestCore, type TestCore } from '../testing/testCore'

const CAPACITY = 3
// Its own folder: the bookings test empties werkbank-tests/ when it builds its worker.
const outDir = resolve('node_modules/.cache/werkbank-registration-tests')
const workerBundle = resolve(outDir, 'registrationWorker.mjs')
let core: TestCore
let teacherId: number
let editionId: number

beforeAll(async () => {
  // The worker runs as plain Node, so it is bundled first (migrations are bundled at build time).
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('src/main/testing/registrationWorker.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'registrationWorker.mjs' } },
    },
  })
  // Real time, as in the workers; the registration window is open whatever today is.
  core = openTestCore()
  const coordinator = await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator' })
  teacherId = (await core.ok(coordinator.id, 'people.create', { name: 'Anouk Docent', role: 'teacher' })).id
  const edition = await core.ok(coordinator.id, 'symposia.create', {
    title: 'Symposium',
    startsOn: '2099-05-14',
    days: 1,
    dayStarts: '09:00',
    dayEnds: '17:00',
    cfpOpensOn: '2020-01-01',
    cfpClosesOn: '2099-01-01',
    registrationOpensOn: '2020-01-01',
    registrationClosesOn: '2099-05-10',
    capacity: CAPACITY,
    criteria: [{ name: 'Inhoud' }],
  })
  editionId = edition.id
  await core.ok(teacherId, 'registrations.register', { editionId, attendee: attendee('Eerste') })
  core.close()
}, 60_000)
afterAll(() => core.cleanup())

function attendee(name: string) {
  return { name, email: `${name.toLowerCase()}@example.test`, role: 'external' as const, organisation: null }
}

type Call = { method: 'registrations.register' | 'registrations.cancel'; input: unknown }

/** Starts one process per call, waits until all are ready, then lets them go at once. */
async function race(calls: Call[]): Promise<ApiResult<unknown>[]> {
  const children: ChildProcess[] = []
  const ready: Promise<void>[] = []
  const results: Promise<ApiResult<unknown>>[] = []
  for (const call of calls) {
    const child = fork(workerBundle, [core.dataDir, String(teacherId), call.method, JSON.stringify(call.input)], { stdio: 'inherit' })
    children.push(child)
    ready.push(new Promise((done) => child.once('message', () => done())))
    results.push(new Promise((done) => child.on('message', (m) => m !== 'ready' && done(m as ApiResult<unknown>))))
  }
  await Promise.all(ready)
  for (const child of children) child.send('go')
  return Promise.all(results)
}

interface Row {
  id: number
  name: string
  status: string
  position: number | null
  promoted_at: string | null
}

function readRegistrations(): Row[] {
  const db = new Database(resolve(core.dataDir, 'werkbank.sqlite'), { readonly: true })
  const rows = db
    .prepare(
      `SELECT id, name, status, promoted_at,
         CASE WHEN status = 'waitlisted' THEN row_number() OVER (PARTITION BY status ORDER BY waitlisted_at, id) END AS position
       FROM symposium_registrations WHERE edition_id = ? ORDER BY id`,
    )
    .all(editionId) as Row[]
  db.close()
  return rows
}

function expectOneUnbrokenLine(rows: Row[]) {
  expect(rows.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY)
  const waiting = rows.filter((r) => r.status === 'waitlisted')
  expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(waiting.map((_, i) => i + 1))
}

describe('concurrent registrations for the last places', () => {
  it('never goes over capacity nor loses anyone, and numbers the waitlist 1, 2, 3 … without gaps', async () => {
    const names = ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva', 'Fenna']
    const results = await race(names.map((name) => ({ method: 'registrations.register', input: { editionId, attendee: attendee(name) } })))
    for (const result of results) expect(result.ok, JSON.stringify(result)).toBe(true)
    const registrations = results.map((r) => (r as { value: Registration }).value)
    // Two places were left: two got one, four wait, and each was told a different place in line.
    expect(registrations.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY - 1)
    const told = registrations.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)
    expect(told.sort()).toEqual([1, 2, 3, 4])

    const rows = readRegistrations()
    expect(rows.map((r) => r.name).sort()).toEqual(['Eerste', ...names].sort())
    expectOneUnbrokenLine(rows)
  }, 60_000)

  it('hands every freed place to the line while others register at the same moment', async () => {
    const before = readRegistrations()
    const leaving = before.filter((r) => r.status === 'registered')
    const calls: Call[] = [
      ...leaving.map((r) => ({ method: 'registrations.cancel' as const, input: { id: r.id, version: r.promoted_at ? 2 : 1 } })),
      ...['Gijs', 'Hanna', 'Ivo'].map((name) => ({
        method: 'registrations.register' as const,
        input: { editionId, attendee: attendee(name) },
      })),
    ]
    const results = await race(calls)
    for (const result of results) expect(result.ok, JSON.stringify(result)).toBe(true)

    const rows = readRegistrations()
    expect(rows.filter((r) => r.status === 'cancelled').map((r) => r.id)).toEqual(leaving.map((r) => r.id))
    expect(rows.filter((r) => r.status !== 'cancelled')).toHaveLength(before.length - leaving.length + 3)
    expectOneUnbrokenLine(rows)
    // The places went to those who were waiting before the race, in their order.
    const waitingBefore = before.filter((r) => r.status === 'waitlisted').sort((a, b) => a.position! - b.position!)
    const promoted = rows.filter((r) => r.promoted_at !== null && !before.find((b) => b.id === r.id && b.promoted_at)).map((r) => r.id)
    expect(promoted.sort()).toEqual(
      waitingBefore
        .slice(0, CAPACITY)
        .map((r) => r.id)
        .sort(),
    )
  }, 60_000)
})
