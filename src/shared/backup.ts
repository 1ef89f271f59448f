// Backups made with SQLite's online backup API, their retention, and restore after checks.
// Spread into the contract with one line.
export const backupMethods = {} as const
