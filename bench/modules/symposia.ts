// Symposia: the centre's yearly meetings, 30 editions at full size (3 at a tenth), each with 8
// rooms over 3 days, 150 sessions placed in slots (some twice) between breaks, and 1,000
// registrations with cancellations, a waitlist, workshop seats and, for the editions already held,
// check-ins at the door. Measured, with issue 5's targets: the programme with its conflict analysis,
// registering the 1,000th attendee (with a place, and into a full edition's waitlist), and the door
// list of 1,000; in Chromium, the door list filtering as someone types.
//
// History is data (as for bookings and notes): each edition is written with prepared statements in
// one transaction, into the tables the core writes, by a writer that walks the same plan of events
// the services would have seen (registrations, cancellations with the waitlist's promotions, seats,
// letters in the outbox, check-ins) and uses the core's own pieces where it has them (the letter
// templates, the session's search document). To prove it writes what the core writes, the first
// edition is also made through the dispatcher, call by call at the planned moments (about 4,000
// calls), and every row of both twins is compared, ids mapped to their place; a difference stops
// the run.
import type { Page } from '@playwright/test'
import { toInstant } from '../../src/shared/calendarTime'
import type { Role } from '../../src/shared/people'
import type { AttendeeRole, Session, SubmissionType } from '../../src/shared/symposia'
import type { Db } from '../../src/main/db/database'
import { createSearchIndex } from '../../src/main/search/searchIndex'
import { sessionDocument } from '../../src/main/search/searchDocuments'
import type { EditionRow } from '../../src/main/symposia/editionService'
import { DEFAULT_TEMPLATES, editionLetterValues, fillTemplate } from '../../src/main/symposia/outbox'
import { foldForSearch } from '../../src/main/text'
import { addDays, localDateOf, spanOf, weekdayOf, ZONE } from '../lib/calendar'
import { BENCH_NOW, DAY_MS, MINUTE_MS } from '../lib/clock'
import { immediate } from '../lib/floorDb'
import { statsOf } from '../lib/measure'
import { paragraph, zipfWord } from '../lib/prose'
import { zipf, type Random } from '../lib/random'
import {
  moduleState,
  type BenchModule,
  type BrowserEnv,
  type BrowserFigure,
  type Centre,
  type Invocation,
  type Operation,
} from '../lib/types'
import { COMPANIES, FIRST_NAMES, SCHOOLS, SURNAMES } from '../lib/vocabulary'
import { peopleState, type PersonModel } from './people'

export const FULL_SYMPOSIA = { editions: 30, sessions: 150, registrations: 1_000 } as const

interface SymposiaState {
  /** Every edition, the twin included. */
  editionIds: number[]
  /** Held before now: their door lists have check-ins. */
  pastEditionIds: number[]
  /** 999 active registrations and room for more: the next one is the 1,000th. */
  openEditionId: number
  /** 999 active registrations, 900 places: the next one waits. */
  fullEditionId: number
}

export const symposiaState = moduleState<SymposiaState>('symposia')

