// Bookings of machines. Owns `bookings` and `booking_participants`. Every create and every edit
// checks all rules and the overlap with everything occupying the machine, inside one IMMEDIATE
// transaction: two processes booking the same slot at once cannot both pass the check.
import type { z } from 'zod'
import type {
  Booking,
  bookingCancelInput,
  bookingCreateInput,
  bookingListInput,
  BookingKind,
  BookingStatus,
  bookingTransitionInput,
  bookingUpdateInput,
} from '../../shared/bookings'
import type { PermitLevel } from '../../shared/permits'
import type { Role } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { Actor } from '../dispatcher'
import type { EquipmentService, MachineForBooking } from '../equipment/equipmentService'
import { writeTransaction } from '../db/writeTransaction'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor, requireCoordinator } from '../permissions'
import type { PermitService } from '../permits/permitService'
import { bookingCost, findRuleViolation } from './bookingRules'
import { toLocal } from '../../shared/calendarTime'

const MINUTE = 60_000

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

const SELECT = `SELECT b.*, e.name AS equipment_name, p.name AS person_name, bb.name AS booked_by_name, s.name AS supervisor_name,
    (SELECT json_group_array(json_object('id', pp.id, 'name', pp.name))
       FROM booking_participants bp JOIN people pp ON pp.id = bp.person_id WHERE bp.booking_id = b.id) AS participants
  FROM bookings b
  JOIN equipment e ON e.id = b.equipment_id
  JOIN people bb ON bb.id = b.booked_by
  LEFT JOIN people p ON p.id = b.person_id
  LEFT JOIN people s ON s.id = b.supervisor_id`

export interface BookingServiceDeps {
  db: Db
  clock: Clock
  equipment: EquipmentService
  permits: PermitService
  timeZone: () => string
}

export type BookingService = ReturnType<typeof createBookingService>

export function createBookingService({ db, clock, equipment, permits, timeZone }: BookingServiceDeps) {
  const selectById = db.prepare<[number], BookingRow>(SELECT + ' WHERE b.id = ?')
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
       purpose, cost_cents, created_at, updated_at)
     VALUES (@equipmentId, @kind, @personId, @bookedBy, @supervisorId, @startsAt, @endsAt, @blockUntil, @status,
       @purpose, @cost, @now, @now)`,
  )
  const insertParticipant = db.prepare('INSERT OR IGNORE INTO booking_participants (booking_id, person_id) VALUES (?, ?)')
  const clearParticipants = db.prepare('DELETE FROM booking_participants WHERE booking_id = ?')

  function personFacts(id: number): PersonFacts {
    const row = selectPerson.get(id)
    if (!row) throw notFound('person', id)
    return { id: row.id, name: row.name, role: row.role, active: row.active === 1 }
  }

  function getRow(id: number): BookingRow {
    const row = selectById.get(id)
    if (!row) throw notFound('booking', id)
    return row
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
        permitLevel: ((check) => (check.ok ? check.level : null))(permits.check(supervisor.id, p.machine, date)) as PermitLevel | null,
      },
      futureBookings: p.person ? countFuture.get({ machine: p.machine.id, person: p.person.id, now, self: p.self })!.n : 0,
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

  function mayChange(row: BookingRow, actor: Actor): boolean {
    return isManager(actor) || row.booked_by === actor.id || row.person_id === actor.id
  }

  const create = writeTransaction(db, (input: z.output<typeof bookingCreateInput>, actor: Actor | null): Booking => {
    requireActor(actor)
    if (input.kind === 'maintenance') requireCoordinator(actor)
    const personId = input.kind === 'maintenance' ? null : (input.personId ?? actor.id)
    if (personId !== null && personId !== actor.id && !isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only coordinators and teachers book for someone else', { reason: 'managersOnly' })
    }
    const machine = equipment.forBooking(input.equipmentId)
    const person = personId === null ? null : personFacts(personId)
    const startsAt = Date.parse(input.startsAt)
    const endsAt = Date.parse(input.endsAt)
    assertBookable({ self: 0, machine, kind: input.kind, startsAt, endsAt, person, supervisorId: input.supervisorId, actor })

    const blockUntil = endsAt + machine.rules.bufferMinutes * MINUTE
    equipment.noteBlock(machine.id, (blockUntil - startsAt) / MINUTE)
    const status: BookingStatus =
      input.kind === 'use' && machine.rules.needsApproval && actor.role !== 'coordinator' ? 'requested' : 'confirmed'
    const result = insert.run({
      equipmentId: machine.id,
      kind: input.kind,
      personId,
      bookedBy: actor.id,
      supervisorId: input.supervisorId,
      startsAt,
      endsAt,
      blockUntil,
      status,
      purpose: input.purpose,
      cost: bookingCost(machine, person?.role ?? null, startsAt, endsAt),
      now: clock().toISOString(),
    })
    const id = Number(result.lastInsertRowid)
    for (const participant of new Set(input.participantIds ?? [])) {
      personFacts(participant)
      insertParticipant.run(id, participant)
    }
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
    equipment.noteBlock(machine.id, (blockUntil - startsAt) / MINUTE)
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
    db.prepare(
      `UPDATE bookings SET status = 'cancelled', cancel_reason = ?, cancelled_by = ?, cancelled_at = ?,
         sequence = sequence + 1, version = version + 1, updated_at = ? WHERE id = ?`,
    ).run(input.reason, actor.id, clock().toISOString(), clock().toISOString(), row.id)
    return toBooking(getRow(row.id))
  })

  const approve = writeTransaction(db, (input: z.output<typeof bookingTransitionInput>, actor: Actor | null): Booking => {
    requireCoordinator(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('booking', row.id, row.version)
    if (row.status !== 'requested')
      throw new AppError('RULE', 'Only requested bookings are approved', { reason: 'notRequested', status: row.status })
    db.prepare("UPDATE bookings SET status = 'confirmed', sequence = sequence + 1, version = version + 1, updated_at = ? WHERE id = ?").run(
      clock().toISOString(),
      row.id,
    )
    return toBooking(getRow(row.id))
  })

  function list(input: z.output<typeof bookingListInput>): Booking[] {
    const from = Date.parse(input.from)
    const to = Date.parse(input.to)
    const longest = db.prepare<[], { m: number | null }>('SELECT max(longest_block_minutes) AS m FROM equipment').get()!.m ?? 0
    const machines = input.equipmentIds ? JSON.stringify(input.equipmentIds) : null
    return db
      .prepare<Record<string, unknown>, BookingRow>(
        SELECT +
          `
         WHERE b.starts_at < @to AND b.starts_at >= @lowerBound AND b.ends_at > @from
           AND (@machines IS NULL OR b.equipment_id IN (SELECT value FROM json_each(@machines)))
           AND (@person IS NULL OR b.person_id = @person OR b.booked_by = @person
                OR EXISTS (SELECT 1 FROM booking_participants bp WHERE bp.booking_id = b.id AND bp.person_id = @person))
           AND (@cancelled = 1 OR b.status NOT IN ('cancelled', 'no_show'))
         ORDER BY b.starts_at, b.id`,
      )
      .all({
        from,
        to,
        lowerBound: from - longest * MINUTE,
        machines,
        person: input.personId ?? null,
        cancelled: input.includeCancelled ? 1 : 0,
      })
      .map(toBooking)
  }

  return { create, update, cancel, approve, list, get: (id: number) => toBooking(getRow(id)) }
}

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
