// The call for contributions of the open edition: submissions (the core shows non-managers only
// their own), submitting and editing, reviews and decisions. A change reloads the edition's counts.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError, ApiResult } from '../../shared/result'
import type { Submission } from '../../shared/symposia'
import { call } from '../api/client'
import { useSymposiaStore } from './symposia'

export const useSubmissionsStore = defineStore('submissions', () => {
  const editionId = ref<number | null>(null)
  const items = ref<Submission[]>([])
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  let latest = 0

  async function load(id: number) {
    const request = ++latest
    if (editionId.value !== id) items.value = []
    editionId.value = id
    loading.value = true
    const result = await call('submissions.list', { editionId: id })
    if (request !== latest) return
    loading.value = false
    if (result.ok) {
      items.value = result.value
      error.value = null
    } else error.value = result.error
  }

  /** Puts the changed submission in the list in place, and refreshes the edition's counts. */
  function afterChange(result: ApiResult<Submission>): ApiResult<Submission> {
    if (!result.ok) return result
    const value = result.value
    if (value.editionId === editionId.value) {
      const index = items.value.findIndex((s) => s.id === value.id)
      if (index === -1) items.value = [...items.value, value]
      else items.value = items.value.map((s) => (s.id === value.id ? value : s))
    }
    void useSymposiaStore().reload()
    return result
  }

  async function get(id: number) {
    const result = await call('submissions.get', { id })
    if (result.ok) afterChange(result)
    return result
  }

  return {
    editionId,
    items,
    loading,
    error,
    load,
    get,
    create: async (input: MethodInput<'submissions.create'>) => afterChange(await call('submissions.create', input)),
    update: async (input: MethodInput<'submissions.update'>) => afterChange(await call('submissions.update', input)),
    review: async (input: MethodInput<'submissions.review'>) => afterChange(await call('submissions.review', input)),
    withdraw: async (input: MethodInput<'submissions.withdraw'>) => afterChange(await call('submissions.withdraw', input)),
    decide: async (input: MethodInput<'submissions.decide'>) => afterChange(await call('submissions.decide', input)),
  }
})
