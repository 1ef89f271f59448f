// Timing one operation: a traced call (which statements, does the floor match), warm-up, then
// rounds that alternate the paths (dispatcher, floor, HTTP) and the sizes of the centre, so a
// noisy moment on the machine hits all of them alike. Only the call itself is timed
// (process.hrtime.bigint); choosing inputs is not.
import type { ApiResult } from '../../src/shared/result'
import type { WerkbankCore } from '../../src/main/bootstrap'
import { missingFromTrace, traceStatements, type TracedStatement } from './sqlTrace'
import type { Invocation, Operation } from './types'

export interface Stats {
  n: number
  p50: number
  p95: number
  mean: number
  min: number
  max: number
}

export type PathName = 'dispatcher' | 'floor' | 'http'

export interface OperationFigures {
  operation: Operation
  paths: Partial<Record<PathName, Stats>>
  /** Statements the dispatcher call ran, from one traced call. */
  statements: TracedStatement[]
  /** Floor SQL that the traced call did not run: the floor no longer matches the core. */
  floorDrift: string[]
  /** What verify() found different between the core's and the floor's answer. */
  verifyProblem: string | null
  /** Calls that did not return what the operation expects (the sample still counts its time). */
  failures: { path: PathName; count: number; first: string }[]
}

export type Transport = (invocation: Invocation) => Promise<ApiResult<unknown>>

const ROUND = 50

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sum / sorted.length,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  }
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

/** null when the result is what the invocation expects, else a short description. */
export function unexpected(result: ApiResult<unknown>, expect: Invocation['expect']): string | null {
  if (expect === 'ok') return result.ok ? null : `${result.error.code} ${result.error.details.reason ?? ''}: ${result.error.message}`
  if (result.ok) return `succeeded, expected ${expect.code}`
  if (result.error.code !== expect.code || (expect.reason && result.error.details.reason !== expect.reason)) {
    return `${result.error.code} ${result.error.details.reason ?? ''} instead of ${expect.code} ${expect.reason ?? ''}: ${result.error.message}`
  }
  return null
}

export function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/** One operation on one centre: what the harness measures it against. */
export interface Subject {
  operation: Operation
  core: WerkbankCore
  /** The HTTP transport to the centre's server process, when the operation wants HTTP. */
  http: Transport | null
}

/** One subject's running measurement. */
class Measurement {
  readonly samples: Record<PathName, number[]> = { dispatcher: [], floor: [], http: [] }
  private readonly failures = new Map<PathName, { count: number; first: string }>()
  private readonly dispatch: Transport
  readonly http: Transport | null
  statements: TracedStatement[] = []
  floorDrift: string[] = []
  verifyProblem: string | null = null

  constructor(readonly subject: Subject) {
    const { core } = subject
    this.dispatch = (inv) => core.call(inv.method, { input: inv.input, actorId: inv.actorId })
    this.http = subject.operation.http ? subject.http : null
  }

  private fail(path: PathName, message: string) {
    const seen = this.failures.get(path)
    if (seen) seen.count++
    else this.failures.set(path, { count: 1, first: message })
  }

  /** One traced call: which statements, and does the floor run the core's SQL? Then verify(). */
  async inspect() {
    const { operation, core } = this.subject
    const traced = operation.next()
    const { result, statements } = await traceStatements(core.db, () => this.dispatch(traced))
    const problem = unexpected(result, traced.expect)
    if (problem) this.fail('dispatcher', problem)
    this.statements = statements
    this.floorDrift = missingFromTrace(operation.floorSql, statements)
    this.verifyProblem = operation.verify ? await operation.verify() : null
  }

  private async viaTransport(path: PathName, transport: Transport, keep: boolean) {
    const invocation = this.subject.operation.next()
    const start = process.hrtime.bigint()
    const response = await transport(invocation)
    const ms = elapsedMs(start)
    const problem = unexpected(response, invocation.expect)
    if (problem) this.fail(path, problem)
    if (keep) this.samples[path].push(ms)
  }

  private viaFloor(keep: boolean) {
    const timed = this.subject.operation.floor()
    const start = process.hrtime.bigint()
    try {
      timed()
    } catch (error) {
      this.fail('floor', error instanceof Error ? error.message : String(error))
    }
    const ms = elapsedMs(start)
    if (keep) this.samples.floor.push(ms)
  }

  /** `size` calls of every path, one path after the other. */
  async round(size: number, keep: boolean) {
    for (let i = 0; i < size; i++) await this.viaTransport('dispatcher', this.dispatch, keep)
    for (let i = 0; i < size; i++) this.viaFloor(keep)
    if (this.http) for (let i = 0; i < size; i++) await this.viaTransport('http', this.http, keep)
  }

  figures(): OperationFigures {
    const paths: OperationFigures['paths'] = { dispatcher: statsOf(this.samples.dispatcher), floor: statsOf(this.samples.floor) }
    if (this.http) paths.http = statsOf(this.samples.http)
    return {
      operation: this.subject.operation,
      paths,
      statements: this.statements,
      floorDrift: this.floorDrift,
      verifyProblem: this.verifyProblem,
      failures: [...this.failures].map(([path, f]) => ({ path, ...f })),
    }
  }
}

/**
 * Times one operation on one or more centres (the same operation at each size). Rounds of every
 * path of every centre alternate, so a busy moment on a shared machine falls on all of them alike
 * and the growth from one size to the next is not an artefact of when each was measured.
 */
export async function measureOperation(subjects: Subject[], iterations: number): Promise<OperationFigures[]> {
  const measurements = subjects.map((s) => new Measurement(s))
  for (const m of measurements) await m.inspect()
  const warmup = Math.min(100, Math.max(10, Math.round(iterations / 10)))
  for (const m of measurements) await m.round(warmup, false)
  collectGarbage()
  for (let done = 0; done < iterations; done += ROUND) {
    const size = Math.min(ROUND, iterations - done)
    for (const m of measurements) await m.round(size, true)
  }
  return measurements.map((m) => m.figures())
}
