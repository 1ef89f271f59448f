// The symposium on a fresh centre, in the UI, as the people who do it: the coordinator sets up an
// edition with rooms, a freelancer submits a demonstration at the laser cutter (from fresh.2) with
// an external co-speaker, a teacher reviews it, the coordinator accepts it, finds the acceptance
// letters in the outbox and downloads one as .eml, and enters a budget line that goes over plan.
// One test in steps, so later parts of the symposium (programme, registrations) extend the same
// story on the same edition.
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expectAccessible, pickProfile, screenshot, TOKEN } from './support'

test.describe.configure({ mode: 'serial' })

const COORDINATOR = 'Marieke van Dijk'
const FREELANCER = 'Hélène Vermeulen'
const TEACHER = 'Joost Bakker'
const EDITION = 'Symposium Ambachtelijk Meubelmaken 2027'
const CONTRIBUTION = 'Inleg in eiken, gesneden met de laser'
const MACHINE = 'Lasersnijder Epilog'

/** Local date in Amsterdam, `days` from today. */
function amsterdamDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000))
}

/** A call straight to the core, as someone else working at the same time would make it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function api(page: Page, method: string, input: unknown, actorId: number | null): Promise<any> {
  const response = await page.request.post(`/api/${method}`, { data: { input, actorId }, headers: { Authorization: `Bearer ${TOKEN}` } })
  const body = await response.json()
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true)
  return body.value
}

/** The way a second person takes over the same device: the switch in the sidebar, then the picker. */
async function switchProfile(page: Page, name: string) {
  await page.getByTestId('switch-profile').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Wie gebruikt Werkbank?' })).toBeVisible()
  await page.getByLabel('Zoek je naam').fill(name.split(' ')[0]!)
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await expect(page.getByRole('group', { name: `Ingelogd als ${name}` })).toBeVisible()
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

async function wide(page: Page, name: string) {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await screenshot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('a symposium from setting it up to the first accepted contribution and its budget', async ({ page }) => {
  test.setTimeout(180_000)

  await test.step('the coordinator adds a teacher who will review', async () => {
    await pickProfile(page, COORDINATOR, '/#/people')
    await page.getByTestId('add-person').click()
    const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' })
    await dialog.getByLabel('Naam').fill(TEACHER)
    await dialog.getByLabel('E-mailadres').fill('joost.bakker@hogeschool.example')
    await dialog.getByLabel('Rol').selectOption('teacher')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog).toBeHidden()
  })

  await test.step('the coordinator sets up an edition with rooms', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Symposia' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Symposia' })).toBeVisible()
    await expect(page.getByText('Nog geen symposia')).toBeVisible()
    await expectAccessible(page, 'symposia, empty')
    await screenshot(page, 'symposium-list-empty-1280')

    await page.getByTestId('new-symposium').click()
    const dialog = page.getByRole('dialog', { name: 'Nieuw symposium' })
    // Three review criteria are there already, in the interface language.
    await expect(dialog.getByLabel('Criterium 1')).toHaveValue('Relevantie voor het vak')
    // Without a title the core refuses, and says so at the field; nothing typed is lost.
    await dialog.getByLabel('Locatie').fill('Aula, Hogeschool De Werkplaats')
    await dialog.getByTestId('edition-save').click()
    await expect(dialog.getByText('Vul dit veld in.')).toBeVisible()
    await expect(dialog.getByLabel('Locatie')).toHaveValue('Aula, Hogeschool De Werkplaats')

    await dialog.getByLabel('Titel').fill(EDITION)
    await dialog.getByLabel('Thema', { exact: false }).fill('Vakmanschap en nieuwe machines: wat de laser en de robot het ambacht brengen.')
    await dialog.getByLabel('Aantal dagen').selectOption('2')
    await dialog.getByLabel('Oproep opent').fill(amsterdamDate(-7))
    await dialog.getByLabel('Oproep sluit').fill(amsterdamDate(30))
    await dialog.getByLabel('Aanmelden opent').fill(amsterdamDate(-1))
    await dialog.getByLabel('Aanmelden sluit').fill(amsterdamDate(120))
    await dialog.getByRole('button', { name: 'Zaal toevoegen' }).click()
    await dialog.getByLabel('Naam van zaal 1').fill('Grote zaal')
    await dialog.getByLabel('Plaatsen in zaal 1').fill('120')
    await dialog.getByRole('button', { name: 'Zaal toevoegen' }).click()
    await dialog.getByLabel('Naam van zaal 2').fill('Werkplaats')
    await dialog.getByLabel('Plaatsen in zaal 2').fill('24')
    await dialog.getByRole('button', { name: 'Track toevoegen' }).click()
    await dialog.getByLabel('Naam van track 1').fill('Hout en machine')
    await expectAccessible(page, 'new symposium form')
    await screenshot(page, 'symposium-new-1280')
    await dialog.getByTestId('edition-save').click()
    await expect(dialog).toBeHidden()

    await expect(page.getByRole('heading', { level: 1, name: EDITION })).toBeVisible()
    await expect(page.getByRole('status').getByText(`${EDITION} is aangemaakt.`)).toBeVisible()
    await expect(page.getByTestId('edition-rooms')).toContainText('Grote zaal')
    await expect(page.getByTestId('edition-rooms')).toContainText('24 plaatsen')
    await expect(page.getByTestId('window-call').first()).toHaveAttribute('data-state', 'open')
    await expectAccessible(page, 'symposium overview')
    await screenshot(page, 'symposium-overview-1280')
    await wide(page, 'symposium-overview')

    // The edit form on the overview keeps the lists of rooms, tracks and criteria. Someone else saves
    // meanwhile: their change comes in, the coordinator's own edit stays, and both are saved.
    await page.getByTestId('edition-edit').click()
    await expect(page.getByLabel('Naam van zaal 2')).toHaveValue('Werkplaats')
    await page.getByLabel('Capaciteit').fill('150')
    const [coordinator] = (await api(page, 'people.list', { role: 'coordinator' }, null)).items
    const edition = (await api(page, 'symposia.list', {}, coordinator!.id))[0]
    await api(
      page,
      'symposia.update',
      { id: edition.id, version: edition.version, venue: 'Aula en werkplaats, De Werkplaats' },
      coordinator!.id,
    )
    await page.getByTestId('edition-save').click()
    await expect(page.locator('#edition-conflict')).toContainText('Iemand anders heeft dit symposium intussen opgeslagen.')
    await expect(page.getByLabel('Capaciteit')).toHaveValue('150')
    await expect(page.getByLabel('Locatie')).toHaveValue('Aula en werkplaats, De Werkplaats')
    await expectAccessible(page, 'symposium edit form after a conflict')
    await screenshot(page, 'symposium-edit-conflict-1280')
    await page.getByTestId('edition-editor').getByRole('button', { name: 'Mijn versie opslaan' }).click()
    await expect(page.getByRole('status').getByText('Het symposium is opgeslagen.')).toBeVisible()
    await expect(page.getByText('Plaats voor 150 deelnemers', { exact: false })).toBeVisible()

    await page.getByRole('link', { name: 'Alle symposia' }).click()
    await expect(page.getByRole('article', { name: EDITION })).toBeVisible()
    await expectAccessible(page, 'symposia list')
    await screenshot(page, 'symposium-list-1280')
  })

  await test.step('a freelancer submits a demonstration with an external co-speaker', async () => {
    await page.getByRole('link', { name: EDITION }).click()
    await switchProfile(page, FREELANCER)
    await expect(page.getByRole('heading', { level: 1, name: EDITION })).toBeVisible()
    // Messages and the budget are for coordinators and teachers only.
    await expect(page.getByRole('tab', { name: 'Begroting' })).toHaveCount(0)
    await openTab(page, 'Oproep & beoordeling')
    expect(page.url()).toContain('/call')
    await expect(page.getByText('Je hebt nog niets ingestuurd voor dit symposium.')).toBeVisible()

    await page.getByTestId('new-submission').click()
    const dialog = page.getByRole('dialog', { name: 'Bijdrage insturen' })
    await dialog.getByLabel('Titel').fill(CONTRIBUTION)
    await dialog
      .getByLabel('Samenvatting')
      .fill(
        'Hoe je met de lasersnijder inlegwerk in eiken voorbereidt: van ontwerp tot passende uitsparing, en waar de hand het overneemt.',
      )
    await dialog.getByLabel('Soort').selectOption({ label: 'Demonstratie' })
    await expect(dialog.getByLabel('Duur in minuten')).toHaveValue('45')
    await dialog.getByLabel('Publiek', { exact: false }).fill('Meubelmakers en studenten met ervaring in massief hout')
    await dialog.getByLabel('Track').selectOption({ label: 'Hout en machine' })
    await dialog.getByLabel('Zaal voor minstens', { exact: false }).fill('20')
    await dialog.getByLabel('Machine nodig', { exact: false }).selectOption({ label: MACHINE })
    await expect(dialog.getByRole('group', { name: 'Sprekers' })).toContainText(FREELANCER)
    await dialog.getByTestId('add-external-speaker').click()
    await dialog.getByLabel('Naam van spreker 2').fill('Pieter de Wit')
    await dialog.getByLabel('E-mailadres van spreker 2').fill('pieter@dewit-inlegwerk.example')
    await dialog.getByLabel('Organisatie van spreker 2').fill('De Wit Inlegwerk')
    await expectAccessible(page, 'submission form')
    await screenshot(page, 'symposium-submit-1280')
    await dialog.getByTestId('submission-save').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').getByText(`“${CONTRIBUTION}” is ingestuurd.`)).toBeVisible()

    // It opens at once; a speaker does not see reviews or the decision form.
    const detail = page.getByRole('dialog', { name: CONTRIBUTION })
    await expect(detail.getByText('Pieter de Wit')).toBeVisible()
    await expect(detail.getByTestId('review-form')).toHaveCount(0)
    await expect(detail.getByTestId('decision-form')).toHaveCount(0)
    await detail.getByRole('button', { name: 'Sluiten' }).last().click()
    await expect(page.getByRole('row', { name: new RegExp(CONTRIBUTION) })).toContainText('Ingediend')
    await screenshot(page, 'symposium-call-own-1280')
  })

  await test.step('a teacher reviews it on every criterion', async () => {
    await switchProfile(page, TEACHER)
    await expect(page.getByTestId('symposium-panel-call')).toBeVisible()
    await page.getByRole('button', { name: CONTRIBUTION }).click()
    const detail = page.getByRole('dialog', { name: CONTRIBUTION })
    await expect(detail.getByText('Nog niemand heeft deze inzending beoordeeld.')).toBeVisible()
    const review = detail.getByTestId('review-form')
    // Saving with a criterion left open is refused here, before anything is sent.
    await review.getByRole('group', { name: 'Relevantie voor het vak' }).getByRole('radio', { name: '5 van 5' }).check()
    await review.getByTestId('review-save').click()
    await expect(review.getByText('Kies een score.').first()).toBeVisible()
    await review.getByRole('group', { name: 'Vernieuwing' }).getByRole('radio', { name: '4 van 5' }).check()
    await review.getByRole('group', { name: 'Uitvoerbaarheid' }).getByRole('radio', { name: '3 van 5' }).check()
    await review.getByLabel('Toelichting').fill('Sterk verhaal over de grens tussen machine en hand; let op de tijd voor vragen.')
    await review.getByTestId('review-save').click()
    await expect(page.getByRole('status').getByText('Je beoordeling is opgeslagen.')).toBeVisible()
    await expect(detail.getByTestId('review-stats')).toHaveText('1 beoordeling, gemiddeld 4,0, spreiding 0,0')
    await expect(detail.getByRole('listitem').filter({ hasText: TEACHER })).toContainText('Vernieuwing: 4')
    // Teachers review; only the coordinator decides.
    await expect(detail.getByTestId('decision-form')).toHaveCount(0)
    await expectAccessible(page, 'submission review')
    await screenshot(page, 'symposium-review-1280')
    await detail.getByRole('button', { name: 'Sluiten' }).last().click()
  })

  await test.step('the coordinator accepts it', async () => {
    await switchProfile(page, COORDINATOR)
    const row = page.getByRole('row', { name: new RegExp(CONTRIBUTION) })
    await expect(row).toContainText('4,0')
    await expectAccessible(page, 'submissions list')
    await screenshot(page, 'symposium-call-1280')
    await wide(page, 'symposium-call')

    await page.getByRole('button', { name: CONTRIBUTION }).click()
    const detail = page.getByRole('dialog', { name: CONTRIBUTION })
    await expect(detail.getByText('Sterk verhaal over de grens')).toBeVisible()
    const decision = detail.getByTestId('decision-form')
    await decision.getByRole('radio', { name: 'Accepteren' }).check()
    await decision.getByLabel('Toelichting voor de sprekers', { exact: false }).fill('We plannen je op de eerste dag, in de werkplaats.')
    await expectAccessible(page, 'submission decision')
    await screenshot(page, 'symposium-decision-1280')
    await decision.getByTestId('decision-save').click()
    await expect(page.getByRole('status').getByText(/is geaccepteerd; de brieven staan klaar bij Berichten/)).toBeVisible()
    await expect(detail.getByText(/^Geaccepteerd op/)).toBeVisible()
    await detail.getByRole('button', { name: 'Sluiten' }).last().click()
    await expect(row).toContainText('Geaccepteerd')
    // The edition's counts follow: one submission, and now one session.
    await openTab(page, 'Overzicht')
    await expect(page.getByRole('definition').filter({ hasText: /^1$/ })).toHaveCount(2)
  })

  await test.step('the acceptance letters wait in the outbox; one downloads as .eml', async () => {
    await openTab(page, 'Berichten')
    await expect(page.getByTestId('outbox-unsent')).toHaveText('2 berichten te versturen')
    const letter = page.getByRole('row', { name: new RegExp(FREELANCER) })
    await expect(letter).toContainText(`Je bijdrage aan ${EDITION} is geaccepteerd`)
    await expect(page.getByRole('row', { name: /Pieter de Wit/ })).toContainText('pieter@dewit-inlegwerk.example')
    await expectAccessible(page, 'outbox')
    await screenshot(page, 'symposium-outbox-1280')
    await wide(page, 'symposium-outbox')

    await letter.getByRole('button', { name: `Je bijdrage aan ${EDITION} is geaccepteerd`, exact: true }).click()
    const preview = page.getByTestId('outbox-preview')
    await expect(preview).toContainText(`Beste ${FREELANCER},`)
    await expect(preview).toContainText('We plannen je op de eerste dag, in de werkplaats.')
    const mailto = await page.getByTestId('outbox-mailto').getAttribute('href')
    expect(mailto).toMatch(/^mailto:helene@atelier-vermeulen\.nl\?subject=Je%20bijdrage%20aan%20/)
    await expectAccessible(page, 'outbox preview')
    await screenshot(page, 'symposium-letter-1280')

    const downloading = page.waitForEvent('download')
    await page.getByTestId('outbox-download').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^werkbank-acceptance-\d+\.eml$/)
    const eml = readFileSync(await download.path(), 'utf8')
    expect(eml).toContain('X-Unsent: 1\r\n')
    expect(eml).toMatch(/\r\nTo: =\?UTF-8\?B\?[^?]+\?= <helene@atelier-vermeulen\.nl>\r\n/)
    const body = Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8')
    expect(body).toContain(`"${CONTRIBUTION}" is geaccepteerd voor ${EDITION}`)
    await page.getByRole('dialog').getByRole('button', { name: 'Markeren als verzonden' }).click()
    await expect(page.getByRole('dialog')).toBeHidden()
    await expect(page.getByTestId('outbox-unsent')).toHaveText('1 bericht te versturen')

    // The rest in one go.
    await page.getByRole('checkbox', { name: 'Alle zichtbare berichten selecteren' }).check()
    await page.getByTestId('mark-selected-sent').click()
    await expect(page.getByTestId('outbox-unsent')).toHaveText('Niets te versturen')
    await page.getByLabel('Toon').selectOption('all')
    await expect(page.getByRole('row', { name: /Pieter de Wit/ })).toContainText('Verzonden')
    await page.getByTestId('outbox-templates').scrollIntoViewIfNeeded()
    await screenshot(page, 'symposium-templates-1280')
  })

  await test.step('a budget line over plan shows the warning', async () => {
    await openTab(page, 'Begroting')
    await expect(page.getByText('Nog geen begroting')).toBeVisible()
    await page.getByTestId('budget-add').click()
    let dialog = page.getByRole('dialog', { name: 'Begrotingsregel toevoegen' })
    await dialog.getByLabel('Categorie').selectOption({ label: 'Subsidie' })
    await dialog.getByLabel('Omschrijving').fill('Bijdrage cultuurfonds')
    await dialog.getByLabel('Begroot bedrag').fill('2.500')
    await dialog.getByTestId('budget-line-save').click()
    await expect(dialog).toBeHidden()

    await page.getByTestId('budget-add').click()
    dialog = page.getByRole('dialog', { name: 'Begrotingsregel toevoegen' })
    await dialog.getByLabel('Categorie').selectOption({ label: 'Zaalhuur' })
    await dialog.getByLabel('Omschrijving').fill('Aula en techniek')
    await dialog.getByLabel('Begroot bedrag').fill('twaalfhonderd')
    await dialog.getByTestId('budget-line-save').click()
    await expect(dialog.getByText('Vul een bedrag in euro’s in')).toBeVisible()
    await dialog.getByLabel('Begroot bedrag').fill('1.200')
    await dialog.getByLabel('Werkelijk bedrag', { exact: false }).fill('1.450,50')
    await expectAccessible(page, 'budget line form')
    await screenshot(page, 'symposium-budget-line-1280')
    await dialog.getByTestId('budget-line-save').click()
    await expect(dialog).toBeHidden()

    const line = page.getByRole('row', { name: /Aula en techniek/ })
    await expect(line).toContainText('boven begroting')
    await expect(line).toContainText('€ 1.450,50')
    await expect(line).toContainText('+€ 250,50')
    await expect(page.getByTestId('budget-warning')).toContainText('De kosten gaan over de begroting.')
    await expect(page.getByTestId('budget-warning')).toContainText('€ 250,50 meer')
    // Income 2.500 planned (not yet in), costs 1.450,50 actual: the balance counts what is known.
    await expect(page.getByTestId('budget-balance')).toHaveText('+€ 1.049,50')
    await expectAccessible(page, 'budget')
    await screenshot(page, 'symposium-budget-1280')
    await wide(page, 'symposium-budget')
  })

  await test.step('the screens read in English too', async () => {
    await page.evaluate(() => localStorage.setItem('werkbank.locale', 'en'))
    await page.reload()
    await expect(page.getByRole('tab', { name: 'Budget' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('budget-warning')).toContainText('The costs are going over budget.')
    await screenshot(page, 'symposium-budget-en-1280')
    await openTab(page, 'Call & review')
    await expect(page.getByRole('row', { name: new RegExp(CONTRIBUTION) })).toContainText('Accepted')
    await screenshot(page, 'symposium-call-en-1280')
    await page.evaluate(() => localStorage.removeItem('werkbank.locale'))
    await page.reload()
    await expect(page.getByRole('tab', { name: 'Oproep & beoordeling' })).toHaveAttribute('aria-selected', 'true')
  })
})
