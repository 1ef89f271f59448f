// Language: Dutch and English, complete. The device's choice (kept in localStorage) wins; without
// one, Werkbank follows the system language (the OS locale in Electron, the browser's elsewhere).
import { createI18n } from 'vue-i18n'
import en from './en'
import nl, { type MessageSchema } from './nl'

export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export type LocalePreference = Locale | 'system'

const PREFERENCE_KEY = 'werkbank.locale'

export function systemLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0]
    if (base === 'nl') return 'nl'
    if (base === 'en') return 'en'
  }
  return 'nl' // the centre is Dutch
}

export function storedPreference(): LocalePreference {
  const stored = localStorage.getItem(PREFERENCE_KEY)
  return stored === 'nl' || stored === 'en' ? stored : 'system'
}

export function storePreference(preference: LocalePreference): void {
  if (preference === 'system') localStorage.removeItem(PREFERENCE_KEY)
  else localStorage.setItem(PREFERENCE_KEY, preference)
}

export function resolveLocale(preference: LocalePreference): Locale {
  return preference === 'system' ? systemLocale() : preference
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: resolveLocale(storedPreference()),
  fallbackLocale: 'nl',
  messages: { nl, en },
})

export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
