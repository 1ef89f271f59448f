// Wiki links in notes: `[[Note title]]`, `[[Note title|shown text]]`, `[[note:12]]`,
// `[[experiment:42]]`, `[[machine:7]]`. This module owns the syntax. The renderer's markdown-it
// plugin uses parseWikiLinkAt to draw the links; the core uses findWikiLinks to store a note's
// links and backlinks. Both must agree on what counts as a link, so the rules live here once.
// Pure string work: no DOM, no Node, no Markdown library.
//
// Rules, in short (docs/markdown.md has them for users):
// - `[[` opens and the first `]]` closes; inside there is no `[`, `]` or line break, so
//   `[[a [b] c]]` and a link spread over two lines are plain text.
// - The first `|` (or `\|`, as written inside a table cell) splits target and shown text; both are
//   trimmed. An empty target is no link, an empty shown text means "none".
// - `note:`, `notitie:`, `experiment:` or `machine:` followed by digits (case and spaces around
//   the colon do not matter) links by id; the id must be a positive safe integer, otherwise the
//   text is no link. Anything else is the title of a note.
// - findWikiLinks skips what Markdown shows literally: `\[[`, inline code and fenced code blocks.

export type WikiLinkKind = 'note-title' | 'note' | 'experiment' | 'machine'

interface WikiLinkBase {
  /** What the author wrote after `|`, trimmed; null when there was no (or an empty) shown text. */
  label: string | null
  /** Offset of the opening `[[` in the text that was searched. */
  index: number
  /** Characters from `[[` up to and including `]]`. */
  length: number
}

export type WikiLink =
  (WikiLinkBase & { kind: 'note-title'; target: string }) | (WikiLinkBase & { kind: 'note' | 'experiment' | 'machine'; target: number })

const OPEN = '[['
const CLOSE = ']]'
const BACKSLASH = 0x5c
const BACKTICK = 0x60
const NEWLINE = 0x0a

// Dutch spells experiment and machine the same way; `notitie` is the Dutch for note.
const ID_PREFIXES: Record<string, 'note' | 'experiment' | 'machine'> = {
  note: 'note',
  notitie: 'note',
  experiment: 'experiment',
  machine: 'machine',
}
const TYPED_TARGET = /^([a-z]+)[ \t]*:[ \t]*(\d+)$/i

/**
 * The wiki link whose `[[` starts exactly at `index` of `text`, or null. Does not look at what
 * comes before (escapes, code): that is the caller's business (markdown-it's or findWikiLinks').
 */
export function parseWikiLinkAt(text: string, index: number): WikiLink | null {
  if (!text.startsWith(OPEN, index)) return null
  const start = index + OPEN.length
  let end = start
  while (end < text.length) {
    const ch = text[end]
    if (ch === ']') break
    if (ch === '[' || ch === '\n' || ch === '\r') return null
    end++
  }
  if (!text.startsWith(CLOSE, end)) return null

  const inner = text.slice(start, end)
  const pipe = inner.indexOf('|')
  let rawTarget = pipe === -1 ? inner : inner.slice(0, pipe)
  if (pipe !== -1 && rawTarget.endsWith('\\')) rawTarget = rawTarget.slice(0, -1)
  const target = rawTarget.trim()
  if (target === '') return null
  const label = pipe === -1 ? null : inner.slice(pipe + 1).trim() || null
  const length = end + CLOSE.length - index

  const typed = TYPED_TARGET.exec(target)
  const kind = typed ? ID_PREFIXES[typed[1]!.toLowerCase()] : undefined
  if (typed && kind) {
    const id = Number(typed[2])
    // `[[experiment:0]]` or an id past 2^53 can never exist; showing it as text beats a dead link.
    if (!Number.isSafeInteger(id) || id < 1) return null
    return { kind, target: id, label, index, length }
  }
  return { kind: 'note-title', target, label, index, length }
}

/**
 * Every wiki link in a Markdown text, in order, with offsets into it. Skips escaped openings
 * (`\[[`), inline code and fenced code blocks, as the renderer shows those literally.
 * Indented code blocks and fences inside block quotes or deeper list items are not recognised:
 * a link written there is reported although the note shows it as text.
 */
export function findWikiLinks(markdown: string): WikiLink[] {
  const links: WikiLink[] = []
  let pos = 0
  while (pos < markdown.length) {
    if (pos === 0 || markdown.charCodeAt(pos - 1) === NEWLINE) {
      const afterFence = skipFencedBlock(markdown, pos)
      if (afterFence !== pos) {
        pos = afterFence
        continue
      }
    }
    const ch = markdown.charCodeAt(pos)
    if (ch === BACKSLASH) {
      // `\[` is a literal bracket; a backslash before a line break must not hide the next line's start.
      pos += markdown.charCodeAt(pos + 1) === NEWLINE ? 1 : 2
    } else if (ch === BACKTICK) {
      pos = skipCodeSpan(markdown, pos)
    } else if (markdown.startsWith(OPEN, pos)) {
      const link = parseWikiLinkAt(markdown, pos)
      if (link) links.push(link)
      pos += link ? link.length : 1
    } else {
      pos++
    }
  }
  return links
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\n]*)/

/** If a fenced code block opens at the line starting at `pos`, the offset after it; else `pos`. */
function skipFencedBlock(text: string, pos: number): number {
  const lineEnd = endOfLine(text, pos)
  const open = FENCE_OPEN.exec(text.slice(pos, lineEnd))
  if (!open) return pos
  const fence = open[1]!
  // CommonMark: a backtick fence's info string may not contain backticks (it is inline code then).
  if (fence[0] === '`' && open[2]!.includes('`')) return pos
  const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`)
  let line = lineEnd + 1
  while (line < text.length) {
    const next = endOfLine(text, line)
    if (closing.test(text.slice(line, next).replace(/\r$/, ''))) return next
    line = next + 1
  }
  // An unclosed fence runs to the end of the document.
  return text.length
}

/** Past the code span opening at `pos`, or past its backticks when no run of the same length closes it. */
function skipCodeSpan(text: string, pos: number): number {
  const openEnd = endOfRun(text, pos, BACKTICK)
  const size = openEnd - pos
  let search = openEnd
  while (search < text.length) {
    const ch = text.charCodeAt(search)
    if (ch === NEWLINE && isBlankFrom(text, search + 1)) break // spans end with their paragraph
    if (ch === BACKTICK) {
      const runEnd = endOfRun(text, search, BACKTICK)
      if (runEnd - search === size) return runEnd
      search = runEnd
    } else {
      search++
    }
  }
  return openEnd
}

function endOfRun(text: string, pos: number, code: number): number {
  let end = pos
  while (text.charCodeAt(end) === code) end++
  return end
}

function endOfLine(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos)
  return newline === -1 ? text.length : newline
}

/** True when the line starting at `pos` holds only spaces and tabs (or the text ends). */
function isBlankFrom(text: string, pos: number): boolean {
  let i = pos
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++
  return i >= text.length || text[i] === '\n'
}
