// Messages of the symposium screens: editions, the call and review, messages, budget (nl).
const nl = {}

export default nl
