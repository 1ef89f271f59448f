// English texts of the backup screens; error reasons go in `reasons`. Typed against the Dutch file.
import type nl from './backup.nl'
import type { reasons as nlReasons } from './backup.nl'

export const reasons: typeof nlReasons = {
  restoreCorrupt: 'This file is damaged (SQLite’s check found errors). Nothing has been changed.',
  restoreForeignKeys: 'In this file {count} records refer to records that are not there. Nothing has been changed.',
  restoreTooNew:
    'This file comes from a newer Werkbank (schema {found}; this version knows up to {known}). Install the newer Werkbank first. Nothing has been changed.',
  restoreNotWerkbank: 'This is not a Werkbank database. Nothing has been changed.',
  restoreNotSqlite: 'This is not an SQLite database (pick a werkbank.sqlite file from a backup folder). Nothing has been changed.',
  restoreTooLarge: 'This file is too large to upload; the maximum is {maximum} MB. Put it in the backups folder and pick it from the list.',
}

const en: typeof nl = {
  title: 'Backups',
  intro:
    'While Werkbank runs, it backs up all data every day, attachments included. The newest 7 daily and 4 weekly backups are kept; backups you make yourself stay until you delete them.',
  coordinatorOnly: 'Only a coordinator manages the backups.',
  folder: 'Backups folder',
  folderHint: 'Copy this folder to another drive now and then: a backup on the same computer does not help when that computer breaks.',
  now: 'Back up now',
  making: 'Backing up…',
  made: 'Backup made.',
  restoreFile: 'Restore from a file…',
  loading: 'Loading backups…',
  empty: 'No backups yet. The first daily backup follows shortly after starting.',
  listLabel: 'Backups, newest first',
  columns: { when: 'Made on', kind: 'Kind', size: 'Size', actions: 'Actions' },
  kinds: {
    daily: 'Daily',
    weekly: 'Weekly',
    manual: 'Manual',
    'pre-migration': 'Before update',
    'pre-restore': 'Before restore',
  },
  size: '{database} + {count} attachments',
  restore: 'Restore…',
  restoreOf: 'Restore the backup of {when}',
  delete: 'Delete',
  deleteOf: 'Delete the backup of {when}',
  deleted: 'Backup deleted.',
  confirm: {
    restoreTitle: 'Restore backup?',
    restoreWhat: 'You are restoring the backup of {when}.',
    restoreFileWhat: 'You are restoring the file {file}.',
    steps: {
      check: 'Werkbank checks the file first. If it is damaged or unsuitable, it is refused and nothing changes.',
      safety: 'Then Werkbank backs up the data as it is now, so this restore can be undone as well.',
      replace:
        'Then all data is replaced by the backup’s. Everything entered since is gone. Anyone using Werkbank right now sees the restored data at once.',
    },
    restore: 'Restore',
    deleteTitle: 'Delete backup?',
    deleteWhat: 'The backup of {when} is removed from this computer. This cannot be undone.',
    cancel: 'Cancel',
  },
  restoring: 'Checking and restoring…',
  restored: 'The backup has been restored (schema {schema}). The data from just before is in the list as ‘Before restore’.',
  missingAttachments: '{n} attachment is missing: it was not in the backup. | {n} attachments are missing: they were not in the backup.',
  reload: 'Reload Werkbank',
  reloadHint: 'Reload so that every screen shows the restored data; pick your profile again if needed.',
  refused: 'Not restored',
}

export default en
