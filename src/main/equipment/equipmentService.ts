// Machines and their booking rules. Owns the `equipment` table. Only coordinators add or change
// machines; everyone sees them. Rules are stored as JSON and parsed once per version.
import type { z } from 'zod'
import {
  bookingRules,
  type BookingRules,
  type Equipment,
  type equipmentCreateInput,
  type equipmentUpdateInput,
  type EquipmentKind,
  type EquipmentStatus,
} from '../../shared/equipment'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { requireCoordinator } from '../permissions'
import { equipmentDocument, type Indexer } from '../search/searchDocuments'

type CreateInput = z.output<typeof equipmentCreateInput>
type UpdateInput = z.output<typeof equipmentUpdateInput>

interface EquipmentRow {
  id: number
  name: string
  kind: EquipmentKind
  location: string | null
  description: string | null
  status: EquipmentStatus
  rules: string
  longest_block_minutes: number
  version: number
  created_at: string
  updated_at: string
}

/** A machine as the booking rules need it: parsed rules and the overlap bound. */
export interface MachineForBooking {
  id: number
  name: string
  kind: EquipmentKind
  status: EquipmentStatus
  rules: BookingRules
  longestBlockMinutes: number
}

export type EquipmentService = ReturnType<typeof createEquipmentService>

export function createEquipmentService(db: Db, clock: Clock, index: Indexer = () => {}) {
  const selectById = db.prepare<[number], EquipmentRow>('SELECT * FROM equipment WHERE id = ?')
  const selectByName = db.prepare<[string], { id: number }>('SELECT id FROM equipment WHERE name = ? COLLATE NOCASE')
  const insert = db.prepare(
    `INSERT INTO equipment (name, kind, location, description, status, rules, created_at, updated_at, created_by, updated_by)
     VALUES (@name, @kind, @location, @description, @status, @rules, @now, @now, @actor, @actor)`,
  )
  const updateRow = db.prepare(
    `UPDATE equipment SET name = @name, kind = @kind, location = @location, description = @description, status = @status,
       rules = @rules, version = version + 1, updated_at = @now, updated_by = @actor
     WHERE id = @id AND version = @version`,
  )
  // Only when the bound really grows: an UPDATE on every booking would add a page to every commit.
  const raiseLongest = db.prepare('UPDATE equipment SET longest_block_minutes = ? WHERE id = ? AND longest_block_minutes < ?')

  // Parsed rules per id and version: the booking path reads them on every call.
  const parsed = new Map<number, { version: number; rules: BookingRules }>()
  function rulesOf(row: EquipmentRow): BookingRules {
    const cached = parsed.get(row.id)
    if (cached && cached.version === row.version) return cached.rules
    const rules = bookingRules.parse(JSON.parse(row.rules))
    parsed.set(row.id, { version: row.version, rules })
    return rules
  }

  function indexed(machine: Equipment): Equipment {
    index(equipmentDocument(machine))
    return machine
  }

  function getRow(id: number): EquipmentRow {
    const row = selectById.get(id)
    if (!row) throw notFound('equipment', id)
    return row
  }

  function assertNameFree(name: string, exceptId?: number) {
    const other = selectByName.get(name)
    if (other && other.id !== exceptId)
      throw new AppError('CONFLICT', `A machine called ${name} exists`, { reason: 'equipmentNameTaken', name })
  }

  const toEquipment = (row: EquipmentRow): Equipment => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    location: row.location,
    description: row.description,
    status: row.status,
    rules: rulesOf(row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  })

  const create = writeTransaction(db, (input: CreateInput, actor: Actor | null): Equipment => {
    requireCoordinator(actor)
    assertNameFree(input.name)
    const result = insert.run({ ...input, rules: JSON.stringify(input.rules), now: clock().toISOString(), actor: actor.id })
    return indexed(toEquipment(getRow(Number(result.lastInsertRowid))))
  })

  const update = writeTransaction(db, (input: UpdateInput, actor: Actor | null): Equipment => {
    requireCoordinator(actor)
    const row = getRow(input.id)
    if (row.version !== input.version) throw stale('equipment', row.id, row.version)
    const next = {
      name: input.name ?? row.name,
      kind: input.kind ?? row.kind,
      location: input.location === undefined ? row.location : input.location,
      description: input.description === undefined ? row.description : input.description,
      status: input.status ?? row.status,
      rules: JSON.stringify(input.rules ?? rulesOf(row)),
    }
    assertNameFree(next.name, row.id)
    updateRow.run({ ...next, id: row.id, version: input.version, now: clock().toISOString(), actor: actor.id })
    return indexed(toEquipment(getRow(row.id)))
  })

  function list(input: { includeRetired?: boolean; kind?: EquipmentKind }): Equipment[] {
    const rows = db
      .prepare<{ retired: number; kind: string | null }, EquipmentRow>(
        `SELECT * FROM equipment WHERE (@retired = 1 OR status <> 'retired') AND (@kind IS NULL OR kind = @kind)
         ORDER BY name COLLATE NOCASE`,
      )
      .all({ retired: input.includeRetired ? 1 : 0, kind: input.kind ?? null })
    return rows.map(toEquipment)
  }

  function forBooking(id: number): MachineForBooking {
    const row = getRow(id)
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      status: row.status,
      rules: rulesOf(row),
      longestBlockMinutes: row.longest_block_minutes,
    }
  }

  return {
    create,
    update,
    list,
    get: (id: number) => toEquipment(getRow(id)),
    forBooking,
    /** Called in the booking transaction: keeps the overlap search bound true. */
    noteBlock: (id: number, minutes: number) => raiseLongest.run(Math.ceil(minutes), id, Math.ceil(minutes)),
    /** After a restore (docs/backup.md): the same id and version may now hold other rules. */
    forgetParsedRules: () => parsed.clear(),
  }
}
