// What ties the centre together (issue 6): a person's learning portfolio, a one-year usage report
// and the dashboard, each one dispatcher call over everything the modules before made. The history
// they read is already there (ten years of bookings with check-ins, experiments, notes, symposia);
// this module adds goals, reflections and a coach's comments for the most active people, through
// the dispatcher as they would write them.
//
// Floors: these calls run many statements each (a dozen for a portfolio), so the floor replays the
// exact statements and parameters the dispatcher call ran (lib/replayFloor.ts) instead of keeping a
// copy of them by hand; the ratio is then the core's own work over SQLite's.
import { addDays, spanOf } from '../lib/calendar'
import { paragraph } from '../lib/prose'
import { replayFloor } from '../lib/replayFloor'
import type { BenchModule, Centre, Invocation, Operation } from '../lib/types'
import { peopleState, type PersonModel } from './people'

/** The people whose portfolios are opened: the most active half (they have the most to show) and a few others. */
function portfolioSubjects(centre: Centre): PersonModel[] {
  const people = peopleState.get(centre).all.filter((p) => p.role !== 'coordinator')
  const byActivity = [...people].sort((a, b) => b.activity - a.activity)
  return byActivity.slice(0, Math.max(20, Math.round(people.length / 50)))
}

async function generate(centre: Centre): Promise<void> {
  const started = performance.now()
  const { coordinator } = peopleState.get(centre)
  const random = centre.random('learning.portfolio')
  let goals = 0
  let reflections = 0
  for (const person of portfolioSubjects(centre).filter((p) => p.leftAt === null)) {
    for (let g = 0; g < 3; g++) {
      const goal = await centre.call(person.id, 'portfolio.goalCreate', {
        title: paragraph(random, 4).slice(0, 80),
        description: paragraph(random, 30),
        targetDate: addDays(spanOf(centre.scale).today, random.int(30, 400)),
      })
      goals++
      for (let r = 0; r < 2; r++) {
        const reflection = await centre.call(person.id, 'portfolio.reflectionCreate', { body: paragraph(random, 60), goalId: goal.id })
        reflections++
        if (random.chance(0.5)) {
          await centre.call(coordinator.id, 'portfolio.comment', {
            target: 'reflection',
            targetId: reflection.id,
            body: paragraph(random, 20),
          })
        }
      }
    }
  }
  centre.figures.portfolio_goals = goals
  centre.figures.portfolio_reflections = reflections
  centre.figures.generate_learning_s = Math.round((performance.now() - started) / 100) / 10
}

/** One year of history, starting on the first of a month, wholly in the past. */
function yearPeriods(centre: Centre): { from: string; to: string }[] {
  const { firstDate, today } = spanOf(centre.scale)
  const periods: { from: string; to: string }[] = []
  let [year, month] = firstDate.split('-').map(Number) as [number, number]
  for (;;) {
    month++
    if (month > 12) [year, month] = [year + 1, 1]
    const from = `${year}-${String(month).padStart(2, '0')}-01`
    const to = addDays(`${year + 1}-${String(month).padStart(2, '0')}-01`, -1)
    if (to >= today) break
    periods.push({ from, to })
  }
  // At a tenth the history is one year long: its last twelve full months, then.
  if (periods.length === 0) periods.push({ from: addDays(today, -365), to: addDays(today, -1) })
  return periods
}

function operations(centre: Centre): Operation[] {
  const { coordinator, all } = peopleState.get(centre)
  const subjects = portfolioSubjects(centre)
  const periods = yearPeriods(centre)
  const members = all.filter((p) => p.leftAt === null && p.role !== 'coordinator')
  const random = centre.random('learning.operations')

  const portfolio = (): Invocation => ({
    method: 'portfolio.get',
    input: { personId: random.pick(subjects).id },
    actorId: coordinator.id,
    expect: 'ok',
  })
  const report = (): Invocation => ({
    method: 'reports.usage',
    input: { period: { kind: 'range', ...random.pick(periods) } },
    actorId: coordinator.id,
    expect: 'ok',
  })
  // A coordinator sees the whole centre's waiting requests and expiring permits; a member their own.
  const dashboard = (): Invocation => ({
    method: 'dashboard.today',
    input: {},
    actorId: random.chance(0.5) ? coordinator.id : random.pick(members).id,
    expect: 'ok',
  })

  const timed = (name: string, title: string, iterations: number, next: () => Invocation, below: number, http = false): Operation => {
    const replay = replayFloor(centre, next)
    return {
      name,
      title,
      iterations,
      target: { metric: 'p95_ms', below, source: 'issue 6' },
      next,
      floor: replay.floor,
      get floorSql() {
        return replay.floorSql
      },
      http,
    }
  }
  return [
    timed('portfolio.get', 'a portfolio (the most active people: hours, permits, experiments, talks, goals)', 200, portfolio, 100, true),
    timed('reports.usage year', 'usage report over one year (every table)', 40, report, 300),
    timed('dashboard.today', 'the dashboard (coordinator or member)', 300, dashboard, 100),
  ]
}

export const learningModule: BenchModule = { name: 'learning', generate, operations }
