// Usage reports over a period (see docs/reports.md): the figures, and the same tables as CSV or
// XLSX files. Coordinators and teachers only. Reads across the centre; writes nothing.
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { reportMethods } from '../../shared/reports'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'
import { requireManager } from '../permissions'
import { reportCsv, reportXlsx } from './reportExports'
import { createReportService } from './reportService'

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function createReportHandlers(services: CoreServices): Pick<Handlers, keyof typeof reportMethods> {
  const reports = createReportService({ db: services.db, clock: services.clock, timeZone: services.timeZone })
  return {
    'reports.usage': (input, ctx) => {
      requireManager(ctx.actor)
      return reports.usage(input.period)
    },
    'reports.export': (input, ctx) => {
      requireManager(ctx.actor)
      const report = reports.usage(input.period)
      if (input.format === 'csv') {
        const { filename, content } = reportCsv(report, input.table, input.language)
        return { filename, mediaType: 'text/csv', dataBase64: Buffer.from(content, 'utf8').toString('base64') }
      }
      const { filename, bytes } = reportXlsx(report, input.language)
      return { filename, mediaType: XLSX_MEDIA_TYPE, dataBase64: Buffer.from(bytes).toString('base64') }
    },
  }
}
