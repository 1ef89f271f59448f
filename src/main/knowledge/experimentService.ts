// Experiments: structured records of trials, their revisions, completion and reopening, and the
// settings library. Owns `experiments` and its child tables (parameters, materials, machines,
// participants, bookings) and the experiment rows of `tags` and `links`.
import type { z } from 'zod'
import {
  experimentContent,
  type Experiment,
  type ExperimentContent,
  type experimentCreateInput,
  type experimentListInput,
  type experimentSaveInput,
  type experimentStatusInput,
  type settingsLibraryInput,
  type SettingsLibraryRow,
  type Outcome,
} from '../../shared/experiments'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor } from '../permissions'
import { escapeLike, foldForSearch } from '../text'
import type { AttachmentStore } from '../attachments/attachmentStore'
import { experimentDocument, type Indexer } from '../search/searchDocuments'
import { linksInText, type Links } from './links'
import type { Revisions } from './revisions'

type Status = Experiment['status']

interface ExperimentRow {
  id: number
  content: string
  status: Status
  author_id: number
  author_name: string
  version: number
  created_at: string
  updated_at: string
}

/** The number in a parameter value ("60", "20,5", "0.3 mm") for range queries; null when there is none. */
export function parseNumber(value: string): number | null {
  const match = /-?\d+(?:[.,]\d+)?/.exec(value)
  return match ? Number(match[0].replace(',', '.')) : null
}

