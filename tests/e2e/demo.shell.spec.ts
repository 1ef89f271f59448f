// The app shell on the demo centre: every screen opens, reads well at both window sizes, is usable
// by keyboard and has no serious accessibility violations.
import { expect, test } from '@playwright/test'
import { expectAccessible, openApp, pickProfile, screenshot } from './support'

const SCREENS = [
  { path: '/#/', heading: /^(Goede(morgen|middag|navond)), Marieke$/, name: 'dashboard' },
  { path: '/#/equipment', heading: 'Machines & reserveringen', name: 'equipment' },
  { path: '/#/experiments', heading: 'Experimenten', name: 'experiments' },
  { path: '/#/knowledge', heading: 'Kennisbank', name: 'knowledge' },
  { path: '/#/symposia', heading: 'Symposia', name: 'symposia' },
  { path: '/#/people', heading: 'Mensen', name: 'people' },
  { path: '/#/portfolio', heading: 'Mijn leerportfolio', name: 'portfolio' },
  { path: '/#/reports', heading: 'Rapportages', name: 'reports' },
  { path: '/#/settings', heading: 'Instellingen', name: 'settings' },
]

test('the profile picker lists the centre and is accessible', async ({ page }) => {
  await openApp(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Wie gebruikt Werkbank?' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Gerrit Hoekstra/ })).toBeVisible()
  await expectAccessible(page, 'profile picker')
  await screenshot(page, 'profile-picker-1280')
})

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`every shell screen at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size)
    await pickProfile(page, 'Marieke van Dijk')
    for (const screen of SCREENS) {
      await page.goto(screen.path)
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible()
      await page.waitForLoadState('networkidle')
      // Nothing may spill out sideways at this size.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, `${screen.name} overflows horizontally`).toBeLessThanOrEqual(0)
      const clipped = await page.locator('.card').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).length)
      expect(clipped, `${screen.name} has cards with clipped content`).toBe(0)
      if (size.width === 1280) await expectAccessible(page, screen.name)
      await screenshot(page, `${screen.name}-${size.width}`)
    }
  })
}

test('the person editor is a labelled, accessible dialog that Escape closes', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk')
  await page.goto('/#/people')
  await page.getByRole('button', { name: 'Gerrit Hoekstra' }).click()
  const dialog = page.getByRole('dialog', { name: 'Gerrit Hoekstra bewerken' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Naam')).toHaveValue('Gerrit Hoekstra')
  await expectAccessible(page, 'person editor')
  await screenshot(page, 'person-editor-1280')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('the whole shell works from the keyboard', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk')
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The first Tab reaches the skip link, which jumps past the navigation.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused()
  // Tab through the navigation to People and open it with Enter.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    if (await page.getByRole('link', { name: 'Mensen', exact: true }).evaluate((el) => el === document.activeElement)) break
  }
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Mensen', exact: true })).toHaveAttribute('aria-current', 'page')
})

test('a student sees people but cannot add or edit others', async ({ page }) => {
  await pickProfile(page, 'Daan Visser')
  await page.goto('/#/people')
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()
  await expect(page.getByTestId('add-person')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Gerrit Hoekstra' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Daan Visser' })).toBeVisible() // their own profile
})

test('switching profile returns to the picker', async ({ page }) => {
  await pickProfile(page, 'Gerrit Hoekstra')
  await page.getByTestId('switch-profile').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Wie gebruikt Werkbank?' })).toBeVisible()
})

test('the English interface is complete on every screen', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk')
  await page.goto('/#/settings')
  await page.getByLabel('Taal van Werkbank').selectOption('en')
  for (const [path, heading] of [
    ['/#/', /^Good (morning|afternoon|evening), Marieke$/],
    ['/#/equipment', 'Equipment & bookings'],
    ['/#/people', 'People'],
    ['/#/portfolio', 'My learning portfolio'],
    ['/#/reports', 'Reports'],
    ['/#/settings', 'Settings'],
  ] as const) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    // No Dutch left on the page: a few words that only the Dutch messages use.
    await expect(page.locator('body')).not.toContainText(/Mensen|Instellingen|Opslaan|Zoeken|Coördinator|Volgt in/)
  }
  await screenshot(page, 'people-en-1280')
})

test('Ctrl+K searches everything by half a word and opens the result', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk')
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Zoeken' })
  await dialog.getByRole('combobox').fill('troté')
  // The machine itself (a session that uses it is found too, further down).
  await expect(dialog.getByRole('option', { name: /^Machine Lasersnijder Trotec Speedy 400/ })).toBeVisible()
  await expectAccessible(page, 'search dialog')
  await screenshot(page, 'search-1280')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Lasersnijder Trotec Speedy 400' })).toBeVisible()

  await page.getByTestId('open-search').click()
  await page.getByRole('dialog', { name: 'Zoeken' }).getByRole('combobox').fill('hoeks')
  await page.getByRole('option', { name: /^Persoon Gerrit Hoekstra/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Gerrit Hoekstra' })).toBeVisible()
  await expect(page.getByTestId('people-count')).toHaveText('1 persoon')
})
