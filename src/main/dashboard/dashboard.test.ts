// dashboard.today on a real SQLite file with a pinned clock: every section's content, who sees
// what, and the centre's local day and month when UTC says otherwise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingRules, Equipment } from '../../shared/equipment'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { EDITION_INPUT } from '../testing/symposiumFixtures'
import { tableChecksum } from '../testing/testCore'
import { addDays, monthOf } from './dashboardHandlers'

let centre: BookingCentre
let c: number
/** Open day and night, no permit, no approval: any moment can be booked. */
let printer: Equipment

const ALWAYS_OPEN: Partial<BookingRules> = {
  openingHours: Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]),
  needsPermit: false,
  studentsNeedSupervisor: false,
  horizonDays: 365,
  maxFutureBookings: null,
}

beforeEach(async () => {
  centre = await openBookingCentre({ horizonDays: 365, maxFutureBookings: null, studentsNeedSupervisor: false, cancelNoticeHours: 0 })
  c = centre.coordinator.id
  await centre.core.ok(c, 'permits.grant', { personId: centre.freelancer.id, equipmentId: centre.laser.id, level: 'independent' })
  await centre.core.ok(c, 'permits.grant', { personId: centre.student.id, equipmentId: centre.laser.id, level: 'independent' })
  printer = await centre.core.ok(c, 'equipment.create', {
    name: '3D-printer Prusa',
    kind: 'printer_3d',
    status: 'available',
    rules: { ...centre.laser.rules, ...ALWAYS_OPEN, bufferMinutes: 0, closedDates: [] },
  })
})
afterEach(() => centre.core.cleanup())

const setNow = (local: string) => (centre.clock.now = new Date(at(local)))
const today = (actor: number) => centre.core.ok(actor, 'dashboard.today', {})
const book = (actor: number, equipmentId: number, from: string, to: string, extra: Record<string, unknown> = {}) =>
  centre.core.ok(actor, 'bookings.create', { equipmentId, startsAt: at(from), endsAt: at(to), ...extra })

describe('machines now and next', () => {
  it('shows the booking running now, the next one, and how many more follow today', async () => {
    const f = centre.freelancer.id
    const running = await book(c, centre.laser.id, '2026-03-02 08:30', '2026-03-02 10:00', { personId: f })
    const cancelled = await book(f, centre.laser.id, '2026-03-02 10:15', '2026-03-02 10:45')
    await centre.core.ok(f, 'bookings.cancel', { id: cancelled.id, version: cancelled.version, reason: 'ziek' })
    const next = await book(f, centre.laser.id, '2026-03-02 11:00', '2026-03-02 12:00')
    await book(c, centre.laser.id, '2026-03-02 14:00', '2026-03-02 15:00', { personId: f })
    await book(c, centre.laser.id, '2026-03-03 09:00', '2026-03-03 10:00', { personId: f })

    setNow('2026-03-02 09:00')
    const laser = (await today(c)).machines.find((m) => m.id === centre.laser.id)!
    expect(laser.current).toMatchObject({ id: running.id, person: { name: 'Gerrit Zzp' }, status: 'confirmed', checkedInAt: null })
    expect(laser.next).toMatchObject({ id: next.id, startsAt: at('2026-03-02 11:00') })
    // 14:00 today; tomorrow's does not count.
    expect(laser.laterToday).toBe(1)
    const printerCard = (await today(c)).machines.find((m) => m.id === printer.id)!
    expect(printerCard).toMatchObject({ current: null, next: null, laterToday: 0 })
  })

  it('treats a booking as over at its end, and a checked-out one as over at once', async () => {
    const f = centre.freelancer.id
    const first = await book(c, centre.laser.id, '2026-03-02 08:30', '2026-03-02 10:00', { personId: f })
    setNow('2026-03-02 10:00')
    expect((await today(c)).machines.find((m) => m.id === centre.laser.id)!.current).toBeNull()

    setNow('2026-03-02 09:00')
    const checkedIn = await centre.core.ok(f, 'bookings.checkIn', { id: first.id, version: first.version })
    await centre.core.ok(f, 'bookings.checkOut', { id: checkedIn.id, version: checkedIn.version })
    const after = await today(c)
    expect(after.machines.find((m) => m.id === centre.laser.id)!.current).toBeNull()
    expect(after.checkedIn).toEqual([])
  })

  it('lists who is checked in, including someone who checked in a few minutes early', async () => {
    const f = centre.freelancer.id
    const s = centre.student.id
    const first = await book(c, centre.laser.id, '2026-03-02 08:30', '2026-03-02 10:00', { personId: f })
    const early = await book(c, printer.id, '2026-03-02 09:15', '2026-03-02 10:00', { personId: s })
    setNow('2026-03-02 09:00')
    await centre.core.ok(f, 'bookings.checkIn', { id: first.id, version: first.version })
    await centre.core.ok(s, 'bookings.checkIn', { id: early.id, version: early.version })

    const view = await today(centre.student.id)
    expect(view.checkedIn.map((b) => [b.person?.name, b.equipmentName])).toEqual([
      ['Gerrit Zzp', 'Lasersnijder Trotec'],
      ['Daan Student', '3D-printer Prusa'],
    ])
    expect(view.checkedIn[0]!.checkedInAt).toBe(at('2026-03-02 09:00'))
    // The early check-in already occupies the printer "now".
    expect(view.machines.find((m) => m.id === printer.id)!.current).toMatchObject({ id: early.id, status: 'checked_in' })
  })
})

