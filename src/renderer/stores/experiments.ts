// Experiments: lists with filters, one record, saving with the version it started from, status
// changes (complete, reopen with a reason), revisions, the settings library and attachment uploads.
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AttachmentInfo } from '../../shared/attachments'
import type { MethodInput } from '../../shared/contract'
import { call } from '../api/client'

export const useExperimentsStore = defineStore('experiments', () => {
  /** Raised after every change, so lists on screen reload. */
  const revision = ref(0)

  async function changed<T>(result: Promise<T>): Promise<T> {
    const value = await result
    if ((value as { ok: boolean }).ok) revision.value++
    return value
  }

  /** Uploads in flight; the editor waits for them before saving. */
  const uploading = ref(0)
  /**
   * What this window learned from uploads, by file hash: its type and its thumbnail's hash. The
   * experiment keeps only hash, name and caption; records from elsewhere fall back to the name.
   */
  const uploaded = reactive(new Map<string, Pick<AttachmentInfo, 'mediaType' | 'thumbnailSha256'>>())

  async function upload(input: MethodInput<'attachments.upload'>) {
    uploading.value++
    try {
      const result = await call('attachments.upload', input)
      if (result.ok) uploaded.set(result.value.sha256, { mediaType: result.value.mediaType, thumbnailSha256: result.value.thumbnailSha256 })
      return result
    } finally {
      uploading.value--
    }
  }

  return {
    revision,
    uploading,
    uploaded,
    upload,
    list: (input: MethodInput<'experiments.list'>) => call('experiments.list', input),
    get: (id: number) => call('experiments.get', { id }),
    create: (input: MethodInput<'experiments.create'>) => changed(call('experiments.create', input)),
    save: (input: MethodInput<'experiments.save'>) => changed(call('experiments.save', input)),
    setStatus: (input: MethodInput<'experiments.setStatus'>) => changed(call('experiments.setStatus', input)),
    restore: (input: MethodInput<'experiments.restore'>) => changed(call('experiments.restore', input)),
    revisions: (id: number) => call('experiments.revisions', { id }),
    settingsLibrary: (input: MethodInput<'experiments.settingsLibrary'>) => call('experiments.settingsLibrary', input),
    backlinks: (id: number) => call('links.backlinks', { kind: 'experiment', id }),
  }
})
