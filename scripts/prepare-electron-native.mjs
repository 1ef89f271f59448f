#!/usr/bin/env node
// Makes the Electron build of better-sqlite3 that the desktop app loads through the driver's
// `nativeBinding` option. better-sqlite3 12 is a V8 addon: the build in node_modules is for Node
// (`npm test`, browser mode) and does not load in Electron, and an Electron build does not load in
// Node. So this script never touches node_modules: it compiles a copy elsewhere and puts the result in
//   .native/electron-<electronVersion>-<platform>-<arch>/better_sqlite3.node
// only when that file is missing or was built from another better-sqlite3 version.
// `npm start` runs it before Electron starts. Usage: node scripts/prepare-electron-native.mjs [--force]
// Plain Node, no dependencies beyond what npm installed with better-sqlite3 (prebuild-install) and
// npm's own node-gyp. The folder rule must match electron/main/nativeBinding.ts (a test checks it).
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const NATIVE_ROOT = '.native'
export const NATIVE_FILE = 'better_sqlite3.node'
const STAMP_FILE = 'build-info.json'
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

/** `<root>/.native/electron-<version>-<platform>-<arch>`: one folder per Electron version and target. */
export function electronNativeDir(root, electronVersion, platform, arch) {
  return join(root, NATIVE_ROOT, `electron-${electronVersion}-${platform}-${arch}`)
}

export class PrepareError extends Error {}

/**
 * Builds the Electron copy if needed and returns where it is.
 * @param {{ root: string, force?: boolean, log?: (line: string) => void }} options
 * @returns {{ path: string, built: boolean }}
 */
export function prepareElectronNative({ root, force = false, log = (line) => console.log(line) }) {
  const platform = process.platform
  const arch = process.arch
  const electronVersion = readInstalledVersion(root, 'electron')
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
  const sqliteVersion = readInstalledVersion(root, 'better-sqlite3')
  const targetDir = electronNativeDir(root, electronVersion, platform, arch)
  const target = join(targetDir, NATIVE_FILE)
  const stampFile = join(targetDir, STAMP_FILE)
  const shown = relative(root, target)

  const stamp = readStamp(stampFile)
  if (!force && existsSync(target) && (stamp === null || stamp.betterSqlite3 === sqliteVersion)) {
    // No stamp: someone put the file there by hand; trust it rather than overwrite it.
    log(`better-sqlite3 for Electron ${electronVersion} is ready: ${shown}`)
    return { path: target, built: false }
  }

  log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) into ${shown}.`)
  log('This happens once per Electron version; the Node build in node_modules stays as it is, so `npm test` keeps working.')

  const work = mkdtempSync(join(tmpdir(), 'werkbank-native-'))
  try {
    const copy = join(work, 'better-sqlite3')
    // Without the Node build's output: prebuild-install and node-gyp must write a fresh build/.
    const skipped = [join(sqliteDir, 'build'), join(sqliteDir, 'node_modules')]
    cpSync(sqliteDir, copy, { recursive: true, filter: (source) => !skipped.some((dir) => source === dir || source.startsWith(dir + sep)) })

    const method = downloadPrebuilt(sqliteDir, copy, electronVersion, platform, arch, log) ?? compile(root, copy, electronVersion, platform, arch, log)
    const built = join(copy, 'build', 'Release', NATIVE_FILE)
    if (method === null || !existsSync(built)) {
      if (existsSync(target)) {
        log(`WARNING: could not rebuild for better-sqlite3 ${sqliteVersion}; keeping the existing ${shown} (built from ${stamp?.betterSqlite3 ?? 'an unknown version'}).`)
        return { path: target, built: false }
      }
      throw new PrepareError(failureHelp(electronVersion, platform, arch, targetDir))
    }

    mkdirSync(targetDir, { recursive: true })
    // Copy then rename, so an interrupted run never leaves a half-written addon that looks finished.
    const partial = `${target}.partial`
    copyFileSync(built, partial)
    renameSync(partial, target)
    const info = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch, method, builtAt: new Date().toISOString() }
    writeFileSync(stampFile, JSON.stringify(info, null, 2) + '\n')
    log(`Done (${method}): ${shown}`)
    return { path: target, built: true }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function readInstalledVersion(root, name) {
  // Read package.json, never require('electron'): its entry point downloads the Electron binary.
  const file = join(root, 'node_modules', name, 'package.json')
  if (!existsSync(file)) throw new PrepareError(`${name} is not installed (${relative(root, file)} is missing). Run \`npm install\` first.`)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Fast path: the better-sqlite3 project publishes Electron builds on GitHub releases. */
function downloadPrebuilt(sqliteDir, copy, electronVersion, platform, arch, log) {
  let bin
  try {
    // Resolved from better-sqlite3's own folder, which finds its dependency however npm laid it out.
    bin = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    log('prebuild-install is not installed; skipping the download of a prebuilt binary.')
    return null
  }
  log('Trying a prebuilt binary (prebuild-install, from github.com) …')
  const args = [bin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose']
  return run(process.execPath, args, copy) ? 'prebuild-install' : null
}

/** Slow path: compile against Electron's headers (needs Python 3 and a C++ toolchain). */
function compile(root, copy, electronVersion, platform, arch, log) {
  if (platform !== process.platform) return null
  const nodeGyp = findNodeGyp(root)
  if (nodeGyp === null) {
    log('node-gyp was not found (neither in node_modules nor bundled with npm); cannot compile.')
    return null
  }
  log(`No prebuilt binary; compiling with ${nodeGyp} …`)
  const args = [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`]
  return run(process.execPath, args, copy) ? 'node-gyp' : null
}

function findNodeGyp(root) {
  const candidates = [
    // npm sets this for scripts it runs (`npm start`): its bundled node-gyp.
    process.env.npm_config_node_gyp,
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // Run directly with `node`: npm sits next to the node executable.
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]
  // Scripts only: each is run with this Node (a bare `node-gyp` command would need a shell on Windows).
  return candidates.find((file) => typeof file === 'string' && /\.[cm]?js$/.test(file) && existsSync(file)) ?? null
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env })
  return result.status === 0
}

function failureHelp(electronVersion, platform, arch, targetDir) {
  return [
    `Could not make better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}).`,
    'Tried: 1) a prebuilt binary from github.com (prebuild-install), 2) compiling with node-gyp against',
    `   Electron's headers from ${ELECTRON_HEADERS_URL} (needs Python 3 and a C++ compiler).`,
    'What to do:',
    '  - with internet access to github.com or electronjs.org, run `node scripts/prepare-electron-native.mjs` again;',
    '  - behind a mirror, set npm_config_better_sqlite3_binary_host_mirror (prebuilt binaries) and retry;',
    `  - or copy a better_sqlite3.node built for Electron ${electronVersion} into ${targetDir}/`,
    '  - or use browser mode meanwhile: `npm run web` (plain Node, no Electron build needed).',
    'The Node build in node_modules was not changed: `npm test` and `npm run web` still work.',
  ].join('\n')
}

function isMainModule() {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url
  } catch {
    return false
  }
}

if (isMainModule()) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  try {
    prepareElectronNative({ root, force: process.argv.includes('--force'), log: (line) => console.log(`[prepare-electron-native] ${line}`) })
  } catch (error) {
    const message = error instanceof PrepareError ? error.message : (error?.stack ?? String(error))
    console.error(`[prepare-electron-native] ${message.split('\n').join('\n[prepare-electron-native] ')}`)
    process.exit(1)
  }
}
