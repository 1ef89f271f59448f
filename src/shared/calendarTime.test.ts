// Calendar arithmetic in the centre's zone: Europe/Amsterdam, whose 2026 DST changes are
// 29 March 02:00 → 03:00 (01:00 UTC) and 25 October 03:00 → 02:00 (01:00 UTC).
import { describe, expect, it } from 'vitest'
import {
  checkOpeningHours,
  expandRecurrence,
  findFreeSlots,
  isAligned,
  MAX_OCCURRENCES,
  minutesBetween,
  toInstant,
  toLocal,
  type OpeningHours,
  type RecurrenceRule,
} from './calendarTime'

const AMS = 'Europe/Amsterdam'
const at = (date: string, time: string): number => toInstant(date, time, AMS)
const utc = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi)
const localTimes = (slots: { startsAt: number }[]): string[] =>
  slots.map((s) => {
    const l = toLocal(s.startsAt, AMS)
    return `${l.date} ${l.time}`
  })
const HOUR = 3_600_000

describe('toInstant', () => {
  it('uses the zone offset of the day: +01:00 in winter, +02:00 in summer', () => {
    expect(toInstant('2026-01-15', '10:00', AMS)).toBe(utc(2026, 1, 15, 9))
    expect(toInstant('2026-07-01', '10:00', AMS)).toBe(utc(2026, 7, 1, 8))
    expect(toInstant('2026-07-01', '10:00', 'UTC')).toBe(utc(2026, 7, 1, 10))
  })

  it('moves a time in the spring-forward gap to the later valid time', () => {
    // 02:30 does not exist on 29 March; 'compatible' gives 03:30 CEST = 01:30 UTC.
    const instant = toInstant('2026-03-29', '02:30', AMS)
    expect(instant).toBe(utc(2026, 3, 29, 1, 30))
    expect(toLocal(instant, AMS).time).toBe('03:30')
  })

  it('takes the earlier instant in the repeated autumn hour', () => {
    // 02:30 happens twice on 25 October: 00:30 UTC (CEST) and 01:30 UTC (CET).
    expect(toInstant('2026-10-25', '02:30', AMS)).toBe(utc(2026, 10, 25, 0, 30))
    expect(toInstant('2026-10-25', '03:00', AMS)).toBe(utc(2026, 10, 25, 2))
  })

  it.each([
    ['2026-3-01', '09:00', AMS],
    ['2026-02-30', '09:00', AMS],
    ['2026-13-01', '09:00', AMS],
    ['01-03-2026', '09:00', AMS],
    ['2026-03-01', '9:00', AMS],
    ['2026-03-01', '24:00', AMS],
    ['2026-03-01', '12:60', AMS],
    ['2026-03-01', '09:00:00', AMS],
    ['2026-03-01', '09:00', 'Mars/Olympus_Mons'],
  ])('throws a RangeError on malformed input %s %s %s', (date, time, zone) => {
    expect(() => toInstant(date, time, zone)).toThrow(RangeError)
  })
})

describe('toLocal', () => {
  it('gives local date, time and ISO weekday', () => {
    expect(toLocal(utc(2026, 3, 2, 23, 30), AMS)).toEqual({ date: '2026-03-03', time: '00:30', weekday: 2 })
    expect(toLocal(utc(2026, 3, 8, 12), AMS)).toEqual({ date: '2026-03-08', time: '13:00', weekday: 7 })
  })

  it('jumps from 01:59 to 03:00 on the spring DST night', () => {
    expect(toLocal(utc(2026, 3, 29, 0, 59), AMS)).toEqual({ date: '2026-03-29', time: '01:59', weekday: 7 })
    expect(toLocal(utc(2026, 3, 29, 1, 0), AMS).time).toBe('03:00')
  })

  it('shows 02:30 twice on the autumn DST night', () => {
    expect(toLocal(utc(2026, 10, 25, 0, 30), AMS).time).toBe('02:30')
    expect(toLocal(utc(2026, 10, 25, 1, 30), AMS).time).toBe('02:30')
  })

  it('drops seconds rather than rounding', () => {
    expect(toLocal(utc(2026, 1, 5, 8, 59) + 59_999, AMS).time).toBe('09:59')
  })

  it('round-trips with toInstant', () => {
    const instant = at('2026-06-10', '17:45')
    expect(toLocal(instant, AMS)).toEqual({ date: '2026-06-10', time: '17:45', weekday: 3 })
  })
})

