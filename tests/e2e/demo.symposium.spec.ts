// The programme editor and the registration desk on the demo centre. Each test makes its own
// edition through the API (the demo's two editions stay as they are for the other specs): placing
// sessions by keyboard and by drag, a speaker in two rooms at once flagged and resolved, attendees
// registered past capacity onto the waitlist, a cancellation promoting the first in line, check-in
// at the door, and the door list of 1,000 filtered as you type (measured).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectAccessible, pickProfile, screenshot, TOKEN } from './support'

const COORDINATOR = 'Marieke van Dijk'
const SPEAKER = 'Anouk de Vries'

async function api<T>(request: APIRequestContext, method: string, input: unknown, actorId: number | null = null): Promise<T> {
  const response = await request.post(`/api/${method}`, { data: { input, actorId }, headers: { Authorization: `Bearer ${TOKEN}` } })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value
}

/** Local date in Amsterdam, `days` from today. */
function amsterdamDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000))
}

interface Edition {
  id: number
  startsOn: string
  rooms: { id: number; name: string }[]
  tracks: { id: number; name: string }[]
}

async function person(request: APIRequestContext, name: string): Promise<number> {
  const people = await api<{ items: { id: number; name: string }[] }>(request, 'people.list', { limit: 500 })
  return people.items.find((p) => p.name === name)!.id
}

/** An edition a month from now, registration open since yesterday. */
async function createEdition(
  request: APIRequestContext,
  title: string,
  capacity: number,
): Promise<{ edition: Edition; coordinator: number }> {
  const coordinator = await person(request, COORDINATOR)
  const startsOn = amsterdamDate(30)
  const edition = await api<Edition>(
    request,
    'symposia.create',
    {
      title,
      theme: 'Hout, glas en metaal',
      venue: 'Werkbank',
      startsOn,
      days: 2,
      dayStarts: '09:00',
      dayEnds: '17:00',
      cfpOpensOn: amsterdamDate(-20),
      cfpClosesOn: amsterdamDate(-5),
      registrationOpensOn: amsterdamDate(-1),
      registrationClosesOn: amsterdamDate(28),
      capacity,
      rooms: [
        { name: 'Aula', capacity: 120 },
        { name: 'Laserlab', capacity: 16 },
        { name: 'Werkplaats', capacity: 24 },
      ],
      tracks: [
        { name: 'Techniek', colour: '#2563eb' },
        { name: 'Materiaal', colour: '#16a34a' },
      ],
      criteria: [{ name: 'Relevantie' }],
    },
    coordinator,
  )
  return { edition, coordinator }
}

