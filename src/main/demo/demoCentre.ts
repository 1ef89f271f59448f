// The demo centre: believable people, machines, permits and a term of bookings around today, so
// every screen has content on a first look. Loaded only into an empty data folder, through the same
// services (and rules) as the UI: a demo booking that breaks a rule is simply not made.
import centre from '../../../resources/demo/centre.json'
import { bookingCreateInput } from '../../shared/bookings'
import { equipmentCreateInput, type Equipment, type EquipmentKind } from '../../shared/equipment'
import { permitGrantInput } from '../../shared/permits'
import { personCreateInput, type Person } from '../../shared/people'
import type { BookingService } from '../bookings/bookingService'
import { toInstant, toLocal } from '../../shared/calendarTime'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import type { EquipmentService } from '../equipment/equipmentService'
import { AppError } from '../errors'
import type { PeopleService } from '../people/peopleService'
import type { PermitService } from '../permits/permitService'

export interface DemoServices {
  db: Db
  clock: Clock
  timeZone: () => string
  people: PeopleService
  equipment: EquipmentService
  permits: PermitService
  bookings: BookingService
}

const DAY = 86_400_000

export function loadDemoCentre(services: DemoServices): { people: number; equipment: number; bookings: number } {
  const { db, people } = services
  return writeTransaction(db, () => {
    if (people.count() > 0) {
      throw new AppError('CONFLICT', 'The demo centre only loads into an empty data folder', { reason: 'notEmpty' })
    }
    const everyone: Person[] = []
    let coordinator: Actor | null = null
    for (const raw of centre.people) {
      const created: Person = people.create(personCreateInput.parse(raw), coordinator)
      everyone.push(created)
      // The first coordinator creates everyone after them, as a real first start would.
      coordinator ??= asActor(created)
    }
    const machines = centre.equipment.map((raw) => services.equipment.create(equipmentCreateInput.parse(raw), coordinator))
    grantPermits(services, coordinator!, everyone)
    const bookings = bookTerm(services, coordinator!, everyone, machines)
    completeThePast(services)
    return { people: everyone.length, equipment: machines.length, bookings }
  })()
}

const asActor = (p: Person): Actor => ({ id: p.id, name: p.name, role: p.role })
const byRole = (everyone: Person[], role: Person['role']) => everyone.filter((p) => p.role === role)

function grantPermits(s: DemoServices, coordinator: Actor, everyone: Person[]) {
  const today = toLocal(s.clock().getTime(), s.timeZone()).date
  const shift = (days: number) => new Date(Date.parse(today) + days * DAY).toISOString().slice(0, 10)
  const grant = (
    person: Person,
    equipmentKind: EquipmentKind,
    level: 'supervised' | 'independent' | 'instructor',
    validUntil: string | null = null,
  ) => s.permits.grant(permitGrantInput.parse({ personId: person.id, equipmentKind, level, validUntil }), coordinator)

  for (const teacher of byRole(everyone, 'teacher')) {
    for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'robot_arm'] as const)
      grant(teacher, kind, 'instructor')
  }
  byRole(everyone, 'freelancer').forEach((freelancer, i) => {
    // A few permits ran out last month: the app should name the date when they try to book.
    const validUntil = i % 4 === 3 ? shift(-30) : shift(365)
    for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'robot_arm'] as const)
      grant(freelancer, kind, 'independent', validUntil)
  })
  for (const student of byRole(everyone, 'student')) {
    grant(student, 'laser_cutter', 'supervised', shift(240))
    grant(student, 'cnc_router', 'supervised', shift(240))
  }
}

