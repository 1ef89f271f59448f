// The words of the printed portfolio and of the badge, in Dutch and English. The core writes these
// documents itself (a PDF has no i18n runtime), so they live here rather than in the renderer's messages;
// role and machine-kind names come from src/shared/labels.ts, the same as on screen.
import { EQUIPMENT_KIND_LABELS, ROLE_LABELS } from '../../shared/labels'
import type { EquipmentKind } from '../../shared/equipment'
import type { ExportLanguage } from '../../shared/exchange'
import type { GoalStatus } from '../../shared/portfolio'
import type { Role } from '../../shared/people'

export interface PortfolioLabels {
  locale: string
  title: string
  subtitle: (centre: string) => string
  person: string
  role: string
  trade: string
  organisation: string
  period: string
  coaches: string
  none: string
  total: string
  generated: (centre: string, when: string) => string
  hours: (minutes: number) => string
  roles: Record<Role, string>
  kinds: Record<EquipmentKind, string>
  sections: {
    totals: string
    machineHours: string
    permits: string
    trainings: string
    experiments: string
    notes: string
    talks: string
    symposia: string
    goals: string
    reflections: string
  }
  totals: {
    year: string
    machineHours: string
    sessions: string
    trainings: string
    experiments: string
    notes: string
    talks: string
    symposiumHours: string
    goalsAchieved: string
    reflections: string
  }
  col: {
    machine: string
    sessions: string
    actualHours: string
    bookedHours: string
    level: string
    granted: string
    validUntil: string
    state: string
    date: string
    instructor: string
    title: string
    role: string
    outcome: string
    relation: string
    category: string
    type: string
    edition: string
    days: string
    goal: string
    target: string
    status: string
    comments: string
  }
  machineHoursNote: string
  symposiaNote: string
  levels: Record<'supervised' | 'independent' | 'instructor', string>
  states: Record<'valid' | 'expired' | 'revoked', string>
  fromTraining: (date: string) => string
  experimentRoles: { author: string }
  outcomes: Record<'worked' | 'partly' | 'failed' | 'inconclusive', string>
  relations: Record<'written' | 'reviewed', string>
  sessionTypes: Record<'talk' | 'workshop' | 'demonstration' | 'panel', string>
  goalStatuses: Record<GoalStatus, string>
  commentBy: (name: string, date: string) => string
  badge: {
    name: (edition: string) => string
    description: (edition: string, centre: string) => string
    criteria: string
    narrative: (hours: string, sessions: number, days: string) => string
  }
}

const nl: PortfolioLabels = {
  locale: 'nl-NL',
  title: 'Leerportfolio',
  subtitle: (centre) => `Wat iemand bij ${centre} heeft gedaan en geleerd, uit de registraties van het centrum`,
  person: 'Naam',
  role: 'Rol',
  trade: 'Vak',
  organisation: 'Organisatie',
  period: 'Periode',
  coaches: 'Leercoaches',
  none: 'Niets vastgelegd.',
  total: 'Totaal',
  generated: (centre, when) => `${centre} · gemaakt op ${when}`,
  hours: (m) => `${Math.floor(m / 60)} u ${String(m % 60).padStart(2, '0')} min`,
  roles: ROLE_LABELS.nl,
  kinds: EQUIPMENT_KIND_LABELS.nl,
  sections: {
    totals: 'Totalen per jaar',
    machineHours: 'Machine-uren',
    permits: 'Machinebevoegdheden',
    trainings: 'Gevolgde trainingen',
    experiments: 'Experimenten',
    notes: 'Kennisnotities',
    talks: 'Bijdragen aan het symposium',
    symposia: 'Symposiumbezoek',
    goals: 'Ontwikkeldoelen',
    reflections: 'Reflecties',
  },
  totals: {
    year: 'Jaar',
    machineHours: 'Machine-uren',
    sessions: 'Sessies',
    trainings: 'Trainingen',
    experiments: 'Experimenten',
    notes: 'Notities (geschreven/beoordeeld)',
    talks: 'Bijdragen',
    symposiumHours: 'Symposiumuren',
    goalsAchieved: 'Doelen behaald',
    reflections: 'Reflecties',
  },
  col: {
    machine: 'Machine',
    sessions: 'Sessies',
    actualHours: 'Werkelijke uren',
    bookedHours: 'Gereserveerd',
    level: 'Niveau',
    granted: 'Verleend',
    validUntil: 'Geldig tot',
    state: 'Stand',
    date: 'Datum',
    instructor: 'Instructeur',
    title: 'Titel',
    role: 'Rol',
    outcome: 'Uitkomst',
    relation: 'Bijdrage',
    category: 'Categorie',
    type: 'Vorm',
    edition: 'Editie',
    days: 'Aanwezig op',
    goal: 'Doel',
    target: 'Streefdatum',
    status: 'Stand',
    comments: 'Opmerkingen van coaches',
  },
  machineHoursNote: 'Werkelijke uren: de tijd tussen in- en uitchecken bij de machine. Gereserveerde tijd staat ernaast ter vergelijking.',
  symposiaNote:
    'Uren zoals het certificaat van deelname ze telt: sessies op dagen met aanmelding bij de deur en workshops met eigen aanmelding, parallelle sessies één keer, pauzes niet.',
  levels: { supervised: 'Onder begeleiding', independent: 'Zelfstandig', instructor: 'Instructeur' },
  states: { valid: 'Geldig', expired: 'Verlopen', revoked: 'Ingetrokken' },
  fromTraining: (date) => `via training van ${date}`,
  experimentRoles: { author: 'Auteur' },
  outcomes: { worked: 'Gelukt', partly: 'Deels gelukt', failed: 'Mislukt', inconclusive: 'Geen conclusie' },
  relations: { written: 'Geschreven', reviewed: 'Beoordeeld' },
  sessionTypes: { talk: 'Lezing', workshop: 'Workshop', demonstration: 'Demonstratie', panel: 'Panel' },
  goalStatuses: { open: 'Open', achieved: 'Behaald', dropped: 'Losgelaten' },
  commentBy: (name, date) => `${name}, ${date}`,
  badge: {
    name: (edition) => `Deelname aan ${edition}`,
    description: (edition, centre) => `Aanwezig geweest bij ${edition}, georganiseerd door ${centre}.`,
    criteria: 'Aangemeld bij de deur op een symposiumdag of bij een workshop; uren zoals het certificaat van deelname ze telt.',
    narrative: (hours, sessions, days) => `${hours} in ${sessions} sessies, op ${days}.`,
  },
}

