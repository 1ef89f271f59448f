import { afterEach, beforeEach, expect, it } from 'vitest'
import { tableChecksum } from '../testing/testCore'
import { openSymposiumCentre, type SymposiumCentre } from '../testing/symposiumFixtures'

let centre: SymposiumCentre
beforeEach(async () => {
  centre = await openSymposiumCentre()
})
afterEach(() => centre.core.cleanup())

it('comes only from attendees who were checked in, and is summed up without names', async () => {
  const { core, coordinator, freelancer, student, edition } = centre
  const mine = await core.ok(freelancer.id, 'registrations.register', { editionId: edition.id })
  await core.ok(student.id, 'registrations.register', { editionId: edition.id })

  const before = tableChecksum(core.db)
  const notThere = await core.as(freelancer.id, 'feedback.give', { editionId: edition.id, rating: 5 })
  expect(notThere).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'feedbackNotCheckedIn' } } })
  const stranger = await core.as(centre.teacher.id, 'feedback.give', { editionId: edition.id, rating: 5 })
  expect(stranger).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'notAnAttendee' } } })
  const outOfRange = await core.as(freelancer.id, 'feedback.give', { editionId: edition.id, rating: 6 })
  expect(outOfRange).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  expect(tableChecksum(core.db)).toBe(before)

  await core.ok(coordinator.id, 'registrations.checkIn', { id: mine.id, day: edition.dates[0]! })
  expect(await core.ok(freelancer.id, 'feedback.give', { editionId: edition.id, rating: 3, comment: 'Te kort' })).toBeNull()
  // Giving it again replaces the first.
  await core.ok(freelancer.id, 'feedback.give', { editionId: edition.id, rating: 4, comment: 'Goed' })
  expect(await core.as(freelancer.id, 'feedback.summary', { editionId: edition.id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  const summary = await core.ok(coordinator.id, 'feedback.summary', { editionId: edition.id })
  expect(summary).toEqual({ count: 1, mean: 4, distribution: [0, 0, 0, 1, 0], comments: [{ rating: 4, comment: 'Goed' }] })
})
