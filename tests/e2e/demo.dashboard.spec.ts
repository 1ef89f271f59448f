// The start screen on the demo centre: the app opens on "today at the centre", every section is
// there, a coordinator goes from a waiting request straight to approving it, a student sees their
// own things first, the page refreshes itself, and it reads well in English. Records this spec
// changes are its own: a robot-arm request by Gerrit Hoekstra and an edge-bander permit for
// Daan Visser that ends this month.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { api, expectAccessible, openApp, pickProfile } from './support'

interface Person {
  id: number
  name: string
}

/**
 * The whole dashboard, not just the first screenful: the shell scrolls inside its own pane, so the
 * window is made as tall as the content for the picture. Same folder as support's `screenshot`.
 */
async function screenshot(page: Page, name: string) {
  const dir = process.env.WERKBANK_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots'
  mkdirSync(dir, { recursive: true })
  const size = page.viewportSize()!
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((e) => e.scrollHeight)))
  await page.setViewportSize({ width: size.width, height: Math.min(2400, height + 40) })
  await page.screenshot({ path: `${dir}/${name}.png` })
  await page.setViewportSize(size)
}

const people = async (request: APIRequestContext) => (await api<{ items: Person[] }>(request, 'people.list', { limit: 500 })).items
const byName = (list: Person[], name: string) => list.find((p) => p.name === name)!

/** The last day of this month in Amsterdam, the centre's zone. */
function lastOfThisMonth(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number)
  return new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10)
}

/** A request for the robot arm (it needs approval) by a freelancer, in the first free hour from tomorrow on. */
async function requestRobotArm(request: APIRequestContext, person: Person) {
  const machines = await api<{ id: number; kind: string }[]>(request, 'equipment.list', {})
  const robot = machines.find((m) => m.kind === 'robot_arm')!.id
  const from = new Date(Date.now() + 86_400_000)
  const slots = await api<{ startsAt: string; endsAt: string }[]>(request, 'bookings.freeSlots', {
    equipmentId: robot,
    from: from.toISOString(),
    to: new Date(from.getTime() + 20 * 86_400_000).toISOString(),
    durationMinutes: 60,
    limit: 10,
  })
  for (const slot of slots) {
    const startsAt = slot.startsAt
    const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString()
    try {
      return await api<{ id: number; status: string }>(
        request,
        'bookings.create',
        { equipmentId: robot, startsAt, endsAt, purpose: 'Dashboardtest: lijmrups robotarm' },
        person.id,
      )
    } catch {
      // The freelancer's quota or a rule said no for this slot: the next one.
    }
  }
  throw new Error('no robot-arm slot could be requested')
}

