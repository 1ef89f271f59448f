import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { offsetAt, wallClock } from './centreTimeZone'

/** Temporal's answer, the reference. */
function reference(ms: number, zone: string) {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone)
  return { wall: [z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond], offset: z.offsetNanoseconds / 60e9 }
}

describe('the centre time zone for FullCalendar', () => {
  it('agrees with Temporal around both DST changes, twice (the second time from its cache)', () => {
    const zones = ['Europe/Amsterdam', 'America/Santiago', 'Australia/Lord_Howe']
    const starts = [Date.parse('2026-03-29T00:00:00Z'), Date.parse('2026-10-25T00:00:00Z'), Date.parse('2026-04-05T12:00:00Z')]
    for (let round = 0; round < 2; round++) {
      for (const zone of zones) {
        for (const start of starts) {
          for (let ms = start - 3 * 3_600_000; ms < start + 6 * 3_600_000; ms += 7 * 60_000 + 123) {
            const { wall, offset } = reference(ms, zone)
            expect(wallClock(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(wall)
            expect(offsetAt(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(offset)
          }
        }
      }
    }
  })
})
