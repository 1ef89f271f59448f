// Bookings of machines. Owns `bookings` and `booking_participants`. Every create and every edit
// checks all rules and the overlap with everything occupying the machine, inside one IMMEDIATE
// transaction: two processes booking the same slot at once cannot both pass the check.
import type { z } from 'zod'
import type {
  Booking,
  bookingCancelInput,
  bookingConflictsInput,
  bookingCreateInput,
  bookingListInput,
  BookingKind,
  bookingSeriesInput,
  BookingStatus,
  bookingTransitionInput,
  bookingUpdateInput,
  recordAttendanceInput,
  SeriesOccurrence,
} from '../../shared/bookings'
import type { PermitLevel } from '../../shared/permits'
import type { Role } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { Actor } from '../dispatcher'
import type { EquipmentService, MachineForBooking } from '../equipment/equipmentService'
import { writeTransaction } from '../db/writeTransaction'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor, requireCoordinator, requireManager } from '../permissions'
import type { PermitCheck, PermitService } from '../permits/permitService'
import { bookingCost, findRuleViolation } from './bookingRules'
import { expandRecurrence, MAX_OCCURRENCES, toInstant, toLocal, type Occurrence } from '../../shared/calendarTime'

const MINUTE = 60_000
const CHECK_IN_EARLY = 15 * MINUTE
/** Thrown to roll back a dry run. */
const ROLLBACK = Symbol('rollback')

interface BookingRow {
  id: number
  equipment_id: number
  equipment_name: string
  kind: BookingKind
  person_id: number | null
  person_name: string | null
  booked_by: number
  booked_by_name: string
  supervisor_id: number | null
  supervisor_name: string | null
  participants: string
  starts_at: number
  ends_at: number
  status: BookingStatus
  purpose: string | null
  cost_cents: number
  cancel_reason: string | null
  checked_in_at: number | null
  checked_out_at: number | null
  actual_minutes: number | null
  sequence: number
  version: number
  created_at: string
}

interface PersonFacts {
  id: number
  name: string
  role: Role
  active: boolean
}

// Read as arrays (better-sqlite3's `raw` mode) and turned into BookingRow by `rowOf`, in this
// column order: better-sqlite3 builds an array about twice as fast as an object with named keys,
// which is most of what a calendar week of 50 bookings costs on top of SQLite itself.
const SELECT = `SELECT b.id, b.equipment_id, e.name, b.kind, b.person_id, p.name, b.booked_by, bb.name, b.supervisor_id, s.name,
    (SELECT json_group_array(json_object('id', pp.id, 'name', pp.name))
       FROM booking_participants bp JOIN people pp ON pp.id = bp.person_id WHERE bp.booking_id = b.id),
    b.starts_at, b.ends_at, b.status, b.purpose, b.cost_cents, b.cancel_reason, b.checked_in_at, b.checked_out_at,
    b.actual_minutes, b.sequence, b.version, b.created_at
  FROM bookings b
  JOIN equipment e ON e.id = b.equipment_id
  JOIN people bb ON bb.id = b.booked_by
  LEFT JOIN people p ON p.id = b.person_id
  LEFT JOIN people s ON s.id = b.supervisor_id`

function rowOf(v: unknown[]): BookingRow {
  return {
    id: v[0] as number,
    equipment_id: v[1] as number,
    equipment_name: v[2] as string,
    kind: v[3] as BookingKind,
    person_id: v[4] as number | null,
    person_name: v[5] as string | null,
    booked_by: v[6] as number,
    booked_by_name: v[7] as string,
    supervisor_id: v[8] as number | null,
    supervisor_name: v[9] as string | null,
    participants: v[10] as string,
    starts_at: v[11] as number,
    ends_at: v[12] as number,
    status: v[13] as BookingStatus,
    purpose: v[14] as string | null,
    cost_cents: v[15] as number,
    cancel_reason: v[16] as string | null,
    checked_in_at: v[17] as number | null,
    checked_out_at: v[18] as number | null,
    actual_minutes: v[19] as number | null,
    sequence: v[20] as number,
    version: v[21] as number,
    created_at: v[22] as string,
  }
}

