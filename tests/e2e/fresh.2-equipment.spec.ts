// The whole booking path on a fresh centre, in the UI: add a laser cutter with rules, grant permits,
// book it, be refused a double booking, set up a weekly class with one conflicting Tuesday and
// resolve it, plan maintenance over a booking and cancel that booking with a reason, check in and
// out, and download an .ics file.
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expectAccessible, pickProfile, screenshot, TOKEN } from './support'

test.describe.configure({ mode: 'serial' })

const MACHINE = 'Lasersnijder Epilog'
const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']

/** Local date in Amsterdam, `days` from today. */
function amsterdamDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000))
}
/** The Tuesday two to three weeks ahead: clear of today, inside the booking horizon. */
function tuesdayAhead(): string {
  for (let days = 14; ; days++) {
    const date = amsterdamDate(days)
    if (new Date(date + 'T12:00:00Z').getUTCDay() === 2) return date
  }
}
const addDays = (date: string, days: number) => new Date(Date.parse(date + 'T12:00:00Z') + days * 86_400_000).toISOString().slice(0, 10)

async function openNewBooking(page: Page, person: string, date: string, from: string, to: string) {
  await page.getByTestId('new-booking').click()
  const dialog = page.getByRole('dialog', { name: 'Nieuwe reservering' })
  await dialog.getByLabel('Machine').selectOption({ label: MACHINE })
  await dialog.getByLabel('Voor wie').selectOption({ label: person })
  await dialog.getByLabel('Datum').fill(date)
  await dialog.getByLabel('Van').fill(from)
  await dialog.getByLabel('Tot').fill(to)
  return dialog
}

test('add a laser cutter with its rules', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await expect(page.getByText('Nog geen machines')).toBeVisible()
  await page.getByTestId('add-machine').click()
  const editor = page.getByRole('dialog', { name: 'Machine toevoegen' })
  await editor.getByLabel('Naam', { exact: true }).fill(MACHINE)
  await editor.getByLabel('Bevoegdheid nodig').check()
  // Open day and night, so the check-in below works whenever the tests run.
  for (const day of WEEKDAYS) {
    await editor.getByLabel(day, { exact: true }).check()
    await editor.getByLabel(`Begintijd ${day}, tijdvak 1`).fill('00:00')
    await editor.getByLabel(`Eindtijd ${day}, tijdvak 1`).fill('00:00')
  }
  await expectAccessible(page, 'machine editor')
  await editor.getByRole('button', { name: 'Opslaan' }).click()
  await expect(editor).toBeHidden()
  await expect(page.getByRole('status').getByText(`${MACHINE} is toegevoegd.`)).toBeVisible()
})

test('grant permits on the machine page', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: MACHINE }).getByRole('link', { name: 'Agenda openen' }).click()
  await page.getByRole('tab', { name: 'Bevoegdheden' }).click()
  for (const [person, level] of [
    ['Hélène Vermeulen (Zzp’er)', 'Zelfstandig'],
    ['Marieke van Dijk (Coördinator)', 'Instructeur'],
  ]) {
    await page.getByLabel('Persoon').selectOption({ label: person })
    await page.getByLabel('Niveau').selectOption({ label: level })
    await page.getByRole('button', { name: 'Bevoegdheid geven' }).click()
    await expect(page.getByRole('status').getByText(`Bevoegdheid gegeven aan ${person!.split(' (')[0]}.`)).toBeVisible()
  }
  await expect(page.getByRole('row', { name: /^Hélène Vermeulen.*Zelfstandig/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /^Marieke van Dijk.*Instructeur/ })).toBeVisible()
})

test('book it, and be refused a double booking in plain words', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const tuesday = tuesdayAhead()
  const first = await openNewBooking(page, 'Hélène Vermeulen', tuesday, '10:00', '11:00')
  await first.getByRole('button', { name: 'Reserveren' }).click()
  await expect(first).toBeHidden()
  await expect(page.getByRole('status').getByText(new RegExp(`Gereserveerd: ${MACHINE}`))).toBeVisible()

  const second = await openNewBooking(page, 'Marieke van Dijk', tuesday, '10:30', '11:30')
  await second.getByRole('button', { name: 'Reserveren' }).click()
  await expect(second.getByRole('alert')).toContainText(`${MACHINE} is dan al gereserveerd door Hélène Vermeulen`)
  await second.getByRole('button', { name: 'Annuleren' }).click()
})

