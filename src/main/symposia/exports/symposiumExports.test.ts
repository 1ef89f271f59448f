// The symposium exports on a real programme built through the API: the booklet, badges and
// certificates are read back with pdf-lib, the calendars with ical.js, the CSV cell by cell; and
// who may export what.
import ICAL from 'ical.js'
import { PDFDocument } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfPageTexts } from '../../pdf/pdfTestText'
import { at } from '../../testing/fixtures'
import { tableChecksum } from '../../testing/testCore'
import { csvCell } from './attendeesCsv'
import { union } from './certificates'
import { DEMO_TITLE, FORMULA_NAME, openExportCentre, type ExportCentre } from './exportFixture'
import { NAMESPACE_URL, uuidV5 } from './uuid'

let centre: ExportCentre
let editionId: number
beforeEach(async () => {
  centre = await openExportCentre()
  editionId = centre.edition.id
})
afterEach(() => centre.core.cleanup())

const bytesOf = (file: { dataBase64: string }) => new Uint8Array(Buffer.from(file.dataBase64, 'base64'))
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))

describe('name-based UUIDs', () => {
  it('match the RFC 4122 version 5 values other implementations give', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') and uuid.uuid5(uuid.NAMESPACE_URL, 'http://example.org/').
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
    expect(uuidV5(NAMESPACE_URL, 'acct:a@b.example')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('the programme booklet', () => {
  it('has a cover, a timetable per day and room with the breaks, and every session with its abstract', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.booklet', { editionId, language: 'nl' })
    expect(file).toMatchObject({ filename: 'symposium-ambachtelijk-meubelmaken-2026-programma.pdf', mediaType: 'application/pdf' })
    const pages = await pdfPageTexts(bytesOf(file))
    expect(pages.length).toBeGreaterThanOrEqual(4)
    const [cover, thursday, friday] = pages
    // The big title wraps onto two lines.
    for (const part of [
      'PROGRAMMA',
      'Symposium Ambachtelijk\nMeubelmaken 2026',
      'Hout en laser',
      '16-17 april 2026',
      '09:00-17:30',
      'Werkplaats Noord',
    ])
      expect(cover).toContain(part)
    expect(thursday).toContain('donderdag 16 april 2026')
    for (const part of ['Aula', 'Werkplaats', 'Laserlab', '09:30-10:30', 'Hout in beweging', 'Anouk Docent', 'Techniek'])
      expect(thursday).toContain(part)
    expect(thursday).toContain('Lunch (pauze)')
    expect(thursday).toContain('Koffie (pauze)')
    expect(thursday).toContain('Laser & fineer <live>')
    expect(friday).toContain('vrijdag 17 april 2026')
    const sessions = pages.slice(3).join('')
    for (const part of ['Sessies', 'Zwaluwstaarten zagen', 'Jan Houtman (Houtwerk BV)', 'Met de hand, in eiken.', 'Demonstratie', 'hout'])
      expect(sessions).toContain(part)
    // Both runs of the keynote are listed under it.
    expect(sessions).toMatch(/donderdag 16 april 2026, 09:30-10:30, Aula\nvrijdag 17 april 2026, 09:30-10:30, Aula/)
  })

  it('speaks English on request', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.booklet', { editionId, language: 'en' })
    expect(file.filename).toMatch(/-programme\.pdf$/)
    const text = (await pdfPageTexts(bytesOf(file))).join('')
    for (const part of ['PROGRAMME', 'Lunch (break)', 'Sessions', 'Speakers', 'Demonstration']) expect(text).toContain(part)
    expect(text).toMatch(/Thursday,? 16 April 2026/)
    expect((await PDFDocument.load(bytesOf(file))).getSubject()).toBe('Programme')
  })
})

describe('iCalendar', () => {
  it('holds every session slot of the edition (not the breaks) in the centre’s zone, with stable UIDs', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.calendar', { editionId, language: 'nl' })
    expect(file).toMatchObject({ filename: 'symposium-ambachtelijk-meubelmaken-2026.ics', mediaType: 'text/calendar' })
    expect(file.content).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam')
    const list = events(file.content)
    expect(list.map((e) => e.summary).sort()).toEqual(
      ['De toekomst van het ambacht', 'Hout in beweging', 'Hout in beweging', DEMO_TITLE, 'Zwaluwstaarten zagen'].sort(),
    )
    const keynote = list.find((e) => e.startDate.toJSDate().toISOString() === at('2026-04-16 09:30'))!
    expect(keynote.summary).toBe('Hout in beweging')
    expect(keynote.startDate.zone?.tzid).toBe('Europe/Amsterdam')
    expect(keynote.endDate.toJSDate().toISOString()).toBe(at('2026-04-16 10:30'))
    expect(keynote.location).toBe('Aula, Werkplaats Noord')
    expect(keynote.description).toContain('Sprekers: Anouk Docent')
    expect(keynote.sequence).toBe(0)
    expect(new Set(list.map((e) => e.uid)).size).toBe(5)

    // Exported again: the same UIDs. Moved: same UID, SEQUENCE up, new time.
    const again = events((await centre.core.ok(centre.c, 'symposiumExports.calendar', { editionId, language: 'nl' })).content)
    expect(again.map((e) => e.uid).sort()).toEqual(list.map((e) => e.uid).sort())
    const slot = centre.programme.slots.find((s) => s.id === centre.slots.keynoteAgain)!
    const friday = list.find((e) => e.startDate.toJSDate().toISOString() === at('2026-04-17 09:30'))!
    await centre.core.ok(centre.c, 'programme.schedule', {
      sessionId: slot.sessionId!,
      roomId: centre.rooms.lab,
      startsAt: at('2026-04-17 14:00'),
      slotId: slot.id,
      version: slot.version,
    })
    const moved = events((await centre.core.ok(centre.c, 'symposiumExports.calendar', { editionId, language: 'nl' })).content).find(
      (e) => e.uid === friday.uid,
    )!
    expect(moved.sequence).toBe(friday.sequence + 1)
    expect(moved.startDate.toJSDate().toISOString()).toBe(at('2026-04-17 14:00'))
    expect(moved.location).toBe('Laserlab, Werkplaats Noord')
  })

  it('gives a speaker every slot of their own sessions, and only theirs', async () => {
    const file = await centre.core.ok(centre.speaker.id, 'symposiumExports.calendar', {
      editionId,
      speakerId: centre.speaker.id,
      language: 'en',
    })
    expect(file.filename).toBe('symposium-ambachtelijk-meubelmaken-2026-jan-houtman.ics')
    expect(file.content).toContain('X-WR-CALNAME:Jan Houtman — Symposium Ambachtelijk Meubelmaken 2026')
    expect(
      events(file.content)
        .map((e) => e.summary)
        .sort(),
    ).toEqual(['De toekomst van het ambacht', DEMO_TITLE, 'Zwaluwstaarten zagen'].sort())
    const teacher = await centre.core.ok(centre.coordinator.id, 'symposiumExports.calendar', {
      editionId,
      speakerId: centre.teacher.id,
      language: 'nl',
    })
    expect(events(teacher.content)).toHaveLength(4)
  })

  it('refuses someone else’s calendar and the whole programme to a non-organiser', async () => {
    const before = tableChecksum(centre.core.db)
    const other = await centre.core.as(centre.speaker.id, 'symposiumExports.calendar', {
      editionId,
      speakerId: centre.teacher.id,
      language: 'nl',
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'notYourCalendar' } } })
    const all = await centre.core.as(centre.student.id, 'symposiumExports.calendar', { editionId, language: 'nl' })
    expect(all).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'symposiumStaffOnly' } } })
    const unknown = await centre.core.as(centre.c, 'symposiumExports.calendar', { editionId: 999, language: 'nl' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })
})

