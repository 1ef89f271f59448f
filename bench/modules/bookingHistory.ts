// Ten years of bookings, written straight into the tables. History is data: the operations the
// bench measures go through the dispatcher, but 500,000 past bookings made one by one through it
// would take a long time and measure nothing we report. So the history is generated here and
// bulk-inserted with prepared statements inside big transactions, and it is made to be what the
// core would have accepted:
//   - per machine no two occupying bookings overlap, the machine's buffer included;
//   - every booking lies inside one opening range of its local day, on the slot grid, within the
//     machine's minimum and maximum length, never on a closed day;
//   - the person had a valid permit then (or the machine needs none), students and supervised
//     permits have a supervisor, future bookings respect the per-person quota;
//   - equipment.longest_block_minutes is at least every booking's (block_until - starts_at), which
//     the overlap search relies on for its lower bound;
//   - statuses follow time: mostly completed in the past (some cancelled or no-show), checked in
//     right now, confirmed or requested ahead.
// How: first a dense schedule of candidate bookings for every machine and open day (back to back
// with small gaps), then exactly N of them are kept by systematic sampling with weights (the centre
// grows over the years, summers and Christmas are quiet, weekends too, the future thins out), so
// the kept ones cannot overlap. Checked afterwards with SQL; a violation stops the run.
import type { Role } from '../../src/shared/people'
import { BENCH_NOW, DAY_MS, MINUTE_MS } from '../lib/clock'
import { addDays, LocalDay, spanOf } from '../lib/calendar'
import { zipf, type Random } from '../lib/random'
import type { Centre } from '../lib/types'
import { bookingPurpose, CANCEL_REASONS, MAINTENANCE_PURPOSES, TRAINING_PURPOSES } from '../lib/vocabulary'
import { CLOSED_DATES, equipmentState, type Eligibility, type MachineModel } from './equipment'
import { peopleState, type PersonModel } from './people'

/** An occupying booking from the last day on, for the free-slot search of the measured creates. */
export interface KnownBooking {
  startsAt: number
  endsAt: number
  blockUntil: number
  kind: 'use' | 'training' | 'maintenance'
}

export interface HistoryFacts {
  /** Per machine index: the longest block written, in minutes. */
  longestBlockMinutes: number[]
  /** Per machine index: occupying bookings that start after yesterday. */
  upcoming: KnownBooking[][]
  /** Future 'use' bookings per person and machine (key: quotaKey), for the quota rule. */
  futureUse: Map<number, number>
}

export const quotaKey = (personId: number, machineIndex: number) => personId * 64 + machineIndex

const HOLIDAYS_EVERY_YEAR = ['01-01', '04-27', '12-25', '12-26']

interface Candidates {
  machine: number[]
  day: number[]
  start: number[]
  end: number[]
}

/** Every open day of every machine, filled back to back with bookings of typical lengths. */
function candidateSchedule(machines: MachineModel[], days: LocalDay[], random: Random): Candidates {
  const c: Candidates = { machine: [], day: [], start: [], end: [] }
  const holidays = new Set(CLOSED_DATES)
  const lengthOf = machines.map((m) => zipf(m.lengths, 1.1))
  // Where each machine's last block ends: a late booking's buffer can reach into the next day.
  const blockedUntil = machines.map(() => -Infinity)
  days.forEach((day, d) => {
    const midnight = day.at(0)
    const holiday = holidays.has(day.date) || HOLIDAYS_EVERY_YEAR.includes(day.date.slice(5))
    for (const m of machines) {
      if (holiday && !m.allDay) continue
      const { slotMinutes: slot, bufferMinutes: buffer } = m.rules
      for (const range of m.hours[day.weekday - 1]!) {
        // On the two nights a year the clocks change, keep clear of the hours that repeat or vanish.
        let cursor = day.regular ? range.from : Math.max(range.from, 240)
        const carried = (blockedUntil[m.index]! - midnight) / MINUTE_MS
        if (carried > cursor) cursor = Math.ceil(carried / slot) * slot
        for (;;) {
          const roll = random()
          const start = cursor + (roll < 0.7 ? 0 : roll < 0.9 ? 1 : 2) * slot
          let length = lengthOf[m.index]!(random)
          if (start + length > range.to) {
            const fitting = m.lengths.filter((l) => start + l <= range.to)
            if (fitting.length === 0) break
            length = Math.max(...fitting)
          }
          c.machine.push(m.index)
          c.day.push(d)
          c.start.push(start)
          c.end.push(start + length)
          blockedUntil[m.index] = day.at(start + length) + buffer * MINUTE_MS
          cursor = Math.ceil((start + length + buffer) / slot) * slot
        }
      }
    }
  })
  return c
}

