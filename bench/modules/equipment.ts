// Machines and permits of the bench centre: twenty machines with rules like a real centre's
// (permits, supervisors for students, approval for the robot arms, buffers, quotas, different
// opening hours), and ten years of permits granted, expired and revoked. All through the
// dispatcher, with the clock at the moment of each grant. It measures nothing itself; its
// `eligibility` tells the bookings module who may use which machine when.
import { DEFAULT_BOOKING_RULES, type BookingRules, type EquipmentKind, type OpeningHoursInput } from '../../src/shared/equipment'
import type { PermitLevel } from '../../src/shared/permits'
import { BENCH_NOW, DAY_MS } from '../lib/clock'
import { addDays, localDateOf, spanOf, ZONE } from '../lib/calendar'
import { toInstant } from '../../src/shared/calendarTime'
import type { Random } from '../lib/random'
import { moduleState, type BenchModule, type Centre } from '../lib/types'
import { peopleState, type PersonModel } from './people'

interface MachineSpec {
  name: string
  kind: EquipmentKind
  location: string
  hours: 'long' | 'split' | 'allDay'
  /** Typical booking lengths in minutes, most common first (drawn with Zipf's law). */
  lengths: number[]
  /** Permits are per machine (true) or per kind (false). */
  permitPerMachine?: boolean
  rules: Partial<BookingRules>
}

export interface MachineModel {
  id: number
  index: number
  name: string
  kind: EquipmentKind
  rules: BookingRules
  lengths: number[]
  allDay: boolean
  permitPerMachine: boolean
  /** Opening ranges per ISO weekday - 1, in minutes since local midnight. */
  hours: { from: number; to: number }[][]
}

export interface PermitModel {
  id: number
  person: PersonModel
  equipmentId: number | null
  equipmentKind: EquipmentKind | null
  level: PermitLevel
  grantedAt: number
  /** Last local date it is valid; null: no expiry. */
  validUntil: string | null
  revokedAt: number | null
}

/** Someone who may book a machine, from `from` until before `to` (instants), at a level. */
export interface Eligibility {
  person: PersonModel
  level: PermitLevel | null
  from: number
  to: number
  /** Last local date their permit covers (null: no expiry or no permit needed). */
  validUntil: string | null
}

export interface EquipmentState {
  machines: MachineModel[]
  permits: PermitModel[]
  /** Everyone who may book this machine, over the centre's whole history, by start. */
  eligibility: (machine: MachineModel) => Eligibility[]
}

export const equipmentState = moduleState<EquipmentState>('equipment')

const range = (from: string, to: string) => ({ from, to })
const OPENING: Record<MachineSpec['hours'], OpeningHoursInput> = {
  // Workshop machines: long days for freelancers after the school day, and weekends.
  long: [...Array.from({ length: 5 }, () => [range('07:00', '23:00')]), [range('09:00', '18:00')], [range('10:00', '17:00')]],
  // Machines used in classes: a lunch and a dinner break, Saturday for freelancers.
  split: [
    ...Array.from({ length: 5 }, () => [range('08:00', '12:30'), range('13:00', '17:30'), range('18:00', '22:00')]),
    [range('09:00', '17:00')],
    [],
  ],
  // Printers and the kiln run through the night and the weekend.
  allDay: Array.from({ length: 7 }, () => [range('00:00', '24:00')]),
}

/** Public holidays the centre is closed on in the bench's future (the history skips its own each year). */
export const CLOSED_DATES = ['2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25']

const free = { coordinator: 0, teacher: 0, student: 0, freelancer: 0, guest: 0 }
const rates = (freelancer: number, guest = Math.round(freelancer * 1.6)) => ({ ...free, freelancer, guest })

const LASER: Partial<BookingRules> = {
  slotMinutes: 15,
  minMinutes: 30,
  maxMinutes: 240,
  bufferMinutes: 15,
  horizonDays: 60,
  cancelNoticeHours: 24,
  maxFutureBookings: 6,
  needsPermit: true,
  studentsNeedSupervisor: true,
  hourlyRates: rates(2500),
}
const CNC: Partial<BookingRules> = {
  slotMinutes: 30,
  minMinutes: 60,
  maxMinutes: 240,
  bufferMinutes: 15,
  horizonDays: 90,
  cancelNoticeHours: 48,
  maxFutureBookings: 4,
  needsPermit: true,
  studentsNeedSupervisor: true,
  hourlyRates: rates(4500),
}
const PRINTER: Partial<BookingRules> = {
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 1440,
  bufferMinutes: 15,
  horizonDays: 30,
  cancelNoticeHours: 0,
  maxFutureBookings: 3,
  needsPermit: false,
  hourlyRates: rates(300),
}

