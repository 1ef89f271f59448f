// A separate process for the registration concurrency test: opens the same data folder, says it is
// ready, and on "go" makes one call (a registration or a cancellation) through the real dispatcher,
// then reports the result and exits.
import { openWerkbank } from '../bootstrap'

const [dataDir, actorId, method, envelopeJson] = process.argv.slice(2)
const core = openWerkbank({ dataDir: dataDir!, log: { info() {}, error: (event, context) => console.error(event, context) } })

process.on('message', async (message) => {
  if (message !== 'go') return
  if (method !== 'registrations.register' && method !== 'registrations.cancel') throw new Error(`Unexpected method ${method}`)
  const result = await core.call(method, { input: JSON.parse(envelopeJson!), actorId: Number(actorId) })
  core.close()
  process.send!(result, () => process.exit(0))
})
process.send!('ready')
