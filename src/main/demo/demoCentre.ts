// The demo centre: believable people, machines, permits, a term of bookings around today and the
// knowledge built up over the months before (experiments, notes, a few photos), so every screen has
// content on a first look. Loaded only into an empty data folder, through the same services (and
// rules) as the UI: a demo booking that breaks a rule is simply not made.
import { deflateSync } from 'node:zlib'
import centre from '../../../resources/demo/centre.json'
import knowledge from '../../../resources/demo/knowledge.json'
import { attachmentUploadInput } from '../../shared/attachments'
import { bookingCreateInput } from '../../shared/bookings'
import { equipmentCreateInput, type Equipment, type EquipmentKind } from '../../shared/equipment'
import { experimentCreateInput, experimentSaveInput, experimentStatusInput, type Experiment, type Outcome } from '../../shared/experiments'
import { noteCreateInput, noteReviewInput, noteSaveInput, type Note, type NoteCategory } from '../../shared/notes'
import { permitGrantInput } from '../../shared/permits'
import { personCreateInput, type Person } from '../../shared/people'
import type { BookingService } from '../bookings/bookingService'
import { toInstant, toLocal } from '../../shared/calendarTime'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import type { EquipmentService } from '../equipment/equipmentService'
import { AppError } from '../errors'
import type { PeopleService } from '../people/peopleService'
import type { PermitService } from '../permits/permitService'
import type { AttachmentStore } from '../attachments/attachmentStore'
import { createExperimentService } from '../knowledge/experimentService'
import { createLinks } from '../knowledge/links'
import { createNoteService } from '../knowledge/noteService'
import { createRevisions } from '../knowledge/revisions'
import { createSearchIndex } from '../search/searchIndex'
import { addDemoPortfolios } from './demoPortfolio'
import { addDemoSymposia } from './demoSymposia'

export interface DemoServices {
  db: Db
  clock: Clock
  timeZone: () => string
  people: PeopleService
  equipment: EquipmentService
  permits: PermitService
  bookings: BookingService
  /** Where the demo's photos go. Without it the experiments simply have no photos. */
  attachments?: Pick<AttachmentStore, 'upload' | 'exists'>
}

const DAY = 86_400_000

export function loadDemoCentre(services: DemoServices): { people: number; equipment: number; bookings: number } {
  const { db, people } = services
  return writeTransaction(db, () => {
    if (people.count() > 0) {
      throw new AppError('CONFLICT', 'The demo centre only loads into an empty data folder', { reason: 'notEmpty' })
    }
    const everyone: Person[] = []
    let coordinator: Actor | null = null
    for (const raw of centre.people) {
      const created: Person = people.create(personCreateInput.parse(raw), coordinator)
      everyone.push(created)
      // The first coordinator creates everyone after them, as a real first start would.
      coordinator ??= asActor(created)
    }
    const machines = centre.equipment.map((raw) => services.equipment.create(equipmentCreateInput.parse(raw), coordinator))
    grantPermits(services, coordinator!, everyone)
    const bookings = bookTerm(services, coordinator!, everyone, machines)
    completeThePast(services)
    addKnowledge(services, everyone, machines)
    addDemoSymposia(services, everyone, seededRandom(11))
    addDemoPortfolios(services, everyone)
    return { people: everyone.length, equipment: machines.length, bookings }
  })()
}

const asActor = (p: Person): Actor => ({ id: p.id, name: p.name, role: p.role })
const byRole = (everyone: Person[], role: Person['role']) => everyone.filter((p) => p.role === role)

function grantPermits(s: DemoServices, coordinator: Actor, everyone: Person[]) {
  const today = toLocal(s.clock().getTime(), s.timeZone()).date
  const shift = (days: number) => new Date(Date.parse(today) + days * DAY).toISOString().slice(0, 10)
  const grant = (
    person: Person,
    equipmentKind: EquipmentKind,
    level: 'supervised' | 'independent' | 'instructor',
    validUntil: string | null = null,
  ) => s.permits.grant(permitGrantInput.parse({ personId: person.id, equipmentKind, level, validUntil }), coordinator)

  for (const teacher of byRole(everyone, 'teacher')) {
    for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'robot_arm'] as const)
      grant(teacher, kind, 'instructor')
  }
  byRole(everyone, 'freelancer').forEach((freelancer, i) => {
    // A few permits ran out last month: the app should name the date when they try to book.
    const validUntil = i % 4 === 3 ? shift(-30) : shift(365)
    for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'robot_arm'] as const)
      grant(freelancer, kind, 'independent', validUntil)
  })
  for (const student of byRole(everyone, 'student')) {
    grant(student, 'laser_cutter', 'supervised', shift(240))
    grant(student, 'cnc_router', 'supervised', shift(240))
  }
}

