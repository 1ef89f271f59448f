// Backups and restore on real SQLite files: what a backup holds, retention over a simulated month,
// the backup before a migration, every refused restore leaving the data as it was, and a restore
// that the running core reads and writes on at once.
import Database from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BackupInfo } from '../../shared/backup'
import { DEFAULT_BOOKING_RULES } from '../../shared/equipment'
import { openDatabase } from '../db/database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations'
import { makeTempDir, openTestCore, tableChecksum, type TestCore } from '../testing/testCore'
import { backupDatabaseFile, listBackups } from './backupStore'
import { CHECK_EVERY_MS, FIRST_CHECK_MS, runScheduledBackup } from './backupSchedule'
import { expectedTables } from './restore'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

let cores: TestCore[] = []
afterEach(() => {
  for (const core of cores) core.cleanup()
  cores = []
})

async function centre(clock = { now: new Date('2026-03-02T08:00:00Z') }) {
  const core = openTestCore({ clock: () => clock.now })
  cores.push(core)
  const coordinator = await core.ok(null, 'people.create', { name: 'Marieke Coördinator', role: 'coordinator' })
  const student = await core.ok(coordinator.id, 'people.create', { name: 'Daan Student', role: 'student' })
  await core.ok(coordinator.id, 'notes.create', { content: { title: 'Berken multiplex snijden', category: 'material' } })
  const upload = await core.ok(coordinator.id, 'attachments.upload', {
    name: 'dot.png',
    mediaType: 'image/png',
    dataBase64: PNG.toString('base64'),
  })
  return { core, clock, coordinator, student, c: coordinator.id, attachment: upload.sha256 }
}

function checksumOfFile(file: string): string {
  const db = new Database(file, { readonly: true })
  try {
    return tableChecksum(db)
  } finally {
    db.close()
  }
}

describe('making a backup', () => {
  it('copies every row and every attachment, with a manifest', async () => {
    const { core, c, attachment } = await centre()
    const info = await core.ok(c, 'backup.create', {})
    expect(info).toMatchObject({ kind: 'manual', schemaVersion: LATEST_SCHEMA_VERSION, attachmentCount: 1, attachmentBytes: PNG.length })
    expect(checksumOfFile(backupDatabaseFile(core.dataDir, info.id))).toBe(tableChecksum(core.db))
    const copy = join(core.dataDir, 'backups', info.id, 'attachments', attachment.slice(0, 2), attachment)
    expect(readFileSync(copy)).toEqual(PNG)
    // A hard link where the file system allows it: the same file, no second copy of the bytes.
    expect(statSync(copy).ino).toBe(statSync(join(core.dataDir, 'attachments', attachment.slice(0, 2), attachment)).ino)
    expect((await core.ok(c, 'backup.list', {})).backups.map((b) => b.id)).toEqual([info.id])
  })

  it('is for coordinators only', async () => {
    const { core, student } = await centre()
    for (const method of ['backup.list', 'backup.create'] as const) {
      expect(await core.as(student.id, method, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(existsSync(join(core.dataDir, 'backups'))).toBe(false)
  })

  it('keeps exactly 7 daily and 4 weekly backups over a month of days, one a day', async () => {
    const { core } = await centre()
    const clock = { now: new Date('2026-03-02T01:00:00Z') }
    const services = { db: core.db, dataDir: core.dataDir, clock: () => clock.now, log: core.log }
    const made: BackupInfo[] = []
    for (let day = 0; day < 40; day++) {
      // Hourly checks: only the first of each day makes one.
      for (let hour = 0; hour < 3; hour++) {
        const info = await runScheduledBackup(services)
        if (info) made.push(info)
        clock.now = new Date(clock.now.getTime() + 3_600_000)
      }
      clock.now = new Date(clock.now.getTime() + 21 * 3_600_000)
    }
    expect(made).toHaveLength(40)
    // Every seventh day's backup is the weekly one.
    expect(made.filter((b) => b.kind === 'weekly').map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
    ])
    const kept = listBackups(core.dataDir)
    expect(kept.filter((b) => b.kind === 'weekly').map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-04-06',
      '2026-03-30',
      '2026-03-23',
      '2026-03-16',
    ])
    expect(kept.filter((b) => b.kind === 'daily').map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-04-10',
      '2026-04-09',
      '2026-04-08',
      '2026-04-07',
      '2026-04-05',
      '2026-04-04',
      '2026-04-03',
    ])
    expect(readdirSync(join(core.dataDir, 'backups'))).toHaveLength(11)
  })

  it('backs up before migrating an existing database, and only then', async () => {
    const dir = makeTempDir()
    const file = join(dir, 'werkbank.sqlite')
    openDatabase(file).close()
    expect(existsSync(join(dir, 'backups'))).toBe(false) // a new file: nothing to keep
    const old = MIGRATIONS.slice(0, 3)
    const dir2 = makeTempDir()
    const file2 = join(dir2, 'werkbank.sqlite')
    openDatabase(file2, { migrations: old }).close()
    openDatabase(file2, { now: () => new Date('2026-03-02T08:00:00Z') }).close()
    openDatabase(file2).close() // nothing pending: no second backup
    const backups = listBackups(dir2)
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: old.at(-1)!.version, createdAt: '2026-03-02T08:00:00.000Z' })
  })
})

