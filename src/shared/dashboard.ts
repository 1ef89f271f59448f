// "Today at the centre": the start screen's facts in one call.
// Spread into the contract with one line.
export const dashboardMethods = {} as const
