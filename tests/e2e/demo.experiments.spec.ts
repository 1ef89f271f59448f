// Experiments on the demo centre: a laser material test from its template, completed and found in
// the settings library with its values; reopened with a reason, edited, two revisions compared; and
// a save on top of someone else's newer version (STALE) that keeps both versions on screen; photos
// and files uploaded to it, refused ones explained, and shown as a gallery in the record.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { expectAccessible, pickProfile, screenshot, TOKEN } from './support'

const TITLE = 'Materiaaltest laser: eiken multiplex 6 mm'

/** One call to the core, as the renderer makes it over HTTP. */
async function api<T>(request: APIRequestContext, method: string, input: unknown, actorId: number | null = null): Promise<T> {
  const response = await request.post(`/api/${method}`, { data: { input, actorId }, headers: { Authorization: `Bearer ${TOKEN}` } })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value
}

/** A few experiments by other people, so the list and the library have something to compare with. */
async function seedExperiments(request: APIRequestContext) {
  const people = await api<{ items: { id: number; name: string }[] }>(request, 'people.list', { limit: 500 })
  const machines = await api<{ id: number; kind: string }[]>(request, 'equipment.list', {})
  const person = (name: string) => people.items.find((p) => p.name === name)!.id
  const machine = (kind: string) => machines.find((m) => m.kind === kind)!.id
  const laser = (power: string, speed: string, passes: string) => [
    { name: 'Vermogen', value: power, unit: '%' },
    { name: 'Snelheid', value: speed, unit: 'mm/s' },
    { name: 'Aantal doorgangen', value: passes, unit: '' },
    { name: 'Frequentie', value: '5000', unit: 'Hz' },
  ]
  const seeds = [
    {
      by: 'Els Willems',
      status: 'completed',
      content: {
        title: 'Eiken multiplex 6 mm in één doorgang',
        outcome: 'partly',
        parameters: laser('70', '25', '1'),
        materials: [{ name: 'Eiken multiplex proefpartij', supplier: 'Houthandel Van Dam', size: '6 mm' }],
        equipmentIds: [machine('laser_cutter')],
        conclusion: 'Snijdt bijna door; aan de onderkant blijven hier en daar bruggetjes staan.',
        tags: ['lasersnijden', 'eiken', 'proefreeks'],
      },
    },
    {
      by: 'Jan-Willem de Boer',
      status: 'completed',
      content: {
        title: 'Eiken multiplex 6 mm: langzaam en twee keer',
        outcome: 'worked',
        parameters: laser('55', '12', '2'),
        materials: [{ name: 'Eiken multiplex proefpartij', supplier: 'Plaathandel Noord', batch: '2411-07', size: '6 mm' }],
        equipmentIds: [machine('laser_cutter')],
        conclusion: 'Schone snede, nauwelijks verkleuring. Kost wel twee keer zo veel tijd.',
        tags: ['lasersnijden', 'eiken', 'proefreeks'],
      },
    },
    {
      by: 'Hendrik Bos',
      status: 'completed',
      content: {
        title: 'Eiken multiplex 6 mm op 40 %',
        outcome: 'failed',
        parameters: laser('40', '20', '1'),
        materials: [{ name: 'Eiken multiplex proefpartij', size: '6 mm' }],
        equipmentIds: [machine('laser_cutter')],
        tags: ['lasersnijden', 'proefreeks'],
      },
    },
    {
      by: 'Ahmed Benali',
      status: 'running',
      content: {
        title: 'Inlegwerk in berken multiplex 4 mm',
        outcome: 'worked',
        parameters: laser('45', '30', '1'),
        materials: [{ name: 'Berken multiplex', size: '4 mm' }],
        equipmentIds: [machine('laser_cutter')],
        tags: ['inlegwerk', 'proefreeks'],
      },
    },
    {
      by: 'Anouk de Vries',
      status: 'draft',
      content: {
        title: 'Afwerkproef CNC: essen zitting',
        parameters: [
          { name: 'Toerental', value: '18000', unit: 'rpm' },
          { name: 'Voeding', value: '6', unit: 'm/min' },
        ],
        materials: [{ name: 'Essen massief', size: '28 mm' }],
        equipmentIds: [machine('cnc_router')],
        tags: ['cnc', 'afwerking', 'proefreeks'],
      },
    },
  ]
  for (const seed of seeds) {
    const actor = person(seed.by)
    const created = await api<{ id: number; version: number }>(request, 'experiments.create', { content: seed.content }, actor)
    if (seed.status !== 'draft')
      await api(request, 'experiments.setStatus', { id: created.id, version: created.version, status: seed.status }, actor)
  }
}

