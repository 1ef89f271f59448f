// The learning portfolio per person (see docs/portfolio.md): reading it, the person's goals and
// reflections, coach comments, the choice of coaches, and its exports (PDF, JSON, Open Badges 3.0).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import { randomBytes } from 'node:crypto'
import { toLocal } from '../../shared/calendarTime'
import type { ExportedFile, ExportLanguage } from '../../shared/exchange'
import type { portfolioMethods } from '../../shared/portfolio'
import type { ExportedText } from '../../shared/symposiumExports'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { requireActor } from '../permissions'
import { slug } from '../symposia/exports/labels'
import { attendanceCredential } from './openBadge'
import { PORTFOLIO_LABELS } from './portfolioLabels'
import { portfolioPdf, type PortfolioDocumentContext } from './portfolioPdf'
import { createPortfolioService } from './portfolioService'

/** Version of the JSON export's shape, so a reader can tell later changes apart. */
export const PORTFOLIO_JSON_FORMAT = 'werkbank-portfolio/1'

export function createPortfolioHandlers(services: CoreServices): Pick<Handlers, keyof typeof portfolioMethods> {
  const { db, clock, settings, timeZone } = services
  const portfolio = createPortfolioService(db, clock, timeZone)
  const selectRegistration = db.prepare<[number], { id: number; edition_id: number; person_id: number | null; title: string }>(
    `SELECT r.id, r.edition_id, r.person_id, e.title FROM symposium_registrations r JOIN symposium_editions e ON e.id = r.edition_id
     WHERE r.id = ?`,
  )
  const selectCentreKey = db.prepare<[], { first: string | null }>('SELECT min(created_at) AS first FROM people')

  function documentContext(language: ExportLanguage): PortfolioDocumentContext {
    const labels = PORTFOLIO_LABELS[language]
    const zone = timeZone()
    const plain = new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    const dateTime = new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone })
    // Local dates are read at noon UTC so no zone can move them to another day.
    const date = (d: string) => plain.format(new Date(`${d}T12:00:00Z`))
    return {
      labels,
      centreName: settings.get().centreName,
      clock,
      date,
      instant: (iso) => date(toLocal(Date.parse(iso), zone).date),
      generatedAt: dateTime.format(clock()),
    }
  }

  const file = (filename: string, mediaType: string, bytes: Uint8Array): ExportedFile => ({
    filename,
    mediaType,
    dataBase64: Buffer.from(bytes).toString('base64'),
  })
  const text = (filename: string, mediaType: string, content: string): ExportedText => ({ filename, mediaType, content })
  const baseName = (name: string) => `portfolio-${slug(name, 'person')}`

  return {
    'portfolio.get': (input, ctx) => portfolio.get(input.personId, ctx.actor),
    'portfolio.goalCreate': (input, ctx) => portfolio.journal.createGoal(input, ctx.actor),
    'portfolio.goalSave': (input, ctx) => portfolio.journal.saveGoal(input, ctx.actor),
    'portfolio.reflectionCreate': (input, ctx) => portfolio.journal.createReflection(input, ctx.actor),
    'portfolio.reflectionSave': (input, ctx) => portfolio.journal.saveReflection(input, ctx.actor),
    'portfolio.comment': (input, ctx) => portfolio.journal.comment(input, ctx.actor),
    'portfolio.coachesSet': (input, ctx) => portfolio.journal.setCoaches(input, ctx.actor),

    'portfolio.exportPdf': async (input, ctx) => {
      const p = portfolio.get(input.personId, ctx.actor)
      const bytes = await portfolioPdf(p, documentContext(input.language))
      return file(`${baseName(p.person.name)}.pdf`, 'application/pdf', bytes)
    },

    'portfolio.exportJson': (input, ctx) => {
      // What the caller may do (access, coaching) is about the screen, not the person: not in the record.
      const { access: _access, coaching: _coaching, ...record } = portfolio.get(input.personId, ctx.actor)
      const doc = {
        format: PORTFOLIO_JSON_FORMAT,
        centre: settings.get().centreName,
        timeZone: timeZone(),
        generatedAt: clock().toISOString(),
        ...record,
      }
      return text(`${baseName(record.person.name)}.json`, 'application/json', JSON.stringify(doc, null, 2) + '\n')
    },

    'portfolio.badge': (input, ctx) => {
      requireActor(ctx.actor)
      const registration = selectRegistration.get(input.registrationId)
      if (!registration || registration.person_id === null) throw notFound('registration', input.registrationId)
      // Reading the person's portfolio is the permission: the person, their coaches, managers.
      const p = portfolio.get(registration.person_id, ctx.actor)
      const attended = p.symposia.find((s) => s.registrationId === registration.id)
      if (!attended) {
        throw new AppError('RULE', `${p.person.name} was not checked in at ${registration.title}`, {
          reason: 'badgeNotAttended',
          name: p.person.name,
        })
      }
      const doc = documentContext(input.language)
      const person = portfolio.requirePerson(registration.person_id)
      const credential = attendanceCredential(
        {
          centreName: doc.centreName,
          centreKey: selectCentreKey.get()?.first ?? '',
          edition: { id: registration.edition_id, title: registration.title },
          registrationId: registration.id,
          person: { name: person.name, email: person.email },
          days: attended.days,
          sessions: attended.sessions,
          minutes: attended.minutes,
          issuedAt: clock(),
          salt: randomBytes(12).toString('hex'),
        },
        doc.labels,
        doc.date,
      )
      const name = `${slug(registration.title)}-badge-${slug(person.name, 'person')}.json`
      return text(name, 'application/ld+json', JSON.stringify(credential, null, 2) + '\n')
    },
  }
}
