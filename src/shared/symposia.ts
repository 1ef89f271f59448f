// Symposia: the centre's yearly meeting, from the call for contributions to the certificates.
// An edition has rooms, tracks and review criteria; submissions are reviewed and accepted into
// sessions; sessions are placed in slots (a session may run more than once); attendees register,
// wait, get promoted and are checked in; messages go to an outbox; a budget keeps the money.
import { z } from 'zod'
import { instant } from './bookings'
import { equipmentId, localDate, localTime } from './equipment'
import { personId, personFields } from './people'

export const SUBMISSION_TYPES = ['talk', 'workshop', 'demonstration', 'panel'] as const
export type SubmissionType = (typeof SUBMISSION_TYPES)[number]
export const SUBMISSION_STATUSES = ['submitted', 'accepted', 'rejected', 'waitlisted', 'withdrawn'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]
export const DECISIONS = ['accepted', 'rejected', 'waitlisted'] as const
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]
export const ATTENDEE_ROLES = ['student', 'teacher', 'freelancer', 'external'] as const
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]
export const LANGUAGES = ['nl', 'en'] as const
export const BUDGET_CATEGORIES = ['venue', 'catering', 'speaker_fees', 'materials', 'other_cost', 'income', 'subsidy'] as const
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number]
/** Budget categories that bring money in; the others cost money. */
export const INCOME_CATEGORIES: readonly BudgetCategory[] = ['income', 'subsidy']
export const MESSAGE_KINDS = ['acceptance', 'rejection', 'submission_waitlisted', 'registration', 'waitlisted', 'promotion'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]
export const CONFLICT_KINDS = ['room', 'speaker', 'dayEnd', 'capacity', 'machine'] as const
export type ProgrammeConflictKind = (typeof CONFLICT_KINDS)[number]

export const MAX_DAYS = 3
export const REVIEW_SCORE_MIN = 1
export const REVIEW_SCORE_MAX = 5

export const editionId = z.int().positive()
export const submissionId = z.int().positive()
export const sessionId = z.int().positive()
export const slotId = z.int().positive()
export const registrationId = z.int().positive()
const version = z.int().positive()
const text = (max: number) => z.string().trim().max(max).default('')
const optionalInt = (max: number) =>
  z
    .int()
    .min(1)
    .max(max)
    .nullish()
    .transform((v) => v ?? null)
