// Who is using Werkbank on this device, and whether the app can reach its core at all.
// The picked profile is remembered per device; every call is made as that profile.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { z } from 'zod'
import type { appInfo } from '../../shared/contract'
import type { Person } from '../../shared/people'
import type { ApiError, ApiResult } from '../../shared/result'
import { call, hasCredentials, setActor, transportKind } from '../api/client'

const PROFILE_KEY = 'werkbank.profile'

export type SessionStatus = 'loading' | 'needsToken' | 'unavailable' | 'firstStart' | 'pickProfile' | 'ready'

export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('loading')
  const info = ref<z.infer<typeof appInfo> | null>(null)
  const profile = ref<Person | null>(null)
  const lastError = ref<ApiError | null>(null)
  const transport = transportKind()

  const isCoordinator = computed(() => profile.value?.role === 'coordinator')
  const canManagePeople = computed(() => profile.value?.role === 'coordinator' || profile.value?.role === 'teacher')

  async function boot() {
    if (!hasCredentials()) {
      status.value = 'needsToken'
      return
    }
    status.value = 'loading'
    const result = await call('app.info', {})
    if (!result.ok) {
      lastError.value = result.error
      status.value = result.error.details.reason === 'token' ? 'needsToken' : 'unavailable'
      return
    }
    info.value = result.value
    if (result.value.isEmpty) {
      status.value = 'firstStart'
      return
    }
    const rememberedId = Number(localStorage.getItem(PROFILE_KEY))
    if (rememberedId > 0) {
      const person = await call('people.get', { id: rememberedId })
      if (person.ok && person.value.active) return usePerson(person.value)
    }
    status.value = 'pickProfile'
  }

  function usePerson(person: Person) {
    profile.value = person
    setActor(person.id)
    localStorage.setItem(PROFILE_KEY, String(person.id))
    status.value = 'ready'
  }

  function switchProfile() {
    profile.value = null
    setActor(null)
    localStorage.removeItem(PROFILE_KEY)
    status.value = 'pickProfile'
  }

  /** Keeps the shown profile current after someone edits it. */
  function refreshProfile(person: Person) {
    if (profile.value?.id === person.id) {
      if (person.active) profile.value = person
      else switchProfile()
    }
  }

  async function createFirstProfile(input: {
    name: string
    email: string | null
    trade: string | null
    organisation: string | null
  }): Promise<ApiResult<Person>> {
    const result = await call('people.create', { ...input, role: 'coordinator' })
    if (result.ok) {
      await refreshInfo()
      usePerson(result.value)
    }
    return result
  }

  async function loadDemo(): Promise<ApiResult<unknown>> {
    const result = await call('demo.load', {})
    if (result.ok) {
      await refreshInfo()
      status.value = 'pickProfile'
    }
    return result
  }

  async function refreshInfo() {
    const result = await call('app.info', {})
    if (result.ok) info.value = result.value
  }

  return {
    status,
    info,
    profile,
    lastError,
    transport,
    isCoordinator,
    canManagePeople,
    boot,
    usePerson,
    switchProfile,
    refreshProfile,
    createFirstProfile,
    loadDemo,
  }
})
