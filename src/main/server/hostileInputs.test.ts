// Hostile input through the real HTTP transport (issue #7, "bad input"). Every method of the
// contract, including ones added later, is called over HTTP on a demo centre, as a coordinator, a
// student, nobody and a profile that does not exist, with inputs fast-check builds from the
// method's own schema and then spoils: wrong types, missing and extra keys, 1 MB strings, lone
// surrogates, NUL, bidi overrides, FTS5 syntax, invalid dates and zones, ids of other records,
// negative and huge numbers, arbitrary JSON. The rules:
//   - the transport always answers 200 with a result (never a 500, never a dropped connection);
//   - a refusal is VALIDATION, NOT_FOUND, RULE, FORBIDDEN, CONFLICT or STALE, never INTERNAL;
//   - a refused call leaves every table as it was.
// Calls that happen to be valid may succeed and change the centre; the next calls then start from
// that state, as in real use. The seed is fixed so a run is repeatable; WERKBANK_FC_SEED and
// WERKBANK_FC_RUNS override it (a failure prints the seed, the method and the input).
import { existsSync, readdirSync } from 'node:fs'
import { request, Agent } from 'node:http'
import { join } from 'node:path'
import fc from 'fast-check'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type Method } from '../../shared/contract'
import { openTestCore, tableChecksum, type TestCore } from '../testing/testCore'
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from './httpServer'
import { NOTE_BODY_MAX } from '../../shared/notes'
import { ATTACHMENT_MAX_BYTES } from '../../shared/attachments'
import type { FieldIssue } from '../../shared/result'

const SEED = Number(process.env.WERKBANK_FC_SEED ?? 20261128)
const RUNS = Number(process.env.WERKBANK_FC_RUNS ?? 16)
const TOKEN = 'hostile-token-0123456789'
const REFUSALS = new Set(['VALIDATION', 'NOT_FOUND', 'RULE', 'FORBIDDEN', 'CONFLICT', 'STALE'])

// ---------------------------------------------------------------------------------------------
// Hostile values

const HUGE = 'x'.repeat(1024 * 1024)
const HUGE_UNICODE = '\u{1F9EA}'.repeat(200_000)
const STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Egnp.exe',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z\u0351\u0353\u0359\u035A\u0325\u0316\u0318algo',
  '\u{1F469}\u200D\u{1F52C}',
  'ﷺ',
  'İıǅ',
  '\r\n\t\v\f',
  "' OR 1=1 --",
  "'); DROP TABLE people; --",
  '"',
  '""*',
  'NEAR(a b)',
  'a OR b AND NOT c',
  '^x',
  '-x',
  'title:x',
  '*',
  '(',
  '[[experiment:999999]]',
  '[[note:-1]]',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '%00%2e%2e%2f',
  '%s%n%x',
  '${7*7}',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'constructor',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '+31 6 12345678',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '2026-03-29T02:30:00+01:00',
  '2026-10-25T02:30:00',
  'Europe/Atlantis',
  '24:00',
  '23:60',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'true',
]
const NUMBERS = [0, -1, 1, 2, 3, 7, 12, 25, 60, 2 ** 31, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1.5, -0.5, 1e21]

// Weights: a megabyte in every other call would make the run slow without finding more, so the
// huge strings come in about one field in a hundred (still several times per method).
const hostileString = (max: number) =>
  fc.oneof(
    { weight: 50, arbitrary: fc.constantFrom(...STRINGS).map((s) => s.slice(0, Math.max(max, 1))) },
    { weight: 25, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }) },
    { weight: 15, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }) },
    // Exactly at the limit, where an off-by-one in a column CHECK or a buffer would show.
    { weight: 5, arbitrary: fc.constant(max <= 200_000 ? 'y'.repeat(max) : HUGE) },
    { weight: 1, arbitrary: fc.constantFrom(HUGE, HUGE_UNICODE) },
  )

