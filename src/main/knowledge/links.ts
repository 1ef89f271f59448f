// Links between records, kept in the `links` table: from wiki links in Markdown text and from
// explicit link lists. Backlinks read the table the other way round. A link to a note title that
// does not exist yet keeps the folded title and resolves once a note with that title exists.
import { findWikiLinks } from '../../shared/wikiLinks'
import type { Db } from '../db/database'
import { foldForSearch } from '../text'

export type LinkSource = 'experiment' | 'note'
export type LinkTarget = { kind: 'experiment' | 'note' | 'machine'; id: number } | { kind: 'note-title'; titleKey: string }

/** The folded form of a note title: how titles are compared (case, diacritics, spacing). */
export const titleKey = (title: string) => foldForSearch(title).replace(/\s+/g, ' ').trim()

export function linksInText(...texts: string[]): LinkTarget[] {
  return texts.flatMap((text) =>
    findWikiLinks(text).map((link): LinkTarget =>
      link.kind === 'note-title' ? { kind: 'note-title', titleKey: titleKey(link.target) } : { kind: link.kind, id: link.target },
    ),
  )
}

export function createLinks(db: Db) {
  const clear = db.prepare('DELETE FROM links WHERE from_kind = ? AND from_id = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO links (from_kind, from_id, to_kind, to_id, to_title_key) VALUES (?, ?, ?, ?, ?)')
  const incoming = db.prepare<{ kind: string; id: number; titleKey: string }, { kind: LinkSource; id: number; title: string }>(
    `SELECT DISTINCT l.from_kind AS kind, l.from_id AS id, coalesce(n.title, e.title) AS title
     FROM links l
     LEFT JOIN notes n ON l.from_kind = 'note' AND n.id = l.from_id
     LEFT JOIN experiments e ON l.from_kind = 'experiment' AND e.id = l.from_id
     WHERE ((l.to_kind = @kind AND l.to_id = @id) OR (@titleKey <> '' AND l.to_kind = 'note-title' AND l.to_title_key = @titleKey))
       AND NOT (l.from_kind = @kind AND l.from_id = @id)
     ORDER BY title COLLATE NOCASE`,
  )

  return {
    /** Replaces every link from this record. */
    replace(from: LinkSource, fromId: number, targets: LinkTarget[]) {
      clear.run(from, fromId)
      for (const t of targets) {
        if (t.kind === 'note-title') insert.run(from, fromId, 'note-title', 0, t.titleKey)
        else insert.run(from, fromId, t.kind, t.id, '')
      }
    },
    backlinks(kind: 'experiment' | 'note' | 'machine', id: number, noteTitleKey = '') {
      return incoming.all({ kind, id, titleKey: noteTitleKey })
    },
  }
}

export type Links = ReturnType<typeof createLinks>
