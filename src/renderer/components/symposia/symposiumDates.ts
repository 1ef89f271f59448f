// Small shared pieces of the symposium screens: where an edition stands on the calendar (the call
// and registration windows, the days themselves) in the centre's time zone, date spans as people
// read them, and euro amounts typed the way people type them.
import { toLocal } from '../../../shared/calendarTime'
import type { EditionSummary } from '../../../shared/symposia'
import { displayTimeZone } from '../../i18n/format'
import { i18n } from '../../i18n'

export type WindowState = 'upcoming' | 'open' | 'closed'
export type EditionPhase = 'upcoming' | 'running' | 'past'

/** Today's date at the centre, not on this device. */
export function centreToday(): string {
  return toLocal(Date.now(), displayTimeZone()).date
}

/** Whether a window (both ends inclusive, local dates) is still to come, open, or over. */
export function windowState(opensOn: string, closesOn: string, today = centreToday()): WindowState {
  if (today < opensOn) return 'upcoming'
  return today > closesOn ? 'closed' : 'open'
}

export function editionPhase(edition: Pick<EditionSummary, 'dates'>, today = centreToday()): EditionPhase {
  if (today < edition.dates[0]!) return 'upcoming'
  return today > edition.dates.at(-1)! ? 'past' : 'running'
}

const locale = () => (i18n.global.locale.value === 'nl' ? 'nl-NL' : 'en-GB')
const asDate = (date: string) => new Date(date + 'T12:00:00Z')

/** "10 – 12 juni 2027", or one day in full. */
export function formatDateSpan(first: string, last: string): string {
  const format = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return first === last ? format.format(asDate(first)) : format.formatRange(asDate(first), asDate(last))
}

/** "15 jan. 2027": short enough for a card, with the year so nobody has to guess. */
export function formatShortDate(date: string): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(asDate(date))
}

/** Adds days to a local date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T12:00:00Z') + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Euros as typed into a field, to cents: "1.250,50", "1250.5", "€ 80" and "80,-" all work. A lone
 * separator followed by one or two digits is the decimal one; others group thousands. Null when
 * it is not an amount.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[€\s\u00a0]/g, '').replace(/,-$|\.-$/, '')
  if (!/^\d[\d.,]*$/.test(cleaned)) return null
  const decimal = /[.,](\d{1,2})$/.exec(cleaned)
  const whole = (decimal ? cleaned.slice(0, -decimal[0].length) : cleaned).replace(/[.,]/g, '')
  if (!/^\d+$/.test(whole)) return null
  const cents = Number(whole) * 100 + (decimal ? Number(decimal[1]!.padEnd(2, '0')) : 0)
  return Number.isSafeInteger(cents) ? cents : null
}

/** Cents as the text of an input field: "1250,50" in Dutch, "1250.50" in English, no grouping. */
export function centsToInput(cents: number | null): string {
  if (cents === null) return ''
  const text = (cents / 100).toFixed(2).replace(/\.00$/, '')
  return i18n.global.locale.value === 'nl' ? text.replace('.', ',') : text
}

/** A review score or spread with one decimal: "3,7" in Dutch. */
export function formatScore(value: number): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
}
