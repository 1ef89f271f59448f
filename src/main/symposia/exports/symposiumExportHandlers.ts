// Symposium exports (see docs/symposia-exports.md). Owns no table: everything is read through the
// symposium services, and nothing is written. Coordinators and teachers export everything; a
// speaker may export their own calendar, and anyone their own certificate of attendance.
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import { toLocal } from '../../../shared/calendarTime'
import type { ExportedFile, ExportLanguage } from '../../../shared/exchange'
import type { ExportedText, symposiumExportMethods } from '../../../shared/symposiumExports'
import type { Clock } from '../../clock'
import type { Db } from '../../db/database'
import type { Actor, Handlers } from '../../dispatcher'
import { AppError, notFound } from '../../errors'
import { isManager, requireActor } from '../../permissions'
import type { EditionService } from '../editionService'
import type { ProgrammeService } from '../programmeService'
import type { RegistrationService } from '../registrationService'
import { attendeesCsv } from './attendeesCsv'
import { nameBadges } from './badges'
import { programmeBooklet, type DocumentContext } from './booklet'
import { symposiumCalendar } from './calendar'
import { attendanceFacts, certificates } from './certificates'
import { formatters, LABELS, slug } from './labels'
import { buildProgrammeModel } from './programmeModel'
import { buildSchedule, scheduleJson, scheduleXml } from './schedule'

export interface SymposiumExportDeps {
  db: Db
  clock: Clock
  symposia: { editions: EditionService; programme: ProgrammeService; registrations: RegistrationService }
  /** The centre's name and time zone, read at export time (settings can change). */
  centre: () => { centreName: string; timeZone: string }
}

