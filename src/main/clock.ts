// The one source of "now" for the core, so tests can pin time.
export type Clock = () => Date
export const systemClock: Clock = () => new Date()
