// The reports screen's data: the period asked for, the report the core worked out for it, and the
// files made from it (a CSV per table, one XLSX workbook).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ExportLanguage } from '../../shared/exchange'
import type { ReportPeriod, ReportTable, UsageReport } from '../../shared/reports'
import type { ApiError } from '../../shared/result'
import { call } from '../api/client'

export const useReportsStore = defineStore('reports', () => {
  const period = ref<ReportPeriod>({ kind: 'preset', preset: 'lastYear' })
  const report = ref<UsageReport | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  async function load(next: ReportPeriod = period.value) {
    period.value = next
    loading.value = true
    error.value = null
    const result = await call('reports.usage', { period: next })
    loading.value = false
    if (result.ok) report.value = result.value
    else {
      error.value = result.error
      report.value = null
    }
  }

  /** The file for the report on screen: its resolved dates, so the file matches what was shown. */
  function exportFile(format: 'csv' | 'xlsx', language: ExportLanguage, table?: ReportTable) {
    const shown = report.value
    const exportPeriod: ReportPeriod = shown ? { kind: 'range', from: shown.from, to: shown.to } : period.value
    return call('reports.export', { period: exportPeriod, format, language, ...(table ? { table } : {}) })
  }

  return { period, report, loading, error, load, exportFile }
})
