// `npm run soak [-- --rounds N]`: the crash-safety test of src/main/backup/crashSafety.test.ts with
// many rounds (default 50) instead of the 3 that `npm test` runs. Each round starts the core in a
// child process under a write load, kills it with SIGKILL at a random moment and checks the file.
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '50' } } })
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`--rounds must be a whole number of at least 1, not ${values.rounds}\n`)
  process.exit(2)
}
const result = spawnSync('npx', ['vitest', 'run', 'src/main/backup/crashSafety.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, WERKBANK_SOAK_ROUNDS: String(rounds) },
})
process.exit(result.status ?? 1)
