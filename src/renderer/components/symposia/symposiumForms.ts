// Refusals of the symposium forms, per field: one message per input, keyed by its whole path
// ("rooms.1.capacity", "speakers.0.email"), so a list shows the error on the row it is about.
import type { ApiError, FieldIssue } from '../../../shared/result'
import { describeError } from '../../i18n/errors'
import { i18n } from '../../i18n'

export function valueAt(values: unknown, path: FieldIssue['path']): unknown {
  return path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], values)
}

/** `values` is what was sent, to tell an empty field ("fill this in") from a wrong one. */
export function fieldErrorsByPath(error: ApiError, values: unknown): Record<string, string> {
  const found: Record<string, string> = {}
  for (const issue of error.details.issues ?? []) {
    const typed = valueAt(values, issue.path)
    const message =
      issue.path.length > 0 && (typed === '' || typed === undefined)
        ? i18n.global.t('errors.fields.required')
        : describeError({ ...error, details: { issues: [issue] } }).fields[String(issue.path[0] ?? '')]
    if (message) found[issue.path.join('.')] ??= message
  }
  return found
}
