// The usage report: every figure of docs/reports.md over one period, read in a handful of queries
// (no query per row) and counted in one pass each. Owns no table and writes nothing.
//
// People appear only through their role (people.role, or a registration's own role at the
// symposium): the report holds no name or address, so erasing a person who keeps their role
// changes no figure.
import { toInstant, toLocal } from '../../shared/calendarTime'
import type { BookingRules } from '../../shared/equipment'
import type { OutcomeKey, ReportPeriod, ReportRole, UsageReport, UsageRow } from '../../shared/reports'
import { OUTCOME_KEYS } from '../../shared/reports'
import type { Role } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { addDays, monthIndexOf, resolvePeriod, weekdayOf, type ResolvedPeriod } from './reportPeriod'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const REPORT_ROLE: Record<Role, ReportRole> = {
  student: 'student',
  teacher: 'teacher',
  coordinator: 'teacher',
  freelancer: 'freelancer',
  guest: 'guest',
}

export interface ReportServiceDeps {
  db: Db
  clock: Clock
  timeZone: () => string
}

type Machine = { id: number; name: string; kind: string; status: string; rules: string }

export function createReportService({ db, clock, timeZone }: ReportServiceDeps) {
  const selectRoles = db.prepare<[], [number, Role]>('SELECT id, role FROM people').raw()
  const selectMachines = db.prepare<[], Machine>('SELECT id, name, kind, status, rules FROM equipment ORDER BY name COLLATE NOCASE, id')
  const selectLongestBlock = db.prepare<[], { longest: number | null }>('SELECT MAX(longest_block_minutes) AS longest FROM equipment')
  // One month's bookings summed inside SQLite by machine, holder's role and status (a year of the
  // benchmark centre is 45,000 bookings: handing each to JavaScript cost more than all the rest).
  // Actual time where the booking was checked in and out, else the booked time. Reads only the
  // bookings_report index (0125). The role is looked up per booking inside the grouping: grouping
  // by the holder instead made SQLite sort 15 times more groups (a year at a tenth: 93 ms against
  // 56 ms for this statement alone).
  const sumBookings = db.prepare<
    { start: number; end: number; now: number },
    { equipment_id: number; role: Role | null; status: string; past: number; n: number; minutes: number }
  >(
    `SELECT b.equipment_id, (SELECT role FROM people WHERE id = b.person_id) AS role, b.status, b.starts_at < @now AS past, COUNT(*) AS n,
       SUM(CASE WHEN b.status = 'completed' AND b.checked_in_at IS NOT NULL AND b.checked_out_at IS NOT NULL
         THEN COALESCE(b.actual_minutes, ROUND((b.checked_out_at - b.checked_in_at) / 60000.0))
         ELSE (b.ends_at - b.starts_at) / 60000.0 END) AS minutes
     FROM bookings b
     WHERE b.starts_at >= @start AND b.starts_at < @end AND b.kind <> 'maintenance'
     GROUP BY 1, 2, 3, 4`,
  )
  // Used bookings that had participants, with everyone's role: the few that can be co-creation.
  const selectBookingParticipants = db
    .prepare<{ start: number; end: number }>(
      `SELECT b.id, b.starts_at, b.person_id, bp.person_id FROM bookings b JOIN booking_participants bp ON bp.booking_id = b.id
       WHERE b.starts_at >= @start AND b.starts_at < @end AND b.kind <> 'maintenance' AND b.status IN ('checked_in', 'completed')`,
    )
    .raw()
  // Maintenance that may reach into the period: it started at most the longest block before it.
  const selectMaintenance = db
    .prepare<{ start: number; end: number; lowerBound: number }>(
      `SELECT equipment_id, starts_at, ends_at FROM bookings
       WHERE starts_at >= @lowerBound AND starts_at < @end AND ends_at > @start AND kind = 'maintenance' AND status <> 'cancelled'`,
    )
    .raw()
  const selectExperiments = db
    .prepare<{ start: string; end: string }>(
      `SELECT e.id, e.created_at, e.status, e.outcome, p.role FROM experiments e JOIN people p ON p.id = e.author_id
       WHERE e.created_at >= @start AND e.created_at < @end`,
    )
    .raw()
  const selectExperimentParticipants = db
    .prepare<{ start: string; end: string }>(
      `SELECT ep.experiment_id, p.role FROM experiments e
       JOIN experiment_participants ep ON ep.experiment_id = e.id JOIN people p ON p.id = ep.person_id
       WHERE e.created_at >= @start AND e.created_at < @end`,
    )
    .raw()
  const selectNotesWritten = db
    .prepare<{ start: string; end: string }>('SELECT created_at FROM notes WHERE created_at >= @start AND created_at < @end')
    .pluck()
  const selectNotesReviewed = db
    .prepare<{ start: string; end: string }>('SELECT reviewed_at FROM notes WHERE reviewed_at >= @start AND reviewed_at < @end')
    .pluck()
  const selectEditions = db.prepare<{ from: string; to: string }, { id: number; title: string; starts_on: string }>(
    'SELECT id, title, starts_on FROM symposium_editions WHERE starts_on >= @from AND starts_on <= @to ORDER BY starts_on, id',
  )
  // A registration counts as registered when it holds a seat (not on the waitlist), as checked in
  // when it was checked in on any day of the edition.
  const selectAttendance = db.prepare<
    { from: string; to: string },
    { edition_id: number; role: string; registered: number; came: number; n: number }
  >(
    `SELECT r.edition_id, r.role, r.status = 'registered' AS registered,
       EXISTS (SELECT 1 FROM symposium_checkins c WHERE c.registration_id = r.id) AS came, COUNT(*) AS n
     FROM symposium_editions e JOIN symposium_registrations r ON r.edition_id = e.id
     WHERE e.starts_on >= @from AND e.starts_on <= @to AND r.status <> 'cancelled'
     GROUP BY 1, 2, 3, 4`,
  )

  function usage(period: ReportPeriod): UsageReport {
    const zone = timeZone()
    const now = clock().getTime()
    const p = resolvePeriod(period, now, zone)
    const range = { start: p.start, end: p.end }
    const isoRange = { start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString() }
    const monthOfIso = (iso: string) => monthIndexOf(p, Date.parse(iso))
    const machines = selectMachines.all()
    const machineIndex = new Map(machines.map((m, i) => [m.id, i]))
    const monthCount = p.months.length
    const roleOf = new Map(selectRoles.all())

    // --- Use, no-shows and co-creation at the machines: the bookings summed per month.
    const used = machines.map(() => Array.from({ length: monthCount }, () => ({ student: 0, teacher: 0, freelancer: 0, guest: 0 })))
    const due = machines.map(() => 0)
    const noShows = machines.map(() => 0)
    const coCreation = p.months.map((month) => ({ month, bookings: 0, bookingsTogether: 0, experiments: 0, experimentsTogether: 0 }))
    p.monthStarts.forEach((monthStart, month) => {
      const bounds = { start: monthStart, end: p.monthStarts[month + 1] ?? p.end, now }
      for (const sum of sumBookings.all(bounds)) {
        const m = machineIndex.get(sum.equipment_id)!
        const { status } = sum
        // Due: it started before now and nobody took it back (cancelled) or left it unanswered (requested).
        if (sum.past && (status === 'confirmed' || status === 'checked_in' || status === 'completed' || status === 'no_show')) {
          due[m]! += sum.n
          if (status === 'no_show') noShows[m]! += sum.n
        }
        if (status !== 'completed' && status !== 'checked_in') continue
        used[m]![month]![REPORT_ROLE[sum.role ?? 'guest']] += sum.minutes
        coCreation[month]!.bookings += sum.n
      }
    })
    const rolesOf = new Map<number, { month: number; roles: Set<Role | undefined> }>()
    for (const [id, startsAt, holder, participant] of selectBookingParticipants.all(range) as [number, number, number | null, number][]) {
      let entry = rolesOf.get(id)
      if (!entry)
        rolesOf.set(id, (entry = { month: monthIndexOf(p, startsAt), roles: new Set(holder !== null ? [roleOf.get(holder)] : []) }))
      entry.roles.add(roleOf.get(participant))
    }
    const together = (roles: Set<Role | undefined>) => roles.has('student') && roles.has('freelancer')
    for (const { month, roles } of rolesOf.values()) if (together(roles)) coCreation[month]!.bookingsTogether++

    // --- Opening hours per machine and month, less closed dates and maintenance.
    const open = openingMinutes(machines, p, zone, selectMaintenance, selectLongestBlock.get()?.longest ?? 0)

    const usageRows: UsageRow[] = []
    const usageTotals: UsageRow[] = []
    machines.forEach((machine, m) => {
      const total = { student: 0, teacher: 0, freelancer: 0, guest: 0 }
      let openTotal = 0
      p.months.forEach((month, i) => {
        const byRole = used[m]![i]!
        for (const key of Object.keys(total) as ReportRole[]) total[key] += byRole[key]
        openTotal += open[m]![i]!
        usageRows.push(row(machine.id, month, byRole, open[m]![i]!))
      })
      usageTotals.push(row(machine.id, null, total, openTotal))
    })
    // A retired machine stays out of the report unless it was used or booked in the period.
    const shown = machines.filter((machine, m) => machine.status !== 'retired' || usageTotals[m]!.totalMinutes > 0 || due[m]! > 0)
    const shownIds = new Set(shown.map((machine) => machine.id))

    // --- Experiments started in the period: outcome, co-creation.
    const outcomes = new Map<OutcomeKey, number>(OUTCOME_KEYS.map((k) => [k, 0]))
    const experimentRoles = new Map<number, { month: number; roles: Set<Role | undefined> }>()
    for (const [id, createdAt, status, outcome, role] of selectExperiments.all(isoRange) as [
      number,
      string,
      string,
      string | null,
      Role,
    ][]) {
      const key: OutcomeKey = status === 'completed' ? ((outcome as OutcomeKey | null) ?? 'noOutcome') : (status as OutcomeKey)
      outcomes.set(key, outcomes.get(key)! + 1)
      experimentRoles.set(id, { month: monthOfIso(createdAt), roles: new Set([role]) })
    }
    for (const [id, role] of selectExperimentParticipants.all(isoRange) as [number, Role][]) {
      experimentRoles.get(id)?.roles.add(role)
    }
    const knowledge = p.months.map((month) => ({ month, notesWritten: 0, notesReviewed: 0, experimentsStarted: 0 }))
    for (const { month, roles } of experimentRoles.values()) {
      coCreation[month]!.experiments++
      knowledge[month]!.experimentsStarted++
      if (together(roles)) coCreation[month]!.experimentsTogether++
    }

    // --- Knowledge: notes written and reviewed.
    for (const createdAt of selectNotesWritten.all(isoRange) as string[]) knowledge[monthOfIso(createdAt)]!.notesWritten++
    for (const reviewedAt of selectNotesReviewed.all(isoRange) as string[]) knowledge[monthOfIso(reviewedAt)]!.notesReviewed++

    // --- Symposium editions that started in the period.
    const editions = selectEditions.all({ from: p.from, to: p.to })
    const symposia = editions.map((e) => ({
      editionId: e.id,
      title: e.title,
      startsOn: e.starts_on,
      registered: { student: 0, teacher: 0, freelancer: 0, external: 0 },
      checkedIn: { student: 0, teacher: 0, freelancer: 0, external: 0 },
    }))
    const byEdition = new Map(symposia.map((s) => [s.editionId, s]))
    for (const a of selectAttendance.all({ from: p.from, to: p.to })) {
      const s = byEdition.get(a.edition_id)!
      const role = a.role as keyof typeof s.registered
      if (a.registered) s.registered[role] += a.n
      if (a.came) s.checkedIn[role] += a.n
    }

    return {
      from: p.from,
      to: p.to,
      timeZone: zone,
      generatedAt: new Date(now).toISOString(),
      months: p.months,
      machines: shown.map(({ id, name, kind }) => ({ id, name, kind })),
      usage: usageRows.filter((r) => shownIds.has(r.equipmentId)),
      usageTotals: usageTotals.filter((r) => shownIds.has(r.equipmentId)),
      noShows: [
        ...machines.flatMap((machine, m) => (shownIds.has(machine.id) ? [noShowRow(machine.id, due[m]!, noShows[m]!)] : [])),
        noShowRow(
          null,
          due.reduce((a, b) => a + b, 0),
          noShows.reduce((a, b) => a + b, 0),
        ),
      ],
      coCreation: [...coCreation, sumRows(coCreation, { month: null })],
      outcomes: OUTCOME_KEYS.map((outcome) => ({ outcome, count: outcomes.get(outcome)! })),
      knowledge: [...knowledge, sumRows(knowledge, { month: null })],
      symposia,
    }
  }

  return { usage }
}