describe('minutesBetween', () => {
  it('counts real minutes: the spring DST night is 7 hours, the autumn one 9', () => {
    expect(minutesBetween(at('2026-03-28', '22:00'), at('2026-03-29', '06:00'))).toBe(7 * 60)
    expect(minutesBetween(at('2026-10-24', '22:00'), at('2026-10-25', '06:00'))).toBe(9 * 60)
    expect(minutesBetween(at('2026-03-21', '22:00'), at('2026-03-22', '06:00'))).toBe(8 * 60)
  })

  it('is negative when b lies before a', () => {
    expect(minutesBetween(at('2026-03-29', '06:00'), at('2026-03-28', '22:00'))).toBe(-7 * 60)
  })
})

describe('expandRecurrence', () => {
  const expand = (rule: RecurrenceRule, date = '2026-03-03', time = '09:00', durationMinutes = 180) =>
    expandRecurrence({ date, time, durationMinutes, timeZone: AMS, rule })
  const dates = (occurrences: { date: string }[]) => occurrences.map((o) => o.date)

  it('keeps a weekly Tuesday 09:00–12:00 class at 09:00 local across the March DST change', () => {
    const occurrences = expand({ freq: 'weekly', interval: 1, until: '2026-04-14' })
    const expected: [string, number][] = [
      ['2026-03-03', 8],
      ['2026-03-10', 8],
      ['2026-03-17', 8],
      ['2026-03-24', 8],
      ['2026-03-31', 7],
      ['2026-04-07', 7],
      ['2026-04-14', 7],
    ]
    expect(occurrences).toEqual(
      expected.map(([date, utcHour]) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        return { date, startsAt: utc(y, m, d, utcHour), endsAt: utc(y, m, d, utcHour + 3) }
      }),
    )
    for (const o of occurrences) {
      expect(toLocal(o.startsAt, AMS).time).toBe('09:00')
      expect(toLocal(o.endsAt, AMS).time).toBe('12:00')
    }
  })

  it('lasts durationMinutes of real time even over the DST jump', () => {
    const [first] = expand({ freq: 'daily', interval: 1, count: 1 }, '2026-03-29', '01:30', 120)
    expect(first?.endsAt).toBe((first?.startsAt ?? 0) + 120 * 60_000)
    expect(toLocal(first?.endsAt ?? 0, AMS).time).toBe('04:30')
  })

  it('moves an occurrence in the DST gap to the later valid time but keeps its date', () => {
    const occurrences = expand({ freq: 'daily', interval: 1, count: 3 }, '2026-03-28', '02:30', 30)
    expect(occurrences.map((o) => [o.date, o.startsAt])).toEqual([
      ['2026-03-28', utc(2026, 3, 28, 1, 30)],
      ['2026-03-29', utc(2026, 3, 29, 1, 30)],
      ['2026-03-30', utc(2026, 3, 30, 0, 30)],
    ])
  })

  it('takes the earlier 02:30 on the autumn night', () => {
    const [o] = expand({ freq: 'daily', interval: 1, count: 1 }, '2026-10-25', '02:30', 60)
    expect(o?.startsAt).toBe(utc(2026, 10, 25, 0, 30))
  })

  it('repeats on listed weekdays of every second week', () => {
    const occurrences = expand({ freq: 'weekly', interval: 2, weekdays: [2, 4], count: 6 })
    expect(dates(occurrences)).toEqual(['2026-03-03', '2026-03-05', '2026-03-17', '2026-03-19', '2026-03-31', '2026-04-02'])
  })

  it('counts weeks Monday-based from the week of the first date, which counts only if its weekday is listed', () => {
    // Wednesday 4 March: Tuesday 3 March is before the start, so the series opens on Thursday 5.
    // Tuesday 10 March lies within seven days of the start but in the skipped week.
    const occurrences = expand({ freq: 'weekly', interval: 2, weekdays: [4, 2, 2], count: 4 }, '2026-03-04')
    expect(dates(occurrences)).toEqual(['2026-03-05', '2026-03-17', '2026-03-19', '2026-03-31'])
  })

  it('repeats daily with an interval', () => {
    expect(dates(expand({ freq: 'daily', interval: 3, count: 4 }))).toEqual(['2026-03-03', '2026-03-06', '2026-03-09', '2026-03-12'])
  })

  it('filters a daily rule by weekdays', () => {
    // Tuesday 3 March, weekdays only: the weekend of 7–8 March is left out.
    const rule: RecurrenceRule = { freq: 'daily', interval: 1, weekdays: [1, 2, 3, 4, 5], until: '2026-03-10' }
    expect(dates(expand(rule))).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10'])
  })

  it('stops after count occurrences or on the inclusive until date', () => {
    expect(dates(expand({ freq: 'weekly', interval: 1, count: 2 }))).toEqual(['2026-03-03', '2026-03-10'])
    expect(dates(expand({ freq: 'weekly', interval: 1, until: '2026-03-17' }))).toEqual(['2026-03-03', '2026-03-10', '2026-03-17'])
    expect(dates(expand({ freq: 'weekly', interval: 1, until: '2026-03-16' }))).toEqual(['2026-03-03', '2026-03-10'])
  })

  it('requires exactly one of until and count', () => {
    expect(() => expand({ freq: 'weekly', interval: 1 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, count: 2, until: '2026-03-17' })).toThrow(RangeError)
  })

  it('leaves out skipped dates, which still use up the count', () => {
    const skipped = expand({ freq: 'weekly', interval: 1, count: 4, skipDates: ['2026-03-10'] })
    expect(dates(skipped)).toEqual(['2026-03-03', '2026-03-17', '2026-03-24'])
    const withUntil = expand({ freq: 'weekly', interval: 1, until: '2026-03-24', skipDates: ['2026-03-17', '2026-03-18'] })
    expect(dates(withUntil)).toEqual(['2026-03-03', '2026-03-10', '2026-03-24'])
  })

  it(`allows ${MAX_OCCURRENCES} occurrences and refuses more`, () => {
    expect(MAX_OCCURRENCES).toBe(500)
    expect(expand({ freq: 'daily', interval: 1, count: 500 }, '2026-01-01')).toHaveLength(500)
    expect(() => expand({ freq: 'daily', interval: 1, count: 501 }, '2026-01-01')).toThrow(/500/)
    expect(() => expand({ freq: 'daily', interval: 1, count: 501 }, '2026-01-01')).toThrow(RangeError)
    // 2026-01-01 + 499 days = 2027-05-15.
    const fullYear = expand({ freq: 'daily', interval: 1, until: '2027-05-15' }, '2026-01-01')
    expect(fullYear).toHaveLength(500)
    expect(fullYear.at(-1)?.date).toBe('2027-05-15')
    expect(() => expand({ freq: 'daily', interval: 1, until: '2027-05-16' }, '2026-01-01')).toThrow(/MAX_OCCURRENCES = 500/)
  })

  it('rejects malformed rules', () => {
    expect(() => expand({ freq: 'weekly', interval: 0, count: 2 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, weekdays: [8], count: 2 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, weekdays: [], count: 2 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, count: 0 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, until: '2026-03-02' })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, count: 2, skipDates: ['2026-3-10'] })).toThrow(RangeError)
    expect(() => expand({ freq: 'daily', interval: 7, weekdays: [1], count: 2 })).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, count: 2 }, '2026-03-03', '09:00', 0)).toThrow(RangeError)
    expect(() => expand({ freq: 'weekly', interval: 1, count: 2 }, '2026-03-03', '25:00')).toThrow(RangeError)
  })
})

