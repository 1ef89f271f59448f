import { createHash, randomBytes } from 'node:crypto'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ELN_IMPORT_LIMITS, ELN_IMPORT_MAX_BYTES } from '../../shared/exchange'
import { tableChecksum } from '../testing/testCore'
import { CSV, openExchangeCentre, PHOTO, type ExchangeCentre } from './exchangeFixture'
import { rawZip, type RawEntry } from './rawZip'

let centre: ExchangeCentre
beforeEach(async () => {
  centre = await openExchangeCentre()
})
afterEach(() => centre.core.cleanup())

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const utf8 = (text: string) => Buffer.from(text, 'utf8')
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

async function exportEln(ids: number[]) {
  const file = await centre.core.ok(centre.student.id, 'exchange.elnExport', { ids, language: 'nl' })
  return { file, bytes: Buffer.from(file.dataBase64, 'base64') }
}

function crateOf(bytes: Uint8Array) {
  const files = unzipSync(bytes)
  const [name] = Object.keys(files).filter((n) => n.endsWith('/ro-crate-metadata.json'))
  return {
    files,
    metadataName: name!,
    metadata: JSON.parse(Buffer.from(files[name!]!).toString('utf8')) as { '@context': unknown; '@graph': Record<string, unknown>[] },
  }
}

describe('.eln export', () => {
  it('writes one root folder with an RO-Crate 1.1 description, datasets, parameters and files', async () => {
    const { file, bytes } = await exportEln([centre.experiment.id])
    expect(file.filename).toMatch(/^experiment-\d+-lasertest-eiken-multiplex-6-mm-snel-of-traag\.eln$/)
    const { files, metadata, metadataName } = crateOf(bytes)
    const root = metadataName.split('/')[0]!
    expect(`${root}.eln`).toBe(file.filename)
    expect(Object.keys(files).every((n) => n.startsWith(`${root}/`))).toBe(true)
    const graph = metadata['@graph']
    const byId = new Map(graph.map((e) => [e['@id'], e]))
    expect(byId.get('ro-crate-metadata.json')).toMatchObject({
      conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' },
      about: { '@id': './' },
    })
    const rootDataset = byId.get('./') as { hasPart: { '@id': string }[] }
    expect(rootDataset).toMatchObject({ '@type': 'Dataset' })
    expect(rootDataset.hasPart).toHaveLength(1)
    const dataset = byId.get(rootDataset.hasPart[0]!['@id']) as Record<string, unknown>
    expect(dataset).toMatchObject({
      '@type': 'Dataset',
      name: centre.experiment.content.title,
      keywords: 'eiken,lasersnijden,multiplex',
      creativeWorkStatus: 'completed',
      dateCreated: centre.experiment.createdAt,
    })
    const variables = (dataset.variableMeasured as { '@id': string }[]).map((v) => byId.get(v['@id']))
    expect(variables).toEqual([
      expect.objectContaining({ '@type': 'PropertyValue', name: 'Vermogen', value: '60', unitText: '%' }),
      expect.objectContaining({ name: 'Snelheid', value: '20,5', unitText: 'mm/s' }),
      expect.objectContaining({ name: 'Passes', value: '2', unitText: '' }),
    ])
    expect(byId.get((dataset.author as { '@id': string })['@id'])).toMatchObject({ '@type': 'Person', name: 'Gerrit Zzp' })
    const parts = (dataset.hasPart as { '@id': string }[]).map((p) => byId.get(p['@id'])!)
    expect(parts).toEqual([
      expect.objectContaining({
        '@type': 'File',
        name: 'snede-20mms.png',
        encodingFormat: 'image/png',
        sha256: sha(PHOTO),
        contentSize: String(PHOTO.length),
      }),
      expect.objectContaining({ '@type': 'File', name: 'metingen.csv', encodingFormat: 'text/csv', sha256: sha(CSV) }),
    ])
    for (const part of parts) {
      const bytes = files[`${root}/${String(part['@id']).slice(2)}`]!
      expect(sha(bytes)).toBe(part.sha256)
    }
  })

  it('exports many experiments as datasets of one archive', async () => {
    const { bytes, file } = await exportEln([centre.experiment.id, 1])
    expect(file.filename).toMatch(/^werkbank-experimenten-2026-03-02\.eln$/)
    const { metadata } = crateOf(bytes)
    expect((metadata['@graph'].find((e) => e['@id'] === './') as { hasPart: unknown[] }).hasPart).toHaveLength(2)
  })
})

