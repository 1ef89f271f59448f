// Certificates of attendance (A4 PDF), one per person who checked in.
//
// What a certificate counts, so every one is computed the same way:
// - Present on: the days the person was checked in at the door, plus the day of any workshop they
//   were checked in to.
// - Sessions attended: every workshop slot they were checked in to, and on each day they were
//   checked in at the door, every slot of that day that is not a workshop (talks, demonstrations
//   and panels are open to everyone present; a workshop needs its own check-in).
// - Hours: the length of the union of those slots' times, minus every break of the edition. Parallel
//   sessions count once (nobody is in two rooms at once), and a break inside a session's time is
//   not counted. Rounded down to whole minutes.
import type { Attendance } from '../registrationService'
import { createPdfBuilder } from '../../pdf'
import type { DocumentContext } from './booklet'
import type { ModelSlot, ProgrammeModel } from './programmeModel'

export interface AttendanceFacts {
  registrationId: number
  name: string
  days: string[]
  sessions: ModelSlot[]
  minutes: number
}

type Interval = [number, number]

export function attendanceFacts(model: ProgrammeModel, attendance: Attendance): AttendanceFacts {
  const daysIn = new Set(attendance.days)
  const workshops = new Set(attendance.workshopSlotIds)
  const sessions = model.events.filter((s) => workshops.has(s.id) || (daysIn.has(s.date) && s.session!.type !== 'workshop'))
  const days = [...new Set([...attendance.days, ...sessions.filter((s) => workshops.has(s.id)).map((s) => s.date)])].sort()
  const present = union(sessions.map((s): Interval => [s.startsAt, s.endsAt]))
  const breaks = model.breaks.map((b): Interval => [b.startsAt, b.endsAt])
  const counted = breaks.reduce((parts, cut) => parts.flatMap((part) => subtract(part, cut)), present)
  const minutes = Math.floor(counted.reduce((sum, [a, b]) => sum + (b - a), 0) / 60_000)
  return { registrationId: attendance.registrationId, name: attendance.name, days, sessions, minutes }
}

/** Overlapping or touching intervals merged, in order. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const out: Interval[] = []
  for (const [a, b] of sorted) {
    const last = out.at(-1)
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

function subtract([a, b]: Interval, [c, d]: Interval): Interval[] {
  if (d <= a || c >= b) return [[a, b]]
  return [...(c > a ? [[a, c] as Interval] : []), ...(d < b ? [[d, b] as Interval] : [])]
}

export async function certificates(
  model: ProgrammeModel,
  people: AttendanceFacts[],
  ctx: DocumentContext & { signedBy: string; today: string },
): Promise<Uint8Array> {
  const { edition } = model
  const L = ctx.labels
  const C = L.certificate
  const pdf = await createPdfBuilder({
    title: people.length === 1 ? `${C.heading} — ${people[0]!.name}` : `${C.heading} — ${edition.title}`,
    subject: edition.title,
    language: L.locale,
    clock: ctx.clock,
    generatedLine: ctx.generatedLine,
    pageNumbers: false,
  })
  if (people.length === 0) {
    pdf.paragraph(L.noCheckIns)
    return pdf.finish()
  }
  people.forEach((person, i) => {
    if (i > 0) pdf.pageBreak()
    pdf.space(40)
    pdf.paragraph(C.heading.toUpperCase(), { style: 'bold', size: 22, align: 'center' })
    pdf.space(14)
    pdf.paragraph(C.intro, { size: 12, align: 'center' })
    pdf.paragraph(person.name, { style: 'bold', size: 24, align: 'center' })
    pdf.paragraph(C.attended(edition.title), { size: 12, align: 'center' })
    pdf.paragraph([ctx.dates.range(edition.dates), edition.venue].filter(Boolean).join(' · '), { size: 10, align: 'center' })
    pdf.space(18)
    pdf.keyValues([
      [C.days, person.days.map((d) => ctx.dates.day(d)).join('\n')],
      [C.hours, C.hoursValue(Math.floor(person.minutes / 60), person.minutes % 60)],
    ])
    pdf.heading(C.sessions, 2)
    pdf.paragraph(C.sessionsNote, { style: 'italic', size: 9 })
    if (person.sessions.length === 0) pdf.paragraph(C.none)
    else
      pdf.table(
        [
          { header: L.when, weight: 2.2 },
          { header: L.title, weight: 4 },
          { header: L.type, weight: 1.4 },
        ],
        person.sessions.map((s) => [`${ctx.dates.date(s.date)}, ${s.start}–${s.end}`, s.title, L.types[s.session!.type]]),
        { size: 9 },
      )
    pdf.space(36)
    pdf.paragraph('______________________________', { align: 'center' })
    pdf.paragraph(`${ctx.signedBy}, ${C.coordinator}`, { style: 'bold', align: 'center' })
    pdf.paragraph(`${C.signed} · ${C.date}: ${ctx.today}`, { size: 9, align: 'center' })
  })
  return pdf.finish()
}