// Monday–Friday 09:00–12:00 and 13:00–17:00, Saturday until midnight, Sunday closed.
const weekday = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
]
const HOURS: OpeningHours = [weekday, weekday, weekday, weekday, weekday, [{ from: '10:00', to: '24:00' }], []]
const ALL_DAY: OpeningHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }])

describe('checkOpeningHours', () => {
  const check = (startsAt: number, endsAt: number, closedDates: string[] = [], openingHours = HOURS) =>
    checkOpeningHours({ startsAt, endsAt, openingHours, closedDates, timeZone: AMS })
  const outside = (date: string) => ({ reason: 'outsideOpeningHours', date })

  it('accepts a booking that ends exactly at closing time but not one minute later', () => {
    expect(check(at('2026-03-10', '09:00'), at('2026-03-10', '12:00'))).toBeNull()
    expect(check(at('2026-03-10', '13:00'), at('2026-03-10', '17:00'))).toBeNull()
    expect(check(at('2026-03-10', '09:00'), at('2026-03-10', '12:01'))).toEqual(outside('2026-03-10'))
    expect(check(at('2026-03-10', '08:59'), at('2026-03-10', '10:00'))).toEqual(outside('2026-03-10'))
  })

  it('refuses a booking over the lunch break, spanning two ranges', () => {
    expect(check(at('2026-03-10', '11:00'), at('2026-03-10', '14:00'))).toEqual(outside('2026-03-10'))
  })

  it('refuses a booking on a closed weekday', () => {
    expect(check(at('2026-03-08', '10:00'), at('2026-03-08', '11:00'))).toEqual(outside('2026-03-08'))
  })

  it('reports a closed date before anything else', () => {
    expect(check(at('2026-03-10', '09:00'), at('2026-03-10', '10:00'), ['2026-03-10'])).toEqual({
      reason: 'closedDate',
      date: '2026-03-10',
    })
    expect(check(at('2026-03-10', '07:00'), at('2026-03-10', '08:00'), ['2026-03-10'])).toEqual({
      reason: 'closedDate',
      date: '2026-03-10',
    })
    expect(check(at('2026-03-10', '09:00'), at('2026-03-10', '10:00'), ['2026-03-11'])).toBeNull()
  })

  it('treats 24:00 as the end of the local day and refuses running past midnight', () => {
    expect(check(at('2026-03-07', '22:00'), at('2026-03-08', '00:00'))).toBeNull()
    expect(check(at('2026-03-07', '23:00'), at('2026-03-08', '01:00'))).toEqual(outside('2026-03-07'))
    expect(check(at('2026-03-10', '23:00'), at('2026-03-11', '01:00'), [], ALL_DAY)).toEqual(outside('2026-03-10'))
  })

  it('names the local date of the start, not the UTC one', () => {
    // 00:30 local on Wednesday 11 March is still 10 March in UTC.
    expect(check(at('2026-03-11', '00:30'), at('2026-03-11', '01:00'))).toEqual(outside('2026-03-11'))
    expect(check(at('2026-03-11', '00:30'), at('2026-03-11', '01:00'), ['2026-03-11'])).toEqual({
      reason: 'closedDate',
      date: '2026-03-11',
    })
  })

  it('measures a DST day in real time: midnight to midnight on 25 October holds 25 hours', () => {
    const start = at('2026-10-25', '00:00')
    expect(check(start, start + 25 * HOUR, [], ALL_DAY)).toBeNull()
    expect(check(start, start + 25 * HOUR + 60_000, [], ALL_DAY)).toEqual(outside('2026-10-25'))
  })

  it('rejects malformed input', () => {
    const t = at('2026-03-10', '09:00')
    expect(() => check(t, t)).toThrow(RangeError)
    expect(() => check(t, t + HOUR, [], HOURS.slice(0, 6))).toThrow(RangeError)
    const reversed: OpeningHours = [[{ from: '12:00', to: '09:00' }], [], [], [], [], [], []]
    expect(() => check(t, t + HOUR, [], reversed)).toThrow(RangeError)
    const overlapping: OpeningHours = [
      [
        { from: '09:00', to: '12:00' },
        { from: '11:00', to: '13:00' },
      ],
      [],
      [],
      [],
      [],
      [],
      [],
    ]
    expect(() => check(t, t + HOUR, [], overlapping)).toThrow(RangeError)
    const badEnd: OpeningHours = [[{ from: '09:00', to: '24:30' }], [], [], [], [], [], []]
    expect(() => check(t, t + HOUR, [], badEnd)).toThrow(RangeError)
    expect(() => check(t, t + HOUR, ['10-03-2026'])).toThrow(RangeError)
  })
})

