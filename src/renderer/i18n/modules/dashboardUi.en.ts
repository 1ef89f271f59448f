// English texts of the dashboardUi screens; error reasons go in `reasons`.
export const reasons = {}

export default {}
