// The programme: sessions (accepted submissions and invited ones) placed in slots, one slot per
// time a session runs, plus breaks. Owns `symposium_sessions`, their speakers and `symposium_slots`.
// Conflicts are flagged, not refused: an organiser moves things around and sees what clashes.
// A session that needs a machine books it through the booking service, so the machine's rules
// and calendar stay the one source of truth; moving the slot moves the booking.
import type { z } from 'zod'
import { toInstant } from '../../shared/calendarTime'
import type {
  Programme,
  Session,
  SubmissionType,
  scheduleSessionInput,
  sessionCreateInput,
  sessionUpdateInput,
  setBreakInput,
  unscheduleInput,
} from '../../shared/symposia'
import type { BookingService } from '../bookings/bookingService'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireActor, requireCoordinator } from '../permissions'
import { editionDates, type EditionService } from './editionService'
import { analyseProgramme, type SlotFacts } from './programmeConflicts'
import { sessionDocument } from '../search/searchDocuments'
import type { SearchIndex } from '../search/searchIndex'

interface SessionRow {
  id: number
  edition_id: number
  submission_id: number | null
  title: string
  abstract: string
  type: SubmissionType
  duration_minutes: number
  track_id: number | null
  capacity: number | null
  expected_attendance: number | null
  equipment_id: number | null
  equipment_name: string | null
  version: number
}

interface SlotRow {
  id: number
  edition_id: number
  session_id: number | null
  room_id: number | null
  title: string
  starts_at: string
  ends_at: string
  booking_id: number | null
  booking_status: string | null
  booking_problem: string | null
  signed_up: number
  waiting: number
  version: number
}

const OCCUPYING = new Set(['requested', 'confirmed', 'checked_in', 'completed'])

