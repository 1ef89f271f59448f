// The programme booklet (A4 PDF): a cover with the edition, its theme, dates and venue; per day a
// timetable per room (time, title, speakers, track) with the breaks in it; then every scheduled
// session with its type, track, times, speakers and abstract.
import { createPdfBuilder } from '../../pdf'
import type { Clock } from '../../clock'
import type { ExportLabels, formatters } from './labels'
import type { ProgrammeModel } from './programmeModel'

export interface DocumentContext {
  labels: ExportLabels
  dates: ReturnType<typeof formatters>
  clock: Clock
  generatedLine: string
}

export async function programmeBooklet(model: ProgrammeModel, ctx: DocumentContext): Promise<Uint8Array> {
  const { edition } = model
  const L = ctx.labels
  const pdf = await createPdfBuilder({
    title: edition.title,
    subject: L.programme,
    language: L.locale,
    clock: ctx.clock,
    generatedLine: ctx.generatedLine,
  })

  // ---- cover ----
  pdf.space(140)
  pdf.paragraph(L.programme.toUpperCase(), { style: 'bold', size: 12, align: 'center' })
  pdf.paragraph(edition.title, { style: 'bold', size: 26, align: 'center' })
  if (edition.theme) pdf.paragraph(edition.theme, { style: 'italic', size: 14, align: 'center' })
  pdf.space(24)
  pdf.paragraph(ctx.dates.range(edition.dates), { size: 13, align: 'center' })
  pdf.paragraph(`${edition.dayStarts}–${edition.dayEnds}`, { size: 11, align: 'center' })
  if (edition.venue) pdf.paragraph(edition.venue, { size: 13, align: 'center' })
  pdf.pageBreak()

  if (model.events.length === 0) {
    pdf.paragraph(L.noProgramme)
    return pdf.finish()
  }

  const speakerNames = (slot: ProgrammeModel['slots'][number]) => slot.session?.speakers.map((p) => p.name).join(', ') ?? ''

  // ---- timetable: per day, per room; breaks hold every room, so each room's table shows them ----
  for (const date of edition.dates) {
    const onDay = model.slots.filter((s) => s.date === date)
    if (onDay.length === 0) continue
    pdf.title(ctx.dates.day(date), [edition.title])
    for (const room of edition.rooms) {
      const rows = onDay.filter((s) => s.isBreak || s.room?.id === room.id)
      if (!rows.some((s) => !s.isBreak)) continue
      pdf.heading(room.name, 2)
      pdf.table(
        [
          { header: L.time, weight: 1.3 },
          { header: L.title, weight: 3.5 },
          { header: L.speakers, weight: 2.4 },
          { header: L.track, weight: 1.6 },
        ],
        rows.map((s) => [
          `${s.start}–${s.end}`,
          s.isBreak ? `${s.title} (${L.breakLabel})` : `${s.title}\n${L.types[s.session!.type]}`,
          speakerNames(s),
          s.track?.name ?? '',
        ]),
      )
    }
    pdf.pageBreak()
  }

  // ---- sessions ----
  pdf.title(L.sessions, [edition.title])
  for (const { session, slots } of model.scheduled) {
    pdf.heading(session.title, 2)
    pdf.keyValues([
      [L.type, L.types[session.type]],
      [L.track, slots[0]!.track?.name ?? ''],
      [L.when, slots.map((s) => `${ctx.dates.day(s.date)}, ${s.start}–${s.end}, ${s.room?.name ?? ''}`).join('\n')],
      [L.speakers, session.speakers.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join('\n')],
    ])
    if (session.abstract.trim()) pdf.markdown(session.abstract, 2)
    else pdf.paragraph(L.noAbstract, { style: 'italic' })
  }
  return pdf.finish()
}
