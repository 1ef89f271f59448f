// Doyensec's Electronegativity (misconfigurations and anti-patterns in Electron apps) over the
// desktop shell as it ships: main and preload are built into a temp folder with the project's own
// electron-vite config (only those two targets, about a second), the renderer's index.html is added
// for the HTML checks, and every HIGH finding fails the test. The command-line tool exits 0 whatever
// it finds, so it is run through its module API and its findings are read here.
//
// Kept offline and repeatable: the Electron version comes from the installed package, the check that
// downloads Electron's release list is left out (keeping Electron current is the dependency update's
// job), and the tool's start-up fetch of fresh translations is replaced by its bundled English.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const ROOT = resolve(__dirname, '..')

interface Finding {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' }
  confidence: { name: string }
  manualReview: boolean
  description: string
}
interface ScanResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: Finding[]
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>

/**
 * HIGH findings that are known to be wrong, each pinned to the exact source line it must sit on, so a
 * new window or a changed call is scanned afresh. The reason says why the finding is false.
 */
const KNOWN_FALSE_HIGH: { id: string; line: RegExp; why: string }[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    line: /new BrowserWindow\(mainWindowOptions\(/,
    why:
      'The scanner reads only object literals passed to `new BrowserWindow`; ours come from mainWindowOptions(), ' +
      'whose contextIsolation: true the test below finds in the built file and electron/main/window.test.ts pins.',
  },
]

let dir = ''
let scan: ScanResult
const builtLine = (finding: Finding) => readFileSync(finding.file, 'utf8').split('\n')[finding.location.line - 1] ?? ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbank-electronegativity-'))
  await buildShell(dir)
  copyFileSync(join(ROOT, 'src/renderer/index.html'), join(dir, 'index.html'))
  useBundledTranslations()
  const run = require('@doyensec/electronegativity') as Run
  scan = await run(
    {
      input: dir,
      electronVersionOverride: (require('electron/package.json') as { version: string }).version,
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: false,
      isVerbose: false,
    },
    false,
  )
}, 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('Electronegativity over the built desktop shell', () => {
  it('scanned the main and preload bundles with all its checks', () => {
    expect(scan.atomicChecks).toBeGreaterThan(30)
    expect(scan.errors.filter((e) => !e.tolerable)).toEqual([])
  })

  it('has no HIGH finding but the known false ones', () => {
    const high = scan.issues.filter((i) => i.severity.name === 'HIGH')
    const unexplained = high
      .filter((i) => !KNOWN_FALSE_HIGH.some((known) => known.id === i.id && known.line.test(builtLine(i))))
      .map((i) => `${i.id} at ${i.file.slice(dir.length)}:${i.location.line}: ${builtLine(i).trim().slice(0, 120)}`)
    expect(unexplained).toEqual([])
  })

  it('the window options behind the known false finding do isolate and sandbox', () => {
    const main = readFileSync(join(dir, 'main/index.js'), 'utf8')
    const options = /function mainWindowOptions\([^)]*\) \{[\s\S]*?\n\}/.exec(main)?.[0] ?? ''
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false']) {
      expect(options, setting).toContain(setting)
    }
  })

  it('MEDIUM findings are the reviewed ones (see docs/security.md)', () => {
    // Reviewed and accepted: AUXCLICK (middle-click opens go through setWindowOpenHandler, which denies),
    // OPEN_EXTERNAL (only allow-listed https hosts reach shell.openExternal), SANDBOX (as for context
    // isolation: the literal is behind mainWindowOptions), CSP (the scanner misses the header set by the
    // app protocol; the meta tag and the header both forbid inline scripts). A new kind shows up here.
    const medium = new Set(scan.issues.filter((i) => i.severity.name === 'MEDIUM').map((i) => i.id))
    for (const id of medium)
      expect(['AUXCLICK_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'SANDBOX_JS_CHECK', 'CSP_GLOBAL_CHECK'], id).toContain(id)
  })
})

/** electron-vite's build for main and preload only (the renderer is not what this scanner reads, and is slow). */
async function buildShell(outDir: string) {
  const { resolveConfig } = await import('electron-vite')
  const { build } = await import('vite')
  const previous = process.env.NODE_ENV_ELECTRON_VITE
  process.env.NODE_ENV_ELECTRON_VITE = 'production'
  try {
    const config = await resolveConfig({ root: ROOT, build: { outDir }, logLevel: 'silent' }, 'build', 'production')
    for (const target of ['main', 'preload'] as const) await build({ ...config.config![target]!, logLevel: 'silent' })
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV_ELECTRON_VITE
    else process.env.NODE_ENV_ELECTRON_VITE = previous
  }
}

/**
 * The tool's i18n module fetches translations from S3 on every run (1 s timeout, and a network call
 * from a test suite). Pre-loading a module of the same shape that only configures the bundled
 * locales keeps the scan offline; the checks themselves are untouched.
 */
function useBundledTranslations() {
  const path = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')
  const i18n = createRequire(path)('i18n') as { configure(o: object): void; setLocale(l: string): void }
  const configure = () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: resolve(path, '..'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    })
    i18n.setLocale('en-US')
    return Promise.resolve()
  }
  require.cache[path] = {
    id: path,
    filename: path,
    loaded: true,
    exports: Object.assign(configure, { default: configure }),
  } as unknown as NodeJS.Module
}
