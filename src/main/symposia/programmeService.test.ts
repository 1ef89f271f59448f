import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Programme } from '../../shared/symposia'
import { at } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'
import { openSymposiumCentre, type SymposiumCentre } from '../testing/symposiumFixtures'
import { analyseProgramme, type SlotFacts } from './programmeConflicts'

let centre: SymposiumCentre
let c: number
beforeEach(async () => {
  centre = await openSymposiumCentre()
  c = centre.coordinator.id
})
afterEach(() => centre.core.cleanup())

async function session(
  title: string,
  fields: Partial<{
    type: 'talk' | 'workshop' | 'demonstration'
    durationMinutes: number
    speakerIds: number[]
    equipmentId: number
    expectedAttendance: number
    capacity: number
  }> = {},
) {
  const programme = await centre.core.ok(c, 'programme.createSession', {
    editionId: centre.edition.id,
    title,
    type: fields.type ?? 'talk',
    durationMinutes: fields.durationMinutes ?? 60,
    ...fields,
  })
  return programme.sessions.find((s) => s.title === title)!
}

const place = (sessionId: number, roomId: number, local: string, move?: { slotId: number; version: number }) =>
  centre.core.ok(c, 'programme.schedule', { sessionId, roomId, startsAt: at(local), ...move })

const kinds = (p: Programme) => p.conflicts.map((x) => x.kind).sort()

describe('the programme', () => {
  it('places a session for its length, runs it again in a second slot, and flags room and speaker clashes', async () => {
    const keynote = await session('Hout in beweging', { speakerIds: [centre.teacher.id] })
    const lab = await session('Laser en fineer', { speakerIds: [centre.teacher.id], durationMinutes: 45 })
    let p = await place(keynote.id, centre.rooms.hall, '2026-04-16 09:30')
    expect(p.slots).toEqual([
      expect.objectContaining({ sessionId: keynote.id, startsAt: at('2026-04-16 09:30'), endsAt: at('2026-04-16 10:30') }),
    ])
    p = await place(keynote.id, centre.rooms.hall, '2026-04-17 09:30')
    expect(p.slots.filter((s) => s.sessionId === keynote.id)).toHaveLength(2)
    expect(p.conflicts).toEqual([])

    // Same room, same time, and the same speaker: two conflicts on the same pair of slots.
    p = await place(lab.id, centre.rooms.hall, '2026-04-16 10:00')
    const labSlot = p.slots.find((s) => s.sessionId === lab.id)!
    expect(kinds(p)).toEqual(['room', 'speaker'])
    expect(p.conflicts.find((x) => x.kind === 'speaker')).toMatchObject({ details: { speaker: 'Anouk Docent' } })
    expect(p.conflicts.every((x) => x.slotIds.includes(labSlot.id))).toBe(true)

    // Another room still clashes for the speaker; a later time clears it.
    p = await place(lab.id, centre.rooms.lab, '2026-04-16 10:00', { slotId: labSlot.id, version: labSlot.version })
    expect(kinds(p)).toEqual(['speaker'])
    const moved = p.slots.find((s) => s.id === labSlot.id)!
    p = await place(lab.id, centre.rooms.lab, '2026-04-16 10:30', { slotId: moved.id, version: moved.version })
    expect(p.conflicts).toEqual([])
  })

  it('flags a session past the day’s end or outside the edition’s days, and a room too small', async () => {
    const late = await session('Laat', { durationMinutes: 90 })
    const big = await session('Druk', { expectedAttendance: 40 })
    let p = await place(late.id, centre.rooms.hall, '2026-04-16 16:30')
    expect(p.conflicts).toEqual([expect.objectContaining({ kind: 'dayEnd', details: { date: '2026-04-16' } })])
    const slot = p.slots[0]!
    p = await place(late.id, centre.rooms.hall, '2026-04-18 10:00', { slotId: slot.id, version: slot.version })
    expect(p.conflicts).toEqual([expect.objectContaining({ kind: 'dayEnd', details: { date: null } })])

    p = await place(big.id, centre.rooms.workshop, '2026-04-17 11:00')
    expect(p.conflicts.find((x) => x.kind === 'capacity')).toMatchObject({ details: { room: 'Werkplaats', seats: 16, expected: 40 } })
  })

  it('flags a session during a break', async () => {
    const talk = await session('Tijdens de lunch')
    let p = await centre.core.ok(c, 'programme.setBreak', {
      editionId: centre.edition.id,
      title: 'Lunch',
      startsAt: at('2026-04-16 12:30'),
      endsAt: at('2026-04-16 13:30'),
    })
    expect(p.slots).toEqual([expect.objectContaining({ sessionId: null, roomId: null, title: 'Lunch' })])
    p = await place(talk.id, centre.rooms.lab, '2026-04-16 13:00')
    expect(p.conflicts).toEqual([expect.objectContaining({ kind: 'room', details: { room: 'Laserlab', other: 'Lunch' } })])
  })

  it('is changed by coordinators only, never on a stale slot, and a refused change writes nothing', async () => {
    const talk = await session('Een')
    const other = await session('Twee')
    const p = await place(talk.id, centre.rooms.hall, '2026-04-16 09:30')
    const slot = p.slots[0]!
    await place(talk.id, centre.rooms.hall, '2026-04-16 11:00', { slotId: slot.id, version: slot.version })
    const before = tableChecksum(centre.core.db)
    const attempts = [
      centre.core.as(centre.teacher.id, 'programme.schedule', {
        sessionId: talk.id,
        roomId: centre.rooms.hall,
        startsAt: at('2026-04-16 14:00'),
      }),
      centre.core.as(c, 'programme.schedule', {
        sessionId: talk.id,
        roomId: centre.rooms.hall,
        startsAt: at('2026-04-16 14:00'),
        slotId: slot.id,
        version: slot.version,
      }),
      centre.core.as(c, 'programme.schedule', {
        sessionId: other.id,
        roomId: centre.rooms.hall,
        startsAt: at('2026-04-16 14:00'),
        slotId: slot.id,
        version: slot.version + 1,
      }),
      centre.core.as(c, 'programme.schedule', { sessionId: talk.id, roomId: 9999, startsAt: at('2026-04-16 14:00') }),
      centre.core.as(c, 'programme.unschedule', { slotId: slot.id, version: slot.version }),
    ]
    const results = await Promise.all(attempts)
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['FORBIDDEN', 'STALE', 'VALIDATION', 'NOT_FOUND', 'STALE'])
    expect(tableChecksum(centre.core.db)).toBe(before)
  })
})

