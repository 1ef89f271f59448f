// The one way Markdown becomes HTML in the app (design guide §4): markdown-it with raw HTML off →
// every plugin (wiki links, table alignment as classes) → DOMPurify as the last step, with an
// allow-list of tags, attributes, classes and URLs. MarkdownView.vue is the only place that puts
// the result into the page. docs/markdown.md explains the lists below; change both together.
import MarkdownIt, { type Token } from 'markdown-it'
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify'
import { wikiLinkPlugin, type WikiLinkEnv, type WikiLinkResolver } from './wikiLinks'

export type { WikiLinkResolution, WikiLinkResolver } from './wikiLinks'

export interface RenderMarkdownOptions {
  /** Says whether a wiki link's target exists (else it gets `wiki-link--missing`) and its title. */
  resolve?: WikiLinkResolver
  /** The window DOMPurify works in; default the global one. Tests may pass a jsdom window. */
  window?: WindowLike
}

/** Images come only from the attachment store, named by the SHA-256 of their content. */
export const ATTACHMENT_SRC = /^\/attachments\/[0-9a-f]{64}$/
/** Links that leave the app: they open outside it (target=_blank), the Electron shell decides where. */
const EXTERNAL_HREF = /^(?:https?:\/\/|mailto:)/i
/** The app's own hash routes, e.g. `#/equipment/7`. */
const APP_HREF = /^#\//

const ALLOWED_TAGS = 'a blockquote br code em h1 h2 h3 h4 h5 h6 hr img li ol p pre s strong table tbody td th thead tr ul'.split(' ')
const ALLOWED_ATTR = ['alt', 'class', 'href', 'src', 'start', 'title']

/** Class names per tag; every other class is dropped, so Markdown cannot borrow the app's styles. */
const ALLOWED_CLASSES: Record<string, RegExp> = {
  a: /^wiki-link(?:--missing)?$/,
  code: /^language-[\w#+.-]{1,40}$/,
  th: /^md-align-(?:left|center|right)$/,
  td: /^md-align-(?:left|center|right)$/,
}

const PURIFY_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // DOMPurify tests this with whitespace and control characters removed; the hooks below then
  // narrow it per element (hrefs on links, attachment paths on images).
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|mailto:|#\/|\/attachments\/[0-9a-f]{64}$)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Non-URL attributes are held to ALLOWED_URI_REGEXP too unless listed here (`<ol start="3">`).
  ADD_URI_SAFE_ATTR: ['start'],
  // Already outside ALLOWED_TAGS/ATTR; listed again so a widened allow-list cannot let them in.
  FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'form', 'object', 'embed', 'svg', 'math', 'template', 'base', 'link', 'meta'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href'],
  RETURN_TRUSTED_TYPE: false,
} satisfies Config

let markdownIt: MarkdownIt | null = null

function markdown(): MarkdownIt {
  if (markdownIt) return markdownIt
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
  // markdown-it's own check lets `data:image/…` through; a URL refused here stays visible as the
  // text the author typed instead of vanishing in the sanitiser.
  md.validateLink = (url: string): boolean => isLinkHref(url) || ATTACHMENT_SRC.test(url)
  md.use(wikiLinkPlugin)
  md.use(allowedTargetsOnly)
  md.use(tableAlignmentAsClass)
  markdownIt = md
  return md
}

function isLinkHref(url: string): boolean {
  return EXTERNAL_HREF.test(url) || APP_HREF.test(url)
}

/**
 * validateLink cannot tell a link from an image, so a link to an attachment or an image from the
 * web would reach the sanitiser, which strips the one and drops the other. Here they become what
 * the reader can still use: the link's words, the image's alt text.
 */
