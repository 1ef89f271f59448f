// Registrations: who may register whom and when, places up to capacity then a waitlist in order,
// promotion on cancellation, workshop seats, and check-in at the door. Everything through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Method, MethodInput } from '../../shared/contract'
import type { Person } from '../../shared/people'
import type { Edition, Registration } from '../../shared/symposia'
import { at } from '../testing/fixtures'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'

interface SymposiumCentre {
  core: TestCore
  clock: { now: Date }
  coordinator: Person
  teacher: Person
  student: Person
  freelancer: Person
  guest: Person
  edition: Edition
}

let centre: SymposiumCentre
let core: TestCore

async function openSymposiumCentre(capacity = 3): Promise<SymposiumCentre> {
  // Monday 2 March 2026, 09:00 in Amsterdam: registration is open.
  const clock = { now: new Date('2026-03-02T08:00:00Z') }
  const core = openTestCore({ clock: () => clock.now })
  const coordinator = await core.ok(null, 'people.create', {
    name: 'Marieke Coördinator',
    email: 'marieke@werkbank.test',
    role: 'coordinator',
  })
  const c = coordinator.id
  const teacher = await core.ok(c, 'people.create', { name: 'Anouk Docent', email: 'anouk@werkbank.test', role: 'teacher' })
  const student = await core.ok(c, 'people.create', { name: 'Daan Student', email: 'daan@werkbank.test', role: 'student' })
  const freelancer = await core.ok(c, 'people.create', { name: 'Gerrit Zzp', email: 'gerrit@werkbank.test', role: 'freelancer' })
  const guest = await core.ok(c, 'people.create', {
    name: 'Ilse Gast',
    email: 'ilse@example.test',
    role: 'guest',
    organisation: 'Houtgilde',
  })
  const edition = await core.ok(c, 'symposia.create', {
    title: 'Symposium Ambachtelijk Meubelmaken 2026',
    venue: 'Werkplaats Noord',
    startsOn: '2026-05-14',
    days: 2,
    dayStarts: '09:00',
    dayEnds: '17:00',
    cfpOpensOn: '2026-01-05',
    cfpClosesOn: '2026-02-15',
    registrationOpensOn: '2026-03-01',
    registrationClosesOn: '2026-05-10',
    capacity,
    rooms: [
      { name: 'Aula', capacity: 200 },
      { name: 'Werkplaats', capacity: 2 },
    ],
    criteria: [{ name: 'Inhoud' }],
  })
  return { core, clock, coordinator, teacher, student, freelancer, guest, edition }
}

beforeEach(async () => {
  centre = await openSymposiumCentre()
  core = centre.core
})
afterEach(() => centre.core.cleanup())

const external = (name: string, email: string | null = null) => ({
  name,
  email,
  role: 'external' as const,
  organisation: 'Buiten',
})

async function registerExternal(name: string, extra: Partial<MethodInput<'registrations.register'>> = {}): Promise<Registration> {
  return core.ok(centre.teacher.id, 'registrations.register', {
    editionId: centre.edition.id,
    attendee: external(name, `${name.toLowerCase()}@example.test`),
    ...extra,
  })
}

async function expectRefused<M extends Method>(actorId: number | null, method: M, input: MethodInput<M>, code: string, reason: string) {
  const before = tableChecksum(core.db)
  const result = await core.as(actorId, method, input)
  expect(result.ok, JSON.stringify(result)).toBe(false)
  if (!result.ok) expect(result.error).toMatchObject({ code, details: { reason } })
  expect(tableChecksum(core.db)).toBe(before)
}

function outbox(): { kind: string; to_name: string; to_email: string | null; language: string; body: string }[] {
  return core.db.prepare('SELECT kind, to_name, to_email, language, body FROM symposium_outbox ORDER BY id').all() as never
}

const list = () => core.ok(centre.teacher.id, 'registrations.list', { editionId: centre.edition.id })
const byName = (all: Registration[], name: string) => all.find((r) => r.name === name)!

