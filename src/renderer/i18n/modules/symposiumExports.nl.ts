// Messages of the symposium exports tab (nl), and the refusals of the exports (`reasons`, spread
// into `errors.reasons`).
const nl = {
  intro:
    'Alles wat je van dit symposium mee naar buiten neemt: het programma op papier en in agenda’s, de gegevens voor andere programma’s, en de papieren voor de dag zelf.',
  language: 'Taal van de bestanden',
  languages: { nl: 'Nederlands', en: 'English' },
  download: 'Downloaden',
  busy: 'Bezig…',
  done: '{file} is gedownload.',
  loading: 'Sprekers en deelnemers laden…',
  groups: {
    programme: 'Het programma',
    exchange: 'Voor andere programma’s',
    day: 'Voor de dag zelf',
    mine: 'Voor jou',
  },
  booklet: {
    title: 'Programmaboekje (PDF)',
    hint: 'Een voorblad, per dag een rooster per zaal met de pauzes, en alle sessies met sprekers en samenvatting. Om te printen of te mailen.',
  },
  calendar: {
    title: 'Agenda van het hele programma (iCalendar)',
    hint: 'Elke sessie als afspraak voor Outlook, Google of Apple Agenda, in de tijdzone van het centrum. Opnieuw importeren werkt verschoven sessies bij in plaats van ze dubbel te zetten.',
  },
  speakerCalendar: {
    title: 'Agenda van een spreker (iCalendar)',
    hint: 'Alle tijdvakken van de sessies van één spreker, om door te sturen.',
    label: 'Spreker',
    none: 'Er staan nog geen sprekers in het programma.',
  },
  scheduleXml: {
    title: 'schedule.xml (frab en pretalx)',
    hint: 'Het programma in het uitwisselformaat van conferentiesoftware: voor infoschermen, opnameteams en apps als Fahrplan en Giggity. Pauzes staan er niet in.',
  },
  scheduleJson: {
    title: 'schedule.json (c3voc)',
    hint: 'Hetzelfde programma als JSON volgens het schema van c3voc.',
  },
  baseUrl: {
    label: 'Webadres van het programma',
    optional: '(optioneel)',
    hint: 'Staat het programma ook op een website? Dan verwijst elke sessie in schedule.xml en schedule.json daarnaar.',
    invalid: 'Vul een adres in dat met http:// of https:// begint, of laat het leeg.',
  },
  attendees: {
    title: 'Deelnemerslijst (CSV)',
    hint: 'Wie een plek heeft en wie op de wachtlijst staat, met e-mail, rol, organisatie, dieetwensen, check-ins en workshops. Gescheiden door puntkomma’s, zodat Excel het in kolommen opent.',
  },
  badges: {
    title: 'Naambadges (PDF)',
    hint: 'Acht badges per A4-vel met naam, organisatie en rol, en snijlijnen. Voor iedereen met een plek, op naam gesorteerd.',
  },
  certificates: {
    title: 'Bewijzen van deelname (PDF)',
    hint: 'Een pagina per persoon die is ingecheckt, met de dagen, de sessies en de uren. De uren tellen de sessies van de ingecheckte dagen en de ingecheckte workshops, zonder pauzes en zonder iets dubbel te tellen.',
    label: 'Voor',
    everyone: 'Iedereen die is ingecheckt ({n})',
    none: 'Nog niemand is ingecheckt.',
  },
  mine: {
    calendar: { title: 'Mijn sessies in mijn agenda (iCalendar)', hint: 'Alle tijdvakken waarin jij spreekt.' },
    certificate: { title: 'Mijn bewijs van deelname (PDF)', hint: 'Jouw dagen, sessies en uren op dit symposium.' },
    nothing: 'Spreek je op dit symposium, of ben je er ingecheckt? Dan vind je hier je agenda en je bewijs van deelname.',
  },
}

export default nl

export const reasons = {
  certificateNotCheckedIn: '{name} is niet ingecheckt, dus er is geen bewijs van deelname.',
}
