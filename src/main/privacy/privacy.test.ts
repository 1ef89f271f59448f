// Privacy: export of one person, erasure that leaves no trace of them in the database file while
// every statistic stays, the erasure log, permissions, and the retention of external registrants.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Person } from '../../shared/people'
import { DATABASE_FILE } from '../bootstrap'
import type { Db } from '../db/database'
import { at } from '../testing/fixtures'
import { openSymposiumCentre, type SymposiumCentre } from '../testing/symposiumFixtures'
import { openTestCore, tableChecksum } from '../testing/testCore'
import { addMonths, retentionCutoff } from './retention'

let centre: SymposiumCentre
let freek: Person
let ids: { experiment: number; note: number; booking: number; registration: number; submission: number; sha256: string }

// What only Freek's records hold: none of it may survive an erasure with texts removed.
const FREEK = {
  name: 'Freek Vergeetmij',
  email: 'freek.vergeetmij@privacy.test',
  trade: 'Stoelenmakerij',
  organisation: 'Zolderwerkplaats Kwakzalf',
}
const FREEK_TEXTS = [
  'Kwispelstaart',
  'Zwaluwstaartgeheim',
  'Lijmrecept Blauwbes',
  'Klankkastvernis',
  'Notenhoutverhaal',
  'Stoeltjeslogboek',
]

