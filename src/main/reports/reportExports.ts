// A report's tables as files: one CSV per table (the attendee list's conventions and formula
// guard: ';', CRLF, UTF-8 with BOM) or one XLSX workbook with a sheet per table.
import type { ExportLanguage } from '../../shared/exchange'
import { reportTables, type CellValue, type ColumnType, type ReportTable, type UsageReport } from '../../shared/reports'
import { CSV_SEPARATOR, csvCell } from '../symposia/exports/attendeesCsv'
import { REPORT_LABELS } from './reportLabels'
import { xlsxWorkbook } from './xlsx'

const BOM = '\uFEFF'

/**
 * Numbers in a CSV follow the file's language, as a spreadsheet in that locale reads them: a decimal
 * comma in Dutch (';' separates the fields, so the comma is free). Shares as percentages.
 */
function csvValue(value: CellValue, type: ColumnType, language: ExportLanguage): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  const number = type === 'percent' ? (value * 100).toFixed(1) : type === 'hours' ? value.toFixed(2) : String(value)
  return language === 'nl' ? number.replace('.', ',') : number
}

export function reportCsv(report: UsageReport, table: ReportTable, language: ExportLanguage): { filename: string; content: string } {
  const L = REPORT_LABELS[language]
  const data = reportTables(report, L).find((t) => t.key === table)!
  const header = data.columns.map((c) => (c.type === 'percent' ? `${c.label} (%)` : c.label))
  const rows = data.rows.map((row) => row.map((value, i) => csvValue(value, data.columns[i]!.type, language)))
  const content = BOM + [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n'
  return { filename: `${L.report}-${L.files[table]}-${report.from}-${report.to}.csv`, content }
}

export function reportXlsx(report: UsageReport, language: ExportLanguage): { filename: string; bytes: Uint8Array } {
  const L = REPORT_LABELS[language]
  const tables = reportTables(report, L)
  return {
    filename: `${L.report}-${report.from}-${report.to}.xlsx`,
    bytes: xlsxWorkbook(
      tables,
      tables.map((t) => L.sheets[t.key]),
    ),
  }
}
