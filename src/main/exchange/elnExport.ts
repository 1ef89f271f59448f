// `.eln` export: experiments with their attachments as a zipped RO-Crate 1.1, the ELN Consortium's
// exchange format that eLabFTW, RSpace and Kadi4Mat read. One root folder holds
// `ro-crate-metadata.json` and one folder per experiment with its files. Standard terms carry what
// they can (name, keywords, variableMeasured, creativeWorkStatus, authors, files with sha256);
// the rest of a Werkbank record travels in one namespaced property so a round trip loses nothing.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { zipSync, type Zippable } from 'fflate'
import type { Clock } from '../clock'
import type { ExportLabels } from './labels'
import { slug, type ResolvedExperiment } from './resolve'

export const RO_CRATE_CONTEXT = 'https://w3id.org/ro/crate/1.1/context'
export const RO_CRATE_SPEC = 'https://w3id.org/ro/crate/1.1'
/** Werkbank's own terms: a URN, so the namespace claims no web address it does not own. */
export const WERKBANK_TERMS = 'urn:werkbank:terms:'
export const RECORD_PROPERTY = 'werkbank:experiment'
export const RECORD_FORMAT = 'werkbank-experiment/1'

/** What RO-Crate has no term for, stored as a JSON string under `werkbank:experiment`. */
export interface WerkbankRecord {
  format: typeof RECORD_FORMAT
  question: string
  hypothesis: string
  method: string
  observations: string
  results: string
  conclusion: string
  outcome: string | null
  status: string
  materials: { name: string; supplier: string; batch: string; size: string }[]
  participants: { name: string; role: string }[]
  machines: string[]
  linkedNotes: string[]
  /** Linked experiments: `dataset` is the linked one's `@id` when it is in the same archive. */
  linkedExperiments: { title: string; dataset: string | null }[]
}

type Entity = Record<string, unknown> & { '@id': string }

/** A file name that is safe in any ZIP tool and file system: no separators, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
  return cleaned || 'file'
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const htmlParagraphs = (text: string) =>
  text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')

/** The experiment as simple HTML for notebooks that show a dataset's `text` (eLabFTW's body). */
function experimentHtml(r: ResolvedExperiment, labels: ExportLabels): string {
  const c = r.experiment.content
  const f = labels.fields
  const parts: string[] = []
  const section = (heading: string, text: string) => {
    if (text.trim()) parts.push(`<h2>${escapeHtml(heading)}</h2>\n${htmlParagraphs(text)}`)
  }
  section(f.question, c.question)
  section(f.hypothesis, c.hypothesis)
  if (c.parameters.length) {
    const rows = c.parameters.map(
      (p) => `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.value)}</td><td>${escapeHtml(p.unit)}</td></tr>`,
    )
    parts.push(
      `<h2>${escapeHtml(f.parameters)}</h2>\n<table><tr><th>${escapeHtml(labels.columns.name)}</th><th>${escapeHtml(labels.columns.value)}</th><th>${escapeHtml(labels.columns.unit)}</th></tr>${rows.join('')}</table>`,
    )
  }
  section(f.method, c.method)
  section(f.observations, c.observations)
  section(f.results, c.results)
  section(f.conclusion, c.conclusion)
  if (c.outcome) section(f.outcome, labels.outcomes[c.outcome])
  return parts.join('\n')
}

export interface ElnExportContext {
  clock: Clock
  labels: ExportLabels
  /** The archive's root folder; the file is called the same with `.eln`. */
  rootName: string
  description: string
}

