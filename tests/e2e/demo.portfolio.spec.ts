// The learning portfolio on the demo centre. A freelancer on a new device opens their own portfolio:
// the machine hours equal the sum of their check-ins (read through the API), they add a goal and a
// reflection and export the PDF. Their learning coach then comments on the reflection, in English.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { api, expectAccessible, pickProfile, screenshot } from './support'

const FREELANCER = 'Gerrit Hoekstra'
const COACH = 'Anouk de Vries'
const DAY = 86_400_000

interface PersonRow {
  id: number
  name: string
}
interface BookingRow {
  kind: string
  person: { id: number } | null
  checkedOutAt: string | null
  actualMinutes: number | null
}

async function personId(request: APIRequestContext, name: string): Promise<number> {
  const list = await api<{ items: PersonRow[] }>(request, 'people.list', { query: name, limit: 5 })
  return list.items.find((p) => p.name === name)!.id
}

/** Minutes between check-in and check-out of every machine session of theirs in the last 400 days. */
async function checkedInMinutes(request: APIRequestContext, id: number): Promise<number> {
  const now = Date.now()
  let minutes = 0
  for (let i = 0; i < 4; i++) {
    const to = new Date(now + 30 * DAY - i * 100 * DAY).toISOString()
    const from = new Date(now + 30 * DAY - (i + 1) * 100 * DAY).toISOString()
    const bookings = await api<BookingRow[]>(request, 'bookings.list', { from, to, personId: id }, id)
    for (const b of bookings) if (b.kind === 'use' && b.person?.id === id && b.checkedOutAt) minutes += b.actualMinutes ?? 0
  }
  return minutes
}

const dutchHours = (m: number) => `${Math.floor(m / 60)} u ${String(m % 60).padStart(2, '0')} min`

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

test('a freelancer sees hours that match their check-ins, adds a goal and a reflection, and exports the PDF', async ({ page, request }) => {
  const gerrit = await personId(request, FREELANCER)
  const minutes = await checkedInMinutes(request, gerrit)
  expect(minutes).toBeGreaterThan(0)
  // Each run has its own demo data folder, so these texts are new in it.
  const goal = 'Kantenlijmer zelfstandig bedienen'
  const reflection = 'Vandaag de kantenlijmer ingesteld op 0,8 mm ABS; de lijmrups was te dik.'

  await pickProfile(page, FREELANCER)
  await page.getByTestId('my-portfolio').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn leerportfolio' })).toBeVisible()
  await expect(page.getByTestId('portfolio-summary-machine')).toContainText(dutchHours(minutes))
  await expect(page.getByTestId('portfolio-coaches')).toContainText(COACH)
  await expectAccessible(page, 'portfolio timeline')
  await screenshot(page, 'portfolio-timeline-1280')

  await openTab(page, 'Onderdelen')
  await expect(page.getByTestId('portfolio-machine-total')).toHaveText(dutchHours(minutes))

  await openTab(page, 'Doelen en reflecties')
  await page.getByTestId('portfolio-goal-add').click()
  await page.getByTestId('portfolio-goal-title').fill(goal)
  await page.getByTestId('portfolio-goal-target').fill('2027-06-30')
  await page.getByTestId('portfolio-goal-save').click()
  await expect(page.getByTestId('portfolio-goal').filter({ hasText: goal })).toContainText('30 juni 2027')

  await page.getByTestId('portfolio-reflection-body').fill(reflection)
  await page.getByLabel('Over doel').selectOption({ label: goal })
  await page.getByTestId('portfolio-reflection-add').click()
  await expect(page.getByTestId('portfolio-reflection').first()).toContainText(reflection)
  await expect(page.getByTestId('portfolio-reflection').first()).toContainText(`Over: ${goal}`)
  // The person edits their own reflection (saved with the version it started from).
  await page.getByTestId('portfolio-reflection').first().getByRole('button', { name: 'Bewerken' }).click()
  await page.getByLabel('Reflectie', { exact: true }).fill(`${reflection} Volgende keer 0,6 mm.`)
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByTestId('portfolio-reflection').first()).toContainText('Volgende keer 0,6 mm.')
  await expectAccessible(page, 'portfolio goals and reflections')

  // The goal and the reflection are on the timeline, under this year.
  await openTab(page, 'Tijdlijn')
  await expect(page.getByRole('listitem').filter({ hasText: goal }).first()).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByTestId('portfolio-export-pdf').click()
  const pdf = await download
  expect(pdf.suggestedFilename()).toBe('portfolio-gerrit-hoekstra.pdf')
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-')
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeAttached()
})

test('the coach comments on a reflection, in English', async ({ page, request }) => {
  const gerrit = await personId(request, FREELANCER)
  const comment = 'Write the glue temperature down as well, and the feed speed.'
  await pickProfile(page, COACH)
  await page.evaluate(() => localStorage.setItem('werkbank.locale', 'en'))
  await page.goto(page.url().replace(/#.*$/, `#/people/${gerrit}/portfolio`))
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: `Learning portfolio of ${FREELANCER}` })).toBeVisible()
  await openTab(page, 'Goals and reflections')
  // Only the person writes goals and reflections: no forms for the coach.
  await expect(page.getByTestId('portfolio-goal-add')).toHaveCount(0)
  await expect(page.getByTestId('portfolio-reflection-body')).toHaveCount(0)

  const first = page.getByTestId('portfolio-reflection').first()
  await first.getByTestId('portfolio-comment-open').click()
  await first.getByTestId('portfolio-comment-body').fill(comment)
  await first.getByTestId('portfolio-comment-send').click()
  await expect(first.getByTestId('portfolio-comment').filter({ hasText: comment })).toContainText(COACH)
  await expectAccessible(page, 'portfolio as coach, English')
  await screenshot(page, 'portfolio-coach-en-1280')

  await openTab(page, 'Sections')
  await expect(page.getByRole('heading', { name: 'Machine hours' })).toBeVisible()
  await expectAccessible(page, 'portfolio sections, English')
  await page.evaluate(() => localStorage.removeItem('werkbank.locale'))
})