// prettier-ignore
const ROOMS: [string, number][] = [
  ['Aula', 220], ['Collegezaal', 120], ['Studio', 60], ['Atelier', 40], ['Houtwerkplaats', 30], ['Vergaderzaal', 24],
  ['Metaalwerkplaats', 20], ['Laserlab', 16],
]
const TRACKS: [string, string][] = [
  ['Techniek', '#2563eb'],
  ['Materiaal', '#16a34a'],
  ['Ontwerp', '#d97706'],
  ['Onderwijs', '#9333ea'],
]
const CRITERIA = ['Relevantie', 'Vakmanschap', 'Originaliteit']
// prettier-ignore
const THEMES = ['Ambachtelijk Meubelmaken', 'Digitaal Maken', 'Materiaal en Vorm', 'Hout en Techniek', 'Glas, Metaal en Licht', 'Restauratie en Hergebruik']
const DIETARY = ['vegetarisch', 'veganistisch', 'glutenvrij', 'geen noten', 'halal', 'lactosevrij']
const EXTERNAL_DOMAINS = ['kpnmail.nl', 'hotmail.com', 'icloud.com', 'xs4all.nl', 'proton.me', 'yahoo.com']
/** The programme's day (09:00–17:30) between its breaks, in local minutes. */
const BLOCKS: [number, number][] = [
  [540, 630],
  [645, 750],
  [810, 900],
  [915, 1050],
]
const BREAKS: [string, number, number][] = [
  ['Koffie', 630, 645],
  ['Lunch', 750, 810],
  ['Thee', 900, 915],
]
/** A centre role as an attendee role, as registrationService.ts maps it (the twin check catches drift). */
const ATTENDEE_ROLE: Record<Role, AttendeeRole> = {
  coordinator: 'teacher',
  teacher: 'teacher',
  student: 'student',
  freelancer: 'freelancer',
  guest: 'external',
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const iso = (ms: number) => new Date(ms).toISOString()
const slug = (text: string) => foldForSearch(text).replace(/[^a-z0-9]+/g, '')
const firstName = zipf(FIRST_NAMES, 0.9)
const surname = zipf(SURNAMES, 1.0)

// ---------------------------------------------------------------------------------------------
// Plans: what happened to one edition, in the order it happened

interface SessionPlan {
  at: number
  title: string
  abstract: string
  type: SubmissionType
  durationMinutes: number
  track: number | null
  speakerIds: number[]
  capacity: number | null
  expectedAttendance: number | null
}

/** A session in a room (session and room are plan indexes), or a break (both null). */
interface SlotPlan {
  at: number
  session: number | null
  room: number | null
  title: string
  startsAt: number
  endsAt: number
}

interface Attendee {
  personId: number | null
  name: string
  email: string | null
  role: AttendeeRole
  organisation: string | null
}

type RegistrationEvent =
  | {
      kind: 'register'
      at: number
      /** Index of the registration in the plan (its n-th insert). */
      reg: number
      actorId: number
      /** How the desk or the person asked: themselves, someone of the centre, or an external. */
      how: 'self' | 'person' | 'external'
      attendee: Attendee
      dietary: string
      language: 'nl' | 'en'
      workshops: number[]
    }
  | { kind: 'cancel'; at: number; reg: number; actorId: number }

interface EditionPlan {
  createdAt: number
  input: {
    title: string
    theme: string
    venue: string
    startsOn: string
    days: number
    dayStarts: string
    dayEnds: string
    cfpOpensOn: string
    cfpClosesOn: string
    registrationOpensOn: string
    registrationClosesOn: string
    capacity: number
    rooms: { name: string; capacity: number }[]
    tracks: { name: string; colour: string }[]
    criteria: { name: string }[]
  }
  sessions: SessionPlan[]
  slots: SlotPlan[]
  events: RegistrationEvent[]
  checkIns: { reg: number; day: string; at: number }[]
  workshopCheckIns: { reg: number; slot: number; at: number }[]
}

interface PersonFacts {
  id: number
  name: string
  email: string | null
  role: Role
  organisation: string | null
}

/** Seats of a workshop slot, as the core counts them: min(session's seats or the room's, the room's). */
const seatsOf = (plan: EditionPlan, slot: SlotPlan) => {
  const room = plan.input.rooms[slot.room!]!.capacity
  return Math.min(plan.sessions[slot.session!]!.capacity ?? room, room)
}

/** A local date's instant at local minutes (the edition's days are regular days, away from clock changes). */
const at = (date: string, minutes: number) =>
  toInstant(date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, ZONE)

interface EditionShape {
  startsOn: string
  /** Registrations that stay active (not cancelled). */
  active: number
  cancelled: number
  capacity: number
  past: boolean
}

function planEdition(
  random: Random,
  number: number,
  shape: EditionShape,
  people: PersonModel[],
  facts: Map<number, PersonFacts>,
  coordinator: number,
): EditionPlan {
  const start = at(shape.startsOn, 540)
  const year = shape.startsOn.slice(0, 4)
  const theme = THEMES[number % THEMES.length]!
  const input: EditionPlan['input'] = {
    title: `Symposium ${theme} ${year}${number >= THEMES.length ? ` (${Math.floor(number / THEMES.length) + 1})` : ''}`,
    theme: paragraph(random, random.int(30, 80)),
    venue: 'Werkbank, Kenniscentrum',
    startsOn: shape.startsOn,
    days: 3,
    dayStarts: '09:00',
    dayEnds: '17:30',
    cfpOpensOn: addDays(shape.startsOn, -200),
    cfpClosesOn: addDays(shape.startsOn, -150),
    registrationOpensOn: addDays(shape.startsOn, -120),
    registrationClosesOn: addDays(shape.startsOn, -3),
    capacity: shape.capacity,
    rooms: ROOMS.map(([name, capacity]) => ({ name, capacity })),
    tracks: TRACKS.map(([name, colour]) => ({ name, colour })),
    criteria: CRITERIA.map((name) => ({ name })),
  }
  const createdAt = start - 240 * DAY_MS
  const dates = Array.from({ length: 3 }, (_, i) => addDays(shape.startsOn, i))
  const opens = at(input.registrationOpensOn, 600)
  // People of the centre who were there then: a few of them speak often, most never.
  const present = people.filter((p) => p.joinedAt < createdAt && (p.leftAt === null || p.leftAt > start))
  const speakerPool = random.shuffle(present.filter((p) => p.role !== 'student' || random.chance(0.1)))
  const speaker = zipf(speakerPool, 0.9)

  // Sessions, made in the weeks after the call closed.
  const sessions: SessionPlan[] = []
  const madeFrom = at(input.cfpClosesOn, 600)
  for (let i = 0; i < FULL_SYMPOSIA.sessions; i++) {
    const x = random()
    const type: SubmissionType = x < 0.6 ? 'talk' : x < 0.75 ? 'workshop' : x < 0.9 ? 'demonstration' : 'panel'
    const durationMinutes =
      type === 'talk' ? random.pick([30, 30, 45]) : type === 'workshop' ? 90 : type === 'demonstration' ? random.pick([45, 60]) : 60
    const speakers = new Set<number>()
    const wanted = type === 'panel' ? random.int(3, 4) : random.chance(type === 'talk' ? 0.2 : 0.4) ? 2 : 1
    for (let tries = 0; speakers.size < wanted && tries < 20; tries++) speakers.add(speaker(random).id)
    sessions.push({
      at: madeFrom + i * 3 * 3_600_000 + random.int(0, 120) * MINUTE_MS,
      title: `${type === 'workshop' ? 'Workshop ' : type === 'panel' ? 'Panel: ' : ''}${capital(zipfWord(random))} ${zipfWord(random)} ${zipfWord(random)}`,
      abstract: paragraph(random, random.int(40, 150)),
      type,
      durationMinutes,
      track: random.chance(0.9) ? random.int(0, TRACKS.length - 1) : null,
      speakerIds: [...speakers],
      capacity: type === 'workshop' ? random.int(10, 20) : null,
      expectedAttendance:
        type === 'workshop' ? null : random.chance(0.7) ? (type === 'demonstration' ? random.int(10, 40) : random.int(20, 180)) : null,
    })
  }

  // The timetable: breaks first, then sessions packed into the blocks between them, a room big
  // enough and the speakers free where possible; one session in ten runs a second time.
  const slots: SlotPlan[] = []
  let scheduledAt = madeFrom + FULL_SYMPOSIA.sessions * 3 * 3_600_000
  const next = () => (scheduledAt += random.int(5, 90) * MINUTE_MS)
  for (const date of dates) {
    for (const [title, from, to] of BREAKS)
      slots.push({ at: next(), session: null, room: null, title, startsAt: at(date, from), endsAt: at(date, to) })
  }
  const cursor = dates.map(() => ROOMS.map(() => BLOCKS.map(([from]) => from)))
  const busy = new Map<number, [number, number][]>()
  const free = (ids: number[], from: number, to: number) => ids.every((id) => !(busy.get(id) ?? []).some(([a, b]) => a < to && from < b))
  const runs = sessions.flatMap((s, i) => (random.chance(s.type === 'workshop' || s.type === 'demonstration' ? 0.3 : 0.05) ? [i, i] : [i]))
  const order = random.shuffle(runs).sort((a, b) => sessions[b]!.durationMinutes - sessions[a]!.durationMinutes)
  const places = dates.flatMap((_, d) => ROOMS.flatMap((_, r) => BLOCKS.map((_, b) => [d, r, b] as const)))
  for (const index of order) {
    const s = sessions[index]!
    const need = s.capacity ?? s.expectedAttendance ?? 0
    const candidates = random.shuffle([...places])
    const fits = ([d, r, b]: readonly [number, number, number]) => cursor[d]![r]![b]! + s.durationMinutes <= BLOCKS[b]![1]
    const interval = ([d, r, b]: readonly [number, number, number]) => {
      const from = at(dates[d]!, cursor[d]![r]![b]!)
      return [from, from + s.durationMinutes * MINUTE_MS] as const
    }
    const place =
      candidates.find((p) => fits(p) && ROOMS[p[1]]![1] >= need && free(s.speakerIds, ...interval(p))) ??
      candidates.find((p) => fits(p) && free(s.speakerIds, ...interval(p))) ??
      candidates.find(fits)
    if (!place) continue
    const [d, r, b] = place
    const [from, to] = interval(place)
    cursor[d]![r]![b]! += s.durationMinutes + (random.chance(0.3) ? 15 : 0)
    for (const id of s.speakerIds) busy.set(id, [...(busy.get(id) ?? []), [from, to]])
    slots.push({ at: next(), session: index, room: r, title: '', startsAt: from, endsAt: to })
  }
  const workshopSlots = slots.flatMap((slot, i) => (slot.session !== null && sessions[slot.session]!.type === 'workshop' ? [i] : []))

  // Registrations: people of the centre (most register themselves) and externals, early birds and
  // last-minute ones; a few cancel later. Times are distinct and in order.
  const until = Math.min(at(input.registrationClosesOn, 1200), BENCH_NOW - 3_600_000)
  const total = shape.active + shape.cancelled
  const times = Array.from({ length: total }, () => {
    const x = random()
    return opens + (x < 0.5 ? Math.pow(random(), 2) : 1 - Math.pow(random(), 2) * 0.8) * (until - opens)
  }).sort((a, b) => a - b)
  times.forEach((t, i) => (times[i] = Math.max(t, i > 0 ? times[i - 1]! + 1_000 : t)))
  const members = random.shuffle(present.filter((p) => p.joinedAt < opens && p.role !== 'coordinator'))
  const personCount = Math.min(300, Math.floor(members.length * 0.3))
  const emails = new Set<string>()
  const external = (): Attendee => {
    const first = firstName(random)
    const last = surname(random)
    const domain = random.pick(EXTERNAL_DOMAINS)
    let email = `${slug(first)}.${slug(last)}@${domain}`
    for (let n = 2; emails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`
    emails.add(email)
    const kind = random()
    return {
      personId: null,
      name: `${first} ${last}`,
      email,
      role: kind < 0.6 ? 'external' : kind < 0.8 ? 'freelancer' : kind < 0.92 ? 'student' : 'teacher',
      organisation: random.chance(0.6) ? (kind >= 0.8 ? random.pick(SCHOOLS) : random.pick(COMPANIES)) : null,
    }
  }
  const isPerson = new Set(random.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, personCount))
  const cancelling = new Set(random.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, shape.cancelled))
  const events: RegistrationEvent[] = []
  let member = 0
  for (let reg = 0; reg < total; reg++) {
    const t = times[reg]!
    let attendee: Attendee
    let how: 'self' | 'person' | 'external' = 'external'
    let actorId = coordinator
    if (isPerson.has(reg)) {
      const p = facts.get(members[member++]!.id)!
      attendee = { personId: p.id, name: p.name, email: p.email, role: ATTENDEE_ROLE[p.role], organisation: p.organisation }
      how = random.chance(0.8) ? 'self' : 'person'
      if (how === 'self') actorId = p.id
    } else attendee = external()
    events.push({
      kind: 'register',
      at: t,
      reg,
      actorId,
      how,
      attendee,
      dietary: random.chance(0.15) ? random.pick(DIETARY) : '',
      language: random.chance(0.85) ? 'nl' : 'en',
      workshops: [],
    })
    if (cancelling.has(reg)) {
      events.push({ kind: 'cancel', at: t + (until - t) * random() + 500, reg, actorId: how === 'self' ? actorId : coordinator })
    }
  }
  events.sort((a, b) => a.at - b.at)

  // Workshop choices, for those who get a place at once and only where a seat is free, so no
  // workshop has a line (the core would keep its order; the bench keeps it simple).
  const seatsTaken = new Map<number, number>()
  const choices = new Map<number, number[]>()
  const statusOf = new Map<number, 'registered' | 'waitlisted' | 'cancelled'>()
  const line: number[] = []
  let registered = 0
  for (const e of events) {
    if (e.kind === 'register') {
      const place = registered < shape.capacity
      statusOf.set(e.reg, place ? 'registered' : 'waitlisted')
      if (!place) {
        line.push(e.reg)
        continue
      }
      registered++
      if (workshopSlots.length === 0 || !random.chance(0.35)) continue
      const wanted = random.shuffle([...workshopSlots]).slice(0, random.int(1, 2))
      e.workshops = wanted.filter((slot) => (seatsTaken.get(slot) ?? 0) < seatsOf({ input, sessions } as EditionPlan, slots[slot]!))
      for (const slot of e.workshops) seatsTaken.set(slot, (seatsTaken.get(slot) ?? 0) + 1)
      choices.set(e.reg, e.workshops)
    } else {
      const was = statusOf.get(e.reg)
      statusOf.set(e.reg, 'cancelled')
      if (was === 'waitlisted') line.splice(line.indexOf(e.reg), 1)
      if (was !== 'registered') continue
      registered--
      for (const slot of choices.get(e.reg) ?? []) seatsTaken.set(slot, seatsTaken.get(slot)! - 1)
      choices.delete(e.reg)
      const promoted = line.shift()
      if (promoted !== undefined) {
        statusOf.set(promoted, 'registered')
        registered++
      }
    }
  }

  // The days themselves: most of those with a place come, most of them every day; the door
  // checks them in as they arrive, workshops at their start.
  const checkIns: EditionPlan['checkIns'] = []
  const workshopCheckIns: EditionPlan['workshopCheckIns'] = []
  if (shape.past) {
    const regs = [...statusOf].filter(([, s]) => s === 'registered').map(([reg]) => reg)
    for (const reg of regs) {
      let came = random.chance(0.92)
      dates.forEach((date, d) => {
        if (d > 0) came = random.chance(came ? 0.9 : 0.3)
        if (!came) return
        checkIns.push({ reg, day: date, at: at(date, 500 + Math.floor(Math.pow(random(), 2) * 150)) + random.int(0, 59_000) })
        for (const slot of choices.get(reg) ?? []) {
          if (localDateOf(slots[slot]!.startsAt) === date && random.chance(0.9)) {
            workshopCheckIns.push({ reg, slot, at: slots[slot]!.startsAt - random.int(0, 600) * 1000 })
          }
        }
      })
    }
    checkIns.sort((a, b) => a.at - b.at)
    workshopCheckIns.sort((a, b) => a.at - b.at)
  }
  return { createdAt, input, sessions, slots, events, checkIns, workshopCheckIns }
}

// ---------------------------------------------------------------------------------------------
// Writing a plan: through the dispatcher, and in bulk

/** The same plan through the dispatcher, as the UI would make it, with the clock at each moment. */
async function throughDispatcher(centre: Centre, plan: EditionPlan, coordinator: number): Promise<number> {
  centre.clock.simulate(plan.createdAt)
  const edition = await centre.call(coordinator, 'symposia.create', plan.input)
  const sessionIds: number[] = []
  const slotIds: number[] = []
  for (const s of plan.sessions) {
    centre.clock.simulate(s.at)
    const programme = await centre.call(coordinator, 'programme.createSession', {
      editionId: edition.id,
      title: s.title,
      abstract: s.abstract,
      type: s.type,
      durationMinutes: s.durationMinutes,
      trackId: s.track === null ? null : edition.tracks[s.track]!.id,
      speakerIds: s.speakerIds,
      capacity: s.capacity,
      expectedAttendance: s.expectedAttendance,
      equipmentId: null,
    })
    sessionIds.push(Math.max(...programme.sessions.map((x) => x.id)))
  }
  for (const slot of plan.slots) {
    centre.clock.simulate(slot.at)
    const programme =
      slot.session === null
        ? await centre.call(coordinator, 'programme.setBreak', {
            editionId: edition.id,
            title: slot.title,
            startsAt: iso(slot.startsAt),
            endsAt: iso(slot.endsAt),
          })
        : await centre.call(coordinator, 'programme.schedule', {
            sessionId: sessionIds[slot.session]!,
            roomId: edition.rooms[slot.room!]!.id,
            startsAt: iso(slot.startsAt),
          })
    slotIds.push(Math.max(...programme.slots.map((x) => x.id)))
  }
  const regs: { id: number; version: number }[] = []
  for (const e of plan.events) {
    centre.clock.simulate(e.at)
    if (e.kind === 'register') {
      const who =
        e.how === 'self'
          ? {}
          : e.how === 'person'
            ? { personId: e.attendee.personId! }
            : { attendee: { name: e.attendee.name, email: e.attendee.email, role: e.attendee.role, organisation: e.attendee.organisation } }
      const r = await centre.call(e.actorId, 'registrations.register', {
        editionId: edition.id,
        ...who,
        dietary: e.dietary,
        language: e.language,
        workshopSlotIds: e.workshops.map((i) => slotIds[i]!),
      })
      regs[e.reg] = { id: r.id, version: r.version }
    } else {
      const result = await centre.call(e.actorId, 'registrations.cancel', { id: regs[e.reg]!.id, version: regs[e.reg]!.version })
      regs[e.reg]!.version = result.cancelled.version
      if (result.promoted) regs.find((r) => r?.id === result.promoted!.id)!.version = result.promoted.version
    }
  }
  for (const c of plan.checkIns) {
    centre.clock.simulate(c.at)
    await centre.call(coordinator, 'registrations.checkIn', { id: regs[c.reg]!.id, day: c.day, present: true })
  }
  for (const c of plan.workshopCheckIns) {
    centre.clock.simulate(c.at)
    await centre.call(coordinator, 'registrations.workshop', {
      registrationId: regs[c.reg]!.id,
      slotId: slotIds[c.slot]!,
      action: 'checkIn',
    })
  }
  return edition.id
}

/**
 * Writes an edition as the services would have (editionService, programmeService,
 * registrationService, outbox): the same rows at the same moments, the waitlist kept as the core
 * keeps it. The caller holds one transaction.
 */
function bulkWriter(db: Db, people: Map<number, PersonFacts>) {
  const index = createSearchIndex(db)
  const s = {
    edition: db.prepare(
      `INSERT INTO symposium_editions (title, theme, venue, starts_on, days, day_starts, day_ends, cfp_opens_on, cfp_closes_on,
         registration_opens_on, registration_closes_on, capacity, created_by, created_at, updated_at)
       VALUES (@title, @theme, @venue, @startsOn, @days, @dayStarts, @dayEnds, @cfpOpensOn, @cfpClosesOn,
         @registrationOpensOn, @registrationClosesOn, @capacity, @actor, @now, @now)`,
    ),
    room: db.prepare('INSERT INTO symposium_rooms (edition_id, name, capacity, position) VALUES (?, ?, ?, ?)'),
    track: db.prepare('INSERT INTO symposium_tracks (edition_id, name, colour, position) VALUES (?, ?, ?, ?)'),
    criterion: db.prepare('INSERT INTO symposium_criteria (edition_id, name, position) VALUES (?, ?, ?)'),
    session: db.prepare(
      `INSERT INTO symposium_sessions (edition_id, title, abstract, type, duration_minutes, track_id, capacity, expected_attendance, equipment_id)
       VALUES (@editionId, @title, @abstract, @type, @durationMinutes, @trackId, @capacity, @expectedAttendance, NULL)`,
    ),
    speaker: db.prepare('INSERT INTO symposium_session_speakers (session_id, person_id, position) VALUES (?, ?, ?)'),
    slot: db.prepare('INSERT INTO symposium_slots (edition_id, session_id, room_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)'),
    break: db.prepare('INSERT INTO symposium_slots (edition_id, title, starts_at, ends_at) VALUES (?, ?, ?, ?)'),
    registration: db.prepare(
      `INSERT INTO symposium_registrations (edition_id, person_id, name, email, role, organisation, dietary, language, status,
         waitlisted_at, registered_at, created_by)
       VALUES (@editionId, @personId, @name, @email, @role, @organisation, @dietary, @language, @status, @waitlistedAt, @now, @actor)`,
    ),
    promote: db.prepare("UPDATE symposium_registrations SET status = 'registered', promoted_at = ?, version = version + 1 WHERE id = ?"),
    cancel: db.prepare("UPDATE symposium_registrations SET status = 'cancelled', cancelled_at = ?, version = version + 1 WHERE id = ?"),
    signup: db.prepare('INSERT INTO symposium_workshop_signups (slot_id, registration_id, status, signed_up_at) VALUES (?, ?, ?, ?)'),
    dropSignup: db.prepare('DELETE FROM symposium_workshop_signups WHERE slot_id = ? AND registration_id = ?'),
    checkIn: db.prepare(
      'INSERT OR IGNORE INTO symposium_checkins (registration_id, day, checked_in_at, checked_in_by) VALUES (?, ?, ?, ?)',
    ),
    workshopCheckIn: db.prepare('UPDATE symposium_workshop_signups SET checked_in_at = ? WHERE slot_id = ? AND registration_id = ?'),
    letter: db.prepare(
      `INSERT INTO symposium_outbox (edition_id, kind, language, to_name, to_email, subject, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }

  return (plan: EditionPlan, coordinator: number): number => {
    const created = iso(plan.createdAt)
    const { rooms, tracks, criteria, ...fields } = plan.input
    const editionId = Number(s.edition.run({ ...fields, actor: coordinator, now: created }).lastInsertRowid)
    const roomIds = rooms.map((r, i) => Number(s.room.run(editionId, r.name, r.capacity, i).lastInsertRowid))
    const trackIds = tracks.map((t, i) => Number(s.track.run(editionId, t.name, t.colour.toLowerCase(), i).lastInsertRowid))
    criteria.forEach((c, i) => s.criterion.run(editionId, c.name, i))

    const sessionIds = plan.sessions.map((p) => {
      const trackId = p.track === null ? null : trackIds[p.track]!
      const id = Number(s.session.run({ editionId, ...p, trackId }).lastInsertRowid)
      p.speakerIds.forEach((person, position) => s.speaker.run(id, person, position))
      const session: Session = {
        id,
        editionId,
        submissionId: null,
        title: p.title,
        abstract: p.abstract,
        type: p.type,
        durationMinutes: p.durationMinutes,
        trackId,
        speakers: p.speakerIds.map((person) => {
          const f = people.get(person)!
          return { id: f.id, name: f.name, email: f.email, organisation: f.organisation }
        }),
        capacity: p.capacity,
        expectedAttendance: p.expectedAttendance,
        equipmentId: null,
        equipmentName: null,
        version: 1,
      }
      index.upsert(sessionDocument(session))
      return id
    })
    const slotIds = plan.slots.map((slot) =>
      Number(
        (slot.session === null
          ? s.break.run(editionId, slot.title, iso(slot.startsAt), iso(slot.endsAt))
          : s.slot.run(editionId, sessionIds[slot.session]!, roomIds[slot.room!]!, iso(slot.startsAt), iso(slot.endsAt))
        ).lastInsertRowid,
      ),
    )

    const editionRow = {
      title: plan.input.title,
      venue: plan.input.venue,
      starts_on: plan.input.startsOn,
      days: plan.input.days,
    } as EditionRow
    const letter = (
      kind: keyof typeof DEFAULT_TEMPLATES,
      to: Attendee,
      language: 'nl' | 'en',
      now: string,
      extra: Record<string, string> = {},
    ) => {
      const t = DEFAULT_TEMPLATES[kind][language]
      const values = { ...editionLetterValues(editionRow, language), ...extra, name: to.name }
      s.letter.run(editionId, kind, language, to.name, to.email, fillTemplate(t.subject, values), fillTemplate(t.body, values), now)
    }
    const regs: {
      id: number
      status: 'registered' | 'waitlisted' | 'cancelled'
      attendee: Attendee
      language: 'nl' | 'en'
      seats: number[]
    }[] = []
    const line: number[] = []
    const seatsTaken = new Map<number, number>()
    let registered = 0
    for (const e of plan.events) {
      const now = iso(e.at)
      if (e.kind === 'register') {
        const place = registered < plan.input.capacity
        const id = Number(
          s.registration.run({
            editionId,
            ...e.attendee,
            dietary: e.dietary,
            language: e.language,
            status: place ? 'registered' : 'waitlisted',
            waitlistedAt: place ? null : now,
            now,
            actor: e.actorId,
          }).lastInsertRowid,
        )
        const reg = {
          id,
          status: place ? ('registered' as const) : ('waitlisted' as const),
          attendee: e.attendee,
          language: e.language,
          seats: [] as number[],
        }
        regs[e.reg] = reg
        if (place) registered++
        else line.push(e.reg)
        for (const slot of e.workshops) {
          const taken = seatsTaken.get(slot) ?? 0
          if (!place || taken >= seatsOf(plan, plan.slots[slot]!)) throw new Error('the bench plans workshop seats only where one is free')
          s.signup.run(slotIds[slot]!, id, 'registered', now)
          seatsTaken.set(slot, taken + 1)
          reg.seats.push(slot)
        }
        if (place) letter('registration', e.attendee, e.language, now)
        else letter('waitlisted', e.attendee, e.language, now, { position: String(line.length) })
      } else {
        const reg = regs[e.reg]!
        s.cancel.run(now, reg.id)
        for (const slot of [...reg.seats].sort((a, b) => slotIds[a]! - slotIds[b]!)) {
          s.dropSignup.run(slotIds[slot]!, reg.id)
          seatsTaken.set(slot, seatsTaken.get(slot)! - 1)
        }
        if (reg.status === 'registered') registered--
        else if (reg.status === 'waitlisted') line.splice(line.indexOf(e.reg), 1)
        reg.status = 'cancelled'
        while (registered < plan.input.capacity && line.length > 0) {
          const next = regs[line.shift()!]!
          s.promote.run(now, next.id)
          next.status = 'registered'
          registered++
          letter('promotion', next.attendee, next.language, now)
        }
      }
    }
    for (const c of plan.checkIns) s.checkIn.run(regs[c.reg]!.id, c.day, iso(c.at), coordinator)
    for (const c of plan.workshopCheckIns) s.workshopCheckIn.run(iso(c.at), slotIds[c.slot]!, regs[c.reg]!.id)
    return editionId
  }
}

/** Every row the core wrote for one edition, ids replaced by their place in the edition, to compare twins. */
function rowsOf(db: Db, editionId: number): string[] {
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Record<string, unknown>[]
  // Each id's place among its edition's rows, in order of creation.
  const places = (sql: string) => new Map(all(sql, editionId).map((r, i) => [r.id, i]))
  const rooms = places('SELECT id FROM symposium_rooms WHERE edition_id = ? ORDER BY id')
  const tracks = places('SELECT id FROM symposium_tracks WHERE edition_id = ? ORDER BY id')
  const sessions = places('SELECT id FROM symposium_sessions WHERE edition_id = ? ORDER BY id')
  const slots = places('SELECT id FROM symposium_slots WHERE edition_id = ? ORDER BY id')
  const regs = places('SELECT id FROM symposium_registrations WHERE edition_id = ? ORDER BY id')
  const mapped = (rows: Record<string, unknown>[], ids: Record<string, Map<unknown, number>>) =>
    rows.map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => (ids[k] && v !== null ? `${k}#${ids[k].get(v)}` : v))))
  return [
    ...mapped(all('SELECT * FROM symposium_editions WHERE id = ?', editionId), { id: new Map([[editionId, 0]]) }),
    ...mapped(all('SELECT name, capacity, position FROM symposium_rooms WHERE edition_id = ? ORDER BY id', editionId), {}),
    ...mapped(all('SELECT name, colour, position FROM symposium_tracks WHERE edition_id = ? ORDER BY id', editionId), {}),
    ...mapped(all('SELECT name, position FROM symposium_criteria WHERE edition_id = ? ORDER BY id', editionId), {}),
    ...mapped(all('SELECT * FROM symposium_sessions WHERE edition_id = ? ORDER BY id', editionId), {
      id: sessions,
      track_id: tracks,
      edition_id: new Map([[editionId, 0]]),
    }),
    ...mapped(
      all(
        `SELECT sp.* FROM symposium_session_speakers sp JOIN symposium_sessions s ON s.id = sp.session_id
         WHERE s.edition_id = ? ORDER BY sp.session_id, sp.position`,
        editionId,
      ),
      { session_id: sessions },
    ),
    ...mapped(
      all(
        `SELECT d.ref_id, i.title, i.tags, i.filters, i.body FROM search_docs d JOIN search_index i ON i.rowid = d.doc_id
         JOIN symposium_sessions s ON s.id = d.ref_id WHERE d.kind = 'session' AND s.edition_id = ? ORDER BY d.ref_id`,
        editionId,
      ),
      { ref_id: sessions },
    ),
    ...mapped(all('SELECT * FROM symposium_slots WHERE edition_id = ? ORDER BY id', editionId), {
      id: slots,
      session_id: sessions,
      room_id: rooms,
      edition_id: new Map([[editionId, 0]]),
    }),
    ...mapped(all('SELECT * FROM symposium_registrations WHERE edition_id = ? ORDER BY id', editionId), {
      id: regs,
      edition_id: new Map([[editionId, 0]]),
    }),
    ...mapped(
      all(
        `SELECT c.* FROM symposium_checkins c JOIN symposium_registrations r ON r.id = c.registration_id
         WHERE r.edition_id = ? ORDER BY c.registration_id, c.day`,
        editionId,
      ),
      { registration_id: regs },
    ),
    ...mapped(
      all(
        `SELECT w.* FROM symposium_workshop_signups w JOIN symposium_registrations r ON r.id = w.registration_id
         WHERE r.edition_id = ? ORDER BY w.slot_id, w.registration_id`,
        editionId,
      ),
      { slot_id: slots, registration_id: regs },
    ),
    ...mapped(
      all(
        'SELECT kind, language, to_name, to_email, subject, body, created_at, sent_at FROM symposium_outbox WHERE edition_id = ? ORDER BY id',
        editionId,
      ),
      {},
    ),
  ]
}

