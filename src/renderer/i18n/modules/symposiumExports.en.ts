// Messages of the symposium exports (en). Typed against the Dutch file, so no key can go missing.
import type nl from './symposiumExports.nl'

const en: typeof nl = {}

export default en