interface DayPlan {
  /** How busy a past day is relative to others: growth over the years, quiet seasons, weekends. */
  weight: number[]
  /** For days ahead, the share of the candidates booked already, fixed: the future thins out. */
  fixed: (number | null)[]
}

function dayPlan(days: LocalDay[], firstDay: number, now: number): DayPlan {
  const plan: DayPlan = { weight: [], fixed: [] }
  for (const day of days) {
    const t = day.at(720)
    const growth = 0.7 + (0.3 * Math.min(1, Math.max(0, t - firstDay))) / Math.max(1, now - firstDay)
    const md = day.date.slice(5)
    const season = (md >= '07-15' && md <= '08-31') || md >= '12-20' || md <= '01-05' ? 0.45 : 1
    const weekend = day.weekday === 6 ? 0.6 : day.weekday === 7 ? 0.35 : 1
    plan.weight.push(growth * season * weekend)
    // Fixed rather than scaled with the past, so the weeks ahead keep room for the measured bookings
    // however full the past is: about two thirds booked tomorrow, a twentieth two months ahead.
    const ahead = (t - now) / DAY_MS
    plan.fixed.push(ahead <= 0.5 ? null : Math.max(0.05, 0.7 - (0.65 * ahead) / 60) * weekend)
  }
  return plan
}

/**
 * Keeps exactly `wanted` candidates: each with probability min(1, s·weight) on past days (the
 * fixed share ahead), s solved so the probabilities add up to `wanted`, then systematic sampling
 * (one random offset, keep a candidate each time the running sum crosses a whole number).
 */
function keepExactly(c: Candidates, plan: DayPlan, wanted: number, random: Random): Uint8Array {
  const perDay = new Array<number>(plan.weight.length).fill(0)
  for (const d of c.day) perDay[d]!++
  const probability = (d: number, s: number) => plan.fixed[d] ?? Math.min(1, s * plan.weight[d]!)
  const expected = (s: number) => perDay.reduce((sum, n, d) => sum + n * probability(d, s), 0)
  if (expected(1e12) < wanted) {
    throw new Error(`The candidate schedule has room for ${Math.floor(expected(1e12))} bookings, fewer than the ${wanted} wanted`)
  }
  let lo = 0
  let hi = 1
  while (expected(hi) < wanted) hi *= 2
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (expected(mid) < wanted) lo = mid
    else hi = mid
  }
  const keep = new Uint8Array(c.day.length)
  let running = random()
  let kept = 0
  for (let i = 0; i < keep.length; i++) {
    const before = Math.floor(running)
    running += probability(c.day[i]!, hi)
    if (Math.floor(running) > before && kept < wanted) {
      keep[i] = 1
      kept++
    }
  }
  // Rounding can leave the count one short: take the first unkept past candidates.
  for (let i = 0; kept < wanted && i < keep.length; i++) {
    if (!keep[i]) {
      keep[i] = 1
      kept++
    }
  }
  return keep
}

/** People who may book one machine at a moment, drawn by how much they book. */
class Pool {
  private next = 0
  private readonly active: Eligibility[] = []
  constructor(private readonly list: Eligibility[]) {}

  /** Someone eligible at `t` that `accept` takes, or null. */
  draw(t: number, random: Random, accept: (e: Eligibility) => boolean = () => true): Eligibility | null {
    while (this.next < this.list.length && this.list[this.next]!.from <= t) this.active.push(this.list[this.next++]!)
    for (let tries = 0; tries < 60 && this.active.length > 0; tries++) {
      const k = Math.floor(random() * this.active.length)
      const e = this.active[k]!
      if (e.to <= t) {
        this.active[k] = this.active.at(-1)!
        this.active.pop()
        continue
      }
      if (random() > e.person.activity || !accept(e)) continue
      return e
    }
    return null
  }
}

const personPool = (people: PersonModel[]) =>
  new Pool(
    people
      .map((person) => ({ person, level: null, from: person.joinedAt, to: person.leftAt ?? Infinity, validUntil: null }))
      .sort((a, b) => a.from - b.from),
  )

