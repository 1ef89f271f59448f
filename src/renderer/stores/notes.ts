// Knowledge notes: lists, one note, saving with the version it started from, reviews, revisions.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import { call } from '../api/client'

export const useNotesStore = defineStore('notes', () => {
  /** Raised after every change, so lists and backlink panels on screen reload. */
  const revision = ref(0)

  async function changed<T>(result: Promise<T>): Promise<T> {
    const value = await result
    if ((value as { ok: boolean }).ok) revision.value++
    return value
  }

  return {
    revision,
    list: (input: MethodInput<'notes.list'>) => call('notes.list', input),
    get: (id: number) => call('notes.get', { id }),
    create: (input: MethodInput<'notes.create'>) => changed(call('notes.create', input)),
    save: (input: MethodInput<'notes.save'>) => changed(call('notes.save', input)),
    review: (input: MethodInput<'notes.review'>) => changed(call('notes.review', input)),
    restore: (input: MethodInput<'notes.restore'>) => changed(call('notes.restore', input)),
    revisions: (id: number) => call('notes.revisions', { id }),
    titles: (prefix: string, limit = 8) => call('notes.titles', { prefix, limit }),
    backlinks: (input: MethodInput<'links.backlinks'>) => call('links.backlinks', input),
  }
})
