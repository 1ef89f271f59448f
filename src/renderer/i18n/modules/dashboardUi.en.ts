// English texts of the start screen, "today at the centre". Typed against the Dutch file, so no key
// can go missing.
import type nl from './dashboardUi.nl'
import type { reasons as nlReasons } from './dashboardUi.nl'

export const reasons: typeof nlReasons = {}

const en: typeof nl = {
  greeting: {
    morning: 'Good morning, {name}',
    afternoon: 'Good afternoon, {name}',
    evening: 'Good evening, {name}',
  },
  intro: '{date} at {centre}.',
  updated: 'Updated at {time}',
  refresh: 'Refresh now',
  loading: 'Loading today’s overview…',
  more: 'and {n} more',
  range: '{from}–{to}',
  stats: {
    inUse: 'of {total} machines in use | of {total} machines in use | of {total} machines in use',
    checkedIn: 'people checked in | person checked in | people checked in',
    pending: {
      all: 'requests awaiting approval | request awaiting approval | requests awaiting approval',
      own: 'of your requests waiting | of your requests waiting | of your requests waiting',
    },
    permits: {
      all: 'permits expire this month | permit expires this month | permits expire this month',
      own: 'of your permits expire this month | of your permits expires this month | of your permits expire this month',
    },
  },
  when: {
    today: '{time}',
    tomorrow: 'tomorrow {time}',
    todayPlain: 'today',
    tomorrowPlain: 'tomorrow',
    inDays: 'in {n} days',
  },
  machines: {
    title: 'Machines now',
    columns: { machine: 'Machine', now: 'Now', next: 'Next' },
    free: 'Free',
    until: 'until {time}',
    notCheckedIn: 'not checked in yet',
    nothingNext: 'Nothing planned',
    laterToday: '+{n} later today',
    empty: 'The centre has no machines yet.',
    emptyAction: 'Add a machine',
  },
  checkedIn: {
    title: 'Checked in',
    overdue: 'past {time}',
    empty: 'Nobody is checked in right now. Check-in happens at the machine, under “Today”.',
  },
  maintenance: {
    title: 'In maintenance',
    until: 'until {when}',
    untilFurther: 'until further notice',
    empty: 'Every machine can be used.',
  },
  pending: {
    titleAll: 'Awaiting approval',
    titleOwn: 'My requests',
    review: 'Review',
    open: 'View',
    reviewLabel: 'Review the request of {name} for {machine}',
    openLabel: 'View the request of {name} for {machine}',
    emptyAll: 'No requests are waiting for approval.',
    emptyOwn: 'None of your requests is waiting for approval.',
  },
  permits: {
    titleAll: 'Permits expiring in {month}',
    titleOwn: 'My permits expiring in {month}',
    until: 'until {date}',
    expired: 'expired {date}',
    emptyAll: 'No permits expire in {month}.',
    emptyOwn: 'None of your permits expires in {month}.',
  },
  deadlines: {
    title: 'Symposium: coming up',
    kinds: {
      cfpOpens: 'Call for contributions opens',
      cfpCloses: 'Call for contributions closes',
      registrationOpens: 'Registration opens',
      registrationCloses: 'Registration closes',
      symposium: 'The symposium',
    },
    on: '{date} · {edition}',
    running: 'under way',
    empty: 'No symposium is planned. A coordinator creates a new edition under Symposia.',
  },
  myNext: {
    title: 'My next bookings',
    empty: 'You have no bookings planned.',
    book: 'Book a machine',
  },
  recent: {
    experiments: 'Recent experiments',
    notes: 'Recent notes',
    byWhen: '{name} · {when}',
    empty: {
      experiments: 'No experiments recorded yet.',
      notes: 'No notes in the knowledge base yet.',
    },
    new: {
      experiments: 'Record an experiment',
      notes: 'Write a note',
    },
  },
}

export default en
