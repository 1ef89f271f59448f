// Symposium attendance as an Open Badges 3.0 credential (1EdTech): an OpenBadgeCredential in the
// W3C Verifiable Credentials Data Model 2.0, issued by the centre as a Profile, whose
// credentialSubject (an AchievementSubject) holds the achievement "Attended <edition>", the days
// and the hours. UNSIGNED: it has no `proof`, so a verifier cannot check who issued it; it is a
// well-formed credential a badge platform or wallet can import and a signing service could sign.
import { createHash } from 'node:crypto'
import { NAMESPACE_WERKBANK, uuidV5 } from '../symposia/exports/uuid'
import type { PortfolioLabels } from './portfolioLabels'

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2'
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'

export interface BadgeFacts {
  centreName: string
  /** Distinguishes this centre's ids from another centre's with the same names and numbers. */
  centreKey: string
  edition: { id: number; title: string }
  registrationId: number
  person: { name: string; email: string | null }
  days: string[]
  sessions: number
  minutes: number
  issuedAt: Date
  /** A random salt for the hashed recipient identifier (so the hash cannot be looked up in a list). */
  salt: string
}

export function attendanceCredential(f: BadgeFacts, labels: PortfolioLabels, formatDate: (d: string) => string) {
  const urn = (name: string) => `urn:uuid:${uuidV5(NAMESPACE_WERKBANK, `werkbank:${f.centreKey}:${name}`)}`
  // The recipient as the spec's IdentityObject: an e-mail address when we have one, else the name,
  // salted and hashed as "sha256$<hex>" so the file does not spread the address.
  const identity = f.person.email ?? f.person.name
  const identityHash = `sha256$${createHash('sha256')
    .update(identity + f.salt)
    .digest('hex')}`
  const days = f.days.map(formatDate).join(', ')
  const name = labels.badge.name(f.edition.title)
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: urn(`badge:registration:${f.registrationId}`),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: urn('issuer'), type: ['Profile'], name: f.centreName },
    validFrom: f.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash,
          identityType: f.person.email ? 'emailAddress' : 'name',
          hashed: true,
          salt: f.salt,
        },
      ],
      activityStartDate: `${f.days[0]}T00:00:00Z`,
      activityEndDate: `${f.days.at(-1)}T23:59:59Z`,
      narrative: labels.badge.narrative(labels.hours(f.minutes), f.sessions, days),
      achievement: {
        id: urn(`achievement:symposium:${f.edition.id}`),
        type: ['Achievement'],
        name,
        description: labels.badge.description(f.edition.title, f.centreName),
        criteria: { narrative: labels.badge.criteria },
        inLanguage: labels.locale === 'nl-NL' ? 'nl' : 'en',
      },
    },
  }
}
