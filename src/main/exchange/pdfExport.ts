// One experiment or note as a printable PDF (A4), made with the shared PDF builder: the same
// content as the Markdown export, plus the experiment's photos from the attachment store.
import { readFileSync } from 'node:fs'
import type { Note } from '../../shared/notes'
import type { Clock } from '../clock'
import { createPdfBuilder } from '../pdf'
import type { MarkdownContext } from './markdownExport'
import type { ResolvedExperiment } from './resolve'

export interface PdfContext extends MarkdownContext {
  clock: Clock
  /** The title of a record a wiki link points at by id, or null when it is gone. */
  titleOf?: (kind: 'note' | 'experiment' | 'machine', id: number) => string | null
}

/** On paper a wiki link shows what it points at: `[[experiment:3]]` becomes that experiment's title. */
export function readableLinks(text: string, titleOf: PdfContext['titleOf']): string {
  return text.replace(/\[\[([^[\]\n|]+?)(?:\|([^[\]\n]*))?\]\]/g, (_all, target: string, label: string | undefined) => {
    if (label?.trim()) return label.trim()
    const byId = /^\s*(note|notitie|experiment|machine)\s*:\s*(\d+)\s*$/i.exec(target)
    if (!byId) return target.trim()
    const kind = byId[1]!.toLowerCase() === 'notitie' ? 'note' : (byId[1]!.toLowerCase() as 'note' | 'experiment' | 'machine')
    return titleOf?.(kind, Number(byId[2])) ?? target.trim()
  })
}

export async function experimentPdf(resolved: ResolvedExperiment, ctx: PdfContext): Promise<Uint8Array> {
  const { experiment: e } = resolved
  const c = e.content
  const L = ctx.labels
  const f = L.fields
  const pdf = await createPdfBuilder({
    title: c.title,
    subject: `${L.experiment} ${e.id}`,
    keywords: c.tags,
    language: L.locale,
    clock: ctx.clock,
    generatedLine: ctx.generatedLine,
  })
  pdf.title(c.title, [
    `${L.experiment} ${e.id} · ${L.statuses[e.status]} · ${c.outcome ? L.outcomes[c.outcome] : L.noOutcome}`,
    `${f.author}: ${e.author.name} · ${f.created} ${ctx.dates.dateTime(e.createdAt)} · ${f.updated} ${ctx.dates.dateTime(e.updatedAt)} (${f.version.toLowerCase()} ${e.version})`,
  ])
  const or = (items: string[]) => (items.length ? items.join('\n') : L.empty)
  pdf.keyValues([
    [f.machines, or(resolved.machines.map((m) => m.name))],
    [
      f.bookings,
      or(
        resolved.bookings.map(
          (b) => `${b.equipmentName}: ${ctx.dates.span(b.startsAt, b.endsAt)}${b.cancelled ? ` (${L.cancelled})` : ''}`,
        ),
      ),
    ],
    [f.participants, or(resolved.participants.map((p) => `${p.name} (${L.roles[p.role] ?? p.role})`))],
    [f.tags, c.tags.join(', ') || L.empty],
  ])

  const section = (heading: string, text: string) => {
    pdf.heading(heading)
    if (text.trim()) pdf.markdown(readableLinks(text, ctx.titleOf))
    else pdf.paragraph(L.empty)
  }
  section(f.question, c.question)
  section(f.hypothesis, c.hypothesis)

  pdf.heading(f.materials)
  if (c.materials.length)
    pdf.table(
      [
        { header: L.columns.name, weight: 3 },
        { header: L.columns.supplier, weight: 2 },
        { header: L.columns.batch, weight: 1.5 },
        { header: L.columns.size, weight: 1.5 },
      ],
      c.materials.map((m) => [m.name, m.supplier, m.batch, m.size]),
    )
  else pdf.paragraph(L.empty)

  pdf.heading(f.parameters)
  if (c.parameters.length)
    pdf.table(
      [
        { header: L.columns.name, weight: 3 },
        { header: L.columns.value, weight: 1.5, align: 'right' },
        { header: L.columns.unit, weight: 1 },
      ],
      c.parameters.map((p) => [p.name, p.value, p.unit]),
    )
  else pdf.paragraph(L.empty)

  section(f.method, c.method)
  section(f.observations, c.observations)
  section(f.results, c.results)
  section(f.conclusion, c.conclusion)

  const links = [
    ...resolved.linkedExperiments.map((x) => `${x.title} (${L.experiment.toLowerCase()} ${x.id})`),
    ...resolved.linkedNotes.map((n) => `${n.title} (${L.note.toLowerCase()})`),
  ]
  pdf.heading(f.links)
  if (links.length) pdf.bullets(links)
  else pdf.paragraph(L.empty)

  const photos = resolved.attachments.filter((a) => a.mediaType?.startsWith('image/') && a.path)
  const files = resolved.attachments.filter((a) => !photos.includes(a))
  if (photos.length) {
    pdf.heading(f.photos)
    for (const photo of photos) {
      const caption = photo.caption ? `${photo.name}: ${photo.caption}` : photo.name
      await pdf.image(readFileSync(photo.path!), { caption, maxHeight: 300, minWidth: 280 })
    }
  }
  if (files.length) {
    pdf.heading(f.files)
    pdf.table(
      [
        { header: L.columns.file, weight: 2 },
        { header: L.columns.caption, weight: 3 },
        { header: 'SHA-256', weight: 2 },
      ],
      files.map((a) => [a.name, a.caption, a.sha256.slice(0, 16) + '…']),
    )
  }
  return pdf.finish()
}

export async function notePdf(note: Note, ctx: PdfContext): Promise<Uint8Array> {
  const L = ctx.labels
  const f = L.fields
  const pdf = await createPdfBuilder({
    title: note.content.title,
    subject: `${L.note} ${note.id}`,
    keywords: note.content.tags,
    language: L.locale,
    clock: ctx.clock,
    generatedLine: ctx.generatedLine,
  })
  pdf.title(note.content.title, [
    `${L.note} · ${L.categories[note.content.category]}${note.content.tags.length ? ` · ${note.content.tags.join(', ')}` : ''}`,
    `${f.author}: ${note.author.name} · ${f.updated} ${ctx.dates.dateTime(note.updatedAt)} (${f.version.toLowerCase()} ${note.version})`,
    note.reviewedBy && note.reviewedAt ? `${f.reviewed} ${note.reviewedBy.name}, ${ctx.dates.dateTime(note.reviewedAt)}` : L.notReviewed,
  ])
  if (note.content.body.trim()) pdf.markdown(readableLinks(note.content.body, ctx.titleOf), 1)
  else pdf.paragraph(L.empty)
  return pdf.finish()
}
