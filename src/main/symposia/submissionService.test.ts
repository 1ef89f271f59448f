import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/contract'
import { tableChecksum } from '../testing/testCore'
import { EDITION_INPUT, openSymposiumCentre, type SymposiumCentre } from '../testing/symposiumFixtures'
import { reviewStats } from './submissionService'

let centre: SymposiumCentre
beforeEach(async () => {
  centre = await openSymposiumCentre()
})
afterEach(() => centre.core.cleanup())

const talk = (editionId: number, speakerId: number): MethodInput<'submissions.create'> => ({
  editionId,
  title: 'Lasersnijden in eiken multiplex',
  abstract: 'Wat we leerden van veertig proefstukken.',
  type: 'talk',
  durationMinutes: 30,
  speakers: [{ personId: speakerId }],
})

describe('editions', () => {
  it('are set up by coordinators only, and a refused one writes nothing', async () => {
    const before = tableChecksum(centre.core.db)
    const refused = await centre.core.as(centre.teacher.id, 'symposia.create', { ...EDITION_INPUT, title: 'Nog een' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const badDates = await centre.core.as(centre.coordinator.id, 'symposia.create', { ...EDITION_INPUT, cfpClosesOn: '2026-01-01' })
    expect(badDates).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const badHours = await centre.core.as(centre.coordinator.id, 'symposia.create', { ...EDITION_INPUT, dayEnds: '08:00' })
    expect(badHours).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
    expect(centre.edition.dates).toEqual(['2026-04-16', '2026-04-17'])
  })

  it('save rooms as a whole list: rename, add, remove, but never a room the programme uses', async () => {
    const c = centre.coordinator.id
    const { edition } = centre
    const renamed = await centre.core.ok(c, 'symposia.update', {
      id: edition.id,
      version: edition.version,
      rooms: [
        { id: centre.rooms.hall, name: 'Grote zaal', capacity: 150 },
        { id: centre.rooms.lab, name: 'Laserlab', capacity: 30 },
        { name: 'Kantine', capacity: 60 },
      ],
    })
    expect(renamed.rooms.map((r) => [r.name, r.capacity])).toEqual([
      ['Grote zaal', 150],
      ['Laserlab', 30],
      ['Kantine', 60],
    ])
    // A partial update changes only what it names.
    const capacityOnly = await centre.core.ok(c, 'symposia.update', { id: edition.id, version: renamed.version, capacity: 80 })
    expect(capacityOnly).toMatchObject({ capacity: 80, theme: EDITION_INPUT.theme, venue: EDITION_INPUT.venue, title: EDITION_INPUT.title })
    // A partial update keeps the stored dates in order too.
    const outOfOrder = await centre.core.as(c, 'symposia.update', {
      id: edition.id,
      version: capacityOnly.version,
      cfpOpensOn: '2026-03-20',
    })
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'datesOutOfOrder' } } })

    const session = await centre.core.ok(c, 'programme.createSession', {
      editionId: edition.id,
      title: 'Opening',
      type: 'talk',
      durationMinutes: 30,
    })
    await centre.core.ok(c, 'programme.schedule', {
      sessionId: session.sessions[0]!.id,
      roomId: centre.rooms.lab,
      startsAt: '2026-04-16T07:00:00Z',
    })
    const before = tableChecksum(centre.core.db)
    const inUse = await centre.core.as(c, 'symposia.update', {
      id: edition.id,
      version: capacityOnly.version,
      rooms: [{ name: 'Alleen deze', capacity: 10 }],
    })
    expect(inUse).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'roomInUse', name: 'Laserlab' } } })
    const stale = await centre.core.as(c, 'symposia.update', { id: edition.id, version: edition.version, title: 'Oud' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } })
    const foreign = await centre.core.as(c, 'symposia.update', {
      id: edition.id,
      version: capacityOnly.version,
      rooms: [{ id: 9999, name: 'X', capacity: 1 }],
    })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })
})

