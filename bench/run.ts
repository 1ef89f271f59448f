// `npm run bench`: builds the bench centre (ten busy years, and the same at a tenth for growth) in
// temp data folders, times each module's operations through the dispatcher, on better-sqlite3
// directly (the floor) and through the HTTP transport, prints the tables and writes
// bench/results.json. `--quick` builds only the tenth, with fewer iterations (well under two minutes).
//   --quick        one small centre (50,000 bookings), 40% of the iterations
//   --keep         keep the generated data folders (their paths are printed)
//   --data DIR     where the temp data folders go (default: the system's temp folder)
//   --out FILE     where the JSON goes (default: bench/results.json, with --quick bench/results-quick.json)
//   --verbose      also print the SQL statements each operation's dispatcher call runs
//   --no-browser   skip the Chromium measurements (first load, week view)
//   --only NAMES   time only the operations whose name starts with one of these (comma-separated),
//                  e.g. `--only bookings.create,search` (for profiling one path with node --cpu-prof);
//                  `browser` names the Chromium measurements
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DATABASE_FILE, openWerkbank } from '../src/main/bootstrap'
import type { Method, MethodInput, MethodOutput } from '../src/shared/contract'
import { BENCH_NOW, createBenchClock } from './lib/clock'
import { openFloorDb } from './lib/floorDb'
import { measureBrowser, measureModulesInBrowser, type BrowserOutcome, type ModuleBrowserOutcome } from './lib/browser'
import { startServerProcess, type ServerMemory } from './lib/httpServerProcess'
import { collectGarbage, measureOperation, statsOf, type OperationFigures } from './lib/measure'
import { BENCH_SEED, randomStream } from './lib/random'
import { datasetTable, growthRows, growthTable, resultRows, resultsTable, targetChecks, type ScaleFigures } from './lib/report'
import { normaliseSql } from './lib/sqlTrace'
import { scaleOf, type Centre, type Scale } from './lib/types'
import { MODULES } from './modules'
import { peopleState } from './modules/people'

// A scheduled backup of a half-gigabyte centre in the middle of a timing would measure the backup.
// Set before any core opens; the server processes and Chromium's server inherit it.
process.env.WERKBANK_BACKUP_SCHEDULE = 'off'

const here = dirname(fileURLToPath(import.meta.url))
const projectRoot = resolve(here, '../..')

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
  },
})

const progress = (text: string) => process.stderr.write(text + '\n')
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10
const round2 = (x: number) => Math.round(x * 100) / 100
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10

function machineFacts() {
  const packageFile = createRequire(import.meta.url).resolve('better-sqlite3/package.json')
  const memory = new Database(':memory:')
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  memory.close()
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
    sqlite,
    better_sqlite3: (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version,
  }
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}

interface ScaleRun extends ScaleFigures {
  server: { atStart: ServerMemory; after: ServerMemory } | null
  browser: BrowserOutcome | null
  moduleBrowser: ModuleBrowserOutcome | null
  dataDir: string
}

