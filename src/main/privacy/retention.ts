// Retention of external symposium registrants' personal data (docs/privacy.md, "Retention"): when
// the setting `externalRetentionMonths` is N, the name, e-mail address, organisation and dietary
// wishes of every external registration are removed on the first day after the edition's last day
// plus N months (in the centre's time zone). The registration itself stays (status, role,
// check-ins, workshop places, feedback rating), so attendance figures do not change. Messages to
// those addresses are anonymised with them. Each run that removed something is logged.
import { toLocal } from '../../shared/calendarTime'
import type { CoreServices } from '../coreServices'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { requireCoordinator } from '../permissions'
import { rewriteFile } from './erasure'
import { createPrivacyLog } from './privacyLog'

const REGISTRANT_PLACEHOLDER = '—'

/** A local date plus whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A local date plus whole months; the 31st becomes the month's last day where it has fewer. */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number]
  const monthIndex = y * 12 + (m - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = (monthIndex % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

/**
 * The latest last day an edition may have had for its externals' data to be removed today: an
 * edition that ended on E is cleared once today is after E + N months, i.e. when E + N months < today.
 * Returned as the newest end date that qualifies, so the query compares end dates only.
 */
export function retentionCutoff(today: string, months: number): string {
  // Largest E with addMonths(E, months) < today. Walk back from today - months: end-of-month
  // clamping means a few neighbouring days map to the same date, so check a few days around it.
  let candidate = addMonths(today, -months)
  while (addMonths(candidate, months) >= today) candidate = addDays(candidate, -1)
  while (addMonths(addDays(candidate, 1), months) < today) candidate = addDays(candidate, 1)
  return candidate
}

export function createRetention(services: CoreServices) {
  const { db, clock } = services
  const privacyLog = createPrivacyLog(db)
  // Editions whose last day (starts_on + days - 1) is on or before the cutoff and that still have
  // external registrations with personal data.
  const dueEditions = db.prepare<[string], { id: number }>(
    `SELECT e.id FROM symposium_editions e
     WHERE date(e.starts_on, '+' || (e.days - 1) || ' days') <= ?
       AND EXISTS (SELECT 1 FROM symposium_registrations r
                   WHERE r.edition_id = e.id AND r.role = 'external' AND r.anonymised_at IS NULL)`,
  )
  const anonymiseMessages = db.prepare<[string, number, number]>(
    `UPDATE symposium_outbox SET to_name = ?, to_email = NULL, subject = '', body = ''
     WHERE edition_id = ? AND to_email IN (
       SELECT email FROM symposium_registrations
       WHERE edition_id = ? AND role = 'external' AND anonymised_at IS NULL AND email IS NOT NULL)`,
  )
  const anonymiseRegistrations = db.prepare<[string, string, number]>(
    `UPDATE symposium_registrations SET name = ?, email = NULL, organisation = NULL, dietary = '', anonymised_at = ?
     WHERE edition_id = ? AND role = 'external' AND anonymised_at IS NULL`,
  )

  const applyInTransaction = writeTransaction(db, (actorId: number | null) => {
    const months = services.settings.get().externalRetentionMonths
    if (months === null) return { registrations: 0, editions: 0 }
    const now = clock()
    const today = toLocal(now.getTime(), services.timeZone()).date
    const editions = dueEditions.all(retentionCutoff(today, months))
    let registrations = 0
    for (const { id } of editions) {
      anonymiseMessages.run(REGISTRANT_PLACEHOLDER, id, id)
      registrations += anonymiseRegistrations.run(REGISTRANT_PLACEHOLDER, now.toISOString(), id).changes
    }
    if (registrations > 0) {
      privacyLog.record({
        kind: 'retention',
        at: now.toISOString(),
        actorId,
        counts: { registrations, editions: editions.length, months },
      })
    }
    return { registrations, editions: editions.length }
  })

  function apply(actorId: number | null) {
    const result = applyInTransaction(actorId)
    if (result.registrations > 0) rewriteFile(db)
    return result
  }

  return {
    /** The scheduled run (no actor). */
    run: () => apply(null),
    /** A coordinator's run on demand. */
    applyNow(actor: Actor | null) {
      requireCoordinator(actor)
      return apply(actor.id)
    },
  }
}
