import { PDFDocument } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfPageTexts } from '../pdf/pdfTestText'
import { openExchangeCentre, type ExchangeCentre } from './exchangeFixture'

let centre: ExchangeCentre
beforeEach(async () => {
  centre = await openExchangeCentre()
})
afterEach(() => centre.core.cleanup())

const text = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64').toString('utf8')

describe('Markdown export', () => {
  it('writes every field of an experiment, parameters as a table and links as wiki links', async () => {
    const { experiment, laser, note } = centre
    const file = await centre.core.ok(centre.student.id, 'exchange.experimentMarkdown', { id: experiment.id, language: 'nl' })
    expect(file.mediaType).toBe('text/markdown')
    expect(file.filename).toBe(`experiment-${experiment.id}-lasertest-eiken-multiplex-6-mm-snel-of-traag.md`)
    const md = text(file)
    for (const part of [
      '# Lasertest eiken multiplex 6 mm — “snel” of traag?',
      '- **Status:** Afgerond',
      '- **Uitkomst:** Gelukt',
      '- **Auteur:** Gerrit Zzp',
      '- **Tags:** eiken, lasersnijden, multiplex',
      '## Vraag of doel\n\nWelke snelheid geeft een schone snede zonder verbranding?',
      '## Hypothese\n\nOnder 25 mm/s',
      '| Naam | Waarde | Eenheid |',
      '| Vermogen | 60 | % |',
      '| Snelheid | 20,5 | mm/s |',
      '| Passes | 2 |   |',
      '| Eiken multiplex | Houthandel Jansen | B-2026-11 | 6 mm |',
      '1. Proefstrook van 10 × 100 mm',
      'Bij 15 mm/s een bruine rand | rook.',
      '## Conclusie\n\nGebruik 20 mm/s bij 60 % vermogen.',
      '- Daan Student (Student)',
      '- Anouk Docent (Docent)',
      `[[machine:${laser.id}|Lasersnijder Trotec]]`,
      '[[experiment:1|Voorproef eiken 4 mm]]',
      `[[${note.content.title}]]`,
      '- snede-20mms.png — De snede bij 20 mm/s',
      '- metingen.csv',
      'Lasersnijder Trotec: 3 maart 2026 om 10:00 – 12:00',
    ])
      expect(md).toContain(part)
  })

  it('speaks English when asked', async () => {
    const md = text(await centre.core.ok(centre.student.id, 'exchange.experimentMarkdown', { id: centre.experiment.id, language: 'en' }))
    expect(md).toContain('- **Outcome:** Worked')
    expect(md).toContain('| Name | Value | Unit |')
    expect(md).toContain('made with Werkbank')
  })

  it('writes a note with its facts and its body untouched', async () => {
    const file = await centre.core.ok(centre.student.id, 'exchange.noteMarkdown', { id: centre.note.id, language: 'nl' })
    const md = text(file)
    expect(file.filename).toBe(`notitie-${centre.note.id}-lasersnijden-van-eiken.md`)
    expect(md).toContain('# Lasersnijden van eiken')
    expect(md).toContain('- **Categorie:** Techniek')
    expect(md).toContain('- **Gecontroleerd door:** Nog niet gecontroleerd')
    expect(md).toContain(centre.note.content.body)
  })

  it('refuses unknown records and callers without a profile', async () => {
    expect(await centre.core.as(centre.student.id, 'exchange.experimentMarkdown', { id: 999, language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await centre.core.as(null, 'exchange.notePdf', { id: centre.note.id, language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'profileRequired' } },
    })
  })
})

describe('PDF export', () => {
  it('prints an experiment with its tables, sections and photo', async () => {
    const file = await centre.core.ok(centre.student.id, 'exchange.experimentPdf', { id: centre.experiment.id, language: 'nl' })
    expect(file.mediaType).toBe('application/pdf')
    expect(file.filename.endsWith('.pdf')).toBe(true)
    const bytes = Buffer.from(file.dataBase64, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getTitle()).toBe(centre.experiment.content.title)
    expect(doc.getAuthor()).toBe('Werkbank')
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-02T08:00:00.000Z')
    // The photo is embedded as an image.
    expect(bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
    const all = (await pdfPageTexts(bytes)).join('\n')
    for (const part of [
      'Lasertest eiken multiplex 6 mm - "snel" of traag?',
      'Instellingen',
      'Vermogen',
      '20,5',
      'mm/s',
      'Houthandel Jansen',
      'Waarnemingen',
      'Zie Lasersnijden van eiken.',
      'Bestanden',
      'Daan Student (Student)',
      'snede-20mms.png: De snede bij 20 mm/s',
      'metingen.csv',
      'Voorproef eiken 4 mm (experiment 1)',
      '1 / ',
    ])
      expect(all).toContain(part)
  })

  it('prints a note', async () => {
    const file = await centre.core.ok(centre.student.id, 'exchange.notePdf', { id: centre.note.id, language: 'en' })
    const bytes = Buffer.from(file.dataBase64, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const all = (await pdfPageTexts(bytes)).join('\n')
    expect(all).toContain('Lasersnijden van eiken')
    expect(all).toContain('Knowledge note · Technique · eiken')
    expect(all).toContain('Vuistregels')
    expect(all).toContain('lage snelheid')
    // A wiki link by id shows the title it points at.
    expect(all).toContain('Zie Voorproef eiken 4 mm')
    expect(all).not.toContain('[[')
  })
})
