// English texts of the privacy screens; error reasons go in `reasons`.
export const reasons = {}

export default {}
