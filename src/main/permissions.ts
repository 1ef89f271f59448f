// Who may do what, by role. One place, so every service asks the same question the same way.
import type { Role } from '../shared/people'
import type { Actor } from './dispatcher'
import { AppError } from './errors'

const MANAGERS: readonly Role[] = ['coordinator', 'teacher']

export function requireActor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('FORBIDDEN', 'Pick your profile first', { reason: 'profileRequired' })
}

/** Coordinators and teachers: manage people, book on behalf of others, grant permits. */
export function requireManager(actor: Actor | null): asserts actor is Actor {
  requireActor(actor)
  if (!isManager(actor)) throw new AppError('FORBIDDEN', 'Only coordinators and teachers may do this', { reason: 'managersOnly' })
}

export function requireCoordinator(actor: Actor | null): asserts actor is Actor {
  requireActor(actor)
  if (actor.role !== 'coordinator') throw new AppError('FORBIDDEN', 'Only a coordinator may do this', { reason: 'coordinatorOnly' })
}

export const isManager = (actor: Actor) => MANAGERS.includes(actor.role)
