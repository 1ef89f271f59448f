// Wires the core by hand: opens the data folder's database, builds the services, maps every
// contract method to its handler and returns the dispatcher. Plain Node: used by the Electron main
// process, the browser-mode server, the tests and the benchmark alike.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { version } from '../../package.json'
import { systemClock, type Clock } from './clock'
import { openDatabase, readUserVersion, type Db } from './db/database'
import { loadDemoCentre } from './demo/demoCentre'
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher'
import { createFileLogger, type Logger } from './log'
import { createPeopleService } from './people/peopleService'
import { createSettingsService } from './settings/settingsService'
import { createAvailability } from './bookings/availability'
import { createBookingService } from './bookings/bookingService'
import { createCalendarExport } from './bookings/calendarExport'
import { createEquipmentService } from './equipment/equipmentService'
import { createPermitService } from './permits/permitService'
import { createExperimentService } from './knowledge/experimentService'
import { createRevisions } from './knowledge/revisions'
import { createLinks } from './knowledge/links'
import { createNoteService } from './knowledge/noteService'
import { createAttachmentStore, type AttachmentStore } from './attachments/attachmentStore'
import { backfillSearch } from './search/searchDocuments'
import { createSearchIndex } from './search/searchIndex'
import { createExchangeHandlers } from './exchange/exchangeHandlers'
import { createSymposiumModule } from './symposia/symposiaHandlers'
import { createSymposiumExportHandlers } from './symposia/exports/symposiumExportHandlers'
import type { CoreServices } from './coreServices'
import { startBackupSchedule } from './backup/backupSchedule'
import { startRetentionSchedule } from './privacy/retentionSchedule'
import { createPortfolioHandlers } from './portfolio/portfolioHandlers'
import { createReportHandlers } from './reports/reportsHandlers'
import { createDashboardHandlers } from './dashboard/dashboardHandlers'
import { createPrivacyHandlers } from './privacy/privacyHandlers'
import { createBackupHandlers } from './backup/backupHandlers'

export interface WerkbankOptions {
  dataDir: string
  /** better-sqlite3 build for this runtime; Electron passes its own. */
  nativeBinding?: string
  /** Fill an empty data folder with the demo centre. */
  demo?: boolean
  validateOutputs?: boolean
  clock?: Clock
  log?: Logger
}

export interface WerkbankCore {
  call: Dispatch
  /** For the transports: an attachment's file by its SHA-256, or null. */
  findAttachment: AttachmentStore['find']
  dataDir: string
  db: Db
  log: Logger
  close(): void
}

export const DATABASE_FILE = 'werkbank.sqlite'

