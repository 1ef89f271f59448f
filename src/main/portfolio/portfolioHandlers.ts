// The learning portfolio per person (see docs/portfolio.md).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { portfolioMethods } from '../../shared/portfolio'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'

export function createPortfolioHandlers(services: CoreServices): Pick<Handlers, keyof typeof portfolioMethods> {
  void services
  return {}
}
