// Messages of the symposium exports tab (en). Typed against the Dutch file, so no key can go missing.
import type nl from './symposiumExports.nl'
import type { reasons as nlReasons } from './symposiumExports.nl'

const en: typeof nl = {
  intro:
    'Everything this symposium takes out into the world: the programme on paper and in calendars, the data for other software, and the papers for the day itself.',
  language: 'Language of the files',
  languages: { nl: 'Nederlands', en: 'English' },
  download: 'Download',
  busy: 'Working…',
  done: '{file} has been downloaded.',
  loading: 'Loading speakers and attendees…',
  groups: {
    programme: 'The programme',
    exchange: 'For other software',
    day: 'For the day itself',
    mine: 'For you',
  },
  booklet: {
    title: 'Programme booklet (PDF)',
    hint: 'A cover, per day a timetable per room with the breaks, and every session with its speakers and abstract. To print or to mail.',
  },
  calendar: {
    title: 'Calendar of the whole programme (iCalendar)',
    hint: 'Every session as an event for Outlook, Google or Apple Calendar, in the centre’s time zone. Importing again updates moved sessions instead of adding them twice.',
  },
  speakerCalendar: {
    title: 'Calendar of one speaker (iCalendar)',
    hint: 'Every slot of one speaker’s sessions, to send on.',
    label: 'Speaker',
    none: 'No speakers in the programme yet.',
  },
  scheduleXml: {
    title: 'schedule.xml (frab and pretalx)',
    hint: 'The programme in the exchange format of conference software: for info screens, recording teams and apps such as Fahrplan and Giggity. Breaks are left out.',
  },
  scheduleJson: {
    title: 'schedule.json (c3voc)',
    hint: 'The same programme as JSON, following the c3voc schema.',
  },
  baseUrl: {
    label: 'Web address of the programme',
    optional: '(optional)',
    hint: 'Is the programme on a website too? Then every session in schedule.xml and schedule.json links to it.',
    invalid: 'Enter an address starting with http:// or https://, or leave it empty.',
  },
  attendees: {
    title: 'Attendee list (CSV)',
    hint: 'Who has a place and who is on the waitlist, with email, role, organisation, dietary needs, check-ins and workshops. Separated by semicolons, so Excel opens it in columns.',
  },
  badges: {
    title: 'Name badges (PDF)',
    hint: 'Eight badges per A4 sheet with name, organisation and role, and cut lines. For everyone with a place, sorted by name.',
  },
  certificates: {
    title: 'Certificates of attendance (PDF)',
    hint: 'One page per person who checked in, with the days, the sessions and the hours. The hours count the sessions of the days checked in and the workshops checked in to, without breaks and without counting anything twice.',
    label: 'For',
    everyone: 'Everyone who checked in ({n})',
    none: 'Nobody has checked in yet.',
  },
  mine: {
    calendar: { title: 'My sessions in my calendar (iCalendar)', hint: 'Every slot in which you speak.' },
    certificate: { title: 'My certificate of attendance (PDF)', hint: 'Your days, sessions and hours at this symposium.' },
    nothing: 'Speaking at this symposium, or checked in? Then your calendar and your certificate of attendance are here.',
  },
}

export default en

export const reasons: typeof nlReasons = {
  certificateNotCheckedIn: '{name} did not check in, so there is no certificate of attendance.',
}
