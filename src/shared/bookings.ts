// Bookings of machines: use, training and maintenance windows, with their life cycle.
import { z } from 'zod'
import { equipmentId } from './equipment'
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
