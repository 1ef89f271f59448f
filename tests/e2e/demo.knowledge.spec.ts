// The knowledge base on the demo centre (which has no notes yet, so every test writes its own):
// wiki links with suggestions while typing, a missing link turned into a note, backlinks, the
// history with a readable comparison and restore, the expert mark, and two people saving the same
// note at once without losing a word.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectAccessible, pickProfile, screenshot } from './support'

async function newNote(page: Page, title: string, category: string, body: string, tags: string[] = []) {
  await page.getByRole('link', { name: 'Nieuwe notitie' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe notitie' })).toBeVisible()
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Categorie').selectOption({ label: category })
  for (const tag of tags) {
    await tagsField(page).fill(tag)
    await tagsField(page).press('Enter')
  }
  await page.getByLabel('Tekst', { exact: true }).fill(body)
  await page.getByTestId('save-note').click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

function tagsField(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Labels/ })
}

function body(page: Page): Locator {
  return page.getByLabel('Tekst', { exact: true })
}

/** The note's id from the address bar: `#/knowledge/notes/12`. */
function noteIdOf(page: Page): string {
  const match = /#\/knowledge\/notes\/(\d+)/.exec(page.url())
  expect(match, `a note address: ${page.url()}`).not.toBeNull()
  return match![1]!
}

test('a link to a missing note becomes a note, and the backlink shows where it came from', async ({ page }) => {
  await pickProfile(page, 'Anouk de Vries', '/#/knowledge')
  await expect(page.getByRole('heading', { level: 1, name: 'Kennisbank' })).toBeVisible()
  await expectAccessible(page, 'knowledge list')

  await page.getByRole('link', { name: 'Nieuwe notitie' }).first().click()
  await page.getByLabel('Titel').fill('Eiken verlijmen')
  await page.getByLabel('Categorie').selectOption({ label: 'Techniek' })
  const tags = tagsField(page)
  await tags.fill('eiken')
  await tags.press('Enter')
  await tags.fill('lijm,')
  await expect(page.getByRole('list', { name: 'Gekozen labels' }).getByRole('listitem')).toHaveText(['eiken', 'lijm'])
  await body(page).fill(
    '## Voorbereiding\n\nSchuur beide vlakken met korrel 120 en maak ze stofvrij.\n\n- PVA-lijm D3\n- Lijmklemmen om de 20 cm\n\nLees ook [[Other note]] voordat je begint.',
  )
  const preview = page.getByTestId('note-preview')
  await expect(preview.getByRole('heading', { name: 'Voorbereiding' })).toBeVisible()
  await expect(preview.getByRole('link', { name: 'Other note' })).toHaveClass(/wiki-link--missing/)
  await expectAccessible(page, 'note editor')
  await screenshot(page, 'knowledge-editor-1280')
  await page.getByTestId('save-note').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Eiken verlijmen' })).toBeVisible()
  await expect(page.getByRole('status').getByText('“Eiken verlijmen” is opgeslagen.')).toBeVisible()
  const missing = page.getByTestId('note-body').getByRole('link', { name: 'Other note' })
  await expect(missing).toHaveClass(/wiki-link--missing/)

  // Following the missing link offers to write that note, with its title filled in.
  await missing.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Other note' })).toBeVisible()
  await expect(page.getByTestId('missing-note')).toContainText('Deze notitie bestaat nog niet')
  await expectAccessible(page, 'missing note')
  await screenshot(page, 'knowledge-missing-1280')
  await page.getByRole('link', { name: 'Notitie “Other note” schrijven' }).click()
  await expect(page.getByLabel('Titel')).toHaveValue('Other note')
  await page.getByLabel('Categorie').selectOption({ label: 'Veiligheid' })
  await body(page).fill('Draag handschoenen bij het verlijmen: PVA-lijm irriteert de huid.')
  await page.getByTestId('save-note').click()

  await expect(page.getByRole('heading', { level: 1, name: 'Other note' })).toBeVisible()
  const backlinks = page.getByTestId('backlinks')
  await expect(backlinks.getByRole('link', { name: /Eiken verlijmen/ })).toBeVisible()
  await backlinks.getByRole('link', { name: /Eiken verlijmen/ }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Eiken verlijmen' })).toBeVisible()
  const found = page.getByTestId('note-body').getByRole('link', { name: 'Other note' })
  await expect(found).not.toHaveClass(/wiki-link--missing/)
  await expect(page.getByRole('list', { name: 'Labels' })).toContainText('#eiken')
  await expectAccessible(page, 'note page')
  await screenshot(page, 'knowledge-note-1280')
})

test('suggestions while typing a link, two edits compared, and an old version restored', async ({ page }) => {
  await pickProfile(page, 'Gerrit Hoekstra', '/#/knowledge')
  await newNote(page, 'Schellak opbrengen', 'Techniek', 'Schellak in dunne lagen opbrengen.\n\nTussen de lagen licht schuren.', [
    'afwerking',
  ])
  const id = noteIdOf(page)

  await page.getByRole('link', { name: 'Alle notities' }).click()
  await page.getByRole('link', { name: 'Nieuwe notitie' }).first().click()
  await page.getByLabel('Titel').fill('Tafelblad afwerken')
  await page.getByLabel('Categorie').selectOption({ label: 'Techniek' })
  const text = body(page)
  await text.click()
  await text.pressSequentially('Eerst schuren, dan [[Schel')
  const list = page.getByRole('listbox', { name: 'Suggesties voor de link' })
  await expect(list.getByRole('option', { name: /Schellak opbrengen/ })).toBeVisible()
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await expect(text).toHaveAttribute('aria-activedescendant', (await list.getByRole('option').first().getAttribute('id'))!)
  await screenshot(page, 'knowledge-link-suggestions-1280')
  await text.press('Enter')
  await expect(list).toBeHidden()
  await expect(text).toHaveValue('Eerst schuren, dan [[Schellak opbrengen]]')
  // Machines by number: `[[machine:` lists the centre's machines; Escape closes without inserting.
  await text.pressSequentially(' op de [[machine:')
  await expect(list.getByRole('option', { name: /Lasersnijder Trotec Speedy 400/ })).toBeVisible()
  await text.press('ArrowDown')
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
  await text.press('Escape')
  await expect(list).toBeHidden()
  await expect(text).toHaveValue('Eerst schuren, dan [[Schellak opbrengen]] op de [[machine:')
  await text.fill('Eerst schuren, dan [[Schellak opbrengen]].')
  await page.getByTestId('save-note').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tafelblad afwerken' })).toBeVisible()
  await expect(page.getByTestId('note-body').getByRole('link', { name: 'Schellak opbrengen' })).toHaveAttribute(
    'href',
    '#/knowledge/notes/by-title/Schellak%20opbrengen',
  )

  // Two edits of the first note: the text, then the category and a tag.
  await page.goto(`/#/knowledge/notes/${id}`)
  await page.getByTestId('edit-note').click()
  await body(page).fill('Schellak in dunne lagen opbrengen met een poetslap.\n\nTussen de lagen licht schuren met korrel 400.')
  await page.getByTestId('save-note').click()
  await expect(page.getByTestId('note-body')).toContainText('met een poetslap')
  await page.getByTestId('edit-note').click()
  await page.getByLabel('Categorie').selectOption({ label: 'Materiaal' })
  await tagsField(page).fill('schellak')
  await tagsField(page).press('Enter')
  await body(page).fill(
    'Schellak in dunne lagen opbrengen met een poetslap.\n\nTussen de lagen licht schuren met korrel 400.\n\nLaat elke laag een uur drogen.',
  )
  await page.getByTestId('save-note').click()
  await expect(page.getByTestId('note-body')).toContainText('een uur drogen')

  await page.getByRole('tab', { name: /Geschiedenis/ }).click()
  const rows = page.getByTestId('revisions').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  const compare = page.getByTestId('compare')
  await expect(compare.getByRole('heading', { name: 'Versie 2 vergeleken met versie 3' })).toBeVisible()
  await page.getByLabel('Vergelijk vanaf versie 1').check()
  await expect(compare.getByRole('heading', { name: 'Versie 1 vergeleken met versie 3' })).toBeVisible()
  const fields = compare.getByTestId('field-changes')
  await expect(fields.getByRole('row', { name: /Categorie/ })).toContainText('Techniek')
  await expect(fields.getByRole('row', { name: /Categorie/ })).toContainText('Materiaal')
  await expect(fields.getByRole('row', { name: /Labels/ })).toContainText('schellak')
  await expect(compare).toContainText('Laat elke laag een uur drogen.')
  await expectAccessible(page, 'note history')
  await screenshot(page, 'knowledge-history-1280')
  await compare.scrollIntoViewIfNeeded()
  await screenshot(page, 'knowledge-compare-1280')

  await page.getByRole('button', { name: 'Versie 1 terugzetten als nieuwe versie' }).click()
  await expect(page.getByRole('status').getByText('Versie 1 is teruggezet als versie 4.')).toBeVisible()
  await expect(rows).toHaveCount(4)
  await expect(rows.first()).toContainText('Teruggezet van versie 1')
  await page.getByRole('tab', { name: 'Notitie', exact: true }).click()
  await expect(page.getByTestId('note-body')).toContainText('Schellak in dunne lagen opbrengen.')
  await expect(page.getByTestId('note-body')).not.toContainText('poetslap')

  // Text typed and left behind is kept on this device and offered back, until it is discarded.
  await page.getByTestId('edit-note').click()
  await body(page).fill('Een halve zin die nog niet af is')
  await page.getByRole('link', { name: 'Terug naar de notitie' }).click()
  await page.getByRole('button', { name: 'Verder bewerken' }).click()
  await expect(page.getByTestId('draft-offer')).toBeVisible()
  await page.getByRole('button', { name: 'Terugzetten' }).click()
  await expect(body(page)).toHaveValue('Een halve zin die nog niet af is')
  await page.getByRole('button', { name: 'Annuleren' }).click()
  await page.getByRole('button', { name: 'Wijzigingen weggooien' }).click()
  await expect(page.getByTestId('note-body')).toContainText('Schellak in dunne lagen opbrengen.')
  await page.reload()
  await expect(page.getByTestId('note-body')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Verder bewerken' })).toHaveCount(0)
})

test('two people save the same note: both texts are shown and nothing is lost; an expert reviews it', async ({ page, browser }) => {
  await pickProfile(page, 'Sanne Kuipers', '/#/knowledge')
  await newNote(page, 'Glas snijden', 'Techniek', 'Snij glas in één beweging.')
  const id = noteIdOf(page)

  // Sanne starts editing and types, but does not save yet.
  await page.getByTestId('edit-note').click()
  const mine = 'Snij glas in één beweging, met een druppel olie op het wieltje.'
  await body(page).fill(mine)

  // Meanwhile Els saves her own change in another window.
  const other = await browser.newContext()
  const els = await other.newPage()
  await pickProfile(els, 'Els Willems', `/#/knowledge/notes/${id}`)
  await els.getByTestId('edit-note').click()
  const theirs = 'Snij glas in één beweging. Oefen eerst op restglas.'
  await body(els).fill(theirs)
  await els.getByTestId('save-note').click()
  await expect(els.getByTestId('note-body')).toContainText('Oefen eerst op restglas')

  // Sanne saves: refused as stale, and she sees both versions, her text still in the editor.
  await page.getByTestId('save-note').click()
  const conflict = page.getByTestId('note-conflict')
  await expect(conflict).toBeVisible()
  await expect(conflict).toContainText('Els Willems heeft versie 2 opgeslagen')
  await expect(conflict.getByTestId('conflict-theirs')).toContainText(theirs)
  await expect(conflict.getByTestId('conflict-mine')).toContainText(mine)
  await expect(body(page)).toHaveValue(mine)
  await expectAccessible(page, 'note conflict')
  await screenshot(page, 'knowledge-conflict-1280')

  await conflict.getByRole('button', { name: 'Mijn versie opslaan (over die van hen)' }).click()
  await expect(page.getByTestId('note-body')).toContainText('een druppel olie')
  await page.getByRole('tab', { name: /Geschiedenis/ }).click()
  const rows = page.getByTestId('revisions').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('Els Willems')
  await page.getByLabel('Vergelijk vanaf versie 2').check()
  // Els's words are in the history, shown as deleted by Sanne's later version.
  await expect(page.getByTestId('body-diff').locator('del', { hasText: 'restglas' })).toBeVisible()
  await expect(page.getByTestId('body-diff').locator('ins', { hasText: 'druppel olie' })).toBeVisible()

  // Els, a freelancer who did not write the note, marks it as reviewed.
  await els.reload()
  const review = els.getByTestId('review')
  await expect(review).toContainText('Nog niet gecontroleerd')
  await review.getByRole('button', { name: 'Markeren als gecontroleerd' }).click()
  await expect(review).toContainText('Gecontroleerd door Els Willems op')
  await expectAccessible(els, 'reviewed note')
  await screenshot(els, 'knowledge-reviewed-1280')
  await other.close()

  // The author cannot review her own note; the list shows the mark and filters on it.
  await page.reload()
  await expect(page.getByTestId('review')).toContainText('Gecontroleerd door Els Willems')
  await expect(page.getByTestId('toggle-review')).toHaveCount(0)
  await page.goto('/#/knowledge')
  await page.getByLabel('Alleen gecontroleerd').check()
  const list = page.getByRole('list', { name: 'Notities' })
  await expect(list.getByRole('article', { name: 'Glas snijden' })).toBeVisible()
  await expect(list.getByRole('article', { name: 'Glas snijden' }).getByTestId('reviewed-badge')).toBeVisible()
  await page.getByLabel('Alleen gecontroleerd').uncheck()
  await page.getByRole('button', { name: 'Techniek', exact: true }).click()
  await expect(page).toHaveURL(/category=technique/)
  await expect(list.getByRole('article', { name: 'Glas snijden' })).toBeVisible()
  await page.getByRole('button', { name: 'Veiligheid', exact: true }).click()
  await expect(list.getByRole('article', { name: 'Glas snijden' })).toBeHidden()
  // The demo has notes in every category; a tag nobody uses shows the empty state.
  await page.goto('/#/knowledge?tag=nergens-gebruikt')
  await expect(page.getByRole('heading', { level: 2, name: 'Geen notities gevonden' })).toBeVisible()
  await expectAccessible(page, 'knowledge list, nothing found')
  await screenshot(page, 'knowledge-list-empty-1280')
  await page.goto('/#/knowledge')
  await expect(list.getByRole('article', { name: 'Glas snijden' })).toBeVisible()
  await expectAccessible(page, 'knowledge list with notes')
  await screenshot(page, 'knowledge-list-1280')
})
