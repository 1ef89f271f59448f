// Wires the symposium module: builds its services and maps every `symposiumMethods` entry of the
// contract to its handler, for bootstrap to spread into the dispatcher's handlers.
import type { symposiumMethods } from '../../shared/symposia'
import type { BookingService } from '../bookings/bookingService'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor, Handlers } from '../dispatcher'
import type { PeopleService } from '../people/peopleService'
import type { SearchIndex } from '../search/searchIndex'
import { createBudgetService } from './budgetService'
import { createEditionService } from './editionService'
import { createFeedbackService } from './feedbackService'
import { createOutbox } from './outbox'
import { createProgrammeService } from './programmeService'
import { createRegistrationService } from './registrationService'
import { createSubmissionService } from './submissionService'

export interface SymposiumDeps {
  db: Db
  clock: Clock
  timeZone: () => string
  people: PeopleService
  bookings: BookingService
  search: Pick<SearchIndex, 'upsert' | 'remove'>
}

export function createSymposiumModule({ db, clock, timeZone, people, bookings, search }: SymposiumDeps) {
  const editions = createEditionService(db, clock)
  const outbox = createOutbox(db, clock)
  const programme = createProgrammeService({ db, clock, timeZone, editions, bookings, search })
  const submissions = createSubmissionService({
    db,
    clock,
    timeZone,
    editions,
    people,
    outbox,
    sessions: { index: programme.indexSession, forget: (id) => search.remove('session', id) },
  })
  const registrations = createRegistrationService({ db, clock, editions, outbox, timeZone })
  const budget = createBudgetService({ db, editions })
  const feedback = createFeedbackService({ db, clock, editions })

  // A raised capacity (the edition's, a workshop's) hands the free places to those waiting, in the
  // same transaction as the change.
  const updateEdition = writeTransaction(db, (input: Parameters<typeof editions.update>[0], actor: Actor | null) => {
    const edition = editions.update(input, actor)
    registrations.fillFreePlaces(edition.id)
    return editions.get(edition.id)
  })
  const updateSession = writeTransaction(db, (input: Parameters<typeof programme.updateSession>[0], actor: Actor | null) => {
    const before = programme.updateSession(input, actor)
    registrations.fillFreePlaces(before.editionId)
    return programme.get(before.editionId, actor)
  })

  const handlers: Pick<Handlers, keyof typeof symposiumMethods> = {
    'symposia.list': () => editions.list(),
    'symposia.get': (input) => editions.get(input.id),
    'symposia.create': (input, ctx) => editions.create(input, ctx.actor),
    'symposia.update': (input, ctx) => updateEdition(input, ctx.actor),
    'submissions.list': (input, ctx) => submissions.list(input, ctx.actor),
    'submissions.get': (input, ctx) => submissions.get(input.id, ctx.actor),
    'submissions.create': (input, ctx) => submissions.create(input, ctx.actor),
    'submissions.update': (input, ctx) => submissions.update(input, ctx.actor),
    'submissions.review': (input, ctx) => submissions.review(input, ctx.actor),
    'submissions.decide': (input, ctx) => submissions.decide(input, ctx.actor),
    'submissions.withdraw': (input, ctx) => submissions.withdraw(input, ctx.actor),
    'programme.get': (input, ctx) => programme.get(input.editionId, ctx.actor),
    'programme.session': (input, ctx) => programme.getSession(input.id, ctx.actor),
    'programme.createSession': (input, ctx) => programme.createSession(input, ctx.actor),
    'programme.updateSession': (input, ctx) => updateSession(input, ctx.actor),
    'programme.schedule': (input, ctx) => programme.schedule(input, ctx.actor),
    'programme.setBreak': (input, ctx) => programme.setBreak(input, ctx.actor),
    'programme.unschedule': (input, ctx) => programme.unschedule(input, ctx.actor),
    'registrations.list': (input, ctx) => registrations.list(input, ctx.actor),
    'registrations.register': (input, ctx) => registrations.register(input, ctx.actor),
    'registrations.cancel': (input, ctx) => registrations.cancel(input, ctx.actor),
    'registrations.checkIn': (input, ctx) => registrations.checkIn(input, ctx.actor),
    'registrations.workshop': (input, ctx) => registrations.workshop(input, ctx.actor),
    'outbox.list': (input, ctx) => outbox.list(input.editionId, ctx.actor),
    'outbox.templates': (input, ctx) => outbox.templates(input.editionId, ctx.actor),
    'outbox.saveTemplate': (input, ctx) => outbox.saveTemplate(input, ctx.actor),
    'outbox.resetTemplate': (input, ctx) => outbox.resetTemplate(input, ctx.actor),
    'outbox.eml': (input, ctx) => outbox.eml(input.id, ctx.actor),
    'outbox.markSent': (input, ctx) => outbox.markSent(input.ids, ctx.actor),
    'feedback.give': (input, ctx) => feedback.give(input, ctx.actor),
    'feedback.summary': (input, ctx) => feedback.summary(input.editionId, ctx.actor),
    'budget.get': (input, ctx) => budget.get(input, ctx.actor),
    'budget.saveLine': (input, ctx) => budget.saveLine(input, ctx.actor),
    'budget.deleteLine': (input, ctx) => budget.deleteLine(input, ctx.actor),
  }

  return { handlers, updateEdition, updateSession, editions, submissions, programme, registrations, budget, outbox, feedback }
}
