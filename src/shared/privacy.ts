// GDPR: everything about one person as a ZIP, erasure with statistics kept, retention of external
// symposium registrants' data. Spread into the contract with one line; see docs/privacy.md.
import { z } from 'zod'
import { exportedFile, exportLanguage } from './exchange'
import { NAME_MAX, personId, ROLES } from './people'

/** What happens to the texts an erased person wrote (docs/privacy.md, "Texts"). */
export const ERASE_TEXTS = ['keep', 'remove'] as const
export type EraseTexts = (typeof ERASE_TEXTS)[number]

export const personExportInput = z.strictObject({ personId })

export const personEraseInput = z.strictObject({
  personId,
  /** The person's name as the coordinator typed it, to confirm they mean this person. */
  confirmName: z.string().max(NAME_MAX + 20),
  texts: z.enum(ERASE_TEXTS),
  /** The language of the placeholder name ("Gewiste persoon 12" or "Erased person 12"). */
  language: exportLanguage,
})

/** How many rows an erasure or retention run changed, by what they were. */
export const privacyCounts = z.record(z.string().max(40), z.int().min(0))
export type PrivacyCounts = z.infer<typeof privacyCounts>

export const erasureResult = z.strictObject({
  personId,
  placeholder: z.string(),
  counts: privacyCounts,
})

export const privacyLogEntry = z.strictObject({
  id: z.int().positive(),
  kind: z.enum(['erasure', 'retention']),
  at: z.iso.datetime(),
  /** Who did it; null for the scheduled retention run. */
  actorId: personId.nullable(),
  personId: personId.nullable(),
  personRole: z.enum(ROLES).nullable(),
  texts: z.enum(ERASE_TEXTS).nullable(),
  counts: privacyCounts,
})
export type PrivacyLogEntry = z.infer<typeof privacyLogEntry>

export const retentionResult = z.strictObject({
  /** Registrations whose personal data was removed now. */
  registrations: z.int().min(0),
  editions: z.int().min(0),
})

export const privacyMethods = {
  'privacy.exportPerson': { input: personExportInput, output: exportedFile },
  'privacy.erasePerson': { input: personEraseInput, output: erasureResult },
  'privacy.log': { input: z.strictObject({ limit: z.int().min(1).max(500).default(100) }), output: z.array(privacyLogEntry) },
  'privacy.applyRetention': { input: z.strictObject({}), output: retentionResult },
} as const