export type ReportService = ReturnType<typeof createReportService>

function row(equipmentId: number, month: string | null, usedMinutes: Record<ReportRole, number>, openMinutes: number): UsageRow {
  const totalMinutes = usedMinutes.student + usedMinutes.teacher + usedMinutes.freelancer + usedMinutes.guest
  return {
    equipmentId,
    month,
    usedMinutes: { ...usedMinutes },
    totalMinutes,
    openMinutes,
    share: openMinutes > 0 ? totalMinutes / openMinutes : null,
  }
}

function noShowRow(equipmentId: number | null, due: number, noShows: number) {
  return { equipmentId, due, noShows, rate: due > 0 ? noShows / due : null }
}

function sumRows<T extends { month: string | null }>(rows: T[], base: { month: null }): T {
  const sum: Record<string, unknown> = { ...base }
  for (const r of rows) {
    for (const [key, value] of Object.entries(r)) if (typeof value === 'number') sum[key] = ((sum[key] as number | undefined) ?? 0) + value
  }
  for (const key of Object.keys(rows[0] ?? {})) if (key !== 'month' && sum[key] === undefined) sum[key] = 0
  return sum as T
}

/**
 * Minutes each machine was open in each month of the period: its opening hours on every local day
 * that is not a closed date, measured as real elapsed time (a range across a DST change is an hour
 * shorter or longer), less the maintenance inside those hours. The machine's current rules are
 * used for the whole period: Werkbank keeps no history of rules.
 */
