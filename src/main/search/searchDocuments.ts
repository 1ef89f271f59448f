// What each kind of record contributes to the one search: its title, the rest of its text as plain
// words, its tags, author and outcome. The services index a record in the same transaction that
// writes it; `reindexAll` fills the index for records made before it existed.
import type { Equipment } from '../../shared/equipment'
import type { Experiment } from '../../shared/experiments'
import type { Note } from '../../shared/notes'
import type { Person } from '../../shared/people'
import type { Session } from '../../shared/symposia'
import type { Db } from '../db/database'
import type { SearchDocument, SearchIndex } from './searchIndex'

export type Indexer = (doc: SearchDocument) => void

/** Markdown to words: snippets show the body as indexed, so syntax would show up in them. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export const personDocument = (p: Person): SearchDocument => ({
  kind: 'person',
  refId: p.id,
  title: p.name,
  body: [p.trade, p.organisation, p.email].filter(Boolean).join(' · '),
  tags: [],
  author: null,
  outcome: null,
})

export const equipmentDocument = (e: Equipment): SearchDocument => ({
  kind: 'equipment',
  refId: e.id,
  title: e.name,
  body: [e.location, e.description].filter(Boolean).join(' · '),
  tags: [e.kind.replace('_', ' ')],
  author: null,
  outcome: null,
})

export const experimentDocument = (e: Experiment): SearchDocument => {
  const c = e.content
  return {
    kind: 'experiment',
    refId: e.id,
    title: c.title,
    body: [
      c.question,
      c.hypothesis,
      plainText(c.method),
      plainText(c.observations),
      plainText(c.results),
      plainText(c.conclusion),
      ...c.parameters.map((p) => `${p.name} ${p.value} ${p.unit}`),
      ...c.materials.map((m) => [m.name, m.supplier, m.batch, m.size].filter(Boolean).join(' ')),
    ]
      .filter(Boolean)
      .join(' · '),
    tags: c.tags,
    author: e.author.name,
    outcome: c.outcome,
  }
}

export const noteDocument = (n: Note): SearchDocument => ({
  kind: 'note',
  refId: n.id,
  title: n.content.title,
  body: plainText(n.content.body),
  tags: [n.content.category, ...n.content.tags],
  author: n.author.name,
  outcome: null,
})

export const sessionDocument = (s: Session): SearchDocument => ({
  kind: 'session',
  refId: s.id,
  title: s.title,
  body: [s.speakers.map((p) => p.name).join(', '), plainText(s.abstract), s.equipmentName].filter(Boolean).join(' · '),
  tags: [s.type],
  author: s.speakers[0]?.name ?? null,
  outcome: null,
})

/** Indexes every record when the index is empty but records exist (a database from before search). */
export function backfillSearch(
  db: Db,
  index: SearchIndex,
  all: {
    people: () => Person[]
    equipment: () => Equipment[]
    experiments: () => Experiment[]
    notes: () => Note[]
    sessions: () => Session[]
  },
): void {
  const indexed = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_docs').get()!.n
  if (indexed > 0) return
  db.transaction(() => {
    for (const p of all.people()) index.upsert(personDocument(p))
    for (const e of all.equipment()) index.upsert(equipmentDocument(e))
    for (const x of all.experiments()) index.upsert(experimentDocument(x))
    for (const n of all.notes()) index.upsert(noteDocument(n))
    for (const x of all.sessions()) index.upsert(sessionDocument(x))
  })()
}
