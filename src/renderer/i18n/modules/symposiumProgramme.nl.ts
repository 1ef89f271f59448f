// Messages of the symposium programme editor (nl).
const nl = {}

export default nl
