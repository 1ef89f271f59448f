// Symposium editions: the list for the Symposia screen and the one edition open on its page.
// Every tab of that page reads `current`; after a change elsewhere (a decision, a registration)
// call `reload()` so its counts stay right.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError, ApiResult } from '../../shared/result'
import type { Edition, EditionSummary } from '../../shared/symposia'
import { call } from '../api/client'

export const useSymposiaStore = defineStore('symposia', () => {
  const editions = ref<EditionSummary[]>([])
  const loaded = ref(false)
  const error = ref<ApiError | null>(null)
  const current = ref<Edition | null>(null)
  const currentError = ref<ApiError | null>(null)
  let latest = 0

  async function loadList() {
    const result = await call('symposia.list', {})
    if (result.ok) {
      editions.value = result.value
      loaded.value = true
      error.value = null
    } else error.value = result.error
  }

  /** Opens one edition; a slower answer for an edition left meanwhile never overwrites the newer one. */
  async function load(id: number): Promise<ApiResult<Edition>> {
    const request = ++latest
    if (current.value?.id !== id) current.value = null
    const result = await call('symposia.get', { id })
    if (request !== latest) return result
    if (result.ok) {
      current.value = result.value
      currentError.value = null
    } else currentError.value = result.error
    return result
  }

  async function reload() {
    if (current.value) await load(current.value.id)
  }

  async function afterChange(result: ApiResult<Edition>): Promise<ApiResult<Edition>> {
    if (result.ok) {
      current.value = result.value
      void loadList()
    }
    return result
  }

  const create = async (input: MethodInput<'symposia.create'>) => afterChange(await call('symposia.create', input))
  const update = async (input: MethodInput<'symposia.update'>) => afterChange(await call('symposia.update', input))

  return { editions, loaded, error, current, currentError, loadList, load, reload, create, update }
})
