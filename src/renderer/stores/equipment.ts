// The centre's machines, shared by the calendar, the machine pages and the booking dialog.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { Equipment } from '../../shared/equipment'
import type { ApiError, ApiResult } from '../../shared/result'
import { call } from '../api/client'

export const useEquipmentStore = defineStore('equipment', () => {
  const machines = ref<Equipment[]>([])
  const loaded = ref(false)
  const error = ref<ApiError | null>(null)

  const bookable = computed(() => machines.value.filter((m) => m.status !== 'retired'))
  const byId = computed(() => new Map(machines.value.map((m) => [m.id, m])))

  async function load() {
    const result = await call('equipment.list', { includeRetired: true })
    if (result.ok) {
      machines.value = result.value
      loaded.value = true
      error.value = null
    } else {
      error.value = result.error
    }
  }

  async function afterChange(result: ApiResult<Equipment>): Promise<ApiResult<Equipment>> {
    if (result.ok) await load()
    return result
  }

  const create = async (input: MethodInput<'equipment.create'>) => afterChange(await call('equipment.create', input))
  const update = async (input: MethodInput<'equipment.update'>) => afterChange(await call('equipment.update', input))

  return { machines, loaded, error, bookable, byId, load, create, update }
})
