// The search index on a real SQLite file with every migration applied: folding, prefixes, AND,
// ranking, filters, snippets, replacing and removing, hostile input, and a timing printout over a
// generated corpus (printed, never asserted).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MATCH_END, MATCH_START, searchQueryInput, searchResult, splitSnippet, type SearchResult } from '../../shared/search'
import { openDatabase, readUserVersion, type Db } from '../db/database'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { makeTempDir } from '../testing/testCore'
import { MAX_TERMS, buildMatch, createSearchIndex, parseSearchQuery, type SearchDocument, type SearchIndex } from './searchIndex'

let dir: string
let db: Db
let index: SearchIndex

beforeEach(() => {
  dir = makeTempDir()
  db = openDatabase(join(dir, 'werkbank.sqlite'))
  index = createSearchIndex(db)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const doc = (fields: Partial<SearchDocument> & Pick<SearchDocument, 'refId'>): SearchDocument => ({
  kind: 'note',
  title: '',
  body: '',
  tags: [],
  author: null,
  outcome: null,
  ...fields,
})

/** Searches and checks every hit against the contract's schema. */
function search(q: string, limit = 20, on: SearchIndex = index): SearchResult[] {
  const results = on.search({ q, limit })
  for (const result of results) searchResult.parse(result)
  return results
}
const hits = (q: string, limit = 20) => search(q, limit).map((r) => `${r.kind}:${r.refId}`)

describe('migrations 0070 and 0110', () => {
  it('create the FTS5 table with folding and prefix indexes of 2 to 5 characters, and the document map', () => {
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(70)
    const sql = (name: string) => db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(name)?.sql ?? ''
    expect(sql('search_index')).toMatch(/USING fts5/i)
    expect(sql('search_index')).toContain("tokenize = 'unicode61 remove_diacritics 2'")
    expect(sql('search_index')).toContain("prefix = '2 3 4 5'")
    expect(sql('search_docs')).toMatch(/STRICT/)
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('search_index')")
      .all()
      .map((c) => c.name)
    expect(columns).toEqual(['title', 'tags', 'filters', 'body'])
    expect(() => db.prepare("INSERT INTO search_docs (kind, ref_id) VALUES ('banana', 1)").run()).toThrow(/CHECK/)
  })
})

describe('matching', () => {
  beforeEach(() => {
    index.upsert(doc({ refId: 1, title: 'Café-tafel van eiken', body: 'Een tafelblad van massief eikenhout, geolied.' }))
    index.upsert(doc({ refId: 2, title: 'Cafe racer', body: 'Een zitje van multiplex, 18 mm, met de laser gesneden.' }))
    index.upsert(doc({ refId: 3, title: 'Kast van berken', body: 'Berken multiplex, zwaluwstaarten met de CNC gefreesd.' }))
    index.upsert(doc({ kind: 'person', refId: 4, title: 'Zoë Öztürk', body: 'Goudsmid, Atelier Kleinood' }))
  })

  it('folds diacritics both ways', () => {
    expect(hits('café').sort()).toEqual(['note:1', 'note:2'])
    expect(hits('cafe').sort()).toEqual(['note:1', 'note:2'])
    expect(hits('CAFÉ').sort()).toEqual(['note:1', 'note:2'])
    expect(hits('zoe')).toEqual(['person:4'])
    expect(hits('öztürk')).toEqual(['person:4'])
    expect(hits('ozturk')).toEqual(['person:4'])
  })

  it('matches partial words as prefixes', () => {
    expect(hits('eik')).toEqual(['note:1'])
    expect(hits('eikenh')).toEqual(['note:1'])
    expect(hits('multip').sort()).toEqual(['note:2', 'note:3'])
    expect(hits('zwaluw')).toEqual(['note:3'])
    expect(hits('ken')).toEqual([]) // a prefix, not a substring
  })

  it('matches a one-letter word only as a whole word', () => {
    index.upsert(doc({ refId: 5, title: 'Maat', body: 'plaat van 3 mm en een x' }))
    expect(hits('3')).toEqual(['note:5'])
    expect(hits('plaat 3')).toEqual(['note:5'])
    expect(hits('m')).toEqual([])
  })

  it('needs every word (AND), wherever it stands', () => {
    expect(hits('multiplex laser')).toEqual(['note:2'])
    expect(hits('multiplex cnc')).toEqual(['note:3'])
    expect(hits('multiplex eiken')).toEqual([])
    expect(hits('eik geol')).toEqual(['note:1'])
  })

  it('treats a quoted part as a phrase', () => {
    expect(hits('"van eiken"')).toEqual(['note:1'])
    expect(hits('"eiken van"')).toEqual([])
    expect(hits('"de laser"')).toEqual(['note:2'])
  })

  it('finds tags, but never the filter words themselves', () => {
    index.upsert(doc({ refId: 6, title: 'Lamp', body: 'Kap van vilt', tags: ['Verlichting'], author: 'Jansen', outcome: 'failed' }))
    expect(hits('verlicht')).toEqual(['note:6'])
    // Author, kind and outcome are only reachable through their filters.
    expect(hits('jansen')).toEqual([])
    expect(hits('note')).toEqual([])
    expect(hits('failed')).toEqual([])
  })
})

describe('ranking', () => {
  it('puts title matches first, even against a body full of the word', () => {
    index.upsert(doc({ refId: 1, title: 'Klemmen', body: 'lijm lijm lijm lijm lijm lijm lijm lijm, lijm overal lijm' }))
    index.upsert(doc({ refId: 2, title: 'Lijm op eiken', body: 'Een lange tekst over iets anders dan verbindingen. '.repeat(20) }))
    index.upsert(doc({ refId: 3, title: 'Zagen', body: 'Één keer lijm.' }))
    const results = search('lijm')
    expect(results.map((r) => r.refId)).toEqual([2, 1, 3])
    // The score falls along the list.
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score)
    expect(results[1]!.score).toBeGreaterThan(results[2]!.score)
  })

  it('ranks by bm25 within the title matches and within the rest', () => {
    index.upsert(doc({ refId: 1, title: 'Frezen', body: 'Over frezen en nog veel meer: schuren, zagen, lijmen, lakken, boren, draaien.' }))
    index.upsert(doc({ refId: 2, title: 'Frezen', body: 'Kort.' }))
    index.upsert(doc({ refId: 3, title: 'Werkbank', body: 'frezen, frezen en frezen' }))
    index.upsert(
      doc({ refId: 4, title: 'Werkbank', body: 'ook frezen, naast zagen, schuren, lijmen, lakken, boren, draaien en polijsten' }),
    )
    expect(hits('frezen')).toEqual(['note:2', 'note:1', 'note:3', 'note:4'])
  })

  it('breaks ties by the most recently written document', () => {
    for (const refId of [5, 3, 9]) index.upsert(doc({ refId, title: 'Zelfde titel', body: 'zelfde tekst' }))
    expect(hits('zelfde')).toEqual(['note:9', 'note:3', 'note:5'])
    index.upsert(doc({ refId: 5, title: 'Zelfde titel', body: 'zelfde tekst' })) // edited: now the newest
    expect(hits('zelfde')).toEqual(['note:5', 'note:9', 'note:3'])
  })

  it('ranks a very common word among the newest matches, machines and people always included', () => {
    const small = createSearchIndex(db, { candidates: 50 })
    index.upsert(doc({ kind: 'equipment', refId: 1, title: 'Lasersnijder Trotec', body: 'Speedy 400' }))
    for (let refId = 1; refId <= 120; refId++)
      index.upsert(doc({ refId, title: refId === 3 ? 'Laser focus' : `Notitie ${refId}`, body: 'gesneden met de laser' }))
    const results = search('laser', 20, small)
    expect(results).toHaveLength(20)
    // The machine was indexed first, yet is ranked: reference kinds are always among the candidates.
    expect(results[0]).toMatchObject({ kind: 'equipment', refId: 1 })
    // The old note with "laser" in its title is beyond the 50 newest matches: the documented cost.
    expect(results.map((r) => r.refId)).not.toContain(3)
    expect(results.slice(1).map((r) => r.refId)).toEqual(Array.from({ length: 19 }, (_, i) => 120 - i))
    // With enough candidates it is found, and first among the notes.
    expect(
      search('laser')
        .slice(0, 2)
        .map((r) => `${r.kind}:${r.refId}`),
    ).toEqual(['equipment:1', 'note:3'])
  })
})

describe('filters', () => {
  beforeEach(() => {
    index.upsert(doc({ refId: 1, title: 'Eiken verlijmen', body: 'PU-lijm', tags: ['hout', 'Verbindingen'], author: 'Zoë de Vries' }))
    index.upsert(
      doc({
        kind: 'experiment',
        refId: 2,
        title: 'Eiken buigen',
        body: 'stomen',
        tags: ['hout'],
        author: 'Daan Jansen',
        outcome: 'failed',
      }),
    )
    index.upsert(
      doc({
        kind: 'experiment',
        refId: 3,
        title: 'Eiken beitsen',
        body: 'ijzer',
        tags: ['afwerking'],
        author: 'Zoë de Vries',
        outcome: 'worked',
      }),
    )
    index.upsert(doc({ kind: 'equipment', refId: 4, title: 'Eiken werkbank', body: 'Bij de ingang', tags: [] }))
    index.upsert(doc({ kind: 'person', refId: 5, title: 'Eiko Bakker', body: 'Meubelmaker' }))
    index.upsert(doc({ kind: 'session', refId: 6, title: 'Eiken in de gevel', body: 'Lezing' }))
  })
  const sorted = (q: string) => hits(q).sort()

  it('type: with English and Dutch names, and while still typing', () => {
    expect(sorted('eik type:note')).toEqual(['note:1'])
    expect(sorted('eik type:notitie')).toEqual(['note:1'])
    expect(sorted('eik type:experiment')).toEqual(['experiment:2', 'experiment:3'])
    expect(sorted('eik type:machine')).toEqual(['equipment:4'])
    expect(sorted('eik type:persoon')).toEqual(['person:5'])
    expect(sorted('eik type:person')).toEqual(['person:5'])
    expect(sorted('eik type:sessie')).toEqual(['session:6'])
    expect(sorted('eik Type:NOTE')).toEqual(['note:1'])
    expect(sorted('eik type:note,machine')).toEqual(['equipment:4', 'note:1'])
    expect(sorted('eik type:note type:persoon')).toEqual(['note:1', 'person:5'])
    expect(sorted('eik type:pers')).toEqual(['person:5']) // prefix of an alias
    expect(sorted('eik soort:notitie')).toEqual(['note:1'])
    expect(sorted('eik type:banaan')).toEqual([])
  })

  it('tag:, matching a tag from its start, folded', () => {
    expect(sorted('eik tag:hout')).toEqual(['experiment:2', 'note:1'])
    expect(sorted('eik tag:verbind')).toEqual(['note:1'])
    expect(sorted('eik tag:VERBINDINGEN')).toEqual(['note:1'])
    expect(sorted('eik tag:hout tag:verbindingen')).toEqual(['note:1']) // every tag must be there
    expect(sorted('eik tag:lijm')).toEqual([]) // a body word is not a tag
    expect(sorted('eik label:afwerking')).toEqual(['experiment:3'])
  })

  it('a tag filter does not join the end of one tag to the start of the next', () => {
    index.upsert(doc({ refId: 7, title: 'Eiken', tags: ['massief', 'hout'] }))
    index.upsert(doc({ refId: 8, title: 'Eiken', tags: ['massief hout'] }))
    expect(sorted('eik tag:"massief hout"')).toEqual(['note:8'])
  })

  it('author:, folded and by prefix, also as a quoted name', () => {
    expect(sorted('eik author:zoe')).toEqual(['experiment:3', 'note:1'])
    expect(sorted('eik author:Zoë')).toEqual(['experiment:3', 'note:1'])
    expect(sorted('eik author:vri')).toEqual(['experiment:3', 'note:1'])
    expect(sorted('eik author:jansen')).toEqual(['experiment:2'])
    expect(sorted('eik auteur:daan')).toEqual(['experiment:2'])
    expect(sorted('eik author:"zoe de"')).toEqual(['experiment:3', 'note:1'])
    expect(sorted('eik author:"de zoe"')).toEqual([])
    expect(sorted('eik author:bakker')).toEqual([]) // a person's name is their title, not an author
  })

  it('outcome: with English and Dutch names', () => {
    expect(sorted('eik outcome:failed')).toEqual(['experiment:2'])
    expect(sorted('eik outcome:mislukt')).toEqual(['experiment:2'])
    expect(sorted('eik outcome:worked')).toEqual(['experiment:3'])
    expect(sorted('eik uitkomst:gelukt')).toEqual(['experiment:3'])
    expect(sorted('eik outcome:deels')).toEqual([])
    expect(sorted('eik outcome:onbeslist')).toEqual([])
    expect(sorted('eik outcome:failed,worked')).toEqual(['experiment:2', 'experiment:3'])
    expect(sorted('eik outcome:soms')).toEqual([])
  })

  it('stores an outcome given under its Dutch name under the English one', () => {
    index.upsert(doc({ kind: 'experiment', refId: 9, title: 'Eiken stomen', outcome: 'Deels' }))
    expect(sorted('eik outcome:partly')).toEqual(['experiment:9'])
  })

  it('combines filters with AND', () => {
    expect(sorted('eik type:experiment author:zoe outcome:worked tag:afw')).toEqual(['experiment:3'])
    expect(sorted('eik type:note outcome:worked')).toEqual([])
  })

  it('returns nothing for filters without words, and ignores a filter still being typed', () => {
    expect(hits('type:note')).toEqual([])
    expect(hits('tag:hout author:zoe')).toEqual([])
    expect(hits('')).toEqual([])
    expect(hits('   ')).toEqual([])
    expect(sorted('eik tag:')).toHaveLength(6)
    expect(sorted('eik type:')).toHaveLength(6)
  })
})

describe('snippets', () => {
  const longBody =
    'In het begin zaagden we de planken op maat en schuurden ze glad. Daarna lieten we de platen ' +
    'een week acclimatiseren in de werkplaats. Toen pas gingen ze op de laser: multiplex van berken, ' +
    'zes millimeter dik, met lucht assist en twee passes. Het resultaat was strak, maar aan de ' +
    'onderkant zaten brandsporen die we later met een schuurspons hebben weggehaald.'

  it('marks the matches in a dozen or so words of the body, with an ellipsis', () => {
    index.upsert(doc({ refId: 1, title: 'Platen snijden', body: longBody }))
    const [hit] = search('multipl')
    expect(hit!.snippet).toContain(MATCH_START + 'multiplex' + MATCH_END)
    expect(hit!.snippet).toMatch(/…/)
    expect(hit!.snippet.split(/\s+/).length).toBeLessThanOrEqual(16)
    expect(hit!.title).toBe('Platen snijden')
    expect(splitSnippet(hit!.snippet).filter((part) => part.match)).toEqual([{ text: 'multiplex', match: true }])
  })

  it('marks every word of the query, folded forms included', () => {
    index.upsert(doc({ refId: 1, title: 'Platen', body: 'Eén plaat café-multiplex, één plaat eiken.' }))
    const [hit] = search('cafe eik')
    expect(splitSnippet(hit!.snippet).filter((part) => part.match)).toEqual([
      { text: 'café', match: true },
      { text: 'eiken', match: true },
    ])
  })

  it('falls back to the title when the body has no match', () => {
    index.upsert(doc({ refId: 1, title: 'Zwaluwstaart met de hand', body: longBody }))
    const [hit] = search('zwaluw')
    expect(hit!.snippet).toBe(MATCH_START + 'Zwaluwstaart' + MATCH_END + ' met de hand')
  })

  it('uses the body of a title match when the body matches too', () => {
    index.upsert(doc({ refId: 1, title: 'Multiplex op de laser', body: longBody }))
    const [hit] = search('multiplex')
    expect(hit!.snippet).toContain(MATCH_START + 'multiplex' + MATCH_END + ' van berken')
  })

  it('keeps the marker characters for markers only', () => {
    index.upsert(doc({ refId: 1, title: 'Vreemd \uE000teken\uE001', body: 'een \uE000 in de \uE001 tekst over eiken' }))
    const [hit] = search('eik')
    expect(hit!.title).not.toMatch(/[\uE000-\uE001]/)
    expect(splitSnippet(hit!.snippet).filter((part) => part.match)).toEqual([{ text: 'eiken', match: true }])
  })

  it('splitSnippet splits text and matches, tolerating a missing end marker', () => {
    expect(splitSnippet('')).toEqual([])
    expect(splitSnippet('geen match')).toEqual([{ text: 'geen match', match: false }])
    expect(splitSnippet(`…a ${MATCH_START}b${MATCH_END} c ${MATCH_START}d${MATCH_END}`)).toEqual([
      { text: '…a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ])
    expect(splitSnippet(`a ${MATCH_START}b`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ])
  })
})

describe('keeping the index in step', () => {
  it('upsert replaces what was indexed for the same kind and id', () => {
    index.upsert(doc({ refId: 1, title: 'Walnoot', body: 'olie', tags: ['oud'] }))
    index.upsert(doc({ refId: 1, title: 'Kersen', body: 'was', tags: ['nieuw'] }))
    expect(hits('walnoot')).toEqual([])
    expect(hits('olie')).toEqual([])
    expect(hits('kersen tag:oud')).toEqual([])
    expect(hits('kersen')).toEqual(['note:1'])
    expect(hits('kersen tag:nieuw')).toEqual(['note:1'])
    expect(db.prepare('SELECT count(*) AS n FROM search_index').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 1 })
  })

  it('keeps kinds apart: the same id in two kinds is two documents', () => {
    index.upsert(doc({ refId: 1, title: 'Walnoot' }))
    index.upsert(doc({ kind: 'experiment', refId: 1, title: 'Walnoot' }))
    expect(hits('walnoot').sort()).toEqual(['experiment:1', 'note:1'])
    index.remove('note', 1)
    expect(hits('walnoot')).toEqual(['experiment:1'])
  })

  it('remove drops the document, and removing an unknown one is harmless', () => {
    index.upsert(doc({ refId: 1, title: 'Walnoot' }))
    index.remove('note', 1)
    index.remove('note', 1)
    index.remove('person', 42)
    expect(hits('walnoot')).toEqual([])
    expect(db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 0 })
  })

  it("runs inside the caller's transaction and rolls back with it", () => {
    index.upsert(doc({ refId: 1, title: 'Walnoot' }))
    const failingSave = db.transaction(() => {
      index.upsert(doc({ refId: 1, title: 'Kersen' }))
      index.upsert(doc({ refId: 2, title: 'Kersen' }))
      throw new Error('the service refused')
    })
    expect(() => failingSave.immediate()).toThrow('the service refused')
    expect(hits('walnoot')).toEqual(['note:1'])
    expect(hits('kersen')).toEqual([])
  })
})

describe('the query language', () => {
  it('parses words, phrases and filters', () => {
    expect(parseSearchQuery('  Eiken  "massief hout" tag:"Zwaluw staart" TYPE:notitie author:zoë outcome:mislukt x ')).toEqual({
      terms: [
        { text: 'Eiken', prefix: true },
        { text: 'massief hout', prefix: true },
        { text: 'x', prefix: false },
      ],
      kinds: ['note'],
      outcomes: ['failed'],
      authors: ['zoë'],
      tags: ['Zwaluw staart'],
    })
  })

  it('turns punctuation into word breaks and never lets FTS5 syntax through', () => {
    expect(parseSearchQuery('3d-printer').terms).toEqual([{ text: '3d printer', prefix: true }])
    expect(parseSearchQuery('NEAR(eiken, "hout") OR -{title}: ^x*').terms.map((t) => t.text)).toEqual([
      'NEAR',
      'eiken',
      'hout',
      'OR',
      'title',
      'x',
    ])
    const match = buildMatch(parseSearchQuery('a"b "c""d" e\'f'))!
    // Every term is one quoted string; nothing outside quotes but AND, OR, parentheses and *.
    expect(match.replace(/"[^"]*"\*?/g, '').replace(/\s+/g, ' ')).toMatch(/^[ ANDOR()]*$/)
  })

  it('caps the number of words and filters', () => {
    const many = Array.from({ length: 30 }, (_, i) => `woord${i}`).join(' ')
    expect(parseSearchQuery(many).terms).toHaveLength(MAX_TERMS)
    const tags = Array.from({ length: 30 }, (_, i) => `tag:t${i}`).join(' ')
    expect(parseSearchQuery('x ' + tags).tags.length).toBeLessThanOrEqual(8)
  })

  it('does not mistake object keys for filters or aliases', () => {
    expect(parseSearchQuery('constructor:x').terms.map((t) => t.text)).toEqual(['constructor', 'x'])
    expect(parseSearchQuery('__proto__:x toString:y').tags).toEqual([])
    expect(parseSearchQuery('eik type:constructor').kinds).toEqual([])
    expect(parseSearchQuery('eik outcome:hasOwnProperty').outcomes).toEqual(['hasownproperty'])
  })
})

describe('hostile input', () => {
  beforeEach(() => {
    index.upsert(doc({ refId: 1, title: 'Eiken tafel', body: 'Multiplex en eiken, "near" de laser. AND OR NOT.' }))
    index.upsert(doc({ refId: 2, title: 'Berken kast', body: 'Zwaluwstaart 🪵 met lijm' }))
  })

  const nasty = [
    '"',
    '""',
    '"""',
    '"eiken',
    'eiken"',
    "'eiken'",
    '*',
    '**',
    'eik*',
    '*eik',
    'NEAR(',
    'NEAR(eiken multiplex)',
    'NEAR(eiken multiplex, 2)',
    'AND OR NOT',
    'eiken AND',
    'OR eiken',
    'NOT eiken',
    'eiken NOT multiplex',
    '^',
    '^eiken',
    ':',
    ':::',
    'title:eiken',
    '{title}: eiken',
    '-eiken',
    '- { title body } : eiken',
    '(',
    '((eiken',
    'eiken)',
    ')(',
    '+eiken',
    '...',
    '!@#$%^&*()_+-=[]{};\'\\:"|,./<>?`~',
    '🪵',
    '🪵🪵 eiken',
    'eiken🪵',
    '\u0000',
    'eiken\u0000multiplex',
    '\uD800',
    'eik\uDC00en',
    '\u200B\u200E\u202E',
    '\u0301',
    'tag:"',
    'tag:',
    'type:"note',
    'author:"',
    'author:***',
    'outcome:(((',
    'x'.repeat(10_000),
    'eiken '.repeat(2_000),
    '"'.repeat(10_000),
    '('.repeat(10_000),
    Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(i)).join(''),
  ]

  it.each(nasty.map((q) => [q.length > 40 ? q.slice(0, 40) + `… (${q.length})` : q, q]))('never throws: %j', (_label, q) => {
    expect(() => search(q)).not.toThrow()
    expect(Array.isArray(search(q))).toBe(true)
  })

  it('still finds what the words in hostile input mean', () => {
    for (const q of ['"eiken', 'eik*', '*eik', '^eiken', '(eiken', 'eiken)', '+eiken', '-eiken', '🪵 eiken', 'eiken🪵', "'eiken'"])
      expect(hits(q), q).toEqual(['note:1'])
    expect(hits('AND OR NOT')).toEqual(['note:1']) // plain words here, found in the body
    expect(hits('near eik')).toEqual(['note:1'])
    expect(hits('eiken '.repeat(2_000))).toEqual(['note:1'])
    expect(hits('eiken\u0000multiplex')).toEqual(['note:1'])
    expect(hits('!@#$%^&*()')).toEqual([])
    expect(hits('🪵')).toEqual([])
  })

  it('survives random noise from FTS5 syntax characters', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) as number
    const alphabet = [
      '"',
      '*',
      '(',
      ')',
      ':',
      '^',
      '-',
      '+',
      '{',
      '}',
      ',',
      ' ',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'eik',
      'tag:',
      'type:',
      'author:',
      'é',
      '🪵',
      '\u0000',
    ]
    for (let i = 0; i < 500; i++) {
      const q = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      expect(() => search(q), q).not.toThrow()
    }
  })
})