export interface ProgrammeDeps {
  /** Keeps sessions findable in the one search, in the same transaction as the write. */
  search: Pick<SearchIndex, 'upsert' | 'remove'>
  db: Db
  clock: Clock
  timeZone: () => string
  editions: EditionService
  bookings: BookingService
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>

export function createProgrammeService({ db, timeZone, editions, bookings, search }: ProgrammeDeps) {
  const selectSessions = db.prepare<[number], SessionRow>(
    `SELECT s.*, e.name AS equipment_name FROM symposium_sessions s LEFT JOIN equipment e ON e.id = s.equipment_id
     WHERE s.edition_id = ? ORDER BY s.title COLLATE NOCASE, s.id`,
  )
  const selectSession = db.prepare<[number], SessionRow>(
    'SELECT s.*, e.name AS equipment_name FROM symposium_sessions s LEFT JOIN equipment e ON e.id = s.equipment_id WHERE s.id = ?',
  )
  const selectSpeakers = db.prepare<
    [number],
    { session_id: number; id: number; name: string; email: string | null; organisation: string | null }
  >(
    `SELECT sp.session_id, p.id, p.name, p.email, p.organisation FROM symposium_session_speakers sp
     JOIN symposium_sessions s ON s.id = sp.session_id JOIN people p ON p.id = sp.person_id
     WHERE s.edition_id = ? ORDER BY sp.session_id, sp.position`,
  )
  const SLOT_SELECT = `SELECT sl.*, b.status AS booking_status,
       (SELECT count(*) FROM symposium_workshop_signups w WHERE w.slot_id = sl.id AND w.status = 'registered') AS signed_up,
       (SELECT count(*) FROM symposium_workshop_signups w WHERE w.slot_id = sl.id AND w.status = 'waitlisted') AS waiting
     FROM symposium_slots sl LEFT JOIN bookings b ON b.id = sl.booking_id`
  const selectSlots = db.prepare<[number], SlotRow>(SLOT_SELECT + ' WHERE sl.edition_id = ? ORDER BY sl.starts_at, sl.id')
  const selectSlot = db.prepare<[number], SlotRow>(SLOT_SELECT + ' WHERE sl.id = ?')
  const roomOfEdition = db.prepare<[number, number], { id: number }>('SELECT id FROM symposium_rooms WHERE id = ? AND edition_id = ?')
  const trackOfEdition = db.prepare<[number, number], { id: number }>('SELECT id FROM symposium_tracks WHERE id = ? AND edition_id = ?')
  const personExists = db.prepare<[number], { id: number }>('SELECT id FROM people WHERE id = ?')
  const equipmentExists = db.prepare<[number], { id: number }>('SELECT id FROM equipment WHERE id = ?')
  const setBooking = db.prepare('UPDATE symposium_slots SET booking_id = ?, booking_problem = ? WHERE id = ?')

  function sessionRow(id: number): SessionRow {
    const row = selectSession.get(id)
    if (!row) throw notFound('session', id)
    return row
  }

  function slotRow(id: number): SlotRow {
    const row = selectSlot.get(id)
    if (!row) throw notFound('slot', id)
    return row
  }

  function toSession(row: SessionRow, speakers: Session['speakers']): Session {
    return {
      id: row.id,
      editionId: row.edition_id,
      submissionId: row.submission_id,
      title: row.title,
      abstract: row.abstract,
      type: row.type,
      durationMinutes: row.duration_minutes,
      trackId: row.track_id,
      speakers,
      capacity: row.capacity,
      expectedAttendance: row.expected_attendance,
      equipmentId: row.equipment_id,
      equipmentName: row.equipment_name,
      version: row.version,
    }
  }

  /** Called by whoever writes a session (the programme here, an acceptance in the call). */
  function indexSession(id: number) {
    search.upsert(sessionDocument(readSession(id)))
  }

  /** One session, e.g. opened from the search: it says which edition's programme it is in. */
  function getSession(id: number, actor: Actor | null): Session {
    requireActor(actor)
    return readSession(id)
  }

  function readSession(id: number): Session {
    const row = sessionRow(id)
    const speakers = db
      .prepare<[number], { id: number; name: string; email: string | null; organisation: string | null }>(
        `SELECT p.id, p.name, p.email, p.organisation FROM symposium_session_speakers sp JOIN people p ON p.id = sp.person_id
         WHERE sp.session_id = ? ORDER BY sp.position`,
      )
      .all(id)
    return toSession(row, speakers)
  }

  function get(editionId: number, actor: Actor | null): Programme {
    requireActor(actor)
    const edition = editions.require(editionId)
    const speakerRows = selectSpeakers.all(editionId)
    const speakersOf = (id: number) =>
      speakerRows
        .filter((s) => s.session_id === id)
        .map(({ id: personId, name, email, organisation }) => ({ id: personId, name, email, organisation }))
    const sessions: Session[] = selectSessions.all(editionId).map((row) => toSession(row, speakersOf(row.id)))
    const sessionById = new Map(sessions.map((s) => [s.id, s]))
    const slotRows = selectSlots.all(editionId)
    const zone = timeZone()
    const facts: SlotFacts[] = slotRows.map((slot) => ({
      id: slot.id,
      sessionId: slot.session_id,
      roomId: slot.room_id,
      title: slot.session_id === null ? slot.title : (sessionById.get(slot.session_id)?.title ?? ''),
      startsAt: Date.parse(slot.starts_at),
      endsAt: Date.parse(slot.ends_at),
      signedUp: slot.signed_up,
      machineProblem: machineProblem(slot, slot.session_id === null ? null : (sessionById.get(slot.session_id) ?? null)),
    }))
    const rooms = editions.rooms(editionId)
    const conflicts = analyseProgramme({
      slots: facts,
      sessions: new Map(sessions.map((s) => [s.id, { speakerIds: s.speakers.map((p) => p.id), expectedAttendance: s.expectedAttendance }])),
      rooms: new Map(rooms.map((r) => [r.id, { name: r.name, capacity: r.capacity }])),
      speakers: new Map(speakerRows.map((s) => [s.id, s.name])),
      days: editionDates(edition.starts_on, edition.days).map((date) => ({
        date,
        starts: toInstant(date, edition.day_starts, zone),
        ends: toInstant(date, edition.day_ends, zone),
      })),
    })
    return {
      editionId,
      sessions,
      slots: slotRows.map((slot, i) => ({
        id: slot.id,
        sessionId: slot.session_id,
        roomId: slot.room_id,
        title: facts[i]!.title,
        startsAt: slot.starts_at,
        endsAt: slot.ends_at,
        bookingId: slot.booking_id !== null && OCCUPYING.has(slot.booking_status ?? '') ? slot.booking_id : null,
        signedUp: slot.signed_up,
        waiting: slot.waiting,
        version: slot.version,
      })),
      conflicts,
    }
  }

  /** Why a slot whose session needs a machine holds no booking of it, or null when all is well. */
  function machineProblem(slot: SlotRow, session: Session | null): Record<string, string | number | null> | null {
    if (!session?.equipmentId) return null
    if (slot.booking_id !== null && OCCUPYING.has(slot.booking_status ?? '')) return null
    const base = { machine: session.equipmentName }
    if (slot.booking_id !== null) return { ...base, problem: 'bookingCancelled' }
    const stored = slot.booking_problem ? (JSON.parse(slot.booking_problem) as Record<string, string | number | null>) : {}
    return { ...base, problem: 'notBooked', ...stored }
  }

  /**
   * Makes the slot's booking match its session: books the machine for the slot's time, moves the
   * booking along, or cancels it when no longer needed. A refusal by the booking rules is kept
   * with the slot and flagged as a conflict; the slot itself stays where the organiser put it.
   */
  function syncBooking(slotId: number, actor: Actor) {
    const slot = slotRow(slotId)
    const session = slot.session_id === null ? null : sessionRow(slot.session_id)
    const current = slot.booking_id !== null && OCCUPYING.has(slot.booking_status ?? '') ? bookings.get(slot.booking_id) : null
    const purpose = session ? `Symposium: ${session.title}`.slice(0, 500) : null
    const cancelCurrent = (reason: string) => {
      if (current && (current.status === 'requested' || current.status === 'confirmed')) {
        bookings.cancel({ id: current.id, version: current.version, reason }, actor)
      }
    }
    if (!session?.equipment_id) {
      cancelCurrent('Symposium: the session no longer needs the machine')
      setBooking.run(null, null, slotId)
      return
    }
    try {
      if (current && current.equipmentId === session.equipment_id) {
        if (current.startsAt !== slot.starts_at || current.endsAt !== slot.ends_at) {
          bookings.update({ id: current.id, version: current.version, startsAt: slot.starts_at, endsAt: slot.ends_at, purpose }, actor)
        }
        setBooking.run(current.id, null, slotId)
        return
      }
      cancelCurrent('Symposium: the session moved to another machine')
      const booking = bookForSession(session, slot, purpose, actor)
      setBooking.run(booking.id, null, slotId)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      // The machine is not free then: let go of the old time too, and remember why.
      cancelCurrent('Symposium: the session moved to a time the machine is not free')
      const problem = {
        refusal: error.code,
        rule: typeof error.details.reason === 'string' ? error.details.reason : null,
        ...flatDetails(error.details),
      }
      setBooking.run(null, JSON.stringify(problem), slotId)
    }
  }

  /**
   * The machine is booked for the speaker who will run it: the first whose permit (and the other
   * person-bound rules) allow it; the organiser when the session has no speakers. When nobody can,
   * the most telling refusal is thrown: one about the time (a clash, opening hours) before one about
   * a missing permit.
   */
  function bookForSession(session: SessionRow, slot: SlotRow, purpose: string | null, actor: Actor) {
    const speakers = db
      .prepare<[number], { person_id: number }>('SELECT person_id FROM symposium_session_speakers WHERE session_id = ? ORDER BY position')
      .all(session.id)
      .map((s) => s.person_id)
    const refusals: AppError[] = []
    for (const personId of speakers.length > 0 ? speakers : [actor.id]) {
      try {
        return bookings.create(
          {
            equipmentId: session.equipment_id!,
            kind: 'use',
            personId,
            startsAt: slot.starts_at,
            endsAt: slot.ends_at,
            purpose,
            supervisorId: null,
          },
          actor,
        )
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        refusals.push(error)
      }
    }
    const personal = new Set(['permitMissing', 'permitExpired', 'supervisorRequired', 'quotaReached', 'personInactive'])
    throw refusals.find((e) => !personal.has(String(e.details.reason))) ?? refusals[0]!
  }

  function checkSessionFields(editionId: number, input: z.output<typeof sessionCreateInput> | z.output<typeof sessionUpdateInput>) {
    if (input.trackId !== null && !trackOfEdition.get(input.trackId, editionId)) throw notFound('track', input.trackId)
    if (input.equipmentId !== null && !equipmentExists.get(input.equipmentId)) throw notFound('equipment', input.equipmentId)
    for (const id of input.speakerIds) if (!personExists.get(id)) throw notFound('person', id)
  }

  function writeSpeakers(sessionId: number, speakerIds: number[]) {
    db.prepare('DELETE FROM symposium_session_speakers WHERE session_id = ?').run(sessionId)
    const insert = db.prepare('INSERT INTO symposium_session_speakers (session_id, person_id, position) VALUES (?, ?, ?)')
    ;[...new Set(speakerIds)].forEach((id, position) => insert.run(sessionId, id, position))
  }

  const createSession = writeTransaction(db, (input: z.output<typeof sessionCreateInput>, actor: Actor | null): Programme => {
    requireCoordinator(actor)
    editions.require(input.editionId)
    checkSessionFields(input.editionId, input)
    const result = db
      .prepare(
        `INSERT INTO symposium_sessions (edition_id, title, abstract, type, duration_minutes, track_id, capacity, expected_attendance, equipment_id)
         VALUES (@editionId, @title, @abstract, @type, @durationMinutes, @trackId, @capacity, @expectedAttendance, @equipmentId)`,
      )
      .run(input)
    const id = Number(result.lastInsertRowid)
    writeSpeakers(id, input.speakerIds)
    indexSession(id)
    return get(input.editionId, actor)
  })

  const updateSession = writeTransaction(db, (input: z.output<typeof sessionUpdateInput>, actor: Actor | null): Programme => {
    requireCoordinator(actor)
    const row = sessionRow(input.id)
    if (row.version !== input.version) throw stale('session', row.id, row.version)
    checkSessionFields(row.edition_id, input)
    db.prepare(
      `UPDATE symposium_sessions SET title = @title, abstract = @abstract, type = @type, duration_minutes = @durationMinutes, track_id = @trackId,
         capacity = @capacity, expected_attendance = @expectedAttendance, equipment_id = @equipmentId, version = version + 1
       WHERE id = @id`,
    ).run(input)
    writeSpeakers(row.id, input.speakerIds)
    indexSession(row.id)
    // A new length reshapes every slot of the session; a new machine rebooks them.
    const slots = db
      .prepare<[number], { id: number; starts_at: string }>('SELECT id, starts_at FROM symposium_slots WHERE session_id = ?')
      .all(row.id)
    for (const slot of slots) {
      const endsAt = new Date(Date.parse(slot.starts_at) + input.durationMinutes * 60_000).toISOString()
      db.prepare('UPDATE symposium_slots SET ends_at = ?, version = version + 1 WHERE id = ?').run(endsAt, slot.id)
      syncBooking(slot.id, actor)
    }
    return get(row.edition_id, actor)
  })

  const schedule = writeTransaction(db, (input: z.output<typeof scheduleSessionInput>, actor: Actor | null): Programme => {
    requireCoordinator(actor)
    const session = sessionRow(input.sessionId)
    if (!roomOfEdition.get(input.roomId, session.edition_id)) throw notFound('room', input.roomId)
    const startsAt = new Date(Date.parse(input.startsAt)).toISOString()
    const endsAt = new Date(Date.parse(input.startsAt) + session.duration_minutes * 60_000).toISOString()
    let slotId = input.slotId
    if (slotId === undefined) {
      const result = db
        .prepare('INSERT INTO symposium_slots (edition_id, session_id, room_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)')
        .run(session.edition_id, session.id, input.roomId, startsAt, endsAt)
      slotId = Number(result.lastInsertRowid)
    } else {
      const slot = slotRow(slotId)
      if (slot.session_id !== session.id)
        throw new AppError('VALIDATION', 'This slot belongs to another session', { reason: 'slotOfOtherSession' })
      if (input.version === undefined || slot.version !== input.version) throw stale('slot', slot.id, slot.version)
      db.prepare('UPDATE symposium_slots SET room_id = ?, starts_at = ?, ends_at = ?, version = version + 1 WHERE id = ?').run(
        input.roomId,
        startsAt,
        endsAt,
        slot.id,
      )
    }
    syncBooking(slotId, actor)
    return get(session.edition_id, actor)
  })

  const setBreak = writeTransaction(db, (input: z.output<typeof setBreakInput>, actor: Actor | null): Programme => {
    requireCoordinator(actor)
    editions.require(input.editionId)
    const startsAt = new Date(Date.parse(input.startsAt)).toISOString()
    const endsAt = new Date(Date.parse(input.endsAt)).toISOString()
    if (input.slotId === undefined) {
      db.prepare('INSERT INTO symposium_slots (edition_id, title, starts_at, ends_at) VALUES (?, ?, ?, ?)').run(
        input.editionId,
        input.title,
        startsAt,
        endsAt,
      )
    } else {
      const slot = slotRow(input.slotId)
      if (slot.session_id !== null || slot.edition_id !== input.editionId) {
        throw new AppError('VALIDATION', 'This slot is not a break of this symposium', { reason: 'notABreak' })
      }
      if (input.version === undefined || slot.version !== input.version) throw stale('slot', slot.id, slot.version)
      db.prepare('UPDATE symposium_slots SET title = ?, starts_at = ?, ends_at = ?, version = version + 1 WHERE id = ?').run(
        input.title,
        startsAt,
        endsAt,
        slot.id,
      )
    }
    return get(input.editionId, actor)
  })

  const unschedule = writeTransaction(db, (input: z.output<typeof unscheduleInput>, actor: Actor | null): Programme => {
    requireCoordinator(actor)
    const slot = slotRow(input.slotId)
    if (slot.version !== input.version) throw stale('slot', slot.id, slot.version)
    // Taking a workshop out of the programme would silently drop its sign-ups.
    if (slot.signed_up + slot.waiting > 0) {
      throw new AppError('RULE', 'People have signed up for this workshop', {
        reason: 'workshopHasSignups',
        count: slot.signed_up + slot.waiting,
      })
    }
    if (slot.booking_id !== null && OCCUPYING.has(slot.booking_status ?? '')) {
      const booking = bookings.get(slot.booking_id)
      if (booking.status === 'requested' || booking.status === 'confirmed') {
        bookings.cancel(
          { id: booking.id, version: booking.version, reason: 'Symposium: the session was taken out of the programme' },
          actor,
        )
      }
    }
    db.prepare('DELETE FROM symposium_slots WHERE id = ?').run(slot.id)
    return get(slot.edition_id, actor)
  })

  /** Every session of every edition, for filling the search index. */
  const allSessions = () =>
    db
      .prepare<[], { id: number }>('SELECT id FROM symposium_sessions ORDER BY id')
      .all()
      .map((r) => readSession(r.id))

  return { get, getSession, allSessions, indexSession, createSession, updateSession, schedule, setBreak, unschedule }
}

/** The scalar details of a refusal (the machine, who has it and when), for the conflict message. */
function flatDetails(details: Record<string, unknown>): Record<string, string | number | null> {
  const flat: Record<string, string | number | null> = {}
  for (const [key, value] of Object.entries(details)) {
    if (key === 'reason') continue
    if (typeof value === 'string' || typeof value === 'number' || value === null) flat[key] = value
  }
  return flat
}
