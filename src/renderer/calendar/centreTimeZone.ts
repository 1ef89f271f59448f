// FullCalendar shows the centre's time zone, not the device's. Its named-time-zone hook asks two
// things, answered here with the browser's own Intl data (no time-zone library needed).
//
// FullCalendar asks these questions thousands of times while it lays out a busy week, mostly about
// the same few instants (day and slot boundaries, event edges), and one Intl conversion costs far
// more than the layout itself. So: one `formatToParts` per conversion (not one per field), and the
// answers remembered per zone and instant, exact, in a bounded cache.
import { createPlugin } from '@fullcalendar/core'
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal'

const CACHE_LIMIT = 20_000

interface Zone {
  format: Intl.DateTimeFormat
  /** Instant (whole seconds) → its wall clock fields, milliseconds left out. */
  walls: Map<number, number[]>
}

const zones = new Map<string, Zone>()

function zoneOf(name: string): Zone {
  let zone = zones.get(name)
  if (!zone) {
    zone = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      walls: new Map(),
    }
    zones.set(name, zone)
  }
  return zone
}

/** [year, month (0-based), day, hour, minute, second] of an instant in whole seconds, in the zone. */
function wallSeconds(seconds: number, zone: Zone): number[] {
  const cached = zone.walls.get(seconds)
  if (cached) return cached
  const fields: Record<string, number> = {}
  for (const part of zone.format.formatToParts(new Date(seconds * 1000))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const wall = [fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!]
  if (zone.walls.size >= CACHE_LIMIT) zone.walls.clear()
  zone.walls.set(seconds, wall)
  return wall
}

const millisOf = (ms: number) => ((ms % 1000) + 1000) % 1000

export function wallClock(ms: number, name: string): number[] {
  const millis = millisOf(ms)
  return [...wallSeconds((ms - millis) / 1000, zoneOf(name)), millis]
}

/** Minutes east of UTC at an instant. */
export function offsetAt(ms: number, name: string): number {
  const millis = millisOf(ms)
  const [y, mo, d, h, mi, s] = wallSeconds((ms - millis) / 1000, zoneOf(name)) as [number, number, number, number, number, number]
  return Math.round((Date.UTC(y, mo, d, h, mi, s) - (ms - millis)) / 60_000)
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
