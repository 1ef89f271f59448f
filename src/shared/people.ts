// People of the centre: the schemas that both the core and the renderer use.
import { z } from 'zod'

export const ROLES = ['coordinator', 'teacher', 'student', 'freelancer', 'guest'] as const
export type Role = (typeof ROLES)[number]

export const NAME_MAX = 120
export const EMAIL_MAX = 254
export const TEXT_FIELD_MAX = 120
export const SEARCH_MAX = 200

/** Empty strings from a form mean "no value"; stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

const optionalEmail = z
  .string()
  .trim()
  .max(EMAIL_MAX)
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null))
  .pipe(z.email().nullable())

export const personId = z.int().positive()

export const personFields = {
  name: z.string().trim().min(1).max(NAME_MAX),
  email: optionalEmail,
  role: z.enum(ROLES),
  trade: optionalText(TEXT_FIELD_MAX),
  organisation: optionalText(TEXT_FIELD_MAX),
}

export const personCreateInput = z.strictObject(personFields)

export const personUpdateInput = z.strictObject({
  id: personId,
  /** The version the editor started from; a newer one in the database refuses the save (STALE). */
  version: z.int().positive(),
  name: personFields.name.optional(),
  email: personFields.email.optional(),
  role: personFields.role.optional(),
  trade: personFields.trade.optional(),
  organisation: personFields.organisation.optional(),
})

export const personSetActiveInput = z.strictObject({
  id: personId,
  version: z.int().positive(),
  active: z.boolean(),
})

export const personListInput = z.strictObject({
  query: z.string().max(SEARCH_MAX).optional(),
  role: z.enum(ROLES).optional(),
  includeInactive: z.boolean().optional(),
  limit: z.int().min(1).max(1000).optional(),
  offset: z.int().min(0).optional(),
})

export const person = z.strictObject({
  id: personId,
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  trade: z.string().nullable(),
  organisation: z.string().nullable(),
  active: z.boolean(),
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: personId.nullable(),
})
export type Person = z.infer<typeof person>

export const personList = z.strictObject({
  items: z.array(person),
  total: z.int().min(0),
})
