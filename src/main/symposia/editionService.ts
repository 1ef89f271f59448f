// Symposium editions with their rooms, tracks and review criteria. Owns `symposium_editions`,
// `symposium_rooms`, `symposium_tracks` and `symposium_criteria`. Coordinators set editions up;
// everyone may read them (the call for contributions and the programme are public to the centre).
import type { z } from 'zod'
import type {
  Edition,
  EditionSummary,
  criterionInput,
  editionCreateInput,
  editionUpdateInput,
  roomInput,
  trackInput,
} from '../../shared/symposia'
import type { Clock } from '../clock'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireCoordinator } from '../permissions'

export interface EditionRow {
  id: number
  title: string
  theme: string
  venue: string
  starts_on: string
  days: number
  day_starts: string
  day_ends: string
  cfp_opens_on: string
  cfp_closes_on: string
  registration_opens_on: string
  registration_closes_on: string
  capacity: number
  version: number
  created_at: string
}

interface CountsRow {
  submissions: number
  sessions: number
  registered: number
  waitlisted: number
  checked_in: number
}

type ListItem = { id?: number | undefined; name: string }

/** The local dates of an edition's days: its first date and the ones after it. */
export function editionDates(startsOn: string, days: number): string[] {
  const first = Date.parse(startsOn + 'T00:00:00Z')
  return Array.from({ length: days }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10))
}

export type EditionService = ReturnType<typeof createEditionService>

