// Dates, times and money as people read them: in the interface language and the centre's time zone
// (not the device's: a booking at 09:00 in Amsterdam reads 09:00 on every laptop of the centre).
import { ref } from 'vue'
import { DEFAULT_TIME_ZONE } from '../../shared/settings'
import { i18n } from './index'

// Reactive, so calendars and lists re-render when the centre's setting arrives or changes.
const centreTimeZone = ref(DEFAULT_TIME_ZONE)

export function setDisplayTimeZone(zone: string): void {
  centreTimeZone.value = zone
}

export function displayTimeZone(): string {
  return centreTimeZone.value
}

const locale = () => (i18n.global.locale.value === 'nl' ? 'nl-NL' : 'en-GB')

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: centreTimeZone.value,
  }).format(new Date(iso))
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: centreTimeZone.value }).format(new Date(iso))
}

export function formatDate(isoOrDate: string): string {
  // A bare local date ('2026-03-03') is a calendar day, not an instant: format it as such.
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(isoOrDate + 'T12:00:00Z') : new Date(isoOrDate)
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? 'UTC' : centreTimeZone.value
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(
    value,
  )
}

/** "di 3 mrt 10:00 – 12:00" when both ends fall on one day, else both in full. */
export function formatRange(startIso: string, endIso: string): string {
  const sameDay = formatDate(startIso) === formatDate(endIso)
  return `${formatDateTime(startIso)} – ${sameDay ? formatTime(endIso) : formatDateTime(endIso)}`
}

export function formatMoney(cents: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100)
}
