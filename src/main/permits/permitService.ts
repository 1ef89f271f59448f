// Permits: who may use which machine, at which level, until when. Owns the `permits` table.
// Coordinators and teachers grant; coordinators revoke. A revoked permit stays as history.
import type { z } from 'zod'
import type { EquipmentKind } from '../../shared/equipment'
import type { Permit, PermitLevel, permitGrantInput, permitListInput, permitRevokeInput } from '../../shared/permits'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { requireCoordinator, requireManager } from '../permissions'

interface PermitRow {
  id: number
  person_id: number
  person_name: string
  equipment_id: number | null
  equipment_name: string | null
  equipment_kind: EquipmentKind | null
  level: PermitLevel
  granted_by: number | null
  granted_by_name: string | null
  granted_at: string
  valid_until: string | null
  note: string | null
  revoked_at: string | null
  revoke_reason: string | null
}

const SELECT = `SELECT p.*, who.name AS person_name, e.name AS equipment_name, granter.name AS granted_by_name
  FROM permits p
  JOIN people who ON who.id = p.person_id
  LEFT JOIN equipment e ON e.id = p.equipment_id
  LEFT JOIN people granter ON granter.id = p.granted_by`

/** The permit that lets someone use a machine on a date, or the reason there is none. */
export type PermitCheck = { ok: true; level: PermitLevel } | { ok: false; expiredOn: string | null }

export type PermitService = ReturnType<typeof createPermitService>

export function createPermitService(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO permits (person_id, equipment_id, equipment_kind, level, granted_by, granted_at, valid_until, note)
     VALUES (@personId, @equipmentId, @equipmentKind, @level, @actor, @now, @validUntil, @note)`,
  )
  const selectById = db.prepare<[number], PermitRow>(SELECT + ' WHERE p.id = ?')
  const candidates = db.prepare<[number, number, string], { level: PermitLevel; valid_until: string | null }>(
    `SELECT level, valid_until FROM permits
     WHERE person_id = ? AND revoked_at IS NULL AND (equipment_id = ? OR equipment_kind = ?)`,
  )
  const personExists = db.prepare<[number], { active: number }>('SELECT active FROM people WHERE id = ?')
  const equipmentExists = db.prepare<[number], { id: number }>('SELECT id FROM equipment WHERE id = ?')

  const grant = writeTransaction(db, (input: z.output<typeof permitGrantInput>, actor: Actor | null): Permit => {
    requireManager(actor)
    const person = personExists.get(input.personId)
    if (!person) throw notFound('person', input.personId)
    if (!person.active) throw new AppError('RULE', 'Inactive people get no permits', { reason: 'personInactive' })
    if (input.equipmentId !== undefined && !equipmentExists.get(input.equipmentId)) throw notFound('equipment', input.equipmentId)
    return insertPermit({ ...input, equipmentId: input.equipmentId ?? null, equipmentKind: input.equipmentKind ?? null }, actor)
  })

  function insertPermit(
    p: {
      personId: number
      equipmentId: number | null
      equipmentKind: string | null
      level: PermitLevel
      validUntil: string | null
      note: string | null
    },
    grantedBy: Actor,
  ): Permit {
    const result = insert.run({ ...p, actor: grantedBy.id, now: clock().toISOString() })
    return toPermit(selectById.get(Number(result.lastInsertRowid))!)
  }

  /**
   * The permit a training gives its attendees. The trainer's authority comes from the training
   * (they hold an instructor permit), so no role check here; the caller has checked the booking.
   */
  function grantForTraining(
    personId: number,
    equipmentId: number,
    level: PermitLevel,
    validUntil: string | null,
    trainer: Actor,
    note: string,
  ): Permit {
    return insertPermit({ personId, equipmentId, equipmentKind: null, level, validUntil, note }, trainer)
  }

  const revoke = writeTransaction(db, (input: z.output<typeof permitRevokeInput>, actor: Actor | null): Permit => {
    requireCoordinator(actor)
    const row = selectById.get(input.id)
    if (!row) throw notFound('permit', input.id)
    if (row.revoked_at) throw new AppError('CONFLICT', 'This permit was already revoked', { reason: 'alreadyRevoked' })
    db.prepare('UPDATE permits SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?').run(
      clock().toISOString(),
      actor.id,
      input.reason,
      input.id,
    )
    return toPermit(selectById.get(input.id)!)
  })

  function list(input: z.output<typeof permitListInput>): Permit[] {
    return db
      .prepare<{ person: number | null; equipment: number | null; revoked: number }, PermitRow>(
        SELECT +
          ` WHERE (@person IS NULL OR p.person_id = @person)
           AND (@equipment IS NULL OR p.equipment_id = @equipment
                OR p.equipment_kind = (SELECT kind FROM equipment WHERE id = @equipment))
           AND (@revoked = 1 OR p.revoked_at IS NULL)
         ORDER BY who.name COLLATE NOCASE, p.granted_at DESC`,
      )
      .all({ person: input.personId ?? null, equipment: input.equipmentId ?? null, revoked: input.includeRevoked ? 1 : 0 })
      .map(toPermit)
  }

  /** The best valid permit for the machine (or its kind) on a local date; else when the last one ran out. */
  function check(personId: number, machine: { id: number; kind: string }, localDate: string): PermitCheck {
    const rows = candidates.all(personId, machine.id, machine.kind)
    const valid = rows.filter((r) => r.valid_until === null || r.valid_until >= localDate)
    if (valid.length === 0) {
      const expired = rows.map((r) => r.valid_until!).sort()
      return { ok: false, expiredOn: expired.at(-1) ?? null }
    }
    const rank: Record<PermitLevel, number> = { supervised: 0, independent: 1, instructor: 2 }
    return { ok: true, level: valid.map((r) => r.level).sort((a, b) => rank[b] - rank[a])[0]! }
  }

  return { grant, revoke, list, check, grantForTraining }
}

function toPermit(row: PermitRow): Permit {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    equipmentId: row.equipment_id,
    equipmentName: row.equipment_name,
    equipmentKind: row.equipment_kind,
    level: row.level,
    grantedById: row.granted_by,
    grantedByName: row.granted_by_name,
    grantedAt: row.granted_at,
    validUntil: row.valid_until,
    note: row.note,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  }
}
