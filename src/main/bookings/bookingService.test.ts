import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/contract'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'

let centre: BookingCentre
let c: number // the coordinator's id, for calls made as them

beforeEach(async () => {
  centre = await openBookingCentre()
  c = centre.coordinator.id
  // Gerrit (freelancer) may use the laser on his own; Daan (student) only supervised.
  await centre.core.ok(c, 'permits.grant', { personId: centre.freelancer.id, equipmentId: centre.laser.id, level: 'independent' })
  await centre.core.ok(c, 'permits.grant', {
    personId: centre.student.id,
    equipmentKind: 'laser_cutter',
    level: 'supervised',
    validUntil: '2026-07-31',
  })
})
afterEach(() => centre.core.cleanup())

type CreateInput = MethodInput<'bookings.create'>
const book = (actor: number, input: Partial<CreateInput> & { startsAt: string; endsAt: string }) =>
  centre.core.as(actor, 'bookings.create', { equipmentId: centre.laser.id, ...input })

/** Asserts a refusal with code and reason, and that the database did not change. */
async function expectRefused(call: () => Promise<{ ok: boolean }>, code: string, reason: string, details: Record<string, unknown> = {}) {
  const before = tableChecksum(centre.core.db)
  const result = (await call()) as { ok: false; error: { code: string; details: Record<string, unknown> } }
  expect(result.ok, JSON.stringify(result)).toBe(false)
  expect(result.error.code).toBe(code)
  expect(result.error.details).toMatchObject({ reason, ...details })
  expect(tableChecksum(centre.core.db)).toBe(before)
  return result.error
}

