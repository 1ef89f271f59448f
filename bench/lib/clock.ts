// The bench's "now". The generated centre is the same on every run, so its now is pinned: Monday
// 9 March 2026, 09:00 in Amsterdam, the start of a busy teaching week. While the generator works
// through ten years of joins, permits and leaves, the clock shows the simulated moment of each
// event (created_at, granted_at look real). For the measurements it runs live from the pinned now.
import type { Clock } from '../../src/main/clock'

export const BENCH_NOW = Date.parse('2026-03-09T08:00:00Z')
export const DAY_MS = 86_400_000
export const MINUTE_MS = 60_000

export interface BenchClock extends Clock {
  /** Shows this instant until the next call to simulate or live. */
  simulate(at: number): void
  /** From now on: BENCH_NOW plus the real time passed since `since` (default: this moment). */
  live(since?: number): void
  /** The wall-clock moment the live clock started, to give a child process the same clock. */
  readonly liveSince: number
}

export function createBenchClock(): BenchClock {
  let simulated: number | null = BENCH_NOW
  let since = Date.now()
  const clock = (() => new Date(simulated ?? BENCH_NOW + (Date.now() - since))) as BenchClock
  clock.simulate = (at) => {
    simulated = at
  }
  clock.live = (start = Date.now()) => {
    simulated = null
    since = start
  }
  Object.defineProperty(clock, 'liveSince', { get: () => since })
  return clock
}