const colour = z.string().regex(/^#[0-9a-f]{6}$/i)

export const roomInput = z.strictObject({
  id: z.int().positive().optional(),
  name: z.string().trim().min(1).max(80),
  capacity: z.int().min(1).max(5000),
})
export const trackInput = z.strictObject({ id: z.int().positive().optional(), name: z.string().trim().min(1).max(80), colour })
export const criterionInput = z.strictObject({ id: z.int().positive().optional(), name: z.string().trim().min(1).max(80) })

// No defaults here: an update leaves out what it does not change (create adds the defaults).
const editionFields = {
  title: z.string().trim().min(1).max(200),
  theme: z.string().trim().max(2000),
  venue: z.string().trim().max(200),
  startsOn: localDate,
  days: z.int().min(1).max(MAX_DAYS),
  /** The programme's hours on every day; a session past `dayEnds` is flagged. */
  dayStarts: localTime,
  dayEnds: localTime,
  cfpOpensOn: localDate,
  cfpClosesOn: localDate,
  registrationOpensOn: localDate,
  registrationClosesOn: localDate,
  capacity: z.int().min(1).max(100_000),
}

const datesInOrder = (e: {
  dayStarts?: string
  dayEnds?: string
  cfpOpensOn?: string
  cfpClosesOn?: string
  registrationOpensOn?: string
  registrationClosesOn?: string
}) =>
  (e.dayStarts === undefined || e.dayEnds === undefined || e.dayStarts < e.dayEnds) &&
  (e.cfpOpensOn === undefined || e.cfpClosesOn === undefined || e.cfpOpensOn <= e.cfpClosesOn) &&
  (e.registrationOpensOn === undefined || e.registrationClosesOn === undefined || e.registrationOpensOn <= e.registrationClosesOn)

export const editionCreateInput = z
  .strictObject({
    ...editionFields,
    theme: text(2000),
    venue: text(200),
    rooms: z.array(roomInput).max(30).default([]),
    tracks: z.array(trackInput).max(20).default([]),
    criteria: z.array(criterionInput).min(1).max(10),
  })
  .refine(datesInOrder, { params: { reason: 'datesOutOfOrder' }, path: ['dayEnds'] })

/** Rooms, tracks and criteria are saved as whole lists: an item without id is new, a missing one is removed. */
export const editionUpdateInput = z
  .strictObject(editionFields)
  .partial()
  .extend({
    id: editionId,
    version,
    rooms: z.array(roomInput).max(30).optional(),
    tracks: z.array(trackInput).max(20).optional(),
    criteria: z.array(criterionInput).min(1).max(10).optional(),
  })
  .refine(datesInOrder, { params: { reason: 'datesOutOfOrder' }, path: ['dayEnds'] })

export const room = z.strictObject({ id: z.int().positive(), name: z.string(), capacity: z.int() })
export const track = z.strictObject({ id: z.int().positive(), name: z.string(), colour: z.string() })
export const criterion = z.strictObject({ id: z.int().positive(), name: z.string() })

export const edition = z.strictObject({
  id: editionId,
  title: z.string(),
  theme: z.string(),
  venue: z.string(),
  startsOn: localDate,
  days: z.int(),
  /** The local dates of the edition's days, in order. */
  dates: z.array(localDate),
  dayStarts: localTime,
  dayEnds: localTime,
  cfpOpensOn: localDate,
  cfpClosesOn: localDate,
  registrationOpensOn: localDate,
  registrationClosesOn: localDate,
  capacity: z.int(),
  rooms: z.array(room),
  tracks: z.array(track),
  criteria: z.array(criterion),
  counts: z.strictObject({
    submissions: z.int(),
    sessions: z.int(),
    registered: z.int(),
    waitlisted: z.int(),
    checkedIn: z.int(),
  }),
  version: z.int(),
  createdAt: z.iso.datetime(),
})
export type Edition = z.infer<typeof edition>

export const editionSummary = edition.omit({ rooms: true, tracks: true, criteria: true, theme: true })
export type EditionSummary = z.infer<typeof editionSummary>

// ---- Call for contributions and review ----

/** A speaker: someone of the centre, or a new external speaker who becomes a guest of the centre. */
export const speakerInput = z.union([
  z.strictObject({ personId }),
  z.strictObject({ name: personFields.name, email: personFields.email, organisation: personFields.organisation }),
])

const submissionFields = {
  title: z.string().trim().min(1).max(200),
  abstract: z.string().trim().min(1).max(5000),
  type: z.enum(SUBMISSION_TYPES),
  durationMinutes: z.int().min(10).max(480),
  audience: text(500),
  trackId: z
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** The smallest room that would do, in seats. */
  needsRoomCapacity: optionalInt(5000),
  /** A machine the session needs (a demonstration at the laser cutter): placing it books the machine. */
  equipmentId: equipmentId.nullish().transform((v) => v ?? null),
  language: z.enum(LANGUAGES).default('nl'),
}

export const submissionCreateInput = z.strictObject({
  editionId,
  ...submissionFields,
  speakers: z.array(speakerInput).min(1).max(8),
})

export const submissionUpdateInput = z.strictObject({
  id: submissionId,
  version,
  ...submissionFields,
  speakers: z.array(speakerInput).min(1).max(8),
})

export const reviewInput = z.strictObject({
  submissionId,
  scores: z
    .array(z.strictObject({ criterionId: z.int().positive(), score: z.int().min(REVIEW_SCORE_MIN).max(REVIEW_SCORE_MAX) }))
    .min(1)
    .max(10),
  comment: text(5000),
})

export const decisionInput = z.strictObject({
  id: submissionId,
  version,
  decision: z.enum(DECISIONS),
  note: text(2000),
})

const personRef = z.strictObject({ id: personId, name: z.string(), email: z.string().nullable(), organisation: z.string().nullable() })

export const review = z.strictObject({
  reviewer: z.strictObject({ id: personId, name: z.string() }),
  scores: z.array(z.strictObject({ criterionId: z.int(), score: z.int() })),
  mean: z.number(),
  comment: z.string(),
  updatedAt: z.iso.datetime(),
})

/** Mean of every review's mean, and the spread (standard deviation) between reviewers. */
export const reviewStats = z.strictObject({ count: z.int(), mean: z.number().nullable(), spread: z.number().nullable() })

export const submission = z.strictObject({
  id: submissionId,
  editionId,
  title: z.string(),
  abstract: z.string(),
  type: z.enum(SUBMISSION_TYPES),
  durationMinutes: z.int(),
  audience: z.string(),
  trackId: z.int().nullable(),
  needsRoomCapacity: z.int().nullable(),
  equipmentId: z.int().nullable(),
  equipmentName: z.string().nullable(),
  language: z.enum(LANGUAGES),
  speakers: z.array(personRef),
  submittedBy: z.strictObject({ id: personId, name: z.string() }),
  submittedAt: z.iso.datetime(),
  status: z.enum(SUBMISSION_STATUSES),
  decisionNote: z.string(),
  decidedAt: z.iso.datetime().nullable(),
  sessionId: z.int().nullable(),
  stats: reviewStats,
  /** Only for coordinators and teachers; a speaker never sees the reviews of their own submission. */
  reviews: z.array(review),
  version: z.int(),
})
export type Submission = z.infer<typeof submission>

export const withdrawInput = z.strictObject({ id: submissionId, version })

export const submissionListInput = z.strictObject({ editionId, status: z.enum(SUBMISSION_STATUSES).optional() })

// ---- Programme ----

const sessionFields = {
  title: z.string().trim().min(1).max(200),
  abstract: text(5000),
  type: z.enum(SUBMISSION_TYPES),
  durationMinutes: z.int().min(10).max(480),
  trackId: z
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  speakerIds: z.array(personId).max(8).default([]),
  /** Seats for a workshop (signing up is per workshop); null: the room's capacity. */
  capacity: optionalInt(5000),
  /** How many people the organisers expect; flagged when the room is smaller. */
  expectedAttendance: optionalInt(100_000),
  equipmentId: equipmentId.nullish().transform((v) => v ?? null),
}

export const sessionCreateInput = z.strictObject({ editionId, ...sessionFields })
export const sessionUpdateInput = z.strictObject({ id: sessionId, version, ...sessionFields })

export const slot = z.strictObject({
  id: slotId,
  /** null for a break, which holds every room. */
  sessionId: z.int().nullable(),
  roomId: z.int().nullable(),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  /** The equipment booking made for this slot, when its session needs a machine and the machine was free. */
  bookingId: z.int().nullable(),
  /** For workshops: who signed up, and who waits. */
  signedUp: z.int(),
  waiting: z.int(),
  version: z.int(),
})
export type Slot = z.infer<typeof slot>

export const session = z.strictObject({
  id: sessionId,
  editionId,
  submissionId: z.int().nullable(),
  title: z.string(),
  abstract: z.string(),
  type: z.enum(SUBMISSION_TYPES),
  durationMinutes: z.int(),
  trackId: z.int().nullable(),
  speakers: z.array(personRef),
  capacity: z.int().nullable(),
  expectedAttendance: z.int().nullable(),
  equipmentId: z.int().nullable(),
  equipmentName: z.string().nullable(),
  version: z.int(),
})
export type Session = z.infer<typeof session>

export const programmeConflict = z.strictObject({
  kind: z.enum(CONFLICT_KINDS),
  slotIds: z.array(z.int()),
  /** Names and numbers for the message: the room, the speaker, the machine's booking, the seats. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
})
export type ProgrammeConflict = z.infer<typeof programmeConflict>

export const programme = z.strictObject({
  editionId,
  sessions: z.array(session),
  slots: z.array(slot),
  conflicts: z.array(programmeConflict),
})
export type Programme = z.infer<typeof programme>

export const scheduleSessionInput = z.strictObject({
  sessionId,
  roomId: z.int().positive(),
  startsAt: instant,
  /** Move this slot; without it, a new slot (the session runs once more). */
  slotId: slotId.optional(),
  version: version.optional(),
})

export const setBreakInput = z
  .strictObject({
    editionId,
    title: z.string().trim().min(1).max(80),
    startsAt: instant,
    endsAt: instant,
    slotId: slotId.optional(),
    version: version.optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { params: { reason: 'endBeforeStart' }, path: ['endsAt'] })

export const unscheduleInput = z.strictObject({ slotId, version })

// ---- Registration and the day itself ----

export const attendeeInput = z.strictObject({
  name: personFields.name,
  email: personFields.email,
  role: z.enum(ATTENDEE_ROLES),
  organisation: personFields.organisation,
})

export const registerInput = z
  .strictObject({
    editionId,
    /** Someone of the centre; or `attendee` for an external. Without both: the caller themselves. */
    personId: personId.optional(),
    attendee: attendeeInput.optional(),
    dietary: text(200),
    language: z.enum(LANGUAGES).default('nl'),
    /** Workshops (slot ids) to sign up for at once; a full one puts this registration on its waitlist. */
    workshopSlotIds: z.array(slotId).max(20).default([]),
  })
  .refine((r) => !(r.personId !== undefined && r.attendee !== undefined), { params: { reason: 'personOrAttendee' }, path: ['attendee'] })

export const registration = z.strictObject({
  id: registrationId,
  editionId,
  personId: z.int().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ATTENDEE_ROLES),
  organisation: z.string().nullable(),
  dietary: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(REGISTRATION_STATUSES),
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: z.int().nullable(),
  registeredAt: z.iso.datetime(),
  promotedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  /** Local dates on which this person was checked in. */
  checkedInDays: z.array(localDate),
  workshops: z.array(
    z.strictObject({
      slotId: z.int(),
      status: z.enum(['registered', 'waitlisted']),
      waitlistPosition: z.int().nullable(),
      checkedIn: z.boolean(),
    }),
  ),
  version: z.int(),
})
export type Registration = z.infer<typeof registration>

export const registrationListInput = z.strictObject({ editionId })
export const cancelRegistrationInput = z.strictObject({ id: registrationId, version })
export const cancelResult = z.strictObject({ cancelled: registration, promoted: registration.nullable() })
export const checkInInput = z.strictObject({ id: registrationId, day: localDate, present: z.boolean().default(true) })
export const workshopInput = z.strictObject({
  registrationId,
  slotId,
  action: z.enum(['signUp', 'cancel', 'checkIn', 'undoCheckIn']),
})

// ---- Messages ----

export const messageTemplate = z.strictObject({
  kind: z.enum(MESSAGE_KINDS),
  language: z.enum(LANGUAGES),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
})
export const templateSaveInput = z.strictObject({ editionId, ...messageTemplate.shape })
export const templateResetInput = z.strictObject({ editionId, kind: z.enum(MESSAGE_KINDS), language: z.enum(LANGUAGES) })
export const templatesResult = z.array(messageTemplate.extend({ custom: z.boolean() }))

export const outboxMessage = z.strictObject({
  id: z.int().positive(),
  editionId,
  kind: z.enum(MESSAGE_KINDS),
  language: z.enum(LANGUAGES),
  toName: z.string(),
  toEmail: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
})
export type OutboxMessage = z.infer<typeof outboxMessage>

// ---- Budget ----

export const budgetLineInput = z.strictObject({
  editionId,
  id: z.int().positive().optional(),
  version: version.optional(),
  category: z.enum(BUDGET_CATEGORIES),
  description: z.string().trim().min(1).max(200),
  plannedCents: z.int().min(0).max(100_000_000),
  actualCents: z
    .int()
    .min(0)
    .max(100_000_000)
    .nullish()
    .transform((v) => v ?? null),
})

export const budgetLine = z.strictObject({
  id: z.int().positive(),
  category: z.enum(BUDGET_CATEGORIES),
  description: z.string(),
  plannedCents: z.int(),
  actualCents: z.int().nullable(),
  /** Costs only: the actual amount is above the planned one. */
  overPlanned: z.boolean(),
  version: z.int(),
})

export const budget = z.strictObject({
  editionId,
  lines: z.array(budgetLine),
  totals: z.strictObject({
    plannedCostCents: z.int(),
    actualCostCents: z.int(),
    plannedIncomeCents: z.int(),
    actualIncomeCents: z.int(),
    /** Income minus cost, actual where known, else planned. */
    balanceCents: z.int(),
  }),
  /** Cost per registered attendee (actual where known, else planned); null without attendees. */
  costPerAttendeeCents: z.int().nullable(),
  attendees: z.int(),
  overPlanned: z.boolean(),
})
export type Budget = z.infer<typeof budget>

// ---- Feedback ----

export const feedbackInput = z.strictObject({
  editionId,
  /** Staff typing in a paper form name the registration; attendees give their own. */
  registrationId: registrationId.optional(),
  rating: z.int().min(1).max(5),
  comment: text(2000),
})

export const feedbackSummary = z.strictObject({
  count: z.int(),
  mean: z.number().nullable(),
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: z.array(z.int()).length(5),
  /** Without names: organisers read what was said, not who said it. */
  comments: z.array(z.strictObject({ rating: z.int(), comment: z.string() })),
})
export type FeedbackSummary = z.infer<typeof feedbackSummary>

export const symposiumMethods = {
  'symposia.list': { input: z.strictObject({}).optional(), output: z.array(editionSummary) },
  'symposia.get': { input: z.strictObject({ id: editionId }), output: edition },
  'symposia.create': { input: editionCreateInput, output: edition },
  'symposia.update': { input: editionUpdateInput, output: edition },

  'submissions.list': { input: submissionListInput, output: z.array(submission) },
  'submissions.get': { input: z.strictObject({ id: submissionId }), output: submission },
  'submissions.create': { input: submissionCreateInput, output: submission },
  'submissions.update': { input: submissionUpdateInput, output: submission },
  'submissions.review': { input: reviewInput, output: submission },
  'submissions.decide': { input: decisionInput, output: submission },
  'submissions.withdraw': { input: withdrawInput, output: submission },

  'programme.get': { input: z.strictObject({ editionId }), output: programme },
  'programme.session': { input: z.strictObject({ id: sessionId }), output: session },
  'programme.createSession': { input: sessionCreateInput, output: programme },
  'programme.updateSession': { input: sessionUpdateInput, output: programme },
  'programme.schedule': { input: scheduleSessionInput, output: programme },
  'programme.setBreak': { input: setBreakInput, output: programme },
  'programme.unschedule': { input: unscheduleInput, output: programme },

  'registrations.list': { input: registrationListInput, output: z.array(registration) },
  'registrations.register': { input: registerInput, output: registration },
  'registrations.cancel': { input: cancelRegistrationInput, output: cancelResult },
  'registrations.checkIn': { input: checkInInput, output: registration },
  'registrations.workshop': { input: workshopInput, output: registration },

  'outbox.list': { input: z.strictObject({ editionId }), output: z.array(outboxMessage) },
  'outbox.templates': { input: z.strictObject({ editionId }), output: templatesResult },
  'outbox.saveTemplate': { input: templateSaveInput, output: templatesResult },
  'outbox.resetTemplate': { input: templateResetInput, output: templatesResult },
  'outbox.eml': {
    input: z.strictObject({ id: z.int().positive() }),
    output: z.strictObject({ filename: z.string(), content: z.string() }),
  },
  'outbox.markSent': { input: z.strictObject({ ids: z.array(z.int().positive()).min(1).max(5000) }), output: z.array(outboxMessage) },

  'feedback.give': { input: feedbackInput, output: feedbackSummary.nullable() },
  'feedback.summary': { input: z.strictObject({ editionId }), output: feedbackSummary },

  'budget.get': { input: z.strictObject({ editionId }), output: budget },
  'budget.saveLine': { input: budgetLineInput, output: budget },
  'budget.deleteLine': { input: z.strictObject({ id: z.int().positive(), version }), output: budget },
} as const
