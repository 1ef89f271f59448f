// A symposium for tests: the booking centre (pinned clock on Monday 2 March 2026) plus an edition
// on Thursday 16 and Friday 17 April 2026 with three rooms, two tracks and three review criteria.
// The call is open until 15 March, registration until 10 April.
import type { Edition } from '../../shared/symposia'
import { openBookingCentre, type BookingCentre } from './fixtures'

export interface SymposiumCentre extends BookingCentre {
  edition: Edition
  /** Rooms by name: hall (120 seats), workshop (16), lab (30). */
  rooms: { hall: number; workshop: number; lab: number }
}

export const EDITION_INPUT = {
  title: 'Symposium Ambachtelijk Meubelmaken 2026',
  theme: 'Hout en laser',
  venue: 'Werkplaats Noord',
  startsOn: '2026-04-16',
  days: 2,
  dayStarts: '09:00',
  dayEnds: '17:30',
  cfpOpensOn: '2026-02-01',
  cfpClosesOn: '2026-03-15',
  registrationOpensOn: '2026-02-15',
  registrationClosesOn: '2026-04-10',
  capacity: 100,
  rooms: [
    { name: 'Aula', capacity: 120 },
    { name: 'Werkplaats', capacity: 16 },
    { name: 'Laserlab', capacity: 30 },
  ],
  tracks: [
    { name: 'Techniek', colour: '#2563eb' },
    { name: 'Materiaal', colour: '#16a34a' },
  ],
  criteria: [{ name: 'Relevantie' }, { name: 'Kwaliteit' }, { name: 'Praktische waarde' }],
}

export async function openSymposiumCentre(): Promise<SymposiumCentre> {
  const centre = await openBookingCentre()
  const edition = await centre.core.ok(centre.coordinator.id, 'symposia.create', EDITION_INPUT)
  const room = (name: string) => edition.rooms.find((r) => r.name === name)!.id
  return { ...centre, edition, rooms: { hall: room('Aula'), workshop: room('Werkplaats'), lab: room('Laserlab') } }
}