/** A workshop in the Werkplaats (2 seats) on the first day; `capacity` limits it further. */
async function workshopSlot(title: string, capacity: number | null = null, type: 'workshop' | 'talk' = 'workshop', hour = '10:00') {
  const c = centre.coordinator.id
  const created = await core.ok(c, 'programme.createSession', { editionId: centre.edition.id, title, type, durationMinutes: 60, capacity })
  const session = created.sessions.find((s) => s.title === title)!
  const room = centre.edition.rooms.find((r) => r.name === 'Werkplaats')!
  const programme = await core.ok(c, 'programme.schedule', { sessionId: session.id, roomId: room.id, startsAt: at(`2026-05-14 ${hour}`) })
  return programme.slots.find((s) => s.sessionId === session.id)!.id
}

describe('who registers whom', () => {
  it('registers the caller themselves by default, with the attendee role taken from their centre role', async () => {
    const own = await core.ok(centre.student.id, 'registrations.register', { editionId: centre.edition.id, dietary: 'vegetarisch' })
    expect(own).toMatchObject({
      personId: centre.student.id,
      name: 'Daan Student',
      email: 'daan@werkbank.test',
      role: 'student',
      dietary: 'vegetarisch',
      language: 'nl',
      status: 'registered',
      waitlistPosition: null,
      checkedInDays: [],
      workshops: [],
      version: 1,
    })
    const coordinator = await core.ok(centre.coordinator.id, 'registrations.register', { editionId: centre.edition.id, language: 'en' })
    expect(coordinator).toMatchObject({ role: 'teacher', language: 'en' })
    const guest = await core.ok(centre.guest.id, 'registrations.register', { editionId: centre.edition.id })
    expect(guest).toMatchObject({ role: 'external', organisation: 'Houtgilde' })
    expect(outbox().map((m) => [m.kind, m.to_name, m.language])).toEqual([
      ['registration', 'Daan Student', 'nl'],
      ['registration', 'Marieke Coördinator', 'en'],
      ['registration', 'Ilse Gast', 'nl'],
    ])
    expect(outbox()[0]!.body).toContain('Symposium Ambachtelijk Meubelmaken 2026')
    expect(outbox()[0]!.body).toContain('14–15 mei 2026')
  })

  it('lets coordinators and teachers register someone of the centre or an external at the door', async () => {
    const student = await core.ok(centre.teacher.id, 'registrations.register', {
      editionId: centre.edition.id,
      personId: centre.student.id,
    })
    expect(student).toMatchObject({ personId: centre.student.id, role: 'student' })
    const visitor = await core.ok(centre.coordinator.id, 'registrations.register', {
      editionId: centre.edition.id,
      attendee: { name: 'Piet Buiten', email: 'PIET@example.test', role: 'freelancer', organisation: 'Eigen zaak' },
    })
    expect(visitor).toMatchObject({
      personId: null,
      name: 'Piet Buiten',
      email: 'piet@example.test',
      role: 'freelancer',
      organisation: 'Eigen zaak',
    })
  })

  it('refuses students and freelancers registering someone else', async () => {
    const e = centre.edition.id
    await expectRefused(
      centre.student.id,
      'registrations.register',
      { editionId: e, personId: centre.freelancer.id },
      'FORBIDDEN',
      'symposiumStaffOnly',
    )
    await expectRefused(
      centre.freelancer.id,
      'registrations.register',
      { editionId: e, attendee: external('Piet') },
      'FORBIDDEN',
      'symposiumStaffOnly',
    )
    await expectRefused(null, 'registrations.register', { editionId: e }, 'FORBIDDEN', 'profileRequired')
  })

  it('refuses an unknown edition, an unknown or inactive person, and both a person and an attendee', async () => {
    await expectRefused(centre.student.id, 'registrations.register', { editionId: 999 }, 'NOT_FOUND', 'notFound')
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: centre.edition.id, personId: 999 },
      'NOT_FOUND',
      'notFound',
    )
    await core.ok(centre.coordinator.id, 'people.setActive', {
      id: centre.freelancer.id,
      version: centre.freelancer.version,
      active: false,
    })
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: centre.edition.id, personId: centre.freelancer.id },
      'RULE',
      'personInactive',
    )
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: centre.edition.id, personId: centre.student.id, attendee: external('Piet') },
      'VALIDATION',
      'invalidInput',
    )
  })

  it('refuses a second active registration of the same person or e-mail address, and allows one after cancelling', async () => {
    const e = centre.edition.id
    const first = await core.ok(centre.student.id, 'registrations.register', { editionId: e })
    await expectRefused(centre.student.id, 'registrations.register', { editionId: e }, 'CONFLICT', 'alreadyRegistered')
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: e, personId: centre.student.id },
      'CONFLICT',
      'alreadyRegistered',
    )
    // The same address typed in for an external at the door is the same person.
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: e, attendee: external('Daan S.', 'DAAN@werkbank.test') },
      'CONFLICT',
      'alreadyRegistered',
    )
    await core.ok(centre.student.id, 'registrations.cancel', { id: first.id, version: first.version })
    const again = await core.ok(centre.student.id, 'registrations.register', { editionId: e })
    expect(again).toMatchObject({ status: 'registered' })
    expect(again.id).not.toBe(first.id)
  })
})