describe('findFreeSlots', () => {
  type Input = Parameters<typeof findFreeSlots>[0]
  const base: Input = {
    from: at('2026-03-10', '00:00'),
    to: at('2026-03-11', '00:00'),
    durationMinutes: 60,
    slotMinutes: 30,
    bufferMinutes: 0,
    openingHours: HOURS,
    closedDates: [],
    timeZone: AMS,
    busy: [],
    limit: 100,
  }
  const free = (overrides: Partial<Input>) => findFreeSlots({ ...base, ...overrides })
  const times = (overrides: Partial<Input>) => localTimes(free(overrides)).map((t) => t.slice(11))

  it('steps by the slot size from each opening range and keeps the booking inside the range', () => {
    expect(times({})).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'])
    const [first] = free({})
    expect(first).toEqual({ startsAt: at('2026-03-10', '09:00'), endsAt: at('2026-03-10', '10:00') })
  })

  it('aligns candidates to the range start, not to `from`', () => {
    expect(times({ slotMinutes: 45, from: at('2026-03-10', '09:10') })).toEqual([
      '09:45',
      '10:30',
      '13:00',
      '13:45',
      '14:30',
      '15:15',
      '16:00',
    ])
  })

  it('leaves out slots that clash with busy intervals', () => {
    const busy = [{ startsAt: at('2026-03-10', '10:00'), endsAt: at('2026-03-10', '11:00') }]
    expect(times({ busy }).slice(0, 2)).toEqual(['09:00', '11:00'])
  })

  it('keeps the new booking’s buffer free after it', () => {
    const busy = [{ startsAt: at('2026-03-10', '10:00'), endsAt: at('2026-03-10', '11:00') }]
    // 09:00–10:00 plus 15 minutes of buffer runs into the busy interval; 11:00 starts as it ends.
    expect(times({ busy, bufferMinutes: 15 }).slice(0, 2)).toEqual(['11:00', '13:00'])
    expect(times({ busy, bufferMinutes: 15, durationMinutes: 45 }).slice(0, 2)).toEqual(['09:00', '11:00'])
  })

  it('accepts busy intervals in any order', () => {
    const busy = [
      { startsAt: at('2026-03-10', '14:00'), endsAt: at('2026-03-10', '17:00') },
      { startsAt: at('2026-03-10', '09:30'), endsAt: at('2026-03-10', '12:00') },
      { startsAt: at('2026-03-10', '13:00'), endsAt: at('2026-03-10', '13:30') },
    ]
    expect(times({ busy })).toEqual([])
    expect(times({ busy, durationMinutes: 30 })).toEqual(['09:00', '13:30'])
  })

  it('returns at most `limit` slots, the earliest first', () => {
    expect(times({ limit: 3 })).toEqual(['09:00', '09:30', '10:00'])
    expect(free({ limit: 0 })).toEqual([])
  })

  it('starts no slot before notBefore', () => {
    expect(times({ notBefore: at('2026-03-10', '10:05'), limit: 2 })).toEqual(['10:30', '11:00'])
    expect(times({ notBefore: at('2026-03-10', '10:30'), limit: 1 })).toEqual(['10:30'])
  })

  it('starts slots within [from, to) but lets the last one run past `to`', () => {
    expect(times({ to: at('2026-03-10', '09:31') })).toEqual(['09:00', '09:30'])
    expect(times({ to: at('2026-03-10', '09:30') })).toEqual(['09:00'])
  })

  it('skips closed dates and closed weekdays', () => {
    const slots = localTimes(
      free({
        from: at('2026-03-07', '00:00'), // Saturday
        to: at('2026-03-12', '00:00'),
        slotMinutes: 60,
        durationMinutes: 180,
        closedDates: ['2026-03-10'],
      }),
    )
    expect(slots).toEqual([
      '2026-03-07 10:00',
      '2026-03-07 11:00',
      '2026-03-07 12:00',
      '2026-03-07 13:00',
      '2026-03-07 14:00',
      '2026-03-07 15:00',
      '2026-03-07 16:00',
      '2026-03-07 17:00',
      '2026-03-07 18:00',
      '2026-03-07 19:00',
      '2026-03-07 20:00',
      '2026-03-07 21:00',
      '2026-03-09 09:00',
      '2026-03-09 13:00',
      '2026-03-09 14:00',
      '2026-03-11 09:00',
      '2026-03-11 13:00',
      '2026-03-11 14:00',
    ])
  })

  it('offers no slot in the spring DST gap and both 02:00s on the autumn night', () => {
    const day = (date: string, next: string) =>
      localTimes(
        free({
          from: at(date, '00:00'),
          to: at(next, '00:00'),
          openingHours: ALL_DAY,
          slotMinutes: 60,
        }),
      )
    const spring = day('2026-03-29', '2026-03-30')
    expect(spring).toHaveLength(23)
    expect(spring.slice(0, 4)).toEqual(['2026-03-29 00:00', '2026-03-29 01:00', '2026-03-29 03:00', '2026-03-29 04:00'])
    // With 45-minute slots 02:15 falls in the gap; it must not reappear shifted off the grid.
    const springQuarterly = localTimes(
      free({
        from: at('2026-03-29', '00:00'),
        to: at('2026-03-29', '05:00'),
        openingHours: ALL_DAY,
        slotMinutes: 45,
      }),
    )
    expect(springQuarterly).toEqual([
      '2026-03-29 00:00',
      '2026-03-29 00:45',
      '2026-03-29 01:30',
      '2026-03-29 03:00',
      '2026-03-29 03:45',
      '2026-03-29 04:30',
    ])
    const autumnSlots = free({
      from: at('2026-10-25', '00:00'),
      to: at('2026-10-26', '00:00'),
      openingHours: ALL_DAY,
      slotMinutes: 60,
    })
    expect(autumnSlots).toHaveLength(25)
    expect(autumnSlots.slice(1, 5).map((s) => s.startsAt)).toEqual([
      utc(2026, 10, 24, 23),
      utc(2026, 10, 25, 0),
      utc(2026, 10, 25, 1),
      utc(2026, 10, 25, 2),
    ])
    expect(localTimes(autumnSlots.slice(1, 5))).toEqual(['2026-10-25 01:00', '2026-10-25 02:00', '2026-10-25 02:00', '2026-10-25 03:00'])
  })

  it('matches a naive search over a week with 100 busy intervals', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const weekStart = at('2026-03-09', '00:00')
    const busy = Array.from({ length: 100 }, () => {
      const startsAt = weekStart + Math.floor(random() * 7 * 24 * 4) * 15 * 60_000
      return { startsAt, endsAt: startsAt + (1 + Math.floor(random() * 8)) * 15 * 60_000 }
    })
    const input: Input = {
      ...base,
      from: weekStart,
      to: at('2026-03-16', '00:00'),
      durationMinutes: 45,
      slotMinutes: 15,
      bufferMinutes: 10,
      busy,
      limit: 1000,
    }
    const expected: number[] = []
    for (let d = 9; d <= 15; d++) {
      const date = `2026-03-${String(d).padStart(2, '0')}`
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
        const s = at(date, time)
        const e = s + 45 * 60_000
        if (checkOpeningHours({ startsAt: s, endsAt: e, openingHours: HOURS, closedDates: [], timeZone: AMS })) continue
        if (busy.some((b) => s < b.endsAt && e + 10 * 60_000 > b.startsAt)) continue
        expected.push(s)
      }
    }
    const slots = findFreeSlots(input)
    expect(expected.length).toBeGreaterThan(10)
    expect(expected.length).toBeLessThan(250)
    expect(slots.map((s) => s.startsAt)).toEqual(expected)
  })

  it('rejects malformed input', () => {
    expect(() => free({ slotMinutes: 0 })).toThrow(RangeError)
    expect(() => free({ durationMinutes: -5 })).toThrow(RangeError)
    expect(() => free({ bufferMinutes: -1 })).toThrow(RangeError)
    expect(() => free({ limit: 1.5 })).toThrow(RangeError)
    expect(() => free({ to: base.from - 1 })).toThrow(RangeError)
  })
})

