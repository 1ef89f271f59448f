// The log of erasures and retention runs (table `privacy_log`, migration 0130). It records who
// did what to whose record, by id and role, and how many rows changed: never a name, an e-mail
// address or a text, so the log itself needs no erasing.
import type { Role } from '../../shared/people'
import type { EraseTexts, PrivacyCounts, PrivacyLogEntry } from '../../shared/privacy'
import type { Db } from '../db/database'

interface LogRow {
  id: number
  kind: 'erasure' | 'retention'
  at: string
  actor_id: number | null
  person_id: number | null
  person_role: Role | null
  texts: EraseTexts | null
  counts: string
}

export function createPrivacyLog(db: Db) {
  const insert = db.prepare(
    `INSERT INTO privacy_log (kind, at, actor_id, person_id, person_role, texts, counts)
     VALUES (@kind, @at, @actorId, @personId, @personRole, @texts, @counts)`,
  )
  const selectRecent = db.prepare<[number], LogRow>('SELECT * FROM privacy_log ORDER BY id DESC LIMIT ?')

  return {
    record(entry: Omit<PrivacyLogEntry, 'id' | 'personId' | 'personRole' | 'texts'> & Partial<PrivacyLogEntry>) {
      insert.run({
        kind: entry.kind,
        at: entry.at,
        actorId: entry.actorId,
        personId: entry.personId ?? null,
        personRole: entry.personRole ?? null,
        texts: entry.texts ?? null,
        counts: JSON.stringify(entry.counts satisfies PrivacyCounts),
      })
    },
    recent(limit: number): PrivacyLogEntry[] {
      return selectRecent.all(limit).map((r) => ({
        id: r.id,
        kind: r.kind,
        at: r.at,
        actorId: r.actor_id,
        personId: r.person_id,
        personRole: r.person_role,
        texts: r.texts,
        counts: JSON.parse(r.counts) as PrivacyCounts,
      }))
    },
  }
}
