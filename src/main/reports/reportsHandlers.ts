// Usage reports over a period (see docs/reports.md).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { reportMethods } from '../../shared/reports'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'

export function createReportHandlers(services: CoreServices): Pick<Handlers, keyof typeof reportMethods> {
  void services
  return {}
}
