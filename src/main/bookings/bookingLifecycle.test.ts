// Recurring bookings, maintenance windows over existing bookings, check-in and check-out, what is
// free, the iCalendar export, and the two DST nights.
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'

let centre: BookingCentre
let c: number

beforeEach(async () => {
  centre = await openBookingCentre({ horizonDays: 365, maxFutureBookings: null })
  c = centre.coordinator.id
  await centre.core.ok(c, 'permits.grant', { personId: centre.freelancer.id, equipmentId: centre.laser.id, level: 'independent' })
  await centre.core.ok(c, 'permits.grant', { personId: centre.teacher.id, equipmentKind: 'laser_cutter', level: 'instructor' })
})
afterEach(() => centre.core.cleanup())

const tuesdays = { freq: 'weekly' as const, interval: 1, weekdays: [2], until: '2026-03-31' }

describe('recurring bookings', () => {
  const classSeries = { equipmentId: 0, date: '2026-03-03', from: '09:00', to: '12:00', rule: tuesdays, purpose: 'Les 2A' }

  it('previews every occurrence, lists the conflicting one, and writes nothing', async () => {
    const blocker = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-17 10:00'),
      endsAt: at('2026-03-17 11:00'),
    })
    const before = tableChecksum(centre.core.db)
    const preview = await centre.core.ok(centre.teacher.id, 'bookings.previewSeries', { ...classSeries, equipmentId: centre.laser.id })
    expect(preview.map((o) => o.date)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31'])
    const refused = preview.filter((o) => o.refusal)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({
      date: '2026-03-17',
      refusal: { code: 'CONFLICT', details: { reason: 'overlap', bookingId: blocker.id, who: 'Gerrit Zzp' } },
    })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })

  it('refuses the whole series while one occurrence conflicts, and books all of it once that date is skipped', async () => {
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-17 10:00'),
      endsAt: at('2026-03-17 11:00'),
    })
    const before = tableChecksum(centre.core.db)
    const refused = await centre.core.as(centre.teacher.id, 'bookings.createSeries', { ...classSeries, equipmentId: centre.laser.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'seriesRefused', refused: 1, total: 5 } } })
    expect(tableChecksum(centre.core.db)).toBe(before)

    const made = await centre.core.ok(centre.teacher.id, 'bookings.createSeries', {
      ...classSeries,
      equipmentId: centre.laser.id,
      rule: { ...tuesdays, skipDates: ['2026-03-17'] },
    })
    expect(made.bookings.map((b) => b.startsAt)).toEqual([
      '2026-03-03T08:00:00.000Z',
      '2026-03-10T08:00:00.000Z',
      '2026-03-24T08:00:00.000Z',
      // After the switch to summer time on 29 March the class still starts at 09:00 local.
      '2026-03-31T07:00:00.000Z',
    ])
  })

  it('refuses a rule with neither an end date nor a count, and more than the maximum occurrences', async () => {
    const none = await centre.core.as(centre.teacher.id, 'bookings.createSeries', {
      ...classSeries,
      equipmentId: centre.laser.id,
      rule: { freq: 'weekly', interval: 1 },
    })
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const tooMany = await centre.core.as(c, 'bookings.createSeries', {
      ...classSeries,
      equipmentId: centre.laser.id,
      rule: { freq: 'daily', interval: 1, until: '2028-12-31' },
    })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'recurrenceInvalid' } } })
  })
})

describe('maintenance windows', () => {
  it('lists the bookings in the way with whom to contact, and cancels them with a reason in one step', async () => {
    const gerrit = await centre.core.ok(c, 'people.update', { id: centre.freelancer.id, version: 1, email: 'gerrit@example.nl' })
    const booking = await centre.core.ok(gerrit.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
    })
    const window = { equipmentId: centre.laser.id, startsAt: at('2026-03-04 08:00'), endsAt: at('2026-03-04 13:00') }

    const conflicts = await centre.core.ok(c, 'bookings.conflicts', window)
    expect(conflicts).toEqual([
      expect.objectContaining({ email: 'gerrit@example.nl', booking: expect.objectContaining({ id: booking.id }) }),
    ])
    expect(await centre.core.as(centre.teacher.id, 'bookings.conflicts', window)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const refused = await centre.core.as(c, 'bookings.create', { ...window, kind: 'maintenance' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'overlap' } } })

    const maintenance = await centre.core.ok(c, 'bookings.create', {
      ...window,
      kind: 'maintenance',
      cancelConflicting: 'Laserbuis vervangen',
    })
    expect(maintenance).toMatchObject({ kind: 'maintenance', person: null, status: 'confirmed' })
    expect(await centre.core.ok(c, 'bookings.get', { id: booking.id })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Laserbuis vervangen',
      sequence: 1,
    })
  })

  it('lets only coordinators cancel other people’s bookings this way', async () => {
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
    })
    const before = tableChecksum(centre.core.db)
    const result = await centre.core.as(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      startsAt: at('2026-03-04 08:00'),
      endsAt: at('2026-03-04 13:00'),
      cancelConflicting: 'x',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })

  it('repeats monthly-style maintenance as a series, all or nothing', async () => {
    const made = await centre.core.ok(c, 'bookings.createSeries', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      date: '2026-03-02',
      from: '07:00',
      to: '08:30',
      rule: { freq: 'weekly', interval: 4, count: 3 },
    })
    expect(made.bookings.map((b) => b.startsAt.slice(0, 10))).toEqual(['2026-03-02', '2026-03-30', '2026-04-27'])
  })
})

