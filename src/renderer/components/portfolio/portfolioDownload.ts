// Saving a text file the core made (the JSON export, a badge) through the browser's download.
import type { ExportedText } from '../../../shared/symposiumExports'

export function downloadText(file: ExportedText): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mediaType};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click starts the download synchronously; revoking on the next task keeps every browser happy.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
