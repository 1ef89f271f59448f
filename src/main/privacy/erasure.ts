// Erasing a person (GDPR art. 17) while keeping the centre's statistics: the people row stays with
// a placeholder name, its role and its links, so bookings, experiments, registrations and talks
// still count where they counted; every name, e-mail address and contact detail goes, and the texts
// the person wrote stay or go as the coordinator chooses. docs/privacy.md lists what changes where.
//
// One immediate transaction does all of it (a refusal or a failure changes nothing). Afterwards the
// file is rewritten (VACUUM) and the write-ahead log emptied, so no page of the file still holds
// what was removed; see "Leaving no trace" in docs/privacy.md for why VACUUM and not secure_delete.
import type { ExportLanguage } from '../../shared/exchange'
import { experimentContent, type ExperimentContent } from '../../shared/experiments'
import type { Role } from '../../shared/people'
import type { EraseTexts, PrivacyCounts } from '../../shared/privacy'
import type { CoreServices } from '../coreServices'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { createLinks, linksInText, titleKey } from '../knowledge/links'
import { requireCoordinator } from '../permissions'
import { experimentDocument, noteDocument } from '../search/searchDocuments'
import { createPrivacyLog } from './privacyLog'

export interface EraseRequest {
  personId: number
  confirmName: string
  texts: EraseTexts
  language: ExportLanguage
}

const PLACEHOLDER = { nl: 'Gewiste persoon', en: 'Erased person' } as const
const REMOVED_TEXT = { nl: 'Verwijderde tekst', en: 'Removed text' } as const

export const placeholderName = (id: number, language: ExportLanguage) => `${PLACEHOLDER[language]} ${id}`

/** The confirmation compares names as people type them: case, accents and spacing do not matter. */
const sameName = (typed: string, name: string) => titleKey(typed) === titleKey(name) && titleKey(name) !== ''

/** An experiment's content with every free text blanked: structure, numbers, links and tags stay. */
export function blankExperiment(content: ExperimentContent, title: string): ExperimentContent {
  return {
    ...content,
    title,
    question: '',
    hypothesis: '',
    method: '',
    observations: '',
    results: '',
    conclusion: '',
    attachments: content.attachments.map((a, i) => ({ sha256: a.sha256, name: `file-${i + 1}`, caption: '' })),
  }
}