describe('the registration window', () => {
  it('refuses before registration opens, for everyone', async () => {
    centre.clock.now = new Date('2026-02-28T12:00:00Z')
    await expectRefused(centre.student.id, 'registrations.register', { editionId: centre.edition.id }, 'RULE', 'registrationNotOpen')
    await expectRefused(centre.coordinator.id, 'registrations.register', { editionId: centre.edition.id }, 'RULE', 'registrationNotOpen')
  })

  it('closes at the end of the closing day in the centre’s time zone, except for coordinators at the door', async () => {
    // 23:30 UTC on 10 May is already 11 May in Amsterdam.
    centre.clock.now = new Date('2026-05-10T21:30:00Z')
    await core.ok(centre.freelancer.id, 'registrations.register', { editionId: centre.edition.id })
    centre.clock.now = new Date('2026-05-10T22:30:00Z')
    await expectRefused(centre.student.id, 'registrations.register', { editionId: centre.edition.id }, 'RULE', 'registrationClosed')
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: centre.edition.id, attendee: external('Piet') },
      'RULE',
      'registrationClosed',
    )
    centre.clock.now = new Date('2026-05-14T07:00:00Z')
    const atTheDoor = await core.ok(centre.coordinator.id, 'registrations.register', {
      editionId: centre.edition.id,
      attendee: external('Piet'),
    })
    expect(atTheDoor.status).toBe('registered')
  })
})

