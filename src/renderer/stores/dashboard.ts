// Today at the centre: the start screen's one call (`dashboard.today`). The screen reloads it quietly
// every minute while it is visible, so a failed refresh keeps the last good picture on screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DashboardToday } from '../../shared/dashboard'
import type { ApiError } from '../../shared/result'
import { call } from '../api/client'

export const useDashboardStore = defineStore('dashboard', () => {
  const today = ref<DashboardToday | null>(null)
  const error = ref<ApiError | null>(null)
  /** Device time of the last successful load, for "refresh when it has gone stale". */
  const loadedAt = ref(0)
  let inFlight: Promise<void> | null = null

  function load(): Promise<void> {
    // A refresh that is still running answers for the next one too: no piling up on a slow core.
    inFlight ??= (async () => {
      const result = await call('dashboard.today', {})
      if (result.ok) {
        today.value = result.value
        error.value = null
        loadedAt.value = Date.now()
      } else {
        error.value = result.error
      }
    })().finally(() => (inFlight = null))
    return inFlight
  }

  return { today, error, loadedAt, load }
})
