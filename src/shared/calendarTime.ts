// Calendar arithmetic for bookings in the centre's time zone (design guide §3): converting between
// stored UTC instants and local wall-clock times, expanding recurring series, checking opening hours
// and finding free slots. Pure functions. Time-zone facts come from Temporal, so DST days come out
// right; on the many instants far from any clock change the zone's offset is constant, and there
// plain arithmetic on that offset gives Temporal's exact answer at a fraction of its cost (see
// "Fast path" below), which is what keeps a booking's rule check and "what is free" cheap.
//
// Conventions: an instant is epoch milliseconds; a local date is 'YYYY-MM-DD', a local time 'HH:MM'
// (24h); weekdays are ISO (1 = Monday … 7 = Sunday).
import { Temporal } from 'temporal-polyfill'

export interface TimeRange {
  from: string
  to: string
}

/** Seven days, index 0 = Monday; each day's ranges sorted and non-overlapping, an empty day = closed. */
export type OpeningHours = TimeRange[][]

export interface RecurrenceRule {
  freq: 'daily' | 'weekly'
  interval: number
  weekdays?: number[]
  until?: string
  count?: number
  skipDates?: string[]
}

export interface Occurrence {
  date: string
  startsAt: number
  endsAt: number
}

export interface Interval {
  startsAt: number
  endsAt: number
}

/** Upper bound on the occurrences one series may generate (skipped dates included). */
export const MAX_OCCURRENCES = 500

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const MINUTES_PER_DAY = 24 * 60
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/

// ---------------------------------------------------------------------------------------------
// Parsing and validation

function parseDate(date: string, what = 'date'): Temporal.PlainDate {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null
  if (!match) throw new RangeError(`Invalid ${what} ${JSON.stringify(date)}: expected YYYY-MM-DD`)
  try {
    // 'reject' so 2026-02-30 is an error instead of silently becoming 2026-02-28.
    return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: 'reject' })
  } catch {
    throw new RangeError(`Invalid ${what} ${JSON.stringify(date)}: no such calendar day`)
  }
}

/** 'HH:MM' → minutes since midnight; '24:00' (= 1440) only where `allowEndOfDay`. */
function parseTime(time: string, what = 'time', allowEndOfDay = false): number {
  if (allowEndOfDay && time === '24:00') return MINUTES_PER_DAY
  const match = typeof time === 'string' ? TIME_PATTERN.exec(time) : null
  if (!match) throw new RangeError(`Invalid ${what} ${JSON.stringify(time)}: expected HH:MM (00:00–23:59)`)
  return Number(match[1]) * 60 + Number(match[2])
}

function requireInstant(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`Invalid ${what}: ${String(value)}`)
}

function requireInteger(value: number, what: string, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`Invalid ${what}: ${String(value)} (expected an integer ≥ ${min})`)
  }
}

function requireWeekday(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 7) {
    throw new RangeError(`Invalid weekday ${String(value)}: expected 1 (Monday) … 7 (Sunday)`)
  }
}

interface ParsedRange {
  from: number
  to: number
}

// A machine's rules object is parsed once per rules version (equipmentService), so the same opening
// hours and closed dates arrive call after call: validate and parse them once per array.
const parsedHours = new WeakMap<OpeningHours, ParsedRange[][]>()
const parsedClosedDates = new WeakMap<string[], Set<string>>()

function parseOpeningHours(openingHours: OpeningHours): ParsedRange[][] {
  const cached = Array.isArray(openingHours) ? parsedHours.get(openingHours) : undefined
  if (cached) return cached
  const parsed = parseOpeningHoursOnce(openingHours)
  parsedHours.set(openingHours, parsed)
  return parsed
}