export function createSymposiumExportHandlers({
  db,
  clock,
  symposia,
  centre,
}: SymposiumExportDeps): Pick<Handlers, keyof typeof symposiumExportMethods> {
  const selectPerson = db.prepare<[number], { name: string }>('SELECT name FROM people WHERE id = ?')
  const selectRegistration = db.prepare<[number], { id: number; edition_id: number; person_id: number | null; name: string }>(
    'SELECT id, edition_id, person_id, name FROM symposium_registrations WHERE id = ?',
  )
  const selectOwnRegistration = db.prepare<[number, number], { id: number; name: string }>(
    "SELECT id, name FROM symposium_registrations WHERE edition_id = ? AND person_id = ? AND status <> 'cancelled'",
  )
  // The certificate is signed for the organisers by the coordinator who set the edition up.
  const selectOrganiser = db.prepare<[number], { name: string }>(
    'SELECT p.name FROM symposium_editions e JOIN people p ON p.id = e.created_by WHERE e.id = ?',
  )

  function requireStaff(actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (!isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only coordinators and teachers may do this for a symposium', { reason: 'symposiumStaffOnly' })
    }
  }

  function load(editionId: number, actor: Actor, language: ExportLanguage) {
    const edition = symposia.editions.get(editionId)
    const { centreName, timeZone } = centre()
    const model = buildProgrammeModel({ db, edition, programme: symposia.programme.get(editionId, actor), timeZone })
    const labels = LABELS[language]
    const dates = formatters(language, timeZone)
    const ctx: DocumentContext = { labels, dates, clock, generatedLine: labels.generated(centreName, dates.dateTime(clock().getTime())) }
    return { edition, model, ctx, base: slug(edition.title) }
  }

  const file = (filename: string, mediaType: string, bytes: Uint8Array): ExportedFile => ({
    filename,
    mediaType,
    dataBase64: Buffer.from(bytes).toString('base64'),
  })
  const text = (filename: string, mediaType: string, content: string): ExportedText => ({ filename, mediaType, content })

  return {
    'symposiumExports.booklet': async (input, ctx) => {
      requireStaff(ctx.actor)
      const { model, ctx: doc, base } = load(input.editionId, ctx.actor, input.language)
      const name = input.language === 'en' ? 'programme' : 'programma'
      return file(`${base}-${name}.pdf`, 'application/pdf', await programmeBooklet(model, doc))
    },

    'symposiumExports.calendar': (input, ctx) => {
      requireActor(ctx.actor)
      // Someone's own speaker calendar is theirs; the programme and other speakers' are for staff.
      if (input.speakerId === undefined || input.speakerId !== ctx.actor.id) {
        if (!isManager(ctx.actor)) {
          throw new AppError('FORBIDDEN', 'Only your own calendar', {
            reason: input.speakerId === undefined ? 'symposiumStaffOnly' : 'notYourCalendar',
          })
        }
      }
      const { edition, model, ctx: doc, base } = load(input.editionId, ctx.actor, input.language)
      let name = doc.labels.calendarName(edition.title)
      let filename = `${base}.ics`
      if (input.speakerId !== undefined) {
        const person = selectPerson.get(input.speakerId)
        if (!person) throw notFound('person', input.speakerId)
        name = doc.labels.speakerCalendarName(person.name, edition.title)
        filename = `${base}-${slug(person.name, 'speaker')}.ics`
      }
      const content = symposiumCalendar(model, doc.labels, { name, speakerId: input.speakerId, now: clock().getTime() })
      return text(filename, 'text/calendar', content)
    },

    'symposiumExports.scheduleXml': (input, ctx) => {
      requireStaff(ctx.actor)
      const { model, base } = load(input.editionId, ctx.actor, input.language)
      return text(`${base}-schedule.xml`, 'application/xml', scheduleXml(buildSchedule(model, input.baseUrl)))
    },

    'symposiumExports.scheduleJson': (input, ctx) => {
      requireStaff(ctx.actor)
      const { model, base } = load(input.editionId, ctx.actor, input.language)
      return text(`${base}-schedule.json`, 'application/json', scheduleJson(buildSchedule(model, input.baseUrl)))
    },

    'symposiumExports.attendeesCsv': (input, ctx) => {
      requireStaff(ctx.actor)
      const { model, ctx: doc, base } = load(input.editionId, ctx.actor, input.language)
      const registrations = symposia.registrations.list({ editionId: input.editionId }, ctx.actor)
      const titles = new Map(model.events.map((s) => [s.id, `${s.title} (${doc.dates.date(s.date)} ${s.start})`]))
      const name = input.language === 'en' ? 'attendees' : 'deelnemers'
      return text(
        `${base}-${name}.csv`,
        'text/csv',
        attendeesCsv(registrations, titles, doc.labels, (ms) => doc.dates.dateTime(ms)),
      )
    },

    'symposiumExports.badges': async (input, ctx) => {
      requireStaff(ctx.actor)
      const { edition, ctx: doc, base } = load(input.editionId, ctx.actor, input.language)
      const registrations = symposia.registrations.list({ editionId: input.editionId }, ctx.actor)
      return file(`${base}-badges.pdf`, 'application/pdf', await nameBadges(edition, registrations, doc))
    },

    'symposiumExports.certificates': async (input, ctx) => {
      const actor = ctx.actor
      requireActor(actor)
      const { edition, model, ctx: doc, base } = load(input.editionId, actor, input.language)
      const attendance = symposia.registrations.attendance(edition.id)
      let wanted: { id: number; name: string } | null = null
      if (input.registrationId !== undefined) {
        const row = selectRegistration.get(input.registrationId)
        // A registration of another edition is as good as missing from this one.
        if (!row || row.edition_id !== edition.id) throw notFound('registration', input.registrationId)
        if (row.person_id !== actor.id && !isManager(actor)) {
          throw new AppError('FORBIDDEN', 'This is not your registration', { reason: 'notYourRegistration' })
        }
        wanted = row
      } else if (!isManager(actor)) {
        const own = selectOwnRegistration.get(edition.id, actor.id)
        if (!own) throw new AppError('RULE', 'You were not registered for this symposium', { reason: 'notRegistered', name: actor.name })
        wanted = own
      }
      const chosen = wanted === null ? attendance : attendance.filter((a) => a.registrationId === wanted.id)
      if (wanted !== null && chosen.length === 0) {
        throw new AppError('RULE', `${wanted.name} was not checked in, so there is no certificate`, {
          reason: 'certificateNotCheckedIn',
          name: wanted.name,
        })
      }
      const people = chosen.map((a) => attendanceFacts(model, a)).sort((a, b) => a.name.localeCompare(b.name, doc.labels.locale))
      const bytes = await certificates(model, people, {
        ...doc,
        signedBy: selectOrganiser.get(edition.id)?.name ?? '',
        today: doc.dates.date(toLocal(clock().getTime(), model.zone).date),
      })
      const kind = input.language === 'en' ? 'certificate' : 'certificaat'
      const who = wanted ? slug(wanted.name, 'person') : input.language === 'en' ? 'all' : 'iedereen'
      return file(`${base}-${kind}-${who}.pdf`, 'application/pdf', bytes)
    },
  }
}