/** Six weeks of a busy centre around today: a weekly class, trainings, maintenance and freelancers' sessions. */
function bookTerm(s: DemoServices, coordinator: Actor, everyone: Person[], machines: Equipment[]): number {
  const zone = s.timeZone()
  const random = seededRandom(2026)
  const today = toLocal(s.clock().getTime(), zone)
  const monday = Date.parse(today.date) - (today.weekday - 1) * DAY
  const dateOf = (week: number, weekday: number) => new Date(monday + (week * 7 + weekday - 1) * DAY).toISOString().slice(0, 10)
  const machine = (kind: EquipmentKind) => machines.find((m) => m.kind === kind)!
  const teachers = byRole(everyone, 'teacher')
  const students = byRole(everyone, 'student')
  const freelancers = byRole(everyone, 'freelancer')
  let made = 0

  const tryBook = (actor: Actor, input: Record<string, unknown>, date: string, from: string, to: string) => {
    try {
      s.bookings.create(
        bookingCreateInput.parse({
          ...input,
          startsAt: new Date(toInstant(date, from, zone)).toISOString(),
          endsAt: new Date(toInstant(date, to, zone)).toISOString(),
        }),
        actor,
      )
      made++
    } catch (error) {
      if (!(error instanceof AppError)) throw error // a rule said no: the demo just skips that slot
    }
  }

  // Placed first, as a coordinator would: next Wednesday morning the laser gets its lens and mirrors cleaned.
  tryBook(
    coordinator,
    { equipmentId: machine('laser_cutter').id, kind: 'maintenance', purpose: 'Lens en spiegels reinigen, uitlijnen' },
    dateOf(1, 3),
    '08:30',
    '12:30',
  )

  for (let week = -3; week <= 3; week++) {
    // Anouk's furniture class on the CNC router, every Tuesday morning.
    tryBook(
      coordinator,
      {
        equipmentId: machine('cnc_router').id,
        personId: teachers[0]!.id,
        purpose: 'Les meubelmaken 2A: nesten en frezen',
        participantIds: students.slice(0, 5).map((p) => p.id),
      },
      dateOf(week, 2),
      '09:00',
      '12:00',
    )
    // A laser training on Monday afternoon for three students.
    tryBook(
      coordinator,
      {
        equipmentId: machine('laser_cutter').id,
        kind: 'training',
        personId: teachers[0]!.id,
        purpose: 'Introductie lasersnijden',
        participantIds: students.slice(week + 3, week + 6).map((p) => p.id),
      },
      dateOf(week, 1),
      '13:00',
      '15:00',
    )

    for (let weekday = 1; weekday <= 5; weekday++) {
      const date = dateOf(week, weekday)
      for (const kind of ['laser_cutter', 'cnc_router', 'vacuum_press', 'edge_bander', 'printer_3d', 'robot_arm'] as const) {
        const m = machine(kind)
        for (const start of ['08:30', '10:30', '13:30', '15:30']) {
          if (random() < 0.45) continue
          const length =
            m.rules.slotMinutes === 30 ? [60, 90, 120][Math.floor(random() * 3)]! : [45, 60, 90, 120][Math.floor(random() * 4)]!
          const end = addMinutes(start, length)
          const who =
            random() < 0.6 ? freelancers[Math.floor(random() * freelancers.length)]! : students[Math.floor(random() * students.length)]!
          const supervisor = who.role === 'student' ? teachers[Math.floor(random() * teachers.length)]!.id : null
          const future = Date.parse(date) > Date.parse(today.date)
          // Future robot-arm requests by freelancers themselves wait for the coordinator's approval.
          const actor = future && kind === 'robot_arm' && who.role === 'freelancer' && random() < 0.3 ? asActor(who) : coordinator
          tryBook(
            actor,
            {
              equipmentId: m.id,
              personId: who.id,
              supervisorId: supervisor,
              purpose: PURPOSES[kind][Math.floor(random() * PURPOSES[kind].length)],
            },
            date,
            start,
            end,
          )
        }
      }
      // Thursday evening: freelancers' time on the laser.
      if (weekday === 4)
        tryBook(
          coordinator,
          { equipmentId: machine('laser_cutter').id, personId: freelancers[week + 3]!.id, purpose: 'Avondsessie: inlegwerk' },
          date,
          '18:30',
          '21:00',
        )
    }
  }
  return made
}

