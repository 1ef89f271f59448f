// Unit and integration tests of the core, the shared contract and the Electron shell (with a mocked
// `electron`). Plain Node; the e2e tests in tests/e2e run under Playwright instead.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    env: { WERKBANK_VALIDATE_OUTPUTS: '1' },
    testTimeout: 20_000,
  },
})