describe('the call for contributions', () => {
  it('is open only between its dates', async () => {
    const c = centre.coordinator.id
    const before = tableChecksum(centre.core.db)
    centre.clock.now = new Date('2026-01-20T10:00:00Z')
    expect(await centre.core.as(c, 'submissions.create', talk(centre.edition.id, c))).toMatchObject({
      ok: false,
      error: { code: 'RULE', details: { reason: 'callNotOpen', date: '2026-02-01' } },
    })
    // 15 March is the last day, in the centre's time zone: 23:30 local is still in.
    centre.clock.now = new Date('2026-03-15T22:30:00Z')
    await centre.core.ok(c, 'submissions.create', talk(centre.edition.id, c))
    centre.clock.now = new Date('2026-03-15T23:30:00Z')
    const closed = await centre.core.as(c, 'submissions.create', talk(centre.edition.id, c))
    expect(closed).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'callClosed' } } })
    expect(before).not.toBe(tableChecksum(centre.core.db))
  })

  it('takes a freelancer’s talk with a new external co-speaker, who becomes a guest of the centre', async () => {
    const f = centre.freelancer.id
    const made = await centre.core.ok(f, 'submissions.create', {
      ...talk(centre.edition.id, f),
      speakers: [{ personId: f }, { name: 'Ilse de Glazenier', email: 'ILSE@example.org', organisation: 'Glasatelier' }],
    })
    expect(made.speakers.map((s) => s.name)).toEqual(['Gerrit Zzp', 'Ilse de Glazenier'])
    const guest = await centre.core.ok(centre.coordinator.id, 'people.get', { id: made.speakers[1]!.id })
    expect(guest).toMatchObject({ role: 'guest', email: 'ilse@example.org', organisation: 'Glasatelier' })
    // Naming her again finds her by e-mail address instead of adding her twice.
    const again = await centre.core.ok(f, 'submissions.create', {
      ...talk(centre.edition.id, f),
      speakers: [{ personId: f }, { name: 'Ilse', email: 'ilse@example.org', organisation: null }],
    })
    expect(again.speakers[1]!.id).toBe(guest.id)
  })

  it('lets only coordinators and teachers submit on behalf of others', async () => {
    const before = tableChecksum(centre.core.db)
    const refused = await centre.core.as(centre.student.id, 'submissions.create', talk(centre.edition.id, centre.freelancer.id))
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'submitterNotSpeaker' } } })
    expect(tableChecksum(centre.core.db)).toBe(before)
    await centre.core.ok(centre.teacher.id, 'submissions.create', talk(centre.edition.id, centre.freelancer.id))
  })

  it('shows a submission under review to its speakers and the reviewers only', async () => {
    const mine = await centre.core.ok(centre.freelancer.id, 'submissions.create', talk(centre.edition.id, centre.freelancer.id))
    expect(await centre.core.ok(centre.student.id, 'submissions.list', { editionId: centre.edition.id })).toEqual([])
    expect(await centre.core.as(centre.student.id, 'submissions.get', { id: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await centre.core.ok(centre.teacher.id, 'submissions.list', { editionId: centre.edition.id })).toHaveLength(1)
  })
})

