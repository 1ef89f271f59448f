// Revisions of experiments and notes: every save stores the whole document, so any two versions
// can be compared and an old one restored as a new revision. Owns the `revisions` table.
import type { Revision } from '../../shared/experiments'
import type { Db } from '../db/database'

export type RevisionKind = 'experiment' | 'note'

export function createRevisions(db: Db) {
  const insert = db.prepare(
    'INSERT INTO revisions (kind, ref_id, version, snapshot, author_id, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const selectAll = db.prepare<
    [RevisionKind, number],
    { version: number; snapshot: string; author: string; created_at: string; note: string | null }
  >(
    `SELECT r.version, r.snapshot, p.name AS author, r.created_at, r.note FROM revisions r JOIN people p ON p.id = r.author_id
     WHERE r.kind = ? AND r.ref_id = ? ORDER BY r.version DESC`,
  )
  const selectOne = db.prepare<[RevisionKind, number, number], { snapshot: string }>(
    'SELECT snapshot FROM revisions WHERE kind = ? AND ref_id = ? AND version = ?',
  )

  return {
    record(
      kind: RevisionKind,
      refId: number,
      version: number,
      snapshot: unknown,
      authorId: number,
      at: string,
      note: string | null = null,
    ) {
      insert.run(kind, refId, version, JSON.stringify(snapshot), authorId, at, note)
    },
    list(kind: RevisionKind, refId: number): Revision[] {
      return selectAll.all(kind, refId).map((r) => ({
        version: r.version,
        author: r.author,
        createdAt: r.created_at,
        note: r.note,
        snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
      }))
    },
    snapshot(kind: RevisionKind, refId: number, version: number): unknown | null {
      const row = selectOne.get(kind, refId, version)
      return row ? (JSON.parse(row.snapshot) as unknown) : null
    },
  }
}

export type Revisions = ReturnType<typeof createRevisions>
