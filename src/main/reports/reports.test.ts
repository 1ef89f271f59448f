// Every figure of the usage report against a small centre counted by hand (March and April 2025,
// Amsterdam), the period's rules, who may see it, and its CSV and XLSX files.
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toInstant } from '../../shared/calendarTime'
import { DEFAULT_BOOKING_RULES, type BookingRules } from '../../shared/equipment'
import { experimentContent } from '../../shared/experiments'
import type { ReportPeriod, UsageReport } from '../../shared/reports'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'

const ZONE = 'Europe/Amsterdam'
const t = (local: string) => toInstant(local.slice(0, 10), local.slice(11, 16), ZONE)
const MARCH_APRIL: ReportPeriod = { kind: 'range', from: '2025-03-01', to: '2025-04-30' }

const weekday = [{ from: '09:00', to: '17:00' }]
const LASER_RULES: BookingRules = {
  ...DEFAULT_BOOKING_RULES,
  openingHours: [weekday, weekday, weekday, weekday, weekday, [], []],
  closedDates: ['2025-03-05'],
}
const allDay = [{ from: '00:00', to: '24:00' }]
const PRINTER_RULES: BookingRules = { ...DEFAULT_BOOKING_RULES, openingHours: [allDay, allDay, allDay, allDay, allDay, allDay, allDay] }

interface Centre {
  core: TestCore
  ids: Record<'coordinator' | 'teacher' | 'student1' | 'student2' | 'freelancer' | 'guest' | 'laser' | 'printer', number>
}

