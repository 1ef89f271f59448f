import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EditionSummary } from '../../shared/symposia'
import { openTestCore, type TestCore } from '../testing/testCore'

let core: TestCore
let coordinator: number
let last: EditionSummary
let next: EditionSummary

beforeAll(async () => {
  core = openTestCore({ demo: true })
  coordinator = (await core.ok(null, 'people.list', { role: 'coordinator', limit: 1 })).items[0]!.id
  const editions = await core.ok(coordinator, 'symposia.list', {})
  ;[next, last] = editions as [EditionSummary, EditionSummary]
})
afterAll(() => core.cleanup())

describe('the demo symposia', () => {
  it('has last year’s edition behind today and next year’s ahead, both Thursday and Friday', () => {
    const today = new Date().toISOString().slice(0, 10)
    expect(last.dates[1]! < today).toBe(true)
    expect(next.dates[0]! > today).toBe(true)
    for (const edition of [last, next]) expect(new Date(edition.dates[0] + 'T12:00:00Z').getUTCDay()).toBe(4)
  })

  it('last year: a full house with a waitlist that moved, check-ins, feedback and a budget over plan on catering', async () => {
    expect(last.counts).toMatchObject({ registered: 110, waitlisted: 6, sessions: 20 })
    expect(last.counts.checkedIn).toBeGreaterThan(90)
    const registrations = await core.ok(coordinator, 'registrations.list', { editionId: last.id })
    expect(registrations).toHaveLength(120)
    expect(registrations.filter((r) => r.promotedAt !== null)).toHaveLength(4)
    expect(registrations.some((r) => r.workshops.some((w) => w.checkedIn))).toBe(true)

    const programme = await core.ok(coordinator, 'programme.get', { editionId: last.id })
    expect(programme.conflicts).toEqual([])
    expect(programme.slots.filter((s) => s.sessionId === null)).toHaveLength(6)

    const feedback = await core.ok(coordinator, 'feedback.summary', { editionId: last.id })
    expect(feedback.count).toBeGreaterThan(40)
    const budget = await core.ok(coordinator, 'budget.get', { editionId: last.id })
    expect(budget.lines.find((l) => l.description.startsWith('Koffie'))?.overPlanned).toBe(true)
    const outbox = await core.ok(coordinator, 'outbox.list', { editionId: last.id })
    expect(outbox.length).toBeGreaterThan(120)
    expect(outbox.every((m) => m.sentAt !== null)).toBe(true)
  })

  it('next year: the call is open with 15 submissions under review, and the laser demonstration has booked the laser cutter', async () => {
    const submissions = await core.ok(coordinator, 'submissions.list', { editionId: next.id })
    expect(submissions).toHaveLength(15)
    expect(submissions.every((s) => s.status === 'submitted')).toBe(true)
    expect(submissions.filter((s) => s.stats.count > 0).length).toBeGreaterThan(8)
    const programme = await core.ok(coordinator, 'programme.get', { editionId: next.id })
    expect(programme.conflicts).toEqual([])
    const demo = programme.slots.find((s) => s.title.startsWith('Live: lasergraveren'))!
    expect(demo.bookingId).not.toBeNull()
    const booking = await core.ok(coordinator, 'bookings.get', { id: demo.bookingId! })
    expect(booking).toMatchObject({ equipmentName: 'Lasersnijder Trotec Speedy 400', status: 'confirmed', startsAt: demo.startsAt })
  })
})
