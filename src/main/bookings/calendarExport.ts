// iCalendar export of bookings per machine, per person or for the whole centre: from 90 days back
// to a year ahead, cancelled bookings included (STATUS:CANCELLED) so calendar programs remove them.
import type { z } from 'zod'
import type { Booking, calendarExportInput } from '../../shared/bookings'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { Actor } from '../dispatcher'
import { AppError } from '../errors'
import { isManager, requireActor } from '../permissions'
import type { BookingService } from './bookingService'
import { buildICalendar, type IcsEvent } from './icalendar'

const DAY = 86_400_000

const WORDS = {
  nl: { maintenance: 'onderhoud', supervision: 'Begeleiding', cancelled: 'Geannuleerd' },
  en: { maintenance: 'maintenance', supervision: 'Supervision', cancelled: 'Cancelled' },
}

export function createCalendarExport(
  db: Db,
  clock: Clock,
  bookings: BookingService,
  names: { centre: () => string; timeZone: () => string },
) {
  function exportCalendar(input: z.output<typeof calendarExportInput>, actor: Actor | null): { filename: string; content: string } {
    requireActor(actor)
    // Someone's own calendar is theirs; other people's only for coordinators and teachers.
    if (input.scope === 'person' && input.id !== actor.id && !isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only your own calendar', { reason: 'notYourCalendar' })
    }
    const now = clock().getTime()
    const window = { from: new Date(now - 90 * DAY).toISOString(), to: new Date(now + 365 * DAY).toISOString(), includeCancelled: true }
    const list: Booking[] = []
    // The list method caps one call at 100 days, so the year is fetched in steps.
    for (let start = Date.parse(window.from); start < Date.parse(window.to); start += 100 * DAY) {
      const end = Math.min(start + 100 * DAY, Date.parse(window.to))
      list.push(
        ...bookings
          .list({
            from: new Date(start).toISOString(),
            to: new Date(end).toISOString(),
            includeCancelled: true,
            equipmentIds: input.scope === 'equipment' ? [input.id!] : undefined,
            personId: input.scope === 'person' ? input.id : undefined,
          })
          // A booking spanning a step boundary is found twice; keep it once.
          .filter((b) => Date.parse(b.startsAt) >= start),
      )
    }
    const title = scopeName(input)
    const words = WORDS[input.language]
    const events: IcsEvent[] = list.map((b) => ({
      uid: `booking-${b.id}@werkbank`,
      sequence: b.sequence,
      startsAt: Date.parse(b.startsAt),
      endsAt: Date.parse(b.endsAt),
      summary: b.kind === 'maintenance' ? `${b.equipmentName}: ${words.maintenance}` : `${b.equipmentName}: ${b.person?.name ?? ''}`,
      description: [
        b.purpose,
        b.supervisor ? `${words.supervision}: ${b.supervisor.name}` : null,
        b.cancelReason ? `${words.cancelled}: ${b.cancelReason}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
      location: b.equipmentName,
      status: b.status === 'cancelled' || b.status === 'no_show' ? 'CANCELLED' : b.status === 'requested' ? 'TENTATIVE' : 'CONFIRMED',
      lastModified: Date.parse(b.createdAt),
      categories: [b.kind],
    }))
    const content = buildICalendar({ name: title, timeZone: names.timeZone(), events, now })
    return { filename: `${slug(title)}.ics`, content }
  }

  function scopeName(input: z.output<typeof calendarExportInput>): string {
    if (input.scope === 'equipment') {
      return db.prepare<[number], { name: string }>('SELECT name FROM equipment WHERE id = ?').get(input.id!)?.name ?? 'Werkbank'
    }
    if (input.scope === 'person') {
      const name = db.prepare<[number], { name: string }>('SELECT name FROM people WHERE id = ?').get(input.id!)?.name
      return name ? `${name} — ${names.centre()}` : names.centre()
    }
    return names.centre()
  }

  return { exportCalendar }
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'werkbank'
  )
}