export function createEditionService(db: Db, clock: Clock) {
  const selectRow = db.prepare<[number], EditionRow>('SELECT * FROM symposium_editions WHERE id = ?')
  const selectAll = db.prepare<[], EditionRow>('SELECT * FROM symposium_editions ORDER BY starts_on DESC, id DESC')
  const selectCounts = db.prepare<{ id: number }, CountsRow>(
    `SELECT
       (SELECT count(*) FROM symposium_submissions WHERE edition_id = :id AND status <> 'withdrawn') AS submissions,
       (SELECT count(*) FROM symposium_sessions WHERE edition_id = :id) AS sessions,
       (SELECT count(*) FROM symposium_registrations WHERE edition_id = :id AND status = 'registered') AS registered,
       (SELECT count(*) FROM symposium_registrations WHERE edition_id = :id AND status = 'waitlisted') AS waitlisted,
       (SELECT count(DISTINCT c.registration_id) FROM symposium_checkins c
          JOIN symposium_registrations r ON r.id = c.registration_id WHERE r.edition_id = :id AND r.status = 'registered') AS checked_in`,
  )
  const selectRooms = db.prepare<[number], { id: number; name: string; capacity: number }>(
    'SELECT id, name, capacity FROM symposium_rooms WHERE edition_id = ? ORDER BY position, id',
  )
  const selectTracks = db.prepare<[number], { id: number; name: string; colour: string }>(
    'SELECT id, name, colour FROM symposium_tracks WHERE edition_id = ? ORDER BY position, id',
  )
  const selectCriteria = db.prepare<[number], { id: number; name: string }>(
    'SELECT id, name FROM symposium_criteria WHERE edition_id = ? ORDER BY position, id',
  )
  const insertEdition = db.prepare(
    `INSERT INTO symposium_editions (title, theme, venue, starts_on, days, day_starts, day_ends, cfp_opens_on, cfp_closes_on,
       registration_opens_on, registration_closes_on, capacity, created_by, created_at, updated_at)
     VALUES (@title, @theme, @venue, @startsOn, @days, @dayStarts, @dayEnds, @cfpOpensOn, @cfpClosesOn,
       @registrationOpensOn, @registrationClosesOn, @capacity, @actor, @now, @now)`,
  )

  function require(id: number): EditionRow {
    const row = selectRow.get(id)
    if (!row) throw notFound('symposium', id)
    return row
  }

  function summary(row: EditionRow): EditionSummary {
    const counts = selectCounts.get({ id: row.id })!
    return {
      id: row.id,
      title: row.title,
      venue: row.venue,
      startsOn: row.starts_on,
      days: row.days,
      dates: editionDates(row.starts_on, row.days),
      dayStarts: row.day_starts,
      dayEnds: row.day_ends,
      cfpOpensOn: row.cfp_opens_on,
      cfpClosesOn: row.cfp_closes_on,
      registrationOpensOn: row.registration_opens_on,
      registrationClosesOn: row.registration_closes_on,
      capacity: row.capacity,
      counts: {
        submissions: counts.submissions,
        sessions: counts.sessions,
        registered: counts.registered,
        waitlisted: counts.waitlisted,
        checkedIn: counts.checked_in,
      },
      version: row.version,
      createdAt: row.created_at,
    }
  }

  function get(id: number): Edition {
    const row = require(id)
    return {
      ...summary(row),
      theme: row.theme,
      rooms: selectRooms.all(id),
      tracks: selectTracks.all(id),
      criteria: selectCriteria.all(id),
    }
  }

  interface ListStatements<T> {
    ids: Statement<[number], { id: number; name: string }>
    insert: (editionId: number, item: T, position: number) => void
    update: (id: number, item: T, position: number) => void
    remove: Statement<[number]>
    inUse: (id: number) => boolean
    entity: string
    inUseReason: string
  }

  /**
   * Saves a whole list: items with an id are updated (they must belong to this edition), items
   * without are added, missing ones removed unless something still points at them.
   */
  function syncList<T extends ListItem>(editionId: number, items: T[], s: ListStatements<T>) {
    const existing = new Map(s.ids.all(editionId).map((r) => [r.id, r.name]))
    const kept = new Set<number>()
    items.forEach((item, position) => {
      if (item.id === undefined) return s.insert(editionId, item, position)
      if (!existing.has(item.id)) throw notFound(s.entity, item.id)
      if (kept.has(item.id)) throw new AppError('VALIDATION', `Item ${item.id} is listed twice`, { reason: 'duplicateItem', id: item.id })
      kept.add(item.id)
      s.update(item.id, item, position)
    })
    for (const [id, name] of existing) {
      if (kept.has(id)) continue
      if (s.inUse(id)) throw new AppError('RULE', `${name} is still in use and cannot be removed`, { reason: s.inUseReason, name })
      s.remove.run(id)
    }
  }

  const roomUsed = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM symposium_slots WHERE room_id = ?')
  const trackUsed = db.prepare<[number, number], { n: number }>(
    `SELECT (SELECT count(*) FROM symposium_sessions WHERE track_id = ?) + (SELECT count(*) FROM symposium_submissions WHERE track_id = ?) AS n`,
  )
  const reviewsInEdition = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM symposium_reviews r JOIN symposium_submissions s ON s.id = r.submission_id WHERE s.edition_id = ?`,
  )

  const roomStatements: ListStatements<z.output<typeof roomInput>> = {
    ids: db.prepare('SELECT id, name FROM symposium_rooms WHERE edition_id = ?'),
    insert: (e, r, position) =>
      db
        .prepare('INSERT INTO symposium_rooms (edition_id, name, capacity, position) VALUES (?, ?, ?, ?)')
        .run(e, r.name, r.capacity, position),
    update: (id, r, position) =>
      db.prepare('UPDATE symposium_rooms SET name = ?, capacity = ?, position = ? WHERE id = ?').run(r.name, r.capacity, position, id),
    remove: db.prepare('DELETE FROM symposium_rooms WHERE id = ?'),
    inUse: (id) => roomUsed.get(id)!.n > 0,
    entity: 'room',
    inUseReason: 'roomInUse',
  }
  const trackStatements: ListStatements<z.output<typeof trackInput>> = {
    ids: db.prepare('SELECT id, name FROM symposium_tracks WHERE edition_id = ?'),
    insert: (e, t, position) =>
      db
        .prepare('INSERT INTO symposium_tracks (edition_id, name, colour, position) VALUES (?, ?, ?, ?)')
        .run(e, t.name, t.colour.toLowerCase(), position),
    update: (id, t, position) =>
      db
        .prepare('UPDATE symposium_tracks SET name = ?, colour = ?, position = ? WHERE id = ?')
        .run(t.name, t.colour.toLowerCase(), position, id),
    remove: db.prepare('DELETE FROM symposium_tracks WHERE id = ?'),
    inUse: (id) => trackUsed.get(id, id)!.n > 0,
    entity: 'track',
    inUseReason: 'trackInUse',
  }
  const criterionStatements = (editionId: number): ListStatements<z.output<typeof criterionInput>> => ({
    ids: db.prepare('SELECT id, name FROM symposium_criteria WHERE edition_id = ?'),
    insert: (e, c, position) =>
      db.prepare('INSERT INTO symposium_criteria (edition_id, name, position) VALUES (?, ?, ?)').run(e, c.name, position),
    update: (id, c, position) => db.prepare('UPDATE symposium_criteria SET name = ?, position = ? WHERE id = ?').run(c.name, position, id),
    remove: db.prepare('DELETE FROM symposium_criteria WHERE id = ?'),
    // Scores point at criteria: once reviews exist, the criteria stay (their names may change).
    inUse: () => reviewsInEdition.get(editionId)!.n > 0,
    entity: 'criterion',
    inUseReason: 'criteriaReviewed',
  })

  function saveLists(
    editionId: number,
    lists: {
      rooms?: z.output<typeof roomInput>[] | undefined
      tracks?: z.output<typeof trackInput>[] | undefined
      criteria?: z.output<typeof criterionInput>[] | undefined
    },
  ) {
    if (lists.rooms) syncList(editionId, lists.rooms, roomStatements)
    if (lists.tracks) syncList(editionId, lists.tracks, trackStatements)
    if (lists.criteria) syncList(editionId, lists.criteria, criterionStatements(editionId))
  }

  const create = writeTransaction(db, (input: z.output<typeof editionCreateInput>, actor: Actor | null): Edition => {
    requireCoordinator(actor)
    const now = clock().toISOString()
    const { rooms, tracks, criteria, ...fields } = input
    const id = Number(insertEdition.run({ ...fields, actor: actor.id, now }).lastInsertRowid)
    saveLists(id, { rooms, tracks, criteria })
    return get(id)
  })

  const update = writeTransaction(db, (input: z.output<typeof editionUpdateInput>, actor: Actor | null): Edition => {
    requireCoordinator(actor)
    const row = require(input.id)
    if (row.version !== input.version) throw stale('symposium', input.id, row.version)
    const { id, rooms, tracks, criteria, ...changes } = input
    const merged = {
      title: changes.title ?? row.title,
      theme: changes.theme ?? row.theme,
      venue: changes.venue ?? row.venue,
      startsOn: changes.startsOn ?? row.starts_on,
      days: changes.days ?? row.days,
      dayStarts: changes.dayStarts ?? row.day_starts,
      dayEnds: changes.dayEnds ?? row.day_ends,
      cfpOpensOn: changes.cfpOpensOn ?? row.cfp_opens_on,
      cfpClosesOn: changes.cfpClosesOn ?? row.cfp_closes_on,
      registrationOpensOn: changes.registrationOpensOn ?? row.registration_opens_on,
      registrationClosesOn: changes.registrationClosesOn ?? row.registration_closes_on,
      capacity: changes.capacity ?? row.capacity,
    }
    // A partial update can still put dates out of order against the stored ones.
    if (
      merged.dayStarts >= merged.dayEnds ||
      merged.cfpOpensOn > merged.cfpClosesOn ||
      merged.registrationOpensOn > merged.registrationClosesOn
    ) {
      throw new AppError('VALIDATION', 'Dates or times are out of order', { reason: 'datesOutOfOrder' })
    }
    db.prepare(
      `UPDATE symposium_editions SET title = @title, theme = @theme, venue = @venue, starts_on = @startsOn, days = @days,
         day_starts = @dayStarts, day_ends = @dayEnds, cfp_opens_on = @cfpOpensOn, cfp_closes_on = @cfpClosesOn,
         registration_opens_on = @registrationOpensOn, registration_closes_on = @registrationClosesOn, capacity = @capacity,
         version = version + 1, updated_at = @now
       WHERE id = @id`,
    ).run({ ...merged, id, now: clock().toISOString() })
    saveLists(id, { rooms, tracks, criteria })
    return get(id)
  })

  return {
    require,
    get,
    list: (): EditionSummary[] => selectAll.all().map(summary),
    create,
    update,
    /** Rooms of an edition by id, for the programme's checks. */
    rooms: (editionId: number) => selectRooms.all(editionId),
    criteria: (editionId: number) => selectCriteria.all(editionId),
    tracks: (editionId: number) => selectTracks.all(editionId),
  }
}
