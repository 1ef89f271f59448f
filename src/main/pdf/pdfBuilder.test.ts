import { PDFDocument, rgb } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { demoPhoto } from '../demo/demoCentre'
import { createPdfBuilder } from './pdfBuilder'
import { pdfPageTexts } from './pdfTestText'
import { toWinAnsi } from './winAnsi'

const clock = () => new Date('2026-03-02T08:00:00Z')
const open = (title = 'Lasertest eiken') =>
  createPdfBuilder({ title, clock, generatedLine: 'Gemaakt met Werkbank op 2 maart 2026', language: 'nl-NL' })
const lorem = 'Eiken multiplex van 6 mm, gesneden met 60 % vermogen en 20 mm/s. '.repeat(12)

describe('the PDF builder', () => {
  it('makes a PDF that pdf-lib reads back, with title, author and creation date', async () => {
    const pdf = await open('Proefje — “eiken” 😀')
    pdf.title().paragraph('Hallo')
    const bytes = await pdf.finish()
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    // Metadata is UTF-16: the title stays exactly as written, emoji included.
    expect(doc.getTitle()).toBe('Proefje — “eiken” 😀')
    expect(doc.getAuthor()).toBe('Werkbank')
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-02T08:00:00.000Z')
    const [page] = await pdfPageTexts(bytes)
    expect(page).toContain('Proefje - "eiken" ?')
    expect(page).toContain('1 / 1')
    expect(page).toContain('Gemaakt met Werkbank op 2 maart 2026')
  })

  it('adds pages as content grows, and numbers them n / N', async () => {
    const counts: number[] = []
    for (const paragraphs of [1, 10, 40]) {
      const pdf = await open()
      pdf.title()
      for (let i = 0; i < paragraphs; i++) pdf.paragraph(lorem)
      const bytes = await pdf.finish()
      counts.push((await PDFDocument.load(bytes)).getPageCount())
    }
    expect(counts[0]).toBe(1)
    expect(counts[1]).toBeGreaterThan(counts[0]!)
    expect(counts[2]).toBeGreaterThan(counts[1]!)
    const pdf = await open()
    for (let i = 0; i < 20; i++) pdf.paragraph(lorem)
    const texts = await pdfPageTexts(await pdf.finish())
    texts.forEach((text, i) => expect(text).toContain(`${i + 1} / ${texts.length}`))
  })

  it('repeats the header row of a table on every page it runs over', async () => {
    const pdf = await open()
    const rows = Array.from({ length: 120 }, (_, i) => [`Parameter ${i + 1}`, String(i * 5), 'mm/s'])
    pdf.table([{ header: 'Naam', weight: 3 }, { header: 'Waarde', align: 'right' }, { header: 'Eenheid' }], rows)
    const texts = await pdfPageTexts(await pdf.finish())
    expect(texts.length).toBeGreaterThan(2)
    for (const text of texts) expect(text.split('\n').filter((l) => l === 'Waarde')).toHaveLength(1)
    expect(texts.join('')).toContain('Parameter 120')
  })

  it('splits a table row taller than a page instead of looping or dropping it', async () => {
    const pdf = await open()
    pdf.table([{ header: 'Wat' }, { header: 'Toelichting', weight: 4 }], [['lang', lorem.repeat(12)]])
    const texts = await pdfPageTexts(await pdf.finish())
    expect(texts.length).toBeGreaterThan(1)
  })

  it('draws Markdown-ish text: headings, lists, bold, links', async () => {
    const pdf = await open()
    pdf.markdown(
      '# Werkwijze\n\nEerst **schuren** met *korrel 120*.\n\n- stap een\n- stap twee\n  vervolg\n1. genummerd\n\n> let op\n\nZie [de site](https://example.org) en [[Lasersnijden van eiken]].',
    )
    const [text] = await pdfPageTexts(await pdf.finish())
    for (const part of [
      'Werkwijze',
      'schuren',
      'korrel 120',
      'stap een',
      'stap twee',
      'vervolg',
      '1.',
      'genummerd',
      'let op',
      'de site (https://example.org)',
      '[[Lasersnijden van eiken]]',
    ])
      expect(text).toContain(part)
    expect(text).not.toContain('**')
  })

  it('embeds PNG photos scaled to fit, and writes a note for pictures it cannot read', async () => {
    const pdf = await open()
    await pdf.image(demoPhoto({ pattern: 'rings', from: [120, 80, 40], to: [200, 160, 110] }), { caption: 'Proefplaatje', minWidth: 300 })
    await pdf.image(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { caption: 'kapot.png' })
    await pdf.image(new Uint8Array([0x52, 0x49, 0x46, 0x46]), { caption: 'foto.webp' })
    const bytes = await pdf.finish()
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    const [text] = await pdfPageTexts(bytes)
    expect(text).toContain('Proefplaatje')
    expect(text).toContain('[kapot.png]')
    expect(text).toContain('[foto.webp]')
  })

  it('never throws on text the standard fonts cannot encode', async () => {
    const odd = [
      '😀🎉',
      'Łódź, Dvořák, Ærø, Øresund, İstanbul',
      '中文 العربية עברית',
      '\u0000\u0007\u001b[31m',
      '\ud800 lone surrogate',
      'a\u0301\u0302',
      '→ ≤ ≥ … – — ‘’ “” •',
      'x'.repeat(5000),
    ]
    const pdf = await open(odd.join(' '))
    pdf.title(odd[0], odd)
    pdf.heading(odd[1]!)
    for (const text of odd) pdf.paragraph(text).markdown(`**${text}** *${text}*`)
    pdf.bullets(odd)
    pdf.keyValues(odd.map((t) => [t, t]))
    pdf.table(
      [{ header: odd[2]! }, { header: odd[0]! }],
      odd.map((t) => [t, t]),
    )
    const bytes = await pdf.finish()
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0)
  })
})

