// Lint rules, above all the import direction of the design guide:
//   renderer → shared ← main ← electron
// Only electron/ imports 'electron'; the renderer never reaches Node or the core; the contract in
// src/shared stays free of Node, the DOM and both sides. Templates carry no untranslated text.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util', 'net', 'stream']

const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(({ group, message }) => ({ group, message })) }],
})

const ELECTRON = { group: ['electron', 'electron/*'], message: 'Only electron/ may import electron (design guide §1).' }
const RENDERER = { group: ['**/renderer/**', '**/renderer'], message: 'The renderer is reached only through the API contract.' }
const MAIN = { group: ['**/main/**'], message: 'The renderer and the contract never import the core (src/main).' }
const ELECTRON_FOLDER = { group: ['**/electron/**'], message: 'Nothing outside electron/ imports the desktop shell.' }
const NODE = { group: nodeBuiltins, message: 'No Node built-ins here: this code also runs in the browser.' }
const DATABASE = { group: ['better-sqlite3'], message: 'Only the core touches the database.' }

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'demo-data/**', 'bench/data/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier-like formatting is not enforced by lint; these would only fight the formatter.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      ...forbid(ELECTRON, MAIN, NODE, DATABASE, ELECTRON_FOLDER),
      // Raw HTML only through the one sanitiser (MarkdownView.vue carries the single exception).
      'vue/no-v-html': 'error',
      // Every user-facing string goes through i18n.
      'vue/no-bare-strings-in-template': ['error', { allowlist: ['(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>', '·', '|', '—', '×'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: forbid(ELECTRON, RENDERER, MAIN, NODE, DATABASE, ELECTRON_FOLDER),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: forbid(ELECTRON, RENDERER, ELECTRON_FOLDER),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(RENDERER),
  },
  {
    // SQL is written with placeholders; a template literal inside a statement call is how string-built SQL sneaks in.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/] > TemplateLiteral[expressions.length>0]",
          message: 'Bind parameters instead of building SQL with template literals.',
        },
      ],
    },
  },
)
