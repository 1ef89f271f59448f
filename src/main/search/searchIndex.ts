// The search index across the centre (tables `search_index` and `search_docs`, migration 0070).
// Owns how a document is written into the index, how the text a person types becomes a safe FTS5
// query, and the ranking: bm25 with title matches first, drawn from bounded candidate sets so a
// very common word costs about as much as a rare one. docs/search.md explains all three.
//
// Services call `upsert` and `remove` inside their own write transactions; nothing here opens one.
import { MATCH_START, SEARCH_KINDS, SEARCH_LIMIT_MAX, type SearchKind, type SearchResult } from '../../shared/search'
import type { Db } from '../db/database'
import { foldForSearch } from '../text'

export interface SearchDocument {
  kind: SearchKind
  refId: number
  title: string
  /** Every other text field, parameters and materials included, as one text. */
  body: string
  tags: string[]
  author: string | null
  outcome: string | null
}

export interface SearchIndex {
  /** Indexes a document, replacing whatever was indexed for the same kind and id. */
  upsert(doc: SearchDocument): void
  remove(kind: SearchKind, refId: number): void
  search(input: { q: string; limit: number }): SearchResult[]
}

export interface SearchIndexOptions {
  /**
   * How many of the newest matching documents the ranking scores with bm25 (default 500). A query
   * that matches more ranks only those (docs/search.md, "The candidate set"). Tests make it small.
   */
  candidates?: number
}

// Marker characters for the `filters` column. Private use: typed words never contain them (the
// parser keeps letters and digits only, and upsert strips the whole private-use block from text).
const FACET = '\uE002'
const AUTHOR = '\uE003'
const TAG = '\uE004'
const GROUP_BREAK = '\uE005'
const PRIVATE_USE = /[\uE000-\uF8FF]/g

// Column numbers in search_index, for snippet() and bm25().
const TITLE_COLUMN = 0
const BODY_COLUMN = 3
// bm25 weights per column: title, tags, filters (never scored), body.
const BM25 = 'bm25(search_index, 10.0, 4.0, 0.0, 1.0)'
const BM25_TITLE_ONLY = 'bm25(search_index, 1.0, 0.0, 0.0, 0.0)'
const SNIPPET_TOKENS = 14

/** Added to the score of title matches, so the score falls along the list; bm25 stays far below it. */
const TITLE_BONUS = 1000

// Machines, people and sessions are few, and often what a quick search is for: their doc ids come
// from a band above all notes and experiments, so the newest-first candidate set always holds them.
const REFERENCE_BAND = 2 ** 40
const REFERENCE_KINDS: ReadonlySet<SearchKind> = new Set(['equipment', 'person', 'session'])

export const MAX_TERMS = 8
export const MAX_FILTER_VALUES = 8
const MAX_TERM_CHARS = 64
const DEFAULT_CANDIDATES = 500

// ---------------------------------------------------------------------------------------------
// The query language
// ---------------------------------------------------------------------------------------------

export interface QueryTerm {
  /** Letters and digits only, words separated by single spaces. */
  text: string
  /** Partial-word match; a single character is matched as a whole word (see docs/search.md). */
  prefix: boolean
}

export interface ParsedQuery {
  terms: QueryTerm[]
  /** null: no `type:` filter. Empty: a `type:` filter that names no kind, so nothing can match. */
  kinds: SearchKind[] | null
  outcomes: string[]
  authors: string[]
  tags: string[]
}

type FilterKey = 'type' | 'tag' | 'author' | 'outcome'

// Maps, not object literals: a typed "constructor:" must not find Object.prototype's.
const FILTER_KEYS = new Map<string, FilterKey>([
  ['type', 'type'],
  ['kind', 'type'],
  ['soort', 'type'],
  ['tag', 'tag'],
  ['label', 'tag'],
  ['author', 'author'],
  ['auteur', 'author'],
  ['outcome', 'outcome'],
  ['uitkomst', 'outcome'],
  ['resultaat', 'outcome'],
])