const INSERT_BOOKING = `INSERT INTO bookings (equipment_id, kind, person_id, booked_by, supervisor_id, starts_at, ends_at, block_until,
    status, purpose, cost_cents, cancel_reason, cancelled_by, cancelled_at, checked_in_at, checked_out_at, actual_minutes,
    sequence, version, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const INSERT_PARTICIPANT = 'INSERT OR IGNORE INTO booking_participants (booking_id, person_id) VALUES (?, ?)'
const BATCH = 25_000

export function generateHistory(centre: Centre): HistoryFacts {
  const { machines, eligibility } = equipmentState.get(centre)
  const { all: people } = peopleState.get(centre)
  const random = centre.random('bookings')
  const span = spanOf(centre.scale)
  const now = BENCH_NOW
  const db = centre.core.db

  const days: LocalDay[] = []
  for (let date = span.firstDate; date <= span.lastDate; date = addDays(date, 1)) days.push(new LocalDay(date))

  const started = performance.now()
  const c = candidateSchedule(machines, days, random)
  const keep = keepExactly(c, dayPlan(days, span.start, now), centre.scale.bookings, random)
  centre.figures.booking_candidates = c.day.length
  centre.figures.booking_plan_s = round((performance.now() - started) / 1000)

  const pools = machines.map((m) => new Pool(eligibility(m)))
  const teachers = personPool(people.filter((p) => p.role === 'teacher'))
  const students = personPool(people.filter((p) => p.role === 'student'))
  const coordinators = people.filter((p) => p.role === 'coordinator')
  const coordinatorAt = (t: number) =>
    random.pick(coordinators.filter((p) => p.joinedAt <= t).length ? coordinators.filter((p) => p.joinedAt <= t) : coordinators)

  const facts: HistoryFacts = {
    longestBlockMinutes: machines.map(() => 0),
    upcoming: machines.map(() => []),
    futureUse: new Map(),
  }
  const insertBooking = db.prepare(INSERT_BOOKING)
  const insertParticipant = db.prepare(INSERT_PARTICIPANT)
  const lead = (r: number) => Math.exp(r * Math.log(21 * 24 * 60)) * MINUTE_MS // 1 minute to 3 weeks, log-uniform
  const iso = (ms: number) => new Date(ms).toISOString()
  const statusCount = new Map<string, number>()
  let participants = 0
  let written = 0

  db.exec('BEGIN')
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue
    const m = machines[c.machine[i]!]!
    const day = days[c.day[i]!]!
    const startsAt = day.at(c.start[i]!)
    const endsAt = day.at(c.end[i]!)
    const blockUntil = endsAt + m.rules.bufferMinutes * MINUTE_MS
    const future = startsAt > now
    const pool = pools[m.index]!

    let kind: KnownBooking['kind'] = 'use'
    let person: PersonModel | null = null
    let level: Eligibility['level'] = null
    const roll = random()
    if (roll < 0.01) kind = 'maintenance'
    else if (m.rules.needsPermit && roll < 0.035) {
      const instructor = pool.draw(startsAt, random, (e) => e.level === 'instructor')
      if (instructor) {
        kind = 'training'
        person = instructor.person
      }
    }
    if (kind === 'use') {
      const quota = m.rules.maxFutureBookings
      const e = pool.draw(
        startsAt,
        random,
        (e) => !future || quota === null || (facts.futureUse.get(quotaKey(e.person.id, m.index)) ?? 0) < quota,
      )
      if (e) {
        person = e.person
        level = e.level
      } else kind = 'maintenance'
    }

    const role: Role | null = person?.role ?? null
    const needsSupervisor = kind === 'use' && ((role === 'student' && m.rules.studentsNeedSupervisor) || level === 'supervised')
    const supervisor = needsSupervisor
      ? (teachers.draw(startsAt, random, (e) => e.person.id !== person!.id)?.person ?? coordinatorAt(startsAt))
      : null
    const bookedBy =
      kind !== 'use'
        ? coordinatorAt(startsAt)
        : supervisor && random.chance(0.25)
          ? supervisor
          : role === 'guest' && random.chance(0.5)
            ? coordinatorAt(startsAt)
            : person!

    let status: string
    const r = random()
    if (endsAt <= now)
      status = kind === 'maintenance' ? (r < 0.97 ? 'completed' : 'cancelled') : r < 0.86 ? 'completed' : r < 0.95 ? 'cancelled' : 'no_show'
    else if (startsAt <= now) status = 'checked_in'
    else if (r < 0.05) status = 'cancelled'
    else status = kind === 'use' && m.rules.needsApproval && bookedBy.role !== 'coordinator' && r < 0.4 ? 'requested' : 'confirmed'
    statusCount.set(status, (statusCount.get(status) ?? 0) + 1)

    const createdAt = Math.min(startsAt - lead(random()), now - random.int(1, 600) * MINUTE_MS)
    let updatedAt = createdAt
    let cancel: [string, number, string] | null = null
    let checkedIn: number | null = null
    let checkedOut: number | null = null
    let version = 1
    let sequence = 0
    if (status === 'cancelled') {
      const at = createdAt + random() * (Math.min(startsAt, now) - createdAt)
      cancel = [random.pick(CANCEL_REASONS), random.chance(0.8) ? bookedBy.id : coordinatorAt(at).id, iso(at)]
      updatedAt = at
      version = 2
      sequence = 1
    } else if (status === 'completed' || status === 'checked_in') {
      checkedIn = startsAt + random.int(-5, 10) * MINUTE_MS
      updatedAt = checkedIn
      version = 2
      if (status === 'completed') {
        checkedOut = Math.max(checkedIn + 5 * MINUTE_MS, endsAt - random.int(0, 20) * MINUTE_MS)
        updatedAt = checkedOut
        version = 3
      }
    } else if (status === 'no_show') {
      updatedAt = endsAt + 30 * MINUTE_MS
      version = 2
    } else if (status === 'confirmed' && m.rules.needsApproval && kind === 'use') {
      version = 2 // approved by a coordinator after the request
      sequence = 1
    }

    const purpose =
      kind === 'maintenance'
        ? random.pick(MAINTENANCE_PURPOSES)
        : kind === 'training'
          ? `${random.pick(TRAINING_PURPOSES)} ${m.name.split(' ')[0]!.toLowerCase()}`
          : bookingPurpose(random)
    const cost = role ? Math.round(((endsAt - startsAt) / 3_600_000) * m.rules.hourlyRates[role]) : 0

    const result = insertBooking.run(
      m.id,
      kind,
      person?.id ?? null,
      bookedBy.id,
      supervisor?.id ?? null,
      startsAt,
      endsAt,
      blockUntil,
      status,
      purpose,
      cost,
      cancel?.[0] ?? null,
      cancel?.[1] ?? null,
      cancel?.[2] ?? null,
      checkedIn,
      checkedOut,
      checkedIn !== null && checkedOut !== null ? Math.round((checkedOut - checkedIn) / MINUTE_MS) : null,
      sequence,
      version,
      iso(createdAt),
      iso(updatedAt),
    )
    if (kind === 'training') {
      const id = Number(result.lastInsertRowid)
      for (let k = random.int(2, 6); k > 0; k--) {
        const student = students.draw(startsAt, random)
        if (student) participants += insertParticipant.run(id, student.person.id).changes
      }
    }

    const minutes = Math.ceil((blockUntil - startsAt) / MINUTE_MS)
    if (minutes > facts.longestBlockMinutes[m.index]!) facts.longestBlockMinutes[m.index] = minutes
    const occupying = status !== 'cancelled' && status !== 'no_show'
    if (occupying && startsAt > now - DAY_MS) facts.upcoming[m.index]!.push({ startsAt, endsAt, blockUntil, kind })
    if (occupying && future && kind === 'use' && person) {
      const key = quotaKey(person.id, m.index)
      facts.futureUse.set(key, (facts.futureUse.get(key) ?? 0) + 1)
    }
    if (++written % BATCH === 0) {
      db.exec('COMMIT')
      db.exec('BEGIN')
    }
  }
  // The overlap search's lower bound must cover every block written.
  const setLongest = db.prepare('UPDATE equipment SET longest_block_minutes = max(longest_block_minutes, ?) WHERE id = ?')
  for (const m of machines) setLongest.run(facts.longestBlockMinutes[m.index]!, m.id)
  db.exec('COMMIT')

  centre.figures.bookings = written
  centre.figures.booking_participants = participants
  for (const [status, n] of [...statusCount].sort()) centre.figures[`bookings_${status}`] = n
  checkHistory(centre)
  return facts
}

/** The history must be what the core would have accepted; a violation is a generator bug. */
function checkHistory(centre: Centre) {
  const db = centre.core.db
  const overlaps = db
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM (
         SELECT starts_at, lag(block_until) OVER (PARTITION BY equipment_id ORDER BY starts_at) AS previous_block
         FROM bookings WHERE status IN ('requested', 'confirmed', 'checked_in', 'completed'))
       WHERE previous_block > starts_at`,
    )
    .get()!.n
  const beyondLongest = db
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM bookings b JOIN equipment e ON e.id = b.equipment_id
       WHERE b.block_until - b.starts_at > e.longest_block_minutes * 60000`,
    )
    .get()!.n
  if (overlaps || beyondLongest) {
    throw new Error(`Generated history is invalid: ${overlaps} overlapping bookings, ${beyondLongest} longer than longest_block_minutes`)
  }
}

const round = (x: number) => Math.round(x * 100) / 100
