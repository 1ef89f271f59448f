// The import direction and the i18n rule are enforced by lint; these tests prove the rules fire,
// so that loosening eslint.config.mjs shows up as a failing test, not as silence.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.map((m) => m.ruleId ?? m.message)
}

describe('import direction', () => {
  it.each([
    ['src/renderer/stores/x.ts', "import { openWerkbank } from '../../main/bootstrap'"],
    ['src/renderer/stores/x.ts', "import { ipcRenderer } from 'electron'"],
    ['src/renderer/stores/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/renderer/stores/x.ts', "import Database from 'better-sqlite3'"],
    ['src/shared/x.ts', "import { foldForSearch } from '../main/text'"],
    ['src/shared/x.ts', "import { i18n } from '../renderer/i18n'"],
    ['src/shared/x.ts', "import { join } from 'node:path'"],
    ['src/main/x.ts', "import { app } from 'electron'"],
    ['src/main/x.ts', "import { i18n } from '../renderer/i18n'"],
    ['src/main/x.ts', "import { createMainWindow } from '../../electron/main/window'"],
    ['electron/main/x.ts', "import { i18n } from '../../src/renderer/i18n'"],
  ])('%s may not: %s', async (file, code) => {
    expect(await ruleIds(file, code + '\nexport const used = 1\n')).toContain('no-restricted-imports')
  })

  it.each([
    ['src/renderer/stores/x.ts', "import { contract } from '../../shared/contract'"],
    ['src/main/x.ts', "import { contract } from '../shared/contract'"],
    ['electron/main/x.ts', "import { openWerkbank } from '../../src/main/bootstrap'"],
    ['electron/main/x.ts', "import { app } from 'electron'"],
  ])('%s may: %s', async (file, code) => {
    expect(await ruleIds(file, code + '\nexport const used = 1\n')).not.toContain('no-restricted-imports')
  })
})

describe('other rules', () => {
  it('refuses untranslated text in templates', async () => {
    const ids = await ruleIds('src/renderer/components/X.vue', '<template><p>Opslaan</p></template>\n')
    expect(ids).toContain('vue/no-bare-strings-in-template')
  })

  it('refuses v-html outside the one sanitised Markdown view', async () => {
    const ids = await ruleIds(
      'src/renderer/components/X.vue',
      '<script setup lang="ts">\nconst html = \'\'\n</script>\n<template><div v-html="html"></div></template>\n',
    )
    expect(ids).toContain('vue/no-v-html')
  })

  it('refuses SQL built with a template literal in the core', async () => {
    const ids = await ruleIds(
      'src/main/x.ts',
      'export const f = (db: { prepare(s: string): void }, id: string) => db.prepare(`SELECT * FROM t WHERE id = ${id}`)\n',
    )
    expect(ids).toContain('no-restricted-syntax')
  })
})
