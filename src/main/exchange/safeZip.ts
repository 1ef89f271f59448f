// Reads a ZIP archive someone else made, without trusting it. The central directory is parsed here
// (fflate does not show the entries' external attributes, which is where symlinks hide) and every
// entry is checked before a single byte is inflated: names that could leave a folder, links and
// special files, encryption, too many or too large entries, overlapping entries and expansion
// ratios of zip bombs. Inflating then counts what comes out and stops at the declared size.
// Nothing here touches the file system: the caller gets bytes in memory or a refusal.
import { Inflate } from 'fflate'
import { AppError } from '../errors'

export interface ZipLimits {
  /** Most entries (files and folders) in the archive. */
  entries: number
  /** Largest uncompressed entry, in bytes. */
  entryBytes: number
  /** Largest sum of all uncompressed entries, in bytes. */
  totalBytes: number
  /** Highest uncompressed : compressed ratio for entries above `ratioFloorBytes`. */
  ratio: number
  ratioFloorBytes: number
}

export interface ZipEntry {
  name: string
  directory: boolean
  method: number
  crc32: number
  compressedSize: number
  size: number
  dataStart: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MIB = 1024 * 1024

const mib = (bytes: number) => Math.max(1, Math.round(bytes / MIB))

/** An archive refused as corrupt: the reason every structural surprise gets. */
const corrupt = (entry: string) => new AppError('VALIDATION', `The archive is damaged near ${entry}`, { reason: 'elnCorrupt', entry })

/** Why a name could write outside the folder it is unpacked into (or hide what it is); null when it is safe. */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return 'empty'
  if (name.includes('\\')) return 'backslash'
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character'
  if (name.startsWith('/')) return 'absolute'
  if (/^[A-Za-z]:/.test(name)) return 'drive letter'
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.some((s) => s === '..')) return 'parent folder'
  if (segments.some((s) => s === '' || s === '.')) return 'empty segment'
  return null
}

