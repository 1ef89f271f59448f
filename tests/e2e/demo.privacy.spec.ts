// Privacy on the demo centre: the coordinator exports everything about a person of their own
// making (bookings, an experiment, a note), erases them after typing the name, and the totals stay
// as they were: this year's usage report and the machine's bookings. Then the privacy settings in
// English. Demo people stay untouched: other specs rely on them.
import { expect, test, type APIRequestContext } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { api, expectAccessible, pickProfile, screenshot } from './support'

const COORDINATOR = 'Marieke van Dijk'
const DAY = 86_400_000

interface Person {
  id: number
  name: string
  email: string | null
  active: boolean
}

async function coordinatorId(request: APIRequestContext): Promise<number> {
  const list = await api<{ items: Person[] }>(request, 'people.list', { query: 'Marieke', limit: 5 })
  return list.items.find((p) => p.name === COORDINATOR)!.id
}

/** A freelancer of this test's own, with a permit, two bookings, an experiment and a note. */
async function makePerson(request: APIRequestContext, coordinator: number, stamp: string) {
  const person = await api<Person>(
    request,
    'people.create',
    { name: `Pien Privacy ${stamp}`, email: `pien.${stamp}@privacy.test`, role: 'freelancer', organisation: 'Proefbedrijf' },
    coordinator,
  )
  const machines = await api<{ id: number; kind: string; status: string }[]>(request, 'equipment.list', {})
  const laser = machines.find((m) => m.kind === 'laser_cutter' && m.status === 'available')!.id
  await api(request, 'permits.grant', { personId: person.id, equipmentId: laser, level: 'independent' }, coordinator)
  // Far enough ahead that no other spec of this lane books the same hours.
  const from = Date.now() + 12 * DAY
  const slots = await api<{ startsAt: string }[]>(request, 'bookings.freeSlots', {
    equipmentId: laser,
    from: new Date(from).toISOString(),
    to: new Date(from + 14 * DAY).toISOString(),
    durationMinutes: 60,
    limit: 50,
  })
  const bookings: number[] = []
  let lastDay = ''
  for (const slot of slots) {
    const day = slot.startsAt.slice(0, 10)
    if (day === lastDay) continue
    const endsAt = new Date(Date.parse(slot.startsAt) + 3_600_000).toISOString()
    const made = await api<{ id: number }>(
      request,
      'bookings.create',
      { equipmentId: laser, personId: person.id, startsAt: slot.startsAt, endsAt, purpose: `Pien snijdt ${stamp}` },
      coordinator,
    ).catch(() => null)
    if (made) {
      bookings.push(made.id)
      lastDay = day
    }
    if (bookings.length === 2) break
  }
  expect(bookings).toHaveLength(2)
  await api(request, 'experiments.create', { content: { title: `Piens proef ${stamp}`, method: `Geheim recept ${stamp}` } }, person.id)
  await api(
    request,
    'notes.create',
    { content: { title: `Piens notitie ${stamp}`, body: `Pien schreef dit ${stamp}`, category: 'technique' } },
    person.id,
  )
  return { person, laser, from, bookings }
}

test('the coordinator exports a person, erases them, and the totals stay as they were', async ({ page, request }) => {
  const stamp = String(Date.now())
  const coordinator = await coordinatorId(request)
  const { person, laser, from, bookings } = await makePerson(request, coordinator, stamp)

  // Everything but the moment it was made.
  const report = () =>
    api<{ generatedAt: string }>(request, 'reports.usage', { period: { kind: 'preset', preset: 'thisYear' } }, coordinator).then(
      ({ generatedAt: _made, ...totals }) => totals,
    )
  const laserBookings = () =>
    api<{ id: number; status: string }[]>(
      request,
      'bookings.list',
      { from: new Date(from).toISOString(), to: new Date(from + 14 * DAY).toISOString(), equipmentIds: [laser] },
      coordinator,
    ).then((list) => list.map((b) => `${b.id}:${b.status}`).sort())
  const reportBefore = await report()
  const bookingsBefore = await laserBookings()
  expect(bookingsBefore).toEqual(expect.arrayContaining(bookings.map((id) => `${id}:confirmed`)))

  await page.setViewportSize({ width: 1280, height: 900 })
  await pickProfile(page, COORDINATOR, `/#/people/${person.id}/portfolio`)
  const actions = page.getByTestId('privacy-actions')
  await expect(actions).toBeVisible()

  const download = page.waitForEvent('download')
  await actions.getByTestId('privacy-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(new RegExp(`^werkbank-person-${person.id}-\\d{4}-\\d{2}-\\d{2}\\.zip$`))
  const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)))
  const doc = JSON.parse(strFromU8(zip['person.json']!)) as {
    person: Person
    bookings: { id: number }[]
    experiments: { authored: unknown[] }
    notes: unknown[]
  }
  expect(doc.person).toMatchObject({ id: person.id, name: person.name, email: person.email })
  expect(doc.bookings.map((b) => b.id).sort()).toEqual([...bookings].sort())
  expect(doc.experiments.authored).toHaveLength(1)
  expect(doc.notes).toHaveLength(1)
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeAttached()

  await actions.getByTestId('privacy-erase').click()
  const dialog = page.getByTestId('privacy-erase-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('privacy-texts-remove').check()
  const confirm = page.getByTestId('privacy-erase-confirm')
  // Nothing happens until the name is typed as it is.
  await dialog.getByTestId('privacy-confirm-name').fill('Pien')
  await expect(confirm).toBeDisabled()
  await dialog.getByTestId('privacy-confirm-name').fill(person.name.toLowerCase())
  await expect(confirm).toBeEnabled()
  await expectAccessible(page, 'the erase dialog')
  await screenshot(page, 'privacy-erase-1280')
  await confirm.click()

  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: `Gewiste persoon ${person.id}` })).toBeAttached()

  const erased = await api<Person>(request, 'people.get', { id: person.id }, coordinator)
  expect(erased).toMatchObject({ name: `Gewiste persoon ${person.id}`, email: null, active: false })
  expect(await api<unknown[]>(request, 'search.query', { q: stamp, limit: 10 }, coordinator)).toEqual([])
  // The totals: this year's usage report and the machine's bookings, as they were.
  expect(await report()).toEqual(reportBefore)
  expect(await laserBookings()).toEqual(bookingsBefore)

  const log = await api<{ kind: string; personId: number; texts: string }[]>(request, 'privacy.log', { limit: 5 }, coordinator)
  expect(log[0]).toMatchObject({ kind: 'erasure', personId: person.id, texts: 'remove' })
  expect(JSON.stringify(log)).not.toContain('Pien')
})

test('the privacy settings: retention of external registrants, and the log, in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 })
  await pickProfile(page, COORDINATOR, '/#/settings')
  await page.evaluate(() => localStorage.setItem('werkbank.locale', 'en'))
  await page.reload()
  const card = page.getByTestId('privacy-settings')
  await expect(card.getByRole('heading', { level: 2, name: 'Privacy' })).toBeVisible()
  const months = card.getByLabel('Months after the last day of the symposium')
  await expect(months).toBeDisabled()
  await expect(card.getByTestId('privacy-retention-apply')).toBeDisabled()
  await expectAccessible(page, 'privacy settings, English')
  await card.scrollIntoViewIfNeeded()
  await screenshot(page, 'privacy-settings-en-1280')
  // The setting is left off: the demo's registrations belong to other specs.
  await expect(card.getByTestId('privacy-log')).toBeVisible()
  await page.evaluate(() => localStorage.removeItem('werkbank.locale'))
})
