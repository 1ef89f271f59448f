// What a person writes in their portfolio and what others add to it: goals with a target date and a
// status, short reflections, coach comments on either, and the person's choice of coaches. Owns the
// tables portfolio_goals, portfolio_reflections, portfolio_comments and portfolio_coaches (0120).
// Every edit carries the version it started from; a newer one in the database refuses it with STALE.
import type { z } from 'zod'
import {
  COACHES_MAX,
  type coachesSetInput,
  type commentCreateInput,
  type Goal,
  type goalCreateInput,
  type goalSaveInput,
  type PersonRef,
  type PortfolioComment,
  type Reflection,
  type reflectionCreateInput,
  type reflectionSaveInput,
} from '../../shared/portfolio'
import type { Role } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireActor } from '../permissions'
import type { PortfolioAccess } from './portfolioAccess'

interface GoalRow {
  id: number
  person_id: number
  title: string
  description: string
  target_date: string | null
  status: Goal['status']
  status_at: string
  version: number
  created_at: string
  updated_at: string
}
interface ReflectionRow {
  id: number
  person_id: number
  goal_id: number | null
  body: string
  version: number
  created_at: string
  updated_at: string
}
interface CommentRow {
  id: number
  goal_id: number | null
  reflection_id: number | null
  author_id: number
  author_name: string
  author_role: Role
  body: string
  created_at: string
}

/** Who may coach: someone with experience to pass on, so not a student or a guest. */
const COACH_ROLES: readonly Role[] = ['coordinator', 'teacher', 'freelancer']

