// Automatic backups while the app runs (see docs/backup.md): a check shortly after opening and then
// every hour; when a scheduled backup is due (dueKind), one is made and retention applied. Timers
// are unref'd, so they never keep a process alive. Returns a function that stops them.
import type { BackupInfo } from '../../shared/backup'
import type { CoreServices } from '../coreServices'
import { applyRetention, dueKind, makeBackup, oneAtATime } from './backupStore'

/** Not at the moment of opening: starting the app stays fast, and short-lived test cores make none. */
export const FIRST_CHECK_MS = 2 * 60_000
export const CHECK_EVERY_MS = 60 * 60_000

export function startBackupSchedule(services: CoreServices): () => void {
  // For measurements (the benchmark): a backup of a large file in the middle would skew the figures.
  if (process.env.WERKBANK_BACKUP_SCHEDULE === 'off') return () => {}
  let stopped = false
  const check = () => {
    if (stopped) return
    runScheduledBackup(services).catch((error: unknown) => {
      // Closing the app in the middle of a backup ends it too; that is not worth an error.
      if (!stopped) services.log.error('backup-failed', { error })
    })
  }
  const first = setTimeout(check, FIRST_CHECK_MS)
  const hourly = setInterval(check, CHECK_EVERY_MS)
  first.unref()
  hourly.unref()
  return () => {
    stopped = true
    clearTimeout(first)
    clearInterval(hourly)
  }
}

/** Makes the daily or weekly backup if one is due; null if not. */
export function runScheduledBackup({
  db,
  dataDir,
  clock,
  log,
}: Pick<CoreServices, 'db' | 'dataDir' | 'clock' | 'log'>): Promise<BackupInfo | null> {
  return oneAtATime(db, async () => {
    const now = clock()
    const kind = dueKind(dataDir, now)
    if (!kind) return null
    const info = await makeBackup(db, dataDir, kind, now)
    const removed = applyRetention(dataDir)
    log.info('backup-made', { id: info.id, removed })
    return info
  })
}
