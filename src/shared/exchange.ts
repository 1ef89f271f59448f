// Exchange: experiments and notes leave Werkbank as Markdown and printable PDF, and experiments
// travel to and from other lab notebooks (eLabFTW, RSpace, Kadi4Mat) as `.eln` files (the ELN
// Consortium's zipped RO-Crate). Spread into the contract with one line.
import { z } from 'zod'
import { ATTACHMENT_MAX_BYTES } from './attachments'
import { experimentId } from './experiments'
import { noteId } from './notes'

/** Largest `.eln` file an import takes: room for a few experiments with their photos. */
export const ELN_IMPORT_MAX_BYTES = 64 * 1024 * 1024
/** The same archive as base64 (4 characters per 3 bytes), as it crosses the transports. */
export const ELN_IMPORT_MAX_BASE64 = Math.ceil(ELN_IMPORT_MAX_BYTES / 3) * 4
/** Most experiments in one `.eln` export (the list screen shows at most this many). */
export const ELN_EXPORT_MAX_EXPERIMENTS = 500

const MIB = 1024 * 1024
/** What an `.eln` import accepts; anything beyond is refused before a byte is unpacked. */
export const ELN_IMPORT_LIMITS = {
  /** Files and folders in the archive. */
  entries: 1000,
  /** One unpacked file: the attachment store's own limit. */
  entryBytes: ATTACHMENT_MAX_BYTES,
  /** Everything unpacked together (held in memory until all of it has been checked). */
  totalBytes: 100 * MIB,
  /** Unpacked : packed, for files over 1 MiB; real photos and text stay far below, zip bombs far above. */
  ratio: 100,
  ratioFloorBytes: MIB,
  experiments: ELN_EXPORT_MAX_EXPERIMENTS,
} as const

/** The language of the words Werkbank adds to a document: headings, labels, dates. */
export const exportLanguage = z.enum(['nl', 'en']).default('nl')
export type ExportLanguage = z.infer<typeof exportLanguage>

/** A file made by the core, ready for the renderer to save: bytes cross the boundary as base64. */
export const exportedFile = z.strictObject({
  filename: z.string(),
  mediaType: z.string(),
  dataBase64: z.string(),
})
export type ExportedFile = z.infer<typeof exportedFile>

const experimentExportInput = z.strictObject({ id: experimentId, language: exportLanguage })
const noteExportInput = z.strictObject({ id: noteId, language: exportLanguage })

export const elnExportInput = z.strictObject({
  ids: z.array(experimentId).min(1).max(ELN_EXPORT_MAX_EXPERIMENTS),
  language: exportLanguage,
})

export const elnImportInput = z.strictObject({
  /** The file's own name, for the revision note and messages only. */
  filename: z.string().trim().min(1).max(200),
  /** A little over the limit passes here, so the core can refuse it with a clear reason (elnArchiveTooLarge). */
  dataBase64: z
    .string()
    .min(4)
    .max(ELN_IMPORT_MAX_BASE64 + 1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
})

export const elnImportResult = z.strictObject({
  experiments: z.array(z.strictObject({ id: experimentId, title: z.string() })),
  /** What could not come along: names without a match in this centre, files of a type Werkbank does not keep. */
  skipped: z.strictObject({
    participants: z.array(z.string()),
    machines: z.array(z.string()),
    /** Linked notes and experiments that are neither in this centre nor in the archive, by title. */
    links: z.array(z.string()),
    files: z.array(z.string()),
  }),
})
export type ElnImportResult = z.infer<typeof elnImportResult>

export const exchangeMethods = {
  'exchange.experimentMarkdown': { input: experimentExportInput, output: exportedFile },
  'exchange.experimentPdf': { input: experimentExportInput, output: exportedFile },
  'exchange.noteMarkdown': { input: noteExportInput, output: exportedFile },
  'exchange.notePdf': { input: noteExportInput, output: exportedFile },
  'exchange.elnExport': { input: elnExportInput, output: exportedFile },
  'exchange.elnImport': { input: elnImportInput, output: elnImportResult },
} as const
