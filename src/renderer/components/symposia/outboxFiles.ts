// Getting a letter out of Werkbank without a mail server: as an .eml file the mail program opens
// as a draft, or as a mailto: link with the subject and body filled in.
import type { OutboxMessage } from '../../../shared/symposia'

export function downloadEml(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'message/rfc822' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click starts the download synchronously; revoking on the next task keeps every browser happy.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** RFC 6068: the address as it is, subject and body percent-encoded, line breaks as CRLF. */
export function mailtoLink(message: Pick<OutboxMessage, 'toEmail' | 'subject' | 'body'>): string {
  const body = message.body.replace(/\r?\n/g, '\r\n')
  return `mailto:${message.toEmail ?? ''}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(body)}`
}
