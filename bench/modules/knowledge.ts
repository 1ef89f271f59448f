// Experiments and knowledge notes: ten years of a centre's R&D memory (20,000 experiments with
// parameters, 50,000 notes with links at full size), and the operations issue 4 puts targets on:
// search (rare, common, two-word and prefix queries), saving a note with its index update, the
// settings library, and the experiment list with filters.
//
// History is data (as for bookings): written with prepared statements in big transactions, into
// the tables the core writes, through the core's own writers where it has them (links, revisions,
// the search index's upsert, the search documents). Through the dispatcher every save flushes
// FTS5's pending index data (each call's transaction is a savepoint), which made 70,000 records
// take minutes. To prove the bulk writer writes what the core writes, the first experiment and
// the first note are also made through the dispatcher with the same content, and every row of both
// twins is compared (a difference stops the run).
import type { EquipmentKind } from '../../src/shared/equipment'
import { experimentContent, type Experiment, type ExperimentContent, type Outcome } from '../../src/shared/experiments'
import { noteContent, type Note, type NoteCategory, type NoteContent } from '../../src/shared/notes'
import type { Role } from '../../src/shared/people'
import type { Db } from '../../src/main/db/database'
import { parseNumber } from '../../src/main/knowledge/experimentService'
import { createLinks, linksInText, titleKey } from '../../src/main/knowledge/links'
import { createRevisions } from '../../src/main/knowledge/revisions'
import { buildMatch, createSearchIndex, DETAILS_SQL, parseSearchQuery, RANK_SQL } from '../../src/main/search/searchIndex'
import { experimentDocument, noteDocument, plainText } from '../../src/main/search/searchDocuments'
import { escapeLike, foldForSearch } from '../../src/main/text'
import { BENCH_NOW, DAY_MS } from '../lib/clock'
import { spanOf } from '../lib/calendar'
import { immediate } from '../lib/floorDb'
import { markdown, paragraph, rankOf, sentence, VOCABULARY, zipfWord } from '../lib/prose'
import { zipf, type Random } from '../lib/random'
import { moduleState, type BenchModule, type Centre, type Invocation, type Operation } from '../lib/types'
import { equipmentState, type MachineModel } from './equipment'
import { peopleState, type PersonModel } from './people'

export const FULL_KNOWLEDGE = { experiments: 20_000, notes: 50_000 } as const

interface KnowledgeState {
  experimentIds: number[]
  noteIds: number[]
  /** Active people now who wrote experiments or notes: the measured calls are made as them. */
  authors: number[]
}

export const knowledgeState = moduleState<KnowledgeState>('knowledge')

/** Records per transaction while generating. */
const BATCH = 5_000

// prettier-ignore
const TAGS = [
  'materiaaltest', 'hout', 'laser', 'afwerking', 'cnc', 'les', 'verbinding', 'prototype', 'veiligheid', 'lijm', 'mal', 'fineer',
  'kunststof', 'metaal', 'glas', 'leer', '3d-print', 'robot', 'onderhoud', 'oven', 'massief', 'plaatmateriaal', 'serie', 'restauratie',
]
// prettier-ignore
const MATERIAL_NAMES = [
  'Eiken multiplex', 'MDF', 'Berken multiplex', 'Eiken massief', 'Noten massief', 'Acryl transparant', 'Beuken multiplex', 'PLA',
  'Essen massief', 'Walnoot fineer', 'Acryl zwart', 'PETG', 'Kersen massief', 'Vilt', 'Leer plantaardig gelooid', 'Karton',
  'Messing plaat', 'Aluminium plaat', 'Glas float', 'Kurk', 'Bamboe multiplex', 'Esdoorn massief', 'Mahonie', 'Linoleum',
]
const SIZES = ['6 mm', '3 mm', '4 mm', '18 mm', '9 mm', '12 mm', '2 mm', '22 mm', '30 mm', '600 × 400 mm']
const SUPPLIERS = ['Houthandel Van Dam', 'Plaatmateriaal.nl', 'Kunststofshop', 'Metaalhandel Noord', 'Glashandel Helder', '']