describe('the attendee list', () => {
  it('is a semicolon CSV with a BOM, registered first then the waitlist, quoted and defused where needed', async () => {
    const file = await centre.core.ok(centre.teacher.id, 'symposiumExports.attendeesCsv', { editionId, language: 'nl' })
    expect(file).toMatchObject({ filename: 'symposium-ambachtelijk-meubelmaken-2026-deelnemers.csv', mediaType: 'text/csv' })
    expect(file.content.startsWith('\uFEFFNaam;E-mail;Rol;Organisatie;Dieetwensen;Status;')).toBe(true)
    const lines = file.content.slice(1).split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(lines).toHaveLength(1 + 4 + 1)
    const names = lines.slice(1, -1).map((l) => l.split(';')[0])
    // Registered (by name), then the waitlist; the cancelled registration is left out.
    expect(names).toEqual(['"\'=HYPERLINK(""http://evil.example"",""klik"")"', 'Anna de Vries', 'Daan Student', 'Cees Wachter'])
    const anna = lines.find((l) => l.startsWith('Anna'))!
    expect(anna).toContain(';"Meubelmakerij ""De Eik""";"vegetarisch; geen noten";Aangemeld;;')
    expect(anna).toContain(';2026-04-17;')
    expect(lines.find((l) => l.startsWith('Daan'))).toContain('Zwaluwstaarten zagen (16 april 2026 10:45)')
    expect(lines.find((l) => l.startsWith('Cees'))).toContain(';Wachtlijst;1;')
  })

  it('escapes cells by RFC 4180 and keeps spreadsheet formulas from running', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a;b')).toBe('"a;b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true)
    expect(csvCell(FORMULA_NAME).startsWith('"\'=')).toBe(true)
  })

  it('is for organisers only', async () => {
    const refused = await centre.core.as(centre.student.id, 'symposiumExports.attendeesCsv', { editionId, language: 'nl' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'symposiumStaffOnly' } } })
  })
})

