import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Person } from '../../shared/people'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'

let core: TestCore
let coordinator: Person
let teacher: Person
let student: Person

beforeEach(async () => {
  core = openTestCore()
  coordinator = await core.ok(null, 'people.create', { name: 'Marieke van Dijk', email: 'Marieke@Example.nl', role: 'coordinator' })
  teacher = await core.ok(coordinator.id, 'people.create', { name: 'Anouk de Vries', role: 'teacher', trade: 'Meubelmaker' })
  student = await core.ok(teacher.id, 'people.create', { name: 'José Öztürk', role: 'student', trade: 'Goudsmid', organisation: 'HMC' })
})
afterEach(() => core.cleanup())

async function expectRefused(promise: Promise<{ ok: boolean }>, code: string, reason: string) {
  const before = tableChecksum(core.db)
  const result = (await promise) as { ok: false; error: { code: string; details: { reason?: string } } }
  expect(result.ok).toBe(false)
  expect(result.error.code).toBe(code)
  expect(result.error.details.reason).toBe(reason)
  expect(tableChecksum(core.db)).toBe(before)
}

describe('creating people', () => {
  it('stores trimmed fields, lower-cased email, the author and version 1', () => {
    expect(coordinator).toMatchObject({ email: 'marieke@example.nl', active: true, version: 1, createdBy: null })
    expect(teacher.createdBy).toBe(coordinator.id)
    expect(teacher.email).toBeNull()
  })

  it('makes the first profile of an empty centre a coordinator', async () => {
    const empty = openTestCore()
    const result = await empty.as(null, 'people.create', { name: 'Eerste', role: 'student' })
    expect(result.ok || result.error.details.reason).toBe('firstProfileCoordinator')
    expect(empty.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })
    empty.cleanup()
  })

  it('needs a profile once the centre has people', async () => {
    await expectRefused(core.as(null, 'people.create', { name: 'Niemand', role: 'guest' }), 'FORBIDDEN', 'profileRequired')
  })

  it('lets only coordinators and teachers add people', async () => {
    await expectRefused(core.as(student.id, 'people.create', { name: 'Vriend', role: 'student' }), 'FORBIDDEN', 'managersOnly')
  })

  it('lets only a coordinator make a coordinator', async () => {
    await expectRefused(core.as(teacher.id, 'people.create', { name: 'Baas', role: 'coordinator' }), 'FORBIDDEN', 'coordinatorOnly')
  })

  it('refuses an email another person uses, whatever its case', async () => {
    await expectRefused(
      core.as(coordinator.id, 'people.create', { name: 'Dubbel', email: 'MARIEKE@example.nl ', role: 'guest' }),
      'CONFLICT',
      'emailTaken',
    )
  })

  it('refuses a profile that is inactive or unknown', async () => {
    await expectRefused(core.as(999, 'people.create', { name: 'X', role: 'guest' }), 'FORBIDDEN', 'unknownActor')
    const current = await core.ok(coordinator.id, 'people.get', { id: teacher.id })
    await core.ok(coordinator.id, 'people.setActive', { id: teacher.id, version: current.version, active: false })
    await expectRefused(core.as(teacher.id, 'people.create', { name: 'X', role: 'guest' }), 'FORBIDDEN', 'unknownActor')
  })

  it('rejects bad input with VALIDATION naming the fields', async () => {
    const before = tableChecksum(core.db)
    const result = await core.as(coordinator.id, 'people.create', { name: '  ', email: 'not-an-email', role: 'wizard' as 'guest' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details.issues!.map((i) => i.path.join('.')).sort()).toEqual(['email', 'name', 'role'])
    expect(tableChecksum(core.db)).toBe(before)
  })
})

