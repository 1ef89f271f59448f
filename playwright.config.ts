// e2e tests: the real renderer in a real Chromium against the real server (`out/main/web.js`, built
// by `npm run build`), each project on its own fresh data folder:
//   fresh: an empty centre (first start, creating people)   demo: the demo centre (screens, accessibility)
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_HELP } from './tests/e2e/browser'

export const E2E_TOKEN = 'e2e-token-not-secret'
// Overridable so two runs (say, two checkouts) can share a machine.
const FRESH_PORT = Number(process.env.WERKBANK_E2E_PORT ?? 41731)
const DEMO_PORT = FRESH_PORT + 1
const DEMO_B_PORT = FRESH_PORT + 2
// Also overridable: a build in another folder (`electron-vite build --outDir out-x`) leaves `out/` alone.
const BUILD_DIR = process.env.WERKBANK_E2E_OUT ?? 'out'

// The config is evaluated again in every worker; the run id keeps their data folders the same.
process.env.WERKBANK_E2E_RUN ??= `${Date.now()}-${process.pid}`
const dataDir = (name: string) => join(tmpdir(), `werkbank-e2e-${process.env.WERKBANK_E2E_RUN}`, name)

const executablePath = findChromium()
if (!executablePath && !existsSync(chromium.executablePath())) throw new Error(NO_BROWSER_HELP)

const server = (name: string, port: number, extra: string) => ({
  command: `node ${BUILD_DIR}/main/web.js --data "${dataDir(name)}" --port ${port} ${extra}`,
  url: `http://127.0.0.1:${port}/`,
  env: { WERKBANK_TOKEN: E2E_TOKEN, WERKBANK_VALIDATE_OUTPUTS: '1' },
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  timeout: 30_000,
})

// The demo specs of the second lane, chosen so both lanes take about as long.
const DEMO_LANE_B = /demo\.(shell|symposium|symposiumExports|xss|reports|privacy)\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.WERKBANK_E2E_PORT ? `test-results/e2e-${FRESH_PORT}` : 'test-results/e2e',
  fullyParallel: false,
  // Three lanes, each a project with one worker and its own server: the fresh centre's specs build
  // on each other in file order, and the demo specs are split over two demo servers (each its own
  // copy of the demo centre) so two run side by side on a two-core machine.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // A test walks several screens with an axe scan each; on a shared, busy machine 30 s was tight.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'fresh', testMatch: /fresh\..*spec\.ts/, workers: 1, use: { baseURL: `http://127.0.0.1:${FRESH_PORT}` } },
    { name: 'demo', testMatch: /demo\..*spec\.ts/, testIgnore: DEMO_LANE_B, workers: 1, use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
    { name: 'demo-b', testMatch: DEMO_LANE_B, workers: 1, use: { baseURL: `http://127.0.0.1:${DEMO_B_PORT}` } },
  ],
  webServer: [server('fresh', FRESH_PORT, ''), server('demo', DEMO_PORT, '--demo'), server('demo-b', DEMO_B_PORT, '--demo')],
})
