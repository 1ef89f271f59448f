// Inputs for the measured booking creates: a free slot on the grid, inside opening hours, within
// the horizon, for someone with a valid permit and room in their quota, with a supervisor where
// one is needed. Every call then succeeds with every rule checked, so the figure is the cost of a
// real booking. The planner remembers what it handed out (dispatcher, floor and HTTP alike), so
// later slots stay free; and it can hand out an occupied slot for the refused-overlap variant.
import { BENCH_NOW, DAY_MS, MINUTE_MS } from '../lib/clock'
import { addDays, LocalDay, localDateOf } from '../lib/calendar'
import { zipf, type Random } from '../lib/random'
import { equipmentState, type Eligibility, type MachineModel } from './equipment'
import { peopleState, type PersonModel } from './people'
import { quotaKey, type HistoryFacts, type KnownBooking } from './bookingHistory'
import type { Centre } from '../lib/types'

export interface PlannedBooking {
  machine: MachineModel
  startsAt: number
  endsAt: number
  blockUntil: number
  person: PersonModel
  supervisor: PersonModel | null
  /** Who makes the call: the person, or the teacher booking for their student. */
  actor: PersonModel
}

export class SlotPlanner {
  private readonly days = new Map<string, LocalDay>()
  private readonly eligibleNow = new Map<number, Eligibility[]>()
  private readonly teachers: PersonModel[]
  private readonly lengthOf: ((random: Random) => number)[]
  private readonly today: string

  constructor(
    private readonly centre: Centre,
    private readonly facts: HistoryFacts,
  ) {
    const { machines } = equipmentState.get(centre)
    this.teachers = peopleState.get(centre).all.filter((p) => p.role === 'teacher' && p.leftAt === null)
    this.lengthOf = machines.map((m) => zipf(m.lengths, 1.1))
    this.today = localDateOf(BENCH_NOW)
  }

  get machines(): MachineModel[] {
    return equipmentState.get(this.centre).machines
  }

  private day(date: string): LocalDay {
    let day = this.days.get(date)
    if (!day) this.days.set(date, (day = new LocalDay(date)))
    return day
  }

  /** The last day ahead that every path may book on this machine (horizon, generated future). */
  private lastDayAhead(m: MachineModel) {
    return Math.min(m.rules.horizonDays - 2, 88)
  }

  private isFree(m: MachineModel, startsAt: number, blockUntil: number): boolean {
    return !this.facts.upcoming[m.index]!.some((b) => b.startsAt < blockUntil && b.blockUntil > startsAt)
  }

  /** People with a permit valid now and through the horizon, active, not coordinators (whose rules differ). */
  private eligible(m: MachineModel): Eligibility[] {
    let list = this.eligibleNow.get(m.id)
    if (!list) {
      const until = BENCH_NOW + (m.rules.horizonDays + 1) * DAY_MS
      list = equipmentState
        .get(this.centre)
        .eligibility(m)
        .filter((e) => e.from <= BENCH_NOW && e.to > until && e.person.leftAt === null && e.person.role !== 'coordinator')
      this.eligibleNow.set(m.id, list)
    }
    return list
  }

  private quotaLeft(m: MachineModel, person: PersonModel): boolean {
    const max = m.rules.maxFutureBookings
    return max === null || (this.facts.futureUse.get(quotaKey(person.id, m.index)) ?? 0) < max
  }

  /** Someone who may book this machine now, with a supervisor when the rules want one. */
  private who(m: MachineModel, random: Random): Pick<PlannedBooking, 'person' | 'supervisor' | 'actor'> | null {
    const eligible = this.eligible(m)
    for (let tries = 0; tries < 30 && eligible.length > 0; tries++) {
      const e = random.pick(eligible)
      if (!this.quotaLeft(m, e.person)) continue
      const needsSupervisor = (e.person.role === 'student' && m.rules.studentsNeedSupervisor) || e.level === 'supervised'
      const supervisor = needsSupervisor ? random.pick(this.teachers.filter((t) => t.id !== e.person.id)) : null
      const actor = supervisor && random.chance(0.25) ? supervisor : e.person
      return { person: e.person, supervisor, actor }
    }
    return null
  }

  /** A free slot for someone allowed to take it; marks it taken. */
  free(random: Random): PlannedBooking {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const m = random.pick(this.machines)
      const { slotMinutes: slot, bufferMinutes: buffer } = m.rules
      const date = addDays(this.today, random.int(1, this.lastDayAhead(m)))
      if (m.rules.closedDates.includes(date)) continue
      const day = this.day(date)
      if (!day.regular) continue
      const ranges = m.hours[day.weekday - 1]!
      if (ranges.length === 0) continue
      const range = random.pick(ranges)
      const length = this.lengthOf[m.index]!(random)
      if (length + buffer > this.facts.longestBlockMinutes[m.index]!) continue
      // Whole slots from the range's start, and between 06:00 and 23:00 so no night-time edge case decides.
      const first = Math.max(range.from, 360)
      const last = Math.min(range.to, 1380) - length
      if (last < first) continue
      const steps = Math.floor((last - first) / slot)
      const minute = Math.ceil(first / slot) * slot + random.int(0, Math.max(0, steps - 1)) * slot
      if (minute + length > Math.min(range.to, 1380)) continue
      const startsAt = day.at(minute)
      const endsAt = day.at(minute + length)
      const blockUntil = endsAt + buffer * MINUTE_MS
      if (!this.isFree(m, startsAt, blockUntil)) continue
      const who = this.who(m, random)
      if (!who) continue
      this.take(m, { startsAt, endsAt, blockUntil, kind: 'use' }, who.person)
      return { machine: m, startsAt, endsAt, blockUntil, ...who }
    }
    throw new Error('No free slot found for a measured booking: the generated future is too full')
  }

  /** A slot some booking already occupies, with someone who could otherwise book it: refused as an overlap. */
  occupied(random: Random): PlannedBooking {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const m = random.pick(this.machines)
      const earliest = BENCH_NOW + DAY_MS
      const latest = BENCH_NOW + this.lastDayAhead(m) * DAY_MS
      const upcoming = this.facts.upcoming[m.index]!.filter((b) => b.startsAt > earliest && b.startsAt < latest && b.kind === 'use')
      if (upcoming.length === 0) continue
      const b = random.pick(upcoming)
      if (!this.day(localDateOf(b.startsAt)).regular) continue
      const who = this.who(m, random)
      if (!who) continue
      return { machine: m, startsAt: b.startsAt, endsAt: b.endsAt, blockUntil: b.blockUntil, ...who }
    }
    throw new Error('No occupied slot found for the refused-overlap variant')
  }

  private take(m: MachineModel, booking: KnownBooking, person: PersonModel) {
    this.facts.upcoming[m.index]!.push(booking)
    const key = quotaKey(person.id, m.index)
    this.facts.futureUse.set(key, (this.facts.futureUse.get(key) ?? 0) + 1)
  }
}