function allowedTargetsOnly(md: MarkdownIt): void {
  md.core.ruler.push('allowed_targets_only', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      const children: Token[] = []
      const droppedLinks: boolean[] = []
      for (const token of block.children) {
        if (token.type === 'link_open') {
          const drop = !isLinkHref(token.attrGet('href') ?? '')
          droppedLinks.push(drop)
          if (drop) continue
        } else if (token.type === 'link_close') {
          if (droppedLinks.pop()) continue
        } else if (token.type === 'image' && !ATTACHMENT_SRC.test(token.attrGet('src') ?? '')) {
          const alt = new state.Token('text', '', 0)
          alt.content = token.content
          children.push(alt)
          continue
        }
        children.push(token)
      }
      block.children = children
    }
  })
}

/** markdown-it aligns table cells with `style`, which the sanitiser removes; a class survives. */
function tableAlignmentAsClass(md: MarkdownIt): void {
  md.core.ruler.push('table_alignment_class', (state) => {
    for (const token of state.tokens) {
      if ((token.type !== 'th_open' && token.type !== 'td_open') || !token.attrs) continue
      const align = /^text-align:(left|center|right)$/.exec(token.attrGet('style') ?? '')
      token.attrs = token.attrs.filter(([name]) => name !== 'style')
      if (align) token.attrJoin('class', `md-align-${align[1]}`)
    }
  })
}

const sanitizers = new WeakMap<WindowLike, DOMPurify>()

function sanitizer(win: WindowLike | undefined): DOMPurify {
  const root = win ?? (typeof window === 'undefined' ? undefined : window)
  if (!root) throw new Error('renderMarkdown needs a DOM window to sanitise its output')
  let purify = sanitizers.get(root)
  if (!purify) {
    // A private instance, so these hooks never touch another user of DOMPurify.
    purify = createDOMPurify(root)
    if (!purify.isSupported) throw new Error('DOMPurify cannot sanitise in this window')
    purify.addHook('uponSanitizeElement', dropForeignImage)
    purify.addHook('afterSanitizeAttributes', narrowAttributes)
    sanitizers.set(root, purify)
  }
  return purify
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1
}

function dropForeignImage(node: Node): void {
  if (isElement(node) && node.nodeName.toLowerCase() === 'img' && !ATTACHMENT_SRC.test(node.getAttribute('src') ?? '')) {
    node.remove()
  }
}

function narrowAttributes(node: Element): void {
  if (!isElement(node)) return
  const tag = node.nodeName.toLowerCase()
  if (tag === 'img' && !ATTACHMENT_SRC.test(node.getAttribute('src') ?? '')) {
    node.remove()
    return
  }
  if (tag !== 'img') node.removeAttribute('src')
  if (tag !== 'a') node.removeAttribute('href')

  const classes = node.getAttribute('class')
  if (classes !== null) {
    const allowed = ALLOWED_CLASSES[tag]
    const kept = allowed ? classes.split(/\s+/).filter((name) => allowed.test(name)) : []
    if (kept.length > 0) node.setAttribute('class', kept.join(' '))
    else node.removeAttribute('class')
  }

  if (tag !== 'a') return
  const href = node.getAttribute('href')
  if (href !== null && !isLinkHref(href)) node.removeAttribute('href')
  if (href !== null && EXTERNAL_HREF.test(href)) {
    // The Electron shell denies the new window and hands allow-listed https URLs to the system browser.
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  } else {
    node.removeAttribute('target')
    node.removeAttribute('rel')
  }
}

/**
 * The sanitiser step on its own, for the tests that feed it HTML markdown-it would never produce:
 * it must hold even if a plugin or a markdown-it update lets markup through.
 */
export function sanitizeRenderedHtml(html: string, win?: WindowLike): string {
  return sanitizer(win).sanitize(html, PURIFY_CONFIG)
}

/**
 * Markdown → safe HTML for MarkdownView.vue. Raw HTML in the source is shown as text; links go only
 * to http(s), mailto and the app's routes; images only to `/attachments/<sha256>`.
 */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  const env: WikiLinkEnv = { resolveWikiLink: options.resolve }
  const html = markdown().render(source, env)
  // The sanitiser is the last step: nothing may touch the HTML after it (design guide §4).
  return sanitizeRenderedHtml(html, options.window)
}
