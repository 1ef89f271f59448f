// An experiment with its references spelled out (machine names, bookings, people, linked titles,
// attachment types): what every export writes, whatever the format.
import type { Experiment } from '../../shared/experiments'
import type { AttachmentStore } from '../attachments/attachmentStore'
import type { BookingService } from '../bookings/bookingService'
import type { EquipmentService } from '../equipment/equipmentService'
import type { ExperimentService } from '../knowledge/experimentService'
import type { NoteService } from '../knowledge/noteService'
import type { PeopleService } from '../people/peopleService'

export interface ExchangeSources {
  experiments: Pick<ExperimentService, 'get' | 'list'>
  notes: Pick<NoteService, 'get'>
  equipment: Pick<EquipmentService, 'get' | 'list'>
  people: Pick<PeopleService, 'get' | 'list'>
  bookings: Pick<BookingService, 'get'>
  attachments: Pick<AttachmentStore, 'find'>
}

export interface ResolvedAttachment {
  sha256: string
  name: string
  caption: string
  /** Null when the file is missing from the data folder (a damaged or partly copied folder). */
  mediaType: string | null
  path: string | null
}

export interface ResolvedExperiment {
  experiment: Experiment
  machines: { id: number; name: string }[]
  bookings: { id: number; equipmentName: string; startsAt: string; endsAt: string; cancelled: boolean }[]
  participants: { personId: number; name: string; role: string }[]
  linkedExperiments: { id: number; title: string }[]
  linkedNotes: { id: number; title: string }[]
  attachments: ResolvedAttachment[]
}

/** Runs `read`, or gives `fallback` when the record is gone: an export never fails over one old reference. */
function orElse<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

export function resolveExperiment(sources: ExchangeSources, experiment: Experiment): ResolvedExperiment {
  const c = experiment.content
  return {
    experiment,
    machines: c.equipmentIds.map((id) => ({ id, name: orElse(() => sources.equipment.get(id).name, `#${id}`) })),
    bookings: c.bookingIds.flatMap((id) =>
      orElse(() => {
        const b = sources.bookings.get(id)
        return [{ id, equipmentName: b.equipmentName, startsAt: b.startsAt, endsAt: b.endsAt, cancelled: b.status === 'cancelled' }]
      }, []),
    ),
    participants: c.participants.map((p) => ({
      personId: p.personId,
      name: orElse(() => sources.people.get(p.personId).name, `#${p.personId}`),
      role: p.role,
    })),
    linkedExperiments: c.linkedExperimentIds.map((id) => ({
      id,
      title: orElse(() => sources.experiments.get(id).content.title, `#${id}`),
    })),
    linkedNotes: c.linkedNoteIds.map((id) => ({ id, title: orElse<string>(() => sources.notes.get(id).content.title, `#${id}`) })),
    attachments: c.attachments.map((a) => {
      const found = sources.attachments.find(a.sha256)
      return { ...a, mediaType: found?.mediaType ?? null, path: found?.path ?? null }
    }),
  }
}

/** A file name from a title: folded to ASCII, at most 60 characters, never empty. */
export function slug(title: string): string {
  const folded = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return folded || 'werkbank'
}