/** Builds one centre in a fresh temp data folder; it stays open for the measurements. */
async function generateCentre(scale: Scale): Promise<Centre> {
  const base = options.data ? resolve(options.data) : tmpdir()
  mkdirSync(base, { recursive: true })
  const dataDir = mkdtempSync(join(base, `werkbank-bench-${scale.label}-`))
  progress(`\n[${scale.label}] generating into ${dataDir}`)

  const clock = createBenchClock()
  const core = openWerkbank({ dataDir, clock, validateOutputs: false })
  const floorDb = openFloorDb(join(dataDir, DATABASE_FILE))
  let calls = 0
  const centre: Centre = {
    scale,
    quick: options.quick,
    dataDir,
    core,
    clock,
    floorDb,
    random: (label) => randomStream(`${scale.label}/${label}`),
    async call<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      calls++
      const result = await core.call(method, { input, actorId })
      if (!result.ok) throw new Error(`${method} was refused while generating: ${JSON.stringify(result.error)}`)
      return result.value as MethodOutput<M>
    },
    figures: {},
    state: new Map(),
  }

  const started = performance.now()
  for (const module of MODULES) {
    const t = performance.now()
    await module.generate(centre)
    centre.figures[`generate_${module.name}_s`] = seconds(t)
    progress(`  ${module.name}: ${seconds(t)} s`)
  }
  for (const module of MODULES) {
    if (!module.settle) continue
    const t = performance.now()
    await module.settle(centre)
    centre.figures[`settle_${module.name}_s`] = seconds(t)
  }
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  const dbFile = join(dataDir, DATABASE_FILE)
  Object.assign(centre.figures, {
    generation_s: seconds(started),
    dispatcher_calls: calls,
    db_bytes: fileSize(dbFile) + fileSize(dbFile + '-wal'),
    db_mb: mb(fileSize(dbFile) + fileSize(dbFile + '-wal')),
  })
  progress(`  generated in ${centre.figures.generation_s} s, database ${centre.figures.db_mb} MB`)
  return centre
}

/**
 * Times every operation on every centre: one operation at a time, its sizes interleaved round by
 * round (see measureOperation). HTTP goes to a server process on the largest centre.
 */
async function measureCentres(centres: Centre[]): Promise<ScaleRun[]> {
  const largest = centres.at(-1)!
  const only = options.only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const wanted = (name: string) => !only || only.some((prefix) => name.startsWith(prefix))
  const operations = new Map(centres.map((c) => [c, MODULES.flatMap((m) => m.operations(c)).filter((o) => wanted(o.name))]))
  for (const c of centres) c.clock.live()
  const server = operations.get(largest)!.some((o) => o.http)
    ? await startServerProcess(join(here, 'server.mjs'), largest.dataDir, largest.clock.liveSince)
    : null
  const factor = options.quick ? 0.4 : 1
  const measured = new Map<Centre, OperationFigures[]>(centres.map((c) => [c, []]))
  progress('')
  for (const [index, operation] of operations.get(largest)!.entries()) {
    collectGarbage()
    const t = performance.now()
    const subjects = centres.map((c) => ({
      operation: operations.get(c)![index]!,
      core: c.core,
      http: c === largest ? (server?.call ?? null) : null,
    }))
    const figures = await measureOperation(subjects, Math.max(10, Math.round(operation.iterations * factor)))
    figures.forEach((f, i) => measured.get(centres[i]!)!.push(f))
    const p50s = figures.map((f, i) => `${f.paths.dispatcher!.p50.toFixed(3)} ms @${centres[i]!.scale.label}`).join(', ')
    progress(`  ${operation.name}: p50 ${p50s} (${seconds(t)} s)`)
  }
  const serverFigures = server ? { atStart: server.atStart, after: await server.memory() } : null
  await server?.close()

  let browser: BrowserOutcome | null = null
  if (!options['no-browser'] && wanted('browser')) {
    progress('\n[browser] Chromium on the built app (out/main/web.js) with the ' + largest.scale.label + ' centre')
    try {
      browser = await measureBrowser({
        projectRoot,
        dataDir: largest.dataDir,
        floorDb: largest.floorDb,
        coordinatorId: peopleState.get(largest).coordinator.id,
        now: BENCH_NOW,
        runs: options.quick ? 4 : 10,
        progress,
      })
    } catch (error) {
      browser = { failed: error instanceof Error ? error.message : String(error) }
    }
    if ('skipped' in browser) progress(`  browser: skipped: ${browser.skipped}`)
  }
  // The modules' own measurements in Chromium (the door list of a symposium, …).
  let moduleBrowser: ModuleBrowserOutcome | null = null
  const browserModules = MODULES.filter((m) => m.browser)
  if (!options['no-browser'] && wanted('browser') && browserModules.length > 0 && !(browser && 'skipped' in browser)) {
    try {
      moduleBrowser = await measureModulesInBrowser({
        projectRoot,
        dataDir: largest.dataDir,
        runs: options.quick ? 4 : 10,
        progress,
        async measure(env) {
          const figures = []
          for (const m of browserModules) figures.push(...(await m.browser!(largest, env)))
          return figures
        },
      })
    } catch (error) {
      moduleBrowser = { failed: error instanceof Error ? error.message : String(error) }
    }
  }

  return centres.map((c) => {
    c.floorDb.close()
    c.core.close()
    if (!options.keep) rmSync(c.dataDir, { recursive: true, force: true })
    return {
      label: c.scale.label,
      operations: measured.get(c)!,
      dataset: c.figures,
      server: c === largest ? serverFigures : null,
      browser: c === largest ? browser : null,
      moduleBrowser: c === largest ? moduleBrowser : null,
      dataDir: c.dataDir,
    }
  })
}