describe('machines in maintenance', () => {
  it('names machines out of use by status (until further notice) or by a maintenance window running now (until its end)', async () => {
    await book(c, centre.laser.id, '2026-03-02 08:30', '2026-03-02 12:30', { kind: 'maintenance', purpose: 'Lens reinigen' })
    const saw = await centre.core.ok(c, 'equipment.create', {
      name: 'Paneelzaag',
      kind: 'panel_saw',
      status: 'out_of_order',
      rules: centre.laser.rules,
    })
    await centre.core.ok(c, 'equipment.create', { name: 'Oude draaibank', kind: 'other', status: 'retired', rules: centre.laser.rules })

    setNow('2026-03-02 09:00')
    const view = await today(centre.student.id)
    expect(view.maintenance).toEqual([
      {
        equipmentId: centre.laser.id,
        equipmentName: 'Lasersnijder Trotec',
        status: 'available',
        until: at('2026-03-02 12:30'),
        purpose: 'Lens reinigen',
      },
      { equipmentId: saw.id, equipmentName: 'Paneelzaag', status: 'out_of_order', until: null, purpose: null },
    ])
    // Retired machines are not part of today at all.
    expect(view.machines.map((m) => m.name)).toEqual(['3D-printer Prusa', 'Lasersnijder Trotec', 'Paneelzaag'])

    setNow('2026-03-02 12:30')
    expect((await today(c)).maintenance.map((m) => m.equipmentName)).toEqual(['Paneelzaag'])
  })
})

