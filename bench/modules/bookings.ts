// Bookings: ten years of history (bookingHistory.ts), and the operations the issue puts targets on:
// creating a booking with every rule checked (and one refused as an overlap), loading one machine's
// week and the whole centre's week. Floors: the core's own SQL (copied below and checked against a trace of the
// real call) on a direct better-sqlite3 connection.
import { BENCH_NOW, DAY_MS } from '../lib/clock'
import { addDays, localDateOf, weekdayOf, ZONE } from '../lib/calendar'
import { immediate } from '../lib/floorDb'
import { moduleState, type BenchModule, type Centre, type Invocation, type Operation } from '../lib/types'
import { toInstant } from '../../src/shared/calendarTime'
import { bookingPurpose } from '../lib/vocabulary'
import { generateHistory, type HistoryFacts } from './bookingHistory'
import { SlotPlanner, type PlannedBooking } from './bookingSlots'
import { equipmentState } from './equipment'
import { peopleState } from './people'

export const bookingsState = moduleState<HistoryFacts>('bookings')

// The core's statements (src/main/bookings/bookingService.ts). The trace check reports when they drift.
const OVERLAP_SQL = `SELECT b.id, b.kind, b.starts_at, b.ends_at, p.name FROM bookings b LEFT JOIN people p ON p.id = b.person_id
     WHERE b.equipment_id = @machine AND b.status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND b.starts_at < @blockUntil AND b.starts_at >= @lowerBound AND b.block_until > @start AND b.id <> @self
     ORDER BY b.starts_at LIMIT 1`
const INSERT_SQL = `INSERT INTO bookings (equipment_id, kind, person_id, booked_by, supervisor_id, starts_at, ends_at, block_until, status,
       purpose, cost_cents, series_id, created_at, updated_at)
     VALUES (@equipmentId, @kind, @personId, @bookedBy, @supervisorId, @startsAt, @endsAt, @blockUntil, @status,
       @purpose, @cost, @seriesId, @now, @now)`
const SELECT_SQL = `SELECT b.id, b.equipment_id, e.name, b.kind, b.person_id, p.name, b.booked_by, bb.name, b.supervisor_id, s.name,
    (SELECT json_group_array(json_object('id', pp.id, 'name', pp.name))
       FROM booking_participants bp JOIN people pp ON pp.id = bp.person_id WHERE bp.booking_id = b.id),
    b.starts_at, b.ends_at, b.status, b.purpose, b.cost_cents, b.cancel_reason, b.checked_in_at, b.checked_out_at,
    b.actual_minutes, b.sequence, b.version, b.created_at
  FROM bookings b
  JOIN equipment e ON e.id = b.equipment_id
  JOIN people bb ON bb.id = b.booked_by
  LEFT JOIN people p ON p.id = b.person_id
  LEFT JOIN people s ON s.id = b.supervisor_id`
const LIST_FILTERS = `AND (@person IS NULL OR b.person_id = @person OR b.booked_by = @person
        OR EXISTS (SELECT 1 FROM booking_participants bp WHERE bp.booking_id = b.id AND bp.person_id = @person))
      AND (@cancelled = 1 OR b.status NOT IN ('cancelled', 'no_show'))`
// All machines: bounded below by the longest block of any machine.
const LONGEST_SQL = 'SELECT max(longest_block_minutes) AS m FROM equipment'
const LIST_ALL_SQL =
  SELECT_SQL +
  ' WHERE b.starts_at < @to AND b.starts_at >= @lowerBound AND b.ends_at > @from ' +
  LIST_FILTERS +
  ' ORDER BY b.starts_at, b.id'
// Listed machines: one at a time, each by its own index range and its own longest block.
const LONGEST_OF_SQL = 'SELECT longest_block_minutes AS m FROM equipment WHERE id = ?'
const LIST_ONE_SQL =
  SELECT_SQL +
  ' WHERE b.equipment_id = @machine AND b.starts_at < @to AND b.starts_at >= @lowerBound AND b.ends_at > @from ' +
  LIST_FILTERS +
  ' ORDER BY b.starts_at, b.id'

// src/main/bookings/availability.ts and src/main/equipment/equipmentService.ts
const BUSY_SQL = `SELECT starts_at AS startsAt, block_until AS endsAt FROM bookings
     WHERE equipment_id = @machine AND status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND starts_at < @to AND starts_at >= @lowerBound AND block_until > @from
     ORDER BY starts_at`
const EQUIPMENT_LIST_SQL = `SELECT * FROM equipment WHERE (@retired = 1 OR status <> 'retired') AND (@kind IS NULL OR kind = @kind)
         ORDER BY name COLLATE NOCASE`

const iso = (ms: number) => new Date(ms).toISOString()

function createInput(b: PlannedBooking, purpose: string | null) {
  return {
    equipmentId: b.machine.id,
    personId: b.person.id,
    startsAt: iso(b.startsAt),
    endsAt: iso(b.endsAt),
    purpose,
    supervisorId: b.supervisor?.id ?? null,
  }
}

