// Saving a file the core made through the browser's download (the same in Electron's window): one
// place for the hidden link, whatever the file is.
import type { ExportedFile } from '../shared/exchange'
import type { ExportedText } from '../shared/symposiumExports'

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
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

/** A binary file (PDF, ZIP, XLSX, .eln), base64 on the way from the core. */
export function downloadExportedFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0))
  saveBlob(new Blob([bytes], { type: file.mediaType }), file.filename)
}

/** A text file (JSON, CSV, iCalendar, XML), as UTF-8. */
export function downloadText(file: ExportedText): void {
  saveBlob(new Blob([file.content], { type: `${file.mediaType};charset=utf-8` }), file.filename)
}

/** Either kind, as the exports that return both hand them over. */
export function downloadAny(file: ExportedFile | ExportedText): void {
  if ('dataBase64' in file) downloadExportedFile(file)
  else downloadText(file)
}
