// Today at the centre, for the start screen (see docs/dashboard.md).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { dashboardMethods } from '../../shared/dashboard'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'

export function createDashboardHandlers(services: CoreServices): Pick<Handlers, keyof typeof dashboardMethods> {
  void services
  return {}
}
