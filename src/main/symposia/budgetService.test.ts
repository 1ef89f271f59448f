// The symposium budget: lines in cents, totals, cost per attendee, the over-planned warning, who may
// change it and the optimistic version. Everything through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Method, MethodInput } from '../../shared/contract'
import type { Person } from '../../shared/people'
import type { Budget, Edition } from '../../shared/symposia'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'

let core: TestCore
let coordinator: Person
let teacher: Person
let student: Person
let edition: Edition

const editionInput = (title: string) => ({
  title,
  startsOn: '2026-05-14',
  days: 1,
  dayStarts: '09:00',
  dayEnds: '17:00',
  cfpOpensOn: '2026-01-05',
  cfpClosesOn: '2026-02-15',
  registrationOpensOn: '2026-03-01',
  registrationClosesOn: '2026-05-10',
  capacity: 100,
  criteria: [{ name: 'Inhoud' }],
})

beforeEach(async () => {
  const now = new Date('2026-03-02T08:00:00Z')
  core = openTestCore({ clock: () => now })
  coordinator = await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator' })
  teacher = await core.ok(coordinator.id, 'people.create', { name: 'Anouk Docent', role: 'teacher' })
  student = await core.ok(coordinator.id, 'people.create', { name: 'Daan Student', role: 'student' })
  edition = await core.ok(coordinator.id, 'symposia.create', editionInput('Symposium 2026'))
})
afterEach(() => core.cleanup())

async function expectRefused<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>, code: string, reason: string) {
  const before = tableChecksum(core.db)
  const result = await core.as(actorId, method, input)
  expect(result.ok, JSON.stringify(result)).toBe(false)
  if (!result.ok) expect(result.error).toMatchObject({ code, details: { reason } })
  expect(tableChecksum(core.db)).toBe(before)
}

type Line = Omit<MethodInput<'budget.saveLine'>, 'editionId'>
const save = (line: Line, editionId = edition.id) => core.ok(coordinator.id, 'budget.saveLine', { editionId, ...line })
const line = (budget: Budget, description: string) => budget.lines.find((l) => l.description === description)!

async function registerAttendees(n: number) {
  for (let i = 0; i < n; i++) {
    await core.ok(teacher.id, 'registrations.register', {
      editionId: edition.id,
      attendee: { name: `Bezoeker ${i}`, email: `bezoeker${i}@example.test`, role: 'external', organisation: null },
    })
  }
}

