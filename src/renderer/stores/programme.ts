// The programme of one symposium edition as the timetable editor shows it: sessions, their slots,
// breaks and the conflicts the core found. Every change returns the whole programme, conflicts
// included, so the screen always shows what the core just analysed.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError, ApiResult } from '../../shared/result'
import type { Programme, Session } from '../../shared/symposia'
import { call } from '../api/client'

export const useProgrammeStore = defineStore('programme', () => {
  const programme = ref<Programme | null>(null)
  const error = ref<ApiError | null>(null)
  /** Raised after every change, so the calendar re-reads its events. */
  const revision = ref(0)
  let latest = 0

  const sessionById = computed(() => new Map((programme.value?.sessions ?? []).map((s) => [s.id, s])))
  const slotById = computed(() => new Map((programme.value?.slots ?? []).map((s) => [s.id, s])))
  /** How often each session is placed. */
  const placements = computed(() => {
    const counts = new Map<number, number>()
    for (const slot of programme.value?.slots ?? []) {
      if (slot.sessionId !== null) counts.set(slot.sessionId, (counts.get(slot.sessionId) ?? 0) + 1)
    }
    return counts
  })
  /** Slot id → the conflicts it is part of. */
  const conflictsBySlot = computed(() => {
    const bySlot = new Map<number, Programme['conflicts']>()
    for (const conflict of programme.value?.conflicts ?? []) {
      for (const id of conflict.slotIds) {
        const list = bySlot.get(id)
        if (list) list.push(conflict)
        else bySlot.set(id, [conflict])
      }
    }
    return bySlot
  })

  function take(result: ApiResult<Programme>, request: number): ApiResult<Programme> {
    if (request !== latest) return result
    if (result.ok) {
      programme.value = result.value
      error.value = null
      revision.value++
    }
    return result
  }

  async function load(editionId: number) {
    const request = ++latest
    if (programme.value?.editionId !== editionId) programme.value = null
    const result = await call('programme.get', { editionId })
    if (request === latest && !result.ok) error.value = result.error
    return take(result, request)
  }

  /** One session by id (e.g. from the search), then its edition's programme for where and when it runs. */
  async function loadSession(id: number): Promise<ApiResult<Session>> {
    const result = await call('programme.session', { id })
    if (result.ok) await load(result.value.editionId)
    else error.value = result.error
    return result
  }

  const change =
    <
      M extends
        'programme.createSession' | 'programme.updateSession' | 'programme.schedule' | 'programme.setBreak' | 'programme.unschedule',
    >(
      method: M,
    ) =>
    async (input: MethodInput<M>): Promise<ApiResult<Programme>> =>
      take((await call(method, input)) as ApiResult<Programme>, ++latest)

  return {
    programme,
    error,
    revision,
    sessionById,
    slotById,
    placements,
    conflictsBySlot,
    load,
    loadSession,
    createSession: change('programme.createSession'),
    updateSession: change('programme.updateSession'),
    schedule: change('programme.schedule'),
    setBreak: change('programme.setBreak'),
    unschedule: change('programme.unschedule'),
  }
})
