// Registrations of one symposium edition: the whole list for coordinators and teachers (the door's
// list of a thousand people, filtered here as you type), or only one's own for everyone else.
// Each change replaces the one registration it returns; a cancellation also brings in whoever
// was promoted from the waitlist, and a full reload puts every waitlist position right again.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError, ApiResult } from '../../shared/result'
import type { Registration } from '../../shared/symposia'
import { call } from '../api/client'

/** Lower case without accents: "Ümit Çelik" is found by typing "umit cel". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

export interface IndexedRegistration {
  registration: Registration
  /** Name, e-mail and organisation, searchable, in one string. */
  key: string
}

export const useRegistrationsStore = defineStore('registrations', () => {
  // Shallow: a thousand registrations need no deep reactivity, only a new array after a change.
  const items = shallowRef<Registration[]>([])
  const editionId = ref<number | null>(null)
  const loaded = ref(false)
  const error = ref<ApiError | null>(null)
  let latest = 0

  /** Built once per change of the list, so a keystroke only compares strings. */
  const index = computed<IndexedRegistration[]>(() =>
    items.value.map((registration) => ({
      registration,
      key: searchable(`${registration.name}\n${registration.email ?? ''}\n${registration.organisation ?? ''}`),
    })),
  )

  async function load(id: number) {
    const request = ++latest
    if (editionId.value !== id) {
      items.value = []
      loaded.value = false
    }
    editionId.value = id
    const result = await call('registrations.list', { editionId: id })
    if (request !== latest) return result
    if (result.ok) {
      items.value = result.value
      loaded.value = true
      error.value = null
    } else error.value = result.error
    return result
  }

  function replace(...changed: Registration[]) {
    const byId = new Map(changed.map((r) => [r.id, r]))
    const next = items.value.map((r) => byId.get(r.id) ?? r)
    for (const r of changed) if (!items.value.some((old) => old.id === r.id)) next.push(r)
    items.value = next
  }

  async function afterChange<T>(result: ApiResult<T>, changed: (value: T) => Registration[], reload = false) {
    if (result.ok) {
      replace(...changed(result.value))
      // Positions in line move for everyone behind a change: read them again, quietly.
      if (reload && editionId.value !== null) void load(editionId.value)
    }
    return result
  }

  const register = async (input: MethodInput<'registrations.register'>) =>
    afterChange(await call('registrations.register', input), (r) => [r])
  const cancel = async (registration: Registration) =>
    afterChange(
      await call('registrations.cancel', { id: registration.id, version: registration.version }),
      (r) => (r.promoted ? [r.cancelled, r.promoted] : [r.cancelled]),
      true,
    )
  const checkIn = async (input: MethodInput<'registrations.checkIn'>) => afterChange(await call('registrations.checkIn', input), (r) => [r])
  const workshop = async (input: MethodInput<'registrations.workshop'>) =>
    afterChange(await call('registrations.workshop', input), (r) => [r], input.action === 'cancel')

  return { items, index, editionId, loaded, error, load, register, cancel, checkIn, workshop }
})