describe('capacity and the waitlist', () => {
  it('fills the places, then puts people on the waitlist in order, with a letter saying where they stand', async () => {
    for (const name of ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva']) await registerExternal(name)
    const all = await list()
    expect(all.map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ['Anna', 'registered', null],
      ['Bram', 'registered', null],
      ['Cees', 'registered', null],
      ['Dirk', 'waitlisted', 1],
      ['Eva', 'waitlisted', 2],
    ])
    const letters = outbox()
    expect(letters.map((m) => m.kind)).toEqual(['registration', 'registration', 'registration', 'waitlisted', 'waitlisted'])
    expect(letters[4]).toMatchObject({ to_name: 'Eva', to_email: 'eva@example.test' })
    expect(letters[4]!.body).toContain('plaats 2')
    const edition = await core.ok(centre.student.id, 'symposia.get', { id: centre.edition.id })
    expect(edition.counts).toMatchObject({ registered: 3, waitlisted: 2 })
  })

  it('orders the waitlist by when people joined it, not by id', async () => {
    for (const name of ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva']) await registerExternal(name)
    const eva = byName(await list(), 'Eva')
    // Eva joined first after all (a registration typed in from a paper list keeps its moment).
    core.db.prepare("UPDATE symposium_registrations SET waitlisted_at = '2026-03-01T00:00:00.000Z' WHERE id = ?").run(eva.id)
    const all = await list()
    expect([byName(all, 'Eva').waitlistPosition, byName(all, 'Dirk').waitlistPosition]).toEqual([1, 2])
    const anna = byName(all, 'Anna')
    const { promoted } = await core.ok(centre.teacher.id, 'registrations.cancel', { id: anna.id, version: anna.version })
    expect(promoted!.name).toBe('Eva')
  })

  it('promotes the first in line in the same call when a registered person cancels, with a promotion letter', async () => {
    const anna = await registerExternal('Anna')
    for (const name of ['Bram', 'Cees', 'Dirk', 'Eva', 'Fenna']) await registerExternal(name)
    centre.clock.now = new Date('2026-03-03T10:00:00Z')
    const result = await core.ok(centre.teacher.id, 'registrations.cancel', { id: anna.id, version: anna.version })
    expect(result.cancelled).toMatchObject({ name: 'Anna', status: 'cancelled', cancelledAt: '2026-03-03T10:00:00.000Z', version: 2 })
    expect(result.promoted).toMatchObject({
      name: 'Dirk',
      status: 'registered',
      promotedAt: '2026-03-03T10:00:00.000Z',
      waitlistPosition: null,
    })
    const all = await list()
    expect(all.filter((r) => r.status === 'registered').map((r) => r.name)).toEqual(['Bram', 'Cees', 'Dirk'])
    expect([byName(all, 'Eva').waitlistPosition, byName(all, 'Fenna').waitlistPosition]).toEqual([1, 2])
    expect(outbox().at(-1)).toMatchObject({ kind: 'promotion', to_name: 'Dirk' })
  })

  it('promotes nobody when someone on the waitlist cancels; the line closes up', async () => {
    for (const name of ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva']) await registerExternal(name)
    const dirk = byName(await list(), 'Dirk')
    const result = await core.ok(centre.teacher.id, 'registrations.cancel', { id: dirk.id, version: dirk.version })
    expect(result.promoted).toBeNull()
    const all = await list()
    expect(all.filter((r) => r.status === 'registered')).toHaveLength(3)
    expect(byName(all, 'Eva').waitlistPosition).toBe(1)
    expect(outbox().filter((m) => m.kind === 'promotion')).toHaveLength(0)
  })

  it('lets people cancel only their own registration, with the version they saw, once', async () => {
    const own = await core.ok(centre.student.id, 'registrations.register', { editionId: centre.edition.id })
    const other = await core.ok(centre.freelancer.id, 'registrations.register', { editionId: centre.edition.id })
    await expectRefused(
      centre.student.id,
      'registrations.cancel',
      { id: other.id, version: other.version },
      'FORBIDDEN',
      'notYourRegistration',
    )
    await expectRefused(centre.student.id, 'registrations.cancel', { id: own.id, version: 7 }, 'STALE', 'stale')
    await expectRefused(centre.student.id, 'registrations.cancel', { id: 999, version: 1 }, 'NOT_FOUND', 'notFound')
    const { cancelled } = await core.ok(centre.student.id, 'registrations.cancel', { id: own.id, version: own.version })
    await expectRefused(
      centre.student.id,
      'registrations.cancel',
      { id: own.id, version: cancelled.version },
      'CONFLICT',
      'alreadyCancelled',
    )
  })

  it('never removes anyone registered when the capacity is lowered; a cancellation then promotes nobody', async () => {
    for (const name of ['Anna', 'Bram', 'Cees', 'Dirk']) await registerExternal(name)
    const edition = await core.ok(centre.coordinator.id, 'symposia.update', {
      id: centre.edition.id,
      version: centre.edition.version,
      capacity: 1,
    })
    expect(edition.counts).toMatchObject({ registered: 3, waitlisted: 1 })
    const anna = byName(await list(), 'Anna')
    const result = await core.ok(centre.teacher.id, 'registrations.cancel', { id: anna.id, version: anna.version })
    expect(result.promoted).toBeNull()
    const all = await list()
    expect(all.filter((r) => r.status === 'registered').map((r) => r.name)).toEqual(['Bram', 'Cees'])
    expect(byName(all, 'Dirk')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
  })

  it('gives places freed by a raised capacity to the waitlist before a newcomer', async () => {
    for (const name of ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva']) await registerExternal(name)
    await core.ok(centre.coordinator.id, 'symposia.update', { id: centre.edition.id, version: centre.edition.version, capacity: 5 })
    const newcomer = await registerExternal('Gijs')
    expect(newcomer).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const all = await list()
    expect(all.filter((r) => r.status === 'registered').map((r) => r.name)).toEqual(['Anna', 'Bram', 'Cees', 'Dirk', 'Eva'])
  })
})

describe('workshops', () => {
  it('seats sign-ups up to the workshop’s seats, then waitlists, and a cancellation promotes the next', async () => {
    const slot = await workshopSlot('Zwaluwstaarten zagen')
    const [anna, bram, cees] = [await registerExternal('Anna'), await registerExternal('Bram'), await registerExternal('Cees')]
    const signUp = (r: Registration) =>
      core.ok(centre.teacher.id, 'registrations.workshop', { registrationId: r.id, slotId: slot, action: 'signUp' })
    expect((await signUp(anna)).workshops).toEqual([{ slotId: slot, status: 'registered', waitlistPosition: null, checkedIn: false }])
    await signUp(bram)
    expect((await signUp(cees)).workshops).toEqual([{ slotId: slot, status: 'waitlisted', waitlistPosition: 1, checkedIn: false }])
    const programme = await core.ok(centre.teacher.id, 'programme.get', { editionId: centre.edition.id })
    expect(programme.slots.find((s) => s.id === slot)).toMatchObject({ signedUp: 2, waiting: 1 })

    const afterCancel = await core.ok(centre.teacher.id, 'registrations.workshop', {
      registrationId: anna.id,
      slotId: slot,
      action: 'cancel',
    })
    expect(afterCancel.workshops).toEqual([])
    expect(byName(await list(), 'Cees').workshops).toEqual([
      { slotId: slot, status: 'registered', waitlistPosition: null, checkedIn: false },
    ])
  })

  it('has the session’s seats when fewer than the room’s', async () => {
    const slot = await workshopSlot('Fineer leggen', 1)
    const anna = await registerExternal('Anna', { workshopSlotIds: [slot] })
    const bram = await registerExternal('Bram', { workshopSlotIds: [slot] })
    expect(anna.workshops[0]!.status).toBe('registered')
    expect(bram.workshops[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
  })

  it('refuses a slot that is no workshop, of another edition, or unknown; a second sign-up; and someone without a place', async () => {
    const talk = await workshopSlot('Over hout', null, 'talk')
    const slot = await workshopSlot('Zwaluwstaarten zagen', null, 'workshop', '12:00')
    const anna = await registerExternal('Anna', { workshopSlotIds: [slot] })
    const act = (registrationId: number, slotId: number) => ({ registrationId, slotId, action: 'signUp' as const })
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(anna.id, talk), 'RULE', 'notWorkshop')
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(anna.id, 999), 'NOT_FOUND', 'notFound')
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(anna.id, slot), 'CONFLICT', 'alreadySignedUp')
    await expectRefused(
      centre.teacher.id,
      'registrations.register',
      { editionId: centre.edition.id, attendee: external('Bram'), workshopSlotIds: [talk] },
      'RULE',
      'notWorkshop',
    )

    const other = await core.ok(centre.coordinator.id, 'symposia.create', {
      ...editionFields(centre.edition),
      title: 'Symposium 2027',
      rooms: [{ name: 'Werkplaats', capacity: 5 }],
      criteria: [{ name: 'Inhoud' }],
    })
    const otherRegistration = await core.ok(centre.teacher.id, 'registrations.register', {
      editionId: other.id,
      attendee: external('Cees'),
    })
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(otherRegistration.id, slot), 'NOT_FOUND', 'notFound')

    for (const name of ['Bram', 'Cees']) await registerExternal(name)
    const waiting = await registerExternal('Dirk')
    expect(waiting.status).toBe('waitlisted')
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(waiting.id, slot), 'RULE', 'notRegistered')
  })

  it('lets people sign themselves up, but not someone else', async () => {
    const slot = await workshopSlot('Zwaluwstaarten zagen')
    const own = await core.ok(centre.student.id, 'registrations.register', { editionId: centre.edition.id })
    const other = await registerExternal('Anna')
    await core.ok(centre.student.id, 'registrations.workshop', { registrationId: own.id, slotId: slot, action: 'signUp' })
    await expectRefused(
      centre.student.id,
      'registrations.workshop',
      { registrationId: other.id, slotId: slot, action: 'signUp' },
      'FORBIDDEN',
      'notYourRegistration',
    )
  })

  it('releases the workshop seats of a cancelled registration to the next in each workshop’s line', async () => {
    const slot = await workshopSlot('Zwaluwstaarten zagen')
    const anna = await registerExternal('Anna', { workshopSlotIds: [slot] })
    await registerExternal('Bram', { workshopSlotIds: [slot] })
    await registerExternal('Cees', { workshopSlotIds: [slot] })
    expect(byName(await list(), 'Cees').workshops[0]!.status).toBe('waitlisted')
    await core.ok(centre.teacher.id, 'registrations.cancel', { id: anna.id, version: anna.version })
    const all = await list()
    expect(byName(all, 'Anna').workshops).toEqual([])
    expect(byName(all, 'Cees').workshops[0]).toMatchObject({ status: 'registered', waitlistPosition: null })
  })

  it('keeps the workshop choices of someone on the waitlist in line, and seats them on promotion', async () => {
    const small = await workshopSlot('Zwaluwstaarten zagen', 1)
    const roomy = await workshopSlot('Fineer leggen', null, 'workshop', '12:00')
    const anna = await registerExternal('Anna')
    await registerExternal('Bram')
    await registerExternal('Cees')
    const dirk = await registerExternal('Dirk', { workshopSlotIds: [small, roomy] })
    expect(dirk).toMatchObject({
      status: 'waitlisted',
      workshops: [
        { slotId: small, status: 'waitlisted', waitlistPosition: 1 },
        { slotId: roomy, status: 'waitlisted', waitlistPosition: 1 },
      ],
    })
    // The free seat is not Dirk's while he has no place at the symposium itself.
    const bram = byName(await list(), 'Bram')
    const seated = await core.ok(centre.teacher.id, 'registrations.workshop', { registrationId: bram.id, slotId: small, action: 'signUp' })
    expect(seated.workshops).toMatchObject([{ slotId: small, status: 'registered' }])
    expect(byName(await list(), 'Dirk').workshops[0]).toMatchObject({ slotId: small, status: 'waitlisted' })

    const { promoted } = await core.ok(centre.teacher.id, 'registrations.cancel', { id: anna.id, version: anna.version })
    expect(promoted).toMatchObject({
      name: 'Dirk',
      status: 'registered',
      workshops: [
        { slotId: small, status: 'waitlisted', waitlistPosition: 1 },
        { slotId: roomy, status: 'registered', waitlistPosition: null },
      ],
    })
  })
})

describe('check-in', () => {
  it('checks people in per day of the edition, and undoes it', async () => {
    const anna = await registerExternal('Anna')
    const day1 = await core.ok(centre.teacher.id, 'registrations.checkIn', { id: anna.id, day: '2026-05-14' })
    expect(day1.checkedInDays).toEqual(['2026-05-14'])
    // Twice is still once: two volunteers at the door may both tick the same name.
    await core.ok(centre.coordinator.id, 'registrations.checkIn', { id: anna.id, day: '2026-05-14' })
    const both = await core.ok(centre.teacher.id, 'registrations.checkIn', { id: anna.id, day: '2026-05-15' })
    expect(both.checkedInDays).toEqual(['2026-05-14', '2026-05-15'])
    const undone = await core.ok(centre.teacher.id, 'registrations.checkIn', { id: anna.id, day: '2026-05-14', present: false })
    expect(undone.checkedInDays).toEqual(['2026-05-15'])
    const edition = await core.ok(centre.student.id, 'symposia.get', { id: centre.edition.id })
    expect(edition.counts.checkedIn).toBe(1)
  })

  it('refuses a day outside the edition, someone without a place, and people who are not staff', async () => {
    const own = await core.ok(centre.student.id, 'registrations.register', { editionId: centre.edition.id })
    await expectRefused(centre.teacher.id, 'registrations.checkIn', { id: own.id, day: '2026-05-16' }, 'RULE', 'notEditionDay')
    await expectRefused(centre.teacher.id, 'registrations.checkIn', { id: own.id, day: '2026-05-13' }, 'RULE', 'notEditionDay')
    await expectRefused(centre.student.id, 'registrations.checkIn', { id: own.id, day: '2026-05-14' }, 'FORBIDDEN', 'symposiumStaffOnly')
    await expectRefused(centre.teacher.id, 'registrations.checkIn', { id: 999, day: '2026-05-14' }, 'NOT_FOUND', 'notFound')
    for (const name of ['Anna', 'Bram']) await registerExternal(name)
    const waiting = await registerExternal('Cees')
    await expectRefused(centre.teacher.id, 'registrations.checkIn', { id: waiting.id, day: '2026-05-14' }, 'RULE', 'notRegistered')
    const { cancelled } = await core.ok(centre.student.id, 'registrations.cancel', { id: own.id, version: own.version })
    await expectRefused(centre.teacher.id, 'registrations.checkIn', { id: cancelled.id, day: '2026-05-14' }, 'RULE', 'notRegistered')
  })

  it('checks people in per workshop: only those with a seat', async () => {
    const slot = await workshopSlot('Zwaluwstaarten zagen', 1)
    const anna = await registerExternal('Anna', { workshopSlotIds: [slot] })
    const bram = await registerExternal('Bram', { workshopSlotIds: [slot] })
    const cees = await registerExternal('Cees')
    const act = (registrationId: number, action: 'checkIn' | 'undoCheckIn') => ({ registrationId, slotId: slot, action })
    const checked = await core.ok(centre.teacher.id, 'registrations.workshop', act(anna.id, 'checkIn'))
    expect(checked.workshops[0]).toMatchObject({ status: 'registered', checkedIn: true })
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(bram.id, 'checkIn'), 'RULE', 'workshopWaitlisted')
    await expectRefused(centre.teacher.id, 'registrations.workshop', act(cees.id, 'checkIn'), 'RULE', 'notSignedUp')
    await expectRefused(centre.student.id, 'registrations.workshop', act(anna.id, 'undoCheckIn'), 'FORBIDDEN', 'symposiumStaffOnly')
    const undone = await core.ok(centre.teacher.id, 'registrations.workshop', act(anna.id, 'undoCheckIn'))
    expect(undone.workshops[0]!.checkedIn).toBe(false)
  })
})