const TYPE_ALIASES = new Map<string, SearchKind>([
  ['note', 'note'],
  ['notes', 'note'],
  ['notitie', 'note'],
  ['notities', 'note'],
  ['experiment', 'experiment'],
  ['experiments', 'experiment'],
  ['experimenten', 'experiment'],
  ['machine', 'equipment'],
  ['machines', 'equipment'],
  ['equipment', 'equipment'],
  ['person', 'person'],
  ['people', 'person'],
  ['persoon', 'person'],
  ['personen', 'person'],
  ['session', 'session'],
  ['sessions', 'session'],
  ['sessie', 'session'],
  ['sessies', 'session'],
])

const OUTCOME_ALIASES = new Map<string, string>([
  ['worked', 'worked'],
  ['gelukt', 'worked'],
  ['partly', 'partly'],
  ['deels', 'partly'],
  ['failed', 'failed'],
  ['mislukt', 'failed'],
  ['inconclusive', 'inconclusive'],
  ['onbeslist', 'inconclusive'],
])

/** Letters and digits of a text as words (what the index tokenizer keeps), joined by spaces. */
function words(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
}

function capChars(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length > max ? chars.slice(0, max).join('').trim() : text
}

function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/** Resolves a filter value against aliases: an exact alias, else every alias it starts (typing). */
function resolveAliases<T>(value: string, aliases: ReadonlyMap<string, T>): T[] {
  const folded = foldForSearch(value)
  const exact = aliases.get(folded)
  if (exact !== undefined) return [exact]
  const found = new Set<T>()
  for (const [alias, target] of aliases) if (alias.startsWith(folded)) found.add(target)
  return [...found]
}

// Inside a word these join its parts into a phrase ("3d-printer", "pen-en-gat", "o'neill");
// everything else that is not a letter or digit separates words.
const JOINERS = new Set(['-', "'", '\u2019', '.', '/', '&', '_'])
const isWordChar = (c: string) => JOINERS.has(c) || /[\p{L}\p{N}\p{M}]/u.test(c)
const isLetter = (c: string) => /\p{L}/u.test(c)
const isSpace = (c: string) => /\s/u.test(c)

/**
 * Splits typed text into words and filters. Terms keep letters and digits only, so nothing the user
 * types can reach FTS5 as syntax. Never throws.
 */
export function parseSearchQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], kinds: null, outcomes: [], authors: [], tags: [] }
  const kinds = new Set<SearchKind>()
  let filterValues = 0
  // By code point, so letters outside the basic plane stay whole.
  const chars = Array.from(q.replace(PRIVATE_USE, ' '))
  let i = 0

  const readWhile = (test: (c: string) => boolean): string => {
    const start = i
    while (i < chars.length && test(chars[i]!)) i++
    return chars.slice(start, i).join('')
  }
  // An opening quote without a closing one runs to the end: the person is still typing.
  const readQuoted = (): string => {
    i++
    const text = readWhile((c) => c !== '"')
    i++
    return text
  }

  const addTerm = (raw: string) => {
    const value = capChars(words(raw), MAX_TERM_CHARS)
    if (!hasWord(value) || parsed.terms.length >= MAX_TERMS) return
    // A one-letter prefix matches nearly every document and has no prefix index: whole word only.
    const last = value.slice(value.lastIndexOf(' ') + 1)
    parsed.terms.push({ text: value, prefix: Array.from(last).length > 1 })
  }

  const addFilter = (filter: FilterKey, raw: string) => {
    const value = capChars(words(raw), MAX_TERM_CHARS)
    // "tag:" with nothing after it yet is someone still typing: ignore it.
    if (!hasWord(value) || filterValues >= MAX_FILTER_VALUES) return
    filterValues++
    if (filter === 'type') {
      for (const part of value.split(' ')) for (const kind of resolveAliases(part, TYPE_ALIASES)) kinds.add(kind)
      parsed.kinds = [...kinds]
    } else if (filter === 'outcome') {
      for (const part of value.split(' ')) {
        const known = resolveAliases(part, OUTCOME_ALIASES)
        // An unknown outcome is kept as typed: it matches nothing, which is the honest answer.
        for (const outcome of known.length > 0 ? known : [foldForSearch(part)])
          if (!parsed.outcomes.includes(outcome)) parsed.outcomes.push(outcome)
      }
    } else if (filter === 'author') {
      parsed.authors.push(value)
    } else {
      parsed.tags.push(value)
    }
  }

  while (i < chars.length) {
    const c = chars[i]!
    if (c === '"') {
      addTerm(readQuoted())
      continue
    }
    if (!isWordChar(c)) {
      i++
      continue
    }
    const start = i
    const key = readWhile(isLetter)
    const filter = chars[i] === ':' ? FILTER_KEYS.get(foldForSearch(key)) : undefined
    if (filter) {
      i++
      // A filter value runs to the next space, so "type:note,machine" lists two kinds.
      addFilter(filter, chars[i] === '"' ? readQuoted() : readWhile((ch) => !isSpace(ch)))
      continue
    }
    i = start
    addTerm(readWhile(isWordChar))
  }
  return parsed
}