async function openCentre(): Promise<Centre> {
  // Monday 2 March 2026: "last year" is 2025.
  const core = openTestCore({ clock: () => new Date('2026-03-02T08:00:00Z') })
  const c = (await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator', email: 'marieke@example.org' })).id
  const person = async (name: string, role: 'teacher' | 'student' | 'freelancer' | 'guest') =>
    (await core.ok(c, 'people.create', { name, role, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` })).id
  const ids = {
    coordinator: c,
    teacher: await person('Anouk Docent', 'teacher'),
    student1: await person('Daan Student', 'student'),
    student2: await person('Sara Student', 'student'),
    freelancer: await person('Gerrit Zzp', 'freelancer'),
    guest: await person('Gast Bezoeker', 'guest'),
    laser: (await core.ok(c, 'equipment.create', { name: 'Laser', kind: 'laser_cutter', status: 'available', rules: LASER_RULES })).id,
    printer: (
      await core.ok(c, 'equipment.create', { name: '=Printer("3D")', kind: 'printer_3d', status: 'available', rules: PRINTER_RULES })
    ).id,
  }
  const db = core.db
  const insertBooking = db.prepare(
    `INSERT INTO bookings (equipment_id, kind, person_id, booked_by, starts_at, ends_at, block_until, status, checked_in_at, checked_out_at,
       actual_minutes, created_at, updated_at)
     VALUES (@machine, @kind, @person, @bookedBy, @start, @end, @end, @status, @in, @out, @actual, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  )
  const participant = db.prepare('INSERT INTO booking_participants (booking_id, person_id) VALUES (?, ?)')
  const booking = (
    machine: number,
    person: number | null,
    from: string,
    to: string,
    status: string,
    extra: { in?: string; out?: string; actual?: number; with?: number[]; kind?: string } = {},
  ) => {
    const id = Number(
      insertBooking.run({
        machine,
        bookedBy: c,
        kind: extra.kind ?? 'use',
        person,
        start: t(from),
        end: t(to),
        status,
        in: extra.in ? t(extra.in) : null,
        out: extra.out ? t(extra.out) : null,
        actual: extra.actual ?? null,
      }).lastInsertRowid,
    )
    for (const p of extra.with ?? []) participant.run(id, p)
    return id
  }
  const { laser, printer, teacher, student1, student2, freelancer, guest } = ids
  // Laser, March: see the expectations below for what each one adds.
  booking(laser, student1, '2025-03-03 10:00', '2025-03-03 12:00', 'completed', {
    in: '2025-03-03 10:05',
    out: '2025-03-03 11:50',
    actual: 105,
    with: [freelancer],
  })
  booking(laser, freelancer, '2025-03-04 10:00', '2025-03-04 13:00', 'completed', { with: [student2] })
  booking(laser, c, '2025-03-06 09:00', '2025-03-06 10:00', 'completed', { in: '2025-03-06 09:00', out: '2025-03-06 10:00', actual: 60 })
  booking(laser, teacher, '2025-03-10 14:00', '2025-03-10 16:00', 'no_show')
  booking(laser, student2, '2025-03-11 09:00', '2025-03-11 11:00', 'cancelled', { with: [freelancer] })
  booking(laser, guest, '2025-03-13 09:00', '2025-03-13 10:30', 'checked_in', { in: '2025-03-13 09:00' })
  booking(laser, student1, '2025-03-14 09:00', '2025-03-14 10:00', 'confirmed')
  booking(laser, student1, '2025-04-01 10:00', '2025-04-01 11:00', 'requested')
  booking(laser, freelancer, '2025-04-02 09:00', '2025-04-02 11:00', 'completed', {
    in: '2025-04-02 09:00',
    out: '2025-04-02 11:00',
    actual: 120,
    with: [teacher],
  })
  booking(laser, null, '2025-02-28 20:00', '2025-03-03 12:00', 'confirmed', { kind: 'maintenance' })
  booking(laser, null, '2025-03-12 13:00', '2025-03-12 19:00', 'confirmed', { kind: 'maintenance' })
  booking(laser, null, '2025-03-19 09:00', '2025-03-19 17:00', 'cancelled', { kind: 'maintenance' })
  db.prepare('UPDATE equipment SET longest_block_minutes = 4000 WHERE id = ?').run(laser)
  // Printer: the night the clocks go forward (30 March 2025), 01:00 to 04:00 is two real hours.
  booking(printer, student2, '2025-03-30 01:00', '2025-03-30 04:00', 'completed')
  booking(printer, null, '2025-04-10 00:00', '2025-04-10 06:00', 'confirmed', { kind: 'maintenance' })
  // Outside the period.
  booking(printer, student1, '2025-02-28 10:00', '2025-02-28 11:00', 'completed')
  booking(printer, student1, '2025-05-01 00:00', '2025-05-01 01:00', 'no_show')

  const insertExperiment = db.prepare(
    `INSERT INTO experiments (title, content, outcome, status, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const experimentParticipant = db.prepare(
    "INSERT INTO experiment_participants (experiment_id, person_id, role) VALUES (?, ?, 'participant')",
  )
  const experiment = (author: number, createdAt: string, status: string, outcome: string | null, withIds: number[] = []) => {
    const id = Number(
      insertExperiment.run(
        'Proef',
        JSON.stringify(experimentContent.parse({ title: 'Proef', outcome })),
        outcome,
        status,
        author,
        createdAt,
        createdAt,
      ).lastInsertRowid,
    )
    for (const p of withIds) experimentParticipant.run(id, p)
  }
  experiment(student1, '2025-03-20T10:00:00.000Z', 'completed', 'worked', [freelancer])
  experiment(freelancer, '2025-03-21T10:00:00.000Z', 'completed', 'failed', [teacher])
  experiment(teacher, '2025-04-02T10:00:00.000Z', 'running', null, [student2, freelancer])
  experiment(student1, '2025-04-03T10:00:00.000Z', 'draft', null)
  experiment(freelancer, '2025-04-04T10:00:00.000Z', 'completed', null)
  experiment(student1, '2025-02-28T22:59:00.000Z', 'completed', 'worked', [freelancer]) // 23:59 on 28 February in Amsterdam
  experiment(student2, '2025-02-28T23:00:00.000Z', 'draft', null) // midnight: 1 March

  const insertNote = db.prepare(
    `INSERT INTO notes (title, title_key, body, category, author_id, reviewed_by, reviewed_at, created_at, updated_at)
     VALUES (@title, @title, '', 'technique', @author, @reviewer, @reviewedAt, @createdAt, @createdAt)`,
  )
  const note = (title: string, createdAt: string, reviewedAt: string | null = null) =>
    insertNote.run({ title, author: student1, reviewer: reviewedAt ? teacher : null, reviewedAt, createdAt })
  note('n1', '2025-03-05T10:00:00.000Z', '2025-04-10T10:00:00.000Z')
  note('n2', '2025-03-10T10:00:00.000Z')
  note('n3', '2025-01-10T10:00:00.000Z', '2025-03-15T10:00:00.000Z')
  note('n4', '2025-04-30T21:59:00.000Z') // 23:59 on 30 April in Amsterdam (summer time)
  note('n5', '2025-04-30T22:00:00.000Z') // 1 May

  const insertEdition = db.prepare(
    `INSERT INTO symposium_editions (title, starts_on, days, day_starts, day_ends, cfp_opens_on, cfp_closes_on, registration_opens_on,
       registration_closes_on, capacity, created_by, created_at, updated_at)
     VALUES (?, ?, 2, '09:00', '17:00', '2025-01-01', '2025-02-01', '2025-01-01', '2025-04-01', 100, ?, '2025-01-01', '2025-01-01')`,
  )
  const spring = Number(insertEdition.run('Lentesymposium', '2025-04-12', c).lastInsertRowid)
  const summer = Number(insertEdition.run('Zomersymposium', '2025-06-01', c).lastInsertRowid)
  const insertRegistration = db.prepare(
    `INSERT INTO symposium_registrations (edition_id, person_id, name, email, role, language, status, registered_at, waitlisted_at)
     VALUES (?, ?, ?, NULL, ?, 'nl', ?, '2025-03-01', NULL)`,
  )
  const checkIn = db.prepare(
    `INSERT INTO symposium_checkins (registration_id, day, checked_in_at, checked_in_by) VALUES (?, ?, '2025-04-12', ?)`,
  )
  const registration = (edition: number, person: number | null, role: string, status: string, days: string[] = []) => {
    const id = Number(insertRegistration.run(edition, person, 'Naam', role, status).lastInsertRowid)
    for (const day of days) checkIn.run(id, day, c)
  }
  registration(spring, student1, 'student', 'registered', ['2025-04-12'])
  registration(spring, student2, 'student', 'registered')
  registration(spring, freelancer, 'freelancer', 'registered', ['2025-04-12', '2025-04-13'])
  registration(spring, null, 'external', 'registered', ['2025-04-13'])
  registration(spring, null, 'external', 'waitlisted')
  registration(spring, teacher, 'teacher', 'cancelled')
  registration(spring, c, 'teacher', 'registered', ['2025-04-12'])
  registration(summer, student1, 'student', 'registered', ['2025-06-01'])
  return { core, ids }
}

describe('usage report', () => {
  let centre: Centre
  let report: UsageReport
  beforeEach(async () => {
    centre = await openCentre()
    report = await centre.core.ok(centre.ids.teacher, 'reports.usage', { period: MARCH_APRIL })
  })
  afterEach(() => centre.core.cleanup())

  const usage = (machine: number, month: string | null) =>
    report.usage.concat(report.usageTotals).find((r) => r.equipmentId === machine && r.month === month)!

  it('splits use per machine and month by role: actual time where checked in and out, else booked; coordinators count as teachers', () => {
    expect(report.months).toEqual(['2025-03', '2025-04'])
    // 105 actual (booked 120); 180 booked (no times); 60 actual (a coordinator); 90 booked (checked in, never out).
    expect(usage(centre.ids.laser, '2025-03').usedMinutes).toEqual({ student: 105, teacher: 60, freelancer: 180, guest: 90 })
    expect(usage(centre.ids.laser, '2025-03').totalMinutes).toBe(435)
    expect(usage(centre.ids.laser, '2025-04').usedMinutes).toEqual({ student: 0, teacher: 0, freelancer: 120, guest: 0 })
    expect(usage(centre.ids.laser, null).totalMinutes).toBe(555)
    // The DST night: 01:00 to 04:00 on 30 March 2025 lasted two hours.
    expect(usage(centre.ids.printer, '2025-03').usedMinutes.student).toBe(120)
    expect(usage(centre.ids.printer, '2025-04').totalMinutes).toBe(0)
  })

  it('measures opening hours without closed dates and maintenance, with the real length of a DST day', () => {
    // March: 21 weekdays, one closed (5 March): 160 h; maintenance takes 3 h on 3 March (from February) and
    // 4 h on 12 March (13:00-19:00, open until 17:00); a cancelled one takes nothing.
    expect(usage(centre.ids.laser, '2025-03').openMinutes).toBe(153 * 60)
    expect(usage(centre.ids.laser, '2025-03').share).toBeCloseTo(435 / (153 * 60), 10)
    expect(usage(centre.ids.laser, '2025-04').openMinutes).toBe(22 * 8 * 60)
    // Around the clock: March 2025 has 743 hours (the clocks went forward), April 720 less 6 h maintenance.
    expect(usage(centre.ids.printer, '2025-03').openMinutes).toBe(743 * 60)
    expect(usage(centre.ids.printer, '2025-04').openMinutes).toBe(714 * 60)
    expect(usage(centre.ids.printer, null).openMinutes).toBe((743 + 714) * 60)
  })

  it('counts a DST day in October as 25 hours', async () => {
    const october = await centre.core.ok(centre.ids.teacher, 'reports.usage', {
      period: { kind: 'range', from: '2025-10-26', to: '2025-10-26' },
    })
    expect(october.usage.find((r) => r.equipmentId === centre.ids.printer)!.openMinutes).toBe(25 * 60)
  })

  it('rates no-shows against the bookings that were due', () => {
    // Laser: 6 due in March (cancelled and requested ones were not), 1 in April; one no-show. Printer: 1 due.
    expect(report.noShows.find((r) => r.equipmentId === centre.ids.laser)).toEqual({
      equipmentId: centre.ids.laser,
      due: 7,
      noShows: 1,
      rate: 1 / 7,
    })
    expect(report.noShows.find((r) => r.equipmentId === centre.ids.printer)).toMatchObject({ due: 1, noShows: 0, rate: 0 })
    expect(report.noShows.at(-1)).toEqual({ equipmentId: null, due: 8, noShows: 1, rate: 1 / 8 })
  })

  it('finds co-creation: used bookings and started experiments where students and freelancers worked together', () => {
    expect(report.coCreation).toEqual([
      // March: 5 used bookings, 2 together (a student with a freelancer, a freelancer with a student; the
      // cancelled one does not count); 3 experiments started, 1 together.
      { month: '2025-03', bookings: 5, bookingsTogether: 2, experiments: 3, experimentsTogether: 1 },
      // April: a freelancer with a teacher is no mix; the teacher's experiment with a student and a freelancer is.
      { month: '2025-04', bookings: 1, bookingsTogether: 0, experiments: 3, experimentsTogether: 1 },
      { month: null, bookings: 6, bookingsTogether: 2, experiments: 6, experimentsTogether: 2 },
    ])
  })

  it('sorts the experiments started in the period by outcome', () => {
    expect(Object.fromEntries(report.outcomes.map((o) => [o.outcome, o.count]))).toEqual({
      worked: 1,
      partly: 0,
      failed: 1,
      inconclusive: 0,
      noOutcome: 1,
      running: 1,
      draft: 2,
    })
  })

  it('counts notes written and reviewed per local month', () => {
    expect(report.knowledge).toEqual([
      { month: '2025-03', notesWritten: 2, notesReviewed: 1, experimentsStarted: 3 },
      { month: '2025-04', notesWritten: 1, notesReviewed: 1, experimentsStarted: 3 },
      { month: null, notesWritten: 3, notesReviewed: 2, experimentsStarted: 6 },
    ])
  })

  it('counts symposium attendance by the registration’s role, externals included, each person once', () => {
    expect(report.symposia).toEqual([
      {
        editionId: expect.any(Number),
        title: 'Lentesymposium',
        startsOn: '2025-04-12',
        registered: { student: 2, teacher: 1, freelancer: 1, external: 1 },
        checkedIn: { student: 1, teacher: 1, freelancer: 1, external: 1 },
      },
    ])
  })

  it('holds no names or addresses, and keeps every figure when people are erased', async () => {
    const text = JSON.stringify(report)
    for (const word of ['Daan', 'Gerrit', 'example.org', 'Naam']) expect(text).not.toContain(word)
    // Erased through the privacy module, texts and all: the student and the freelancer who worked together.
    const { coordinator, student1, freelancer } = centre.ids
    for (const [personId, confirmName] of [
      [student1, 'Daan Student'],
      [freelancer, 'Gerrit Zzp'],
    ] as const) {
      await centre.core.ok(coordinator, 'privacy.erasePerson', { personId, confirmName, texts: 'remove', language: 'nl' })
    }
    const after = await centre.core.ok(centre.ids.teacher, 'reports.usage', { period: MARCH_APRIL })
    expect({ ...after, generatedAt: '' }).toEqual({ ...report, generatedAt: '' })
  })
})

describe('the period and who may ask', () => {
  let centre: Centre
  beforeEach(async () => (centre = await openCentre()))
  afterEach(() => centre.core.cleanup())

  it('resolves presets in the centre’s time zone against today', async () => {
    const range = async (preset: 'lastYear' | 'thisYear' | 'lastQuarter' | 'lastMonth') => {
      const r = await centre.core.ok(centre.ids.coordinator, 'reports.usage', { period: { kind: 'preset', preset } })
      return [r.from, r.to, r.months.length]
    }
    expect(await range('lastYear')).toEqual(['2025-01-01', '2025-12-31', 12])
    expect(await range('thisYear')).toEqual(['2026-01-01', '2026-03-02', 3])
    expect(await range('lastQuarter')).toEqual(['2025-10-01', '2025-12-31', 3])
    expect(await range('lastMonth')).toEqual(['2026-02-01', '2026-02-28', 1])
  })

  it('refuses a period that ends before it starts, is too long, reaches past today or is no date', async () => {
    const before = tableChecksum(centre.core.db)
    const refuse = async (period: ReportPeriod) => {
      const result = await centre.core.as(centre.ids.coordinator, 'reports.usage', { period })
      expect(result.ok).toBe(false)
      return result.ok ? null : result.error
    }
    expect((await refuse({ kind: 'range', from: '2025-03-02', to: '2025-03-01' }))!.details).toMatchObject({ reason: 'periodOrder' })
    expect((await refuse({ kind: 'range', from: '2023-01-01', to: '2025-01-01' }))!.details).toMatchObject({
      reason: 'periodTooLong',
      days: 732,
      max: 731,
    })
    expect((await refuse({ kind: 'range', from: '2026-03-01', to: '2026-03-03' }))!.details).toMatchObject({ reason: 'periodInFuture' })
    expect((await refuse({ kind: 'range', from: '2025-02-30', to: '2025-03-03' }))!.code).toBe('VALIDATION')
    // Two years to the day fit.
    await centre.core.ok(centre.ids.coordinator, 'reports.usage', { period: { kind: 'range', from: '2023-01-01', to: '2024-12-31' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })

  it('shows reports to coordinators and teachers only', async () => {
    for (const id of [centre.ids.student1, centre.ids.freelancer, centre.ids.guest]) {
      for (const call of [
        centre.core.as(id, 'reports.usage', { period: MARCH_APRIL }),
        centre.core.as(id, 'reports.export', { period: MARCH_APRIL, format: 'xlsx', language: 'nl' }),
      ]) {
        const result = await call
        expect(result.ok ? null : [result.error.code, result.error.details?.reason]).toEqual(['FORBIDDEN', 'managersOnly'])
      }
    }
    const anonymous = await centre.core.as(null, 'reports.usage', { period: MARCH_APRIL })
    expect(anonymous.ok ? null : anonymous.error.details?.reason).toBe('profileRequired')
  })
})

describe('report files', () => {
  let centre: Centre
  beforeEach(async () => (centre = await openCentre()))
  afterEach(() => centre.core.cleanup())

  const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))

  it('writes each table as CSV: BOM, semicolons, decimal commas in Dutch, formulas defused', async () => {
    const file = await centre.core.ok(centre.ids.teacher, 'reports.export', {
      period: MARCH_APRIL,
      format: 'csv',
      table: 'usage',
      language: 'nl',
    })
    expect(file.filename).toBe('rapportage-gebruik-2025-03-01-2025-04-30.csv')
    expect(file.mediaType).toBe('text/csv')
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'Maand;Studenten (uur);Docenten en coördinatoren (uur);Zzp’ers (uur);Gasten (uur);Totaal (uur);Openingsuren (uur);Aandeel (%)'.replace(
        /^/,
        'Machine;',
      ),
    )
    // The printer sorts first ('=' before 'L'); its name starts with '=' and holds quotes.
    expect(lines[1]).toBe(`"'=Printer(""3D"")";2025-03;2,00;0,00;0,00;0,00;2,00;743,00;0,3`)
    expect(lines).toContain('Laser;2025-03;1,75;1,00;3,00;1,50;7,25;153,00;4,7')
    expect(lines).toContain('Laser;Hele periode;1,75;1,00;5,00;1,50;9,25;329,00;2,8')

    const english = await centre.core.ok(centre.ids.teacher, 'reports.export', {
      period: MARCH_APRIL,
      format: 'csv',
      table: 'noShows',
      language: 'en',
    })
    expect(english.filename).toBe('report-no-shows-2025-03-01-2025-04-30.csv')
    expect(Buffer.from(english.dataBase64, 'base64').toString('utf8')).toBe(
      `\uFEFFMachine;Bookings due;No-shows;No-show rate (%)\r\n"'=Printer(""3D"")";1;0;0.0\r\nLaser;7;1;14.3\r\nAll machines;8;1;12.5\r\n`,
    )
  })

  it('writes one XLSX workbook with a sheet per table: well-formed parts, numbers as numbers', async () => {
    const file = await centre.core.ok(centre.ids.teacher, 'reports.export', { period: MARCH_APRIL, format: 'xlsx', language: 'en' })
    expect(file.filename).toBe('report-2025-03-01-2025-04-30.xlsx')
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const parts = unzipSync(decode(file.dataBase64))
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
      'xl/worksheets/sheet6.xml',
    ])
    const { window } = new JSDOM('')
    const xml = (name: string) => {
      const doc = new window.DOMParser().parseFromString(strFromU8(parts[name]!), 'application/xml')
      expect(doc.getElementsByTagName('parsererror'), name).toHaveLength(0)
      return doc
    }
    for (const name of Object.keys(parts)) xml(name)
    const sheets = [...xml('xl/workbook.xml').getElementsByTagName('sheet')].map((s) => s.getAttribute('name'))
    expect(sheets).toEqual(['Use', 'No-shows', 'Co-creation', 'Outcomes', 'Knowledge', 'Symposium'])

    // Cells by reference: text inline, numbers in <v> with a number style.
    const cells = (sheet: number) => {
      const out = new Map<string, { value: string; type: string | null; style: string | null }>()
      for (const c of xml(`xl/worksheets/sheet${sheet}.xml`).getElementsByTagName('c')) {
        out.set(c.getAttribute('r')!, { value: c.textContent ?? '', type: c.getAttribute('t'), style: c.getAttribute('s') })
      }
      return out
    }
    const use = cells(1)
    expect(use.get('A1')).toMatchObject({ value: 'Machine', type: 'inlineStr' })
    expect(use.get('A2')).toMatchObject({ value: '=Printer("3D")', type: 'inlineStr' }) // text, never a formula
    expect(use.get('C2')).toMatchObject({ value: '2', type: null }) // printer, March, students: 2 h
    const laserMarch = [...use.entries()].find(([, c]) => c.value === 'Laser')![0].slice(1)
    expect(use.get(`B${laserMarch}`)!.value).toBe('2025-03')
    expect(use.get(`C${laserMarch}`)).toMatchObject({ value: '1.75', type: null })
    expect(use.get(`I${laserMarch}`)!.value).toBe(String(435 / (153 * 60)))
    const noShows = cells(2)
    expect(noShows.get('A4')!.value).toBe('All machines')
    expect([noShows.get('B4')!.value, noShows.get('C4')!.value, noShows.get('D4')!.value]).toEqual(['8', '1', '0.125'])
    const symposium = cells(6)
    expect([symposium.get('A2')!.value, symposium.get('B2')!.value, symposium.get('G2')!.value, symposium.get('H2')!.value]).toEqual([
      'Lentesymposium',
      '2025-04-12',
      '4',
      '5',
    ])
  })
})

describe('migration 0125', () => {
  it('gives the report’s year-long reads indexes that hold everything they read', () => {
    const core = openTestCore()
    try {
      const plan = (sql: string) =>
        core.db
          .prepare('EXPLAIN QUERY PLAN ' + sql)
          .all({ start: 0, end: 1, now: 1 })
          .map((r) => (r as { detail: string }).detail)
          .join(' | ')
      expect(
        plan(
          `SELECT b.equipment_id, b.person_id, b.status, COUNT(*), SUM(b.ends_at - b.starts_at), SUM(b.actual_minutes), SUM(b.checked_in_at)
           FROM bookings b WHERE b.starts_at >= @start AND b.starts_at < @end AND b.kind <> 'maintenance' GROUP BY 1, 2, 3`,
        ),
      ).toContain('COVERING INDEX bookings_report')
      expect(plan('SELECT status, outcome, author_id FROM experiments WHERE created_at >= @start AND created_at < @end')).toContain(
        'COVERING INDEX experiments_created',
      )
      expect(plan('SELECT created_at FROM notes WHERE created_at >= @start AND created_at < @end')).toContain(
        'COVERING INDEX notes_created',
      )
      expect(plan('SELECT reviewed_at FROM notes WHERE reviewed_at >= @start AND reviewed_at < @end')).toContain(
        'COVERING INDEX notes_reviewed',
      )
    } finally {
      core.cleanup()
    }
  })
})
