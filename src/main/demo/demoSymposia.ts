// The demo centre's symposia (resources/demo/symposia.json): last year's edition, finished, with
// its programme, 120 registrations, a waitlist that moved, check-ins, feedback and a budget; and
// next year's in preparation, with an open call and 15 submissions under review. Made through the
// symposium services with a clock set to the moment each step would have happened, so every rule
// (the call's window, the registration window, capacity) applies as it did then.
import data from '../../../resources/demo/symposia.json'
import { toInstant, toLocal } from '../../shared/calendarTime'
import type { EquipmentKind } from '../../shared/equipment'
import type { Person } from '../../shared/people'
import {
  budgetLineInput,
  decisionInput,
  editionCreateInput,
  registerInput,
  reviewInput,
  scheduleSessionInput,
  sessionCreateInput,
  sessionUpdateInput,
  setBreakInput,
  submissionCreateInput,
  type Edition,
  type Programme,
  type Session,
} from '../../shared/symposia'
import type { Actor } from '../dispatcher'
import { createSearchIndex } from '../search/searchIndex'
import { createSymposiumModule } from '../symposia/symposiaHandlers'
import type { DemoServices } from './demoCentre'

const DAY = 86_400_000

interface SessionSpec {
  title: string
  type: string
  minutes: number
  track: string | null
  speakers: string[]
  day?: number
  room?: string
  at?: string
  invited?: boolean
  language?: string
  expected?: number
  capacity?: number
  machine?: string
  reviews?: number[][]
}

