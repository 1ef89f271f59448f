// Today at the centre, for the start screen (see docs/dashboard.md). Owns no table and writes
// nothing: one read over bookings, machines, permits, symposium editions, experiments and notes,
// each part one prepared statement bounded by an index (no query per row), so the screen stays
// fast with ten years of history. "Now" is the core's clock; "today" and "this month" are the
// centre's local day and month.
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { BookingKind, BookingStatus } from '../../shared/bookings'
import { toInstant, toLocal } from '../../shared/calendarTime'
import {
  DASHBOARD_LIST_LIMIT,
  type DashboardBooking,
  type DashboardDeadline,
  type DashboardMachine,
  type DashboardMaintenance,
  type DashboardPermit,
  type DashboardToday,
  type DeadlineKind,
  type dashboardMethods,
} from '../../shared/dashboard'
import type { EquipmentKind, EquipmentStatus } from '../../shared/equipment'
import type { EXPERIMENT_STATUSES, Outcome } from '../../shared/experiments'
import type { NoteCategory } from '../../shared/notes'
import type { PermitLevel } from '../../shared/permits'
import type { CoreServices } from '../coreServices'
import type { Actor, Handlers } from '../dispatcher'
import { isManager, requireActor } from '../permissions'

const MINUTE = 60_000
const DAY = 86_400_000
/** Check-in opens this long before the start (bookingService): such a booking is already "now". */
const CHECK_IN_EARLY = 15 * MINUTE
const RECENT_LIMIT = 5
const MY_NEXT_LIMIT = 5

interface BookingRow {
  id: number
  equipment_id: number
  equipment_name: string
  kind: BookingKind
  status: BookingStatus
  person_id: number | null
  person_name: string | null
  starts_at: number
  ends_at: number
  purpose: string | null
  checked_in_at: number | null
}

// One column list for every booking the dashboard shows, so each section maps rows the same way.
const BOOKING_COLUMNS = `b.id, b.equipment_id, e.name AS equipment_name, b.kind, b.status, b.person_id, p.name AS person_name,
    b.starts_at, b.ends_at, b.purpose, b.checked_in_at`
const BOOKINGS_FROM = ' FROM bookings b JOIN equipment e ON e.id = b.equipment_id LEFT JOIN people p ON p.id = b.person_id'
const BOOKINGS = 'SELECT ' + BOOKING_COLUMNS + BOOKINGS_FROM

const iso = (ms: number) => new Date(ms).toISOString()

function toDashboardBooking(row: BookingRow): DashboardBooking {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    equipmentName: row.equipment_name,
    kind: row.kind,
    status: row.status,
    person: row.person_id === null ? null : { id: row.person_id, name: row.person_name ?? '' },
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    purpose: row.purpose,
    checkedInAt: row.checked_in_at === null ? null : iso(row.checked_in_at),
  }
}

/** 'YYYY-MM-DD' plus whole days (calendar arithmetic on the date itself, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * DAY).toISOString().slice(0, 10)
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / DAY)
}

/** First and last day of the month that `date` lies in. */
export function monthOf(date: string): { start: string; end: string } {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { start: date.slice(0, 8) + '01', end: date.slice(0, 8) + String(last).padStart(2, '0') }
}

