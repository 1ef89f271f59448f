// Event times in FullCalendar as "09:30" or "09:30–12:00", from the wall-clock fields it has
// already computed in the centre's zone. An options object ({ hour: '2-digit', … }) made
// FullCalendar build Intl formatters while laying out every event of a busy week (a third of the
// time of the 300-event week in `npm run bench`); this is plain arithmetic.
import type { VerboseFormattingArg } from '@fullcalendar/core/internal'

const hhmm = (d: { hour: number; minute: number }) => `${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`

export function clockTime(arg: VerboseFormattingArg): string {
  return arg.end ? `${hhmm(arg.start)}–${hhmm(arg.end)}` : hhmm(arg.date)
}
