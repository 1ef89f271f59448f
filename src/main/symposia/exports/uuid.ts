// Name-based UUIDs (RFC 4122 §4.3, version 5: SHA-1): the same name in the same namespace always
// gives the same UUID, so a slot keeps its guid across every export and every machine.
import { createHash } from 'node:crypto'

/** RFC 4122 Appendix C: the namespace for URLs, which c3voc uses for person guids ('acct:user@host'). */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'
/** Werkbank's own namespace for symposium rooms, events and people without an e-mail address. */
export const NAMESPACE_WERKBANK = '188dfcfc-f40c-4747-a969-3b28065ea934'

export function uuidV5(namespace: string, name: string): string {
  const hex = namespace.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`Not a UUID: ${namespace}`)
  const bytes = createHash('sha1').update(Buffer.from(hex, 'hex')).update(Buffer.from(name, 'utf8')).digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50 // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // the RFC 4122 variant
  const h = bytes.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
