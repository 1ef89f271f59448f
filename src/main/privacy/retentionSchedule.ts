// Removes external symposium registrants' personal data after the retention period (see
// docs/privacy.md, "Retention"), at start and then daily. Returns a function that stops it.
// A failed run is logged and tried again the next day; it never stops the core from opening.
import type { CoreServices } from '../coreServices'
import { createRetention } from './retention'

const DAY_MS = 24 * 60 * 60 * 1000

export function startRetentionSchedule(services: CoreServices, intervalMs = DAY_MS): () => void {
  const retention = createRetention(services)
  const run = () => {
    try {
      const result = retention.run()
      if (result.registrations > 0) services.log.info('retention', { ...result })
    } catch (error) {
      services.log.error('retention-failed', { error })
    }
  }
  run()
  const timer = setInterval(run, intervalMs)
  // A pending daily run must not keep a test or a closing server alive.
  timer.unref()
  return () => clearInterval(timer)
}
