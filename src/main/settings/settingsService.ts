// Centre-wide settings (name, time zone, retention of external registrants' data). Owns the `settings` table; values are stored as JSON.
import type { z } from 'zod'
import { centreSettings, DEFAULT_TIME_ZONE, type CentreSettings, type settingsUpdateInput } from '../../shared/settings'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { requireCoordinator } from '../permissions'

const DEFAULTS: CentreSettings = { centreName: 'Kenniscentrum Werkbank', timeZone: DEFAULT_TIME_ZONE, externalRetentionMonths: null }

export function createSettingsService(db: Db) {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')

  // Read on every booking (the time zone), changed rarely: kept until the next update.
  let cached: CentreSettings | null = null

  function get(): CentreSettings {
    return (cached ??= read())
  }

  function read(): CentreSettings {
    const stored: Record<string, unknown> = {}
    for (const { key, value } of selectAll.all()) stored[key] = JSON.parse(value)
    // Unknown keys from later versions are ignored; a damaged value falls back to the default.
    const parsed = centreSettings.safeParse({ ...DEFAULTS, ...pick(stored) })
    return parsed.success ? parsed.data : DEFAULTS
  }

  const update = writeTransaction(db, (patch: z.output<typeof settingsUpdateInput>, actor: Actor | null): CentreSettings => {
    requireCoordinator(actor)
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value))
    }
    cached = null
    return get()
  })

  return {
    get,
    update,
    /** After the database file was replaced underneath (a restore): read again on the next get. */
    forgetCache() {
      cached = null
    },
  }
}

function pick(stored: Record<string, unknown>): Partial<CentreSettings> {
  const out: Partial<CentreSettings> = {}
  if (typeof stored.centreName === 'string') out.centreName = stored.centreName
  if (typeof stored.timeZone === 'string') out.timeZone = stored.timeZone
  if (stored.externalRetentionMonths === null || typeof stored.externalRetentionMonths === 'number')
    out.externalRetentionMonths = stored.externalRetentionMonths
  return out
}