function createOperations(centre: Centre, planner: SlotPlanner): Operation[] {
  const random = centre.random('bookings.create')
  const { longestBlockMinutes } = bookingsState.get(centre)
  const overlap = centre.floorDb.prepare(OVERLAP_SQL)
  const insert = centre.floorDb.prepare(INSERT_SQL)
  const overlapParams = (b: PlannedBooking) => ({
    machine: b.machine.id,
    start: b.startsAt,
    blockUntil: b.blockUntil,
    lowerBound: b.startsAt - longestBlockMinutes[b.machine.index]! * 60_000,
    self: 0,
  })
  const floorCreate = immediate(centre.floorDb, (b: PlannedBooking, purpose: string | null) => {
    if (overlap.get(overlapParams(b))) throw new Error('floor slot is not free')
    insert.run({
      equipmentId: b.machine.id,
      kind: 'use',
      personId: b.person.id,
      bookedBy: b.actor.id,
      supervisorId: b.supervisor?.id ?? null,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      blockUntil: b.blockUntil,
      status: 'confirmed',
      purpose,
      cost: 0,
      seriesId: null,
      now: centre.clock().toISOString(),
    })
  })
  const clash = new Error('clash')
  const floorRefused = immediate(centre.floorDb, (b: PlannedBooking) => {
    // The core finds the clash and throws, which rolls the transaction back.
    if (overlap.get(overlapParams(b))) throw clash
    throw new Error('floor slot is free, expected a clash')
  })

  return [
    {
      name: 'bookings.create',
      title: 'booking create, every rule checked',
      iterations: 2000,
      target: { metric: 'p95_ms', below: 2, source: 'issue 3' },
      http: true,
      next(): Invocation {
        const b = planner.free(random)
        return { method: 'bookings.create', input: createInput(b, bookingPurpose(random)), actorId: b.actor.id, expect: 'ok' }
      },
      floor() {
        const b = planner.free(random)
        const purpose = bookingPurpose(random)
        return () => floorCreate(b, purpose)
      },
      floorSql: [OVERLAP_SQL, INSERT_SQL],
    },
    {
      name: 'bookings.create refused',
      title: 'booking create refused (overlap)',
      iterations: 1000,
      next(): Invocation {
        const b = planner.occupied(random)
        return {
          method: 'bookings.create',
          input: createInput(b, bookingPurpose(random)),
          actorId: b.actor.id,
          expect: { code: 'CONFLICT' },
        }
      },
      floor() {
        const b = planner.occupied(random)
        return () => {
          try {
            floorRefused(b)
          } catch (error) {
            if (error !== clash) throw error
          }
        }
      },
      floorSql: [OVERLAP_SQL],
    },
  ]
}

/**
 * Local Monday 00:00 of the last 52 weeks and the next 8: where people look, and the same stretch
 * at every size, so the growth figures compare like with like (ten times the history behind it).
 */
function weekStarts(): number[] {
  const today = localDateOf(BENCH_NOW)
  const monday = addDays(today, 1 - weekdayOf(today))
  const weeks: number[] = []
  for (let week = -52; week < 8; week++) weeks.push(toInstant(addDays(monday, week * 7), '00:00', ZONE))
  return weeks
}

function listOperations(centre: Centre): Operation[] {
  const { machines } = equipmentState.get(centre)
  const actors = peopleState.get(centre).all.filter((p) => p.leftAt === null)
  const random = centre.random('bookings.list')
  const weeks = weekStarts()
  const longest = centre.floorDb.prepare(LONGEST_SQL)
  const longestOf = centre.floorDb.prepare(LONGEST_OF_SQL)
  // Rows as arrays, as the core reads them (bookingService.ts, rowOf).
  const listAll = centre.floorDb.prepare(LIST_ALL_SQL).raw(true)
  const listOne = centre.floorDb.prepare(LIST_ONE_SQL).raw(true)

  interface Range {
    from: number
    to: number
    equipmentIds?: number[]
  }
  const input = (r: Range) => ({ from: iso(r.from), to: iso(r.to), ...(r.equipmentIds ? { equipmentIds: r.equipmentIds } : {}) })
  const floorOf = (r: Range): unknown[] => {
    const common = { from: r.from, to: r.to, person: null, cancelled: 0 }
    if (r.equipmentIds) {
      return r.equipmentIds.flatMap((machine) => {
        const m = (longestOf.get(machine) as { m: number } | undefined)?.m ?? 0
        return listOne.all({ ...common, machine, lowerBound: r.from - m * 60_000 })
      })
    }
    const m = (longest.get() as { m: number | null }).m ?? 0
    return listAll.all({ ...common, lowerBound: r.from - m * 60_000 })
  }
  const week = (machine: boolean): Range => {
    const from = random.pick(weeks)
    // A week is 7 local days: 167 or 169 hours across a clock change.
    const to = toInstant(addDays(new Date(from + 12 * 3_600_000).toISOString().slice(0, 10), 7), '00:00', ZONE)
    return machine ? { from, to, equipmentIds: [random.pick(machines).id] } : { from, to }
  }
  const operation = (name: string, title: string, iterations: number, range: () => Range, extra: Partial<Operation> = {}): Operation => ({
    name,
    title,
    iterations,
    next: () => ({ method: 'bookings.list', input: input(range()), actorId: random.pick(actors).id, expect: 'ok' }),
    floor() {
      const r = range()
      return () => floorOf(r)
    },
    floorSql: [LONGEST_SQL, LIST_ALL_SQL],
    async verify() {
      const r = range()
      const result = await centre.core.call('bookings.list', { input: input(r), actorId: actors[0]!.id })
      if (!result.ok) return `bookings.list failed: ${result.error.message}`
      const core = (result.value as unknown[]).length
      const floor = floorOf(r).length
      return core === floor ? null : `core returned ${core} bookings, floor ${floor}`
    },
    ...extra,
  })

  return [
    operation('bookings.list machine-week', 'one machine-week (calendar of one machine)', 2000, () => week(true), {
      target: { metric: 'p95_ms', below: 2, source: 'issue 3' },
      http: true,
      floorSql: [LONGEST_OF_SQL, LIST_ONE_SQL],
    }),
    operation('bookings.list centre-week', 'centre-week, all machines (equipment calendar)', 300, () => week(false)),
  ]
}

