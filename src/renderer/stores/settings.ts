// Centre settings (shared, stored by the core) and this device's language preference.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CentreSettings } from '../../shared/settings'
import type { ApiResult } from '../../shared/result'
import { call } from '../api/client'
import { setDisplayTimeZone } from '../i18n/format'
import { applyLocale, resolveLocale, storedPreference, storePreference, type LocalePreference } from '../i18n'

export const useSettingsStore = defineStore('settings', () => {
  const centre = ref<CentreSettings | null>(null)
  const localePreference = ref<LocalePreference>(storedPreference())

  async function load() {
    const result = await call('settings.get', {})
    if (result.ok) {
      centre.value = result.value
      setDisplayTimeZone(result.value.timeZone)
    }
  }

  async function update(patch: Partial<CentreSettings>): Promise<ApiResult<CentreSettings>> {
    const result = await call('settings.update', patch)
    if (result.ok) {
      centre.value = result.value
      setDisplayTimeZone(result.value.timeZone)
    }
    return result
  }

  function setLocalePreference(preference: LocalePreference) {
    localePreference.value = preference
    storePreference(preference)
    applyLocale(resolveLocale(preference))
  }

  return { centre, localePreference, load, update, setLocalePreference }
})