/** Wednesday of the week of a local date: editions run Wednesday to Friday. */
function wednesdayOf(instant: number): string {
  const date = localDateOf(instant)
  return addDays(date, 3 - weekdayOf(date))
}

async function generate(centre: Centre) {
  const random = centre.random('symposia')
  const { all: people, coordinator } = peopleState.get(centre)
  const db = centre.core.db
  const facts = new Map(
    db
      .prepare<[], PersonFacts>('SELECT id, name, email, role, organisation FROM people')
      .all()
      .map((p) => [p.id, p]),
  )
  const editions = Math.max(3, Math.round(FULL_SYMPOSIA.editions * centre.scale.factor))
  // Held ones spread over the history (the first once the centre has been open ten months), the
  // last two coming up with registration open: one with room left, one full with a waitlist.
  const past = editions - 2
  const first = spanOf(centre.scale).start + 300 * DAY_MS
  const last = BENCH_NOW - 60 * DAY_MS
  const shapes: EditionShape[] = Array.from({ length: past }, (_, i) => ({
    startsOn: wednesdayOf(past === 1 ? last : first + ((last - first) * i) / (past - 1)),
    active: FULL_SYMPOSIA.registrations - 40,
    cancelled: 40,
    capacity: random.int(940, 1000),
    past: true,
  }))
  shapes.push(
    { startsOn: wednesdayOf(BENCH_NOW + 42 * DAY_MS), active: 999, cancelled: 20, capacity: 1_200, past: false },
    { startsOn: wednesdayOf(BENCH_NOW + 70 * DAY_MS), active: 999, cancelled: 20, capacity: 900, past: false },
  )
  const plans = shapes.map((shape, i) => planEdition(random, i, shape, people, facts, coordinator.id))

  // Twins: the first edition through the dispatcher and through the bulk writer.
  const write = bulkWriter(db, facts)
  const real = await throughDispatcher(centre, plans[0]!, coordinator.id)
  const twin = db.transaction(() => write(plans[0]!, coordinator.id)).immediate()
  const a = rowsOf(db, real)
  const b = rowsOf(db, twin)
  const line = a.findIndex((row, i) => row !== b[i])
  if (line >= 0 || a.length !== b.length) {
    throw new Error(
      `The bench's bulk writer no longer writes a symposium edition as the core does (row ${line} of ${a.length}):\n` +
        ` core: ${a[line]?.slice(0, 400)}\n bulk: ${b[line]?.slice(0, 400)}`,
    )
  }
  const editionIds = [real, twin]
  for (const plan of plans.slice(1)) editionIds.push(db.transaction(() => write(plan, coordinator.id)).immediate())

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  Object.assign(centre.figures, {
    symposium_editions: editionIds.length,
    symposium_sessions: count('SELECT count(*) AS n FROM symposium_sessions'),
    symposium_slots: count('SELECT count(*) AS n FROM symposium_slots'),
    symposium_registrations: count('SELECT count(*) AS n FROM symposium_registrations'),
    symposium_waitlisted: count("SELECT count(*) AS n FROM symposium_registrations WHERE status = 'waitlisted'"),
    symposium_checkins: count('SELECT count(*) AS n FROM symposium_checkins'),
    symposium_outbox: count('SELECT count(*) AS n FROM symposium_outbox'),
  })
  symposiaState.set(centre, {
    editionIds,
    pastEditionIds: editionIds.slice(0, past + 1),
    openEditionId: editionIds.at(-2)!,
    fullEditionId: editionIds.at(-1)!,
  })
}

