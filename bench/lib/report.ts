// What a run prints and writes: the dataset figures, one row per operation and path, the targets
// with a mark where missed, and how each figure grows from a tenth of the centre to the whole.
import type { OperationFigures, PathName } from './measure'
import { targetsOf, type Target } from './types'

/** One row of results.json, exactly the fields the issue asks for. */
export interface ResultRow {
  name: string
  n: number
  p50_ms: number
  p95_ms: number
  /** null for figures without a floor (the browser's). */
  floor_p50_ms: number | null
  ratio: number | null
}

export interface ScaleFigures {
  label: string
  operations: OperationFigures[]
  dataset: Record<string, number | string>
}

export interface TargetCheck {
  name: string
  metric: Target['metric']
  below_ms: number
  value_ms: number
  met: boolean
  source: string
}

export interface GrowthRow {
  operation: string
  path: PathName
  from: string
  to: string
  p50_from_ms: number
  p50_to_ms: number
  factor: number
}

const ms = (x: number) => Math.round(x * 1000) / 1000
const ratioOf = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0)

export const resultName = (operation: string, path: PathName, scale: string) =>
  `${operation}${path === 'http' ? ' via http' : ''} @${scale}`

export function resultRows(scales: ScaleFigures[]): ResultRow[] {
  const rows: ResultRow[] = []
  for (const scale of scales) {
    for (const f of scale.operations) {
      const floor = f.paths.floor!
      for (const path of ['dispatcher', 'http'] as const) {
        const stats = f.paths[path]
        if (!stats) continue
        rows.push({
          name: resultName(f.operation.name, path, scale.label),
          n: stats.n,
          p50_ms: ms(stats.p50),
          p95_ms: ms(stats.p95),
          floor_p50_ms: ms(floor.p50),
          ratio: ratioOf(stats.p50, floor.p50),
        })
      }
    }
  }
  return rows
}

/** Targets are about the dispatcher path; each scale's figure is checked, the full centre's is the one that counts. */
export function targetChecks(scales: ScaleFigures[]): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const scale of scales) {
    for (const f of scale.operations) {
      const stats = f.paths.dispatcher
      if (!stats) continue
      for (const target of targetsOf(f.operation)) {
        const value = target.metric === 'p95_ms' ? stats.p95 : stats.p50
        checks.push({
          name: resultName(f.operation.name, 'dispatcher', scale.label),
          metric: target.metric,
          below_ms: target.below,
          value_ms: ms(value),
          met: value < target.below,
          source: target.source,
        })
      }
    }
  }
  return checks
}

export function growthRows(scales: ScaleFigures[]): GrowthRow[] {
  if (scales.length < 2) return []
  const [small, large] = [scales[0]!, scales.at(-1)!]
  const rows: GrowthRow[] = []
  for (const f of large.operations) {
    const before = small.operations.find((g) => g.operation.name === f.operation.name)
    if (!before) continue
    for (const path of ['dispatcher', 'floor'] as const) {
      const a = before.paths[path]
      const b = f.paths[path]
      if (!a || !b) continue
      rows.push({
        operation: f.operation.name,
        path,
        from: small.label,
        to: large.label,
        p50_from_ms: ms(a.p50),
        p50_to_ms: ms(b.p50),
        factor: ratioOf(b.p50, a.p50),
      })
    }
  }
  return rows
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][], alignLeft = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const fixed = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '-')
const thousands = (x: number | string | undefined) => (typeof x === 'number' ? x.toLocaleString('en-US') : (x ?? '-'))

export function resultsTable(scales: ScaleFigures[]): string {
  const rows: string[][] = []
  for (const scale of scales) {
    for (const f of scale.operations) {
      const floor = f.paths.floor!
      for (const path of ['dispatcher', 'http'] as const) {
        const s = f.paths[path]
        if (!s) continue
        const targets = path === 'dispatcher' ? targetsOf(f.operation) : []
        const mark = targets
          .map((target) => {
            const value = target.metric === 'p95_ms' ? s.p95 : s.p50
            return `${target.metric === 'p95_ms' ? 'p95' : 'p50'} < ${target.below} ms ${value < target.below ? 'ok' : 'MISSED'}`
          })
          .join(', ')
        const problems = f.failures.filter((x) => x.path === path).reduce((n, x) => n + x.count, 0)
        rows.push([
          path === 'dispatcher' ? f.operation.title : '  ... via HTTP (loopback)',
          scale.label,
          path,
          String(s.n),
          fixed(s.p50),
          fixed(s.p95),
          fixed(floor.p50),
          `${fixed(s.p50 / floor.p50, 1)}x`,
          path === 'dispatcher' ? String(f.statements.length) : '',
          mark + (problems ? ` (${problems} failed)` : ''),
        ])
      }
    }
  }
  return table(['operation', 'data', 'path', 'n', 'p50 ms', 'p95 ms', 'floor p50', 'ratio', 'stmts', 'target'], rows)
}

export function datasetTable(scales: ScaleFigures[], keys: [string, string][]): string {
  const rows = keys
    .filter(([key]) => scales.some((s) => s.dataset[key] !== undefined))
    .map(([key, label]) => [label, ...scales.map((s) => String(thousands(s.dataset[key])))])
  return table(['dataset', ...scales.map((s) => s.label)], rows)
}

export function growthTable(rows: GrowthRow[]): string {
  const [from, to] = [rows[0]?.from ?? '', rows[0]?.to ?? '']
  return table(
    ['growth with ten times the data', 'path', `p50 @${from}`, `p50 @${to}`, 'factor'],
    rows.map((r) => [r.operation, r.path, fixed(r.p50_from_ms), fixed(r.p50_to_ms), `${fixed(r.factor, 2)}x`]),
    2,
  )
}
