// Backups in Settings on the demo centre: a backup made by hand shows in the list, and a file that
// is not a Werkbank database is refused in words with nothing changed. No restore over the demo
// data here: the other demo specs share it.
import { expect, test } from '@playwright/test'
import { expectAccessible, pickProfile, screenshot } from './support'

test('a coordinator makes a backup and a bad file is refused', async ({ page }) => {
  await pickProfile(page, 'Marieke van Dijk', '/#/settings')
  const section = page.getByTestId('backup-settings')
  await expect(section.getByRole('heading', { name: 'Backups' })).toBeVisible()
  await expect(section.getByTestId('backup-folder')).toContainText('backups')

  await section.getByRole('button', { name: 'Nu een backup maken' }).click()
  const list = section.getByTestId('backup-list')
  await expect(list.getByRole('row').filter({ hasText: 'Handmatig' }).first()).toBeVisible()
  await expect(list.getByRole('row').filter({ hasText: 'Handmatig' }).first()).toContainText('bijlagen')
  await section.scrollIntoViewIfNeeded()
  await screenshot(page, 'backup-settings')
  await section.screenshot({
    path: `${process.env.WERKBANK_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots'}/backup-section.png`,
  })
  await expectAccessible(page, 'the backups in Settings')

  // A file that is no database: the dialog says what would happen, the core refuses, nothing changes.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    section.getByRole('button', { name: 'Terugzetten uit bestand…' }).click(),
  ])
  await chooser.setFiles({
    name: 'centrum.sqlite',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('dit is geen database '.repeat(50)),
  })
  const dialog = page.getByRole('dialog', { name: 'Backup terugzetten?' })
  await expect(dialog).toContainText('centrum.sqlite')
  await expect(dialog).toContainText('Werkbank controleert eerst het bestand')
  await expectAccessible(page, 'the restore confirmation')
  await screenshot(page, 'backup-confirm')
  await dialog.getByRole('button', { name: 'Terugzetten', exact: true }).click()
  await expect(section.getByTestId('backup-error')).toContainText('Dit is geen SQLite-database')
  await expect(section.getByTestId('backup-error')).toContainText('Er is niets veranderd')
  await expect(section.getByTestId('backup-restored')).toHaveCount(0)
  await screenshot(page, 'backup-refused')
})
