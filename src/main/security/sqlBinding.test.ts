// SQL only with bound parameters. The lint rule in eslint.config.mjs refuses a template literal with
// expressions written straight into `.prepare()` or `.exec()`; it does not see one built first
// (`const sql = \`SELECT … ${name}\`; db.prepare(sql)`). This test reads every source file of the core
// with TypeScript's parser and refuses any template literal that both looks like SQL and interpolates,
// wherever it stands.
//
// Concatenating constant fragments (`SELECT + ' WHERE b.id = ?'`, a WHERE list of fixed conditions with
// placeholders) is allowed: the values are still bound. The migrations runner runs the fixed text of
// db/migrations. The checksum helper in src/main/testing builds `SELECT * FROM "<table>"` from names read
// out of sqlite_schema, never from input; it uses `+`, which this test does not flag.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const SQL = /\b(SELECT\s[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|DROP\s+TABLE|PRAGMA)\b/i

/** Template literals with interpolations whose fixed text reads like SQL. */
export function interpolatedSql(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node)) {
      const fixed = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? ')
      if (SQL.test(fixed)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: fixed.slice(0, 100) })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

function coreSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return coreSources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('SQL is never built from values', () => {
  it('no source file of the core or the shell interpolates into SQL text', () => {
    const offences = [...coreSources(join(ROOT, 'src/main')), ...coreSources(join(ROOT, 'electron'))].flatMap((path) =>
      interpolatedSql(path, readFileSync(path, 'utf8')).map((o) => `${relative(ROOT, path)}:${o.line}: ${o.text}`),
    )
    expect(offences).toEqual([])
  })

  it('catches SQL built in a variable first, which the lint rule cannot see', () => {
    const sample = [
      'const sql = `SELECT * FROM people WHERE name = ${name}`',
      'const del = `DELETE FROM notes WHERE id = ${id}`',
      'const up = `UPDATE people SET name = ${name} WHERE id = ?`',
      'const ok = `Hello ${name}`',
      "const bound = db.prepare('SELECT * FROM people WHERE id = ?')",
      "const fragment = SELECT + ' WHERE b.id = ?'",
    ].join('\n')
    expect(interpolatedSql('x.ts', sample).map((o) => o.line)).toEqual([1, 2, 3])
  })
})
