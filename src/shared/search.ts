// One search across the centre (Ctrl+K and the search page): the query both sides send and the hit
// the core returns. The index and the query language live in src/main/search (see docs/search.md).
//
// Snippets mark each match with two private-use characters: MATCH_START (U+E000) before it and
// MATCH_END (U+E001) after it. The core strips these characters from everything it indexes, so
// they only ever appear as markers. The renderer must NOT turn them into HTML (no v-html): split the
// string with `splitSnippet` and render the parts as text, the matched ones inside <mark>.
import { z } from 'zod'

export const SEARCH_KINDS = ['note', 'experiment', 'equipment', 'person', 'session'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** The outcomes the `outcome:` filter knows (an experiment's result). */
export const SEARCH_OUTCOMES = ['worked', 'partly', 'failed', 'inconclusive'] as const
export type SearchOutcome = (typeof SEARCH_OUTCOMES)[number]

export const SEARCH_QUERY_MAX = 200
export const SEARCH_LIMIT_MAX = 50
export const SEARCH_LIMIT_DEFAULT = 20

export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'

export const searchQueryInput = z.strictObject({
  q: z.string().max(SEARCH_QUERY_MAX),
  limit: z.int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
})
export type SearchQueryInput = z.input<typeof searchQueryInput>

export const searchResult = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  refId: z.int().positive(),
  title: z.string(),
  /** A dozen or so words around the match, matches between MATCH_START and MATCH_END. */
  snippet: z.string(),
  /** Relevance, higher is better; results already come in this order. */
  score: z.number(),
})
export type SearchResult = z.infer<typeof searchResult>

export interface SnippetPart {
  text: string
  match: boolean
}

/** Splits a snippet into plain and matched parts, for rendering as text (never as HTML). */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let rest = snippet
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START)
    if (start === -1) {
      parts.push({ text: rest, match: false })
      break
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false })
    const end = rest.indexOf(MATCH_END, start + 1)
    // A start without an end (cannot come from the core) highlights the rest rather than losing it.
    const stop = end === -1 ? rest.length : end
    const text = rest.slice(start + 1, stop)
    if (text) parts.push({ text, match: true })
    rest = end === -1 ? '' : rest.slice(end + 1)
  }
  return parts
}
