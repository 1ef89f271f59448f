// Feedback on a symposium: one rating and comment per attendance, given by the attendee or typed in
// from a paper form by staff. Owns `symposium_feedback`. Only people who were checked in give it, so
// the figures speak for those who were there; the summary carries no names.
import type { z } from 'zod'
import type { FeedbackSummary, feedbackInput } from '../../shared/symposia'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { isManager, requireActor, requireManager } from '../permissions'
import type { EditionService } from './editionService'

export function createFeedbackService({ db, clock, editions }: { db: Db; clock: Clock; editions: EditionService }) {
  const ownRegistration = db.prepare<[number, number], { id: number }>(
    `SELECT id FROM symposium_registrations WHERE edition_id = ? AND person_id = ? AND status <> 'cancelled'`,
  )
  const registrationOf = db.prepare<[number], { id: number; edition_id: number }>(
    'SELECT id, edition_id FROM symposium_registrations WHERE id = ?',
  )
  const checkedIn = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM symposium_checkins WHERE registration_id = ?')
  const selectAll = db.prepare<[number], { rating: number; comment: string }>(
    `SELECT f.rating, f.comment FROM symposium_feedback f JOIN symposium_registrations r ON r.id = f.registration_id
     WHERE r.edition_id = ? ORDER BY f.created_at DESC, f.registration_id DESC`,
  )

  function summary(editionId: number, actor: Actor | null): FeedbackSummary {
    requireManager(actor)
    editions.require(editionId)
    const rows = selectAll.all(editionId)
    const distribution = [0, 0, 0, 0, 0]
    for (const row of rows) distribution[row.rating - 1]! += 1
    const mean = rows.length ? Math.round((rows.reduce((sum, r) => sum + r.rating, 0) / rows.length) * 100) / 100 : null
    return { count: rows.length, mean, distribution, comments: rows.filter((r) => r.comment !== '') }
  }

  const give = writeTransaction(db, (input: z.output<typeof feedbackInput>, actor: Actor | null): FeedbackSummary | null => {
    requireActor(actor)
    editions.require(input.editionId)
    let registrationId: number
    if (input.registrationId !== undefined) {
      requireManager(actor)
      const row = registrationOf.get(input.registrationId)
      if (!row || row.edition_id !== input.editionId) throw notFound('registration', input.registrationId)
      registrationId = row.id
    } else {
      const own = ownRegistration.get(input.editionId, actor.id)
      if (!own) throw new AppError('RULE', 'Only attendees give feedback', { reason: 'notAnAttendee' })
      registrationId = own.id
    }
    if (checkedIn.get(registrationId)!.n === 0) {
      throw new AppError('RULE', 'Feedback comes from people who were there (checked in)', { reason: 'feedbackNotCheckedIn' })
    }
    db.prepare(
      `INSERT INTO symposium_feedback (registration_id, rating, comment, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (registration_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment`,
    ).run(registrationId, input.rating, input.comment, clock().toISOString())
    // Staff see the overview at once; attendees get no figures about the others.
    return isManager(actor) ? summary(input.editionId, actor) : null
  })

  return { give, summary }
}