describe('label sheets', () => {
  it('fill columns × rows per page from a fresh page, with cut lines, and send what follows to a new page', async () => {
    const pdf = await open()
    pdf.paragraph('Voorblad')
    const labels = Array.from({ length: 11 }, (_, i) => ({
      lines: [{ text: `Naam ${i + 1} met een heel lange achternaam die niet op een regel past`, size: 22, minSize: 12 }],
      band: { colour: rgb(0.2, 0.4, 0.8), text: 'STUDENT' },
    }))
    pdf.labelSheet(labels, { columns: 2, rows: 4 }).paragraph('Na de vellen')
    const texts = await pdfPageTexts(await pdf.finish())
    // The cover, two sheets (8 + 3), and the paragraph after them on its own page.
    expect(texts).toHaveLength(4)
    expect(texts[1]).toContain('Naam 8 ')
    expect(texts[1]).not.toContain('Naam 9 ')
    expect(texts[2]).toContain('Naam 11 ')
    expect(texts[1]!.split('\n').filter((l) => l === 'STUDENT')).toHaveLength(8)
    expect(texts[3]).toContain('Na de vellen')
  })

  it('centres text on request and leaves page numbers out when asked', async () => {
    const pdf = await createPdfBuilder({ title: 'Bewijs', clock, generatedLine: 'Gemaakt', pageNumbers: false })
    pdf.paragraph('Midden', { align: 'center' })
    const [text] = await pdfPageTexts(await pdf.finish())
    expect(text).toContain('Midden')
    expect(text).not.toContain('1 / 1')
  })
})

describe('toWinAnsi', () => {
  it('keeps Dutch and European letters', () => {
    expect(toWinAnsi('Coördinator, café, naïef, Zürich, señor, Škoda, œuvre, 20 €')).toBe(
      'Coördinator, café, naïef, Zürich, señor, Škoda, œuvre, 20 €',
    )
  })
  it('writes typographic characters the ASCII way', () => {
    expect(toWinAnsi('‘a’ “b” c–d—e… • → ≤')).toBe('\'a\' "b" c-d-e... * -> <=')
  })
  it('drops accents it cannot draw, and makes the rest a question mark', () => {
    expect(toWinAnsi('Dvořák Łódź')).toBe('Dvorák Lódz')
    expect(toWinAnsi('中😀')).toBe('??')
    expect(toWinAnsi('a\u0000b\u0007c')).toBe('abc')
    expect(toWinAnsi(null)).toBe('')
  })
})
