// English texts of the reports screens; error reasons go in `reasons`.
import { REPORT_TABLE_LABELS } from '../../../shared/reportLabels'

export const reasons = {
  periodOrder: 'The period ends ({to}) before it starts ({from}).',
  periodTooLong: 'A report covers at most {max} days; this period has {days}.',
  periodInFuture: 'A report runs up to today ({today}) and no further.',
}

export default {
  intro: 'How the centre was used over a chosen period, for the school and funders. Everything counted by role, never by name.',
  period: {
    legend: 'Period',
    presets: { lastYear: 'Last year', thisYear: 'This year', lastQuarter: 'Last quarter', lastMonth: 'Last month', range: 'Choose' },
    from: 'From',
    to: 'To (included)',
    show: 'Show report',
    shown: 'Period: {from} to {to}',
    generated: 'Made on {at}, time zone {zone}',
  },
  actions: {
    print: 'Print',
    xlsx: 'Everything as Excel (XLSX)',
    csv: 'CSV',
    csvOf: 'Download {table} as CSV',
    language: 'Language of the files',
    languages: { nl: 'Nederlands', en: 'English' },
    busy: 'Working…',
    done: '{file} was downloaded.',
  },
  managersOnly: 'Reports are for coordinators and teachers.',
  loading: 'Working out the report…',
  empty: 'Pick a period to see the report.',
  noRows: 'Nothing in this period.',
  chartOf: 'Chart: {title}',
  charts: {
    usageByRole: 'Hours of use per machine, by role',
    usageByMonth: 'Hours of use per month, all machines, by role',
    share: 'Share of opening hours per machine',
    noShowRate: 'No-show rate per machine',
    coCreation: 'Co-creation per month',
    outcomes: 'Experiments by outcome',
    knowledge: 'Notes per month',
    symposia: 'Checked in at the door, by role',
  },
  hours: 'h',
  explain: {
    usage:
      'Hours are the actual time between check-in and check-out; without those times the booked time counts. Opening hours follow each machine’s rules, without closed dates and maintenance.',
    noShows: 'Bookings that were due: confirmed or used, started before now. Cancelled ones and ones never approved do not count.',
    coCreation: 'Used bookings and started experiments in which at least one student and one freelancer worked together.',
    outcomes: 'Experiments started in the period, by where they stand now.',
    knowledge: 'Notes written and reviewed (marked by an expert), and experiments started, per month.',
    symposia:
      'Editions that started in the period. Registered: holding a seat (not waitlisted). Checked in: at the door on at least one day.',
  },
  table: REPORT_TABLE_LABELS.en,
}
