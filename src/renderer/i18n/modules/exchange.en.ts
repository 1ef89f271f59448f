// Messages of exchange (en), typed against the Dutch ones so no key can be missing.
import type nl from './exchange.nl'
import type { reasons as nlReasons } from './exchange.nl'

const en: typeof nl = {
  menu: 'Export',
  menuLabel: 'Export as',
  markdown: 'Markdown (.md)',
  pdf: 'PDF for printing',
  eln: '.eln for another lab notebook',
  busy: 'Exporting…',
  done: '{file} has been downloaded.',
  list: {
    menu: '.eln',
    menuLabel: 'Exchange with other lab notebooks',
    import: 'Import an .eln file…',
    exportList: 'Export this list (1 experiment) | Export this list ({n} experiments)',
    reading: 'Reading…',
  },
  result: {
    title: 'Import finished',
    imported: 'No experiments imported | 1 experiment imported from {file}: | {n} experiments imported from {file}:',
    skippedTitle: 'Not taken over',
    skippedIntro: 'These parts have no counterpart in this centre or are not kept:',
    participants: 'Participants not known here: {names}',
    machines: 'Machines that do not exist here: {names}',
    links: 'Links to notes or experiments that do not exist here: {names}',
    files: 'Files of a kind Werkbank does not keep: {names}',
    failedTitle: 'The import did not work',
    nothingWritten: 'Nothing has been added.',
    close: 'Close',
  },
  importedFrom: 'Imported from {file}',
}

export const reasons: typeof nlReasons = {
  elnArchiveTooLarge: 'This .eln file is too large; the maximum is {maximum} MB.',
  elnNotZip: 'This is not an .eln file: it is not a ZIP archive.',
  elnUnsupported: 'This archive uses something Werkbank does not read (encryption, ZIP64 or an unknown compression) at “{entry}”.',
  elnTooManyEntries: 'This archive holds more than {maximum} files and folders.',
  elnCorrupt: 'This archive is damaged (at “{entry}”).',
  elnUnsafePath: 'This archive was refused: “{entry}” points outside the archive’s folder.',
  elnSymlink: 'This archive was refused: “{entry}” is a symbolic link or a special file.',
  elnEntryTooLarge: 'The file “{entry}” in this archive is larger than {maximum} MB.',
  elnTooLarge: 'Unpacked, this archive would be larger than {maximum} MB.',
  elnZipBomb: 'This archive was refused: “{entry}” unpacks to suspiciously much more than its size (a zip bomb).',
  elnLayout: 'This is not a valid .eln file: it must hold exactly one folder with ro-crate-metadata.json in it.',
  elnMetadata: 'The description ro-crate-metadata.json in this archive is not valid ({problem}).',
  elnEmpty: 'This .eln file holds no experiments.',
  elnTooManyExperiments: 'This .eln file holds more than {maximum} experiments.',
  elnFileMissing: 'The file “{entry}” is listed but missing from the archive.',
  elnChecksum: 'The file “{entry}” changed on the way: its checksum (SHA-256) does not match.',
}

export default en