/**
 * What happened at the machines before today: most people came, checked in a few minutes late and
 * left a little early; some did not show up. Written directly, because check-in through the service
 * is only possible at the time itself; this is history, not a user action.
 */
function completeThePast(s: DemoServices) {
  const random = seededRandom(7)
  const now = s.clock().getTime()
  const past = s.db
    .prepare<[number], { id: number; starts_at: number; ends_at: number }>(
      "SELECT id, starts_at, ends_at FROM bookings WHERE status = 'confirmed' AND kind <> 'maintenance' AND ends_at < ? ORDER BY id",
    )
    .all(now)
  const noShow = s.db.prepare("UPDATE bookings SET status = 'no_show', version = version + 1 WHERE id = ?")
  const completed = s.db.prepare(
    "UPDATE bookings SET status = 'completed', checked_in_at = @in, checked_out_at = @out, actual_minutes = @minutes, version = version + 2 WHERE id = @id",
  )
  for (const booking of past) {
    if (random() < 0.06) {
      noShow.run(booking.id)
      continue
    }
    const checkedIn = booking.starts_at + Math.floor(random() * 10) * 60_000
    const checkedOut = booking.ends_at - Math.floor(random() * 15) * 60_000
    completed.run({ id: booking.id, in: checkedIn, out: checkedOut, minutes: Math.round((checkedOut - checkedIn) / 60_000) })
  }
}

// ---------------------------------------------------------------------------------------------
// Knowledge: experiments, notes and photos (resources/demo/knowledge.json)
// ---------------------------------------------------------------------------------------------

type Text = string | string[]
type Rgb = [number, number, number]

interface ExperimentSpec {
  key: string
  /** Another experiment of the same series: everything not given here is taken from it. */
  like?: string
  title: string
  author?: string
  with?: string[]
  machines?: EquipmentKind[]
  daysAgo: number
  status?: Experiment['status']
  outcome?: Outcome | null
  question?: Text
  hypothesis?: Text
  method?: Text
  observations?: Text
  results?: Text
  conclusion?: Text
  /** Name, value, unit. */
  params?: [string, string, string][]
  /** Name, supplier, batch, size. */
  materials?: [string, string, string, string][]
  tags?: string[]
  /** Keys of other experiments. */
  links?: string[]
  /** Titles of notes. */
  notes?: string[]
  /** Keys of photos. */
  photos?: string[]
}

interface NoteSpec {
  title: string
  category: NoteCategory
  author: string
  reviewer: string | null
  daysAgo: number
  tags: string[]
  body: Text
  /** A later edit by someone else: it lapses the review, which may be given again. */
  addendum?: { author: string; daysAgo: number; reviewer: string | null; text: Text }
}

interface PhotoSpec {
  key: string
  name: string
  caption: string
  pattern: 'gradient' | 'stripes' | 'rings' | 'split'
  from: Rgb
  to: Rgb
}

interface KnowledgeFile {
  photos: PhotoSpec[]
  experiments: ExperimentSpec[]
  notes: NoteSpec[]
}

/** What a series member does not take over from the experiment it is like. */
const OWN_FIELDS = ['key', 'like', 'links', 'photos'] as const

/**
 * The months before today: experiments run, written up and completed, notes written and reviewed.
 * The experiment and note services are the real ones, made here on a clock that walks through those
 * months, so every record, revision and review carries the day it happened.
 */