beforeEach(async () => {
  centre = await openSymposiumCentre()
  const { core, coordinator, teacher, laser, edition } = centre
  const c = coordinator.id
  freek = await core.ok(c, 'people.create', { ...FREEK, role: 'freelancer' })
  const f = freek.id
  await core.ok(c, 'permits.grant', { personId: f, equipmentId: laser.id, level: 'independent', note: 'Kwispelstaart mag alleen overdag' })
  const booking = await core.ok(f, 'bookings.create', {
    equipmentId: laser.id,
    startsAt: at('2026-03-03 10:00'),
    endsAt: at('2026-03-03 12:00'),
    purpose: 'Stoeltjeslogboek zitting',
  })
  await core.ok(f, 'bookings.create', { equipmentId: laser.id, startsAt: at('2026-03-04 10:00'), endsAt: at('2026-03-04 11:00') })
  // Someone else's booking and text, which must stay as they are.
  await core.ok(c, 'permits.grant', { personId: centre.freelancer.id, equipmentId: laser.id, level: 'independent' })
  await core.ok(centre.freelancer.id, 'bookings.create', {
    equipmentId: laser.id,
    startsAt: at('2026-03-05 10:00'),
    endsAt: at('2026-03-05 13:00'),
    purpose: 'Gerrits eigen kast',
  })

  const file = await core.ok(f, 'attachments.upload', {
    name: '../../etc/Zwaluwstaartgeheim.txt',
    mediaType: 'text/plain',
    dataBase64: Buffer.from('Zwaluwstaartgeheim: 1:6 helling\n').toString('base64'),
  })
  const experiment = await core.ok(f, 'experiments.create', {
    content: {
      title: 'Zwaluwstaartgeheim in eiken',
      method: 'Lijmrecept Blauwbes, twee lagen',
      outcome: 'worked',
      parameters: [{ name: 'Vermogen', value: '60', unit: '%' }],
      equipmentIds: [laser.id],
      bookingIds: [booking.id],
      participants: [{ personId: teacher.id, role: 'teacher' }],
      attachments: [{ sha256: file.sha256, name: '../../etc/Zwaluwstaartgeheim.txt', caption: 'Klankkastvernis detail' }],
    },
  })
  const note = await core.ok(f, 'notes.create', { content: { title: 'Notenhoutverhaal', body: 'Eerste versie', category: 'technique' } })
  await core.ok(f, 'notes.save', {
    id: note.id,
    version: note.version,
    content: { title: 'Notenhoutverhaal', body: 'Klankkastvernis en [[Zwaluwstaartgeheim]]', category: 'technique' },
  })
  // A teacher's note that stays, linking to Freek's.
  await core.ok(teacher.id, 'notes.create', {
    content: { title: 'Lesplan hout', body: 'Zie de notitie van de week.', category: 'teaching' },
  })

  const submission = await core.ok(f, 'submissions.create', {
    editionId: edition.id,
    title: 'Kwispelstaart verbindingen',
    abstract: 'Stoeltjeslogboek van een jaar',
    type: 'talk',
    durationMinutes: 30,
    speakers: [{ personId: f }],
  })
  const registration = await core.ok(f, 'registrations.register', { editionId: edition.id, dietary: 'Geen Blauwbes' })
  await core.ok(c, 'registrations.checkIn', { id: registration.id, day: edition.dates[0]! })
  await core.ok(f, 'feedback.give', { editionId: edition.id, rating: 4, comment: 'Klankkastvernis was top' })
  // A colleague who also registered: their data must not leak into Freek's export.
  const other = await core.ok(c, 'registrations.register', { editionId: edition.id, personId: centre.student.id })
  await core.ok(c, 'registrations.checkIn', { id: other.id, day: edition.dates[0]! })

  // The portfolio, written straight into its tables (the portfolio module owns the screens).
  const now = '2026-03-02T08:00:00.000Z'
  const goal = core.db
    .prepare(
      "INSERT INTO portfolio_goals (person_id, title, description, status, status_at, created_at, updated_at) VALUES (?, 'Kwispelstaart leren', 'Zwaluwstaartgeheim oefenen', 'open', ?, ?, ?)",
    )
    .run(f, now, now, now).lastInsertRowid
  core.db
    .prepare('INSERT INTO portfolio_reflections (person_id, goal_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(f, goal, 'Stoeltjeslogboek reflectie', now, now)
  core.db
    .prepare('INSERT INTO portfolio_comments (person_id, goal_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(f, goal, teacher.id, 'Klankkastvernis advies', now)
  core.db.prepare('INSERT INTO portfolio_coaches (person_id, coach_id, added_at) VALUES (?, ?, ?)').run(f, teacher.id, now)

  ids = {
    experiment: experiment.id,
    note: note.id,
    booking: booking.id,
    registration: registration.id,
    submission: submission.id,
    sha256: file.sha256,
  }
})
afterEach(() => {
  for (const l of centre.core.logged) if (l.level === 'error') console.log(l.context)
  centre.core.cleanup()
})

/** The statistics every report is made of, counted straight from the tables. */
function statistics(db: Db) {
  const all = (sql: string) => db.prepare(sql).all()
  return {
    machineMinutesByRole: all(
      `SELECT p.role, count(*) AS bookings, sum((b.ends_at - b.starts_at) / 60000) AS minutes, sum(b.cost_cents) AS cost
       FROM bookings b JOIN people p ON p.id = b.person_id GROUP BY p.role ORDER BY p.role`,
    ),
    bookingsByStatus: all('SELECT status, count(*) AS n FROM bookings GROUP BY status ORDER BY status'),
    peopleByRole: all('SELECT role, count(*) AS n FROM people GROUP BY role ORDER BY role'),
    experimentsByOutcome: all('SELECT outcome, status, count(*) AS n FROM experiments GROUP BY outcome, status ORDER BY 1, 2'),
    notesByCategory: all('SELECT category, count(*) AS n FROM notes GROUP BY category ORDER BY category'),
    parameters: all('SELECT name_key, value_number, count(*) AS n FROM experiment_parameters GROUP BY 1, 2 ORDER BY 1, 2'),
    registrations: all('SELECT role, status, count(*) AS n FROM symposium_registrations GROUP BY role, status ORDER BY 1, 2'),
    checkIns: all('SELECT day, count(*) AS n FROM symposium_checkins GROUP BY day ORDER BY day'),
    feedback: all('SELECT count(*) AS n, sum(rating) AS total FROM symposium_feedback'),
    submissions: all('SELECT status, type, count(*) AS n FROM symposium_submissions GROUP BY 1, 2 ORDER BY 1, 2'),
    messages: all('SELECT kind, count(*) AS n FROM symposium_outbox GROUP BY kind ORDER BY kind'),
    permits: all('SELECT level, count(*) AS n FROM permits GROUP BY level ORDER BY level'),
  }
}

/** Every byte of the database file and its write-ahead log, as lower-case text. */
function fileText(): string {
  const path = join(centre.core.dataDir, DATABASE_FILE)
  const parts = [readFileSync(path)]
  if (existsSync(path + '-wal')) parts.push(readFileSync(path + '-wal'))
  return Buffer.concat(parts).toString('latin1').toLowerCase()
}

/** Every text value in every table, FTS shadow tables included, as one lower-case text. */
function tableText(db: Db): string {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
  return tables
    .map(({ name }) =>
      db
        .prepare('SELECT * FROM "' + name.replace(/"/g, '""') + '"')
        .all()
        .map((row) => JSON.stringify(row))
        .join('\n'),
    )
    .join('\n')
    .toLowerCase()
}

/** The words of the search index, read from the index itself (FTS5 stores terms prefix-compressed). */
function indexedWords(db: Db): Set<string> {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, search_index, row)')
  return new Set(
    db
      .prepare<[], { term: string }>('SELECT term FROM temp.search_words')
      .all()
      .map((r) => r.term),
  )
}

/** The reports module's usage report over the whole year of the fixtures. */
const usageReport = () =>
  centre.core.ok(centre.coordinator.id, 'reports.usage', { period: { kind: 'range', from: '2026-01-01', to: '2026-12-31' } })

const erase = (texts: 'keep' | 'remove', confirmName = FREEK.name) =>
  centre.core.as(centre.coordinator.id, 'privacy.erasePerson', { personId: freek.id, confirmName, texts, language: 'nl' })

describe('export', () => {
  it('holds every kind of record about the person, their files under safe names, and nothing of other people', async () => {
    const file = await centre.core.ok(freek.id, 'privacy.exportPerson', { personId: freek.id })
    expect(file.mediaType).toBe('application/zip')
    const entries = unzipSync(Buffer.from(file.dataBase64, 'base64'))
    const names = Object.keys(entries)
    // No entry can leave the folder it is unpacked in: no absolute path, no backslash, no '..' part.
    for (const name of names) {
      expect(name).not.toMatch(/^\/|\\|[\u0000-\u001f]/)
      expect(name.split('/').every((part) => part !== '..' && part !== '.' && part !== '')).toBe(true)
      expect(name.split('/').length).toBeLessThanOrEqual(2)
    }
    const attachment = names.find((n) => n.startsWith('attachments/'))!
    expect(attachment.startsWith(`attachments/${ids.sha256.slice(0, 12)}-`)).toBe(true)
    expect(attachment.endsWith('etc-Zwaluwstaartgeheim.txt')).toBe(true)
    expect(Buffer.from(entries[attachment]!).toString()).toContain('1:6 helling')

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked field by field below
    const doc = JSON.parse(Buffer.from(entries['person.json']!).toString()) as Record<string, any>
    expect(doc.format).toBe('werkbank.person-export')
    expect(doc.person).toMatchObject({ id: freek.id, name: FREEK.name, email: FREEK.email, trade: FREEK.trade, role: 'freelancer' })
    expect(doc.permits).toHaveLength(1)
    expect(doc.permits[0].note).toContain('Kwispelstaart')
    expect(doc.bookings.map((b: { id: number }) => b.id)).toContain(ids.booking)
    expect(doc.bookings.find((b: { id: number }) => b.id === ids.booking).purpose).toBe('Stoeltjeslogboek zitting')
    expect(doc.experiments.authored[0].content.method).toContain('Lijmrecept Blauwbes')
    expect(doc.notes[0].body).toContain('Klankkastvernis')
    expect(doc.revisions.filter((r: { kind: string }) => r.kind === 'note')).toHaveLength(2)
    expect(doc.symposia.registrations[0]).toMatchObject({ id: ids.registration, dietary: 'Geen Blauwbes' })
    expect(doc.symposia.registrations[0].checkIns).toHaveLength(1)
    expect(doc.symposia.registrations[0].feedback).toMatchObject({ rating: 4 })
    expect(doc.symposia.submissions[0]).toMatchObject({ id: ids.submission, abstract: 'Stoeltjeslogboek van een jaar' })
    expect(doc.symposia.messages.length).toBeGreaterThan(0)
    expect(doc.portfolio).toMatchObject({
      goals: [{ title: 'Kwispelstaart leren' }],
      reflections: [{ body: 'Stoeltjeslogboek reflectie' }],
      commentsReceived: [{ body: 'Klankkastvernis advies' }],
      coaches: 1,
    })
    expect(doc.attachments[0]).toMatchObject({ sha256: ids.sha256, uploadedByThem: true, file: attachment })

    const text = JSON.stringify(doc).toLowerCase()
    for (const other of [centre.teacher, centre.student, centre.freelancer, centre.coordinator]) {
      expect(text).not.toContain(other.name.toLowerCase())
      // Nor their ids as participants of Freek's experiment.
      expect(doc.experiments.authored[0].content.participants).toEqual([])
    }
    expect(text).not.toContain('gerrits eigen kast')
  })

  it('is for coordinators (anyone) and for the person themselves', async () => {
    const { core, teacher, coordinator } = centre
    expect(await core.as(teacher.id, 'privacy.exportPerson', { personId: freek.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'exportOthers' } },
    })
    expect(await core.as(null, 'privacy.exportPerson', { personId: freek.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await core.ok(coordinator.id, 'privacy.exportPerson', { personId: freek.id })
    await core.ok(teacher.id, 'privacy.exportPerson', { personId: teacher.id })
  })
})

describe('erasure', () => {
  it('leaves no trace of name, e-mail, contact details or texts anywhere in the file, and keeps every statistic', async () => {
    const { core, coordinator } = centre
    // Reports end today at the latest: look back from the end of the year of the fixtures.
    centre.clock.now = new Date('2026-12-31T12:00:00Z')
    const before = statistics(core.db)
    const report = await usageReport()
    // The words are really there before: the checks below would find them.
    expect(fileText()).toContain('vergeetmij')
    expect(indexedWords(core.db).has('vergeetmij')).toBe(true)

    const result = await core.ok(coordinator.id, 'privacy.erasePerson', {
      personId: freek.id,
      confirmName: '  freek vergeetmij ',
      texts: 'remove',
      language: 'nl',
    })
    expect(result.placeholder).toBe(`Gewiste persoon ${freek.id}`)
    expect(result.counts).toMatchObject({
      portfolioGoals: 1,
      portfolioReflections: 1,
      portfolioComments: 1,
      portfolioCoaches: 1,
      experiments: 1,
      notes: 1,
      submissions: 1,
      feedback: 1,
      registrations: 1,
      permits: 1,
    })

    expect(statistics(core.db)).toEqual(before)
    expect(await usageReport()).toEqual(report)
    const needles = [FREEK.name, 'vergeetmij', FREEK.email, FREEK.trade, FREEK.organisation, 'Geen Blauwbes', ...FREEK_TEXTS].map((s) =>
      s.toLowerCase(),
    )
    const bytes = fileText()
    const rows = tableText(core.db)
    const words = indexedWords(core.db)
    for (const needle of needles) {
      const i = bytes.indexOf(needle)
      if (i >= 0) console.log('FOUND', needle, JSON.stringify(bytes.slice(i - 300, i + 100)))
      expect(bytes, needle).not.toContain(needle)
      expect(rows, needle).not.toContain(needle)
      for (const word of needle.split(/[^a-z0-9]+/)) if (word.length > 3 && word !== 'geen') expect(words.has(word), word).toBe(false)
    }
    // Others' text is where it was.
    expect(rows).toContain('gerrits eigen kast')
    expect(words.has('lesplan')).toBe(true)

    const person = await core.ok(coordinator.id, 'people.get', { id: freek.id })
    expect(person).toMatchObject({
      name: `Gewiste persoon ${freek.id}`,
      email: null,
      trade: null,
      organisation: null,
      active: false,
      role: 'freelancer',
    })
    expect(await core.ok(coordinator.id, 'search.query', { q: 'Vergeetmij', limit: 20 })).toEqual([])
    const experiment = await core.ok(coordinator.id, 'experiments.get', { id: ids.experiment })
    expect(experiment.content).toMatchObject({ method: '', outcome: 'worked', parameters: [{ name: 'Vermogen', value: '60', unit: '%' }] })
    expect(experiment.author.name).toBe(`Gewiste persoon ${freek.id}`)
  })

  it('keeps the texts when the coordinator chooses so, under the placeholder as author', async () => {
    const { core, coordinator } = centre
    const before = statistics(core.db)
    await core.ok(coordinator.id, 'privacy.erasePerson', { personId: freek.id, confirmName: FREEK.name, texts: 'keep', language: 'en' })
    expect(statistics(core.db)).toEqual(before)
    const note = await core.ok(coordinator.id, 'notes.get', { id: ids.note })
    expect(note.content.body).toContain('Klankkastvernis')
    expect(note.author.name).toBe(`Erased person ${freek.id}`)
    const hits = await core.ok(coordinator.id, 'search.query', { q: 'Klankkastvernis', limit: 5 })
    expect(hits.map((h) => h.refId)).toContain(ids.note)
    // The name is gone from everything, the author filter of the search included.
    const bytes = fileText()
    for (const needle of [FREEK.name, FREEK.email, FREEK.organisation, 'Geen Blauwbes'].map((s) => s.toLowerCase()))
      expect(bytes).not.toContain(needle)
    expect(indexedWords(core.db).has('vergeetmij')).toBe(false)
    expect(await core.ok(coordinator.id, 'search.query', { q: 'author:vergeetmij eerste', limit: 5 })).toEqual([])
  })

  it('leaves a profile that can be neither edited nor reactivated, changing nothing when tried', async () => {
    const { core, coordinator } = centre
    await erase('keep')
    const erased = await core.ok(coordinator.id, 'people.get', { id: freek.id })
    const before = tableChecksum(core.db)
    const tries = [
      await core.as(coordinator.id, 'people.setActive', { id: freek.id, version: erased.version, active: true }),
      await core.as(coordinator.id, 'people.update', { id: freek.id, version: erased.version, name: FREEK.name, email: FREEK.email }),
    ]
    for (const result of tries) expect(result).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'personErased' } } })
    expect(tableChecksum(core.db)).toBe(before)
  })

  it('is logged without personal data', async () => {
    const { core, coordinator } = centre
    await erase('remove')
    const log = await core.ok(coordinator.id, 'privacy.log', {})
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      kind: 'erasure',
      actorId: coordinator.id,
      personId: freek.id,
      personRole: 'freelancer',
      texts: 'remove',
    })
    const text = JSON.stringify(core.db.prepare('SELECT * FROM privacy_log').all()).toLowerCase()
    for (const needle of ['freek', 'vergeetmij', 'privacy.test', 'kwakzalf']) expect(text).not.toContain(needle)
    expect(await core.as(centre.teacher.id, 'privacy.log', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('is refused, changing nothing, to non-coordinators, for a wrong name, for oneself, and twice', async () => {
    const { core, coordinator, teacher } = centre
    const before = tableChecksum(core.db)
    const refused = [
      [
        await core.as(teacher.id, 'privacy.erasePerson', { personId: freek.id, confirmName: FREEK.name, texts: 'remove', language: 'nl' }),
        'coordinatorOnly',
      ],
      [
        await core.as(freek.id, 'privacy.erasePerson', { personId: freek.id, confirmName: FREEK.name, texts: 'remove', language: 'nl' }),
        'coordinatorOnly',
      ],
      [await erase('remove', 'Freek Vergeet'), 'eraseConfirmName'],
      [await erase('remove', ''), 'eraseConfirmName'],
      [
        await core.as(coordinator.id, 'privacy.erasePerson', {
          personId: coordinator.id,
          confirmName: coordinator.name,
          texts: 'keep',
          language: 'nl',
        }),
        'eraseSelf',
      ],
    ] as const
    for (const [result, reason] of refused) expect(result, reason).toMatchObject({ ok: false, error: { details: { reason } } })
    expect(
      await core.as(coordinator.id, 'privacy.erasePerson', { personId: 9999, confirmName: 'x', texts: 'keep', language: 'nl' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(tableChecksum(core.db)).toBe(before)

    // Once is enough: the placeholder is not a name to confirm again.
    const second = await core.ok(coordinator.id, 'people.create', { name: 'Tweede Coördinator', role: 'coordinator' })
    await core.ok(coordinator.id, 'privacy.erasePerson', { personId: second.id, confirmName: second.name, texts: 'keep', language: 'nl' })
    expect(
      await core.as(coordinator.id, 'privacy.erasePerson', {
        personId: second.id,
        confirmName: `Gewiste persoon ${second.id}`,
        texts: 'keep',
        language: 'nl',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'alreadyErased' } },
    })
  })
})

describe('retention', () => {
  it('adds months the way calendars do, and finds the newest edition end that is due', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    // Ended 17 April, 6 months: kept through 17 October, removed from 18 October.
    expect(retentionCutoff('2026-10-17', 6) < '2026-04-17').toBe(true)
    expect(retentionCutoff('2026-10-18', 6)).toBe('2026-04-17')
  })

  it('removes external registrants’ data the day after the edition’s end plus N months, not before, and logs it', async () => {
    const { core, coordinator, edition, clock } = centre
    const c = coordinator.id
    const guest = await core.ok(c, 'registrations.register', {
      editionId: edition.id,
      attendee: { name: 'Externe Ottoline', email: 'ottoline@elders.test', role: 'external', organisation: 'Elders BV' },
      dietary: 'Vegan',
    })
    await core.ok(c, 'registrations.checkIn', { id: guest.id, day: edition.dates[1]! })
    const before = statistics(core.db)

    // Off by default: nothing happens.
    clock.now = new Date('2027-06-01T10:00:00Z')
    expect(await core.ok(c, 'privacy.applyRetention', {})).toEqual({ registrations: 0, editions: 0 })

    await core.ok(c, 'settings.update', { externalRetentionMonths: 6 })
    // The edition's last day is Friday 17 April 2026: on 17 October (Amsterdam) the data stays.
    clock.now = new Date('2026-10-17T21:59:00Z')
    expect(await core.ok(c, 'privacy.applyRetention', {})).toEqual({ registrations: 0, editions: 0 })
    // 18 October, just after midnight in Amsterdam: removed.
    clock.now = new Date('2026-10-17T22:01:00Z')
    expect(await core.ok(c, 'privacy.applyRetention', {})).toEqual({ registrations: 1, editions: 1 })
    expect(await core.ok(c, 'privacy.applyRetention', {})).toEqual({ registrations: 0, editions: 0 })

    const regs = await core.ok(c, 'registrations.list', { editionId: edition.id })
    const anonymised = regs.find((r) => r.id === guest.id)!
    expect(anonymised).toMatchObject({ name: '—', email: null, organisation: null, dietary: '', role: 'external', status: 'registered' })
    // Registrants of the centre keep theirs.
    expect(regs.find((r) => r.personId === freek.id)).toMatchObject({ name: FREEK.name })
    expect(statistics(core.db)).toEqual(before)
    const bytes = fileText()
    for (const needle of ['ottoline', 'elders bv']) expect(bytes).not.toContain(needle)

    const log = await core.ok(c, 'privacy.log', {})
    expect(log[0]).toMatchObject({ kind: 'retention', actorId: c, personId: null, counts: { registrations: 1, editions: 1, months: 6 } })
    expect(await core.as(centre.teacher.id, 'privacy.applyRetention', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a retention period out of range, changing nothing', async () => {
    const { core, coordinator } = centre
    const before = tableChecksum(core.db)
    for (const months of [0, 121, 1.5]) {
      expect(await core.as(coordinator.id, 'settings.update', { externalRetentionMonths: months })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
    expect(tableChecksum(core.db)).toBe(before)
  })
})

describe('retention schedule and migration 0130', () => {
  it('runs when the core opens, logged without an actor', async () => {
    const { core, coordinator, edition } = centre
    await core.ok(coordinator.id, 'registrations.register', {
      editionId: edition.id,
      attendee: { name: 'Externe Wietske', email: 'wietske@elders.test', role: 'external', organisation: null },
    })
    await core.ok(coordinator.id, 'settings.update', { externalRetentionMonths: 1 })
    const dataDir = core.dataDir
    core.close()

    // A month and a few days after the edition's last day (17 April), the centre opens again.
    const later = openTestCore({ dataDir, clock: () => new Date('2026-05-20T08:00:00Z') })
    try {
      const regs = later.db.prepare<[], { name: string; email: string | null; anonymised_at: string | null }>(
        "SELECT name, email, anonymised_at FROM symposium_registrations WHERE role = 'external'",
      )
      expect(regs.all()).toEqual([{ name: '—', email: null, anonymised_at: '2026-05-20T08:00:00.000Z' }])
      const log = await later.ok(coordinator.id, 'privacy.log', {})
      expect(log[0]).toMatchObject({ kind: 'retention', actorId: null, counts: { registrations: 1 } })
    } finally {
      // The fixture's cleanup then closes the first core once more (a no-op) and removes the folder.
      later.close()
    }
  })

  it('adds the erasure columns empty to existing rows and keeps the log free of names by its shape', () => {
    const { core } = centre
    const columns = (table: string) => core.db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table)
    expect(columns('people').map((c) => c.name)).toContain('erased_at')
    expect(columns('symposium_registrations').map((c) => c.name)).toContain('anonymised_at')
    expect(columns('privacy_log').map((c) => c.name)).toEqual([
      'id',
      'kind',
      'at',
      'actor_id',
      'person_id',
      'person_role',
      'texts',
      'counts',
    ])
    expect(core.db.prepare('SELECT count(*) AS n FROM people WHERE erased_at IS NOT NULL').get()).toEqual({ n: 0 })
    // An erasure always names whose record; a retention run never does.
    const insert = core.db.prepare("INSERT INTO privacy_log (kind, at, person_id, counts) VALUES (?, '2026-01-01T00:00:00Z', ?, '{}')")
    expect(() => insert.run('erasure', null)).toThrow(/CHECK/)
    expect(() => insert.run('retention', freek.id)).toThrow(/CHECK/)
  })
})