/** Six weeks of a busy centre around today: a weekly class, trainings, maintenance and freelancers' sessions. */
function bookTerm(s: DemoServices, coordinator: Actor, everyone: Person[], machines: Equipment[]): number {
  const zone = s.timeZone()
  const random = seededRandom(2026)
  const today = toLocal(s.clock().getTime(), zone)
  const monday = Date.parse(today.date) - (today.weekday - 1) * DAY
  const dateOf = (week: number, weekday: number) => new Date(monday + (week * 7 + weekday - 1) * DAY).toISOString().slice(0, 10)
  const machine = (kind: EquipmentKind) => machines.find((m) => m.kind === kind)!
  const teachers = byRole(everyone, 'teacher')
  const students = byRole(everyone, 'student')
  const freelancers = byRole(everyone, 'freelancer')
  let made = 0

  const tryBook = (actor: Actor, input: Record<string, unknown>, date: string, from: string, to: string) => {
    try {
      s.bookings.create(
        bookingCreateInput.parse({
          ...input,
          startsAt: new Date(toInstant(date, from, zone)).toISOString(),
          endsAt: new Date(toInstant(date, to, zone)).toISOString(),
        }),
        actor,
      )
      made++
    } catch (error) {
      if (!(error instanceof AppError)) throw error // a rule said no: the demo just skips that slot
    }
  }

  // Placed first, as a coordinator would: next Wednesday morning the laser gets its lens and mirrors cleaned.
  tryBook(
    coordinator,
    { equipmentId: machine('laser_cutter').id, kind: 'maintenance', purpose: 'Lens en spiegels reinigen, uitlijnen' },
    dateOf(1, 3),
    '08:30',
    '12:30',
  )

  for (let week = -3; week <= 3; week++) {
    // Anouk's furniture class on the CNC router, every Tuesday morning.
    tryBook(
      coordinator,
      {
        equipmentId: machine('cnc_router').id,
        personId: teachers[0]!.id,
        purpose: 'Les meubelmaken 2A: nesten en frezen',
        participantIds: students.slice(0, 5).map((p) => p.id),
      },
      dateOf(week, 2),
      '09:00',
      '12:00',
    )
    // A laser training on Monday afternoon for three students.
    tryBook(
      coordinator,
      {
        equipmentId: machine('laser_cutter').id,
        kind: 'training',
        personId: teachers[0]!.id,
        purpose: 'Introductie lasersnijden',
        participantIds: students.slice(week + 3, week + 6).map((p) => p.id),
      },
      dateOf(week, 1),
      '13:00',
      '15:00',
    )

    for (let weekday = 1; weekday <= 5; weekday++) {
      const date = dateOf(week, weekday)
      for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'printer_3d', 'robot_arm'] as const) {
        const m = machine(kind)
        for (const start of ['08:30', '10:30', '13:30', '15:30']) {
          if (random() < 0.45) continue
          const length =
            m.rules.slotMinutes === 30 ? [60, 90, 120][Math.floor(random() * 3)]! : [45, 60, 90, 120][Math.floor(random() * 4)]!
          const end = addMinutes(start, length)
          const who =
            random() < 0.6 ? freelancers[Math.floor(random() * freelancers.length)]! : students[Math.floor(random() * students.length)]!
          const supervisor = who.role === 'student' ? teachers[Math.floor(random() * teachers.length)]!.id : null
          const future = Date.parse(date) > Date.parse(today.date)
          // Future robot-arm requests by freelancers themselves wait for the coordinator's approval.
          const actor = future && kind === 'robot_arm' && who.role === 'freelancer' && random() < 0.3 ? asActor(who) : coordinator
          tryBook(
            actor,
            {
              equipmentId: m.id,
              personId: who.id,
              supervisorId: supervisor,
              purpose: PURPOSES[kind][Math.floor(random() * PURPOSES[kind].length)],
            },
            date,
            start,
            end,
          )
        }
      }
      // Thursday evening: freelancers' time on the laser.
      if (weekday === 4)
        tryBook(
          coordinator,
          { equipmentId: machine('laser_cutter').id, personId: freelancers[week + 3]!.id, purpose: 'Avondsessie: inlegwerk' },
          date,
          '18:30',
          '21:00',
        )
    }
  }
  return made
}

/**
 * What happened at the machines before today: most people came, checked in a few minutes late and
 * left a little early; some did not show up. Written directly, because check-in through the service
 * is only possible at the time itself; this is history, not a user action.
 */
function completeThePast(s: DemoServices) {
  const random = seededRandom(7)
  const now = s.clock().getTime()
  const past = s.db
    .prepare<[number], { id: number; starts_at: number; ends_at: number }>(
      "SELECT id, starts_at, ends_at FROM bookings WHERE status = 'confirmed' AND kind <> 'maintenance' AND ends_at < ? ORDER BY id",
    )
    .all(now)
  const noShow = s.db.prepare("UPDATE bookings SET status = 'no_show', version = version + 1 WHERE id = ?")
  const completed = s.db.prepare(
    "UPDATE bookings SET status = 'completed', checked_in_at = @in, checked_out_at = @out, actual_minutes = @minutes, version = version + 2 WHERE id = @id",
  )
  for (const booking of past) {
    if (random() < 0.06) {
      noShow.run(booking.id)
      continue
    }
    const checkedIn = booking.starts_at + Math.floor(random() * 10) * 60_000
    const checkedOut = booking.ends_at - Math.floor(random() * 15) * 60_000
    completed.run({ id: booking.id, in: checkedIn, out: checkedOut, minutes: Math.round((checkedOut - checkedIn) / 60_000) })
  }
}

const PURPOSES: Record<EquipmentKind, string[]> = {
  laser_cutter: [
    'Materiaaltest eiken multiplex 6 mm',
    'Inlegwerk notenhout',
    'Glas-in-loodmallen snijden',
    'Graveren van leer',
    'Prototype lampenkap',
  ],
  cnc_router: ['Stoelzitting frezen', 'Zwaluwstaartverbindingen', 'Mal voor vormverlijmen', 'Kastfront met profiel'],
  robot_arm: ['Schuurpad testen op essen', 'Lijmrups op eiken rand', 'Spuitpatroon lak'],
  printer_3d: ['Mal voor pianohamer', 'Prototype scharnier', 'Onderdelen mechaniek'],
  vacuum_press: ['Fineren tafelblad', 'Vormverlijmen stoelleuning'],
  edge_bander: ['Kasten afkanten', 'ABS-kant op werkblad'],
  panel_saw: ['Platen op maat'],
  other: ['Werk'],
}

function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** Mulberry32: a tiny deterministic generator, so every demo centre looks the same. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