// One line per machine reads best here.
// prettier-ignore
const SPECS: MachineSpec[] = [
  { name: 'Lasersnijder Trotec Speedy 400', kind: 'laser_cutter', location: 'Hal A', hours: 'long', lengths: [60, 30, 45, 90, 120, 180, 240], rules: LASER },
  { name: 'Lasersnijder Trotec Speedy 300', kind: 'laser_cutter', location: 'Hal A', hours: 'long', lengths: [60, 30, 90, 45, 120, 180, 240], rules: LASER },
  { name: 'Lasersnijder Epilog Fusion Pro', kind: 'laser_cutter', location: 'Hal A', hours: 'split', lengths: [45, 60, 30, 90, 120, 240], rules: LASER },
  { name: 'Fiberlaser Trotec (metaal)', kind: 'laser_cutter', location: 'Smederij', hours: 'long', lengths: [30, 60, 45, 90, 120], rules: { ...LASER, hourlyRates: rates(3500) } },
  { name: 'CNC-freesmachine Homag', kind: 'cnc_router', location: 'Machinehal', hours: 'split', lengths: [120, 60, 90, 180, 240], rules: CNC },
  { name: 'CNC-freesmachine Felder', kind: 'cnc_router', location: 'Machinehal', hours: 'split', lengths: [90, 120, 60, 180, 240], rules: CNC },
  { name: 'CNC-router ShopBot', kind: 'cnc_router', location: 'Hal B', hours: 'long', lengths: [60, 120, 90, 180, 240], rules: { ...CNC, hourlyRates: rates(3000) } },
  { name: 'Robotarm KUKA KR 10', kind: 'robot_arm', location: 'Robotlab', hours: 'split', lengths: [120, 240, 180, 60], permitPerMachine: true, rules: { ...CNC, bufferMinutes: 30, needsApproval: true, maxFutureBookings: 2, hourlyRates: rates(6000) } },
  { name: 'Robotarm UR10e', kind: 'robot_arm', location: 'Robotlab', hours: 'split', lengths: [120, 60, 180, 240], permitPerMachine: true, rules: { ...CNC, bufferMinutes: 30, needsApproval: true, maxFutureBookings: 2, hourlyRates: rates(5000) } },
  { name: 'Prusa XL 1', kind: 'printer_3d', location: 'Printlab', hours: 'allDay', lengths: [240, 120, 480, 60, 360, 720, 960], rules: PRINTER },
  { name: 'Prusa XL 2', kind: 'printer_3d', location: 'Printlab', hours: 'allDay', lengths: [240, 120, 480, 60, 360, 720, 960], rules: PRINTER },
  { name: 'Prusa XL 3', kind: 'printer_3d', location: 'Printlab', hours: 'allDay', lengths: [120, 240, 480, 60, 360, 720], rules: PRINTER },
  { name: 'Bambu Lab X1 Carbon', kind: 'printer_3d', location: 'Printlab', hours: 'allDay', lengths: [120, 60, 240, 30, 480], rules: PRINTER },
  { name: 'Formlabs Form 3', kind: 'printer_3d', location: 'Printlab', hours: 'allDay', lengths: [240, 360, 120, 480, 720], rules: { ...PRINTER, bufferMinutes: 60 } },
  { name: 'Vacuümpers Columbus', kind: 'vacuum_press', location: 'Machinehal', hours: 'long', lengths: [120, 90, 180, 60, 240], rules: { ...CNC, slotMinutes: 30, bufferMinutes: 30, maxFutureBookings: 4, hourlyRates: rates(2000) } },
  { name: 'Kantenlijmmachine Brandt', kind: 'edge_bander', location: 'Machinehal', hours: 'split', lengths: [60, 30, 90, 120, 180], rules: { ...LASER, bufferMinutes: 15, hourlyRates: rates(2000) } },
  { name: 'Formaatzaag Altendorf F45', kind: 'panel_saw', location: 'Machinehal', hours: 'long', lengths: [30, 60, 15, 45, 90, 120], rules: { ...LASER, minMinutes: 15, maxMinutes: 120, bufferMinutes: 0, maxFutureBookings: 8, hourlyRates: rates(1500) } },
  { name: 'Paneelzaag Striebig', kind: 'panel_saw', location: 'Hal B', hours: 'long', lengths: [30, 60, 45, 15, 90, 120], rules: { ...LASER, minMinutes: 15, maxMinutes: 120, bufferMinutes: 0, maxFutureBookings: 8, hourlyRates: rates(1500) } },
  { name: 'Houtdraaibank Killinger', kind: 'other', location: 'Draaierij', hours: 'long', lengths: [120, 60, 180, 240, 90], permitPerMachine: true, rules: { ...LASER, slotMinutes: 30, minMinutes: 60, bufferMinutes: 30, hourlyRates: rates(1500) } },
  { name: 'Glasoven Nabertherm', kind: 'other', location: 'Glasatelier', hours: 'allDay', lengths: [720, 480, 960, 1440, 360], permitPerMachine: true, rules: { ...PRINTER, slotMinutes: 60, minMinutes: 240, bufferMinutes: 120, needsPermit: true, maxFutureBookings: 2, hourlyRates: rates(1200) } },
]

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3))

