// The one search, for the Ctrl+K dialog and the search page. Only the newest query may fill the results.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SearchResult } from '../../shared/search'
import type { ApiError } from '../../shared/result'
import { call } from '../api/client'

export const useSearchStore = defineStore('search', () => {
  const results = ref<SearchResult[]>([])
  const error = ref<ApiError | null>(null)
  const open = ref(false)
  let latest = 0

  async function query(q: string, limit = 20) {
    const request = ++latest
    if (!q.trim()) {
      results.value = []
      return
    }
    const result = await call('search.query', { q, limit })
    if (request !== latest) return
    results.value = result.ok ? result.value : []
    error.value = result.ok ? null : result.error
  }

  return { results, error, open, query }
})
