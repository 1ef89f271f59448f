// Messages of symposium registrations and check-in (nl).
const nl = {}

export default nl
