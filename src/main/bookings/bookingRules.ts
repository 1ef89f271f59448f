// The centre's booking rules as one pure function: given a proposed booking and everything known
// about it, the first rule it breaks (as an AppError naming the rule), or null. The service runs
// it inside the write transaction on create and on every edit; the overlap check is the service's.
import type { BookingKind } from '../../shared/bookings'
import type { PermitLevel } from '../../shared/permits'
import type { Role } from '../../shared/people'
import type { Actor } from '../dispatcher'
import type { MachineForBooking } from '../equipment/equipmentService'
import { AppError } from '../errors'
import type { PermitCheck } from '../permits/permitService'
import { checkOpeningHours, isAligned, toLocal } from '../../shared/calendarTime'

const MINUTE = 60_000
const DAY = 86_400_000

export interface ProposedBooking {
  machine: MachineForBooking
  kind: BookingKind
  startsAt: number
  endsAt: number
  now: number
  timeZone: string
  actor: Actor
  /** Who the booking is for; null for maintenance. */
  person: { id: number; name: string; role: Role; active: boolean } | null
  /** The person's permit on the booking's date; null when the machine needs none. */
  permit: PermitCheck | null
  /** permitLevel only counts for supervisors who are not teachers or coordinators (the service looks it up only for them). */
  supervisor: { id: number; name: string; role: Role; active: boolean; permitLevel: PermitLevel | null } | null
  /** The person's other bookings of this machine that are still to come (counted only under a quota). */
  futureBookings: number
}

const rule = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('RULE', message, { reason, ...details })

export function findRuleViolation(b: ProposedBooking): AppError | null {
  const { machine, actor } = b
  const rules = machine.rules
  const isCoordinator = actor.role === 'coordinator'
  const equipment = machine.name
  const minutes = Math.round((b.endsAt - b.startsAt) / MINUTE)
  const localStart = toLocal(b.startsAt, b.timeZone)

  if (b.endsAt <= b.startsAt) return rule('endBeforeStart', 'A booking must end after it starts')
  if (b.kind !== 'maintenance' && machine.status !== 'available') {
    return rule('equipmentUnavailable', `${equipment} cannot be booked now (${machine.status})`, { equipment, status: machine.status })
  }
  if (b.startsAt < b.now && !isCoordinator) return rule('inPast', 'Bookings cannot start in the past')
  if (b.startsAt > b.now + rules.horizonDays * DAY && !isCoordinator) {
    return rule('beyondHorizon', `${equipment} can be booked at most ${rules.horizonDays} days ahead`, {
      equipment,
      days: rules.horizonDays,
    })
  }
  if (b.person && !b.person.active) return rule('personInactive', `${b.person.name} is no longer active`, { name: b.person.name })
  // Maintenance windows are the coordinator's to place: no length, opening-hours or permit rules.
  if (b.kind === 'maintenance') return null

  if (!isAligned(b.startsAt, rules.slotMinutes, b.timeZone) || !isAligned(b.endsAt, rules.slotMinutes, b.timeZone)) {
    return rule('notAligned', `Bookings of ${equipment} start and end on whole ${rules.slotMinutes}-minute steps`, {
      equipment,
      minutes: rules.slotMinutes,
    })
  }
  if (minutes < rules.minMinutes) return rule('tooShort', `At least ${rules.minMinutes} minutes`, { equipment, minimum: rules.minMinutes })
  if (minutes > rules.maxMinutes) return rule('tooLong', `At most ${rules.maxMinutes} minutes`, { equipment, maximum: rules.maxMinutes })

  const hours = checkOpeningHours({
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    openingHours: rules.openingHours,
    closedDates: rules.closedDates,
    timeZone: b.timeZone,
  })
  if (hours) {
    return hours.reason === 'closedDate'
      ? rule('closedDate', `${equipment} is closed on ${hours.date}`, { equipment, date: hours.date })
      : rule('outsideOpeningHours', `${equipment} is not open at that time`, { equipment, date: hours.date })
  }

  if (b.permit && !b.permit.ok) {
    return b.permit.expiredOn
      ? rule('permitExpired', `The permit for ${equipment} expired on ${b.permit.expiredOn}`, {
          equipment,
          expiredOn: b.permit.expiredOn,
          date: localStart.date,
        })
      : rule('permitMissing', `A permit is needed for ${equipment}`, { equipment })
  }
  if (b.kind === 'training' && b.permit?.ok && b.permit.level !== 'instructor') {
    return rule('instructorRequired', `Only instructors give trainings on ${equipment}`, { equipment })
  }

  const needsSupervisor =
    b.kind === 'use' &&
    ((b.person?.role === 'student' && rules.studentsNeedSupervisor) || (b.permit?.ok && b.permit.level === 'supervised'))
  if (needsSupervisor && !b.supervisor) return rule('supervisorRequired', `${equipment} needs a supervisor present`, { equipment })
  if (b.supervisor) {
    const s = b.supervisor
    const qualified =
      s.active && s.id !== b.person?.id && (s.role === 'teacher' || s.role === 'coordinator' || s.permitLevel === 'instructor')
    if (!qualified) return rule('supervisorNotQualified', `${s.name} cannot supervise on ${equipment}`, { equipment, name: s.name })
  }

  if (b.kind === 'use' && rules.maxFutureBookings !== null && b.futureBookings >= rules.maxFutureBookings) {
    return rule('quotaReached', `At most ${rules.maxFutureBookings} upcoming bookings of ${equipment} per person`, {
      equipment,
      maximum: rules.maxFutureBookings,
    })
  }
  return null
}

/** What the booking costs the person, by the machine's hourly rate for their role. */
export function bookingCost(machine: MachineForBooking, role: Role | null, startsAt: number, endsAt: number): number {
  if (!role) return 0
  return Math.round(((endsAt - startsAt) / 3_600_000) * machine.rules.hourlyRates[role])
}
