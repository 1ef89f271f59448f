// The portfolio as a printable A4 document for an assessment committee (master title, accreditation
// of prior learning): the centre, the person and the period on top, totals per year, then one table
// per section, page numbers in every footer. Built with the shared PDF builder (src/main/pdf).
import type { Portfolio } from '../../shared/portfolio'
import type { Clock } from '../clock'
import { createPdfBuilder } from '../pdf'
import type { PortfolioLabels } from './portfolioLabels'

export interface PortfolioDocumentContext {
  labels: PortfolioLabels
  centreName: string
  clock: Clock
  /** Local date '2026-04-16' → '16 april 2026'. */
  date: (localDate: string) => string
  /** ISO instant → local date in the centre's zone, formatted. */
  instant: (iso: string) => string
  generatedAt: string
}

export async function portfolioPdf(p: Portfolio, ctx: PortfolioDocumentContext): Promise<Uint8Array> {
  const L = ctx.labels
  const pdf = await createPdfBuilder({
    title: `${L.title} — ${p.person.name}`,
    subject: L.subtitle(ctx.centreName),
    language: L.locale,
    clock: ctx.clock,
    generatedLine: L.generated(ctx.centreName, ctx.generatedAt),
    pageNumbers: true,
  })
  const hours = L.hours
  const dates = p.timeline.map((e) => e.date).filter(Boolean)
  const period = dates.length ? `${ctx.date(dates.at(-1)!)} – ${ctx.date(dates[0]!)}` : L.none

  pdf.paragraph(ctx.centreName.toUpperCase(), { style: 'bold', size: 9 })
  pdf.title(`${L.title}: ${p.person.name}`, [L.subtitle(ctx.centreName)])
  pdf.keyValues(
    [
      [L.person, p.person.name],
      [L.role, L.roles[p.person.role]],
      [L.trade, p.person.trade ?? ''],
      [L.organisation, p.person.organisation ?? ''],
      [L.period, period],
      [L.coaches, p.coaches.map((c) => c.name).join(', ')],
    ].filter(([, v]) => v !== '') as [string, string][],
  )

  // Years as columns and the measures as rows: the labels keep their room however many years there
  // are, and a committee reads a year down one column. Six years per table, newest first.
  pdf.heading(L.sections.totals, 2)
  if (p.years.length === 0) pdf.paragraph(L.none)
  for (let i = 0; i < p.years.length; i += 6) {
    const years = p.years.slice(i, i + 6)
    const row = (label: string, value: (y: (typeof years)[number]) => string) => [label, ...years.map(value)]
    pdf.table(
      [{ header: '', weight: 3 }, ...years.map((y) => ({ header: String(y.year), weight: 1.3, align: 'right' as const }))],
      [
        row(L.totals.machineHours, (y) => hours(y.machineMinutes)),
        row(L.totals.sessions, (y) => String(y.machineSessions)),
        row(L.totals.trainings, (y) => String(y.trainings)),
        row(L.totals.experiments, (y) => String(y.experiments)),
        row(L.totals.notes, (y) => `${y.notesWritten}/${y.notesReviewed}`),
        row(L.totals.talks, (y) => String(y.talks)),
        row(L.totals.symposiumHours, (y) => hours(y.symposiumMinutes)),
        row(L.totals.goalsAchieved, (y) => String(y.goalsAchieved)),
        row(L.totals.reflections, (y) => String(y.reflections)),
      ],
      { size: 9 },
    )
  }

  section(L.sections.machineHours, p.machineHours.length, () => {
    pdf.paragraph(L.machineHoursNote, { style: 'italic', size: 9 })
    pdf.table(
      [
        { header: L.col.machine, weight: 3 },
        { header: L.col.sessions, weight: 1, align: 'right' },
        { header: L.col.actualHours, weight: 1.5, align: 'right' },
        { header: L.col.bookedHours, weight: 1.5, align: 'right' },
      ],
      [
        ...p.machineHours.map((m) => [`${m.name} (${L.kinds[m.kind]})`, String(m.sessions), hours(m.minutes), hours(m.bookedMinutes)]),
        [
          L.total,
          String(p.machineHours.reduce((s, m) => s + m.sessions, 0)),
          hours(p.machineHours.reduce((s, m) => s + m.minutes, 0)),
          hours(p.machineHours.reduce((s, m) => s + m.bookedMinutes, 0)),
        ],
      ],
      { size: 9 },
    )
  })

  section(L.sections.permits, p.permits.length, () =>
    pdf.table(
      [
        { header: L.col.machine, weight: 2.4 },
        { header: L.col.level, weight: 1.5 },
        { header: L.col.granted, weight: 2.2 },
        { header: L.col.validUntil, weight: 1.4 },
        { header: L.col.state, weight: 1.6 },
      ],
      p.permits.map((x) => [
        x.machine ?? (x.kind ? L.kinds[x.kind] : ''),
        L.levels[x.level],
        [ctx.instant(x.grantedAt), x.grantedBy, x.trainingOn ? L.fromTraining(ctx.date(x.trainingOn)) : null].filter(Boolean).join('\n'),
        x.validUntil ? ctx.date(x.validUntil) : '—',
        x.revokedAt ? `${L.states.revoked} ${ctx.instant(x.revokedAt)}${x.revokeReason ? `\n${x.revokeReason}` : ''}` : L.states[x.state],
      ]),
      { size: 9 },
    ),
  )

  section(L.sections.trainings, p.trainings.length, () =>
    pdf.table(
      [
        { header: L.col.date, weight: 1.6 },
        { header: L.col.machine, weight: 2.4 },
        { header: L.col.instructor, weight: 2 },
        { header: L.col.actualHours, weight: 1.3, align: 'right' },
      ],
      p.trainings.map((t) => [ctx.date(t.date), t.machine, t.instructor ?? '', hours(t.minutes)]),
      { size: 9 },
    ),
  )

  section(L.sections.experiments, p.experiments.length, () =>
    pdf.table(
      [
        { header: L.col.date, weight: 1.5 },
        { header: L.col.title, weight: 4 },
        { header: L.col.role, weight: 1.4 },
        { header: L.col.outcome, weight: 1.4 },
      ],
      p.experiments.map((x) => [
        ctx.date(x.date),
        x.title,
        x.role === 'author' ? L.experimentRoles.author : x.role,
        x.outcome ? L.outcomes[x.outcome] : '',
      ]),
      { size: 9 },
    ),
  )

  section(L.sections.notes, p.notes.length, () =>
    pdf.table(
      [
        { header: L.col.date, weight: 1.5 },
        { header: L.col.title, weight: 4.5 },
        { header: L.col.relation, weight: 1.5 },
      ],
      p.notes.map((n) => [ctx.date(n.date), n.title, L.relations[n.relation]]),
      { size: 9 },
    ),
  )

  section(L.sections.talks, p.talks.length, () =>
    pdf.table(
      [
        { header: L.col.date, weight: 1.5 },
        { header: L.col.title, weight: 3.5 },
        { header: L.col.type, weight: 1.3 },
        { header: L.col.edition, weight: 2.5 },
        { header: L.col.actualHours, weight: 1.3, align: 'right' },
      ],
      p.talks.map((t) => [ctx.date(t.date), t.title, L.sessionTypes[t.type], t.edition, hours(t.minutes)]),
      { size: 9 },
    ),
  )

  section(L.sections.symposia, p.symposia.length, () => {
    pdf.paragraph(L.symposiaNote, { style: 'italic', size: 9 })
    pdf.table(
      [
        { header: L.col.edition, weight: 3 },
        { header: L.col.days, weight: 3 },
        { header: L.col.sessions, weight: 1, align: 'right' },
        { header: L.col.actualHours, weight: 1.4, align: 'right' },
      ],
      p.symposia.map((s) => [s.edition, s.days.map(ctx.date).join('\n'), String(s.sessions), hours(s.minutes)]),
      { size: 9 },
    )
  })

  section(L.sections.goals, p.goals.length, () => {
    for (const g of p.goals) {
      pdf.heading(g.title, 3)
      pdf.keyValues([
        [L.col.status, L.goalStatuses[g.status]],
        [L.col.target, g.targetDate ? ctx.date(g.targetDate) : '—'],
      ])
      if (g.description) pdf.paragraph(g.description)
      comments(g.comments)
    }
  })

  section(L.sections.reflections, p.reflections.length, () => {
    for (const r of p.reflections) {
      const goal = r.goalId === null ? null : p.goals.find((g) => g.id === r.goalId)
      pdf.heading([ctx.instant(r.createdAt), goal?.title].filter(Boolean).join(' · '), 3)
      pdf.paragraph(r.body)
      comments(r.comments)
    }
  })

  return pdf.finish()

  function section(heading: string, count: number, body: () => void) {
    pdf.heading(heading, 2)
    if (count === 0) pdf.paragraph(L.none, { style: 'italic' })
    else body()
  }

  function comments(list: Portfolio['goals'][number]['comments']) {
    if (list.length === 0) return
    pdf.paragraph(L.col.comments, { style: 'bold', size: 9 })
    for (const c of list) {
      pdf.paragraph(`${c.body}\n— ${L.commentBy(c.author.name, ctx.instant(c.createdAt))}`, { size: 9, indent: 14 })
    }
  }
}
