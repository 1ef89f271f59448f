import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/contract'
import { openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'
import { parseNumber } from './experimentService'

let centre: BookingCentre
let c: number

beforeEach(async () => {
  centre = await openBookingCentre()
  c = centre.coordinator.id
})
afterEach(() => centre.core.cleanup())

type Content = MethodInput<'experiments.create'>['content']
const oakTest = (overrides: Partial<Content> = {}): Content => ({
  title: 'Lasertest eiken multiplex 6 mm',
  question: 'Welke snelheid geeft een schone snede zonder verbranding?',
  method: 'Proefstrook van 10 × 100 mm, drie snelheden.',
  parameters: [
    { name: 'Vermogen', value: '60', unit: '%' },
    { name: 'Snelheid', value: '20', unit: 'mm/s' },
    { name: 'Passes', value: '2', unit: '' },
  ],
  materials: [{ name: 'Eiken multiplex', supplier: 'Houthandel Jansen', batch: 'B-2026-11', size: '6 mm' }],
  equipmentIds: [centre.laser.id],
  participants: [{ personId: centre.student.id, role: 'student' }],
  tags: ['Eiken', 'lasersnijden'],
  ...overrides,
})

async function expectRefused(call: () => Promise<{ ok: boolean }>, code: string, reason: string) {
  const before = tableChecksum(centre.core.db)
  const result = (await call()) as { ok: false; error: { code: string; details: Record<string, unknown> } }
  expect(result.ok, JSON.stringify(result)).toBe(false)
  expect(result.error).toMatchObject({ code, details: { reason } })
  expect(tableChecksum(centre.core.db)).toBe(before)
}

describe('experiments', () => {
  it('stores the structured record, normalises tags, and keeps revision 1', async () => {
    const created = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest() })
    expect(created).toMatchObject({ status: 'draft', version: 1, author: { id: centre.freelancer.id } })
    expect(created.content.tags).toEqual(['eiken', 'lasersnijden'])
    expect(created.content.parameters[1]).toEqual({ name: 'Snelheid', value: '20', unit: 'mm/s' })
    const revisions = await centre.core.ok(c, 'experiments.revisions', { id: created.id })
    expect(revisions.map((r) => r.version)).toEqual([1])
  })

  it('refuses links to things that do not exist, writing nothing', async () => {
    await expectRefused(
      () => centre.core.as(c, 'experiments.create', { content: oakTest({ equipmentIds: [999] }) }),
      'NOT_FOUND',
      'notFound',
    )
    await expectRefused(
      () => centre.core.as(c, 'experiments.create', { content: oakTest({ linkedNoteIds: [5] }) }),
      'NOT_FOUND',
      'notFound',
    )
  })

  it('refuses a save on top of a newer revision (STALE), so nothing is overwritten', async () => {
    const created = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest() })
    await centre.core.ok(centre.freelancer.id, 'experiments.save', {
      id: created.id,
      version: 1,
      content: oakTest({ observations: 'Lichte verkleuring aan de rand.' }),
    })
    await expectRefused(
      () =>
        centre.core.as(centre.student.id, 'experiments.save', {
          id: created.id,
          version: 1,
          content: oakTest({ observations: 'Mijn versie' }),
        }),
      'STALE',
      'stale',
    )
    const current = await centre.core.ok(c, 'experiments.get', { id: created.id })
    expect(current.content.observations).toBe('Lichte verkleuring aan de rand.')
  })

  it('lets the author, participants and managers edit; others not', async () => {
    const created = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest({ participants: [] }) })
    await expectRefused(
      () => centre.core.as(centre.student.id, 'experiments.save', { id: created.id, version: 1, content: oakTest() }),
      'FORBIDDEN',
      'notYourExperiment',
    )
    await centre.core.ok(centre.teacher.id, 'experiments.save', { id: created.id, version: 1, content: oakTest({ participants: [] }) })
  })

  it('needs an outcome to complete, locks a completed experiment, and reopens only with a reason kept in history', async () => {
    const created = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest() })
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'experiments.setStatus', { id: created.id, version: 1, status: 'completed' }),
      'RULE',
      'outcomeRequired',
    )
    await centre.core.ok(centre.freelancer.id, 'experiments.save', {
      id: created.id,
      version: 1,
      content: oakTest({ outcome: 'worked', conclusion: '20 mm/s, 2 passes.' }),
    })
    const done = await centre.core.ok(centre.freelancer.id, 'experiments.setStatus', { id: created.id, version: 2, status: 'completed' })
    expect(done.status).toBe('completed')
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'experiments.save', { id: created.id, version: 3, content: oakTest() }),
      'RULE',
      'experimentLocked',
    )
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'experiments.setStatus', { id: created.id, version: 3, status: 'running' }),
      'RULE',
      'reopenReasonRequired',
    )
    const reopened = await centre.core.ok(centre.freelancer.id, 'experiments.setStatus', {
      id: created.id,
      version: 3,
      status: 'running',
      reason: 'Nieuwe partij multiplex reageert anders',
    })
    expect(reopened).toMatchObject({ status: 'running', version: 4 })
    const history = await centre.core.ok(c, 'experiments.revisions', { id: created.id })
    expect(history[0]).toMatchObject({ version: 4, note: 'reopened: Nieuwe partij multiplex reageert anders' })
    expect(history.map((r) => r.snapshot.status)).toEqual(['running', 'completed', 'draft', 'draft'])
  })

  it('restores an old revision as a new one', async () => {
    const created = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest() })
    await centre.core.ok(centre.freelancer.id, 'experiments.save', {
      id: created.id,
      version: 1,
      content: oakTest({ title: 'Verkeerde titel' }),
    })
    const restored = await centre.core.ok(centre.freelancer.id, 'experiments.restore', { id: created.id, version: 2, fromVersion: 1 })
    expect(restored).toMatchObject({ version: 3, content: { title: 'Lasertest eiken multiplex 6 mm' } })
    expect((await centre.core.ok(c, 'experiments.revisions', { id: created.id }))[0]!.note).toBe('restored: 1')
  })

  it('lists with filters by tag, outcome, machine and status', async () => {
    const a = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest({ outcome: 'worked' }) })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: oakTest({ title: 'Walnoot', tags: ['walnoot'], equipmentIds: [], outcome: 'failed' }),
    })
    expect((await centre.core.ok(c, 'experiments.list', { tag: 'eiken' })).map((e) => e.id)).toEqual([a.id])
    expect((await centre.core.ok(c, 'experiments.list', { outcome: 'worked' })).map((e) => e.id)).toEqual([a.id])
    expect((await centre.core.ok(c, 'experiments.list', { equipmentId: centre.laser.id })).map((e) => e.id)).toEqual([a.id])
    expect(await centre.core.ok(c, 'experiments.list', { status: 'completed' })).toEqual([])
    expect((await centre.core.ok(c, 'experiments.list', {}))[1]).toMatchObject({ tags: ['eiken', 'lasersnijden'] })
    const booking = await centre.core.ok(c, 'bookings.create', {
      equipmentId: centre.laser.id,
      kind: 'maintenance',
      startsAt: '2026-03-03T09:00:00.000Z',
      endsAt: '2026-03-03T10:00:00.000Z',
    })
    const ran = await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: oakTest({ title: 'Tijdens de training', bookingIds: [booking.id] }),
    })
    expect((await centre.core.ok(c, 'experiments.list', { bookingId: booking.id })).map((e) => e.id)).toEqual([ran.id])
  })

  it('reads numbers out of parameter values for the settings library', () => {
    expect(parseNumber('60')).toBe(60)
    expect(parseNumber('20,5')).toBe(20.5)
    expect(parseNumber('ca. 0.3 mm')).toBe(0.3)
    expect(parseNumber('-5')).toBe(-5)
    expect(parseNumber('hoog')).toBeNull()
  })
})

