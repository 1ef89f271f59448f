// A symposium's budget: planned and actual amounts per line, in cents, so sums are exact. Owns
// `symposium_budget_lines`. Coordinators keep the money; teachers may read it.
import type { z } from 'zod'
import { BUDGET_CATEGORIES, INCOME_CATEGORIES, type Budget, type BudgetCategory, type budgetLineInput } from '../../shared/symposia'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError, notFound, stale } from '../errors'
import { isManager, requireActor, requireCoordinator } from '../permissions'
import type { EditionRow } from './editionService'

interface LineRow {
  id: number
  edition_id: number
  category: BudgetCategory
  description: string
  planned_cents: number
  actual_cents: number | null
  version: number
}

export interface BudgetServiceDeps {
  db: Db
  editions: { require(id: number): EditionRow }
}

export type BudgetService = ReturnType<typeof createBudgetService>

const isIncome = (category: BudgetCategory) => INCOME_CATEGORIES.includes(category)
/** What a line comes to as far as we know now: the actual amount once there is one. */
const expected = (line: LineRow) => line.actual_cents ?? line.planned_cents

export function createBudgetService({ db, editions }: BudgetServiceDeps) {
  const selectLines = db.prepare<[number], LineRow>('SELECT * FROM symposium_budget_lines WHERE edition_id = ? ORDER BY id')
  const selectLine = db.prepare<[number], LineRow>('SELECT * FROM symposium_budget_lines WHERE id = ?')
  const countRegistered = db.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM symposium_registrations WHERE edition_id = ? AND status = 'registered'",
  )
  const insertLine = db.prepare(
    `INSERT INTO symposium_budget_lines (edition_id, category, description, planned_cents, actual_cents)
     VALUES (@editionId, @category, @description, @plannedCents, @actualCents)`,
  )
  const updateLine = db.prepare(
    `UPDATE symposium_budget_lines SET category = @category, description = @description, planned_cents = @plannedCents,
       actual_cents = @actualCents, version = version + 1 WHERE id = @id`,
  )
  const deleteStatement = db.prepare('DELETE FROM symposium_budget_lines WHERE id = ?')

  function requireReader(actor: Actor | null): asserts actor is Actor {
    requireActor(actor)
    if (!isManager(actor)) {
      throw new AppError('FORBIDDEN', 'Only coordinators and teachers may do this for a symposium', { reason: 'symposiumStaffOnly' })
    }
  }

  function getLine(id: number): LineRow {
    const row = selectLine.get(id)
    if (!row) throw notFound('budget line', id)
    return row
  }

  function build(editionId: number): Budget {
    const rows = selectLines.all(editionId)
    const order = (c: BudgetCategory) => BUDGET_CATEGORIES.indexOf(c)
    rows.sort((a, b) => order(a.category) - order(b.category) || a.id - b.id)
    const costs = rows.filter((r) => !isIncome(r.category))
    const income = rows.filter((r) => isIncome(r.category))
    const sum = (lines: LineRow[], amount: (l: LineRow) => number) => lines.reduce((total, l) => total + amount(l), 0)
    const plannedCost = sum(costs, (l) => l.planned_cents)
    const expectedCost = sum(costs, expected)
    const attendees = countRegistered.get(editionId)!.n
    return {
      editionId,
      lines: rows.map((r) => ({
        id: r.id,
        category: r.category,
        description: r.description,
        plannedCents: r.planned_cents,
        actualCents: r.actual_cents,
        overPlanned: !isIncome(r.category) && r.actual_cents !== null && r.actual_cents > r.planned_cents,
        version: r.version,
      })),
      totals: {
        plannedCostCents: plannedCost,
        actualCostCents: sum(costs, (l) => l.actual_cents ?? 0),
        plannedIncomeCents: sum(income, (l) => l.planned_cents),
        actualIncomeCents: sum(income, (l) => l.actual_cents ?? 0),
        balanceCents: sum(income, expected) - expectedCost,
      },
      costPerAttendeeCents: attendees === 0 ? null : Math.round(expectedCost / attendees),
      attendees,
      // Overall the warning is about the whole: what the costs come to now against what was planned,
      // so a saving on one line may make up for an overrun on another (each line still shows its own).
      overPlanned: expectedCost > plannedCost,
    }
  }

  function get(input: { editionId: number }, actor: Actor | null): Budget {
    requireReader(actor)
    editions.require(input.editionId)
    return build(input.editionId)
  }

  /** A line without id is new; with an id it needs the version the editor started from. */
  const saveLine = writeTransaction(db, (input: z.output<typeof budgetLineInput>, actor: Actor | null): Budget => {
    requireCoordinator(actor)
    editions.require(input.editionId)
    const values = {
      category: input.category,
      description: input.description,
      plannedCents: input.plannedCents,
      actualCents: input.actualCents,
    }
    if (input.id === undefined) {
      insertLine.run({ editionId: input.editionId, ...values })
      return build(input.editionId)
    }
    const row = getLine(input.id)
    // A line of another edition is as good as missing from this one.
    if (row.edition_id !== input.editionId) throw notFound('budget line', input.id)
    if (input.version === undefined) {
      throw new AppError('VALIDATION', 'Changing a budget line needs the version it was read at', { reason: 'versionRequired' })
    }
    if (row.version !== input.version) throw stale('budget line', row.id, row.version)
    updateLine.run({ id: row.id, ...values })
    return build(input.editionId)
  })

  const deleteLine = writeTransaction(db, (input: { id: number; version: number }, actor: Actor | null): Budget => {
    requireCoordinator(actor)
    const row = getLine(input.id)
    if (row.version !== input.version) throw stale('budget line', row.id, row.version)
    deleteStatement.run(row.id)
    return build(row.edition_id)
  })

  return { get, saveLine, deleteLine }
}
