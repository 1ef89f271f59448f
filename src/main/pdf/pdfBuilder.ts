// A small document builder on pdf-lib for everything Werkbank prints: experiments and notes now,
// later the symposium booklet, name badges, certificates and the learning portfolio. It flows
// content top to bottom over A4 pages (title, headings, Markdown-ish text, key-value lists, tables
// whose header repeats on every page, photos scaled to fit), breaks pages by itself and writes
// "n / N" and a generated-at line in every footer once the page count is known. Only the standard
// fonts are used, so every string goes through toWinAnsi first and odd input never throws.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib'
import type { Clock } from '../clock'
import { inlineRuns, markdownBlocks, type Run, type RunStyle } from './markdownBlocks'
import { toWinAnsi } from './winAnsi'

export const A4 = { width: 595.28, height: 841.89 } as const
export const MARGIN = { top: 56, right: 56, bottom: 64, left: 56 } as const
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
const BODY_SIZE = 10.5
const LEADING = 1.4

const COLOURS = {
  text: rgb(0.114, 0.129, 0.145),
  muted: rgb(0.341, 0.369, 0.4),
  accent: rgb(0.604, 0.29, 0.078),
  rule: rgb(0.878, 0.855, 0.816),
  headerFill: rgb(0.945, 0.929, 0.902),
}

export interface PdfBuilderOptions {
  /** Shown as the first heading by `title()` and stored as the document's metadata title. */
  title: string
  subject?: string
  keywords?: string[]
  /** BCP 47 language of the content, e.g. 'nl-NL'; screen readers use it. */
  language?: string
  clock: Clock
  /** The footer's left line, written by the caller in the reader's language ("Gemaakt op 2 maart 2026, 09:00"). */
  generatedLine: string
  /** "n / N" in every footer; off for documents whose pages stand alone (one certificate per person). */
  pageNumbers?: boolean
}

export interface TextOptions {
  style?: RunStyle
  size?: number
  colour?: RGB
  /** Extra left indent in points. */
  indent?: number
  /** Centred lines (a certificate's name); left by default. */
  align?: 'left' | 'center'
}

export interface LabelLine {
  text: string
  size?: number
  style?: RunStyle
  colour?: RGB
  /** A line too wide shrinks down to this size before it wraps; default: its own size (wrap at once). */
  minSize?: number
}

export interface Label {
  /** Drawn centred, the block centred vertically in the label. */
  lines: LabelLine[]
  /** A coloured strip along the label's foot with a word in it (a badge's role). */
  band?: { colour: RGB; text: string }
}

export interface LabelSheetOptions {
  columns: number
  rows: number
  /** Dashed lines along every label's edges, to cut along; default on. */
  cutLines?: boolean
}

export interface TableColumn {
  header: string
  /** Relative width: columns of weight 2 and 1 share the page width two to one. */
  weight?: number
  align?: 'left' | 'right'
}

export interface ImageOptions {
  caption?: string
  /** Tallest the image may be drawn, in points; photos are never scaled up. */
  maxHeight?: number
  /** Small pictures (a swatch, a logo) are drawn at least this wide, in points. */
  minWidth?: number
}

interface Piece {
  text: string
  font: PDFFont
}
interface Line {
  pieces: Piece[]
  width: number
}

export type PdfBuilder = Awaited<ReturnType<typeof createPdfBuilder>>