function openingMinutes(
  machines: Machine[],
  p: ResolvedPeriod,
  zone: string,
  selectMaintenance: { all: (params: { start: number; end: number; lowerBound: number }) => unknown[] },
  longestBlockMinutes: number,
): number[][] {
  // One zone conversion per local day: its midnight and the next. On a day of 24 hours the offset
  // holds all day, so a wall-clock time is midnight plus its minutes; only the two DST days a year
  // ask the time zone for each time.
  // The next midnight is usually 24 hours on; toLocal's fast path checks that cheaply, and only
  // where it is not (a DST night) the zone is asked.
  const midnights: number[] = []
  for (const day of [...p.days, addDays(p.to, 1)]) {
    const guess = midnights.length > 0 ? midnights[midnights.length - 1]! + DAY_MS : null
    const local = guess === null ? null : toLocal(guess, zone)
    midnights.push(local && local.date === day && local.time === '00:00' ? guess! : toInstant(day, '00:00', zone))
  }
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
  const instant = (dayIndex: number, time: string) => {
    const midnight = midnights[dayIndex]!
    if (time === '24:00') return midnights[dayIndex + 1]!
    if (midnights[dayIndex + 1]! - midnight === DAY_MS) return midnight + minutesOf(time) * MINUTE_MS
    return toInstant(p.days[dayIndex]!, time, zone)
  }
  const weekdays = p.days.map(weekdayOf)
  const open = machines.map(() => new Array<number>(p.months.length).fill(0))
  // Each machine's open intervals in time order, with their month, to take maintenance out below.
  const intervals = machines.map(() => [] as [number, number, number][])
  machines.forEach((machine, m) => {
    const rules = JSON.parse(machine.rules) as BookingRules
    const closed = new Set(rules.closedDates)
    let month = 0
    p.days.forEach((day, dayIndex) => {
      if (day.slice(0, 7) !== p.months[month]) month++
      if (closed.has(day)) return
      for (const range of rules.openingHours[weekdays[dayIndex]! - 1] ?? []) {
        const from = instant(dayIndex, range.from)
        const to = instant(dayIndex, range.to)
        if (to <= from) continue
        open[m]![month]! += (to - from) / MINUTE_MS
        intervals[m]!.push([from, to, month])
      }
    })
  })
  const index = new Map(machines.map((machine, i) => [machine.id, i]))
  const params = { start: p.start, end: p.end, lowerBound: p.start - longestBlockMinutes * MINUTE_MS }
  for (const [equipmentId, startsAt, endsAt] of selectMaintenance.all(params) as [number, number, number][]) {
    const m = index.get(equipmentId)
    if (m === undefined) continue
    const list = intervals[m]!
    // First open interval that ends after the maintenance starts.
    let low = 0
    let high = list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (list[mid]![1] <= startsAt) low = mid + 1
      else high = mid
    }
    for (let i = low; i < list.length && list[i]![0] < endsAt; i++) {
      const [from, to, month] = list[i]!
      open[m]![month]! -= (Math.min(to, endsAt) - Math.max(from, startsAt)) / MINUTE_MS
    }
  }
  return open
}
