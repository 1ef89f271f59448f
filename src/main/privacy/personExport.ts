// Everything the centre holds about one person (GDPR art. 15 and 20), as a ZIP: `person.json`
// (the structure is documented in docs/privacy.md, "Export") and the files they uploaded or that
// hang in their experiments, under `attachments/`. Other people appear in it by nothing that
// identifies them: no names, e-mail addresses or ids of others, only machines and editions by name.
import { readFileSync } from 'node:fs'
import { zipSync, type Zippable } from 'fflate'
import type { ExportedFile } from '../../shared/exchange'
import { experimentContent } from '../../shared/experiments'
import type { CoreServices } from '../coreServices'
import type { Actor } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { safeFileName } from '../exchange/elnExport'
import { requireActor } from '../permissions'

export const EXPORT_FORMAT = 'werkbank.person-export'
export const EXPORT_FORMAT_VERSION = 1

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString())

export function createPersonExport(services: CoreServices) {
  const { db, clock } = services
  const q = {
    person: db.prepare<
      [number],
      {
        id: number
        name: string
        email: string | null
        role: string
        trade: string | null
        organisation: string | null
        active: number
        created_at: string
        updated_at: string
        erased_at: string | null
      }
    >('SELECT id, name, email, role, trade, organisation, active, created_at, updated_at, erased_at FROM people WHERE id = ?'),
    permits: db.prepare(
      `SELECT p.id, p.equipment_id AS equipmentId, e.name AS equipmentName, p.equipment_kind AS equipmentKind, p.level,
         p.granted_at AS grantedAt, p.valid_until AS validUntil, p.note, p.revoked_at AS revokedAt, p.revoke_reason AS revokeReason
       FROM permits p LEFT JOIN equipment e ON e.id = p.equipment_id WHERE p.person_id = ? ORDER BY p.id`,
    ),
    // Bookings for the person, those they take part in, made or supervised. Texts (purpose, reason)
    // only of their own bookings: on someone else's booking they describe that person.
    bookings: db.prepare<{ id: number }, Record<string, unknown> & { starts_at: number; ends_at: number; own: number }>(
      `SELECT b.id, b.equipment_id AS equipmentId, e.name AS equipmentName, b.kind, b.status, b.starts_at, b.ends_at,
         b.checked_in_at, b.checked_out_at, b.actual_minutes AS actualMinutes, b.cost_cents AS costCents,
         b.person_id = @id AS own, b.purpose, b.cancel_reason AS cancelReason, b.created_at AS createdAt,
         CASE WHEN b.person_id = @id THEN 'for'
              WHEN EXISTS (SELECT 1 FROM booking_participants bp WHERE bp.booking_id = b.id AND bp.person_id = @id) THEN 'participant'
              WHEN b.booked_by = @id THEN 'bookedBy'
              ELSE 'supervisor' END AS relation
       FROM bookings b JOIN equipment e ON e.id = b.equipment_id
       WHERE b.id IN (
         SELECT id FROM bookings WHERE person_id = @id
         UNION SELECT booking_id FROM booking_participants WHERE person_id = @id
         UNION SELECT id FROM bookings WHERE booked_by = @id
         UNION SELECT id FROM bookings WHERE supervisor_id = @id)
       ORDER BY b.starts_at`,
    ),
    training: db.prepare(
      `SELECT booking_id AS bookingId, attended, permit_id AS permitId, recorded_at AS recordedAt
       FROM training_attendance WHERE person_id = ? ORDER BY recorded_at`,
    ),
    experiments: db.prepare<
      [number],
      { id: number; content: string; status: string; version: number; created_at: string; updated_at: string }
    >('SELECT id, content, status, version, created_at, updated_at FROM experiments WHERE author_id = ? ORDER BY id'),
    participated: db.prepare(
      `SELECT e.id, e.title, p.role FROM experiment_participants p JOIN experiments e ON e.id = p.experiment_id
       WHERE p.person_id = ? AND e.author_id <> p.person_id ORDER BY e.id`,
    ),
    notes: db.prepare(
      `SELECT id, title, body, category, version, created_at AS createdAt, updated_at AS updatedAt, reviewed_at AS reviewedAt,
         (SELECT json_group_array(tag) FROM tags WHERE kind = 'note' AND ref_id = notes.id) AS tags
       FROM notes WHERE author_id = ? ORDER BY id`,
    ),
    // Revisions they saved. The whole snapshot only where the record is theirs; on someone else's
    // record it would hand over that person's text.
    revisions: db.prepare<
      [number],
      { kind: string; refId: number; version: number; createdAt: string; note: string | null; snapshot: string | null }
    >(
      `SELECT r.kind, r.ref_id AS refId, r.version, r.created_at AS createdAt, r.note,
         CASE WHEN coalesce(e.author_id, n.author_id) = r.author_id THEN r.snapshot END AS snapshot
       FROM revisions r
       LEFT JOIN experiments e ON r.kind = 'experiment' AND e.id = r.ref_id
       LEFT JOIN notes n ON r.kind = 'note' AND n.id = r.ref_id
       WHERE r.author_id = ? ORDER BY r.kind, r.ref_id, r.version`,
    ),
    registrations: db.prepare<{ id: number; email: string | null }, Record<string, unknown> & { id: number; email: string | null }>(
      `SELECT r.id, r.edition_id AS editionId, ed.title AS editionTitle, r.name, r.email, r.role, r.organisation, r.dietary,
         r.language, r.status, r.registered_at AS registeredAt, r.waitlisted_at AS waitlistedAt, r.promoted_at AS promotedAt,
         r.cancelled_at AS cancelledAt,
         (SELECT json_group_array(json_object('day', c.day, 'checkedInAt', c.checked_in_at))
            FROM symposium_checkins c WHERE c.registration_id = r.id) AS checkIns,
         (SELECT json_group_array(json_object('slotId', w.slot_id, 'status', w.status, 'signedUpAt', w.signed_up_at, 'checkedInAt', w.checked_in_at))
            FROM symposium_workshop_signups w WHERE w.registration_id = r.id) AS workshops,
         (SELECT json_object('rating', f.rating, 'comment', f.comment, 'createdAt', f.created_at)
            FROM symposium_feedback f WHERE f.registration_id = r.id) AS feedback
       FROM symposium_registrations r JOIN symposium_editions ed ON ed.id = r.edition_id
       WHERE r.person_id = @id OR (@email IS NOT NULL AND r.email = @email) ORDER BY r.id`,
    ),
    submissions: db.prepare<{ id: number }, Record<string, unknown>>(
      `SELECT s.id, s.edition_id AS editionId, ed.title AS editionTitle, s.title, s.abstract, s.type, s.duration_minutes AS durationMinutes,
         s.audience, s.language, s.status, s.decision_note AS decisionNote, s.decided_at AS decidedAt, s.submitted_at AS submittedAt,
         s.submitted_by = @id AS submittedByThem
       FROM symposium_submissions s JOIN symposium_editions ed ON ed.id = s.edition_id
       WHERE s.submitted_by = @id OR s.id IN (SELECT submission_id FROM symposium_submission_speakers WHERE person_id = @id)
       ORDER BY s.id`,
    ),
    reviews: db.prepare(
      `SELECT submission_id AS submissionId, scores, mean, comment, created_at AS createdAt, updated_at AS updatedAt
       FROM symposium_reviews WHERE reviewer_id = ? ORDER BY submission_id`,
    ),
    sessions: db.prepare(
      `SELECT x.id, x.edition_id AS editionId, ed.title AS editionTitle, x.title, x.type
       FROM symposium_session_speakers sp JOIN symposium_sessions x ON x.id = sp.session_id
       JOIN symposium_editions ed ON ed.id = x.edition_id WHERE sp.person_id = ? ORDER BY x.id`,
    ),
    messages: db.prepare(
      `SELECT id, edition_id AS editionId, kind, language, to_name AS toName, to_email AS toEmail, subject, body,
         created_at AS createdAt, sent_at AS sentAt
       FROM symposium_outbox WHERE to_email IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    goals: db.prepare(
      `SELECT id, title, description, target_date AS targetDate, status, status_at AS statusAt, created_at AS createdAt, updated_at AS updatedAt
       FROM portfolio_goals WHERE person_id = ? ORDER BY id`,
    ),
    reflections: db.prepare(
      `SELECT id, goal_id AS goalId, body, created_at AS createdAt, updated_at AS updatedAt
       FROM portfolio_reflections WHERE person_id = ? ORDER BY id`,
    ),
    // What coaches wrote about them: the text, not who wrote it.
    commentsReceived: db.prepare(
      `SELECT id, goal_id AS goalId, reflection_id AS reflectionId, body, created_at AS createdAt
       FROM portfolio_comments WHERE person_id = ? ORDER BY id`,
    ),
    // What they wrote in others' portfolios: the text, not whose portfolio it was.
    commentsWritten: db.prepare(
      'SELECT id, body, created_at AS createdAt FROM portfolio_comments WHERE author_id = ? AND person_id <> author_id ORDER BY id',
    ),
    coaches: db.prepare<{ id: number }, { coaches: number; coachees: number }>(
      `SELECT (SELECT count(*) FROM portfolio_coaches WHERE person_id = @id) AS coaches,
              (SELECT count(*) FROM portfolio_coaches WHERE coach_id = @id) AS coachees`,
    ),
    attachments: db.prepare<
      { id: number },
      { sha256: string; size: number; media_type: string; created_at: string; uploaded: number; uses: string }
    >(
      `SELECT a.sha256, a.size, a.media_type, a.created_at, a.created_by = @id AS uploaded,
         (SELECT json_group_array(json_object('experimentId', x.experiment_id, 'name', x.name, 'caption', x.caption))
            FROM experiment_attachments x JOIN experiments e ON e.id = x.experiment_id
            WHERE x.sha256 = a.sha256 AND e.author_id = @id) AS uses
       FROM attachments a
       WHERE a.created_by = @id
          OR a.sha256 IN (SELECT x.sha256 FROM experiment_attachments x JOIN experiments e ON e.id = x.experiment_id WHERE e.author_id = @id)
       ORDER BY a.created_at, a.sha256`,
    ),
  }

  function exportPerson(personId: number, actor: Actor | null): ExportedFile {
    requireActor(actor)
    if (actor.role !== 'coordinator' && actor.id !== personId) {
      throw new AppError('FORBIDDEN', 'Only a coordinator may export another person', { reason: 'exportOthers' })
    }
    const p = q.person.get(personId)
    if (!p) throw notFound('person', personId)
    const exportedAt = clock().toISOString()

    const registrations = q.registrations.all({ id: p.id, email: p.email }).map((r) => ({
      ...r,
      checkIns: JSON.parse(r.checkIns as string) as unknown[],
      workshops: JSON.parse(r.workshops as string) as unknown[],
      feedback: r.feedback === null ? null : (JSON.parse(r.feedback as string) as unknown),
    }))
    const emails = [...new Set([p.email, ...registrations.map((r) => r.email as string | null)].filter((e): e is string => !!e))]

    const files: Zippable = {}
    const usedNames = new Set<string>()
    const attachments = q.attachments.all({ id: p.id }).map((a) => {
      const uses = JSON.parse(a.uses) as { experimentId: number; name: string; caption: string }[]
      const stored = services.attachments.find(a.sha256)
      let file: string | null = null
      if (stored) {
        // The name people gave the file, made safe; the hash in front keeps names apart.
        const base = safeFileName(uses[0]?.name ?? 'file')
        file = `attachments/${a.sha256.slice(0, 12)}-${base}`
        for (let n = 2; usedNames.has(file); n++) file = `attachments/${a.sha256.slice(0, 12)}-${n}-${base}`
        usedNames.add(file)
        files[file] = [readFileSync(stored.path), { level: 0 }]
      }
      return {
        sha256: a.sha256,
        size: a.size,
        mediaType: a.media_type,
        createdAt: a.created_at,
        uploadedByThem: a.uploaded === 1,
        file,
        uses,
      }
    })

    const document = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt,
      centre: services.settings.get().centreName,
      person: {
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.role,
        trade: p.trade,
        organisation: p.organisation,
        active: p.active === 1,
        createdAt: p.created_at,
        updatedAt: p.updated_at,
        erasedAt: p.erased_at,
      },
      permits: q.permits.all(p.id),
      bookings: q.bookings
        .all({ id: p.id })
        .map(({ starts_at, ends_at, checked_in_at, checked_out_at, own, purpose, cancelReason, ...b }) => ({
          ...b,
          startsAt: iso(starts_at),
          endsAt: iso(ends_at),
          checkedInAt: iso(checked_in_at as number | null),
          checkedOutAt: iso(checked_out_at as number | null),
          purpose: own ? purpose : null,
          cancelReason: own ? cancelReason : null,
        })),
      trainingAttendance: q.training.all(p.id),
      experiments: {
        authored: q.experiments.all(p.id).map((e) => {
          const content = experimentContent.parse(JSON.parse(e.content))
          // Who else took part is theirs to know, not this export's.
          const participants = content.participants.filter((x) => x.personId === p.id)
          return {
            id: e.id,
            status: e.status,
            version: e.version,
            createdAt: e.created_at,
            updatedAt: e.updated_at,
            content: { ...content, participants },
          }
        }),
        participated: q.participated.all(p.id),
      },
      notes: q.notes
        .all(p.id)
        .map((n) => ({ ...(n as Record<string, unknown>), tags: JSON.parse((n as { tags: string }).tags) as string[] })),
      revisions: q.revisions.all(p.id).map((r) => ({ ...r, snapshot: r.snapshot === null ? null : (JSON.parse(r.snapshot) as unknown) })),
      symposia: {
        registrations,
        submissions: q.submissions.all({ id: p.id }).map((s) => ({ ...s, submittedByThem: s.submittedByThem === 1 })),
        reviewsWritten: q.reviews
          .all(p.id)
          .map((r) => ({ ...(r as Record<string, unknown>), scores: JSON.parse((r as { scores: string }).scores) as unknown })),
        sessions: q.sessions.all(p.id),
        messages: q.messages.all(JSON.stringify(emails)),
      },
      portfolio: {
        goals: q.goals.all(p.id),
        reflections: q.reflections.all(p.id),
        commentsReceived: q.commentsReceived.all(p.id),
        commentsWritten: q.commentsWritten.all(p.id),
        // How many, not who: the coaches' identities are theirs.
        ...q.coaches.get({ id: p.id })!,
      },
      attachments,
    }

    files['person.json'] = new TextEncoder().encode(JSON.stringify(document, null, 2) + '\n')
    files['README.txt'] = new TextEncoder().encode(
      `Werkbank: export of person ${p.id} (${exportedAt}).\n` +
        'person.json holds every record about this person; attachments/ holds their files.\n' +
        `Format ${EXPORT_FORMAT} version ${EXPORT_FORMAT_VERSION}, described in the Werkbank documentation (docs/privacy.md).\n`,
    )
    const zip = zipSync(files, { level: 6, mtime: new Date(exportedAt) })
    return {
      filename: `werkbank-person-${p.id}-${exportedAt.slice(0, 10)}.zip`,
      mediaType: 'application/zip',
      dataBase64: Buffer.from(zip).toString('base64'),
    }
  }

  return { exportPerson }
}
