// Conflict analysis of a symposium programme: pure, so the timetable editor can ask after every
// move and the benchmark can time it alone. Each kind is found by sorting and sweeping, not by
// comparing every pair of slots.
import type { ProgrammeConflict } from '../../shared/symposia'

export interface SlotFacts {
  id: number
  /** null for a break. */
  sessionId: number | null
  roomId: number | null
  title: string
  startsAt: number
  endsAt: number
  /** Workshop sign-ups for this slot. */
  signedUp: number
  /** The session needs a machine and this slot holds no active booking of it. */
  machineProblem: Record<string, string | number | null> | null
}

export interface SessionFacts {
  speakerIds: number[]
  expectedAttendance: number | null
}

export interface ProgrammeFacts {
  slots: SlotFacts[]
  sessions: Map<number, SessionFacts>
  rooms: Map<number, { name: string; capacity: number }>
  speakers: Map<number, string>
  /** Per day of the edition: when the programme may start and must end (instants). */
  days: { date: string; starts: number; ends: number }[]
}

/** Pairs of intervals that overlap, among intervals sorted by start. */
function overlappingPairs<T extends { startsAt: number; endsAt: number }>(sorted: T[]): [T, T][] {
  const pairs: [T, T][] = []
  const open: T[] = []
  for (const item of sorted) {
    // Keep only intervals still running at this start; each one left overlaps the new one.
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.endsAt <= item.startsAt) open.splice(i, 1)
    for (const other of open) pairs.push([other, item])
    open.push(item)
  }
  return pairs
}

function groupBy<T, K>(items: T[], key: (item: T) => K | null): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

export function analyseProgramme(facts: ProgrammeFacts): ProgrammeConflict[] {
  const conflicts: ProgrammeConflict[] = []
  const sorted = [...facts.slots].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id)
  const sessionSlots = sorted.filter((s) => s.sessionId !== null)
  const breaks = sorted.filter((s) => s.sessionId === null)

  // Two sessions in one room at once.
  for (const [roomId, slots] of groupBy(sessionSlots, (s) => s.roomId)) {
    for (const [a, b] of overlappingPairs(slots)) {
      conflicts.push({ kind: 'room', slotIds: [a.id, b.id], details: { room: facts.rooms.get(roomId)?.name ?? null, other: b.title } })
    }
  }
  // A session during a break: breaks hold every room.
  for (const [a, b] of overlappingPairs([...breaks, ...sessionSlots].sort((x, y) => x.startsAt - y.startsAt || x.id - y.id))) {
    if ((a.sessionId === null) === (b.sessionId === null)) continue
    const [brk, session] = a.sessionId === null ? [a, b] : [b, a]
    conflicts.push({
      kind: 'room',
      slotIds: [session.id, brk.id],
      details: { room: facts.rooms.get(session.roomId!)?.name ?? null, other: brk.title },
    })
  }
  // A speaker in two places at once.
  const bySpeaker = new Map<number, SlotFacts[]>()
  for (const slot of sessionSlots) {
    for (const speakerId of facts.sessions.get(slot.sessionId!)?.speakerIds ?? []) {
      const list = bySpeaker.get(speakerId)
      if (list) list.push(slot)
      else bySpeaker.set(speakerId, [slot])
    }
  }
  for (const [speakerId, slots] of bySpeaker) {
    for (const [a, b] of overlappingPairs(slots)) {
      conflicts.push({
        kind: 'speaker',
        slotIds: [a.id, b.id],
        details: { speaker: facts.speakers.get(speakerId) ?? null, other: b.title },
      })
    }
  }
  for (const slot of sessionSlots) {
    // Inside one day of the edition, within its programme hours.
    const day = facts.days.find((d) => slot.startsAt >= d.starts && slot.startsAt < d.ends)
    if (!day || slot.endsAt > day.ends) {
      conflicts.push({ kind: 'dayEnd', slotIds: [slot.id], details: { date: day?.date ?? null } })
    }
    const room = facts.rooms.get(slot.roomId!)
    const session = facts.sessions.get(slot.sessionId!)
    const expected = Math.max(session?.expectedAttendance ?? 0, slot.signedUp)
    if (room && expected > room.capacity) {
      conflicts.push({ kind: 'capacity', slotIds: [slot.id], details: { room: room.name, seats: room.capacity, expected } })
    }
    if (slot.machineProblem) conflicts.push({ kind: 'machine', slotIds: [slot.id], details: slot.machineProblem })
  }
  return conflicts
}
