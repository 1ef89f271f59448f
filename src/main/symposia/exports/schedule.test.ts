// schedule.xml and schedule.json checked against the rules of their public schemas: c3voc's
// schedule.xml.xsd (voc/schedule, validator/xsd/schedule.xml.xsd) and its JSON schema
// (validator/json/schema.json). The rules are restated here as small checkers, not copied: which
// elements and fields are required, which may appear, in what order, and the value patterns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { at } from '../../testing/fixtures'
import { DEMO_TITLE, openExportCentre, type ExportCentre } from './exportFixture'
import { acronymOf } from './schedule'
import { NAMESPACE_URL, uuidV5 } from './uuid'

// ---- a tiny XML reader: elements, attributes, text; enough for a document we wrote ourselves ----

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!,
  )

function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy
  let m: RegExpExecArray | null
  let consumed = 0
  while ((m = token.exec(body))) {
    consumed = token.lastIndex
    const [, closing, name, attrs, selfClosing, text] = m
    const top = stack.at(-1)!
    if (text !== undefined) {
      if (/[<&]/.test(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, ''))) throw new Error(`Unescaped text: ${text}`)
      top.text += decode(text)
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`)
      stack.pop()
    } else {
      const attributes: Record<string, string> = {}
      for (const a of attrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (a[1]! in attributes) throw new Error(`Attribute ${a[1]} twice`)
        attributes[a[1]!] = decode(a[2]!)
      }
      const element = { name: name!, attributes, children: [], text: '' }
      top.children.push(element)
      if (!selfClosing) stack.push(element)
    }
  }
  if (consumed !== body.length || stack.length !== 1) throw new Error('Not well-formed')
  if (root.children.length !== 1) throw new Error('One root element expected')
  return root.children[0]!
}

// ---- the rules of schedule.xml.xsd ----

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** The XSD's dateTimeTZ: an xs:dateTime that ends in Z or an offset. */
const DATE_TIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{1,2}:\d{2})$/
const XSD_DURATION = /^(\d{1,2}:\d{2}|\d{1,2}:\d{2}:\d{1,2})$/
const XSD_START = /^([0-2]\d:[0-5]\d|[0-2]\d:[0-5]\d:[0-5]\d)$/
const UUID = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/
const HTTP_URI = /^https?:\/\/.*/
const POSITIVE_INTEGER = /^[1-9]\d*$/

/** xs:all: each allowed element at most once, in any order, the required ones present. */
function checkAll(element: XmlElement, required: string[], optional: string[], problems: string[]) {
  const seen = element.children.map((c) => c.name)
  for (const name of required) if (!seen.includes(name)) problems.push(`<${element.name}> lacks <${name}>`)
  for (const name of seen) {
    if (![...required, ...optional].includes(name)) problems.push(`<${element.name}> may not hold <${name}>`)
    if (seen.filter((n) => n === name).length > 1) problems.push(`<${element.name}> holds <${name}> twice`)
  }
  for (const child of element.children)
    if (child.children.length > 0 && !['persons', 'links', 'attachments', 'recording'].includes(child.name))
      problems.push(`<${child.name}> must be text`)
}

function checkAttributes(element: XmlElement, allowed: string[], problems: string[]) {
  for (const name of Object.keys(element.attributes))
    if (!allowed.includes(name)) problems.push(`<${element.name}> has no attribute ${name}`)
}

function textOf(element: XmlElement, name: string): string {
  return element.children.find((c) => c.name === name)?.text ?? ''
}

/** Every rule of the XSD a document can break; an empty list means valid. */
function xsdProblems(schedule: XmlElement): string[] {
  const problems: string[] = []
  if (schedule.name !== 'schedule') return [`root is <${schedule.name}>`]
  // <schedule>: a sequence of generator?, version, conference, day+ (in this order).
  const names = schedule.children.map((c) => c.name).join(' ')
  if (!/^(generator )?version conference( day)+$/.test(names)) problems.push(`<schedule> children out of order: ${names}`)
  const conference = schedule.children.find((c) => c.name === 'conference')!
  checkAll(conference, ['title', 'acronym'], ['start', 'end', 'days', 'timeslot_duration', 'base_url', 'time_zone_name'], problems)
  for (const name of ['start', 'end'])
    if (textOf(conference, name) && !DATE.test(textOf(conference, name))) problems.push(`conference ${name}`)
  if (textOf(conference, 'days') && !/^-?\d+$/.test(textOf(conference, 'days'))) problems.push('conference days')
  if (textOf(conference, 'timeslot_duration') && !XSD_DURATION.test(textOf(conference, 'timeslot_duration')))
    problems.push('timeslot_duration')
  if (conference.children.some((c) => c.name === 'base_url') && !HTTP_URI.test(textOf(conference, 'base_url'))) problems.push('base_url')

  const ids = new Set<string>()
  const guids = new Set<string>()
  const slugs = new Set<string>()
  const dayIndexes = new Set<string>()
  for (const day of schedule.children.filter((c) => c.name === 'day')) {
    checkAttributes(day, ['date', 'start', 'end', 'index'], problems)
    const { date, start, end, index } = day.attributes
    if (date !== undefined && !DATE.test(date)) problems.push(`day date ${date}`)
    for (const t of [start, end]) if (t !== undefined && !DATE_TIME_TZ.test(t)) problems.push(`day start/end ${t}`)
    if (index !== undefined) {
      if (!POSITIVE_INTEGER.test(index)) problems.push(`day index ${index}`)
      if (dayIndexes.has(index)) problems.push(`day index ${index} twice`)
      dayIndexes.add(index)
    }
    for (const room of day.children) {
      if (room.name !== 'room') problems.push(`<day> may not hold <${room.name}>`)
      checkAttributes(room, ['name'], problems)
      for (const event of room.children) {
        if (event.name !== 'event') problems.push(`<room> may not hold <${event.name}>`)
        checkAttributes(event, ['id', 'guid'], problems)
        const { id, guid } = event.attributes
        if (id === undefined || !POSITIVE_INTEGER.test(id)) problems.push(`event id ${id}`)
        if (guid === undefined || !UUID.test(guid)) problems.push(`event guid ${guid}`)
        if (ids.has(id!)) problems.push(`event id ${id} twice`)
        if (guids.has(guid!)) problems.push(`event guid ${guid} twice`)
        ids.add(id!)
        guids.add(guid!)
        checkAll(
          event,
          ['room', 'title', 'subtitle', 'type', 'date', 'start', 'duration', 'abstract', 'slug', 'track'],
          ['logo', 'persons', 'language', 'description', 'recording', 'links', 'attachments', 'video_download_url', 'url'],
          problems,
        )
        if (!DATE_TIME_TZ.test(textOf(event, 'date'))) problems.push(`event date ${textOf(event, 'date')}`)
        if (!XSD_START.test(textOf(event, 'start'))) problems.push(`event start ${textOf(event, 'start')}`)
        if (!XSD_DURATION.test(textOf(event, 'duration'))) problems.push(`event duration ${textOf(event, 'duration')}`)
        if (event.children.some((c) => c.name === 'url') && !HTTP_URI.test(textOf(event, 'url'))) problems.push('event url')
        const slug = textOf(event, 'slug')
        if (slugs.has(slug)) problems.push(`slug ${slug} twice`)
        slugs.add(slug)
        for (const person of event.children.find((c) => c.name === 'persons')?.children ?? []) {
          if (person.name !== 'person') problems.push(`<persons> may not hold <${person.name}>`)
          checkAttributes(person, ['id'], problems)
          if (person.attributes.id !== undefined && !POSITIVE_INTEGER.test(person.attributes.id)) problems.push(`person id`)
        }
        for (const list of ['links', 'attachments']) {
          const element = event.children.find((c) => c.name === list)
          const item = list === 'links' ? 'link' : 'attachment'
          for (const child of element?.children ?? []) if (child.name !== item) problems.push(`<${list}> may not hold <${child.name}>`)
        }
      }
    }
  }
  return problems
}

/** The order our writer keeps inside <event> (the XSD's xs:all allows any; frab and pretalx write this one). */
const EVENT_ORDER =
  /^date start duration room slug (url )?title subtitle track type language abstract description persons links attachments$/

// ---- the rules of the c3voc schedule JSON schema ----

type Json = Record<string, unknown>
const JSON_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function jsonProblems(doc: Json): string[] {
  const problems: string[] = []
  const fields = (where: string, object: unknown, required: string[], allowed: string[] | null) => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) return problems.push(`${where} is no object`)
    for (const key of required) if (!(key in object)) problems.push(`${where} lacks ${key}`)
    if (allowed) for (const key of Object.keys(object)) if (!allowed.includes(key)) problems.push(`${where} may not hold ${key}`)
  }
  const type = (where: string, value: unknown, t: 'string' | 'integer' | 'array' | 'stringOrNull') => {
    const ok =
      t === 'string'
        ? typeof value === 'string'
        : t === 'stringOrNull'
          ? typeof value === 'string' || value === null
          : t === 'integer'
            ? Number.isInteger(value)
            : Array.isArray(value)
    if (!ok) problems.push(`${where} is not ${t}`)
  }
  fields('root', doc, ['schedule'], ['schedule', '$schema', 'generator'])
  const schedule = doc.schedule as Json
  fields('schedule', schedule, ['conference', 'version'], null)
  type('schedule.version', schedule.version, 'string')
  if ('rooms' in schedule) problems.push('schedule may not hold rooms')
  if ('base_url' in schedule && !/^[a-z][a-z0-9+.-]*:/.test(String(schedule.base_url))) problems.push('base_url is no URI')
  const conference = schedule.conference as Json
  fields(
    'conference',
    conference,
    ['title', 'acronym', 'days', 'daysCount', 'start', 'end', 'timeslot_duration'],
    [
      'acronym',
      'title',
      'description',
      'start',
      'end',
      'daysCount',
      'timeslot_duration',
      'time_zone_name',
      'logo',
      'colors',
      'keywords',
      'url',
      'tracks',
      'rooms',
      'meta',
      'days',
    ],
  )
  if (!/^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/.test(String(conference.acronym)))
    problems.push(`acronym ${String(conference.acronym)}`)
  if (!DATE.test(String(conference.start)) && !JSON_DATE_TIME.test(String(conference.start))) problems.push('conference start')
  if (!DATE.test(String(conference.end))) problems.push('conference end')
  type('daysCount', conference.daysCount, 'integer')
  type('timeslot_duration', conference.timeslot_duration, 'string')
  if ('time_zone_name' in conference && !/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(String(conference.time_zone_name)))
    problems.push('time_zone_name')
  for (const [i, room] of ((conference.rooms as Json[] | undefined) ?? []).entries()) {
    fields(`rooms[${i}]`, room, ['guid', 'name'], ['name', 'guid', 'description', 'capacity'])
    if (!UUID.test(String(room.guid))) problems.push(`rooms[${i}].guid`)
  }
  type('days', conference.days, 'array')
  for (const [d, day] of (conference.days as Json[]).entries()) {
    fields(`days[${d}]`, day, ['date', 'day_end', 'day_start', 'index', 'rooms'], ['index', 'date', 'day_start', 'day_end', 'rooms'])
    type(`days[${d}].index`, day.index, 'integer')
    if (!DATE.test(String(day.date))) problems.push(`days[${d}].date`)
    for (const key of ['day_start', 'day_end']) if (!JSON_DATE_TIME.test(String(day[key]))) problems.push(`days[${d}].${key}`)
    for (const [room, list] of Object.entries(day.rooms as Record<string, Json[]>)) {
      type(`days[${d}].rooms.${room}`, list, 'array')
      for (const event of list) {
        const where = `event ${String(event.id)}`
        fields(
          where,
          event,
          [
            'abstract',
            'date',
            'duration',
            'guid',
            'id',
            'language',
            'links',
            'persons',
            'room',
            'slug',
            'start',
            'subtitle',
            'title',
            'track',
            'type',
            'url',
          ],
          [
            'id',
            'guid',
            'logo',
            'date',
            'start',
            'duration',
            'room',
            'slug',
            'url',
            'title',
            'subtitle',
            'track',
            'type',
            'language',
            'abstract',
            'description',
            'recording_license',
            'do_not_record',
            'do_not_stream',
            'persons',
            'links',
            'attachments',
            'answers',
          ],
        )
        if (!(Number.isInteger(event.id) && (event.id as number) >= 1)) problems.push(`${where}: id`)
        if (!UUID.test(String(event.guid))) problems.push(`${where}: guid`)
        if (!JSON_DATE_TIME.test(String(event.date))) problems.push(`${where}: date`)
        if (!/^[0-9]+:[0-9]{2}$/.test(String(event.duration))) problems.push(`${where}: duration`)
        if (!/^[a-z0-9_-]+[a-z0-9]$/.test(String(event.slug))) problems.push(`${where}: slug`)
        if (!/^[a-z][a-z0-9+.-]*:/.test(String(event.url))) problems.push(`${where}: url`)
        for (const key of ['start', 'room', 'title', 'type', 'language']) type(`${where}.${key}`, event[key], 'string')
        for (const key of ['subtitle', 'track', 'abstract', 'description']) type(`${where}.${key}`, event[key], 'stringOrNull')
        for (const key of ['persons', 'links', 'attachments']) type(`${where}.${key}`, event[key], 'array')
        // Person: exactly one of the frab form (id and public_name) and the pretalx form (name).
        for (const person of event.persons as Json[]) {
          const frab = Number.isInteger(person.id) && typeof person.public_name === 'string'
          const pretalx = typeof person.name === 'string'
          if (frab === pretalx) problems.push(`${where}: person must be frab or pretalx, not ${frab ? 'both' : 'neither'}`)
          if ('guid' in person && !UUID.test(String(person.guid))) problems.push(`${where}: person guid`)
        }
      }
    }
  }
  return problems
}

// ---- the tests ----

let centre: ExportCentre
let editionId: number
beforeAll(async () => {
  centre = await openExportCentre()
  editionId = centre.edition.id
})
afterAll(() => centre.core.cleanup())

const xmlOf = async (baseUrl?: string) =>
  (await centre.core.ok(centre.c, 'symposiumExports.scheduleXml', { editionId, language: 'nl', ...(baseUrl ? { baseUrl } : {}) })).content
const jsonOf = async (baseUrl?: string) =>
  JSON.parse(
    (await centre.core.ok(centre.c, 'symposiumExports.scheduleJson', { editionId, language: 'nl', ...(baseUrl ? { baseUrl } : {}) }))
      .content,
  ) as Json

describe('schedule.xml', () => {
  it('keeps every rule of schedule.xml.xsd, with or without a base URL', async () => {
    for (const base of [undefined, 'https://werkbank.example/symposium']) {
      const doc = parseXml(await xmlOf(base))
      expect(xsdProblems(doc)).toEqual([])
      for (const event of doc.children.filter((c) => c.name === 'day').flatMap((d) => d.children.flatMap((r) => r.children)))
        expect(event.children.map((c) => c.name).join(' ')).toMatch(EVENT_ORDER)
    }
  })

  it('holds the programme: days, rooms, events with guid, times, speakers; breaks left out; text escaped', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.scheduleXml', { editionId, language: 'nl' })
    expect(file).toMatchObject({ filename: 'symposium-ambachtelijk-meubelmaken-2026-schedule.xml', mediaType: 'application/xml' })
    expect(file.content).toContain('<title>Laser &amp; fineer &lt;live&gt;</title>')
    const doc = parseXml(file.content)
    const conference = doc.children.find((c) => c.name === 'conference')!
    expect(Object.fromEntries(conference.children.map((c) => [c.name, c.text]))).toEqual({
      acronym: 'sam2026',
      title: 'Symposium Ambachtelijk Meubelmaken 2026',
      start: '2026-04-16',
      end: '2026-04-17',
      days: '2',
      timeslot_duration: '00:15',
      time_zone_name: 'Europe/Amsterdam',
    })
    const [thursday, friday] = doc.children.filter((c) => c.name === 'day')
    expect(thursday!.attributes).toEqual({
      index: '1',
      date: '2026-04-16',
      start: '2026-04-16T09:00:00+02:00',
      end: '2026-04-16T17:30:00+02:00',
    })
    expect(thursday!.children.map((r) => [r.attributes.name, r.children.length])).toEqual([
      ['Aula', 2],
      ['Werkplaats', 1],
      ['Laserlab', 1],
    ])
    expect(friday!.children.flatMap((r) => r.children)).toHaveLength(1)
    const demo = thursday!.children[2]!.children[0]!
    expect(demo.attributes.id).toBe(String(centre.slots.demo))
    const fields = Object.fromEntries(demo.children.map((c) => [c.name, c.text]))
    expect(fields).toMatchObject({
      title: DEMO_TITLE,
      date: '2026-04-16T11:00:00+02:00',
      start: '11:00',
      duration: '00:45',
      room: 'Laserlab',
      type: 'hands-on',
      language: 'nl',
      slug: `sam2026-${centre.slots.demo}-laser-fineer-live`,
    })
    expect(demo.children.find((c) => c.name === 'persons')!.children.map((p) => [p.attributes.id, p.text])).toEqual([
      [String(centre.teacher.id), 'Anouk Docent'],
      [String(centre.speaker.id), 'Jan Houtman'],
    ])
    const titles = doc.children.flatMap((d) => d.children.flatMap((r) => r.children.map((e) => textOf(e, 'title'))))
    expect(titles).not.toContain('Lunch')
  })

  it('catches what the schema forbids (the checker is no rubber stamp)', async () => {
    const xml = await xmlOf()
    const broken = [
      xml.replace(/<duration>00:45<\/duration>/, '<duration>45 min</duration>'),
      xml.replace(/ guid="[^"]+"/, ''),
      xml.replace('<subtitle/>', ''),
      xml.replace('<version>', '<extra/><version>'),
      xml.replace(/(<event guid=")([^"]+)(" id="\d+">[\s\S]*?<event guid=")[^"]+/, '$1$2$3$2'),
      xml.replace('<language>nl</language>', '<language>nl</language><language>en</language>'),
    ]
    for (const doc of broken) expect(xsdProblems(parseXml(doc)).length).toBeGreaterThan(0)
  })

  it('gives a slot the same guid in every export and every format', async () => {
    const guids = (xml: string) => [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1])
    const first = guids(await xmlOf())
    expect(guids(await xmlOf())).toEqual(first)
    const json = await jsonOf()
    const days = (json.schedule as Json).conference as { days: { rooms: Record<string, { guid: string }[]> }[] }
    const jsonGuids = days.days.flatMap((d) => Object.values(d.rooms).flatMap((events) => events.map((e) => e.guid)))
    expect(jsonGuids.sort()).toEqual([...first].sort())
  })
})

describe('schedule.json', () => {
  it('keeps the required fields and patterns of the c3voc schema', async () => {
    for (const base of [undefined, 'https://werkbank.example/symposium/']) expect(jsonProblems(await jsonOf(base))).toEqual([])
  })

  it('holds the conference, its rooms and days, and events with persons in the frab form', async () => {
    const file = await centre.core.ok(centre.c, 'symposiumExports.scheduleJson', {
      editionId,
      language: 'en',
      baseUrl: 'https://werkbank.example/symposium',
    })
    expect(file.filename).toBe('symposium-ambachtelijk-meubelmaken-2026-schedule.json')
    const schedule = (JSON.parse(file.content) as Json).schedule as Json & { conference: Json & { days: Json[]; rooms: Json[] } }
    expect(schedule.base_url).toBe('https://werkbank.example/symposium/')
    expect(schedule.conference).toMatchObject({
      acronym: 'sam2026',
      start: '2026-04-16',
      end: '2026-04-17',
      daysCount: 2,
      time_zone_name: 'Europe/Amsterdam',
    })
    expect(schedule.conference.rooms.map((r) => r.name)).toEqual(['Aula', 'Werkplaats', 'Laserlab'])
    const thursday = schedule.conference.days[0] as { rooms: Record<string, Json[]> }
    expect(Object.keys(thursday.rooms)).toEqual(['Aula', 'Werkplaats', 'Laserlab'])
    const workshop = thursday.rooms.Werkplaats![0]!
    expect(workshop).toMatchObject({
      id: centre.slots.workshop,
      date: '2026-04-16T10:45:00+02:00',
      start: '10:45',
      duration: '01:30',
      type: 'workshop',
      track: 'Materiaal',
      url: `https://werkbank.example/symposium/#sam2026-${centre.slots.workshop}-zwaluwstaarten-zagen`,
      links: [],
      attachments: [],
    })
    // As c3voc advises: a person with an e-mail address gets uuid5(NS_URL, 'acct:' + address).
    expect(workshop.persons).toEqual([
      { id: centre.speaker.id, guid: uuidV5(NAMESPACE_URL, 'acct:jan@houtwerk.example'), public_name: 'Jan Houtman' },
    ])
    const noBase = (await jsonOf()).schedule as Json
    expect('base_url' in noBase).toBe(false)
  })

  it('follows the programme when a slot moves', async () => {
    const slot = centre.programme.slots.find((s) => s.id === centre.slots.keynoteAgain)!
    const before = await jsonOf()
    await centre.core.ok(centre.c, 'programme.schedule', {
      sessionId: slot.sessionId!,
      roomId: centre.rooms.lab,
      startsAt: at('2026-04-17 13:00'),
      slotId: slot.id,
      version: slot.version,
    })
    const after = await jsonOf()
    expect((after.schedule as Json).version).not.toBe((before.schedule as Json).version)
    const friday = ((after.schedule as Json).conference as { days: { rooms: Record<string, Json[]> }[] }).days[1]!
    expect(friday.rooms.Laserlab).toEqual([expect.objectContaining({ id: slot.id, start: '13:00' })])
    expect(friday.rooms.Aula).toEqual([])
  })
})

describe('the acronym', () => {
  it('is the initials and the year, or a safe fallback', () => {
    expect(acronymOf('Symposium Ambachtelijk Meubelmaken 2026', 1)).toBe('sam2026')
    expect(acronymOf('Één dag', 7)).toBe('symposium7')
    expect(acronymOf('2027', 3)).toBe('2027')
  })
})
