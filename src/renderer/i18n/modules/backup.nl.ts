// Dutch texts of the backup screens; error reasons go in `reasons`.
export const reasons = {}

export default {}
