// People and who may manage them. Owns the `people` table.
// Rules: the first profile of an empty centre is a coordinator; after that every change needs a
// profile; coordinators and teachers manage people; only coordinators change roles, make
// coordinators or (de)activate someone; anyone may edit their own name and contact details.
import type { z } from 'zod'
import type { Person, personCreateInput, personListInput, personSetActiveInput, personUpdateInput, Role } from '../../shared/people'
import { ROLES } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireActor, requireCoordinator, requireManager } from '../permissions'
import { personDocument, type Indexer } from '../search/searchDocuments'
import { escapeLike, foldForSearch } from '../text'

type CreateInput = z.output<typeof personCreateInput>
type UpdateInput = z.output<typeof personUpdateInput>
type SetActiveInput = z.output<typeof personSetActiveInput>
type ListInput = z.output<typeof personListInput>

interface PersonRow {
  id: number
  name: string
  email: string | null
  role: Role
  trade: string | null
  organisation: string | null
  active: number
  version: number
  created_at: string
  updated_at: string
  created_by: number | null
  /** Set by an erasure (privacy): the profile is a placeholder that keeps statistics, never a person again. */
  erased_at: string | null
}

export type PeopleService = ReturnType<typeof createPeopleService>

export function createPeopleService(db: Db, clock: Clock, index: Indexer = () => {}) {
  const selectById = db.prepare<[number], PersonRow>('SELECT * FROM people WHERE id = ?')
  const selectByEmail = db.prepare<[string], { id: number }>('SELECT id FROM people WHERE email = ?')
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people')
  const insert = db.prepare(
    `INSERT INTO people (name, email, role, trade, organisation, search_text, created_at, updated_at, created_by, updated_by)
     VALUES (@name, @email, @role, @trade, @organisation, @search_text, @now, @now, @actor, @actor)`,
  )
  const updateRow = db.prepare(
    `UPDATE people SET name = @name, email = @email, role = @role, trade = @trade, organisation = @organisation,
       active = @active, search_text = @search_text, version = version + 1, updated_at = @now, updated_by = @actor
     WHERE id = @id AND version = @version`,
  )
  const countByRoleStmt = db.prepare<[], { role: Role; n: number }>('SELECT role, count(*) AS n FROM people WHERE active = 1 GROUP BY role')

  /** Keeps the one search in step, in the same transaction as the write. */
  function indexed(person: Person): Person {
    index(personDocument(person))
    return person
  }

  // Editing or reactivating an erased profile would put a person back on data that was made anonymous.
  function refuseErased(row: PersonRow) {
    if (row.erased_at) throw new AppError('RULE', 'This profile was erased and cannot be changed', { reason: 'personErased' })
  }

  function getRow(id: number): PersonRow {
    const row = selectById.get(id)
    if (!row) throw notFound('person', id)
    return row
  }

  function assertEmailFree(email: string | null, exceptId?: number) {
    if (!email) return
    const other = selectByEmail.get(email)
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', `Another person already uses ${email}`, { reason: 'emailTaken', email, personId: other.id })
    }
  }

  const create = writeTransaction(db, (input: CreateInput, actor: Actor | null): Person => {
    const isFirst = countAll.get()!.n === 0
    if (isFirst) {
      if (input.role !== 'coordinator') {
        throw new AppError('RULE', 'The first profile of a centre must be a coordinator', { reason: 'firstProfileCoordinator' })
      }
    } else {
      requireManager(actor)
      if (input.role === 'coordinator' && actor.role !== 'coordinator') {
        throw new AppError('FORBIDDEN', 'Only a coordinator can make someone a coordinator', { reason: 'coordinatorOnly' })
      }
    }
    assertEmailFree(input.email)
    const result = insert.run({ ...input, search_text: searchTextOf(input), now: clock().toISOString(), actor: actor?.id ?? null })
    return indexed(toPerson(getRow(Number(result.lastInsertRowid))))
  })

  /**
   * An external speaker named in a symposium submission: the person with that e-mail address if the
   * centre knows them, else a new guest. Anyone who submits may name a co-speaker, so no role check.
   */
  function findOrCreateGuest(fields: { name: string; email: string | null; organisation: string | null }, actor: Actor): Person {
    const known = fields.email ? selectByEmail.get(fields.email) : undefined
    if (known) return toPerson(getRow(known.id))
    const guest = { ...fields, role: 'guest' as const, trade: null }
    const result = insert.run({ ...guest, search_text: searchTextOf(guest), now: clock().toISOString(), actor: actor.id })
    return indexed(toPerson(getRow(Number(result.lastInsertRowid))))
  }

  const update = writeTransaction(db, (input: UpdateInput, actor: Actor | null): Person => {
    requireActor(actor)
    const row = getRow(input.id)
    refuseErased(row)
    const next = {
      name: input.name ?? row.name,
      email: input.email === undefined ? row.email : input.email,
      role: input.role ?? row.role,
      trade: input.trade === undefined ? row.trade : input.trade,
      organisation: input.organisation === undefined ? row.organisation : input.organisation,
    }
    if (actor.id !== row.id) {
      requireManager(actor)
      if (row.role === 'coordinator') requireCoordinator(actor) // teachers do not edit coordinators
    }
    if (next.role !== row.role) requireCoordinator(actor)
    if (next.role !== row.role && row.role === 'coordinator') assertAnotherCoordinator(row.id)
    if (row.version !== input.version) throw stale('person', row.id, row.version)
    assertEmailFree(next.email, row.id)
    write(row, { ...next, active: row.active }, input.version, actor)
    return indexed(toPerson(getRow(row.id)))
  })

  const setActive = writeTransaction(db, (input: SetActiveInput, actor: Actor | null): Person => {
    requireCoordinator(actor)
    const row = getRow(input.id)
    refuseErased(row)
    if (row.version !== input.version) throw stale('person', row.id, row.version)
    if (!input.active && row.role === 'coordinator') assertAnotherCoordinator(row.id)
    write(row, { ...row, active: input.active ? 1 : 0 }, input.version, actor)
    return indexed(toPerson(getRow(row.id)))
  })

  function write(
    row: PersonRow,
    next: Omit<PersonRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'created_by' | 'erased_at'>,
    version: number,
    actor: Actor,
  ) {
    const changed = updateRow.run({
      id: row.id,
      version,
      name: next.name,
      email: next.email,
      role: next.role,
      trade: next.trade,
      organisation: next.organisation,
      active: next.active,
      search_text: searchTextOf(next),
      now: clock().toISOString(),
      actor: actor.id,
    })
    if (changed.changes !== 1) throw stale('person', row.id, getRow(row.id).version)
  }

  /** A centre without an active coordinator could no longer manage roles: keep at least one. */
  function assertAnotherCoordinator(exceptId: number) {
    const others = db
      .prepare<[number], { n: number }>("SELECT count(*) AS n FROM people WHERE role = 'coordinator' AND active = 1 AND id <> ?")
      .get(exceptId)!.n
    if (others === 0) throw new AppError('RULE', 'The centre needs at least one active coordinator', { reason: 'lastCoordinator' })
  }

  function list(input: ListInput) {
    const where: string[] = []
    const params: Record<string, unknown> = {}
    if (!input.includeInactive) where.push('active = 1')
    if (input.role) {
      where.push('role = @role')
      params.role = input.role
    }
    const words = foldForSearch(input.query ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 10)
    words.forEach((word, i) => {
      // Each word must occur somewhere; the statement text only ever holds placeholders.
      where.push(`search_text LIKE @w${i} ESCAPE '\\'`)
      params[`w${i}`] = `%${escapeLike(word)}%`
    })
    const whereSql = where.length ? 'WHERE ' + where.join(' AND ') : ''
    const total = db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM people ' + whereSql).get(params)!.n
    const rows = db
      .prepare<Record<string, unknown>, PersonRow>(
        'SELECT * FROM people ' + whereSql + ' ORDER BY name COLLATE NOCASE, id LIMIT @limit OFFSET @offset',
      )
      .all({ ...params, limit: input.limit ?? 200, offset: input.offset ?? 0 })
    return { items: rows.map(toPerson), total }
  }

  function countByRole(): Record<Role, number> {
    const counts = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>
    for (const { role, n } of countByRoleStmt.all()) counts[role] = n
    return counts
  }

  return {
    create,
    findOrCreateGuest,
    update,
    setActive,
    list,
    countByRole,
    get: (id: number) => toPerson(getRow(id)),
    count: () => countAll.get()!.n,
    /** The caller of a request, if they exist and are active (used by the dispatcher). */
    actor(id: number): Actor {
      const row = selectById.get(id)
      if (!row || !row.active) {
        throw new AppError('FORBIDDEN', 'This profile does not exist or is no longer active', { reason: 'unknownActor', id })
      }
      return { id: row.id, name: row.name, role: row.role }
    },
  }
}

function searchTextOf(p: { name: string; email: string | null; trade: string | null; organisation: string | null }): string {
  return foldForSearch([p.name, p.email, p.trade, p.organisation].filter(Boolean).join(' '))
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    trade: row.trade,
    organisation: row.organisation,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  }
}