export function createPortfolioJournal(db: Db, clock: Clock, access: PortfolioAccess) {
  const selectGoal = db.prepare<[number], GoalRow>('SELECT * FROM portfolio_goals WHERE id = ?')
  const selectGoals = db.prepare<[number], GoalRow>('SELECT * FROM portfolio_goals WHERE person_id = ? ORDER BY id DESC')
  const insertGoal = db.prepare(
    `INSERT INTO portfolio_goals (person_id, title, description, target_date, status, status_at, created_at, updated_at)
     VALUES (@person, @title, @description, @targetDate, 'open', @now, @now, @now)`,
  )
  const updateGoal = db.prepare(
    `UPDATE portfolio_goals SET title = @title, description = @description, target_date = @targetDate, status = @status,
       status_at = CASE WHEN status = @status THEN status_at ELSE @now END, version = version + 1, updated_at = @now
     WHERE id = @id AND version = @version`,
  )
  const selectReflection = db.prepare<[number], ReflectionRow>('SELECT * FROM portfolio_reflections WHERE id = ?')
  const selectReflections = db.prepare<[number], ReflectionRow>('SELECT * FROM portfolio_reflections WHERE person_id = ? ORDER BY id DESC')
  const insertReflection = db.prepare(
    `INSERT INTO portfolio_reflections (person_id, goal_id, body, created_at, updated_at) VALUES (@person, @goal, @body, @now, @now)`,
  )
  const updateReflection = db.prepare(
    `UPDATE portfolio_reflections SET body = @body, goal_id = @goal, version = version + 1, updated_at = @now
     WHERE id = @id AND version = @version`,
  )
  const selectComments = db.prepare<[number], CommentRow>(
    `SELECT c.id, c.goal_id, c.reflection_id, c.author_id, p.name AS author_name, p.role AS author_role, c.body, c.created_at
     FROM portfolio_comments c JOIN people p ON p.id = c.author_id WHERE c.person_id = ? ORDER BY c.id`,
  )
  const selectComment = db.prepare<[number], CommentRow>(
    `SELECT c.id, c.goal_id, c.reflection_id, c.author_id, p.name AS author_name, p.role AS author_role, c.body, c.created_at
     FROM portfolio_comments c JOIN people p ON p.id = c.author_id WHERE c.id = ?`,
  )
  const insertComment = db.prepare(
    `INSERT INTO portfolio_comments (person_id, goal_id, reflection_id, author_id, body, created_at)
     VALUES (@person, @goal, @reflection, @author, @body, @now)`,
  )
  const selectCoaches = db.prepare<[number], PersonRef>(
    `SELECT p.id, p.name, p.role FROM portfolio_coaches c JOIN people p ON p.id = c.coach_id WHERE c.person_id = ? ORDER BY p.name`,
  )
  const selectCoaching = db.prepare<[number], PersonRef>(
    `SELECT p.id, p.name, p.role FROM portfolio_coaches c JOIN people p ON p.id = c.person_id WHERE c.coach_id = ? ORDER BY p.name`,
  )
  const selectPerson = db.prepare<[number], { id: number; name: string; role: Role; active: number }>(
    'SELECT id, name, role, active FROM people WHERE id = ?',
  )
  const deleteCoaches = db.prepare('DELETE FROM portfolio_coaches WHERE person_id = ?')
  const insertCoach = db.prepare('INSERT INTO portfolio_coaches (person_id, coach_id, added_at) VALUES (?, ?, ?)')
  const selectCoachAdded = db.prepare<[number], { coach_id: number; added_at: string }>(
    'SELECT coach_id, added_at FROM portfolio_coaches WHERE person_id = ?',
  )

  const now = () => clock().toISOString()

  function toComment(row: CommentRow): PortfolioComment {
    return {
      id: row.id,
      author: { id: row.author_id, name: row.author_name, role: row.author_role },
      body: row.body,
      createdAt: row.created_at,
    }
  }
  const toGoal = (row: GoalRow, comments: PortfolioComment[]): Goal => ({
    id: row.id,
    personId: row.person_id,
    title: row.title,
    description: row.description,
    targetDate: row.target_date,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    comments,
  })
  const toReflection = (row: ReflectionRow, comments: PortfolioComment[]): Reflection => ({
    id: row.id,
    personId: row.person_id,
    goalId: row.goal_id,
    body: row.body,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    comments,
  })

  /** A person's goals and reflections with their comments: three indexed queries, whatever the count. */
  function journalOf(personId: number) {
    const byGoal = new Map<number, PortfolioComment[]>()
    const byReflection = new Map<number, PortfolioComment[]>()
    for (const row of selectComments.all(personId)) {
      const map = row.goal_id !== null ? byGoal : byReflection
      const key = (row.goal_id ?? row.reflection_id)!
      const list = map.get(key)
      if (list) list.push(toComment(row))
      else map.set(key, [toComment(row)])
    }
    return {
      goals: selectGoals.all(personId).map((row) => ({ row, goal: toGoal(row, byGoal.get(row.id) ?? []) })),
      reflections: selectReflections.all(personId).map((row) => toReflection(row, byReflection.get(row.id) ?? [])),
    }
  }

  const commentsOn = (target: 'goal' | 'reflection', id: number) =>
    selectComments
      .all(target === 'goal' ? selectGoal.get(id)!.person_id : selectReflection.get(id)!.person_id)
      .filter((c) => (target === 'goal' ? c.goal_id : c.reflection_id) === id)
      .map(toComment)

  function requireGoal(id: number): GoalRow {
    const row = selectGoal.get(id)
    if (!row) throw notFound('goal', id)
    return row
  }
  function requireReflection(id: number): ReflectionRow {
    const row = selectReflection.get(id)
    if (!row) throw notFound('reflection', id)
    return row
  }
  /** A reflection may point at one of the writer's own goals only. */
  function checkGoalLink(goalId: number | null, personId: number) {
    if (goalId === null) return
    const goal = selectGoal.get(goalId)
    if (!goal || goal.person_id !== personId) throw notFound('goal', goalId)
  }

  const createGoal = writeTransaction(db, (input: z.output<typeof goalCreateInput>, actor: Actor | null): Goal => {
    requireActor(actor)
    const { lastInsertRowid } = insertGoal.run({ person: actor.id, ...input, now: now() })
    return toGoal(selectGoal.get(Number(lastInsertRowid))!, [])
  })

  const saveGoal = writeTransaction(db, (input: z.output<typeof goalSaveInput>, actor: Actor | null): Goal => {
    const row = requireGoal(input.id)
    access.requireOwner(row.person_id, actor)
    if (row.version !== input.version) throw stale('goal', row.id, row.version)
    const { id, version, title, description, targetDate, status } = input
    if (updateGoal.run({ id, version, title, description, targetDate, status, now: now() }).changes !== 1) {
      throw stale('goal', row.id, selectGoal.get(row.id)!.version)
    }
    return toGoal(selectGoal.get(row.id)!, commentsOn('goal', row.id))
  })

  const createReflection = writeTransaction(db, (input: z.output<typeof reflectionCreateInput>, actor: Actor | null): Reflection => {
    requireActor(actor)
    checkGoalLink(input.goalId, actor.id)
    const { lastInsertRowid } = insertReflection.run({ person: actor.id, goal: input.goalId, body: input.body, now: now() })
    return toReflection(selectReflection.get(Number(lastInsertRowid))!, [])
  })

  const saveReflection = writeTransaction(db, (input: z.output<typeof reflectionSaveInput>, actor: Actor | null): Reflection => {
    const row = requireReflection(input.id)
    access.requireOwner(row.person_id, actor)
    if (row.version !== input.version) throw stale('reflection', row.id, row.version)
    checkGoalLink(input.goalId, row.person_id)
    if (updateReflection.run({ id: row.id, version: input.version, body: input.body, goal: input.goalId, now: now() }).changes !== 1) {
      throw stale('reflection', row.id, selectReflection.get(row.id)!.version)
    }
    return toReflection(selectReflection.get(row.id)!, commentsOn('reflection', row.id))
  })

  const comment = writeTransaction(db, (input: z.output<typeof commentCreateInput>, actor: Actor | null): PortfolioComment => {
    const owner = input.target === 'goal' ? requireGoal(input.targetId).person_id : requireReflection(input.targetId).person_id
    access.requireComment(owner, actor)
    const { lastInsertRowid } = insertComment.run({
      person: owner,
      goal: input.target === 'goal' ? input.targetId : null,
      reflection: input.target === 'reflection' ? input.targetId : null,
      author: actor.id,
      body: input.body,
      now: now(),
    })
    return toComment(selectComment.get(Number(lastInsertRowid))!)
  })

  /** The person's whole list of coaches at once: the picker shows the list, not single changes. */
  const setCoaches = writeTransaction(db, (input: z.output<typeof coachesSetInput>, actor: Actor | null): PersonRef[] => {
    requireActor(actor)
    const ids = [...new Set(input.coachIds)]
    if (ids.length > COACHES_MAX)
      throw new AppError('RULE', `At most ${COACHES_MAX} coaches`, { reason: 'tooManyCoaches', max: COACHES_MAX })
    for (const id of ids) {
      const person = selectPerson.get(id)
      if (!person) throw notFound('person', id)
      if (id === actor.id) throw new AppError('RULE', 'You cannot coach yourself', { reason: 'coachSelf' })
      if (!person.active) throw new AppError('RULE', `${person.name} is no longer active`, { reason: 'personInactive', name: person.name })
      if (!COACH_ROLES.includes(person.role)) {
        throw new AppError('RULE', `${person.name} cannot be a coach: coaches are teachers, coordinators or craftspeople`, {
          reason: 'coachRole',
          name: person.name,
        })
      }
    }
    // Keep when each coach was first chosen, so re-saving the same list changes nothing.
    const added = new Map(selectCoachAdded.all(actor.id).map((r) => [r.coach_id, r.added_at]))
    deleteCoaches.run(actor.id)
    for (const id of ids) insertCoach.run(actor.id, id, added.get(id) ?? now())
    return selectCoaches.all(actor.id)
  })

  return {
    journalOf,
    coachesOf: (personId: number) => selectCoaches.all(personId),
    coachingOf: (personId: number) => selectCoaching.all(personId),
    createGoal,
    saveGoal,
    createReflection,
    saveReflection,
    comment,
    setCoaches,
  }
}

export type PortfolioJournal = ReturnType<typeof createPortfolioJournal>
