// The little Markdown a printed page needs: headings, paragraphs, bullet and numbered lists, quotes,
// code blocks, and bold or italic words. Not a Markdown renderer (the screen has markdown-it); just
// enough that a note or a method reads well on paper. Anything it does not know stays as text.

export type RunStyle = 'regular' | 'bold' | 'italic'
export interface Run {
  text: string
  style: RunStyle
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'bullet'; marker: string; depth: number; runs: Run[] }
  | { kind: 'quote'; runs: Run[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'table'; header: string[]; align: ('left' | 'right')[]; rows: string[][] }

const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/
/** The line under a table's header: `| --- | ---: |`. */
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/

/** The cells of a table row; `\|` is a pipe inside a cell. */
function tableCells(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
  // Cells are drawn in one style: bold and italic markers go, their words stay.
  return cells.map((c) =>
    inlineRuns(c.trim().replace(/\\\|/g, '|'))
      .map((run) => run.text)
      .join(''),
  )
}

export function markdownBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  let quote: string[] = []
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', runs: inlineRuns(paragraph.join(' ')) })
    if (quote.length) blocks.push({ kind: 'quote', runs: inlineRuns(quote.join(' ')) })
    paragraph = []
    quote = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^\s*(```|~~~)/.test(line)) {
      flush()
      const code: string[] = []
      for (i++; i < lines.length && !/^\s*(```|~~~)/.test(lines[i]!); i++) code.push(lines[i]!)
      blocks.push({ kind: 'code', lines: code })
      continue
    }
    if (line.includes('|') && TABLE_RULE.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('|')) {
      flush()
      const header = tableCells(line)
      const align = tableCells(lines[i + 1]!).map(
        (rule) => (/-:$/.test(rule.trim()) && !/^:/.test(rule.trim()) ? 'right' : 'left') as 'left' | 'right',
      )
      const rows: string[][] = []
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== ''; i++) rows.push(tableCells(lines[i]!))
      i--
      blocks.push({ kind: 'table', header, align, rows })
      continue
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      flush()
      blocks.push({ kind: 'heading', level: Math.min(3, heading[1]!.length) as 1 | 2 | 3, text: plainText(heading[2]!) })
      continue
    }
    if (/^\s*([-*_]\s*){3,}$/.test(line) || line.trim() === '') {
      flush()
      continue
    }
    const bullet = BULLET.exec(line)
    if (bullet) {
      flush()
      const marker = /\d/.test(bullet[2]!) ? bullet[2]!.replace(')', '.') : '•'
      blocks.push({
        kind: 'bullet',
        marker,
        depth: Math.min(3, Math.floor(bullet[1]!.replace(/\t/g, '    ').length / 2)),
        runs: inlineRuns(bullet[3]!),
      })
      continue
    }
    const quoted = /^\s*>\s?(.*)$/.exec(line)
    if (quoted) {
      if (paragraph.length) flush()
      quote.push(quoted[1]!)
      continue
    }
    const last = blocks[blocks.length - 1]
    // An indented line right after a list item continues that item.
    if (!paragraph.length && !quote.length && last?.kind === 'bullet' && /^\s+\S/.test(line)) {
      last.runs.push({ text: ' ', style: 'regular' }, ...inlineRuns(line.trim()))
      continue
    }
    if (quote.length) flush()
    paragraph.push(line.trim())
  }
  flush()
  return blocks
}

/** Bold (`**x**`, `__x__`) and italic (`*x*`) spans; links keep their text and address. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = []
  const pattern = /\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: plainText(text.slice(last, match.index)), style: 'regular' })
    const bold = match[1] ?? match[2]
    runs.push({ text: plainText(bold ?? match[3]!), style: bold !== undefined ? 'bold' : 'italic' })
    last = match.index + match[0].length
  }
  if (last < text.length) runs.push({ text: plainText(text.slice(last)), style: 'regular' })
  return runs.filter((r) => r.text !== '')
}

/** Markdown punctuation a reader should not see on paper. */
export function plainText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_m, alt: string) => (alt ? `[${alt}]` : ''))
    .replace(/(?<!\[)\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
}
