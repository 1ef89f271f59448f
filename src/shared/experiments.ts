// Experiments: the structured record of one trial at the centre, and its revisions.
import { z } from 'zod'
import { sha256 } from './attachments'
import { bookingId } from './bookings'
import { EQUIPMENT_KINDS, equipmentId } from './equipment'
import { personId } from './people'

export const OUTCOMES = ['worked', 'partly', 'failed', 'inconclusive'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const EXPERIMENT_STATUSES = ['draft', 'running', 'completed'] as const
export const PARTICIPANT_ROLES = ['student', 'teacher', 'freelancer', 'guest'] as const

export const experimentId = z.int().positive()
export const TEXT_MAX = 50_000
const longText = z.string().max(TEXT_MAX).default('')
const shortText = (max = 200) => z.string().trim().max(max).default('')

/** A machine setting: laser power 60 %, speed 20 mm/s, passes 2. Numbers are kept as numbers for the settings library. */
export const parameterRow = z.strictObject({
  name: z.string().trim().min(1).max(80),
  value: z.string().trim().min(1).max(80),
  unit: z.string().trim().max(20).default(''),
})

export const materialRow = z.strictObject({
  name: z.string().trim().min(1).max(120),
  supplier: shortText(120),
  batch: shortText(80),
  /** Thickness or size as people write it: "6 mm", "600 × 400 mm". */
  size: shortText(80),
})

export const participantRow = z.strictObject({ personId, role: z.enum(PARTICIPANT_ROLES) })

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .refine((t) => /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(t), { params: { reason: 'tagFormat' } })

/** Everything an author edits; a revision stores exactly this, so any two can be compared. */
export const experimentContent = z.strictObject({
  title: z.string().trim().min(1).max(200),
  question: longText,
  hypothesis: longText,
  method: longText,
  observations: longText,
  results: longText,
  conclusion: longText,
  outcome: z.enum(OUTCOMES).nullable().default(null),
  parameters: z.array(parameterRow).max(100).default([]),
  materials: z.array(materialRow).max(50).default([]),
  equipmentIds: z.array(equipmentId).max(20).default([]),
  bookingIds: z.array(bookingId).max(50).default([]),
  participants: z.array(participantRow).max(30).default([]),
  tags: z.array(tag).max(20).default([]),
  linkedExperimentIds: z.array(experimentId).max(50).default([]),
  linkedNoteIds: z.array(z.int().positive()).max(50).default([]),
  /** Photos and files, uploaded first through attachments.upload. */
  attachments: z
    .array(z.strictObject({ sha256, name: z.string().trim().min(1).max(200), caption: z.string().trim().max(500).default('') }))
    .max(50)
    .default([]),
})
export type ExperimentContent = z.infer<typeof experimentContent>

export const experimentCreateInput = z.strictObject({ content: experimentContent, templateId: z.int().positive().optional() })
export const experimentSaveInput = z.strictObject({ id: experimentId, version: z.int().positive(), content: experimentContent })
export const experimentStatusInput = z.strictObject({
  id: experimentId,
  version: z.int().positive(),
  status: z.enum(EXPERIMENT_STATUSES),
  /** Required to reopen a completed experiment; kept in its history. */
  reason: z.string().trim().min(1).max(500).optional(),
})

export const experiment = z.strictObject({
  id: experimentId,
  content: experimentContent,
  status: z.enum(EXPERIMENT_STATUSES),
  author: z.strictObject({ id: personId, name: z.string() }),
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Experiment = z.infer<typeof experiment>

export const experimentListInput = z.strictObject({
  status: z.enum(EXPERIMENT_STATUSES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  tag: tag.optional(),
  equipmentId: equipmentId.optional(),
  authorId: personId.optional(),
  /** Experiments whose work ran during this booking. */
  bookingId: bookingId.optional(),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
})

export const experimentSummary = z.strictObject({
  id: experimentId,
  title: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  outcome: z.enum(OUTCOMES).nullable(),
  tags: z.array(z.string()),
  author: z.string(),
  updatedAt: z.iso.datetime(),
})

/** One saved state of an experiment or note. */
export const revision = z.strictObject({
  version: z.int().positive(),
  author: z.string(),
  createdAt: z.iso.datetime(),
  /** Why this revision exists when it is not an ordinary save: reopened, restored. */
  note: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()),
})
export type Revision = z.infer<typeof revision>

/** The settings library: what others used on this material and machine kind, and how it went. */
export const settingsLibraryInput = z.strictObject({
  equipmentKind: z.enum(EQUIPMENT_KINDS).optional(),
  /** Part of a material name: "eiken" finds "Eiken multiplex". */
  material: z.string().trim().max(120).optional(),
  /** Thickness or size; compared by its number, so "6" matches "6 mm" but not "16 mm". */
  size: z.string().trim().max(40).optional(),
  outcomes: z.array(z.enum(OUTCOMES)).max(4).optional(),
  limit: z.int().min(1).max(500).default(200),
})

export const settingsLibraryRow = z.strictObject({
  experimentId,
  title: z.string(),
  outcome: z.enum(OUTCOMES).nullable(),
  status: z.enum(EXPERIMENT_STATUSES),
  materials: z.array(z.strictObject({ name: z.string(), size: z.string() })),
  parameters: z.array(z.strictObject({ name: z.string(), value: z.string(), number: z.number().nullable(), unit: z.string() })),
  updatedAt: z.iso.datetime(),
})
export type SettingsLibraryRow = z.infer<typeof settingsLibraryRow>