/** A real PNG (the core checks the signature, the browser decodes it for the thumbnail): a colour gradient. */
function tinyPng(width = 48, height = 36): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([200, Math.round((x / width) * 160) + 60, Math.round((y / height) * 120)], y * (width * 3 + 1) + 1 + x * 3)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** Confirmations fade by themselves; close them so a screenshot shows the screen. */
async function closeNotices(page: Page) {
  const close = page.getByRole('status').getByRole('button', { name: 'Sluiten' })
  for (let i = 0; i < 5 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined)
  await expect(close).toHaveCount(0)
}

/** A second person at a second computer: a fresh context with the project's settings. */
async function secondPage(browser: Browser, baseURL: string | undefined, name: string, path: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  await pickProfile(page, name, path)
  return page
}

test.describe.configure({ mode: 'serial' })

test('a laser material test from its template ends up in the settings library', async ({ page, request }) => {
  test.setTimeout(120_000)
  await seedExperiments(request)
  // The demo has experiments of its own: the seeded ones carry the tag 'proefreeks'.
  await pickProfile(page, 'Gerrit Hoekstra', '/#/experiments?tag=proefreeks')
  await expect(page.getByRole('heading', { level: 1, name: 'Experimenten' })).toBeVisible()
  await expect(page.getByTestId('experiments-count')).toHaveText('5 experimenten')
  await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Gelukt' })
  await expect(page.getByTestId('experiments-count')).toHaveText('2 experimenten')
  await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Elke uitkomst' })
  await page.getByLabel('Machine', { exact: true }).selectOption({ label: 'CNC-frees Biesse Rover' })
  await expect(page.getByTestId('experiments-table').getByRole('link')).toHaveText(['Afwerkproef CNC: essen zitting'])
  await page.getByLabel('Machine', { exact: true }).selectOption({ index: 0 })
  await expect(page.getByTestId('experiments-count')).toHaveText('5 experimenten')
  await expectAccessible(page, 'experiments list')
  await screenshot(page, 'experiments-list-1280')

  // Start from the template: method and the usual parameter rows are there already.
  await page.getByTestId('new-experiment').click()
  const choose = page.getByRole('dialog', { name: 'Nieuw experiment' })
  await expect(choose.getByRole('link', { name: /Materiaaltest lasersnijder/ })).toBeVisible()
  await expectAccessible(page, 'new experiment dialog')
  await screenshot(page, 'experiment-templates-1280')
  await choose.getByRole('link', { name: /Materiaaltest lasersnijder/ }).click()

  const editor = page.getByTestId('experiment-editor')
  await expect(editor).toBeVisible()
  await expect(editor.getByLabel('Werkwijze', { exact: true })).toHaveValue(/testraster/)
  await expect(
    editor.getByRole('group', { name: 'Gebruikte machines' }).getByRole('checkbox', { name: /Lasersnijder Trotec Speedy 400/ }),
  ).toBeChecked()
  await editor.getByLabel('Titel', { exact: true }).fill(TITLE)

  const parameters = editor.getByTestId('parameters-editor')
  await expect(parameters.getByLabel('Instelling in rij 1')).toHaveValue('Vermogen')
  await parameters.getByLabel('Waarde in rij 1').fill('60')
  await parameters.getByLabel('Waarde in rij 2').fill('20')
  await parameters.getByLabel('Waarde in rij 3').fill('2')
  // Rows can be removed and reordered by keyboard-reachable buttons.
  await parameters.getByRole('button', { name: 'Luchtondersteuning verwijderen' }).click()
  await parameters.getByRole('button', { name: 'Focusafstand omhoog' }).click()
  await expect(parameters.getByLabel('Instelling in rij 4')).toHaveValue('Focusafstand')

  const materials = editor.getByTestId('materials-editor')
  await materials.getByLabel('Materiaal in rij 1').fill('Eiken multiplex proefpartij')
  await materials.getByLabel('Leverancier in rij 1').fill('Houthandel Van Dam')
  await materials.getByLabel('Dikte of maat in rij 1').fill('6 mm')

  // The bookings offered are Gerrit's own on the laser; link the first.
  const bookings = editor.getByTestId('bookings-picker')
  await expect(bookings.getByRole('checkbox', { name: /Avondsessie: inlegwerk/ })).toBeVisible()
  await bookings.getByRole('checkbox', { name: /Avondsessie: inlegwerk/ }).check()

  await editor.getByLabel('Tags', { exact: true }).fill('eiken')
  await editor.getByLabel('Tags', { exact: true }).press('Enter')
  await expect(editor.getByRole('button', { name: 'Tag eiken verwijderen' })).toBeVisible()

  await editor.getByRole('button', { name: 'Voorbeeld van Werkwijze' }).click()
  await expect(editor.getByRole('region', { name: 'Voorbeeld van Werkwijze' }).getByRole('listitem').first()).toContainText(
    'Leg het materiaal',
  )
  await expectAccessible(page, 'experiment editor')
  await page.evaluate(() => document.getElementById('main-content')!.scrollTo(0, 0))
  await screenshot(page, 'experiment-editor-1280')
  await editor.getByTestId('materials-editor').evaluate((rows) => rows.closest('section')!.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'experiment-editor-rows-1280')

  await page.getByTestId('save-experiment').click()
  await expect(page.getByRole('status').getByText('Het experiment is aangemaakt.')).toBeVisible()
  await expect(page).toHaveURL(/#\/experiments\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const table = page.getByTestId('parameters-table')
  await expect(table.getByRole('row', { name: /Vermogen/ })).toContainText('60')
  await expect(table.getByRole('row', { name: /Snelheid/ })).toContainText('mm/s')
  await expect(page.getByTestId('materials-table')).toContainText('Eiken multiplex')
  await expect(page.getByRole('link', { name: 'Lasersnijder Trotec Speedy 400' })).toHaveAttribute('href', /#\/equipment\/\d+/)
  await expect(page.getByTestId('record-bookings').getByRole('listitem')).toHaveCount(1)

  // Start, then complete: the outcome is asked for because none was filled in.
  await page.getByTestId('start-experiment').click()
  await expect(page.getByTestId('experiment-status').first()).toHaveText('Loopt')
  await page.getByTestId('complete-experiment').click()
  const complete = page.getByRole('dialog', { name: 'Experiment afronden' })
  await expect(complete.getByText('Er is nog geen uitkomst ingevuld')).toBeVisible()
  await expect(complete.getByTestId('confirm-complete')).toBeDisabled()
  await complete.getByLabel('Gelukt', { exact: true }).check()
  await complete.getByTestId('confirm-complete').click()
  await expect(complete).toBeHidden()
  await expect(page.getByTestId('locked-banner')).toContainText('Afgerond en vergrendeld')
  await expect(page.getByTestId('edit-experiment')).toHaveCount(0)
  await expectAccessible(page, 'completed experiment')
  await closeNotices(page)
  await screenshot(page, 'experiment-page-1280')

  // The settings library: laser cutters, oak plywood of 6 mm, what worked.
  await page.getByRole('link', { name: 'Alle experimenten' }).click()
  await page.getByTestId('open-library').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingenbibliotheek' })).toBeVisible()
  await page.getByLabel('Soort machine').selectOption({ label: 'Lasersnijder' })
  await page.getByLabel('Materiaal', { exact: true }).fill('multiplex proefpartij')
  await page.getByLabel('Dikte of maat', { exact: true }).fill('6')
  await expect(page.getByLabel('Gelukt', { exact: true })).toBeChecked()
  await expect(page.getByLabel('Deels gelukt')).toBeChecked()
  await page.getByTestId('library-search').click()
  const library = page.getByTestId('library-table')
  const row = library.getByRole('row', { name: new RegExp(TITLE) })
  await expect(row).toBeVisible()
  await expect(page.getByTestId('library-count')).toHaveText('3 experimenten')
  await expect(library).not.toContainText('op 40 %')
  await expect(library).not.toContainText('berken')
  await expect(library.getByRole('columnheader', { name: /Vermogen \(%\)/ })).toBeVisible()
  await expect(library.getByRole('columnheader', { name: /Snelheid \(mm\/s\)/ })).toBeVisible()
  await expect(row.getByRole('cell', { name: '60', exact: true })).toBeVisible()
  await expect(row.getByRole('cell', { name: '20', exact: true })).toBeVisible()
  await expect(row.getByRole('rowheader')).toContainText('Eiken multiplex proefpartij, 6 mm')
  const speed = library.getByRole('columnheader', { name: /Snelheid/ })
  await speed.getByRole('button').click()
  await expect(speed).toHaveAttribute('aria-sort', 'ascending')
  await expect(library.getByRole('rowheader').getByRole('link')).toHaveText([
    'Eiken multiplex 6 mm: langzaam en twee keer',
    TITLE,
    'Eiken multiplex 6 mm in één doorgang',
  ])
  await speed.getByRole('button').click()
  await expect(speed).toHaveAttribute('aria-sort', 'descending')
  await expect(library.getByRole('rowheader').getByRole('link').first()).toHaveText('Eiken multiplex 6 mm in één doorgang')
  await expectAccessible(page, 'settings library')
  await screenshot(page, 'settings-library-1280')

  // 16 mm is not 6 mm: the size is compared as a number.
  await page.getByLabel('Dikte of maat', { exact: true }).fill('16')
  await page.getByTestId('library-search').click()
  await expect(page.getByRole('heading', { name: 'Nog geen instellingen gevonden' })).toBeVisible()
  await expectAccessible(page, 'settings library, empty')
  await screenshot(page, 'settings-library-empty-1280')
  await page.getByLabel('Dikte of maat', { exact: true }).fill('6')
  await page.getByTestId('library-search').click()

  // Back to the experiment through its row: reopen with a reason, and edit.
  await library.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await page.getByTestId('reopen-experiment').click()
  const reopen = page.getByRole('dialog', { name: 'Experiment heropenen' })
  await reopen.getByTestId('confirm-reopen').click()
  await expect(reopen.getByText('Geef een reden om te heropenen.')).toBeVisible()
  await reopen.getByLabel('Reden').fill('Snelheid verkeerd overgenomen: het was 18 mm/s')
  await reopen.getByTestId('confirm-reopen').click()
  await expect(reopen).toBeHidden()
  await expect(page.getByTestId('locked-banner')).toHaveCount(0)
  await expect(page.getByTestId('experiment-status').first()).toHaveText('Loopt')

  await page.getByTestId('edit-experiment').click()
  await page.getByTestId('parameters-editor').getByLabel('Waarde in rij 2').fill('18')
  await page.getByLabel('Conclusie', { exact: true }).fill('Schoon door in twee doorgangen; de rand is licht verkleurd.')
  await page.getByTestId('save-experiment').click()
  await expect(page.getByRole('status').getByText(/Opgeslagen als versie \d+/)).toBeVisible()
  await expect(page.getByTestId('parameters-table').getByRole('row', { name: /Snelheid/ })).toContainText('18')

  // History: the reopen reason is kept; compare the last two versions, then any two.
  await page.getByRole('tab', { name: 'Geschiedenis' }).click()
  const revisions = page.getByTestId('revisions')
  await expect(revisions).toContainText('Heropend: Snelheid verkeerd overgenomen: het was 18 mm/s')
  const compare = page.getByTestId('experiment-compare')
  const speedRow = compare.locator('[data-field="parameters"]').getByRole('row', { name: /Snelheid/ })
  await expect(speedRow).toContainText('20 mm/s')
  await expect(speedRow).toContainText('18 mm/s')
  await expect(compare.locator('[data-field="conclusion"]')).toContainText('licht verkleurd')
  await page
    .getByLabel('Van', { exact: true })
    .selectOption({ index: (await page.getByLabel('Van', { exact: true }).locator('option').count()) - 1 })
  await expect(compare.locator('[data-field="status"]')).toContainText('Concept')
  await expect(compare.locator('[data-field="outcome"]')).toContainText('Gelukt')
  await expectAccessible(page, 'experiment history')
  await closeNotices(page)
  await screenshot(page, 'experiment-history-1280')

  // Restoring the version from before the edit makes a new version; nothing is overwritten.
  await page.getByRole('button', { name: 'Versie 5 terugzetten als nieuwe versie' }).click()
  await expect(page.getByRole('status').getByText('Versie 5 is teruggezet als versie 7.')).toBeVisible()
  await expect(page.getByTestId('parameters-table').getByRole('row', { name: /Snelheid/ })).toContainText('20')
  await page.getByRole('tab', { name: 'Geschiedenis' }).click()
  await expect(revisions).toContainText('Teruggezet vanuit versie 5')
})

test('a save on top of a newer version keeps both versions on screen', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000)
  await pickProfile(page, 'Gerrit Hoekstra', '/#/experiments')
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
  await expect(page.getByTestId('experiments-table').getByRole('row', { name: new RegExp(TITLE) })).toContainText('Loopt')
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const path = new URL(page.url()).hash

  // Gerrit starts editing …
  await page.getByTestId('edit-experiment').click()
  await page.getByLabel('Conclusie', { exact: true }).fill('Mijn conclusie: 18 mm/s in twee doorgangen.')

  // … while Marieke, at another computer, saves her own change first.
  const other = await secondPage(browser, baseURL, 'Marieke van Dijk', `/${path}`)
  await other.getByTestId('edit-experiment').click()
  await other.getByLabel('Waarnemingen', { exact: true }).fill('Hun waarneming: lichte roetaanslag aan de onderkant.')
  await other.getByTestId('parameters-editor').getByLabel('Waarde in rij 2').fill('19')
  await other.getByTestId('save-experiment').click()
  await expect(other.getByRole('status').getByText(/Opgeslagen als versie \d+/)).toBeVisible()
  await other.context().close()

  // Gerrit's save is refused as STALE: his text stays, and both versions are shown.
  await page.getByTestId('save-experiment').click()
  const conflict = page.getByTestId('stale-conflict')
  await expect(conflict).toBeVisible()
  await expect(conflict).toContainText('Marieke van Dijk heeft versie')
  await expect(conflict.locator('[data-field="observations"]')).toContainText('Hun waarneming')
  await expect(conflict.locator('[data-field="conclusion"]')).toContainText('Mijn conclusie')
  const speedRow = conflict.locator('[data-field="parameters"]').getByRole('row', { name: /Snelheid/ })
  await expect(speedRow).toContainText('19 mm/s')
  await expect(speedRow).toContainText('20 mm/s')
  await expect(page.getByLabel('Conclusie', { exact: true })).toHaveValue('Mijn conclusie: 18 mm/s in twee doorgangen.')
  await expectAccessible(page, 'STALE conflict')
  await closeNotices(page)
  await screenshot(page, 'experiment-stale-1280')

  // Take their observations and speed, keep my conclusion, and save on top of their version.
  const observations = conflict.locator('[data-field="observations"]')
  await observations.getByRole('button', { name: 'Hun versie' }).click()
  await expect(observations.getByRole('button', { name: 'Hun versie' })).toHaveAttribute('aria-pressed', 'true')
  await conflict.locator('[data-field="parameters"]').getByRole('button', { name: 'Hun versie' }).click()
  await expect(page.getByLabel('Waarnemingen', { exact: true })).toHaveValue(/Hun waarneming/)
  await page.getByTestId('save-experiment').click()
  await expect(page.getByRole('status').getByText(/Opgeslagen als versie \d+/)).toBeVisible()
  await expect(page.getByText('Hun waarneming: lichte roetaanslag aan de onderkant.')).toBeVisible()
  await expect(page.getByText('Mijn conclusie: 18 mm/s in twee doorgangen.')).toBeVisible()
  await expect(page.getByTestId('parameters-table').getByRole('row', { name: /Snelheid/ })).toContainText('19')
})

