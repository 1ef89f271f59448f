// Tests of the iCalendar export. ical.js serves as an independent reader: if it parses the output and
// turns our local times into the right instants through our own VTIMEZONE, calendar programs can too.
import ICAL from 'ical.js'
import { Temporal } from 'temporal-polyfill'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildICalendar, type IcsEvent } from './icalendar'

const ms = (iso: string): number => Date.parse(iso)
const NOW = ms('2026-03-01T10:00:00Z')
const AMS = 'Europe/Amsterdam'

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'booking-42@werkbank',
    sequence: 0,
    startsAt: ms('2026-03-31T07:00:00Z'),
    endsAt: ms('2026-03-31T08:30:00Z'),
    summary: 'Lasersnijder',
    status: 'CONFIRMED',
    lastModified: ms('2026-02-28T12:00:00Z'),
    ...overrides,
  }
}

function build(events: IcsEvent[], timeZone = AMS, now = NOW, name = 'Werkbank'): string {
  return buildICalendar({ name, timeZone, events, now })
}

const unfold = (ics: string): string => ics.replace(/\r\n /g, '')
const logicalLines = (ics: string): string[] => unfold(ics).split('\r\n').slice(0, -1)
const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1)
const octets = (text: string): number => new TextEncoder().encode(text).length

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics))
}

function parsedEvents(ics: string): ICAL.Event[] {
  return parse(ics)
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component))
}

// The observances of the VTIMEZONE as [kind, DTSTART, TZOFFSETFROM, TZOFFSETTO, TZNAME] rows.
function observances(ics: string): string[][] {
  const zone = parse(ics).getFirstSubcomponent('vtimezone')
  if (!zone) throw new Error('no VTIMEZONE')
  return zone.getAllSubcomponents().map((sub) => {
    const text = (name: string): string => {
      const value = sub.getFirstProperty(name)?.toICALString() ?? ''
      return value.slice(value.indexOf(':') + 1)
    }
    return [sub.name.toUpperCase(), text('dtstart'), text('tzoffsetfrom'), text('tzoffsetto'), text('tzname')]
  })
}

beforeEach(() => {
  // Only UTC is built in; resetting proves no other definition of the zone could be used.
  ICAL.TimezoneService.reset()
})

