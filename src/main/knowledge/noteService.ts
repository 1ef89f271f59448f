// Knowledge notes: Markdown, categories, tags, links and backlinks, revisions, and the expert
// "reviewed by" mark. Owns `notes` and the note rows of `tags` and `links`. Notes are a shared
// wiki: any profile may write and edit; a review is by someone experienced other than the author,
// and it lapses when the text changes (the mark must speak for the text as it is).
import type { z } from 'zod'
import {
  noteContent,
  type Note,
  type NoteContent,
  type noteCreateInput,
  type noteListInput,
  type noteReviewInput,
  type noteSaveInput,
} from '../../shared/notes'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireActor } from '../permissions'
import { noteDocument, type Indexer } from '../search/searchDocuments'
import { escapeLike } from '../text'
import { linksInText, titleKey, type Links } from './links'
import type { Revisions } from './revisions'

interface NoteRow {
  id: number
  title: string
  title_key: string
  body: string
  category: NoteContent['category']
  author_id: number
  author_name: string
  reviewed_by: number | null
  reviewer_name: string | null
  reviewed_at: string | null
  version: number
  created_at: string
  updated_at: string
  tags: string | null
}

const REVIEWERS = ['coordinator', 'teacher', 'freelancer'] as const

export function createNoteService(db: Db, clock: Clock, revisions: Revisions, links: Links, index: Indexer = () => {}) {
  const selectById = db.prepare<[number], NoteRow>(
    `SELECT n.*, a.name AS author_name, r.name AS reviewer_name,
       (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.kind = 'note' AND t.ref_id = n.id) AS tags
     FROM notes n JOIN people a ON a.id = n.author_id LEFT JOIN people r ON r.id = n.reviewed_by WHERE n.id = ?`,
  )
  const selectByTitleKey = db.prepare<[string], { id: number }>('SELECT id FROM notes WHERE title_key = ?')
  const insertNote = db.prepare(
    `INSERT INTO notes (title, title_key, body, category, author_id, created_at, updated_at)
     VALUES (@title, @titleKey, @body, @category, @author, @now, @now)`,
  )
  const updateNote = db.prepare(
    `UPDATE notes SET title = @title, title_key = @titleKey, body = @body, category = @category,
       reviewed_by = CASE WHEN @keepReview = 1 THEN reviewed_by END, reviewed_at = CASE WHEN @keepReview = 1 THEN reviewed_at END,
       version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
  )
  const setReview = db.prepare(
    'UPDATE notes SET reviewed_by = @by, reviewed_at = @at, version = version + 1, updated_at = @now WHERE id = @id',
  )
  const deleteTags = db.prepare("DELETE FROM tags WHERE kind = 'note' AND ref_id = ?")
  const insertTag = db.prepare("INSERT OR IGNORE INTO tags (kind, ref_id, tag) VALUES ('note', ?, ?)")
  const titles = db.prepare<{ starts: string; contains: string; limit: number }, { id: number; title: string }>(
    `SELECT id, title FROM notes WHERE title_key LIKE @contains ESCAPE '\\'
     ORDER BY (title_key LIKE @starts ESCAPE '\\') DESC, title COLLATE NOCASE LIMIT @limit`,
  )

  function getRow(id: number): NoteRow {
    const row = selectById.get(id)
    if (!row) throw notFound('note', id)
    return row
  }

  /** Keeps the one search in step, in the same transaction as the write. */
  function indexed(note: Note): Note {
    index(noteDocument(note))
    return note
  }

  function toNote(row: NoteRow): Note {
    return {
      id: row.id,
      content: { title: row.title, body: row.body, category: row.category, tags: row.tags ? row.tags.split('\u001f').sort() : [] },
      author: { id: row.author_id, name: row.author_name },
      reviewedBy: row.reviewed_by === null ? null : { id: row.reviewed_by, name: row.reviewer_name! },
      reviewedAt: row.reviewed_at,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  function assertTitleFree(title: string, exceptId?: number) {
    const other = selectByTitleKey.get(titleKey(title))
    if (other && other.id !== exceptId)
      throw new AppError('CONFLICT', `A note called ${title} exists`, { reason: 'noteTitleTaken', title, noteId: other.id })
  }

  function writeChildren(id: number, content: NoteContent) {
    deleteTags.run(id)
    for (const t of new Set(content.tags)) insertTag.run(id, t)
    links.replace('note', id, linksInText(content.body))
  }

  const create = writeTransaction(db, (input: z.output<typeof noteCreateInput>, actor: Actor | null): Note => {
    requireActor(actor)
    assertTitleFree(input.content.title)
    const now = clock().toISOString()
    const c = input.content
    const id = Number(
      insertNote.run({ title: c.title, titleKey: titleKey(c.title), body: c.body, category: c.category, author: actor.id, now })
        .lastInsertRowid,
    )
    writeChildren(id, c)
    revisions.record('note', id, 1, c, actor.id, now)
    return indexed(toNote(getRow(id)))
  })

  function write(row: NoteRow, content: NoteContent, actor: Actor, note: string | null): Note {
    const now = clock().toISOString()
    const textChanged = content.title !== row.title || content.body !== row.body
    const changed = updateNote.run({
      id: row.id,
      version: row.version,
      title: content.title,
      titleKey: titleKey(content.title),
      body: content.body,
      category: content.category,
      keepReview: textChanged ? 0 : 1,
      now,
    })
    if (changed.changes !== 1) throw stale('note', row.id, getRow(row.id).version)
    writeChildren(row.id, content)
    revisions.record('note', row.id, row.version + 1, content, actor.id, now, note)
    return indexed(toNote(getRow(row.id)))
  }

  const save = writeTransaction(db, (input: z.output<typeof noteSaveInput>, actor: Actor | null): Note => {
    requireActor(actor)
    const row = getRow(input.id)
    // Saving over someone else's newer save would lose their text: refuse, the editor keeps ours.
    if (row.version !== input.version) throw stale('note', row.id, row.version)
    assertTitleFree(input.content.title, row.id)
    return write(row, input.content, actor, null)
  })

  const restore = writeTransaction(db, (input: { id: number; version: number; fromVersion: number }, actor: Actor | null): Note => {
    requireActor(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('note', row.id, row.version)
    const snapshot = revisions.snapshot('note', row.id, input.fromVersion)
    if (!snapshot) throw notFound('revision', input.fromVersion)
    const content = noteContent.parse(snapshot)
    assertTitleFree(content.title, row.id)
    return write(row, content, actor, `restored: ${input.fromVersion}`)
  })

  const review = writeTransaction(db, (input: z.output<typeof noteReviewInput>, actor: Actor | null): Note => {
    requireActor(actor)
    if (!(REVIEWERS as readonly string[]).includes(actor.role)) {
      throw new AppError('FORBIDDEN', 'Reviews are by teachers, freelancers and coordinators', { reason: 'reviewersOnly' })
    }
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('note', row.id, row.version)
    if (row.author_id === actor.id) throw new AppError('RULE', 'Someone other than the author reviews a note', { reason: 'ownNote' })
    const now = clock().toISOString()
    setReview.run({ id: row.id, by: input.reviewed ? actor.id : null, at: input.reviewed ? now : null, now })
    // The review is part of the note's history, so versions stay continuous and the list says who vouched.
    const content = toNote(row).content
    revisions.record('note', row.id, row.version + 1, content, actor.id, now, input.reviewed ? 'reviewed' : 'review withdrawn')
    return toNote(getRow(row.id))
  })

  function list(input: z.output<typeof noteListInput>) {
    return db
      .prepare<Record<string, unknown>, NoteRow>(
        `SELECT n.*, a.name AS author_name, NULL AS reviewer_name,
           (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.kind = 'note' AND t.ref_id = n.id) AS tags
         FROM notes n JOIN people a ON a.id = n.author_id
         WHERE (@category IS NULL OR n.category = @category)
           AND (@author IS NULL OR n.author_id = @author)
           AND (@reviewed IS NULL OR (n.reviewed_by IS NOT NULL) = @reviewed)
           AND (@tag IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.kind = 'note' AND t.ref_id = n.id AND t.tag = @tag))
         ORDER BY n.updated_at DESC, n.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({
        category: input.category ?? null,
        author: input.authorId ?? null,
        reviewed: input.reviewed === undefined ? null : input.reviewed ? 1 : 0,
        tag: input.tag ?? null,
        limit: input.limit,
        offset: input.offset,
      })
      .map((row) => ({
        id: row.id,
        title: row.title,
        category: row.category,
        tags: row.tags ? row.tags.split('\u001f').sort() : [],
        author: row.author_name,
        reviewed: row.reviewed_by !== null,
        updatedAt: row.updated_at,
      }))
  }

  function backlinks(kind: 'note' | 'experiment' | 'machine', id: number) {
    const key = kind === 'note' ? getRow(id).title_key : ''
    return links.backlinks(kind, id, key)
  }

  return {
    create,
    save,
    restore,
    review,
    list,
    backlinks,
    get: (id: number) => toNote(getRow(id)),
    revisions: (id: number) => (getRow(id), revisions.list('note', id)),
    titles(prefix: string, limit: number) {
      const key = escapeLike(titleKey(prefix))
      return titles.all({ starts: `${key}%`, contains: `%${key}%`, limit })
    },
  }
}

export type NoteService = ReturnType<typeof createNoteService>
