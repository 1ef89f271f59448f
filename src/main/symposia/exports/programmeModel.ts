// One edition's programme as every export reads it: slots in time order with their local date and
// times in the centre's zone, their room, session, track, speakers and language, and a stable guid.
import { Temporal } from 'temporal-polyfill'
import { toInstant, toLocal } from '../../../shared/calendarTime'
import type { Edition, Session } from '../../../shared/symposia'
import type { Db } from '../../db/database'
import { NAMESPACE_WERKBANK, uuidV5 } from './uuid'

export interface ModelSlot {
  id: number
  /** Stable across exports: derived from the edition (id and creation time) and the slot id. */
  guid: string
  startsAt: number
  endsAt: number
  /** Local date and times in the centre's zone. */
  date: string
  start: string
  end: string
  minutes: number
  room: { id: number; name: string } | null
  session: Session | null
  /** The session's title, or the break's. */
  title: string
  isBreak: boolean
  track: { id: number; name: string; colour: string } | null
  language: 'nl' | 'en'
  version: number
}

export interface ProgrammeModel {
  edition: Edition
  zone: string
  slots: ModelSlot[]
  /** Session slots only (no breaks), in time order, then by room. */
  events: ModelSlot[]
  breaks: ModelSlot[]
  /** Sessions that have at least one slot, with their slots. */
  scheduled: { session: Session; slots: ModelSlot[] }[]
  /** A guid scoped to this edition, for rooms and people without e-mail. */
  guidFor(name: string): string
  /** An instant as ISO 8601 with the zone's offset: 2026-04-16T09:30:00+02:00. */
  isoWithOffset(epochMs: number): string
  /** The edition's day as instants: its programme hours, widened to any slot outside them. */
  dayBounds(date: string): { start: number; end: number }
}

export interface ModelInput {
  db: Db
  edition: Edition
  programme: {
    sessions: Session[]
    slots: {
      id: number
      sessionId: number | null
      roomId: number | null
      title: string
      startsAt: string
      endsAt: string
      version: number
    }[]
  }
  timeZone: string
}

export function buildProgrammeModel({ db, edition, programme, timeZone }: ModelInput): ProgrammeModel {
  const sessions = new Map(programme.sessions.map((s) => [s.id, s]))
  const rooms = new Map(edition.rooms.map((r, i) => [r.id, { ...r, position: i }]))
  const tracks = new Map(edition.tracks.map((t) => [t.id, t]))
  const submissionLanguage = db.prepare<[number], { language: 'nl' | 'en' }>('SELECT language FROM symposium_submissions WHERE id = ?')
  // The edition's creation time makes its guids differ from another centre's edition with the same ids.
  const scope = `werkbank:symposium:${edition.id}:${edition.createdAt}`
  const guidFor = (name: string) => uuidV5(NAMESPACE_WERKBANK, `${scope}:${name}`)

  const slots: ModelSlot[] = programme.slots.map((slot) => {
    const session = slot.sessionId === null ? null : (sessions.get(slot.sessionId) ?? null)
    const startsAt = Date.parse(slot.startsAt)
    const endsAt = Date.parse(slot.endsAt)
    const local = toLocal(startsAt, timeZone)
    const room = slot.roomId === null ? null : (rooms.get(slot.roomId) ?? null)
    return {
      id: slot.id,
      guid: guidFor(`slot:${slot.id}`),
      startsAt,
      endsAt,
      date: local.date,
      start: local.time,
      end: toLocal(endsAt, timeZone).time,
      minutes: Math.round((endsAt - startsAt) / 60_000),
      room: room ? { id: room.id, name: room.name } : null,
      session,
      title: session?.title ?? slot.title,
      isBreak: slot.sessionId === null,
      track: session?.trackId ? (tracks.get(session.trackId) ?? null) : null,
      language: session?.submissionId ? (submissionLanguage.get(session.submissionId)?.language ?? 'nl') : 'nl',
      version: slot.version,
    }
  })
  const roomOrder = (s: ModelSlot) => (s.room ? (rooms.get(s.room.id)?.position ?? 0) : -1)
  slots.sort((a, b) => a.startsAt - b.startsAt || roomOrder(a) - roomOrder(b) || a.id - b.id)
  const events = slots.filter((s) => !s.isBreak)
  const scheduled = programme.sessions
    .map((session) => ({ session, slots: events.filter((s) => s.session?.id === session.id) }))
    .filter((s) => s.slots.length > 0)
    .sort((a, b) => a.slots[0]!.startsAt - b.slots[0]!.startsAt || a.session.title.localeCompare(b.session.title))

  return {
    edition,
    zone: timeZone,
    slots,
    events,
    breaks: slots.filter((s) => s.isBreak),
    scheduled,
    guidFor,
    isoWithOffset: (epochMs) =>
      Temporal.Instant.fromEpochMilliseconds(epochMs)
        .toZonedDateTimeISO(timeZone)
        .toString({ timeZoneName: 'never', smallestUnit: 'second' }),
    dayBounds(date) {
      const onDay = slots.filter((s) => s.date === date)
      return {
        start: Math.min(toInstant(date, edition.dayStarts, timeZone), ...onDay.map((s) => s.startsAt)),
        end: Math.max(toInstant(date, edition.dayEnds, timeZone), ...onDay.map((s) => s.endsAt)),
      }
    },
  }
}

/** Minutes as "HH:MM", the duration format of schedule.xml and schedule.json. */
export function hoursMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
