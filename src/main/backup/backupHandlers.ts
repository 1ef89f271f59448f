// Backups and restore (see docs/backup.md): the list, a manual backup, deleting one, and restore from
// a listed backup or an uploaded database file. Coordinators only: a backup holds everyone's data,
// and a restore replaces it. bootstrap.ts spreads the handlers built here into the dispatcher.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { RESTORE_UPLOAD_MAX_BYTES, type backupMethods, type RestoreResult } from '../../shared/backup'
import type { CoreServices } from '../coreServices'
import { readUserVersion } from '../db/database'
import type { Actor, Handlers } from '../dispatcher'
import { AppError, notFound } from '../errors'
import { requireCoordinator } from '../permissions'
import {
  applyRetention,
  backupAttachmentsFolder,
  backupDatabaseFile,
  backupsFolder,
  copyAttachments,
  deleteBackup,
  listBackups,
  makeBackup,
  oneAtATime,
  workFolder,
} from './backupStore'
import { attachAndCheck, copyOverLive, countMissingAttachments, detachCandidate, stageCandidate } from './restore'

export function createBackupHandlers(services: CoreServices): Pick<Handlers, keyof typeof backupMethods> {
  const { db, dataDir, clock, log } = services
  const attachmentsDir = join(dataDir, 'attachments')

  function existing(id: string) {
    const backup = listBackups(dataDir).find((b) => b.id === id)
    if (!backup) throw notFound('Backup', id)
    return backup
  }

  function restore(source: string | Buffer, attachmentsFrom: string | null, actor: Actor): Promise<RestoreResult> {
    return oneAtATime(db, async () => {
      const work = workFolder(dataDir)
      try {
        const { schemaVersion } = attachAndCheck(db, stageCandidate(work, source))
        let safetyBackup
        try {
          // The data as it is now, so a restore can itself be undone.
          safetyBackup = await makeBackup(db, dataDir, 'pre-restore', clock())
          // Attachments are content-addressed: adding the backup's files can overwrite nothing.
          if (attachmentsFrom) copyAttachments(attachmentsFrom, attachmentsDir)
        } catch (error) {
          detachCandidate(db)
          throw error
        }
        await copyOverLive(db, db.name, schemaVersion)
        // Caches that outlive a call: equipment rules per id and version, and the centre settings.
        services.equipment.forgetParsedRules()
        services.settings.forgetCache()
        const removed = applyRetention(dataDir)
        log.info('restored', { by: actor.id, schemaVersion, safetyBackup: safetyBackup.id, removed })
        return { safetyBackup, schemaVersion: readUserVersion(db), missingAttachments: countMissingAttachments(db, attachmentsDir) }
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    })
  }

  return {
    'backup.list': (_input, ctx) => {
      requireCoordinator(ctx.actor)
      return { folder: backupsFolder(dataDir), backups: listBackups(dataDir) }
    },
    'backup.create': (_input, ctx) => {
      requireCoordinator(ctx.actor)
      return oneAtATime(db, async () => {
        const info = await makeBackup(db, dataDir, 'manual', clock())
        applyRetention(dataDir)
        log.info('backup-made', { id: info.id })
        return info
      })
    },
    'backup.delete': ({ id }, ctx) => {
      requireCoordinator(ctx.actor)
      existing(id)
      deleteBackup(dataDir, id)
      return { id }
    },
    'backup.restore': ({ id }, ctx) => {
      requireCoordinator(ctx.actor)
      existing(id)
      return restore(backupDatabaseFile(dataDir, id), backupAttachmentsFolder(dataDir, id), ctx.actor)
    },
    'backup.restoreUpload': ({ data }, ctx) => {
      requireCoordinator(ctx.actor)
      const bytes = Buffer.from(data, 'base64')
      if (bytes.length > RESTORE_UPLOAD_MAX_BYTES) {
        throw new AppError('VALIDATION', `File over ${RESTORE_UPLOAD_MAX_BYTES} bytes`, {
          reason: 'restoreTooLarge',
          maximum: RESTORE_UPLOAD_MAX_BYTES / 1024 / 1024,
        })
      }
      return restore(bytes, null, ctx.actor)
    },
  }
}