describe('.eln import', () => {
  it('round-trips every field into new experiments, with a revision saying where they came from', async () => {
    const earlier = await centre.core.ok(centre.student.id, 'experiments.get', { id: 1 })
    const { bytes } = await exportEln([centre.experiment.id, earlier.id])
    const result = await centre.core.ok(centre.teacher.id, 'exchange.elnImport', { filename: 'lasertest.eln', dataBase64: base64(bytes) })
    expect(result.skipped).toEqual({ participants: [], machines: [], links: [], files: [] })
    expect(result.experiments).toHaveLength(2)
    const [copy, earlierCopy] = await Promise.all(
      result.experiments.map((e) => centre.core.ok(centre.teacher.id, 'experiments.get', { id: e.id })),
    )
    expect(copy!.id).not.toBe(centre.experiment.id)
    expect(copy!.status).toBe('completed')
    expect(earlierCopy!.status).toBe('draft')
    expect(copy!.author.id).toBe(centre.teacher.id)
    // Every field comes back, except the bookings (they belong to one centre's calendar) and the
    // link to the earlier experiment, which now points at its imported copy.
    expect(copy!.content).toEqual({ ...centre.experiment.content, bookingIds: [], linkedExperimentIds: [earlierCopy!.id] })
    expect(earlierCopy!.content).toEqual(earlier.content)
    const revisions = await centre.core.ok(centre.teacher.id, 'experiments.revisions', { id: copy!.id })
    expect(revisions.at(-1)).toMatchObject({ version: 1, note: 'imported from lasertest.eln' })
    // It is findable like any other experiment.
    const found = await centre.core.ok(centre.teacher.id, 'search.query', { q: 'lasertest' })
    expect(found.some((r) => r.kind === 'experiment' && r.refId === copy!.id)).toBe(true)
  })

  it('matches people, machines and notes by name in another centre, and says what it could not match', async () => {
    const { bytes } = await exportEln([centre.experiment.id])
    const other = await openExchangeCentre()
    try {
      // The other centre has the same people, machine and note, but not under the same ids.
      await other.core.ok(other.coordinator.id, 'people.create', { name: 'Iemand Anders', role: 'student' })
      // …except that the note has been renamed there, so the link to it cannot be made.
      await other.core.ok(other.coordinator.id, 'notes.save', {
        id: other.note.id,
        version: other.note.version,
        content: { ...other.note.content, title: 'Eiken lasersnijden, herzien' },
      })
      const result = await other.core.ok(other.coordinator.id, 'exchange.elnImport', { filename: 'x.eln', dataBase64: base64(bytes) })
      const copy = await other.core.ok(other.coordinator.id, 'experiments.get', { id: result.experiments[0]!.id })
      expect(copy.content.participants).toEqual([
        { personId: other.student.id, role: 'student' },
        { personId: other.teacher.id, role: 'teacher' },
      ])
      expect(copy.content.equipmentIds).toEqual([other.laser.id])
      // The linked experiment was not in the archive: found here by its title.
      expect(copy.content.linkedExperimentIds).toEqual([1])
      expect(copy.content.linkedNoteIds).toEqual([])
      expect(result.skipped).toEqual({ participants: [], machines: [], links: ['Lasersnijden van eiken'], files: [] })
    } finally {
      other.core.cleanup()
    }
  })

  it('imports an archive written the way eLabFTW writes one: several datasets, keywords as one string, HTML bodies', async () => {
    const root = 'export-2026-03-01'
    const photoId = './2026-02-27 - Laser-MDF - 1a2b3c4d/example photo.png'
    const json = utf8('{"elabid":"x"}')
    const metadata = {
      '@context': 'https://w3id.org/ro/crate/1.1/context',
      '@graph': [
        {
          '@id': 'ro-crate-metadata.json',
          '@type': 'CreativeWork',
          about: { '@id': './' },
          conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' },
          dateCreated: '2026-03-01T15:52:01+01:00',
          sdPublisher: { '@type': 'Organization', name: 'eLabFTW', url: 'https://www.elabftw.net' },
          version: '1.0',
        },
        {
          '@id': './',
          '@type': ['Dataset'],
          hasPart: [{ '@id': './2026-02-27 - Laser-MDF - 1a2b3c4d' }, { '@id': './2026-02-28 - Frezen-eiken - 5e6f7a8b' }],
        },
        {
          '@id': './2026-02-27 - Laser-MDF - 1a2b3c4d',
          '@type': 'Dataset',
          author: { '@id': 'person://abc?hash_algo=sha256' },
          dateCreated: '2026-02-27T10:00:00+01:00',
          dateModified: '2026-02-27T12:00:00+01:00',
          name: 'Laser MDF 3 mm',
          keywords: 'laser, MDF,Proef #1',
          text: '<h1>Goal</h1>\n<p>Clean cut &amp; no <b>soot</b>.</p><ul><li>step one</li><li>step two</li></ul>',
          url: 'https://elab.example/experiments.php?mode=view&id=256',
          variableMeasured: [{ '@id': 'pv://1' }, { '@id': 'pv://2' }],
          hasPart: [{ '@id': './2026-02-27 - Laser-MDF - 1a2b3c4d/export-elabftw.json' }, { '@id': photoId }],
          mentions: [{ '@id': 'https://elab.example/database.php?mode=view&id=51' }],
          comment: [],
        },
        { '@id': 'pv://1', '@type': 'PropertyValue', propertyID: 'Power', value: 40, unitText: '%' },
        { '@id': 'pv://2', '@type': 'PropertyValue', name: 'Speed', value: '25', unitText: 'mm/s' },
        {
          '@id': './2026-02-27 - Laser-MDF - 1a2b3c4d/export-elabftw.json',
          '@type': 'File',
          name: 'export-elabftw.json',
          encodingFormat: 'application/json',
          contentSize: json.length,
          sha256: sha(json),
        },
        {
          '@id': photoId,
          '@type': 'File',
          name: 'example photo.png',
          description: 'The cut',
          contentSize: PHOTO.length,
          sha256: sha(PHOTO),
        },
        {
          '@id': './2026-02-28 - Frezen-eiken - 5e6f7a8b',
          '@type': 'Dataset',
          name: 'Frezen eiken',
          keywords: ['cnc', 'eiken'],
          text: 'Plain text body',
          contributor: [{ '@id': 'person://abc?hash_algo=sha256' }],
        },
        { '@id': 'https://elab.example/database.php?mode=view&id=51', '@type': 'Dataset', name: 'Plasmid' },
        { '@id': 'person://abc?hash_algo=sha256', '@type': 'Person', givenName: 'Daan', familyName: 'Student' },
      ],
    }
    const archive = zipSync({
      [`${root}/ro-crate-metadata.json`]: utf8(JSON.stringify(metadata)),
      [`${root}/2026-02-27 - Laser-MDF - 1a2b3c4d/export-elabftw.json`]: json,
      [`${root}/${photoId.slice(2)}`]: PHOTO,
    })
    const result = await centre.core.ok(centre.freelancer.id, 'exchange.elnImport', { filename: 'elab.eln', dataBase64: base64(archive) })
    expect(result.experiments.map((e) => e.title)).toEqual(['Laser MDF 3 mm', 'Frezen eiken'])
    expect(result.skipped.files).toEqual(['export-elabftw.json'])
    const [mdf, oak] = await Promise.all(
      result.experiments.map((e) => centre.core.ok(centre.freelancer.id, 'experiments.get', { id: e.id })),
    )
    expect(mdf!.content.tags).toEqual(['laser', 'mdf', 'proef 1'])
    expect(mdf!.content.parameters).toEqual([
      { name: 'Power', value: '40', unit: '%' },
      { name: 'Speed', value: '25', unit: 'mm/s' },
    ])
    expect(mdf!.content.method).toBe('## Goal\n\nClean cut & no soot.\n\n- step one\n- step two')
    expect(mdf!.content.attachments).toEqual([{ sha256: sha(PHOTO), name: 'example photo.png', caption: 'The cut' }])
    expect(mdf!.status).toBe('draft')
    expect(oak!.content.tags).toEqual(['cnc', 'eiken'])
    expect(oak!.content.method).toBe('Plain text body')
    expect(oak!.content.participants).toEqual([{ personId: centre.student.id, role: 'guest' }])
  })
})

