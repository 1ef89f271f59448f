// The learning portfolio on a real SQLite file: hours that match the check-ins, who sees and who
// comments, the person's own goals and reflections with their limits and STALE, symposium hours the
// same as the certificate's, the exports (PDF, JSON, Open Badges 3.0), and migration 0120.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REFLECTION_MAX } from '../../shared/portfolio'
import { openDatabase } from '../db/database'
import { MIGRATIONS } from '../db/migrations'
import { pdfPageTexts } from '../pdf/pdfTestText'
import { attendanceFacts } from '../symposia/exports/certificates'
import { openExportCentre, type ExportCentre } from '../symposia/exports/exportFixture'
import { buildProgrammeModel } from '../symposia/exports/programmeModel'
import { at, openBookingCentre, type BookingCentre } from '../testing/fixtures'
import { tableChecksum } from '../testing/testCore'

describe('portfolio of a freelancer', () => {
  let centre: BookingCentre
  let c: number
  let f: number

  beforeEach(async () => {
    centre = await openBookingCentre({ horizonDays: 365, maxFutureBookings: null })
    c = centre.coordinator.id
    f = centre.freelancer.id
    await centre.core.ok(c, 'permits.grant', { personId: f, equipmentId: centre.laser.id, level: 'independent' })
  })
  afterEach(() => centre.core.cleanup())

  async function useMachine(date: string, from: string, to: string, checkIn: string | null, checkOut: string | null) {
    const booking = await centre.core.ok(f, 'bookings.create', {
      equipmentId: centre.laser.id,
      startsAt: at(`${date} ${from}`),
      endsAt: at(`${date} ${to}`),
    })
    if (!checkIn) return booking
    centre.clock.now = new Date(at(`${date} ${checkIn}`))
    const inside = await centre.core.ok(f, 'bookings.checkIn', { id: booking.id, version: booking.version })
    if (!checkOut) return inside
    centre.clock.now = new Date(at(`${date} ${checkOut}`))
    return centre.core.ok(f, 'bookings.checkOut', { id: booking.id, version: inside.version })
  }

  it('counts machine hours from check-in to check-out, not the booked time, and only sessions checked out', async () => {
    const a = await useMachine('2026-03-03', '10:00', '12:00', '10:05', '11:40') // 95 minutes of 120 booked
    const b = await useMachine('2026-03-10', '13:00', '14:00', '13:00', '14:00') // 60
    await useMachine('2026-03-17', '09:00', '10:00', null, null) // booked, never checked in
    await useMachine('2026-03-24', '09:00', '10:00', '09:00', null) // still inside
    const p = await centre.core.ok(f, 'portfolio.get', {})
    expect(a.actualMinutes! + b.actualMinutes!).toBe(155)
    expect(p.machineHours).toEqual([
      { equipmentId: centre.laser.id, name: centre.laser.name, kind: 'laser_cutter', sessions: 2, minutes: 155, bookedMinutes: 180 },
    ])
    const machineEntries = p.timeline.filter((e) => e.kind === 'machine')
    expect(machineEntries).toEqual([expect.objectContaining({ date: '2026-03-10', count: 2, minutes: 155 })])
    expect(p.years).toEqual([expect.objectContaining({ year: 2026, machineMinutes: 155, machineSessions: 2, permits: 1 })])
    expect(p.permits).toEqual([expect.objectContaining({ level: 'independent', state: 'valid', grantedBy: centre.coordinator.name })])
  })

  it('lists experiments with the role and notes written and reviewed', async () => {
    const note = await centre.core.ok(f, 'notes.create', {
      content: { title: 'Eiken fineer lasersnijden', body: 'Lage snelheid.', category: 'technique', tags: [] },
    })
    await centre.core.ok(c, 'notes.review', { id: note.id, version: note.version, reviewed: true })
    const asReviewer = await centre.core.ok(c, 'portfolio.get', { personId: c })
    expect(asReviewer.notes).toEqual([expect.objectContaining({ id: note.id, relation: 'reviewed' })])
    const own = await centre.core.ok(f, 'portfolio.get', {})
    expect(own.notes).toEqual([expect.objectContaining({ id: note.id, relation: 'written' })])
    expect(own.years[0]).toMatchObject({ notesWritten: 1, notesReviewed: 0 })
  })

  it('lets only the person, managers and chosen coaches read it', async () => {
    const other = await centre.core.ok(c, 'people.create', { name: 'Wim Smid', role: 'freelancer' })
    expect(await centre.core.as(centre.student.id, 'portfolio.get', { personId: f })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'portfolioNotYours' } },
    })
    expect(await centre.core.as(other.id, 'portfolio.get', { personId: f })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await centre.core.ok(centre.teacher.id, 'portfolio.get', { personId: f })).access).toEqual({ own: false, canComment: true })
    expect((await centre.core.ok(f, 'portfolio.get', {})).access).toEqual({ own: true, canComment: false })

    await centre.core.ok(f, 'portfolio.coachesSet', { coachIds: [other.id] })
    const asCoach = await centre.core.ok(other.id, 'portfolio.get', { personId: f })
    expect(asCoach.access).toEqual({ own: false, canComment: true })
    expect((await centre.core.ok(other.id, 'portfolio.get', {})).coaching).toEqual([
      { id: f, name: centre.freelancer.name, role: 'freelancer' },
    ])
    // Dropping the coach takes the reading away again.
    await centre.core.ok(f, 'portfolio.coachesSet', { coachIds: [] })
    expect(await centre.core.as(other.id, 'portfolio.get', { personId: f })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses coaches who cannot coach, and changes nothing', async () => {
    const before = tableChecksum(centre.core.db)
    for (const [coachIds, reason] of [
      [[f], 'coachSelf'],
      [[centre.student.id], 'coachRole'],
      [[9999], 'notFound'],
    ] as const) {
      const result = await centre.core.as(f, 'portfolio.coachesSet', { coachIds: [...coachIds] })
      expect(result).toMatchObject({ ok: false, error: { details: { reason } } })
    }
    const six = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => centre.core.ok(c, 'people.create', { name: `Coach ${i}`, role: 'freelancer' })),
    )
    const afterPeople = tableChecksum(centre.core.db)
    expect(before).not.toBe(afterPeople)
    expect(await centre.core.as(f, 'portfolio.coachesSet', { coachIds: six.map((p) => p.id) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(tableChecksum(centre.core.db)).toBe(afterPeople)
  })

  it('keeps goals and reflections the person’s own; coaches and managers comment, the person does not', async () => {
    const goal = await centre.core.ok(f, 'portfolio.goalCreate', { title: 'Meestertitel meubelmaker', targetDate: '2027-06-30' })
    expect(goal).toMatchObject({ status: 'open', version: 1, targetDate: '2027-06-30', description: '' })
    const reflection = await centre.core.ok(f, 'portfolio.reflectionCreate', { body: 'De lasersnijder vraagt geduld.', goalId: goal.id })

    const before = tableChecksum(centre.core.db)
    expect(await centre.core.as(centre.teacher.id, 'portfolio.goalSave', { ...editable(goal), title: 'Anders' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'portfolioOwnerOnly' } },
    })
    expect(await centre.core.as(f, 'portfolio.comment', { target: 'goal', targetId: goal.id, body: 'Zelf' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'portfolioOwnComment' } },
    })
    expect(
      await centre.core.as(centre.student.id, 'portfolio.comment', { target: 'reflection', targetId: reflection.id, body: 'Hoi' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'portfolioNotCoach' } } })
    // Someone else's goal cannot be the subject of one's reflection.
    expect(await centre.core.as(centre.teacher.id, 'portfolio.reflectionCreate', { body: 'x', goalId: goal.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(tableChecksum(centre.core.db)).toBe(before)

    const comment = await centre.core.ok(centre.teacher.id, 'portfolio.comment', {
      target: 'reflection',
      targetId: reflection.id,
      body: 'Goed gezien: noteer ook je instellingen.',
    })
    expect(comment.author).toEqual({ id: centre.teacher.id, name: centre.teacher.name, role: 'teacher' })
    const p = await centre.core.ok(f, 'portfolio.get', {})
    expect(p.reflections[0]!.comments).toEqual([comment])
    expect(p.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['goal', 'reflection', 'permit']))
  })

  it('refuses a stale save and bad input with nothing changed', async () => {
    const goal = await centre.core.ok(f, 'portfolio.goalCreate', { title: 'CNC-frees zelfstandig', targetDate: null })
    const achieved = await centre.core.ok(f, 'portfolio.goalSave', { ...editable(goal), status: 'achieved' })
    expect(achieved).toMatchObject({ version: 2, status: 'achieved' })
    const reflection = await centre.core.ok(f, 'portfolio.reflectionCreate', { body: 'Eerste keer' })

    const before = tableChecksum(centre.core.db)
    expect(await centre.core.as(f, 'portfolio.goalSave', { ...editable(goal), title: 'Oud' })).toMatchObject({
      ok: false,
      error: { code: 'STALE', details: { reason: 'stale', currentVersion: 2 } },
    })
    expect(
      await centre.core.as(f, 'portfolio.reflectionSave', { id: reflection.id, version: 7, body: 'Nieuw', goalId: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'STALE' },
    })
    expect(await centre.core.as(f, 'portfolio.reflectionCreate', { body: 'x'.repeat(REFLECTION_MAX + 1) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await centre.core.as(f, 'portfolio.reflectionCreate', { body: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await centre.core.as(f, 'portfolio.goalCreate', { title: 'x', targetDate: '2027-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await centre.core.as(f, 'portfolio.goalSave', { ...editable(achieved), status: 'done' as 'open' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(tableChecksum(centre.core.db)).toBe(before)
    // A reflection of exactly the limit is fine.
    await centre.core.ok(f, 'portfolio.reflectionCreate', { body: 'x'.repeat(REFLECTION_MAX) })
    expect((await centre.core.ok(f, 'portfolio.get', {})).years[0]).toMatchObject({ goalsAchieved: 1, reflections: 2 })
  })

  it('exports a PDF with the person, totals per year, a table per section and page numbers, in Dutch and English', async () => {
    await useMachine('2026-03-03', '10:00', '12:00', '10:05', '11:40')
    const goal = await centre.core.ok(f, 'portfolio.goalCreate', { title: 'Meestertitel meubelmaker', targetDate: '2027-06-30' })
    await centre.core.ok(c, 'portfolio.comment', { target: 'goal', targetId: goal.id, body: 'Mooi doel, plan de proeve.' })
    const nl = await centre.core.ok(c, 'portfolio.exportPdf', { personId: f, language: 'nl' })
    expect(nl).toMatchObject({ filename: 'portfolio-gerrit-zzp.pdf', mediaType: 'application/pdf' })
    const pages = await pdfPageTexts(Buffer.from(nl.dataBase64, 'base64'))
    const text = pages.join('\n')
    for (const expected of [
      'KENNISCENTRUM WERKBANK',
      'Leerportfolio: Gerrit Zzp',
      'Totalen per jaar',
      '2026',
      '1 u 35 min',
      'Machinebevoegdheden',
      'Zelfstandig',
      'Ontwikkeldoelen',
      'Meestertitel meubelmaker',
      'Mooi doel, plan de proeve.',
    ]) {
      expect(text).toContain(expected)
    }
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`)

    const en = await centre.core.ok(f, 'portfolio.exportPdf', { language: 'en' })
    const enText = (await pdfPageTexts(Buffer.from(en.dataBase64, 'base64'))).join('\n')
    expect(enText).toContain('Learning portfolio: Gerrit Zzp')
    expect(enText).toContain('Totals per year')
    expect(enText).toContain('1 h 35 min')

    expect(await centre.core.as(centre.student.id, 'portfolio.exportPdf', { personId: f, language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('exports JSON with every section and without the viewer’s permissions', async () => {
    await useMachine('2026-03-03', '10:00', '12:00', '10:05', '11:40')
    const file = await centre.core.ok(f, 'portfolio.exportJson', { language: 'en' })
    expect(file).toMatchObject({ filename: 'portfolio-gerrit-zzp.json', mediaType: 'application/json' })
    const doc = JSON.parse(file.content) as Record<string, unknown>
    expect(doc).toMatchObject({
      format: 'werkbank-portfolio/1',
      centre: 'Kenniscentrum Werkbank',
      timeZone: 'Europe/Amsterdam',
      person: { id: f, name: 'Gerrit Zzp', role: 'freelancer' },
      machineHours: [expect.objectContaining({ minutes: 95 })],
      years: [expect.objectContaining({ year: 2026, machineMinutes: 95 })],
    })
    for (const key of [
      'permits',
      'trainings',
      'experiments',
      'notes',
      'talks',
      'symposia',
      'goals',
      'reflections',
      'timeline',
      'coaches',
    ]) {
      expect(doc).toHaveProperty(key)
    }
    expect(doc).not.toHaveProperty('access')
    expect(doc).not.toHaveProperty('coaching')
  })
})

describe('symposium talks and attendance in the portfolio', () => {
  let centre: ExportCentre

  beforeEach(async () => {
    centre = await openExportCentre()
  })
  afterEach(() => centre.core.cleanup())

  it('counts attendance hours exactly as the certificate does', async () => {
    const daan = centre.people.daan
    const p = await centre.core.ok(centre.student.id, 'portfolio.get', {})
    const edition = await centre.core.ok(centre.c, 'symposia.get', { id: centre.edition.id })
    const model = buildProgrammeModel({ db: centre.core.db, edition, programme: centre.programme, timeZone: 'Europe/Amsterdam' })
    const certificate = attendanceFacts(model, {
      registrationId: daan.id,
      personId: daan.personId,
      name: daan.name,
      email: null,
      days: ['2026-04-16'],
      workshopSlotIds: [centre.slots.workshop],
    })
    expect(certificate.minutes).toBe(195)
    expect(p.symposia).toEqual([
      {
        editionId: centre.edition.id,
        registrationId: daan.id,
        edition: centre.edition.title,
        days: ['2026-04-16'],
        sessions: certificate.sessions.length,
        minutes: 195,
      },
    ])
    expect(p.years[0]).toMatchObject({ year: 2026, symposiumMinutes: 195 })
  })

  it('lists the talks a speaker gave, one per programme slot', async () => {
    const p = await centre.core.ok(centre.c, 'portfolio.get', { personId: centre.speaker.id })
    expect(p.talks.length).toBeGreaterThan(0)
    expect(p.talks.every((t) => t.editionId === centre.edition.id && t.minutes > 0)).toBe(true)
    expect(p.years[0]!.talks).toBe(p.talks.length)
  })

  it('states attendance as an unsigned Open Badges 3.0 credential', async () => {
    const file = await centre.core.ok(centre.student.id, 'portfolio.badge', { registrationId: centre.people.daan.id, language: 'en' })
    expect(file.mediaType).toBe('application/ld+json')
    const badge = JSON.parse(file.content) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(badge['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ])
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(badge.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(badge.issuer).toMatchObject({ type: ['Profile'], name: 'Kenniscentrum Werkbank' })
    expect(badge.issuer.id).toMatch(/^urn:uuid:/)
    expect(Date.parse(badge.validFrom)).not.toBeNaN()
    expect(badge).not.toHaveProperty('proof')
    const subject = badge.credentialSubject
    expect(subject.type).toEqual(['AchievementSubject'])
    expect(subject.identifier[0]).toMatchObject({ type: 'IdentityObject', hashed: true, identityType: 'name' })
    expect(subject.identifier[0].identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/)
    expect(subject.narrative).toContain('3 h 15 min')
    expect(subject.achievement).toMatchObject({
      type: ['Achievement'],
      name: `Attended ${centre.edition.title}`,
      criteria: { narrative: expect.any(String) },
      description: expect.any(String),
    })
    expect(subject.achievement.id).toMatch(/^urn:uuid:/)

    // Only for someone who was there, and only for those who may read the portfolio.
    const absent = await centre.core.ok(centre.freelancer.id, 'registrations.register', { editionId: centre.edition.id })
    expect(await centre.core.as(centre.c, 'portfolio.badge', { registrationId: absent.id, language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'RULE', details: { reason: 'badgeNotAttended' } },
    })
    expect(
      await centre.core.as(centre.freelancer.id, 'portfolio.badge', { registrationId: centre.people.daan.id, language: 'nl' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('migration 0120-portfolio', () => {
  it('adds the portfolio tables and the per-person indexes, and keeps a comment on exactly one thing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'werkbank-portfolio-')), 'werkbank.sqlite')
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 115) })
    old.prepare("INSERT INTO people (name, role, search_text, created_at, updated_at) VALUES ('Ans', 'freelancer', 'ans', 'x', 'x')").run()
    old.close()
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 120) })
    const names = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE name LIKE 'portfolio_%' OR name IN ('notes_author', 'notes_reviewer', 'experiments_author', 'symposium_registrations_person_any', 'training_attendance_permit')",
      )
      .all()
      .map((r) => r.name)
    for (const name of [
      'portfolio_goals',
      'portfolio_reflections',
      'portfolio_comments',
      'portfolio_coaches',
      'notes_author',
      'notes_reviewer',
      'experiments_author',
      'symposium_registrations_person_any',
      'training_attendance_permit',
    ]) {
      expect(names).toContain(name)
    }
    db.prepare(
      "INSERT INTO portfolio_goals (person_id, title, status, status_at, created_at, updated_at) VALUES (1, 'Doel', 'open', 'x', 'x', 'x')",
    ).run()
    const comment = db.prepare(
      'INSERT INTO portfolio_comments (person_id, goal_id, reflection_id, author_id, body, created_at) VALUES (1, ?, NULL, 1, ?, ?)',
    )
    expect(() => comment.run(null, 'x', 'x')).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare("INSERT INTO portfolio_reflections (person_id, body, created_at, updated_at) VALUES (1, ?, 'x', 'x')")
        .run('x'.repeat(1001)),
    ).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO portfolio_coaches (person_id, coach_id, added_at) VALUES (1, 1, 'x')").run()).toThrow(/CHECK/)
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM notes WHERE author_id = 1').all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).toMatch(/notes_author/)
    db.close()
  })
})

const editable = (g: {
  id: number
  version: number
  title: string
  description: string
  targetDate: string | null
  status: 'open' | 'achieved' | 'dropped'
}) => ({
  id: g.id,
  version: g.version,
  title: g.title,
  description: g.description,
  targetDate: g.targetDate,
  status: g.status,
})
