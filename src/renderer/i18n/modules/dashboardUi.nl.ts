// Dutch texts of the start screen, "vandaag in het centrum". The core refuses nothing of its own
// here beyond "pick your profile first", which the shared errors already say, so `reasons` is empty.
export const reasons = {}

export default {
  greeting: {
    morning: 'Goedemorgen, {name}',
    afternoon: 'Goedemiddag, {name}',
    evening: 'Goedenavond, {name}',
  },
  intro: '{date} in {centre}.',
  updated: 'Bijgewerkt om {time}',
  refresh: 'Nu vernieuwen',
  loading: 'Het overzicht van vandaag wordt geladen…',
  more: 'en nog {n}',
  range: '{from}–{to}',
  stats: {
    inUse: 'van {total} machines in gebruik | van {total} machines in gebruik | van {total} machines in gebruik',
    checkedIn: 'mensen ingecheckt | persoon ingecheckt | mensen ingecheckt',
    pending: {
      all: 'aanvragen wachten op goedkeuring | aanvraag wacht op goedkeuring | aanvragen wachten op goedkeuring',
      own: 'eigen aanvragen wachten | eigen aanvraag wacht | eigen aanvragen wachten',
    },
    permits: {
      all: 'bevoegdheden verlopen deze maand | bevoegdheid verloopt deze maand | bevoegdheden verlopen deze maand',
      own: 'eigen bevoegdheden verlopen deze maand | eigen bevoegdheid verloopt deze maand | eigen bevoegdheden verlopen deze maand',
    },
  },
  when: {
    today: '{time}',
    tomorrow: 'morgen {time}',
    todayPlain: 'vandaag',
    tomorrowPlain: 'morgen',
    inDays: 'over {n} dagen',
  },
  machines: {
    title: 'Machines nu',
    columns: { machine: 'Machine', now: 'Nu', next: 'Hierna' },
    free: 'Vrij',
    until: 'tot {time}',
    notCheckedIn: 'nog niet ingecheckt',
    nothingNext: 'Niets gepland',
    laterToday: '+{n} later vandaag',
    empty: 'Het centrum heeft nog geen machines.',
    emptyAction: 'Machine toevoegen',
  },
  checkedIn: {
    title: 'Ingecheckt',
    overdue: 'eindtijd {time} voorbij',
    empty: 'Op dit moment is niemand ingecheckt. Inchecken gaat bij de machine, via “Vandaag”.',
  },
  maintenance: {
    title: 'In onderhoud',
    until: 'tot {when}',
    untilFurther: 'tot nader bericht',
    empty: 'Alle machines zijn te gebruiken.',
  },
  pending: {
    titleAll: 'Wacht op goedkeuring',
    titleOwn: 'Mijn aanvragen',
    review: 'Beoordelen',
    open: 'Bekijken',
    reviewLabel: 'Aanvraag van {name} voor {machine} beoordelen',
    openLabel: 'Aanvraag van {name} voor {machine} bekijken',
    emptyAll: 'Geen aanvragen die op goedkeuring wachten.',
    emptyOwn: 'Je hebt geen aanvragen die op goedkeuring wachten.',
  },
  permits: {
    titleAll: 'Bevoegdheden die in {month} verlopen',
    titleOwn: 'Mijn bevoegdheden die in {month} verlopen',
    until: 't/m {date}',
    expired: 'verlopen {date}',
    emptyAll: 'Geen bevoegdheden die in {month} verlopen.',
    emptyOwn: 'Geen van je bevoegdheden verloopt in {month}.',
  },
  deadlines: {
    title: 'Symposium: wat eraan komt',
    kinds: {
      cfpOpens: 'Call for contributions opent',
      cfpCloses: 'Call for contributions sluit',
      registrationOpens: 'Aanmelding opent',
      registrationCloses: 'Aanmelding sluit',
      symposium: 'Het symposium',
    },
    on: '{date} · {edition}',
    running: 'nu bezig',
    empty: 'Er staat geen symposium gepland. Een coördinator maakt een nieuwe editie aan bij Symposia.',
  },
  myNext: {
    title: 'Mijn volgende reserveringen',
    empty: 'Je hebt geen reserveringen gepland.',
    book: 'Machine reserveren',
  },
  recent: {
    experiments: 'Recente experimenten',
    notes: 'Recente notities',
    byWhen: '{name} · {when}',
    empty: {
      experiments: 'Nog geen experimenten vastgelegd.',
      notes: 'Nog geen notities in de kennisbank.',
    },
    new: {
      experiments: 'Experiment vastleggen',
      notes: 'Notitie schrijven',
    },
  },
}
