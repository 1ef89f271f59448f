// Exchange: experiments and notes out as Markdown, PDF and .eln, and .eln files in. An import adds
// experiments, so it tells the experiments store, whose lists then reload.
import { defineStore } from 'pinia'
import type { ExportLanguage } from '../../shared/exchange'
import { call } from '../api/client'
import { useExperimentsStore } from './experiments'

export type ExportFormat = 'markdown' | 'pdf' | 'eln'

export const useExchangeStore = defineStore('exchange', () => {
  const experiments = useExperimentsStore()

  function exportExperiment(id: number, format: ExportFormat, language: ExportLanguage) {
    if (format === 'eln') return call('exchange.elnExport', { ids: [id], language })
    return call(format === 'pdf' ? 'exchange.experimentPdf' : 'exchange.experimentMarkdown', { id, language })
  }

  function exportNote(id: number, format: Exclude<ExportFormat, 'eln'>, language: ExportLanguage) {
    return call(format === 'pdf' ? 'exchange.notePdf' : 'exchange.noteMarkdown', { id, language })
  }

  async function importEln(filename: string, dataBase64: string) {
    const result = await call('exchange.elnImport', { filename, dataBase64 })
    if (result.ok) experiments.revision++
    return result
  }

  return {
    exportExperiment,
    exportNote,
    exportExperiments: (ids: number[], language: ExportLanguage) => call('exchange.elnExport', { ids, language }),
    importEln,
  }
})
