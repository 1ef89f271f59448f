// The data folder's log: one JSON object per line, so unexpected errors keep their context.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export interface Logger {
  info(event: string, context?: Record<string, unknown>): void
  error(event: string, context?: Record<string, unknown>): void
}

export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'werkbank.log')
  const write = (level: string, event: string, context: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...context }, errorReplacer)
    try {
      appendFileSync(file, line + '\n')
    } catch {
      // A full disk must not turn a logged error into a crash; stderr still has it.
      process.stderr.write(line + '\n')
    }
  }
  return { info: (e, c) => write('info', e, c), error: (e, c) => write('error', e, c) }
}

function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
}