describe('creating a booking', () => {
  it('books a free slot, with its cost for the role', async () => {
    const booking = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
      purpose: 'Materiaaltest eiken 6 mm',
    })
    expect(booking).toMatchObject({
      status: 'confirmed',
      person: { id: centre.freelancer.id },
      bookedBy: { id: centre.freelancer.id },
      startsAt: '2026-03-03T09:00:00.000Z',
      costCents: 5000,
      sequence: 0,
    })
  })

  it('refuses an overlap, naming who has the machine and when', async () => {
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
    })
    const error = await expectRefused(
      () =>
        book(c, {
          startsAt: at('2026-03-03 11:00'),
          endsAt: at('2026-03-03 12:30'),
          personId: centre.student.id,
          supervisorId: centre.teacher.id,
        }),
      'CONFLICT',
      'overlap',
      { who: 'Gerrit Zzp', startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T11:00:00.000Z' },
    )
    expect(error.details.bookingId).toBeGreaterThan(0)
  })

  it('keeps the buffer after each booking free', async () => {
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
    })
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-03 12:00'), endsAt: at('2026-03-03 13:00') }),
      'CONFLICT',
      'overlap',
    )
    // …and before: a booking ending at 10:00 would run its own buffer into the next one.
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-03 09:00'), endsAt: at('2026-03-03 10:00') }),
      'CONFLICT',
      'overlap',
    )
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 12:15'),
      endsAt: at('2026-03-03 13:00'),
    })
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 09:00'),
      endsAt: at('2026-03-03 09:45'),
    })
  })

  it.each([
    ['outside opening hours', '2026-03-03 07:30', '2026-03-03 09:00', 'outsideOpeningHours'],
    ['past closing time', '2026-03-03 16:30', '2026-03-03 18:00', 'outsideOpeningHours'],
    ['on a closed day', '2026-03-06 10:00', '2026-03-06 11:00', 'closedDate'],
    ['on a Saturday', '2026-03-07 10:00', '2026-03-07 11:00', 'outsideOpeningHours'],
    ['shorter than the minimum', '2026-03-03 10:00', '2026-03-03 10:15', 'tooShort'],
    ['longer than the maximum', '2026-03-03 09:00', '2026-03-03 13:15', 'tooLong'],
    ['off the 15-minute grid', '2026-03-03 10:05', '2026-03-03 11:05', 'notAligned'],
    ['in the past', '2026-03-02 08:30', '2026-03-02 09:30', 'inPast'],
    ['beyond the booking horizon', '2026-05-05 10:00', '2026-05-05 11:00', 'beyondHorizon'],
    ['ending before it starts', '2026-03-03 11:00', '2026-03-03 10:00', 'endBeforeStart'],
  ])('refuses a booking %s', async (_label, from, to, reason) => {
    await expectRefused(() => book(centre.freelancer.id, { startsAt: at(from), endsAt: at(to) }), 'RULE', reason)
  })

  it('lets a coordinator book in the past and beyond the horizon', async () => {
    await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      personId: centre.freelancer.id,
      startsAt: at('2026-03-02 08:30'),
      endsAt: at('2026-03-02 09:30'),
    })
    await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      personId: centre.freelancer.id,
      startsAt: at('2026-05-05 10:00'),
      endsAt: at('2026-05-05 11:00'),
    })
  })

  it('refuses without a permit, and names the expiry date of an old one', async () => {
    await expectRefused(
      () => book(centre.teacher.id, { startsAt: at('2026-03-03 10:00'), endsAt: at('2026-03-03 11:00') }),
      'RULE',
      'permitMissing',
      {
        equipment: 'Lasersnijder Trotec',
      },
    )
    await centre.core.ok(c, 'permits.grant', {
      personId: centre.teacher.id,
      equipmentId: centre.laser.id,
      level: 'instructor',
      validUntil: '2026-03-03',
    })
    await centre.core.ok(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 11:00'),
    })
    await expectRefused(
      () => book(centre.teacher.id, { startsAt: at('2026-03-04 10:00'), endsAt: at('2026-03-04 11:00') }),
      'RULE',
      'permitExpired',
      {
        expiredOn: '2026-03-03',
      },
    )
  })

  it('does not count a revoked permit', async () => {
    const [permit] = await centre.core.ok(c, 'permits.list', { personId: centre.freelancer.id })
    await centre.core.ok(c, 'permits.revoke', { id: permit!.id, reason: 'Veiligheidsregels genegeerd' })
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-03 10:00'), endsAt: at('2026-03-03 11:00') }),
      'RULE',
      'permitMissing',
    )
  })

  it('needs a qualified supervisor for students and supervised permits', async () => {
    const slot = { startsAt: at('2026-03-03 10:00'), endsAt: at('2026-03-03 11:00') }
    await expectRefused(() => book(centre.student.id, slot), 'RULE', 'supervisorRequired')
    await expectRefused(() => book(centre.student.id, { ...slot, supervisorId: centre.freelancer.id }), 'RULE', 'supervisorNotQualified', {
      name: 'Gerrit Zzp',
    })
    await expectRefused(() => book(centre.student.id, { ...slot, supervisorId: centre.student.id }), 'RULE', 'supervisorNotQualified')
    const booking = await centre.core.ok(centre.student.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      ...slot,
      supervisorId: centre.teacher.id,
    })
    expect(booking.supervisor).toEqual({ id: centre.teacher.id, name: 'Anouk Docent' })
  })

  it('counts an instructor permit as qualified to supervise', async () => {
    await centre.core.ok(c, 'permits.grant', { personId: centre.freelancer.id, equipmentKind: 'laser_cutter', level: 'instructor' })
    await centre.core.ok(centre.student.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 11:00'),
      supervisorId: centre.freelancer.id,
    })
  })

  it('limits upcoming bookings per person', async () => {
    for (const day of ['03', '04', '05']) {
      await centre.core.ok(centre.freelancer.id, 'bookings.create', {
        equipmentId: centre.laser.id,
        startsAt: at(`2026-03-${day} 10:00`),
        endsAt: at(`2026-03-${day} 11:00`),
      })
    }
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-09 10:00'), endsAt: at('2026-03-09 11:00') }),
      'RULE',
      'quotaReached',
      {
        maximum: 3,
      },
    )
  })

  it('refuses machines that are out of order', async () => {
    await centre.core.ok(c, 'equipment.update', { id: centre.laser.id, version: 1, status: 'out_of_order' })
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-03 10:00'), endsAt: at('2026-03-03 11:00') }),
      'RULE',
      'equipmentUnavailable',
    )
  })

  it('lets only coordinators and teachers book for someone else', async () => {
    const slot = { startsAt: at('2026-03-03 10:00'), endsAt: at('2026-03-03 11:00') }
    await expectRefused(() => book(centre.student.id, { ...slot, personId: centre.freelancer.id }), 'FORBIDDEN', 'managersOnly')
    const booking = await centre.core.ok(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      ...slot,
      personId: centre.freelancer.id,
      participantIds: [centre.student.id],
    })
    expect(booking).toMatchObject({
      person: { id: centre.freelancer.id },
      bookedBy: { id: centre.teacher.id },
      participants: [{ id: centre.student.id }],
    })
  })

  it('refuses bookings over a maintenance window, however long ago it started', async () => {
    await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      startsAt: at('2026-03-02 18:00'),
      endsAt: at('2026-03-05 18:00'),
    })
    await expectRefused(
      () => book(centre.freelancer.id, { startsAt: at('2026-03-04 10:00'), endsAt: at('2026-03-04 11:00') }),
      'CONFLICT',
      'overlapMaintenance',
    )
    await expectRefused(
      () =>
        centre.core.as(centre.teacher.id, 'bookings.create', {
          equipmentId: centre.laser.id,
          kind: 'maintenance',
          startsAt: at('2026-03-09 08:00'),
          endsAt: at('2026-03-09 09:00'),
        }),
      'FORBIDDEN',
      'coordinatorOnly',
    )
  })

  it('puts bookings of a machine that needs approval in the queue, and a coordinator confirms them', async () => {
    await centre.core.ok(c, 'equipment.update', { id: centre.laser.id, version: 1, rules: { ...centre.laser.rules, needsApproval: true } })
    const requested = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 11:00'),
    })
    expect(requested.status).toBe('requested')
    // A request already holds the slot.
    await expectRefused(
      () =>
        book(c, {
          startsAt: at('2026-03-03 10:00'),
          endsAt: at('2026-03-03 11:00'),
          personId: centre.student.id,
          supervisorId: centre.teacher.id,
        }),
      'CONFLICT',
      'overlap',
    )
    await expectRefused(
      () => centre.core.as(centre.teacher.id, 'bookings.approve', { id: requested.id, version: 1 }),
      'FORBIDDEN',
      'coordinatorOnly',
    )
    expect((await centre.core.ok(c, 'bookings.pending', {})).map((b) => b.id)).toEqual([requested.id])
    expect(await centre.core.as(centre.teacher.id, 'bookings.pending', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const confirmed = await centre.core.ok(c, 'bookings.approve', { id: requested.id, version: 1 })
    expect(confirmed.status).toBe('confirmed')
    expect(await centre.core.ok(c, 'bookings.pending', {})).toEqual([])
  })
})