describe('the budget', () => {
  it('adds up costs and income, planned and actual, with the balance from what is known now', async () => {
    await save({ category: 'venue', description: 'Zaalhuur', plannedCents: 150_000, actualCents: 150_000 })
    await save({ category: 'catering', description: 'Lunch', plannedCents: 80_000, actualCents: 92_550 })
    await save({ category: 'materials', description: 'Hout voor workshops', plannedCents: 40_000 })
    await save({ category: 'subsidy', description: 'Gemeente', plannedCents: 100_000, actualCents: 100_000 })
    const budget = await save({ category: 'income', description: 'Toegang', plannedCents: 120_000 })
    expect(budget.totals).toEqual({
      plannedCostCents: 270_000,
      actualCostCents: 242_550,
      plannedIncomeCents: 220_000,
      actualIncomeCents: 100_000,
      // Income 100 000 actual + 120 000 planned, costs 150 000 + 92 550 actual + 40 000 planned.
      balanceCents: 220_000 - 282_550,
    })
    // Lines in the order of the categories: costs first, then the money coming in.
    expect(budget.lines.map((l) => l.category)).toEqual(['venue', 'catering', 'materials', 'income', 'subsidy'])
  })

  it('warns per cost line whose actual amount passes the planned one, and overall when the costs pass the plan', async () => {
    await save({ category: 'venue', description: 'Zaalhuur', plannedCents: 150_000, actualCents: 120_000 })
    let budget = await save({ category: 'catering', description: 'Lunch', plannedCents: 80_000, actualCents: 92_550 })
    expect(line(budget, 'Lunch').overPlanned).toBe(true)
    expect(line(budget, 'Zaalhuur').overPlanned).toBe(false)
    // The saving on the venue makes up for the lunch.
    expect(budget.overPlanned).toBe(false)
    budget = await save({ category: 'speaker_fees', description: 'Sprekers', plannedCents: 30_000, actualCents: 60_000 })
    expect(budget.overPlanned).toBe(true)
    // More income than planned is good news, not a warning.
    budget = await save({ category: 'income', description: 'Toegang', plannedCents: 1_000, actualCents: 5_000 })
    expect(line(budget, 'Toegang').overPlanned).toBe(false)
  })

  it('divides the costs (actual where known, else planned) by the registered attendees; none without attendees', async () => {
    await save({ category: 'venue', description: 'Zaalhuur', plannedCents: 100_000, actualCents: 90_000 })
    let budget = await save({ category: 'catering', description: 'Lunch', plannedCents: 10_000 })
    await save({ category: 'subsidy', description: 'Gemeente', plannedCents: 50_000 })
    expect(budget).toMatchObject({ attendees: 0, costPerAttendeeCents: null })
    await registerAttendees(3)
    budget = await core.ok(teacher.id, 'budget.get', { editionId: edition.id })
    expect(budget).toMatchObject({ attendees: 3, costPerAttendeeCents: Math.round(100_000 / 3) })
  })

  it('updates a line with the version it was read at, refuses an outdated one, and deletes the same way', async () => {
    const created = line(await save({ category: 'venue', description: 'Zaalhuur', plannedCents: 100_000 }), 'Zaalhuur')
    const updated = line(
      await save({
        id: created.id,
        version: created.version,
        category: 'venue',
        description: 'Zaalhuur',
        plannedCents: 100_000,
        actualCents: 95_000,
      }),
      'Zaalhuur',
    )
    expect(updated).toMatchObject({ actualCents: 95_000, version: 2 })
    await expectRefused(
      coordinator.id,
      'budget.saveLine',
      { editionId: edition.id, id: created.id, version: 1, category: 'venue', description: 'Zaal', plannedCents: 1 },
      'STALE',
      'stale',
    )
    await expectRefused(
      coordinator.id,
      'budget.saveLine',
      { editionId: edition.id, id: created.id, category: 'venue', description: 'Zaal', plannedCents: 1 },
      'VALIDATION',
      'versionRequired',
    )
    await expectRefused(coordinator.id, 'budget.deleteLine', { id: created.id, version: 1 }, 'STALE', 'stale')
    const after = await core.ok(coordinator.id, 'budget.deleteLine', { id: created.id, version: 2 })
    expect(after.lines).toEqual([])
    await expectRefused(coordinator.id, 'budget.deleteLine', { id: created.id, version: 2 }, 'NOT_FOUND', 'notFound')
  })

  it('keeps each edition’s lines to itself', async () => {
    const other = await core.ok(coordinator.id, 'symposia.create', editionInput('Symposium 2027'))
    const created = line(await save({ category: 'venue', description: 'Zaalhuur', plannedCents: 100_000 }), 'Zaalhuur')
    expect((await core.ok(teacher.id, 'budget.get', { editionId: other.id })).lines).toEqual([])
    await expectRefused(
      coordinator.id,
      'budget.saveLine',
      { editionId: other.id, id: created.id, version: 1, category: 'venue', description: 'Zaal', plannedCents: 1 },
      'NOT_FOUND',
      'notFound',
    )
    await expectRefused(coordinator.id, 'budget.get', { editionId: 999 }, 'NOT_FOUND', 'notFound')
  })

  it('lets only coordinators change the budget, and coordinators and teachers read it', async () => {
    const input = { editionId: edition.id, category: 'venue' as const, description: 'Zaalhuur', plannedCents: 100_000 }
    await expectRefused(teacher.id, 'budget.saveLine', input, 'FORBIDDEN', 'coordinatorOnly')
    const created = line(await save(input), 'Zaalhuur')
    await expectRefused(teacher.id, 'budget.deleteLine', { id: created.id, version: created.version }, 'FORBIDDEN', 'coordinatorOnly')
    await expectRefused(student.id, 'budget.get', { editionId: edition.id }, 'FORBIDDEN', 'symposiumStaffOnly')
    await expectRefused(null, 'budget.get', { editionId: edition.id }, 'FORBIDDEN', 'profileRequired')
    expect((await core.ok(teacher.id, 'budget.get', { editionId: edition.id })).lines).toHaveLength(1)
  })
})
