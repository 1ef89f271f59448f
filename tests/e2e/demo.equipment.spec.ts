// Equipment & bookings on the demo centre: the calendar with real FullCalendar, booking through the
// dialog, and the rules refusing in words a person understands.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, pickProfile, screenshot } from './support'

/** A Monday five weeks ahead: inside the booking horizon, beyond the demo's generated bookings. */
function quietMonday(): string {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + 35)
  return d.toISOString().slice(0, 10)
}

async function bookInDialog(page: Page, machine: string, person: string, date: string, from: string, to: string) {
  await page.getByTestId('new-booking').click()
  const dialog = page.getByRole('dialog', { name: 'Nieuwe reservering' })
  await dialog.getByLabel('Machine').selectOption({ label: machine })
  await dialog.getByLabel('Voor wie').selectOption({ label: person })
  await dialog.getByLabel('Datum').fill(date)
  await dialog.getByLabel('Van').fill(from)
  await dialog.getByLabel('Tot').fill(to)
  await dialog.getByLabel(/Doel/).fill('Materiaaltest eiken 6 mm')
  await dialog.getByRole('button', { name: 'Reserveren' }).click()
  return dialog
}

test('the centre calendar shows every machine and opens accessible', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await expect(page.getByRole('heading', { level: 1, name: 'Machines & reserveringen' })).toBeVisible()
  const calendar = page.getByRole('region', { name: 'Agenda van de machines' })
  for (const machine of ['Lasersnijder Trotec Speedy 400', 'CNC-frees Biesse Rover', 'Robotarm KUKA KR 10', 'Kantenlijmer Brandt']) {
    await expect(calendar.getByText(machine)).toBeVisible()
  }
  await page.getByRole('button', { name: 'Week' }).click()
  await expect(calendar.locator('.wb-event').first()).toBeVisible()
  await expectAccessible(page, 'equipment calendar')
  await screenshot(page, 'equipment-calendar-1280')

  await page.getByRole('tab', { name: 'Machines' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Robotarm KUKA KR 10' })).toBeVisible()
  await expect(page.getByText('Goedkeuring nodig')).toBeVisible()
  await expectAccessible(page, 'machines')
  await screenshot(page, 'equipment-machines-1280')
})

test('book a machine, be refused a double booking and an expired permit, in words', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  const monday = quietMonday()

  const first = await bookInDialog(page, 'Lasersnijder Trotec Speedy 400', 'Pieter Jansen', monday, '10:00', '11:00')
  await expect(first).toBeHidden()
  await expect(page.getByRole('status').getByText(/Gereserveerd: Lasersnijder Trotec Speedy 400/)).toBeVisible()

  const second = await bookInDialog(page, 'Lasersnijder Trotec Speedy 400', 'Sanne Kuipers', monday, '10:30', '11:30')
  await expect(second.getByRole('alert')).toContainText('is dan al gereserveerd door Pieter Jansen')
  await expect(second.getByRole('alert')).toContainText('10:00 – 11:00')
  await expectAccessible(page, 'booking dialog with a refusal')
  await screenshot(page, 'booking-refused-1280')
  // Nothing typed is lost: move it to a free hour and it goes through.
  await second.getByLabel('Van').fill('13:00')
  await second.getByLabel('Tot').fill('14:00')
  await second.getByRole('button', { name: 'Reserveren' }).click()
  await expect(second).toBeHidden()

  const expired = await bookInDialog(page, 'Lasersnijder Trotec Speedy 400', 'Mirjam Schouten', monday, '15:00', '16:00')
  await expect(expired.getByRole('alert')).toContainText('bevoegdheid voor Lasersnijder Trotec Speedy 400 is verlopen op')
  await expired.getByRole('button', { name: 'Annuleren' }).click()
})

test('a machine page shows its rules and its permits', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/equipment')
  await page.getByRole('tab', { name: 'Machines' }).click()
  await page.getByRole('article', { name: 'Lasersnijder Trotec Speedy 400' }).getByRole('link', { name: 'Agenda openen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Lasersnijder Trotec Speedy 400' })).toBeVisible()
  await page.getByRole('tab', { name: 'Regels' }).click()
  await expect(page.getByText('15 min vrij na elke reservering')).toBeVisible()
  await page.getByRole('tab', { name: 'Bevoegdheden' }).click()
  await expect(page.getByRole('cell', { name: /Gerrit Hoekstra/ })).toBeVisible()
  await expect(page.getByText('Verlopen').first()).toBeVisible()
  await expectAccessible(page, 'machine permits')
  await screenshot(page, 'machine-permits-1280')
})
