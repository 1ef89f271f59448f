// The words Werkbank adds to exported documents (headings, labels, dates), in Dutch and English.
// They match the screens' wording so a printout reads like the app.
import type { ExportLanguage } from '../../shared/exchange'
import type { Experiment, Outcome } from '../../shared/experiments'
import type { NoteCategory } from '../../shared/notes'

const nl = {
  locale: 'nl-NL',
  experiment: 'Experiment',
  note: 'Kennisnotitie',
  fields: {
    question: 'Vraag of doel',
    hypothesis: 'Hypothese',
    method: 'Werkwijze',
    materials: 'Materialen',
    machines: 'Gebruikte machines',
    bookings: 'Reserveringen waarin het werk liep',
    parameters: 'Instellingen',
    observations: 'Waarnemingen',
    results: 'Resultaten',
    conclusion: 'Conclusie',
    outcome: 'Uitkomst',
    status: 'Status',
    participants: 'Deelnemers',
    tags: 'Tags',
    links: 'Koppelingen',
    linkedExperiments: 'Gekoppelde experimenten',
    linkedNotes: 'Gekoppelde kennisnotities',
    attachments: 'Foto’s en bestanden',
    photos: 'Foto’s',
    files: 'Bestanden',
    author: 'Auteur',
    created: 'Aangemaakt',
    updated: 'Bijgewerkt',
    version: 'Versie',
    category: 'Categorie',
    reviewed: 'Gecontroleerd door',
  },
  columns: {
    name: 'Naam',
    value: 'Waarde',
    unit: 'Eenheid',
    supplier: 'Leverancier',
    batch: 'Batch',
    size: 'Dikte of maat',
    role: 'Rol',
    file: 'Bestand',
    caption: 'Bijschrift',
  },
  statuses: { draft: 'Concept', running: 'Loopt', completed: 'Afgerond' } satisfies Record<Experiment['status'], string>,
  outcomes: { worked: 'Gelukt', partly: 'Deels gelukt', failed: 'Mislukt', inconclusive: 'Geen conclusie' } satisfies Record<
    Outcome,
    string
  >,
  noOutcome: 'Nog geen uitkomst',
  roles: { student: 'Student', teacher: 'Docent', freelancer: 'Zzp’er', guest: 'Gast' } as Record<string, string>,
  categories: {
    technique: 'Techniek',
    material: 'Materiaal',
    safety: 'Veiligheid',
    supplier: 'Leverancier',
    maintenance: 'Onderhoud',
    teaching: 'Lesmateriaal',
  } satisfies Record<NoteCategory, string>,
  empty: '—',
  notReviewed: 'Nog niet gecontroleerd',
  generated: (centre: string, when: string) => `${centre} · gemaakt met Werkbank op ${when}`,
  cancelled: 'geannuleerd',
}

type Labels = typeof nl

const en: Labels = {
  locale: 'en-GB',
  experiment: 'Experiment',
  note: 'Knowledge note',
  fields: {
    question: 'Question or goal',
    hypothesis: 'Hypothesis',
    method: 'Method',
    materials: 'Materials',
    machines: 'Machines used',
    bookings: 'Bookings the work ran in',
    parameters: 'Settings',
    observations: 'Observations',
    results: 'Results',
    conclusion: 'Conclusion',
    outcome: 'Outcome',
    status: 'Status',
    participants: 'Participants',
    tags: 'Tags',
    links: 'Links',
    linkedExperiments: 'Linked experiments',
    linkedNotes: 'Linked knowledge notes',
    attachments: 'Photos and files',
    photos: 'Photos',
    files: 'Files',
    author: 'Author',
    created: 'Created',
    updated: 'Updated',
    version: 'Version',
    category: 'Category',
    reviewed: 'Reviewed by',
  },
  columns: {
    name: 'Name',
    value: 'Value',
    unit: 'Unit',
    supplier: 'Supplier',
    batch: 'Batch',
    size: 'Thickness or size',
    role: 'Role',
    file: 'File',
    caption: 'Caption',
  },
  statuses: { draft: 'Draft', running: 'Running', completed: 'Completed' },
  outcomes: { worked: 'Worked', partly: 'Partly worked', failed: 'Failed', inconclusive: 'Inconclusive' },
  noOutcome: 'No outcome yet',
  roles: { student: 'Student', teacher: 'Teacher', freelancer: 'Freelancer', guest: 'Guest' },
  categories: {
    technique: 'Technique',
    material: 'Material',
    safety: 'Safety',
    supplier: 'Supplier',
    maintenance: 'Maintenance',
    teaching: 'Teaching',
  },
  empty: '—',
  notReviewed: 'Not reviewed yet',
  generated: (centre: string, when: string) => `${centre} · made with Werkbank on ${when}`,
  cancelled: 'cancelled',
}

export type ExportLabels = Labels
export const LABELS: Record<ExportLanguage, Labels> = { nl, en }

/** Dates in the reader's language and the centre's time zone. */
export function dateFormatter(language: ExportLanguage, timeZone: string) {
  const locale = LABELS[language].locale
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone })
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone })
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** A booking's span: "4 maart 2026 10:00 – 12:00". */
    span: (from: string, to: string) =>
      day.format(new Date(from)) === day.format(new Date(to))
        ? `${dateTime.format(new Date(from))} – ${time.format(new Date(to))}`
        : `${dateTime.format(new Date(from))} – ${dateTime.format(new Date(to))}`,
  }
}
