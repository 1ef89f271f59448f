// English texts of the reports screens; error reasons go in `reasons`.
export const reasons = {}

export default {}