const validInstant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString())
const validDate = validInstant.map((s) => s.slice(0, 10))
const badDates = fc.constantFrom(
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '1900-01-01',
  '9999-12-31',
  '0001-01-01',
  '26-1-1',
  '',
)
const badInstants = fc.constantFrom(
  '2026-03-29T02:30:00+01:00',
  '2026-10-25T02:30:00Z',
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T10:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01 10:00',
  'yesterday',
)

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  in?: z.ZodType
  out?: z.ZodType
  values?: unknown[]
  entries?: Record<string, unknown>
  checks?: {
    _zod: {
      def: { check: string; maximum?: number; minimum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp }
    }
  }[]
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/**
 * Values shaped like the schema, mostly valid so that they reach the handler, with hostile content
 * (strings, ids, dates) and now and then one part broken (a missing or extra key, a wrong type).
 */
function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  const anything = fc.jsonValue({ maxDepth: 2 })
  if (depth > 6) return anything
  const checks = (def.checks ?? []).map((c) => c._zod.def)
  const limit = (name: string) => checks.find((c) => c.check === name)
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      const keys = Object.keys(shape)
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, shaped(shape[k]!, depth + 1)])), {
        requiredKeys: keys.filter((k) => !['optional', 'default'].includes(defOf(shape[k]!).type)),
      }) as fc.Arbitrary<Record<string, unknown>>
      return fc.oneof(
        { weight: 8, arbitrary: record },
        // One key missing.
        { weight: 1, arbitrary: fc.tuple(record, fc.nat()).map(([r, i]) => omitKey(r, keys[i % Math.max(keys.length, 1)])) },
        // One key too many (including the prototype's names).
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom('__proto__', 'constructor', 'id', 'extra', 'actorId'), anything)
            .map(([r, k, v]) => withKey(r, k, v)),
        },
        // One key of the wrong type.
        {
          weight: 1,
          arbitrary: fc.tuple(record, fc.nat(), anything).map(([r, i, v]) => (keys.length ? { ...r, [keys[i % keys.length]!]: v } : r)),
        },
      )
    }
    case 'optional':
      return fc.option(shaped(def.innerType!, depth + 1), { nil: undefined, freq: 4 })
    case 'default':
      return fc.option(shaped(def.innerType!, depth + 1), { nil: undefined, freq: 3 })
    case 'nullable':
      return fc.option(shaped(def.innerType!, depth + 1), { nil: null, freq: 4 })
    case 'pipe':
      return defOf(def.out!).type === 'transform'
        ? shaped(def.in!, depth + 1)
        : fc.oneof(shaped(def.in!, depth + 1), shaped(def.out!, depth + 1))
    case 'union':
      return fc.oneof(...def.options!.map((o) => shaped(o, depth + 1)))
    case 'literal':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...def.values!) }, { weight: 1, arbitrary: anything })
    case 'enum':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...Object.values(def.entries!)) },
        { weight: 1, arbitrary: hostileString(40) },
      )
    case 'boolean':
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 'true', null) })
    case 'number': {
      const min = limit('greater_than')?.value ?? -1000
      const max = limit('less_than')?.value ?? 1000
      return fc.oneof(
        // Mostly ids and counts of records that exist (or belong to someone else).
        { weight: 6, arbitrary: fc.integer({ min: Math.max(min, 0), max: Math.min(Math.max(max, 1), 60) }) },
        { weight: 2, arbitrary: fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }) },
        { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
        { weight: 1, arbitrary: fc.constantFrom('1', '', null, [], {}) },
      )
    }
    case 'string': {
      const format =
        checks.find((c) => c.check === 'string_format') ?? (schema as unknown as { format?: string; _zod: { def: { pattern?: RegExp } } })
      const name = 'format' in format ? format.format : undefined
      const max = limit('max_length')?.maximum ?? 200
      if (name === 'date')
        return fc.oneof(
          { weight: 4, arbitrary: validDate },
          { weight: 2, arbitrary: badDates },
          { weight: 1, arbitrary: hostileString(40) },
        )
      if (name === 'datetime')
        return fc.oneof(
          { weight: 4, arbitrary: validInstant },
          { weight: 2, arbitrary: badInstants },
          { weight: 1, arbitrary: hostileString(40) },
        )
      if (name === 'email') return fc.oneof({ weight: 3, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: hostileString(max) })
      if (name === 'url')
        return fc.oneof(
          { weight: 2, arbitrary: fc.webUrl() },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'javascript:alert(1)',
              'file:///etc/passwd',
              'data:text/html,<script>1</script>',
              'http://127.0.0.1:1/',
            ),
          },
          { weight: 1, arbitrary: hostileString(max) },
        )
      if (name === 'regex') {
        const pattern = checks.find((c) => c.check === 'string_format')?.pattern
        // fast-check cannot generate for flags; the same pattern without them yields a subset that matches.
        const matching = pattern
          ? fc.stringMatching(new RegExp(pattern.source)).filter((s) => s.length <= Math.min(max, 4096))
          : fc.string({ maxLength: 20 })
        return fc.oneof({ weight: 4, arbitrary: matching }, { weight: 1, arbitrary: hostileString(Math.min(max, 200)) })
      }
      return hostileString(max)
    }
    case 'array': {
      const max = limit('max_length')?.maximum ?? limit('length_equals')?.maximum ?? 5
      const exact = checks.find((c) => c.check === 'length_equals') as { length?: number } | undefined
      const element = shaped(def.element!, depth + 1)
      return fc.oneof(
        {
          weight: 6,
          arbitrary: exact?.length
            ? fc.array(element, { minLength: exact.length, maxLength: exact.length })
            : fc.array(element, { maxLength: Math.min(max, 4) }),
        },
        { weight: 1, arbitrary: fc.array(element, { minLength: Math.min(max + 1, 600), maxLength: Math.min(max + 1, 600) }) },
        { weight: 1, arbitrary: anything },
      )
    }
    default:
      return anything
  }
}

