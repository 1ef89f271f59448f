// Test support: a ZIP writer that lies on request. Real tools never write symlinks into a test's
// archive, overlapping entries or sizes that do not match the data, so the import's refusals are
// tested with archives made here, byte by byte.
import { deflateSync } from 'fflate'
import { crc32 } from './safeZip'

export interface RawEntry {
  name: string
  data?: Uint8Array
  /** Deflate (8) or store (0, the default). */
  method?: 0 | 8
  /** What the central directory claims, when it should not be the truth. */
  declaredSize?: number
  declaredCompressedSize?: number
  /** Upper byte: host system (3 = Unix). */
  madeBy?: number
  external?: number
  flags?: number
  /** Point this entry's central-directory record at an earlier entry's data. */
  sameDataAs?: number
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8')
    const data = Buffer.from(entry.data ?? new Uint8Array())
    const method = entry.method ?? 0
    const packed = method === 8 ? Buffer.from(deflateSync(data)) : data
    const crc = crc32(data)
    const size = entry.declaredSize ?? data.length
    const compressed = entry.declaredCompressedSize ?? packed.length
    let localOffset = offset
    if (entry.sameDataAs !== undefined) localOffset = offsets[entry.sameDataAs]!
    else {
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE((entry.flags ?? 0) | 0x800, 6)
      local.writeUInt16LE(method, 8)
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(compressed, 18)
      local.writeUInt32LE(size, 22)
      local.writeUInt16LE(name.length, 26)
      chunks.push(local, name, packed)
      offset += 30 + name.length + packed.length
    }
    offsets[index] = localOffset
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(entry.madeBy ?? 20, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE((entry.flags ?? 0) | 0x800, 8)
    record.writeUInt16LE(method, 10)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(compressed, 20)
    record.writeUInt32LE(size, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt32LE(entry.external ?? 0, 38)
    record.writeUInt32LE(localOffset, 42)
    central.push(record, name)
  })
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, directory, end])
}