const DATASET_KEYS: [string, string][] = [
  ['machines', 'machines'],
  ['people', 'people'],
  ['people_active', 'people active now'],
  ['permits', 'permits'],
  ['permits_revoked', 'permits revoked'],
  ['bookings', 'bookings'],
  ['bookings_completed', '  completed'],
  ['bookings_cancelled', '  cancelled'],
  ['bookings_no_show', '  no-show'],
  ['bookings_checked_in', '  checked in'],
  ['bookings_confirmed', '  confirmed'],
  ['bookings_requested', '  requested'],
  ['booking_participants', 'training participants'],
  ['dispatcher_calls', 'dispatcher calls to generate'],
  ['generate_people_s', 'people (s)'],
  ['generate_equipment_s', 'machines and permits (s)'],
  ['generate_bookings_s', 'booking history (s)'],
  ['experiments', 'experiments'],
  ['experiment_parameters', '  parameter rows'],
  ['notes', 'notes'],
  ['links', 'links (notes and experiments)'],
  ['revisions', 'revisions'],
  ['search_documents', 'search index documents'],
  ['generate_knowledge_s', 'experiments and notes (s)'],
  ['symposium_editions', 'symposium editions'],
  ['symposium_sessions', '  sessions'],
  ['symposium_slots', '  slots (breaks included)'],
  ['symposium_registrations', '  registrations'],
  ['symposium_waitlisted', '  waiting now'],
  ['symposium_checkins', '  check-ins (person and day)'],
  ['symposium_outbox', '  letters in the outbox'],
  ['generate_symposia_s', 'symposia (s)'],
  ['settle_people_s', 'leavers deactivated (s)'],
  ['generation_s', 'generation total (s)'],
  ['db_mb', 'database size (MB)'],
]