describe('.eln import refuses unsafe archives and writes nothing', () => {
  const metadataFor = (_root: string, parts: string[] = []) =>
    utf8(
      JSON.stringify({
        '@context': 'https://w3id.org/ro/crate/1.1/context',
        '@graph': [
          { '@id': 'ro-crate-metadata.json', '@type': 'CreativeWork', about: { '@id': './' } },
          { '@id': './', '@type': 'Dataset', hasPart: [{ '@id': './a/' }] },
          { '@id': './a/', '@type': 'Dataset', name: 'A', hasPart: parts.map((p) => ({ '@id': p })) },
        ],
      }),
    )
  const good = (more: RawEntry[] = []): RawEntry[] => [{ name: 'r/ro-crate-metadata.json', data: metadataFor('r') }, ...more]

  async function expectRefused(archive: Uint8Array, reason: string) {
    const before = tableChecksum(centre.core.db)
    const result = await centre.core.as(centre.freelancer.id, 'exchange.elnImport', { filename: 'bad.eln', dataBase64: base64(archive) })
    expect(result.ok, JSON.stringify(result)).toBe(false)
    expect(result.ok === false && result.error).toMatchObject({ code: 'VALIDATION', details: { reason } })
    expect(tableChecksum(centre.core.db)).toBe(before)
  }

  it('accepts the well-formed archive these tests start from', async () => {
    const result = await centre.core.ok(centre.freelancer.id, 'exchange.elnImport', {
      filename: 'ok.eln',
      dataBase64: base64(rawZip(good())),
    })
    expect(result.experiments).toHaveLength(1)
  })

  it('refuses paths that leave the folder: .., absolute, backslashes, drive letters', async () => {
    await expectRefused(rawZip(good([{ name: 'r/../evil.txt', data: utf8('x') }])), 'elnUnsafePath')
    await expectRefused(rawZip(good([{ name: '/etc/evil.txt', data: utf8('x') }])), 'elnUnsafePath')
    await expectRefused(rawZip(good([{ name: 'r\\..\\evil.txt', data: utf8('x') }])), 'elnUnsafePath')
    await expectRefused(rawZip(good([{ name: 'C:/evil.txt', data: utf8('x') }])), 'elnUnsafePath')
    // fflate writes whatever name it is given, as a careless exporter would.
    await expectRefused(zipSync({ 'r/ro-crate-metadata.json': metadataFor('r'), 'r/a/../../x': utf8('x') }), 'elnUnsafePath')
  })

  it('refuses symlinks, found in the central directory’s external attributes', async () => {
    await expectRefused(
      rawZip(good([{ name: 'r/a/link', data: utf8('/etc/passwd'), madeBy: 0x0314, external: 0o120777 * 0x10000 }])),
      'elnSymlink',
    )
    await expectRefused(
      zipSync({ 'r/ro-crate-metadata.json': metadataFor('r'), 'r/a/link': [utf8('/etc/passwd'), { os: 3, attrs: 0o120777 * 0x10000 }] }),
      'elnSymlink',
    )
  })

  it('refuses too many entries, and entries or totals too large', async () => {
    const many = Array.from({ length: ELN_IMPORT_LIMITS.entries }, (_, i) => ({ name: `r/a/${i}.txt`, data: utf8('x') }))
    await expectRefused(rawZip(good(many)), 'elnTooManyEntries')
    await expectRefused(
      rawZip(good([{ name: 'r/a/big.bin', data: new Uint8Array(ELN_IMPORT_LIMITS.entryBytes + 1), method: 8 }])),
      'elnEntryTooLarge',
    )
    // Sizes as the central directory declares them: refused before anything is unpacked.
    const large = Array.from({ length: 11 }, (_, i) => ({
      name: `r/a/${i}.bin`,
      data: utf8('x'),
      method: 8 as const,
      declaredSize: 10 * 1024 * 1024 - 1,
      declaredCompressedSize: 1024 * 1024,
    }))
    await expectRefused(rawZip(good(large)), 'elnTooLarge')
    await expectRefused(new Uint8Array(ELN_IMPORT_MAX_BYTES + 1), 'elnArchiveTooLarge')
  })

  it('refuses zip bombs: a high ratio, an entry that inflates past its size, entries sharing data', async () => {
    await expectRefused(rawZip(good([{ name: 'r/a/zeros.bin', data: new Uint8Array(5 * 1024 * 1024), method: 8 }])), 'elnZipBomb')
    await expectRefused(
      rawZip([
        {
          name: 'r/ro-crate-metadata.json',
          data: Buffer.concat([metadataFor('r'), Buffer.alloc(200_000, 0x20)]),
          method: 8,
          declaredSize: 1000,
        },
      ]),
      'elnZipBomb',
    )
    await expectRefused(
      rawZip(
        good([
          { name: 'r/a/one.txt', data: utf8('x') },
          { name: 'r/a/two.txt', sameDataAs: 1 },
        ]),
      ),
      'elnZipBomb',
    )
  })

  it('refuses what is not an .eln: no ZIP, no single root, no or broken metadata, encryption', async () => {
    await expectRefused(utf8('just some text, not a zip'), 'elnNotZip')
    await expectRefused(rawZip(good([{ name: 'other/x.txt', data: utf8('x') }])), 'elnLayout')
    await expectRefused(rawZip([{ name: 'r/a/x.txt', data: utf8('x') }]), 'elnLayout')
    await expectRefused(rawZip([{ name: 'r/ro-crate-metadata.json', data: utf8('{ not json') }]), 'elnMetadata')
    await expectRefused(rawZip([{ name: 'r/ro-crate-metadata.json', data: utf8('{"@context":"x"}') }]), 'elnMetadata')
    await expectRefused(rawZip([{ name: 'r/ro-crate-metadata.json', data: metadataFor('r'), flags: 1 }]), 'elnUnsupported')
    await expectRefused(
      rawZip([
        {
          name: 'r/ro-crate-metadata.json',
          data: utf8(
            JSON.stringify({
              '@graph': [
                { '@id': 'ro-crate-metadata.json', about: { '@id': './' } },
                { '@id': './', '@type': 'Dataset' },
              ],
            }),
          ),
        },
      ]),
      'elnEmpty',
    )
  })

  it('refuses a file whose sha256 does not match or that is missing, even after a good experiment', async () => {
    const { bytes } = await exportEln([1, centre.experiment.id])
    const { files, metadataName, metadata } = crateOf(bytes)
    const photo = metadata['@graph'].find((e) => e.name === 'snede-20mms.png')!
    photo.sha256 = sha(utf8('something else'))
    await expectRefused(zipSync({ ...files, [metadataName]: utf8(JSON.stringify(metadata)) }), 'elnChecksum')
    const tampered = { ...files }
    delete tampered[`${metadataName.split('/')[0]}/${String(photo['@id']).slice(2)}`]
    photo.sha256 = sha(PHOTO)
    await expectRefused(zipSync({ ...tampered, [metadataName]: utf8(JSON.stringify(metadata)) }), 'elnFileMissing')
    const corrupted = { ...files, [`${metadataName.split('/')[0]}/${String(photo['@id']).slice(2)}`]: randomBytes(PHOTO.length) }
    await expectRefused(zipSync(corrupted), 'elnChecksum')
  })
})
