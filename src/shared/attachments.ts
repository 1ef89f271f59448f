// Attachments: photos and files stored by their SHA-256, with the limits every upload is held to.
import { z } from 'zod'

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
export const THUMBNAIL_MAX_BYTES = 512 * 1024
/** What may be uploaded; the core also checks the bytes really are that type. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain', 'text/csv'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

export const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)

export const attachmentUploadInput = z.strictObject({
  /** The file's own name, kept only as a label; it never becomes a path. */
  name: z.string().trim().min(1).max(200),
  mediaType: z.enum(ATTACHMENT_TYPES),
  dataBase64: base64(ATTACHMENT_MAX_BYTES),
  /** A small JPEG made by the renderer for images (the core has no image library). */
  thumbnailBase64: base64(THUMBNAIL_MAX_BYTES).optional(),
})

export const attachmentInfo = z.strictObject({
  sha256,
  size: z.int().min(0),
  mediaType: z.enum(ATTACHMENT_TYPES),
  thumbnailSha256: sha256.nullable(),
})
export type AttachmentInfo = z.infer<typeof attachmentInfo>

/** Where the renderer finds the bytes: the same path on the app protocol and over HTTP. */
export const attachmentUrl = (hash: string) => `/attachments/${hash}`
