// Who may see and touch a portfolio (see docs/portfolio.md, "Who sees what"):
// - read: the person, coordinators and teachers, and the coaches the person chose;
// - write goals and reflections, choose coaches: only the person;
// - comment on a goal or reflection: the person's coaches and coordinators/teachers, not the person.
import type { Db } from '../db/database'
import type { Actor } from '../dispatcher'
import { AppError } from '../errors'
import { isManager, requireActor } from '../permissions'

export interface PortfolioAccess {
  canRead(personId: number, actor: Actor): boolean
  canComment(personId: number, actor: Actor): boolean
  requireRead(personId: number, actor: Actor | null): asserts actor is Actor
  requireComment(personId: number, actor: Actor | null): asserts actor is Actor
  requireOwner(personId: number, actor: Actor | null): asserts actor is Actor
}

export function createPortfolioAccess(db: Db): PortfolioAccess {
  const selectCoach = db.prepare<[number, number], { one: number }>(
    'SELECT 1 AS one FROM portfolio_coaches WHERE person_id = ? AND coach_id = ?',
  )

  const isCoach = (personId: number, actor: Actor) => selectCoach.get(personId, actor.id) !== undefined

  function canRead(personId: number, actor: Actor): boolean {
    return actor.id === personId || isManager(actor) || isCoach(personId, actor)
  }

  function canComment(personId: number, actor: Actor): boolean {
    return actor.id !== personId && (isManager(actor) || isCoach(personId, actor))
  }

  function requireRead(personId: number, actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (!canRead(personId, actor)) {
      throw new AppError('FORBIDDEN', 'Only the person, their coaches, coordinators and teachers see a portfolio', {
        reason: 'portfolioNotYours',
      })
    }
  }

  function requireComment(personId: number, actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (!canComment(personId, actor)) {
      throw new AppError('FORBIDDEN', 'Only the coaches of this person, coordinators and teachers comment here', {
        reason: actor.id === personId ? 'portfolioOwnComment' : 'portfolioNotCoach',
      })
    }
  }

  /** Goals, reflections and coaches are the person's own words and choices. */
  function requireOwner(personId: number, actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (actor.id !== personId) {
      throw new AppError('FORBIDDEN', 'Only the person writes their own goals and reflections', { reason: 'portfolioOwnerOnly' })
    }
  }

  return { canRead, canComment, requireRead, requireComment, requireOwner }
}
