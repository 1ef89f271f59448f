// Test support for exchange: the booking test centre plus a note, a photo, a text file and one
// experiment that fills every field, so an export or a round trip has something to lose.
import type { Experiment } from '../../shared/experiments'
import type { Note } from '../../shared/notes'
import { demoPhoto } from '../demo/demoCentre'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'

export interface ExchangeCentre extends BookingCentre {
  note: Note
  photo: Buffer
  experiment: Experiment
}

export const PHOTO = demoPhoto({ pattern: 'rings', from: [150, 100, 60], to: [220, 180, 130] })
export const CSV = Buffer.from('snelheid;resultaat\n20;schoon\n30;niet door\n', 'utf8')

export async function openExchangeCentre(): Promise<ExchangeCentre> {
  const centre = await openBookingCentre()
  const { core, coordinator, freelancer, student, teacher, laser } = centre
  const c = coordinator.id
  await core.ok(c, 'permits.grant', { personId: freelancer.id, equipmentId: laser.id, level: 'independent' })
  const booking = await core.ok(c, 'bookings.create', {
    equipmentId: laser.id,
    personId: freelancer.id,
    startsAt: at('2026-03-03 10:00'),
    endsAt: at('2026-03-03 12:00'),
  })
  const note = await core.ok(freelancer.id, 'notes.create', {
    content: {
      title: 'Lasersnijden van eiken',
      category: 'technique',
      tags: ['eiken'],
      body: '# Vuistregels\n\nEiken brandt snel aan: **lage snelheid**, *hoge* luchtdruk.\n\n- Test eerst op een reststuk\n- Zie [[experiment:1]]',
    },
  })
  const photo = await core.ok(freelancer.id, 'attachments.upload', {
    name: 'snede-20mms.png',
    mediaType: 'image/png',
    dataBase64: PHOTO.toString('base64'),
  })
  const csv = await core.ok(freelancer.id, 'attachments.upload', {
    name: 'metingen.csv',
    mediaType: 'text/csv',
    dataBase64: CSV.toString('base64'),
  })
  const earlier = await core.ok(freelancer.id, 'experiments.create', { content: { title: 'Voorproef eiken 4 mm' } })
  let experiment = await core.ok(freelancer.id, 'experiments.create', {
    content: {
      title: 'Lasertest eiken multiplex 6 mm — “snel” of traag?',
      question: 'Welke snelheid geeft een schone snede zonder verbranding?',
      hypothesis: 'Onder 25 mm/s brandt de rand; boven 30 mm/s gaat hij niet door.',
      method: '1. Proefstrook van 10 × 100 mm\n2. Drie snelheden: 15, 20, 30 mm/s\n\nZie [[Lasersnijden van eiken]].',
      observations: 'Bij 15 mm/s een bruine rand | rook.',
      results: 'Alleen 20 mm/s sneed schoon door.',
      conclusion: 'Gebruik 20 mm/s bij 60 % vermogen.',
      outcome: 'worked',
      parameters: [
        { name: 'Vermogen', value: '60', unit: '%' },
        { name: 'Snelheid', value: '20,5', unit: 'mm/s' },
        { name: 'Passes', value: '2', unit: '' },
      ],
      materials: [
        { name: 'Eiken multiplex', supplier: 'Houthandel Jansen', batch: 'B-2026-11', size: '6 mm' },
        { name: 'Afplaktape', supplier: '', batch: '', size: '' },
      ],
      equipmentIds: [laser.id],
      bookingIds: [booking.id],
      participants: [
        { personId: student.id, role: 'student' },
        { personId: teacher.id, role: 'teacher' },
      ],
      tags: ['eiken', 'lasersnijden', 'multiplex'],
      linkedExperimentIds: [earlier.id],
      linkedNoteIds: [note.id],
      attachments: [
        { sha256: photo.sha256, name: 'snede-20mms.png', caption: 'De snede bij 20 mm/s' },
        { sha256: csv.sha256, name: 'metingen.csv', caption: '' },
      ],
    },
  })
  experiment = await core.ok(freelancer.id, 'experiments.setStatus', {
    id: experiment.id,
    version: experiment.version,
    status: 'completed',
  })
  return { ...centre, note, photo: PHOTO, experiment }
}