function omitKey(record: Record<string, unknown>, key: string | undefined): Record<string, unknown> {
  if (key === undefined) return record
  const copy = { ...record }
  delete copy[key]
  return copy
}

/** Adds a key with defineProperty, so "__proto__" becomes an own key as JSON.parse would make it. */
function withKey(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...record }
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

// ---------------------------------------------------------------------------------------------
// The centre and the transport

let core: TestCore
let server: RunningServer
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

interface Reply {
  status: number
  body: string
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, agent, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const JSON_HEADERS = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }
const post = (method: string, body: string | Buffer) => send(`/api/${encodeURIComponent(method)}`, { headers: JSON_HEADERS, body })

/** Cheap guard first: total_changes() counts every row written on the core's connection, triggers included. */
const totalChanges = () => core.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n

/** The checksum of the centre as it is now, kept up to date after every call that wrote something. */
let knownChecksum = ''
let knownChanges = 0

function actorsFor(): { label: string; id: number | null }[] {
  const first = (role: string) =>
    core.db.prepare<[string], { id: number }>('SELECT id FROM people WHERE role = ? AND active = 1 ORDER BY id LIMIT 1').get(role)?.id
  return [
    { label: 'coordinator', id: first('coordinator') ?? null },
    { label: 'student', id: first('student') ?? null },
    { label: 'nobody', id: null },
    { label: 'unknown profile', id: 987_654 },
  ]
}

beforeAll(async () => {
  core = openTestCore({ demo: true })
  server = await startHttpServer({ call: core.call, token: TOKEN, rendererDir: null, port: 0, log: core.log })
  knownChecksum = tableChecksum(core.db)
  knownChanges = totalChanges()
}, 30_000)

afterAll(async () => {
  agent.destroy()
  await server?.close()
  core?.cleanup()
})

interface Outcome {
  status: number
  ok: boolean
  code?: string
  reason?: unknown
}

/**
 * One call over HTTP, held to the rules: HTTP 200 with a result, a refusal from the allowed set,
 * and no table changed by a refusal. Throws (with everything needed to repeat it) when not.
 */
