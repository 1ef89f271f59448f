// GDPR export, erasure and retention (see docs/privacy.md). Owns `privacy_log` and the columns
// `people.erased_at` and `symposium_registrations.anonymised_at` (migration 0130).
// bootstrap.ts spreads the handlers built here into the dispatcher with one line.
import type { privacyMethods } from '../../shared/privacy'
import type { CoreServices } from '../coreServices'
import type { Handlers } from '../dispatcher'
import { requireCoordinator } from '../permissions'
import { createErasure } from './erasure'
import { createPersonExport } from './personExport'
import { createPrivacyLog } from './privacyLog'
import { createRetention } from './retention'

export function createPrivacyHandlers(services: CoreServices): Pick<Handlers, keyof typeof privacyMethods> {
  const personExport = createPersonExport(services)
  const erasure = createErasure(services)
  const retention = createRetention(services)
  const privacyLog = createPrivacyLog(services.db)
  return {
    'privacy.exportPerson': (input, ctx) => personExport.exportPerson(input.personId, ctx.actor),
    'privacy.erasePerson': (input, ctx) => erasure.erase(input, ctx.actor),
    'privacy.log': (input, ctx) => {
      requireCoordinator(ctx.actor)
      return privacyLog.recent(input.limit)
    },
    'privacy.applyRetention': (_input, ctx) => retention.applyNow(ctx.actor),
  }
}
