// What a person did at the centre, read from the tables of the modules that own it, one indexed query
// per kind starting from the person (never a loop of queries over their records):
// - machine hours: their own 'use' bookings that were checked in and out, by the actual minutes
//   between check-in and check-out (the booked length is shown next to it, never counted);
// - permits with their history (granted, expiry, revoked, and the training that granted them);
// - trainings attended: training_attendance rows with attended = 1;
// - experiments they wrote or took part in (with their role), notes they wrote or reviewed;
// - symposium talks given (every programme slot of a session they speak in) and symposium
//   attendance, with hours counted exactly as the certificate of attendance counts them.
import { toLocal } from '../../shared/calendarTime'
import type { EquipmentKind } from '../../shared/equipment'
import type { Portfolio } from '../../shared/portfolio'
import type { Db } from '../db/database'
import { union } from '../symposia/exports/certificates'

type Facts = Pick<Portfolio, 'machineHours' | 'permits' | 'trainings' | 'experiments' | 'notes' | 'talks' | 'symposia'>

export interface MachineSession {
  equipmentId: number
  startsAt: number
  minutes: number
}

export interface PortfolioFacts extends Facts {
  /** Every counted machine session, for the timeline and the year totals. */
  machineSessions: MachineSession[]
}

type Interval = [number, number]

