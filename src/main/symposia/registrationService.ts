// Registrations for a symposium edition: places up to the edition's capacity, then a waitlist in
// order; workshop seats the same way per workshop slot; check-ins per day and per workshop. Owns
// `symposium_registrations`, `symposium_checkins` and `symposium_workshop_signups`.
//
// Every write runs in one IMMEDIATE transaction, so counting the taken places and taking one cannot
// be overtaken by another process: never over capacity, and a cancellation hands its place to the
// first in line before anyone else can see it free. The counts use the (edition, status, …) index,
// so registering the thousandth attendee costs the same as the first.
//
// Invariant kept by every write: a place (or a workshop seat) is only free while nobody eligible is
// waiting for it. Capacity may be lowered below the number registered: nobody loses their place,
// the line just waits longer.
import type { z } from 'zod'
import type {
  AttendeeRole,
  cancelRegistrationInput,
  checkInInput,
  MessageKind,
  Registration,
  registerInput,
  registrationListInput,
  RegistrationStatus,
  workshopInput,
} from '../../shared/symposia'
import type { Role } from '../../shared/people'
import { DEFAULT_TIME_ZONE } from '../../shared/settings'
import { toLocal } from '../../shared/calendarTime'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor } from '../permissions'
import { editionDates, type EditionRow } from './editionService'
import { editionLetterValues } from './outbox'

type Language = 'nl' | 'en'

interface RegistrationRow {
  id: number
  edition_id: number
  person_id: number | null
  name: string
  email: string | null
  role: AttendeeRole
  organisation: string | null
  dietary: string
  language: Language
  status: RegistrationStatus
  waitlisted_at: string | null
  registered_at: string
  promoted_at: string | null
  cancelled_at: string | null
  created_by: number | null
  version: number
}

interface SignupRow {
  slot_id: number
  registration_id: number
  status: 'registered' | 'waitlisted'
  signed_up_at: string
  checked_in_at: string | null
}

interface WorkshopSlot {
  id: number
  editionId: number
  title: string
  seats: number
}

/** Who a registration is for, before it is written. */
interface Attendee {
  personId: number | null
  name: string
  email: string | null
  role: AttendeeRole
  organisation: string | null
}

/** A centre role as an attendee role: coordinators attend as teachers, guests as externals. */
const ATTENDEE_ROLE: Record<Role, AttendeeRole> = {
  coordinator: 'teacher',
  teacher: 'teacher',
  student: 'student',
  freelancer: 'freelancer',
  guest: 'external',
}

export interface RegistrationServiceDeps {
  db: Db
  clock: Clock
  editions: { require(id: number): EditionRow }
  outbox: {
    enqueue(
      editionId: number,
      kind: MessageKind,
      to: { name: string; email: string | null; language: Language },
      values: Record<string, string>,
    ): void
  }
  /** The centre's time zone, for the registration window's local dates; read from settings when not given. */
  timeZone?: () => string
}

/** Who checked in when: for certificates and the portfolio. */
export interface Attendance {
  registrationId: number
  personId: number | null
  name: string
  email: string | null
  days: string[]
  workshopSlotIds: number[]
}

export type RegistrationService = ReturnType<typeof createRegistrationService>