async function attack(method: string, body: string | Buffer, describeInput: () => string): Promise<Outcome> {
  const loggedBefore = core.logged.length
  const reply = await post(method, body)
  const where = () => `${method} with ${describeInput()}`
  let parsed: { ok: boolean; error?: { code: string; message: string; details?: { reason?: unknown } } }
  try {
    parsed = JSON.parse(reply.body)
  } catch {
    throw new Error(`HTTP ${reply.status}, not JSON, for ${where()}: ${reply.body.slice(0, 200)}`)
  }
  if (reply.status !== 200 || (!parsed.ok && !REFUSALS.has(parsed.error!.code))) {
    const logged = core.logged.slice(loggedBefore).find((l) => l.level === 'error')
    const cause = logged?.context?.error instanceof Error ? logged.context.error.stack?.split('\n').slice(0, 4).join(' | ') : ''
    if (/handler is not a function/.test(cause ?? '')) throw new Unwired()
    throw new Error(`HTTP ${reply.status} ${parsed.error?.code ?? ''} ${parsed.error?.message ?? ''} for ${where()}\n  cause: ${cause}`)
  }
  if (parsed.ok) {
    const unsafe = unsafeFilenames((parsed as { value?: unknown }).value)
    if (unsafe.length) throw new Error(`unsafe file name ${JSON.stringify(unsafe[0])} offered for download by ${where()}`)
  }
  const changes = totalChanges()
  if (changes !== knownChanges) {
    const now = tableChecksum(core.db)
    if (!parsed.ok && now !== knownChecksum) {
      knownChecksum = now
      knownChanges = changes
      throw new Error(`refused with ${parsed.error!.code} but the tables changed: ${where()}`)
    }
    knownChecksum = now
    knownChanges = changes
  }
  return { status: reply.status, ok: parsed.ok, code: parsed.error?.code, reason: parsed.error?.details?.reason }
}

// A file name offered for download is written to disk by the browser or the desktop shell: no
// folders, no control or bidi characters (`\u202Egnp.exe` shows as "exe.png"), no leading dot.
const UNSAFE_FILENAME = /[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|^\.|^$/

function unsafeFilenames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(unsafeFilenames)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'filename' && typeof item === 'string'
      ? UNSAFE_FILENAME.test(item) || item.length > 255
        ? [item]
        : []
      : unsafeFilenames(item),
  )
}

/** A module still being built has no handler yet for this method: reported, not failed. */
class Unwired extends Error {}

const show = (value: unknown) => {
  const text =
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v)) ??
    'undefined'
  return text.length > 600 ? text.slice(0, 600) + '…' : text
}

// ---------------------------------------------------------------------------------------------

const methods = Object.keys(contract) as Method[]
/** Methods whose handler is not wired yet (another module still being built) are named, not failed. */
const unwired: string[] = []

