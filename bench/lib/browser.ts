// Browser mode in Chromium: the built app (out/main/web.js serving out/renderer) on the bench's
// largest data folder, driven by Playwright. Two figures, each over several fresh browser contexts:
//   - first load: from navigation to the equipment calendar showing its bookings (the app's code,
//     the session, the machines and the day's bookings loaded and rendered);
//   - week view: from a click on "Week" to every booking of a working week (the one whose count is
//     nearest 300) rendered in the machines-by-day timeline, its data fetched over HTTP included.
// Both are timed inside the page (performance.now), so Playwright's own round trips do not count.
// Chromium is found as the e2e tests find it; without one this part is skipped with a message.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_HELP } from '../../tests/e2e/browser'
import type { Db } from '../../src/main/db/database'
import { toInstant } from '../../src/shared/calendarTime'
import { addDays, localDateOf, weekdayOf, ZONE } from './calendar'
import { statsOf, type Stats } from './measure'
import type { BrowserEnv, BrowserFigure } from './types'

export interface BrowserFigures {
  chromium: string
  runs: number
  /** The working week shown (local Monday) and how many bookings it has. */
  week: string
  weekEvents: number
  firstLoad: Stats
  weekRender: Stats
  /** Peak RSS of the browser-mode server process (out/main/web.js) over all runs. */
  serverMaxRssMb: number | null
}

export type BrowserOutcome = { figures: BrowserFigures } | { skipped: string } | { failed: string }

/** The local Monday (Mon–Fri, non-cancelled bookings, all machines) whose count is nearest `target`. */
function weekNear(db: Db, target: number, now: number): { monday: string; events: number } {
  const rows = db
    .prepare<[], { starts_at: number }>("SELECT starts_at FROM bookings WHERE status NOT IN ('cancelled', 'no_show') ORDER BY starts_at")
    .all()
  const perWeek = new Map<string, number>()
  for (const { starts_at } of rows) {
    if (starts_at > now) break
    const date = localDateOf(starts_at)
    const weekday = weekdayOf(date)
    if (weekday > 5) continue
    const monday = addDays(date, 1 - weekday)
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1)
  }
  let best = { monday: '', events: -1 }
  for (const [monday, events] of perWeek) {
    if (best.events < 0 || Math.abs(events - target) < Math.abs(best.events - target)) best = { monday, events }
  }
  return best
}

/** Starts out/main/web.js on the data folder and resolves with its address once it listens. */
async function startWebServer(projectRoot: string, dataDir: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(projectRoot, 'out/main/web.js'), '--data', dataDir, '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, WERKBANK_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('out/main/web.js did not start within 60 s')), 60_000)
    child.once('exit', (code) => reject(new Error(`out/main/web.js exited with ${code}`)))
    lines.on('line', (line) => {
      const match = /Open:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  return { child, url }
}

/** Linux only: the process's peak resident set (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)
    return kb ? Math.round(Number(kb[1]) / 102.4) / 10 : null
  } catch {
    return null
  }
}

/** Chromium's path once the built app is there (built if missing), or why not. */
function chromiumAndApp(projectRoot: string, progress: (text: string) => void): { executablePath: string } | { skipped: string } {
  const executablePath = findChromium()
  if (!executablePath) return { skipped: NO_BROWSER_HELP }
  if (!existsSync(join(projectRoot, 'out/main/web.js')) || !existsSync(join(projectRoot, 'out/renderer/index.html'))) {
    progress('  browser: building the app (npx electron-vite build) for out/main/web.js')
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'inherit' })
    if (build.status !== 0) return { skipped: 'the app could not be built (npx electron-vite build failed)' }
  }
  return { executablePath }
}

export type ModuleBrowserOutcome = { figures: BrowserFigure[]; chromium: string } | { skipped: string } | { failed: string }

/**
 * The modules' own Chromium measurements (BenchModule.browser), each given the browser-mode server
 * on the data folder and a Chromium of its own, after the calendar's measurements.
 */
export async function measureModulesInBrowser(options: {
  projectRoot: string
  dataDir: string
  runs: number
  progress: (text: string) => void
  measure: (env: BrowserEnv) => Promise<BrowserFigure[]>
}): Promise<ModuleBrowserOutcome> {
  const ready = chromiumAndApp(options.projectRoot, options.progress)
  if ('skipped' in ready) return ready
  const { chromium } = await import('@playwright/test')
  const token = randomBytes(18).toString('base64url')
  const server = await startWebServer(options.projectRoot, options.dataDir, token)
  const browser = await chromium.launch({ executablePath: ready.executablePath, args: CHROMIUM_ARGS, headless: true })
  try {
    const figures = await options.measure({ browser, url: server.url, token, runs: options.runs, progress: options.progress })
    return { figures, chromium: `${browser.version()} (${ready.executablePath})` }
  } finally {
    await browser.close()
    server.child.kill('SIGTERM')
  }
}

