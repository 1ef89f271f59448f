// The symposium's outbox: letters (acceptance, rejection, registration, waitlist, promotion) made
// from editable templates in Dutch or English, kept until the organiser sends them from their own
// mail program (as .eml or a mailto link): Werkbank needs no mail server. Owns
// `symposium_message_templates` and `symposium_outbox`.
import type { z } from 'zod'
import { MESSAGE_KINDS, type MessageKind, type OutboxMessage, type templateResetInput, type templateSaveInput } from '../../shared/symposia'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { editionDates, type EditionRow } from './editionService'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { notFound } from '../errors'
import { requireManager } from '../permissions'

type Language = 'nl' | 'en'
type Template = { subject: string; body: string }

/** Placeholders in {curly braces}: name, edition, title, dates, venue, position, note. */
export const DEFAULT_TEMPLATES: Record<MessageKind, Record<Language, Template>> = {
  acceptance: {
    nl: {
      subject: 'Je bijdrage aan {edition} is geaccepteerd',
      body: 'Beste {name},\n\nWe zijn blij je te laten weten dat "{title}" is geaccepteerd voor {edition} ({dates}, {venue}).\n{note}\nWe nemen contact met je op over het programma.\n\nMet vriendelijke groet,\nHet programmateam',
    },
    en: {
      subject: 'Your contribution to {edition} has been accepted',
      body: 'Dear {name},\n\nWe are happy to tell you that "{title}" has been accepted for {edition} ({dates}, {venue}).\n{note}\nWe will be in touch about the programme.\n\nKind regards,\nThe programme team',
    },
  },
  rejection: {
    nl: {
      subject: 'Je bijdrage aan {edition}',
      body: 'Beste {name},\n\nDank je voor het insturen van "{title}". Helaas konden we de bijdrage dit jaar niet in het programma van {edition} opnemen.\n{note}\nWe hopen je op het symposium te zien.\n\nMet vriendelijke groet,\nHet programmateam',
    },
    en: {
      subject: 'Your contribution to {edition}',
      body: 'Dear {name},\n\nThank you for submitting "{title}". Unfortunately we could not include it in the programme of {edition} this year.\n{note}\nWe hope to see you at the symposium.\n\nKind regards,\nThe programme team',
    },
  },
  submission_waitlisted: {
    nl: {
      subject: 'Je bijdrage aan {edition} staat op de reservelijst',
      body: 'Beste {name},\n\n"{title}" staat op de reservelijst voor {edition}. Komt er een plek vrij in het programma, dan laten we het je weten.\n{note}\nMet vriendelijke groet,\nHet programmateam',
    },
    en: {
      subject: 'Your contribution to {edition} is on the reserve list',
      body: 'Dear {name},\n\n"{title}" is on the reserve list for {edition}. If a place in the programme becomes free, we will let you know.\n{note}\nKind regards,\nThe programme team',
    },
  },
  registration: {
    nl: {
      subject: 'Aanmelding {edition} bevestigd',
      body: 'Beste {name},\n\nJe aanmelding voor {edition} ({dates}, {venue}) is bevestigd. Tot dan!\n\nMet vriendelijke groet,\nHet organisatieteam',
    },
    en: {
      subject: 'Registration for {edition} confirmed',
      body: 'Dear {name},\n\nYour registration for {edition} ({dates}, {venue}) is confirmed. See you there!\n\nKind regards,\nThe organising team',
    },
  },
  waitlisted: {
    nl: {
      subject: 'Je staat op de wachtlijst voor {edition}',
      body: 'Beste {name},\n\n{edition} is vol. Je staat op de wachtlijst op plaats {position}. Komt er een plek vrij, dan schuif je automatisch door en krijg je bericht.\n\nMet vriendelijke groet,\nHet organisatieteam',
    },
    en: {
      subject: 'You are on the waitlist for {edition}',
      body: 'Dear {name},\n\n{edition} is full. You are number {position} on the waitlist. If a place becomes free, you move up automatically and we will let you know.\n\nKind regards,\nThe organising team',
    },
  },
  promotion: {
    nl: {
      subject: 'Er is een plek voor je vrijgekomen: {edition}',
      body: 'Beste {name},\n\nGoed nieuws: er is een plek vrijgekomen en je bent nu aangemeld voor {edition} ({dates}, {venue}). Kun je toch niet komen, meld je dan af, dan gaat de plek naar de volgende.\n\nMet vriendelijke groet,\nHet organisatieteam',
    },
    en: {
      subject: 'A place has become free for you: {edition}',
      body: 'Dear {name},\n\nGood news: a place has become free and you are now registered for {edition} ({dates}, {venue}). If you cannot come after all, please cancel, so the place goes to the next person.\n\nKind regards,\nThe organising team',
    },
  },
}

/** Fills {placeholders}; unknown ones stay as they are, so a typo in a template is visible. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole))
}

/** What every letter about an edition may say: its title, its dates in words, its venue. */
export function editionLetterValues(edition: EditionRow, language: Language): Record<string, string> {
  const dates = editionDates(edition.starts_on, edition.days).map((d) => new Date(d + 'T12:00:00Z'))
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return {
    edition: edition.title,
    dates: dates.length === 1 ? format.format(dates[0]) : format.formatRange(dates[0]!, dates.at(-1)!),
    venue: edition.venue,
  }
}

