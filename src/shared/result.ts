// What every API call returns, on both transports. Nothing is thrown across the boundary:
// a refusal is data with a stable code, so the renderer can translate it and show the details.

export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'RULE', 'STALE', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One problem with one input field; `path` points into the input object. */
export interface FieldIssue {
  path: (string | number)[]
  /** zod's issue code (too_small, invalid_format, …), used by the renderer to pick a translation. */
  code: string
  message: string
  /** Numbers and names that a translated message may need (minimum, maximum, format, …). */
  params?: Record<string, string | number>
}

export interface ApiErrorDetails {
  /** A stable, translatable name for why a call was refused, e.g. `emailTaken`. */
  reason?: string
  issues?: FieldIssue[]
  [key: string]: unknown
}

export interface ApiError {
  code: ErrorCode
  /** English text for logs and developers; the renderer shows its own translation. */
  message: string
  details: ApiErrorDetails
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What a transport carries for one call: the input and the profile the call is made as. */
export interface CallEnvelope {
  input: unknown
  actorId?: number | null
}
