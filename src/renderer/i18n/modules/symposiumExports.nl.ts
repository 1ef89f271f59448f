// Messages of the symposium exports (nl).
const nl = {}

export default nl
