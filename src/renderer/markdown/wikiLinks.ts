// markdown-it plugin drawing wiki links (`[[Note title]]`, `[[experiment:42|shown text]]`, …) as
// links to the app's own hash routes. The syntax is src/shared/wikiLinks.ts's, so what the core
// stores as a note's links is what the reader sees as links. The plugin only emits tokens; the
// sanitiser in renderMarkdown.ts still checks every href it produces.
import type MarkdownIt from 'markdown-it'
import type { StateInline } from 'markdown-it'
import { parseWikiLinkAt, type WikiLink } from '../../shared/wikiLinks'

/** What the app knows about a link's target: whether it exists and, if so, its title. */
export interface WikiLinkResolution {
  exists: boolean
  title?: string
}

export type WikiLinkResolver = (link: WikiLink) => WikiLinkResolution

export interface WikiLinkPluginOptions {
  /** Used when a render does not pass its own resolver in `env.resolveWikiLink`. */
  resolve?: WikiLinkResolver
}

/** A markdown-it env carrying a resolver for one render. */
export interface WikiLinkEnv {
  resolveWikiLink?: WikiLinkResolver
}

export const WIKI_LINK_CLASS = 'wiki-link'
export const WIKI_LINK_MISSING_CLASS = 'wiki-link--missing'

/** The app route a wiki link points to, as an href for hash routing. */
export function wikiLinkHref(link: WikiLink): string {
  switch (link.kind) {
    case 'note-title':
      return `#/knowledge/notes/by-title/${encodeURIComponent(link.target)}`
    case 'note':
      return `#/knowledge/notes/${link.target}`
    case 'experiment':
      return `#/experiments/${link.target}`
    case 'machine':
      return `#/equipment/${link.target}`
  }
}

/** The text shown when the author gave none: the target's title if known, else what was typed. */
function shownText(link: WikiLink, resolution: WikiLinkResolution | null): string {
  if (link.label !== null) return link.label
  if (resolution?.title) return resolution.title
  return link.kind === 'note-title' ? link.target : `${link.kind}:${link.target}`
}

// markdown-it keeps the nesting depth of links on the inline state but its typings leave it out.
type InlineStateWithLinkLevel = StateInline & { linkLevel?: number }

export function wikiLinkPlugin(md: MarkdownIt, options: WikiLinkPluginOptions = {}): void {
  // Before `link`, so `[[Title]]` is never read as a reference link `[Title]` inside brackets.
  md.inline.ruler.before('link', 'wiki_link', (state: InlineStateWithLinkLevel, silent: boolean) => {
    const link = parseWikiLinkAt(state.src, state.pos)
    if (!link || state.pos + link.length > state.posMax) return false
    if (!silent) {
      const env = state.env as WikiLinkEnv | undefined
      const resolve = env?.resolveWikiLink ?? options.resolve
      const resolution = resolve ? resolve(link) : null
      const text = shownText(link, resolution)
      if ((state.linkLevel ?? 0) > 0) {
        // Inside `[…](url)` a second anchor cannot nest; the words stay, the outer link wins.
        state.pending += text
      } else {
        // Plain `link_open`/`link_close` so linkify and the renderer treat it as the link it is.
        const open = state.push('link_open', 'a', 1)
        open.attrSet('href', wikiLinkHref(link))
        open.attrSet('class', resolution && !resolution.exists ? `${WIKI_LINK_CLASS} ${WIKI_LINK_MISSING_CLASS}` : WIKI_LINK_CLASS)
        open.markup = 'wikilink'
        const content = state.push('text', '', 0)
        content.content = text
        const close = state.push('link_close', 'a', -1)
        close.markup = 'wikilink'
      }
    }
    state.pos += link.length
    return true
  })
}