describe('name badges', () => {
  it('print eight to an A4 sheet for everyone registered, with organisation and role', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.badges', { editionId, language: 'nl' })
    const doc = await PDFDocument.load(bytesOf(file))
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    const [text] = await pdfPageTexts(bytesOf(file))
    for (const part of ['Anna de Vries', 'Meubelmakerij "De Eik"', 'EXTERN', 'Daan Student', 'STUDENT', '=HYPERLINK('])
      expect(text).toContain(part)
    expect(text).not.toContain('Cees Wachter')
    expect(text).not.toContain('Dirk Weg')

    // Nine more attendees: seventeen badges take three sheets.
    const edition = await centre.core.ok(centre.c, 'symposia.get', { id: editionId })
    await centre.core.ok(centre.c, 'symposia.update', { id: editionId, version: edition.version, capacity: 100 })
    for (let i = 1; i <= 12; i++) {
      await centre.core.ok(centre.c, 'registrations.register', {
        editionId,
        attendee: { name: `Gast ${i}`, email: `gast${i}@example.org`, role: 'freelancer', organisation: null },
      })
    }
    const registered = (await centre.core.ok(centre.c, 'registrations.list', { editionId })).filter((r) => r.status === 'registered')
    const more = await centre.core.ok(centre.c, 'symposiumExports.badges', { editionId, language: 'en' })
    expect((await PDFDocument.load(bytesOf(more))).getPageCount()).toBe(Math.ceil(registered.length / 8))
    expect((await pdfPageTexts(bytesOf(more))).join('')).toContain('FREELANCER')
  })
})

