// Hours as the portfolio shows them everywhere: "12 u 05 min" / "12 h 05 min".
import { useI18n } from 'vue-i18n'

export function useHours() {
  const { t } = useI18n()
  return (minutes: number) => t('portfolio.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') })
}
