// The words in exported report files (CSV headers, sheet names), in the language asked for: the
// files are made by the core, which has no vue-i18n. The tables' words are shared with the screen
// (src/shared/reportLabels.ts); file and sheet names are the files' own.
import type { ExportLanguage } from '../../shared/exchange'
import { REPORT_TABLE_LABELS } from '../../shared/reportLabels'
import type { ReportTable, ReportTableLabels } from '../../shared/reports'

export interface ReportFileLabels extends ReportTableLabels {
  /** File names and sheet names: short, no spaces in file names. */
  files: Record<ReportTable, string>
  sheets: Record<ReportTable, string>
  report: string
}

export const REPORT_LABELS: Record<ExportLanguage, ReportFileLabels> = {
  nl: {
    ...REPORT_TABLE_LABELS.nl,
    sheets: {
      usage: 'Gebruik',
      noShows: 'Niet verschenen',
      coCreation: 'Samen gemaakt',
      outcomes: 'Uitkomsten',
      knowledge: 'Kennis',
      symposia: 'Symposium',
    },
    files: {
      usage: 'gebruik',
      noShows: 'niet-verschenen',
      coCreation: 'samen-gemaakt',
      outcomes: 'uitkomsten',
      knowledge: 'kennis',
      symposia: 'symposium',
    },
    report: 'rapportage',
  },
  en: {
    ...REPORT_TABLE_LABELS.en,
    sheets: {
      usage: 'Use',
      noShows: 'No-shows',
      coCreation: 'Co-creation',
      outcomes: 'Outcomes',
      knowledge: 'Knowledge',
      symposia: 'Symposium',
    },
    files: {
      usage: 'use',
      noShows: 'no-shows',
      coCreation: 'co-creation',
      outcomes: 'outcomes',
      knowledge: 'knowledge',
      symposia: 'symposium',
    },
    report: 'report',
  },
}
