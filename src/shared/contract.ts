// The API contract: every capability of the core, by name, with the schema of its input and output.
// The dispatcher validates against it, the handlers are typed by it and the renderer's client calls
// through it, so the compiler proves both sides agree.
import { z } from 'zod'
import { attachmentInfo, attachmentUploadInput } from './attachments'
import { exchangeMethods } from './exchange'
import { searchQueryInput, searchResult } from './search'
import {
  experiment,
  experimentCreateInput,
  experimentId,
  experimentListInput,
  experimentSaveInput,
  experimentStatusInput,
  experimentSummary,
  revision,
  settingsLibraryInput,
  settingsLibraryRow,
} from './experiments'
import {
  backlink,
  backlinksInput,
  note,
  noteCreateInput,
  noteId,
  noteListInput,
  noteReviewInput,
  noteSaveInput,
  noteSummary,
  noteTitle,
  noteTitlesInput,
} from './notes'
import { person, personCreateInput, personId, personList, personListInput, personSetActiveInput, personUpdateInput, ROLES } from './people'
import {
  booking,
  bookingCancelInput,
  bookingConflict,
  bookingConflictsInput,
  bookingCreateInput,
  bookingId,
  bookingListInput,
  bookingSeriesInput,
  bookingTransitionInput,
  bookingUpdateInput,
  attendanceResult,
  calendarExportInput,
  recordAttendanceInput,
  freeSlot,
  freeSlotsInput,
  seriesOccurrence,
} from './bookings'
import { equipment, equipmentCreateInput, equipmentId, equipmentListInput, equipmentUpdateInput } from './equipment'
import { permit, permitGrantInput, permitListInput, permitRevokeInput } from './permits'
import { centreSettings, settingsUpdateInput } from './settings'
import { symposiumMethods } from './symposia'
import { symposiumExportMethods } from './symposiumExports'
import { portfolioMethods } from './portfolio'
import { reportMethods } from './reports'
import { dashboardMethods } from './dashboard'
import { privacyMethods } from './privacy'
import { backupMethods } from './backup'

const noInput = z.strictObject({}).optional()

export const appInfo = z.strictObject({
  version: z.string(),
  schemaVersion: z.int(),
  dataDir: z.string(),
  /** True while the centre has no people yet: the renderer then offers the first profile or the demo. */
  isEmpty: z.boolean(),
})

export const contract = {
  'app.info': { input: noInput, output: appInfo },
  'demo.load': { input: noInput, output: z.strictObject({ people: z.int(), equipment: z.int(), bookings: z.int() }) },

  'people.create': { input: personCreateInput, output: person },
  'people.get': { input: z.strictObject({ id: personId }), output: person },
  'people.list': { input: personListInput, output: personList },
  'people.update': { input: personUpdateInput, output: person },
  'people.setActive': { input: personSetActiveInput, output: person },
  'people.countByRole': {
    input: noInput,
    output: z.strictObject(Object.fromEntries(ROLES.map((r) => [r, z.int().min(0)])) as Record<(typeof ROLES)[number], z.ZodInt>),
  },

  'equipment.list': { input: equipmentListInput, output: z.array(equipment) },
  'equipment.get': { input: z.strictObject({ id: equipmentId }), output: equipment },
  'equipment.create': { input: equipmentCreateInput, output: equipment },
  'equipment.update': { input: equipmentUpdateInput, output: equipment },

  'permits.list': { input: permitListInput, output: z.array(permit) },
  'permits.grant': { input: permitGrantInput, output: permit },
  'permits.revoke': { input: permitRevokeInput, output: permit },

  'bookings.list': { input: bookingListInput, output: z.array(booking) },
  'bookings.get': { input: z.strictObject({ id: bookingId }), output: booking },
  'bookings.create': { input: bookingCreateInput, output: booking },
  'bookings.update': { input: bookingUpdateInput, output: booking },
  'bookings.cancel': { input: bookingCancelInput, output: booking },
  'bookings.approve': { input: bookingTransitionInput, output: booking },
  'bookings.previewSeries': { input: bookingSeriesInput, output: z.array(seriesOccurrence) },
  'bookings.createSeries': {
    input: bookingSeriesInput,
    output: z.strictObject({ seriesId: z.int().positive(), bookings: z.array(booking) }),
  },
  'bookings.conflicts': { input: bookingConflictsInput, output: z.array(bookingConflict) },
  'bookings.checkIn': { input: bookingTransitionInput, output: booking },
  'bookings.checkOut': { input: bookingTransitionInput, output: booking },
  'bookings.markNoShow': { input: bookingTransitionInput, output: booking },
  'bookings.recordAttendance': { input: recordAttendanceInput, output: attendanceResult },
  'bookings.pending': { input: noInput, output: z.array(booking) },
  'bookings.freeSlots': { input: freeSlotsInput, output: z.array(freeSlot) },
  'calendar.export': { input: calendarExportInput, output: z.strictObject({ filename: z.string(), content: z.string() }) },

  'experiments.list': { input: experimentListInput, output: z.array(experimentSummary) },
  'experiments.get': { input: z.strictObject({ id: experimentId }), output: experiment },
  'experiments.create': { input: experimentCreateInput, output: experiment },
  'experiments.save': { input: experimentSaveInput, output: experiment },
  'experiments.setStatus': { input: experimentStatusInput, output: experiment },
  'experiments.revisions': { input: z.strictObject({ id: experimentId }), output: z.array(revision) },
  'experiments.settingsLibrary': { input: settingsLibraryInput, output: z.array(settingsLibraryRow) },
  'experiments.restore': {
    input: z.strictObject({ id: experimentId, version: z.int().positive(), fromVersion: z.int().positive() }),
    output: experiment,
  },

  'notes.list': { input: noteListInput, output: z.array(noteSummary) },
  'notes.get': { input: z.strictObject({ id: noteId }), output: note },
  'notes.create': { input: noteCreateInput, output: note },
  'notes.save': { input: noteSaveInput, output: note },
  'notes.review': { input: noteReviewInput, output: note },
  'notes.revisions': { input: z.strictObject({ id: noteId }), output: z.array(revision) },
  'notes.restore': { input: z.strictObject({ id: noteId, version: z.int().positive(), fromVersion: z.int().positive() }), output: note },
  'notes.titles': { input: noteTitlesInput, output: z.array(noteTitle) },
  'links.backlinks': { input: backlinksInput, output: z.array(backlink) },

  'search.query': { input: searchQueryInput, output: z.array(searchResult) },
  'attachments.upload': { input: attachmentUploadInput, output: attachmentInfo },

  'settings.get': { input: noInput, output: centreSettings },
  'settings.update': { input: settingsUpdateInput, output: centreSettings },
  ...exchangeMethods,

  ...symposiumMethods,
  ...symposiumExportMethods,
  ...portfolioMethods,
  ...reportMethods,
  ...dashboardMethods,
  ...privacyMethods,
  ...backupMethods,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Method = keyof Contract
/** What a caller passes (before defaults and trimming). */
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>

export const METHODS = Object.keys(contract) as Method[]

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name)
}
