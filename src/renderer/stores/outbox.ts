// The symposium's outbox: the letters waiting to be sent from the organiser's own mail program,
// their .eml files, marking them sent, and the editable templates they are made from.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError } from '../../shared/result'
import type { OutboxMessage, templatesResult } from '../../shared/symposia'
import type { z } from 'zod'
import { call } from '../api/client'

export type MessageTemplate = z.infer<typeof templatesResult>[number]

export const useOutboxStore = defineStore('outbox', () => {
  const editionId = ref<number | null>(null)
  const messages = ref<OutboxMessage[]>([])
  const templates = ref<MessageTemplate[]>([])
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  async function load(id: number) {
    if (editionId.value !== id) {
      messages.value = []
      templates.value = []
    }
    editionId.value = id
    loading.value = true
    const [list, kept] = await Promise.all([call('outbox.list', { editionId: id }), call('outbox.templates', { editionId: id })])
    loading.value = false
    if (list.ok) messages.value = list.value
    if (kept.ok) templates.value = kept.value
    error.value = !list.ok ? list.error : !kept.ok ? kept.error : null
  }

  async function markSent(ids: number[]) {
    const result = await call('outbox.markSent', { ids })
    if (result.ok) {
      const changed = new Map(result.value.map((m) => [m.id, m]))
      messages.value = messages.value.map((m) => changed.get(m.id) ?? m)
    }
    return result
  }

  async function saveTemplate(input: MethodInput<'outbox.saveTemplate'>) {
    const result = await call('outbox.saveTemplate', input)
    if (result.ok) templates.value = result.value
    return result
  }

  async function resetTemplate(input: MethodInput<'outbox.resetTemplate'>) {
    const result = await call('outbox.resetTemplate', input)
    if (result.ok) templates.value = result.value
    return result
  }

  return {
    editionId,
    messages,
    templates,
    loading,
    error,
    load,
    markSent,
    saveTemplate,
    resetTemplate,
    eml: (id: number) => call('outbox.eml', { id }),
  }
})