describe('review and decision', () => {
  async function reviewed() {
    const sub = await centre.core.ok(centre.freelancer.id, 'submissions.create', {
      ...talk(centre.edition.id, centre.freelancer.id),
      language: 'en',
    })
    const [c1, c2, c3] = centre.edition.criteria.map((c) => c.id) as [number, number, number]
    await centre.core.ok(centre.teacher.id, 'submissions.review', {
      submissionId: sub.id,
      scores: [
        { criterionId: c1, score: 5 },
        { criterionId: c2, score: 4 },
        { criterionId: c3, score: 3 },
      ],
      comment: 'Sterk verhaal',
    })
    return centre.core.ok(centre.coordinator.id, 'submissions.review', {
      submissionId: sub.id,
      scores: [
        { criterionId: c1, score: 2 },
        { criterionId: c2, score: 2 },
        { criterionId: c3, score: 2 },
      ],
      comment: '',
    })
  }

  it('scores every criterion once, gives mean and spread, and hides reviews from the speaker', async () => {
    const sub = await reviewed()
    expect(sub.stats).toEqual({ count: 2, mean: 3, spread: 1 })
    expect(sub.reviews.map((r) => [r.reviewer.name, r.mean]).sort()).toEqual([
      ['Anouk Docent', 4],
      ['Marieke Coördinator', 2],
    ])
    const asSpeaker = await centre.core.ok(centre.freelancer.id, 'submissions.get', { id: sub.id })
    expect(asSpeaker.reviews).toEqual([])
    expect(asSpeaker.stats).toEqual({ count: 2, mean: null, spread: null })

    const before = tableChecksum(centre.core.db)
    const partial = await centre.core.as(centre.teacher.id, 'submissions.review', {
      submissionId: sub.id,
      scores: [{ criterionId: centre.edition.criteria[0]!.id, score: 1 }],
      comment: '',
    })
    expect(partial).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'criteriaMismatch' } } })
    const outOfRange = await centre.core.as(centre.teacher.id, 'submissions.review', {
      submissionId: sub.id,
      scores: centre.edition.criteria.map((c) => ({ criterionId: c.id, score: 6 })),
      comment: '',
    })
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const byStudent = await centre.core.as(centre.student.id, 'submissions.review', {
      submissionId: sub.id,
      scores: centre.edition.criteria.map((c) => ({ criterionId: c.id, score: 3 })),
      comment: '',
    })
    expect(byStudent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Once reviews exist the criteria stay put.
    const edition = await centre.core.ok(centre.coordinator.id, 'symposia.get', { id: centre.edition.id })
    const dropCriterion = await centre.core.as(centre.coordinator.id, 'symposia.update', {
      id: edition.id,
      version: edition.version,
      criteria: edition.criteria.slice(1),
    })
    expect(dropCriterion).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'criteriaReviewed' } } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  })

  it('never lets someone review their own submission', async () => {
    const own = await centre.core.ok(centre.teacher.id, 'submissions.create', talk(centre.edition.id, centre.teacher.id))
    const refused = await centre.core.as(centre.teacher.id, 'submissions.review', {
      submissionId: own.id,
      scores: centre.edition.criteria.map((c) => ({ criterionId: c.id, score: 5 })),
      comment: '',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'ownSubmission' } } })
  })

  it('accepting makes a session and queues a letter per speaker in their language; only coordinators decide', async () => {
    const sub = await reviewed()
    const before = tableChecksum(centre.core.db)
    const byTeacher = await centre.core.as(centre.teacher.id, 'submissions.decide', {
      id: sub.id,
      version: sub.version,
      decision: 'accepted',
    })
    expect(byTeacher).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(tableChecksum(centre.core.db)).toBe(before)

    const accepted = await centre.core.ok(centre.coordinator.id, 'submissions.decide', {
      id: sub.id,
      version: sub.version,
      decision: 'accepted',
      note: 'Graag met proefstukken.',
    })
    expect(accepted.status).toBe('accepted')
    const programme = await centre.core.ok(centre.coordinator.id, 'programme.get', { editionId: centre.edition.id })
    expect(programme.sessions).toEqual([
      expect.objectContaining({ id: accepted.sessionId, title: sub.title, submissionId: sub.id, durationMinutes: 30 }),
    ])
    expect(programme.sessions[0]!.speakers.map((s) => s.name)).toEqual(['Gerrit Zzp'])
    const outbox = await centre.core.ok(centre.coordinator.id, 'outbox.list', { editionId: centre.edition.id })
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ kind: 'acceptance', language: 'en', toName: 'Gerrit Zzp' })
    expect(outbox[0]!.body).toContain(`"${sub.title}" has been accepted for ${EDITION_INPUT.title}`)
    expect(outbox[0]!.body).toContain('Graag met proefstukken.')

    // Editing is over once decided.
    const edit = await centre.core.as(centre.freelancer.id, 'submissions.update', {
      ...talk(centre.edition.id, centre.freelancer.id),
      editionId: undefined,
      id: sub.id,
      version: accepted.version,
    } as unknown as MethodInput<'submissions.update'>)
    expect(edit).toMatchObject({ ok: false })

    // Taking the acceptance back removes the session, unless it is in the programme.
    await centre.core.ok(centre.coordinator.id, 'programme.schedule', {
      sessionId: accepted.sessionId!,
      roomId: centre.rooms.hall,
      startsAt: '2026-04-16T08:00:00Z',
    })
    const scheduled = await centre.core.as(centre.coordinator.id, 'submissions.decide', {
      id: sub.id,
      version: accepted.version,
      decision: 'rejected',
    })
    expect(scheduled).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'sessionScheduled' } } })
  })

  it('rejecting a submission after all takes its unscheduled session away', async () => {
    const sub = await reviewed()
    const accepted = await centre.core.ok(centre.coordinator.id, 'submissions.decide', {
      id: sub.id,
      version: sub.version,
      decision: 'accepted',
    })
    // The session is in the one search, by its title and its speaker, and leaves it with the session.
    const found = await centre.core.ok(centre.student.id, 'search.query', { q: 'proefstuk type:sessie' })
    expect(found).toEqual([expect.objectContaining({ kind: 'session', refId: accepted.sessionId, title: sub.title })])
    expect(await centre.core.ok(centre.student.id, 'search.query', { q: 'gerrit type:sessie' })).toHaveLength(1)
    const session = await centre.core.ok(centre.student.id, 'programme.session', { id: accepted.sessionId! })
    expect(session).toMatchObject({ editionId: centre.edition.id, title: sub.title })
    const rejected = await centre.core.ok(centre.coordinator.id, 'submissions.decide', {
      id: sub.id,
      version: accepted.version,
      decision: 'rejected',
    })
    expect(rejected).toMatchObject({ status: 'rejected', sessionId: null })
    expect((await centre.core.ok(centre.coordinator.id, 'programme.get', { editionId: centre.edition.id })).sessions).toEqual([])
    expect(await centre.core.ok(centre.student.id, 'search.query', { q: 'proefstuk type:sessie' })).toEqual([])
    const kinds = (await centre.core.ok(centre.coordinator.id, 'outbox.list', { editionId: centre.edition.id })).map((m) => m.kind)
    expect(kinds).toEqual(['rejection', 'acceptance'])
  })
})

