// A small centre for booking tests: a pinned clock, people in every role and a laser cutter whose
// rules switch everything on. Times are written as local Amsterdam wall-clock for readability.
import { DEFAULT_BOOKING_RULES, type BookingRules, type Equipment } from '../../shared/equipment'
import type { Person } from '../../shared/people'
import { toInstant } from '../../shared/calendarTime'
import { openTestCore, type TestCore } from './testCore'

export const ZONE = 'Europe/Amsterdam'

/** '2026-03-03 10:00' (Amsterdam) → ISO instant. */
export const at = (local: string) => new Date(toInstant(local.slice(0, 10), local.slice(11, 16), ZONE)).toISOString()

export const LASER_RULES: BookingRules = {
  ...DEFAULT_BOOKING_RULES,
  slotMinutes: 15,
  minMinutes: 30,
  maxMinutes: 240,
  bufferMinutes: 15,
  horizonDays: 60,
  cancelNoticeHours: 24,
  maxFutureBookings: 3,
  needsPermit: true,
  studentsNeedSupervisor: true,
  hourlyRates: { coordinator: 0, teacher: 0, student: 0, freelancer: 2500, guest: 4000 },
  closedDates: ['2026-03-06'],
}

export interface BookingCentre {
  core: TestCore
  clock: { now: Date }
  coordinator: Person
  teacher: Person
  student: Person
  freelancer: Person
  laser: Equipment
}

export async function openBookingCentre(rules: Partial<BookingRules> = {}): Promise<BookingCentre> {
  // Monday 2 March 2026, 09:00 in Amsterdam.
  const clock = { now: new Date('2026-03-02T08:00:00Z') }
  const core = openTestCore({ clock: () => clock.now })
  const coordinator = await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator' })
  const c = coordinator.id
  const teacher = await core.ok(c, 'people.create', { name: 'Anouk Docent', role: 'teacher' })
  const student = await core.ok(c, 'people.create', { name: 'Daan Student', role: 'student' })
  const freelancer = await core.ok(c, 'people.create', { name: 'Gerrit Zzp', role: 'freelancer' })
  const laser = await core.ok(c, 'equipment.create', {
    name: 'Lasersnijder Trotec',
    kind: 'laser_cutter',
    status: 'available',
    rules: { ...LASER_RULES, ...rules },
  })
  return { core, clock, coordinator, teacher, student, freelancer, laser }
}
