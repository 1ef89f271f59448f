// The exports tab on the demo centre's finished symposium: an organiser downloads the programme
// booklet, schedule.xml and one person's certificate; a student who was there finds only their own
// certificate.
import { expect, test, type APIRequestContext } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expectAccessible, pickProfile, screenshot, TOKEN } from './support'

const COORDINATOR = 'Marieke van Dijk'

async function api<T>(request: APIRequestContext, method: string, input: unknown, actorId: number | null = null): Promise<T> {
  const response = await request.post(`/api/${method}`, { data: { input, actorId }, headers: { Authorization: `Bearer ${TOKEN}` } })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value
}

interface Summary {
  id: number
  title: string
  startsOn: string
  counts: { checkedIn: number }
}

/** The demo's finished edition: the one people checked in to. */
async function finishedEdition(request: APIRequestContext): Promise<Summary> {
  const list = await api<Summary[]>(request, 'symposia.list', {})
  return list.filter((e) => e.counts.checkedIn > 0).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0]!
}

test('an organiser downloads the booklet, schedule.xml and a certificate from the exports tab', async ({ page, request }) => {
  const edition = await finishedEdition(request)
  await pickProfile(page, COORDINATOR, `/#/symposia/${edition.id}/exports`)
  const panel = page.getByTestId('symposium-exports')
  await expect(panel.getByRole('heading', { name: 'Programmaboekje (PDF)' })).toBeVisible()
  await expect(page.getByTestId('export-certificate-person')).toBeVisible()

  const booklet = page.waitForEvent('download')
  await page.getByTestId('download-booklet').click()
  const bookletFile = await booklet
  expect(bookletFile.suggestedFilename()).toMatch(/-programma\.pdf$/)
  expect(
    readFileSync((await bookletFile.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-')

  const xml = page.waitForEvent('download')
  await page.getByTestId('download-schedule-xml').click()
  const xmlFile = await xml
  expect(xmlFile.suggestedFilename()).toMatch(/-schedule\.xml$/)
  const text = readFileSync((await xmlFile.path())!, 'utf8')
  expect(text).toContain('<schedule>')
  expect(text).toMatch(/<event guid="[0-9a-f-]{36}" id="\d+">/)

  // One person's certificate, in English.
  await page.getByTestId('export-language-en').check()
  const select = page.getByTestId('export-certificate-person')
  const firstPerson = await select.locator('option').nth(1).textContent()
  await select.selectOption({ index: 1 })
  const certificate = page.waitForEvent('download')
  await page.getByTestId('download-certificates').click()
  const certificateFile = await certificate
  expect(certificateFile.suggestedFilename()).toMatch(/-certificate-.+\.pdf$/)
  expect(firstPerson).toBeTruthy()

  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeAttached()
  await expectAccessible(page, 'the exports tab')
  await page.setViewportSize({ width: 1280, height: 1500 })
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
  await screenshot(page, 'symposium-exports-1280')
})

test('someone who checked in finds only their own certificate', async ({ page, request }) => {
  const edition = await finishedEdition(request)
  const coordinator = (
    await api<{ items: { id: number; name: string; role: string }[] }>(request, 'people.list', { limit: 500 })
  ).items.find((p) => p.name === COORDINATOR)!
  const registrations = await api<{ personId: number | null; name: string; status: string; checkedInDays: string[] }[]>(
    request,
    'registrations.list',
    { editionId: edition.id },
    coordinator.id,
  )
  const people = (await api<{ items: { id: number; role: string }[] }>(request, 'people.list', { limit: 500 })).items
  const attendee = registrations.find(
    (r) => r.status === 'registered' && r.checkedInDays.length > 0 && people.some((p) => p.id === r.personId && p.role === 'student'),
  )!
  await pickProfile(page, attendee.name, `/#/symposia/${edition.id}/exports`)
  await expect(page.getByTestId('download-booklet')).toHaveCount(0)
  const download = page.waitForEvent('download')
  await page.getByTestId('download-my-certificate').click()
  expect((await download).suggestedFilename()).toMatch(/-certificaat-.+\.pdf$/)
  await screenshot(page, 'symposium-exports-own-1280')
})