describe('check-in and check-out', () => {
  it('records the actual minutes of use', async () => {
    const booking = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
    })
    // Too early: more than 15 minutes before the start.
    centre.clock.now = new Date(at('2026-03-03 09:40'))
    expect(await centre.core.as(centre.freelancer.id, 'bookings.checkIn', { id: booking.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'RULE', details: { reason: 'checkInWindow' } },
    })
    centre.clock.now = new Date(at('2026-03-03 10:05'))
    const checkedIn = await centre.core.ok(centre.freelancer.id, 'bookings.checkIn', { id: booking.id, version: 1 })
    expect(checkedIn).toMatchObject({ status: 'checked_in', checkedInAt: at('2026-03-03 10:05') })
    // A checked-in booking cannot be moved or cancelled any more.
    expect(await centre.core.as(centre.freelancer.id, 'bookings.cancel', { id: booking.id, version: 2, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    })
    centre.clock.now = new Date(at('2026-03-03 11:40'))
    const done = await centre.core.ok(centre.freelancer.id, 'bookings.checkOut', { id: booking.id, version: 2 })
    expect(done).toMatchObject({ status: 'completed', actualMinutes: 95, checkedOutAt: at('2026-03-03 11:40') })
    expect(await centre.core.as(centre.freelancer.id, 'bookings.checkOut', { id: booking.id, version: 3 })).toMatchObject({
      ok: false,
      error: { details: { reason: 'notCheckedIn' } },
    })
  })

  it('lets a manager mark a no-show once the booking has started, not before', async () => {
    const booking = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
    })
    expect(await centre.core.as(c, 'bookings.markNoShow', { id: booking.id, version: 1 })).toMatchObject({
      ok: false,
      error: { details: { reason: 'notNoShow' } },
    })
    centre.clock.now = new Date(at('2026-03-03 10:30'))
    expect(await centre.core.as(centre.freelancer.id, 'bookings.markNoShow', { id: booking.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await centre.core.ok(c, 'bookings.markNoShow', { id: booking.id, version: 1 })).toMatchObject({ status: 'no_show' })
  })
})

describe('what is free', () => {
  it('finds the next free slots inside opening hours, around bookings and their buffer', async () => {
    for (const [from, to] of [
      ['09:00', '13:00'],
      ['13:15', '16:00'],
    ]) {
      await centre.core.ok(centre.freelancer.id, 'bookings.create', {
        equipmentId: centre.laser.id,
        startsAt: at(`2026-03-02 ${from}`),
        endsAt: at(`2026-03-02 ${to}`),
      })
    }
    const slots = await centre.core.ok(c, 'bookings.freeSlots', {
      equipmentId: centre.laser.id,
      from: at('2026-03-02 00:00'),
      to: at('2026-03-09 00:00'),
      durationMinutes: 60,
      limit: 3,
    })
    // Now is 09:00 on Monday; the laser is busy until 16:00 plus 15 minutes of buffer, and closes at 17:30.
    expect(slots.map((s) => s.startsAt)).toEqual([at('2026-03-02 16:15'), at('2026-03-02 16:30'), at('2026-03-03 08:30')])
  })

  it('looks across every machine of a kind', async () => {
    const second = await centre.core.ok(c, 'equipment.create', {
      name: 'Lasersnijder klein',
      kind: 'laser_cutter',
      status: 'available',
      rules: centre.laser.rules,
    })
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-02 09:00'),
      endsAt: at('2026-03-02 13:00'),
    })
    const slots = await centre.core.ok(c, 'bookings.freeSlots', {
      kind: 'laser_cutter',
      from: at('2026-03-02 09:00'),
      to: at('2026-03-03 00:00'),
      durationMinutes: 120,
      limit: 1,
    })
    expect(slots).toEqual([expect.objectContaining({ equipmentId: second.id, startsAt: at('2026-03-02 09:00') })])
  })
})

