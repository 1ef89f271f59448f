// The schema's history: db/migrations/NNNN-name.sql, numbered, forward-only. The number is the
// version stored in `PRAGMA user_version` once the file has run. Files are bundled into the build
// at compile time, so the desktop app and the server never look for them on disk.

export interface Migration {
  version: number
  name: string
  sql: string
}

const files = import.meta.glob('../../../db/migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const migrations = Object.entries(sources).map(([path, sql]) => {
    const match = /(\d{4})-([\w-]+)\.sql$/.exec(path)
    if (!match) throw new Error(`Migration file name must be NNNN-name.sql: ${path}`)
    return { version: Number(match[1]), name: match[2]!, sql }
  })
  migrations.sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version) throw new Error(`Two migrations share version ${m.version}`)
  })
  return migrations
}

export const MIGRATIONS: readonly Migration[] = parseMigrations(files)
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
