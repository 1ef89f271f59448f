// The programme in the two exchange formats of the conference world: frab/pretalx `schedule.xml`
// (checked against c3voc's schedule.xml.xsd) and the c3voc `schedule.json` (checked against its
// JSON schema). Video teams, info screens and phone apps (Fahrplan, Giggity) read these.
//
// Both are built from one list of events so they always agree. Breaks are not events in these
// formats (they have no room and no speakers) and are left out. Our session types map onto the
// c3voc type list: demonstration → hands-on, panel → discussion.
import { createHash } from 'node:crypto'
import type { SubmissionType } from '../../../shared/symposia'
import { slug } from './labels'
import { hoursMinutes, type ProgrammeModel } from './programmeModel'
import { NAMESPACE_URL, uuidV5 } from './uuid'

const EVENT_TYPE: Record<SubmissionType, string> = {
  talk: 'talk',
  workshop: 'workshop',
  demonstration: 'hands-on',
  panel: 'discussion',
}

export interface ScheduleEvent {
  id: number
  guid: string
  date: string
  start: string
  duration: string
  room: string
  slug: string
  url: string | null
  title: string
  subtitle: string
  track: string
  type: string
  language: string
  abstract: string
  description: string
  persons: { id: number; guid: string; public_name: string }[]
}

export interface ScheduleDay {
  index: number
  date: string
  start: string
  end: string
  rooms: { name: string; events: ScheduleEvent[] }[]
}

export interface Schedule {
  version: string
  baseUrl: string | null
  acronym: string
  title: string
  start: string
  end: string
  days: ScheduleDay[]
  timeslotDuration: string
  timeZone: string
  rooms: { name: string; guid: string }[]
}

/**
 * A short name of lower-case letters and digits: the initials of the title's words and its year
 * ("Symposium Ambachtelijk Meubelmaken 2026" → "sam2026"). It fits the c3voc pattern
 * `^[a-z0-9_-][a-z0-9_]{3,}…`, so never a hyphen after the first character.
 */
export function acronymOf(title: string, editionId: number): string {
  const words = slug(title, '').split('-').filter(Boolean)
  const initials = words.filter((w) => /^[a-z]/.test(w)).map((w) => w[0])
  const numbers = words.filter((w) => /^\d+$/.test(w))
  const acronym = initials.join('') + numbers.join('')
  return acronym.length >= 4 ? acronym : `symposium${editionId}`
}

export function buildSchedule(model: ProgrammeModel, baseUrl: string | undefined): Schedule {
  const { edition } = model
  const acronym = acronymOf(edition.title, edition.id)
  const base = baseUrl ? baseUrl.replace(/\/+$/, '') + '/' : null
  const toEvent = (slot: ProgrammeModel['events'][number]): ScheduleEvent => {
    const session = slot.session!
    // The slot id keeps slugs unique when a session runs twice; the ending is always a letter or digit.
    const eventSlug = `${acronym}-${slot.id}-${slug(session.title, 'session')}`
    return {
      id: slot.id,
      guid: slot.guid,
      date: model.isoWithOffset(slot.startsAt),
      start: slot.start,
      duration: hoursMinutes(slot.minutes),
      room: slot.room?.name ?? '',
      slug: eventSlug,
      url: base ? `${base}#${eventSlug}` : null,
      title: session.title,
      subtitle: '',
      track: slot.track?.name ?? '',
      type: EVENT_TYPE[session.type],
      language: slot.language,
      abstract: session.abstract,
      description: '',
      persons: session.speakers.map((p) => ({
        id: p.id,
        // As c3voc advises: uuid5(NS_URL, 'acct:' + e-mail) where known, so one person has one guid everywhere.
        guid: p.email ? uuidV5(NAMESPACE_URL, `acct:${p.email.toLowerCase()}`) : model.guidFor(`person:${p.id}`),
        public_name: p.name,
      })),
    }
  }
  const days: ScheduleDay[] = edition.dates.map((date, i) => {
    const bounds = model.dayBounds(date)
    return {
      index: i + 1,
      date,
      start: model.isoWithOffset(bounds.start),
      end: model.isoWithOffset(bounds.end),
      rooms: edition.rooms.map((room) => ({
        name: room.name,
        events: model.events.filter((s) => s.date === date && s.room?.id === room.id).map(toEvent),
      })),
    }
  })
  const content = JSON.stringify({ title: edition.title, dates: edition.dates, rooms: edition.rooms, days })
  return {
    // Changes whenever anything in the schedule changes, which is what readers compare it for.
    version: createHash('sha256').update(content).digest('hex').slice(0, 12),
    baseUrl: base,
    acronym,
    title: edition.title,
    start: edition.dates[0]!,
    end: edition.dates.at(-1)!,
    days,
    timeslotDuration: hoursMinutes(timeslot(model)),
    timeZone: model.zone,
    rooms: edition.rooms.map((r) => ({ name: r.name, guid: model.guidFor(`room:${r.id}`) })),
  }
}