export function buildEln(experiments: ResolvedExperiment[], ctx: ElnExportContext): Uint8Array {
  const now = ctx.clock()
  const graph: Entity[] = []
  const people = new Map<number, Entity>()
  const person = (id: number, name: string) => {
    const key = `#person-${id}`
    if (!people.has(id)) people.set(id, { '@id': key, '@type': 'Person', name })
    return { '@id': key }
  }
  const files: Zippable = {}
  const datasetIds = new Map<number, string>()
  const folders = new Set<string>()
  for (const r of experiments) {
    let folder = `experiment-${r.experiment.id}-${slug(r.experiment.content.title)}`
    while (folders.has(folder)) folder += '-x'
    folders.add(folder)
    datasetIds.set(r.experiment.id, `./${folder}/`)
  }

  for (const r of experiments) {
    const e = r.experiment
    const c = e.content
    const datasetId = datasetIds.get(e.id)!
    const folder = datasetId.slice(2, -1)
    const parts: { '@id': string }[] = []
    const used = new Set<string>()
    for (const a of r.attachments) {
      // A file missing from the data folder cannot travel; the export still succeeds without it.
      if (!a.path || !a.mediaType) continue
      const bytes = readFileSync(a.path)
      let name = safeFileName(a.name)
      for (let n = 2; used.has(name.toLowerCase()); n++) name = safeFileName(a.name).replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`)
      used.add(name.toLowerCase())
      const id = `${datasetId}${name}`
      graph.push({
        '@id': id,
        '@type': 'File',
        name: a.name,
        description: a.caption,
        encodingFormat: a.mediaType,
        contentSize: String(bytes.length),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })
      parts.push({ '@id': id })
      // Photos and PDFs are compressed already; deflating them again only costs time.
      files[`${ctx.rootName}/${folder}/${name}`] = [bytes, { level: a.mediaType.startsWith('text/') ? 6 : 0 }]
    }
    const variables = c.parameters.map((p, i) => {
      const id = `#experiment-${e.id}-parameter-${i + 1}`
      graph.push({ '@id': id, '@type': 'PropertyValue', name: p.name, value: p.value, unitText: p.unit })
      return { '@id': id }
    })
    const record: WerkbankRecord = {
      format: RECORD_FORMAT,
      question: c.question,
      hypothesis: c.hypothesis,
      method: c.method,
      observations: c.observations,
      results: c.results,
      conclusion: c.conclusion,
      outcome: c.outcome,
      status: e.status,
      materials: c.materials,
      participants: r.participants.map((p) => ({ name: p.name, role: p.role })),
      machines: r.machines.map((m) => m.name),
      linkedNotes: r.linkedNotes.map((n) => n.title),
      linkedExperiments: r.linkedExperiments.map((x) => ({ title: x.title, dataset: datasetIds.get(x.id) ?? null })),
    }
    graph.push({
      '@id': datasetId,
      '@type': 'Dataset',
      name: c.title,
      identifier: `werkbank-experiment-${e.id}`,
      description: c.question,
      text: experimentHtml(r, ctx.labels),
      dateCreated: e.createdAt,
      dateModified: e.updatedAt,
      creativeWorkStatus: e.status,
      keywords: c.tags.join(','),
      author: person(e.author.id, e.author.name),
      contributor: r.participants.map((p) => person(p.personId, p.name)),
      variableMeasured: variables,
      hasPart: parts,
      [RECORD_PROPERTY]: JSON.stringify(record),
    })
  }

  const metadata = {
    '@context': [RO_CRATE_CONTEXT, { werkbank: WERKBANK_TERMS }],
    '@graph': [
      {
        '@id': 'ro-crate-metadata.json',
        '@type': 'CreativeWork',
        about: { '@id': './' },
        conformsTo: { '@id': RO_CRATE_SPEC },
        dateCreated: now.toISOString(),
        sdPublisher: { '@id': '#werkbank' },
        version: '1.0',
      },
      {
        '@id': './',
        '@type': 'Dataset',
        name: ctx.rootName,
        description: ctx.description,
        datePublished: now.toISOString(),
        hasPart: experiments.map((r) => ({ '@id': datasetIds.get(r.experiment.id)! })),
      },
      { '@id': '#werkbank', '@type': 'Organization', name: 'Werkbank' },
      ...graph,
      ...people.values(),
    ],
  }
  files[`${ctx.rootName}/ro-crate-metadata.json`] = [Buffer.from(JSON.stringify(metadata, null, 2), 'utf8'), { level: 6 }]
  return zipSync(files, { mtime: now })
}