async function openEditionTab(page: Page, editionId: number, tab: string, name: string, who = COORDINATOR) {
  await pickProfile(page, who, `/#/symposia/${editionId}/${tab}`)
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

test('programme: a session placed by keyboard and one by drag, a speaker conflict flagged and resolved', async ({ page, request }) => {
  const { edition, coordinator } = await createEdition(request, 'Symposium Programma e2e', 100)
  const anouk = await person(request, SPEAKER)
  const techniek = edition.tracks[0]!.id
  for (const [title, type, minutes] of [
    ['Hout buigen met stoom', 'talk', 60],
    ['Inleg snijden met de laser', 'demonstration', 45],
  ] as const) {
    await api(
      request,
      'programme.createSession',
      { editionId: edition.id, title, type, durationMinutes: minutes, trackId: techniek, speakerIds: [anouk] },
      coordinator,
    )
  }

  await openEditionTab(page, edition.id, 'programme', 'Programma')
  const unplaced = page.getByTestId('sessions-unplaced')
  await expect(unplaced.getByText('Hout buigen met stoom')).toBeVisible()
  await expect(page.getByTestId('programme-conflicts')).toContainText('Geen conflicten')

  // By keyboard: the "Plan in" button, then room, day and time in the dialog.
  await page.getByRole('button', { name: 'Inplannen: Hout buigen met stoom' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Inplannen: Hout buigen met stoom' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Zaal').selectOption({ label: 'Aula (120 plaatsen)' })
  await dialog.getByLabel('Dag').selectOption({ index: 0 })
  await dialog.getByLabel('Begintijd').fill('10:00')
  await dialog.getByLabel('Begintijd').press('Enter')
  await expect(dialog).toBeHidden()
  const calendar = page.getByTestId('programme-calendar')
  await expect(calendar.locator('.wb-programme-slot', { hasText: 'Hout buigen met stoom' })).toBeVisible()
  await expect(page.getByTestId('sessions-placed')).toContainText('1× ingepland')

  // By drag: the list item onto the Laserlab column at 10:15 on the first day.
  const laserlab = edition.rooms.find((r) => r.name === 'Laserlab')!.id
  const column = calendar.locator(`td.fc-timegrid-col[data-resource-id="${laserlab}"][data-date="${edition.startsOn}"]`)
  const lane = calendar.locator('td.fc-timegrid-slot-lane[data-time="10:15:00"]')
  const item = unplaced.locator('[data-session-id]', { hasText: 'Inleg snijden met de laser' })
  const from = (await item.boundingBox())!
  const x = (await column.boundingBox())!
  const y = (await lane.boundingBox())!
  await page.mouse.move(from.x + 30, from.y + 15)
  await page.mouse.down()
  await page.mouse.move(from.x + 10, from.y + 40, { steps: 5 })
  await page.mouse.move(x.x + x.width / 2, y.y + 3, { steps: 20 })
  await page.mouse.up()
  const demo = calendar.locator('.wb-programme-slot', { hasText: 'Inleg snijden met de laser' })
  await expect(demo).toBeVisible()
  await expect(demo).toContainText('10:15')

  // Anouk now speaks in two rooms at once: both blocks marked, the panel says it in words.
  const conflicts = page.getByTestId('programme-conflicts')
  await expect(conflicts).toContainText('1 conflict in het programma')
  await expect(conflicts).toContainText(`${SPEAKER} spreekt tegelijk in Aula en Laserlab`)
  await expect(calendar.locator('.wb-programme-slot--conflict')).toHaveCount(2)
  await expectAccessible(page, 'programme with a conflict')
  await screenshot(page, 'symposium-programme-conflict-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.waitForTimeout(400) // FullCalendar re-measures a moment after the window resizes
  await screenshot(page, 'symposium-programme-conflict-1920')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.waitForTimeout(400)

  // Resolved from the panel: open the demonstration, move it to 11:15 by keyboard.
  await conflicts.getByRole('button', { name: /Toon Inleg snijden met de laser/ }).click()
  const move = page.getByRole('dialog', { name: 'Inleg snijden met de laser' })
  await expect(move).toContainText('Dit tijdvak heeft 1 conflict')
  await move.getByLabel('Begintijd').fill('11:15')
  await move.getByRole('button', { name: 'Verplaatsen' }).click()
  await expect(move).toBeHidden()
  await expect(conflicts).toContainText('Geen conflicten in het programma')
  await expect(calendar.locator('.wb-programme-slot--conflict')).toHaveCount(0)
  await expect(demo).toContainText('11:15')
  await screenshot(page, 'symposium-programme-1280')
})

test('programme: a session added and edited, a break shading every room, and someone who is not a coordinator only reads', async ({
  page,
  request,
}) => {
  const { edition, coordinator } = await createEdition(request, 'Symposium Pauzes e2e', 100)
  await api(
    request,
    'programme.createSession',
    { editionId: edition.id, title: 'Glas in lood', type: 'talk', durationMinutes: 30 },
    coordinator,
  )
  await openEditionTab(page, edition.id, 'programme', 'Programma')

  // An invited workshop, added and then made longer.
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click()
  const form = page.getByRole('dialog', { name: 'Nieuwe sessie' })
  await form.getByLabel('Titel').fill('Zwaluwstaarten zagen')
  await form.getByLabel('Soort').selectOption({ label: 'Workshop' })
  await form.getByLabel('Duur in minuten').fill('90')
  await form.getByLabel('Thema').selectOption({ label: 'Materiaal' })
  await form.getByLabel('Plaatsen in de workshop').fill('12')
  const speakers = form.getByLabel('Spreker toevoegen')
  await speakers.selectOption((await speakers.locator('option', { hasText: SPEAKER }).getAttribute('value'))!)
  await form.getByRole('button', { name: 'Toevoegen', exact: true }).click()
  await expect(form.getByRole('button', { name: `${SPEAKER} weghalen als spreker` })).toBeVisible()
  await form.getByRole('button', { name: 'Sessie toevoegen' }).click()
  await expect(form).toBeHidden()
  const unplaced = page.getByTestId('sessions-unplaced')
  await expect(unplaced).toContainText('Zwaluwstaarten zagen')
  await expect(unplaced).toContainText('Workshop · 90 min')
  await page.getByRole('button', { name: 'Bewerken: Zwaluwstaarten zagen' }).click()
  const edit = page.getByRole('dialog', { name: 'Sessie bewerken' })
  await edit.getByLabel('Duur in minuten').fill('120')
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(edit).toBeHidden()
  await expect(unplaced).toContainText('Workshop · 120 min')

  await page.getByRole('button', { name: 'Pauze toevoegen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nieuwe pauze' })
  await dialog.getByLabel('Naam').fill('Lunch')
  await dialog.getByLabel('Van').fill('12:30')
  await dialog.getByLabel('Tot').fill('13:15')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  // One background block per room under the first day.
  await expect(page.getByTestId('programme-calendar').locator('.wb-programme-break')).toHaveCount(3)
  await expect(page.getByRole('region', { name: 'Pauzes' })).toContainText('Lunch')

  await page.getByTestId('switch-profile').click()
  await page.getByLabel('Zoek je naam').fill('Bram')
  await page.getByRole('button', { name: /Bram de Graaf/ }).click()
  await page.goto(page.url().replace(/#.*$/, `#/symposia/${edition.id}/programme`))
  await expect(page.getByText('Alleen een coördinator wijzigt het programma')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Nieuwe sessie' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Inplannen/ })).toHaveCount(0)
  await expectAccessible(page, 'programme read-only')
})

test('registrations: past capacity onto the waitlist, a cancellation promotes the first in line, check-in at the door', async ({
  page,
  request,
}) => {
  const { edition, coordinator } = await createEdition(request, 'Symposium Aanmelden e2e', 2)
  await openEditionTab(page, edition.id, 'registrations', 'Aanmeldingen')
  await expect(page.getByText('Nog niemand aangemeld')).toBeVisible()

  async function registerExternal(name: string, email: string, organisation: string) {
    await page.getByRole('button', { name: 'Iemand aanmelden' }).click()
    const dialog = page.getByRole('dialog', { name: 'Iemand aanmelden' })
    await dialog.getByLabel('Externe deelnemer').check()
    await dialog.getByLabel('Naam').fill(name)
    await dialog.getByLabel('E-mail').fill(email)
    await dialog.getByLabel('Organisatie').fill(organisation)
    await dialog.getByLabel('Dieetwensen').fill('vegetarisch')
    await dialog.getByRole('button', { name: 'Aanmelden' }).click()
    await expect(dialog).toBeHidden()
  }

  await registerExternal('Ümit Çelik', 'umit@example.org', 'Glasatelier Çelik')
  // Someone of the centre, picked from the list.
  await page.getByRole('button', { name: 'Iemand aanmelden' }).click()
  const dialog = page.getByRole('dialog', { name: 'Iemand aanmelden' })
  await dialog.getByLabel('Zoek een naam').fill('bram')
  await expect(dialog.getByLabel('Persoon').locator('option')).toHaveCount(1)
  await dialog.getByLabel('Persoon').selectOption({ index: 0 })
  await expect(dialog.getByLabel('Persoon').locator('option:checked')).toContainText('Bram de Graaf')
  await dialog.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(dialog).toBeHidden()
  // Full now: the next two wait in line.
  await registerExternal('Zoë Janssens', 'zoe@example.org', 'Smederij Vuur')
  await expect(page.getByRole('status').filter({ hasText: 'staat op de wachtlijst, plaats 1' })).toBeVisible()
  await api(
    request,
    'registrations.register',
    {
      editionId: edition.id,
      attendee: { name: 'Koen Wouters', email: 'koen@example.org', role: 'freelancer', organisation: null },
    },
    coordinator,
  )
  await page.reload()
  await expect(page.getByTestId('count-registered')).toHaveText('2')
  await expect(page.getByTestId('count-waitlisted')).toHaveText('2')
  const list = page.getByTestId('registrations-list')
  await expect(list.locator('li', { hasText: 'Zoë Janssens' }).first()).toContainText('Wachtlijst · plaats 1')
  await expect(list.locator('li', { hasText: 'Koen Wouters' }).first()).toContainText('Wachtlijst · plaats 2')

  // Accents do not matter when searching.
  await page.getByLabel('Zoek op naam, e-mail of organisatie').fill('umit cel')
  await expect(page.getByTestId('registrations-found')).toHaveText('1 van 4 aanmeldingen')
  await page.getByLabel('Zoek op naam, e-mail of organisatie').fill('')

  // Bram cancels: Zoë, first in line, gets the place, and the desk says so.
  await list.getByRole('button', { name: 'Details Bram de Graaf' }).click()
  await list.getByRole('button', { name: 'Aanmelding annuleren' }).click()
  await page
    .getByRole('dialog', { name: 'Aanmelding van Bram de Graaf annuleren?' })
    .getByRole('button', { name: 'Aanmelding annuleren' })
    .click()
  await expect(page.getByTestId('promoted-notice')).toContainText('Zoë Janssens stond vooraan op de wachtlijst en heeft de plek gekregen')
  await expect(page.getByTestId('count-registered')).toHaveText('2')
  await expect(page.getByTestId('count-waitlisted')).toHaveText('1')
  await expect(list.locator('li', { hasText: 'Koen Wouters' }).first()).toContainText('Wachtlijst · plaats 1')

  // At the door: one big button per person for the chosen day.
  const checkIn = list.getByRole('button', { name: 'Inchecken Ümit Çelik' })
  await checkIn.click()
  await expect(list.getByRole('button', { name: 'Ingecheckt Ümit Çelik' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('count-present')).toHaveText('1')
  await expectAccessible(page, 'registration desk')
  await screenshot(page, 'symposium-registrations-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await screenshot(page, 'symposium-registrations-1920')
})

test('registrations: someone registers themselves and sees their place in line', async ({ page, request }) => {
  const { edition, coordinator } = await createEdition(request, 'Symposium Zelf e2e', 1)
  await api(
    request,
    'registrations.register',
    {
      editionId: edition.id,
      attendee: { name: 'Eerste Gast', email: 'eerste@example.org', role: 'external', organisation: null },
    },
    coordinator,
  )
  await openEditionTab(page, edition.id, 'registrations', 'Aanmeldingen', 'Lotte Smit')
  await expect(page.getByRole('heading', { name: 'Jouw aanmelding' })).toBeVisible()
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  const dialog = page.getByRole('dialog', { name: 'Aanmelden' })
  await dialog.getByLabel('Dieetwensen').fill('glutenvrij')
  await dialog.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Wachtlijst · plaats 1')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Inchecken/ })).toHaveCount(0)
  await expectAccessible(page, 'own registration')
  await screenshot(page, 'symposium-registrations-own-1280')
})

test('registrations: the door list of 1,000 filters as you type, accents ignored', async ({ page, request }) => {
  test.setTimeout(180_000)
  const { edition, coordinator } = await createEdition(request, 'Symposium Duizend e2e', 900)
  const first = ['Anna', 'Ümit', 'Sjoerd', 'Zoë', 'Fatma', 'Joris', 'Hélène', 'Daan', 'Inês', 'Pieter', 'Łucja', 'Bram']
  const last = ['de Vries', 'Çelik', 'Jansen', 'Öztürk', 'van Dijk', 'Bakker', 'Dubois', 'Visser', 'Smit', 'Meijer']
  for (let batch = 0; batch < 1000; batch += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => batch + i).map((n) =>
        api(
          request,
          'registrations.register',
          {
            editionId: edition.id,
            attendee: {
              name: `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]} ${n}`,
              email: `gast${n}@example.org`,
              role: 'external',
              organisation: `Atelier ${n % 37}`,
            },
          },
          coordinator,
        ),
      ),
    )
  }
  await openEditionTab(page, edition.id, 'registrations', 'Aanmeldingen')
  await expect(page.getByTestId('registrations-found')).toHaveText('1000 van 1000 aanmeldingen')

  // Type "celik" one key at a time and time each keystroke until the list is painted.
  const timings = await page.evaluate(async () => {
    const input = document.getElementById('registrations-search') as HTMLInputElement
    input.focus()
    const times: number[] = []
    for (const key of 'celik 4') {
      const start = performance.now()
      input.value += key
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      times.push(performance.now() - start)
    }
    return times
  })
  await expect(page.getByTestId('registrations-found')).toContainText('van 1000 aanmeldingen')
  const found = await page.getByTestId('registrations-found').innerText()
  const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]!
  console.log(
    `keystrokes on 1,000 registrations (ms): ${timings.map((t) => t.toFixed(1)).join(', ')}; median ${median.toFixed(1)}; ${found}`,
  )
  // Timings are reported, not asserted: targets live in `npm run bench`, where the machine is quiet.
  test.info().annotations.push({ type: 'keystroke median (ms)', description: median.toFixed(1) })
  await expect(page.getByTestId('registrations-list').locator('li').first()).toContainText('Çelik')
})

test('the demo’s finished symposium: its programme and its door list, looked at only', async ({ page, request }) => {
  // The demo's dates follow today, so its finished edition is the one whose last day has passed.
  const editions = await api<{ id: number; title: string; dates: string[] }[]>(request, 'symposia.list', {})
  const today = new Date().toISOString().slice(0, 10)
  const last = editions.find((e) => e.dates.at(-1)! < today && e.title.startsWith('Symposium Ambachtelijk Meubelmaken'))!
  await openEditionTab(page, last.id, 'programme', 'Programma')
  await expect(page.getByTestId('programme-calendar').locator('.wb-programme-slot').first()).toBeVisible()
  await expectAccessible(page, 'demo programme')
  await screenshot(page, 'symposium-programme-demo-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.waitForTimeout(400)
  await screenshot(page, 'symposium-programme-demo-1920')

  await page.getByRole('tab', { name: /Aanmeldingen/ }).click()
  await expect(page.getByTestId('registrations-found')).toContainText('van 120 aanmeldingen')
  await page
    .getByTestId('registrations-list')
    .getByRole('button', { name: /^Details/ })
    .first()
    .click()
  await expectAccessible(page, 'demo door list')
  await screenshot(page, 'symposium-registrations-demo-1920')
})

test('a session is found by half a word on the search page and opens on its own page', async ({ page }) => {
  await pickProfile(page, 'Lotte Smit', '/#/search')
  await page.getByRole('searchbox').fill('glas-in-lo')
  await page.getByRole('button', { name: 'Sessies' }).click()
  await expect(page).toHaveURL(/type=session/)
  const result = page.getByRole('link', { name: /Glas-in-lood restaureren met moderne lijmen/ })
  await expect(result).toBeVisible()
  await expectAccessible(page, 'search page')
  await screenshot(page, 'search-page-1280')
  await result.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Glas-in-lood restaureren met moderne lijmen' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Els Willems' })).toBeVisible()
  await expect(page.getByText('Lokaal 2.14')).toBeVisible()
  await expectAccessible(page, 'session page')
  await screenshot(page, 'symposium-session-1280')
  await page.getByRole('link', { name: /Programma van Symposium/ }).click()
  await expect(page.getByRole('tab', { name: /Programma/, selected: true })).toBeVisible()
})
