// Messages of symposium registrations and check-in (en). Typed against the Dutch file, so no key can go missing.
import type nl from './symposiumRegistrations.nl'

const en: typeof nl = {}

export default en
