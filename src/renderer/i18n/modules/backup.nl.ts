// Dutch texts of the backup screens; error reasons go in `reasons`.
export const reasons = {
  restoreCorrupt: 'Dit bestand is beschadigd (de controle van SQLite vond fouten). Er is niets veranderd.',
  restoreForeignKeys: 'In dit bestand verwijzen {count} gegevens naar gegevens die er niet zijn. Er is niets veranderd.',
  restoreTooNew:
    'Dit bestand komt van een nieuwere Werkbank (schema {found}; deze versie kent tot {known}). Installeer eerst de nieuwere Werkbank. Er is niets veranderd.',
  restoreNotWerkbank: 'Dit is geen database van Werkbank. Er is niets veranderd.',
  restoreNotSqlite: 'Dit is geen SQLite-database (kies een bestand werkbank.sqlite uit een backupmap). Er is niets veranderd.',
  restoreTooLarge: 'Dit bestand is te groot om te uploaden; het maximum is {maximum} MB. Zet het in de backupmap en kies het uit de lijst.',
}

export default {
  title: 'Backups',
  intro:
    'Zolang Werkbank draait, maakt het elke dag een backup van alle gegevens, de bijlagen inbegrepen. Bewaard worden de nieuwste 7 dagelijkse en 4 wekelijkse; backups die je zelf maakt blijven staan tot je ze verwijdert.',
  coordinatorOnly: 'Alleen een coördinator beheert de backups.',
  folder: 'Map met backups',
  folderHint: 'Kopieer deze map af en toe naar een andere schijf: een backup op dezelfde computer helpt niet als die kapotgaat.',
  now: 'Nu een backup maken',
  making: 'Backup maken…',
  made: 'Backup gemaakt.',
  restoreFile: 'Terugzetten uit bestand…',
  loading: 'Backups laden…',
  empty: 'Nog geen backups. De eerste dagelijkse backup volgt kort na het starten.',
  listLabel: 'Backups, nieuwste eerst',
  columns: { when: 'Gemaakt op', kind: 'Soort', size: 'Grootte', actions: 'Acties' },
  kinds: {
    daily: 'Dagelijks',
    weekly: 'Wekelijks',
    manual: 'Handmatig',
    'pre-migration': 'Voor update',
    'pre-restore': 'Voor terugzetten',
  },
  size: '{database} + {count} bijlagen',
  restore: 'Terugzetten…',
  restoreOf: 'Backup van {when} terugzetten',
  delete: 'Verwijderen',
  deleteOf: 'Backup van {when} verwijderen',
  deleted: 'Backup verwijderd.',
  confirm: {
    restoreTitle: 'Backup terugzetten?',
    restoreWhat: 'Je zet de backup van {when} terug.',
    restoreFileWhat: 'Je zet het bestand {file} terug.',
    steps: {
      check: 'Werkbank controleert eerst het bestand. Is het beschadigd of niet geschikt, dan wordt het geweigerd en verandert er niets.',
      safety: 'Daarna maakt Werkbank een backup van de gegevens zoals ze nu zijn, zodat je ook dit terugzetten ongedaan kunt maken.',
      replace:
        'Dan worden alle gegevens vervangen door die uit de backup. Alles wat daarna is ingevoerd, is weg. Wie Werkbank nu gebruikt, ziet meteen de teruggezette gegevens.',
    },
    restore: 'Terugzetten',
    deleteTitle: 'Backup verwijderen?',
    deleteWhat: 'De backup van {when} wordt van deze computer verwijderd. Dit kan niet ongedaan worden gemaakt.',
    cancel: 'Annuleren',
  },
  restoring: 'Controleren en terugzetten…',
  restored: 'De backup is teruggezet (schema {schema}). De gegevens van vlak ervoor staan in de lijst als ‘Voor terugzetten’.',
  missingAttachments: '{n} bijlage ontbreekt: die zat niet in de backup. | {n} bijlagen ontbreken: die zaten niet in de backup.',
  reload: 'Werkbank opnieuw laden',
  reloadHint: 'Laad opnieuw, zodat elk scherm de teruggezette gegevens toont; kies zo nodig opnieuw je profiel.',
  refused: 'Niet teruggezet',
}
