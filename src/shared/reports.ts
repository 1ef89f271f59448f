// Usage reports for the school and funders over a chosen period, with CSV and XLSX export of each
// table (see docs/reports.md). Spread into the contract with one line.
//
// Everything here counts by role, never by name or address: a report holds no person's name, so
// erasing someone (issue 7) leaves every total as it was as long as their role stays.
import { z } from 'zod'
import { exportedFile, exportLanguage } from './exchange'
import { localDate } from './equipment'

/** People's roles as a report groups them: coordinators work for the school and count with the teachers. */
export const REPORT_ROLES = ['student', 'teacher', 'freelancer', 'guest'] as const
export type ReportRole = (typeof REPORT_ROLES)[number]

/** Who checked in at a symposium: a registration's own role; people without a record are 'external'. */
export const ATTENDANCE_ROLES = ['student', 'teacher', 'freelancer', 'external'] as const
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number]

/** Experiments started in the period, by where they ended up. */
export const OUTCOME_KEYS = ['worked', 'partly', 'failed', 'inconclusive', 'noOutcome', 'running', 'draft'] as const
export type OutcomeKey = (typeof OUTCOME_KEYS)[number]

export const REPORT_PRESETS = ['lastYear', 'thisYear', 'lastQuarter', 'lastMonth'] as const
export type ReportPreset = (typeof REPORT_PRESETS)[number]

/** The longest period one report covers: two years, so a school year or a funding period fits and a report stays quick. */
export const REPORT_MAX_DAYS = 731

export const REPORT_TABLES = ['usage', 'noShows', 'coCreation', 'outcomes', 'knowledge', 'symposia'] as const
export type ReportTable = (typeof REPORT_TABLES)[number]

/** A preset (resolved in the centre's time zone against today) or two local dates, both included. */
export const reportPeriod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('preset'), preset: z.enum(REPORT_PRESETS) }),
  z.strictObject({ kind: z.literal('range'), from: localDate, to: localDate }),
])
export type ReportPeriod = z.infer<typeof reportPeriod>

const count = z.int().min(0)
const minutes = z.number().min(0)
const byRole = z.strictObject({ student: minutes, teacher: minutes, freelancer: minutes, guest: minutes })
const month = z.string().regex(/^\d{4}-\d{2}$/)

/** One machine in one month (or, with month null, the whole period). Times in minutes. */
export const usageRow = z.strictObject({
  equipmentId: z.int().positive(),
  month: month.nullable(),
  usedMinutes: byRole,
  totalMinutes: minutes,
  /** Opening hours by the machine's rules, without closed dates and maintenance. */
  openMinutes: minutes,
  /** totalMinutes / openMinutes; null when the machine was not open at all. */
  share: z.number().min(0).nullable(),
})
export type UsageRow = z.infer<typeof usageRow>

export const noShowRow = z.strictObject({
  /** null: every machine together. */
  equipmentId: z.int().positive().nullable(),
  due: count,
  noShows: count,
  rate: z.number().min(0).max(1).nullable(),
})
export type NoShowRow = z.infer<typeof noShowRow>

export const coCreationRow = z.strictObject({
  /** null: the whole period. */
  month: month.nullable(),
  bookings: count,
  bookingsTogether: count,
  experiments: count,
  experimentsTogether: count,
})
export type CoCreationRow = z.infer<typeof coCreationRow>

export const knowledgeRow = z.strictObject({
  month: month.nullable(),
  notesWritten: count,
  notesReviewed: count,
  experimentsStarted: count,
})
export type KnowledgeRow = z.infer<typeof knowledgeRow>

const attendanceByRole = z.strictObject({ student: count, teacher: count, freelancer: count, external: count })
export const symposiumRow = z.strictObject({
  editionId: z.int().positive(),
  title: z.string(),
  startsOn: localDate,
  registered: attendanceByRole,
  checkedIn: attendanceByRole,
})
export type SymposiumRow = z.infer<typeof symposiumRow>

export const usageReport = z.strictObject({
  from: localDate,
  to: localDate,
  timeZone: z.string(),
  generatedAt: z.iso.datetime(),
  months: z.array(month),
  machines: z.array(z.strictObject({ id: z.int().positive(), name: z.string(), kind: z.string() })),
  usage: z.array(usageRow),
  usageTotals: z.array(usageRow),
  noShows: z.array(noShowRow),
  coCreation: z.array(coCreationRow),
  outcomes: z.array(z.strictObject({ outcome: z.enum(OUTCOME_KEYS), count })),
  knowledge: z.array(knowledgeRow),
  symposia: z.array(symposiumRow),
})
export type UsageReport = z.infer<typeof usageReport>

export const reportInput = z.strictObject({ period: reportPeriod })

export const reportExportInput = z.strictObject({
  period: reportPeriod,
  format: z.enum(['csv', 'xlsx']),
  /** CSV is one table per file; XLSX holds every table, one sheet each, and ignores this. */
  table: z.enum(REPORT_TABLES).default('usage'),
  language: exportLanguage,
})

export const reportMethods = {
  'reports.usage': { input: reportInput, output: usageReport },
  'reports.export': { input: reportExportInput, output: exportedFile },
} as const

// ---------------------------------------------------------------------------------------------
// The report's tables, one shape for the screen, the CSV files and the XLSX sheets, so all three
// always show the same rows and columns. Labels come from the caller (vue-i18n on screen, the
// core's own texts in the files); values stay numbers, each consumer formats them.

export type ColumnType = 'text' | 'month' | 'date' | 'hours' | 'count' | 'percent'
export interface TableColumn {
  label: string
  type: ColumnType
}
export type CellValue = string | number | null
export interface ReportTableData {
  key: ReportTable
  title: string
  columns: TableColumn[]
  rows: CellValue[][]
  /** Rows that sum others (shown bold, kept out of charts). */
  summaryRows: number[]
}