export function createRegistrationService({ db, clock, editions, outbox, timeZone }: RegistrationServiceDeps) {
  const selectZone = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'timeZone'")
  const zone = timeZone ?? (() => readZone(selectZone.get()?.value))

  const selectById = db.prepare<[number], RegistrationRow>('SELECT * FROM symposium_registrations WHERE id = ?')
  const selectByEdition = db.prepare<[number], RegistrationRow>('SELECT * FROM symposium_registrations WHERE edition_id = ? ORDER BY id')
  const selectOwn = db.prepare<[number, number], RegistrationRow>(
    'SELECT * FROM symposium_registrations WHERE edition_id = ? AND person_id = ? ORDER BY id',
  )
  const countStatus = db.prepare<[number, RegistrationStatus], { n: number }>(
    'SELECT count(*) AS n FROM symposium_registrations WHERE edition_id = ? AND status = ?',
  )
  const firstWaiting = db.prepare<[number], RegistrationRow>(
    "SELECT * FROM symposium_registrations WHERE edition_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, id LIMIT 1",
  )
  const aheadInLine = db.prepare<{ edition: number; at: string; id: number }, { n: number }>(
    `SELECT count(*) AS n FROM symposium_registrations
     WHERE edition_id = @edition AND status = 'waitlisted' AND (waitlisted_at < @at OR (waitlisted_at = @at AND id < @id))`,
  )
  const activeForPerson = db.prepare<[number, number], { id: number }>(
    "SELECT id FROM symposium_registrations WHERE edition_id = ? AND person_id = ? AND status <> 'cancelled'",
  )
  const activeForEmail = db.prepare<[number, string], { id: number }>(
    "SELECT id FROM symposium_registrations WHERE edition_id = ? AND email = ? AND status <> 'cancelled'",
  )
  const insertRegistration = db.prepare(
    `INSERT INTO symposium_registrations (edition_id, person_id, name, email, role, organisation, dietary, language, status,
       waitlisted_at, registered_at, created_by)
     VALUES (@editionId, @personId, @name, @email, @role, @organisation, @dietary, @language, @status, @waitlistedAt, @now, @actor)`,
  )
  const promoteStatement = db.prepare(
    "UPDATE symposium_registrations SET status = 'registered', promoted_at = ?, version = version + 1 WHERE id = ?",
  )
  const cancelStatement = db.prepare(
    "UPDATE symposium_registrations SET status = 'cancelled', cancelled_at = ?, version = version + 1 WHERE id = ?",
  )
  const selectPerson = db.prepare<
    [number],
    { id: number; name: string; email: string | null; role: Role; organisation: string | null; active: number }
  >('SELECT id, name, email, role, organisation, active FROM people WHERE id = ?')

  const selectCheckins = db.prepare<[number], { day: string }>('SELECT day FROM symposium_checkins WHERE registration_id = ? ORDER BY day')
  const selectEditionCheckins = db.prepare<[number], { registration_id: number; day: string }>(
    `SELECT c.registration_id, c.day FROM symposium_checkins c JOIN symposium_registrations r ON r.id = c.registration_id
     WHERE r.edition_id = ? ORDER BY c.day`,
  )
  const insertCheckin = db.prepare(
    'INSERT OR IGNORE INTO symposium_checkins (registration_id, day, checked_in_at, checked_in_by) VALUES (?, ?, ?, ?)',
  )
  const deleteCheckin = db.prepare('DELETE FROM symposium_checkins WHERE registration_id = ? AND day = ?')

  const selectWorkshopSlot = db.prepare<
    [number],
    { id: number; edition_id: number; type: string | null; title: string | null; seats: number | null }
  >(
    `SELECT sl.id, sl.edition_id, se.type, se.title, min(coalesce(se.capacity, r.capacity), r.capacity) AS seats
     FROM symposium_slots sl LEFT JOIN symposium_sessions se ON se.id = sl.session_id LEFT JOIN symposium_rooms r ON r.id = sl.room_id
     WHERE sl.id = ?`,
  )
  const selectSignup = db.prepare<[number, number], SignupRow>(
    'SELECT * FROM symposium_workshop_signups WHERE slot_id = ? AND registration_id = ?',
  )
  const selectSignups = db.prepare<[number], SignupRow>(
    'SELECT * FROM symposium_workshop_signups WHERE registration_id = ? ORDER BY slot_id',
  )
  const selectEditionSignups = db.prepare<[number], SignupRow>(
    `SELECT s.* FROM symposium_workshop_signups s JOIN symposium_registrations r ON r.id = s.registration_id
     WHERE r.edition_id = ? ORDER BY s.slot_id, s.signed_up_at, s.registration_id`,
  )
  const seatsTaken = db.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM symposium_workshop_signups WHERE slot_id = ? AND status = 'registered'",
  )
  const aheadForSeat = db.prepare<{ slot: number; at: string; id: number }, { n: number }>(
    `SELECT count(*) AS n FROM symposium_workshop_signups
     WHERE slot_id = @slot AND status = 'waitlisted' AND (signed_up_at < @at OR (signed_up_at = @at AND registration_id < @id))`,
  )
  // Only someone with a place at the symposium itself can take a workshop seat.
  const firstEligibleForSeat = db.prepare<[number], { registration_id: number }>(
    `SELECT s.registration_id FROM symposium_workshop_signups s JOIN symposium_registrations r ON r.id = s.registration_id
     WHERE s.slot_id = ? AND s.status = 'waitlisted' AND r.status = 'registered'
     ORDER BY s.signed_up_at, s.registration_id LIMIT 1`,
  )
  const slotsWithWaiting = db.prepare<[number], { slot_id: number }>(
    `SELECT DISTINCT s.slot_id FROM symposium_workshop_signups s JOIN symposium_slots sl ON sl.id = s.slot_id
     WHERE sl.edition_id = ? AND s.status = 'waitlisted'`,
  )
  const insertSignup = db.prepare(
    'INSERT INTO symposium_workshop_signups (slot_id, registration_id, status, signed_up_at) VALUES (?, ?, ?, ?)',
  )
  const seatSignup = db.prepare("UPDATE symposium_workshop_signups SET status = 'registered' WHERE slot_id = ? AND registration_id = ?")
  const deleteSignup = db.prepare('DELETE FROM symposium_workshop_signups WHERE slot_id = ? AND registration_id = ?')
  const setWorkshopCheckIn = db.prepare('UPDATE symposium_workshop_signups SET checked_in_at = ? WHERE slot_id = ? AND registration_id = ?')

  // ---- reading ----

  function getRow(id: number): RegistrationRow {
    const row = selectById.get(id)
    if (!row) throw notFound('registration', id)
    return row
  }

  function toDto(row: RegistrationRow): Registration {
    const position =
      row.status === 'waitlisted' ? aheadInLine.get({ edition: row.edition_id, at: row.waitlisted_at!, id: row.id })!.n + 1 : null
    const workshops = selectSignups.all(row.id).map((s) => ({
      slotId: s.slot_id,
      status: s.status,
      waitlistPosition: s.status === 'waitlisted' ? aheadForSeat.get({ slot: s.slot_id, at: s.signed_up_at, id: row.id })!.n + 1 : null,
      checkedIn: s.checked_in_at !== null,
    }))
    return shape(
      row,
      position,
      selectCheckins.all(row.id).map((c) => c.day),
      workshops,
    )
  }

  /** The whole edition in three queries: the door's list of a thousand people stays quick. */
  function listAll(editionId: number): Registration[] {
    const rows = selectByEdition.all(editionId)
    const positions = new Map<number, number>()
    rows
      .filter((r) => r.status === 'waitlisted')
      .sort((a, b) => compare(a.waitlisted_at!, b.waitlisted_at!) || a.id - b.id)
      .forEach((r, i) => positions.set(r.id, i + 1))
    const days = groupBy(selectEditionCheckins.all(editionId), (c) => c.registration_id)
    const signups = selectEditionSignups.all(editionId)
    const seatPositions = new Map<string, number>()
    const waitingPerSlot = new Map<number, number>()
    // Already ordered by slot, then sign-up time and id: positions count up per slot.
    for (const s of signups) {
      if (s.status !== 'waitlisted') continue
      const n = (waitingPerSlot.get(s.slot_id) ?? 0) + 1
      waitingPerSlot.set(s.slot_id, n)
      seatPositions.set(`${s.slot_id}:${s.registration_id}`, n)
    }
    const signupsOf = groupBy(signups, (s) => s.registration_id)
    return rows.map((row) =>
      shape(
        row,
        positions.get(row.id) ?? null,
        (days.get(row.id) ?? []).map((c) => c.day),
        (signupsOf.get(row.id) ?? [])
          .sort((a, b) => a.slot_id - b.slot_id)
          .map((s) => ({
            slotId: s.slot_id,
            status: s.status,
            waitlistPosition: seatPositions.get(`${s.slot_id}:${s.registration_id}`) ?? null,
            checkedIn: s.checked_in_at !== null,
          })),
      ),
    )
  }

  /** Coordinators and teachers see everyone (with e-mail and dietary needs); others only themselves. */
  function list(input: z.output<typeof registrationListInput>, actor: Actor | null): Registration[] {
    requireActor(actor)
    editions.require(input.editionId)
    if (isManager(actor)) return listAll(input.editionId)
    return selectOwn.all(input.editionId, actor.id).map(toDto)
  }

  function attendance(editionId: number): Attendance[] {
    return listAll(editionId)
      .filter((r) => r.status === 'registered' && (r.checkedInDays.length > 0 || r.workshops.some((w) => w.checkedIn)))
      .map((r) => ({
        registrationId: r.id,
        personId: r.personId,
        name: r.name,
        email: r.email,
        days: r.checkedInDays,
        workshopSlotIds: r.workshops.filter((w) => w.checkedIn).map((w) => w.slotId),
      }))
  }

  // ---- rules ----

  function requireStaff(actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (!isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only coordinators and teachers may do this for a symposium', { reason: 'symposiumStaffOnly' })
    }
  }

  function requireOwnOrStaff(row: RegistrationRow, actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (row.person_id !== actor.id && !isManager(actor)) {
      throw new AppError('FORBIDDEN', 'This is not your registration', { reason: 'notYourRegistration' })
    }
  }

  function attendeeFor(input: z.output<typeof registerInput>, actor: Actor): Attendee {
    if (input.attendee) {
      requireStaff(actor)
      return { personId: null, ...input.attendee }
    }
    const personId = input.personId ?? actor.id
    if (personId !== actor.id) requireStaff(actor)
    const person = selectPerson.get(personId)
    if (!person) throw notFound('person', personId)
    if (!person.active) throw new AppError('RULE', `${person.name} is no longer active`, { reason: 'personInactive', name: person.name })
    return { personId, name: person.name, email: person.email, role: ATTENDEE_ROLE[person.role], organisation: person.organisation }
  }

  function assertWindow(edition: EditionRow, actor: Actor) {
    const today = toLocal(clock().getTime(), zone()).date
    if (today < edition.registration_opens_on) {
      throw new AppError('RULE', `Registration for ${edition.title} opens on ${edition.registration_opens_on}`, {
        reason: 'registrationNotOpen',
        date: edition.registration_opens_on,
      })
    }
    // Coordinators may still register people after the close: late arrivals at the door, or a
    // paper list typed in afterwards. Everyone else is held to the date.
    if (today > edition.registration_closes_on && actor.role !== 'coordinator') {
      throw new AppError('RULE', `Registration for ${edition.title} closed on ${edition.registration_closes_on}`, {
        reason: 'registrationClosed',
        date: edition.registration_closes_on,
      })
    }
  }

  function assertNotRegistered(editionId: number, who: Attendee) {
    const existing =
      (who.personId !== null ? activeForPerson.get(editionId, who.personId) : undefined) ??
      (who.email !== null ? activeForEmail.get(editionId, who.email) : undefined)
    if (existing) {
      throw new AppError('CONFLICT', `${who.name} is already registered`, {
        reason: 'alreadyRegistered',
        name: who.name,
        registrationId: existing.id,
      })
    }
  }

  /** For the internal refills: a slot whose session is no longer a workshop just has no seats to give. */
  function seatsOf(slotId: number): WorkshopSlot | null {
    const slot = selectWorkshopSlot.get(slotId)
    return slot && slot.type === 'workshop' && slot.seats !== null
      ? { id: slot.id, editionId: slot.edition_id, title: slot.title ?? '', seats: slot.seats }
      : null
  }

  function fillWorkshopById(slotId: number) {
    const slot = seatsOf(slotId)
    if (slot) fillWorkshop(slot)
  }

  function workshopSlot(slotId: number, editionId: number): WorkshopSlot {
    const slot = selectWorkshopSlot.get(slotId)
    // A slot of another edition is as good as missing from this one.
    if (!slot || slot.edition_id !== editionId) throw notFound('slot', slotId)
    if (slot.type !== 'workshop' || slot.seats === null) {
      throw new AppError('RULE', `Slot ${slotId} is not a workshop`, { reason: 'notWorkshop', title: slot.title ?? '' })
    }
    return { id: slot.id, editionId: slot.edition_id, title: slot.title ?? '', seats: slot.seats }
  }

  function requireRegistered(row: RegistrationRow) {
    if (row.status !== 'registered') {
      throw new AppError('RULE', `${row.name} has no place (${row.status})`, {
        reason: 'notRegistered',
        name: row.name,
        status: row.status,
      })
    }
  }

  // ---- places and seats ----

  function send(edition: EditionRow, row: RegistrationRow, kind: MessageKind, extra: Record<string, string> = {}) {
    outbox.enqueue(
      edition.id,
      kind,
      { name: row.name, email: row.email, language: row.language },
      { ...editionLetterValues(edition, row.language), ...extra },
    )
  }

  /** Gives free workshop seats to the first eligible in line; returns how many moved up. */
  function fillWorkshop(slot: WorkshopSlot): number {
    let moved = 0
    while (seatsTaken.get(slot.id)!.n < slot.seats) {
      const next = firstEligibleForSeat.get(slot.id)
      if (!next) break
      seatSignup.run(slot.id, next.registration_id)
      moved++
    }
    return moved
  }

  /**
   * Gives free places to the first in line, each with a promotion letter; a promoted person's
   * workshop choices made while waiting then get their seats where seats are free.
   */
  function fillEdition(edition: EditionRow): RegistrationRow[] {
    const promoted: RegistrationRow[] = []
    while (countStatus.get(edition.id, 'registered')!.n < edition.capacity) {
      const next = firstWaiting.get(edition.id)
      if (!next) break
      promoteStatement.run(clock().toISOString(), next.id)
      const row = getRow(next.id)
      for (const s of selectSignups.all(row.id)) if (s.status === 'waitlisted') fillWorkshopById(s.slot_id)
      send(edition, row, 'promotion')
      promoted.push(row)
    }
    return promoted
  }

  /** Signs a registration up for a workshop: a seat when one is free and they have a place, else the line. */
  function signUp(slot: WorkshopSlot, row: RegistrationRow, now: string) {
    const seated = row.status === 'registered' && seatsTaken.get(slot.id)!.n < slot.seats
    insertSignup.run(slot.id, row.id, seated ? 'registered' : 'waitlisted', now)
  }

  // ---- writes ----

  const register = writeTransaction(db, (input: z.output<typeof registerInput>, actor: Actor | null): Registration => {
    requireActor(actor)
    const edition = editions.require(input.editionId)
    const who = attendeeFor(input, actor)
    assertWindow(edition, actor)
    assertNotRegistered(edition.id, who)
    const slots = [...new Set(input.workshopSlotIds)].map((id) => workshopSlot(id, edition.id))

    // Places freed by a raised capacity go to the line first, never to a newcomer.
    fillEdition(edition)
    const hasPlace = countStatus.get(edition.id, 'registered')!.n < edition.capacity
    const now = clock().toISOString()
    const id = Number(
      insertRegistration.run({
        editionId: edition.id,
        ...who,
        dietary: input.dietary,
        language: input.language,
        status: hasPlace ? 'registered' : 'waitlisted',
        waitlistedAt: hasPlace ? null : now,
        now,
        actor: actor.id,
      }).lastInsertRowid,
    )
    const row = getRow(id)
    // Choices made while waiting stay in each workshop's line; promotion seats them where it can.
    for (const slot of slots) {
      fillWorkshop(slot)
      signUp(slot, row, now)
    }
    const dto = toDto(row)
    if (hasPlace) send(edition, row, 'registration')
    else send(edition, row, 'waitlisted', { position: String(dto.waitlistPosition) })
    return dto
  })

  const cancel = writeTransaction(
    db,
    (input: z.output<typeof cancelRegistrationInput>, actor: Actor | null): { cancelled: Registration; promoted: Registration | null } => {
      const row = getRow(input.id)
      requireOwnOrStaff(row, actor)
      if (row.version !== input.version) throw stale('registration', row.id, row.version)
      if (row.status === 'cancelled') {
        throw new AppError('CONFLICT', `The registration of ${row.name} is already cancelled`, {
          reason: 'alreadyCancelled',
          name: row.name,
        })
      }
      const edition = editions.require(row.edition_id)
      cancelStatement.run(clock().toISOString(), row.id)
      // Its workshop seats go to the next in each workshop's line.
      for (const s of selectSignups.all(row.id)) {
        deleteSignup.run(s.slot_id, row.id)
        if (s.status === 'registered') fillWorkshopById(s.slot_id)
      }
      const promoted = fillEdition(edition)
      return { cancelled: toDto(getRow(row.id)), promoted: promoted[0] ? toDto(getRow(promoted[0].id)) : null }
    },
  )

  /** Check-in at the door, per day of the edition; `present: false` undoes a mistake. */
  const checkIn = writeTransaction(db, (input: z.output<typeof checkInInput>, actor: Actor | null): Registration => {
    requireStaff(actor)
    const row = getRow(input.id)
    const edition = editions.require(row.edition_id)
    if (!editionDates(edition.starts_on, edition.days).includes(input.day)) {
      throw new AppError('RULE', `${input.day} is not a day of ${edition.title}`, { reason: 'notEditionDay', date: input.day })
    }
    requireRegistered(row)
    if (input.present) insertCheckin.run(row.id, input.day, clock().toISOString(), actor.id)
    else deleteCheckin.run(row.id, input.day)
    return toDto(row)
  })

  const workshop = writeTransaction(db, (input: z.output<typeof workshopInput>, actor: Actor | null): Registration => {
    const row = getRow(input.registrationId)
    if (input.action === 'checkIn' || input.action === 'undoCheckIn') requireStaff(actor)
    else requireOwnOrStaff(row, actor)
    const slot = workshopSlot(input.slotId, row.edition_id)
    const signup = selectSignup.get(slot.id, row.id)

    if (input.action === 'signUp') {
      requireRegistered(row)
      if (signup) {
        throw new AppError('CONFLICT', `${row.name} is already signed up for ${slot.title}`, {
          reason: 'alreadySignedUp',
          name: row.name,
          title: slot.title,
        })
      }
      fillWorkshop(slot)
      signUp(slot, row, clock().toISOString())
      return toDto(row)
    }

    if (!signup) {
      throw new AppError('RULE', `${row.name} is not signed up for ${slot.title}`, {
        reason: 'notSignedUp',
        name: row.name,
        title: slot.title,
      })
    }
    if (input.action === 'cancel') {
      deleteSignup.run(slot.id, row.id)
      if (signup.status === 'registered') fillWorkshop(slot)
      return toDto(row)
    }
    requireRegistered(row)
    if (signup.status !== 'registered') {
      throw new AppError('RULE', `${row.name} is still waiting for a seat in ${slot.title}`, {
        reason: 'workshopWaitlisted',
        name: row.name,
        title: slot.title,
      })
    }
    setWorkshopCheckIn.run(input.action === 'checkIn' ? clock().toISOString() : null, slot.id, row.id)
    return toDto(row)
  })

  /**
   * Hands free places and seats to the waiting after a capacity was raised (an edition's, a
   * session's, a room's). Registering and cancelling do this themselves; call it from the edition
   * and programme updates, inside their transaction, so nobody waits for a free place.
   */
  const fillFreePlaces = writeTransaction(db, (editionId: number): void => {
    const edition = editions.require(editionId)
    fillEdition(edition)
    for (const { slot_id } of slotsWithWaiting.all(editionId)) fillWorkshopById(slot_id)
  })

  return { list, register, cancel, checkIn, workshop, attendance, fillFreePlaces }
}

function shape(row: RegistrationRow, position: number | null, checkedInDays: string[], workshops: Registration['workshops']): Registration {
  return {
    id: row.id,
    editionId: row.edition_id,
    personId: row.person_id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisation: row.organisation,
    dietary: row.dietary,
    language: row.language,
    status: row.status,
    waitlistPosition: position,
    registeredAt: row.registered_at,
    promotedAt: row.promoted_at,
    cancelledAt: row.cancelled_at,
    checkedInDays,
    workshops,
    version: row.version,
  }
}

function readZone(json: string | undefined): string {
  try {
    const value: unknown = json === undefined ? undefined : JSON.parse(json)
    return typeof value === 'string' ? value : DEFAULT_TIME_ZONE
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