// ---------------------------------------------------------------------------------------------
// Operations

// src/main/symposia/editionService.ts and programmeService.ts: what programme.get reads.
const EDITION_SQL = 'SELECT * FROM symposium_editions WHERE id = ?'
const SPEAKERS_SQL = `SELECT sp.session_id, p.id, p.name, p.email, p.organisation FROM symposium_session_speakers sp
     JOIN symposium_sessions s ON s.id = sp.session_id JOIN people p ON p.id = sp.person_id
     WHERE s.edition_id = ? ORDER BY sp.session_id, sp.position`
const SESSIONS_SQL = `SELECT s.*, e.name AS equipment_name FROM symposium_sessions s LEFT JOIN equipment e ON e.id = s.equipment_id
     WHERE s.edition_id = ? ORDER BY s.title COLLATE NOCASE, s.id`
const SLOTS_SQL = `SELECT sl.*, b.status AS booking_status,
       (SELECT count(*) FROM symposium_workshop_signups w WHERE w.slot_id = sl.id AND w.status = 'registered') AS signed_up,
       (SELECT count(*) FROM symposium_workshop_signups w WHERE w.slot_id = sl.id AND w.status = 'waitlisted') AS waiting
     FROM symposium_slots sl LEFT JOIN bookings b ON b.id = sl.booking_id WHERE sl.edition_id = ? ORDER BY sl.starts_at, sl.id`
