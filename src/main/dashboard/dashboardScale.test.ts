// Opt-in: the dashboard on a copy of a bench centre (`npm run bench -- --keep` prints the folders).
//   WERKBANK_DASHBOARD_DATA=/path/to/copy npx vitest run src/main/dashboard/dashboardScale.test.ts
// Prints the median and p95 of `dashboard.today` for a coordinator and a student at the bench's
// pinned now (Monday 9 March 2026 09:00 in Amsterdam). Migrates the copy it is given.
import { describe, expect, test } from 'vitest'
import { openTestCore } from '../testing/testCore'

const dataDir = process.env.WERKBANK_DASHBOARD_DATA

describe.skipIf(!dataDir)('dashboard.today at bench size', () => {
  test('answers well under 100 ms', async () => {
    const core = openTestCore({ dataDir: dataDir!, clock: () => new Date('2026-03-09T08:00:00Z') })
    try {
      const { id: coordinator } = core.db
        .prepare<[], { id: number }>("SELECT id FROM people WHERE role = 'coordinator' AND active = 1 LIMIT 1")
        .get()!
      const { id: student } = core.db
        .prepare<[], { id: number }>(
          "SELECT person_id AS id FROM bookings WHERE kind = 'use' AND starts_at > 1773043200000 AND person_id IN (SELECT id FROM people WHERE role = 'student') LIMIT 1",
        )
        .get()!
      for (const [label, actor] of [
        ['coordinator', coordinator],
        ['student', student],
      ] as const) {
        const times: number[] = []
        let sizes = ''
        for (let i = 0; i < 60; i++) {
          const start = performance.now()
          const today = await core.ok(actor, 'dashboard.today', {})
          times.push(performance.now() - start)
          sizes = `machines ${today.machines.length}, current ${today.machines.filter((m) => m.current).length}, checked in ${today.checkedIn.length}, pending ${today.pending.count}, permits ${today.permits.count}, deadlines ${today.deadlines.length}, my next ${today.myNext.length}`
        }
        times.sort((a, b) => a - b)
        console.log(`${label}: p50 ${times[30]!.toFixed(2)} ms, p95 ${times[57]!.toFixed(2)} ms (${sizes})`)
        expect(times[57]!).toBeLessThan(100)
      }
    } finally {
      core.close()
    }
  }, 120_000)
})
