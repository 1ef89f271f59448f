// Privacy: one person's export, their erasure, the log of erasures and retention runs, and the
// retention run on demand. The retention setting itself is a centre setting (the settings store).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ExportedFile } from '../../shared/exchange'
import type { Person } from '../../shared/people'
import type { PrivacyLogEntry } from '../../shared/privacy'
import type { ApiResult } from '../../shared/result'
import { call } from '../api/client'

export const usePrivacyStore = defineStore('privacy', () => {
  const log = ref<PrivacyLogEntry[]>([])
  const logLoaded = ref(false)
  /** Names of the coordinators in the log, by id (the log itself holds ids only). */
  const actorNames = ref<Record<number, string>>({})

  /** The person as they are now (the actions need the name to confirm an erasure). */
  const person = (id: number): Promise<ApiResult<Person>> => call('people.get', { id })

  const exportPerson = (personId: number): Promise<ApiResult<ExportedFile>> => call('privacy.exportPerson', { personId })

  async function erasePerson(input: MethodInput<'privacy.erasePerson'>) {
    const result = await call('privacy.erasePerson', input)
    if (result.ok && logLoaded.value) await loadLog()
    return result
  }

  async function loadLog() {
    const result = await call('privacy.log', { limit: 100 })
    if (!result.ok) return result
    const unknown = [...new Set(result.value.map((e) => e.actorId))].filter((id): id is number => id !== null && !(id in actorNames.value))
    const people = await Promise.all(unknown.map((id) => call('people.get', { id })))
    const names = { ...actorNames.value }
    for (const p of people) if (p.ok) names[p.value.id] = p.value.name
    actorNames.value = names
    log.value = result.value
    logLoaded.value = true
    return result
  }

  async function applyRetention() {
    const result = await call('privacy.applyRetention', {})
    if (result.ok) await loadLog()
    return result
  }

  return { log, logLoaded, actorNames, person, exportPerson, erasePerson, loadLog, applyRetention }
})
