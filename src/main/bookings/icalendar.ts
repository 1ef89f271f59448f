// iCalendar (RFC 5545) export of bookings. Owns the text format only: the VCALENDAR/VTIMEZONE/VEVENT
// layout, TEXT escaping, CRLF line folding by UTF-8 octets, and the time-zone observances that are
// derived from the real offset transitions via Temporal. Pure: no I/O, "now" comes from the caller.
import { Temporal } from 'temporal-polyfill'

export interface IcsEvent {
  uid: string // stable, e.g. 'booking-42@werkbank'
  sequence: number // raised by the caller on every change
  startsAt: number // epoch ms
  endsAt: number // epoch ms
  summary: string
  description?: string
  location?: string
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  lastModified: number // epoch ms
  categories?: string[]
}

const CRLF = '\r\n'
// RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break.
const MAX_LINE_OCTETS = 75

export function buildICalendar(input: { name: string; timeZone: string; events: IcsEvent[]; now: number }): string {
  const zone = zoneIdentifier(input.timeZone)
  const now = wholeSeconds(input.now, 'now')
  const events = input.events.map((event) => checkedEvent(event))
  const seen = new Set<string>()
  for (const event of events) {
    // Within one calendar a UID names one event; a repeat would make clients drop or merge bookings.
    if (seen.has(event.uid)) throw new RangeError(`Duplicate event UID: ${event.uid}`)
    seen.add(event.uid)
  }

  const [fromYear, toYear] = coveredYears(zone, events, now)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Werkbank//Werkbank//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:' + escapeText(input.name),
    'X-WR-TIMEZONE:' + escapeText(zone),
    ...timeZoneLines(zone, fromYear, toYear),
    ...events.flatMap((event) => eventLines(event, zone, now)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('')
}

// ---------------------------------------------------------------------------------------------
// Events

function checkedEvent(event: IcsEvent): IcsEvent {
  if (escapeText(event.uid) === '') throw new RangeError('Event UID must not be empty')
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${event.sequence} (${event.uid})`)
  }
  const startsAt = wholeSeconds(event.startsAt, 'startsAt')
  const endsAt = wholeSeconds(event.endsAt, 'endsAt')
  // §3.8.2.2: DTEND MUST be later than DTSTART; compared after truncation, since that is what is written.
  if (endsAt <= startsAt) throw new RangeError(`Event ${event.uid} must end after it starts`)
  return { ...event, startsAt, endsAt, lastModified: wholeSeconds(event.lastModified, 'lastModified') }
}

function eventLines(event: IcsEvent, zone: string, now: number): string[] {
  const lines = [
    'BEGIN:VEVENT',
    'UID:' + escapeText(event.uid),
    'DTSTAMP:' + utcDateTime(now),
    zonedDateTime('DTSTART', event.startsAt, zone),
    zonedDateTime('DTEND', event.endsAt, zone),
    'SUMMARY:' + escapeText(event.summary),
  ]
  const description = escapeText(event.description ?? '')
  if (description !== '') lines.push('DESCRIPTION:' + description)
  const location = escapeText(event.location ?? '')
  if (location !== '') lines.push('LOCATION:' + location)
  // CATEGORIES is a list: the separating commas stay bare, commas inside a category are escaped.
  const categories = (event.categories ?? []).map(escapeText).filter((category) => category !== '')
  if (categories.length > 0) lines.push('CATEGORIES:' + categories.join(','))
  lines.push('STATUS:' + event.status, 'SEQUENCE:' + event.sequence, 'LAST-MODIFIED:' + utcDateTime(event.lastModified), 'END:VEVENT')
  return lines
}

// A local time in the hour that repeats when clocks go back names two instants. RFC 5545 (§3.3.5)
// means the first, but readers differ (ical.js takes the second), so such times are written in UTC,
// which every reader places exactly. All other times keep the zone, as calendar programs expect.
function zonedDateTime(name: string, epochMs: number, zone: string): string {
  const wall = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDateTime()
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' })
  const later = wall.toZonedDateTime(zone, { disambiguation: 'later' })
  if (earlier.epochNanoseconds !== later.epochNanoseconds) return `${name}:${utcDateTime(epochMs)}`
  return `${name};TZID=${parameterValue(zone)}:${localDateTime(wall)}`
}

// ---------------------------------------------------------------------------------------------
// Time zone

function zoneIdentifier(timeZone: string): string {
  // Temporal validates the name and normalises its case; offset zones ('+01:00') are not IANA names.
  const id = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId
  if (/^[+-]/.test(id)) throw new RangeError(`Expected an IANA time zone name, got ${timeZone}`)
  return id
}

function coveredYears(zone: string, events: IcsEvent[], now: number): [number, number] {
  if (events.length === 0) {
    const year = yearIn(zone, now)
    return [year, year]
  }
  // A loop rather than Math.min(...spread), which overflows the stack for very long exports.
  let first = Infinity
  let last = -Infinity
  for (const event of events) {
    first = Math.min(first, yearIn(zone, event.startsAt))
    last = Math.max(last, yearIn(zone, event.endsAt))
  }
  return [first - 1, last + 1]
}

function yearIn(zone: string, epochMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).year
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT'
  onset: Temporal.PlainDateTime // wall-clock time just before the change, as §3.6.5 wants for DTSTART
  offsetFrom: number // seconds east of UTC
  offsetTo: number
  name: string | undefined
}

function timeZoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', 'TZID:' + escapeText(zone)]
  for (const observance of observances(zone, fromYear, toYear)) {
    lines.push(
      'BEGIN:' + observance.kind,
      'DTSTART:' + localDateTime(observance.onset),
      'TZOFFSETFROM:' + utcOffset(observance.offsetFrom),
      'TZOFFSETTO:' + utcOffset(observance.offsetTo),
    )
    if (observance.name !== undefined) lines.push('TZNAME:' + escapeText(observance.name))
    lines.push('END:' + observance.kind)
  }
  lines.push('END:VTIMEZONE')
  return lines
}

// Every real offset change from 1 January of `fromYear` up to 1 January of `toYear + 1`, preceded by
// the change that put the zone in the offset it has on that first day: without it the start of the
// range has no rule, and readers guess (ical.js takes UTC for times before the first observance).
function observances(zone: string, fromYear: number, toYear: number): Observance[] {
  const rangeStart = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime(zone)
  const rangeEnd = Temporal.PlainDate.from({ year: toYear + 1, month: 1, day: 1 }).toZonedDateTime(zone)

  // 'previous' looks strictly before, so step one nanosecond on to catch a change exactly at the start.
  const inForce = atInstant(rangeStart.epochNanoseconds + 1n, zone).getTimeZoneTransition('previous')
  const changes: Temporal.ZonedDateTime[] = inForce ? [inForce] : []
  let next = rangeStart.getTimeZoneTransition('next')
  while (next && Temporal.ZonedDateTime.compare(next, rangeEnd) < 0) {
    changes.push(next)
    next = next.getTimeZoneTransition('next')
  }

  if (changes.length === 0) {
    // A zone that never changed offset (UTC, Etc/GMT+5) still needs one observance to be usable.
    const offset = offsetSeconds(rangeStart)
    return [
      {
        kind: 'STANDARD',
        onset: Temporal.PlainDateTime.from({ year: 1970, month: 1, day: 1 }),
        offsetFrom: offset,
        offsetTo: offset,
        name: abbreviation(zone, rangeStart.epochMilliseconds),
      },
    ]
  }

  return changes.map((change, index) => {
    const offsetFrom = offsetSeconds(atInstant(change.epochNanoseconds - 1n, zone))
    const offsetTo = offsetSeconds(change)
    const following = changes[index + 1] ?? next
    return {
      kind: isDaylight(offsetFrom, offsetTo, following) ? 'DAYLIGHT' : 'STANDARD',
      onset: atInstant(change.epochNanoseconds + BigInt(offsetFrom) * 1_000_000_000n, 'UTC').toPlainDateTime(),
      offsetFrom,
      offsetTo,
      // Name the observance as it is within the range: ICU only knows modern abbreviations.
      name: abbreviation(zone, Math.max(change.epochMilliseconds, rangeStart.epochMilliseconds)),
    }
  })
}

// Temporal reports offsets, not DST flags. A period counts as daylight time when it is a temporary
// step up: ahead of the offset before it and of the one after it. A permanent change (no later
// transition, or no return) is standard time.
function isDaylight(offsetFrom: number, offsetTo: number, following: Temporal.ZonedDateTime | null): boolean {
  return following !== null && offsetTo > offsetFrom && offsetTo > offsetSeconds(following)
}

function atInstant(epochNanoseconds: bigint, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochNanoseconds(epochNanoseconds).toZonedDateTimeISO(zone)
}

function offsetSeconds(zoned: Temporal.ZonedDateTime): number {
  return Math.round(zoned.offsetNanoseconds / 1e9)
}

// English locales whose ICU data carry letter abbreviations for their own regions (CET/CEST via
// en-GB, EST via en-US, IST via en-IN, AEST via en-AU); elsewhere ICU falls back to 'GMT+1'-style
// text, which says nothing the offsets do not, so TZNAME is then left out.
const NAMING_LOCALES = ['en-US', 'en-GB', 'en-IE', 'en-CA', 'en-AU', 'en-NZ', 'en-IN', 'en-ZA']

function abbreviation(zone: string, epochMs: number): string | undefined {
  for (const locale of NAMING_LOCALES) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(epochMs)
    const name = parts.find((part) => part.type === 'timeZoneName')?.value
    if (name !== undefined && /^[A-Z]{2,6}$/.test(name)) return name
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Value formats

function wholeSeconds(epochMs: number, what: string): number {
  if (!Number.isFinite(epochMs)) throw new RangeError(`${what} must be a finite epoch-millisecond value`)
  // DATE-TIME has whole seconds only; flooring keeps a time inside the second it belongs to.
  return Math.floor(epochMs / 1000) * 1000
}

function utcDateTime(epochMs: number): string {
  return localDateTime(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO('UTC').toPlainDateTime()) + 'Z'
}

function localDateTime(wall: Temporal.PlainDateTime): string {
  // DATE has exactly four year digits (§3.3.4); anything else would be silently misread.
  if (wall.year < 0 || wall.year > 9999) throw new RangeError(`Year ${wall.year} cannot be written in iCalendar`)
  return pad(wall.year, 4) + pad(wall.month) + pad(wall.day) + 'T' + pad(wall.hour) + pad(wall.minute) + pad(wall.second)
}

function utcOffset(seconds: number): string {
  // §3.3.14: "-0000" is not allowed, so zero is always written with a plus sign.
  const sign = seconds < 0 ? '-' : '+'
  const abs = Math.abs(seconds)
  const hours = Math.floor(abs / 3600)
  const minutes = Math.floor((abs % 3600) / 60)
  const rest = abs % 60
  return sign + pad(hours) + pad(minutes) + (rest === 0 ? '' : pad(rest))
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

// A parameter value containing ':', ';' or ',' must be quoted (§3.1); IANA names never do, but the
// guard costs nothing. DQUOTE itself cannot occur in a parameter value, so it is dropped.
function parameterValue(value: string): string {
  const clean = value.replace(/"/g, '')
  return /[:;,]/.test(clean) ? `"${clean}"` : clean
}

// Lone UTF-16 surrogates cannot be encoded as UTF-8; they become U+FFFD like TextEncoder would.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// CONTROL in §3.1 is everything below U+0020 except HTAB, plus DEL; C1 controls are no better.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

// TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks are escaped, other
// control characters cannot be represented and are removed.
function escapeText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : '\\' + char))
}

// Folding (§3.1): at most 75 octets per physical line, continuation lines begin with one space
// (which counts). Breaks fall between code points, so no UTF-8 sequence or surrogate pair is cut,
// and never inside a backslash escape, which some readers parse before unfolding.
function foldLine(line: string): string {
  const physical: string[] = []
  let current = ''
  let octets = 0
  let limit = MAX_LINE_OCTETS
  for (const unit of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = utf8Length(unit)
    if (octets + size > limit) {
      physical.push(current)
      current = ''
      octets = 0
      limit = MAX_LINE_OCTETS - 1
    }
    current += unit
    octets += size
  }
  physical.push(current)
  return physical.join(CRLF + ' ') + CRLF
}

function utf8Length(text: string): number {
  let octets = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    octets += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return octets
}