describe('editing people', () => {
  it('saves a change and bumps the version', async () => {
    const saved = await core.ok(teacher.id, 'people.update', { id: student.id, version: 1, trade: 'Zilversmid' })
    expect(saved).toMatchObject({ trade: 'Zilversmid', version: 2, name: 'José Öztürk' })
  })

  it('refuses a save on top of a newer version (STALE)', async () => {
    await core.ok(teacher.id, 'people.update', { id: student.id, version: 1, trade: 'Zilversmid' })
    await expectRefused(core.as(coordinator.id, 'people.update', { id: student.id, version: 1, trade: 'Smid' }), 'STALE', 'stale')
  })

  it('lets anyone edit their own details but not their role', async () => {
    await core.ok(student.id, 'people.update', { id: student.id, version: 1, organisation: 'Eigen atelier' })
    await expectRefused(
      core.as(student.id, 'people.update', { id: student.id, version: 2, role: 'teacher' }),
      'FORBIDDEN',
      'coordinatorOnly',
    )
  })

  it('keeps students from editing others and teachers from editing coordinators', async () => {
    await expectRefused(core.as(student.id, 'people.update', { id: teacher.id, version: 1, name: 'X' }), 'FORBIDDEN', 'managersOnly')
    await expectRefused(core.as(teacher.id, 'people.update', { id: coordinator.id, version: 1, name: 'X' }), 'FORBIDDEN', 'coordinatorOnly')
  })

  it('lets only a coordinator change roles', async () => {
    await expectRefused(
      core.as(teacher.id, 'people.update', { id: student.id, version: 1, role: 'freelancer' }),
      'FORBIDDEN',
      'coordinatorOnly',
    )
    const changed = await core.ok(coordinator.id, 'people.update', { id: student.id, version: 1, role: 'freelancer' })
    expect(changed.role).toBe('freelancer')
  })

  it('refuses a missing person with NOT_FOUND', async () => {
    await expectRefused(core.as(coordinator.id, 'people.update', { id: 4242, version: 1, name: 'X' }), 'NOT_FOUND', 'notFound')
  })
})

describe('deactivating people', () => {
  it('lets only a coordinator deactivate, and hides inactive people from the list by default', async () => {
    await expectRefused(
      core.as(teacher.id, 'people.setActive', { id: student.id, version: 1, active: false }),
      'FORBIDDEN',
      'coordinatorOnly',
    )
    const off = await core.ok(coordinator.id, 'people.setActive', { id: student.id, version: 1, active: false })
    expect(off.active).toBe(false)
    expect((await core.ok(null, 'people.list', {})).items.map((p) => p.id)).not.toContain(student.id)
    expect((await core.ok(null, 'people.list', { includeInactive: true })).items.map((p) => p.id)).toContain(student.id)
  })

  it('keeps at least one active coordinator', async () => {
    await expectRefused(
      core.as(coordinator.id, 'people.setActive', { id: coordinator.id, version: 1, active: false }),
      'RULE',
      'lastCoordinator',
    )
    await expectRefused(
      core.as(coordinator.id, 'people.update', { id: coordinator.id, version: 1, role: 'teacher' }),
      'RULE',
      'lastCoordinator',
    )
    await core.ok(coordinator.id, 'people.create', { name: 'Tweede', role: 'coordinator' })
    await core.ok(coordinator.id, 'people.setActive', { id: coordinator.id, version: 1, active: false })
  })
})

describe('listing and searching people', () => {
  const names = async (input: Parameters<TestCore['ok']>[2]) =>
    (await core.ok(null, 'people.list', input as object)).items.map((p) => p.name)

  it('finds people by partial words in any field, ignoring case and diacritics', async () => {
    expect(await names({ query: 'jose' })).toEqual(['José Öztürk'])
    expect(await names({ query: 'OZTU gouds' })).toEqual(['José Öztürk'])
    expect(await names({ query: 'meubel' })).toEqual(['Anouk de Vries'])
    expect(await names({ query: 'example.nl' })).toEqual(['Marieke van Dijk'])
    expect(await names({ query: 'jose timmer' })).toEqual([])
  })

  it('treats LIKE wildcards in the query as plain text', async () => {
    expect(await names({ query: '%' })).toEqual([])
    expect(await names({ query: '_' })).toEqual([])
  })

  it('filters by role, sorts by name and counts the total', async () => {
    expect(await names({ role: 'teacher' })).toEqual(['Anouk de Vries'])
    const page = await core.ok(null, 'people.list', { limit: 2 })
    expect(page.total).toBe(3)
    expect(page.items.map((p) => p.name)).toEqual(['Anouk de Vries', 'José Öztürk'])
  })

  it('counts active people per role', async () => {
    expect(await core.ok(null, 'people.countByRole', {})).toEqual({ coordinator: 1, teacher: 1, student: 1, freelancer: 0, guest: 0 })
  })
})
