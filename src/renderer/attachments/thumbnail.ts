// Preparing a file for `attachments.upload` in the browser: which allowed type it is, its bytes as
// base64, and for photos a small JPEG thumbnail drawn on a canvas (the core has no image library).
import { ATTACHMENT_TYPES, attachmentUrl, type AttachmentType } from '../../shared/attachments'

export const THUMBNAIL_LONG_SIDE = 320
export const THUMBNAIL_QUALITY = 0.8

const BY_EXTENSION: Record<string, AttachmentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
}

/** What accept="" offers in the file dialog: the types and their usual extensions. */
export const ACCEPT = [...ATTACHMENT_TYPES, ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`)].join(',')

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''

/** The allowed type of a file, from what the browser says or else its extension; null if not allowed. */
export function attachmentTypeOf(file: { name: string; type: string }): AttachmentType | null {
  if ((ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return file.type as AttachmentType
  // Browsers report CSV differently per platform (say application/vnd.ms-excel); trust the extension then.
  return BY_EXTENSION[extensionOf(file.name)] ?? null
}

export const isImageType = (type: AttachmentType | null | undefined): boolean => !!type && type.startsWith('image/')

/** A best guess from the name alone, for attachments whose type was never seen by this window. */
export const typeFromName = (name: string): AttachmentType | null => BY_EXTENSION[extensionOf(name)] ?? null

/** The bytes of a file or blob as base64 (without the data: prefix). */
export function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'))
    reader.readAsDataURL(blob)
  })
}

async function decode(blob: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(blob)
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
  }
  const url = URL.createObjectURL(blob)
  const image = new Image()
  image.src = url
  try {
    await image.decode()
  } catch (error) {
    URL.revokeObjectURL(url)
    throw error
  }
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) }
}

/**
 * A JPEG of the image at most 320 px on its long side, as base64; null when the browser cannot
 * decode it (the upload then goes without a thumbnail and the full image is shown scaled down).
 */
export async function makeThumbnail(blob: Blob, longSide = THUMBNAIL_LONG_SIDE, quality = THUMBNAIL_QUALITY): Promise<string | null> {
  try {
    const image = await decode(blob)
    try {
      if (!image.width || !image.height) return null
      const scale = Math.min(1, longSide / Math.max(image.width, image.height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round(image.width * scale))
      canvas.height = Math.max(1, Math.round(image.height * scale))
      const context = canvas.getContext('2d')
      if (!context) return null
      // JPEG has no transparency: put transparent PNGs and WebPs on white rather than black.
      context.fillStyle = '#fff'
      context.fillRect(0, 0, canvas.width, canvas.height)
      context.imageSmoothingQuality = 'high'
      context.drawImage(image.source, 0, 0, canvas.width, canvas.height)
      const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
      return jpeg ? await readBase64(jpeg) : null
    } finally {
      image.close()
    }
  } catch {
    return null
  }
}

/** How to show one attachment of an experiment: its type, whether it is a photo, and where its bytes are. */
export function viewOf(
  file: { sha256: string; name: string },
  known: ReadonlyMap<string, { mediaType: AttachmentType; thumbnailSha256: string | null }>,
): { type: AttachmentType | null; image: boolean; href: string; preview: string } {
  const seen = known.get(file.sha256)
  const type = seen?.mediaType ?? typeFromName(file.name)
  // Without a known thumbnail the full image is shown scaled down (and loaded lazily).
  return { type, image: isImageType(type), href: attachmentUrl(file.sha256), preview: attachmentUrl(seen?.thumbnailSha256 ?? file.sha256) }
}
