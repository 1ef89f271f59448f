// Getting a letter out of Werkbank without a mail server: as an .eml file the mail program opens
// as a draft, or as a mailto: link with the subject and body filled in.
import type { OutboxMessage } from '../../../shared/symposia'
import { saveBlob } from '../../downloads'

export function downloadEml(filename: string, content: string): void {
  saveBlob(new Blob([content], { type: 'message/rfc822' }), filename)
}

/** RFC 6068: the address as it is, subject and body percent-encoded, line breaks as CRLF. */
export function mailtoLink(message: Pick<OutboxMessage, 'toEmail' | 'subject' | 'body'>): string {
  const body = message.body.replace(/\r?\n/g, '\r\n')
  return `mailto:${message.toEmail ?? ''}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(body)}`
}