function parseOpeningHoursOnce(openingHours: OpeningHours): ParsedRange[][] {
  if (!Array.isArray(openingHours) || openingHours.length !== 7) {
    throw new RangeError('Opening hours must list exactly 7 days (index 0 = Monday)')
  }
  return openingHours.map((day, index) => {
    if (!Array.isArray(day)) throw new RangeError(`Opening hours for day ${index + 1} must be an array`)
    let previousEnd = -1
    return day.map((range) => {
      const from = parseTime(range.from, 'opening time')
      const to = parseTime(range.to, 'closing time', true)
      if (from >= to) throw new RangeError(`Opening range ${range.from}–${range.to} must end after it starts`)
      if (from < previousEnd) throw new RangeError(`Opening ranges of day ${index + 1} must be sorted and non-overlapping`)
      previousEnd = to
      return { from, to }
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Fast path: the zone's offset as a constant between two clock changes
//
// Temporal tells, for an instant, the zone's offset and the clock changes before and after it: in
// between, local wall-clock time is the instant plus that offset, exactly. Those spans (about two
// a year per zone) are cached, so most conversions are an addition and a lookup, and a wall-clock
// time near a clock change is resolved from the offsets on either side as Temporal itself does.
// Non-integer instants, years outside 1–9999 and two clock changes within a day take the Temporal
// path below. calendarTime.fastPath.test.ts checks both paths agree, DST days and odd zones included.

interface OffsetSpan {
  /** First instant of the span (a clock change, or -Infinity). */
  start: number
  /** First instant after it (the next clock change, or Infinity). */
  end: number
  /** Offset in ms: wall clock = instant + offset. */
  offset: number
}

const spansByZone = new Map<string, OffsetSpan[]>()
/** Plenty for centuries of one zone; a runaway caller cannot make the cache grow without bound. */
const MAX_SPANS_PER_ZONE = 512

/** The span of constant offset around an integer instant; throws Temporal's RangeError for a bad zone. */
function offsetSpan(instant: number, timeZone: string): OffsetSpan {
  const spans = spansByZone.get(timeZone)
  if (spans) {
    for (const span of spans) if (span.start <= instant && instant < span.end) return span
  }
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
  // 'previous' means strictly before, so ask from 1 ms later to catch a change at this very instant.
  const previous = Temporal.Instant.fromEpochMilliseconds(instant + 1)
    .toZonedDateTimeISO(timeZone)
    .getTimeZoneTransition('previous')
  const next = zoned.getTimeZoneTransition('next')
  const span = {
    start: previous ? previous.epochMilliseconds : -Infinity,
    end: next ? next.epochMilliseconds : Infinity,
    offset: zoned.offsetNanoseconds / 1_000_000,
  }
  // An offset with a fraction of a millisecond cannot be added to epoch milliseconds exactly.
  if (!Number.isInteger(span.offset)) return { start: instant, end: instant, offset: span.offset }
  if (!spans) spansByZone.set(timeZone, [span])
  else if (spans.length < MAX_SPANS_PER_ZONE) spans.push(span)
  else spansByZone.set(timeZone, [span])
  return span
}

/** Wall-clock ms (local time written as if it were UTC) of an instant, or null when the fast path does not apply. */
function fastWallClock(instant: number, timeZone: string): number | null {
  if (!Number.isInteger(instant) || instant < MIN_FAST_INSTANT || instant > MAX_FAST_INSTANT) return null
  const span = offsetSpan(instant, timeZone)
  return span.start <= instant && instant < span.end ? instant + span.offset : null
}

/** The instant of a wall-clock time when no clock change lies within a day of it (so it is unique), else null. */
function fastInstantOf(wallClock: number, timeZone: string): number | null {
  const found = possibleInstants(wallClock, timeZone)
  if (!found) return null
  // 'compatible': the earlier of a repeated time; in a gap, the time moved on by the gap's length.
  return found.instants.length > 0 ? found.instants[0]! : found.gapLater
}

/**
 * Every instant at which the zone's clock shows this wall-clock time (none in a spring-forward gap,
 * two in a repeated hour), earliest first, and for a gap the instant Temporal's 'later' gives.
 * Offsets stay within a day, so only instants within a day of the wall-clock time can show it;
 * with at most one clock change in that window, they are the two candidates below (Temporal's own
 * reasoning). With more than one change in the window, null: Temporal decides.
 */
function possibleInstants(wallClock: number, timeZone: string): { instants: number[]; gapLater: number } | null {
  if (wallClock < MIN_FAST_INSTANT || wallClock > MAX_FAST_INSTANT) return null
  const before = offsetSpan(wallClock - DAY_MS, timeZone)
  if (!(before.start <= wallClock - DAY_MS && wallClock - DAY_MS < before.end)) return null
  if (wallClock + DAY_MS < before.end) return { instants: [wallClock - before.offset], gapLater: wallClock - before.offset }
  const after = offsetSpan(wallClock + DAY_MS, timeZone)
  if (after.start !== before.end || !(wallClock + DAY_MS < after.end)) return null
  const instants: number[] = []
  for (const offset of before.offset > after.offset ? [before.offset, after.offset] : [after.offset, before.offset]) {
    const instant = wallClock - offset
    const span = instant < before.end ? before : after
    if (span.offset === offset && !instants.includes(instant)) instants.push(instant)
  }
  return { instants, gapLater: wallClock - before.offset }
}

// 0001-01-02 and 9999-12-30 UTC: a day inside the years that Temporal writes as 'YYYY-MM-DD'.
const MIN_FAST_INSTANT = -62_135_510_400_000
const MAX_FAST_INSTANT = 253_402_128_000_000

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function epochDaysOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** 'YYYY-MM-DD' of days since 1970-01-01 (H. Hinnant's civil_from_days). */
function dateKeyOf(epochDays: number): string {
  const z = epochDays + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  // Outside 0000–9999 Temporal writes a sign and six digits.
  const yearText =
    year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0')
  return `${yearText}-${pad2(month)}-${pad2(day)}`
}

/** ISO weekday (1 = Monday) of days since 1970-01-01, a Thursday. */
function weekdayOfEpochDays(epochDays: number): number {
  return ((((epochDays + 3) % 7) + 7) % 7) + 1
}

/** A local calendar day, as the fast path and the Temporal path both need it. */
interface LocalDay {
  epochDays: number
  key: string
  weekday: number
}

function localDayOfEpochDays(epochDays: number): LocalDay {
  return { epochDays, key: dateKeyOf(epochDays), weekday: weekdayOfEpochDays(epochDays) }
}

function plainDateOf(day: LocalDay): Temporal.PlainDate {
  return Temporal.PlainDate.from(day.key)
}

function localDayOfInstant(instant: number, timeZone: string): LocalDay {
  const wall = fastWallClock(instant, timeZone)
  if (wall !== null) return localDayOfEpochDays(Math.floor(wall / DAY_MS))
  const date = zonedOf(instant, timeZone).toPlainDate()
  return { epochDays: epochDaysOf(date.year, date.month, date.day), key: date.toString(), weekday: date.dayOfWeek }
}

/** Local minutes-of-day of a local day → instant, as localMinutesToInstant; 1440 = the next day's start. */
function localDayMinutesToInstant(day: LocalDay, minutes: number, timeZone: string): number {
  const fast = fastInstantOf(day.epochDays * DAY_MS + minutes * MINUTE_MS, timeZone)
  return fast ?? localMinutesToInstant(plainDateOf(day), minutes, timeZone)
}

// ---------------------------------------------------------------------------------------------
// Conversions

function plainTimeOf(minutes: number): Temporal.PlainTime {
  return new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60)
}

/** Local minutes-of-day → instant, 'compatible' disambiguation; 1440 means the next day's start. */
function localMinutesToInstant(date: Temporal.PlainDate, minutes: number, timeZone: string): number {
  const fast = fastInstantOf(epochDaysOf(date.year, date.month, date.day) * DAY_MS + minutes * MINUTE_MS, timeZone)
  if (fast !== null) return fast
  if (minutes >= MINUTES_PER_DAY) {
    // Start of the next day rather than "00:00": in a few zones midnight itself falls in a DST gap.
    return date.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds
  }
  return date.toPlainDateTime(plainTimeOf(minutes)).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds
}

function zonedOf(instant: number, timeZone: string): Temporal.ZonedDateTime {
  requireInstant(instant, 'instant')
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Local wall-clock → instant. A time in the spring-forward gap moves to the later valid time (02:30
 * becomes 03:30); a time in the repeated autumn hour takes the first (summer-time) occurrence.
 */
export function toInstant(date: string, time: string, timeZone: string): number {
  return localMinutesToInstant(parseDate(date), parseTime(time), timeZone)
}

/** Instant → local date, time (seconds are dropped, not rounded) and ISO weekday. */
export function toLocal(instant: number, timeZone: string): { date: string; time: string; weekday: number } {
  const wall = fastWallClock(instant, timeZone)
  if (wall !== null) {
    const epochDays = Math.floor(wall / DAY_MS)
    const minutes = Math.floor((wall - epochDays * DAY_MS) / MINUTE_MS)
    return {
      date: dateKeyOf(epochDays),
      time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`,
      weekday: weekdayOfEpochDays(epochDays),
    }
  }
  const zoned = zonedOf(instant, timeZone)
  return {
    date: zoned.toPlainDate().toString(),
    time: `${pad2(zoned.hour)}:${pad2(zoned.minute)}`,
    weekday: zoned.dayOfWeek,
  }
}

/** Real elapsed minutes from a to b (negative when b is earlier); a DST night is 7 or 9 hours. */
export function minutesBetween(a: number, b: number): number {
  requireInstant(a, 'instant')
  requireInstant(b, 'instant')
  return (b - a) / MINUTE_MS
}

/** True when the local wall-clock time (hours·60 + minutes, no stray seconds) is a multiple of slotMinutes. */
export function isAligned(instant: number, slotMinutes: number, timeZone: string): boolean {
  requireInteger(slotMinutes, 'slotMinutes', 1)
  const wall = fastWallClock(instant, timeZone)
  if (wall !== null) {
    const msOfDay = wall - Math.floor(wall / DAY_MS) * DAY_MS
    return msOfDay % MINUTE_MS === 0 && (msOfDay / MINUTE_MS) % slotMinutes === 0
  }
  const zoned = zonedOf(instant, timeZone)
  if (zoned.second !== 0 || zoned.millisecond !== 0) return false
  return (zoned.hour * 60 + zoned.minute) % slotMinutes === 0
}

// ---------------------------------------------------------------------------------------------
// Recurrence

/**
 * Expands a recurring series into occurrences. Each keeps its local wall-clock start (a 09:00 class
 * stays at 09:00 across DST) and lasts durationMinutes of real time. `count` is used up by skipped
 * dates too (like RFC 5545 EXDATE), and the cap applies to generated occurrences, skipped included.
 * With `weekdays`, `date` itself only counts when its weekday is listed; for 'daily' the list
 * filters the days.
 */
export function expandRecurrence(input: {
  date: string
  time: string
  durationMinutes: number
  timeZone: string
  rule: RecurrenceRule
}): Occurrence[] {
  const { rule, timeZone } = input
  const start = parseDate(input.date)
  const startMinutes = parseTime(input.time)
  requireInteger(input.durationMinutes, 'durationMinutes', 1)
  if (rule.freq !== 'daily' && rule.freq !== 'weekly') throw new RangeError(`Invalid freq ${JSON.stringify(rule.freq)}`)
  requireInteger(rule.interval, 'interval', 1)

  const hasUntil = rule.until !== undefined
  const hasCount = rule.count !== undefined
  if (hasUntil === hasCount) throw new RangeError('A recurrence rule needs exactly one of until and count')
  const until = hasUntil ? parseDate(rule.until as string, 'until date') : null
  if (until && Temporal.PlainDate.compare(until, start) < 0) {
    throw new RangeError(`The until date ${rule.until} lies before the first date ${input.date}`)
  }
  if (hasCount) {
    requireInteger(rule.count as number, 'count', 1)
    if ((rule.count as number) > MAX_OCCURRENCES) {
      throw new RangeError(`A series may have at most MAX_OCCURRENCES = ${MAX_OCCURRENCES} occurrences, count is ${rule.count}`)
    }
  }
  const count = hasCount ? (rule.count as number) : Infinity

  let weekdays: number[] | null = null
  if (rule.weekdays !== undefined) {
    if (!Array.isArray(rule.weekdays) || rule.weekdays.length === 0) {
      throw new RangeError('weekdays, when given, must list at least one weekday')
    }
    rule.weekdays.forEach(requireWeekday)
    weekdays = [...new Set(rule.weekdays)].sort((a, b) => a - b)
  }
  const skip = new Set((rule.skipDates ?? []).map((d) => parseDate(d, 'skip date').toString()))

  const dates =
    rule.freq === 'weekly' ? weeklyDates(start, rule.interval, weekdays ?? [start.dayOfWeek]) : dailyDates(start, rule.interval, weekdays)

  const occurrences: Occurrence[] = []
  let generated = 0
  for (const date of dates) {
    if (generated >= count) break
    if (until && Temporal.PlainDate.compare(date, until) > 0) break
    generated += 1
    if (generated > MAX_OCCURRENCES) {
      throw new RangeError(`A series may have at most MAX_OCCURRENCES = ${MAX_OCCURRENCES} occurrences; this rule generates more`)
    }
    const key = date.toString()
    if (skip.has(key)) continue
    const startsAt = localMinutesToInstant(date, startMinutes, timeZone)
    occurrences.push({ date: key, startsAt, endsAt: startsAt + input.durationMinutes * MINUTE_MS })
  }
  return occurrences
}

/** Listed weekdays of every interval-th week, weeks counted Monday-based from the week of `start`. */
function* weeklyDates(start: Temporal.PlainDate, interval: number, weekdays: number[]): Generator<Temporal.PlainDate> {
  const firstMonday = start.subtract({ days: start.dayOfWeek - 1 })
  for (let week = 0; ; week += interval) {
    const monday = firstMonday.add({ weeks: week })
    for (const weekday of weekdays) {
      const date = monday.add({ days: weekday - 1 })
      if (Temporal.PlainDate.compare(date, start) >= 0) yield date
    }
  }
}

function* dailyDates(start: Temporal.PlainDate, interval: number, weekdays: number[] | null): Generator<Temporal.PlainDate> {
  // Stepping by a multiple of 7 days never changes the weekday: a filter without it would loop forever.
  if (weekdays && interval % 7 === 0 && !weekdays.includes(start.dayOfWeek)) {
    throw new RangeError('This daily rule never lands on one of its weekdays')
  }
  for (let day = 0; ; day += interval) {
    const date = start.add({ days: day })
    if (!weekdays || weekdays.includes(date.dayOfWeek)) yield date
  }
}

// ---------------------------------------------------------------------------------------------
// Opening hours

/** A day's opening ranges as real-time [start, end) instants. */
function dayRangeInstants(day: LocalDay, ranges: ParsedRange[], timeZone: string): Interval[] {
  return ranges.map((range) => ({
    startsAt: localDayMinutesToInstant(day, range.from, timeZone),
    endsAt: localDayMinutesToInstant(day, range.to, timeZone),
  }))
}

function fitsOneRange(startsAt: number, endsAt: number, ranges: Interval[]): boolean {
  return ranges.some((range) => range.startsAt <= startsAt && endsAt <= range.endsAt)
}

/**
 * null when [startsAt, endsAt) lies inside one opening range of its local start day; a booking may
 * end exactly at closing time but not run past it, over a break or past midnight.
 */
export function checkOpeningHours(input: {
  startsAt: number
  endsAt: number
  openingHours: OpeningHours
  closedDates: string[]
  timeZone: string
}): null | { reason: 'closedDate' | 'outsideOpeningHours'; date: string } {
  requireInstant(input.startsAt, 'startsAt')
  requireInstant(input.endsAt, 'endsAt')
  if (input.endsAt <= input.startsAt) throw new RangeError('endsAt must be after startsAt')
  const hours = parseOpeningHours(input.openingHours)
  const closed = closedDateSet(input.closedDates)
  const day = localDayOfInstant(input.startsAt, input.timeZone)
  if (closed.has(day.key)) return { reason: 'closedDate', date: day.key }
  const ranges = dayRangeInstants(day, hours[day.weekday - 1] ?? [], input.timeZone)
  return fitsOneRange(input.startsAt, input.endsAt, ranges) ? null : { reason: 'outsideOpeningHours', date: day.key }
}

function closedDateSet(closedDates: string[]): Set<string> {
  if (!Array.isArray(closedDates)) throw new RangeError('closedDates must be an array of dates')
  const cached = parsedClosedDates.get(closedDates)
  if (cached) return cached
  const set = new Set(closedDates.map((d) => parseDate(d, 'closed date').toString()))
  parsedClosedDates.set(closedDates, set)
  return set
}

// ---------------------------------------------------------------------------------------------
// Free slots

/**
 * The first `limit` free slots in [from, to), in time order. Candidates step by slotMinutes of
 * local wall-clock time from each opening range's start; a wall-clock time skipped by DST yields no
 * candidate and a repeated one yields both. Busy intervals arrive already extended by their own
 * buffer; the new booking needs bufferMinutes after it as well.
 */
export function findFreeSlots(input: {
  from: number
  to: number
  durationMinutes: number
  slotMinutes: number
  bufferMinutes: number
  openingHours: OpeningHours
  closedDates: string[]
  timeZone: string
  busy: Interval[]
  limit: number
  notBefore?: number
}): Interval[] {
  const { timeZone } = input
  requireInstant(input.from, 'from')
  requireInstant(input.to, 'to')
  if (input.to < input.from) throw new RangeError('to must not be before from')
  requireInteger(input.durationMinutes, 'durationMinutes', 1)
  requireInteger(input.slotMinutes, 'slotMinutes', 1)
  requireInteger(input.bufferMinutes, 'bufferMinutes', 0)
  requireInteger(input.limit, 'limit', 0)
  if (input.notBefore !== undefined) requireInstant(input.notBefore, 'notBefore')
  const hours = parseOpeningHours(input.openingHours)
  const closed = closedDateSet(input.closedDates)
  const conflicts = busyIndex(input.busy)

  const earliest = Math.max(input.from, input.notBefore ?? input.from)
  const duration = input.durationMinutes * MINUTE_MS
  const tail = duration + input.bufferMinutes * MINUTE_MS
  const slots: Interval[] = []
  if (input.limit === 0 || earliest >= input.to) return slots

  const lastDay = localDayOfInstant(input.to - 1, timeZone).epochDays
  for (let epochDays = localDayOfInstant(earliest, timeZone).epochDays; epochDays <= lastDay; epochDays++) {
    const day = localDayOfEpochDays(epochDays)
    if (closed.has(day.key)) continue
    const dayRanges = hours[day.weekday - 1] ?? []
    if (dayRanges.length === 0) continue
    const rangeInstants = dayRangeInstants(day, dayRanges, timeZone)
    // Every candidate lies on this local date, so sorting per day keeps the whole result ordered.
    const starts = dayCandidates(day, dayRanges, input.slotMinutes, timeZone).sort((a, b) => a - b)
    let previous = -Infinity
    for (const s of starts) {
      if (s === previous) continue
      previous = s
      if (s < earliest || s >= input.to) continue
      if (!fitsOneRange(s, s + duration, rangeInstants)) continue
      if (conflicts(s, s + tail)) continue
      slots.push({ startsAt: s, endsAt: s + duration })
      if (slots.length >= input.limit) return slots
    }
  }
  return slots
}

/** Candidate start instants of one local day: every slot step from each range's opening time. */
function dayCandidates(day: LocalDay, ranges: ParsedRange[], slotMinutes: number, timeZone: string): number[] {
  const starts: number[] = []
  // A day without a clock change (one offset from its start to its end) maps every local minute
  // straight onto an instant, without asking Temporal at all.
  const dayStart = fastInstantOf(day.epochDays * DAY_MS, timeZone)
  const dayEnd = fastInstantOf((day.epochDays + 1) * DAY_MS, timeZone)
  const span = dayStart === null ? null : offsetSpan(dayStart, timeZone)
  if (dayStart !== null && dayEnd !== null && span && dayEnd - dayStart === DAY_MS && span.start <= dayStart && dayEnd <= span.end) {
    for (const range of ranges) {
      for (let minutes = range.from; minutes < range.to; minutes += slotMinutes) starts.push(dayStart + minutes * MINUTE_MS)
    }
    return starts
  }
  // Near a clock change: each wall-clock time's instants, from the cached offsets where one change
  // at most lies within a day (always, in practice); in a gap a time has none, so no candidate.
  const fastStarts: number[] = []
  let fast = true
  for (const range of ranges) {
    for (let minutes = range.from; minutes < range.to && fast; minutes += slotMinutes) {
      const found = possibleInstants(day.epochDays * DAY_MS + minutes * MINUTE_MS, timeZone)
      if (found) fastStarts.push(...found.instants)
      else fast = false
    }
  }
  if (fast) return fastStarts
  const date = plainDateOf(day)
  // On an ordinary day (24 real hours, no clock change) local minutes map straight onto instants:
  // one time-zone conversion per day instead of two per candidate, which dominated "what is free".
  const midnight = date.toZonedDateTime({ timeZone }).epochMilliseconds
  const nextMidnight = date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds
  if (nextMidnight - midnight === DAY_MS) {
    for (const range of ranges) {
      for (let minutes = range.from; minutes < range.to; minutes += slotMinutes) starts.push(midnight + minutes * MINUTE_MS)
    }
    return starts
  }
  for (const range of ranges) {
    for (let minutes = range.from; minutes < range.to; minutes += slotMinutes) {
      const wallClock = date.toPlainDateTime(plainTimeOf(minutes))
      const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: 'earlier' })
      // In a spring-forward gap the wall-clock time does not exist; offering its shifted twin would
      // break the slot grid, so the gap simply has no candidates.
      if (!earlier.toPlainDateTime().equals(wallClock)) continue
      starts.push(earlier.epochMilliseconds)
      const later = wallClock.toZonedDateTime(timeZone, { disambiguation: 'later' })
      if (later.epochMilliseconds !== earlier.epochMilliseconds) starts.push(later.epochMilliseconds)
    }
  }
  return starts
}

/**
 * Returns a test "does [s, e) clash with any busy interval", i.e. some b has b.startsAt < e and
 * b.endsAt > s. With busy sorted by start once, the intervals starting before e form a prefix, so a
 * binary search plus a prefix maximum of their ends answers each query in O(log n).
 */
function busyIndex(busy: Interval[]): (s: number, e: number) => boolean {
  if (!Array.isArray(busy)) throw new RangeError('busy must be an array of intervals')
  const sorted = busy
    .map((b) => {
      requireInstant(b.startsAt, 'busy startsAt')
      requireInstant(b.endsAt, 'busy endsAt')
      return { startsAt: b.startsAt, endsAt: b.endsAt }
    })
    .sort((a, b) => a.startsAt - b.startsAt)
  const starts = sorted.map((b) => b.startsAt)
  const maxEnd: number[] = []
  let running = -Infinity
  for (const b of sorted) {
    running = Math.max(running, b.endsAt)
    maxEnd.push(running)
  }
  return (s, e) => {
    // Number of busy intervals with startsAt < e.
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((starts[mid] as number) < e) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && (maxEnd[lo - 1] as number) > s
  }
}
