// Name badges on A4 sheets: eight per page (two columns, four rows of 85 × 64 mm, the size of
// common badge holders' inserts), with dashed cut lines. Everyone registered gets one, sorted by
// name so a volunteer finds them at the door; the waitlist gets none until promoted.
import { rgb } from 'pdf-lib'
import type { AttendeeRole, Edition, Registration } from '../../../shared/symposia'
import { createPdfBuilder } from '../../pdf'
import type { DocumentContext } from './booklet'

export const BADGE_GRID = { columns: 2, rows: 4 } as const

/** One colour per role, so staff can tell students from speakers from guests at a glance. */
const ROLE_COLOURS: Record<AttendeeRole, [number, number, number]> = {
  student: [0.145, 0.388, 0.922],
  teacher: [0.604, 0.29, 0.078],
  freelancer: [0.086, 0.639, 0.29],
  external: [0.341, 0.369, 0.4],
}

export async function nameBadges(edition: Edition, registrations: Registration[], ctx: DocumentContext): Promise<Uint8Array> {
  const L = ctx.labels
  const pdf = await createPdfBuilder({
    title: `${edition.title} — badges`,
    language: L.locale,
    clock: ctx.clock,
    generatedLine: ctx.generatedLine,
  })
  const attendees = registrations.filter((r) => r.status === 'registered').sort((a, b) => a.name.localeCompare(b.name, L.locale))
  if (attendees.length === 0) {
    pdf.paragraph(L.noAttendees)
    return pdf.finish()
  }
  pdf.labelSheet(
    attendees.map((r) => ({
      lines: [
        { text: edition.title, size: 8, colour: rgb(0.341, 0.369, 0.4) },
        { text: ' ', size: 6 },
        { text: r.name, size: 22, minSize: 13, style: 'bold' as const },
        ...(r.organisation ? [{ text: r.organisation, size: 12, minSize: 9 }] : []),
      ],
      band: { colour: rgb(...ROLE_COLOURS[r.role]), text: L.roles[r.role].toUpperCase() },
    })),
    BADGE_GRID,
  )
  return pdf.finish()
}
