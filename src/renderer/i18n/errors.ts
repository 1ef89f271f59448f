// Turns an API error into text a person can act on: one message for the whole call, plus one per
// form field for VALIDATION errors, all translated.
import type { ApiError, FieldIssue } from '../../shared/result'
import { formatDate, formatDateTime, formatTime } from './format'
import { i18n } from './index'

export interface ErrorText {
  message: string
  /** Field name (first path element) → message. */
  fields: Record<string, string>
}

export function describeError(error: ApiError): ErrorText {
  const { t, te } = i18n.global
  const reason = error.details.reason
  const params: Record<string, unknown> = Object.fromEntries(
    Object.entries(error.details).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  )
  // Instants and dates in details are shown in the interface language and the centre's time zone.
  if (typeof error.details.startsAt === 'string') params.from = formatDateTime(error.details.startsAt)
  if (typeof error.details.startsAt === 'string' && typeof error.details.endsAt === 'string') {
    params.to =
      formatDate(error.details.startsAt) === formatDate(error.details.endsAt)
        ? formatTime(error.details.endsAt)
        : formatDateTime(error.details.endsAt)
  }
  for (const key of ['date', 'expiredOn'] as const) if (typeof error.details[key] === 'string') params[key] = formatDate(error.details[key])
  if (typeof error.details.status === 'string' && te(`equipment.statuses.${error.details.status}`))
    params.status = t(`equipment.statuses.${error.details.status}`)
  const message = reason && te(`errors.reasons.${reason}`) ? t(`errors.reasons.${reason}`, params) : t(`errors.codes.${error.code}`)
  const fields: Record<string, string> = {}
  for (const issue of error.details.issues ?? []) {
    const field = String(issue.path[0] ?? '')
    fields[field] ??= describeIssue(issue)
  }
  return { message, fields }
}

function describeIssue(issue: FieldIssue): string {
  const { t } = i18n.global
  const p = issue.params ?? {}
  switch (issue.code) {
    case 'too_small':
      return p.origin === 'string' ? t('errors.fields.tooShort') : t('errors.fields.tooSmall', { minimum: p.minimum ?? '' })
    case 'too_big':
      return p.origin === 'string'
        ? t('errors.fields.tooLong', { maximum: p.maximum ?? '' })
        : t('errors.fields.tooBig', { maximum: p.maximum ?? '' })
    case 'invalid_format':
      return p.format === 'email' ? t('errors.fields.email') : t('errors.fields.invalid')
    case 'invalid_value':
      return t('errors.fields.choice')
    case 'invalid_type':
      return p.expected === 'string' ? t('errors.fields.required') : t('errors.fields.invalid')
    case 'unrecognized_keys':
      return t('errors.fields.unknownFields', { keys: p.keys ?? '' })
    case 'custom':
      return typeof p.reason === 'string' && i18n.global.te(`errors.fields.${p.reason}`)
        ? t(`errors.fields.${p.reason}`)
        : t('errors.fields.invalid')
    default:
      return t('errors.fields.invalid')
  }
}