export interface BookingServiceDeps {
  db: Db
  clock: Clock
  equipment: EquipmentService
  permits: PermitService
  timeZone: () => string
}

export type BookingService = ReturnType<typeof createBookingService>

export function createBookingService({ db, clock, equipment, permits, timeZone }: BookingServiceDeps) {
  const selectById = db.prepare<[number], unknown[]>(SELECT + ' WHERE b.id = ?').raw(true)
  const selectPerson = db.prepare<[number], { id: number; name: string; role: Role; active: number }>(
    'SELECT id, name, role, active FROM people WHERE id = ?',
  )
  // Bounded below by the longest block the machine has ever had, so the index range stays a few
  // rows wide however many years of bookings lie before it.
  const firstOverlap = db.prepare<
    { machine: number; start: number; blockUntil: number; lowerBound: number; self: number },
    { id: number; kind: BookingKind; starts_at: number; ends_at: number; name: string | null }
  >(
    `SELECT b.id, b.kind, b.starts_at, b.ends_at, p.name FROM bookings b LEFT JOIN people p ON p.id = b.person_id
     WHERE b.equipment_id = @machine AND b.status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND b.starts_at < @blockUntil AND b.starts_at >= @lowerBound AND b.block_until > @start AND b.id <> @self
     ORDER BY b.starts_at LIMIT 1`,
  )
  const countFuture = db.prepare<{ machine: number; person: number; now: number; self: number }, { n: number }>(
    `SELECT count(*) AS n FROM bookings
     WHERE equipment_id = @machine AND person_id = @person AND kind = 'use' AND status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND starts_at > @now AND id <> @self`,
  )
  const insert = db.prepare(
    `INSERT INTO bookings (equipment_id, kind, person_id, booked_by, supervisor_id, starts_at, ends_at, block_until, status,
       purpose, cost_cents, series_id, created_at, updated_at)
     VALUES (@equipmentId, @kind, @personId, @bookedBy, @supervisorId, @startsAt, @endsAt, @blockUntil, @status,
       @purpose, @cost, @seriesId, @now, @now)`,
  )
  const insertParticipant = db.prepare('INSERT OR IGNORE INTO booking_participants (booking_id, person_id) VALUES (?, ?)')
  const clearParticipants = db.prepare('DELETE FROM booking_participants WHERE booking_id = ?')
  const cancelStatement = db.prepare(
    `UPDATE bookings SET status = 'cancelled', cancel_reason = @reason, cancelled_by = @actor, cancelled_at = @now,
       sequence = sequence + 1, version = version + 1, updated_at = @now WHERE id = @id`,
  )
  const setStatus = db.prepare(
    'UPDATE bookings SET status = @status, sequence = sequence + 1, version = version + 1, updated_at = @now WHERE id = @id',
  )
  const checkInStatement = db.prepare(
    "UPDATE bookings SET status = 'checked_in', checked_in_at = @at, version = version + 1, updated_at = @now WHERE id = @id",
  )
  const checkOutStatement = db.prepare(
    `UPDATE bookings SET status = 'completed', checked_out_at = @at, actual_minutes = @minutes, version = version + 1, updated_at = @now
     WHERE id = @id`,
  )
  const insertSeries = db.prepare('INSERT INTO booking_series (rule, created_by, created_at) VALUES (?, ?, ?)')
  const allOverlaps = db.prepare<
    { machine: number; start: number; blockUntil: number; lowerBound: number },
    { id: number; email: string | null }
  >(
    `SELECT b.id, p.email FROM bookings b LEFT JOIN people p ON p.id = b.person_id
     WHERE b.equipment_id = @machine AND b.status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND b.starts_at < @blockUntil AND b.starts_at >= @lowerBound AND b.block_until > @start
     ORDER BY b.starts_at`,
  )

  function personFacts(id: number): PersonFacts {
    const row = selectPerson.get(id)
    if (!row) throw notFound('person', id)
    return { id: row.id, name: row.name, role: row.role, active: row.active === 1 }
  }

  function getRow(id: number): BookingRow {
    const row = selectById.get(id)
    if (!row) throw notFound('booking', id)
    return rowOf(row)
  }

  interface Proposal {
    self: number
    machine: MachineForBooking
    kind: BookingKind
    startsAt: number
    endsAt: number
    person: PersonFacts | null
    supervisorId: number | null
    actor: Actor
  }

  /** Every rule, then the overlap: throws the first refusal. Runs inside the write transaction. */
  function assertBookable(p: Proposal): void {
    const now = clock().getTime()
    const zone = timeZone()
    const date = toLocal(p.startsAt, zone).date
    const needsPermit = p.machine.rules.needsPermit && p.kind !== 'maintenance' && p.person !== null
    const supervisor = p.supervisorId === null ? null : personFacts(p.supervisorId)
    // Statements only for facts a rule will look at: a teacher or coordinator supervises whatever
    // their permits, and the count of future bookings matters only under a quota.
    const supervisorNeedsPermit = supervisor !== null && supervisor.role !== 'teacher' && supervisor.role !== 'coordinator'
    const underQuota = p.kind === 'use' && p.person !== null && p.machine.rules.maxFutureBookings !== null
    const violation = findRuleViolation({
      machine: p.machine,
      kind: p.kind,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      now,
      timeZone: zone,
      actor: p.actor,
      person: p.person,
      permit: needsPermit ? permits.check(p.person!.id, p.machine, date) : null,
      supervisor: supervisor && {
        ...supervisor,
        permitLevel: supervisorNeedsPermit ? permitLevelOf(permits.check(supervisor.id, p.machine, date)) : null,
      },
      futureBookings: underQuota ? countFuture.get({ machine: p.machine.id, person: p.person!.id, now, self: p.self })!.n : 0,
    })
    if (violation) throw violation

    const blockUntil = p.endsAt + p.machine.rules.bufferMinutes * MINUTE
    const clash = firstOverlap.get({
      machine: p.machine.id,
      start: p.startsAt,
      blockUntil,
      lowerBound: p.startsAt - Math.max(p.machine.longestBlockMinutes, 0) * MINUTE,
      self: p.self,
    })
    if (clash) {
      throw new AppError('CONFLICT', `${p.machine.name} is already booked then`, {
        reason: clash.kind === 'maintenance' ? 'overlapMaintenance' : 'overlap',
        equipment: p.machine.name,
        bookingId: clash.id,
        who: clash.name ?? '',
        startsAt: new Date(clash.starts_at).toISOString(),
        endsAt: new Date(clash.ends_at).toISOString(),
      })
    }
  }

  /**
   * Keeps the overlap search's lower bound true. The machine was read in this transaction, so when
   * its longest block already covers this one the UPDATE would change nothing: skip the statement.
   */
  function raiseLongestBlock(machine: MachineForBooking, blockMs: number): void {
    if (Math.ceil(blockMs / MINUTE) > machine.longestBlockMinutes) equipment.noteBlock(machine.id, blockMs / MINUTE)
  }

  function mayChange(row: BookingRow, actor: Actor): boolean {
    return isManager(actor) || row.booked_by === actor.id || row.person_id === actor.id
  }

  function cancelRow(id: number, reason: string, actor: Actor) {
    cancelStatement.run({ id, reason, actor: actor.id, now: clock().toISOString() })
  }

  /** Everything occupying the machine during [start, end) plus the machine's buffer. */
  function conflictsOf(machine: MachineForBooking, startsAt: number, endsAt: number) {
    return allOverlaps.all({
      machine: machine.id,
      start: startsAt,
      blockUntil: endsAt + machine.rules.bufferMinutes * MINUTE,
      lowerBound: startsAt - machine.longestBlockMinutes * MINUTE,
    })
  }

  /** Who the booking is for, after checking the caller may book for them. */
  function bookingPerson(kind: BookingKind, personId: number | undefined, actor: Actor): PersonFacts | null {
    if (kind === 'maintenance') {
      requireCoordinator(actor)
      return null
    }
    const id = personId ?? actor.id
    if (id !== actor.id && !isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only coordinators and teachers book for someone else', { reason: 'managersOnly' })
    }
    return personFacts(id)
  }

  interface NewBooking {
    machine: MachineForBooking
    kind: BookingKind
    person: PersonFacts | null
    startsAt: number
    endsAt: number
    purpose: string | null
    supervisorId: number | null
    participantIds: number[]
    seriesId: number | null
    /** Maintenance only: cancel what is in the way, with this reason. */
    cancelConflicting?: string
  }

  /** Checks every rule and writes one booking; the caller holds the write transaction. */
  function insertOne(n: NewBooking, actor: Actor): number {
    if (n.cancelConflicting !== undefined) {
      requireCoordinator(actor)
      for (const clash of conflictsOf(n.machine, n.startsAt, n.endsAt)) cancelRow(clash.id, n.cancelConflicting, actor)
    }
    assertBookable({
      self: 0,
      machine: n.machine,
      kind: n.kind,
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      person: n.person,
      supervisorId: n.supervisorId,
      actor,
    })
    const blockUntil = n.endsAt + n.machine.rules.bufferMinutes * MINUTE
    raiseLongestBlock(n.machine, blockUntil - n.startsAt)
    const status: BookingStatus =
      n.kind === 'use' && n.machine.rules.needsApproval && actor.role !== 'coordinator' ? 'requested' : 'confirmed'
    const result = insert.run({
      equipmentId: n.machine.id,
      kind: n.kind,
      personId: n.person?.id ?? null,
      bookedBy: actor.id,
      supervisorId: n.supervisorId,
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      blockUntil,
      status,
      purpose: n.purpose,
      cost: bookingCost(n.machine, n.person?.role ?? null, n.startsAt, n.endsAt),
      seriesId: n.seriesId,
      now: clock().toISOString(),
    })
    const id = Number(result.lastInsertRowid)
    for (const participant of new Set(n.participantIds)) {
      personFacts(participant)
      insertParticipant.run(id, participant)
    }
    return id
  }

  const create = writeTransaction(db, (input: z.output<typeof bookingCreateInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    const person = bookingPerson(input.kind, input.personId, actor)
    const id = insertOne(
      {
        machine: equipment.forBooking(input.equipmentId),
        kind: input.kind,
        person,
        startsAt: Date.parse(input.startsAt),
        endsAt: Date.parse(input.endsAt),
        purpose: input.purpose,
        supervisorId: input.kind === 'maintenance' ? null : input.supervisorId,
        participantIds: input.participantIds ?? [],
        seriesId: null,
        cancelConflicting: input.cancelConflicting,
      },
      actor,
    )
    return toBooking(getRow(id))
  })

  const update = writeTransaction(db, (input: z.output<typeof bookingUpdateInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayChange(row, actor)) throw new AppError('FORBIDDEN', 'Not your booking', { reason: 'notYourBooking' })
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'requested' && row.status !== 'confirmed') {
      throw new AppError('RULE', `A ${row.status} booking cannot be changed`, { reason: 'notEditable', status: row.status })
    }
    const machine = equipment.forBooking(input.equipmentId ?? row.equipment_id)
    const startsAt = input.startsAt ? Date.parse(input.startsAt) : row.starts_at
    const endsAt = input.endsAt ? Date.parse(input.endsAt) : row.ends_at
    const supervisorId = input.supervisorId === undefined ? row.supervisor_id : input.supervisorId
    const person = row.person_id === null ? null : personFacts(row.person_id)
    assertBookable({ self: row.id, machine, kind: row.kind, startsAt, endsAt, person, supervisorId, actor })

    const moved = machine.id !== row.equipment_id || startsAt !== row.starts_at || endsAt !== row.ends_at
    const blockUntil = endsAt + machine.rules.bufferMinutes * MINUTE
    raiseLongestBlock(machine, blockUntil - startsAt)
    // A moved booking of a machine that needs approval goes back to the coordinator.
    const status = moved && row.kind === 'use' && machine.rules.needsApproval && actor.role !== 'coordinator' ? 'requested' : row.status
    db.prepare(
      `UPDATE bookings SET equipment_id = @machine, starts_at = @startsAt, ends_at = @endsAt, block_until = @blockUntil,
             supervisor_id = @supervisorId, purpose = @purpose, status = @status, cost_cents = @cost,
             sequence = sequence + @bump, version = version + 1, updated_at = @now
           WHERE id = @id AND version = @version`,
    ).run({
      machine: machine.id,
      startsAt,
      endsAt,
      blockUntil,
      supervisorId,
      purpose: input.purpose === undefined ? row.purpose : input.purpose,
      status,
      cost: bookingCost(machine, person?.role ?? null, startsAt, endsAt),
      bump: moved ? 1 : 0,
      now: clock().toISOString(),
      id: row.id,
      version: input.version,
    })
    if (input.participantIds) {
      clearParticipants.run(row.id)
      for (const participant of new Set(input.participantIds)) {
        personFacts(participant)
        insertParticipant.run(row.id, participant)
      }
    }
    return toBooking(getRow(row.id))
  })

  const cancel = writeTransaction(db, (input: z.output<typeof bookingCancelInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayChange(row, actor)) throw new AppError('FORBIDDEN', 'Not your booking', { reason: 'notYourBooking' })
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'requested' && row.status !== 'confirmed') {
      throw new AppError('RULE', `A ${row.status} booking cannot be cancelled`, { reason: 'notCancellable', status: row.status })
    }
    const machine = equipment.forBooking(row.equipment_id)
    const noticeMs = machine.rules.cancelNoticeHours * 3_600_000
    if (!isManager(actor) && row.starts_at - clock().getTime() < noticeMs) {
      throw new AppError('RULE', `Cancel at least ${machine.rules.cancelNoticeHours} hours ahead`, {
        reason: 'cancelNotice',
        equipment: machine.name,
        hours: machine.rules.cancelNoticeHours,
      })
    }
    cancelRow(row.id, input.reason, actor)
    return toBooking(getRow(row.id))
  })

  const approve = writeTransaction(db, (input: z.output<typeof bookingTransitionInput>, actor: Actor | null): Booking => {
    requireCoordinator(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'requested')
      throw new AppError('RULE', 'Only requested bookings are approved', { reason: 'notRequested', status: row.status })
    setStatus.run({ id: row.id, status: 'confirmed', now: clock().toISOString() })
    return toBooking(getRow(row.id))
  })

  /** The occurrences of a series, each checked against every rule and the occurrences before it. */
  function planSeries(input: z.output<typeof bookingSeriesInput>, actor: Actor, seriesId: number | null) {
    const person = bookingPerson(input.kind, input.personId, actor)
    const machine = equipment.forBooking(input.equipmentId)
    const zone = timeZone()
    // The contract's local time allows "24:00" (the end of an opening day); a series starts and ends
    // within its day, so here it is a field error rather than a RangeError from toInstant.
    for (const field of ['from', 'to'] as const) {
      if (input[field] === '24:00') {
        throw new AppError('VALIDATION', `A series ${field} time must be 00:00-23:59`, {
          reason: 'invalidInput',
          issues: [
            { path: [field], code: 'invalid_format', message: 'Expected HH:MM between 00:00 and 23:59', params: { format: 'time' } },
          ],
        })
      }
    }
    const firstStart = toInstant(input.date, input.from, zone)
    const firstEnd = toInstant(input.date, input.to, zone)
    if (firstEnd <= firstStart) throw new AppError('RULE', 'A booking must end after it starts', { reason: 'endBeforeStart' })
    let occurrences: Occurrence[]
    try {
      occurrences = expandRecurrence({
        date: input.date,
        time: input.from,
        durationMinutes: (firstEnd - firstStart) / MINUTE,
        timeZone: zone,
        rule: input.rule,
      })
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      throw new AppError('VALIDATION', error.message, { reason: 'recurrenceInvalid', maximum: MAX_OCCURRENCES })
    }
    const results: SeriesOccurrence[] = []
    const ids: number[] = []
    for (const occurrence of occurrences) {
      // Each occurrence in its own savepoint: a refused one leaves nothing behind, the next still sees the earlier ones.
      try {
        const id = db.transaction(() =>
          insertOne(
            {
              machine: equipment.forBooking(machine.id),
              kind: input.kind,
              person,
              startsAt: occurrence.startsAt,
              endsAt: occurrence.endsAt,
              purpose: input.purpose,
              supervisorId: input.kind === 'maintenance' ? null : input.supervisorId,
              participantIds: input.participantIds ?? [],
              seriesId,
              cancelConflicting: input.cancelConflicting,
            },
            actor,
          ),
        )()
        ids.push(id)
        results.push({ date: occurrence.date, startsAt: iso(occurrence.startsAt)!, endsAt: iso(occurrence.endsAt)!, refusal: null })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        results.push({
          date: occurrence.date,
          startsAt: iso(occurrence.startsAt)!,
          endsAt: iso(occurrence.endsAt)!,
          refusal: { code: error.code, message: error.message, details: error.details },
        })
      }
    }
    return { results, ids }
  }

  /** Every occurrence with its verdict; nothing is written (the whole plan is rolled back). */
  function previewSeries(input: z.output<typeof bookingSeriesInput>, actor: Actor | null): SeriesOccurrence[] {
    requireActor(actor)
    let planned: SeriesOccurrence[] = []
    try {
      writeTransaction(db, () => {
        planned = planSeries(input, actor, null).results
        throw ROLLBACK
      })()
    } catch (error) {
      if (error !== ROLLBACK) throw error
    }
    return planned
  }

  /** All occurrences or none: any refusal (after the skipped dates) refuses the whole series and lists why. */
  const createSeries = writeTransaction(db, (input: z.output<typeof bookingSeriesInput>, actor: Actor | null) => {
    requireActor(actor)
    const seriesId = Number(
      insertSeries.run(
        JSON.stringify({ rule: input.rule, from: input.from, to: input.to, date: input.date }),
        actor.id,
        clock().toISOString(),
      ).lastInsertRowid,
    )
    const { results, ids } = planSeries(input, actor, seriesId)
    const refused = results.filter((r) => r.refusal !== null)
    if (refused.length > 0) {
      throw new AppError('CONFLICT', `${refused.length} of ${results.length} occurrences cannot be booked`, {
        reason: 'seriesRefused',
        refused: refused.length,
        total: results.length,
        occurrences: refused,
      })
    }
    return { seriesId, bookings: ids.map((id) => toBooking(getRow(id))) }
  })

  /** What a maintenance window over this time would cancel, and whom to tell. */
  function conflicts(input: z.output<typeof bookingConflictsInput>, actor: Actor | null) {
    requireCoordinator(actor)
    const machine = equipment.forBooking(input.equipmentId)
    return conflictsOf(machine, Date.parse(input.startsAt), Date.parse(input.endsAt)).map((c) => ({
      booking: toBooking(getRow(c.id)),
      email: c.email,
    }))
  }

  /** Checking in opens 15 minutes before the start; the person, the booker, the supervisor or a manager may do it. */
  const checkIn = writeTransaction(db, (input: z.output<typeof bookingTransitionInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayChange(row, actor) && row.supervisor_id !== actor.id)
      throw new AppError('FORBIDDEN', 'Not your booking', { reason: 'notYourBooking' })
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'confirmed')
      throw new AppError('RULE', `A ${row.status} booking cannot be checked in`, { reason: 'notCheckable', status: row.status })
    const now = clock().getTime()
    if (now < row.starts_at - CHECK_IN_EARLY || now > row.ends_at) {
      throw new AppError('RULE', 'Check in between 15 minutes before the start and the end', {
        reason: 'checkInWindow',
        startsAt: iso(row.starts_at),
        endsAt: iso(row.ends_at),
      })
    }
    checkInStatement.run({ id: row.id, at: now, now: clock().toISOString() })
    return toBooking(getRow(row.id))
  })

  /** Checking out records the real minutes of use, which portfolios and reports count. */
  const checkOut = writeTransaction(db, (input: z.output<typeof bookingTransitionInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayChange(row, actor) && row.supervisor_id !== actor.id)
      throw new AppError('FORBIDDEN', 'Not your booking', { reason: 'notYourBooking' })
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'checked_in')
      throw new AppError('RULE', 'Only a checked-in booking is checked out', { reason: 'notCheckedIn', status: row.status })
    const now = clock().getTime()
    checkOutStatement.run({
      id: row.id,
      at: now,
      minutes: Math.max(0, Math.round((now - row.checked_in_at!) / MINUTE)),
      now: clock().toISOString(),
    })
    return toBooking(getRow(row.id))
  })

  /** A confirmed booking nobody came to, once it has started: frees nothing, but counts in the no-show rate. */
  const markNoShow = writeTransaction(db, (input: z.output<typeof bookingTransitionInput>, actor: Actor | null): Booking => {
    requireManager(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'confirmed' || clock().getTime() < row.starts_at) {
      throw new AppError('RULE', 'Only a confirmed booking that has started can be a no-show', { reason: 'notNoShow', status: row.status })
    }
    setStatus.run({ id: row.id, status: 'no_show', now: clock().toISOString() })
    return toBooking(getRow(row.id))
  })

  const attendanceRecorded = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM training_attendance WHERE booking_id = ?')
  const insertAttendance = db.prepare(
    `INSERT INTO training_attendance (booking_id, person_id, attended, permit_id, recorded_by, recorded_at)
     VALUES (@booking, @person, @attended, @permit, @actor, @now)`,
  )
  const participantsOf = db.prepare<[number], { person_id: number }>('SELECT person_id FROM booking_participants WHERE booking_id = ?')

  /** After a training has started: who was there. Each attendee gets the permit for the machine. */
  const recordAttendance = writeTransaction(db, (input: z.output<typeof recordAttendanceInput>, actor: Actor | null) => {
    requireActor(actor)
    const row = getRow(input.id)
    if (row.kind !== 'training') throw new AppError('RULE', 'Only trainings have attendance', { reason: 'notTraining' })
    if (!isManager(actor) && row.person_id !== actor.id) throw new AppError('FORBIDDEN', 'Not your training', { reason: 'notYourBooking' })
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status === 'cancelled' || row.status === 'no_show' || clock().getTime() < row.starts_at) {
      throw new AppError('RULE', 'Attendance is recorded once the training has started', {
        reason: 'trainingNotStarted',
        status: row.status,
      })
    }
    if (attendanceRecorded.get(row.id)!.n > 0)
      throw new AppError('CONFLICT', 'Attendance was already recorded', { reason: 'attendanceRecorded' })
    const participants = participantsOf.all(row.id).map((p) => p.person_id)
    const stranger = input.attendeeIds.find((id) => !participants.includes(id))
    if (stranger !== undefined)
      throw new AppError('RULE', 'Only participants can attend', { reason: 'notParticipant', name: personFacts(stranger).name })
    const date = toLocal(row.starts_at, timeZone()).date
    const granted = []
    for (const person of participants) {
      const attended = input.attendeeIds.includes(person)
      const permit = attended
        ? permits.grantForTraining(person, row.equipment_id, input.level, input.validUntil, actor, `Training ${date}`)
        : null
      if (permit) granted.push(permit)
      insertAttendance.run({
        booking: row.id,
        person,
        attended: attended ? 1 : 0,
        permit: permit?.id ?? null,
        actor: actor.id,
        now: clock().toISOString(),
      })
    }
    db.prepare('UPDATE bookings SET version = version + 1, updated_at = ? WHERE id = ?').run(clock().toISOString(), row.id)
    return { booking: toBooking(getRow(row.id)), permits: granted }
  })

  const longestOf = db.prepare<[number], { m: number }>('SELECT longest_block_minutes AS m FROM equipment WHERE id = ?')
  const longestOverall = db.prepare<[], { m: number | null }>('SELECT max(longest_block_minutes) AS m FROM equipment')
  const listFilters = `AND (@person IS NULL OR b.person_id = @person OR b.booked_by = @person
        OR EXISTS (SELECT 1 FROM booking_participants bp WHERE bp.booking_id = b.id AND bp.person_id = @person))
      AND (@cancelled = 1 OR b.status NOT IN ('cancelled', 'no_show'))`
  // One machine at a time by its own index and its own longest block: a machine-week reads that
  // machine's rows only, not the whole centre's week.
  const listOneMachine = db
    .prepare<Record<string, unknown>, unknown[]>(
      SELECT +
        ' WHERE b.equipment_id = @machine AND b.starts_at < @to AND b.starts_at >= @lowerBound AND b.ends_at > @from ' +
        listFilters +
        ' ORDER BY b.starts_at, b.id',
    )
    .raw(true)
  const listAll = db
    .prepare<Record<string, unknown>, unknown[]>(
      SELECT +
        ' WHERE b.starts_at < @to AND b.starts_at >= @lowerBound AND b.ends_at > @from ' +
        listFilters +
        ' ORDER BY b.starts_at, b.id',
    )
    .raw(true)
  const pendingStatement = db
    .prepare<{ from: number; limit: number }, unknown[]>(
      SELECT + " WHERE b.status = 'requested' AND b.starts_at >= @from ORDER BY b.starts_at, b.id LIMIT @limit",
    )
    .raw(true)

  function list(input: z.output<typeof bookingListInput>): Booking[] {
    const from = Date.parse(input.from)
    const to = Date.parse(input.to)
    const common = { from, to, person: input.personId ?? null, cancelled: input.includeCancelled ? 1 : 0 }
    if (input.equipmentIds) {
      const rows = [...new Set(input.equipmentIds)].flatMap((machine) =>
        listOneMachine.all({ ...common, machine, lowerBound: from - (longestOf.get(machine)?.m ?? 0) * MINUTE }).map(rowOf),
      )
      return rows.sort((a, b) => a.starts_at - b.starts_at || a.id - b.id).map(toBooking)
    }
    return listAll.all({ ...common, lowerBound: from - (longestOverall.get()!.m ?? 0) * MINUTE }).map((row) => toBooking(rowOf(row)))
  }

  /** The coordinator's approval queue: requests that have not started yet (or started today). */
  function pending(actor: Actor | null): Booking[] {
    requireCoordinator(actor)
    return pendingStatement.all({ from: clock().getTime() - 86_400_000, limit: 200 }).map((row) => toBooking(rowOf(row)))
  }

  return {
    create,
    update,
    cancel,
    approve,
    list,
    previewSeries,
    createSeries,
    conflicts,
    checkIn,
    checkOut,
    markNoShow,
    recordAttendance,
    pending,
    get: (id: number) => toBooking(getRow(id)),
  }
}

const permitLevelOf = (check: PermitCheck): PermitLevel | null => (check.ok ? check.level : null)

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    equipmentName: row.equipment_name,
    kind: row.kind,
    person: row.person_id === null ? null : { id: row.person_id, name: row.person_name! },
    bookedBy: { id: row.booked_by, name: row.booked_by_name },
    supervisor: row.supervisor_id === null ? null : { id: row.supervisor_id, name: row.supervisor_name! },
    participants: JSON.parse(row.participants) as { id: number; name: string }[],
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at)!,
    status: row.status,
    purpose: row.purpose,
    costCents: row.cost_cents,
    cancelReason: row.cancel_reason,
    checkedInAt: iso(row.checked_in_at),
    checkedOutAt: iso(row.checked_out_at),
    actualMinutes: row.actual_minutes,
    sequence: row.sequence,
    version: row.version,
    createdAt: row.created_at,
  }
}
