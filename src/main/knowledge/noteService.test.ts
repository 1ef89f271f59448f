import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'

let centre: BookingCentre
let c: number

beforeEach(async () => {
  centre = await openBookingCentre()
  c = centre.coordinator.id
})
afterEach(() => centre.core.cleanup())

const noteOn = (title: string, body = '', extra: Record<string, unknown> = {}) => ({
  content: { title, body, category: 'technique' as const, ...extra },
})

async function expectRefused(call: () => Promise<{ ok: boolean }>, code: string, reason: string) {
  const before = tableChecksum(centre.core.db)
  const result = (await call()) as { ok: false; error: { code: string; details: Record<string, unknown> } }
  expect(result.ok, JSON.stringify(result)).toBe(false)
  expect(result.error).toMatchObject({ code, details: { reason } })
  expect(tableChecksum(centre.core.db)).toBe(before)
}

describe('knowledge notes', () => {
  it('writes a note with tags and refuses a second note with the same title (case and accents folded)', async () => {
    const note = await centre.core.ok(centre.freelancer.id, 'notes.create', noteOn('Lasersnijden van eiken', 'Tekst', { tags: ['Eiken'] }))
    expect(note).toMatchObject({ version: 1, content: { tags: ['eiken'] }, reviewedBy: null })
    await expectRefused(() => centre.core.as(c, 'notes.create', noteOn('LASERSNIJDEN VAN ÉIKEN')), 'CONFLICT', 'noteTitleTaken')
  })

  it('shows backlinks from notes and experiments, also for links written before the note existed', async () => {
    const early = await centre.core.ok(
      centre.freelancer.id,
      'notes.create',
      noteOn('Rookvlekken voorkomen', 'Zie [[Lasersnijden van eiken]] en [[machine:1]].'),
    )
    const target = await centre.core.ok(centre.teacher.id, 'notes.create', noteOn('Lasersnijden van eiken', 'Basis.'))
    const experiment = await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: { title: 'Proef eiken', method: 'Volg [[note:' + target.id + '|de notitie]].', linkedNoteIds: [] },
    })
    const backlinks = await centre.core.ok(c, 'links.backlinks', { kind: 'note', id: target.id })
    expect(backlinks).toEqual([
      { kind: 'experiment', id: experiment.id, title: 'Proef eiken' },
      { kind: 'note', id: early.id, title: 'Rookvlekken voorkomen' },
    ])
    expect(await centre.core.ok(c, 'links.backlinks', { kind: 'machine', id: centre.laser.id })).toEqual([
      { kind: 'note', id: early.id, title: 'Rookvlekken voorkomen' },
    ])
    // Editing the linking note away from the link removes the backlink.
    await centre.core.ok(centre.freelancer.id, 'notes.save', {
      id: early.id,
      version: 1,
      content: noteOn('Rookvlekken voorkomen', 'Geen links meer.').content,
    })
    expect((await centre.core.ok(c, 'links.backlinks', { kind: 'note', id: target.id })).map((b) => b.kind)).toEqual(['experiment'])
  })

  it('refuses a stale save, keeps every revision and restores an old one', async () => {
    const note = await centre.core.ok(centre.freelancer.id, 'notes.create', noteOn('Schuurpapier', 'Korrel 120'))
    await centre.core.ok(centre.teacher.id, 'notes.save', {
      id: note.id,
      version: 1,
      content: noteOn('Schuurpapier', 'Korrel 180').content,
    })
    await expectRefused(
      () =>
        centre.core.as(centre.freelancer.id, 'notes.save', {
          id: note.id,
          version: 1,
          content: noteOn('Schuurpapier', 'Korrel 240').content,
        }),
      'STALE',
      'stale',
    )
    const restored = await centre.core.ok(centre.freelancer.id, 'notes.restore', { id: note.id, version: 2, fromVersion: 1 })
    expect(restored).toMatchObject({ version: 3, content: { body: 'Korrel 120' } })
    const history = await centre.core.ok(c, 'notes.revisions', { id: note.id })
    expect(history.map((r) => [r.version, r.snapshot.body, r.note])).toEqual([
      [3, 'Korrel 120', 'restored: 1'],
      [2, 'Korrel 180', null],
      [1, 'Korrel 120', null],
    ])
  })

  it('lets an experienced person other than the author review, and drops the mark when the text changes', async () => {
    const note = await centre.core.ok(centre.freelancer.id, 'notes.create', noteOn('Afzuiging controleren', 'Elke ochtend.'))
    await expectRefused(
      () => centre.core.as(centre.freelancer.id, 'notes.review', { id: note.id, version: 1, reviewed: true }),
      'RULE',
      'ownNote',
    )
    await expectRefused(
      () => centre.core.as(centre.student.id, 'notes.review', { id: note.id, version: 1, reviewed: true }),
      'FORBIDDEN',
      'reviewersOnly',
    )
    const reviewed = await centre.core.ok(centre.teacher.id, 'notes.review', { id: note.id, version: 1, reviewed: true })
    expect(reviewed.reviewedBy).toEqual({ id: centre.teacher.id, name: 'Anouk Docent' })
    expect((await centre.core.ok(c, 'notes.revisions', { id: note.id }))[0]).toMatchObject({
      version: 2,
      author: 'Anouk Docent',
      note: 'reviewed',
    })
    const tagged = await centre.core.ok(centre.student.id, 'notes.save', {
      id: note.id,
      version: 2,
      content: noteOn('Afzuiging controleren', 'Elke ochtend.', { tags: ['veiligheid'] }).content,
    })
    expect(tagged.reviewedBy).not.toBeNull() // tags are not the reviewed text
    const edited = await centre.core.ok(centre.student.id, 'notes.save', {
      id: note.id,
      version: 3,
      content: noteOn('Afzuiging controleren', 'Elke ochtend en middag.').content,
    })
    expect(edited.reviewedBy).toBeNull()
  })

  it('suggests titles for [[ autocomplete, starting matches first', async () => {
    for (const title of ['Eiken olie', 'Lasersnijden van eiken', 'Walnoot']) await centre.core.ok(c, 'notes.create', noteOn(title))
    expect((await centre.core.ok(c, 'notes.titles', { prefix: 'eik' })).map((n) => n.title)).toEqual([
      'Eiken olie',
      'Lasersnijden van eiken',
    ])
    expect(await centre.core.ok(c, 'notes.titles', { prefix: '%' })).toEqual([])
  })

  it('lists by category, tag and review state', async () => {
    const a = await centre.core.ok(centre.freelancer.id, 'notes.create', noteOn('A', '', { category: 'safety', tags: ['laser'] }))
    await centre.core.ok(centre.freelancer.id, 'notes.create', noteOn('B', '', { category: 'material' }))
    await centre.core.ok(centre.teacher.id, 'notes.review', { id: a.id, version: 1, reviewed: true })
    expect((await centre.core.ok(c, 'notes.list', { category: 'safety' })).map((n) => n.title)).toEqual(['A'])
    expect((await centre.core.ok(c, 'notes.list', { tag: 'laser' })).map((n) => n.title)).toEqual(['A'])
    expect((await centre.core.ok(c, 'notes.list', { reviewed: false })).map((n) => n.title)).toEqual(['B'])
  })
})
