// The Electron build of better-sqlite3: the start script writes it where the app looks for it.
// The script is plain .mjs (run by Node before Electron starts), so it is loaded by URL here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronNativeDir, findElectronNativeBinding, NATIVE_FILE, NATIVE_ROOT } from './nativeBinding'

interface PrepareScript {
  electronNativeDir: (root: string, version: string, platform: string, arch: string) => string
  prepareElectronNative: (options: { root: string; force?: boolean; log?: (line: string) => void }) => { path: string; built: boolean }
  NATIVE_ROOT: string
  NATIVE_FILE: string
}

const SCRIPT_URL = new URL('../../scripts/prepare-electron-native.mjs', import.meta.url)
let script: PrepareScript
let logDuringImport: ReturnType<typeof vi.spyOn>

beforeAll(async () => {
  logDuringImport = vi.spyOn(console, 'log')
  script = (await import(/* @vite-ignore */ SCRIPT_URL.href)) as PrepareScript
})

const temps: string[] = []
function tempRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-native-test-'))
  temps.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('native folder naming', () => {
  it('is the same rule in the start script and at runtime', () => {
    const cases: [string, string, string, string][] = [
      ['/project', '45.5.0', 'linux', 'x64'],
      ['C:\\project', '45.5.0', 'win32', 'arm64'],
      ['/Users/me/werkbank', '46.0.0-beta.2', 'darwin', 'arm64'],
    ]
    for (const args of cases) expect(electronNativeDir(...args)).toBe(script.electronNativeDir(...args))
    expect(script.NATIVE_ROOT).toBe(NATIVE_ROOT)
    expect(script.NATIVE_FILE).toBe(NATIVE_FILE)
  })

  it('names the folder after the Electron version and target', () => {
    expect(electronNativeDir('/p', '45.5.0', 'linux', 'x64')).toBe(join('/p', '.native', 'electron-45.5.0-linux-x64'))
  })

  it('importing the script runs nothing (the CLI part runs only as the main module)', () => {
    expect(logDuringImport).not.toHaveBeenCalled()
    logDuringImport.mockRestore()
  })
})

describe('findElectronNativeBinding', () => {
  it('returns the build when it exists, else null', () => {
    const appPath = tempRoot()
    const lookup = { appPath, electronVersion: '45.5.0', platform: 'linux', arch: 'x64' }
    expect(findElectronNativeBinding(lookup)).toBeNull()

    const dir = script.electronNativeDir(appPath, '45.5.0', 'linux', 'x64')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, NATIVE_FILE), 'not really a binary')
    expect(findElectronNativeBinding(lookup)).toBe(join(dir, NATIVE_FILE))
    expect(findElectronNativeBinding({ ...lookup, electronVersion: '46.0.0' })).toBeNull()
  })
})

describe('prepareElectronNative', () => {
  function fakeProject(electronVersion: string, sqliteVersion: string): string {
    const root = tempRoot()
    for (const [name, version] of [
      ['electron', electronVersion],
      ['better-sqlite3', sqliteVersion],
    ] as const) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true })
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }))
    }
    return root
  }

  it('leaves an existing build for the same better-sqlite3 version alone, without building', () => {
    const root = fakeProject('45.5.0', '12.11.1')
    const dir = script.electronNativeDir(root, '45.5.0', process.platform, process.arch)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, NATIVE_FILE), 'built earlier')
    writeFileSync(join(dir, 'build-info.json'), JSON.stringify({ betterSqlite3: '12.11.1' }))
    const log = vi.fn()
    expect(script.prepareElectronNative({ root, log })).toEqual({ path: join(dir, NATIVE_FILE), built: false })
    expect(log.mock.calls.join('\n')).toContain('ready')
  })

  /**
   * A stand-in for node-gyp (the real one needs Electron's headers from the internet): records its
   * arguments and writes the addon where node-gyp would, or fails.
   */
  function stubNodeGyp(root: string, succeed: boolean): { argsFile: string; restore: () => void } {
    const stub = join(root, 'stub-node-gyp.cjs')
    const argsFile = join(root, 'node-gyp-args.json')
    writeFileSync(
      stub,
      `const fs = require('node:fs')
fs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }))
if (!${succeed}) process.exit(1)
fs.mkdirSync('build/Release', { recursive: true })
fs.writeFileSync('build/Release/better_sqlite3.node', 'electron build')
`,
    )
    const saved = process.env.npm_config_node_gyp
    process.env.npm_config_node_gyp = stub
    return {
      argsFile,
      restore: () => {
        if (saved === undefined) delete process.env.npm_config_node_gyp
        else process.env.npm_config_node_gyp = saved
      },
    }
  }

  it('compiles a copy for Electron into .native/ and leaves the Node build in node_modules alone', () => {
    const root = fakeProject('45.5.0', '12.11.1')
    const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE)
    mkdirSync(dirname(nodeBuild), { recursive: true })
    writeFileSync(nodeBuild, 'node build')
    const gyp = stubNodeGyp(root, true)
    try {
      const result = script.prepareElectronNative({ root, log: () => {} })
      const target = join(script.electronNativeDir(root, '45.5.0', process.platform, process.arch), NATIVE_FILE)
      expect(result).toEqual({ path: target, built: true })
      expect(readFileSync(target, 'utf8')).toBe('electron build')
      expect(readFileSync(nodeBuild, 'utf8')).toBe('node build')

      const { args, cwd } = JSON.parse(readFileSync(gyp.argsFile, 'utf8')) as { args: string[]; cwd: string }
      expect(args).toEqual(
        expect.arrayContaining([
          'rebuild',
          '--release',
          '--runtime=electron',
          '--target=45.5.0',
          '--dist-url=https://electronjs.org/headers',
        ]),
      )
      expect(cwd.startsWith(join(root, 'node_modules'))).toBe(false)

      // A later better-sqlite3 version makes the build stale: it is made again.
      writeFileSync(
        join(root, 'node_modules', 'better-sqlite3', 'package.json'),
        JSON.stringify({ name: 'better-sqlite3', version: '12.12.0' }),
      )
      expect(script.prepareElectronNative({ root, log: () => {} }).built).toBe(true)
    } finally {
      gyp.restore()
    }
  })

  it('fails with directions, and without touching node_modules, when nothing can build it', () => {
    const root = fakeProject('45.5.0', '12.11.1')
    const gyp = stubNodeGyp(root, false)
    try {
      expect(() => script.prepareElectronNative({ root, log: () => {} })).toThrow(/npm run web/)
      expect(
        findElectronNativeBinding({ appPath: root, electronVersion: '45.5.0', platform: process.platform, arch: process.arch }),
      ).toBeNull()
    } finally {
      gyp.restore()
    }
  })

  it('explains what to do when a package is missing', () => {
    const root = tempRoot()
    expect(() => script.prepareElectronNative({ root, log: () => {} })).toThrow(/npm install/)
  })
})

it('is the script `npm start` runs before Electron', () => {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
    scripts: Record<string, string>
  }
  expect(pkg.scripts.start).toContain('node scripts/prepare-electron-native.mjs')
  expect(fileURLToPath(SCRIPT_URL)).toMatch(/scripts[\\/]prepare-electron-native\.mjs$/)
})