describe('certificates of attendance', () => {
  it('count the union of the checked-in days’ sessions and checked-in workshops, breaks excluded', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.certificates', {
      editionId,
      registrationId: centre.people.daan.id,
      language: 'nl',
    })
    expect(file.filename).toBe('symposium-ambachtelijk-meubelmaken-2026-certificaat-daan-student.pdf')
    const [page, ...rest] = await pdfPageTexts(bytesOf(file))
    expect(rest).toEqual([])
    for (const part of [
      'BEWIJS VAN DEELNAME',
      'Daan Student',
      'heeft deelgenomen aan Symposium Ambachtelijk Meubelmaken 2026',
      'donderdag 16 april 2026',
    ])
      expect(page).toContain(part)
    // 09:30-10:30, 10:45-12:15 (workshop) with 11:00-11:45 inside it, 13:00-14:00: 210 minutes,
    // less the lunch from 12:00 that overlaps the workshop by 15: 3 hours 15 minutes.
    expect(page).toContain('3 uur en 15 minuten')
    for (const title of ['Hout in beweging', 'Zwaluwstaarten zagen', DEMO_TITLE, 'De toekomst van het ambacht'])
      expect(page).toContain(title)
    // Friday's keynote was not his day.
    expect(page).not.toContain('17 april 2026, 09:30')
    expect(page).toContain('Marieke Coördinator, coördinator')
    expect(page).not.toContain('1 / 1')
  })

  it('are one page per person who checked in for the organisers, in English on request', async () => {
    const file = await centre.core.ok(centre.teacher.id, 'symposiumExports.certificates', { editionId, language: 'en' })
    expect(file.filename).toMatch(/-certificate-all\.pdf$/)
    const pages = await pdfPageTexts(bytesOf(file))
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('Anna de Vries')
    expect(pages[0]).toContain('1 hour')
    expect(pages[0]).toMatch(/Friday,? 17 April 2026/)
    expect(pages[1]).toContain('Daan Student')
    expect(pages[1]).toContain('3 hours and 15 minutes')
    expect(pages[1]).toContain('CERTIFICATE OF ATTENDANCE')
  })

  it('are for the person themselves, never for someone who did not check in', async () => {
    const own = await centre.core.ok(centre.student.id, 'symposiumExports.certificates', { editionId, language: 'nl' })
    expect((await pdfPageTexts(bytesOf(own)))[0]).toContain('Daan Student')
    const before = tableChecksum(centre.core.db)
    const other = await centre.core.as(centre.student.id, 'symposiumExports.certificates', {
      editionId,
      registrationId: centre.people.anna.id,
      language: 'nl',
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'notYourRegistration' } } })
    const absent = await centre.core.as(centre.c, 'symposiumExports.certificates', {
      editionId,
      registrationId: centre.people.bram.id,
      language: 'nl',
    })
    expect(absent).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'certificateNotCheckedIn', name: FORMULA_NAME } } })
    const notRegistered = await centre.core.as(centre.freelancer.id, 'symposiumExports.certificates', { editionId, language: 'nl' })
    expect(notRegistered).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'notRegistered' } } })
    const elsewhere = await centre.core.as(centre.c, 'symposiumExports.certificates', {
      editionId: 999,
      registrationId: centre.people.daan.id,
      language: 'nl',
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })

  it('merge overlapping and touching times once', () => {
    expect(
      union([
        [5, 8],
        [1, 3],
        [3, 4],
        [6, 7],
      ]),
    ).toEqual([
      [1, 4],
      [5, 8],
    ])
  })
})

describe('who may export', () => {
  it('keeps the booklet, schedule files and badges to coordinators and teachers', async () => {
    for (const method of ['symposiumExports.booklet', 'symposiumExports.badges'] as const) {
      const refused = await centre.core.as(centre.student.id, method, { editionId, language: 'nl' })
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'symposiumStaffOnly' } } })
    }
    for (const method of ['symposiumExports.scheduleXml', 'symposiumExports.scheduleJson'] as const) {
      const refused = await centre.core.as(centre.speaker.id, method, { editionId, language: 'nl' })
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const noProfile = await centre.core.as(null, 'symposiumExports.certificates', { editionId, language: 'nl' })
    expect(noProfile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'profileRequired' } } })
  })
})