/** "What is free": the next free slots of a length, on one machine for a week, or on any machine of a kind as the UI asks. */
function freeSlotOperations(centre: Centre): Operation[] {
  const { machines } = equipmentState.get(centre)
  const { longestBlockMinutes } = bookingsState.get(centre)
  const actors = peopleState.get(centre).all.filter((p) => p.leftAt === null)
  const random = centre.random('bookings.freeSlots')
  const busy = centre.floorDb.prepare(BUSY_SQL)
  const equipmentList = centre.floorDb.prepare(EQUIPMENT_LIST_SQL)
  const kinds = [...new Set(machines.map((m) => m.kind))]

  interface Search {
    machineIds: number[]
    kind?: string
    from: number
    to: number
    duration: number
  }
  const floorOf = (q: Search) => {
    if (q.kind) equipmentList.all({ retired: 0, kind: q.kind })
    for (const id of q.machineIds) {
      const m = machines.find((x) => x.id === id)!
      busy.all({ machine: id, from: q.from, to: q.to + q.duration * 60_000, lowerBound: q.from - longestBlockMinutes[m.index]! * 60_000 })
    }
  }
  const input = (q: Search) => ({
    ...(q.kind ? { kind: q.kind } : { equipmentId: q.machineIds[0] }),
    from: iso(q.from),
    to: iso(q.to),
    durationMinutes: q.duration,
    limit: 50,
  })
  // One machine, a week starting somewhere in the next three weeks.
  const machineWeek = (): Search => {
    const m = random.pick(machines)
    const from = centre.clock().getTime() + random.int(0, 21 * 24) * 3_600_000
    return { machineIds: [m.id], from, to: from + 7 * DAY_MS, duration: random.pick(m.lengths) }
  }
  // Any machine of a kind, the next 14 days from now, as the free-slots panel asks (limit 50).
  const kindFortnight = (): Search => {
    const kind = random.pick(kinds)
    const ofKind = machines.filter((m) => m.kind === kind)
    const lengths = ofKind[0]!.lengths.filter((l) => ofKind.every((m) => l >= m.rules.minMinutes && l <= m.rules.maxMinutes))
    const from = centre.clock().getTime()
    return {
      machineIds: ofKind.map((m) => m.id),
      kind,
      from,
      to: from + 14 * DAY_MS,
      duration: random.pick(lengths.length ? lengths : ofKind[0]!.lengths),
    }
  }
  const operation = (name: string, title: string, iterations: number, search: () => Search, extra: Partial<Operation> = {}): Operation => ({
    name,
    title,
    iterations,
    next: () => ({ method: 'bookings.freeSlots', input: input(search()), actorId: random.pick(actors).id, expect: 'ok' }),
    floor() {
      const q = search()
      return () => floorOf(q)
    },
    floorSql: [BUSY_SQL],
    ...extra,
  })
  return [
    operation('bookings.freeSlots machine-week', 'what is free, one machine, a week', 800, machineWeek, {
      target: { metric: 'p95_ms', below: 5, source: 'issue 3' },
    }),
    operation('bookings.freeSlots kind', 'what is free, any machine of a kind, 14 days', 200, kindFortnight, {
      floorSql: [EQUIPMENT_LIST_SQL, BUSY_SQL],
    }),
  ]
}

export const bookingsModule: BenchModule = {
  name: 'bookings',
  async generate(centre) {
    bookingsState.set(centre, generateHistory(centre))
  },
  operations(centre) {
    const planner = new SlotPlanner(centre, bookingsState.get(centre))
    return [...createOperations(centre, planner), ...listOperations(centre), ...freeSlotOperations(centre)]
  },
}
