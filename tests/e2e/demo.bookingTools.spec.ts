// Booking tools on the demo centre: "what is free?" proposing a booking, the tablet screen of one
// machine for today (check-in refused in words), and calendar export as an .ics download.
import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { expectAccessible, pickProfile, screenshot } from './support'

const LASER = 'Lasersnijder Trotec Speedy 400'
const CNC = 'CNC-frees Biesse Rover'

/** The next Tuesday after today (Amsterdam): the demo's furniture class runs 09:00–12:00 on the CNC router. */
function nextTuesday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())
  const d = new Date(today + 'T12:00:00Z')
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7 || 7))
  return d.toISOString().slice(0, 10)
}

async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const path = await download.path()
  return { download, text: readFileSync(path, 'utf8') }
}

test('what is free: slots for the laser cutter, and booking one opens the dialog with that machine', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const free = page.getByRole('region', { name: 'Wat is er vrij?' })
  await expect(free).toBeVisible()
  // The calendar stays in view below the compact card.
  await expect(page.getByRole('region', { name: 'Agenda van de machines' })).toBeVisible()

  await free.getByLabel('Machine').selectOption({ label: LASER })
  await free.getByLabel('Duur').selectOption({ label: '1 uur' })
  const slots = free.getByRole('list', { name: 'Vrije momenten' }).getByRole('listitem')
  await expect(slots.first()).toBeVisible()
  expect(await slots.count()).toBeGreaterThan(0)
  expect(await slots.count()).toBeLessThanOrEqual(8)
  await expect(slots.first()).toContainText(LASER)
  await expectAccessible(page, 'free slots')
  await screenshot(page, 'equipment-free-slots-1280')

  const time = (await slots.first().locator('.slot__time').innerText()).trim()
  const [from, to] = time.split(/\s*–\s*/)
  await slots
    .first()
    .getByRole('button', { name: /^Reserveren/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Nieuwe reservering' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Machine').locator('option:checked')).toHaveText(LASER)
  await expect(dialog.getByLabel('Van')).toHaveValue(from!)
  await expect(dialog.getByLabel('Tot')).toHaveValue(to!)
  await screenshot(page, 'equipment-free-slots-dialog-1280')
  await dialog.getByRole('button', { name: 'Annuleren' }).click()
  await expect(dialog).toBeHidden()

  // Any machine of a kind works too, and a length the machine does not allow gets a friendly word.
  await free.getByLabel('Machine').selectOption({ label: 'Elke CNC-frees' })
  await expect(slots.first()).toContainText(CNC)
  await free.getByLabel('Machine').selectOption({ label: CNC })
  await free.getByLabel('Duur').selectOption({ label: '30 min' })
  await expect(free.getByTestId('free-slots-empty')).toContainText('duurt minstens 60 minuten')
  await free.getByRole('button', { name: 'Wissen' }).click()
  await expect(free.getByRole('listitem')).toHaveCount(0)
})

test('today at a machine: large list for a tablet, linked from the machine page and back', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: LASER }).getByRole('link', { name: 'Agenda openen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: LASER })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Agenda exporteren (.ics)' })).toBeVisible()
  await page.getByRole('link', { name: 'Alle machines' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'machine-header-1280')
  await expectAccessible(page, 'machine page with today link and export')
  await page.getByRole('link', { name: /^Vandaag/ }).click()

  await expect(page).toHaveURL(/#\/equipment\/\d+\/today$/)
  await expect(page.getByText('Vandaag aan deze machine')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: LASER })).toBeVisible()
  await expect(page.getByText(/reservering(en)? vandaag|Vandaag geen reserveringen/)).toBeVisible()
  await expectAccessible(page, 'today at a machine')
  await screenshot(page, 'machine-today-1280')

  await page.getByRole('link', { name: `Terug naar ${LASER}` }).click()
  await expect(page).toHaveURL(/#\/equipment\/\d+$/)
  await expect(page.getByRole('tab', { name: 'Agenda' })).toBeVisible()
})

test('today at a machine during a class: check-in buttons, and the core’s refusal in words', async ({ page }) => {
  // The browser believes it is already next Tuesday, during the class; the core knows better.
  await page.clock.setFixedTime(new Date(`${nextTuesday()}T09:15:00Z`))
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: CNC }).getByRole('link', { name: 'Agenda openen' }).click()
  await page.getByRole('link', { name: /^Vandaag/ }).click()

  const list = page.getByRole('list', { name: 'Reserveringen van vandaag' })
  const lesson = list.getByRole('listitem').filter({ hasText: 'Les meubelmaken 2A' })
  await expect(lesson).toContainText('Anouk de Vries')
  await expect(lesson).toContainText('Bevestigd')
  await expect(lesson).toContainText('Nu')
  await expect(lesson.getByRole('button', { name: 'Niet verschenen' })).toBeVisible()
  await screenshot(page, 'machine-today-class-1280')

  await lesson.getByRole('button', { name: 'Inchecken' }).click()
  await expect(lesson.getByRole('alert')).toContainText('Inchecken kan vanaf 15 minuten voor het begin tot het einde')
  await expectAccessible(page, 'today at a machine with a refusal')
  await screenshot(page, 'machine-today-refused-1280')
  // A tablet on its side: the buttons move under the text and stay large.
  await page.setViewportSize({ width: 1024, height: 768 })
  await screenshot(page, 'machine-today-refused-1024')
})

test('calendar export downloads an .ics file for the centre, a person and a machine', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('button', { name: 'Agenda van het centrum (.ics)' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'equipment-export-1280')

  const centre = await downloadedText(page, () => page.getByRole('button', { name: 'Agenda van het centrum (.ics)' }).click())
  expect(centre.download.suggestedFilename()).toMatch(/\.ics$/)
  expect(centre.text.startsWith('BEGIN:VCALENDAR')).toBe(true)
  expect(centre.text).toContain('BEGIN:VEVENT')

  const mine = await downloadedText(page, () => page.getByRole('button', { name: 'Mijn reserveringen (.ics)' }).click())
  expect(mine.text.startsWith('BEGIN:VCALENDAR')).toBe(true)
  await expect(
    page
      .getByRole('status')
      .getByText(/De agenda is opgeslagen als .*\.ics/)
      .first(),
  ).toBeVisible()

  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: LASER }).getByRole('link', { name: 'Agenda openen' }).click()
  const machine = await downloadedText(page, () => page.getByRole('button', { name: 'Agenda exporteren (.ics)' }).click())
  expect(machine.text.startsWith('BEGIN:VCALENDAR')).toBe(true)
  expect(machine.text).toContain(`LOCATION:${LASER}`)
})