export function createPortfolioFacts(db: Db) {
  const selectMachineSessions = db.prepare<
    [number],
    { equipment_id: number; name: string; kind: EquipmentKind; starts_at: number; ends_at: number; actual_minutes: number }
  >(
    `SELECT b.equipment_id, e.name, e.kind, b.starts_at, b.ends_at, b.actual_minutes
     FROM bookings b JOIN equipment e ON e.id = b.equipment_id
     WHERE b.person_id = ? AND b.kind = 'use' AND b.checked_in_at IS NOT NULL AND b.checked_out_at IS NOT NULL
       AND b.actual_minutes IS NOT NULL
     ORDER BY b.starts_at`,
  )
  const selectPermits = db.prepare<
    [number],
    {
      id: number
      machine: string | null
      equipment_kind: EquipmentKind | null
      level: 'supervised' | 'independent' | 'instructor'
      granted_at: string
      granted_by: string | null
      valid_until: string | null
      revoked_at: string | null
      revoke_reason: string | null
      training_starts_at: number | null
    }
  >(
    `SELECT p.id, e.name AS machine, p.equipment_kind, p.level, p.granted_at, g.name AS granted_by, p.valid_until, p.revoked_at,
       p.revoke_reason,
       (SELECT b.starts_at FROM training_attendance t JOIN bookings b ON b.id = t.booking_id WHERE t.permit_id = p.id) AS training_starts_at
     FROM permits p LEFT JOIN equipment e ON e.id = p.equipment_id LEFT JOIN people g ON g.id = p.granted_by
     WHERE p.person_id = ? ORDER BY p.granted_at DESC, p.id DESC`,
  )
  const selectTrainings = db.prepare<
    [number],
    {
      booking_id: number
      machine: string
      starts_at: number
      ends_at: number
      actual_minutes: number | null
      instructor: string | null
      permit_id: number | null
    }
  >(
    `SELECT t.booking_id, e.name AS machine, b.starts_at, b.ends_at, b.actual_minutes, i.name AS instructor, t.permit_id
     FROM training_attendance t JOIN bookings b ON b.id = t.booking_id JOIN equipment e ON e.id = b.equipment_id
       LEFT JOIN people i ON i.id = b.person_id
     WHERE t.person_id = ? AND t.attended = 1 ORDER BY b.starts_at DESC`,
  )
  const selectExperiments = db.prepare<
    [{ person: number }],
    {
      id: number
      title: string
      role: string
      status: 'draft' | 'running' | 'completed'
      outcome: 'worked' | 'partly' | 'failed' | 'inconclusive' | null
      created_at: string
    }
  >(
    `SELECT id, title, 'author' AS role, status, outcome, created_at FROM experiments WHERE author_id = @person
     UNION ALL
     SELECT x.id, x.title, p.role, x.status, x.outcome, x.created_at
       FROM experiment_participants p JOIN experiments x ON x.id = p.experiment_id
       WHERE p.person_id = @person AND x.author_id <> @person`,
  )
  const selectNotes = db.prepare<
    [{ person: number }],
    { id: number; title: string; category: string; relation: 'written' | 'reviewed'; at: string }
  >(
    `SELECT id, title, category, 'written' AS relation, created_at AS at FROM notes WHERE author_id = @person
     UNION ALL
     SELECT id, title, category, 'reviewed' AS relation, reviewed_at AS at FROM notes WHERE reviewed_by = @person AND reviewed_at IS NOT NULL`,
  )
  const selectTalks = db.prepare<
    [number],
    {
      session_id: number
      title: string
      type: 'talk' | 'workshop' | 'demonstration' | 'panel'
      edition_id: number
      edition: string
      starts_at: string
      ends_at: string
    }
  >(
    `SELECT s.id AS session_id, s.title, s.type, s.edition_id, e.title AS edition, sl.starts_at, sl.ends_at
     FROM symposium_session_speakers sp JOIN symposium_sessions s ON s.id = sp.session_id
       JOIN symposium_slots sl ON sl.session_id = s.id JOIN symposium_editions e ON e.id = s.edition_id
     WHERE sp.person_id = ? ORDER BY sl.starts_at DESC`,
  )
  const selectRegistrations = db.prepare<
    [number],
    { id: number; edition_id: number; edition: string; days: string | null; workshops: string | null }
  >(
    `SELECT r.id, r.edition_id, e.title AS edition,
       (SELECT group_concat(c.day) FROM symposium_checkins c WHERE c.registration_id = r.id) AS days,
       (SELECT group_concat(w.slot_id) FROM symposium_workshop_signups w
         WHERE w.registration_id = r.id AND w.status = 'registered' AND w.checked_in_at IS NOT NULL) AS workshops
     FROM symposium_registrations r JOIN symposium_editions e ON e.id = r.edition_id
     WHERE r.person_id = ? AND r.status = 'registered'`,
  )
  // One attended edition's programme: only what the hours need (time, and whether it is a break or a workshop).
  const selectEditionSlots = db.prepare<[number], { id: number; type: string | null; starts_at: string; ends_at: string }>(
    `SELECT sl.id, s.type, sl.starts_at, sl.ends_at
     FROM symposium_slots sl LEFT JOIN symposium_sessions s ON s.id = sl.session_id WHERE sl.edition_id = ?`,
  )

  function read(personId: number, zone: string, nowMs: number): PortfolioFacts {
    const localDate = (ms: number) => toLocal(ms, zone).date
    const isoDate = (iso: string) => localDate(Date.parse(iso))

    const machineSessions: MachineSession[] = []
    const perMachine = new Map<number, Portfolio['machineHours'][number]>()
    for (const row of selectMachineSessions.all(personId)) {
      machineSessions.push({ equipmentId: row.equipment_id, startsAt: row.starts_at, minutes: row.actual_minutes })
      let entry = perMachine.get(row.equipment_id)
      if (!entry) {
        entry = { equipmentId: row.equipment_id, name: row.name, kind: row.kind, sessions: 0, minutes: 0, bookedMinutes: 0 }
        perMachine.set(row.equipment_id, entry)
      }
      entry.sessions += 1
      entry.minutes += row.actual_minutes
      entry.bookedMinutes += Math.round((row.ends_at - row.starts_at) / 60_000)
    }

    const today = localDate(nowMs)
    const permits = selectPermits.all(personId).map((p) => ({
      id: p.id,
      machine: p.machine,
      kind: p.machine === null ? p.equipment_kind : null,
      level: p.level,
      grantedAt: p.granted_at,
      grantedBy: p.granted_by,
      validUntil: p.valid_until,
      revokedAt: p.revoked_at,
      revokeReason: p.revoke_reason,
      trainingOn: p.training_starts_at === null ? null : localDate(p.training_starts_at),
      state: p.revoked_at
        ? ('revoked' as const)
        : p.valid_until !== null && p.valid_until < today
          ? ('expired' as const)
          : ('valid' as const),
    }))

    const trainings = selectTrainings.all(personId).map((t) => ({
      bookingId: t.booking_id,
      machine: t.machine,
      date: localDate(t.starts_at),
      minutes: t.actual_minutes ?? Math.round((t.ends_at - t.starts_at) / 60_000),
      instructor: t.instructor,
      permitId: t.permit_id,
    }))

    const experiments = selectExperiments
      .all({ person: personId })
      .map((x) => ({ id: x.id, title: x.title, role: x.role, status: x.status, outcome: x.outcome, date: isoDate(x.created_at) }))
      .sort((a, b) => compare(b.date, a.date) || b.id - a.id)

    const notes = selectNotes
      .all({ person: personId })
      .map((n) => ({ id: n.id, title: n.title, category: n.category, relation: n.relation, date: isoDate(n.at) }))
      .sort((a, b) => compare(b.date, a.date) || b.id - a.id)

    const talks = selectTalks.all(personId).map((t) => ({
      sessionId: t.session_id,
      title: t.title,
      type: t.type,
      editionId: t.edition_id,
      edition: t.edition,
      date: isoDate(t.starts_at),
      minutes: Math.round((Date.parse(t.ends_at) - Date.parse(t.starts_at)) / 60_000),
    }))

    const symposia: Portfolio['symposia'] = []
    for (const r of selectRegistrations.all(personId)) {
      const checkedIn = r.days ? r.days.split(',') : []
      const workshops = new Set(r.workshops ? r.workshops.split(',').map(Number) : [])
      if (checkedIn.length === 0 && workshops.size === 0) continue
      // Per attended edition one indexed read of its programme (about 150 slots): a person attends
      // a handful of editions, so this stays a few small queries, never the edition's whole attendance.
      const { sessions, days, minutes } = attendedHours(selectEditionSlots.all(r.edition_id), checkedIn, workshops, localDate)
      symposia.push({ editionId: r.edition_id, registrationId: r.id, edition: r.edition, days, sessions, minutes })
    }
    symposia.sort((a, b) => compare(b.days[0] ?? '', a.days[0] ?? ''))

    return {
      machineSessions,
      machineHours: [...perMachine.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
      permits,
      trainings,
      experiments,
      notes,
      talks,
      symposia,
    }
  }

  return { read }
}

/**
 * The certificate of attendance's rule (symposia/exports/certificates.ts), on a lean read of the
 * programme: workshop slots checked in to, plus every non-workshop session on a day checked in at the
 * door; hours are the union of their times minus the edition's breaks, rounded down to minutes.
 * portfolioService.test.ts holds both to the same number.
 */
export function attendedHours(
  slots: { id: number; type: string | null; starts_at: string; ends_at: string }[],
  checkedInDays: string[],
  workshopSlotIds: Set<number>,
  localDate: (ms: number) => string,
): { sessions: number; days: string[]; minutes: number } {
  const daysIn = new Set(checkedInDays)
  const counted: { start: number; end: number; date: string; workshop: boolean }[] = []
  const breaks: Interval[] = []
  for (const slot of slots) {
    const start = Date.parse(slot.starts_at)
    const end = Date.parse(slot.ends_at)
    if (slot.type === null) {
      breaks.push([start, end])
      continue
    }
    const date = localDate(start)
    if (workshopSlotIds.has(slot.id) || (daysIn.has(date) && slot.type !== 'workshop')) {
      counted.push({ start, end, date, workshop: workshopSlotIds.has(slot.id) })
    }
  }
  const days = [...new Set([...checkedInDays, ...counted.filter((c) => c.workshop).map((c) => c.date)])].sort()
  const present = union(counted.map((c): Interval => [c.start, c.end]))
  const parts = breaks.reduce((acc, cut) => acc.flatMap((part) => without(part, cut)), present)
  const minutes = Math.floor(parts.reduce((sum, [a, b]) => sum + (b - a), 0) / 60_000)
  return { sessions: counted.length, days, minutes }
}

function without([a, b]: Interval, [c, d]: Interval): Interval[] {
  if (d <= a || c >= b) return [[a, b]]
  return [...(c > a ? [[a, c] as Interval] : []), ...(d < b ? [[d, b] as Interval] : [])]
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
