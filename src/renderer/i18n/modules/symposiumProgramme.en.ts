// Messages of the symposium programme editor (en). Typed against the Dutch file, so no key can go missing.
import type nl from './symposiumProgramme.nl'

const en: typeof nl = {}

export default en
