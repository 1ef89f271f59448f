// Messages of exchange (nl): exporting experiments and notes as Markdown, PDF and .eln, and
// importing .eln files from other lab notebooks. `reasons` are the refusals of an import.
export default {
  menu: 'Exporteren',
  menuLabel: 'Exporteren als',
  markdown: 'Markdown (.md)',
  pdf: 'PDF om af te drukken',
  eln: '.eln voor een ander labjournaal',
  busy: 'Bezig met exporteren…',
  done: '{file} is gedownload.',
  list: {
    menu: '.eln',
    menuLabel: 'Uitwisselen met andere labjournaals',
    import: '.eln-bestand importeren…',
    exportList: 'Deze lijst exporteren (1 experiment) | Deze lijst exporteren ({n} experimenten)',
    reading: 'Bezig met inlezen…',
  },
  result: {
    title: 'Import klaar',
    imported: 'Geen experimenten geïmporteerd | 1 experiment geïmporteerd uit {file}: | {n} experimenten geïmporteerd uit {file}:',
    skippedTitle: 'Niet overgenomen',
    skippedIntro: 'Deze onderdelen hebben geen tegenhanger in dit centrum of worden niet bewaard:',
    participants: 'Deelnemers die hier niet bekend zijn: {names}',
    machines: 'Machines die hier niet bestaan: {names}',
    links: 'Koppelingen naar notities of experimenten die hier niet bestaan: {names}',
    files: 'Bestanden van een soort die Werkbank niet bewaart: {names}',
    failedTitle: 'Importeren lukte niet',
    nothingWritten: 'Er is niets toegevoegd.',
    close: 'Sluiten',
  },
  importedFrom: 'Geïmporteerd uit {file}',
}

/** Why an .eln import was refused; mounted into errors.reasons. */
export const reasons = {
  elnArchiveTooLarge: 'Dit .eln-bestand is te groot; het maximum is {maximum} MB.',
  elnNotZip: 'Dit is geen .eln-bestand: het is geen ZIP-archief.',
  elnUnsupported: 'Dit archief gebruikt iets wat Werkbank niet leest (versleuteling, ZIP64 of een onbekende compressie) bij “{entry}”.',
  elnTooManyEntries: 'Dit archief bevat meer dan {maximum} bestanden en mappen.',
  elnCorrupt: 'Dit archief is beschadigd (bij “{entry}”).',
  elnUnsafePath: 'Dit archief is geweigerd: “{entry}” wijst buiten de map van het archief.',
  elnSymlink: 'Dit archief is geweigerd: “{entry}” is een snelkoppeling (symlink) of een speciaal bestand.',
  elnEntryTooLarge: 'Het bestand “{entry}” in dit archief is groter dan {maximum} MB.',
  elnTooLarge: 'Uitgepakt zou dit archief groter worden dan {maximum} MB.',
  elnZipBomb: 'Dit archief is geweigerd: “{entry}” pakt verdacht veel groter uit dan het is (een zip-bom).',
  elnLayout: 'Dit is geen geldig .eln-bestand: er hoort precies één map in te staan, met ro-crate-metadata.json erin.',
  elnMetadata: 'De beschrijving ro-crate-metadata.json in dit archief klopt niet ({problem}).',
  elnEmpty: 'Dit .eln-bestand bevat geen experimenten.',
  elnTooManyExperiments: 'Dit .eln-bestand bevat meer dan {maximum} experimenten.',
  elnFileMissing: 'Het bestand “{entry}” wordt genoemd maar zit niet in het archief.',
  elnChecksum: 'Het bestand “{entry}” is onderweg veranderd: de controlesom (SHA-256) klopt niet.',
}
