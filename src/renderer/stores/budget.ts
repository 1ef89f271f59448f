// A symposium's budget: its lines with planned and actual amounts (in cents), the totals and the
// warnings the core works out. Coordinators change lines; teachers only read.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError, ApiResult } from '../../shared/result'
import type { Budget } from '../../shared/symposia'
import { call } from '../api/client'

export const useBudgetStore = defineStore('budget', () => {
  const budget = ref<Budget | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  async function load(editionId: number) {
    if (budget.value?.editionId !== editionId) budget.value = null
    loading.value = true
    const result = await call('budget.get', { editionId })
    loading.value = false
    if (result.ok) {
      budget.value = result.value
      error.value = null
    } else error.value = result.error
  }

  function show(result: ApiResult<Budget>): ApiResult<Budget> {
    if (result.ok) budget.value = result.value
    return result
  }

  return {
    budget,
    loading,
    error,
    load,
    saveLine: async (input: MethodInput<'budget.saveLine'>) => show(await call('budget.saveLine', input)),
    deleteLine: async (input: MethodInput<'budget.deleteLine'>) => show(await call('budget.deleteLine', input)),
  }
})
