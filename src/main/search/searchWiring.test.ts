// The one search, through the dispatcher: every kind of record is findable as soon as it is saved,
// edits replace what was indexed, and a database from before the search gets indexed on opening.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MATCH_END, MATCH_START } from '../../shared/search'
import { openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { openTestCore } from '../testing/testCore'

let centre: BookingCentre
let c: number
beforeEach(async () => {
  centre = await openBookingCentre()
  c = centre.coordinator.id
})
afterEach(() => centre.core.cleanup())

const find = async (q: string) => (await centre.core.ok(c, 'search.query', { q })).map((r) => `${r.kind}:${r.title}`)

describe('search across the centre', () => {
  it('finds notes, experiments, machines and people by half a word, diacritics folded', async () => {
    await centre.core.ok(c, 'notes.create', {
      content: { title: 'Rookvlekken op eiken', body: 'Gebruik **afplaktape** bij [[Lasersnijden]].', category: 'technique' },
    })
    await centre.core.ok(centre.freelancer.id, 'experiments.create', {
      content: {
        title: 'Snelheidsreeks',
        materials: [{ name: 'Eiken multiplex', supplier: 'Jansen', batch: '', size: '6 mm' }],
        parameters: [{ name: 'Vermogen', value: '60', unit: '%' }],
        outcome: 'worked',
        tags: ['eiken'],
      },
    })
    expect(await find('eik')).toEqual(['note:Rookvlekken op eiken', 'experiment:Snelheidsreeks'])
    expect(await find('afplak')).toEqual(['note:Rookvlekken op eiken'])
    expect(await find('trotec')).toEqual(['equipment:Lasersnijder Trotec'])
    expect(await find('marieke')).toEqual(['person:Marieke Coördinator'])
    expect(await find('coordinat')).toEqual(['person:Marieke Coördinator'])
    expect(await find('eiken type:experiment outcome:gelukt')).toEqual(['experiment:Snelheidsreeks'])
    const [hit] = await centre.core.ok(c, 'search.query', { q: 'afplak' })
    expect(hit!.snippet).toContain(`${MATCH_START}afplaktape${MATCH_END}`)
    expect(hit!.snippet).not.toContain('**')
  })

  it('replaces what was indexed when a record changes', async () => {
    const note = await centre.core.ok(c, 'notes.create', {
      content: { title: 'Schuren', body: 'korrel honderdtwintig', category: 'technique' },
    })
    await centre.core.ok(c, 'notes.save', {
      id: note.id,
      version: 1,
      content: { title: 'Schuren', body: 'korrel tweehonderd', category: 'technique' },
    })
    expect(await find('honderdtwintig')).toEqual([])
    expect(await find('tweehonderd')).toEqual(['note:Schuren'])
  })

  it('indexes a database that was written before the search existed', async () => {
    await centre.core.ok(c, 'notes.create', { content: { title: 'Oude kennis', category: 'safety' } })
    const dataDir = centre.core.dataDir
    centre.core.db.exec('DELETE FROM search_index; DELETE FROM search_docs;')
    centre.core.close()
    const reopened = openTestCore({ dataDir })
    expect((await reopened.ok(c, 'search.query', { q: 'oude' })).map((r) => r.title)).toEqual(['Oude kennis'])
    // The first core is closed; the reopened one removes the folder at the end.
    centre.core = { ...centre.core, cleanup: () => reopened.cleanup() }
  })
})