test('a coordinator opens on today at the centre and approves a waiting request from it', async ({ page, request }) => {
  const everyone = await people(request)
  const gerrit = byName(everyone, 'Gerrit Hoekstra')
  const requested = await requestRobotArm(request, gerrit)
  expect(requested.status).toBe('requested')

  await page.setViewportSize({ width: 1280, height: 800 })
  await pickProfile(page, 'Marieke van Dijk')
  // The app's start screen is the dashboard.
  await expect(page.getByRole('heading', { level: 1, name: /^Goede(morgen|middag|navond), Marieke$/ })).toBeVisible()
  for (const heading of [
    'Machines nu',
    'Wacht op goedkeuring',
    'Ingecheckt',
    'In onderhoud',
    /^Bevoegdheden die in \S+ verlopen$/,
    'Symposium: wat eraan komt',
    'Recente experimenten',
    'Recente notities',
    'Mijn volgende reserveringen',
  ]) {
    const found = page.getByRole('heading', { level: 2, name: heading })
    await expect(found).toBeVisible()
    // Each heading leads to the full view.
    await expect(found.getByRole('link')).toHaveAttribute('href', /#\/\w+/)
  }
  const machines = page.getByTestId('dashboard-machines')
  await expect(machines.getByRole('row', { name: /Robotarm KUKA KR 10/ })).toBeVisible()
  await expect(page.getByTestId('dashboard-recent-experiments').getByRole('listitem')).toHaveCount(5)
  await expect(page.getByTestId('dashboard-deadlines').getByRole('listitem').first()).toBeVisible()
  await expectAccessible(page, 'dashboard (coordinator)')
  await screenshot(page, 'dashboard-manager-1280')

  // From the request to approving it.
  const pending = page.getByTestId('dashboard-pending')
  const before = Number(await pending.locator('.dashboard-card__count').textContent())
  const review = pending.getByRole('link', { name: 'Aanvraag van Gerrit Hoekstra voor Robotarm KUKA KR 10 beoordelen' }).first()
  await review.click()
  await expect(page).toHaveURL(/review=\d+/)
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Gerrit Hoekstra')
  await expectAccessible(page, 'dashboard review dialog')
  await dialog.getByRole('button', { name: 'Goedkeuren' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).not.toHaveURL(/review=/)
  const after = before - 1
  if (after === 0) await expect(pending).toContainText('Geen aanvragen die op goedkeuring wachten.')
  else await expect(pending.locator('.dashboard-card__count')).toHaveText(String(after))
  const booking = await api<{ status: string }>(request, 'bookings.get', { id: requested.id }, gerrit.id)
  expect(booking.status).toBe('confirmed')
})

test('a student sees their own bookings, requests and permits first', async ({ page, request }) => {
  const everyone = await people(request)
  const daan = byName(everyone, 'Daan Visser')
  const marieke = byName(everyone, 'Marieke van Dijk')
  const validUntil = lastOfThisMonth()
  await api(request, 'permits.grant', { personId: daan.id, equipmentKind: 'edge_bander', level: 'supervised', validUntil }, marieke.id)

  await page.setViewportSize({ width: 1280, height: 800 })
  await pickProfile(page, 'Daan Visser')
  await expect(page.getByRole('heading', { level: 1, name: /^Goede(morgen|middag|navond), Daan$/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Mijn volgende reserveringen')
  await expect(page.getByRole('heading', { level: 2, name: 'Mijn aanvragen' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Wacht op goedkeuring' })).toHaveCount(0)
  const permits = page.getByTestId('dashboard-permits')
  await expect(permits.getByRole('heading', { name: /^Mijn bevoegdheden die in \S+ verlopen$/ })).toBeVisible()
  await expect(permits.getByRole('listitem').filter({ hasText: 'Kantenlijmer' })).toContainText('Onder begeleiding')
  // Nobody else's permits on a student's screen.
  await expect(permits).not.toContainText('Gerrit')
  await expect(page.getByRole('link', { name: /beoordelen$/ })).toHaveCount(0)
  await expectAccessible(page, 'dashboard (student)')
  await screenshot(page, 'dashboard-student-1280')
})

test('the dashboard refreshes itself every minute while it is visible', async ({ page }) => {
  await page.clock.install()
  await pickProfile(page, 'Marieke van Dijk')
  await expect(page.getByRole('heading', { level: 2, name: 'Machines nu' })).toBeVisible()
  const refreshed = page.waitForRequest((r) => r.url().endsWith('/api/dashboard.today'))
  await page.clock.runFor(61_000)
  await refreshed
})

test('the dashboard in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('werkbank.locale', 'en'))
  await openApp(page)
  await page.getByLabel('Find your name').fill('Marieke')
  await page.getByRole('button', { name: /Marieke van Dijk/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Marieke$/ })).toBeVisible()
  for (const heading of ['Machines now', 'Checked in', 'In maintenance', 'Symposium: coming up', 'Recent notes']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await expect(page.getByTestId('dashboard-machines').getByRole('columnheader', { name: 'Next' })).toBeVisible()
  await expectAccessible(page, 'dashboard (English)')
})
