// The fast path in calendarTime.ts (plain arithmetic on a cached offset between clock changes) must
// give exactly what Temporal gives, in every kind of zone: whole-hour and half-hour offsets,
// 45-minute offsets, half-hour DST (Lord Howe), several changes a year (Casablanca), a skipped day
// (Apia, 30 December 2011), southern-hemisphere DST, and no DST at all.
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { checkOpeningHours, findFreeSlots, isAligned, toInstant, toLocal, type OpeningHours } from './calendarTime'

const ZONES = [
  'Europe/Amsterdam',
  'UTC',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'Pacific/Apia',
  'America/Santiago',
  'America/St_Johns',
  'Pacific/Chatham',
]

/** A small deterministic generator, so a failure names an input that reproduces. */
function lcg(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

function referenceLocal(instant: number, zone: string) {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone)
  return { date: zoned.toPlainDate().toString(), time: `${pad2(zoned.hour)}:${pad2(zoned.minute)}`, weekday: zoned.dayOfWeek }
}

function referenceInstant(date: string, time: string, zone: string) {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds
}

// Instants from 1990 to 2040, on whole minutes (as bookings are) and on arbitrary milliseconds.
const FROM = Date.UTC(1990, 0, 1)
const SPAN = Date.UTC(2040, 0, 1) - FROM

describe('calendarTime fast path agrees with Temporal', () => {
  it.each(ZONES)('toLocal and isAligned in %s', (zone) => {
    const random = lcg(zone.length * 7919)
    for (let i = 0; i < 1000; i++) {
      const raw = FROM + Math.floor(random() * SPAN)
      const instant = i % 3 === 0 ? raw : raw - (raw % 60_000)
      expect(toLocal(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toEqual(referenceLocal(instant, zone))
      const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone)
      for (const slot of [15, 30, 60]) {
        const expected = zoned.second === 0 && zoned.millisecond === 0 && (zoned.hour * 60 + zoned.minute) % slot === 0
        expect(isAligned(instant, slot, zone), `${zone} ${new Date(instant).toISOString()} /${slot}`).toBe(expected)
      }
    }
  })

  it.each(ZONES)('toInstant in %s, every half hour around each clock change and on random days', (zone) => {
    const random = lcg(zone.length * 104729)
    const dates: string[] = []
    let zoned: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(zone)
    for (let i = 0; i < 40 && zoned; i++) {
      zoned = zoned.getTimeZoneTransition('next')
      if (!zoned || zoned.epochMilliseconds > FROM + SPAN) break
      const day = zoned.toPlainDate()
      dates.push(day.subtract({ days: 1 }).toString(), day.toString(), day.add({ days: 1 }).toString())
    }
    for (let i = 0; i < 60; i++)
      dates.push(
        Temporal.Instant.fromEpochMilliseconds(FROM + Math.floor(random() * SPAN))
          .toString()
          .slice(0, 10),
      )
    for (const date of dates) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
        expect(toInstant(date, time, zone), `${zone} ${date} ${time}`).toBe(referenceInstant(date, time, zone))
      }
    }
  })

  it.each(ZONES)('offers the same free-slot candidates as Temporal on the clock-change days of %s', (zone) => {
    const allDay: OpeningHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }])
    let zoned: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(Date.UTC(2010, 0, 1)).toZonedDateTimeISO(zone)
    for (let i = 0; i < 12 && zoned; i++) {
      zoned = zoned.getTimeZoneTransition('next')
      if (!zoned) break
      const changeDay = zoned.toPlainDate()
      for (const date of [changeDay.subtract({ days: 1 }), changeDay, changeDay.add({ days: 1 })]) {
        const dayStart = date.toZonedDateTime(zone).epochMilliseconds
        const dayEnd = date.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds
        // What the Temporal path offers: every existing wall-clock half hour, a repeated one twice.
        const expected: number[] = []
        for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
          const wall = date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
          const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' })
          if (!earlier.toPlainDateTime().equals(wall)) continue
          const later = wall.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds
          for (const s of new Set([earlier.epochMilliseconds, later])) if (s + 30 * 60_000 <= dayEnd) expected.push(s)
        }
        const slots = findFreeSlots({
          from: dayStart,
          to: dayEnd,
          durationMinutes: 30,
          slotMinutes: 30,
          bufferMinutes: 0,
          openingHours: allDay,
          closedDates: [],
          timeZone: zone,
          busy: [],
          limit: 500,
        })
        expect(
          slots.map((s) => s.startsAt),
          `${zone} ${date.toString()}`,
        ).toEqual(expected.sort((a, b) => a - b))
      }
    }
  })

  it('skips no day and invents none where Apia jumped over 30 December 2011', () => {
    expect(toLocal(Date.UTC(2011, 11, 30, 9, 59), 'Pacific/Apia').date).toBe('2011-12-29')
    expect(toLocal(Date.UTC(2011, 11, 30, 10, 0), 'Pacific/Apia').date).toBe('2011-12-31')
  })

  it('checks opening hours and free slots on ordinary and clock-change days', () => {
    const CLOCK_CHANGE_DAYS = new Set(['2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'])
    const hours: OpeningHours = Array.from({ length: 7 }, () => [
      { from: '00:00', to: '03:30' },
      { from: '08:00', to: '24:00' },
    ])
    for (const zone of ['Europe/Amsterdam', 'Australia/Lord_Howe', 'Pacific/Apia']) {
      for (const date of ['2026-03-28', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2011-12-29', '2011-12-31']) {
        for (const [from, to, open] of [
          ['00:00', '03:00', true],
          ['02:00', '03:30', true],
          ['03:00', '09:00', false],
          ['22:00', '23:45', true],
        ] as const) {
          const startsAt = referenceInstant(date, from, zone)
          const endsAt = referenceInstant(date, to, zone)
          if (endsAt <= startsAt) continue
          const verdict = checkOpeningHours({ startsAt, endsAt, openingHours: hours, closedDates: [], timeZone: zone })
          // On a clock-change day a wall-clock range may not be what it says; calendarTime.test.ts covers those.
          if (!CLOCK_CHANGE_DAYS.has(date)) expect(verdict === null, `${zone} ${date} ${from}–${to}`).toBe(open)
        }
        const from = referenceInstant(date, '00:00', zone)
        const slots = findFreeSlots({
          from,
          to: from + 2 * 86_400_000,
          durationMinutes: 60,
          slotMinutes: 30,
          bufferMinutes: 0,
          openingHours: hours,
          closedDates: [],
          timeZone: zone,
          busy: [],
          limit: 500,
        })
        for (const slot of slots) {
          const local = referenceLocal(slot.startsAt, zone)
          expect(Number(local.time.slice(3)) % 30, `${zone} ${local.date} ${local.time}`).toBe(0)
          expect(
            checkOpeningHours({ startsAt: slot.startsAt, endsAt: slot.endsAt, openingHours: hours, closedDates: [], timeZone: zone }),
          ).toBeNull()
        }
      }
    }
  })
})
