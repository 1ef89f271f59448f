// Learning portfolio per person: machine hours, permits, trainings, experiments, notes, talks and
// sessions attended, goals and reflections with coach comments; PDF, JSON and Open Badges exports.
// Spread into the contract with one line; see docs/portfolio.md.
import { z } from 'zod'
import { EQUIPMENT_KINDS } from './equipment'
import { exportedFile, exportLanguage } from './exchange'
import { personId, ROLES } from './people'
import { exportedText } from './symposiumExports'

export const GOAL_TITLE_MAX = 200
export const GOAL_DESCRIPTION_MAX = 2000
/** Reflections are meant to be short: a few sentences after a session, not an essay. */
export const REFLECTION_MAX = 1000
export const COMMENT_MAX = 1000
export const COACHES_MAX = 5

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

const id = z.int().positive()
const version = z.int().positive()
const localDate = z.iso.date()
const trimmed = (max: number) => z.string().trim().min(1).max(max)

export const goalId = id
export const reflectionId = id

export const portfolioGetInput = z.strictObject({
  /** Whose portfolio; without it, the caller's own. */
  personId: personId.optional(),
})

export const goalCreateInput = z.strictObject({
  title: trimmed(GOAL_TITLE_MAX),
  description: z.string().trim().max(GOAL_DESCRIPTION_MAX).default(''),
  targetDate: localDate.nullable().default(null),
})
export const goalSaveInput = z.strictObject({
  id: goalId,
  version,
  title: trimmed(GOAL_TITLE_MAX),
  description: z.string().trim().max(GOAL_DESCRIPTION_MAX),
  targetDate: localDate.nullable(),
  status: z.enum(GOAL_STATUSES),
})
export const reflectionCreateInput = z.strictObject({
  body: trimmed(REFLECTION_MAX),
  /** The goal the reflection is about, if any (one of the writer's own). */
  goalId: goalId.nullable().default(null),
})
export const reflectionSaveInput = z.strictObject({
  id: reflectionId,
  version,
  body: trimmed(REFLECTION_MAX),
  goalId: goalId.nullable(),
})
export const commentCreateInput = z.strictObject({
  target: z.enum(['goal', 'reflection']),
  targetId: id,
  body: trimmed(COMMENT_MAX),
})
export const coachesSetInput = z.strictObject({
  coachIds: z.array(personId).max(COACHES_MAX),
})
export const portfolioExportInput = z.strictObject({ personId: personId.optional(), language: exportLanguage })
export const portfolioBadgeInput = z.strictObject({
  /** The symposium registration whose attendance the credential states. */
  registrationId: id,
  language: exportLanguage,
})

const personRef = z.strictObject({ id: personId, name: z.string(), role: z.enum(ROLES) })
export type PersonRef = z.infer<typeof personRef>

export const portfolioComment = z.strictObject({
  id,
  author: personRef,
  body: z.string(),
  createdAt: z.string(),
})
export type PortfolioComment = z.infer<typeof portfolioComment>

export const goal = z.strictObject({
  id: goalId,
  personId,
  title: z.string(),
  description: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  comments: z.array(portfolioComment),
})
export type Goal = z.infer<typeof goal>

