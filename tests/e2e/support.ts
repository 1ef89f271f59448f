// Shared steps of the e2e tests.
import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const TOKEN = 'e2e-token-not-secret'

/** Opens the app the way a user does: the address the server printed, token included. */
export async function openApp(page: Page, path = '/') {
  const [pathname, hash = ''] = path.split('#')
  await page.goto(`${pathname}?token=${TOKEN}${hash ? '#' + hash : ''}`)
}

/** axe-core on the page as it is now: no serious or critical violations allowed. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  )
  expect(summary, `accessibility of ${label}`).toEqual([])
}

/** Screenshots go to test-results/screenshots, or to docs/screenshots when WERKBANK_SCREENSHOTS=docs. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.WERKBANK_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots'
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`) })
}

/** Opens the app and picks a profile, as every new device (here: every test's fresh context) must. */
export async function pickProfile(page: Page, name: string, path = '/') {
  await openApp(page, path)
  await expect(page.getByRole('heading', { level: 1, name: 'Wie gebruikt Werkbank?' })).toBeVisible()
  await page.getByLabel('Zoek je naam').fill(name.split(' ')[0]!)
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible()
}

/** One call to the core over HTTP, as the renderer makes it: for seeding data a test then opens in the UI. */
export async function api<T>(request: APIRequestContext, method: string, input: unknown, actorId: number | null = null): Promise<T> {
  const response = await request.post(`/api/${method}`, { data: { input, actorId }, headers: { Authorization: `Bearer ${TOKEN}` } })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value
}