function addKnowledge(s: DemoServices, everyone: Person[], machines: Equipment[]) {
  const data = knowledge as unknown as KnowledgeFile
  const zone = s.timeZone()
  const today = toLocal(s.clock().getTime(), zone).date
  let now = s.clock().getTime()
  const demoClock: Clock = () => new Date(now)
  /** Moves the demo clock to a time of day, `daysAgo` days before today (never past the real now). */
  const setTime = (daysAgo: number, time: string) => {
    const date = new Date(Date.parse(today) - daysAgo * DAY).toISOString().slice(0, 10)
    now = Math.min(toInstant(date, time, zone), s.clock().getTime() - 60_000)
  }

  const revisions = createRevisions(s.db)
  const links = createLinks(s.db)
  const index = createSearchIndex(s.db).upsert
  const experiments = createExperimentService(s.db, demoClock, revisions, links, s.attachments ?? { exists: () => false }, index)
  const notes = createNoteService(s.db, demoClock, revisions, links, index)

  const person = new Map(everyone.map((p) => [p.name, p]))
  const actor = (name: string) => {
    const p = person.get(name)
    if (!p) throw new Error(`Demo knowledge names an unknown person: ${name}`)
    return asActor(p)
  }
  const machineOf = (kind: string) => {
    const m = machines.find((x) => x.kind === kind)
    if (!m) throw new Error(`Demo knowledge names an unknown machine kind: ${kind}`)
    return m
  }
  const experimentIds = new Map<string, number>()
  const noteIds = new Map<string, number>()
  const text = (value: Text | undefined) => (Array.isArray(value) ? value.join('\n') : (value ?? ''))
  /** `[[experiment:e07]]` and `[[machine:laser_cutter]]` become the ids of this load; null while a key has no id yet. */
  const resolve = (value: Text | undefined): string | null => {
    let missing = false
    const out = text(value)
      .replace(/\[\[experiment:(e\d+)/g, (_, key: string) => {
        const id = experimentIds.get(key)
        if (id === undefined) missing = true
        return `[[experiment:${id ?? 0}`
      })
      .replace(/\[\[machine:([a-z_0-9]+)/g, (_, kind: string) => `[[machine:${machineOf(kind).id}`)
    return missing ? null : out
  }
  const mustResolve = (value: Text | undefined) => {
    const out = resolve(value)
    if (out === null) throw new Error(`Demo knowledge links an unknown experiment: ${text(value).slice(0, 60)}`)
    return out
  }

  // A series member takes over its model's content, except what it says itself.
  const byKey = new Map<string, ExperimentSpec>()
  const specs = data.experiments.map((spec) => {
    const base = spec.like ? byKey.get(spec.like) : undefined
    if (spec.like && !base) throw new Error(`Demo experiment ${spec.key} is like an unknown ${spec.like}`)
    const inherited: Partial<ExperimentSpec> = { ...base }
    for (const field of OWN_FIELDS) delete inherited[field]
    const full: ExperimentSpec = { ...inherited, ...spec }
    byKey.set(spec.key, full)
    return full
  })

  // 1. Each experiment starts as a draft on its first day: the question, the plan, the settings.
  const created = new Map<string, Experiment>()
  const waitingMethod = new Set<string>()
  specs.forEach((spec, i) => {
    setTime(spec.daysAgo, addMinutes('09:00', (i % 6) * 20))
    const author = actor(spec.author!)
    const method = resolve(spec.method)
    if (method === null) waitingMethod.add(spec.key)
    const experiment = experiments.create(experimentCreateInput.parse({ content: { ...plan(spec), method: method ?? '' } }), author)
    experimentIds.set(spec.key, experiment.id)
    created.set(spec.key, experiment)
  })

  function plan(spec: ExperimentSpec) {
    return {
      title: spec.title,
      question: text(spec.question),
      hypothesis: text(spec.hypothesis),
      parameters: (spec.params ?? []).map(([name, value, unit]) => ({ name, value, unit })),
      materials: (spec.materials ?? []).map(([name, supplier, batch, size]) => ({ name, supplier, batch, size })),
      equipmentIds: (spec.machines ?? []).map((kind) => machineOf(kind).id),
      participants: (spec.with ?? []).map((name) => {
        const p = actor(name)
        return { personId: p.id, role: p.role === 'coordinator' ? 'teacher' : p.role }
      }),
      tags: spec.tags ?? [],
    }
  }

  // 2. The notes, written over the same months; most reviewed a few days later by someone else.
  const written: { spec: NoteSpec; note: Note }[] = []
  data.notes.forEach((spec, i) => {
    setTime(spec.daysAgo, addMinutes('11:00', (i % 8) * 13))
    const note = notes.create(
      noteCreateInput.parse({ content: { title: spec.title, body: mustResolve(spec.body), category: spec.category, tags: spec.tags } }),
      actor(spec.author),
    )
    noteIds.set(spec.title, note.id)
    written.push({ spec, note })
  })
  for (const entry of written) {
    if (!entry.spec.reviewer) continue
    setTime(Math.max(entry.spec.daysAgo - 2, 1), '14:30')
    entry.note = notes.review(
      noteReviewInput.parse({ id: entry.note.id, version: entry.note.version, reviewed: true }),
      actor(entry.spec.reviewer),
    )
  }

  // 3. The work itself: started, written up with links and photos, completed with an outcome.
  const photos = new Map(data.photos.map((p) => [p.key, p]))
  specs.forEach((spec, i) => {
    let experiment = created.get(spec.key)!
    const author = actor(spec.author!)
    const status = spec.status ?? 'completed'
    const hasMore = (spec.links?.length ?? 0) > 0 || (spec.notes?.length ?? 0) > 0 || (spec.photos?.length ?? 0) > 0
    if (status === 'draft' && !hasMore && !waitingMethod.has(spec.key)) return
    if (status !== 'draft') {
      setTime(spec.daysAgo, addMinutes('09:15', (i % 6) * 20))
      experiment = experiments.setStatus(
        experimentStatusInput.parse({ id: experiment.id, version: experiment.version, status: 'running' }),
        author,
      )
    }
    setTime(spec.daysAgo, addMinutes('15:00', (i % 6) * 10))
    // Photos only where this save is the experiment's last write: the experiment service does not yet
    // clear an experiment's attachment rows before writing them again, so a later write would fail.
    if (status === 'completed' && spec.photos?.length) throw new Error(`Demo experiment ${spec.key}: photos only on running or draft ones`)
    const attachments = s.attachments
      ? (spec.photos ?? []).map((key) => {
          const photo = photos.get(key)
          if (!photo) throw new Error(`Demo experiment ${spec.key} shows an unknown photo ${key}`)
          const stored = s.attachments!.upload(
            attachmentUploadInput.parse({ name: photo.name, mediaType: 'image/png', dataBase64: demoPhoto(photo).toString('base64') }),
            author,
          )
          return { sha256: stored.sha256, name: photo.name, caption: photo.caption }
        })
      : []
    experiment = experiments.save(
      experimentSaveInput.parse({
        id: experiment.id,
        version: experiment.version,
        content: {
          ...plan(spec),
          method: mustResolve(spec.method),
          observations: mustResolve(spec.observations),
          results: status === 'completed' ? mustResolve(spec.results) : '',
          conclusion: status === 'completed' ? mustResolve(spec.conclusion) : '',
          outcome: status === 'completed' ? (spec.outcome ?? null) : null,
          bookingIds: status === 'draft' ? [] : sessionsOf(s, spec, experiment, author.id),
          linkedExperimentIds: (spec.links ?? []).map((key) => experimentIds.get(key)!),
          linkedNoteIds: (spec.notes ?? []).map((title) => {
            const id = noteIds.get(title)
            if (id === undefined) throw new Error(`Demo experiment ${spec.key} links an unknown note: ${title}`)
            return id
          }),
          attachments,
        },
      }),
      author,
    )
    if (status === 'completed') {
      setTime(spec.daysAgo, addMinutes('15:05', (i % 6) * 10))
      experiments.setStatus(experimentStatusInput.parse({ id: experiment.id, version: experiment.version, status: 'completed' }), author)
    }
  })

  // 4. Later additions to a few notes: the edit lapses the review, a new reviewer may vouch again.
  for (const { spec, note } of written) {
    if (!spec.addendum) continue
    const current = notes.get(note.id)
    setTime(spec.addendum.daysAgo, '16:00')
    const saved = notes.save(
      noteSaveInput.parse({
        id: current.id,
        version: current.version,
        content: { ...current.content, body: `${current.content.body}\n${mustResolve(spec.addendum.text)}` },
      }),
      actor(spec.addendum.author),
    )
    if (spec.addendum.reviewer) {
      setTime(spec.addendum.daysAgo, '17:00')
      notes.review(noteReviewInput.parse({ id: saved.id, version: saved.version, reviewed: true }), actor(spec.addendum.reviewer))
    }
  }
}

/** The completed sessions on the experiment's machine by its people, for experiments within the booked weeks. */
function sessionsOf(s: DemoServices, spec: ExperimentSpec, experiment: Experiment, authorId: number): number[] {
  if (spec.daysAgo > 21 || !experiment.content.equipmentIds.length) return []
  const people = [authorId, ...experiment.content.participants.map((p) => p.personId)]
  const found = s.db
    .prepare<{ machine: number; people: string }, { id: number }>(
      `SELECT id FROM bookings WHERE equipment_id = @machine AND status = 'completed'
         AND (person_id IN (SELECT value FROM json_each(@people)) OR supervisor_id IN (SELECT value FROM json_each(@people)))
       ORDER BY starts_at DESC LIMIT 1`,
    )
    .get({ machine: experiment.content.equipmentIds[0]!, people: JSON.stringify(people) })
  return found ? [found.id] : []
}

// ---------------------------------------------------------------------------------------------
// Photos: small PNG swatches of wood, made here so the demo needs no image files.
// ---------------------------------------------------------------------------------------------

const PHOTO_WIDTH = 96
const PHOTO_HEIGHT = 64

/** A wood-like swatch as PNG bytes: deterministic, so the same demo gives the same hashes. */
export function demoPhoto(photo: Pick<PhotoSpec, 'pattern' | 'from' | 'to'>): Buffer {
  const random = seededRandom(photo.from[0] * 65_536 + photo.to[1] * 256 + photo.to[2])
  const rgb = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 3)
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      const t = shade(photo.pattern, x, y)
      const grain = (random() - 0.5) * 12
      for (let c = 0; c < 3; c++) {
        const value = photo.from[c]! + (photo.to[c]! - photo.from[c]!) * t + grain
        rgb[(y * PHOTO_WIDTH + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(value)))
      }
    }
  }
  return encodePng(PHOTO_WIDTH, PHOTO_HEIGHT, rgb)
}

/** Where between the two colours a pixel lies, 0…1. */
function shade(pattern: PhotoSpec['pattern'], x: number, y: number): number {
  switch (pattern) {
    case 'gradient':
      return x / (PHOTO_WIDTH - 1)
    case 'stripes':
      // Long grain with a slow wave, like the edge of a board.
      return 0.5 + 0.5 * Math.sin((y + 3 * Math.sin(x / 11)) / 2.5)
    case 'rings': {
      const d = Math.hypot(x - PHOTO_WIDTH / 2, (y - PHOTO_HEIGHT / 2) * 1.4)
      return 0.5 + 0.5 * Math.sin(d / 2.2)
    }
    case 'split':
      return x < PHOTO_WIDTH / 2 ? 0.15 * (x / PHOTO_WIDTH) : 1
  }
}

/** A minimal PNG: 8-bit RGB, one IDAT, filter 0 on every scanline. */
export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const stride = width * 3
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride)
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: RGB
  // compression, filter and interlace methods stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length, 0)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([length, body, crc])
}

let crcTable: Uint32Array | null = null

/** CRC-32 (IEEE, as PNG uses it). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const PURPOSES: Record<EquipmentKind, string[]> = {
  laser_cutter: [
    'Materiaaltest eiken multiplex 6 mm',
    'Inlegwerk notenhout',
    'Glas-in-loodmallen snijden',
    'Graveren van leer',
    'Prototype lampenkap',
  ],
  cnc_router: ['Stoelzitting frezen', 'Zwaluwstaartverbindingen', 'Mal voor vormverlijmen', 'Kastfront met profiel'],
  robot_arm: ['Schuurpad testen op essen', 'Lijmrups op eiken rand', 'Spuitpatroon lak'],
  printer_3d: ['Mal voor pianohamer', 'Prototype scharnier', 'Onderdelen mechaniek'],
  vacuum_press: ['Fineren tafelblad', 'Vormverlijmen stoelleuning'],
  edge_bander: ['Kasten afkanten', 'ABS-kant op werkblad'],
  panel_saw: ['Platen op maat'],
  other: ['Werk'],
}

function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** Mulberry32: a tiny deterministic generator, so every demo centre looks the same. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
