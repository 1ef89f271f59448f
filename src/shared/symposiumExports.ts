// Symposium exports: the programme as a booklet (PDF), iCalendar per edition and per speaker, the
// frab/pretalx `schedule.xml` and the c3voc `schedule.json`, the attendee list (CSV), name badges and
// certificates of attendance (PDF). Spread into the contract with one line; see docs/symposia-exports.md.
import { z } from 'zod'
import { exportedFile, exportLanguage } from './exchange'
import { personId } from './people'
import { editionId, registrationId } from './symposia'

/** A text file made by the core (calendar, XML, JSON, CSV): it crosses as a string, not base64. */
export const exportedText = z.strictObject({
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
})
export type ExportedText = z.infer<typeof exportedText>

const editionExportInput = z.strictObject({ editionId, language: exportLanguage })

/** Where the programme is published, if anywhere: schedule files then link every event to it. */
const baseUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .optional()

export const scheduleExportInput = z.strictObject({ editionId, language: exportLanguage, baseUrl })

export const calendarExportInput = z.strictObject({
  editionId,
  /** One speaker's calendar (every slot of their sessions); without it, the whole programme. */
  speakerId: personId.optional(),
  language: exportLanguage,
})

export const certificatesInput = z.strictObject({
  editionId,
  /** One person's certificate; without it, everyone who checked in (staff), or the caller's own. */
  registrationId: registrationId.optional(),
  language: exportLanguage,
})

export const symposiumExportMethods = {
  'symposiumExports.booklet': { input: editionExportInput, output: exportedFile },
  'symposiumExports.calendar': { input: calendarExportInput, output: exportedText },
  'symposiumExports.scheduleXml': { input: scheduleExportInput, output: exportedText },
  'symposiumExports.scheduleJson': { input: scheduleExportInput, output: exportedText },
  'symposiumExports.attendeesCsv': { input: editionExportInput, output: exportedText },
  'symposiumExports.badges': { input: editionExportInput, output: exportedFile },
  'symposiumExports.certificates': { input: certificatesInput, output: exportedFile },
} as const
