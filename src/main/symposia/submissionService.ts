// The call for contributions and its review. Owns `symposium_submissions`, their speakers and
// `symposium_reviews`. Anyone may submit while the call is open; coordinators and teachers review
// (never their own submission); coordinators decide. Accepting makes the submission a session of
// the programme; every decision queues a letter to each speaker.
import type { z } from 'zod'
import { toLocal } from '../../shared/calendarTime'
import type {
  SubmissionStatus,
  Submission,
  SubmissionType,
  decisionInput,
  reviewInput,
  speakerInput,
  submissionCreateInput,
  submissionListInput,
  submissionUpdateInput,
  withdrawInput,
} from '../../shared/symposia'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor, requireCoordinator, requireManager } from '../permissions'
import type { PeopleService } from '../people/peopleService'
import type { EditionService } from './editionService'
import { editionLetterValues, type Outbox } from './outbox'

interface SubmissionRow {
  id: number
  edition_id: number
  title: string
  abstract: string
  type: SubmissionType
  duration_minutes: number
  audience: string
  track_id: number | null
  needs_room_capacity: number | null
  equipment_id: number | null
  equipment_name: string | null
  language: 'nl' | 'en'
  status: SubmissionStatus
  decision_note: string
  decided_at: string | null
  submitted_by: number
  submitted_by_name: string
  submitted_at: string
  session_id: number | null
  version: number
}

interface ReviewRow {
  reviewer_id: number
  reviewer_name: string
  scores: string
  mean: number
  comment: string
  updated_at: string
}

const SELECT = `SELECT s.*, e.name AS equipment_name, p.name AS submitted_by_name, ses.id AS session_id
  FROM symposium_submissions s
  JOIN people p ON p.id = s.submitted_by
  LEFT JOIN equipment e ON e.id = s.equipment_id
  LEFT JOIN symposium_sessions ses ON ses.submission_id = s.id`

type SubmissionFields = Omit<z.output<typeof submissionCreateInput>, 'editionId'>

export interface SubmissionDeps {
  db: Db
  clock: Clock
  timeZone: () => string
  editions: EditionService
  people: PeopleService
  outbox: Outbox
  /** The programme keeps the one search in step with the sessions an acceptance makes or takes back. */
  sessions: { index(id: number): void; forget(id: number): void }
}

export type SubmissionService = ReturnType<typeof createSubmissionService>