export async function measureBrowser(options: {
  projectRoot: string
  dataDir: string
  floorDb: Db
  coordinatorId: number
  now: number
  runs: number
  progress: (text: string) => void
}): Promise<BrowserOutcome> {
  const { projectRoot, progress } = options
  const ready = chromiumAndApp(projectRoot, progress)
  if ('skipped' in ready) return ready
  const { executablePath } = ready
  // @playwright/test is the declared dev dependency (the e2e tests'); it re-exports Playwright's browsers.
  const { chromium } = await import('@playwright/test')

  const { monday, events } = weekNear(options.floorDb, 300, options.now)
  // The page's clock shows the Wednesday of that week: the calendar opens on it.
  const wednesday = toInstant(addDays(monday, 2), '10:00', ZONE)
  const token = randomBytes(18).toString('base64url')
  const server = await startWebServer(projectRoot, options.dataDir, token)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  const firstLoads: number[] = []
  const weekRenders: number[] = []
  let maxRss: number | null = null
  const version = browser.version()
  try {
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'nl-NL' })
      await context.addInitScript(
        ({ profile, at }: { profile: number; at: number }) => {
          // The page's clock runs from that Wednesday. Only Date is shifted: Playwright's own clock
          // also wraps Intl.DateTimeFormat, which made FullCalendar's time-zone work several times
          // slower than in a real browser.
          const RealDate = Date
          const shift = at - RealDate.now()
          class ShiftedDate extends RealDate {
            constructor(...args: unknown[]) {
              if (args.length === 0) super(RealDate.now() + shift)
              else super(...(args as [string]))
            }
            static override now() {
              return RealDate.now() + shift
            }
          }
          globalThis.Date = ShiftedDate as DateConstructor
          localStorage.setItem('werkbank.profile', String(profile))
          // The moment the first booking is in the DOM, measured from navigation start.
          const seen = () => {
            if (document.querySelector('.fc-event')) {
              ;(window as unknown as { __firstEvents: number }).__firstEvents = performance.now()
              observer.disconnect()
            }
          }
          const observer = new MutationObserver(seen)
          observer.observe(document, { childList: true, subtree: true })
        },
        { profile: options.coordinatorId, at: wednesday },
      )
      const page = await context.newPage()
      await page.goto(`${server.url}/?token=${token}#/equipment`)
      await page.waitForFunction(() => (window as unknown as { __firstEvents?: number }).__firstEvents !== undefined, null, {
        timeout: 60_000,
      })
      firstLoads.push(await page.evaluate(() => (window as unknown as { __firstEvents: number }).__firstEvents))

      // Click "Week"; the time is that of the first frame showing the final number of bookings
      // (known once it has stayed the same for three more frames, which are not counted).
      const weekMs = await page.evaluate(async () => {
        const button = document.querySelector<HTMLButtonElement>('.fc-resourceTimelineWeek-button')
        if (!button) throw new Error('no Week button on the equipment calendar')
        const start = performance.now()
        button.click()
        let last = -1
        let changedAt = start
        let stable = 0
        for (;;) {
          const frame = await new Promise<number>((resolve) => requestAnimationFrame(resolve))
          const count = document.querySelectorAll('.fc-timeline-event').length
          if (count > 0 && count === last) stable++
          else {
            stable = 0
            changedAt = frame
          }
          last = count
          if (stable >= 3) return { ms: changedAt - start, count }
          if (performance.now() - start > 30_000) throw new Error('the week view did not settle within 30 s')
        }
      })
      weekRenders.push(weekMs.ms)
      progress(
        `  browser run ${run + 1}: first load ${firstLoads.at(-1)!.toFixed(0)} ms, week (${weekMs.count} events) ${weekMs.ms.toFixed(0)} ms`,
      )
      maxRss = peakRssMb(server.child.pid) ?? maxRss
      await context.close()
    }
  } finally {
    await browser.close()
    server.child.kill('SIGTERM')
  }
  return {
    figures: {
      chromium: `${version} (${executablePath})`,
      runs: options.runs,
      week: monday,
      weekEvents: events,
      firstLoad: statsOf(firstLoads),
      weekRender: statsOf(weekRenders),
      serverMaxRssMb: maxRss,
    },
  }
}
