// The shapes every bench module shares. A module (people, equipment, bookings; later experiments,
// notes, symposia, portfolio, reports) adds its part of the centre in `generate` and names the
// operations it wants timed in `operations`; the harness in run.ts does the rest.
import type { Browser } from '@playwright/test'
import type { Db } from '../../src/main/db/database'
import type { WerkbankCore } from '../../src/main/bootstrap'
import type { Method, MethodInput, MethodOutput } from '../../src/shared/contract'
import type { ErrorCode } from '../../src/shared/result'
import type { BenchClock } from './clock'
import type { Random } from './random'

/** One size of the centre. The full centre is ten busy years; a tenth is one year at the same density. */
export interface Scale {
  /** Short name used in result names, e.g. "500k" (bookings). */
  label: string
  /** Fraction of the full centre: 1 or 0.1. */
  factor: number
  years: number
  machines: number
  people: number
  bookings: number
}

export const FULL = { years: 10, machines: 20, people: 5_000, bookings: 500_000 } as const

export function scaleOf(factor: number): Scale {
  const bookings = Math.round(FULL.bookings * factor)
  return {
    label: bookings >= 1000 ? `${Math.round(bookings / 1000)}k` : String(bookings),
    factor,
    years: FULL.years * factor,
    machines: FULL.machines,
    people: Math.round(FULL.people * factor),
    bookings,
  }
}

export interface Centre {
  scale: Scale
  quick: boolean
  dataDir: string
  core: WerkbankCore
  clock: BenchClock
  /** A second, direct better-sqlite3 connection to the same file with the core's pragmas: the floor. */
  floorDb: Db
  /** A random stream of its own per label, fixed by the bench seed. */
  random(label: string): Random
  /** Through the dispatcher as `actorId`; any refusal is a generator bug and throws. */
  call<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Dataset figures for results.json: rows made, seconds taken, per module. */
  figures: Record<string, number | string>
  /** What a module generated and later modules (or its own operations) need, by key; see `moduleState`. */
  state: Map<string, unknown>
}

/** Typed access to one module's entry in `Centre.state`. */
export function moduleState<T>(key: string) {
  return {
    set(centre: Centre, value: T): void {
      centre.state.set(key, value)
    },
    get(centre: Centre): T {
      if (!centre.state.has(key)) throw new Error(`Bench module state "${key}" is missing: is its module listed before this one?`)
      return centre.state.get(key) as T
    },
  }
}

/** One call through the dispatcher (or HTTP) and what it must return for the sample to count. */
export interface Invocation {
  method: Method
  input: unknown
  actorId: number | null
  /** 'ok', or the refusal the operation provokes on purpose. */
  expect: 'ok' | { code: ErrorCode; reason?: string }
}

export interface Target {
  /** Which figure the target is about. */
  metric: 'p95_ms' | 'p50_ms'
  /** Must stay below this. */
  below: number
  /** Where the target comes from, e.g. "issue 3". */
  source: string
}

export interface Operation {
  /** Stable name in results.json, e.g. "bookings.create". */
  name: string
  /** What it is, for the table. */
  title: string
  /** Timed calls per path in a full run (a quick run does fewer). */
  iterations: number
  /** One target, or several on different figures (a median and a p95). */
  target?: Target | readonly Target[]
  /** The next call: inputs differ per iteration (machines, weeks, slots) so caches do not flatter. */
  next(): Invocation
  /**
   * Prepares one iteration of the floor (the same SQL run directly on better-sqlite3, statements
   * prepared once) and returns the part that is timed.
   */
  floor(): () => unknown
  /** The SQL texts the floor runs; each must also be among the statements the dispatcher call runs. */
  floorSql: readonly string[]
  /** Also time it through the HTTP transport. */
  http?: boolean
  /** Runs the same input both ways once and says what differs (null: the floor does the same work). */
  verify?(): Promise<string | null>
}

/** An operation's targets as a list. */
export function targetsOf(operation: Operation): readonly Target[] {
  const target = operation.target
  return target === undefined ? [] : Array.isArray(target) ? target : [target as Target]
}

/** What a module's Chromium measurement gets: the browser-mode server on the largest centre and a Chromium to drive. */
export interface BrowserEnv {
  browser: Browser
  /** The browser-mode server (out/main/web.js), e.g. http://127.0.0.1:41234 */
  url: string
  token: string
  /** Fresh contexts to use (fewer in a quick run). */
  runs: number
  progress(text: string): void
}

/** One figure measured in Chromium, over its samples in milliseconds. */
export interface BrowserFigure {
  /** Name in results.json (the size is added), e.g. "browser door list keystroke". */
  name: string
  title: string
  samples: number[]
  target?: Target
  /** Said after the figures when printed. */
  note?: string
}

export interface BenchModule {
  name: string
  /** Adds this module's part of the centre; modules run in list order and may use what earlier ones made. */
  generate(centre: Centre): Promise<void>
  /** Runs after every module has generated, in list order (e.g. people leave once their permits exist). */
  settle?(centre: Centre): Promise<void>
  /** The operations to time, once the whole centre exists. */
  operations(centre: Centre): Operation[]
  /** Measurements in Chromium on the largest centre (skipped with --no-browser or without a Chromium). */
  browser?(centre: Centre, env: BrowserEnv): Promise<BrowserFigure[]>
}