describe('the settings library', () => {
  it('lists every laser experiment on 6 mm oak that worked, with its parameter values', async () => {
    const worked = await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest({ outcome: 'worked' }) })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', { content: oakTest({ title: 'Te langzaam', outcome: 'failed' }) })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: oakTest({
        title: '16 mm',
        outcome: 'worked',
        materials: [{ name: 'Eiken multiplex', supplier: '', batch: '', size: '16 mm' }],
      }),
    })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: oakTest({
        title: 'Walnoot',
        outcome: 'worked',
        materials: [{ name: 'Walnoot massief', supplier: '', batch: '', size: '6 mm' }],
      }),
    })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: oakTest({ title: 'Zonder machine', outcome: 'worked', equipmentIds: [] }),
    })

    const rows = await centre.core.ok(c, 'experiments.settingsLibrary', {
      equipmentKind: 'laser_cutter',
      material: 'eik',
      size: '6',
      outcomes: ['worked'],
    })
    expect(rows.map((r) => r.experimentId)).toEqual([worked.id])
    expect(rows[0]!.parameters).toEqual([
      { name: 'Vermogen', value: '60', number: 60, unit: '%' },
      { name: 'Snelheid', value: '20', number: 20, unit: 'mm/s' },
      { name: 'Passes', value: '2', number: 2, unit: '' },
    ])
    expect((await centre.core.ok(c, 'experiments.settingsLibrary', { material: 'EIKEN' })).length).toBe(4)
    expect(await centre.core.ok(c, 'experiments.settingsLibrary', { material: '%' })).toEqual([])
  })
})