const ROOMS_SQL = 'SELECT id, name, capacity FROM symposium_rooms WHERE edition_id = ? ORDER BY position, id'

// src/main/symposia/registrationService.ts and outbox.ts: what registering one attendee runs.
const PERSON_SQL = 'SELECT id, name, email, role, organisation, active FROM people WHERE id = ?'
const ACTIVE_PERSON_SQL = "SELECT id FROM symposium_registrations WHERE edition_id = ? AND person_id = ? AND status <> 'cancelled'"
const ACTIVE_EMAIL_SQL = "SELECT id FROM symposium_registrations WHERE edition_id = ? AND email = ? AND status <> 'cancelled'"
const COUNT_SQL = 'SELECT count(*) AS n FROM symposium_registrations WHERE edition_id = ? AND status = ?'
const FIRST_WAITING_SQL =
  "SELECT * FROM symposium_registrations WHERE edition_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, id LIMIT 1"
const INSERT_REGISTRATION_SQL = `INSERT INTO symposium_registrations (edition_id, person_id, name, email, role, organisation, dietary, language, status,
       waitlisted_at, registered_at, created_by)
     VALUES (@editionId, @personId, @name, @email, @role, @organisation, @dietary, @language, @status, @waitlistedAt, @now, @actor)`
const REGISTRATION_SQL = 'SELECT * FROM symposium_registrations WHERE id = ?'
const AHEAD_SQL = `SELECT count(*) AS n FROM symposium_registrations
     WHERE edition_id = @edition AND status = 'waitlisted' AND (waitlisted_at < @at OR (waitlisted_at = @at AND id < @id))`