describe('requests waiting for approval', () => {
  let robot: Equipment
  beforeEach(async () => {
    robot = await centre.core.ok(c, 'equipment.create', {
      name: 'Robotarm KUKA',
      kind: 'robot_arm',
      status: 'available',
      rules: { ...centre.laser.rules, ...ALWAYS_OPEN, needsApproval: true, bufferMinutes: 0, closedDates: [] },
    })
  })

  it('shows managers every request with a count, and everyone else only their own', async () => {
    const mine = await book(centre.freelancer.id, robot.id, '2026-03-03 10:00', '2026-03-03 11:00')
    const theirs = await book(centre.student.id, robot.id, '2026-03-04 10:00', '2026-03-04 11:00')
    expect([mine.status, theirs.status]).toEqual(['requested', 'requested'])
    // A request that already ended waits for nobody.
    await book(centre.student.id, robot.id, '2026-03-02 06:00', '2026-03-02 07:00').catch(() => undefined)
    setNow('2026-03-02 09:00')

    const coordinator = await today(c)
    expect(coordinator.pending).toMatchObject({ scope: 'all', count: 2 })
    expect(coordinator.pending.items.map((b) => b.id)).toEqual([mine.id, theirs.id])
    expect(coordinator.viewer).toMatchObject({ manager: true, mayApprove: true })

    const teacher = await today(centre.teacher.id)
    expect(teacher.pending).toMatchObject({ scope: 'all', count: 2 })
    expect(teacher.viewer).toMatchObject({ manager: true, mayApprove: false })

    const freelancer = await today(centre.freelancer.id)
    expect(freelancer.pending).toMatchObject({ scope: 'own', count: 1, items: [{ id: mine.id }] })
    expect(freelancer.viewer).toMatchObject({ manager: false, mayApprove: false })
    expect((await today(centre.student.id)).pending.items.map((b) => b.id)).toEqual([theirs.id])

    await centre.core.ok(c, 'bookings.approve', { id: mine.id, version: mine.version })
    expect((await today(c)).pending.count).toBe(1)
  })

  it('counts every request but carries only the first few, soonest first', async () => {
    for (let day = 3; day <= 11; day++)
      await book(
        centre.freelancer.id,
        robot.id,
        `2026-03-${String(day).padStart(2, '0')} 10:00`,
        `2026-03-${String(day).padStart(2, '0')} 11:00`,
      )
    const view = await today(c)
    expect(view.pending.count).toBe(9)
    expect(view.pending.items).toHaveLength(6)
    expect(view.pending.items[0]!.startsAt).toBe(at('2026-03-03 10:00'))
  })

  it('leaves out a request that has ended', async () => {
    setNow('2026-03-01 09:00')
    await book(centre.freelancer.id, robot.id, '2026-03-01 10:00', '2026-03-01 11:00')
    setNow('2026-03-01 10:30')
    expect((await today(c)).pending.count).toBe(1)
    setNow('2026-03-01 11:00')
    expect((await today(c)).pending.count).toBe(0)
  })
})

describe('permits expiring this month', () => {
  const grant = (personId: number, validUntil: string | null, equipmentKind: 'laser_cutter' | 'cnc_router' = 'cnc_router') =>
    centre.core.ok(c, 'permits.grant', { personId, equipmentKind, level: 'independent', validUntil })

  it('lists permits whose last day is in this month, everyone for managers and their own for others', async () => {
    setNow('2026-03-16 09:00')
    const first = await grant(centre.freelancer.id, '2026-03-01')
    const last = await grant(centre.student.id, '2026-03-31')
    await grant(centre.student.id, '2026-04-01', 'laser_cutter')
    await grant(centre.freelancer.id, '2026-02-28', 'laser_cutter')
    await grant(centre.teacher.id, null)

    const coordinator = await today(c)
    expect(coordinator.monthStart).toBe('2026-03-01')
    expect(coordinator.monthEnd).toBe('2026-03-31')
    expect(coordinator.permits).toMatchObject({ scope: 'all', count: 2 })
    expect(coordinator.permits.items).toEqual([
      {
        id: first.id,
        person: { id: centre.freelancer.id, name: 'Gerrit Zzp' },
        equipmentName: null,
        equipmentKind: 'cnc_router',
        level: 'independent',
        validUntil: '2026-03-01',
        expired: true,
      },
      {
        id: last.id,
        person: { id: centre.student.id, name: 'Daan Student' },
        equipmentName: null,
        equipmentKind: 'cnc_router',
        level: 'independent',
        validUntil: '2026-03-31',
        expired: false,
      },
    ])
    expect((await today(centre.teacher.id)).permits.count).toBe(2)
    const student = await today(centre.student.id)
    expect(student.permits).toMatchObject({ scope: 'own', count: 1, items: [{ id: last.id }] })
    expect((await today(centre.freelancer.id)).permits.items.map((p) => p.id)).toEqual([first.id])
  })

  it('leaves out permits that were renewed, revoked, or belong to someone who left', async () => {
    setNow('2026-03-16 09:00')
    await grant(centre.student.id, '2026-03-20')
    await grant(centre.student.id, '2027-03-20')
    const revoked = await grant(centre.freelancer.id, '2026-03-20')
    await centre.core.ok(c, 'permits.revoke', { id: revoked.id, reason: 'Onveilig gewerkt' })
    await grant(centre.teacher.id, '2026-03-20')
    await centre.core.ok(c, 'people.setActive', { id: centre.teacher.id, active: false, version: centre.teacher.version })
    const kept = await grant(centre.freelancer.id, '2026-03-25', 'laser_cutter')
    expect((await today(c)).permits.items.map((p) => p.id)).toEqual([kept.id])
  })
})

