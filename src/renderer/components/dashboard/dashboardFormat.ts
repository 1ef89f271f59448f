// Times on the dashboard as people say them: "14:00", "morgen 09:30", "wo 4 mrt 10:00", "over 3 dagen",
// always in the centre's time zone and measured from the core's "now". Intl only: the start screen
// does not load the calendar library or Temporal.
import { i18n } from '../../i18n'

const locale = () => (i18n.global.locale.value === 'nl' ? 'nl-NL' : 'en-GB')
const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key))

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale() + zone + JSON.stringify(options)
  let found = formatters.get(key)
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale(), { ...options, timeZone: zone })))
  return found
}

/** The local date ('YYYY-MM-DD') of an instant in the zone. */
export function localDateOf(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(iso),
  )
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The local hour (0–23) of an instant in the zone. */
export function localHourOf(iso: string, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)))
}

export function time(iso: string, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(date + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86_400_000)
}

/** A calendar day without its year: "wo 4 mrt". */
export function day(date: string): string {
  return formatter('UTC', { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(date + 'T12:00:00Z'))
}

/** "14:00" today, "morgen 09:30", else "wo 4 mrt 10:00". */
export function when(iso: string, today: string, zone: string): string {
  const date = localDateOf(iso, zone)
  const difference = daysFrom(today, date)
  if (difference === 0) return t('dashboardUi.when.today', { time: time(iso, zone) })
  if (difference === 1) return t('dashboardUi.when.tomorrow', { time: time(iso, zone) })
  return `${day(date)} ${time(iso, zone)}`
}

/** "vandaag", "morgen", "over 12 dagen". */
export function inDays(days: number): string {
  if (days === 0) return t('dashboardUi.when.todayPlain')
  if (days === 1) return t('dashboardUi.when.tomorrowPlain')
  return t('dashboardUi.when.inDays', { n: days })
}

/** "5 min geleden", "3 uur geleden", "gisteren", "12 dagen geleden", from the core's now. */
export function ago(iso: string, nowIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(nowIso) - Date.parse(iso)) / 60_000))
  const relative = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' })
  if (minutes < 60) return relative.format(-minutes, 'minute')
  if (minutes < 24 * 60) return relative.format(-Math.round(minutes / 60), 'hour')
  const days = Math.round(minutes / (24 * 60))
  if (days < 45) return relative.format(-days, 'day')
  return relative.format(-Math.round(days / 30), 'month')
}