/** Parameter rows per kind of machine: name, unit, and how a value is drawn. */
const PARAMETERS: Record<EquipmentKind, [string, string, (r: Random) => string][]> = {
  laser_cutter: [
    ['Vermogen', '%', (r) => String(r.int(10, 100))],
    ['Snelheid', 'mm/s', (r) => String(r.int(2, 60))],
    ['Passes', '', (r) => String(r.int(1, 4))],
    ['Frequentie', 'Hz', (r) => String(r.int(5, 50) * 1000)],
    ['Focus', 'mm', (r) => (r.int(-20, 20) / 10).toFixed(1)],
    ['Luchtondersteuning', '', (r) => r.pick(['aan', 'uit'])],
  ],
  cnc_router: [
    ['Toerental', 'rpm', (r) => String(r.int(8, 24) * 1000)],
    ['Voeding', 'mm/min', (r) => String(r.int(10, 80) * 100)],
    ['Snedediepte', 'mm', (r) => (r.int(5, 80) / 10).toFixed(1)],
    ['Freesdiameter', 'mm', (r) => r.pick(['3', '6', '8', '10', '12'])],
    ['Stepover', '%', (r) => String(r.int(10, 60))],
  ],
  robot_arm: [
    ['Korrel', '', (r) => r.pick(['P80', 'P120', 'P180', 'P240', 'P320'])],
    ['Druk', 'N', (r) => String(r.int(5, 60))],
    ['Snelheid', 'mm/s', (r) => String(r.int(20, 250))],
    ['Overlap', '%', (r) => String(r.int(10, 50))],
  ],
  printer_3d: [
    ['Laaghoogte', 'mm', (r) => r.pick(['0.1', '0.15', '0.2', '0.25', '0.3'])],
    ['Nozzle temperatuur', '°C', (r) => String(r.int(190, 260))],
    ['Bedtemperatuur', '°C', (r) => String(r.int(50, 110))],
    ['Vulling', '%', (r) => String(r.int(5, 60))],
    ['Snelheid', 'mm/s', (r) => String(r.int(30, 250))],
  ],
  vacuum_press: [
    ['Vacuüm', 'bar', (r) => (r.int(6, 9) / 10).toFixed(1)],
    ['Perstijd', 'min', (r) => String(r.int(20, 180))],
    ['Lijm', '', (r) => r.pick(['PVAc', 'Ureum', 'Epoxy'])],
  ],
  edge_bander: [
    ['Temperatuur', '°C', (r) => String(r.int(160, 210))],
    ['Voeding', 'm/min', (r) => String(r.int(8, 20))],
    ['Kantdikte', 'mm', (r) => r.pick(['0.4', '1', '2'])],
  ],
  panel_saw: [
    ['Zaagblad', 'tanden', (r) => r.pick(['48', '60', '72', '96'])],
    ['Toerental', 'rpm', (r) => String(r.int(3, 6) * 1000)],
  ],
  other: [
    ['Temperatuur', '°C', (r) => String(r.int(500, 850))],
    ['Houdtijd', 'min', (r) => String(r.int(10, 240))],
    ['Toerental', 'rpm', (r) => String(r.int(5, 30) * 100)],
  ],
}

const CATEGORIES: NoteCategory[] = ['technique', 'material', 'technique', 'safety', 'supplier', 'maintenance', 'teaching', 'material']
const OUTCOME_WEIGHTS: [Outcome, number][] = [
  ['worked', 0.45],
  ['partly', 0.25],
  ['failed', 0.2],
  ['inconclusive', 0.1],
]
const PARTICIPANT_ROLE: Record<Role, 'student' | 'teacher' | 'freelancer' | 'guest'> = {
  student: 'student',
  teacher: 'teacher',
  coordinator: 'teacher',
  freelancer: 'freelancer',
  guest: 'guest',
}

const tag = zipf(TAGS)
const materialName = zipf(MATERIAL_NAMES)
const size = zipf(SIZES, 0.9)
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Who writes at a moment: people who have joined and not yet left, more often the active ones. */
function authorPicker(people: PersonModel[], random: Random) {
  const byJoin = [...people].sort((a, b) => a.joinedAt - b.joinedAt)
  return (at: number, roles?: ReadonlySet<Role>): PersonModel => {
    let hi = byJoin.length
    let lo = 0
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (byJoin[mid]!.joinedAt <= at) lo = mid + 1
      else hi = mid
    }
    const joined = Math.max(1, lo)
    for (let tries = 0; tries < 200; tries++) {
      const p = byJoin[random.int(0, joined - 1)]!
      if (p.leftAt !== null && p.leftAt <= at) continue
      if (roles && !roles.has(p.role)) continue
      if (random() < p.activity || tries > 150) return p
    }
    return byJoin[0]!
  }
}

/** Moments over the centre's history, denser as it grows (as its bookings are). */
function moments(count: number, start: number, random: Random): number[] {
  const length = BENCH_NOW - start
  const out: number[] = []
  for (let i = 0; i < count; i++) out.push(start + Math.pow(random(), 0.8) * length)
  return out.sort((a, b) => a - b)
}

interface Event {
  at: number
  kind: 'experiment' | 'note'
}

interface PlannedExperiment {
  author: PersonModel
  createdAt: number
  draft: ExperimentContent
  /** When it was completed, with the content then; null: still a draft. */
  completed: { at: number; content: ExperimentContent } | null
}

