// The one entry into the core for both transports: validate the envelope and the input against the
// contract, resolve who is calling, run the handler, and return a typed result. Expected refusals
// (AppError) become their code; anything else becomes INTERNAL, logged in full and never leaked.
import type { z } from 'zod'
import { contract, isMethod, type Method, type MethodOutput, type ParsedInput } from '../shared/contract'
import type { Role } from '../shared/people'
import type { ApiResult, FieldIssue } from '../shared/result'
import { AppError } from './errors'
import type { Logger } from './log'

export interface Actor {
  id: number
  name: string
  role: Role
}

export interface CallContext {
  /** The profile the call is made as; null before anyone has picked a profile. */
  actor: Actor | null
}

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>
}

export interface DispatcherOptions {
  handlers: Handlers
  /** Returns the active person with this id or throws AppError (FORBIDDEN). */
  resolveActor: (id: number) => Actor
  log: Logger
  /** Check every result against its output schema too: on in tests, where a mismatch is a bug to catch. */
  validateOutputs?: boolean
}

export type Dispatch = (method: string, envelope: unknown) => Promise<ApiResult<unknown>>

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, resolveActor, log, validateOutputs = false } = options

  return async function dispatch(method, envelope) {
    try {
      if (!isMethod(method)) {
        throw new AppError('NOT_FOUND', `Unknown method ${String(method).slice(0, 80)}`, { reason: 'unknownMethod' })
      }
      const { input, actorId } = readEnvelope(envelope)
      const spec = contract[method]
      const parsed = spec.input.safeParse(input)
      if (!parsed.success) {
        throw new AppError('VALIDATION', `Invalid input for ${method}`, { reason: 'invalidInput', issues: toFieldIssues(parsed.error) })
      }
      const badText = findBadText(parsed.data, [])
      if (badText) throw new AppError('VALIDATION', `Invalid input for ${method}`, { reason: 'invalidInput', issues: [badText] })
      const ctx: CallContext = { actor: actorId == null ? null : resolveActor(actorId) }
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown
      const value = await handler(parsed.data, ctx)
      if (validateOutputs) {
        const checked = spec.output.safeParse(value)
        if (!checked.success) throw new Error(`Output of ${method} does not match the contract: ${checked.error.message}`)
      }
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, details: error.details } }
      }
      // Another connection held the write lock past the busy timeout (a restore copying over the
      // live file, another process on the same data folder): the transaction was rolled back, so
      // nothing changed and trying again later is the answer, not an incident.
      if (isDatabaseBusy(error)) {
        return { ok: false, error: { code: 'CONFLICT', message: 'The database is busy; try again', details: { reason: 'databaseBusy' } } }
      }
      const incident = Math.random().toString(36).slice(2, 10)
      log.error('internal-error', { incident, method: String(method).slice(0, 80), error })
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Unexpected error (incident ${incident}); see the log`,
          details: { reason: 'internal', incident },
        },
      }
    }
  }
}

/** better-sqlite3's SqliteError for SQLITE_BUSY or SQLITE_LOCKED (and their extended codes). */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)
}

function readEnvelope(envelope: unknown): { input: unknown; actorId: number | null } {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw new AppError('VALIDATION', 'A call must carry an object with its input', { reason: 'badEnvelope' })
  }
  const { input, actorId } = envelope as { input?: unknown; actorId?: unknown }
  if (actorId != null && !(Number.isSafeInteger(actorId) && (actorId as number) > 0)) {
    throw new AppError('VALIDATION', 'actorId must be a positive integer', { reason: 'badEnvelope' })
  }
  return { input, actorId: (actorId as number | null | undefined) ?? null }
}

/**
 * Text the database cannot keep as given: SQLite's length() and C strings end at U+0000 (a name
 * "\u0000x" counts as empty and trips a CHECK), and an unpaired surrogate is silently stored as
 * U+FFFD. Neither is ever typed by a person, so every string of every input is refused with them.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function findBadText(value: unknown, path: (string | number)[]): FieldIssue | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      return { path, code: 'invalid_format', message: 'Text with a NUL character or an unpaired surrogate', params: { format: 'text' } }
    }
    return null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = findBadText(value[i], [...path, i])
      if (issue) return issue
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const issue = findBadText(item, [...path, key])
      if (issue) return issue
    }
  }
  return null
}

const ISSUE_PARAMS = ['minimum', 'maximum', 'format', 'expected', 'origin'] as const

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {}
    const raw = issue as unknown as Record<string, unknown>
    for (const key of ISSUE_PARAMS) {
      const v = raw[key]
      if (typeof v === 'string' || typeof v === 'number') params[key] = v
      if (typeof v === 'bigint') params[key] = Number(v)
    }
    if (Array.isArray(raw.keys)) params.keys = raw.keys.join(', ')
    if (Array.isArray(raw.values)) params.values = raw.values.map(String).join(', ')
    if (raw.params && typeof raw.params === 'object') Object.assign(params, raw.params)
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: issue.code, message: issue.message, params }
  })
}