describe('restore', () => {
  async function withBackup() {
    const setup = await centre()
    const backup = await setup.core.ok(setup.c, 'backup.create', {})
    return { ...setup, backup, file: backupDatabaseFile(setup.core.dataDir, backup.id) }
  }

  /** A changed copy of the backup's database, uploaded for restore. */
  function variant(source: string, change: (db: Database.Database) => void): Buffer {
    const copy = join(makeTempDir(), 'variant.sqlite')
    copyFileSync(source, copy)
    const db = new Database(copy)
    db.pragma('journal_mode = DELETE')
    db.pragma('foreign_keys = OFF')
    change(db)
    db.close()
    return readFileSync(copy)
  }

  const cases: [string, (file: string) => Buffer, string][] = [
    [
      'a damaged file (garbage over pages)',
      (file) => {
        const copy = join(makeTempDir(), 'damaged.sqlite')
        copyFileSync(file, copy)
        const size = statSync(copy).size
        const fd = openSync(copy, 'r+')
        // The last pages hold table and index data, not the schema: the file opens, the check fails.
        for (let page = 3; page <= 6; page++) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, size - page * 4096)
        closeSync(fd)
        return readFileSync(copy)
      },
      'restoreCorrupt',
    ],
    [
      'a file with records pointing at nothing',
      (file) => variant(file, (db) => db.prepare("UPDATE notes SET author_id = 999 WHERE title = 'Berken multiplex snijden'").run()),
      'restoreForeignKeys',
    ],
    [
      'a file from a newer Werkbank',
      (file) => variant(file, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)),
      'restoreTooNew',
    ],
    [
      'an SQLite file of another program',
      () => {
        const other = join(makeTempDir(), 'other.sqlite')
        const db = new Database(other)
        db.exec('CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES (1)')
        db.pragma('user_version = 10')
        db.close()
        return readFileSync(other)
      },
      'restoreNotWerkbank',
    ],
    ['a file that is not SQLite at all', () => Buffer.from('PK\u0003\u0004 this is a zip, not a database'.repeat(100)), 'restoreNotSqlite'],
  ]

  it.each(cases)('refuses %s and changes nothing', async (_name, make, reason) => {
    const { core, c, file } = await withBackup()
    const upload = make(file)
    const before = tableChecksum(core.db)
    const backupsBefore = readdirSync(join(core.dataDir, 'backups'))
    const result = await core.as(c, 'backup.restoreUpload', { filename: 'centre.sqlite', data: upload.toString('base64') })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason } } })
    expect(tableChecksum(core.db)).toBe(before)
    // No safety backup, no work folder left behind.
    expect(readdirSync(join(core.dataDir, 'backups'))).toEqual(backupsBefore)
    // And the core goes on as before.
    await core.ok(c, 'notes.create', { content: { title: 'Nog steeds schrijfbaar', category: 'technique' } })
  })

  it('lets only a coordinator restore or delete', async () => {
    const { core, student, backup, file } = await withBackup()
    const before = tableChecksum(core.db)
    for (const [method, input] of [
      ['backup.restore', { id: backup.id }],
      ['backup.restoreUpload', { filename: 'x.sqlite', data: readFileSync(file).toString('base64') }],
      ['backup.delete', { id: backup.id }],
    ] as const) {
      expect(await core.as(student.id, method, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(tableChecksum(core.db)).toBe(before)
    expect(listBackups(core.dataDir)).toHaveLength(1)
  })

  it('deletes a backup by its id, and nothing outside the backups folder', async () => {
    const { core, c, backup } = await withBackup()
    expect(await core.as(c, 'backup.delete', { id: '../attachments' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await core.as(c, 'backup.delete', { id: '2020-01-01T00-00-00-000Z-manual' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await core.ok(c, 'backup.delete', { id: backup.id })
    expect(listBackups(core.dataDir)).toEqual([])
    expect(existsSync(join(core.dataDir, 'attachments'))).toBe(true)
  })

  it('refuses a damaged backup from the list too', async () => {
    const { core, c, file, backup } = await withBackup()
    const size = statSync(file).size
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, size - 3 * 4096)
    closeSync(fd)
    const before = tableChecksum(core.db)
    expect(await core.as(c, 'backup.restore', { id: backup.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'restoreCorrupt' } },
    })
    expect(tableChecksum(core.db)).toBe(before)
  })

  it('puts the backup back: the running core reads its data and writes on it, with a safety backup of what was there', async () => {
    const { core, c, backup, attachment } = await withBackup()
    const laser = await core.ok(c, 'equipment.create', {
      name: 'Lasersnijder',
      kind: 'laser_cutter',
      status: 'available',
      rules: DEFAULT_BOOKING_RULES,
    })
    const second = await core.ok(c, 'backup.create', {})
    // After the backup: a note, a new centre name, and the laser's rules changed (version 2, read once).
    await core.ok(c, 'notes.create', { content: { title: 'Na de backup', category: 'safety' } })
    await core.ok(c, 'settings.update', { centreName: 'Nieuwe naam' })
    const changed = await core.ok(c, 'equipment.update', {
      id: laser.id,
      version: laser.version,
      rules: { ...laser.rules, slotMinutes: 15 },
    })
    expect((await core.ok(c, 'equipment.get', { id: laser.id })).rules.slotMinutes).toBe(15)
    const afterChanges = tableChecksum(core.db)
    // A lost attachment file comes back from the backup.
    const live = join(core.dataDir, 'attachments', attachment.slice(0, 2), attachment)
    rmSync(live)

    const result = await core.ok(c, 'backup.restore', { id: second.id })
    expect(result.safetyBackup.kind).toBe('pre-restore')
    expect(result.missingAttachments).toBe(0)
    expect(readFileSync(live)).toEqual(PNG)
    expect(checksumOfFile(backupDatabaseFile(core.dataDir, result.safetyBackup.id))).toBe(afterChanges)
    expect(checksumOfFile(backupDatabaseFile(core.dataDir, second.id))).toBe(tableChecksum(core.db))

    const titles = (await core.ok(c, 'notes.list', { limit: 50, offset: 0 })).map((n) => n.title)
    expect(titles).toEqual(['Berken multiplex snijden'])
    expect((await core.ok(c, 'settings.get', {})).centreName).not.toBe('Nieuwe naam')
    // Version 2 again but other rules: the cached parse of version 2 must not come back.
    const again = await core.ok(c, 'equipment.get', { id: laser.id })
    expect(again.version).toBe(laser.version)
    const rewritten = await core.ok(c, 'equipment.update', {
      id: laser.id,
      version: again.version,
      rules: { ...laser.rules, slotMinutes: 60 },
    })
    expect(rewritten.version).toBe(changed.version)
    expect((await core.ok(c, 'equipment.get', { id: laser.id })).rules.slotMinutes).toBe(60)
    await core.ok(c, 'notes.create', { content: { title: 'Na het terugzetten', category: 'technique' } })
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok')
    void backup
  })

  it('forgets the rules it had parsed: the restored machine may hold other rules under the same version', async () => {
    const { core, c } = await centre()
    const laser = await core.ok(c, 'equipment.create', {
      name: 'Lasersnijder',
      kind: 'laser_cutter',
      status: 'available',
      rules: DEFAULT_BOOKING_RULES,
    })
    const backup = await core.ok(c, 'backup.create', {})
    expect((await core.ok(c, 'equipment.get', { id: laser.id })).rules.slotMinutes).toBe(DEFAULT_BOOKING_RULES.slotMinutes)
    // Another history (a file from elsewhere): the same machine and version, other rules.
    const upload = variant(backupDatabaseFile(core.dataDir, backup.id), (db) =>
      db.prepare("UPDATE equipment SET rules = json_set(rules, '$.slotMinutes', 30) WHERE id = ?").run(laser.id),
    )
    await core.ok(c, 'backup.restoreUpload', { filename: 'elders.sqlite', data: upload.toString('base64') })
    const restored = await core.ok(c, 'equipment.get', { id: laser.id })
    expect(restored.version).toBe(laser.version)
    expect(restored.rules.slotMinutes).toBe(30)
    // The uploaded file was in rollback-journal mode; the live database stays in WAL, with a sound file after reopening.
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal')
    core.close()
    const reopened = openTestCore({ dataDir: core.dataDir })
    cores.push(reopened)
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((await reopened.ok(c, 'equipment.get', { id: laser.id })).rules.slotMinutes).toBe(30)
  })

  it('migrates an older backup to this schema', async () => {
    const { core, c } = await withBackup()
    const old = join(makeTempDir(), 'old.sqlite')
    openDatabase(old, { migrations: MIGRATIONS.slice(0, 3) }).close()
    const result = await core.ok(c, 'backup.restoreUpload', { filename: 'old.sqlite', data: readFileSync(old).toString('base64') })
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    for (const table of expectedTables(LATEST_SCHEMA_VERSION)) {
      expect(core.db.prepare('SELECT count(*) AS n FROM sqlite_schema WHERE name = ?').get(table)).toEqual({ n: 1 })
    }
    // The old file has nobody in it: the first profile is made again, and writing works.
    const first = await core.ok(null, 'people.create', { name: 'Eerste Coördinator', role: 'coordinator' })
    await core.ok(first.id, 'notes.create', { content: { title: 'Op het oude bestand', category: 'technique' } })
  })
})

describe('the schedule', () => {
  it('makes the day’s backup shortly after opening, then checks every hour', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] })
    try {
      const clock = { now: new Date('2026-03-02T08:00:00Z') }
      const core = openTestCore({ clock: () => clock.now })
      cores.push(core)
      const count = () => listBackups(core.dataDir).length
      vi.advanceTimersByTime(FIRST_CHECK_MS - 1000)
      expect(count()).toBe(0)
      vi.advanceTimersByTime(1000)
      await vi.waitFor(() => expect(count()).toBe(1), { timeout: 5000 })
      expect(listBackups(core.dataDir)[0]!.kind).toBe('weekly') // the first one ever
      // An hour later, the same day: nothing due.
      clock.now = new Date('2026-03-02T09:00:00Z')
      vi.advanceTimersByTime(CHECK_EVERY_MS)
      await new Promise((done) => setImmediate(done))
      expect(count()).toBe(1)
      // The next day: a daily one.
      clock.now = new Date('2026-03-03T08:30:00Z')
      vi.advanceTimersByTime(CHECK_EVERY_MS)
      await vi.waitFor(() => expect(count()).toBe(2), { timeout: 5000 })
      expect(listBackups(core.dataDir)[0]!.kind).toBe('daily')
    } finally {
      vi.useRealTimers()
    }
  })
})
