// Where a search result opens: one place for the Ctrl+K dialog and the search page.
import type { SearchResult } from '../../shared/search'

export function resultRoute(result: Pick<SearchResult, 'kind' | 'refId' | 'title'>): string {
  switch (result.kind) {
    case 'note':
      return `/knowledge/notes/${result.refId}`
    case 'experiment':
      return `/experiments/${result.refId}`
    case 'equipment':
      return `/equipment/${result.refId}`
    case 'person':
      return `/people?q=${encodeURIComponent(result.title)}`
    case 'session':
      return `/symposia/sessions/${result.refId}`
  }
}
