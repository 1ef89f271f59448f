// "Today at the centre": the start screen's facts in one call, so the first screen costs one round
// trip (see docs/dashboard.md). Spread into the contract with one line.
import { z } from 'zod'
import { BOOKING_KINDS, BOOKING_STATUSES, bookingId, instant } from './bookings'
import { EQUIPMENT_KINDS, EQUIPMENT_STATUSES, equipmentId, localDate } from './equipment'
import { EXPERIMENT_STATUSES, experimentId, OUTCOMES } from './experiments'
import { NOTE_CATEGORIES, noteId } from './notes'
import { PERMIT_LEVELS } from './permits'
import { personId, ROLES } from './people'
import { editionId } from './symposia'

/** How many items a list section carries; its count says how many there are in all. */
export const DASHBOARD_LIST_LIMIT = 6

const personRef = z.strictObject({ id: personId, name: z.string() })

/** A booking as the dashboard shows it: enough to say who, where and when, and to open it. */
export const dashboardBooking = z.strictObject({
  id: bookingId,
  equipmentId,
  equipmentName: z.string(),
  kind: z.enum(BOOKING_KINDS),
  status: z.enum(BOOKING_STATUSES),
  person: personRef.nullable(),
  startsAt: instant,
  endsAt: instant,
  purpose: z.string().nullable(),
  checkedInAt: instant.nullable(),
})
export type DashboardBooking = z.infer<typeof dashboardBooking>

export const dashboardMachine = z.strictObject({
  id: equipmentId,
  name: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  status: z.enum(EQUIPMENT_STATUSES),
  location: z.string().nullable(),
  /** What occupies the machine now (a checked-in booking that started a little early included). */
  current: dashboardBooking.nullable(),
  /** The first booking after now, today or later. */
  next: dashboardBooking.nullable(),
  /** Bookings still to start today after `next`. */
  laterToday: z.int().min(0),
})
export type DashboardMachine = z.infer<typeof dashboardMachine>

/** A machine that cannot be used now: its status says so, or a maintenance window is running. */
export const dashboardMaintenance = z.strictObject({
  equipmentId,
  equipmentName: z.string(),
  status: z.enum(EQUIPMENT_STATUSES),
  /** End of the maintenance window running now or the one that covers now; null: until further notice. */
  until: instant.nullable(),
  purpose: z.string().nullable(),
})
export type DashboardMaintenance = z.infer<typeof dashboardMaintenance>

export const dashboardPermit = z.strictObject({
  id: z.int().positive(),
  person: personRef,
  /** One machine's name, or null when the permit covers a kind. */
  equipmentName: z.string().nullable(),
  equipmentKind: z.enum(EQUIPMENT_KINDS).nullable(),
  level: z.enum(PERMIT_LEVELS),
  validUntil: localDate,
  /** The last valid day lies before today (earlier this month). */
  expired: z.boolean(),
})
export type DashboardPermit = z.infer<typeof dashboardPermit>

export const DEADLINE_KINDS = ['cfpOpens', 'cfpCloses', 'registrationOpens', 'registrationCloses', 'symposium'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export const dashboardDeadline = z.strictObject({
  editionId,
  editionTitle: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  date: localDate,
  /** The symposium's last day, for `symposium`; else the same as date. */
  endDate: localDate,
  /** Whole days from today in the centre's zone (0 = today). */
  daysLeft: z.int().min(0),
})
export type DashboardDeadline = z.infer<typeof dashboardDeadline>

export const dashboardExperiment = z.strictObject({
  id: experimentId,
  title: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  outcome: z.enum(OUTCOMES).nullable(),
  author: personRef,
  updatedAt: z.iso.datetime(),
})

export const dashboardNote = z.strictObject({
  id: noteId,
  title: z.string(),
  category: z.enum(NOTE_CATEGORIES),
  author: personRef,
  updatedAt: z.iso.datetime(),
})

const countedList = <T extends z.ZodType>(item: T) => z.strictObject({ count: z.int().min(0), items: z.array(item) })

export const dashboardToday = z.strictObject({
  /** The core's clock: the renderer says "now" by it, not by the device's clock. */
  now: instant,
  /** Today and its month in the centre's time zone. */
  today: localDate,
  monthStart: localDate,
  monthEnd: localDate,
  timeZone: z.string(),
  viewer: z.strictObject({ id: personId, role: z.enum(ROLES), manager: z.boolean(), mayApprove: z.boolean() }),
  machines: z.array(dashboardMachine),
  maintenance: z.array(dashboardMaintenance),
  checkedIn: z.array(dashboardBooking),
  /** Managers: every request waiting for approval; others: their own. */
  pending: countedList(dashboardBooking).extend({ scope: z.enum(['all', 'own']) }),
  /** Managers: everyone's permits ending this month; others: their own. */
  permits: countedList(dashboardPermit).extend({ scope: z.enum(['all', 'own']) }),
  deadlines: z.array(dashboardDeadline),
  myNext: z.array(dashboardBooking),
  recentExperiments: z.array(dashboardExperiment),
  recentNotes: z.array(dashboardNote),
})
export type DashboardToday = z.infer<typeof dashboardToday>

export const dashboardMethods = {
  'dashboard.today': { input: z.strictObject({}), output: dashboardToday },
} as const
