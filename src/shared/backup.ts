// Backups made with SQLite's online backup API, their retention, and restore after checks.
// Spread into the contract with one line; see docs/backup.md.
import { z } from 'zod'

/** daily/weekly come from the schedule; manual from Settings; the other two are made by the core itself. */
export const backupKind = z.enum(['daily', 'weekly', 'manual', 'pre-migration', 'pre-restore'])
export type BackupKind = z.infer<typeof backupKind>

/** A backup's folder name under `<dataDir>/backups/`: its time and kind, nothing a path could escape with. */
export const BACKUP_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|weekly|manual|pre-migration|pre-restore)(-\d+)?$/
export const backupId = z.string().max(80).regex(BACKUP_ID)

/** An uploaded database file for restore: at most this many bytes (it crosses as base64 in JSON). */
export const RESTORE_UPLOAD_MAX_BYTES = 48 * 1024 * 1024
export const RESTORE_UPLOAD_MAX_BASE64 = Math.ceil(RESTORE_UPLOAD_MAX_BYTES / 3) * 4

export const backupInfo = z.strictObject({
  id: backupId,
  createdAt: z.iso.datetime(),
  kind: backupKind,
  /** The schema version (`PRAGMA user_version`) of the copied database. */
  schemaVersion: z.int().nonnegative(),
  appVersion: z.string().max(40),
  databaseBytes: z.int().nonnegative(),
  attachmentCount: z.int().nonnegative(),
  attachmentBytes: z.int().nonnegative(),
})
export type BackupInfo = z.infer<typeof backupInfo>

export const backupList = z.strictObject({
  /** Where the backups are on this machine, to copy them elsewhere. */
  folder: z.string().max(4096),
  backups: z.array(backupInfo),
})
export type BackupList = z.infer<typeof backupList>

export const restoreResult = z.strictObject({
  /** The backup made of the data as it was just before the restore. */
  safetyBackup: backupInfo,
  schemaVersion: z.int().positive(),
  /** Attachments the restored data refers to that neither the backup nor this data folder has. */
  missingAttachments: z.int().nonnegative(),
})
export type RestoreResult = z.infer<typeof restoreResult>

export const backupMethods = {
  'backup.list': { input: z.strictObject({}), output: backupList },
  'backup.create': { input: z.strictObject({}), output: backupInfo },
  'backup.delete': { input: z.strictObject({ id: backupId }), output: z.strictObject({ id: backupId }) },
  'backup.restore': { input: z.strictObject({ id: backupId }), output: restoreResult },
  'backup.restoreUpload': {
    input: z.strictObject({
      filename: z.string().min(1).max(255),
      /** The file's bytes as base64. */
      data: z.string().min(1).max(RESTORE_UPLOAD_MAX_BASE64),
    }),
    output: restoreResult,
  },
} as const
