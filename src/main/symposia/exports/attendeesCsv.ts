// The attendee list as CSV for Excel, LibreOffice and mail merges.
//
// Semicolon-separated, because Excel with a Dutch (or any decimal-comma) locale splits CSV on its
// list separator, which is ';' there: a ','-file opens as one column. Otherwise RFC 4180: CRLF
// line ends, fields with a separator, quote or line break in double quotes, quotes doubled. UTF-8
// with a byte-order mark, without which Excel reads the file as Windows-1252 and garbles "Zoë".
// A cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
// spreadsheet shows it as text instead of running it as a formula (CSV injection).
import type { Registration } from '../../../shared/symposia'
import type { ExportLabels } from './labels'

export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function attendeesCsv(
  registrations: Registration[],
  workshopTitles: Map<number, string>,
  L: ExportLabels,
  dateTime: (ms: number) => string,
): string {
  const c = L.csv
  const header = [
    c.name,
    c.email,
    c.role,
    c.organisation,
    c.dietary,
    c.status,
    c.waitlistPosition,
    c.registeredAt,
    c.checkedInDays,
    c.workshops,
  ]
  // Registered first, then the waitlist in its order; cancelled registrations are no attendees.
  const rows = registrations
    .filter((r) => r.status !== 'cancelled')
    .sort(
      (a, b) =>
        Number(a.status === 'waitlisted') - Number(b.status === 'waitlisted') ||
        (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
        a.name.localeCompare(b.name, L.locale),
    )
    .map((r) => [
      r.name,
      r.email ?? '',
      L.roles[r.role],
      r.organisation ?? '',
      r.dietary,
      L.statuses[r.status],
      r.waitlistPosition === null ? '' : String(r.waitlistPosition),
      dateTime(Date.parse(r.registeredAt)),
      r.checkedInDays.join(', '),
      r.workshops
        .filter((w) => w.status === 'registered')
        .map((w) => workshopTitles.get(w.slotId) ?? String(w.slotId))
        .join(', '),
    ])
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n'
}