export function openWerkbank(options: WerkbankOptions): WerkbankCore {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const log = options.log ?? createFileLogger(dataDir)
  const clock = options.clock ?? systemClock
  const db = openDatabase(join(dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding, now: clock })

  const search = createSearchIndex(db)
  const index = search.upsert
  const people = createPeopleService(db, clock, index)
  const settings = createSettingsService(db)
  const equipment = createEquipmentService(db, clock, index)
  const permits = createPermitService(db, clock)
  const timeZone = () => settings.get().timeZone
  const bookings = createBookingService({ db, clock, equipment, permits, timeZone })
  const attachments = createAttachmentStore(db, clock, dataDir)
  const revisions = createRevisions(db)
  const links = createLinks(db)
  const experiments = createExperimentService(db, clock, revisions, links, attachments, index)
  const notes = createNoteService(db, clock, revisions, links, index)
  const availability = createAvailability(db, clock, equipment, timeZone)
  const calendarExport = createCalendarExport(db, clock, bookings, { centre: () => settings.get().centreName, timeZone })

  const symposia = createSymposiumModule({ db, clock, timeZone, people, bookings, search })

  const services: CoreServices = {
    db,
    clock,
    log,
    dataDir,
    timeZone,
    settings,
    people,
    equipment,
    permits,
    bookings,
    attachments,
    experiments,
    notes,
    search,
    symposia,
  }

  const demoServices = { db, clock, timeZone, attachments, people, equipment, permits, bookings }

  const handlers: Handlers = {
    'app.info': () => ({ version, schemaVersion: readUserVersion(db), dataDir, isEmpty: people.count() === 0 }),
    'demo.load': () => loadDemoCentre(demoServices),
    'people.create': (input, ctx) => people.create(input, ctx.actor),
    'people.get': (input) => people.get(input.id),
    'people.list': (input) => people.list(input),
    'people.update': (input, ctx) => people.update(input, ctx.actor),
    'people.setActive': (input, ctx) => people.setActive(input, ctx.actor),
    'people.countByRole': () => people.countByRole(),
    'equipment.list': (input) => equipment.list(input),
    'equipment.get': (input) => equipment.get(input.id),
    'equipment.create': (input, ctx) => equipment.create(input, ctx.actor),
    'equipment.update': (input, ctx) => equipment.update(input, ctx.actor),
    'permits.list': (input) => permits.list(input),
    'permits.grant': (input, ctx) => permits.grant(input, ctx.actor),
    'permits.revoke': (input, ctx) => permits.revoke(input, ctx.actor),
    'bookings.list': (input) => bookings.list(input),
    'bookings.get': (input) => bookings.get(input.id),
    'bookings.create': (input, ctx) => bookings.create(input, ctx.actor),
    'bookings.update': (input, ctx) => bookings.update(input, ctx.actor),
    'bookings.cancel': (input, ctx) => bookings.cancel(input, ctx.actor),
    'bookings.approve': (input, ctx) => bookings.approve(input, ctx.actor),
    'bookings.previewSeries': (input, ctx) => bookings.previewSeries(input, ctx.actor),
    'bookings.createSeries': (input, ctx) => bookings.createSeries(input, ctx.actor),
    'bookings.conflicts': (input, ctx) => bookings.conflicts(input, ctx.actor),
    'bookings.checkIn': (input, ctx) => bookings.checkIn(input, ctx.actor),
    'bookings.checkOut': (input, ctx) => bookings.checkOut(input, ctx.actor),
    'bookings.markNoShow': (input, ctx) => bookings.markNoShow(input, ctx.actor),
    'bookings.recordAttendance': (input, ctx) => bookings.recordAttendance(input, ctx.actor),
    'bookings.pending': (_input, ctx) => bookings.pending(ctx.actor),
    'bookings.freeSlots': (input) => availability.freeSlots(input),
    'calendar.export': (input, ctx) => calendarExport.exportCalendar(input, ctx.actor),
    'experiments.list': (input) => experiments.list(input),
    'experiments.get': (input) => experiments.get(input.id),
    'experiments.create': (input, ctx) => experiments.create(input, ctx.actor),
    'experiments.save': (input, ctx) => experiments.save(input, ctx.actor),
    'experiments.setStatus': (input, ctx) => experiments.setStatus(input, ctx.actor),
    'experiments.revisions': (input) => experiments.revisions(input.id),
    'experiments.restore': (input, ctx) => experiments.restore(input, ctx.actor),
    'experiments.settingsLibrary': (input) => experiments.settingsLibrary(input),
    'notes.list': (input) => notes.list(input),
    'notes.get': (input) => notes.get(input.id),
    'notes.create': (input, ctx) => notes.create(input, ctx.actor),
    'notes.save': (input, ctx) => notes.save(input, ctx.actor),
    'notes.review': (input, ctx) => notes.review(input, ctx.actor),
    'notes.revisions': (input) => notes.revisions(input.id),
    'notes.restore': (input, ctx) => notes.restore(input, ctx.actor),
    'notes.titles': (input) => notes.titles(input.prefix, input.limit),
    'links.backlinks': (input) => notes.backlinks(input.kind, input.id),
    'search.query': (input) => search.search(input),
    'attachments.upload': (input, ctx) => attachments.upload(input, ctx.actor),
    'settings.get': () => settings.get(),
    'settings.update': (input, ctx) => settings.update(input, ctx.actor),
    ...createExchangeHandlers({ db, clock, experiments, notes, equipment, people, bookings, attachments, centre: () => settings.get() }),
    ...symposia.handlers,
    ...createSymposiumExportHandlers({ db, clock, symposia, centre: () => settings.get() }),
    ...createPortfolioHandlers(services),
    ...createReportHandlers(services),
    ...createDashboardHandlers(services),
    ...createPrivacyHandlers(services),
    ...createBackupHandlers(services),
  }

  if (options.demo && people.count() === 0) loadDemoCentre(demoServices)
  backfillSearch(db, search, {
    people: () => people.list({ includeInactive: true, limit: 1_000_000 }).items,
    equipment: () => equipment.list({ includeRetired: true }),
    experiments: () =>
      experiments
        .list({ limit: 1_000_000, offset: 0 })
        .reverse()
        .map((e) => experiments.get(e.id)),
    notes: () =>
      notes
        .list({ limit: 1_000_000, offset: 0 })
        .reverse()
        .map((n) => notes.get(n.id)),
    sessions: () => symposia.programme.allSessions(),
  })

  const call = createDispatcher({
    handlers,
    resolveActor: (id) => people.actor(id),
    log,
    validateOutputs: options.validateOutputs ?? process.env.WERKBANK_VALIDATE_OUTPUTS === '1',
  })
  log.info('opened', { dataDir, version })
  // Work that runs while the core is open; each returns its stop function.
  const stopBackgroundWork = [startBackupSchedule(services), startRetentionSchedule(services)]

  return {
    call,
    findAttachment: attachments.find,
    dataDir,
    db,
    log,
    close() {
      for (const stop of stopBackgroundWork) stop()
      db.close()
    },
  }
}