async function createMachines(centre: Centre, coordinatorId: number): Promise<MachineModel[]> {
  const span = spanOf(centre.scale)
  centre.clock.simulate(span.start - 30 * DAY_MS)
  const machines: MachineModel[] = []
  for (const [index, spec] of SPECS.slice(0, centre.scale.machines).entries()) {
    const rules: BookingRules = {
      ...DEFAULT_BOOKING_RULES,
      ...spec.rules,
      openingHours: OPENING[spec.hours],
      closedDates: spec.hours === 'allDay' ? [] : CLOSED_DATES,
    }
    const made = await centre.call(coordinatorId, 'equipment.create', {
      name: spec.name,
      kind: spec.kind,
      location: spec.location,
      description: null,
      rules,
    })
    machines.push({
      id: made.id,
      index,
      name: spec.name,
      kind: spec.kind,
      rules,
      lengths: spec.lengths.filter((m) => m >= rules.minMinutes && m <= rules.maxMinutes && m % rules.slotMinutes === 0),
      allDay: spec.hours === 'allDay',
      permitPerMachine: spec.permitPerMachine ?? false,
      hours: rules.openingHours.map((day) => day.map((r) => ({ from: toMinutes(r.from), to: toMinutes(r.to) }))),
    })
  }
  return machines
}

interface PermitPlan {
  person: PersonModel
  equipmentId?: number
  equipmentKind?: EquipmentKind
  level: PermitLevel
  grantedAt: number
  validUntil: string | null
  revokeAt: number | null
}

/** Who gets which permits over the years, and when they run out. */
function planPermits(people: PersonModel[], machines: MachineModel[], random: Random): PermitPlan[] {
  const plans: PermitPlan[] = []
  const perMachine = (kind: EquipmentKind) => machines.filter((m) => m.kind === kind && m.permitPerMachine)
  const sharedKinds: EquipmentKind[] = ['laser_cutter', 'cnc_router', 'panel_saw', 'vacuum_press', 'edge_bander']
  const end = (p: PersonModel) => p.leftAt ?? BENCH_NOW
  const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10)

  for (const person of people) {
    const grantedAt = person.joinedAt + random.int(1, 30) * DAY_MS
    if (grantedAt >= end(person)) continue
    // Leavers' permits ran until they left; the active ones mostly run on, a few have lapsed.
    const validUntil = (): string | null => {
      if (person.leftAt !== null) return dateOf(person.leftAt)
      if (person.role === 'teacher' || person.role === 'coordinator') return null
      const roll = random()
      if (roll < 0.35) return null
      if (roll < 0.9) return addDays(localDateOf(BENCH_NOW), random.int(120, 730))
      return addDays(localDateOf(BENCH_NOW), -random.int(1, 300))
    }
    const add = (target: { equipmentKind: EquipmentKind } | { equipmentId: number }, level: PermitLevel, at = grantedAt) => {
      if (at >= end(person)) return
      const revokeAt = person.role === 'freelancer' && random.chance(0.02) ? at + random() * (end(person) - at) : null
      plans.push({ person, ...target, level, grantedAt: at, validUntil: validUntil(), revokeAt })
    }

    switch (person.role) {
      case 'coordinator':
        for (const kind of sharedKinds) add({ equipmentKind: kind }, 'instructor')
        for (const m of machines.filter((m) => m.permitPerMachine)) add({ equipmentId: m.id }, 'instructor')
        break
      case 'teacher':
        for (const kind of random.shuffle([...sharedKinds]).slice(0, random.int(2, 5))) add({ equipmentKind: kind }, 'instructor')
        for (const m of perMachine('robot_arm')) if (random.chance(0.3)) add({ equipmentId: m.id }, 'instructor')
        break
      case 'student':
        if (random.chance(0.9)) add({ equipmentKind: 'laser_cutter' }, 'supervised')
        if (random.chance(0.6)) add({ equipmentKind: 'cnc_router' }, 'supervised')
        if (random.chance(0.5)) add({ equipmentKind: 'panel_saw' }, 'supervised')
        // After a year some show they can work alone on the laser.
        if (random.chance(0.25)) add({ equipmentKind: 'laser_cutter' }, 'independent', grantedAt + 365 * DAY_MS)
        break
      case 'freelancer': {
        const chances: [EquipmentKind, number][] = [
          ['laser_cutter', 0.7],
          ['cnc_router', 0.5],
          ['panel_saw', 0.4],
          ['vacuum_press', 0.25],
          ['edge_bander', 0.25],
        ]
        for (const [kind, chance] of chances) if (random.chance(chance)) add({ equipmentKind: kind }, 'independent')
        for (const m of machines.filter((m) => m.permitPerMachine)) if (random.chance(0.15)) add({ equipmentId: m.id }, 'independent')
        break
      }
      case 'guest':
        add({ equipmentKind: 'laser_cutter' }, 'supervised')
        break
    }
  }
  return plans.sort((a, b) => a.grantedAt - b.grantedAt)
}