describe('withdrawing and letters', () => {
  it('lets a speaker withdraw a submission under review, never a decided one, and nobody else', async () => {
    const sub = await centre.core.ok(centre.freelancer.id, 'submissions.create', talk(centre.edition.id, centre.freelancer.id))
    const before = tableChecksum(centre.core.db)
    const stranger = await centre.core.as(centre.student.id, 'submissions.withdraw', { id: sub.id, version: sub.version })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(tableChecksum(centre.core.db)).toBe(before)
    const withdrawn = await centre.core.ok(centre.freelancer.id, 'submissions.withdraw', { id: sub.id, version: sub.version })
    expect(withdrawn.status).toBe('withdrawn')
    expect((await centre.core.ok(centre.coordinator.id, 'symposia.get', { id: centre.edition.id })).counts.submissions).toBe(0)

    const other = await centre.core.ok(centre.freelancer.id, 'submissions.create', talk(centre.edition.id, centre.freelancer.id))
    const accepted = await centre.core.ok(centre.coordinator.id, 'submissions.decide', {
      id: other.id,
      version: other.version,
      decision: 'accepted',
    })
    const late = await centre.core.as(centre.freelancer.id, 'submissions.withdraw', { id: other.id, version: accepted.version })
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE', details: { reason: 'notWithdrawable' } } })
  })

  it('writes letters from an edited template, and back from the standard one after a reset', async () => {
    const c = centre.coordinator.id
    const editionId = centre.edition.id
    const saved = await centre.core.ok(c, 'outbox.saveTemplate', {
      editionId,
      kind: 'acceptance',
      language: 'nl',
      subject: 'Welkom, {name}',
      body: 'Je bijdrage {title} is erbij.',
    })
    expect(saved.find((t) => t.kind === 'acceptance' && t.language === 'nl')).toMatchObject({ custom: true, subject: 'Welkom, {name}' })
    const first = await centre.core.ok(centre.freelancer.id, 'submissions.create', talk(editionId, centre.freelancer.id))
    await centre.core.ok(c, 'submissions.decide', { id: first.id, version: first.version, decision: 'accepted' })
    const reset = await centre.core.ok(c, 'outbox.resetTemplate', { editionId, kind: 'acceptance', language: 'nl' })
    expect(reset.find((t) => t.kind === 'acceptance' && t.language === 'nl')).toMatchObject({ custom: false })
    const second = await centre.core.ok(centre.freelancer.id, 'submissions.create', {
      ...talk(editionId, centre.freelancer.id),
      title: 'Tweede',
    })
    await centre.core.ok(c, 'submissions.decide', { id: second.id, version: second.version, decision: 'accepted' })
    const subjects = (await centre.core.ok(c, 'outbox.list', { editionId })).map((m) => m.subject)
    expect(subjects).toEqual([`Je bijdrage aan ${EDITION_INPUT.title} is geaccepteerd`, 'Welkom, Gerrit Zzp'])
    const eml = await centre.core.ok(c, 'outbox.eml', { id: (await centre.core.ok(c, 'outbox.list', { editionId }))[1]!.id })
    expect(eml.content).toContain('X-Unsent: 1')
    expect(eml.content).toMatch(/^Subject: Welkom, Gerrit Zzp$/m)
    const body = eml.content.split('\r\n\r\n')[1]!.replace(/\r\n/g, '')
    expect(Buffer.from(body, 'base64').toString('utf8')).toBe('Je bijdrage Lasersnijden in eiken multiplex is erbij.')
  })
})

describe('reviewStats', () => {
  it('is the mean of the reviewers and their standard deviation', () => {
    expect(reviewStats([])).toEqual({ count: 0, mean: null, spread: null })
    expect(reviewStats([4])).toEqual({ count: 1, mean: 4, spread: 0 })
    expect(reviewStats([1, 5])).toEqual({ count: 2, mean: 3, spread: 2 })
  })
})
