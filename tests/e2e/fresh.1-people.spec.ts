// A first start on an empty data folder: create your own profile, add a person, find them, reload.
import { expect, test } from '@playwright/test'
import { expectAccessible, openApp, pickProfile, screenshot, TOKEN } from './support'

test.describe.configure({ mode: 'serial' })

test('first start: create the first profile as coordinator', async ({ page }) => {
  await openApp(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Werkbank' })).toBeVisible()
  // The token is taken out of the address bar once it is kept for the tab.
  expect(page.url()).not.toContain('token=')
  await expectAccessible(page, 'first start')
  await screenshot(page, 'first-start-1280')

  await page.getByRole('button', { name: 'Nieuw profiel aanmaken' }).click()
  await expect(page.getByText('Vul dit veld in.')).toBeVisible() // empty name refused, translated

  await page.getByLabel('Naam').fill('Marieke van Dijk')
  await page.getByLabel('E-mailadres').fill('marieke@example.nl')
  await page.getByRole('button', { name: 'Nieuw profiel aanmaken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Marieke/ })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Ingelogd als Marieke van Dijk' })).toBeVisible()
})

test('create a person, find them with search, reload, still there', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/people')
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()

  await page.getByTestId('add-person').click()
  const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' })
  await dialog.getByLabel('Naam').fill('Hélène Vermeulen')
  await dialog.getByLabel('E-mailadres').fill('geen-email')
  await dialog.getByLabel('Rol').selectOption('freelancer')
  await dialog.getByLabel('Vak').fill('Goudsmid')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  // A refused save keeps the input and says why, next to the field.
  await expect(dialog.getByText('Dit is geen geldig e-mailadres.')).toBeVisible()
  await expect(dialog.getByLabel('Naam')).toHaveValue('Hélène Vermeulen')

  await dialog.getByLabel('E-mailadres').fill('helene@atelier-vermeulen.nl')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').getByText('Hélène Vermeulen is toegevoegd.')).toBeVisible()

  await page.getByLabel('Zoeken in mensen').fill('helene gouds')
  await expect(page.getByTestId('people-count')).toHaveText('1 persoon')
  await expect(page.getByRole('cell', { name: /Hélène Vermeulen/ })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()
  await page.getByLabel('Zoeken in mensen').fill('vermeul')
  await expect(page.getByRole('cell', { name: /Hélène Vermeulen/ })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Zzp’er' })).toBeVisible()
})

test('switch to English and back to Dutch', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible()
  await page.getByLabel('Taal van Werkbank').selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload() // the choice is kept on this device
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  await page.getByLabel('Language of Werkbank').selectOption('system')
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})

test('the API refuses calls without the token (401) and from a foreign origin (403)', async ({ request, baseURL }) => {
  const body = { input: {} }
  const noToken = await request.post(`${baseURL}/api/people.list`, { data: body })
  expect(noToken.status()).toBe(401)

  const foreign = await request.post(`${baseURL}/api/people.list`, {
    data: body,
    headers: { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' },
  })
  expect(foreign.status()).toBe(403)

  const good = await request.post(`${baseURL}/api/people.list`, { data: body, headers: { Authorization: `Bearer ${TOKEN}` } })
  expect(good.status()).toBe(200)
  expect((await good.json()).value.total).toBe(2)
})

test('a page without the token explains how to open Werkbank', async ({ page }) => {
  await page.goto('/') // a new tab: nothing kept yet
  await expect(page.getByRole('heading', { level: 1, name: 'Open Werkbank via de link van de server' })).toBeVisible()
})
