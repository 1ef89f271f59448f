// No double booking under concurrency: several processes book the same slot at the same moment,
// each through its own connection to the same database file. Exactly one may win.
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/result'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'

const WORKERS = 6
const workerBundle = resolve('node_modules/.cache/werkbank-tests/bookingWorker.mjs')
let centre: BookingCentre

beforeAll(async () => {
  // The worker runs as plain Node, so it is bundled first (migrations are bundled at build time).
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('src/main/testing/bookingWorker.ts'),
      outDir: resolve('node_modules/.cache/werkbank-tests'),
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'bookingWorker.mjs' } },
    },
  })
  // Real time, so the slot is in the future for the workers too.
  centre = await openBookingCentre({ horizonDays: 730, openingHours: Array(7).fill([{ from: '00:00', to: '24:00' }]) })
  centre.clock.now = new Date()
  await centre.core.ok(centre.coordinator.id, 'permits.grant', {
    personId: centre.freelancer.id,
    equipmentId: centre.laser.id,
    level: 'independent',
  })
  centre.core.close()
}, 60_000)
afterAll(() => centre.core.cleanup())

async function race(slotStart: string, slotEnd: string): Promise<ApiResult<unknown>[]> {
  const envelope = JSON.stringify({ equipmentId: centre.laser.id, startsAt: slotStart, endsAt: slotEnd })
  const children: ChildProcess[] = []
  const ready: Promise<void>[] = []
  const results: Promise<ApiResult<unknown>>[] = []
  for (let i = 0; i < WORKERS; i++) {
    const child = fork(workerBundle, [centre.core.dataDir, String(centre.freelancer.id), envelope], { stdio: 'inherit' })
    children.push(child)
    ready.push(new Promise((done) => child.once('message', () => done())))
    results.push(new Promise((done) => child.on('message', (m) => m !== 'ready' && done(m as ApiResult<unknown>))))
  }
  await Promise.all(ready)
  for (const child of children) child.send('go')
  return Promise.all(results)
}

describe('concurrent bookings of the same slot', () => {
  it('lets exactly one process win; the others get CONFLICT and the table holds one booking', async () => {
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    for (const hour of ['10:00', '14:00']) {
      const startsAt = at(`${day} ${hour}`)
      const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString()
      const results = await race(startsAt, endsAt)
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      for (const loser of results.filter((r) => !r.ok)) {
        expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'overlap' } } })
      }
    }
    const Database = (await import('better-sqlite3')).default
    const db = new Database(resolve(centre.core.dataDir, 'werkbank.sqlite'), { readonly: true })
    expect(db.prepare("SELECT count(*) AS n FROM bookings WHERE status = 'confirmed'").get()).toEqual({ n: 2 })
    db.close()
  }, 60_000)
})