export function createDashboardHandlers(services: CoreServices): Pick<Handlers, keyof typeof dashboardMethods> {
  const { db, clock, timeZone } = services

  const selectMachines = db.prepare<
    [],
    { id: number; name: string; kind: EquipmentKind; status: EquipmentStatus; location: string | null; longest: number }
  >(
    `SELECT id, name, kind, status, location, longest_block_minutes AS longest FROM equipment
     WHERE status <> 'retired' ORDER BY name COLLATE NOCASE, id`,
  )

  // What occupies each machine now. The range on starts_at (bookings_start) is bounded below by the
  // longest block any machine ever had, so it stays a few rows wide however long the history.
  // A checked-in booking may have started up to 15 minutes early; a checked-out one has ended.
  const selectCurrent = db.prepare<{ now: number; lower: number; soon: number }, BookingRow>(
    BOOKINGS +
      ` WHERE b.starts_at >= @lower AND b.starts_at <= @soon AND b.ends_at > @now
       AND b.status IN ('requested', 'confirmed', 'checked_in')
       AND (b.starts_at <= @now OR b.status = 'checked_in')
     ORDER BY b.starts_at, b.id`,
  )

  // The next booking per machine: one index seek per machine (bookings_machine_start) inside one
  // statement, however far ahead it lies.
  const selectNext = db.prepare<{ now: number }, BookingRow>(
    BOOKINGS +
      ` WHERE b.id IN (
         SELECT (SELECT n.id FROM bookings n
                 WHERE n.equipment_id = m.id AND n.starts_at > @now AND n.status IN ('requested', 'confirmed')
                 ORDER BY n.starts_at, n.id LIMIT 1)
         FROM equipment m WHERE m.status <> 'retired')`,
  )

  const selectLaterToday = db.prepare<{ now: number; dayEnd: number }, { equipment_id: number; n: number }>(
    `SELECT equipment_id, count(*) AS n FROM bookings
     WHERE starts_at > @now AND starts_at < @dayEnd AND status IN ('requested', 'confirmed')
     GROUP BY equipment_id`,
  )

  // Who is at a machine: checked in and not yet out, for bookings of today (or running into it).
  const selectCheckedIn = db.prepare<{ lower: number; soon: number }, BookingRow>(
    BOOKINGS +
      ` WHERE b.starts_at >= @lower AND b.starts_at <= @soon AND b.status = 'checked_in'
     ORDER BY b.starts_at, b.id`,
  )

  // Requests still ahead or running, by the partial index bookings_requested. The window count is
  // taken before LIMIT, so one statement gives both the total and the first few.
  const selectPending = db.prepare<{ now: number; lower: number; me: number | null; limit: number }, BookingRow & { total: number }>(
    'SELECT ' +
      BOOKING_COLUMNS +
      ', count(*) OVER () AS total' +
      BOOKINGS_FROM +
      ` WHERE b.status = 'requested' AND b.starts_at >= @lower AND b.ends_at > @now
       AND (@me IS NULL OR b.person_id = @me OR b.booked_by = @me)
     ORDER BY b.starts_at, b.id LIMIT @limit`,
  )

  // Permits whose last day falls in this month, unless a later (or open-ended) permit for the same
  // person and the same machine or kind has replaced it: a renewed permit is not a worry.
  const selectPermits = db.prepare<
    { from: string; to: string; me: number | null; limit: number },
    {
      id: number
      person_id: number
      person_name: string
      equipment_name: string | null
      equipment_kind: EquipmentKind | null
      level: PermitLevel
      valid_until: string
      total: number
    }
  >(
    `SELECT pm.id, pm.person_id, p.name AS person_name, e.name AS equipment_name, pm.equipment_kind, pm.level, pm.valid_until,
       count(*) OVER () AS total
     FROM permits pm JOIN people p ON p.id = pm.person_id LEFT JOIN equipment e ON e.id = pm.equipment_id
     WHERE pm.valid_until BETWEEN @from AND @to AND pm.revoked_at IS NULL AND p.active = 1
       AND (@me IS NULL OR pm.person_id = @me)
       AND NOT EXISTS (
         SELECT 1 FROM permits r
         WHERE r.person_id = pm.person_id AND r.id <> pm.id AND r.revoked_at IS NULL
           AND r.equipment_id IS pm.equipment_id AND r.equipment_kind IS pm.equipment_kind
           AND (r.valid_until IS NULL OR r.valid_until > pm.valid_until))
     ORDER BY pm.valid_until, p.name COLLATE NOCASE, pm.id LIMIT @limit`,
  )

  // An edition lasts at most three days, so one that started two days ago may still be running.
  const selectEditions = db.prepare<
    { since: string },
    {
      id: number
      title: string
      starts_on: string
      days: number
      cfp_opens_on: string
      cfp_closes_on: string
      registration_opens_on: string
      registration_closes_on: string
    }
  >(
    `SELECT id, title, starts_on, days, cfp_opens_on, cfp_closes_on, registration_opens_on, registration_closes_on
     FROM symposium_editions WHERE starts_on >= @since ORDER BY starts_on, id`,
  )

  // My bookings still to come or running: as the person booked for, or as a participant (a class,
  // a training). Both by their own index (bookings_person_start, booking_participants_person).
  const selectMyNext = db.prepare<{ me: number; now: number; lower: number; limit: number }, BookingRow>(
    BOOKINGS +
      ` WHERE b.id IN (
         SELECT id FROM bookings WHERE person_id = @me AND starts_at >= @lower
         UNION SELECT booking_id FROM booking_participants WHERE person_id = @me)
       AND b.ends_at > @now AND b.status IN ('requested', 'confirmed', 'checked_in')
     ORDER BY b.starts_at, b.id LIMIT @limit`,
  )

  // Newest first by experiments_newest and notes_newest (0127): only the rows shown are read.
  const selectExperiments = db.prepare<
    { limit: number },
    {
      id: number
      title: string
      status: (typeof EXPERIMENT_STATUSES)[number]
      outcome: Outcome | null
      author_id: number
      author_name: string
      updated_at: string
    }
  >(
    `SELECT x.id, x.title, x.status, x.outcome, x.author_id, a.name AS author_name, x.updated_at
     FROM experiments x JOIN people a ON a.id = x.author_id
     ORDER BY x.updated_at DESC, x.id DESC LIMIT @limit`,
  )
  const selectNotes = db.prepare<
    { limit: number },
    { id: number; title: string; category: NoteCategory; author_id: number; author_name: string; updated_at: string }
  >(
    `SELECT n.id, n.title, n.category, n.author_id, a.name AS author_name, n.updated_at
     FROM notes n JOIN people a ON a.id = n.author_id
     ORDER BY n.updated_at DESC, n.id DESC LIMIT @limit`,
  )

  function deadlinesFrom(today: string): DashboardDeadline[] {
    const deadlines: DashboardDeadline[] = []
    for (const e of selectEditions.all({ since: addDays(today, -2) })) {
      const lastDay = addDays(e.starts_on, e.days - 1)
      const dates: [DeadlineKind, string][] = [
        ['cfpOpens', e.cfp_opens_on],
        ['cfpCloses', e.cfp_closes_on],
        ['registrationOpens', e.registration_opens_on],
        ['registrationCloses', e.registration_closes_on],
      ]
      for (const [kind, date] of dates) {
        if (date >= today)
          deadlines.push({ editionId: e.id, editionTitle: e.title, kind, date, endDate: date, daysLeft: daysBetween(today, date) })
      }
      if (lastDay >= today) {
        deadlines.push({
          editionId: e.id,
          editionTitle: e.title,
          kind: 'symposium',
          date: e.starts_on,
          endDate: lastDay,
          daysLeft: Math.max(0, daysBetween(today, e.starts_on)),
        })
      }
    }
    // The order of the day they fall on; on one day, the order of the edition's own calendar.
    const order = ['cfpOpens', 'cfpCloses', 'registrationOpens', 'registrationCloses', 'symposium']
    deadlines.sort(
      (a, b) =>
        a.daysLeft - b.daysLeft ||
        a.date.localeCompare(b.date) ||
        a.editionId - b.editionId ||
        order.indexOf(a.kind) - order.indexOf(b.kind),
    )
    return deadlines.slice(0, DASHBOARD_LIST_LIMIT)
  }

  function today(actor: Actor): DashboardToday {
    const now = clock().getTime()
    const zone = timeZone()
    const todayDate = toLocal(now, zone).date
    const dayStart = toInstant(todayDate, '00:00', zone)
    const dayEnd = toInstant(addDays(todayDate, 1), '00:00', zone)
    const month = monthOf(todayDate)
    const manager = isManager(actor)

    const machineRows = selectMachines.all()
    const longest = machineRows.reduce((max, m) => Math.max(max, m.longest), 0) * MINUTE
    const lower = now - longest
    const soon = now + CHECK_IN_EARLY

    // Per machine, a checked-in booking wins over one that merely started (they cannot overlap,
    // except an early check-in overlapping the end of the one before).
    const current = new Map<number, BookingRow>()
    for (const row of selectCurrent.all({ now, lower, soon })) {
      const seen = current.get(row.equipment_id)
      if (!seen || (row.status === 'checked_in' && seen.status !== 'checked_in')) current.set(row.equipment_id, row)
    }
    const next = new Map(selectNext.all({ now }).map((row) => [row.equipment_id, row]))
    const laterToday = new Map(selectLaterToday.all({ now, dayEnd }).map((row) => [row.equipment_id, row.n]))

    const machines: DashboardMachine[] = machineRows.map((m) => {
      const nextRow = next.get(m.id) ?? null
      const remaining = laterToday.get(m.id) ?? 0
      return {
        id: m.id,
        name: m.name,
        kind: m.kind,
        status: m.status,
        location: m.location,
        current: current.has(m.id) ? toDashboardBooking(current.get(m.id)!) : null,
        next: nextRow ? toDashboardBooking(nextRow) : null,
        laterToday: Math.max(0, remaining - (nextRow && nextRow.starts_at < dayEnd ? 1 : 0)),
      }
    })

    const maintenance: DashboardMaintenance[] = machineRows.flatMap((m) => {
      const window = current.get(m.id)
      const inWindow = window?.kind === 'maintenance'
      if (m.status === 'available' && !inWindow) return []
      return [
        {
          equipmentId: m.id,
          equipmentName: m.name,
          status: m.status,
          until: inWindow ? iso(window.ends_at) : null,
          purpose: inWindow ? window.purpose : null,
        },
      ]
    })

    const checkedIn = selectCheckedIn.all({ lower: Math.min(dayStart, lower), soon }).map(toDashboardBooking)

    const pendingRows = selectPending.all({ now, lower, me: manager ? null : actor.id, limit: DASHBOARD_LIST_LIMIT })
    const permitRows = selectPermits.all({ from: month.start, to: month.end, me: manager ? null : actor.id, limit: DASHBOARD_LIST_LIMIT })
    const permits: DashboardPermit[] = permitRows.map((row) => ({
      id: row.id,
      person: { id: row.person_id, name: row.person_name },
      equipmentName: row.equipment_name,
      equipmentKind: row.equipment_kind,
      level: row.level,
      validUntil: row.valid_until,
      expired: row.valid_until < todayDate,
    }))

    return {
      now: iso(now),
      today: todayDate,
      monthStart: month.start,
      monthEnd: month.end,
      timeZone: zone,
      viewer: { id: actor.id, role: actor.role, manager, mayApprove: actor.role === 'coordinator' },
      machines,
      maintenance,
      checkedIn,
      pending: { scope: manager ? 'all' : 'own', count: pendingRows[0]?.total ?? 0, items: pendingRows.map(toDashboardBooking) },
      permits: { scope: manager ? 'all' : 'own', count: permitRows[0]?.total ?? 0, items: permits },
      deadlines: deadlinesFrom(todayDate),
      myNext: selectMyNext.all({ me: actor.id, now, lower, limit: MY_NEXT_LIMIT }).map(toDashboardBooking),
      recentExperiments: selectExperiments.all({ limit: RECENT_LIMIT }).map((x) => ({
        id: x.id,
        title: x.title,
        status: x.status,
        outcome: x.outcome,
        author: { id: x.author_id, name: x.author_name },
        updatedAt: x.updated_at,
      })),
      recentNotes: selectNotes.all({ limit: RECENT_LIMIT }).map((n) => ({
        id: n.id,
        title: n.title,
        category: n.category,
        author: { id: n.author_id, name: n.author_name },
        updatedAt: n.updated_at,
      })),
    }
  }

  return {
    'dashboard.today': (_input, { actor }) => {
      requireActor(actor)
      // One snapshot: every section sees the same moment of the database.
      return db.transaction(() => today(actor))()
    },
  }
}
