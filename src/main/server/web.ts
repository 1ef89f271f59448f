// `npm run web`: the whole app in a browser, for machines without a display or without the
// Electron binary. Starts the core on a data folder and serves it on loopback with a token.
//   --data DIR   data folder (default: the desktop app's own, see defaultDataDir)
//   --port N     port on 127.0.0.1 (default 5174; 0 picks a free one)
//   --demo       fill an empty data folder with the demo centre
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openWerkbank } from '../bootstrap'
import { DatabaseTooNewError } from '../db/database'
import { startHttpServer } from './httpServer'

/** The same folder the desktop app uses (Electron's userData for "Werkbank", plus `centre`). */
function defaultDataDir(): string {
  const home = homedir()
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(base, 'Werkbank', 'centre')
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5174' },
      demo: { type: 'boolean', default: false },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not ${values.port}`)

  const rendererDir = join(__dirname, '../renderer')
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new UsageError(`No built renderer in ${rendererDir}: run \`npm run build\` first.`)

  const core = openWerkbank({ dataDir: values.data ?? defaultDataDir(), demo: values.demo })
  const token = process.env.WERKBANK_TOKEN || randomBytes(24).toString('base64url')
  const server = await startHttpServer({ call: core.call, findAttachment: core.findAttachment, token, rendererDir, port, log: core.log })

  process.stdout.write(
    `Werkbank is running in browser mode.\n  Open:  ${server.url}?token=${encodeURIComponent(token)}\n  Data:  ${core.dataDir}\n  Stop:  Ctrl+C\n`,
  )

  const stop = () => {
    void server.close().then(() => {
      core.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof DatabaseTooNewError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`Werkbank could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