describe('isAligned', () => {
  it('checks minutes since local midnight against the slot size', () => {
    expect(isAligned(at('2026-03-10', '09:30'), 30, AMS)).toBe(true)
    expect(isAligned(at('2026-03-10', '09:15'), 30, AMS)).toBe(false)
    expect(isAligned(at('2026-03-10', '09:45'), 45, AMS)).toBe(true)
    expect(isAligned(at('2026-03-10', '10:00'), 45, AMS)).toBe(false)
  })

  it('uses local time, not UTC', () => {
    // 09:00 in Kolkata (+05:30) is 03:30 UTC.
    const instant = toInstant('2026-03-10', '09:00', 'Asia/Kolkata')
    expect(isAligned(instant, 60, 'Asia/Kolkata')).toBe(true)
    expect(isAligned(instant, 60, 'UTC')).toBe(false)
  })

  it('counts wall-clock minutes on a DST day', () => {
    // 03:00 on 29 March is only two real hours after midnight but a whole 180 minutes on the clock.
    expect(isAligned(at('2026-03-29', '03:00'), 180, AMS)).toBe(true)
  })

  it('is false when seconds are left over', () => {
    expect(isAligned(at('2026-03-10', '09:00') + 30_000, 30, AMS)).toBe(false)
  })

  it('rejects a non-positive slot size', () => {
    expect(() => isAligned(at('2026-03-10', '09:00'), 0, AMS)).toThrow(RangeError)
  })
})