const en: PortfolioLabels = {
  locale: 'en-GB',
  title: 'Learning portfolio',
  subtitle: (centre) => `What someone did and learned at ${centre}, from the centre's records`,
  person: 'Name',
  role: 'Role',
  trade: 'Trade',
  organisation: 'Organisation',
  period: 'Period',
  coaches: 'Learning coaches',
  none: 'Nothing recorded.',
  total: 'Total',
  generated: (centre, when) => `${centre} · made on ${when}`,
  hours: (m) => `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`,
  roles: ROLE_LABELS.en,
  kinds: EQUIPMENT_KIND_LABELS.en,
  sections: {
    totals: 'Totals per year',
    machineHours: 'Machine hours',
    permits: 'Machine permits',
    trainings: 'Trainings attended',
    experiments: 'Experiments',
    notes: 'Knowledge notes',
    talks: 'Symposium contributions',
    symposia: 'Symposium attendance',
    goals: 'Development goals',
    reflections: 'Reflections',
  },
  totals: {
    year: 'Year',
    machineHours: 'Machine hours',
    sessions: 'Sessions',
    trainings: 'Trainings',
    experiments: 'Experiments',
    notes: 'Notes (written/reviewed)',
    talks: 'Contributions',
    symposiumHours: 'Symposium hours',
    goalsAchieved: 'Goals achieved',
    reflections: 'Reflections',
  },
  col: {
    machine: 'Machine',
    sessions: 'Sessions',
    actualHours: 'Actual hours',
    bookedHours: 'Booked',
    level: 'Level',
    granted: 'Granted',
    validUntil: 'Valid until',
    state: 'State',
    date: 'Date',
    instructor: 'Instructor',
    title: 'Title',
    role: 'Role',
    outcome: 'Outcome',
    relation: 'Contribution',
    category: 'Category',
    type: 'Format',
    edition: 'Edition',
    days: 'Present on',
    goal: 'Goal',
    target: 'Target date',
    status: 'Status',
    comments: "Coaches' comments",
  },
  machineHoursNote: 'Actual hours: the time between checking in and checking out at the machine. Booked time is shown for comparison.',
  symposiaNote:
    'Hours as the certificate of attendance counts them: sessions on days checked in at the door and workshops checked in to, parallel sessions once, breaks not.',
  levels: { supervised: 'Supervised', independent: 'Independent', instructor: 'Instructor' },
  states: { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' },
  fromTraining: (date) => `through the training of ${date}`,
  experimentRoles: { author: 'Author' },
  outcomes: { worked: 'Worked', partly: 'Partly worked', failed: 'Failed', inconclusive: 'Inconclusive' },
  relations: { written: 'Written', reviewed: 'Reviewed' },
  sessionTypes: { talk: 'Talk', workshop: 'Workshop', demonstration: 'Demonstration', panel: 'Panel' },
  goalStatuses: { open: 'Open', achieved: 'Achieved', dropped: 'Dropped' },
  commentBy: (name, date) => `${name}, ${date}`,
  badge: {
    name: (edition) => `Attended ${edition}`,
    description: (edition, centre) => `Attended ${edition}, organised by ${centre}.`,
    criteria: 'Checked in at the door on a symposium day or at a workshop; hours as the certificate of attendance counts them.',
    narrative: (hours, sessions, days) => `${hours} in ${sessions} sessions, on ${days}.`,
  },
}

export const PORTFOLIO_LABELS: Record<ExportLanguage, PortfolioLabels> = { nl, en }
