// A report's period: presets resolved against today in the centre's time zone, two local dates
// checked (order, length, not in the future), and the calendar facts the report needs (its months,
// each month's first instant, every local day). Dates are pure calendar arithmetic on 'YYYY-MM-DD';
// only the step to instants goes through the time zone (calendarTime.ts).
import { toInstant, toLocal } from '../../shared/calendarTime'
import { REPORT_MAX_DAYS, type ReportPeriod } from '../../shared/reports'
import { AppError } from '../errors'

const DAY_MS = 86_400_000

const epochDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)
export const addDays = (date: string, days: number) => dateOf(epochDay(date) + days)
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string) => ((new Date(epochDay(date) * DAY_MS).getUTCDay() + 6) % 7) + 1
const pad = (n: number) => String(n).padStart(2, '0')
const lastOfMonth = (year: number, month: number) => dateOf(Date.UTC(year, month, 0) / DAY_MS)

export interface ResolvedPeriod {
  from: string
  to: string
  /** Instants: the first moment of `from` and of the day after `to`. */
  start: number
  end: number
  /** 'YYYY-MM' of every month the period touches, in order. */
  months: string[]
  /** The first instant of each month within the period (the first is `start`). */
  monthStarts: number[]
  days: string[]
}

export function resolvePeriod(period: ReportPeriod, now: number, timeZone: string): ResolvedPeriod {
  const today = toLocal(now, timeZone).date
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  let from: string
  let to: string
  if (period.kind === 'range') {
    ;({ from, to } = period)
  } else if (period.preset === 'lastYear') {
    from = `${year - 1}-01-01`
    to = `${year - 1}-12-31`
  } else if (period.preset === 'thisYear') {
    from = `${year}-01-01`
    to = today
  } else if (period.preset === 'lastMonth') {
    const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1]
    from = `${y}-${pad(m)}-01`
    to = lastOfMonth(y, m)
  } else {
    const quarter = Math.floor((month - 1) / 3) // 0..3, this quarter
    const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1]
    from = `${y}-${pad(q * 3 + 1)}-01`
    to = lastOfMonth(y, q * 3 + 3)
  }
  if (to < from) throw new AppError('VALIDATION', 'The period ends before it starts', { reason: 'periodOrder', from, to })
  const length = epochDay(to) - epochDay(from) + 1
  if (length > REPORT_MAX_DAYS) {
    throw new AppError('VALIDATION', `A report covers at most ${REPORT_MAX_DAYS} days; this period has ${length}`, {
      reason: 'periodTooLong',
      days: length,
      max: REPORT_MAX_DAYS,
    })
  }
  if (to > today) throw new AppError('VALIDATION', `A report ends today (${today}) at the latest`, { reason: 'periodInFuture', today })

  const days: string[] = []
  for (let d = epochDay(from), last = epochDay(to); d <= last; d++) days.push(dateOf(d))
  const months: string[] = []
  const monthStarts: number[] = []
  for (const day of days) {
    const key = day.slice(0, 7)
    if (months[months.length - 1] !== key) {
      months.push(key)
      monthStarts.push(toInstant(day, '00:00', timeZone))
    }
  }
  return { from, to, start: monthStarts[0]!, end: toInstant(addDays(to, 1), '00:00', timeZone), months, monthStarts, days }
}

/** The index of the month an instant inside the period falls in (binary search over monthStarts). */
export function monthIndexOf(period: ResolvedPeriod, instant: number): number {
  const starts = period.monthStarts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= instant) low = mid
    else high = mid - 1
  }
  return low
}
