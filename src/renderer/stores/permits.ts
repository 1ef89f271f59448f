// Permits per machine or per person, and granting and revoking them.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { Permit } from '../../shared/permits'
import type { ApiResult } from '../../shared/result'
import { call } from '../api/client'

export const usePermitsStore = defineStore('permits', () => {
  const permits = ref<Permit[]>([])
  let lastQuery: MethodInput<'permits.list'> = {}

  async function load(query: MethodInput<'permits.list'>) {
    lastQuery = query
    const result = await call('permits.list', query)
    if (result.ok) permits.value = result.value
  }

  async function afterChange(result: ApiResult<Permit>): Promise<ApiResult<Permit>> {
    if (result.ok) await load(lastQuery)
    return result
  }

  const grant = async (input: MethodInput<'permits.grant'>) => afterChange(await call('permits.grant', input))
  const revoke = async (input: MethodInput<'permits.revoke'>) => afterChange(await call('permits.revoke', input))

  return { permits, load, grant, revoke }
})