interface OutboxRow {
  id: number
  edition_id: number
  kind: MessageKind
  language: Language
  to_name: string
  to_email: string | null
  subject: string
  body: string
  created_at: string
  sent_at: string | null
}

export type Outbox = ReturnType<typeof createOutbox>

export function createOutbox(db: Db, clock: Clock) {
  const selectTemplate = db.prepare<[number, string, string], Template>(
    'SELECT subject, body FROM symposium_message_templates WHERE edition_id = ? AND kind = ? AND language = ?',
  )
  const insert = db.prepare(
    `INSERT INTO symposium_outbox (edition_id, kind, language, to_name, to_email, subject, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectByEdition = db.prepare<[number], OutboxRow>('SELECT * FROM symposium_outbox WHERE edition_id = ? ORDER BY id DESC')
  const selectById = db.prepare<[number], OutboxRow>('SELECT * FROM symposium_outbox WHERE id = ?')
  const editionExists = db.prepare<[number], number>('SELECT 1 FROM symposium_editions WHERE id = ?').pluck()

  /** Templates belong to an edition: an unknown one is NOT_FOUND, not a foreign-key crash on save. */
  function requireEdition(editionId: number) {
    if (editionExists.get(editionId) === undefined) throw notFound('edition', editionId)
  }

  const template = (editionId: number, kind: MessageKind, language: Language): Template =>
    selectTemplate.get(editionId, kind, language) ?? DEFAULT_TEMPLATES[kind][language]

  /** Queues one letter; runs inside the caller's transaction, so a refused action queues nothing. */
  function enqueue(
    editionId: number,
    kind: MessageKind,
    to: { name: string; email: string | null; language: Language },
    values: Record<string, string>,
  ) {
    const t = template(editionId, kind, to.language)
    const all = { ...values, name: to.name }
    insert.run(
      editionId,
      kind,
      to.language,
      to.name,
      to.email,
      fillTemplate(t.subject, all),
      fillTemplate(t.body, all),
      clock().toISOString(),
    )
  }

  function templates(editionId: number, actor: Actor | null) {
    requireManager(actor)
    requireEdition(editionId)
    return MESSAGE_KINDS.flatMap((kind) =>
      (['nl', 'en'] as const).map((language) => {
        const custom = selectTemplate.get(editionId, kind, language)
        return { kind, language, ...(custom ?? DEFAULT_TEMPLATES[kind][language]), custom: custom !== undefined }
      }),
    )
  }

  const saveTemplate = writeTransaction(db, (input: z.output<typeof templateSaveInput>, actor: Actor | null) => {
    requireManager(actor)
    requireEdition(input.editionId)
    db.prepare(
      `INSERT INTO symposium_message_templates (edition_id, kind, language, subject, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (edition_id, kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body`,
    ).run(input.editionId, input.kind, input.language, input.subject, input.body)
    return templates(input.editionId, actor)
  })

  /** Back to the standard text for one kind and language. */
  const resetTemplate = writeTransaction(db, (input: z.output<typeof templateResetInput>, actor: Actor | null) => {
    requireManager(actor)
    requireEdition(input.editionId)
    db.prepare('DELETE FROM symposium_message_templates WHERE edition_id = ? AND kind = ? AND language = ?').run(
      input.editionId,
      input.kind,
      input.language,
    )
    return templates(input.editionId, actor)
  })

  function list(editionId: number, actor: Actor | null): OutboxMessage[] {
    requireManager(actor)
    return selectByEdition.all(editionId).map(toMessage)
  }

  function eml(id: number, actor: Actor | null): { filename: string; content: string } {
    requireManager(actor)
    const row = selectById.get(id)
    if (!row) throw notFound('message', id)
    return { filename: `werkbank-${row.kind}-${row.id}.eml`, content: toEml(row) }
  }

  const markSent = writeTransaction(db, (ids: number[], actor: Actor | null): OutboxMessage[] => {
    requireManager(actor)
    const rows = ids.map((id) => selectById.get(id) ?? notFoundThrow(id))
    const now = clock().toISOString()
    const mark = db.prepare('UPDATE symposium_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL')
    for (const row of rows) mark.run(now, row.id)
    return ids.map((id) => toMessage(selectById.get(id)!))
  })

  return { enqueue, templates, saveTemplate, resetTemplate, list, eml, markSent }
}

function notFoundThrow(id: number): never {
  throw notFound('message', id)
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    editionId: row.edition_id,
    kind: row.kind,
    language: row.language,
    toName: row.to_name,
    toEmail: row.to_email,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  }
}

/** RFC 2047 encoded-word when a header holds more than ASCII. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`
}

/**
 * An RFC 5322 message marked as unsent (X-Unsent), so mail programs open it as a draft to send
 * from the organiser's own account; hence no From header. The body is base64 UTF-8, lines ≤ 76.
 */
export function toEml(row: OutboxRow): string {
  const to = row.to_email ? `${headerText(row.to_name).replace(/[",]/g, '')} <${row.to_email}>` : headerText(row.to_name)
  const body = Buffer.from(row.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64')
  const lines = [
    'X-Unsent: 1',
    `To: ${to}`,
    `Subject: ${headerText(row.subject)}`,
    `Date: ${new Date(row.created_at).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <werkbank-outbox-${row.id}-${Date.parse(row.created_at)}@werkbank.invalid>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(body.match(/.{1,76}/g) ?? []),
    '',
  ]
  return lines.join('\r\n')
}
