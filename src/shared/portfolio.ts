// Learning portfolio per person: machine hours, permits, trainings, experiments, notes, talks and sessions attended, goals and reflections with coach comments; PDF, JSON and Open Badges exports.
// Spread into the contract with one line.
export const portfolioMethods = {} as const