describe('iCalendar export', () => {
  it('exports a machine’s bookings that a calendar program reads, cancelled ones as CANCELLED', async () => {
    const kept = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
      purpose: 'Inlegwerk, noten; eiken',
    })
    const gone = await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-04 10:00'),
      endsAt: at('2026-03-04 11:00'),
    })
    await centre.core.ok(c, 'bookings.cancel', { id: gone.id, version: 1, reason: 'ziek' })
    const exported = await centre.core.ok(c, 'calendar.export', { scope: 'equipment', id: centre.laser.id })
    expect(exported.filename).toBe('lasersnijder-trotec.ics')
    const calendar = new ICAL.Component(ICAL.parse(exported.content))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.uid).sort()).toEqual([`booking-${kept.id}@werkbank`, `booking-${gone.id}@werkbank`].sort())
    const first = events.find((e) => e.uid === `booking-${kept.id}@werkbank`)!
    expect(first.startDate.toJSDate().toISOString()).toBe(kept.startsAt)
    expect(first.description).toBe('Inlegwerk, noten; eiken')
    const cancelled = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `booking-${gone.id}@werkbank`)!
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(1)
  })

  it('exports a person’s calendar with only their bookings', async () => {
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-03 10:00'),
      endsAt: at('2026-03-03 12:00'),
    })
    expect(await centre.core.as(centre.student.id, 'calendar.export', { scope: 'person', id: centre.teacher.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'notYourCalendar' } },
    })
    const exported = await centre.core.ok(centre.teacher.id, 'calendar.export', { scope: 'person', id: centre.teacher.id, language: 'en' })
    expect(exported.content).not.toContain('BEGIN:VEVENT')
    expect(exported.content).toContain('BEGIN:VTIMEZONE')
  })
})

describe('daylight saving time', () => {
  it('gives a booking over the spring-forward night its real length (one hour shorter)', async () => {
    const window = await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      startsAt: at('2026-03-28 22:00'),
      endsAt: at('2026-03-29 06:00'),
    })
    expect((Date.parse(window.endsAt) - Date.parse(window.startsAt)) / 3_600_000).toBe(7)
  })

  it('gives a booking over the autumn night its real length (one hour longer)', async () => {
    centre.clock.now = new Date('2026-10-20T08:00:00Z')
    const window = await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      startsAt: at('2026-10-24 22:00'),
      endsAt: at('2026-10-25 06:00'),
    })
    expect((Date.parse(window.endsAt) - Date.parse(window.startsAt)) / 3_600_000).toBe(9)
    // The laser still opens at 08:30 local on the Monday after: a booking then is inside opening hours.
    await centre.core.ok(centre.freelancer.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at('2026-10-26 08:30'),
      endsAt: at('2026-10-26 09:30'),
    })
  })
})

describe('trainings', () => {
  it('grants the permit to those who attended, and records who did not', async () => {
    const newcomer = await centre.core.ok(c, 'people.create', { name: 'Noor Nieuw', role: 'student' })
    const training = await centre.core.ok(centre.teacher.id, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'training',
      startsAt: at('2026-03-03 13:00'),
      endsAt: at('2026-03-03 15:00'),
      participantIds: [centre.student.id, newcomer.id],
    })
    // Without a permit the student cannot book the laser yet.
    const slot = {
      equipmentId: centre.laser.id,
      startsAt: at('2026-03-05 10:00'),
      endsAt: at('2026-03-05 11:00'),
      supervisorId: centre.teacher.id,
    }
    expect(await centre.core.as(centre.student.id, 'bookings.create', slot)).toMatchObject({
      ok: false,
      error: { details: { reason: 'permitMissing' } },
    })

    const early = await centre.core.as(centre.teacher.id, 'bookings.recordAttendance', {
      id: training.id,
      version: 1,
      attendeeIds: [centre.student.id],
    })
    expect(early).toMatchObject({ ok: false, error: { details: { reason: 'trainingNotStarted' } } })

    centre.clock.now = new Date(at('2026-03-03 15:05'))
    expect(
      await centre.core.as(centre.teacher.id, 'bookings.recordAttendance', {
        id: training.id,
        version: 1,
        attendeeIds: [centre.freelancer.id],
      }),
    ).toMatchObject({ ok: false, error: { details: { reason: 'notParticipant' } } })
    const recorded = await centre.core.ok(centre.teacher.id, 'bookings.recordAttendance', {
      id: training.id,
      version: 1,
      attendeeIds: [centre.student.id],
      level: 'supervised',
      validUntil: '2026-12-31',
    })
    expect(recorded.permits).toEqual([
      expect.objectContaining({ personId: centre.student.id, level: 'supervised', validUntil: '2026-12-31', equipmentId: centre.laser.id }),
    ])
    expect(
      await centre.core.as(centre.teacher.id, 'bookings.recordAttendance', { id: training.id, version: 2, attendeeIds: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'attendanceRecorded' } },
    })
    expect(centre.core.db.prepare('SELECT person_id, attended FROM training_attendance ORDER BY person_id').all()).toEqual([
      { person_id: centre.student.id, attended: 1 },
      { person_id: newcomer.id, attended: 0 },
    ])
    // Now the student can book, with a supervisor.
    await centre.core.ok(centre.student.id, 'bookings.create', slot)
  })

  it('lets only instructors give trainings on a machine that needs a permit', async () => {
    const result = await centre.core.as(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'training',
      personId: centre.freelancer.id,
      startsAt: at('2026-03-03 13:00'),
      endsAt: at('2026-03-03 15:00'),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'instructorRequired' } } })
  })
})
