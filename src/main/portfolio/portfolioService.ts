// One person's portfolio as the screen, the PDF and the JSON export read it: the facts from other
// modules (portfolioFacts.ts), the person's own goals and reflections with comments
// (portfolioJournal.ts), one chronological timeline mixing every kind, and totals per year.
import { toLocal } from '../../shared/calendarTime'
import type { Portfolio, TimelineEntry, YearTotals } from '../../shared/portfolio'
import type { Role } from '../../shared/people'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { Actor } from '../dispatcher'
import { notFound } from '../errors'
import { requireActor } from '../permissions'
import { createPortfolioAccess, type PortfolioAccess } from './portfolioAccess'
import { createPortfolioFacts } from './portfolioFacts'
import { createPortfolioJournal } from './portfolioJournal'

export function createPortfolioService(db: Db, clock: Clock, timeZone: () => string) {
  const access: PortfolioAccess = createPortfolioAccess(db)
  const facts = createPortfolioFacts(db)
  const journal = createPortfolioJournal(db, clock, access)
  const selectPerson = db.prepare<
    [number],
    { id: number; name: string; role: Role; trade: string | null; organisation: string | null; active: number; email: string | null }
  >('SELECT id, name, role, trade, organisation, active, email FROM people WHERE id = ?')

  function requirePerson(personId: number) {
    const person = selectPerson.get(personId)
    if (!person) throw notFound('person', personId)
    return person
  }

  function get(personId: number | undefined, actor: Actor | null): Portfolio {
    requireActor(actor)
    const id = personId ?? actor.id
    const person = requirePerson(id)
    access.requireRead(id, actor)
    const zone = timeZone()
    const localDate = (ms: number) => toLocal(ms, zone).date
    const read = facts.read(id, zone, clock().getTime())
    const { goals, reflections } = journal.journalOf(id)

    const timeline: TimelineEntry[] = []
    const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'kind' | 'date' | 'title'>) =>
      timeline.push({ detail: null, count: null, minutes: null, refId: null, ...e })

    // Machine time as one entry per machine and month: a year of weekly sessions stays readable.
    const names = new Map(read.machineHours.map((m) => [m.equipmentId, m.name]))
    const months = new Map<string, { equipmentId: number; date: string; count: number; minutes: number }>()
    for (const s of read.machineSessions) {
      const date = localDate(s.startsAt)
      const key = `${date.slice(0, 7)}:${s.equipmentId}`
      const month = months.get(key)
      if (month) {
        month.count += 1
        month.minutes += s.minutes
        if (date > month.date) month.date = date
      } else months.set(key, { equipmentId: s.equipmentId, date, count: 1, minutes: s.minutes })
    }
    for (const m of months.values()) {
      entry({
        kind: 'machine',
        date: m.date,
        title: names.get(m.equipmentId) ?? '',
        count: m.count,
        minutes: m.minutes,
        refId: m.equipmentId,
      })
    }
    for (const p of read.permits) {
      entry({ kind: 'permit', date: localDate(Date.parse(p.grantedAt)), title: p.machine ?? p.kind ?? '', detail: p.level, refId: p.id })
    }
    for (const t of read.trainings) entry({ kind: 'training', date: t.date, title: t.machine, minutes: t.minutes, refId: t.bookingId })
    for (const x of read.experiments) entry({ kind: 'experiment', date: x.date, title: x.title, detail: x.role, refId: x.id })
    for (const n of read.notes) entry({ kind: 'note', date: n.date, title: n.title, detail: n.relation, refId: n.id })
    for (const t of read.talks)
      entry({ kind: 'talk', date: t.date, title: t.title, detail: t.type, minutes: t.minutes, refId: t.sessionId })
    for (const s of read.symposia) {
      entry({ kind: 'symposium', date: s.days[0] ?? '', title: s.edition, minutes: s.minutes, count: s.sessions, refId: s.editionId })
    }
    for (const { row, goal } of goals) {
      // An achieved or dropped goal sits on the day that happened; an open one on the day it was set.
      const at = goal.status === 'open' ? goal.createdAt : row.status_at
      entry({ kind: 'goal', date: localDate(Date.parse(at)), title: goal.title, detail: goal.status, refId: goal.id })
    }
    for (const r of reflections) {
      entry({ kind: 'reflection', date: localDate(Date.parse(r.createdAt)), title: firstLine(r.body), refId: r.id })
    }
    timeline.sort((a, b) => compare(b.date, a.date) || TIMELINE_ORDER.indexOf(a.kind) - TIMELINE_ORDER.indexOf(b.kind))

    return {
      person: {
        id: person.id,
        name: person.name,
        role: person.role,
        trade: person.trade,
        organisation: person.organisation,
        active: person.active === 1,
      },
      access: { own: actor.id === id, canComment: access.canComment(id, actor) },
      coaches: journal.coachesOf(id),
      coaching: actor.id === id ? journal.coachingOf(id) : [],
      machineHours: read.machineHours,
      permits: read.permits,
      trainings: read.trainings,
      experiments: read.experiments,
      notes: read.notes,
      talks: read.talks,
      symposia: read.symposia,
      goals: goals.map((g) => g.goal),
      reflections,
      timeline,
      years: yearTotals(timeline),
    }
  }

  return { get, journal, access, requirePerson }
}

export type PortfolioService = ReturnType<typeof createPortfolioService>

const TIMELINE_ORDER = ['goal', 'reflection', 'symposium', 'talk', 'training', 'permit', 'experiment', 'note', 'machine'] as const

/** Totals per calendar year (in the centre's zone), newest year first, from the timeline's entries. */
export function yearTotals(timeline: TimelineEntry[]): YearTotals[] {
  const years = new Map<number, YearTotals>()
  for (const e of timeline) {
    const year = Number(e.date.slice(0, 4))
    if (!year) continue
    let t = years.get(year)
    if (!t) {
      t = {
        year,
        machineMinutes: 0,
        machineSessions: 0,
        trainings: 0,
        permits: 0,
        experiments: 0,
        notesWritten: 0,
        notesReviewed: 0,
        talks: 0,
        symposiumMinutes: 0,
        goalsAchieved: 0,
        reflections: 0,
      }
      years.set(year, t)
    }
    switch (e.kind) {
      case 'machine':
        t.machineMinutes += e.minutes ?? 0
        t.machineSessions += e.count ?? 0
        break
      case 'training':
        t.trainings += 1
        break
      case 'permit':
        t.permits += 1
        break
      case 'experiment':
        t.experiments += 1
        break
      case 'note':
        if (e.detail === 'reviewed') t.notesReviewed += 1
        else t.notesWritten += 1
        break
      case 'talk':
        t.talks += 1
        break
      case 'symposium':
        t.symposiumMinutes += e.minutes ?? 0
        break
      case 'goal':
        if (e.detail === 'achieved') t.goalsAchieved += 1
        break
      case 'reflection':
        t.reflections += 1
        break
    }
  }
  return [...years.values()].sort((a, b) => b.year - a.year)
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim()
  return line.length > 120 ? `${line.slice(0, 119)}…` : line
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