export function createErasure(services: CoreServices) {
  const { db, clock } = services
  const links = createLinks(db)
  const privacyLog = createPrivacyLog(db)
  const s = statements(db)

  const eraseInTransaction = writeTransaction(db, (request: EraseRequest, actor: Actor | null) => {
    requireCoordinator(actor)
    const person = s.person.get(request.personId)
    if (!person) throw notFound('person', request.personId)
    if (person.erased_at !== null) {
      throw new AppError('CONFLICT', `Person ${person.id} was erased already`, { reason: 'alreadyErased', personId: person.id })
    }
    // The erasing coordinator is active and not the one erased, so the centre always keeps a coordinator.
    if (person.id === actor.id) throw new AppError('RULE', 'You cannot erase your own profile', { reason: 'eraseSelf' })
    if (!sameName(request.confirmName, person.name)) {
      throw new AppError('VALIDATION', 'The typed name is not the name of this person', { reason: 'eraseConfirmName' })
    }

    const now = clock().toISOString()
    const placeholder = placeholderName(person.id, request.language)
    const removedTitle = (kind: string, id: number) => `${REMOVED_TEXT[request.language]} (${kind} ${id})`
    const counts: PrivacyCounts = {}
    const add = (key: string, n: number) => {
      if (n > 0) counts[key] = (counts[key] ?? 0) + n
    }

    // Addresses the person was written to: their own and any their registrations used.
    const registrations = s.registrationsOf.all({ id: person.id, email: person.email })
    const emails = [...new Set([person.email, ...registrations.map((r) => r.email)].filter((e): e is string => !!e))]
    const names = [...new Set([person.name, ...registrations.map((r) => r.name)])]
    // Editions where they registered or speak: messages to them by name only are sought there.
    const editionIds = [...new Set([...registrations.map((r) => r.edition_id), ...s.speakerEditions.all(person.id).map((r) => r.id)])]

    s.erasePerson.run({ id: person.id, name: placeholder, now, actor: actor.id })
    services.search.remove('person', person.id)

    add('permits', s.clearPermitTexts.run(person.id).changes)
    add('bookings', s.clearBookingTexts.run({ id: person.id }).changes)
    add('registrations', s.anonymiseRegistrations.run({ id: person.id, email: person.email, name: placeholder, now }).changes)
    add('messages', s.anonymiseMessagesByEmail.run({ emails: JSON.stringify(emails), name: placeholder }).changes)
    add(
      'messages',
      s.anonymiseMessagesByName.run({ names: JSON.stringify(names), editions: JSON.stringify(editionIds), name: placeholder }).changes,
    )

    // A portfolio is about the person through and through: their goals and reflections, and what
    // coaches wrote about them, go in either choice. Goals keep their status and dates (counted).
    add('portfolioGoals', s.clearGoals.run(REMOVED_TEXT[request.language], person.id).changes)
    add('portfolioReflections', s.clearReflections.run(person.id).changes)
    add('portfolioComments', s.clearCommentsAbout.run(person.id).changes)
    add('portfolioCoaches', s.removeCoaching.run({ id: person.id }).changes)

    if (request.texts === 'remove') {
      add('portfolioComments', s.clearCommentsBy.run(person.id).changes)
      add('feedback', s.clearFeedback.run(person.id).changes)
      add('reviews', s.clearReviews.run(person.id).changes)
      for (const sub of s.submissionsBy.all(person.id)) {
        s.clearSubmission.run(removedTitle('submission', sub.id), sub.id)
        add('submissions', 1)
        if (sub.session_id !== null) {
          s.clearSession.run(removedTitle('session', sub.session_id), sub.session_id)
          add('sessions', 1)
        }
      }
      for (const e of s.experimentsBy.all(person.id)) {
        const title = removedTitle('experiment', e.id)
        const content = blankExperiment(experimentContent.parse(JSON.parse(e.content)), title)
        s.updateExperimentText.run(title, JSON.stringify(content), e.id)
        s.clearExperimentAttachmentNames.run(e.id)
        links.replace('experiment', e.id, [
          ...content.linkedExperimentIds.map((other) => ({ kind: 'experiment' as const, id: other })),
          ...content.linkedNoteIds.map((note) => ({ kind: 'note' as const, id: note })),
          ...content.equipmentIds.map((machine) => ({ kind: 'machine' as const, id: machine })),
        ])
        for (const r of s.revisionsOf.all('experiment', e.id)) {
          const old = experimentContent.safeParse(JSON.parse(r.snapshot))
          const blank = old.success ? blankExperiment(old.data, title) : { title }
          s.updateSnapshot.run(JSON.stringify(blank), 'experiment', e.id, r.version)
        }
        add('experiments', 1)
      }
      for (const n of s.notesBy.all(person.id)) {
        const title = removedTitle('note', n.id)
        s.updateNoteText.run(title, titleKey(title), n.id)
        links.replace('note', n.id, linksInText(''))
        for (const r of s.revisionsOf.all('note', n.id)) {
          const old = JSON.parse(r.snapshot) as Record<string, unknown>
          s.updateSnapshot.run(JSON.stringify({ ...old, title, body: '' }), 'note', n.id, r.version)
        }
        add('notes', 1)
      }
    }

    // The search holds the author's name in every experiment and note they wrote, and speakers'
    // names in every session: each is indexed again, now with the placeholder.
    for (const { id } of s.experimentIdsBy.all(person.id)) services.search.upsert(experimentDocument(services.experiments.get(id)))
    for (const { id } of s.noteIdsBy.all(person.id)) services.search.upsert(noteDocument(services.notes.get(id)))
    for (const { id } of s.sessionIdsOf.all(person.id)) services.symposia.programme.indexSession(id)

    // FTS5 keeps the words of every deleted or replaced document in its older index segments until
    // those are merged: the person's name from every earlier save of their notes, not only from
    // what was deleted just now. Merging the whole index into one segment drops all of them.
    s.optimizeSearch.run()

    privacyLog.record({
      kind: 'erasure',
      at: now,
      actorId: actor.id,
      personId: person.id,
      personRole: person.role,
      texts: request.texts,
      counts,
    })
    return { personId: person.id, placeholder, counts }
  })

  return {
    erase(request: EraseRequest, actor: Actor | null) {
      const result = eraseInTransaction(request, actor)
      rewriteFile(db)
      return result
    },
  }
}

/**
 * Rewrites the database file without free pages and empties the write-ahead log, so bytes of
 * removed rows survive nowhere in the file (not in freed pages, not in the slack of a page that
 * was edited before the erasure). Costs a copy of the file; erasures are rare.
 */
export function rewriteFile(db: Db) {
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
}

interface PersonRow {
  id: number
  name: string
  email: string | null
  role: Role
  active: number
  erased_at: string | null
}