describe('the list', () => {
  it('shows staff everyone, and anyone else only their own registration', async () => {
    await registerExternal('Anna')
    const own = await core.ok(centre.student.id, 'registrations.register', { editionId: centre.edition.id })
    expect((await list()).map((r) => r.name)).toEqual(['Anna', 'Daan Student'])
    expect(await core.ok(centre.student.id, 'registrations.list', { editionId: centre.edition.id })).toEqual([own])
    expect(await core.ok(centre.freelancer.id, 'registrations.list', { editionId: centre.edition.id })).toEqual([])
    await expectRefused(null, 'registrations.list', { editionId: centre.edition.id }, 'FORBIDDEN', 'profileRequired')
  })

  it('shows the same registration in the list as the call that changed it', async () => {
    const slot = await workshopSlot('Zwaluwstaarten zagen', 1)
    await registerExternal('Anna', { workshopSlotIds: [slot] })
    for (const name of ['Bram', 'Cees']) await registerExternal(name, { workshopSlotIds: [slot] })
    const dirk = await registerExternal('Dirk', { workshopSlotIds: [slot] })
    await core.ok(centre.teacher.id, 'registrations.checkIn', { id: byName(await list(), 'Bram').id, day: '2026-05-15' })
    const bram = await core.ok(centre.teacher.id, 'registrations.checkIn', { id: byName(await list(), 'Bram').id, day: '2026-05-14' })
    const all = await list()
    expect(byName(all, 'Dirk')).toEqual(dirk)
    expect(byName(all, 'Bram')).toEqual(bram)
  })
})

function editionFields(e: Edition) {
  return {
    startsOn: e.startsOn,
    days: e.days,
    dayStarts: e.dayStarts,
    dayEnds: e.dayEnds,
    cfpOpensOn: e.cfpOpensOn,
    cfpClosesOn: e.cfpClosesOn,
    registrationOpensOn: e.registrationOpensOn,
    registrationClosesOn: e.registrationClosesOn,
    capacity: e.capacity,
  }
}
