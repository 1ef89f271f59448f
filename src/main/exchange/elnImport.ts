// `.eln` import, in two steps. First `readEln` checks the whole archive in memory (see safeZip.ts),
// reads the RO-Crate and every file it lists, and verifies each checksum, without touching the
// database. Only then `importEln` writes, in one immediate transaction through the services: each
// experiment becomes a new one with new ids, attachments go through the attachment store, and
// names (people, machines, notes) are matched to this centre. A refusal anywhere writes nothing.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { ATTACHMENT_TYPES, type AttachmentType } from '../../shared/attachments'
import { ELN_IMPORT_LIMITS, type ElnImportResult } from '../../shared/exchange'
import {
  EXPERIMENT_STATUSES,
  OUTCOMES,
  PARTICIPANT_ROLES,
  TEXT_MAX,
  experimentContent,
  type Experiment,
  type ExperimentContent,
} from '../../shared/experiments'
import { looksLike, type AttachmentStore } from '../attachments/attachmentStore'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import type { EquipmentService } from '../equipment/equipmentService'
import { AppError } from '../errors'
import type { ExperimentService } from '../knowledge/experimentService'
import { titleKey } from '../knowledge/links'
import type { NoteService } from '../knowledge/noteService'
import type { PeopleService } from '../people/peopleService'
import { foldForSearch } from '../text'
import { RECORD_FORMAT, RECORD_PROPERTY, WERKBANK_TERMS } from './elnExport'
import { readZipDirectory, readZipEntry, type ZipEntry } from './safeZip'

type Json = Record<string, unknown>
type Status = Experiment['status']

export interface ImportedFile {
  name: string
  caption: string
  mediaType: AttachmentType
  bytes: Buffer
}

/** One dataset of the archive, read and checked, not yet matched to this centre. */
export interface ImportedExperiment {
  datasetId: string
  title: string
  status: Status
  content: Omit<ExperimentContent, 'equipmentIds' | 'bookingIds' | 'participants' | 'linkedExperimentIds' | 'linkedNoteIds' | 'attachments'>
  participants: { name: string; role: (typeof PARTICIPANT_ROLES)[number] }[]
  machines: string[]
  linkedNotes: string[]
  linkedExperiments: { title: string; dataset: string | null }[]
  files: ImportedFile[]
  skippedFiles: string[]
}

const metadataError = (problem: string) =>
  new AppError('VALIDATION', `ro-crate-metadata.json: ${problem}`, { reason: 'elnMetadata', problem })

/** The lenient reading of Werkbank's own record: a damaged field falls back to empty, never to a crash. */
const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  question: z.string().catch(''),
  hypothesis: z.string().catch(''),
  method: z.string().catch(''),
  observations: z.string().catch(''),
  results: z.string().catch(''),
  conclusion: z.string().catch(''),
  outcome: z.enum(OUTCOMES).nullable().catch(null),
  status: z.enum(EXPERIMENT_STATUSES).catch('draft'),
  materials: z
    .array(z.object({ name: z.string(), supplier: z.string().catch(''), batch: z.string().catch(''), size: z.string().catch('') }))
    .catch([]),
  participants: z.array(z.object({ name: z.string(), role: z.enum(PARTICIPANT_ROLES).catch('guest') })).catch([]),
  machines: z.array(z.string()).catch([]),
  linkedNotes: z.array(z.string()).catch([]),
  linkedExperiments: z.array(z.object({ title: z.string(), dataset: z.string().nullable().catch(null) })).catch([]),
})

const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value])
const idOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && typeof (value as Json)['@id'] === 'string'
      ? ((value as Json)['@id'] as string)
      : null
const typesOf = (entity: Json | undefined) => asArray(entity?.['@type']).filter((t): t is string => typeof t === 'string')
/** A literal as text: strings and numbers as they are, `{ "@value": … }` unwrapped. */
function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ')
  if (value && typeof value === 'object' && '@value' in value) return text((value as Json)['@value'])
  return ''
}
const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value)

/** eLabFTW's body is HTML: keep its words, headings and line breaks, drop the markup. */
export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return html.trim()
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<h([1-6])[^>]*>/gi, (_m, level: string) => '\n\n' + '#'.repeat(Number(level) + 1 > 6 ? 6 : Number(level) + 1) + ' ')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|tr|blockquote)>/gi, '\n\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => safeCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => safeCodePoint(parseInt(n, 16)))
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
const safeCodePoint = (n: number) => (Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '')

/** Tags as Werkbank writes them (letters, digits, spaces, `_` and `-`), from any notebook's keywords. */
function tagsFrom(keywords: unknown): string[] {
  const words = asArray(keywords).flatMap((k) => text(k).split(','))
  const tags = words
    .map((w) =>
      w
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[ _-]+/, '')
        .slice(0, 40)
        .trim(),
    )
    .filter((t) => t !== '')
  return [...new Set(tags)].slice(0, 20)
}

