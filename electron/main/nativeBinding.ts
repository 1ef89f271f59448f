// Finds the Electron build of better-sqlite3 that scripts/prepare-electron-native.mjs makes.
// node_modules holds the build for Node (used by `npm test` and browser mode); Electron needs one
// compiled against its own V8, kept apart under .native/ so neither build replaces the other.
// The folder naming rule must stay identical to `electronNativeDir` in the script: a test checks it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const NATIVE_ROOT = '.native'
export const NATIVE_FILE = 'better_sqlite3.node'

/** `<root>/.native/electron-<version>-<platform>-<arch>`: one folder per Electron version and target. */
export function electronNativeDir(root: string, electronVersion: string, platform: string, arch: string): string {
  return join(root, NATIVE_ROOT, `electron-${electronVersion}-${platform}-${arch}`)
}

export interface NativeBindingLookup {
  /** app.getAppPath(): the project folder under `electron-vite dev/preview`. */
  appPath: string
  electronVersion: string
  platform: string
  arch: string
  exists?: (path: string) => boolean
}

/** The Electron build's path if it was made, else null (the core then loads the default build, which fails in Electron). */
export function findElectronNativeBinding(lookup: NativeBindingLookup): string | null {
  const exists = lookup.exists ?? existsSync
  const file = join(electronNativeDir(lookup.appPath, lookup.electronVersion, lookup.platform, lookup.arch), NATIVE_FILE)
  return exists(file) ? file : null
}
