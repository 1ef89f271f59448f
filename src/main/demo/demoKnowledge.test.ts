import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOTE_CATEGORIES } from '../../shared/notes'
import { createAttachmentStore } from '../attachments/attachmentStore'
import { createBookingService } from '../bookings/bookingService'
import { systemClock } from '../clock'
import { createEquipmentService } from '../equipment/equipmentService'
import { createPeopleService } from '../people/peopleService'
import { createPermitService } from '../permits/permitService'
import { createSearchIndex } from '../search/searchIndex'
import { createSettingsService } from '../settings/settingsService'
import { openTestCore, type TestCore } from '../testing/testCore'
import { crc32, demoPhoto, encodePng, loadDemoCentre } from './demoCentre'

let core: TestCore
let coordinator: number

beforeAll(async () => {
  // How long loading the demo takes is reported, not asserted: timings belong in `npm run bench`.
  const started = performance.now()
  core = openTestCore({ demo: true })
  console.log(`openWerkbank({ demo: true }) took ${Math.round(performance.now() - started)} ms`)
  coordinator = (await core.ok(null, 'people.list', { role: 'coordinator', limit: 1 })).items[0]!.id
})
afterAll(() => core.cleanup())

const experimentByTitle = async (title: string) => {
  const all = await core.ok(coordinator, 'experiments.list', { limit: 500 })
  const found = all.find((e) => e.title === title)
  if (!found) throw new Error(`no experiment ${title}`)
  return core.ok(coordinator, 'experiments.get', { id: found.id })
}
const noteByTitle = async (title: string) => {
  const [found] = await core.ok(coordinator, 'notes.titles', { prefix: title, limit: 1 })
  expect(found?.title).toBe(title)
  return core.ok(coordinator, 'notes.get', { id: found!.id })
}

describe('the demo centre’s knowledge', () => {
  it('holds about forty experiments in every status, with several outcomes', async () => {
    const all = await core.ok(coordinator, 'experiments.list', { limit: 500 })
    expect(all.length).toBeGreaterThanOrEqual(38)
    expect(all.length).toBeLessThanOrEqual(45)
    const statuses = new Set(all.map((e) => e.status))
    expect([...statuses].sort()).toEqual(['completed', 'draft', 'running'])
    expect(all.filter((e) => e.status === 'completed').length).toBeGreaterThan(all.length / 2)
    const outcomes = new Set(all.filter((e) => e.status === 'completed').map((e) => e.outcome))
    expect([...outcomes].sort()).toEqual(['failed', 'inconclusive', 'partly', 'worked'])

    // A completed one went draft → running → written up → completed, on days in the past.
    const failedGlueUp = await experimentByTitle('Vormverlijmen stoelleuning beuken: delaminatie')
    expect(failedGlueUp).toMatchObject({ status: 'completed', content: { outcome: 'failed' } })
    expect(failedGlueUp.content.parameters.map((p) => p.name)).toContain('Perstijd')
    expect(failedGlueUp.content.materials[0]).toMatchObject({ supplier: 'Fineerhandel De Lange', batch: 'DL-BF-0388' })
    expect(failedGlueUp.content.participants.length).toBeGreaterThan(0)
    expect(failedGlueUp.content.linkedNoteIds.length).toBeGreaterThan(0)
    expect(Date.parse(failedGlueUp.updatedAt)).toBeLessThan(Date.now() - 30 * 86_400_000)
    const history = await core.ok(coordinator, 'experiments.revisions', { id: failedGlueUp.id })
    expect(history.map((r) => r.snapshot.status)).toEqual(['completed', 'running', 'running', 'draft'])
  })

  it('holds sixty notes in all six categories, some reviewed by someone other than the author', async () => {
    const all = await core.ok(coordinator, 'notes.list', { limit: 500 })
    expect(all).toHaveLength(60)
    expect(new Set(all.map((n) => n.category))).toEqual(new Set(NOTE_CATEGORIES))
    const reviewed = all.filter((n) => n.reviewed)
    expect(reviewed.length).toBeGreaterThan(20)
    expect(reviewed.length).toBeLessThan(60)
    for (const summary of reviewed.slice(0, 10)) {
      const note = await core.ok(coordinator, 'notes.get', { id: summary.id })
      expect(note.reviewedBy!.id).not.toBe(note.author.id)
    }
    // An edit after the review lapsed it; someone reviewed it again.
    const edited = await noteByTitle('Lasersnijden van eiken multiplex')
    expect(edited.content.body).toContain('Aanvulling')
    expect(edited.reviewedBy?.name).toBe('Jan-Willem de Boer')
    const notes = (await core.ok(coordinator, 'notes.revisions', { id: edited.id })).map((r) => r.note)
    expect(notes).toEqual(['reviewed', null, 'reviewed', null])
  })

  it('links notes, experiments and machines both ways', async () => {
    const note = await noteByTitle('Lasersnijden van eiken multiplex')
    expect(note.content.body).toMatch(/\[\[experiment:\d+\]\]/)
    expect(note.content.body).toMatch(/\[\[machine:\d+\]\]/)
    const toNote = await core.ok(coordinator, 'links.backlinks', { kind: 'note', id: note.id })
    expect(toNote.some((b) => b.kind === 'note')).toBe(true)
    expect(toNote.some((b) => b.kind === 'experiment')).toBe(true)

    const series = await experimentByTitle('Eiken multiplex 6 mm snijden op 16 mm/s')
    const toExperiment = await core.ok(coordinator, 'links.backlinks', { kind: 'experiment', id: series.id })
    expect(toExperiment.map((b) => b.title)).toEqual(
      expect.arrayContaining(['Lasersnijden van eiken multiplex', 'Eiken multiplex 6 mm snijden op 20 mm/s']),
    )
    const laser = (await core.ok(coordinator, 'equipment.list', {})).find((m) => m.kind === 'laser_cutter')!
    const toMachine = await core.ok(coordinator, 'links.backlinks', { kind: 'machine', id: laser.id })
    expect(toMachine.filter((b) => b.kind === 'experiment').length).toBeGreaterThan(10)
    expect(toMachine.some((b) => b.kind === 'note')).toBe(true)

    let withBacklinks = 0
    for (const n of await core.ok(coordinator, 'notes.list', { limit: 500 })) {
      if ((await core.ok(coordinator, 'links.backlinks', { kind: 'note', id: n.id })).length > 0) withBacklinks++
    }
    expect(withBacklinks).toBeGreaterThan(30)
  })

  it('gives the settings library a spread of oak 6 mm laser settings', async () => {
    const rows = await core.ok(coordinator, 'experiments.settingsLibrary', {
      equipmentKind: 'laser_cutter',
      material: 'eiken',
      size: '6',
    })
    expect(rows.length).toBeGreaterThanOrEqual(8)
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['worked', 'partly', 'failed', null]))
    const speeds = new Set(rows.map((r) => r.parameters.find((p) => p.name === 'Snelheid')?.number))
    expect(speeds.size).toBeGreaterThanOrEqual(4)
    for (const row of rows) {
      expect(row.materials.some((m) => m.size === '6 mm')).toBe(true)
      expect(row.parameters.find((p) => p.name === 'Vermogen')).toMatchObject({ unit: '%' })
    }
    // Veneer of 0,6 mm is not 6 mm.
    expect(rows.map((r) => r.title)).not.toContain('Lampenkap van eiken fineer 0,6 mm snijden')
  })

  it('finds the knowledge by half a word', async () => {
    const titles = async (q: string) => (await core.ok(coordinator, 'search.query', { q, limit: 50 })).map((r) => `${r.kind}:${r.title}`)
    expect(await titles('multipl type:experiment')).toEqual(expect.arrayContaining(['experiment:Eiken multiplex 6 mm snijden op 12 mm/s']))
    expect(await titles('vormverl')).toEqual(
      expect.arrayContaining(['note:Vormverlijmen in de vacuümpers', 'experiment:Vormverlijmen stoelleuning beuken: delaminatie']),
    )
    expect(await titles('delamin')).toContain('experiment:Vormverlijmen stoelleuning beuken: delaminatie')
    expect(await titles('eik outcome:mislukt')).toEqual(expect.arrayContaining(['experiment:Eiken multiplex 6 mm snijden op 25 mm/s']))
    expect(await titles('schuurdr')).toEqual(expect.arrayContaining(['experiment:Robotschuren essen fineer: schuurdruk 40 N']))
  })
})

