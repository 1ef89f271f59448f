// GDPR export, erasure and retention (see docs/privacy.md).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { privacyMethods } from '../../shared/privacy'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'

export function createPrivacyHandlers(services: CoreServices): Pick<Handlers, keyof typeof privacyMethods> {
  void services
  return {}
}