function personName(entity: Json | undefined): string {
  if (!entity) return ''
  const name = text(entity.name).trim()
  if (name) return name
  return [text(entity.givenName), text(entity.familyName)].join(' ').trim()
}

/** The media type Werkbank keeps this file as, or null when it keeps no such files. */
function mediaTypeOf(bytes: Buffer, declared: string, name: string): AttachmentType | null {
  const base = declared.split(';')[0]!.trim().toLowerCase()
  if ((ATTACHMENT_TYPES as readonly string[]).includes(base) && looksLike(bytes, base as AttachmentType)) return base as AttachmentType
  for (const type of ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const) if (looksLike(bytes, type)) return type
  if (/\.csv$/i.test(name) && looksLike(bytes, 'text/csv')) return 'text/csv'
  if (/\.(txt|md|markdown)$/i.test(name) && looksLike(bytes, 'text/plain')) return 'text/plain'
  return null
}

/** Checks and reads an `.eln` archive entirely in memory. Throws AppError (VALIDATION) and writes nothing. */
export function readEln(bytes: Uint8Array): ImportedExperiment[] {
  const limits = ELN_IMPORT_LIMITS
  const entries = readZipDirectory(bytes, limits).filter((e) => !e.name.startsWith('__MACOSX/'))
  const roots = new Set(entries.map((e) => e.name.split('/')[0]!))
  if (roots.size !== 1 || entries.some((e) => !e.name.includes('/'))) {
    throw new AppError('VALIDATION', 'An .eln file holds exactly one folder at its root', { reason: 'elnLayout' })
  }
  const root = [...roots][0]!
  const byName = new Map(entries.map((e) => [e.name, e]))
  const metadataEntry = byName.get(`${root}/ro-crate-metadata.json`)
  if (!metadataEntry) throw new AppError('VALIDATION', 'No ro-crate-metadata.json in the root folder', { reason: 'elnLayout' })

  let metadata: unknown
  try {
    metadata = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readZipEntry(bytes, metadataEntry)))
  } catch (error) {
    if (error instanceof AppError) throw error
    throw metadataError('not valid JSON')
  }
  const graph = (metadata as Json | null)?.['@graph']
  if (!Array.isArray(graph)) throw metadataError('no @graph')
  const byId = new Map<string, Json>()
  for (const node of graph) {
    if (node && typeof node === 'object' && typeof (node as Json)['@id'] === 'string')
      byId.set((node as Json)['@id'] as string, node as Json)
  }
  const lookup = (id: string | null) =>
    id === null ? undefined : (byId.get(id) ?? byId.get(id.endsWith('/') ? id.slice(0, -1) : `${id}/`))

  const descriptor = byId.get('ro-crate-metadata.json')
  if (!descriptor) throw metadataError('no metadata descriptor')
  const rootEntity = lookup(idOf(descriptor.about) ?? './')
  if (!rootEntity || !typesOf(rootEntity).includes('Dataset')) throw metadataError('no root dataset')
  const datasets = [
    ...new Set(
      asArray(rootEntity.hasPart)
        .map((part) => lookup(idOf(part)))
        .filter((entity): entity is Json => typesOf(entity).includes('Dataset')),
    ),
  ]
  if (datasets.length === 0) throw new AppError('VALIDATION', 'The archive holds no experiments', { reason: 'elnEmpty' })
  if (datasets.length > limits.experiments) {
    throw new AppError('VALIDATION', `More than ${limits.experiments} experiments`, {
      reason: 'elnTooManyExperiments',
      maximum: limits.experiments,
    })
  }
  const recordKey = [RECORD_PROPERTY, `${WERKBANK_TERMS}experiment`]

  /** The ZIP entry a file's `@id` points at: relative to the root folder, possibly percent-encoded. */
  function entryFor(id: string): ZipEntry | undefined {
    const relative = id.replace(/^\.\//, '')
    let decoded = relative
    try {
      decoded = decodeURIComponent(relative)
    } catch {
      // Not percent-encoded after all: the name is used as written.
    }
    return byName.get(`${root}/${relative}`) ?? byName.get(`${root}/${decoded}`)
  }

  return datasets.map((dataset) => {
    const datasetId = idOf(dataset)!
    const rawRecord = recordKey.map((k) => dataset[k]).find((v) => v !== undefined)
    let record: z.infer<typeof recordSchema> | null = null
    if (rawRecord !== undefined) {
      try {
        const parsed = recordSchema.safeParse(typeof rawRecord === 'string' ? JSON.parse(rawRecord) : rawRecord)
        if (parsed.success) record = parsed.data
      } catch {
        record = null
      }
    }

    const parameters = asArray(dataset.variableMeasured)
      .map((ref) => lookup(idOf(ref)) ?? (ref && typeof ref === 'object' ? (ref as Json) : undefined))
      .filter((p): p is Json => p !== undefined)
      .map((p) => ({
        name: clip((text(p.name) || text(p.propertyID)).trim(), 80),
        value: clip(text(p.value).trim(), 80),
        unit: clip(text(p.unitText).trim(), 20),
      }))
      .filter((p) => p.name !== '' && p.value !== '')
      .slice(0, 100)

    const files: ImportedFile[] = []
    const skippedFiles: string[] = []
    for (const part of asArray(dataset.hasPart)) {
      const id = idOf(part)
      const file = lookup(id)
      if (!id || !file || !typesOf(file).includes('File')) continue
      // Files on the web are references, not content of the archive.
      if (/^[a-z][a-z0-9+.-]*:/i.test(id)) continue
      const entry = entryFor(id)
      const name = clip((text(file.name) || id.split('/').pop() || 'file').trim(), 200) || 'file'
      if (!entry || entry.directory) {
        throw new AppError('VALIDATION', `Listed file missing from the archive: ${id}`, { reason: 'elnFileMissing', entry: id })
      }
      const content = Buffer.from(readZipEntry(bytes, entry))
      const expected = text(file.sha256).trim().toLowerCase()
      if (expected && createHash('sha256').update(content).digest('hex') !== expected) {
        throw new AppError('VALIDATION', `Checksum does not match: ${entry.name}`, { reason: 'elnChecksum', entry: name })
      }
      const mediaType = mediaTypeOf(content, text(file.encodingFormat) || text(file.contentType), name)
      if (!mediaType || content.length === 0) skippedFiles.push(name)
      else if (files.length >= 50) skippedFiles.push(name)
      else files.push({ name, caption: clip(text(file.description).trim(), 500), mediaType, bytes: content })
    }

    const declaredStatus = text(dataset.creativeWorkStatus).trim().toLowerCase()
    let status: Status = (EXPERIMENT_STATUSES as readonly string[]).includes(declaredStatus)
      ? (declaredStatus as Status)
      : (record?.status ?? 'draft')
    const outcome = record?.outcome ?? null
    // Completing needs an outcome; a notebook that has none keeps the work open instead of inventing one.
    if (status === 'completed' && outcome === null) status = 'running'

    const title = clip(text(dataset.name).trim(), 200) || clip(datasetId.replace(/^\.\//, '').replace(/\/$/, ''), 200) || 'Experiment'
    const foreignBody = htmlToText(text(dataset.text))
    const content = {
      title,
      question: clip(record ? record.question : text(dataset.description).trim(), TEXT_MAX),
      hypothesis: clip(record?.hypothesis ?? '', TEXT_MAX),
      method: clip(record ? record.method : foreignBody, TEXT_MAX),
      observations: clip(record?.observations ?? '', TEXT_MAX),
      results: clip(record?.results ?? '', TEXT_MAX),
      conclusion: clip(record?.conclusion ?? '', TEXT_MAX),
      outcome,
      parameters,
      materials: (record?.materials ?? [])
        .map((m) => ({
          name: clip(m.name.trim(), 120),
          supplier: clip(m.supplier.trim(), 120),
          batch: clip(m.batch.trim(), 80),
          size: clip(m.size.trim(), 80),
        }))
        .filter((m) => m.name !== '')
        .slice(0, 50),
      tags: tagsFrom(dataset.keywords),
    }
    const participants =
      record?.participants ??
      asArray(dataset.contributor)
        .map((ref) => personName(lookup(idOf(ref)) ?? (ref && typeof ref === 'object' ? (ref as Json) : undefined)))
        .filter(Boolean)
        .map((name) => ({ name, role: 'guest' as const }))
    return {
      datasetId,
      title,
      status,
      content,
      participants,
      machines: record?.machines ?? [],
      linkedNotes: record?.linkedNotes ?? [],
      linkedExperiments: record?.linkedExperiments ?? [],
      files,
      skippedFiles,
    }
  })
}

export interface ImportServices {
  db: Db
  experiments: Pick<ExperimentService, 'create' | 'save' | 'setStatus'>
  attachments: Pick<AttachmentStore, 'upload'>
  people: Pick<PeopleService, 'list'>
  equipment: Pick<EquipmentService, 'list'>
  notes: Pick<NoteService, 'titles'>
}

/** Writes checked experiments as new ones, all or nothing. */
export function createElnImporter(services: ImportServices) {
  const { db } = services
  // The revision service records a create without a note; the import says where the record came from.
  const noteRevision = db.prepare("UPDATE revisions SET note = ? WHERE kind = 'experiment' AND ref_id = ? AND version = 1")
  // A linked experiment outside the archive is found by its title, when exactly one here has it.
  const experimentsTitled = db.prepare<[string], { id: number }>('SELECT id FROM experiments WHERE title = ? COLLATE NOCASE LIMIT 50')

  return writeTransaction(db, (imported: ImportedExperiment[], filename: string, actor: Actor): ElnImportResult => {
    const skipped: ElnImportResult['skipped'] = { participants: [], machines: [], links: [], files: [] }
    const people = new Map<string, { id: number; role: string }>()
    for (const p of services.people.list({ includeInactive: true, limit: 1_000_000 }).items.slice().reverse()) {
      people.set(foldForSearch(p.name.trim()), { id: p.id, role: p.role })
    }
    const machines = new Map(services.equipment.list({ includeRetired: true }).map((m) => [foldForSearch(m.name.trim()), m.id]))
    const noteId = (title: string) => services.notes.titles(title, 20).find((n) => titleKey(n.title) === titleKey(title))?.id

    const created = new Map<string, Experiment>()
    const forwardLinks: [Experiment, string[]][] = []
    for (const item of imported) {
      const participants: ExperimentContent['participants'] = []
      for (const p of item.participants) {
        const person = people.get(foldForSearch(p.name.trim()))
        if (!person) skipped.participants.push(p.name)
        else if (!participants.some((x) => x.personId === person.id)) participants.push({ personId: person.id, role: p.role })
      }
      const equipmentIds: number[] = []
      for (const name of item.machines) {
        const id = machines.get(foldForSearch(name.trim()))
        if (id === undefined) skipped.machines.push(name)
        else if (!equipmentIds.includes(id)) equipmentIds.push(id)
      }
      const linkedNoteIds: number[] = []
      for (const title of item.linkedNotes) {
        const id = noteId(title)
        if (id === undefined) skipped.links.push(title)
        else if (!linkedNoteIds.includes(id)) linkedNoteIds.push(id)
      }
      const linkedExperimentIds: number[] = []
      const later: string[] = []
      for (const link of item.linkedExperiments) {
        const target = link.dataset ? created.get(link.dataset) : undefined
        const inArchive = link.dataset !== null && link.dataset !== item.datasetId && imported.some((x) => x.datasetId === link.dataset)
        const createdIds = new Set([...created.values()].map((e) => e.id))
        const here = inArchive ? [] : experimentsTitled.all(link.title.trim()).filter((row) => !createdIds.has(row.id))
        if (target) linkedExperimentIds.push(target.id)
        else if (inArchive) later.push(link.dataset!)
        else if (here.length === 1) linkedExperimentIds.push(here[0]!.id)
        else skipped.links.push(link.title)
      }
      const attachments = item.files.map((file) => {
        const stored = services.attachments.upload(
          { name: file.name, mediaType: file.mediaType, dataBase64: file.bytes.toString('base64') },
          actor,
        )
        return { sha256: stored.sha256, name: file.name, caption: file.caption }
      })
      skipped.files.push(...item.skippedFiles)
      const content = experimentContent.parse({
        ...item.content,
        equipmentIds: equipmentIds.slice(0, 20),
        participants: participants.slice(0, 30),
        linkedNoteIds: linkedNoteIds.slice(0, 50),
        linkedExperimentIds: [...new Set(linkedExperimentIds)].slice(0, 50),
        attachments,
      })
      const experiment = services.experiments.create({ content }, actor)
      noteRevision.run(`imported from ${filename}`, experiment.id)
      created.set(item.datasetId, experiment)
      if (later.length) forwardLinks.push([experiment, later])
    }
    // Links to experiments later in the archive can only be written once those exist.
    for (const [experiment, datasets] of forwardLinks) {
      const current = [...created.values()].find((e) => e.id === experiment.id)!
      const ids = [...current.content.linkedExperimentIds, ...datasets.map((d) => created.get(d)!.id)]
      const saved = services.experiments.save(
        { id: current.id, version: current.version, content: { ...current.content, linkedExperimentIds: [...new Set(ids)].slice(0, 50) } },
        actor,
      )
      created.set([...created.entries()].find(([, e]) => e.id === saved.id)![0], saved)
    }
    for (const item of imported) {
      const experiment = created.get(item.datasetId)!
      if (item.status !== 'draft') {
        created.set(
          item.datasetId,
          services.experiments.setStatus({ id: experiment.id, version: experiment.version, status: item.status }, actor),
        )
      }
    }
    return {
      experiments: [...created.values()].map((e) => ({ id: e.id, title: e.content.title })),
      skipped: {
        participants: [...new Set(skipped.participants)],
        machines: [...new Set(skipped.machines)],
        links: [...new Set(skipped.links)],
        files: [...new Set(skipped.files)],
      },
    }
  })
}