export function createExperimentService(
  db: Db,
  clock: Clock,
  revisions: Revisions,
  links: Links,
  attachments: Pick<AttachmentStore, 'exists'>,
  index: Indexer = () => {},
) {
  const selectById = db.prepare<[number], ExperimentRow>(
    'SELECT e.*, p.name AS author_name FROM experiments e JOIN people p ON p.id = e.author_id WHERE e.id = ?',
  )
  const insertExperiment = db.prepare(
    `INSERT INTO experiments (title, content, outcome, status, author_id, created_at, updated_at)
     VALUES (@title, @content, @outcome, 'draft', @author, @now, @now)`,
  )
  const updateExperiment = db.prepare(
    `UPDATE experiments SET title = @title, content = @content, outcome = @outcome, status = @status,
       version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
  )
  const deleteChildren = [
    'experiment_parameters',
    'experiment_materials',
    'experiment_equipment',
    'experiment_participants',
    'experiment_bookings',
    'experiment_attachments',
  ].map((table) => db.prepare('DELETE FROM ' + table + ' WHERE experiment_id = ?'))
  const deleteTags = db.prepare("DELETE FROM tags WHERE kind = 'experiment' AND ref_id = ?")
  const insertParameter = db.prepare(
    'INSERT INTO experiment_parameters (experiment_id, position, name, name_key, value, value_number, unit) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertMaterial = db.prepare(
    'INSERT INTO experiment_materials (experiment_id, position, name, name_key, size) VALUES (?, ?, ?, ?, ?)',
  )
  const insertEquipment = db.prepare('INSERT OR IGNORE INTO experiment_equipment (experiment_id, equipment_id) VALUES (?, ?)')
  const insertParticipant = db.prepare('INSERT OR REPLACE INTO experiment_participants (experiment_id, person_id, role) VALUES (?, ?, ?)')
  const insertBooking = db.prepare('INSERT OR IGNORE INTO experiment_bookings (experiment_id, booking_id) VALUES (?, ?)')
  const insertTag = db.prepare("INSERT OR IGNORE INTO tags (kind, ref_id, tag) VALUES ('experiment', ?, ?)")
  const insertAttachment = db.prepare(
    'INSERT INTO experiment_attachments (experiment_id, position, sha256, name, caption) VALUES (?, ?, ?, ?, ?)',
  )
  const exists = {
    equipment: db.prepare<[number], { id: number }>('SELECT id FROM equipment WHERE id = ?'),
    booking: db.prepare<[number], { id: number }>('SELECT id FROM bookings WHERE id = ?'),
    person: db.prepare<[number], { id: number }>('SELECT id FROM people WHERE id = ?'),
    experiment: db.prepare<[number], { id: number }>('SELECT id FROM experiments WHERE id = ?'),
    note: db.prepare<[number], { id: number }>('SELECT id FROM notes WHERE id = ?'),
  }
  const isParticipant = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM experiment_participants WHERE experiment_id = ? AND person_id = ?',
  )

  function getRow(id: number): ExperimentRow {
    const row = selectById.get(id)
    if (!row) throw notFound('experiment', id)
    return row
  }

  /** Keeps the one search in step, in the same transaction as the write. */
  function indexed(experiment: Experiment): Experiment {
    index(experimentDocument(experiment))
    return experiment
  }

  function toExperiment(row: ExperimentRow): Experiment {
    return {
      id: row.id,
      content: experimentContent.parse(JSON.parse(row.content)),
      status: row.status,
      author: { id: row.author_id, name: row.author_name },
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  /** Every id the content points at must exist: a dangling link is refused, not stored. */
  function assertReferencesExist(content: ExperimentContent, selfId: number | null) {
    const check = (what: keyof typeof exists, ids: number[]) => {
      for (const id of ids) if (!exists[what].get(id)) throw notFound(what === 'equipment' ? 'equipment' : what, id)
    }
    check('equipment', content.equipmentIds)
    check('booking', content.bookingIds)
    check(
      'person',
      content.participants.map((p) => p.personId),
    )
    check(
      'experiment',
      content.linkedExperimentIds.filter((id) => id !== selfId),
    )
    check('note', content.linkedNoteIds)
    for (const file of content.attachments) if (!attachments.exists(file.sha256)) throw notFound('attachment', file.sha256)
    if (selfId !== null && content.linkedExperimentIds.includes(selfId)) {
      throw new AppError('RULE', 'An experiment cannot link to itself', { reason: 'selfLink' })
    }
  }

  function mayEdit(row: ExperimentRow, actor: Actor): boolean {
    return isManager(actor) || row.author_id === actor.id || isParticipant.get(row.id, actor.id)!.n > 0
  }

  /** Rewrites the queryable copies of the content: parameters, materials, machines, tags, links. */
  function writeChildren(id: number, content: ExperimentContent) {
    for (const statement of deleteChildren) statement.run(id)
    deleteTags.run(id)
    content.parameters.forEach((p, i) => insertParameter.run(id, i, p.name, foldForSearch(p.name), p.value, parseNumber(p.value), p.unit))
    content.materials.forEach((m, i) => insertMaterial.run(id, i, m.name, foldForSearch(m.name), m.size))
    for (const machine of content.equipmentIds) insertEquipment.run(id, machine)
    for (const p of content.participants) insertParticipant.run(id, p.personId, p.role)
    for (const booking of content.bookingIds) insertBooking.run(id, booking)
    for (const t of new Set(content.tags)) insertTag.run(id, t)
    content.attachments.forEach((a, i) => insertAttachment.run(id, i, a.sha256, a.name, a.caption))
    links.replace('experiment', id, [
      ...content.linkedExperimentIds.map((other) => ({ kind: 'experiment' as const, id: other })),
      ...content.linkedNoteIds.map((note) => ({ kind: 'note' as const, id: note })),
      ...content.equipmentIds.map((machine) => ({ kind: 'machine' as const, id: machine })),
      // Wiki links written in the text count too, so [[Lasersnijden van eiken]] shows up as a backlink there.
      ...linksInText(content.question, content.hypothesis, content.method, content.observations, content.results, content.conclusion),
    ])
  }

  const create = writeTransaction(db, (input: z.output<typeof experimentCreateInput>, actor: Actor | null): Experiment => {
    requireActor(actor)
    assertReferencesExist(input.content, null)
    const now = clock().toISOString()
    const id = Number(
      insertExperiment.run({
        title: input.content.title,
        content: JSON.stringify(input.content),
        outcome: input.content.outcome,
        author: actor.id,
        now,
      }).lastInsertRowid,
    )
    writeChildren(id, input.content)
    revisions.record('experiment', id, 1, { ...input.content, status: 'draft' }, actor.id, now)
    return indexed(toExperiment(getRow(id)))
  })

  function write(row: ExperimentRow, content: ExperimentContent, status: Status, actor: Actor, note: string | null): Experiment {
    const now = clock().toISOString()
    const changed = updateExperiment.run({
      id: row.id,
      version: row.version,
      title: content.title,
      content: JSON.stringify(content),
      outcome: content.outcome,
      status,
      now,
    })
    if (changed.changes !== 1) throw stale('experiment', row.id, getRow(row.id).version)
    writeChildren(row.id, content)
    revisions.record('experiment', row.id, row.version + 1, { ...content, status }, actor.id, now, note)
    return indexed(toExperiment(getRow(row.id)))
  }

  const save = writeTransaction(db, (input: z.output<typeof experimentSaveInput>, actor: Actor | null): Experiment => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayEdit(row, actor)) throw new AppError('FORBIDDEN', 'Not your experiment', { reason: 'notYourExperiment' })
    // A save on top of a newer revision (another window, another person) would silently overwrite it.
    if (row.version !== input.version) throw stale('experiment', row.id, row.version)
    if (row.status === 'completed')
      throw new AppError('RULE', 'A completed experiment is locked; reopen it first', { reason: 'experimentLocked' })
    assertReferencesExist(input.content, row.id)
    return write(row, input.content, row.status, actor, null)
  })

  const setStatus = writeTransaction(db, (input: z.output<typeof experimentStatusInput>, actor: Actor | null): Experiment => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayEdit(row, actor)) throw new AppError('FORBIDDEN', 'Not your experiment', { reason: 'notYourExperiment' })
    if (row.version !== input.version) throw stale('experiment', row.id, row.version)
    const content = experimentContent.parse(JSON.parse(row.content))
    if (input.status === row.status) return toExperiment(row)
    if (input.status === 'completed' && content.outcome === null) {
      throw new AppError('RULE', 'Say how it went before completing', { reason: 'outcomeRequired' })
    }
    if (row.status === 'completed') {
      // Reopening changes a record others may rely on: the reason stays in its history.
      if (!input.reason) throw new AppError('RULE', 'Reopening needs a reason', { reason: 'reopenReasonRequired' })
      return write(row, content, input.status, actor, `reopened: ${input.reason}`)
    }
    return write(row, content, input.status, actor, null)
  })

  const restore = writeTransaction(db, (input: { id: number; version: number; fromVersion: number }, actor: Actor | null): Experiment => {
    requireActor(actor)
    const row = getRow(input.id)
    if (!mayEdit(row, actor)) throw new AppError('FORBIDDEN', 'Not your experiment', { reason: 'notYourExperiment' })
    if (row.version !== input.version) throw stale('experiment', row.id, row.version)
    if (row.status === 'completed')
      throw new AppError('RULE', 'A completed experiment is locked; reopen it first', { reason: 'experimentLocked' })
    const snapshot = revisions.snapshot('experiment', row.id, input.fromVersion)
    if (!snapshot) throw notFound('revision', input.fromVersion)
    const content = experimentContent.parse(withoutStatus(snapshot))
    assertReferencesExist(content, row.id)
    return write(row, content, row.status, actor, `restored: ${input.fromVersion}`)
  })

  // Both queries walk experiments newest first (index experiments_newest, migration 0115, which also
  // holds status, outcome and author) and stop at the limit. A filter on another table is one set of
  // ids, built once from that table's own index and then looked up in memory: as a correlated EXISTS
  // it was a b-tree search per experiment walked, which for a rare filter is every experiment.
  const listExperiments = db.prepare<
    Record<string, unknown>,
    { id: number; title: string; status: Status; outcome: Outcome | null; author: string; updated_at: string; tags: string | null }
  >(
    `SELECT e.id, e.title, e.status, e.outcome, p.name AS author, e.updated_at,
           (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.kind = 'experiment' AND t.ref_id = e.id) AS tags
         FROM experiments e JOIN people p ON p.id = e.author_id
         WHERE (@status IS NULL OR e.status = @status)
           AND (@outcome IS NULL OR e.outcome = @outcome)
           AND (@author IS NULL OR e.author_id = @author)
           AND (@tag IS NULL OR e.id IN (SELECT ref_id FROM tags WHERE tag = @tag AND kind = 'experiment'))
           AND (@machine IS NULL OR e.id IN (SELECT experiment_id FROM experiment_equipment WHERE equipment_id = @machine))
           AND (@booking IS NULL OR e.id IN (SELECT experiment_id FROM experiment_bookings WHERE booking_id = @booking))
         ORDER BY e.updated_at DESC, e.id DESC LIMIT @limit OFFSET @offset`,
  )

  function list(input: z.output<typeof experimentListInput>) {
    const rows = listExperiments.all({
      status: input.status ?? null,
      outcome: input.outcome ?? null,
      author: input.authorId ?? null,
      tag: input.tag ?? null,
      machine: input.equipmentId ?? null,
      booking: input.bookingId ?? null,
      limit: input.limit,
      offset: input.offset,
    })
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      outcome: r.outcome,
      author: r.author,
      updatedAt: r.updated_at,
      tags: r.tags ? r.tags.split('\u001f').sort() : [],
    }))
  }

  const libraryExperiments = db.prepare<
    { kind: string | null; material: string | null; outcomes: string | null; limit: number },
    { id: number; title: string; outcome: Outcome | null; status: Status; updated_at: string }
  >(
    `SELECT e.id, e.title, e.outcome, e.status, e.updated_at FROM experiments e
     WHERE (@kind IS NULL OR e.id IN (SELECT x.experiment_id FROM equipment q JOIN experiment_equipment x ON x.equipment_id = q.id
                                      WHERE q.kind = @kind))
       AND (@material IS NULL OR e.id IN (SELECT experiment_id FROM experiment_materials WHERE name_key LIKE @material ESCAPE '\\'))
       AND (@outcomes IS NULL OR e.outcome IN (SELECT value FROM json_each(@outcomes)))
     ORDER BY e.updated_at DESC, e.id DESC LIMIT @limit`,
  )
  const libraryParameters = db.prepare<
    [string],
    { experiment_id: number; name: string; value: string; value_number: number | null; unit: string }
  >(
    `SELECT experiment_id, name, value, value_number, unit FROM experiment_parameters
     WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY experiment_id, position`,
  )
  const libraryMaterials = db.prepare<[string], { experiment_id: number; name: string; size: string }>(
    `SELECT experiment_id, name, size FROM experiment_materials
     WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY experiment_id, position`,
  )

  /** Every experiment on this material and machine kind with its parameter values: what a freelancer reads before cutting. */
  function settingsLibrary(input: z.output<typeof settingsLibraryInput>): SettingsLibraryRow[] {
    const material = input.material ? `%${escapeLike(foldForSearch(input.material))}%` : null
    const found = libraryExperiments.all({
      kind: input.equipmentKind ?? null,
      material,
      outcomes: input.outcomes?.length ? JSON.stringify(input.outcomes) : null,
      limit: input.limit,
    })
    const ids = JSON.stringify(found.map((e) => e.id))
    const parameters = byExperiment(libraryParameters.all(ids))
    const materials = byExperiment(libraryMaterials.all(ids))
    const wantedSize = input.size ? parseNumber(input.size) : null
    return found
      .map((e) => ({
        experimentId: e.id,
        title: e.title,
        outcome: e.outcome,
        status: e.status,
        updatedAt: e.updated_at,
        materials: (materials.get(e.id) ?? []).map((m) => ({ name: m.name, size: m.size })),
        parameters: (parameters.get(e.id) ?? []).map((p) => ({ name: p.name, value: p.value, number: p.value_number, unit: p.unit })),
      }))
      .filter(
        (row) =>
          wantedSize === null ||
          row.materials.some(
            (m) => (!material || foldForSearch(m.name).includes(foldForSearch(input.material!))) && parseNumber(m.size) === wantedSize,
          ),
      )
  }

  return {
    settingsLibrary,
    create,
    save,
    setStatus,
    restore,
    list,
    get: (id: number) => toExperiment(getRow(id)),
    revisions: (id: number) => (getRow(id), revisions.list('experiment', id)),
  }
}

function byExperiment<T extends { experiment_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) map.set(row.experiment_id, [...(map.get(row.experiment_id) ?? []), row])
  return map
}

function withoutStatus(snapshot: unknown): unknown {
  if (typeof snapshot !== 'object' || snapshot === null) return snapshot
  const { status: _status, ...content } = snapshot as Record<string, unknown>
  return content
}

export type ExperimentService = ReturnType<typeof createExperimentService>
