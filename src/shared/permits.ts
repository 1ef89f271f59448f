// Permits: who may use which machine (or every machine of a kind), at which level, until when.
import { z } from 'zod'
import { EQUIPMENT_KINDS, equipmentId, localDate } from './equipment'
import { personId } from './people'

export const PERMIT_LEVELS = ['supervised', 'independent', 'instructor'] as const
export type PermitLevel = (typeof PERMIT_LEVELS)[number]

export const permitId = z.int().positive()

export const permitGrantInput = z
  .strictObject({
    personId,
    equipmentId: equipmentId.optional(),
    equipmentKind: z.enum(EQUIPMENT_KINDS).optional(),
    level: z.enum(PERMIT_LEVELS),
    validUntil: localDate.nullish().transform((v) => v ?? null),
    note: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => v || null),
  })
  .refine((p) => (p.equipmentId === undefined) !== (p.equipmentKind === undefined), {
    params: { reason: 'permitTarget' },
    path: ['equipmentId'],
  })

export const permitRevokeInput = z.strictObject({ id: permitId, reason: z.string().trim().min(1).max(500) })

export const permitListInput = z.strictObject({
  personId: personId.optional(),
  equipmentId: equipmentId.optional(),
  includeRevoked: z.boolean().optional(),
})

export const permit = z.strictObject({
  id: permitId,
  personId,
  personName: z.string(),
  equipmentId: equipmentId.nullable(),
  equipmentName: z.string().nullable(),
  equipmentKind: z.enum(EQUIPMENT_KINDS).nullable(),
  level: z.enum(PERMIT_LEVELS),
  grantedById: personId.nullable(),
  grantedByName: z.string().nullable(),
  grantedAt: z.iso.datetime(),
  validUntil: localDate.nullable(),
  note: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
})
export type Permit = z.infer<typeof permit>
