// Backups and restore (see docs/backup.md).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { backupMethods } from '../../shared/backup'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'

export function createBackupHandlers(services: CoreServices): Pick<Handlers, keyof typeof backupMethods> {
  void services
  return {}
}