describe('a session that needs a machine', () => {
  beforeEach(async () => {
    for (const person of [centre.freelancer, centre.teacher]) {
      await centre.core.ok(c, 'permits.grant', { personId: person.id, equipmentId: centre.laser.id, level: 'independent' })
    }
  })

  const bookingRow = (id: number) =>
    centre.core.db
      .prepare<[number], { person_id: number; status: string; starts_at: number; ends_at: number; purpose: string }>(
        'SELECT person_id, status, starts_at, ends_at, purpose FROM bookings WHERE id = ?',
      )
      .get(id)!

  it('books it for the speaker through the booking rules, moves the booking with the slot and cancels it when taken out', async () => {
    const demo = await session('Laserdemo', { type: 'demonstration', speakerIds: [centre.freelancer.id], equipmentId: centre.laser.id })
    let p = await place(demo.id, centre.rooms.lab, '2026-04-16 10:00')
    const slot = p.slots[0]!
    expect(slot.bookingId).not.toBeNull()
    expect(bookingRow(slot.bookingId!)).toMatchObject({
      person_id: centre.freelancer.id,
      status: 'confirmed',
      starts_at: Date.parse(at('2026-04-16 10:00')),
      ends_at: Date.parse(at('2026-04-16 11:00')),
      purpose: 'Symposium: Laserdemo',
    })
    expect(p.conflicts).toEqual([])

    p = await place(demo.id, centre.rooms.lab, '2026-04-17 14:00', { slotId: slot.id, version: slot.version })
    expect(p.slots[0]!.bookingId).toBe(slot.bookingId)
    expect(bookingRow(slot.bookingId!)).toMatchObject({
      starts_at: Date.parse(at('2026-04-17 14:00')),
      ends_at: Date.parse(at('2026-04-17 15:00')),
    })

    // A longer session makes a longer booking.
    p = await centre.core.ok(c, 'programme.updateSession', {
      id: demo.id,
      version: demo.version,
      title: demo.title,
      type: 'demonstration',
      durationMinutes: 90,
      speakerIds: [centre.freelancer.id],
      equipmentId: centre.laser.id,
    })
    expect(p.slots[0]).toMatchObject({ endsAt: at('2026-04-17 15:30'), bookingId: slot.bookingId })
    expect(bookingRow(slot.bookingId!).ends_at).toBe(Date.parse(at('2026-04-17 15:30')))

    const current = p.slots[0]!
    p = await centre.core.ok(c, 'programme.unschedule', { slotId: current.id, version: current.version })
    expect(p.slots).toEqual([])
    expect(bookingRow(slot.bookingId!).status).toBe('cancelled')
  })

  it('is placed but flagged when the machine is booked then, naming who has it; moving it to a free time books it', async () => {
    const blocker = await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      personId: centre.teacher.id,
      startsAt: at('2026-04-16 10:30'),
      endsAt: at('2026-04-16 12:00'),
    })
    const demo = await session('Laserdemo', { type: 'demonstration', speakerIds: [centre.freelancer.id], equipmentId: centre.laser.id })
    let p = await place(demo.id, centre.rooms.lab, '2026-04-16 10:00')
    const slot = p.slots[0]!
    expect(slot.bookingId).toBeNull()
    expect(p.conflicts).toEqual([
      expect.objectContaining({
        kind: 'machine',
        slotIds: [slot.id],
        details: expect.objectContaining({ rule: 'overlap', who: 'Anouk Docent', bookingId: blocker.id, machine: centre.laser.name }),
      }),
    ])
    p = await place(demo.id, centre.rooms.lab, '2026-04-16 13:00', { slotId: slot.id, version: slot.version })
    expect(p.slots[0]!.bookingId).not.toBeNull()
    expect(p.conflicts).toEqual([])
  })

  it('is flagged when no speaker may use the machine', async () => {
    const demo = await session('Zonder vergunning', {
      type: 'demonstration',
      speakerIds: [centre.student.id],
      equipmentId: centre.laser.id,
    })
    const p = await place(demo.id, centre.rooms.lab, '2026-04-16 10:00')
    expect(p.conflicts).toEqual([expect.objectContaining({ kind: 'machine', details: expect.objectContaining({ rule: 'permitMissing' }) })])
    expect(centre.core.db.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual({ n: 0 })
  })
})

describe('analyseProgramme', () => {
  const slot = (id: number, roomId: number, from: number, to: number): SlotFacts => ({
    id,
    sessionId: id,
    roomId,
    title: `S${id}`,
    startsAt: from,
    endsAt: to,
    signedUp: 0,
    machineProblem: null,
  })

  it('finds every overlapping pair in a room, and none for back-to-back sessions', () => {
    const facts = {
      slots: [slot(1, 1, 0, 10), slot(2, 1, 5, 15), slot(3, 1, 8, 9), slot(4, 1, 15, 20), slot(5, 2, 0, 20)],
      sessions: new Map(),
      rooms: new Map([
        [1, { name: 'A', capacity: 10 }],
        [2, { name: 'B', capacity: 10 }],
      ]),
      speakers: new Map(),
      days: [{ date: '2026-04-16', starts: 0, ends: 100 }],
    }
    const pairs = analyseProgramme(facts).map((x) => x.slotIds.join('-'))
    expect(pairs.sort()).toEqual(['1-2', '1-3', '2-3'])
  })
})
