// Exchange: experiments and notes out of Werkbank as Markdown and PDF, and experiments in and out
// as `.eln` (see docs/exchange.md). Owns no table: exports read through the services, imports write
// through them. bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { ExportedFile, ExportLanguage } from '../../shared/exchange'
import type { Clock } from '../clock'
import type { Handlers } from '../dispatcher'
import { requireActor } from '../permissions'
import { dateFormatter, LABELS } from './labels'
import { experimentMarkdown, noteMarkdown } from './markdownExport'
import { experimentPdf, notePdf, type PdfContext } from './pdfExport'
import { resolveExperiment, slug, type ExchangeSources } from './resolve'

export interface ExchangeDeps extends ExchangeSources {
  clock: Clock
  /** The centre's name and time zone, read at export time (settings can change). */
  centre: () => { centreName: string; timeZone: string }
}

type ExchangeMethod = 'exchange.experimentMarkdown' | 'exchange.experimentPdf' | 'exchange.noteMarkdown' | 'exchange.notePdf'

export function createExchangeHandlers(deps: ExchangeDeps): Pick<Handlers, ExchangeMethod> {
  function titleOf(kind: 'note' | 'experiment' | 'machine', id: number): string | null {
    try {
      if (kind === 'note') return deps.notes.get(id).content.title
      if (kind === 'experiment') return deps.experiments.get(id).content.title
      return deps.equipment.get(id).name
    } catch {
      return null
    }
  }

  function context(language: ExportLanguage): PdfContext {
    const { centreName, timeZone } = deps.centre()
    const dates = dateFormatter(language, timeZone)
    const labels = LABELS[language]
    return {
      labels,
      dates,
      clock: deps.clock,
      titleOf,
      generatedLine: labels.generated(centreName, dates.dateTime(deps.clock().toISOString())),
    }
  }

  const file = (filename: string, mediaType: string, bytes: Uint8Array | string): ExportedFile => ({
    filename,
    mediaType,
    dataBase64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64'),
  })

  const experimentName = (id: number, title: string) => `experiment-${id}-${slug(title)}`
  const noteName = (id: number, title: string, language: ExportLanguage) => `${language === 'en' ? 'note' : 'notitie'}-${id}-${slug(title)}`

  return {
    'exchange.experimentMarkdown': (input, ctx) => {
      requireActor(ctx.actor)
      const experiment = deps.experiments.get(input.id)
      const markdown = experimentMarkdown(resolveExperiment(deps, experiment), context(input.language))
      return file(`${experimentName(experiment.id, experiment.content.title)}.md`, 'text/markdown', markdown)
    },
    'exchange.experimentPdf': async (input, ctx) => {
      requireActor(ctx.actor)
      const experiment = deps.experiments.get(input.id)
      const bytes = await experimentPdf(resolveExperiment(deps, experiment), context(input.language))
      return file(`${experimentName(experiment.id, experiment.content.title)}.pdf`, 'application/pdf', bytes)
    },
    'exchange.noteMarkdown': (input, ctx) => {
      requireActor(ctx.actor)
      const note = deps.notes.get(input.id)
      return file(
        `${noteName(note.id, note.content.title, input.language)}.md`,
        'text/markdown',
        noteMarkdown(note, context(input.language)),
      )
    },
    'exchange.notePdf': async (input, ctx) => {
      requireActor(ctx.actor)
      const note = deps.notes.get(input.id)
      return file(
        `${noteName(note.id, note.content.title, input.language)}.pdf`,
        'application/pdf',
        await notePdf(note, context(input.language)),
      )
    },
  }
}