describe('every method of the contract, over HTTP, with hostile input', () => {
  it.each(methods)('%s: refuses cleanly and changes nothing when it refuses', async (method) => {
    const actors = actorsFor()
    knownChecksum = tableChecksum(core.db)
    knownChanges = totalChanges()

    const schema = contract[method].input as z.ZodType
    const input = fc.oneof(
      { weight: 6, arbitrary: shaped(schema) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    )
    const actor = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(actors[0]!, actors[1]!) },
      { weight: 1, arbitrary: fc.constantFrom(actors[2]!, actors[3]!) },
    )
    const details = await fc.check(
      fc.asyncProperty(input, actor, async (value, who) => {
        await attack(method, JSON.stringify({ input: value, actorId: who.id }), () => `${show(value)} as ${who.label}`)
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
    if (details.failed && details.errorInstance instanceof Unwired) return void unwired.push(method)
    if (details.failed)
      throw new Error(
        `${String((details.errorInstance as Error)?.message)}\n${fc.defaultReportMessage(details)}\n(repeat: WERKBANK_FC_SEED=${SEED} WERKBANK_FC_RUNS=${RUNS})`,
      )
  })

  afterAll(() => {
    if (unwired.length) console.warn(`hostile inputs: no handler yet, not attacked: ${unwired.join(', ')}`)
  })
})

describe('the transport under attack', () => {
  const raw = (path: string, options: Parameters<typeof send>[1]) => send(path, options)

  it('answers unknown and odd method names with NOT_FOUND, changing nothing', async () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'people',
      'people.create.',
      'people%2Ecreate%00',
      '',
      'x'.repeat(5000),
      '%F0%9F%A7%AA',
      '..%2F..%2Fetc%2Fpasswd',
    ]) {
      const reply = await send(`/api/${name}`, { headers: JSON_HEADERS, body: '{"input":{}}' })
      expect(reply.status, name).toBe(200)
      expect(JSON.parse(reply.body), name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'unknownMethod' } } })
    }
    // A malformed percent-encoding in the path is a name like any other, not a URIError and a 500.
    const malformed = await send('/api/people.list%E0%A4%A', { headers: JSON_HEADERS, body: '{"input":{}}' })
    expect(malformed.status).toBe(200)
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(tableChecksum(core.db)).toBe(knownChecksum)
  })

  it('takes no state change by GET, PUT, DELETE, PATCH or OPTIONS (405), nor from a form or text/plain (415)', async () => {
    for (const verb of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await raw('/api/people.create', {
        method: verb,
        headers: { ...JSON_HEADERS, 'X-Verb': verb },
        body: verb === 'GET' || verb === 'HEAD' ? undefined : '{"input":{"name":"X","role":"guest"},"actorId":1}',
      })
      expect(reply.status, verb).toBe(405)
    }
    // text/plain and form posts are what a foreign page can send without a CORS preflight.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const reply = await raw('/api/people.create', {
        headers: { Authorization: `Bearer ${TOKEN}`, ...(type ? { 'Content-Type': type } : {}) },
        body: '{"input":{"name":"X","role":"guest"},"actorId":1}',
      })
      expect(reply.status, type).toBe(415)
    }
    expect(tableChecksum(core.db)).toBe(knownChecksum)
  })

  it('refuses envelopes that are not an object, and actor ids that are not positive integers', async () => {
    for (const body of [
      'null',
      '[]',
      '"x"',
      '42',
      'true',
      '{"input":{},"actorId":"1"}',
      '{"input":{},"actorId":1.5}',
      '{"input":{},"actorId":-1}',
      '{"input":{},"actorId":1e300}',
      '{"input":{},"actorId":[1]}',
    ]) {
      const reply = await post('people.list', body)
      expect(reply.status, body).toBe(200)
      expect(JSON.parse(reply.body), body).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'badEnvelope' } } })
    }
    // A profile that does not exist, or one that was deactivated, is nobody.
    const inactive = core.db.prepare<[], { id: number }>('SELECT id FROM people WHERE active = 0 LIMIT 1').get()
    for (const actorId of [987_654, ...(inactive ? [inactive.id] : [])]) {
      const reply = JSON.parse((await post('people.create', JSON.stringify({ input: { name: 'X', role: 'guest' }, actorId }))).body)
      expect(reply, String(actorId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(tableChecksum(core.db)).toBe(knownChecksum)
  })

  it('survives JSON that is broken, deeply nested, full of NULs or not UTF-8, and does not pollute prototypes', async () => {
    const deep = '{"input":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}'
    const bodies: (string | Buffer)[] = [
      '{"input":',
      '{"input":{}}{"input":{}}',
      deep,
      Buffer.from([0x7b, 0x22, 0x69, 0x6e, 0x70, 0x75, 0x74, 0x22, 0x3a, 0xff, 0xfe, 0x7d]),
      '{"input":{"name":"\\u0000\\ud800","role":"guest"},"actorId":1,"actorId":2}',
      '{"input":{"__proto__":{"isAdmin":true},"name":"X","role":"guest"},"actorId":1}',
      '{"__proto__":{"actorId":1},"input":{"name":"X","role":"guest"}}',
    ]
    for (const body of bodies) {
      const reply = await post('people.create', body)
      expect([200, 400], String(body).slice(0, 60)).toContain(reply.status)
      const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } }
      expect(result.ok, String(body).slice(0, 60)).toBe(false)
      expect(REFUSALS.has(result.error!.code), `${result.error!.code} for ${String(body).slice(0, 80)}`).toBe(true)
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(({} as Record<string, unknown>).actorId).toBeUndefined()
    expect(tableChecksum(core.db)).toBe(knownChecksum)
    // Still answering.
    expect(JSON.parse((await post('people.countByRole', '{"input":{}}')).body)).toMatchObject({ ok: true })
  })
})

