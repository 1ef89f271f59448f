// Backups: the list and the folder, a manual backup, deleting one, and restore (from the list or a
// file). Coordinators only; the core refuses anyone else.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo, RestoreResult } from '../../shared/backup'
import type { ApiResult } from '../../shared/result'
import { call } from '../api/client'

export const useBackupStore = defineStore('backup', () => {
  const backups = ref<BackupInfo[]>([])
  const folder = ref('')
  const loaded = ref(false)

  async function load() {
    const result = await call('backup.list', {})
    if (result.ok) {
      backups.value = result.value.backups
      folder.value = result.value.folder
    }
    loaded.value = true
    return result
  }

  async function create(): Promise<ApiResult<BackupInfo>> {
    const result = await call('backup.create', {})
    if (result.ok) await load()
    return result
  }

  async function remove(id: string) {
    const result = await call('backup.delete', { id })
    if (result.ok) await load()
    return result
  }

  async function restore(source: { id: string } | { filename: string; data: string }): Promise<ApiResult<RestoreResult>> {
    const result = 'id' in source ? await call('backup.restore', source) : await call('backup.restoreUpload', source)
    // The list changes either way on success (a safety backup is added).
    if (result.ok) await load()
    return result
  }

  return { backups, folder, loaded, load, create, remove, restore }
})
