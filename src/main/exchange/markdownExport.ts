// One experiment or note as a Markdown file: every field, readable in any text editor and
// renderable anywhere. Links are written as Werkbank's wiki links (`[[experiment:42|Title]]`) so
// they still work when the text comes back into Werkbank.
import type { Note } from '../../shared/notes'
import type { ExportLabels } from './labels'
import type { ResolvedExperiment } from './resolve'

export interface MarkdownContext {
  labels: ExportLabels
  dates: { dateTime(iso: string): string; span(from: string, to: string): string }
  generatedLine: string
}

/** A table cell on one line, with its pipes escaped. */
export function cell(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\s*\n\s*/g, ' ')
      .trim() || ' '
  )
}

export function markdownTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n')
}

/** The shown text of a wiki link: the link syntax ends at `]` or a line break. */
const linkText = (text: string) => text.replace(/[[\]|\n\r]+/g, ' ').trim()
export const wikiLink = (kind: 'experiment' | 'note' | 'machine', id: number, title: string) => `[[${kind}:${id}|${linkText(title)}]]`

export function experimentMarkdown(resolved: ResolvedExperiment, ctx: MarkdownContext): string {
  const { experiment: e } = resolved
  const c = e.content
  const L = ctx.labels
  const f = L.fields
  const text = (value: string) => (value.trim() === '' ? `_${L.empty}_` : value.trim())
  const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join('\n') : `_${L.empty}_`)

  const facts: [string, string][] = [
    [f.status, L.statuses[e.status]],
    [f.outcome, c.outcome ? L.outcomes[c.outcome] : L.noOutcome],
    [f.author, e.author.name],
    [f.created, ctx.dates.dateTime(e.createdAt)],
    [f.updated, `${ctx.dates.dateTime(e.updatedAt)} (${f.version.toLowerCase()} ${e.version})`],
    [f.tags, c.tags.length ? c.tags.join(', ') : L.empty],
  ]

  const sections: string[] = [
    `# ${c.title}`,
    `${L.experiment} ${e.id} · ${ctx.generatedLine}`,
    facts.map(([label, value]) => `- **${label}:** ${value}`).join('\n'),
    `## ${f.question}\n\n${text(c.question)}`,
    `## ${f.hypothesis}\n\n${text(c.hypothesis)}`,
    `## ${f.machines}\n\n${list(resolved.machines.map((m) => wikiLink('machine', m.id, m.name)))}`,
    `## ${f.bookings}\n\n${list(
      resolved.bookings.map((b) => `${b.equipmentName}: ${ctx.dates.span(b.startsAt, b.endsAt)}${b.cancelled ? ` (${L.cancelled})` : ''}`),
    )}`,
    `## ${f.materials}\n\n${
      c.materials.length
        ? markdownTable(
            [L.columns.name, L.columns.supplier, L.columns.batch, L.columns.size],
            c.materials.map((m) => [m.name, m.supplier, m.batch, m.size]),
          )
        : `_${L.empty}_`
    }`,
    `## ${f.parameters}\n\n${
      c.parameters.length
        ? markdownTable(
            [L.columns.name, L.columns.value, L.columns.unit],
            c.parameters.map((p) => [p.name, p.value, p.unit]),
          )
        : `_${L.empty}_`
    }`,
    `## ${f.method}\n\n${text(c.method)}`,
    `## ${f.observations}\n\n${text(c.observations)}`,
    `## ${f.results}\n\n${text(c.results)}`,
    `## ${f.conclusion}\n\n${text(c.conclusion)}`,
    `## ${f.participants}\n\n${list(resolved.participants.map((p) => `${p.name} (${L.roles[p.role] ?? p.role})`))}`,
    `## ${f.links}\n\n${list([
      ...resolved.linkedExperiments.map((x) => wikiLink('experiment', x.id, x.title)),
      ...resolved.linkedNotes.map((n) => `[[${linkText(n.title)}]]`),
    ])}`,
    `## ${f.attachments}\n\n${list(
      resolved.attachments.map((a) => `${a.name}${a.caption ? ` — ${a.caption}` : ''} (sha256 \`${a.sha256.slice(0, 12)}…\`)`),
    )}`,
  ]
  return sections.join('\n\n') + '\n'
}

export function noteMarkdown(note: Note, ctx: MarkdownContext): string {
  const L = ctx.labels
  const f = L.fields
  const facts: [string, string][] = [
    [f.category, L.categories[note.content.category]],
    [f.tags, note.content.tags.length ? note.content.tags.join(', ') : L.empty],
    [f.author, note.author.name],
    [f.reviewed, note.reviewedBy && note.reviewedAt ? `${note.reviewedBy.name}, ${ctx.dates.dateTime(note.reviewedAt)}` : L.notReviewed],
    [f.created, ctx.dates.dateTime(note.createdAt)],
    [f.updated, `${ctx.dates.dateTime(note.updatedAt)} (${f.version.toLowerCase()} ${note.version})`],
  ]
  return [
    `# ${note.content.title}`,
    `${L.note} ${note.id} · ${ctx.generatedLine}`,
    facts.map(([label, value]) => `- **${label}:** ${value}`).join('\n'),
    '---',
    note.content.body.trim() || `_${L.empty}_`,
  ]
    .join('\n\n')
    .concat('\n')
}
