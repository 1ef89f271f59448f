// Dutch and English are both complete, every message compiles, and every refusal the core or a
// transport can return has a human sentence in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import en from '../../src/renderer/i18n/en'
import nl from '../../src/renderer/i18n/nl'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('messages', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    const nlKeys = leaves(nl as unknown as Tree)
    const enKeys = leaves(en as unknown as Tree)
    expect(enKeys.map(([k]) => k)).toEqual(nlKeys.map(([k]) => k))
    for (const [key, text] of [...nlKeys, ...enKeys]) expect(text.trim(), key).not.toBe('')
  })

  it('compiles every message in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      const i18n = createI18n({ legacy: false, locale, messages: { nl, en }, missingWarn: false, fallbackWarn: false })
      for (const [key, raw] of leaves((locale === 'nl' ? nl : en) as unknown as Tree)) {
        const out = i18n.global.t(
          key,
          { name: 'X', n: 2, email: 'a@b', incident: '1', query: 'q', language: 'L', centre: 'C', keys: 'k', minimum: 1, maximum: 9 },
          2,
        )
        expect(out, `${locale}:${key}`).not.toBe(key)
        expect(out.includes('{') && !raw.includes("{'{'}"), `${locale}:${key} left a placeholder: ${out}`).toBe(false)
      }
    }
  })

  it('translates every refusal reason the core and the transports can return', () => {
    const code = [...sourceFiles('src/main'), ...sourceFiles('src/renderer/api')].map((f) => readFileSync(f, 'utf8')).join('\n')
    const reasons = new Set([
      ...[...code.matchAll(/reason: '(\w+)'/g)].map((m) => m[1]!),
      ...[...code.matchAll(/transportError\('\w+', '(\w+)'/g)].map((m) => m[1]!),
    ])
    expect(reasons.size).toBeGreaterThan(15)
    for (const reason of reasons) {
      expect(nl.errors.reasons, `nl has no text for reason ${reason}`).toHaveProperty(reason)
      expect(en.errors.reasons, `en has no text for reason ${reason}`).toHaveProperty(reason)
    }
  })

  it('translates every field check the contract can fail with', () => {
    const shared = sourceFiles('src/shared')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const reasons = new Set([...shared.matchAll(/params: \{ reason: '(\w+)' \}/g)].map((m) => m[1]!))
    expect(reasons.size).toBeGreaterThan(4)
    for (const reason of reasons) {
      expect(nl.errors.fields, `nl has no field text for ${reason}`).toHaveProperty(reason)
      expect(en.errors.fields, `en has no field text for ${reason}`).toHaveProperty(reason)
    }
  })
})