describe('editing a booking', () => {
  async function twoBookings() {
    const first = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 11:00'),
    })
    const second = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 13:00'),
      endsAt: at('2026-03-03 14:00'),
    })
    return { first, second }
  }

  it('moves a booking, re-checks it against itself without clashing, and raises the iCalendar sequence', async () => {
    const { first } = await twoBookings()
    const moved = await centre.core.ok(centre.freelancer.id, 'bookings.update', {
      id: first.id,
      version: 1,
      startsAt: at('2026-03-03 10:30'),
      endsAt: at('2026-03-03 11:30'),
    })
    expect(moved).toMatchObject({ startsAt: '2026-03-03T09:30:00.000Z', sequence: 1, version: 2 })
  })

  it('checks every rule on an edit too', async () => {
    const { first } = await twoBookings()
    await expectRefused(
      () =>
        centre.core.as(centre.freelancer.id, 'bookings.update', {
          id: first.id,
          version: 1,
          startsAt: at('2026-03-03 12:30'),
          endsAt: at('2026-03-03 13:30'),
        }),
      'CONFLICT',
      'overlap',
    )
    await expectRefused(
      () =>
        centre.core.as(centre.freelancer.id, 'bookings.update', {
          id: first.id,
          version: 1,
          startsAt: at('2026-03-03 16:30'),
          endsAt: at('2026-03-03 17:45'),
        }),
      'RULE',
      'outsideOpeningHours',
    )
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'bookings.update', { id: first.id, version: 1, endsAt: at('2026-03-03 10:10') }),
      'RULE',
      'notAligned',
    )
  })

  it('refuses an edit on top of a newer version, and edits by strangers', async () => {
    const { first } = await twoBookings()
    await centre.core.ok(centre.freelancer.id, 'bookings.update', { id: first.id, version: 1, purpose: 'Nieuw doel' })
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'bookings.update', { id: first.id, version: 1, purpose: 'Oud' }),
      'STALE',
      'stale',
    )
    await expectRefused(
      () => centre.core.as(centre.student.id, 'bookings.update', { id: first.id, version: 2, purpose: 'X' }),
      'FORBIDDEN',
      'notYourBooking',
    )
  })
})

describe('cancelling a booking', () => {
  it('cancels with a reason and frees the slot', async () => {
    const booking = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
    })
    const cancelled = await centre.core.ok(centre.freelancer.id, 'bookings.cancel', {
      id: booking.id,
      version: 1,
      reason: 'Materiaal niet geleverd',
    })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Materiaal niet geleverd', sequence: 1 })
    await centre.core.ok(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
      personId: centre.freelancer.id,
    })
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'bookings.cancel', { id: booking.id, version: 2, reason: 'x' }),
      'RULE',
      'notCancellable',
    )
  })

  it('holds people to the cancellation notice, but not coordinators and teachers', async () => {
    const booking = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-02 14:00'),
      endsAt: at('2026-03-02 15:00'),
    })
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'bookings.cancel', { id: booking.id, version: 1, reason: 'ziek' }),
      'RULE',
      'cancelNotice',
      {
        hours: 24,
      },
    )
    await centre.core.ok(c, 'bookings.cancel', { id: booking.id, version: 1, reason: 'ziek gemeld' })
  })
})

describe('listing bookings', () => {
  it('lists a week per machine and per person, without cancelled ones unless asked', async () => {
    const a = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 11:00'),
    })
    const b = await centre.core.ok(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
      personId: centre.freelancer.id,
    })
    await centre.core.ok(c, 'bookings.cancel', { id: b.id, version: 1, reason: 'x' })
    const week = { from: at('2026-03-02 00:00'), to: at('2026-03-09 00:00') }
    expect((await centre.core.ok(c, 'bookings.list', { ...week, equipmentIds: [centre.laser.id] })).map((x) => x.id)).toEqual([a.id])
    expect((await centre.core.ok(c, 'bookings.list', { ...week, includeCancelled: true })).map((x) => x.id)).toEqual([a.id, b.id])
    expect(await centre.core.ok(c, 'bookings.list', { ...week, personId: centre.student.id })).toEqual([])
    expect(await centre.core.ok(c, 'bookings.list', { from: at('2026-03-03 11:00'), to: at('2026-03-03 12:00') })).toEqual([])
  })
})