// FTS5 strings: every user-derived piece goes inside double quotes with quotes doubled. The parser
// already removed quotes; doubling them again keeps this safe on its own.
function quote(text: string): string {
  return '"' + text.replace(/"/g, '""') + '"'
}

function guarded(marker: string, text: string): string {
  return words(text)
    .split(' ')
    .filter(hasWord)
    .map((word) => marker + word)
    .join(' ')
}

function termSyntax(term: QueryTerm): string {
  return quote(term.text) + (term.prefix ? '*' : '')
}

/** The FTS5 expression for a parsed query (null: nothing can match), every word and filter ANDed. */
export function buildMatch(parsed: ParsedQuery): string | null {
  if (parsed.terms.length === 0) return null
  if (parsed.kinds !== null && parsed.kinds.length === 0) return null

  const parts = parsed.terms.map(termSyntax)
  if (parsed.kinds !== null && parsed.kinds.length < SEARCH_KINDS.length)
    parts.push('(' + parsed.kinds.map((kind) => quote(FACET + kind)).join(' OR ') + ')')
  if (parsed.outcomes.length > 0) parts.push('(' + parsed.outcomes.map((o) => quote(guarded(FACET, o))).join(' OR ') + ')')
  if (parsed.authors.length > 0) parts.push('(' + parsed.authors.map((a) => quote(guarded(AUTHOR, a)) + '*').join(' OR ') + ')')
  for (const tag of parsed.tags) parts.push(quote(guarded(TAG, tag)) + '*')
  return parts.join(' AND ')
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

function clean(text: string): string {
  return text.replace(PRIVATE_USE, ' ')
}

function filtersText(doc: SearchDocument): string {
  const groups = [FACET + doc.kind]
  // Outcomes are stored under their English name, whichever alias the caller used.
  if (doc.outcome) groups.push(guarded(FACET, OUTCOME_ALIASES.get(foldForSearch(doc.outcome)) ?? clean(doc.outcome)))
  if (doc.author) groups.push(guarded(AUTHOR, clean(doc.author)))
  // A break between tags, so a two-word filter cannot match the end of one tag and the start of the next.
  for (const tag of doc.tags) groups.push(guarded(TAG, clean(tag)))
  return groups.filter((group) => group.length > 0).join(' ' + GROUP_BREAK + ' ')
}

// The ranking: bm25 over the newest `candidates` matches only (FTS5 streams matches newest first
// cheaply; bm25 costs per row scored), then the best `limit` of those. The second bm25 call weighs
// the title alone: below zero exactly when the title holds one of the words, which puts title
// matches first. Both calls share FTS5's per-query word statistics, so the second costs little.
// Ties go to the most recently written document. Exported for the bench's floor (bench/modules/knowledge.ts).
export const RANK_SQL =
  `WITH scored AS MATERIALIZED (
     SELECT rowid AS id, ` +
  BM25 +
  ' AS score, ' +
  BM25_TITLE_ONLY +
  ` < 0 AS inTitle
     FROM search_index WHERE search_index MATCH @match
     ORDER BY rowid DESC LIMIT @candidates
   ), best AS MATERIALIZED (
     SELECT id, score, inTitle FROM scored ORDER BY inTitle DESC, score, id DESC LIMIT @limit
   )
   SELECT best.id, best.score, best.inTitle, docs.kind, docs.ref_id AS refId
   FROM best JOIN search_docs AS docs ON docs.doc_id = best.id
   ORDER BY best.inTitle DESC, best.score, best.id DESC`

// Title and snippets for the chosen rows only. The same match streams newest first and stops once
// every chosen row has passed; all of them are among the candidates, so this reads no further than
// the ranking did. `+rowid` keeps the id list a filter: as a rowid look-up, FTS5 would set the
// whole query up again for every id. char(57344) and char(57345) are U+E000 and U+E001.
const SNIPPET_ARGS = ", char(57344), char(57345), '…', " + SNIPPET_TOKENS + ')'
export const DETAILS_SQL =
  'SELECT rowid AS id, title, snippet(search_index, ' +
  BODY_COLUMN +
  SNIPPET_ARGS +
  ' AS bodySnippet, snippet(search_index, ' +
  TITLE_COLUMN +
  SNIPPET_ARGS +
  ` AS titleSnippet
   FROM search_index
   WHERE search_index MATCH @match AND +rowid IN (SELECT value FROM json_each(@ids))
   ORDER BY rowid DESC LIMIT @count`

interface RankedRow {
  id: number
  score: number
  inTitle: number
  kind: SearchKind
  refId: number
}

interface DetailRow {
  id: number
  title: string
  bodySnippet: string
  titleSnippet: string
}

export function createSearchIndex(db: Db, options: SearchIndexOptions = {}): SearchIndex {
  const candidates = Math.max(options.candidates ?? DEFAULT_CANDIDATES, 50)

  const findDoc = db.prepare<[string, number], { doc_id: number }>('SELECT doc_id FROM search_docs WHERE kind = ? AND ref_id = ?')
  const deleteText = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?')
  const deleteDoc = db.prepare<[number]>('DELETE FROM search_docs WHERE doc_id = ?')
  const lastDocId = db.prepare<[number, number], { id: number | null }>(
    'SELECT max(doc_id) AS id FROM search_docs WHERE doc_id > ? AND doc_id < ?',
  )
  const insertDoc = db.prepare<[number, string, number]>('INSERT INTO search_docs (doc_id, kind, ref_id) VALUES (?, ?, ?)')
  const insertText = db.prepare<{ id: number; title: string; tags: string; filters: string; body: string }>(
    'INSERT INTO search_index (rowid, title, tags, filters, body) VALUES (@id, @title, @tags, @filters, @body)',
  )

  const rank = db.prepare<{ match: string; candidates: number; limit: number }, RankedRow>(RANK_SQL)
  const details = db.prepare<{ match: string; ids: string; count: number }, DetailRow>(DETAILS_SQL)

  /** The next doc id in the kind's band: each (re)indexed document becomes the newest of its band. */
  function nextDocId(kind: SearchKind): number {
    const base = REFERENCE_KINDS.has(kind) ? REFERENCE_BAND : 0
    return (lastDocId.get(base, base + REFERENCE_BAND)?.id ?? base) + 1
  }

  function toResult(row: RankedRow, detail: DetailRow | undefined): SearchResult {
    const body = detail?.bodySnippet ?? ''
    return {
      kind: row.kind,
      refId: row.refId,
      title: detail?.title ?? '',
      snippet: body.includes(MATCH_START) ? body : (detail?.titleSnippet ?? ''),
      // bm25 is negative, better is lower; turned around so higher is better.
      score: (row.inTitle ? TITLE_BONUS : 0) - row.score,
    }
  }

  return {
    upsert(doc) {
      const old = findDoc.get(doc.kind, doc.refId)
      if (old) {
        deleteText.run(old.doc_id)
        deleteDoc.run(old.doc_id)
      }
      const id = nextDocId(doc.kind)
      insertDoc.run(id, doc.kind, doc.refId)
      insertText.run({
        id,
        title: clean(doc.title),
        tags: doc.tags.map(clean).join('\n'),
        filters: filtersText(doc),
        body: clean(doc.body),
      })
    },

    remove(kind, refId) {
      const old = findDoc.get(kind, refId)
      if (!old) return
      deleteText.run(old.doc_id)
      deleteDoc.run(old.doc_id)
    },

    search({ q, limit }) {
      const page = Math.min(Math.max(Math.trunc(limit) || 0, 1), SEARCH_LIMIT_MAX)
      const match = buildMatch(parseSearchQuery(q))
      if (!match) return []
      const ranked = rank.all({ match, candidates, limit: page })
      if (ranked.length === 0) return []
      const found = new Map<number, DetailRow>()
      for (const row of details.all({ match, ids: JSON.stringify(ranked.map((r) => r.id)), count: ranked.length })) found.set(row.id, row)
      return ranked.map((row) => toResult(row, found.get(row.id)))
    },
  }
}
