// Centre-wide settings (one set per data folder). Language is not here: it follows the person's
// own device (the OS language or their choice in Settings), not the centre.
import { z } from 'zod'

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam'
export const RETENTION_MONTHS_MAX = 120

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

export const centreSettings = z.strictObject({
  centreName: z.string().trim().min(1).max(120),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { params: { reason: 'timeZone' } }),
  /**
   * Months after a symposium edition ended when external registrants' personal data is removed
   * (docs/privacy.md, "Retention"); null: kept until someone erases it.
   */
  externalRetentionMonths: z.int().min(1).max(RETENTION_MONTHS_MAX).nullable(),
})
export type CentreSettings = z.infer<typeof centreSettings>

export const settingsUpdateInput = centreSettings.partial()