export async function createPdfBuilder(options: PdfBuilderOptions) {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const now = options.clock()
  // Metadata strings are UTF-16 in the PDF, so they keep the title exactly as written.
  doc.setTitle(options.title, { showInWindowTitleBar: true })
  doc.setAuthor('Werkbank')
  doc.setCreator('Werkbank')
  doc.setProducer('Werkbank (pdf-lib)')
  doc.setCreationDate(now)
  doc.setModificationDate(now)
  if (options.subject) doc.setSubject(options.subject)
  if (options.keywords?.length) doc.setKeywords(options.keywords)
  if (options.language) doc.setLanguage(options.language)

  const fonts: Record<RunStyle, PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  }

  let page: PDFPage = doc.addPage([A4.width, A4.height])
  /** Top of the next thing to draw. */
  let y = A4.height - MARGIN.top
  /** Called after a page break inside a table, to draw its header again. */
  let onNewPage: (() => void) | null = null

  function newPage() {
    page = doc.addPage([A4.width, A4.height])
    y = A4.height - MARGIN.top
    onNewPage?.()
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  function ensure(height: number) {
    if (y - height < MARGIN.bottom && y < A4.height - MARGIN.top) newPage()
  }

  /** Greedy line breaking over styled runs; words wider than the line are cut where they must be. */
  function wrap(runs: Run[], width: number, size: number): Line[] {
    const lines: Line[] = []
    let line: Line = { pieces: [], width: 0 }
    let space: PDFFont | null = null
    const append = (text: string, font: PDFFont, w: number) => {
      const last = line.pieces[line.pieces.length - 1]
      if (last && last.font === font) last.text += text
      else line.pieces.push({ text, font })
      line.width += w
    }
    const breakLine = () => {
      lines.push(line)
      line = { pieces: [], width: 0 }
      space = null
    }
    for (const run of runs) {
      const font = fonts[run.style]
      for (const token of toWinAnsi(run.text).split(/(\s+)/)) {
        if (token === '') continue
        if (/^\s+$/.test(token)) {
          const hardBreaks = token.split('\n').length - 1
          for (let i = 0; i < hardBreaks; i++) breakLine()
          if (!hardBreaks && line.pieces.length) space = font
          continue
        }
        let word = token
        let w = font.widthOfTextAtSize(word, size)
        const spaceWidth = space ? space.widthOfTextAtSize(' ', size) : 0
        if (line.pieces.length && line.width + spaceWidth + w > width) breakLine()
        else if (space) append(' ', space, spaceWidth)
        space = null
        while (w > width - line.width && word.length > 1) {
          let fit = 1
          while (fit < word.length && font.widthOfTextAtSize(word.slice(0, fit + 1), size) <= width - line.width) fit++
          if (line.pieces.length && fit <= 1) {
            breakLine()
            continue
          }
          append(word.slice(0, fit), font, font.widthOfTextAtSize(word.slice(0, fit), size))
          breakLine()
          word = word.slice(fit)
          w = font.widthOfTextAtSize(word, size)
        }
        append(word, font, w)
      }
    }
    if (line.pieces.length || lines.length === 0) lines.push(line)
    return lines
  }

  function drawLine(line: Line, x: number, top: number, size: number, colour: RGB) {
    let cursor = x
    const baseline = top - size
    for (const piece of line.pieces) {
      page.drawText(piece.text, { x: cursor, y: baseline, size, font: piece.font, color: colour })
      cursor += piece.font.widthOfTextAtSize(piece.text, size)
    }
  }

  function flow(runs: Run[], o: TextOptions & { after?: number; x?: number; width?: number } = {}) {
    const size = o.size ?? BODY_SIZE
    const x = (o.x ?? MARGIN.left) + (o.indent ?? 0)
    const width = (o.width ?? CONTENT_WIDTH) - (o.indent ?? 0)
    const lineHeight = size * LEADING
    for (const line of wrap(runs, width, size)) {
      ensure(lineHeight)
      drawLine(line, o.align === 'center' ? x + (width - line.width) / 2 : x, y, size, o.colour ?? COLOURS.text)
      y -= lineHeight
    }
    y -= o.after ?? size * 0.55
  }

  const builder = {
    /** The document's title and, below it, a few muted lines (author, dates, status). */
    title(text: string = options.title, subtitle: string[] = []) {
      flow([{ text, style: 'bold' }], { size: 20, colour: COLOURS.text, after: 4 })
      for (const line of subtitle) flow([{ text: line, style: 'regular' }], { size: 9.5, colour: COLOURS.muted, after: 1 })
      y -= 6
      page.drawLine({
        start: { x: MARGIN.left, y },
        end: { x: A4.width - MARGIN.right, y },
        thickness: 1.2,
        color: COLOURS.accent,
      })
      y -= 14
      return builder
    },

    heading(text: string, level: 1 | 2 | 3 = 1) {
      const size = level === 1 ? 14 : level === 2 ? 12 : BODY_SIZE
      // Keep a heading with at least two lines of what follows it.
      ensure(size * LEADING + BODY_SIZE * LEADING * 2 + 8)
      y -= level === 1 ? 8 : 4
      flow([{ text, style: 'bold' }], { size, colour: level === 1 ? COLOURS.accent : COLOURS.text, after: 3 })
      return builder
    },

    /** Plain text; line breaks in it are kept. */
    paragraph(text: string, o: TextOptions = {}) {
      if (text.trim() !== '') flow([{ text, style: o.style ?? 'regular' }], o)
      return builder
    },

    /** Markdown-ish text: paragraphs, lists, headings (drawn one level below `baseLevel`), bold and italic. */
    markdown(text: string, baseLevel: 1 | 2 = 2) {
      for (const block of markdownBlocks(text)) {
        if (block.kind === 'heading') builder.heading(block.text, Math.min(3, block.level + baseLevel - 1) as 1 | 2 | 3)
        else if (block.kind === 'paragraph') flow(block.runs)
        else if (block.kind === 'quote')
          flow(
            block.runs.map((r) => ({ ...r, style: 'italic' as const })),
            { indent: 14, colour: COLOURS.muted },
          )
        else if (block.kind === 'code') flow([{ text: block.lines.join('\n'), style: 'regular' }], { indent: 14, size: 9.5 })
        else if (block.kind === 'table')
          builder.table(
            block.header.map((header, i) => ({ header, align: block.align[i] })),
            block.rows,
          )
        else bullet(block.runs, block.marker, block.depth)
      }
      return builder
    },

    bullets(items: string[]) {
      for (const item of items) bullet(inlineRuns(item), '•', 0)
      y -= BODY_SIZE * 0.3
      return builder
    },

    /** Label and value pairs, labels in bold in a narrow first column. */
    keyValues(pairs: [string, string][]) {
      const labelWidth = Math.min(
        CONTENT_WIDTH * 0.35,
        Math.max(60, ...pairs.map(([label]) => fonts.bold.widthOfTextAtSize(toWinAnsi(label), BODY_SIZE) + 12)),
      )
      const lineHeight = BODY_SIZE * LEADING
      for (const [label, value] of pairs) {
        const labelLines = wrap([{ text: label, style: 'bold' }], labelWidth - 12, BODY_SIZE)
        const valueLines = wrap([{ text: value === '' ? '-' : value, style: 'regular' }], CONTENT_WIDTH - labelWidth, BODY_SIZE)
        for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
          ensure(lineHeight)
          if (labelLines[i]) drawLine(labelLines[i]!, MARGIN.left, y, BODY_SIZE, COLOURS.muted)
          if (valueLines[i]) drawLine(valueLines[i]!, MARGIN.left + labelWidth, y, BODY_SIZE, COLOURS.text)
          y -= lineHeight
        }
        y -= 2
      }
      y -= BODY_SIZE * 0.5
      return builder
    },

    /** A table with a shaded header row that repeats on every page the table runs over. */
    table(columns: TableColumn[], rows: string[][], o: { size?: number } = {}) {
      if (columns.length === 0) return builder
      const size = o.size ?? 9.5
      const pad = 4
      const lineHeight = size * 1.3
      const total = columns.reduce((sum, c) => sum + (c.weight ?? 1), 0)
      const widths = columns.map((c) => (CONTENT_WIDTH * (c.weight ?? 1)) / total)
      const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0))

      const cellLines = (cells: string[], style: RunStyle) =>
        columns.map((_, i) => wrap([{ text: cells[i] ?? '', style }], widths[i]! - 2 * pad, size))

      const drawRow = (lines: Line[][], from: number, count: number, header: boolean) => {
        const height = count * lineHeight + 2 * pad
        if (header) page.drawRectangle({ x: MARGIN.left, y: y - height, width: CONTENT_WIDTH, height, color: COLOURS.headerFill })
        lines.forEach((cell, c) => {
          for (let i = from; i < Math.min(cell.length, from + count); i++) {
            const line = cell[i]!
            const x = columns[c]!.align === 'right' ? xs[c]! + widths[c]! - pad - line.width : xs[c]! + pad
            drawLine(line, x, y - pad - (i - from) * lineHeight, size, COLOURS.text)
          }
        })
        y -= height
        page.drawLine({
          start: { x: MARGIN.left, y },
          end: { x: A4.width - MARGIN.right, y },
          thickness: header ? 0.9 : 0.5,
          color: header ? COLOURS.muted : COLOURS.rule,
        })
      }

      const headerLines = cellLines(
        columns.map((c) => c.header),
        'bold',
      )
      const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * pad
      const drawHeader = () => drawRow(headerLines, 0, Math.max(...headerLines.map((l) => l.length)), true)
      // The header never stands alone at the foot of a page.
      ensure(headerHeight + lineHeight + 2 * pad)
      drawHeader()
      onNewPage = drawHeader
      try {
        for (const row of rows) {
          const lines = cellLines(row, 'regular')
          const tallest = Math.max(...lines.map((l) => l.length))
          // Rows that fit on a page are never split; taller ones run over as many pages as they need.
          if (
            tallest * lineHeight + 2 * pad > y - MARGIN.bottom &&
            tallest * lineHeight + 2 * pad <= A4.height - MARGIN.top - MARGIN.bottom - headerHeight
          ) {
            newPage()
          }
          let from = 0
          while (from < tallest) {
            let fits = Math.floor((y - MARGIN.bottom - 2 * pad) / lineHeight)
            if (fits < 1) {
              newPage()
              fits = Math.max(1, Math.floor((y - MARGIN.bottom - 2 * pad) / lineHeight))
            }
            const count = Math.min(fits, tallest - from)
            drawRow(lines, from, count, false)
            from += count
          }
        }
      } finally {
        onNewPage = null
      }
      y -= BODY_SIZE * 0.8
      return builder
    },

    /** A JPEG or PNG, scaled down to the page width and `maxHeight`; anything else becomes a note in the text. */
    async image(bytes: Uint8Array, o: ImageOptions = {}) {
      let image: PDFImage | null = null
      try {
        if (bytes[0] === 0x89 && bytes[1] === 0x50) image = await doc.embedPng(bytes)
        else if (bytes[0] === 0xff && bytes[1] === 0xd8) image = await doc.embedJpg(bytes)
      } catch {
        image = null
      }
      if (!image) {
        flow([{ text: `[${o.caption || 'image'}]`, style: 'italic' }], { colour: COLOURS.muted })
        return builder
      }
      const maxHeight = Math.min(o.maxHeight ?? 320, A4.height - MARGIN.top - MARGIN.bottom - 40)
      const scale = Math.min(Math.max(1, (o.minWidth ?? 0) / image.width), CONTENT_WIDTH / image.width, maxHeight / image.height)
      const width = image.width * scale
      const height = image.height * scale
      const captionHeight = o.caption ? 9 * LEADING + 4 : 0
      ensure(height + captionHeight + 6)
      page.drawImage(image, { x: MARGIN.left, y: y - height, width, height })
      y -= height + 4
      if (o.caption) flow([{ text: o.caption, style: 'italic' }], { size: 9, colour: COLOURS.muted, after: 6 })
      y -= 8
      return builder
    },

    /**
     * A sheet of same-sized labels (name badges): `columns` × `rows` per A4 page inside the margins,
     * filled row by row from a fresh page, more pages as needed. Content after it starts on a new page.
     */
    labelSheet(labels: Label[], o: LabelSheetOptions) {
      if (labels.length === 0) return builder
      const top = A4.height - MARGIN.top
      const width = CONTENT_WIDTH / o.columns
      const height = (A4.height - MARGIN.top - MARGIN.bottom) / o.rows
      const perPage = o.columns * o.rows
      if (y < top) newPage()
      labels.forEach((label, i) => {
        const k = i % perPage
        if (k === 0 && i > 0) newPage()
        if (k === 0 && o.cutLines !== false) cutLines(o.columns, o.rows, width, height)
        drawLabel(label, MARGIN.left + (k % o.columns) * width, top - Math.floor(k / o.columns) * height, width, height)
      })
      // The sheet fills its page: whatever follows starts on the next one.
      y = MARGIN.bottom
      return builder
    },

    space(points = BODY_SIZE) {
      y -= points
      if (y < MARGIN.bottom) newPage()
      return builder
    },

    pageBreak() {
      if (y < A4.height - MARGIN.top) newPage()
      return builder
    },

    get pageCount() {
      return doc.getPageCount()
    },

    /** Writes every footer ("n / N" needs the final count) and returns the PDF's bytes. */
    async finish(): Promise<Uint8Array> {
      const pages = doc.getPages()
      const size = 8
      pages.forEach((p, i) => {
        const number = `${i + 1} / ${pages.length}`
        const numberWidth = fonts.regular.widthOfTextAtSize(number, size)
        const footerY = MARGIN.bottom - 30
        p.drawLine({
          start: { x: MARGIN.left, y: footerY + 12 },
          end: { x: A4.width - MARGIN.right, y: footerY + 12 },
          thickness: 0.5,
          color: COLOURS.rule,
        })
        const [left] = wrap(
          [{ text: options.generatedLine.replace(/\s+/g, ' '), style: 'regular' }],
          CONTENT_WIDTH - numberWidth - 16,
          size,
        )
        p.drawText(left!.pieces.map((piece) => piece.text).join(''), {
          x: MARGIN.left,
          y: footerY,
          size,
          font: fonts.regular,
          color: COLOURS.muted,
        })
        if (options.pageNumbers !== false) {
          p.drawText(number, { x: A4.width - MARGIN.right - numberWidth, y: footerY, size, font: fonts.regular, color: COLOURS.muted })
        }
      })
      return doc.save()
    },
  }

  /** Dashed lines on every edge of the grid, running a little past it so the cuts can be lined up. */
  function cutLines(columns: number, rows: number, width: number, height: number) {
    const top = A4.height - MARGIN.top
    const bottom = top - rows * height
    const overrun = 14
    const style = { thickness: 0.4, color: COLOURS.muted, dashArray: [3, 3] }
    for (let c = 0; c <= columns; c++) {
      const x = MARGIN.left + c * width
      page.drawLine({ start: { x, y: bottom - overrun }, end: { x, y: top + overrun }, ...style })
    }
    for (let r = 0; r <= rows; r++) {
      const ly = top - r * height
      page.drawLine({ start: { x: MARGIN.left - overrun, y: ly }, end: { x: MARGIN.left + columns * width + overrun, y: ly }, ...style })
    }
  }

  function drawLabel(label: Label, left: number, top: number, width: number, height: number) {
    const pad = 12
    const bandHeight = label.band ? 24 : 0
    if (label.band) {
      page.drawRectangle({ x: left + 0.5, y: top - height + 0.5, width: width - 1, height: bandHeight, color: label.band.colour })
      const text = toWinAnsi(label.band.text)
      const size = 10
      const textWidth = fonts.bold.widthOfTextAtSize(text, size)
      page.drawText(text, {
        x: left + (width - textWidth) / 2,
        y: top - height + 0.5 + (bandHeight - size * 0.7) / 2,
        size,
        font: fonts.bold,
        color: rgb(1, 1, 1),
      })
    }
    const inner = width - 2 * pad
    // Shrink a long name first (it should stay on one line), and wrap only what still does not fit.
    const laidOut = label.lines.flatMap((l) => {
      const font = fonts[l.style ?? 'regular']
      let size = l.size ?? BODY_SIZE
      const min = Math.min(size, l.minSize ?? size)
      while (size > min && font.widthOfTextAtSize(toWinAnsi(l.text), size) > inner) size = Math.max(min, size - 0.5)
      return wrap([{ text: l.text, style: l.style ?? 'regular' }], inner, size).map((line) => ({
        line,
        size,
        colour: l.colour ?? COLOURS.text,
      }))
    })
    const blockHeight = laidOut.reduce((sum, l) => sum + l.size * 1.25, 0)
    let lineTop = top - pad - Math.max(0, (height - bandHeight - 2 * pad - blockHeight) / 2)
    for (const { line, size, colour } of laidOut) {
      if (lineTop - size < top - height + bandHeight + 2) break
      drawLine(line, left + (width - line.width) / 2, lineTop, size, colour)
      lineTop -= size * 1.25
    }
  }

  function bullet(runs: Run[], marker: string, depth: number) {
    const indent = 14 + depth * 14
    const lines = wrap(runs, CONTENT_WIDTH - indent, BODY_SIZE)
    const lineHeight = BODY_SIZE * LEADING
    lines.forEach((line, i) => {
      ensure(lineHeight)
      if (i === 0) {
        if (marker === '•') page.drawCircle({ x: MARGIN.left + indent - 8, y: y - BODY_SIZE * 0.62, size: 1.6, color: COLOURS.text })
        else {
          const text = toWinAnsi(marker)
          page.drawText(text, {
            x: MARGIN.left + indent - 4 - fonts.regular.widthOfTextAtSize(text, BODY_SIZE),
            y: y - BODY_SIZE,
            size: BODY_SIZE,
            font: fonts.regular,
            color: COLOURS.text,
          })
        }
      }
      drawLine(line, MARGIN.left + indent, y, BODY_SIZE, COLOURS.text)
      y -= lineHeight
    })
    y -= 2
  }

  return builder
}
