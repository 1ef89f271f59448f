// Local dates and times in the centre's zone for the generator, fast enough for a million
// candidate bookings: Temporal (through the core's calendarTime) is asked once per date, and
// times within a day are offsets from local noon, which is right on every day without a DST change.
import { toInstant, toLocal } from '../../src/shared/calendarTime'
import { BENCH_NOW, DAY_MS, MINUTE_MS } from './clock'
import type { Scale } from './types'

export const ZONE = 'Europe/Amsterdam'
/** How far the generated future reaches (the longest booking horizon of the bench machines is 90 days). */
export const FUTURE_DAYS = 90

/** 'YYYY-MM-DD' plus n days (pure calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(Date.parse(date)).getUTCDay() + 6) % 7) + 1
}

export const localDateOf = (instant: number) => toLocal(instant, ZONE).date

export interface CentreSpan {
  /** First local date with history. */
  firstDate: string
  /** The local date of BENCH_NOW. */
  today: string
  /** Last local date with (future) bookings. */
  lastDate: string
  start: number
  now: number
}

export function spanOf(scale: Scale): CentreSpan {
  const firstDate = localDateOf(BENCH_NOW - Math.round(scale.years * 365.25) * DAY_MS)
  const today = localDateOf(BENCH_NOW)
  return { firstDate, today, lastDate: addDays(today, FUTURE_DAYS), start: toInstant(firstDate, '00:00', ZONE), now: BENCH_NOW }
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Local minutes of one date → instants. */
export class LocalDay {
  readonly weekday: number
  /** False on the two days a year the clocks change; their night hours are best avoided. */
  readonly regular: boolean
  private readonly noon: number

  constructor(readonly date: string) {
    this.weekday = weekdayOf(date)
    this.noon = toInstant(date, '12:00', ZONE)
    const midnight = toInstant(date, '00:00', ZONE)
    const next = toInstant(addDays(date, 1), '00:00', ZONE)
    this.regular = next - midnight === DAY_MS && this.noon - midnight === 12 * 60 * MINUTE_MS
  }

  /** The instant of a local time given as minutes since midnight (1440: the next day's start). */
  at(minutes: number): number {
    if (this.regular) return this.noon + (minutes - 720) * MINUTE_MS
    if (minutes >= 1440) return toInstant(addDays(this.date, 1), '00:00', ZONE)
    return toInstant(this.date, hhmm(minutes), ZONE)
  }
}