async function main() {
  const started = performance.now()
  const loadAtStart = loadavg()
  const scales = options.quick ? [scaleOf(0.1)] : [scaleOf(0.1), scaleOf(1)]
  const centres: Centre[] = []
  for (const scale of scales) centres.push(await generateCentre(scale))
  const runs = await measureCentres(centres)

  // Others may share the machine: the load average says how much the figures had to share it.
  const machine = { ...machineFacts(), load_average_at_start: loadAtStart.map(round2), load_average_at_end: loadavg().map(round2) }
  const results = resultRows(runs)
  const targets = targetChecks(runs)
  const growth = growthRows(runs)
  const serverRun = runs.find((r) => r.server)
  const server = serverRun?.server
    ? {
        data: serverRun.label,
        rss_at_start_mb: mb(serverRun.server.atStart.rss),
        max_rss_mb: mb(serverRun.server.after.maxRss),
        peak_heap_used_mb: mb(serverRun.server.after.peakHeapUsed),
        rss_after_mb: mb(serverRun.server.after.rss),
      }
    : null
  const browserRun = runs.find((r) => r.browser)
  const browserOutcome = browserRun?.browser ?? null
  const browser =
    browserOutcome && 'figures' in browserOutcome
      ? {
          data: browserRun!.label,
          chromium: browserOutcome.figures.chromium,
          runs: browserOutcome.figures.runs,
          week: browserOutcome.figures.week,
          week_events: browserOutcome.figures.weekEvents,
          first_load_p50_ms: round2(browserOutcome.figures.firstLoad.p50),
          first_load_p95_ms: round2(browserOutcome.figures.firstLoad.p95),
          week_render_p50_ms: round2(browserOutcome.figures.weekRender.p50),
          week_render_p95_ms: round2(browserOutcome.figures.weekRender.p95),
          server_max_rss_mb: browserOutcome.figures.serverMaxRssMb,
        }
      : browserOutcome
  if (browser && 'week_render_p95_ms' in browser) {
    const label = browser.data
    results.push(
      {
        name: `browser first load @${label}`,
        n: browser.runs,
        p50_ms: browser.first_load_p50_ms,
        p95_ms: browser.first_load_p95_ms,
        floor_p50_ms: null,
        ratio: null,
      },
      {
        name: `browser week view @${label}`,
        n: browser.runs,
        p50_ms: browser.week_render_p50_ms,
        p95_ms: browser.week_render_p95_ms,
        floor_p50_ms: null,
        ratio: null,
      },
    )
    targets.push({
      name: `browser week view @${label}`,
      metric: 'p95_ms',
      below_ms: 300,
      value_ms: browser.week_render_p95_ms,
      met: browser.week_render_p95_ms < 300,
      source: 'issue 3',
    })
  }
  const moduleBrowserRun = runs.find((r) => r.moduleBrowser)
  const moduleBrowserOutcome = moduleBrowserRun?.moduleBrowser ?? null
  const moduleBrowserFigures =
    moduleBrowserOutcome && 'figures' in moduleBrowserOutcome
      ? moduleBrowserOutcome.figures.map((f) => {
          const stats = statsOf(f.samples)
          return { figure: f, stats, name: `${f.name} @${moduleBrowserRun!.label}` }
        })
      : []
  for (const { figure, stats, name } of moduleBrowserFigures) {
    results.push({ name, n: stats.n, p50_ms: round2(stats.p50), p95_ms: round2(stats.p95), floor_p50_ms: null, ratio: null })
    if (figure.target) {
      const value = figure.target.metric === 'p95_ms' ? stats.p95 : stats.p50
      targets.push({
        name,
        metric: figure.target.metric,
        below_ms: figure.target.below,
        value_ms: round2(value),
        met: value < figure.target.below,
        source: figure.target.source,
      })
    }
  }
  const problems = runs.flatMap((run) =>
    run.operations.flatMap((f) => [
      ...f.failures.map((x) => `${f.operation.name} @${run.label} (${x.path}): ${x.count} unexpected results, first: ${x.first}`),
      ...f.floorDrift.map((sql) => `${f.operation.name} @${run.label}: floor SQL not run by the core: ${normaliseSql(sql).slice(0, 160)}…`),
      ...(f.verifyProblem ? [`${f.operation.name} @${run.label}: floor and core differ: ${f.verifyProblem}`] : []),
    ]),
  )
  if (browserOutcome && 'failed' in browserOutcome) problems.push(`browser measurements failed: ${browserOutcome.failed}`)
  if (moduleBrowserOutcome && 'failed' in moduleBrowserOutcome)
    problems.push(`module browser measurements failed: ${moduleBrowserOutcome.failed}`)

  const out = {
    mode: options.quick ? 'quick' : 'full',
    generated_at: new Date().toISOString(),
    seed: BENCH_SEED,
    bench_now: new Date(BENCH_NOW).toISOString(),
    duration_s: seconds(started),
    machine,
    dataset: Object.fromEntries(runs.map((r) => [r.label, r.dataset])),
    server,
    browser,
    browser_modules: moduleBrowserFigures.map(({ figure, stats, name }) => ({
      name,
      title: figure.title,
      n: stats.n,
      p50_ms: round2(stats.p50),
      p95_ms: round2(stats.p95),
      max_ms: round2(stats.max),
      note: figure.note ?? null,
    })),
    bench_process_max_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    results,
    targets,
    growth,
    operations: runs.flatMap((r) =>
      r.operations.map((f) => ({
        name: f.operation.name,
        data: r.label,
        title: f.operation.title,
        statements: f.statements.length,
        floor_sql_drift: f.floorDrift.length,
        failures: f.failures,
        verify: f.verifyProblem,
      })),
    ),
    problems,
  }
  // A quick run must not overwrite the full run's figures that the README quotes.
  const outFile = options.out ? resolve(options.out) : join(projectRoot, 'bench', options.quick ? 'results-quick.json' : 'results.json')
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n')

  const print = (text = '') => process.stdout.write(text + '\n')
  print()
  print(
    `Werkbank bench (${out.mode}), ${machine.cpu} x${machine.cores}, ${machine.memory_gb} GB, ${machine.os}, ` +
      `Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.better_sqlite3}), ` +
      `load average ${machine.load_average_at_start[0]} at start, ${machine.load_average_at_end[0]} at end`,
  )
  print()
  print(datasetTable(runs, DATASET_KEYS))
  print()
  print(resultsTable(runs))
  if (growth.length) {
    print()
    print(growthTable(growth))
  }
  print()
  if (server) {
    print(
      `HTTP server process (@${server.data}): RSS ${server.rss_at_start_mb} MB at start, peak RSS ${server.max_rss_mb} MB, ` +
        `peak heap ${server.peak_heap_used_mb} MB`,
    )
  }
  if (browser && 'week_render_p95_ms' in browser) {
    print(
      `Chromium ${browser.chromium}, ${browser.runs} fresh contexts on the ${browser.data} centre:\n` +
        `  first load to the equipment calendar with its bookings: p50 ${browser.first_load_p50_ms} ms, p95 ${browser.first_load_p95_ms} ms\n` +
        `  week view, ${browser.week_events} bookings (week of ${browser.week}), click to rendered: p50 ${browser.week_render_p50_ms} ms, ` +
        `p95 ${browser.week_render_p95_ms} ms (target p95 < 300 ms ${browser.week_render_p95_ms < 300 ? 'ok' : 'MISSED'})\n` +
        `  browser-mode server (out/main/web.js) peak RSS ${browser.server_max_rss_mb ?? '-'} MB`,
    )
  } else if (browser && 'skipped' in browser) print(`Chromium measurements skipped: ${browser.skipped}`)
  for (const { figure, stats } of moduleBrowserFigures) {
    const target = figure.target
    const value = target ? (target.metric === 'p95_ms' ? stats.p95 : stats.p50) : 0
    print(
      `  ${figure.title}: n ${stats.n}, p50 ${round2(stats.p50)} ms, p95 ${round2(stats.p95)} ms` +
        (target
          ? ` (target ${target.metric === 'p95_ms' ? 'p95' : 'p50'} < ${target.below} ms, ${target.source}: ${value < target.below ? 'ok' : 'MISSED'})`
          : '') +
        (figure.note ? `; ${figure.note}` : ''),
    )
  }
  print(`Bench process peak RSS ${out.bench_process_max_rss_mb} MB; whole run ${out.duration_s} s. Results: ${outFile}`)
  if (options.keep) for (const r of runs) print(`Data folder @${r.label}: ${r.dataDir}`)
  if (options.verbose) {
    for (const run of runs) {
      for (const f of run.operations) {
        print(`\n${f.operation.name} @${run.label}: ${f.statements.length} statements`)
        for (const s of f.statements) print(`  ${s.method.padEnd(5)} ${normaliseSql(s.sql).slice(0, 150)}`)
      }
    }
  }
  if (problems.length) {
    print('\nPROBLEMS (the figures above may not mean what they say):')
    for (const p of problems) print(`  - ${p}`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
