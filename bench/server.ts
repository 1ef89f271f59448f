// The browser-mode server as a process of its own, as `npm run web` runs it: the core on the
// bench's data folder behind the real HTTP transport (startHttpServer), API only. The harness
// talks to it over loopback and asks it for its memory figures; its peak RSS is the server's.
//   argv: dataDir, liveSince (the harness's live-clock start, ms), token
import { openWerkbank } from '../src/main/bootstrap'
import { startHttpServer } from '../src/main/server/httpServer'
import { createBenchClock } from './lib/clock'
import type { ServerMemory, ServerMessage } from './lib/httpServerProcess'

async function main() {
  const [dataDir, liveSince, token] = process.argv.slice(2)
  if (!dataDir || !liveSince || !token || !process.send) throw new Error('server.mjs is started by the bench harness (run.mjs)')
  const clock = createBenchClock()
  clock.live(Number(liveSince))
  const core = openWerkbank({ dataDir, clock, validateOutputs: false })
  const server = await startHttpServer({ call: core.call, token, rendererDir: null, port: 0, log: core.log })

  let peakHeapUsed = 0
  const sample = () => {
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed)
  }
  setInterval(sample, 20).unref()
  const memory = (): ServerMemory => {
    sample()
    const m = process.memoryUsage()
    return { rss: m.rss, heapUsed: m.heapUsed, peakHeapUsed, external: m.external, maxRss: process.resourceUsage().maxRSS * 1024 }
  }

  const send = (message: ServerMessage) => process.send!(message)
  process.on('message', (message) => {
    if (message === 'memory') send({ type: 'memory', memory: memory() })
    if (message === 'close') {
      void server.close().then(() => {
        core.close()
        process.exit(0)
      })
    }
  })
  // The harness going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0))
  send({ type: 'ready', port: server.port, memory: memory() })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
