// FullCalendar shows the centre's time zone, not the device's. Its named-time-zone hook asks two
// things, answered here with the browser's own Intl data (no time-zone library needed).
import { createPlugin } from '@fullcalendar/core'
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal'

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClock(ms: number, zone: string): number[] {
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, format)
  }
  const part = (type: string) => Number(format.formatToParts(new Date(ms)).find((p) => p.type === type)!.value)
  return [part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'), ((ms % 1000) + 1000) % 1000]
}

/** Minutes east of UTC at an instant. */
function offsetAt(ms: number, zone: string): number {
  const [y, mo, d, h, mi, s] = wallClock(ms, zone) as [number, number, number, number, number, number]
  return Math.round((Date.UTC(y, mo, d, h, mi, s) - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000)
}

class CentreTimeZone extends NamedTimeZoneImpl {
  offsetForArray(a: number[]): number {
    const wall = Date.UTC(a[0]!, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0)
    // Guess with the offset at the wall time read as UTC, then correct once (enough for real zones).
    const first = offsetAt(wall, this.timeZoneName)
    return offsetAt(wall - first * 60_000, this.timeZoneName)
  }

  timestampToArray(ms: number): number[] {
    return wallClock(ms, this.timeZoneName)
  }
}

export const centreTimeZonePlugin = createPlugin({ name: 'werkbank-centre-time-zone', namedTimeZonedImpl: CentreTimeZone })