describe('buildICalendar', () => {
  it('writes a calendar that ical.js parses, with the required header properties', () => {
    const ics = build([event(), event({ uid: 'booking-43@werkbank' })], AMS, NOW, 'Werkbank: machines')
    const calendar = parse(ics)
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Werkbank//Werkbank//NL')
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Werkbank: machines')
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe(AMS)
    const zones = calendar.getAllSubcomponents('vtimezone')
    expect(zones).toHaveLength(1)
    expect(zones[0]?.getFirstPropertyValue('tzid')).toBe(AMS)
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(2)
    // The VTIMEZONE precedes the events that refer to it.
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'))
  })

  it('turns local times into the right instants through its own VTIMEZONE, before and after the DST switch', () => {
    const beforeSwitch = event({ uid: 'a@werkbank', startsAt: ms('2026-03-24T08:00:00Z'), endsAt: ms('2026-03-24T09:00:00Z') })
    const afterSwitch = event({ uid: 'b@werkbank', startsAt: ms('2026-03-31T07:00:00Z'), endsAt: ms('2026-03-31T08:00:00Z') })
    const ics = build([beforeSwitch, afterSwitch])
    const lines = logicalLines(ics)
    // Both are 09:00 on the wall clock, written as local time with the zone, not as UTC.
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20260324T090000')
    expect(lines).toContain('DTEND;TZID=Europe/Amsterdam:20260324T100000')
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20260331T090000')

    const [first, second] = parsedEvents(ics)
    const vtimezone = parse(ics).getFirstSubcomponent('vtimezone')
    expect(first?.startDate.zone?.tzid).toBe(AMS)
    expect(first?.startDate.zone?.component?.toString()).toBe(vtimezone?.toString())
    expect(ICAL.TimezoneService.has(AMS)).toBe(false)
    expect(first?.startDate.toJSDate().getTime()).toBe(beforeSwitch.startsAt)
    expect(first?.endDate.toJSDate().getTime()).toBe(beforeSwitch.endsAt)
    expect(second?.startDate.toJSDate().getTime()).toBe(afterSwitch.startsAt)
    expect(second?.endDate.toJSDate().getTime()).toBe(afterSwitch.endsAt)

    // The same VTIMEZONE registered globally converts a freshly made local time the same way.
    if (!vtimezone) throw new Error('no VTIMEZONE')
    ICAL.TimezoneService.register(vtimezone)
    const zone = ICAL.TimezoneService.get(AMS)
    expect(new ICAL.Time({ year: 2026, month: 3, day: 31, hour: 9 }, zone).toUnixTime() * 1000).toBe(afterSwitch.startsAt)
    expect(new ICAL.Time({ year: 2026, month: 3, day: 24, hour: 9 }, zone).toUnixTime() * 1000).toBe(beforeSwitch.startsAt)
  })

  it('is read through the VTIMEZONE in the file: a wrong offset in it moves the event', () => {
    const ics = build([event({ startsAt: ms('2026-03-31T07:00:00Z'), endsAt: ms('2026-03-31T08:00:00Z') })])
    const daylight2026 = 'DTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n'
    expect(ics).toContain(daylight2026)
    const tampered = ics.replace(daylight2026, daylight2026.replace('TZOFFSETTO:+0200', 'TZOFFSETTO:+0300'))
    expect(parsedEvents(tampered)[0]?.startDate.toJSDate().getTime()).toBe(ms('2026-03-31T06:00:00Z'))
  })

  it('lists every real transition from the year before the first event to the year after the last', () => {
    const ics = build([event()])
    expect(observances(ics)).toEqual([
      // The change that set the offset in force on 1 January 2025, so the whole range has a rule.
      ['STANDARD', '20241027T030000', '+0200', '+0100', 'CET'],
      ['DAYLIGHT', '20250330T020000', '+0100', '+0200', 'CEST'],
      ['STANDARD', '20251026T030000', '+0200', '+0100', 'CET'],
      ['DAYLIGHT', '20260329T020000', '+0100', '+0200', 'CEST'],
      ['STANDARD', '20261025T030000', '+0200', '+0100', 'CET'],
      ['DAYLIGHT', '20270328T020000', '+0100', '+0200', 'CEST'],
      ['STANDARD', '20271031T030000', '+0200', '+0100', 'CET'],
    ])

    const spread = build([event({ uid: 'x@werkbank', startsAt: ms('2029-07-01T08:00:00Z'), endsAt: ms('2029-07-01T09:00:00Z') }), event()])
    const starts = observances(spread).map((row) => row[1])
    expect(starts[0]).toBe('20241027T030000')
    expect(starts.at(-1)).toBe('20301027T030000')
    expect(starts).toHaveLength(13)

    // Without events: only the year of `now` (plus the change in force at its start).
    expect(observances(build([], AMS, ms('2031-06-01T00:00:00Z'))).map((row) => row[1])).toEqual([
      '20301027T030000',
      '20310330T020000',
      '20311026T030000',
    ])
  })

  it('derives observances for other zones too, including the southern hemisphere', () => {
    const ny = observances(build([], 'America/New_York', ms('2026-06-01T00:00:00Z')))
    expect(ny).toEqual([
      ['STANDARD', '20251102T020000', '-0400', '-0500', 'EST'],
      ['DAYLIGHT', '20260308T020000', '-0500', '-0400', 'EDT'],
      ['STANDARD', '20261101T020000', '-0400', '-0500', 'EST'],
    ])
    const sydney = observances(build([], 'Australia/Sydney', ms('2026-06-01T00:00:00Z')))
    expect(sydney).toEqual([
      ['DAYLIGHT', '20251005T020000', '+1000', '+1100', 'AEDT'],
      ['STANDARD', '20260405T030000', '+1100', '+1000', 'AEST'],
      ['DAYLIGHT', '20261004T020000', '+1000', '+1100', 'AEDT'],
    ])
  })

  it('round-trips instants all year round in several zones', () => {
    for (const timeZone of [AMS, 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']) {
      const events: IcsEvent[] = []
      // Every 61 hours through 2026, which lands on every hour of the day...
      const instants: number[] = []
      for (let at = ms('2026-01-01T00:00:00Z'); at < ms('2027-01-01T00:00:00Z'); at += 61 * 3600_000) instants.push(at)
      // ...plus the half hours around each of the zone's 2026 offset changes, found by Temporal itself.
      let change = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone }).getTimeZoneTransition('next')
      while (change && change.year === 2026) {
        for (const minutes of [-90, -60, -30, 0, 30, 60, 90]) instants.push(change.epochMilliseconds + minutes * 60_000)
        change = change.getTimeZoneTransition('next')
      }
      for (const at of instants) events.push(event({ uid: `t${at}@werkbank`, startsAt: at, endsAt: at + 45 * 60_000 }))
      const parsed = parsedEvents(build(events, timeZone))
      expect(parsed).toHaveLength(events.length)
      const wrong = parsed.filter((read, i) => read.startDate.toJSDate().getTime() !== events[i]?.startsAt)
      expect(wrong.map((read) => `${timeZone} ${read.startDate.toString()}`)).toEqual([])
    }
  })

  it('writes times in the repeated autumn hour in UTC, as their local form is ambiguous', () => {
    // 02:30 happens twice on 25 October 2026 in Amsterdam. RFC 5545 reads such a local time as the
    // first pass, ical.js as the second, so neither pass can rely on the local form.
    const firstPass = event({ uid: 'first@werkbank', startsAt: ms('2026-10-25T00:30:00Z'), endsAt: ms('2026-10-25T00:45:00Z') })
    const secondPass = event({ uid: 'second@werkbank', startsAt: ms('2026-10-25T01:30:00Z'), endsAt: ms('2026-10-25T01:45:00Z') })
    const justAfter = event({ uid: 'after@werkbank', startsAt: ms('2026-10-25T02:00:00Z'), endsAt: ms('2026-10-25T02:30:00Z') })
    const ics = build([firstPass, secondPass, justAfter])
    const lines = logicalLines(ics)
    expect(lines).toContain('DTSTART:20261025T003000Z')
    expect(lines).toContain('DTSTART:20261025T013000Z')
    expect(lines).toContain('DTEND:20261025T014500Z')
    expect(lines).not.toContain('DTSTART;TZID=Europe/Amsterdam:20261025T023000')
    // 03:00 exists once again, so it goes back to local time.
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20261025T030000')
    const read = parsedEvents(ics)
    expect(read.map((e) => e.startDate.toJSDate().getTime())).toEqual([firstPass.startsAt, secondPass.startsAt, justAfter.startsAt])
    expect(read.map((e) => e.endDate.toJSDate().getTime())).toEqual([firstPass.endsAt, secondPass.endsAt, justAfter.endsAt])
  })

  it('writes status, a stable UID and the SEQUENCE the caller gives, with UTC stamps', () => {
    const original = build([event({ sequence: 0 })], AMS, ms('2026-03-01T10:00:00.999Z'))
    const changed = build(
      [event({ sequence: 3, status: 'CANCELLED', summary: 'Lasersnijder (geannuleerd)', lastModified: ms('2026-03-02T08:15:30Z') })],
      AMS,
      ms('2026-03-02T08:16:00Z'),
    )
    const [before] = parsedEvents(original)
    const [after] = parsedEvents(changed)
    expect(before?.uid).toBe('booking-42@werkbank')
    expect(after?.uid).toBe(before?.uid)
    expect(before?.sequence).toBe(0)
    expect(after?.sequence).toBe(3)
    expect(before?.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(after?.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(logicalLines(changed)).toContain('STATUS:CANCELLED')
    expect(logicalLines(build([event({ status: 'TENTATIVE' })]))).toContain('STATUS:TENTATIVE')

    // DTSTAMP is `now` (whole seconds), LAST-MODIFIED the caller's change time, both in UTC form.
    expect(logicalLines(original)).toContain('DTSTAMP:20260301T100000Z')
    expect(logicalLines(changed)).toContain('DTSTAMP:20260302T081600Z')
    expect(logicalLines(changed)).toContain('LAST-MODIFIED:20260302T081530Z')
    const stamp = after?.component.getFirstPropertyValue('dtstamp')
    expect(stamp instanceof ICAL.Time && stamp.zone === ICAL.Timezone.utcTimezone).toBe(true)
  })

  it('escapes backslash, semicolon, comma and newlines in TEXT and strips other control characters', () => {
    const summary = 'Boor, frees; snij\\zaag\nregel 2\r\nregel 3\rregel 4'
    const ics = build(
      [
        event({
          summary,
          description: 'Tab\tblijft, bel\u0007 en NUL\u0000 en ESC\u001b en DEL\u007f niet',
          location: 'Lokaal B.0.12; hal 2',
          categories: ['Hout, metaal', 'Laser', ''],
        }),
      ],
      AMS,
      NOW,
      'Werkbank; zaal A, B',
    )
    const lines = logicalLines(ics)
    expect(lines).toContain('SUMMARY:Boor\\, frees\\; snij\\\\zaag\\nregel 2\\nregel 3\\nregel 4')
    expect(lines).toContain('DESCRIPTION:Tab\tblijft\\, bel en NUL en ESC en DEL niet')
    expect(lines).toContain('LOCATION:Lokaal B.0.12\\; hal 2')
    expect(lines).toContain('CATEGORIES:Hout\\, metaal,Laser')
    expect(lines).toContain('X-WR-CALNAME:Werkbank\\; zaal A\\, B')

    const [read] = parsedEvents(ics)
    expect(read?.summary).toBe('Boor, frees; snij\\zaag\nregel 2\nregel 3\nregel 4')
    expect(read?.description).toBe('Tab\tblijft, bel en NUL en ESC en DEL niet')
    expect(read?.location).toBe('Lokaal B.0.12; hal 2')
    expect(read?.component.getFirstProperty('categories')?.getValues()).toEqual(['Hout, metaal', 'Laser'])
  })

  it('leaves out optional properties that are absent', () => {
    const names = logicalLines(build([event()])).map((line) => line.split(/[:;]/)[0])
    expect(names).not.toContain('DESCRIPTION')
    expect(names).not.toContain('LOCATION')
    expect(names).not.toContain('CATEGORIES')
    const vevent = names.slice(names.indexOf('UID'), names.lastIndexOf('END') - 1)
    expect(vevent).toEqual(['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'STATUS', 'SEQUENCE', 'LAST-MODIFIED'])
  })

  it('folds long Dutch text at 75 octets without splitting a character, and unfolds to the original', () => {
    const description =
      'Vóór gebruik van de lasersnijder: controleer de afzuiging, draag een veiligheidsbril en ' +
      'zet het materiaal vast. Beëindig je sessie op tijd – de volgende groep staat klaar! ' +
      'Café-tafels en één reservering per leerling’s project 🛠️👩‍🔬🎉. Ideeën? Mail de coördinator.'
    const summary = 'Rééks werkstukken voor de ‘Maakweek’ — 3D-printer, freesmachine én lasersnijder 🔧'
    const ics = build([event({ summary, description })])
    const physical = physicalLines(ics)
    expect(physical.every((line) => octets(line) <= 75)).toBe(true)
    // Several long lines really were folded, and nearly full: folding is by octets, not characters.
    const continuations = physical.filter((line) => line.startsWith(' '))
    expect(continuations.length).toBeGreaterThanOrEqual(4)
    expect(physical.filter((line) => octets(line) >= 72).length).toBeGreaterThanOrEqual(4)
    // A split inside a surrogate pair would leave a lone surrogate, which UTF-8 turns into U+FFFD.
    for (const line of physical) expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line)

    const lines = logicalLines(ics)
    expect(lines).toContain('SUMMARY:' + summary.replace(/,/g, '\\,'))
    expect(lines).toContain('DESCRIPTION:' + description.replace(/,/g, '\\,'))
    const [read] = parsedEvents(ics)
    expect(read?.summary).toBe(summary)
    expect(read?.description).toBe(description)
  })

  it('folds exactly at the limit: 75 octets stay on one line, a character that would pass it moves on', () => {
    const fits = 'x'.repeat(75 - 'SUMMARY:'.length)
    expect(physicalLines(build([event({ summary: fits })]))).toContain('SUMMARY:' + fits)

    // 74 octets, then a two-octet 'é' that would make 76: the break comes before it, not inside it.
    const straddles = 'a'.repeat(74 - 'SUMMARY:'.length) + 'ébc'
    const physical = physicalLines(build([event({ summary: straddles })]))
    const at = physical.indexOf('SUMMARY:' + 'a'.repeat(66))
    expect(at).toBeGreaterThan(-1)
    expect(physical[at + 1]).toBe(' ébc')

    // An escape pair is never torn apart, for readers that unescape before they unfold.
    const escaped = physicalLines(build([event({ summary: 'b'.repeat(74 - 'SUMMARY:'.length) + ',c' })]))
    const head = escaped.indexOf('SUMMARY:' + 'b'.repeat(66))
    expect(head).toBeGreaterThan(-1)
    expect(escaped[head + 1]).toBe(' \\,c')

    // Continuation lines are full at 75 octets including their leading space: 8 + 200 = 75 + (1 + 74) + (1 + 59).
    const long = physicalLines(build([event({ summary: 'y'.repeat(200) })])).filter((line) => line.includes('y'))
    expect(long.map(octets)).toEqual([75, 75, 60])
    // A four-octet emoji likewise; continuation lines hold 74 octets after their leading space.
    const emoji = '🎉'.repeat(40)
    const folded = physicalLines(build([event({ summary: emoji })])).filter((line) => line.includes('🎉'))
    expect(folded.map(octets)).toEqual([8 + 16 * 4, 1 + 18 * 4, 1 + 6 * 4])
    expect(unfold(folded.join('\r\n'))).toBe('SUMMARY:' + emoji)
  })

  it('ends every line, the last included, with CRLF and never a bare CR or LF', () => {
    const ics = build([event({ summary: 'een\ntwee\r\ndrie\rvier', description: 'lang '.repeat(40) })])
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics).not.toMatch(/\r(?!\n)/)
    expect(ics).not.toMatch(/(?<!\r)\n/)
    expect(ics.split('\r\n').length).toBeGreaterThan(20)
  })

  it('gives zones without DST one STANDARD observance that still converts correctly', () => {
    const kolkata = build([event({ startsAt: ms('2026-03-31T03:30:00Z'), endsAt: ms('2026-03-31T04:30:00Z') })], 'Asia/Kolkata')
    const kolkataZone = observances(kolkata)
    expect(kolkataZone).toHaveLength(1)
    expect(kolkataZone[0]?.[0]).toBe('STANDARD')
    expect(kolkataZone[0]?.[3]).toBe('+0530')
    expect(logicalLines(kolkata)).toContain('DTSTART;TZID=Asia/Kolkata:20260331T090000')
    expect(parsedEvents(kolkata)[0]?.startDate.toJSDate().getTime()).toBe(ms('2026-03-31T03:30:00Z'))

    const utc = build([event({ startsAt: ms('2026-03-31T09:00:00Z'), endsAt: ms('2026-03-31T10:00:00Z') })], 'UTC')
    expect(observances(utc)).toEqual([['STANDARD', '19700101T000000', '+0000', '+0000', 'UTC']])
    expect(logicalLines(utc)).toContain('DTSTART;TZID=UTC:20260331T090000')
    expect(parsedEvents(utc)[0]?.startDate.toJSDate().getTime()).toBe(ms('2026-03-31T09:00:00Z'))

    // A fixed negative offset, to see the sign written and honoured.
    const fixed = build([event({ startsAt: ms('2026-03-31T14:00:00Z'), endsAt: ms('2026-03-31T15:00:00Z') })], 'Etc/GMT+5')
    expect(observances(fixed)).toEqual([['STANDARD', '19700101T000000', '-0500', '-0500', '']])
    expect(parsedEvents(fixed)[0]?.startDate.toJSDate().getTime()).toBe(ms('2026-03-31T14:00:00Z'))
  })

  it('drops fractions of a second, keeping each time inside the second it belongs to', () => {
    const ics = build([event({ startsAt: ms('2026-03-31T07:00:59.999Z'), endsAt: ms('2026-03-31T08:00:00.5Z') + 0.25 })])
    expect(logicalLines(ics)).toContain('DTSTART;TZID=Europe/Amsterdam:20260331T090059')
    expect(logicalLines(ics)).toContain('DTEND;TZID=Europe/Amsterdam:20260331T100000')
  })

  it('refuses input it cannot write faithfully', () => {
    expect(() => build([event()], 'Mars/Olympus_Mons')).toThrow(RangeError)
    expect(() => build([event()], '+01:00')).toThrow(RangeError)
    expect(() => build([event({ endsAt: ms('2026-03-31T07:00:00Z') })])).toThrow(RangeError)
    expect(() => build([event({ sequence: -1 })])).toThrow(RangeError)
    expect(() => build([event({ sequence: 1.5 })])).toThrow(RangeError)
    expect(() => build([event({ uid: '' })])).toThrow(RangeError)
    expect(() => build([event(), event()])).toThrow(RangeError)
    expect(() => build([event({ startsAt: Number.NaN })])).toThrow(RangeError)
    // Half a second long would be written with DTEND equal to DTSTART, which §3.8.2.2 forbids.
    expect(() => build([event({ endsAt: event().startsAt + 500 })])).toThrow(RangeError)
  })
})
