// Test support: a real programme built through the API on the test symposium (Thursday 16 and
// Friday 17 April 2026, Europe/Amsterdam), with registrations, a waitlist, a cancellation and
// check-ins, for the export tests.
//
// Thursday: 09:30 keynote (Aula) · 10:30 coffee · 10:45–12:15 workshop (Werkplaats) · 11:00–11:45
// demonstration (Laserlab) · 12:00–13:00 lunch · 13:00 panel (Aula). Friday: 09:30 the keynote again.
// Daan (student) checked in on Thursday and at the workshop; Anna (external) on Friday only; Bram
// registered but never came; Cees waits; Dirk cancelled.
import type { Programme, Registration } from '../../../shared/symposia'
import { at } from '../../testing/fixtures'
import { openSymposiumCentre, type SymposiumCentre } from '../../testing/symposiumFixtures'

export interface ExportCentre extends SymposiumCentre {
  c: number
  speaker: { id: number; name: string }
  slots: { keynote: number; workshop: number; demo: number; panel: number; keynoteAgain: number }
  people: { daan: Registration; anna: Registration; bram: Registration; cees: Registration }
  programme: Programme
}

export const DEMO_TITLE = 'Laser & fineer <live>'
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")'

export async function openExportCentre(): Promise<ExportCentre> {
  const centre = await openSymposiumCentre()
  const { core, edition, rooms } = centre
  const c = centre.coordinator.id
  const speaker = await core.ok(c, 'people.create', {
    name: 'Jan Houtman',
    role: 'freelancer',
    email: 'Jan@Houtwerk.example',
    organisation: 'Houtwerk BV',
  })
  const [techniek, materiaal] = edition.tracks
  let programme = await core.ok(c, 'programme.createSession', {
    editionId: edition.id,
    title: 'Hout in beweging',
    abstract: 'Hoe **hout** werkt, van boom tot kast.',
    type: 'talk',
    durationMinutes: 60,
    trackId: techniek!.id,
    speakerIds: [centre.teacher.id],
  })
  const session = (title: string) => programme.sessions.find((s) => s.title === title)!
  programme = await core.ok(c, 'programme.createSession', {
    editionId: edition.id,
    title: 'Zwaluwstaarten zagen',
    abstract: 'Met de hand, in eiken.',
    type: 'workshop',
    durationMinutes: 90,
    capacity: 8,
    trackId: materiaal!.id,
    speakerIds: [speaker.id],
  })
  programme = await core.ok(c, 'programme.createSession', {
    editionId: edition.id,
    title: DEMO_TITLE,
    abstract: 'Fineer snijden met de laser.',
    type: 'demonstration',
    durationMinutes: 45,
    speakerIds: [centre.teacher.id, speaker.id],
  })
  programme = await core.ok(c, 'programme.createSession', {
    editionId: edition.id,
    title: 'De toekomst van het ambacht',
    type: 'panel',
    durationMinutes: 60,
    speakerIds: [centre.teacher.id, speaker.id],
  })
  const place = async (title: string, roomId: number, local: string) => {
    programme = await core.ok(c, 'programme.schedule', { sessionId: session(title).id, roomId, startsAt: at(local) })
    return programme.slots.at(-1)!.id
  }
  const keynote = await place('Hout in beweging', rooms.hall, '2026-04-16 09:30')
  const workshop = await place('Zwaluwstaarten zagen', rooms.workshop, '2026-04-16 10:45')
  const demo = await place(DEMO_TITLE, rooms.lab, '2026-04-16 11:00')
  const panel = await place('De toekomst van het ambacht', rooms.hall, '2026-04-16 13:00')
  const keynoteAgain = await place('Hout in beweging', rooms.hall, '2026-04-17 09:30')
  for (const [title, from, to] of [
    ['Koffie', '2026-04-16 10:30', '2026-04-16 10:45'],
    ['Lunch', '2026-04-16 12:00', '2026-04-16 13:00'],
  ] as const) {
    programme = await core.ok(c, 'programme.setBreak', { editionId: edition.id, title, startsAt: at(from), endsAt: at(to) })
  }

  const daan = await core.ok(centre.student.id, 'registrations.register', { editionId: edition.id, workshopSlotIds: [workshop] })
  const external = (name: string, organisation: string | null, email: string) =>
    core.ok(c, 'registrations.register', {
      editionId: edition.id,
      attendee: { name, email, role: 'external', organisation },
      dietary: name === 'Anna de Vries' ? 'vegetarisch; geen noten' : '',
    })
  const anna = await external('Anna de Vries', 'Meubelmakerij "De Eik"', 'anna@example.org')
  const bram = await external(FORMULA_NAME, null, 'bram@example.org')
  const current = await core.ok(c, 'symposia.get', { id: edition.id })
  // Theme and venue are passed along: a partial update would otherwise reset them (see the report).
  await core.ok(c, 'symposia.update', { id: edition.id, version: current.version, capacity: 3, theme: current.theme, venue: current.venue })
  const cees = await external('Cees Wachter', null, 'cees@example.org')
  const dirk = await external('Dirk Weg', null, 'dirk@example.org')
  await core.ok(c, 'registrations.cancel', { id: dirk.id, version: dirk.version })

  await core.ok(c, 'registrations.checkIn', { id: daan.id, day: '2026-04-16' })
  await core.ok(c, 'registrations.workshop', { registrationId: daan.id, slotId: workshop, action: 'checkIn' })
  await core.ok(c, 'registrations.checkIn', { id: anna.id, day: '2026-04-17' })

  programme = await core.ok(c, 'programme.get', { editionId: edition.id })
  return {
    ...centre,
    c,
    speaker,
    slots: { keynote, workshop, demo, panel, keynoteAgain },
    people: { daan, anna, bram, cees },
    programme,
  }
}
