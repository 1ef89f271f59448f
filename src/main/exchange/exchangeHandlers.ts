// Exchange: experiments and notes out of Werkbank as Markdown and PDF, and experiments in and out
// as `.eln` (see docs/exchange.md). Owns no table: exports read through the services, imports write
// through them. bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import { ELN_IMPORT_MAX_BYTES, type ExportedFile, type ExportLanguage } from '../../shared/exchange'
import type { Clock } from '../clock'
import type { Handlers } from '../dispatcher'
import { AppError } from '../errors'
import { requireActor } from '../permissions'
import { buildEln } from './elnExport'
import { createElnImporter, readEln, type ImportServices } from './elnImport'
import { dateFormatter, LABELS } from './labels'
import { experimentMarkdown, noteMarkdown } from './markdownExport'
import { experimentPdf, notePdf, type PdfContext } from './pdfExport'
import { resolveExperiment, slug, type ExchangeSources } from './resolve'

export interface ExchangeDeps
  extends ExchangeSources, Omit<ImportServices, 'experiments' | 'attachments' | 'people' | 'equipment' | 'notes'> {
  experiments: ExchangeSources['experiments'] & ImportServices['experiments']
  attachments: ExchangeSources['attachments'] & ImportServices['attachments']
  people: ExchangeSources['people'] & ImportServices['people']
  equipment: ExchangeSources['equipment'] & ImportServices['equipment']
  notes: ExchangeSources['notes'] & ImportServices['notes']
  clock: Clock
  /** The centre's name and time zone, read at export time (settings can change). */
  centre: () => { centreName: string; timeZone: string }
}

type ExchangeMethod = Extract<keyof Handlers, `exchange.${string}`>

export function createExchangeHandlers(deps: ExchangeDeps): Pick<Handlers, ExchangeMethod> {
  const importEln = createElnImporter(deps)
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
    'exchange.elnExport': (input, ctx) => {
      requireActor(ctx.actor)
      const list = [...new Set(input.ids)].map((id) => resolveExperiment(deps, deps.experiments.get(id)))
      const { labels, clock } = context(input.language)
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: deps.centre().timeZone }).format(clock())
      const rootName =
        list.length === 1
          ? experimentName(list[0]!.experiment.id, list[0]!.experiment.content.title)
          : `werkbank-${input.language === 'en' ? 'experiments' : 'experimenten'}-${day}`
      const description = `${deps.centre().centreName} · Werkbank · ${day}`
      return file(`${rootName}.eln`, 'application/zip', buildEln(list, { clock, labels, rootName, description }))
    },
    'exchange.elnImport': (input, ctx) => {
      requireActor(ctx.actor)
      const bytes = Buffer.from(input.dataBase64, 'base64')
      if (bytes.length > ELN_IMPORT_MAX_BYTES) {
        throw new AppError('VALIDATION', `Archive over ${ELN_IMPORT_MAX_BYTES} bytes`, {
          reason: 'elnArchiveTooLarge',
          maximum: Math.round(ELN_IMPORT_MAX_BYTES / 1024 / 1024),
        })
      }
      // Everything is read and checked before the first write; a refusal leaves the centre as it was.
      const imported = readEln(bytes)
      return importEln(imported, input.filename, ctx.actor)
    },
  }
}
