// Why the symposium module refuses something, in English (see symposiaErrors.nl.ts).
import type { fields as nlFields, reasons as nlReasons } from './symposiaErrors.nl'

export const reasons: typeof nlReasons = {
  datesOutOfOrder: 'The dates or times are out of order: a start lies after its end.',
  duplicateItem: 'The same item is listed twice.',
  roomInUse: '{name} is still in the programme and cannot be removed.',
  trackInUse: 'The track {name} is still in use and cannot be removed.',
  criteriaReviewed: 'Reviews have been given already; the criteria can only be renamed now.',
  callNotOpen: 'The call for contributions opens on {date}.',
  callClosed: 'The call for contributions closed on {date}.',
  submitterNotSpeaker: 'You must be one of the speakers yourself. Only coordinators and teachers submit on behalf of others.',
  notYourSubmission: 'This is not your submission.',
  submissionDecided: 'This submission has been decided; it can no longer be changed.',
  ownSubmission: 'You do not review your own submission.',
  submissionWithdrawn: 'This submission was withdrawn.',
  criteriaMismatch: 'Give exactly one score for each criterion.',
  alreadyDecided: 'This decision has been made already.',
  sessionScheduled: 'This session is in the programme. Take it out of the programme first.',
  slotOfOtherSession: 'This slot belongs to another session.',
  notABreak: 'This slot is not a break of this symposium.',
  workshopHasSignups: '{count} people have signed up for this workshop already; it cannot simply leave the programme.',
  notAnAttendee: 'Only people who registered give feedback.',
  feedbackNotCheckedIn: 'Feedback comes from people who were there: you were not checked in.',
  notWithdrawable: 'Only a submission under review or on the reserve list can be withdrawn.',
}

export const fields: typeof nlFields = {
  datesOutOfOrder: 'This date or time lies before the previous one.',
  personOrAttendee: 'Choose someone of the centre or fill in an external attendee, not both.',
  endBeforeStart: 'The end must lie after the start.',
}
