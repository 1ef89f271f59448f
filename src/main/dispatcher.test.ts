import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '../shared/contract'
import { createDispatcher, type Handlers } from './dispatcher'
import { openTestCore, tableChecksum, type TestCore } from './testing/testCore'

let core: TestCore
beforeEach(() => (core = openTestCore({ demo: true })))
afterEach(() => core.cleanup())

describe('the dispatcher', () => {
  it('refuses an unknown method with NOT_FOUND', async () => {
    const result = await core.call('people.explode', { input: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'unknownMethod' } } })
  })

  it('refuses an envelope that is not an object, or a bad actor id', async () => {
    for (const envelope of [null, 'x', [1], 42]) {
      expect(await core.call('people.list', envelope)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await core.call('people.list', { input: {}, actorId: 'me' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await core.call('people.list', { input: {}, actorId: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('validates every input: wrong types, missing and extra fields change nothing', async () => {
    const before = tableChecksum(core.db)
    const bad: [string, unknown][] = [
      ['people.create', { name: 42, role: 'student' }],
      ['people.create', { role: 'student' }],
      ['people.create', { name: 'X', role: 'student', isAdmin: true }],
      ['people.create', { name: 'x'.repeat(10_000), role: 'student' }],
      ['people.update', { id: -1, version: 1 }],
      ['people.update', { id: 1 }],
      ['people.list', { limit: 1e9 }],
      ['settings.update', { timeZone: 'Mars/Olympus' }],
      ['people.get', 'all'],
    ]
    for (const [method, input] of bad) {
      const result = await core.call(method, { input, actorId: 1 })
      expect(result, `${method} ${JSON.stringify(input).slice(0, 60)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(tableChecksum(core.db)).toBe(before)
  })

  it('names the field and the limit of each problem', async () => {
    const result = await core.call('people.create', { input: { name: '', role: 'student', extra: 1 }, actorId: 1 })
    if (result.ok) throw new Error('expected a refusal')
    const issues = result.error.details.issues!
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['name'], code: 'too_small', params: expect.objectContaining({ minimum: 1 }) }),
    )
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', params: expect.objectContaining({ keys: 'extra' }) }),
    )
  })

  it('turns an unexpected exception into INTERNAL, logs it and does not leak it', async () => {
    const logged: unknown[] = []
    const handlers = {
      'app.info': () => {
        throw new Error('secret path /home/x/db')
      },
    } as unknown as Handlers
    const dispatch = createDispatcher({
      handlers,
      resolveActor: () => {
        throw new Error('unused')
      },
      log: { info: () => {}, error: (_e, c) => logged.push(c) },
    })
    const result = await dispatch('app.info', { input: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect((logged[0] as { error: Error }).error.message).toContain('secret path')
  })

  it('answers a write that finds the database locked by another connection with CONFLICT, changing nothing', async () => {
    const coordinator = (await core.ok(null, 'people.list', { role: 'coordinator', limit: 1 })).items[0]!
    const other = new Database(core.db.name)
    try {
      // What a restore does while the backup API copies over the live file: another connection
      // holds the write lock. The core waits busy_timeout first; shortened so the test is quick.
      core.db.pragma('busy_timeout = 50')
      other.exec('BEGIN IMMEDIATE')
      const before = tableChecksum(core.db)
      const result = await core.as(coordinator.id, 'people.create', { name: 'Geblokkeerd', role: 'student' })
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'databaseBusy' } } })
      expect(core.logged.filter((l) => l.level === 'error')).toEqual([])
      other.exec('ROLLBACK')
      expect(tableChecksum(core.db)).toBe(before)
      await core.ok(coordinator.id, 'people.create', { name: 'Niet meer geblokkeerd', role: 'student' })
    } finally {
      other.close()
    }
  })

  it('checks outputs against the contract when asked to', async () => {
    const handlers = { 'settings.get': () => ({ centreName: 42 }) } as unknown as Handlers
    const options = {
      handlers,
      resolveActor: () => {
        throw new Error('unused')
      },
      log: { info: () => {}, error: () => {} },
    }
    expect(await createDispatcher({ ...options, validateOutputs: true })('settings.get', { input: {} })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    expect(await createDispatcher(options)('settings.get', { input: {} })).toMatchObject({ ok: true })
  })

  it('has a strict input schema for every method, so extra fields never slip through', () => {
    for (const [method, spec] of Object.entries(contract)) {
      const probe = spec.input.safeParse({ definitelyNotAField: 1 })
      expect(probe.success, method).toBe(false)
      expect(spec.output instanceof z.ZodType, method).toBe(true)
    }
  })
})

describe('settings', () => {
  it('lets a coordinator change the centre name and time zone, nobody else', async () => {
    const student = (await core.ok(null, 'people.list', { role: 'student', limit: 1 })).items[0]!
    expect(await core.as(student.id, 'settings.update', { centreName: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'coordinatorOnly' } },
    })
    const saved = await core.ok(1, 'settings.update', { centreName: '  Werkplaats Noord ', timeZone: 'Europe/Brussels' })
    expect(saved).toEqual({ centreName: 'Werkplaats Noord', timeZone: 'Europe/Brussels', externalRetentionMonths: null })
    expect(await core.ok(null, 'settings.get', {})).toEqual(saved)
  })
})

describe('the demo centre', () => {
  it('fills an empty folder with people across all roles and trades', async () => {
    const counts = await core.ok(null, 'people.countByRole', {})
    expect(Object.values(counts).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(30)
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0)
    const info = await core.ok(null, 'app.info', {})
    expect(info.isEmpty).toBe(false)
    const machines = await core.ok(null, 'equipment.list', {})
    expect(machines.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['laser_cutter', 'cnc_router', 'robot_arm', 'printer_3d', 'vacuum_press', 'edge_bander']),
    )
    const now = Date.now()
    const bookings = await core.ok(1, 'bookings.list', {
      from: new Date(now - 21 * 86_400_000).toISOString(),
      to: new Date(now + 28 * 86_400_000).toISOString(),
    })
    const kinds = new Set(bookings.map((b) => b.kind))
    expect(bookings.length).toBeGreaterThan(150)
    expect([...kinds].sort()).toEqual(['maintenance', 'training', 'use'])
    expect(bookings.some((b) => b.status === 'requested')).toBe(true)
    const past = bookings.filter((b) => Date.parse(b.endsAt) < now && b.kind !== 'maintenance')
    expect(past.every((b) => b.status === 'completed' || b.status === 'no_show')).toBe(true)
    expect(past.filter((b) => b.status === 'completed').every((b) => b.actualMinutes! > 0)).toBe(true)
    const permits = await core.ok(1, 'permits.list', {})
    expect(permits.some((p) => p.validUntil !== null && p.validUntil < new Date().toISOString().slice(0, 10))).toBe(true)
  })

  it('refuses to load into a folder that has people', async () => {
    const before = tableChecksum(core.db)
    expect(await core.call('demo.load', { input: {} })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'notEmpty' } },
    })
    expect(tableChecksum(core.db)).toBe(before)
  })
})