export interface ReportTableLabels {
  tables: Record<ReportTable, string>
  roles: Record<ReportRole, string>
  attendanceRoles: Record<AttendanceRole, string>
  outcomes: Record<OutcomeKey, string>
  machine: string
  month: string
  wholePeriod: string
  allMachines: string
  total: string
  openHours: string
  share: string
  due: string
  noShows: string
  noShowRate: string
  bookingsHeld: string
  bookingsTogether: string
  experimentsStarted: string
  experimentsTogether: string
  outcome: string
  experiments: string
  notesWritten: string
  notesReviewed: string
  edition: string
  startsOn: string
  checkedIn: string
  registered: string
  attendance: string
  /** '(h)' and the like are part of the labels; a column's unit is its type. */
  hoursSuffix: string
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100

export function reportTables(report: UsageReport, L: ReportTableLabels): ReportTableData[] {
  const machineName = new Map(report.machines.map((m) => [m.id, m.name]))
  const h = (label: string): TableColumn => ({ label: `${label} ${L.hoursSuffix}`, type: 'hours' })
  const usageRow = (r: UsageRow): CellValue[] => [
    machineName.get(r.equipmentId) ?? String(r.equipmentId),
    r.month ?? L.wholePeriod,
    ...REPORT_ROLES.map((role) => hours(r.usedMinutes[role])),
    hours(r.totalMinutes),
    hours(r.openMinutes),
    r.share,
  ]
  const totals = new Map(report.usageTotals.map((r) => [r.equipmentId, r]))
  const usageRows = report.machines.flatMap((m) => [
    ...report.usage.filter((r) => r.equipmentId === m.id).map(usageRow),
    ...(totals.has(m.id) ? [usageRow(totals.get(m.id)!)] : []),
  ])
  const attendanceTotal = (r: Record<AttendanceRole, number>) => ATTENDANCE_ROLES.reduce((sum, role) => sum + r[role], 0)
  const experimentTotal = report.outcomes.reduce((sum, o) => sum + o.count, 0)
  return [
    {
      key: 'usage',
      title: L.tables.usage,
      columns: [
        { label: L.machine, type: 'text' },
        { label: L.month, type: 'month' },
        ...REPORT_ROLES.map((role) => h(L.roles[role])),
        h(L.total),
        h(L.openHours),
        { label: L.share, type: 'percent' },
      ],
      rows: usageRows,
      summaryRows: usageRows.flatMap((r, i) => (r[1] === L.wholePeriod ? [i] : [])),
    },
    {
      key: 'noShows',
      title: L.tables.noShows,
      columns: [
        { label: L.machine, type: 'text' },
        { label: L.due, type: 'count' },
        { label: L.noShows, type: 'count' },
        { label: L.noShowRate, type: 'percent' },
      ],
      rows: report.noShows.map((r) => [
        r.equipmentId === null ? L.allMachines : (machineName.get(r.equipmentId) ?? ''),
        r.due,
        r.noShows,
        r.rate,
      ]),
      summaryRows: [report.noShows.length - 1],
    },
    {
      key: 'coCreation',
      title: L.tables.coCreation,
      columns: [
        { label: L.month, type: 'month' },
        { label: L.bookingsHeld, type: 'count' },
        { label: L.bookingsTogether, type: 'count' },
        { label: L.experimentsStarted, type: 'count' },
        { label: L.experimentsTogether, type: 'count' },
      ],
      rows: report.coCreation.map((r) => [r.month ?? L.wholePeriod, r.bookings, r.bookingsTogether, r.experiments, r.experimentsTogether]),
      summaryRows: [report.coCreation.length - 1],
    },
    {
      key: 'outcomes',
      title: L.tables.outcomes,
      columns: [
        { label: L.outcome, type: 'text' },
        { label: L.experiments, type: 'count' },
        { label: L.share, type: 'percent' },
      ],
      rows: [
        ...report.outcomes.map((o) => [L.outcomes[o.outcome], o.count, experimentTotal > 0 ? o.count / experimentTotal : null]),
        [L.total, experimentTotal, experimentTotal > 0 ? 1 : null],
      ],
      summaryRows: [report.outcomes.length],
    },
    {
      key: 'knowledge',
      title: L.tables.knowledge,
      columns: [
        { label: L.month, type: 'month' },
        { label: L.notesWritten, type: 'count' },
        { label: L.notesReviewed, type: 'count' },
        { label: L.experimentsStarted, type: 'count' },
      ],
      rows: report.knowledge.map((r) => [r.month ?? L.wholePeriod, r.notesWritten, r.notesReviewed, r.experimentsStarted]),
      summaryRows: [report.knowledge.length - 1],
    },
    {
      key: 'symposia',
      title: L.tables.symposia,
      columns: [
        { label: L.edition, type: 'text' },
        { label: L.startsOn, type: 'date' },
        ...ATTENDANCE_ROLES.map((role): TableColumn => ({ label: `${L.checkedIn}: ${L.attendanceRoles[role]}`, type: 'count' })),
        { label: `${L.checkedIn}: ${L.total}`, type: 'count' },
        { label: L.registered, type: 'count' },
        { label: L.attendance, type: 'percent' },
      ],
      rows: report.symposia.map((s) => {
        const came = attendanceTotal(s.checkedIn)
        const seats = attendanceTotal(s.registered)
        return [s.title, s.startsOn, ...ATTENDANCE_ROLES.map((role) => s.checkedIn[role]), came, seats, seats > 0 ? came / seats : null]
      }),
      summaryRows: [],
    },
  ]
}