export const reflection = z.strictObject({
  id: reflectionId,
  personId,
  goalId: goalId.nullable(),
  body: z.string(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  comments: z.array(portfolioComment),
})
export type Reflection = z.infer<typeof reflection>

const machineHours = z.strictObject({
  equipmentId: id,
  name: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  /** Sessions checked in and out. */
  sessions: z.int().nonnegative(),
  /** Actual minutes between check-in and check-out, summed. */
  minutes: z.int().nonnegative(),
  /** The minutes those sessions were booked for, for comparison. */
  bookedMinutes: z.int().nonnegative(),
})

const permitEntry = z.strictObject({
  id,
  /** One machine by name, or every machine of a kind. */
  machine: z.string().nullable(),
  kind: z.enum(EQUIPMENT_KINDS).nullable(),
  level: z.enum(['supervised', 'independent', 'instructor']),
  grantedAt: z.string(),
  grantedBy: z.string().nullable(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** The training that granted it, if one did. */
  trainingOn: z.string().nullable(),
  state: z.enum(['valid', 'expired', 'revoked']),
})

const trainingEntry = z.strictObject({
  bookingId: id,
  machine: z.string(),
  date: localDate,
  minutes: z.int().nonnegative(),
  instructor: z.string().nullable(),
  permitId: id.nullable(),
})

const experimentEntry = z.strictObject({
  id,
  title: z.string(),
  /** 'author', or the role written for a participant ("operator", "observer", …). */
  role: z.string(),
  status: z.enum(['draft', 'running', 'completed']),
  outcome: z.enum(['worked', 'partly', 'failed', 'inconclusive']).nullable(),
  date: localDate,
})

const noteEntry = z.strictObject({
  id,
  title: z.string(),
  category: z.string(),
  relation: z.enum(['written', 'reviewed']),
  date: localDate,
})

const talkEntry = z.strictObject({
  sessionId: id,
  title: z.string(),
  type: z.enum(['talk', 'workshop', 'demonstration', 'panel']),
  editionId: id,
  edition: z.string(),
  date: localDate,
  minutes: z.int().nonnegative(),
})

const symposiumEntry = z.strictObject({
  editionId: id,
  registrationId: id,
  edition: z.string(),
  /** Days checked in at the door (and days of checked-in workshops). */
  days: z.array(localDate),
  /** Sessions counted, and their hours as a certificate of attendance counts them. */
  sessions: z.int().nonnegative(),
  minutes: z.int().nonnegative(),
})

export const TIMELINE_KINDS = ['machine', 'permit', 'training', 'experiment', 'note', 'talk', 'symposium', 'goal', 'reflection'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

const timelineEntry = z.strictObject({
  kind: z.enum(TIMELINE_KINDS),
  date: localDate,
  title: z.string(),
  /** A code the UI translates: a note 'written' or 'reviewed', a goal's status, a talk's type, an experiment's role. */
  detail: z.string().nullable(),
  /** Machine time is one entry per machine and month: how many sessions it holds. */
  count: z.int().nonnegative().nullable(),
  minutes: z.int().nonnegative().nullable(),
  refId: id.nullable(),
})
export type TimelineEntry = z.infer<typeof timelineEntry>

export const yearTotals = z.strictObject({
  year: z.int(),
  machineMinutes: z.int().nonnegative(),
  machineSessions: z.int().nonnegative(),
  trainings: z.int().nonnegative(),
  permits: z.int().nonnegative(),
  experiments: z.int().nonnegative(),
  notesWritten: z.int().nonnegative(),
  notesReviewed: z.int().nonnegative(),
  talks: z.int().nonnegative(),
  symposiumMinutes: z.int().nonnegative(),
  goalsAchieved: z.int().nonnegative(),
  reflections: z.int().nonnegative(),
})
export type YearTotals = z.infer<typeof yearTotals>

export const portfolio = z.strictObject({
  person: z.strictObject({
    id: personId,
    name: z.string(),
    role: z.enum(ROLES),
    trade: z.string().nullable(),
    organisation: z.string().nullable(),
    active: z.boolean(),
  }),
  /** What the caller may do here. */
  access: z.strictObject({ own: z.boolean(), canComment: z.boolean() }),
  coaches: z.array(personRef),
  /** On one's own portfolio: the people whose coach one is. */
  coaching: z.array(personRef),
  machineHours: z.array(machineHours),
  permits: z.array(permitEntry),
  trainings: z.array(trainingEntry),
  experiments: z.array(experimentEntry),
  notes: z.array(noteEntry),
  talks: z.array(talkEntry),
  symposia: z.array(symposiumEntry),
  goals: z.array(goal),
  reflections: z.array(reflection),
  /** Newest first. */
  timeline: z.array(timelineEntry),
  /** Newest year first. */
  years: z.array(yearTotals),
})
export type Portfolio = z.infer<typeof portfolio>

export const portfolioMethods = {
  'portfolio.get': { input: portfolioGetInput, output: portfolio },
  'portfolio.goalCreate': { input: goalCreateInput, output: goal },
  'portfolio.goalSave': { input: goalSaveInput, output: goal },
  'portfolio.reflectionCreate': { input: reflectionCreateInput, output: reflection },
  'portfolio.reflectionSave': { input: reflectionSaveInput, output: reflection },
  'portfolio.comment': { input: commentCreateInput, output: portfolioComment },
  'portfolio.coachesSet': { input: coachesSetInput, output: z.array(personRef) },
  'portfolio.exportPdf': { input: portfolioExportInput, output: exportedFile },
  'portfolio.exportJson': { input: portfolioExportInput, output: exportedText },
  'portfolio.badge': { input: portfolioBadgeInput, output: exportedText },
} as const