describe('symposium deadlines', () => {
  it('lists what is coming, soonest first, across editions', async () => {
    const spring = await centre.core.ok(c, 'symposia.create', EDITION_INPUT)
    const autumn = await centre.core.ok(c, 'symposia.create', {
      ...EDITION_INPUT,
      title: 'Najaarssymposium Glas 2026',
      startsOn: '2026-10-01',
      days: 1,
      cfpOpensOn: '2026-03-02',
      cfpClosesOn: '2026-03-10',
      registrationOpensOn: '2026-05-01',
      registrationClosesOn: '2026-09-20',
    })
    setNow('2026-03-02 09:00')
    const view = await today(centre.student.id)
    expect(view.deadlines.map((d) => [d.editionId, d.kind, d.date, d.daysLeft])).toEqual([
      [autumn.id, 'cfpOpens', '2026-03-02', 0],
      [autumn.id, 'cfpCloses', '2026-03-10', 8],
      [spring.id, 'cfpCloses', '2026-03-15', 13],
      [spring.id, 'registrationCloses', '2026-04-10', 39],
      [spring.id, 'symposium', '2026-04-16', 45],
      [autumn.id, 'registrationOpens', '2026-05-01', 60],
    ])
    expect(view.deadlines[4]).toMatchObject({ endDate: '2026-04-17', editionTitle: 'Symposium Ambachtelijk Meubelmaken 2026' })
  })

  it('keeps a symposium in the list while its days run, and drops it after its last day', async () => {
    const spring = await centre.core.ok(c, 'symposia.create', EDITION_INPUT)
    setNow('2026-04-17 20:00')
    expect((await today(c)).deadlines).toEqual([
      {
        editionId: spring.id,
        editionTitle: EDITION_INPUT.title,
        kind: 'symposium',
        date: '2026-04-16',
        endDate: '2026-04-17',
        daysLeft: 0,
      },
    ])
    setNow('2026-04-18 00:05')
    expect((await today(c)).deadlines).toEqual([])
  })
})

describe('my next bookings and recent knowledge', () => {
  it('lists my bookings to come, including classes I take part in, and not other people’s', async () => {
    const s = centre.student.id
    const mine = await book(s, centre.laser.id, '2026-03-03 10:00', '2026-03-03 11:00')
    const lesson = await book(centre.teacher.id, printer.id, '2026-03-02 13:00', '2026-03-02 15:00', { participantIds: [s] })
    await book(centre.freelancer.id, centre.laser.id, '2026-03-02 10:00', '2026-03-02 11:00')
    const past = await book(c, printer.id, '2026-03-02 07:00', '2026-03-02 08:00', { personId: s })
    expect(past.id).toBeGreaterThan(0)
    expect((await today(s)).myNext.map((b) => b.id)).toEqual([lesson.id, mine.id])
    expect((await today(centre.teacher.id)).myNext.map((b) => b.id)).toEqual([lesson.id])
  })

  it('shows the newest experiments and notes with their authors, newest first', async () => {
    for (let i = 1; i <= 7; i++) {
      centre.clock.now = new Date(Date.parse('2026-03-01T10:00:00Z') + i * 60_000)
      await centre.core.ok(i % 2 ? centre.student.id : centre.teacher.id, 'experiments.create', { content: { title: `Proef ${i}` } })
      await centre.core.ok(centre.freelancer.id, 'notes.create', { content: { title: `Notitie ${i}`, category: 'technique' } })
    }
    const view = await today(c)
    expect(view.recentExperiments.map((x) => [x.title, x.author.name])).toEqual([
      ['Proef 7', 'Daan Student'],
      ['Proef 6', 'Anouk Docent'],
      ['Proef 5', 'Daan Student'],
      ['Proef 4', 'Anouk Docent'],
      ['Proef 3', 'Daan Student'],
    ])
    expect(view.recentNotes.map((n) => n.title)).toEqual(['Notitie 7', 'Notitie 6', 'Notitie 5', 'Notitie 4', 'Notitie 3'])
    expect(view.recentNotes[0]).toMatchObject({ category: 'technique', author: { name: 'Gerrit Zzp' } })
  })
})

