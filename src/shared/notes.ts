// Knowledge notes: Markdown written by the centre's people, linked to each other, to experiments
// and to machines, with an expert's "reviewed by" mark.
import { z } from 'zod'
import { personId } from './people'
import { tag } from './experiments'

export const NOTE_CATEGORIES = ['technique', 'material', 'safety', 'supplier', 'maintenance', 'teaching'] as const
export type NoteCategory = (typeof NOTE_CATEGORIES)[number]
export const NOTE_BODY_MAX = 200_000

export const noteId = z.int().positive()

export const noteContent = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(NOTE_BODY_MAX).default(''),
  category: z.enum(NOTE_CATEGORIES),
  tags: z.array(tag).max(20).default([]),
})
export type NoteContent = z.infer<typeof noteContent>

export const noteCreateInput = z.strictObject({ content: noteContent })
export const noteSaveInput = z.strictObject({ id: noteId, version: z.int().positive(), content: noteContent })
export const noteReviewInput = z.strictObject({ id: noteId, version: z.int().positive(), reviewed: z.boolean() })

const personRef = z.strictObject({ id: personId, name: z.string() })

export const note = z.strictObject({
  id: noteId,
  content: noteContent,
  author: personRef,
  reviewedBy: personRef.nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  version: z.int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Note = z.infer<typeof note>

export const noteListInput = z.strictObject({
  category: z.enum(NOTE_CATEGORIES).optional(),
  tag: tag.optional(),
  authorId: personId.optional(),
  reviewed: z.boolean().optional(),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
})

export const noteSummary = z.strictObject({
  id: noteId,
  title: z.string(),
  category: z.enum(NOTE_CATEGORIES),
  tags: z.array(z.string()),
  author: z.string(),
  reviewed: z.boolean(),
  updatedAt: z.iso.datetime(),
})

export const LINKABLE_KINDS = ['note', 'experiment', 'machine'] as const

/** Records that link here: shown in the backlinks panel of notes, experiments and machines. */
export const backlinksInput = z.strictObject({ kind: z.enum(LINKABLE_KINDS), id: z.int().positive() })
export const backlink = z.strictObject({ kind: z.enum(['note', 'experiment']), id: z.int().positive(), title: z.string() })

/** For `[[` autocomplete: notes whose title starts with (or contains) the typed text. */
export const noteTitlesInput = z.strictObject({ prefix: z.string().max(200), limit: z.int().min(1).max(20).default(8) })
export const noteTitle = z.strictObject({ id: noteId, title: z.string() })
