// The people list with its search and filters, and the edits made from the People screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { Person, Role } from '../../shared/people'
import type { ApiError, ApiResult } from '../../shared/result'
import { call } from '../api/client'
import { useSessionStore } from './session'

export const usePeopleStore = defineStore('people', () => {
  const query = ref('')
  const role = ref<Role | ''>('')
  const includeInactive = ref(false)
  const items = ref<Person[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  const countsByRole = ref<Record<Role, number> | null>(null)
  let latestRequest = 0

  async function load() {
    const request = ++latestRequest
    loading.value = true
    const result = await call('people.list', {
      query: query.value.trim() || undefined,
      role: role.value || undefined,
      includeInactive: includeInactive.value || undefined,
      limit: 500,
    })
    // Typing fast starts several searches; only the newest may fill the table.
    if (request !== latestRequest) return
    loading.value = false
    if (result.ok) {
      items.value = result.value.items
      total.value = result.value.total
      error.value = null
    } else {
      error.value = result.error
    }
  }

  async function loadCounts() {
    const result = await call('people.countByRole', {})
    if (result.ok) countsByRole.value = result.value
  }

  /** For pickers: active people matching a query, without touching the People screen's list. */
  async function search(text: string, limit = 50): Promise<Person[]> {
    const result = await call('people.list', { query: text.trim() || undefined, limit })
    return result.ok ? result.value.items : []
  }

  async function afterChange<T extends Person>(result: ApiResult<T>): Promise<ApiResult<T>> {
    if (result.ok) {
      useSessionStore().refreshProfile(result.value)
      await Promise.all([load(), loadCounts()])
    }
    return result
  }

  const create = async (input: MethodInput<'people.create'>) => afterChange(await call('people.create', input))
  const update = async (input: MethodInput<'people.update'>) => afterChange(await call('people.update', input))
  const setActive = async (person: Person, active: boolean) =>
    afterChange(await call('people.setActive', { id: person.id, version: person.version, active }))

  return { query, role, includeInactive, items, total, loading, error, countsByRole, load, loadCounts, search, create, update, setActive }
})
