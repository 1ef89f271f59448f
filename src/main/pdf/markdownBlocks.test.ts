import { describe, expect, it } from 'vitest'
import { createPdfBuilder } from './pdfBuilder'
import { pdfPageTexts } from './pdfTestText'
import { markdownBlocks } from './markdownBlocks'

describe('Markdown on paper', () => {
  it('reads tables with their alignment and escaped pipes', () => {
    const blocks = markdownBlocks(
      'Voor\n\n| Vermogen | Snelheid | Noot |\n| --- | ---: | --- |\n| 80 % | 12 mm/s | **door** |\n| 90 % | 20 mm/s | a \\| b |\n\nNa',
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Voor', style: 'regular' }] },
      {
        kind: 'table',
        header: ['Vermogen', 'Snelheid', 'Noot'],
        align: ['left', 'right', 'left'],
        rows: [
          ['80 %', '12 mm/s', 'door'],
          ['90 %', '20 mm/s', 'a | b'],
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'Na', style: 'regular' }] },
    ])
  })

  it('does not take a line with a pipe above a rule for a table', () => {
    expect(markdownBlocks('a | b\n\n---\n').map((b) => b.kind)).toEqual(['paragraph'])
  })

  it('draws a Markdown table as a table', async () => {
    const pdf = await createPdfBuilder({ title: 'T', clock: () => new Date('2026-03-02T08:00:00Z'), generatedLine: 'x' })
    pdf.markdown('| Vermogen | Snelheid |\n| --- | --- |\n| 80 % | 12 mm/s |')
    const [text] = await pdfPageTexts(await pdf.finish())
    expect(text).toContain('Vermogen\nSnelheid\n80 %\n12 mm/s')
    expect(text).not.toContain('|')
  })
})
