// Experiments: lists with filters, one record, saving with the version it started from, status
// changes (complete, reopen with a reason), revisions and the settings library.
import { defineStore } from 'pinia'
import { ref } from 'vue'
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

  return {
    revision,
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