describe('size limits, each with a clear error', () => {
  const coordinator = () => actorsFor()[0]!.id
  const call = async (method: string, input: unknown) => {
    const reply = await post(method, JSON.stringify({ input, actorId: coordinator() }))
    expect(reply.status).toBe(200)
    return JSON.parse(reply.body) as {
      ok: boolean
      value?: unknown
      error?: { code: string; details: { reason?: string; issues?: FieldIssue[] } }
    }
  }

  it('a note body: 200,000 characters are kept, one more is VALIDATION too_big naming the field and the maximum', async () => {
    const content = (body: string) => ({ content: { title: 'Grens', category: 'technique', body, tags: [] } })
    const atLimit = await call('notes.create', content('é'.repeat(NOTE_BODY_MAX)))
    expect(atLimit.ok).toBe(true)
    const before = tableChecksum(core.db)
    const over = await call('notes.create', content('é'.repeat(NOTE_BODY_MAX + 1)))
    expect(over).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: ['content', 'body'], code: 'too_big', params: { maximum: NOTE_BODY_MAX } }] },
      },
    })
    expect(tableChecksum(core.db)).toBe(before)
    knownChecksum = before
    knownChanges = totalChanges()
  })

  it('an attachment one byte over 10 MiB, sent over HTTP: VALIDATION, and no file written', async () => {
    const files = () =>
      existsSync(join(core.dataDir, 'attachments')) ? readdirSync(join(core.dataDir, 'attachments'), { recursive: true }).length : 0
    const before = { tables: tableChecksum(core.db), files: files() }
    const over = await call('attachments.upload', {
      name: 'groot.txt',
      mediaType: 'text/plain',
      dataBase64: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x41).toString('base64'),
    })
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect({ tables: tableChecksum(core.db), files: files() }).toEqual(before)
  })

  it('every upload limit of the contract fits in the transport’s body limit, so each gets its own error, not a bare 413', () => {
    // The largest string any method accepts, plus room for the envelope, must pass the transport;
    // otherwise the .eln import's "over 64 MiB" or a backup's limit would never be reached over HTTP.
    const largest = (schema: z.ZodType): number => {
      const def = defOf(schema)
      const own = (def.checks ?? []).map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum ?? 0
      const children = [
        ...Object.values(def.shape ?? {}),
        ...(def.options ?? []),
        ...[def.innerType, def.element, def.in, def.out].filter((x): x is z.ZodType => x !== undefined),
      ]
      return Math.max(def.type === 'string' ? own : 0, ...children.map(largest))
    }
    const limits = methods.map((m) => [m, largest(contract[m].input as z.ZodType)] as const).filter(([, max]) => max > 1_000_000)
    expect(limits.map(([m]) => m)).toEqual(expect.arrayContaining(['attachments.upload', 'exchange.elnImport']))
    // 4 KiB: the envelope, a file name and the JSON punctuation around the one big string.
    for (const [method, max] of limits) expect(max + 4 * 1024, method).toBeLessThanOrEqual(MAX_BODY_BYTES)
  })
})

