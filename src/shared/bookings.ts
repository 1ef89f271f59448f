// Bookings of machines: use, training and maintenance windows, with their life cycle.
import { z } from 'zod'
import { EQUIPMENT_KINDS, equipmentId, localDate, localTime } from './equipment'
import { permit, PERMIT_LEVELS } from './permits'
import { personId } from './people'

export const BOOKING_KINDS = ['use', 'training', 'maintenance'] as const
export type BookingKind = (typeof BOOKING_KINDS)[number]

export const BOOKING_STATUSES = ['requested', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
/** Statuses in which a booking occupies its machine. */
export const OCCUPYING_STATUSES = ['requested', 'confirmed', 'checked_in', 'completed'] as const

export const bookingId = z.int().positive()
/** Instants cross the boundary as ISO-8601 strings with an offset; stored as UTC. */
export const instant = z.iso.datetime({ offset: true })

const participantIds = z.array(personId).max(30)
const purpose = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((v) => v || null)

export const bookingCreateInput = z.strictObject({
  equipmentId,
  kind: z.enum(BOOKING_KINDS).default('use'),
  /** Who the booking is for; default: the caller. Coordinators and teachers book on behalf of others. */
  personId: personId.optional(),
  startsAt: instant,
  endsAt: instant,
  purpose,
  supervisorId: personId.nullish().transform((v) => v ?? null),
  participantIds: participantIds.optional(),
  /** Maintenance only: cancel the bookings in the way, with this reason (coordinators). */
  cancelConflicting: z.string().trim().min(1).max(500).optional(),
})

export const bookingUpdateInput = z.strictObject({
  id: bookingId,
  version: z.int().positive(),
  equipmentId: equipmentId.optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  purpose: purpose.optional(),
  supervisorId: personId.nullish(),
  participantIds: participantIds.optional(),
})

export const bookingCancelInput = z.strictObject({
  id: bookingId,
  version: z.int().positive(),
  reason: z.string().trim().min(1).max(500),
})

export const bookingTransitionInput = z.strictObject({ id: bookingId, version: z.int().positive() })

export const bookingListInput = z
  .strictObject({
    from: instant,
    to: instant,
    equipmentIds: z.array(equipmentId).max(100).optional(),
    personId: personId.optional(),
    includeCancelled: z.boolean().optional(),
  })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from) && Date.parse(r.to) - Date.parse(r.from) <= 100 * 86_400_000, {
    params: { reason: 'rangeTooLong' },
    path: ['to'],
  })

const personRef = z.strictObject({ id: personId, name: z.string() })

export const booking = z.strictObject({
  id: bookingId,
  equipmentId,
  equipmentName: z.string(),
  kind: z.enum(BOOKING_KINDS),
  person: personRef.nullable(),
  bookedBy: personRef,
  supervisor: personRef.nullable(),
  participants: z.array(personRef),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(BOOKING_STATUSES),
  purpose: z.string().nullable(),
  costCents: z.int().min(0),
  cancelReason: z.string().nullable(),
  checkedInAt: instant.nullable(),
  checkedOutAt: instant.nullable(),
  actualMinutes: z.int().min(0).nullable(),
  sequence: z.int().min(0),
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
})
export type Booking = z.infer<typeof booking>

export const recurrenceRule = z
  .strictObject({
    freq: z.enum(['daily', 'weekly']),
    interval: z.int().min(1).max(52),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.int().min(1).max(7)).min(1).max(7).optional(),
    until: localDate.optional(),
    count: z.int().min(1).max(500).optional(),
    skipDates: z.array(localDate).max(500).optional(),
  })
  .refine((r) => (r.until === undefined) !== (r.count === undefined), { params: { reason: 'untilOrCount' }, path: ['until'] })
export type RecurrenceRuleInput = z.infer<typeof recurrenceRule>

/** A recurring booking: local times on the first date, repeated by the rule in the centre's time zone. */
export const bookingSeriesInput = z.strictObject({
  equipmentId,
  kind: z.enum(BOOKING_KINDS).default('use'),
  personId: personId.optional(),
  date: localDate,
  from: localTime,
  to: localTime,
  rule: recurrenceRule,
  purpose,
  supervisorId: personId.nullish().transform((v) => v ?? null),
  participantIds: participantIds.optional(),
  cancelConflicting: z.string().trim().min(1).max(500).optional(),
})

export const seriesOccurrence = z.strictObject({
  date: localDate,
  startsAt: instant,
  endsAt: instant,
  /** null when this occurrence can be booked; else why not (same shape as an API error). */
  refusal: z.strictObject({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
})
export type SeriesOccurrence = z.infer<typeof seriesOccurrence>

export const bookingConflictsInput = z.strictObject({ equipmentId, startsAt: instant, endsAt: instant })

/** A booking in the way of a maintenance window, with whom to contact about it. */
export const bookingConflict = z.strictObject({ booking, email: z.string().nullable() })

export const freeSlotsInput = z
  .strictObject({
    equipmentId: equipmentId.optional(),
    kind: z.enum(EQUIPMENT_KINDS).optional(),
    from: instant,
    to: instant,
    durationMinutes: z.int().min(5).max(1440),
    limit: z.int().min(1).max(50).default(10),
  })
  .refine((r) => (r.equipmentId === undefined) !== (r.kind === undefined), { params: { reason: 'machineOrKind' }, path: ['equipmentId'] })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from) && Date.parse(r.to) - Date.parse(r.from) <= 31 * 86_400_000, {
    params: { reason: 'rangeTooLong' },
    path: ['to'],
  })

export const freeSlot = z.strictObject({ equipmentId, equipmentName: z.string(), startsAt: instant, endsAt: instant })

export const calendarExportInput = z
  .strictObject({
    scope: z.enum(['equipment', 'person', 'centre']),
    id: z.int().positive().optional(),
    /** The language of the few words Werkbank adds to event texts. */
    language: z.enum(['nl', 'en']).default('nl'),
  })
  .refine((r) => (r.scope === 'centre') === (r.id === undefined), { params: { reason: 'exportScope' }, path: ['id'] })

/** After a training: who was there. Each attendee gets the permit for the training's machine. */
export const recordAttendanceInput = z.strictObject({
  id: bookingId,
  version: z.int().positive(),
  attendeeIds: z.array(personId).max(30),
  level: z.enum(PERMIT_LEVELS).default('independent'),
  validUntil: localDate.nullish().transform((v) => v ?? null),
})

export const attendanceResult = z.strictObject({ booking, permits: z.array(permit) })