describe('the demo photos', () => {
  it('are valid PNGs: signature, chunk CRCs, and scanlines that inflate to the right size', () => {
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082)
    const png = encodePng(2, 1, Buffer.from([255, 0, 0, 0, 0, 255]))
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const photo = demoPhoto({ pattern: 'rings', from: [230, 200, 160], to: [90, 60, 40] })
    let offset = 8
    const types: string[] = []
    let idat = Buffer.alloc(0)
    while (offset < photo.length) {
      const length = photo.readUInt32BE(offset)
      const body = photo.subarray(offset + 4, offset + 8 + length)
      expect(photo.readUInt32BE(offset + 8 + length)).toBe(crc32(body))
      const type = body.subarray(0, 4).toString('latin1')
      types.push(type)
      if (type === 'IHDR') expect([body.readUInt32BE(4), body.readUInt32BE(8), body[12], body[13]]).toEqual([96, 64, 8, 2])
      if (type === 'IDAT') idat = Buffer.concat([idat, body.subarray(4)])
      offset += 12 + length
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(inflateSync(idat).length).toBe(64 * (96 * 3 + 1))
    // Deterministic: the same demo gives the same files.
    expect(demoPhoto({ pattern: 'rings', from: [230, 200, 160], to: [90, 60, 40] }).equals(photo)).toBe(true)
  })

  it('are uploaded through the attachment store when the demo is given one', async () => {
    const bare = openTestCore()
    try {
      const { db } = bare
      const clock = systemClock
      const index = createSearchIndex(db).upsert
      const settings = createSettingsService(db)
      const timeZone = () => settings.get().timeZone
      const equipment = createEquipmentService(db, clock, index)
      const permits = createPermitService(db, clock)
      loadDemoCentre({
        db,
        clock,
        timeZone,
        people: createPeopleService(db, clock, index),
        equipment,
        permits,
        bookings: createBookingService({ db, clock, equipment, permits, timeZone }),
        attachments: createAttachmentStore(db, clock, bare.dataDir),
      })
      const c = (await bare.ok(null, 'people.list', { role: 'coordinator', limit: 1 })).items[0]!.id
      const all = await bare.ok(c, 'experiments.list', { limit: 500 })
      const withPhotos = []
      for (const e of all) {
        const full = await bare.ok(c, 'experiments.get', { id: e.id })
        if (full.content.attachments.length) withPhotos.push(full)
      }
      expect(withPhotos.length).toBeGreaterThanOrEqual(5)
      expect(withPhotos.every((e) => e.status !== 'completed')).toBe(true)
      const photo = withPhotos[0]!.content.attachments[0]!
      expect(photo.caption).not.toBe('')
      const file = bare.findAttachment(photo.sha256)
      expect(file?.mediaType).toBe('image/png')
      expect([...readFileSync(file!.path).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
    } finally {
      bare.cleanup()
    }
  })
})
