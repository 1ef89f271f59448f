// The learning portfolio on screen: one person's portfolio (one call, `portfolio.get`), the person's
// goals, reflections and coaches, coach comments, and the exports. Every write reloads the portfolio,
// so the timeline and the year totals always match what was saved.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { Person } from '../../shared/people'
import type { Portfolio } from '../../shared/portfolio'
import type { ApiError, ApiResult } from '../../shared/result'
import { call } from '../api/client'

export const usePortfolioStore = defineStore('portfolio', () => {
  const portfolio = ref<Portfolio | null>(null)
  const error = ref<ApiError | null>(null)
  const loading = ref(false)
  /** Whose portfolio is loaded: a person id, or null for the caller's own. */
  let current: number | null = null
  let latestRequest = 0

  async function load(personId: number | null) {
    const request = ++latestRequest
    if (personId !== current) portfolio.value = null
    current = personId
    loading.value = true
    const result = await call('portfolio.get', personId === null ? {} : { personId })
    if (request !== latestRequest) return
    loading.value = false
    if (result.ok) {
      portfolio.value = result.value
      error.value = null
    } else error.value = result.error
  }

  /** A write, then the portfolio again (its timeline and totals include what was written). */
  async function write<T>(result: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const value = await result
    if (value.ok) await load(current)
    return value
  }

  /** People who may coach (teachers, coordinators, craftspeople), for the coach picker. */
  async function coachCandidates(): Promise<Person[]> {
    const result = await call('people.list', { limit: 1000 })
    if (!result.ok) return []
    return result.value.items.filter((p) => p.active && (p.role === 'teacher' || p.role === 'coordinator' || p.role === 'freelancer'))
  }

  return {
    portfolio,
    error,
    loading,
    load,
    coachCandidates,
    createGoal: (input: MethodInput<'portfolio.goalCreate'>) => write(call('portfolio.goalCreate', input)),
    saveGoal: (input: MethodInput<'portfolio.goalSave'>) => write(call('portfolio.goalSave', input)),
    createReflection: (input: MethodInput<'portfolio.reflectionCreate'>) => write(call('portfolio.reflectionCreate', input)),
    saveReflection: (input: MethodInput<'portfolio.reflectionSave'>) => write(call('portfolio.reflectionSave', input)),
    comment: (input: MethodInput<'portfolio.comment'>) => write(call('portfolio.comment', input)),
    setCoaches: (coachIds: number[]) => write(call('portfolio.coachesSet', { coachIds })),
    exportPdf: (input: MethodInput<'portfolio.exportPdf'>) => call('portfolio.exportPdf', input),
    exportJson: (input: MethodInput<'portfolio.exportJson'>) => call('portfolio.exportJson', input),
    badge: (input: MethodInput<'portfolio.badge'>) => call('portfolio.badge', input),
  }
})