test('set up a weekly class with one conflicting Tuesday and resolve it by skipping that date', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const firstClass = addDays(tuesdayAhead(), -7)
  const dialog = await openNewBooking(page, 'Marieke van Dijk', firstClass, '09:30', '12:00')
  await dialog.getByLabel(/Doel/).fill('Les 2A: lasersnijden')
  await dialog.getByTestId('repeat').check()
  await dialog.getByRole('radio', { name: 'Aantal keer' }).check()
  await dialog.getByRole('spinbutton', { name: 'Aantal keer' }).fill('4')
  await dialog.getByTestId('check-series').click()
  await expect(dialog.getByText('4 keer, waarvan 1 niet kan.')).toBeVisible()
  await expect(dialog.getByText(/is dan al gereserveerd door Hélène Vermeulen/)).toBeVisible()
  await expectAccessible(page, 'series preview')
  await screenshot(page, 'series-preview-1280')
  // The refused Tuesday is skipped by default; the other three are booked together.
  await dialog.getByTestId('book-series').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').getByText(`3 reserveringen van ${MACHINE} vastgelegd.`)).toBeVisible()
})

test('plan maintenance over a booking and cancel that booking with a reason', async ({ page, request, baseURL }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const tuesday = tuesdayAhead()
  const dialog = await openNewBooking(page, 'Marieke van Dijk', tuesday, '13:00', '17:00')
  await dialog.getByLabel('Soort').selectOption({ label: 'Onderhoud' })
  await dialog.getByLabel('Tot').fill('17:00')
  await dialog.getByLabel('Van').fill('08:00')
  await dialog.getByRole('button', { name: 'Reserveren' }).click()
  await expect(dialog.getByText('1 reservering zit in de weg')).toBeVisible()
  await expect(dialog.getByRole('link', { name: 'helene@atelier-vermeulen.nl' })).toBeVisible()
  await dialog.getByLabel('Reden om ze te annuleren').fill('Laserbuis vervangen')
  await dialog.getByRole('button', { name: 'Reserveren' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').getByText(new RegExp(`Onderhoud gepland: ${MACHINE}`))).toBeVisible()

  // Hélène's booking is cancelled with that reason.
  const from = new Date(Date.parse(tuesday + 'T00:00:00Z') - 86_400_000).toISOString()
  const to = new Date(Date.parse(tuesday + 'T00:00:00Z') + 2 * 86_400_000).toISOString()
  const reply = await request.post(`${baseURL}/api/bookings.list`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: { input: { from, to, includeCancelled: true } },
  })
  const bookings = (await reply.json()).value as { person: { name: string } | null; status: string; cancelReason: string | null }[]
  expect(bookings.find((b) => b.person?.name === 'Hélène Vermeulen')).toMatchObject({
    status: 'cancelled',
    cancelReason: 'Laserbuis vervangen',
  })
})

test('check in and out of a booking that is happening now', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  )
  // Half an hour around now, on the 15-minute grid, never crossing midnight (an end at 00:00 is midnight).
  const minutes = Math.max(0, Number(parts.hour) * 60 + Math.floor(Number(parts.minute) / 15) * 15 - 15)
  const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  const dialog = await openNewBooking(page, 'Marieke van Dijk', amsterdamDate(0), hhmm(minutes), hhmm(minutes + 30))
  await dialog.getByRole('button', { name: 'Reserveren' }).click()
  await expect(dialog).toBeHidden()

  await page.getByRole('button', { name: 'Dag', exact: true }).click()
  await page.locator('.wb-event', { hasText: 'Marieke van Dijk' }).first().click()
  await page.getByRole('dialog', { name: 'Reservering' }).getByRole('button', { name: 'Inchecken' }).click()
  await expect(page.getByRole('status').getByText('Ingecheckt.')).toBeVisible()
  await page.locator('.wb-event--checked_in', { hasText: 'Marieke van Dijk' }).first().click()
  await page.getByRole('dialog', { name: 'Reservering' }).getByRole('button', { name: 'Uitchecken' }).click()
  await expect(page.getByRole('status').getByText(/Uitgecheckt/)).toBeVisible()
  await expect(page.locator('.wb-event--completed', { hasText: 'Marieke van Dijk' }).first()).toBeVisible()
})

test('download the machine’s calendar as an .ics file', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: MACHINE }).getByRole('link', { name: 'Agenda openen' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: /\.ics/ }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.ics$/)
  const content = readFileSync(await download.path(), 'utf8')
  expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(content).toContain('STATUS:CANCELLED')
  expect(content.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(6)
})