export function addDemoSymposia(s: DemoServices, everyone: Person[], random: () => number) {
  const zone = s.timeZone()
  let simulated = s.clock().getTime()
  const symposia = createSymposiumModule({
    db: s.db,
    clock: () => new Date(simulated),
    timeZone: s.timeZone,
    people: s.people,
    bookings: s.bookings,
    search: createSearchIndex(s.db),
  })
  const today = toLocal(s.clock().getTime(), zone).date
  const shift = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10)
  /** The Thursday on or after a date: two-day editions run Thursday and Friday. */
  const thursdayFrom = (date: string) => shift(date, (4 - toLocal(toInstant(date, '12:00', zone), zone).weekday + 7) % 7)
  const at = (date: string, time: string) => toInstant(date, time, zone)
  const person = (name: string) => {
    const found = everyone.find((p) => p.name === name)
    if (!found) throw new Error(`Demo symposium names an unknown person: ${name}`)
    return found
  }
  const actor = (p: Person): Actor => ({ id: p.id, name: p.name, role: p.role })
  const coordinator = actor(person('Marieke van Dijk'))
  const desk = actor(person('Joost Verhoeven'))
  const reviewers = everyone.filter((p) => p.role === 'teacher' || p.role === 'coordinator')

  function createEdition(
    spec: { title: string; theme: string; venue: string; capacity: number },
    startsOn: string,
    windows: { cfp: [string, string]; registration: [string, string] },
  ): Edition {
    return symposia.editions.create(
      editionCreateInput.parse({
        title: `${spec.title} ${startsOn.slice(0, 4)}`,
        theme: spec.theme,
        venue: spec.venue,
        startsOn,
        days: 2,
        dayStarts: '09:00',
        dayEnds: '17:30',
        cfpOpensOn: windows.cfp[0],
        cfpClosesOn: windows.cfp[1],
        registrationOpensOn: windows.registration[0],
        registrationClosesOn: windows.registration[1],
        capacity: spec.capacity,
        rooms: data.rooms,
        tracks: data.tracks,
        criteria: data.criteria,
      }),
      coordinator,
    )
  }

  const trackId = (edition: Edition, name: string | null) => (name === null ? null : edition.tracks.find((t) => t.name === name)!.id)
  const machineId = (kind: string | undefined) =>
    kind ? (s.equipment.list({ includeRetired: false }).find((m) => m.kind === (kind as EquipmentKind))?.id ?? null) : null

  function submit(edition: Edition, spec: SessionSpec) {
    const speakers = spec.speakers.map(person)
    return symposia.submissions.create(
      submissionCreateInput.parse({
        editionId: edition.id,
        title: spec.title,
        abstract: abstractOf(spec),
        type: spec.type,
        durationMinutes: spec.minutes,
        audience: spec.type === 'workshop' ? 'Iedereen met basiservaring in de werkplaats' : '',
        trackId: trackId(edition, spec.track),
        equipmentId: machineId(spec.machine),
        language: spec.language ?? 'nl',
        speakers: speakers.map((p) => ({ personId: p.id })),
      }),
      actor(speakers[0]!),
    )
  }

  function review(edition: Edition, submissionId: number, speakers: string[], scores: number[], n: number) {
    const eligible = reviewers.filter((r) => !speakers.includes(r.name))
    const reviewer = eligible[n % eligible.length]!
    symposia.submissions.review(
      reviewInput.parse({
        submissionId,
        scores: edition.criteria.map((c, i) => ({ criterionId: c.id, score: scores[i] ?? 3 })),
        comment: REVIEW_COMMENTS[(submissionId + n) % REVIEW_COMMENTS.length]!,
      }),
      actor(reviewer),
    )
  }

  function invite(edition: Edition, spec: SessionSpec): Session {
    const programme = symposia.programme.createSession(
      sessionCreateInput.parse({
        editionId: edition.id,
        title: spec.title,
        abstract: abstractOf(spec),
        type: spec.type,
        durationMinutes: spec.minutes,
        trackId: trackId(edition, spec.track),
        speakerIds: spec.speakers.map((n) => person(n).id),
        expectedAttendance: spec.expected ?? null,
        capacity: spec.capacity ?? null,
        equipmentId: machineId(spec.machine),
      }),
      coordinator,
    )
    return programme.sessions.find((x) => x.title === spec.title)!
  }

  /** Sets what only the programme knows (expected attendance, workshop seats) and places the session. */
  function place(edition: Edition, session: Session, spec: SessionSpec): Programme {
    if ((spec.expected ?? null) !== session.expectedAttendance || (spec.capacity ?? null) !== session.capacity) {
      symposia.programme.updateSession(
        sessionUpdateInput.parse({
          id: session.id,
          version: session.version,
          title: session.title,
          abstract: session.abstract,
          type: session.type,
          durationMinutes: session.durationMinutes,
          trackId: session.trackId,
          speakerIds: session.speakers.map((p) => p.id),
          capacity: spec.capacity ?? null,
          expectedAttendance: spec.expected ?? null,
          equipmentId: session.equipmentId,
        }),
        coordinator,
      )
    }
    const date = edition.dates[spec.day ?? 0]!
    return symposia.programme.schedule(
      scheduleSessionInput.parse({
        sessionId: session.id,
        roomId: edition.rooms.find((r) => r.name === spec.room)!.id,
        startsAt: new Date(at(date, spec.at!)).toISOString(),
      }),
      coordinator,
    )
  }

  function addBreaks(edition: Edition) {
    for (const date of edition.dates) {
      for (const b of data.breaks) {
        symposia.programme.setBreak(
          setBreakInput.parse({
            editionId: edition.id,
            title: b.title,
            startsAt: new Date(at(date, b.from)).toISOString(),
            endsAt: new Date(at(date, b.to)).toISOString(),
          }),
          coordinator,
        )
      }
    }
  }

  function addBudget(edition: Edition, lines: { category: string; description: string; planned: number; actual: number | null }[]) {
    for (const line of lines) {
      symposia.budget.saveLine(
        budgetLineInput.parse({
          editionId: edition.id,
          category: line.category,
          description: line.description,
          plannedCents: line.planned * 100,
          actualCents: line.actual === null ? null : line.actual * 100,
        }),
        coordinator,
      )
    }
  }

  // ---- Last year: a finished edition ----
  const lastStart = thursdayFrom(shift(today, -235))
  simulated = at(shift(lastStart, -120), '10:00')
  const last = createEdition(data.last, lastStart, {
    cfp: [shift(lastStart, -120), shift(lastStart, -60)],
    registration: [shift(lastStart, -75), shift(lastStart, -3)],
  })
  addBreaks(last)
  const lastSpecs = data.last.sessions as SessionSpec[]
  simulated = at(shift(lastStart, -95), '14:00')
  const submitted = [...lastSpecs.filter((x) => !x.invited), ...(data.last.rejected as SessionSpec[])].map((spec) => ({
    spec,
    sub: submit(last, spec),
  }))
  simulated = at(shift(lastStart, -58), '10:00')
  for (const { spec, sub } of submitted) {
    const good = !data.last.rejected.some((r) => r.title === spec.title)
    for (let n = 0; n < 2; n++) {
      review(
        last,
        sub.id,
        spec.speakers,
        [0, 1, 2].map(() => (good ? 3 + Math.floor(random() * 3) : 1 + Math.floor(random() * 2))),
        n,
      )
    }
    const decided = symposia.submissions.decide(
      decisionInput.parse({
        id: sub.id,
        version: symposia.submissions.get(sub.id, coordinator).version,
        decision: good ? 'accepted' : 'rejected',
      }),
      coordinator,
    )
    if (good) {
      const session = symposia.programme.get(last.id, coordinator).sessions.find((x) => x.id === decided.sessionId)!
      place(last, session, spec)
    }
  }
  for (const spec of lastSpecs.filter((x) => x.invited)) place(last, invite(last, spec), spec)

  // Registration: people of the centre and externals, spread over the weeks before; the last ones wait.
  const workshops = symposia.programme
    .get(last.id, coordinator)
    .slots.filter((slot) => slot.sessionId !== null && lastSpecs.find((x) => x.title === slot.title)?.type === 'workshop')
    .map((slot) => slot.id)
  const fromCentre = everyone.filter((p) => p.role !== 'coordinator').slice(0, 24)
  const externals = data.externals
  const registrations: number[] = []
  for (let i = 0; i < 120; i++) {
    simulated = at(shift(lastStart, -70 + Math.floor((i * 64) / 120)), '20:00')
    const ofCentre = fromCentre[i]
    const first = externals.first[(i * 7) % externals.first.length]!
    const lastName = externals.last[(i * 5 + Math.floor(i / 18)) % externals.last.length]!
    const choice = random()
    const registration = symposia.registrations.register(
      registerInput.parse({
        editionId: last.id,
        ...(ofCentre
          ? { personId: ofCentre.id }
          : {
              attendee: {
                name: `${first} ${lastName}`,
                email: `${first}.${lastName.replace(/ /g, '')}.${i}@example.org`.toLowerCase(),
                role: externals.roles[i % externals.roles.length],
                organisation: externals.organisations[i % externals.organisations.length],
              },
            }),
        dietary: externals.dietary[i % externals.dietary.length],
        language: i % 11 === 5 ? 'en' : 'nl',
        workshopSlotIds: choice < 0.35 ? [workshops[Math.floor(choice * 10) % workshops.length]!] : [],
      }),
      desk,
    )
    registrations.push(registration.id)
  }
  // Four cancel in the last week: the first in line move up.
  simulated = at(shift(lastStart, -6), '09:00')
  for (const index of [3, 17, 42, 77]) {
    const row = symposia.registrations.list({ editionId: last.id }, desk).find((r) => r.id === registrations[index])!
    symposia.registrations.cancel({ id: row.id, version: row.version }, desk)
  }
  // The days themselves: most people come, a few only on one day; workshops check in at the door.
  last.dates.forEach((date, day) => {
    simulated = at(date, '09:05')
    for (const registration of symposia.registrations.list({ editionId: last.id }, desk)) {
      if (registration.status !== 'registered' || random() < (day === 0 ? 0.08 : 0.16)) continue
      symposia.registrations.checkIn({ id: registration.id, day: date, present: true }, desk)
      for (const w of registration.workshops) {
        const slot = symposia.programme.get(last.id, desk).slots.find((x) => x.id === w.slotId)!
        if (w.status === 'registered' && slot.startsAt.slice(0, 10) === new Date(at(date, '12:00')).toISOString().slice(0, 10)) {
          symposia.registrations.workshop({ registrationId: registration.id, slotId: w.slotId, action: 'checkIn' }, desk)
        }
      }
    }
  })
  simulated = at(shift(lastStart, 4), '11:00')
  const attended = symposia.registrations.list({ editionId: last.id }, desk).filter((r) => r.checkedInDays.length > 0)
  attended.forEach((registration, i) => {
    if (i % 2 === 1) return
    const rating = random() < 0.55 ? 5 : random() < 0.75 ? 4 : 3
    const comment = i % 6 === 0 ? data.last.feedback[(i / 6) % data.last.feedback.length]! : ''
    symposia.feedback.give({ editionId: last.id, registrationId: registration.id, rating, comment }, desk)
  })
  addBudget(last, data.last.budget)
  const letters = symposia.outbox.list(last.id, coordinator).map((m) => m.id)
  if (letters.length > 0) symposia.outbox.markSent(letters, coordinator)

  // ---- Next year: in preparation, the call is open ----
  const nextStart = thursdayFrom(shift(today, 150))
  simulated = at(shift(today, -30), '10:00')
  const next = createEdition(data.next, nextStart, {
    cfp: [shift(today, -30), shift(today, 40)],
    registration: [shift(today, 50), shift(nextStart, -3)],
  })
  addBreaks(next)
  ;(data.next.submissions as SessionSpec[]).forEach((spec, i) => {
    simulated = at(shift(today, -25 + i), '16:00')
    const sub = submit(next, spec)
    ;(spec.reviews ?? []).forEach((scores, n) => review(next, sub.id, spec.speakers, scores, n + i))
  })
  simulated = s.clock().getTime()
  for (const spec of data.next.sessions as SessionSpec[]) place(next, invite(next, spec), spec)
  addBudget(next, data.next.budget)
}

const REVIEW_COMMENTS = [
  'Sterk onderwerp, precies wat zzp’ers zoeken.',
  'Graag meer concrete instellingen en foto’s van de proefstukken.',
  'Past goed bij het thema van dit jaar.',
  'Interessant, maar misschien te specialistisch voor de aula.',
  'Mooie combinatie van vakken; laat studenten meedoen.',
  '',
]

function abstractOf(spec: SessionSpec): string {
  const who = spec.speakers.join(' en ')
  switch (spec.type) {
    case 'workshop':
      return `${spec.title}: een praktische workshop onder leiding van ${who}. Je werkt zelf, in een kleine groep, en neemt je werkstuk mee naar huis.`
    case 'demonstration':
      return `${who} laat in de werkplaats zien hoe het gaat: ${spec.title.toLowerCase()}. Met ruimte voor vragen aan de machine.`
    case 'panel':
      return `Een gesprek met ${who} over ${spec.title.toLowerCase()}, met vragen uit de zaal.`
    default:
      return `${who} vertelt over ${spec.title.toLowerCase()}: wat werkte, wat niet, en wat je er zelf mee kunt in je eigen werkplaats.`
  }
}