describe('the centre’s day, not UTC’s', () => {
  it('at 00:30 on Tuesday in Amsterdam (23:30 Monday in UTC) today is Tuesday', async () => {
    const f = centre.freelancer.id
    await book(c, printer.id, '2026-03-02 22:00', '2026-03-02 23:00', { personId: f })
    const tuesday = await book(c, printer.id, '2026-03-03 08:00', '2026-03-03 09:00', { personId: f })
    await book(c, printer.id, '2026-03-03 23:00', '2026-03-03 23:45', { personId: f })
    centre.clock.now = new Date('2026-03-02T23:30:00Z')
    const view = await today(c)
    expect(view.today).toBe('2026-03-03')
    const card = view.machines.find((m) => m.id === printer.id)!
    expect(card.next?.id).toBe(tuesday.id)
    // 23:00 Tuesday is still Tuesday; Monday evening's booking is over.
    expect(card.laterToday).toBe(1)
  })

  it('at 00:30 on 1 April in Amsterdam (still 31 March in UTC) this month is April', async () => {
    centre.clock.now = new Date('2026-03-20T10:00:00Z')
    await centre.core.ok(c, 'permits.grant', {
      personId: centre.freelancer.id,
      equipmentKind: 'cnc_router',
      level: 'independent',
      validUntil: '2026-03-31',
    })
    const april = await centre.core.ok(c, 'permits.grant', {
      personId: centre.student.id,
      equipmentKind: 'cnc_router',
      level: 'independent',
      validUntil: '2026-04-30',
    })
    centre.clock.now = new Date('2026-03-31T22:30:00Z')
    const view = await today(c)
    expect([view.today, view.monthStart, view.monthEnd]).toEqual(['2026-04-01', '2026-04-01', '2026-04-30'])
    expect(view.permits.items.map((p) => p.id)).toEqual([april.id])
  })

  it('follows the centre’s time zone setting', async () => {
    centre.clock.now = new Date('2026-03-02T23:30:00Z')
    await centre.core.ok(c, 'settings.update', { timeZone: 'America/New_York' })
    const view = await today(c)
    expect([view.today, view.timeZone]).toEqual(['2026-03-02', 'America/New_York'])
  })
})

describe('access and input', () => {
  it('needs a profile, takes no input, and changes nothing', async () => {
    const before = tableChecksum(centre.core.db)
    expect(await centre.core.as(null, 'dashboard.today', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'profileRequired' } },
    })
    const extra = await centre.core.call('dashboard.today', { input: { personId: centre.coordinator.id }, actorId: centre.student.id })
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await today(centre.student.id)
    expect(tableChecksum(centre.core.db)).toBe(before)
  })
})

describe('date helpers', () => {
  it('knows month ends and leap days', () => {
    expect(monthOf('2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' })
    expect(monthOf('2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' })
    expect(monthOf('2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' })
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-01-01', -2)).toBe('2025-12-30')
  })
})

describe('migration 0127', () => {
  it('reads the newest notes by their index, not by sorting every note', () => {
    const plan = centre.core.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT n.id FROM notes n JOIN people a ON a.id = n.author_id ORDER BY n.updated_at DESC, n.id DESC LIMIT 5`,
      )
      .all()
      .map((row) => row.detail)
      .join(' | ')
    expect(plan).toContain('USING INDEX notes_newest')
    expect(plan).not.toContain('TEMP B-TREE')
  })
})
