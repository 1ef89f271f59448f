// Which Chromium the e2e tests drive. Playwright cannot download its own browsers on machines
// without internet, so we look for an installed one and say clearly what to do when there is none.
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
]

/** An explicit path, else a system browser, else undefined: Playwright then uses its own download, if any. */
export function findChromium(): string | undefined {
  const explicit = process.env.WERKBANK_CHROMIUM
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`WERKBANK_CHROMIUM points to ${explicit}, which does not exist.`)
    return explicit
  }
  return CANDIDATES.find((path) => existsSync(path))
}

export const NO_BROWSER_HELP =
  'No Chromium found for the e2e tests. Install one of: Debian/Ubuntu `sudo apt-get install chromium`, ' +
  "Google Chrome, or Playwright's own (`npx playwright install chromium`); or set WERKBANK_CHROMIUM=/path/to/chrome."

/** Flags for a headless run on a closed network: no background traffic, no sandbox (CI runs as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]
