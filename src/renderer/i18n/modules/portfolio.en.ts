// English texts of the portfolio screens; error reasons go in `reasons`.
export const reasons = {}

export default {}