const SIGNUPS_SQL = 'SELECT * FROM symposium_workshop_signups WHERE registration_id = ? ORDER BY slot_id'
const CHECKINS_SQL = 'SELECT day FROM symposium_checkins WHERE registration_id = ? ORDER BY day'
const TEMPLATE_SQL = 'SELECT subject, body FROM symposium_message_templates WHERE edition_id = ? AND kind = ? AND language = ?'
const LETTER_SQL = `INSERT INTO symposium_outbox (edition_id, kind, language, to_name, to_email, subject, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

// What the door list reads (registrationService.ts, listAll).
const BY_EDITION_SQL = 'SELECT * FROM symposium_registrations WHERE edition_id = ? ORDER BY id'
const EDITION_CHECKINS_SQL = `SELECT c.registration_id, c.day FROM symposium_checkins c JOIN symposium_registrations r ON r.id = c.registration_id
     WHERE r.edition_id = ? ORDER BY c.day`
const EDITION_SIGNUPS_SQL = `SELECT s.* FROM symposium_workshop_signups s JOIN symposium_registrations r ON r.id = s.registration_id
     WHERE r.edition_id = ? ORDER BY s.slot_id, s.signed_up_at, s.registration_id`

function programmeOperation(centre: Centre): Operation {
  const random = centre.random('programme.get')
  const { editionIds } = symposiaState.get(centre)
  const { coordinator } = peopleState.get(centre)
  const db = centre.floorDb
  const s = {
    edition: db.prepare(EDITION_SQL),
    speakers: db.prepare(SPEAKERS_SQL),
    sessions: db.prepare(SESSIONS_SQL),
    slots: db.prepare(SLOTS_SQL),
    rooms: db.prepare(ROOMS_SQL),
  }
  const floorOf = (id: number) => {
    s.edition.get(id)
    s.speakers.all(id)
    s.sessions.all(id)
    const slots = s.slots.all(id)
    s.rooms.all(id)
    return slots.length
  }
  return {
    name: 'programme.get',
    title: 'programme conflict analysis (programme.get: 150 sessions, 8 rooms, 3 days)',
    iterations: 500,
    target: { metric: 'p95_ms', below: 50, source: 'issue 5' },
    next: (): Invocation => ({
      method: 'programme.get',
      input: { editionId: random.pick(editionIds) },
      actorId: coordinator.id,
      expect: 'ok',
    }),
    floor() {
      const id = random.pick(editionIds)
      return () => floorOf(id)
    },
    floorSql: [EDITION_SQL, SPEAKERS_SQL, SESSIONS_SQL, SLOTS_SQL, ROOMS_SQL],
    async verify() {
      const id = editionIds.at(-1)!
      const result = await centre.core.call('programme.get', { input: { editionId: id }, actorId: coordinator.id })
      if (!result.ok) return `programme.get failed: ${result.error.message}`
      const core = (result.value as { slots: unknown[] }).slots.length
      const floor = floorOf(id)
      return core === floor ? null : `core returned ${core} slots, floor ${floor}`
    },
  }
}

/**
 * Registering the 1,000th attendee: each iteration starts from the generated state (999 active),
 * because the previous iteration's registration and letter are deleted before the next input is
 * chosen (untimed). Who registers varies: someone of the centre themselves, the desk for someone of
 * the centre, the desk for an external.
 */
function registerOperation(centre: Centre, full: boolean): Operation {
  const random = centre.random(full ? 'registrations.register full' : 'registrations.register')
  const state = symposiaState.get(centre)
  const editionId = full ? state.fullEditionId : state.openEditionId
  const { all, coordinator } = peopleState.get(centre)
  const core = centre.core.db
  const baseline = {
    registration: (core.prepare('SELECT max(id) AS n FROM symposium_registrations').get() as { n: number }).n,
    letter: (core.prepare('SELECT max(id) AS n FROM symposium_outbox').get() as { n: number }).n,
  }
  const reset = () => {
    core.prepare('DELETE FROM symposium_outbox WHERE id > ?').run(baseline.letter)
    core.prepare('DELETE FROM symposium_registrations WHERE id > ?').run(baseline.registration)
  }
  const taken = new Set(
    core
      .prepare<[number], { person_id: number }>(
        "SELECT person_id FROM symposium_registrations WHERE edition_id = ? AND person_id IS NOT NULL AND status <> 'cancelled'",
      )
      .all(editionId)
      .map((r) => r.person_id),
  )
  const members = all.filter((p) => p.leftAt === null && p.role !== 'coordinator' && !taken.has(p.id))
  const edition = core.prepare<[number], EditionRow>(EDITION_SQL).get(editionId)!
  let externals = 0

  interface Plan {
    how: 'self' | 'person' | 'external'
    actorId: number
    attendee: Attendee
    language: 'nl' | 'en'
  }
  const plan = (): Plan => {
    const x = random()
    const language = random.chance(0.85) ? ('nl' as const) : ('en' as const)
    if (x < 0.6) {
      const first = firstName(random)
      const last = surname(random)
      const attendee: Attendee = {
        personId: null,
        name: `${first} ${last}`,
        email: `${slug(first)}.${slug(last)}.bench${++externals}@${random.pick(EXTERNAL_DOMAINS)}`,
        role: 'external',
        organisation: random.chance(0.5) ? random.pick(COMPANIES) : null,
      }
      return { how: 'external', actorId: coordinator.id, attendee, language }
    }
    const p = random.pick(members)
    const row = core.prepare<[number], PersonFacts>('SELECT id, name, email, role, organisation FROM people WHERE id = ?').get(p.id)!
    const attendee = { personId: row.id, name: row.name, email: row.email, role: ATTENDEE_ROLE[row.role], organisation: row.organisation }
    return x < 0.85 ? { how: 'self', actorId: p.id, attendee, language } : { how: 'person', actorId: coordinator.id, attendee, language }
  }

  const db = centre.floorDb
  const st = {
    edition: db.prepare(EDITION_SQL),
    person: db.prepare(PERSON_SQL),
    activePerson: db.prepare(ACTIVE_PERSON_SQL),
    activeEmail: db.prepare(ACTIVE_EMAIL_SQL),
    count: db.prepare<[number, string], { n: number }>(COUNT_SQL),
    firstWaiting: db.prepare(FIRST_WAITING_SQL),
    insert: db.prepare(INSERT_REGISTRATION_SQL),
    registration: db.prepare<[number], { waitlisted_at: string | null; status: string }>(REGISTRATION_SQL),
    ahead: db.prepare<{ edition: number; at: string; id: number }, { n: number }>(AHEAD_SQL),
    signups: db.prepare(SIGNUPS_SQL),
    checkins: db.prepare(CHECKINS_SQL),
    template: db.prepare(TEMPLATE_SQL),
    letter: db.prepare(LETTER_SQL),
  }
  const letters = (language: 'nl' | 'en') => {
    const values = editionLetterValues(edition, language)
    return { values, registration: DEFAULT_TEMPLATES.registration[language], waitlisted: DEFAULT_TEMPLATES.waitlisted[language] }
  }
  const floorRegister = immediate(db, (p: Plan, now: string, text: ReturnType<typeof letters>) => {
    const e = st.edition.get(editionId) as EditionRow
    if (p.how !== 'external') st.person.get(p.attendee.personId!)
    if (p.attendee.personId !== null && st.activePerson.get(editionId, p.attendee.personId)) throw new Error('already registered')
    if (p.attendee.email !== null && st.activeEmail.get(editionId, p.attendee.email)) throw new Error('already registered')
    if (st.count.get(editionId, 'registered')!.n < e.capacity) st.firstWaiting.get(editionId)
    const place = st.count.get(editionId, 'registered')!.n < e.capacity
    const id = Number(
      st.insert.run({
        editionId,
        ...p.attendee,
        dietary: '',
        language: p.language,
        status: place ? 'registered' : 'waitlisted',
        waitlistedAt: place ? null : now,
        now,
        actor: p.actorId,
      }).lastInsertRowid,
    )
    const row = st.registration.get(id)!
    const position = place ? null : st.ahead.get({ edition: editionId, at: row.waitlisted_at!, id })!.n + 1
    st.signups.all(id)
    st.checkins.all(id)
    const kind = place ? 'registration' : 'waitlisted'
    st.template.get(editionId, kind, p.language)
    const t = place ? text.registration : text.waitlisted
    const values = { ...text.values, name: p.attendee.name, position: String(position) }
    st.letter.run(
      editionId,
      kind,
      p.language,
      p.attendee.name,
      p.attendee.email,
      fillTemplate(t.subject, values),
      fillTemplate(t.body, values),
      now,
    )
  })

  const expectation = full ? 'waitlisted' : 'registered'
  return {
    name: full ? 'registrations.register waitlisted' : 'registrations.register',
    title: full
      ? 'registering the 1,000th attendee of a full edition (900 places: waitlist, number 100)'
      : 'registering the 1,000th attendee (999 registered, places left)',
    iterations: 500,
    ...(full ? {} : { target: { metric: 'p95_ms', below: 10, source: 'issue 5' } as const }),
    next(): Invocation {
      reset()
      const p = plan()
      const input =
        p.how === 'self'
          ? { editionId, language: p.language }
          : p.how === 'person'
            ? { editionId, personId: p.attendee.personId!, language: p.language }
            : {
                editionId,
                attendee: { name: p.attendee.name, email: p.attendee.email, role: p.attendee.role, organisation: p.attendee.organisation },
                language: p.language,
              }
      return { method: 'registrations.register', input, actorId: p.actorId, expect: 'ok' }
    },
    floor() {
      reset()
      const p = plan()
      const text = letters(p.language)
      const now = centre.clock().toISOString()
      return () => floorRegister(p, now, text)
    },
    floorSql: [
      EDITION_SQL,
      COUNT_SQL,
      ...(full ? [AHEAD_SQL] : [FIRST_WAITING_SQL]),
      INSERT_REGISTRATION_SQL,
      REGISTRATION_SQL,
      SIGNUPS_SQL,
      CHECKINS_SQL,
      TEMPLATE_SQL,
      LETTER_SQL,
    ],
    async verify() {
      reset()
      const p = plan()
      const result = await centre.core.call('registrations.register', {
        input: { editionId, attendee: { name: p.attendee.name, email: p.attendee.email, role: 'external', organisation: null } },
        actorId: coordinator.id,
      })
      reset()
      if (!result.ok) return `registrations.register failed: ${result.error.message}`
      const r = result.value as { status: string; waitlistPosition: number | null }
      if (r.status !== expectation) return `the 1,000th registration is ${r.status}, expected ${expectation}`
      if (full && r.waitlistPosition !== 100) return `the 1,000th waits as number ${r.waitlistPosition}, expected 100`
      return null
    },
  }
}

function listOperation(centre: Centre): Operation {
  const random = centre.random('registrations.list')
  const { editionIds } = symposiaState.get(centre)
  const { coordinator } = peopleState.get(centre)
  const db = centre.floorDb
  const s = {
    edition: db.prepare(EDITION_SQL),
    rows: db.prepare(BY_EDITION_SQL),
    checkins: db.prepare(EDITION_CHECKINS_SQL),
    signups: db.prepare(EDITION_SIGNUPS_SQL),
  }
  const floorOf = (id: number) => {
    s.edition.get(id)
    const rows = s.rows.all(id)
    s.checkins.all(id)
    s.signups.all(id)
    return rows.length
  }
  return {
    name: 'registrations.list',
    title: 'door list: all 1,000 registrations of an edition, check-ins and workshops',
    iterations: 300,
    next: (): Invocation => ({
      method: 'registrations.list',
      input: { editionId: random.pick(editionIds) },
      actorId: coordinator.id,
      expect: 'ok',
    }),
    floor() {
      const id = random.pick(editionIds)
      return () => floorOf(id)
    },
    floorSql: [EDITION_SQL, BY_EDITION_SQL, EDITION_CHECKINS_SQL, EDITION_SIGNUPS_SQL],
    async verify() {
      const id = editionIds[0]!
      const result = await centre.core.call('registrations.list', { input: { editionId: id }, actorId: coordinator.id })
      if (!result.ok) return `registrations.list failed: ${result.error.message}`
      const core = (result.value as unknown[]).length
      const floor = floorOf(id)
      return core === floor ? null : `core returned ${core} registrations, floor ${floor}`
    },
  }
}

// ---------------------------------------------------------------------------------------------
// In Chromium: the door list filtering as someone types

/** What a volunteer at the door types: part of a surname, a first name and a letter, an organisation. */
function doorQueries(centre: Centre, editionId: number, count: number): string[] {
  const random = centre.random('browser.doorList')
  const rows = centre.floorDb
    .prepare<[number], { name: string; organisation: string | null }>(
      "SELECT name, organisation FROM symposium_registrations WHERE edition_id = ? AND status <> 'cancelled' ORDER BY id",
    )
    .all(editionId)
  return Array.from({ length: count }, () => {
    const r = random.pick(rows)
    const words = r.name.split(' ')
    const x = random()
    if (x < 0.5) return words.at(-1)!.slice(0, random.int(4, 7)).toLowerCase()
    if (x < 0.8) return `${words[0]!.toLowerCase()} ${words.at(-1)!.slice(0, 2).toLowerCase()}`
    return (r.organisation ?? words.at(-1)!).split(' ').at(-1)!.slice(0, 5).toLowerCase()
  })
}

/** Opens the registration desk and types each query, one key at a time; returns per-keystroke times. */
async function typeInDoorList(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate(async (qs: string[]) => {
    const input = document.getElementById('registrations-search') as HTMLInputElement
    input.focus()
    const times: number[] = []
    // A keystroke counts until the frame after the list was patched: an input event, Vue's
    // update, then the next paint (requestAnimationFrame, then a task after it).
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
    for (const q of qs) {
      input.value = ''
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await frame()
      for (const key of q) {
        const start = performance.now()
        input.value += key
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await frame()
        times.push(performance.now() - start)
      }
    }
    return times
  }, queries)
}

async function doorListInBrowser(centre: Centre, env: BrowserEnv): Promise<BrowserFigure[]> {
  const { pastEditionIds } = symposiaState.get(centre)
  const editionId = pastEditionIds.at(-1)!
  const size = (
    centre.floorDb.prepare('SELECT count(*) AS n FROM symposium_registrations WHERE edition_id = ?').get(editionId) as { n: number }
  ).n
  const { coordinator } = peopleState.get(centre)
  const opens: number[] = []
  const keystrokes: number[] = []
  const queries = doorQueries(centre, editionId, 4 * env.runs)
  for (let run = 0; run < env.runs; run++) {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' })
    await context.addInitScript((profile: number) => {
      localStorage.setItem('werkbank.profile', String(profile))
      // The moment the first row of the door list is in the DOM, from navigation start.
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="registrations-list"] li')) {
          ;(window as unknown as { __doorList: number }).__doorList = performance.now()
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
    }, coordinator.id)
    const page = await context.newPage()
    await page.goto(`${env.url}/?token=${env.token}#/symposia/${editionId}/registrations`)
    await page
      .waitForFunction(() => (window as unknown as { __doorList?: number }).__doorList !== undefined, null, { timeout: 60_000 })
      .catch(async (error: unknown) => {
        const text = await page.evaluate(() => document.body.innerText.slice(0, 300))
        throw new Error(`the door list did not show (${page.url()}): ${text}`, { cause: error })
      })
    opens.push(await page.evaluate(() => (window as unknown as { __doorList: number }).__doorList))
    const times = await typeInDoorList(page, queries.slice(run * 4, run * 4 + 4))
    keystrokes.push(...times)
    env.progress(
      `  door list run ${run + 1}: opened in ${opens.at(-1)!.toFixed(0)} ms, ${times.length} keystrokes, median ${statsOf(times).p50.toFixed(1)} ms`,
    )
    await context.close()
  }
  const keys = statsOf(keystrokes)
  return [
    {
      name: 'browser door list open',
      title: `registration desk opened on ${size} registrations: navigation to the first row`,
      samples: opens,
    },
    {
      name: 'browser door list keystroke',
      title: `door list of ${size} filtered as you type: one keystroke to the repainted list`,
      samples: keystrokes,
      target: { metric: 'p95_ms', below: 50, source: 'ours, for issue 5\u2019s "without lag"' },
      note: `p50 ${keys.p50.toFixed(1)} ms is ${keys.p50 < 16.7 ? 'within' : 'over'} one frame (16.7 ms)`,
    },
  ]
}

export const symposiaModule: BenchModule = {
  name: 'symposia',
  generate,
  operations: (centre) => [
    programmeOperation(centre),
    registerOperation(centre, false),
    registerOperation(centre, true),
    listOperation(centre),
  ],
  browser: doorListInBrowser,
}
