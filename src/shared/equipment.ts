// Machines of the centre and the booking rules each one carries.
import { z } from 'zod'
import { ROLES } from './people'

export const EQUIPMENT_KINDS = [
  'laser_cutter',
  'cnc_router',
  'robot_arm',
  'printer_3d',
  'vacuum_press',
  'edge_bander',
  'panel_saw',
  'other',
] as const
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number]

export const EQUIPMENT_STATUSES = ['available', 'maintenance', 'out_of_order', 'retired'] as const
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number]

export const SLOT_MINUTES = [5, 10, 15, 20, 30, 60] as const

export const localDate = z.iso.date()
/** 'HH:MM', 24-hour; '24:00' closes at midnight. */
export const localTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)

export const timeRange = z
  .strictObject({ from: localTime, to: localTime })
  .refine((r) => r.from < r.to, { params: { reason: 'rangeOrder' } })

/** Index 0 is Monday … 6 is Sunday; an empty day is closed. */
export const openingHours = z
  .array(z.array(timeRange).max(4))
  .length(7)
  .refine((days) => days.every((ranges) => ranges.every((r, i) => i === 0 || ranges[i - 1]!.to <= r.from)), {
    params: { reason: 'rangesOverlap' },
  })
export type OpeningHoursInput = z.infer<typeof openingHours>

const cents = z.int().min(0).max(1_000_000)

export const bookingRules = z
  .strictObject({
    slotMinutes: z.union(SLOT_MINUTES.map((n) => z.literal(n))),
    minMinutes: z.int().min(5).max(1440),
    maxMinutes: z.int().min(5).max(1440),
    /** Blocked after every booking: cleaning, cooling, extraction. */
    bufferMinutes: z.int().min(0).max(240),
    horizonDays: z.int().min(1).max(730),
    cancelNoticeHours: z.int().min(0).max(336),
    maxFutureBookings: z.int().min(1).max(100).nullable(),
    needsPermit: z.boolean(),
    studentsNeedSupervisor: z.boolean(),
    needsApproval: z.boolean(),
    /** Cents per hour, per role of the person the booking is for. */
    hourlyRates: z.strictObject(Object.fromEntries(ROLES.map((r) => [r, cents])) as Record<(typeof ROLES)[number], typeof cents>),
    openingHours,
    closedDates: z.array(localDate).max(366),
  })
  .refine((r) => r.minMinutes <= r.maxMinutes, { params: { reason: 'minAboveMax' }, path: ['maxMinutes'] })
export type BookingRules = z.infer<typeof bookingRules>

const weekday = [{ from: '08:30', to: '17:30' }]
export const DEFAULT_BOOKING_RULES: BookingRules = {
  slotMinutes: 15,
  minMinutes: 30,
  maxMinutes: 240,
  bufferMinutes: 0,
  horizonDays: 60,
  cancelNoticeHours: 0,
  maxFutureBookings: null,
  needsPermit: false,
  studentsNeedSupervisor: false,
  needsApproval: false,
  hourlyRates: { coordinator: 0, teacher: 0, student: 0, freelancer: 0, guest: 0 },
  openingHours: [weekday, weekday, weekday, weekday, weekday, [], []],
  closedDates: [],
}

export const equipmentId = z.int().positive()

const equipmentFields = {
  name: z.string().trim().min(1).max(120),
  kind: z.enum(EQUIPMENT_KINDS),
  location: z
    .string()
    .trim()
    .max(120)
    .nullish()
    .transform((v) => v || null),
  description: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => v || null),
  status: z.enum(EQUIPMENT_STATUSES),
  rules: bookingRules,
}

export const equipmentCreateInput = z.strictObject({ ...equipmentFields, status: equipmentFields.status.default('available') })

export const equipmentUpdateInput = z.strictObject({
  id: equipmentId,
  version: z.int().positive(),
  name: equipmentFields.name.optional(),
  kind: equipmentFields.kind.optional(),
  location: equipmentFields.location.optional(),
  description: equipmentFields.description.optional(),
  status: equipmentFields.status.optional(),
  rules: equipmentFields.rules.optional(),
})

export const equipmentListInput = z.strictObject({
  includeRetired: z.boolean().optional(),
  kind: z.enum(EQUIPMENT_KINDS).optional(),
})

export const equipment = z.strictObject({
  id: equipmentId,
  name: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  location: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(EQUIPMENT_STATUSES),
  rules: bookingRules,
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Equipment = z.infer<typeof equipment>
