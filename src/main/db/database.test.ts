import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/testCore'
import { DatabaseTooNewError, openDatabase, readUserVersion } from './database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, parseMigrations } from './migrations'

const dirs: string[] = []
function tempFile() {
  const dir = makeTempDir()
  dirs.push(dir)
  return join(dir, 'werkbank.sqlite')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const columns = (db: Database.Database, table: string) =>
  db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(table)
    .map((c) => c.name)

describe('opening a database', () => {
  it('migrates an empty file to the latest version and sets the pragmas', () => {
    const db = openDatabase(tempFile())
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  })

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const file = tempFile()
    const newer = new Database(file)
    newer.exec('CREATE TABLE future (x)')
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`)
    newer.close()
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    expect(() => openDatabase(file)).toThrow(/newer version of Werkbank/)

    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
    expect(existsSync(file + '-wal')).toBe(false)
  })

  it('rolls back a failing migration as a whole, version included', () => {
    const file = tempFile()
    const good = parseMigrations({ '/m/0001-a.sql': 'CREATE TABLE a (x);' })
    const bad = parseMigrations({
      '/m/0001-a.sql': 'CREATE TABLE a (x);',
      '/m/0002-b.sql': 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);',
    })
    openDatabase(file, { migrations: good }).close()
    expect(() => openDatabase(file, { migrations: bad })).toThrow(/nowhere/)
    const db = new Database(file)
    expect(readUserVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('backs the file up before migrating an existing database', () => {
    const file = tempFile()
    openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }).close()
    openDatabase(file, { now: () => new Date('2026-01-02T03:04:05Z') }).close()
    const backups = readdirSync(join(file, '..', 'backups'))
    expect(backups).toEqual(['2026-01-02T03-04-05-000Z-pre-migration']) // docs/backup.md: a folder per backup
  })

  it('does not back up a brand-new file', () => {
    const file = tempFile()
    openDatabase(file).close()
    expect(existsSync(join(file, '..', 'backups'))).toBe(false)
  })

  it('rejects badly named or duplicate migration files', () => {
    expect(() => parseMigrations({ '/m/1-x.sql': '' })).toThrow(/NNNN-name/)
    expect(() => parseMigrations({ '/m/0001-x.sql': '', '/n/0001-y.sql': '' })).toThrow(/share version/)
  })
})

describe('each migration', () => {
  const upTo = (version: number) => {
    const file = tempFile()
    return openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= version) })
  }

  it('0010-settings creates the settings with the centre defaults', () => {
    const db = upTo(10)
    expect(db.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
      { key: 'centreName', value: '"Kenniscentrum Werkbank"' },
      { key: 'timeZone', value: '"Europe/Amsterdam"' },
    ])
    db.close()
  })

  it('0020-people creates people with unique emails and checked roles', () => {
    const db = upTo(20)
    expect(columns(db, 'people')).toEqual(
      expect.arrayContaining(['name', 'email', 'role', 'trade', 'organisation', 'active', 'search_text', 'version', 'created_by']),
    )
    const insert = db.prepare(
      "INSERT INTO people (name, email, role, search_text, created_at, updated_at) VALUES (?, ?, ?, '', '2026-01-01', '2026-01-01')",
    )
    insert.run('A', 'a@example.nl', 'student')
    expect(() => insert.run('B', 'a@example.nl', 'student')).toThrow(/UNIQUE/)
    expect(() => insert.run('C', null, 'wizard')).toThrow(/CHECK/)
    insert.run('D', null, 'guest')
    insert.run('E', null, 'guest') // many people may have no email
    db.close()
  })

  it('0030-equipment creates machines, permits and bookings, with the occupying-bookings index', () => {
    const db = upTo(30)
    for (const table of ['equipment', 'permits', 'bookings', 'booking_participants']) expect(columns(db, table).length).toBeGreaterThan(1)
    const index = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'bookings_occupying'").get() as { sql: string }
    expect(index.sql).toMatch(/WHERE status IN/)
    db.close()
  })

  it('0040-booking-series adds series and links bookings to them', () => {
    const db = upTo(40)
    expect(columns(db, 'booking_series')).toEqual(expect.arrayContaining(['rule', 'created_by']))
    expect(columns(db, 'bookings')).toContain('series_id')
    db.close()
  })

  it('0050-training-attendance records who attended and the permit it gave', () => {
    const db = upTo(50)
    expect(columns(db, 'training_attendance')).toEqual(['booking_id', 'person_id', 'attended', 'permit_id', 'recorded_by', 'recorded_at'])
    db.close()
  })

  it('0060-knowledge creates experiments, notes, tags, links and revisions', () => {
    const db = upTo(60)
    for (const table of ['experiments', 'experiment_parameters', 'experiment_materials', 'notes', 'tags', 'links', 'revisions']) {
      expect(columns(db, table).length, table).toBeGreaterThan(2)
    }
    db.close()
  })

  it('0080-attachments stores files by hash and links them to experiments', () => {
    const db = upTo(80)
    expect(columns(db, 'attachments')).toEqual(['sha256', 'size', 'media_type', 'thumbnail', 'created_by', 'created_at'])
    expect(columns(db, 'experiment_attachments')).toEqual(['experiment_id', 'position', 'sha256', 'name', 'caption'])
    db.close()
  })

  it('0100-symposia creates editions, the call, the programme, registrations, the outbox and the budget', () => {
    const db = upTo(100)
    for (const table of [
      'symposium_editions',
      'symposium_rooms',
      'symposium_tracks',
      'symposium_criteria',
      'symposium_submissions',
      'symposium_submission_speakers',
      'symposium_reviews',
      'symposium_sessions',
      'symposium_session_speakers',
      'symposium_slots',
      'symposium_registrations',
      'symposium_checkins',
      'symposium_workshop_signups',
      'symposium_message_templates',
      'symposium_outbox',
      'symposium_budget_lines',
    ]) {
      expect(columns(db, table).length, table).toBeGreaterThan(2)
    }
    expect(columns(db, 'symposium_slots')).toEqual(expect.arrayContaining(['session_id', 'room_id', 'booking_id', 'booking_problem']))
    db.close()
  })
})

describe('migration 0110-search-prefixes', () => {
  it('rebuilds the search index with prefix indexes up to 5 characters, keeping every document and its rowid', async () => {
    const { createSearchIndex } = await import('../search/searchIndex')
    const file = tempFile()
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 100) })
    const index = createSearchIndex(before)
    const doc = { body: '', tags: [] as string[], author: null, outcome: null }
    index.upsert({ ...doc, kind: 'note', refId: 1, title: 'Eikenfineer lasersnijden', body: 'Vermogen 60 %, twee passes.' })
    index.upsert({
      ...doc,
      kind: 'experiment',
      refId: 7,
      title: 'Walnoot',
      tags: ['massief hout'],
      author: 'Zoë de Vries',
      outcome: 'worked',
    })
    index.upsert({ ...doc, kind: 'person', refId: 3, title: 'Café Öztürk', body: 'Meubelmaker' })
    index.upsert({ ...doc, kind: 'note', refId: 1, title: 'Eikenfineer lasersnijden', body: 'Vermogen 55 %, drie passes.' }) // a rewrite: new rowid
    const rows = (db: Database.Database) => ({
      docs: db.prepare('SELECT doc_id, kind, ref_id FROM search_docs ORDER BY doc_id').all(),
      text: db.prepare('SELECT rowid, title, tags, filters, body FROM search_index ORDER BY rowid').all(),
    })
    const stored = rows(before)
    before.close()

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 110) })
    expect(readUserVersion(db)).toBe(110)
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'search_index'").get()!.sql
    expect(sql).toContain("prefix = '2 3 4 5'")
    expect(sql).toContain("tokenize = 'unicode61 remove_diacritics 2'")
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE 'search_index_0110%'").get()).toEqual({ n: 0 })
    expect(rows(db)).toEqual(stored)
    // The index agrees with the stored text (FTS5 checks every term of every row, prefix indexes included).
    expect(() => db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")).not.toThrow()
    const found = (q: string) =>
      createSearchIndex(db)
        .search({ q, limit: 10 })
        .map((r) => `${r.kind}:${r.refId}`)
    expect(found('eiken')).toEqual(['note:1'])
    expect(found('eikenf')).toEqual(['note:1'])
    expect(found('55')).toEqual(['note:1'])
    expect(found('60')).toEqual([])
    expect(found('walno tag:massief author:zoe outcome:worked')).toEqual(['experiment:7'])
    expect(found('cafe')).toEqual(['person:3'])
    db.close()
  })
})

describe('migration 0115-experiment-list-index', () => {
  it('replaces the updated_at index with one that also holds status, outcome and author, and the lists use it', () => {
    const db = openDatabase(tempFile(), { migrations: MIGRATIONS.filter((m) => m.version <= 115) })
    const indexOf = (name: string) =>
      db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").get(name)
    expect(indexOf('experiments_updated')).toBeUndefined()
    expect(indexOf('experiments_newest')!.sql).toMatch(/\(updated_at, id, status, outcome, author_id\)/)
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT e.id, e.title FROM experiments e WHERE e.outcome = 'failed' AND e.author_id = 1
         ORDER BY e.updated_at DESC, e.id DESC LIMIT 100`,
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail)).toEqual(['SCAN e USING INDEX experiments_newest'])
    db.close()
  })
})
