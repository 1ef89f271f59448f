// Exchange on the demo centre: an experiment exported as .eln comes back through the import as a
// new experiment with its parameters; a list is exported as one .eln; an unsafe archive is refused
// in words; a note is downloaded as Markdown and as PDF.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { unzipSync, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { expectAccessible, pickProfile, screenshot } from './support'

const EXPERIMENT = 'Eiken multiplex 6 mm: frequentie 5000 Hz tegen 1000 Hz'
const NOTE = 'Lasersnijden van eiken multiplex'

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

/** axe-core on the export menu alone: the record around it has its own tests (and its own findings). */
async function expectMenuAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('.menu-button')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
}

/** Through the list's ".eln" menu and the file picker it opens, as a person would. */
async function importFile(page: Page, name: string, bytes: Buffer) {
  await page.getByRole('button', { name: '.eln' }).click()
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: '.eln-bestand importeren…' }).click(),
  ])
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer: bytes })
}

function crate(bytes: Buffer) {
  const files = unzipSync(bytes)
  const name = Object.keys(files).find((n) => n.endsWith('/ro-crate-metadata.json'))!
  return {
    files,
    root: name.split('/')[0]!,
    graph: (JSON.parse(Buffer.from(files[name]!).toString('utf8')) as { '@graph': Record<string, unknown>[] })['@graph'],
  }
}

test.describe.configure({ mode: 'serial' })

test('an experiment goes out as .eln and comes back through the import with its parameters', async ({ page }) => {
  await pickProfile(page, 'Gerrit Hoekstra', '/#/experiments')
  await page.getByRole('link', { name: EXPERIMENT }).click()
  await expect(page.getByRole('heading', { level: 1, name: EXPERIMENT })).toBeVisible()

  await page.getByRole('button', { name: 'Exporteren' }).click()
  await expect(page.getByRole('menu', { name: 'Exporteren als' })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: 'Markdown (.md)' })).toBeFocused()
  await expectMenuAccessible(page)
  await screenshot(page, 'exchange-experiment-menu-1280')

  const eln = await download(page, () => page.getByRole('menuitem', { name: '.eln voor een ander labjournaal' }).click())
  expect(eln.name).toMatch(/^experiment-\d+-eiken-multiplex-6-mm-frequentie-5000-hz-tegen-1000-hz\.eln$/)
  const { files, root, graph } = crate(eln.bytes)
  expect(Object.keys(files).every((n) => n.startsWith(`${root}/`))).toBe(true)
  const dataset = graph.find((e) => e['@type'] === 'Dataset' && e.name === EXPERIMENT)!
  expect(dataset.variableMeasured).toHaveLength(5)
  expect(graph).toContainEqual(expect.objectContaining({ '@type': 'PropertyValue', name: 'Frequentie', value: '5000', unitText: 'Hz' }))
  const photos = graph.filter((e) => e['@type'] === 'File' && e.encodingFormat === 'image/png')
  expect(photos.length).toBeGreaterThan(0)

  const pdf = await download(page, async () => {
    await page.getByRole('button', { name: 'Exporteren' }).click()
    await page.getByTestId('export-pdf').click()
  })
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // Back in through the list's import button: a new experiment, same parameters.
  await page.goto('/#/experiments')
  const count = page.getByTestId('experiments-count')
  const before = await count.textContent()
  await importFile(page, eln.name, eln.bytes)
  const result = page.getByRole('dialog', { name: 'Import klaar' })
  await expect(result).toContainText(`1 experiment geïmporteerd uit ${eln.name}:`)
  await expectAccessible(page, 'import result')
  await screenshot(page, 'exchange-import-result-1280')
  await expect(count).not.toHaveText(before!)
  await result.getByRole('link', { name: EXPERIMENT }).click()
  await expect(page.getByRole('heading', { level: 1, name: EXPERIMENT })).toBeVisible()
  expect(page.url()).not.toMatch(new RegExp(`/experiments/${String(dataset.identifier).replace(/\D/g, '')}$`))
  const parameters = page.getByTestId('parameters-table')
  await expect(parameters).toContainText('Frequentie')
  await expect(parameters).toContainText('5000')
  await expect(parameters).toContainText('Focusafstand')
  await page.getByRole('tab', { name: /Geschiedenis/ }).click()
  await expect(page.getByText(`Geïmporteerd uit ${eln.name}`)).toBeVisible()
  await screenshot(page, 'exchange-imported-history-1280')
})

test('the filtered list goes out as one .eln; an unsafe archive is refused and nothing is added', async ({ page }) => {
  await pickProfile(page, 'Gerrit Hoekstra', '/#/experiments?tag=eiken')
  const count = page.getByTestId('experiments-count')
  await expect(page.getByTestId('experiments-table')).toBeVisible()
  const shown = await page.getByTestId('experiments-table').locator('tbody tr').count()
  expect(shown).toBeGreaterThan(1)
  await page.getByRole('button', { name: '.eln' }).click()
  await expect(page.getByRole('menu', { name: 'Uitwisselen met andere labjournaals' })).toBeVisible()
  await screenshot(page, 'exchange-list-menu-1280')
  const list = await download(page, () => page.getByRole('menuitem', { name: `Deze lijst exporteren (${shown} experimenten)` }).click())
  expect(list.name).toMatch(/^werkbank-experimenten-\d{4}-\d{2}-\d{2}\.eln$/)
  const root = crate(list.bytes).graph.find((e) => e['@id'] === './') as { hasPart: unknown[] }
  expect(root.hasPart).toHaveLength(shown)

  await page.goto('/#/experiments')
  const before = await count.textContent()
  const evil = zipSync({ 'x/ro-crate-metadata.json': Buffer.from('{}'), 'x/../../evil.txt': Buffer.from('boo') })
  await importFile(page, 'evil.eln', Buffer.from(evil))
  const refused = page.getByRole('dialog', { name: 'Importeren lukte niet' })
  await expect(refused).toContainText('“x/../../evil.txt” wijst buiten de map van het archief')
  await expect(refused).toContainText('Er is niets toegevoegd.')
  await expectAccessible(page, 'import refused')
  await screenshot(page, 'exchange-import-refused-1280')
  await refused.getByRole('button', { name: 'Sluiten' }).first().click()
  await expect(count).toHaveText(before!)
})

test('a note downloads as Markdown and as PDF', async ({ page }) => {
  await pickProfile(page, 'Anouk de Vries', `/#/knowledge/notes/by-title/${encodeURIComponent(NOTE)}`)
  await expect(page.locator('header').getByRole('heading', { level: 1, name: NOTE })).toBeVisible()
  await page.getByRole('button', { name: 'Exporteren' }).click()
  await expect(page.getByRole('menuitem')).toHaveCount(2)
  await screenshot(page, 'exchange-note-menu-1280')
  const markdown = await download(page, () => page.getByTestId('export-markdown').click())
  expect(markdown.name).toMatch(/^notitie-\d+-lasersnijden-van-eiken-multiplex\.md$/)
  const text = markdown.bytes.toString('utf8')
  expect(text.startsWith(`# ${NOTE}\n`)).toBe(true)
  expect(text).toContain('- **Categorie:**')
  const pdf = await download(page, async () => {
    await page.getByRole('button', { name: 'Exporteren' }).click()
    await page.getByTestId('export-pdf').click()
  })
  expect(pdf.name).toMatch(/\.pdf$/)
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await expect(page.getByText(`${pdf.name} is gedownload.`)).toBeVisible()
})