export function createSubmissionService({ db, clock, timeZone, editions, people, outbox, sessions }: SubmissionDeps) {
  const selectById = db.prepare<[number], SubmissionRow>(SELECT + ' WHERE s.id = ?')
  const selectSpeakers = db.prepare<[number], { id: number; name: string; email: string | null; organisation: string | null }>(
    `SELECT p.id, p.name, p.email, p.organisation FROM symposium_submission_speakers sp JOIN people p ON p.id = sp.person_id
     WHERE sp.submission_id = ? ORDER BY sp.position`,
  )
  const selectReviews = db.prepare<[number], ReviewRow>(
    `SELECT r.reviewer_id, p.name AS reviewer_name, r.scores, r.mean, r.comment, r.updated_at
     FROM symposium_reviews r JOIN people p ON p.id = r.reviewer_id WHERE r.submission_id = ? ORDER BY r.created_at, r.reviewer_id`,
  )
  const insertSpeaker = db.prepare('INSERT INTO symposium_submission_speakers (submission_id, person_id, position) VALUES (?, ?, ?)')
  const deleteSpeakers = db.prepare('DELETE FROM symposium_submission_speakers WHERE submission_id = ?')
  const trackOfEdition = db.prepare<[number, number], { id: number }>('SELECT id FROM symposium_tracks WHERE id = ? AND edition_id = ?')
  const equipmentExists = db.prepare<[number], { id: number }>('SELECT id FROM equipment WHERE id = ?')
  const personRow = db.prepare<[number], { id: number; active: number }>('SELECT id, active FROM people WHERE id = ?')

  function getRow(id: number): SubmissionRow {
    const row = selectById.get(id)
    if (!row) throw notFound('submission', id)
    return row
  }

  const speakerIds = (id: number) => selectSpeakers.all(id).map((s) => s.id)

  function toSubmission(row: SubmissionRow, actor: Actor | null): Submission {
    const speakers = selectSpeakers.all(row.id)
    const reviews = selectReviews.all(row.id).map((r) => ({
      reviewer: { id: r.reviewer_id, name: r.reviewer_name },
      scores: JSON.parse(r.scores) as { criterionId: number; score: number }[],
      mean: r.mean,
      comment: r.comment,
      updatedAt: r.updated_at,
    }))
    const canSeeReviews = actor !== null && isManager(actor) && !speakers.some((s) => s.id === actor.id)
    return {
      id: row.id,
      editionId: row.edition_id,
      title: row.title,
      abstract: row.abstract,
      type: row.type,
      durationMinutes: row.duration_minutes,
      audience: row.audience,
      trackId: row.track_id,
      needsRoomCapacity: row.needs_room_capacity,
      equipmentId: row.equipment_id,
      equipmentName: row.equipment_name,
      language: row.language,
      speakers,
      submittedBy: { id: row.submitted_by, name: row.submitted_by_name },
      submittedAt: row.submitted_at,
      status: row.status,
      decisionNote: row.decision_note,
      decidedAt: row.decided_at,
      sessionId: row.session_id,
      // Speakers learn how many reviews there are, never what they say.
      stats: canSeeReviews ? reviewStats(reviews.map((r) => r.mean)) : { ...reviewStats([]), count: reviews.length },
      reviews: canSeeReviews ? reviews : [],
      version: row.version,
    }
  }

  /** Someone who may see a submission under review: managers, its submitter and its speakers. */
  function mayRead(row: SubmissionRow, actor: Actor): boolean {
    return isManager(actor) || row.submitted_by === actor.id || speakerIds(row.id).includes(actor.id)
  }

  function today(): string {
    return toLocal(clock().getTime(), timeZone()).date
  }

  function assertCallOpen(editionId: number) {
    const edition = editions.require(editionId)
    const date = today()
    if (date < edition.cfp_opens_on) {
      throw new AppError('RULE', `The call for contributions opens on ${edition.cfp_opens_on}`, {
        reason: 'callNotOpen',
        date: edition.cfp_opens_on,
      })
    }
    if (date > edition.cfp_closes_on) {
      throw new AppError('RULE', `The call for contributions closed on ${edition.cfp_closes_on}`, {
        reason: 'callClosed',
        date: edition.cfp_closes_on,
      })
    }
  }

  function checkReferences(editionId: number, fields: SubmissionFields) {
    if (fields.trackId !== null && !trackOfEdition.get(fields.trackId, editionId)) throw notFound('track', fields.trackId)
    if (fields.equipmentId !== null && !equipmentExists.get(fields.equipmentId)) throw notFound('equipment', fields.equipmentId)
  }

  /** People of the centre by id; externals found by e-mail or added as guests. */
  function resolveSpeakers(speakers: z.output<typeof speakerInput>[], actor: Actor): number[] {
    const ids: number[] = []
    for (const speaker of speakers) {
      let id: number
      if ('personId' in speaker) {
        const row = personRow.get(speaker.personId)
        if (!row) throw notFound('person', speaker.personId)
        if (!row.active) throw new AppError('RULE', 'Inactive people cannot be speakers', { reason: 'personInactive' })
        id = row.id
      } else {
        id = people.findOrCreateGuest(speaker, actor).id
      }
      if (!ids.includes(id)) ids.push(id)
    }
    // A contribution is one's own: only coordinators and teachers submit on behalf of others.
    if (!isManager(actor) && !ids.includes(actor.id)) {
      throw new AppError('RULE', 'You must be one of the speakers', { reason: 'submitterNotSpeaker' })
    }
    return ids
  }

  function writeSpeakers(submissionId: number, ids: number[]) {
    deleteSpeakers.run(submissionId)
    ids.forEach((id, position) => insertSpeaker.run(submissionId, id, position))
  }

  const create = writeTransaction(db, (input: z.output<typeof submissionCreateInput>, actor: Actor | null): Submission => {
    requireActor(actor)
    const { editionId, speakers, ...fields } = input
    assertCallOpen(editionId)
    checkReferences(editionId, { ...fields, speakers })
    const ids = resolveSpeakers(speakers, actor)
    const result = db
      .prepare(
        `INSERT INTO symposium_submissions (edition_id, title, abstract, type, duration_minutes, audience, track_id, needs_room_capacity,
           equipment_id, language, status, submitted_by, submitted_at)
         VALUES (@editionId, @title, @abstract, @type, @durationMinutes, @audience, @trackId, @needsRoomCapacity, @equipmentId, @language,
           'submitted', @actor, @now)`,
      )
      .run({ editionId, ...fields, actor: actor.id, now: clock().toISOString() })
    const id = Number(result.lastInsertRowid)
    writeSpeakers(id, ids)
    return toSubmission(getRow(id), actor)
  })

  const update = writeTransaction(db, (input: z.output<typeof submissionUpdateInput>, actor: Actor | null): Submission => {
    requireActor(actor)
    const row = getRow(input.id)
    const ownsIt = row.submitted_by === actor.id || speakerIds(row.id).includes(actor.id)
    if (!ownsIt && actor.role !== 'coordinator') throw new AppError('FORBIDDEN', 'Not your submission', { reason: 'notYourSubmission' })
    if (row.status !== 'submitted') throw new AppError('RULE', 'A decided submission cannot be changed', { reason: 'submissionDecided' })
    if (actor.role !== 'coordinator') assertCallOpen(row.edition_id)
    if (row.version !== input.version) throw stale('submission', row.id, row.version)
    const { id, version, speakers, ...fields } = input
    checkReferences(row.edition_id, { ...fields, speakers })
    const ids = resolveSpeakers(speakers, actor)
    db.prepare(
      `UPDATE symposium_submissions SET title = @title, abstract = @abstract, type = @type, duration_minutes = @durationMinutes,
         audience = @audience, track_id = @trackId, needs_room_capacity = @needsRoomCapacity, equipment_id = @equipmentId,
         language = @language, version = version + 1
       WHERE id = @id AND version = @version`,
    ).run({ id, version, ...fields })
    writeSpeakers(id, ids)
    return toSubmission(getRow(id), actor)
  })

  const review = writeTransaction(db, (input: z.output<typeof reviewInput>, actor: Actor | null): Submission => {
    requireManager(actor)
    const row = getRow(input.submissionId)
    if (speakerIds(row.id).includes(actor.id) || row.submitted_by === actor.id) {
      throw new AppError('RULE', 'Nobody reviews their own submission', { reason: 'ownSubmission' })
    }
    if (row.status === 'withdrawn') throw new AppError('RULE', 'This submission was withdrawn', { reason: 'submissionWithdrawn' })
    // One score per criterion of the edition, no more, no less: means stay comparable.
    const criteria = editions.criteria(row.edition_id).map((c) => c.id)
    const scored = input.scores.map((s) => s.criterionId)
    if (scored.length !== criteria.length || new Set(scored).size !== scored.length || !criteria.every((c) => scored.includes(c))) {
      throw new AppError('VALIDATION', 'Score every criterion once', { reason: 'criteriaMismatch' })
    }
    const scores = criteria.map((c) => ({ criterionId: c, score: input.scores.find((s) => s.criterionId === c)!.score }))
    const mean = scores.reduce((sum, s) => sum + s.score, 0) / scores.length
    const now = clock().toISOString()
    db.prepare(
      `INSERT INTO symposium_reviews (submission_id, reviewer_id, scores, mean, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (submission_id, reviewer_id) DO UPDATE SET scores = excluded.scores, mean = excluded.mean, comment = excluded.comment,
         updated_at = excluded.updated_at`,
    ).run(row.id, actor.id, JSON.stringify(scores), mean, input.comment, now, now)
    return toSubmission(getRow(row.id), actor)
  })

  const decide = writeTransaction(db, (input: z.output<typeof decisionInput>, actor: Actor | null): Submission => {
    requireCoordinator(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('submission', row.id, row.version)
    if (row.status === 'withdrawn') throw new AppError('RULE', 'This submission was withdrawn', { reason: 'submissionWithdrawn' })
    if (row.status === input.decision) throw new AppError('RULE', 'This decision was already made', { reason: 'alreadyDecided' })
    if (row.session_id !== null) {
      // Taking back an acceptance removes its session, but never one that is already in the programme.
      const placed = db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM symposium_slots WHERE session_id = ?')
        .get(row.session_id)!.n
      if (placed > 0) throw new AppError('RULE', 'The session is in the programme; take it out first', { reason: 'sessionScheduled' })
      db.prepare('DELETE FROM symposium_session_speakers WHERE session_id = ?').run(row.session_id)
      db.prepare('DELETE FROM symposium_sessions WHERE id = ?').run(row.session_id)
      sessions.forget(row.session_id)
    }
    db.prepare(
      `UPDATE symposium_submissions SET status = ?, decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?`,
    ).run(input.decision, input.note, actor.id, clock().toISOString(), row.id)
    if (input.decision === 'accepted') createSessionFrom(row)
    queueLetters(row, input.decision, input.note)
    return toSubmission(getRow(row.id), actor)
  })

  function createSessionFrom(row: SubmissionRow) {
    const result = db
      .prepare(
        `INSERT INTO symposium_sessions (edition_id, submission_id, title, abstract, type, duration_minutes, track_id, capacity,
           expected_attendance, equipment_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      )
      .run(
        row.edition_id,
        row.id,
        row.title,
        row.abstract,
        row.type,
        row.duration_minutes,
        row.track_id,
        row.needs_room_capacity,
        row.equipment_id,
      )
    const sessionId = Number(result.lastInsertRowid)
    const insert = db.prepare('INSERT INTO symposium_session_speakers (session_id, person_id, position) VALUES (?, ?, ?)')
    speakerIds(row.id).forEach((id, position) => insert.run(sessionId, id, position))
    sessions.index(sessionId)
  }

  function queueLetters(row: SubmissionRow, decision: z.output<typeof decisionInput>['decision'], note: string) {
    const edition = editions.require(row.edition_id)
    const kind = decision === 'accepted' ? 'acceptance' : decision === 'rejected' ? 'rejection' : 'submission_waitlisted'
    const values = {
      ...editionLetterValues(edition, row.language),
      title: row.title,
      note: note ? `\n${note}\n` : '',
    }
    for (const speaker of selectSpeakers.all(row.id)) {
      outbox.enqueue(row.edition_id, kind, { name: speaker.name, email: speaker.email, language: row.language }, values)
    }
  }

  /** The submitter or a speaker takes a submission back, before a decision or while it waits on the reserve list. */
  const withdraw = writeTransaction(db, (input: z.output<typeof withdrawInput>, actor: Actor | null): Submission => {
    requireActor(actor)
    const row = getRow(input.id)
    const ownsIt = row.submitted_by === actor.id || speakerIds(row.id).includes(actor.id)
    if (!ownsIt && actor.role !== 'coordinator') throw new AppError('FORBIDDEN', 'Not your submission', { reason: 'notYourSubmission' })
    if (row.version !== input.version) throw stale('submission', row.id, row.version)
    if (row.status !== 'submitted' && row.status !== 'waitlisted') {
      throw new AppError('RULE', 'Only a submission under review or on the reserve list can be withdrawn', { reason: 'notWithdrawable' })
    }
    db.prepare("UPDATE symposium_submissions SET status = 'withdrawn', version = version + 1 WHERE id = ?").run(row.id)
    return toSubmission(getRow(row.id), actor)
  })

  function list(input: z.output<typeof submissionListInput>, actor: Actor | null): Submission[] {
    requireActor(actor)
    editions.require(input.editionId)
    const rows = db
      .prepare<{ edition: number; status: string | null }, SubmissionRow>(
        SELECT + ' WHERE s.edition_id = @edition AND (@status IS NULL OR s.status = @status) ORDER BY s.submitted_at, s.id',
      )
      .all({ edition: input.editionId, status: input.status ?? null })
    return rows.filter((row) => mayRead(row, actor)).map((row) => toSubmission(row, actor))
  }

  function get(id: number, actor: Actor | null): Submission {
    requireActor(actor)
    const row = getRow(id)
    if (!mayRead(row, actor)) throw notFound('submission', id)
    return toSubmission(row, actor)
  }

  return { create, update, review, decide, withdraw, list, get }
}

/** Mean of the reviewers' means, and their spread (population standard deviation). */
export function reviewStats(means: number[]): { count: number; mean: number | null; spread: number | null } {
  if (means.length === 0) return { count: 0, mean: null, spread: null }
  const mean = means.reduce((a, b) => a + b, 0) / means.length
  const spread = Math.sqrt(means.reduce((sum, m) => sum + (m - mean) ** 2, 0) / means.length)
  const round = (n: number) => Math.round(n * 100) / 100
  return { count: means.length, mean: round(mean), spread: round(spread) }
}