describe('files', () => {
  const TITLES = [
    '../../../etc/passwd',
    '..\\..\\boot.ini',
    '/etc/shadow',
    '\u202Egnp.exe',
    '.bashrc',
    'CON',
    'a/b\\c:d*e?f"g<h>i|j',
    '  ',
    'x'.repeat(200),
  ]

  it('names a download after a record without folders, control or bidi characters, or a leading dot', async () => {
    const author = actorsFor()[0]!.id
    for (const title of TITLES.filter((t) => t.trim())) {
      const experiment = await core.ok(author, 'experiments.create', { content: { title, question: 'q' } } as never)
      const note = await core.ok(author, 'notes.create', { content: { title, category: 'technique', body: 'b', tags: [] } })
      const files = [
        await core.ok(author, 'exchange.experimentMarkdown', { id: experiment.id, language: 'nl' }),
        await core.ok(author, 'exchange.experimentPdf', { id: experiment.id, language: 'en' }),
        await core.ok(author, 'exchange.noteMarkdown', { id: note.id, language: 'nl' }),
        await core.ok(author, 'exchange.notePdf', { id: note.id, language: 'nl' }),
        await core.ok(author, 'exchange.elnExport', { ids: [experiment.id], language: 'nl' }),
      ]
      for (const file of files) expect(unsafeFilenames(file), `${JSON.stringify(title)} → ${file.filename}`).toEqual([])
    }
    knownChecksum = tableChecksum(core.db)
    knownChanges = totalChanges()
  })

  it('keeps an attachment’s own name as a label only: the file is stored under its hash, inside the data folder', async () => {
    const author = actorsFor()[0]!.id
    const data = Buffer.from('gewone tekst\n')
    for (const name of ['../../../escaped.txt', '/tmp/absolute.txt', 'C:\\Windows\\x.txt', 'link -> /etc/passwd']) {
      const stored = await core.ok(author, 'attachments.upload', { name, mediaType: 'text/plain', dataBase64: data.toString('base64') })
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    const all = readdirSync(core.dataDir, { recursive: true }).map(String)
    expect(all.filter((path) => /escaped|absolute|Windows|passwd/.test(path))).toEqual([])
    expect(existsSync(join(core.dataDir, '..', 'escaped.txt'))).toBe(false)
    knownChecksum = tableChecksum(core.db)
    knownChanges = totalChanges()
  })
})

describe('bugs these attacks found (each a plain regression test)', () => {
  it('outbox templates of an edition that does not exist: NOT_FOUND, not a foreign-key INTERNAL', async () => {
    const coordinator = actorsFor()[0]!.id
    const input = { editionId: 999_999, kind: 'waitlisted', language: 'en', subject: 'S', body: 'B' } as const
    expect(await core.as(coordinator, 'outbox.saveTemplate', input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await core.as(coordinator, 'outbox.resetTemplate', { editionId: 999_999, kind: 'waitlisted', language: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await core.as(coordinator, 'outbox.templates', { editionId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('text with NUL or an unpaired surrogate: VALIDATION naming the field, not a CHECK-constraint INTERNAL or a silent U+FFFD', async () => {
    const coordinator = actorsFor()[0]!.id
    const before = tableChecksum(core.db)
    for (const name of ['\u0000', '\u0000Anna', 'An\u0000na', '\uD800', 'Anna\uDFFF', '\uDC00\uD800']) {
      const result = await core.as(coordinator, 'people.create', { name, role: 'guest' })
      expect(result, JSON.stringify(name)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { issues: [{ path: ['name'] }] } },
      })
    }
    const nested = await core.as(coordinator, 'notes.create', {
      content: { title: 'T', category: 'technique', body: 'b', tags: ['ok', 'a\u0000'] },
    })
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['content', 'tags', 1] }] } } })
    expect(tableChecksum(core.db)).toBe(before)
    // Paired surrogates (emoji, old scripts) are ordinary text.
    const fine = await core.ok(coordinator, 'people.create', { name: 'Anna \u{1F9EA} \u{10348}', role: 'guest' })
    expect(fine.name).toBe('Anna \u{1F9EA} \u{10348}')
  })

  it('a booking series from or to "24:00" (allowed by the shared local-time schema): VALIDATION on that field, not a RangeError INTERNAL', async () => {
    const coordinator = actorsFor()[0]!.id
    const before = tableChecksum(core.db)
    const series = { equipmentId: 1, kind: 'use', date: '2026-12-18', rule: { freq: 'daily', interval: 1, count: 2 } } as const
    for (const method of ['bookings.previewSeries', 'bookings.createSeries'] as const) {
      for (const [from, to, field] of [
        ['24:00', '16:35', 'from'],
        ['10:00', '24:00', 'to'],
      ] as const) {
        const result = await core.as(coordinator, method, { ...series, from, to })
        expect(result, `${method} ${from}-${to}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', details: { issues: [{ path: [field] }] } },
        })
      }
    }
    expect(tableChecksum(core.db)).toBe(before)
  })

  it('the transport: refusals close the connection, so an unread body cannot become the next request', async () => {
    // Without Connection: close, the PUT's body stayed on the kept-alive socket and the next request failed.
    const put = await send('/api/people.list', { method: 'PUT', headers: JSON_HEADERS, body: '{"input":{}}' })
    expect(put.status).toBe(405)
    const next = await post('people.countByRole', '{"input":{}}')
    expect(JSON.parse(next.body)).toMatchObject({ ok: true })
  })
})