const REVOKE_REASONS = ['Veiligheidsregels niet nageleefd', 'Schade niet gemeld', 'Op eigen verzoek', 'Herhaalde no-show']

async function grantPermits(centre: Centre, machines: MachineModel[]): Promise<PermitModel[]> {
  const { all, coordinator } = peopleState.get(centre)
  const random = centre.random('permits')
  const plans = planPermits(all, machines, random)
  const permits: PermitModel[] = []
  for (const plan of plans) {
    centre.clock.simulate(plan.grantedAt)
    const target = plan.equipmentId !== undefined ? { equipmentId: plan.equipmentId } : { equipmentKind: plan.equipmentKind! }
    const made = await centre.call(coordinator.id, 'permits.grant', {
      personId: plan.person.id,
      ...target,
      level: plan.level,
      validUntil: plan.validUntil,
      note: null,
    })
    permits.push({
      id: made.id,
      person: plan.person,
      equipmentId: plan.equipmentId ?? null,
      equipmentKind: plan.equipmentKind ?? null,
      level: plan.level,
      grantedAt: plan.grantedAt,
      validUntil: plan.validUntil,
      revokedAt: plan.revokeAt,
    })
  }
  const revoked = permits.filter((p) => p.revokedAt !== null).sort((a, b) => a.revokedAt! - b.revokedAt!)
  for (const permit of revoked) {
    centre.clock.simulate(permit.revokedAt!)
    await centre.call(coordinator.id, 'permits.revoke', { id: permit.id, reason: random.pick(REVOKE_REASONS) })
  }
  centre.figures.permits = permits.length
  centre.figures.permits_revoked = revoked.length
  return permits
}

/** Intervals in which each person may book a machine: their permits, or simply being around when none is needed. */
function eligibilityOf(machines: MachineModel[], permits: PermitModel[], people: PersonModel[]) {
  const cache = new Map<number, Eligibility[]>()
  const endOfDate = (date: string) => toInstant(addDays(date, 1), '00:00', ZONE)
  return (machine: MachineModel): Eligibility[] => {
    let list = cache.get(machine.id)
    if (list) return list
    if (!machine.rules.needsPermit) {
      list = people
        .filter((p) => p.role !== 'coordinator')
        .map((person) => ({ person, level: null, from: person.joinedAt, to: person.leftAt ?? Infinity, validUntil: null }))
    } else {
      list = permits
        .filter((p) => p.equipmentId === machine.id || p.equipmentKind === machine.kind)
        .map((p) => ({
          person: p.person,
          level: p.level,
          from: p.grantedAt,
          to: Math.min(p.revokedAt ?? Infinity, p.person.leftAt ?? Infinity, p.validUntil ? endOfDate(p.validUntil) : Infinity),
          validUntil: p.validUntil,
        }))
        .filter((e) => e.to > e.from)
    }
    list.sort((a, b) => a.from - b.from)
    cache.set(machine.id, list)
    return list
  }
}

export const equipmentModule: BenchModule = {
  name: 'equipment',
  async generate(centre) {
    const { all, coordinator } = peopleState.get(centre)
    const machines = await createMachines(centre, coordinator.id)
    const permits = await grantPermits(centre, machines)
    equipmentState.set(centre, { machines, permits, eligibility: eligibilityOf(machines, permits, all) })
    centre.figures.machines = machines.length
  },
  operations: () => [],
}
