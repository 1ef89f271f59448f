// Finds a file of the built renderer for a URL path, never outside the renderer folder.
import { existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_TYPES } from './securityHeaders'

export interface StaticFile {
  path: string
  contentType: string
}

export function resolveStaticFile(rootDir: string, urlPath: string): StaticFile | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = normalize(rootDir + sep)
  const full = normalize(join(root, relative))
  if (!full.startsWith(root)) return null
  if (!existsSync(full) || !statSync(full).isFile()) return null
  return { path: full, contentType: CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' }
}
