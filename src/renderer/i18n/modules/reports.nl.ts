// Nederlandse teksten van de rapportages; foutredenen staan in `reasons`.
import { REPORT_TABLE_LABELS } from '../../../shared/reportLabels'

export const reasons = {
  periodOrder: 'De periode eindigt ({to}) voordat ze begint ({from}).',
  periodTooLong: 'Een rapportage beslaat hoogstens {max} dagen; deze periode heeft er {days}.',
  periodInFuture: 'Een rapportage loopt tot vandaag ({today}) en niet verder.',
}

export default {
  intro: 'Het gebruik van het centrum over een gekozen periode, voor de school en financiers. Alles geteld per rol, nooit per naam.',
  period: {
    legend: 'Periode',
    presets: {
      lastYear: 'Vorig jaar',
      thisYear: 'Dit jaar',
      lastQuarter: 'Vorig kwartaal',
      lastMonth: 'Vorige maand',
      range: 'Zelf kiezen',
    },
    from: 'Van',
    to: 'Tot en met',
    show: 'Toon rapportage',
    shown: 'Periode: {from} tot en met {to}',
    generated: 'Gemaakt op {at}, tijdzone {zone}',
  },
  actions: {
    print: 'Afdrukken',
    xlsx: 'Alles als Excel (XLSX)',
    csv: 'CSV',
    csvOf: 'Download {table} als CSV',
    language: 'Taal van de bestanden',
    languages: { nl: 'Nederlands', en: 'English' },
    busy: 'Bezig…',
    done: '{file} is gedownload.',
  },
  managersOnly: 'Rapportages zijn er voor coördinatoren en docenten.',
  loading: 'Rapportage berekenen…',
  empty: 'Kies een periode om de rapportage te zien.',
  noRows: 'Niets in deze periode.',
  chartOf: 'Grafiek: {title}',
  charts: {
    usageByRole: 'Gebruiksuren per machine, naar rol',
    usageByMonth: 'Gebruiksuren per maand, alle machines, naar rol',
    share: 'Aandeel van de openingsuren per machine',
    noShowRate: 'Percentage niet verschenen per machine',
    coCreation: 'Samen gemaakt per maand',
    outcomes: 'Experimenten naar uitkomst',
    knowledge: 'Notities per maand',
    symposia: 'Aangemeld bij de deur, naar rol',
  },
  hours: 'uur',
  explain: {
    usage:
      'Uren zijn de werkelijke tijd tussen in- en uitchecken; zonder die tijden telt de geboekte tijd. Openingsuren volgen de regels van de machine, zonder gesloten dagen en onderhoud.',
    noShows:
      'Boekingen die plaats hadden moeten vinden: bevestigd of gebruikt, begonnen voor nu. Geannuleerde en niet goedgekeurde tellen niet.',
    coCreation: 'Gebruikte boekingen en begonnen experimenten waarin minstens één student en één zzp’er samen werkten.',
    outcomes: 'Experimenten die in de periode begonnen, naar waar ze nu staan.',
    knowledge: 'Notities geschreven en beoordeeld (door een expert gemarkeerd), en experimenten begonnen, per maand.',
    symposia:
      'Edities die in de periode begonnen. Ingeschreven: met een plaats (niet op de wachtlijst). Aangemeld: minstens één dag bij de deur.',
  },
  table: REPORT_TABLE_LABELS.nl,
}
