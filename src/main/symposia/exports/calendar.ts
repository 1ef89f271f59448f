// iCalendar of a symposium: every session slot of the edition, or every slot of one speaker's
// sessions. Written by the bookings' iCalendar writer (one implementation, with VTIMEZONE).
// A slot's UID is its guid, so re-importing updates the event instead of duplicating it; SEQUENCE
// rises with every change to the slot (moved, resized) and to its session (retitled, new speakers).
import { buildICalendar, type IcsEvent } from '../../bookings/icalendar'
import type { ExportLabels } from './labels'
import type { ModelSlot, ProgrammeModel } from './programmeModel'

export function symposiumCalendar(model: ProgrammeModel, L: ExportLabels, o: { name: string; speakerId?: number; now: number }): string {
  const slots = model.events.filter((s) => o.speakerId === undefined || s.session!.speakers.some((p) => p.id === o.speakerId))
  const events: IcsEvent[] = slots.map((slot) => toEvent(model, slot, L, o.now))
  return buildICalendar({ name: o.name, timeZone: model.zone, events, now: o.now })
}

function toEvent(model: ProgrammeModel, slot: ModelSlot, L: ExportLabels, now: number): IcsEvent {
  const session = slot.session!
  const speakers = session.speakers.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name))
  return {
    uid: `${slot.guid}@werkbank`,
    // Both versions start at 1 and only ever rise, so their sum does too.
    sequence: slot.version - 1 + (session.version - 1),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    summary: session.title,
    description: [
      [L.types[session.type], slot.track?.name].filter(Boolean).join(' · '),
      speakers.length ? `${L.speakers}: ${speakers.join(', ')}` : '',
      session.abstract,
      model.edition.title,
    ]
      .filter((line) => line !== '')
      .join('\n\n'),
    location: [slot.room?.name, model.edition.venue].filter(Boolean).join(', '),
    status: 'CONFIRMED',
    lastModified: now,
    categories: [L.types[session.type], ...(slot.track ? [slot.track.name] : [])],
  }
}