/** Reads and checks the central directory. Throws AppError (VALIDATION) on anything unsafe. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => {
    if (at + 2 > bytes.length) throw corrupt('end of archive')
    return view.getUint16(at, true)
  }
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw corrupt('end of archive')
    return view.getUint32(at, true)
  }

  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd < 0 || bytes.length < 22) throw new AppError('VALIDATION', 'Not a ZIP archive', { reason: 'elnNotZip' })

  const disk = u16(eocd + 4)
  const directoryDisk = u16(eocd + 6)
  const entriesHere = u16(eocd + 8)
  const count = u16(eocd + 10)
  const directorySize = u32(eocd + 12)
  const directoryOffset = u32(eocd + 16)
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== count) {
    throw new AppError('VALIDATION', 'Split archives are not supported', { reason: 'elnUnsupported', entry: 'multi-disk' })
  }
  // ZIP64 (over 65,535 entries or 4 GiB) is far beyond any limit here.
  if (count === 0xffff || directoryOffset === 0xffffffff || (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR)) {
    throw new AppError('VALIDATION', 'ZIP64 archives are not supported', { reason: 'elnUnsupported', entry: 'zip64' })
  }
  if (count > limits.entries) {
    throw new AppError('VALIDATION', `More than ${limits.entries} entries`, { reason: 'elnTooManyEntries', maximum: limits.entries })
  }
  if (directoryOffset + directorySize > eocd) throw corrupt('central directory')

  const entries: ZipEntry[] = []
  const names = new Set<string>()
  const ranges: [number, number, string][] = []
  let total = 0
  let at = directoryOffset
  const decoder = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw corrupt(`entry ${i + 1}`)
    const madeBy = u16(at + 4)
    const flags = u16(at + 8)
    const method = u16(at + 10)
    const crc32 = u32(at + 16)
    const compressedSize = u32(at + 20)
    const size = u32(at + 24)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    const external = u32(at + 38)
    const localOffset = u32(at + 42)
    if (at + 46 + nameLength > bytes.length) throw corrupt(`entry ${i + 1}`)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength

    const why = unsafeName(name)
    if (why) throw new AppError('VALIDATION', `Unsafe path in archive (${why}): ${name}`, { reason: 'elnUnsafePath', entry: name })
    if (names.has(name)) throw corrupt(name)
    names.add(name)

    // Unix modes live in the upper 16 bits of the external attributes (hosts 3 Unix, 19 macOS);
    // Windows marks links as reparse points (0x400) in the lower ones.
    const host = madeBy >> 8
    const mode = external >>> 16
    const type = mode & 0o170000
    const unixLike = host === 3 || host === 19
    if ((unixLike && type !== 0 && type !== 0o100000 && type !== 0o040000) || (external & 0x400) !== 0) {
      throw new AppError('VALIDATION', `Link or special file in archive: ${name}`, { reason: 'elnSymlink', entry: name })
    }
    if (flags & 0x1) throw new AppError('VALIDATION', `Encrypted entry: ${name}`, { reason: 'elnUnsupported', entry: name })
    if (method !== 0 && method !== 8) {
      throw new AppError('VALIDATION', `Compression method ${method}: ${name}`, { reason: 'elnUnsupported', entry: name })
    }

    const directory = name.endsWith('/')
    if (size > limits.entryBytes) {
      throw new AppError('VALIDATION', `Entry over ${limits.entryBytes} bytes: ${name}`, {
        reason: 'elnEntryTooLarge',
        entry: name,
        maximum: mib(limits.entryBytes),
      })
    }
    total += size
    if (total > limits.totalBytes) {
      throw new AppError('VALIDATION', `Archive unpacks to over ${limits.totalBytes} bytes`, {
        reason: 'elnTooLarge',
        maximum: mib(limits.totalBytes),
      })
    }
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.ratio) {
      throw new AppError('VALIDATION', `Suspicious compression ratio: ${name}`, { reason: 'elnZipBomb', entry: name })
    }
    if (method === 0 && compressedSize !== size) throw corrupt(name)
    entries.push({ name, directory, method, crc32, compressedSize, size, dataStart: localOffset })
  }
  // Only when every declared name and size has passed: find each entry's data behind its local header.
  for (const entry of entries) {
    const localOffset = entry.dataStart
    if (u32(localOffset) !== LOCAL) throw corrupt(entry.name)
    entry.dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
    const dataEnd = entry.dataStart + entry.compressedSize
    if (dataEnd > directoryOffset) throw corrupt(entry.name)
    ranges.push([localOffset, dataEnd, entry.name])
  }
  // Entries that share bytes multiply one compressed stream into many files: a known zip bomb.
  ranges.sort((a, b) => a[0] - b[0])
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] < ranges[i - 1]![1]) {
      throw new AppError('VALIDATION', `Overlapping entries: ${ranges[i]![2]}`, { reason: 'elnZipBomb', entry: ranges[i]![2] })
    }
  }
  return entries
}

/** The entry's bytes, inflated with a hard stop at its declared size, and checked against its CRC-32. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
  let out: Uint8Array
  if (entry.method === 0) out = data
  else {
    out = new Uint8Array(entry.size)
    let written = 0
    const inflate = new Inflate((chunk) => {
      if (written + chunk.length > entry.size) {
        throw new AppError('VALIDATION', `Entry inflates beyond its declared size: ${entry.name}`, {
          reason: 'elnZipBomb',
          entry: entry.name,
        })
      }
      out.set(chunk, written)
      written += chunk.length
    })
    try {
      const step = 64 * 1024
      for (let at = 0; at < data.length || at === 0; at += step) inflate.push(data.subarray(at, at + step), at + step >= data.length)
    } catch (error) {
      if (error instanceof AppError) throw error
      throw corrupt(entry.name)
    }
    if (written !== entry.size) throw corrupt(entry.name)
  }
  if (crc32(out) !== entry.crc32) throw corrupt(entry.name)
  return out
}

let crcTable: Uint32Array | null = null
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
