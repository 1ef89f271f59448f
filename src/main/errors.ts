// Errors a user can cause. Domain services throw AppError; the dispatcher turns it into an
// `{ ok: false, error }` result. Anything else thrown is a bug and becomes INTERNAL.
import type { ApiErrorDetails, ErrorCode } from '../shared/result'

export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError('NOT_FOUND', `${what} ${id} does not exist`, { reason: 'notFound', entity: what, id })

export const stale = (what: string, id: number, current: number) =>
  new AppError('STALE', `${what} ${id} was changed meanwhile (now version ${current})`, {
    reason: 'stale',
    entity: what,
    id,
    currentVersion: current,
  })