describe('limits', () => {
  it('returns at most the limit, and the contract bounds it', () => {
    for (let refId = 1; refId <= 60; refId++) index.upsert(doc({ refId, title: `Plank ${refId}`, body: 'eiken plank' }))
    expect(search('plank', 5)).toHaveLength(5)
    expect(search('plank', 1)).toHaveLength(1)
    expect(search('plank', 50)).toHaveLength(50)
    expect(search('plank')).toHaveLength(20)
    // Beyond the contract's bounds the index clamps rather than fails.
    expect(index.search({ q: 'plank', limit: 500 })).toHaveLength(50)
    expect(index.search({ q: 'plank', limit: 0 })).toHaveLength(1)
    expect(searchQueryInput.parse({ q: 'plank' })).toEqual({ q: 'plank', limit: 20 })
    expect(searchQueryInput.safeParse({ q: 'plank', limit: 51 }).success).toBe(false)
    expect(searchQueryInput.safeParse({ q: 'x'.repeat(201) }).success).toBe(false)
    expect(searchQueryInput.safeParse({ q: 'plank', extra: 1 }).success).toBe(false)
  })
})

describe('speed (printed, not asserted)', () => {
  it('answers common, rare, two-word and prefix queries over ~20,000 generated documents', { timeout: 300_000 }, () => {
    let seed = 20_260_309
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
    }
    // A Zipf-like vocabulary: short common words first, then workshop words, then a long tail.
    const common = 'de het een en van in is op te dat met voor niet aan er maar om ook als dan bij of uit nog naar wordt zijn'.split(' ')
    const workshop = 'hout eiken multiplex laser snijden frezen plaat machine glas lijm zaag boren schuren temperatuur proefstuk'.split(' ')
    const tail = Array.from({ length: 8000 }, () => {
      let word = ''
      for (let i = 0, n = 5 + Math.floor(random() * 7); i < n; i++)
        word += i % 2 ? 'aeiouéë'[Math.floor(random() * 7)] : 'bcdfghjklmnprstvwz'[Math.floor(random() * 18)]
      return word
    })
    const vocabulary = [...common, ...workshop, ...tail]
    const cumulative: number[] = []
    vocabulary.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0)
    const total = cumulative.at(-1)!
    const word = () => {
      const x = random() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid]! < x) lo = mid + 1
        else hi = mid
      }
      return vocabulary[lo]!
    }
    const text = (n: number) => Array.from({ length: n }, word).join(' ')

    const started = performance.now()
    db.transaction(() => {
      for (let refId = 1; refId <= 20_000; refId++) {
        const experiment = refId % 4 === 0
        index.upsert({
          kind: experiment ? 'experiment' : 'note',
          refId,
          title: text(3 + Math.floor(random() * 6)),
          body: text(30 + Math.floor(random() * (experiment ? 250 : 120))),
          tags: [workshop[Math.floor(random() * workshop.length)]!],
          author: `Persoon ${refId % 300}`,
          outcome: experiment ? 'worked' : null,
        })
      }
    })()
    const built = performance.now() - started

    const median = (q: string) => {
      const times: number[] = []
      for (let i = 0; i < 25; i++) {
        const t = performance.now()
        index.search({ q, limit: 20 })
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      return times[12]!
    }
    const queries = ['de', 'hout', 'temperatuur', vocabulary[3000]!, 'de hout', 'van multiplex', 'tem', 'multip', 'eiken type:experiment']
    const timings = queries.map((q) => `${JSON.stringify(q)} ${median(q).toFixed(2)} ms`)
    console.log(
      `search over 20,000 generated documents (indexed in ${(built / 1000).toFixed(1)} s), median of 25:\n  ${timings.join('\n  ')}`,
    )
    expect(index.search({ q: 'de', limit: 20 })).toHaveLength(20)
  })
})
