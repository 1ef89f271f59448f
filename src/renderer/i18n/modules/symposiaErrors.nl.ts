// Why the symposium module refuses something: texts for `errors.reasons` (the core's refusals) and
// `errors.fields` (checks of the contract), spread into the Dutch messages.
export const reasons = {
  datesOutOfOrder: 'De data of tijden staan niet in de goede volgorde: een begin ligt na het einde.',
  duplicateItem: 'Hetzelfde item staat twee keer in de lijst.',
  roomInUse: '{name} staat nog in het programma en kan niet weg.',
  trackInUse: 'De track {name} is nog in gebruik en kan niet weg.',
  criteriaReviewed: 'Er zijn al beoordelingen gegeven; de criteria kun je alleen nog hernoemen.',
  callNotOpen: 'De oproep voor bijdragen opent op {date}.',
  callClosed: 'De oproep voor bijdragen is gesloten sinds {date}.',
  submitterNotSpeaker: 'Je moet zelf een van de sprekers zijn. Alleen coördinatoren en docenten dienen in namens anderen.',
  notYourSubmission: 'Dit is niet jouw inzending.',
  submissionDecided: 'Over deze inzending is al besloten; wijzigen kan niet meer.',
  ownSubmission: 'Je beoordeelt je eigen inzending niet.',
  submissionWithdrawn: 'Deze inzending is ingetrokken.',
  criteriaMismatch: 'Geef voor elk criterium precies één score.',
  alreadyDecided: 'Dit besluit is al genomen.',
  sessionScheduled: 'Deze sessie staat in het programma. Haal haar daar eerst uit.',
  slotOfOtherSession: 'Dit tijdvak hoort bij een andere sessie.',
  notABreak: 'Dit tijdvak is geen pauze van dit symposium.',
  workshopHasSignups: 'Er hebben zich al {count} mensen ingeschreven voor deze workshop; haal hem niet zomaar uit het programma.',
  notAnAttendee: 'Alleen wie aangemeld was, geeft feedback.',
  feedbackNotCheckedIn: 'Feedback komt van mensen die er waren: je bent niet ingecheckt.',
  notWithdrawable: 'Alleen een inzending die nog beoordeeld wordt of op de reservelijst staat, kun je intrekken.',
}

export const fields = {
  datesOutOfOrder: 'Deze datum of tijd ligt voor de vorige.',
  personOrAttendee: 'Kies iemand van het centrum of vul een externe deelnemer in, niet allebei.',
  endBeforeStart: 'Het einde moet na het begin liggen.',
}
