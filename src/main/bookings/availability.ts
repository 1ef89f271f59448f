// "What is free": the next free slots of a given length on one machine or on any machine of a
// kind, inside opening hours and after now, around everything that occupies the machines.
import type { z } from 'zod'
import type { freeSlotsInput } from '../../shared/bookings'
import { findFreeSlots } from '../../shared/calendarTime'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { EquipmentService } from '../equipment/equipmentService'

const MINUTE = 60_000

export function createAvailability(db: Db, clock: Clock, equipment: EquipmentService, timeZone: () => string) {
  const busyStatement = db.prepare<{ machine: number; from: number; to: number; lowerBound: number }, { startsAt: number; endsAt: number }>(
    `SELECT starts_at AS startsAt, block_until AS endsAt FROM bookings
     WHERE equipment_id = @machine AND status IN ('requested', 'confirmed', 'checked_in', 'completed')
       AND starts_at < @to AND starts_at >= @lowerBound AND block_until > @from
     ORDER BY starts_at`,
  )

  function freeSlots(input: z.output<typeof freeSlotsInput>) {
    const machines =
      input.equipmentId !== undefined
        ? [equipment.forBooking(input.equipmentId)]
        : equipment.list({ kind: input.kind }).map((m) => equipment.forBooking(m.id))
    const from = Date.parse(input.from)
    const to = Date.parse(input.to)
    const zone = timeZone()
    const slots = machines
      .filter((m) => m.status === 'available' && input.durationMinutes >= m.rules.minMinutes && input.durationMinutes <= m.rules.maxMinutes)
      .flatMap((m) =>
        findFreeSlots({
          from,
          to,
          durationMinutes: input.durationMinutes,
          slotMinutes: m.rules.slotMinutes,
          bufferMinutes: m.rules.bufferMinutes,
          openingHours: m.rules.openingHours,
          closedDates: m.rules.closedDates,
          timeZone: zone,
          // Busy intervals already carry their buffer (block_until).
          busy: busyStatement.all({
            machine: m.id,
            from,
            to: to + input.durationMinutes * MINUTE,
            lowerBound: from - m.longestBlockMinutes * MINUTE,
          }),
          limit: input.limit,
          notBefore: clock().getTime(),
        }).map((slot) => ({ equipmentId: m.id, equipmentName: m.name, startsAt: slot.startsAt, endsAt: slot.endsAt })),
      )
    return slots
      .sort((a, b) => a.startsAt - b.startsAt || a.equipmentName.localeCompare(b.equipmentName))
      .slice(0, input.limit)
      .map((s) => ({ ...s, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() }))
  }

  return { freeSlots }
}
