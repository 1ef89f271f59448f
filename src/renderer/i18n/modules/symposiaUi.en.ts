// Messages of the symposium screens: editions, the call and review, messages, budget (en). Typed against the Dutch file, so no key can go missing.
import type nl from './symposiaUi.nl'

const en: typeof nl = {}

export default en
