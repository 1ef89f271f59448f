// Reports on the demo centre: the coordinator runs the report for last year, sees its tables and
// charts, downloads a table as CSV and everything as XLSX, looks at the print version, and reads
// the screen in English too.
import { expect, test } from '@playwright/test'
import { unzipSync, strFromU8 } from 'fflate'
import { readFileSync } from 'node:fs'
import { expectAccessible, pickProfile, screenshot } from './support'

const COORDINATOR = 'Marieke van Dijk'

test('the coordinator runs last year’s report and exports it as CSV and XLSX', async ({ page }) => {
  await pickProfile(page, COORDINATOR, '/#/reports')
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeVisible()
  await page.getByTestId('preset-lastYear').click()
  const lastYear = new Date().getFullYear() - 1
  await expect(page.getByTestId('report-period')).toContainText(`1 januari ${lastYear}`)
  await expect(page.getByTestId('report-period')).toContainText(`31 december ${lastYear}`)
  for (const key of ['usage', 'noShows', 'coCreation', 'outcomes', 'knowledge', 'symposia']) {
    await expect(page.getByTestId(`section-${key}`).getByRole('heading', { level: 2 })).toBeVisible()
    await expect(page.getByTestId(`table-${key}`)).toBeVisible()
  }
  await expect(page.getByTestId('table-usage').locator('thead')).toContainText('Studenten (uur)')
  await expect(page.locator('canvas[role="img"]').first()).toBeVisible()
  expect(await page.locator('canvas[role="img"]').count()).toBeGreaterThanOrEqual(7)

  const csv = page.waitForEvent('download')
  await page.getByTestId('csv-usage').click()
  const csvFile = await csv
  expect(csvFile.suggestedFilename()).toBe(`rapportage-gebruik-${lastYear}-01-01-${lastYear}-12-31.csv`)
  const text = readFileSync((await csvFile.path())!, 'utf8')
  expect(text.startsWith('\uFEFFMachine;Maand;Studenten (uur);')).toBe(true)

  const xlsx = page.waitForEvent('download')
  await page.getByTestId('export-xlsx').click()
  const xlsxFile = await xlsx
  expect(xlsxFile.suggestedFilename()).toBe(`rapportage-${lastYear}-01-01-${lastYear}-12-31.xlsx`)
  const parts = unzipSync(new Uint8Array(readFileSync((await xlsxFile.path())!)))
  expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<sheet name="Gebruik"')
  expect(Object.keys(parts).filter((name) => name.startsWith('xl/worksheets/'))).toHaveLength(6)
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeAttached()

  await expectAccessible(page, 'the reports screen')
})

test('this year’s report on screen and on paper, and in English', async ({ page }) => {
  await pickProfile(page, COORDINATOR, '/#/reports')
  await page.getByTestId('preset-thisYear').click()
  await expect(page.getByTestId('report-period')).toContainText(`1 januari ${new Date().getFullYear()}`)
  await expect(page.getByTestId('chart-usage')).toBeVisible()
  await page.setViewportSize({ width: 1280, height: 1400 })
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
  await screenshot(page, 'reports-1280')

  // The print version: no navigation, no controls, the tables whole.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeHidden()
  await expect(page.getByTestId('print-report')).toBeHidden()
  await expect(page.getByTestId('csv-usage')).toBeHidden()
  await expect(page.getByTestId('table-symposia')).toBeVisible()
  await page.setViewportSize({ width: 794, height: 1123 }) // A4 at 96 dpi
  await page.waitForTimeout(300) // the charts follow their new width
  await page.screenshot({ path: screenshotPath('reports-print'), fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.evaluate(() => localStorage.setItem('werkbank.locale', 'en'))
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await page.getByTestId('preset-lastMonth').click()
  await expect(page.getByTestId('section-usage').getByRole('heading', { level: 2, name: 'Use per machine per month' })).toBeVisible()
  await expect(page.getByTestId('table-usage').locator('thead')).toContainText('Students (h)')
  await expect(page.locator('main')).not.toContainText(/Gebruik|Studenten|Niet verschenen|Periode|Afdrukken/)

  // Dates of one's own: a period that ends before it starts is refused in words, a good one shown.
  await page.getByTestId('preset-range').click()
  await page.getByTestId('period-from').fill('2025-03-02')
  await page.getByTestId('period-to').fill('2025-03-01')
  await page.getByTestId('period-apply').click()
  await expect(page.getByTestId('error-alert')).toContainText('The period ends (2025-03-01) before it starts (2025-03-02).')
  await page.getByTestId('period-to').fill('2025-03-31')
  await page.getByTestId('period-apply').click()
  await expect(page.getByTestId('report-period')).toContainText(/March 2, 2025|2 March 2025/)
  await expect(page.getByTestId('error-alert')).toHaveCount(0)
  await expectAccessible(page, 'the reports screen in English')
})

function screenshotPath(name: string) {
  const dir = process.env.WERKBANK_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots'
  return `${dir}/${name}.png`
}