function statements(db: Db) {
  return {
    person: db.prepare<[number], PersonRow>('SELECT id, name, email, role, active, erased_at FROM people WHERE id = ?'),
    optimizeSearch: db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')"),
    // The role stays, so every statistic by role keeps this person's bookings and registrations.
    erasePerson: db.prepare(
      `UPDATE people SET name = @name, email = NULL, trade = NULL, organisation = NULL, search_text = '', active = 0,
         erased_at = @now, version = version + 1, updated_at = @now, updated_by = @actor
       WHERE id = @id`,
    ),
    clearPermitTexts: db.prepare<[number]>(
      'UPDATE permits SET note = NULL, revoke_reason = NULL WHERE person_id = ? AND (note IS NOT NULL OR revoke_reason IS NOT NULL)',
    ),
    // A booking's purpose and cancel reason say what someone did and why: personal, whatever the
    // texts choice. Bookings they made for others lose them too (they wrote them).
    clearBookingTexts: db.prepare<{ id: number }>(
      `UPDATE bookings SET purpose = NULL, cancel_reason = NULL
       WHERE (person_id = @id OR booked_by = @id) AND (purpose IS NOT NULL OR cancel_reason IS NOT NULL)`,
    ),
    registrationsOf: db.prepare<
      { id: number; email: string | null },
      { id: number; edition_id: number; name: string; email: string | null }
    >(
      `SELECT id, edition_id, name, email FROM symposium_registrations WHERE person_id = @id
       UNION SELECT id, edition_id, name, email FROM symposium_registrations WHERE @email IS NOT NULL AND email = @email`,
    ),
    anonymiseRegistrations: db.prepare(
      `UPDATE symposium_registrations SET name = @name, email = NULL, organisation = NULL, dietary = '',
         anonymised_at = coalesce(anonymised_at, @now)
       WHERE person_id = @id OR (@email IS NOT NULL AND email = @email)`,
    ),
    speakerEditions: db.prepare<[number], { id: number }>(
      `SELECT DISTINCT s.edition_id AS id FROM symposium_submission_speakers sp
       JOIN symposium_submissions s ON s.id = sp.submission_id WHERE sp.person_id = ?`,
    ),
    // Messages keep their kind and dates (how many went out); who they went to and what they said go.
    anonymiseMessagesByEmail: db.prepare(
      `UPDATE symposium_outbox SET to_name = @name, to_email = NULL, subject = '', body = ''
       WHERE to_email IN (SELECT value FROM json_each(@emails))`,
    ),
    // Registrations without an address were written to by name only, within their editions.
    anonymiseMessagesByName: db.prepare(
      `UPDATE symposium_outbox SET to_name = @name, to_email = NULL, subject = '', body = ''
       WHERE edition_id IN (SELECT value FROM json_each(@editions)) AND to_name IN (SELECT value FROM json_each(@names))`,
    ),
    clearFeedback: db.prepare<[number]>(
      `UPDATE symposium_feedback SET comment = ''
       WHERE comment <> '' AND registration_id IN (SELECT id FROM symposium_registrations WHERE person_id = ?)`,
    ),
    clearReviews: db.prepare<[number]>("UPDATE symposium_reviews SET comment = '' WHERE reviewer_id = ? AND comment <> ''"),
    submissionsBy: db.prepare<[number], { id: number; session_id: number | null }>(
      `SELECT s.id, x.id AS session_id FROM symposium_submissions s LEFT JOIN symposium_sessions x ON x.submission_id = s.id
       WHERE s.submitted_by = ?`,
    ),
    clearSubmission: db.prepare<[string, number]>("UPDATE symposium_submissions SET title = ?, abstract = '', audience = '' WHERE id = ?"),
    clearSession: db.prepare<[string, number]>("UPDATE symposium_sessions SET title = ?, abstract = '' WHERE id = ?"),
    experimentsBy: db.prepare<[number], { id: number; content: string }>('SELECT id, content FROM experiments WHERE author_id = ?'),
    experimentIdsBy: db.prepare<[number], { id: number }>('SELECT id FROM experiments WHERE author_id = ?'),
    updateExperimentText: db.prepare<[string, string, number]>('UPDATE experiments SET title = ?, content = ? WHERE id = ?'),
    clearExperimentAttachmentNames: db.prepare<[number]>(
      "UPDATE experiment_attachments SET name = 'file-' || (position + 1), caption = '' WHERE experiment_id = ?",
    ),
    notesBy: db.prepare<[number], { id: number }>('SELECT id FROM notes WHERE author_id = ?'),
    noteIdsBy: db.prepare<[number], { id: number }>('SELECT id FROM notes WHERE author_id = ?'),
    updateNoteText: db.prepare<[string, string, number]>("UPDATE notes SET title = ?, title_key = ?, body = '' WHERE id = ?"),
    revisionsOf: db.prepare<[string, number], { version: number; snapshot: string }>(
      'SELECT version, snapshot FROM revisions WHERE kind = ? AND ref_id = ?',
    ),
    updateSnapshot: db.prepare<[string, string, number, number]>(
      'UPDATE revisions SET snapshot = ? WHERE kind = ? AND ref_id = ? AND version = ?',
    ),
    clearGoals: db.prepare<[string, number]>("UPDATE portfolio_goals SET title = ?, description = '' WHERE person_id = ?"),
    // Reflections and comments must hold at least one character.
    clearReflections: db.prepare<[number]>("UPDATE portfolio_reflections SET body = '—' WHERE person_id = ?"),
    clearCommentsAbout: db.prepare<[number]>("UPDATE portfolio_comments SET body = '—' WHERE person_id = ?"),
    clearCommentsBy: db.prepare<[number]>("UPDATE portfolio_comments SET body = '—' WHERE author_id = ? AND body <> '—'"),
    removeCoaching: db.prepare<{ id: number }>('DELETE FROM portfolio_coaches WHERE person_id = @id OR coach_id = @id'),
    sessionIdsOf: db.prepare<[number], { id: number }>('SELECT session_id AS id FROM symposium_session_speakers WHERE person_id = ?'),
  }
}