test('photos and files are uploaded to an experiment and shown as a gallery', async ({ page, request }) => {
  test.setTimeout(90_000)
  // An experiment of its own, so this test does not depend on the ones before it.
  const people = await api<{ items: { id: number; name: string }[] }>(request, 'people.list', { limit: 500 })
  const gerrit = people.items.find((p) => p.name === 'Gerrit Hoekstra')!.id
  const title = 'Eiken multiplex 6 mm: foto’s van de snede'
  const created = await api<{ id: number }>(request, 'experiments.create', { content: { title } }, gerrit)
  await pickProfile(page, 'Gerrit Hoekstra', `/#/experiments/${created.id}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByTestId('edit-experiment').click()
  const editor = page.getByTestId('experiment-editor')
  const attachments = editor.getByTestId('attachments-editor')
  await editor.getByLabel('Conclusie', { exact: true }).fill('Met foto van de onderkant.')

  // A photo through the file input (the button opens it; keyboard users reach the button).
  const png = tinyPng()
  const hash = createHash('sha256').update(png).digest('hex')
  await expect(attachments.getByRole('button', { name: 'Bestanden kiezen' })).toBeVisible()
  await attachments.getByTestId('attachments-input').setInputFiles({ name: 'onderkant.png', mimeType: 'image/png', buffer: png })
  const list = attachments.getByTestId('attachments-list')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('onderkant.png')
  await attachments.getByLabel('Bijschrift bij onderkant.png').fill('Onderkant na twee doorgangen')

  // Refused before sending: a type that is not allowed, and a file over the limit, each named.
  await attachments.getByTestId('attachments-input').setInputFiles([
    { name: 'macro.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    { name: 'groot.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff) },
  ])
  const uploads = attachments.getByTestId('attachment-uploads')
  await expect(uploads).toContainText('“macro.exe” kan niet worden toegevoegd: alleen foto’s (JPEG, PNG, WebP), PDF en tekst of CSV')
  await expect(uploads).toContainText('“groot.jpg” is te groot (10,1 MB); het maximum is 10 MB per bestand.')
  // Refused by the core: the bytes are not a PNG at all; its reason is shown, translated.
  await attachments
    .getByTestId('attachments-input')
    .setInputFiles({ name: 'nep.png', mimeType: 'image/png', buffer: Buffer.from('geen png') })
  await expect(uploads).toContainText('“nep.png” is niet geüpload. “nep.png” is niet het soort bestand dat het zegt te zijn.')
  await expect(uploads.getByRole('button', { name: /Opnieuw proberen/ })).toHaveCount(0)
  await expect(editor.getByLabel('Conclusie', { exact: true })).toHaveValue('Met foto van de onderkant.')
  await expect(list.getByRole('listitem')).toHaveCount(1)

  // A CSV dropped onto the editor (anywhere on the form) lands among the files too.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['positie;diepte\n1;5.8\n2;6.0\n'], 'metingen.csv', { type: 'text/csv' }))
    return transfer
  })
  await editor.getByTestId('parameters-editor').dispatchEvent('dragenter', { dataTransfer })
  await expect(attachments.getByTestId('attachments-dropzone')).toContainText('Laat los om ze toe te voegen')
  await editor.getByTestId('parameters-editor').dispatchEvent('drop', { dataTransfer })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('listitem').nth(1)).toContainText('metingen.csv')
  await attachments.getByRole('button', { name: 'Melding over macro.exe sluiten' }).click()
  await expect(uploads.getByRole('listitem')).toHaveCount(2)
  await expectAccessible(page, 'experiment attachments editor')
  await attachments.evaluate((section) => section.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'experiment-attachments-editor-1280')

  await page.getByTestId('save-experiment').click()
  await expect(page.getByRole('status').getByText(/Opgeslagen als versie \d+/)).toBeVisible()
  const gallery = page.getByTestId('record-attachments')
  const photo = gallery.getByRole('img', { name: 'Onderkant na twee doorgangen' })
  await expect(photo).toBeVisible()
  await expect(gallery.getByRole('link', { name: 'Onderkant na twee doorgangen' })).toHaveAttribute('href', `/attachments/${hash}`)
  // The gallery shows the browser-made thumbnail, a different (smaller) file, and it loads.
  await expect(photo).toHaveAttribute('src', /^\/attachments\/[0-9a-f]{64}$/)
  await expect(photo).not.toHaveAttribute('src', `/attachments/${hash}`)
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  await expect(gallery.getByRole('link', { name: /metingen\.csv/ })).toHaveAttribute('download', 'metingen.csv')
  await expect(gallery).toContainText('CSV-tabel')
  await expectAccessible(page, 'experiment gallery')
  await closeNotices(page)
  await gallery.evaluate((section) => section.scrollIntoView({ block: 'center' }))
  await screenshot(page, 'experiment-gallery-1280')

  // Another window never saw the upload: it shows the full image, scaled down and loaded lazily.
  await page.reload()
  await expect(photo).toHaveAttribute('src', `/attachments/${hash}`)
  await expect(photo).toHaveAttribute('loading', 'lazy')
})