/** The grid the programme keeps to: the largest step (5 to 60 minutes) every start and length fits. */
function timeslot(model: ProgrammeModel): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  let step = 60
  for (const slot of model.events) {
    const [h, m] = slot.start.split(':').map(Number)
    step = gcd(step, gcd(h! * 60 + m!, slot.minutes))
  }
  return Math.max(5, step)
}

// ---- schedule.xml ----

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except lone
// surrogates and U+FFFE/U+FFFF; anything else cannot be written at all, not even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

export function scheduleXml(schedule: Schedule): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<schedule>']
  const el = (indent: number, name: string, value: string) =>
    out.push(`${' '.repeat(indent)}${value === '' ? `<${name}/>` : `<${name}>${xmlText(value)}</${name}>`}`)
  el(2, 'version', schedule.version)
  out.push('  <conference>')
  el(4, 'acronym', schedule.acronym)
  el(4, 'title', schedule.title)
  el(4, 'start', schedule.start)
  el(4, 'end', schedule.end)
  el(4, 'days', String(schedule.days.length))
  el(4, 'timeslot_duration', schedule.timeslotDuration)
  if (schedule.baseUrl) el(4, 'base_url', schedule.baseUrl)
  el(4, 'time_zone_name', schedule.timeZone)
  out.push('  </conference>')
  for (const day of schedule.days) {
    out.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`)
    for (const room of day.rooms) {
      out.push(`    <room name="${xmlText(room.name)}">`)
      for (const e of room.events) {
        out.push(`      <event guid="${e.guid}" id="${e.id}">`)
        el(8, 'date', e.date)
        el(8, 'start', e.start)
        el(8, 'duration', e.duration)
        el(8, 'room', e.room)
        el(8, 'slug', e.slug)
        if (e.url) el(8, 'url', e.url)
        el(8, 'title', e.title)
        el(8, 'subtitle', e.subtitle)
        el(8, 'track', e.track)
        el(8, 'type', e.type)
        el(8, 'language', e.language)
        el(8, 'abstract', e.abstract)
        el(8, 'description', e.description)
        if (e.persons.length === 0) out.push('        <persons/>')
        else {
          out.push('        <persons>')
          for (const p of e.persons) out.push(`          <person id="${p.id}">${xmlText(p.public_name)}</person>`)
          out.push('        </persons>')
        }
        out.push('        <links/>', '        <attachments/>', '      </event>')
      }
      out.push('    </room>')
    }
    out.push('  </day>')
  }
  out.push('</schedule>', '')
  return out.join('\n')
}

// ---- schedule.json ----

export function scheduleJson(schedule: Schedule): string {
  const event = (e: ScheduleEvent) => ({
    guid: e.guid,
    id: e.id,
    date: e.date,
    start: e.start,
    duration: e.duration,
    room: e.room,
    slug: e.slug,
    // Required by the schema: without a published page, the event's own URN still names it.
    url: e.url ?? `urn:uuid:${e.guid}`,
    title: e.title,
    subtitle: e.subtitle,
    track: e.track,
    type: e.type,
    language: e.language,
    abstract: e.abstract,
    description: e.description,
    persons: e.persons,
    links: [],
    attachments: [],
  })
  const body = {
    $schema: 'https://c3voc.de/schedule/schema.json',
    schedule: {
      version: schedule.version,
      ...(schedule.baseUrl ? { base_url: schedule.baseUrl } : {}),
      conference: {
        acronym: schedule.acronym,
        title: schedule.title,
        start: schedule.start,
        end: schedule.end,
        daysCount: schedule.days.length,
        timeslot_duration: schedule.timeslotDuration,
        time_zone_name: schedule.timeZone,
        rooms: schedule.rooms,
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: roomsObject(day.rooms.map((r) => [r.name, r.events.map(event)] as const)),
        })),
      },
    },
  }
  return JSON.stringify(body, null, 2) + '\n'
}

/** Rooms keyed by name; two rooms of the same name share one list, in time order. */
function roomsObject<T extends { date: string }>(rooms: (readonly [string, T[]])[]): Record<string, T[]> {
  const out: Record<string, T[]> = {}
  for (const [name, events] of rooms) {
    out[name] = [...(out[name] ?? []), ...events].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
  }
  return out
}