interface PlannedNote {
  author: PersonModel
  createdAt: number
  content: NoteContent
  /** A later edit by someone, with the content then. */
  edit: { at: number; by: PersonModel; content: NoteContent } | null
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Writes experiments and notes as the services would have (experimentService.ts, noteService.ts):
 * the same rows, the same revisions, links and search documents, for records made by create,
 * save and setStatus calls at the planned moments. The caller holds one transaction.
 */
function bulkWriter(db: Db) {
  const index = createSearchIndex(db)
  const links = createLinks(db)
  const revisions = createRevisions(db)
  const insertExperiment = db.prepare(
    `INSERT INTO experiments (title, content, outcome, status, author_id, version, created_at, updated_at)
     VALUES (@title, @content, @outcome, @status, @author, @version, @createdAt, @updatedAt)`,
  )
  const insertParameter = db.prepare(
    'INSERT INTO experiment_parameters (experiment_id, position, name, name_key, value, value_number, unit) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertMaterial = db.prepare(
    'INSERT INTO experiment_materials (experiment_id, position, name, name_key, size) VALUES (?, ?, ?, ?, ?)',
  )
  const insertEquipment = db.prepare('INSERT OR IGNORE INTO experiment_equipment (experiment_id, equipment_id) VALUES (?, ?)')
  // The service says INSERT OR REPLACE (a person listed twice keeps the last role); the plans never
  // list anyone twice, and inside one long transaction with foreign keys on, REPLACE took up to
  // 30 ms per row for people with many experiments, so the bulk writer inserts plainly.
  const insertParticipant = db.prepare('INSERT INTO experiment_participants (experiment_id, person_id, role) VALUES (?, ?, ?)')
  const insertBooking = db.prepare('INSERT OR IGNORE INTO experiment_bookings (experiment_id, booking_id) VALUES (?, ?)')
  const insertTag = db.prepare('INSERT OR IGNORE INTO tags (kind, ref_id, tag) VALUES (?, ?, ?)')
  const insertNote = db.prepare(
    `INSERT INTO notes (title, title_key, body, category, author_id, version, created_at, updated_at)
     VALUES (@title, @titleKey, @body, @category, @author, @version, @createdAt, @updatedAt)`,
  )

  return {
    experiment(plan: PlannedExperiment): number {
      const final = plan.completed?.content ?? plan.draft
      const status = plan.completed ? 'completed' : 'draft'
      const version = plan.completed ? 3 : 1
      const updatedAt = iso(plan.completed?.at ?? plan.createdAt)
      const id = Number(
        insertExperiment.run({
          title: final.title,
          content: JSON.stringify(final),
          outcome: final.outcome,
          status,
          author: plan.author.id,
          version,
          createdAt: iso(plan.createdAt),
          updatedAt,
        }).lastInsertRowid,
      )
      final.parameters.forEach((p, i) => insertParameter.run(id, i, p.name, foldForSearch(p.name), p.value, parseNumber(p.value), p.unit))
      final.materials.forEach((m, i) => insertMaterial.run(id, i, m.name, foldForSearch(m.name), m.size))
      for (const machine of final.equipmentIds) insertEquipment.run(id, machine)
      for (const p of final.participants) insertParticipant.run(id, p.personId, p.role)
      for (const booking of final.bookingIds) insertBooking.run(id, booking)
      for (const t of new Set(final.tags)) insertTag.run('experiment', id, t)
      links.replace('experiment', id, [
        ...final.linkedExperimentIds.map((other) => ({ kind: 'experiment' as const, id: other })),
        ...final.linkedNoteIds.map((note) => ({ kind: 'note' as const, id: note })),
        ...final.equipmentIds.map((machine) => ({ kind: 'machine' as const, id: machine })),
        ...linksInText(final.question, final.hypothesis, final.method, final.observations, final.results, final.conclusion),
      ])
      revisions.record('experiment', id, 1, { ...plan.draft, status: 'draft' }, plan.author.id, iso(plan.createdAt))
      if (plan.completed) {
        const at = iso(plan.completed.at)
        revisions.record('experiment', id, 2, { ...final, status: 'draft' }, plan.author.id, at)
        revisions.record('experiment', id, 3, { ...final, status: 'completed' }, plan.author.id, at)
      }
      const experiment: Experiment = {
        id,
        content: final,
        status,
        author: { id: plan.author.id, name: plan.author.name },
        version,
        createdAt: iso(plan.createdAt),
        updatedAt,
      }
      index.upsert(experimentDocument(experiment))
      return id
    },

    note(plan: PlannedNote): number {
      const final = plan.edit?.content ?? plan.content
      const version = plan.edit ? 2 : 1
      const updatedAt = iso(plan.edit?.at ?? plan.createdAt)
      const id = Number(
        insertNote.run({
          title: final.title,
          titleKey: titleKey(final.title),
          body: final.body,
          category: final.category,
          author: plan.author.id,
          version,
          createdAt: iso(plan.createdAt),
          updatedAt,
        }).lastInsertRowid,
      )
      for (const t of new Set(final.tags)) insertTag.run('note', id, t)
      links.replace('note', id, linksInText(final.body))
      revisions.record('note', id, 1, plan.content, plan.author.id, iso(plan.createdAt))
      if (plan.edit) revisions.record('note', id, 2, plan.edit.content, plan.edit.by.id, updatedAt)
      const note: Note = {
        id,
        content: { ...final, tags: [...new Set(final.tags)].sort() },
        author: { id: plan.author.id, name: plan.author.name },
        reviewedBy: null,
        reviewedAt: null,
        version,
        createdAt: iso(plan.createdAt),
        updatedAt,
      }
      index.upsert(noteDocument(note))
      return id
    },
  }
}

function renamed(plan: PlannedNote, title: string): PlannedNote {
  return {
    ...plan,
    content: { ...plan.content, title },
    edit: plan.edit && { ...plan.edit, content: { ...plan.edit.content, title } },
  }
}

/** The same plan through the dispatcher, as the UI would make it. */
async function throughDispatcher(centre: Centre, plan: PlannedExperiment | PlannedNote): Promise<number> {
  centre.clock.simulate(plan.createdAt)
  if ('draft' in plan) {
    const created = await centre.call(plan.author.id, 'experiments.create', { content: plan.draft })
    if (!plan.completed) return created.id
    centre.clock.simulate(plan.completed.at)
    const saved = await centre.call(plan.author.id, 'experiments.save', {
      id: created.id,
      version: created.version,
      content: plan.completed.content,
    })
    await centre.call(plan.author.id, 'experiments.setStatus', { id: created.id, version: saved.version, status: 'completed' })
    return created.id
  }
  const created = await centre.call(plan.author.id, 'notes.create', { content: plan.content })
  if (plan.edit) {
    centre.clock.simulate(plan.edit.at)
    await centre.call(plan.edit.by.id, 'notes.save', { id: created.id, version: created.version, content: plan.edit.content })
  }
  return created.id
}

/** Every row the core wrote for one record, without its id, to compare twins. */
function rowsOf(db: Db, kind: 'experiment' | 'note', id: number): string {
  const all = (sql: string, ...params: unknown[]) => JSON.stringify(db.prepare(sql).all(...params))
  const docText = all(
    `SELECT i.title, i.tags, i.filters, i.body FROM search_docs d JOIN search_index i ON i.rowid = d.doc_id WHERE d.kind = ? AND d.ref_id = ?`,
    kind,
    id,
  )
  const common = [
    all('SELECT tag FROM tags WHERE kind = ? AND ref_id = ? ORDER BY tag', kind, id),
    all('SELECT to_kind, to_id, to_title_key FROM links WHERE from_kind = ? AND from_id = ? ORDER BY 1, 2, 3', kind, id),
    all('SELECT version, snapshot, author_id, created_at, note FROM revisions WHERE kind = ? AND ref_id = ? ORDER BY version', kind, id),
    docText,
  ]
  if (kind === 'note') {
    return [
      all('SELECT title, title_key, body, category, author_id, reviewed_by, version, created_at, updated_at FROM notes WHERE id = ?', id),
      ...common,
    ].join('\n')
  }
  return [
    all('SELECT title, content, outcome, status, author_id, version, created_at, updated_at FROM experiments WHERE id = ?', id),
    all('SELECT position, name, name_key, value, value_number, unit FROM experiment_parameters WHERE experiment_id = ? ORDER BY 1, 2', id),
    all('SELECT position, name, name_key, size FROM experiment_materials WHERE experiment_id = ? ORDER BY 1, 2', id),
    all('SELECT equipment_id FROM experiment_equipment WHERE experiment_id = ? ORDER BY 1', id),
    all('SELECT person_id, role FROM experiment_participants WHERE experiment_id = ? ORDER BY 1, 2', id),
    all('SELECT booking_id FROM experiment_bookings WHERE experiment_id = ? ORDER BY 1', id),
    ...common,
  ].join('\n')
}

async function generate(centre: Centre) {
  const random = centre.random('knowledge')
  const { all: people } = peopleState.get(centre)
  const { machines } = equipmentState.get(centre)
  const span = spanOf(centre.scale)
  const pickAuthor = authorPicker(people, random)
  const experimenters = new Set<Role>(['student', 'teacher', 'freelancer', 'coordinator'])
  const machineOf = zipf(random.shuffle([...machines]), 0.8)
  const nExperiments = Math.round(FULL_KNOWLEDGE.experiments * centre.scale.factor)
  const nNotes = Math.round(FULL_KNOWLEDGE.notes * centre.scale.factor)
  const events: Event[] = [
    ...moments(nExperiments, span.start, random).map((at): Event => ({ at, kind: 'experiment' })),
    ...moments(nNotes, span.start, random).map((at): Event => ({ at, kind: 'note' })),
  ].sort((a, b) => a.at - b.at)

  const db = centre.core.db
  // By the person's own bookings: by the machine's, someone who never used it would walk its whole history.
  const bookingNear = db.prepare<[number, number, number], { id: number }>(
    `SELECT id FROM bookings INDEXED BY bookings_person_start
     WHERE person_id = ? AND starts_at <= ? AND equipment_id = ? AND status = 'completed'
     ORDER BY starts_at DESC LIMIT 1`,
  )
  const experimentIds: number[] = []
  const noteIds: number[] = []
  const noteTitles: string[] = []
  const takenTitles = new Set<string>()
  const authors = new Set<number>()

  const planExperiment = (at: number): PlannedExperiment => {
    const author = pickAuthor(at, experimenters)
    authors.add(author.id)
    const machine: MachineModel = machineOf(random)
    const parameters = random
      .shuffle([...PARAMETERS[machine.kind]])
      .slice(0, random.int(2, PARAMETERS[machine.kind].length))
      .map(([name, unit, value]) => ({ name, value: value(random), unit }))
    const materials = Array.from({ length: random.chance(0.2) ? 2 : 1 }, () => ({
      name: materialName(random),
      supplier: random.pick(SUPPLIERS),
      batch: random.chance(0.3) ? `B${random.int(1000, 9999)}` : '',
      size: size(random),
    }))
    const others = random.chance(0.3) ? [pickAuthor(at)] : []
    const participants = [author, ...others.filter((o) => o.id !== author.id)].map((p) => ({
      personId: p.id,
      role: PARTICIPANT_ROLE[p.role],
    }))
    const booking = random.chance(0.5) ? bookingNear.get(author.id, at, machine.id) : undefined
    const linkedNoteIds = noteIds.length > 0 && random.chance(0.3) ? [noteIds[Math.floor(Math.pow(random(), 2) * noteIds.length)]!] : []
    const linkedExperimentIds =
      experimentIds.length > 0 && random.chance(0.15) ? [experimentIds[Math.floor(Math.pow(random(), 2) * experimentIds.length)]!] : []
    const draft = experimentContent.parse({
      title: `${capital(zipfWord(random))} ${materials[0]!.name.toLowerCase()} ${materials[0]!.size} ${machine.kind === 'laser_cutter' ? 'lasersnijden' : zipfWord(random)}`,
      question: sentence(random, 8, 20),
      hypothesis: sentence(random, 8, 25),
      method: markdown(random, random.int(40, 160)),
      parameters,
      materials,
      equipmentIds: [machine.id],
      bookingIds: booking ? [booking.id] : [],
      participants,
      tags: [...new Set(Array.from({ length: random.int(0, 4) }, () => tag(random)))],
      linkedExperimentIds,
      linkedNoteIds,
    })
    // Most experiments are worked out and completed within weeks; recent ones may still be drafts.
    const done = at + random.int(1, 40) * DAY_MS
    const outcome = OUTCOME_WEIGHTS[random.weighted(OUTCOME_WEIGHTS.map(([, w]) => w))]![0]
    const completed =
      done >= BENCH_NOW
        ? null
        : {
            at: done,
            content: experimentContent.parse({
              ...draft,
              observations: markdown(random, random.int(20, 120)),
              results: paragraph(random, random.int(15, 80)),
              conclusion: paragraph(random, random.int(10, 40)),
              outcome,
            }),
          }
    return { author, createdAt: at, draft, completed }
  }

  const planNote = (at: number): PlannedNote => {
    const author = pickAuthor(at)
    authors.add(author.id)
    let title = `${capital(zipfWord(random))} ${zipfWord(random)} ${zipfWord(random)}`
    while (takenTitles.has(titleKey(title))) title += ` ${zipfWord(random)}`
    takenTitles.add(titleKey(title))
    // Links: popular old notes are linked more often (the square pulls towards the first ones).
    const links: string[] = []
    for (let i = random.int(0, 4); i > 0 && noteTitles.length > 0; i--) {
      links.push(`[[${noteTitles[Math.floor(Math.pow(random(), 2) * noteTitles.length)]!}]]`)
    }
    if (experimentIds.length > 0 && random.chance(0.3)) links.push(`[[experiment:${random.pick(experimentIds)}]]`)
    if (random.chance(0.2)) links.push(`[[machine:${random.pick(machines).id}]]`)
    noteTitles.push(title)
    // Most notes are short, a few long.
    const words = Math.round(40 + 400 * Math.pow(random(), 2.5))
    const content = noteContent.parse({
      title,
      body: markdown(random, words, links),
      category: random.pick(CATEGORIES),
      tags: [...new Set(Array.from({ length: random.int(0, 3) }, () => tag(random)))],
    })
    // A quarter are edited again later: another revision, the index holds the latest text.
    const later = at + random.int(1, 300) * DAY_MS
    const edit =
      random.chance(0.25) && later < BENCH_NOW
        ? { at: later, by: pickAuthor(later), content: { ...content, body: content.body + '\n\n' + paragraph(random, random.int(10, 60)) } }
        : null
    return { author, createdAt: at, content, edit }
  }

  // Twins: the first experiment and note through the dispatcher and through the bulk writer.
  const writer = bulkWriter(db)
  for (const kind of ['experiment', 'note'] as const) {
    const event = events.find((e) => e.kind === kind)!
    const plan = kind === 'experiment' ? planExperiment(event.at) : planNote(event.at)
    const real = await throughDispatcher(centre, plan)
    // Note titles are unique: the twin gets one more word, put back before comparing.
    const twin = 'draft' in plan ? plan : renamed(plan, plan.content.title + ' tweeling')
    const bulk = db.transaction(() => ('draft' in twin ? writer.experiment(twin) : writer.note(twin)))()
    const a = rowsOf(db, kind, real)
    let b = rowsOf(db, kind, bulk)
    if (!('draft' in plan)) {
      for (const [from, to] of [
        [plan.content.title + ' tweeling', plan.content.title],
        [titleKey(plan.content.title + ' tweeling'), titleKey(plan.content.title)],
      ] as const)
        b = b.replaceAll(from, to)
    }
    if (a !== b) {
      const line = a.split('\n').findIndex((row, i) => row !== b.split('\n')[i])
      throw new Error(
        `The bench's bulk writer no longer writes a ${kind} as the core does:\n core: ${a.split('\n')[line]}\n bulk: ${b.split('\n')[line]}`,
      )
    }
    ;(kind === 'experiment' ? experimentIds : noteIds).push(real, bulk)
    events.splice(events.indexOf(event), 1)
  }

  for (let i = 0; i < events.length; i += BATCH) {
    db.transaction(() => {
      for (const event of events.slice(i, i + BATCH)) {
        if (event.kind === 'experiment') experimentIds.push(writer.experiment(planExperiment(event.at)))
        else noteIds.push(writer.note(planNote(event.at)))
      }
    }).immediate()
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  Object.assign(centre.figures, {
    experiments: experimentIds.length,
    experiment_parameters: count('SELECT count(*) AS n FROM experiment_parameters'),
    notes: noteIds.length,
    links: count('SELECT count(*) AS n FROM links'),
    revisions: count('SELECT count(*) AS n FROM revisions'),
    search_documents: count('SELECT count(*) AS n FROM search_docs'),
  })
  const activeAuthors = people.filter((p) => p.leftAt === null && authors.has(p.id)).map((p) => p.id)
  knowledgeState.set(centre, { experimentIds, noteIds, authors: activeAuthors })
}

// ---------------------------------------------------------------------------------------------
// Search

/** Words people search for, by how common they are in the generated text. */
function searchQueries(random: Random) {
  // Content words only: nobody searches for "de" alone, but "eiken" (in a fifth of everything) is
  // the common case the issue means.
  const content = VOCABULARY.filter((w) => w.length >= 3 && rankOf(w) >= 0)
  const inRanks = (from: number, to: number) => content.filter((w) => rankOf(w) >= from && rankOf(w) < to)
  const common = inRanks(0, 60)
  const middle = inRanks(60, 2_000)
  const rare = inRanks(3_000, VOCABULARY.length)
  const prefixable = inRanks(20, 5_000).filter((w) => w.length >= 5)
  return {
    rare: () => random.pick(rare),
    common: () => random.pick(common),
    twoWords: () => `${random.pick(common)} ${random.pick(middle)}`,
    prefix: () => {
      const w = random.pick(prefixable)
      return w.slice(0, random.int(3, Math.min(5, w.length - 1)))
    },
  }
}

function searchOperations(centre: Centre): Operation[] {
  const random = centre.random('search')
  const queries = searchQueries(random)
  const { authors } = knowledgeState.get(centre)
  const rank = centre.floorDb.prepare(RANK_SQL)
  const details = centre.floorDb.prepare(DETAILS_SQL)
  const candidates = 500
  const limit = 20
  // The same two statements the core runs (searchIndex.ts), on the same match expression.
  const floorSearch = (q: string) => {
    const match = buildMatch(parseSearchQuery(q))
    return () => {
      const ranked = rank.all({ match, candidates, limit }) as { id: number }[]
      if (ranked.length === 0) return
      details.all({ match, ids: JSON.stringify(ranked.map((r) => r.id)), count: ranked.length })
    }
  }
  const mix = () => {
    const shape = random()
    return shape < 0.3 ? queries.rare() : shape < 0.55 ? queries.common() : shape < 0.8 ? queries.twoWords() : queries.prefix()
  }
  const operation = (name: string, title: string, next: () => string, iterations: number, extra: Partial<Operation> = {}): Operation => ({
    name,
    title,
    iterations,
    next: (): Invocation => ({ method: 'search.query', input: { q: next(), limit }, actorId: random.pick(authors), expect: 'ok' }),
    floor: () => floorSearch(next()),
    floorSql: [RANK_SQL, DETAILS_SQL],
    ...extra,
  })
  return [
    operation('search.query mix', 'search, mixed queries as typed (Ctrl+K)', mix, 1000, {
      target: [
        { metric: 'p50_ms', below: 5, source: 'issue 4' },
        { metric: 'p95_ms', below: 30, source: 'issue 4' },
      ],
      http: true,
    }),
    operation('search.query rare', 'search, one rare word', queries.rare, 300),
    operation('search.query common', 'search, one common word (in a fifth of all documents)', queries.common, 300),
    operation('search.query two words', 'search, two words', queries.twoWords, 300),
    operation('search.query prefix', 'search, half a word (prefix)', queries.prefix, 300),
  ]
}

// ---------------------------------------------------------------------------------------------
// Saving a note

// The statements a save runs that write (noteService.ts, links.ts, revisions.ts, searchIndex.ts).
const NOTE_UPDATE_SQL = `UPDATE notes SET title = @title, title_key = @titleKey, body = @body, category = @category,
       reviewed_by = CASE WHEN @keepReview = 1 THEN reviewed_by END, reviewed_at = CASE WHEN @keepReview = 1 THEN reviewed_at END,
       version = version + 1, updated_at = @now WHERE id = @id AND version = @version`
const NOTE_TAGS_DELETE_SQL = "DELETE FROM tags WHERE kind = 'note' AND ref_id = ?"
const NOTE_TAG_INSERT_SQL = "INSERT OR IGNORE INTO tags (kind, ref_id, tag) VALUES ('note', ?, ?)"
const LINKS_CLEAR_SQL = 'DELETE FROM links WHERE from_kind = ? AND from_id = ?'
const LINK_INSERT_SQL = 'INSERT OR IGNORE INTO links (from_kind, from_id, to_kind, to_id, to_title_key) VALUES (?, ?, ?, ?, ?)'
const REVISION_INSERT_SQL =
  'INSERT INTO revisions (kind, ref_id, version, snapshot, author_id, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)'
const FIND_DOC_SQL = 'SELECT doc_id FROM search_docs WHERE kind = ? AND ref_id = ?'
const DELETE_TEXT_SQL = 'DELETE FROM search_index WHERE rowid = ?'
const DELETE_DOC_SQL = 'DELETE FROM search_docs WHERE doc_id = ?'
const LAST_DOC_SQL = 'SELECT max(doc_id) AS id FROM search_docs WHERE doc_id > ? AND doc_id < ?'
const INSERT_DOC_SQL = 'INSERT INTO search_docs (doc_id, kind, ref_id) VALUES (?, ?, ?)'
const INSERT_TEXT_SQL = 'INSERT INTO search_index (rowid, title, tags, filters, body) VALUES (@id, @title, @tags, @filters, @body)'

interface SavedNote {
  id: number
  version: number
  title: string
  body: string
  category: NoteCategory
  tags: string[]
}

function noteSaveOperation(centre: Centre): Operation {
  const random = centre.random('notes.save')
  const { noteIds, authors } = knowledgeState.get(centre)
  // Two pools of notes, one per path, so each side's versions stay its own.
  const pool = Array.from({ length: Math.min(2_000, noteIds.length) }, () => random.pick(noteIds))
  const load = centre.floorDb.prepare<[number], Omit<SavedNote, 'tags'> & { tags: string | null }>(
    `SELECT id, version, title, body, category,
       (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.kind = 'note' AND t.ref_id = n.id) AS tags
     FROM notes n WHERE id = ?`,
  )
  const notes = [...new Set(pool)].map((id): SavedNote => {
    const row = load.get(id)!
    return { ...row, tags: row.tags ? row.tags.split('\u001f') : [] }
  })
  const dispatcherNotes = notes.filter((_, i) => i % 2 === 0)
  const floorNotes = notes.filter((_, i) => i % 2 === 1)
  let d = 0
  let f = 0
  // An edit as people make them: a sentence added at the end, or a paragraph rewritten.
  const edit = (note: SavedNote) => {
    note.body = random.chance(0.5)
      ? `${note.body} ${sentence(random)}`
      : `${paragraph(random, random.int(20, 60))}\n\n${note.body.slice(0, 4000)}`
    return note.body
  }

  const db = centre.floorDb
  const s = {
    update: db.prepare(NOTE_UPDATE_SQL),
    deleteTags: db.prepare(NOTE_TAGS_DELETE_SQL),
    insertTag: db.prepare(NOTE_TAG_INSERT_SQL),
    clearLinks: db.prepare(LINKS_CLEAR_SQL),
    insertLink: db.prepare(LINK_INSERT_SQL),
    revision: db.prepare(REVISION_INSERT_SQL),
    findDoc: db.prepare(FIND_DOC_SQL),
    deleteText: db.prepare(DELETE_TEXT_SQL),
    deleteDoc: db.prepare(DELETE_DOC_SQL),
    lastDoc: db.prepare(LAST_DOC_SQL),
    insertDoc: db.prepare(INSERT_DOC_SQL),
    insertText: db.prepare(INSERT_TEXT_SQL),
  }
  const floorSave = immediate(db, (note: SavedNote, body: string, indexed: string, author: number, now: string) => {
    const links = linksInText(body)
    s.update.run({
      id: note.id,
      version: note.version,
      title: note.title,
      titleKey: titleKey(note.title),
      body,
      category: note.category,
      keepReview: 0,
      now,
    })
    s.deleteTags.run(note.id)
    for (const t of note.tags) s.insertTag.run(note.id, t)
    s.clearLinks.run('note', note.id)
    for (const t of links) {
      if (t.kind === 'note-title') s.insertLink.run('note', note.id, 'note-title', 0, t.titleKey)
      else s.insertLink.run('note', note.id, t.kind, t.id, '')
    }
    s.revision.run(
      'note',
      note.id,
      note.version + 1,
      JSON.stringify({ title: note.title, body, category: note.category, tags: note.tags }),
      author,
      now,
      null,
    )
    const old = s.findDoc.get('note', note.id) as { doc_id: number } | undefined
    if (old) {
      s.deleteText.run(old.doc_id)
      s.deleteDoc.run(old.doc_id)
    }
    const id = ((s.lastDoc.get(0, 2 ** 40) as { id: number | null }).id ?? 0) + 1
    s.insertDoc.run(id, 'note', note.id)
    s.insertText.run({ id, title: note.title, tags: [note.category, ...note.tags].join('\n'), filters: '\uE002note', body: indexed })
    note.version++
  })

  return {
    name: 'notes.save',
    title: 'note save, with its links, revision and search index',
    iterations: 500,
    target: { metric: 'p95_ms', below: 10, source: 'issue 4' },
    next(): Invocation {
      const note = dispatcherNotes[d++ % dispatcherNotes.length]!
      const body = edit(note)
      const input = { id: note.id, version: note.version, content: { title: note.title, body, category: note.category, tags: note.tags } }
      note.version++
      return { method: 'notes.save', input, actorId: random.pick(authors), expect: 'ok' }
    },
    floor() {
      const note = floorNotes[f++ % floorNotes.length]!
      const body = edit(note)
      const indexed = plainText(body)
      const author = random.pick(authors)
      const now = centre.clock().toISOString()
      return () => floorSave(note, body, indexed, author, now)
    },
    floorSql: [
      NOTE_UPDATE_SQL,
      NOTE_TAGS_DELETE_SQL,
      LINKS_CLEAR_SQL,
      REVISION_INSERT_SQL,
      FIND_DOC_SQL,
      DELETE_TEXT_SQL,
      LAST_DOC_SQL,
      INSERT_TEXT_SQL,
    ],
  }
}

// ---------------------------------------------------------------------------------------------
// Experiments: the settings library and the list with filters

// src/main/knowledge/experimentService.ts
const LIBRARY_EXPERIMENTS_SQL = `SELECT e.id, e.title, e.outcome, e.status, e.updated_at FROM experiments e
     WHERE (@kind IS NULL OR e.id IN (SELECT x.experiment_id FROM equipment q JOIN experiment_equipment x ON x.equipment_id = q.id
                                      WHERE q.kind = @kind))
       AND (@material IS NULL OR e.id IN (SELECT experiment_id FROM experiment_materials WHERE name_key LIKE @material ESCAPE '\\'))
       AND (@outcomes IS NULL OR e.outcome IN (SELECT value FROM json_each(@outcomes)))
     ORDER BY e.updated_at DESC, e.id DESC LIMIT @limit`
const LIBRARY_PARAMETERS_SQL = `SELECT experiment_id, name, value, value_number, unit FROM experiment_parameters
     WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY experiment_id, position`
const LIBRARY_MATERIALS_SQL = `SELECT experiment_id, name, size FROM experiment_materials
     WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY experiment_id, position`
const EXPERIMENT_LIST_SQL = `SELECT e.id, e.title, e.status, e.outcome, p.name AS author, e.updated_at,
           (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.kind = 'experiment' AND t.ref_id = e.id) AS tags
         FROM experiments e JOIN people p ON p.id = e.author_id
         WHERE (@status IS NULL OR e.status = @status)
           AND (@outcome IS NULL OR e.outcome = @outcome)
           AND (@author IS NULL OR e.author_id = @author)
           AND (@tag IS NULL OR e.id IN (SELECT ref_id FROM tags WHERE tag = @tag AND kind = 'experiment'))
           AND (@machine IS NULL OR e.id IN (SELECT experiment_id FROM experiment_equipment WHERE equipment_id = @machine))
           AND (@booking IS NULL OR e.id IN (SELECT experiment_id FROM experiment_bookings WHERE booking_id = @booking))
         ORDER BY e.updated_at DESC, e.id DESC LIMIT @limit OFFSET @offset`

function experimentOperations(centre: Centre): Operation[] {
  const random = centre.random('experiments')
  const { authors } = knowledgeState.get(centre)
  const { machines } = equipmentState.get(centre)
  const kinds = [...new Set(machines.map((m) => m.kind))]
  const fragments = MATERIAL_NAMES.flatMap((name) => [name.split(' ')[0]!.toLowerCase(), name.toLowerCase().slice(0, 4)])

  // What a freelancer asks before cutting: a machine kind and a material, sometimes a thickness or only what worked.
  const libraryInput = () => ({
    equipmentKind: random.pick(kinds),
    ...(random.chance(0.85) ? { material: random.pick(fragments) } : {}),
    ...(random.chance(0.3) ? { size: random.pick(['3', '4', '6', '9', '12', '18']) } : {}),
    ...(random.chance(0.4) ? { outcomes: random.chance(0.5) ? (['worked'] as Outcome[]) : (['worked', 'partly'] as Outcome[]) } : {}),
    limit: 200,
  })
  const experiments = centre.floorDb.prepare(LIBRARY_EXPERIMENTS_SQL)
  const parameters = centre.floorDb.prepare(LIBRARY_PARAMETERS_SQL)
  const materials = centre.floorDb.prepare(LIBRARY_MATERIALS_SQL)
  const floorLibrary = (input: ReturnType<typeof libraryInput>) => {
    const params = {
      kind: input.equipmentKind,
      material: input.material ? `%${escapeLike(foldForSearch(input.material))}%` : null,
      outcomes: input.outcomes ? JSON.stringify(input.outcomes) : null,
      limit: input.limit,
    }
    return () => {
      const found = experiments.all(params) as { id: number }[]
      const ids = JSON.stringify(found.map((e) => e.id))
      parameters.all(ids)
      materials.all(ids)
    }
  }

  // The experiments screen: newest first with one or two filters.
  const listInput = () => {
    const input: Record<string, unknown> = { limit: 100 }
    const shape = random()
    if (shape < 0.25) input.status = random.pick(['draft', 'running', 'completed'])
    else if (shape < 0.45) input.outcome = random.pick(['worked', 'partly', 'failed', 'inconclusive'])
    else if (shape < 0.65) input.tag = tag(random)
    else if (shape < 0.85) input.equipmentId = random.pick(machines).id
    else input.authorId = random.pick(authors)
    if (random.chance(0.3)) input.outcome = 'worked'
    return input
  }
  const list = centre.floorDb.prepare(EXPERIMENT_LIST_SQL)
  const floorList = (input: Record<string, unknown>) => {
    const params = {
      status: input.status ?? null,
      outcome: input.outcome ?? null,
      author: input.authorId ?? null,
      tag: input.tag ?? null,
      machine: input.equipmentId ?? null,
      booking: null,
      limit: input.limit,
      offset: 0,
    }
    return () => list.all(params)
  }

  return [
    {
      name: 'experiments.settingsLibrary',
      title: 'settings library (machine kind, material, thickness, outcome)',
      iterations: 300,
      target: { metric: 'p95_ms', below: 50, source: 'issue 4' },
      next: () => ({ method: 'experiments.settingsLibrary', input: libraryInput(), actorId: random.pick(authors), expect: 'ok' }),
      floor: () => floorLibrary(libraryInput()),
      floorSql: [LIBRARY_EXPERIMENTS_SQL, LIBRARY_PARAMETERS_SQL, LIBRARY_MATERIALS_SQL],
    },
    {
      name: 'experiments.list',
      title: 'experiment list with a filter (status, outcome, tag, machine or author)',
      iterations: 500,
      next: () => ({ method: 'experiments.list', input: listInput(), actorId: random.pick(authors), expect: 'ok' }),
      floor: () => floorList(listInput()),
      floorSql: [EXPERIMENT_LIST_SQL],
    },
  ]
}

export const knowledgeModule: BenchModule = {
  name: 'knowledge',
  generate,
  operations: (centre) => [...searchOperations(centre), noteSaveOperation(centre), ...experimentOperations(centre)],
}
