// A separate process for the crash test: opens the data folder through the real core, says it is
// ready, then writes notes as fast as it can from a few interleaved loops and reports every write
// the core acknowledged to the parent, until the parent kills it with SIGKILL.
import { randomBytes } from 'node:crypto'
import { openWerkbank } from '../bootstrap'

const [dataDir, actorId, round] = process.argv.slice(2)
const core = openWerkbank({ dataDir: dataDir!, log: { info() {}, error: (event, context) => console.error(event, context) } })

async function writer(loop: number) {
  for (let i = 0; ; i++) {
    const title = `r${round}-l${loop}-${i}`
    // A body of a few kB, so the WAL grows and checkpoints run while the process may die.
    const body = randomBytes(1500).toString('base64')
    const result = await core.call('notes.create', { input: { content: { title, body, category: 'technique' } }, actorId: Number(actorId) })
    if (!result.ok) {
      console.error('write refused', result.error)
      process.exit(1)
    }
    // Sent only after the call returned: the transaction has committed.
    process.send!({ ack: title })
  }
}

process.send!('ready')
for (let loop = 0; loop < 3; loop++) void writer(loop)
