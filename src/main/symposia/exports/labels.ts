// The words the symposium exports add (headings, column names, roles, dates), in Dutch and English.
import type { ExportLanguage } from '../../../shared/exchange'
import type { AttendeeRole, RegistrationStatus, SubmissionType } from '../../../shared/symposia'

const nl = {
  locale: 'nl-NL',
  programme: 'Programma',
  sessions: 'Sessies',
  theme: 'Thema',
  dates: 'Data',
  venue: 'Locatie',
  rooms: 'Zalen',
  time: 'Tijd',
  title: 'Titel',
  speakers: 'Sprekers',
  speaker: 'Spreker',
  track: 'Thema',
  type: 'Soort',
  when: 'Wanneer',
  breakLabel: 'pauze',
  noProgramme: 'Er staat nog niets in het programma.',
  noAbstract: 'Nog geen samenvatting.',
  noAttendees: 'Er is nog niemand aangemeld.',
  noCheckIns: 'Er is nog niemand ingecheckt.',
  types: { talk: 'Lezing', workshop: 'Workshop', demonstration: 'Demonstratie', panel: 'Panel' } satisfies Record<SubmissionType, string>,
  roles: { student: 'Student', teacher: 'Docent', freelancer: 'Zzp’er', external: 'Extern' } satisfies Record<AttendeeRole, string>,
  statuses: { registered: 'Aangemeld', waitlisted: 'Wachtlijst', cancelled: 'Geannuleerd' } satisfies Record<RegistrationStatus, string>,
  generated: (centre: string, when: string) => `${centre} · gemaakt op ${when}`,
  calendarName: (edition: string) => edition,
  speakerCalendarName: (name: string, edition: string) => `${name} — ${edition}`,
  csv: {
    name: 'Naam',
    email: 'E-mail',
    role: 'Rol',
    organisation: 'Organisatie',
    dietary: 'Dieetwensen',
    status: 'Status',
    waitlistPosition: 'Plaats op wachtlijst',
    registeredAt: 'Aangemeld op',
    checkedInDays: 'Ingecheckt op',
    workshops: 'Workshops',
  },
  certificate: {
    heading: 'Bewijs van deelname',
    intro: 'Hierbij verklaren wij dat',
    attended: (edition: string) => `heeft deelgenomen aan ${edition}`,
    days: 'Aanwezig op',
    hours: 'Uren',
    hoursValue: (h: number, m: number) => (m === 0 ? `${h} uur` : `${h} uur en ${m} minuten`),
    sessions: 'Bijgewoonde sessies',
    sessionsNote: 'Workshops waarvoor is ingecheckt, en het programma van de dagen waarop is ingecheckt (pauzes niet meegeteld).',
    none: 'Geen sessies in het programma op deze dagen.',
    signed: 'Namens de organisatie',
    date: 'Datum',
    coordinator: 'coördinator',
  },
  badge: { guest: 'Deelnemer' },
}

type Labels = typeof nl

const en: Labels = {
  locale: 'en-GB',
  programme: 'Programme',
  sessions: 'Sessions',
  theme: 'Theme',
  dates: 'Dates',
  venue: 'Venue',
  rooms: 'Rooms',
  time: 'Time',
  title: 'Title',
  speakers: 'Speakers',
  speaker: 'Speaker',
  track: 'Track',
  type: 'Type',
  when: 'When',
  breakLabel: 'break',
  noProgramme: 'Nothing is in the programme yet.',
  noAbstract: 'No abstract yet.',
  noAttendees: 'Nobody has registered yet.',
  noCheckIns: 'Nobody has checked in yet.',
  types: { talk: 'Talk', workshop: 'Workshop', demonstration: 'Demonstration', panel: 'Panel' },
  roles: { student: 'Student', teacher: 'Teacher', freelancer: 'Freelancer', external: 'External' },
  statuses: { registered: 'Registered', waitlisted: 'Waitlist', cancelled: 'Cancelled' },
  generated: (centre, when) => `${centre} · made on ${when}`,
  calendarName: (edition) => edition,
  speakerCalendarName: (name, edition) => `${name} — ${edition}`,
  csv: {
    name: 'Name',
    email: 'Email',
    role: 'Role',
    organisation: 'Organisation',
    dietary: 'Dietary needs',
    status: 'Status',
    waitlistPosition: 'Waitlist position',
    registeredAt: 'Registered at',
    checkedInDays: 'Checked in on',
    workshops: 'Workshops',
  },
  certificate: {
    heading: 'Certificate of attendance',
    intro: 'This is to certify that',
    attended: (edition) => `attended ${edition}`,
    days: 'Present on',
    hours: 'Hours',
    hoursValue: (h, m) => (m === 0 ? `${h} ${h === 1 ? 'hour' : 'hours'}` : `${h} ${h === 1 ? 'hour' : 'hours'} and ${m} minutes`),
    sessions: 'Sessions attended',
    sessionsNote: 'Workshops checked in to, and the programme of the days checked in (breaks not counted).',
    none: 'No sessions in the programme on these days.',
    signed: 'On behalf of the organisers',
    date: 'Date',
    coordinator: 'coordinator',
  },
  badge: { guest: 'Attendee' },
}

export const LABELS: Record<ExportLanguage, Labels> = { nl, en }
export type ExportLabels = Labels

/** Dates and times in the reader's language, in the centre's time zone. */
export function formatters(language: ExportLanguage, timeZone: string) {
  const locale = LABELS[language].locale
  // Local dates ('2026-04-16') are read at noon UTC so no zone can move them to another day.
  const longDate = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const plainDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone })
  const noon = (date: string) => new Date(date + 'T12:00:00Z')
  return {
    /** "donderdag 16 april 2026" */
    day: (date: string) => longDate.format(noon(date)),
    /** "16 april 2026" */
    date: (date: string) => plainDate.format(noon(date)),
    /** "16–17 april 2026" */
    range: (dates: string[]) =>
      dates.length === 0
        ? ''
        : dates.length === 1
          ? plainDate.format(noon(dates[0]!))
          : plainDate.formatRange(noon(dates[0]!), noon(dates.at(-1)!)),
    dateTime: (epochMs: number) => dateTime.format(new Date(epochMs)),
  }
}

/** A file name part: lower case ASCII words joined by hyphens. */
export function slug(text: string, fallback = 'symposium'): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  )
}
