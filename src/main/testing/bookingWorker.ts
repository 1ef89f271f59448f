// A separate process for the concurrency test: opens the same data folder, says it is ready, and
// on "go" tries one booking through the real dispatcher, then reports the result and exits.
import { openWerkbank } from '../bootstrap'

const [dataDir, actorId, envelopeJson] = process.argv.slice(2)
const core = openWerkbank({ dataDir: dataDir!, log: { info() {}, error: (event, context) => console.error(event, context) } })

process.on('message', async (message) => {
  if (message !== 'go') return
  const result = await core.call('bookings.create', { input: JSON.parse(envelopeJson!), actorId: Number(actorId) })
  core.close()
  process.send!(result, () => process.exit(0))
})
process.send!('ready')
