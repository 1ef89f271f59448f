// @vitest-environment jsdom
// The Markdown pipeline end to end (markdown-it → plugins → DOMPurify), then an XSS corpus twice:
// as Markdown through renderMarkdown, and as raw HTML straight into the sanitiser step, which has to
// hold on its own in case a plugin or a markdown-it update ever lets markup through. The checks
// parse the output and look at real elements and attributes; the "checker" block proves they can
// fail, and the positive cases prove the allow-lists are not simply empty.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import type { WikiLink } from '../../shared/wikiLinks'
import { ATTACHMENT_SRC, renderMarkdown, sanitizeRenderedHtml } from './renderMarkdown'

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const ATTACHMENT = `/attachments/${SHA}`

const ALLOWED_TAGS = new Set(
  'a blockquote br code em h1 h2 h3 h4 h5 h6 hr img li ol p pre s strong table tbody td th thead tr ul'.split(' '),
)
const ALLOWED_ATTRIBUTES = new Set(['alt', 'class', 'href', 'rel', 'src', 'start', 'target', 'title'])
const SAFE_HREF = /^(?:https?:\/\/|mailto:|#\/)/i
// What a browser ignores inside a scheme name: whitespace and control characters.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g

function parse(html: string): DocumentFragment {
  const template = document.createElement('template')
  template.innerHTML = html
  return template.content
}

/** Every way the output could run script or load something foreign; returns what it found. */
function dangers(html: string): string[] {
  const found: string[] = []
  if (/<\s*(script|style|iframe|frame|object|embed|svg|math|form|base|link|meta|template|noscript)\b/i.test(html)) {
    found.push(`forbidden tag in ${html}`)
  }
  for (const element of parse(html).querySelectorAll('*')) {
    const tag = element.localName
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag <${tag}>`)
    for (const { name, value } of [...element.attributes]) {
      if (/^on/i.test(name)) found.push(`event handler ${name}`)
      if (!ALLOWED_ATTRIBUTES.has(name)) found.push(`attribute ${name} on <${tag}>`)
      const compact = value.replace(IGNORED_IN_SCHEME, '').toLowerCase()
      if (/(?:javascript|vbscript|data|file):/.test(compact)) found.push(`${name}="${value}"`)
      if (name === 'href' && !SAFE_HREF.test(value)) found.push(`href="${value}"`)
      if (name === 'src' && !ATTACHMENT_SRC.test(value)) found.push(`src="${value}"`)
      if (name === 'src' && tag !== 'img') found.push(`src on <${tag}>`)
    }
    if (tag === 'img' && !ATTACHMENT_SRC.test(element.getAttribute('src') ?? '')) found.push('image not from the attachment store')
  }
  return found
}

describe('the checker', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    `<img src="${ATTACHMENT}" onerror="alert(1)">`,
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<a href="/relative">x</a>',
    '<img src="https://example.com/a.png">',
    `<img src="${ATTACHMENT.toUpperCase()}">`,
    '<p style="color:red">x</p>',
    '<iframe></iframe>',
    '<div>x</div>',
    '<svg></svg>',
  ])('catches %s', (html) => {
    expect(dangers(html)).not.toEqual([])
  })

  it('passes what the pipeline is meant to produce', () => {
    expect(
      dangers(
        `<p><a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a> ` +
          `<a href="#/equipment/7" class="wiki-link">y</a> <img src="${ATTACHMENT}" alt="z"></p><ol start="3"><li>a</li></ol>`,
      ),
    ).toEqual([])
  })
})

describe('renderMarkdown: Markdown', () => {
  it('renders headings, emphasis, strikethrough, lists, quotes, rules and breaks', () => {
    const html = renderMarkdown(
      '# Title\n\n## Sub\n\n*em* **strong** ~~gone~~\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---\n\nline one\nline two',
    )
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<h2>Sub</h2>')
    expect(html).toContain('<em>em</em> <strong>strong</strong> <s>gone</s>')
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(html).toContain('<ol start="3">\n<li>three</li>')
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>')
    expect(html).toContain('<hr>')
    expect(html).toContain('<p>line one\nline two</p>')
  })

  it('renders inline code and fenced code with its language as a class, escaped', () => {
    expect(renderMarkdown('`a < b`')).toBe('<p><code>a &lt; b</code></p>\n')
    expect(renderMarkdown('```ts\nconst x = "<b>"\n```')).toBe('<pre><code class="language-ts">const x = "&lt;b&gt;"\n</code></pre>\n')
  })

  it('drops a fence language that is not a plain word instead of passing it on as a class', () => {
    expect(renderMarkdown('```x"y\ncode\n```')).toBe('<pre><code>code\n</code></pre>\n')
  })

  it('renders tables, with alignment as classes instead of style attributes', () => {
    const html = renderMarkdown('| left | mid | right | none |\n| :-- | :-: | --: | --- |\n| 1 | 2 | 3 | 4 |')
    expect(html).toContain('<th class="md-align-left">left</th>')
    expect(html).toContain('<th class="md-align-center">mid</th>')
    expect(html).toContain('<td class="md-align-right">3</td>')
    expect(html).toContain('<td>4</td>')
    expect(html).not.toContain('style')
  })

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>bold</b> & <i>x</i>')).toBe('<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;</p>\n')
  })

  it('leaves quotes and dashes alone (typographer off)', () => {
    expect(renderMarkdown('"quoted" -- (c)')).toBe('<p>"quoted" -- (c)</p>\n')
  })

  it('opens web and mail links outside the app, app routes inside it', () => {
    expect(renderMarkdown('[site](https://example.com/a?b=1) [plain](http://example.com)')).toBe(
      '<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">site</a> ' +
        '<a href="http://example.com" target="_blank" rel="noopener noreferrer">plain</a></p>\n',
    )
    expect(renderMarkdown('[mail](mailto:info@example.com)')).toContain(
      '<a href="mailto:info@example.com" target="_blank" rel="noopener noreferrer">mail</a>',
    )
    expect(renderMarkdown('[bookings](#/equipment/7)')).toBe('<p><a href="#/equipment/7">bookings</a></p>\n')
  })

  it('linkifies bare URLs, www. and e-mail addresses', () => {
    const html = renderMarkdown('See https://example.com/x, www.example.org and mail info@example.com.')
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>')
    expect(html).toContain('<a href="http://www.example.org" target="_blank" rel="noopener noreferrer">www.example.org</a>')
    expect(html).toContain('<a href="mailto:info@example.com" target="_blank" rel="noopener noreferrer">info@example.com</a>')
  })

  it('keeps the words of links to anything else: relative, protocol-relative, ftp, attachments', () => {
    expect(renderMarkdown('[a](relative/page) [b](//evil.example/x) [c](ftp://example.com/f)')).toBe(
      '<p>[a](relative/page) [b](//evil.example/x) [c](ftp://example.com/f)</p>\n',
    )
    expect(renderMarkdown(`[file](${ATTACHMENT})`)).toBe('<p>file</p>\n')
  })

  it('shows images from the attachment store, with alt and title', () => {
    expect(renderMarkdown(`![A bent walnut strip](${ATTACHMENT} "After steaming")`)).toBe(
      `<p><img src="${ATTACHMENT}" alt="A bent walnut strip" title="After steaming"></p>\n`,
    )
  })

  it.each([
    'https://example.com/a.png',
    'http://example.com/a.png',
    `https://evil.example${ATTACHMENT}`,
    `//evil.example${ATTACHMENT}`,
    `${ATTACHMENT.toUpperCase().replace('/ATTACHMENTS/', '/attachments/')}`,
    `${ATTACHMENT}?x=1`,
    `${ATTACHMENT}#x`,
    `${ATTACHMENT}/../../secret`,
    `/attachments/${SHA.slice(1)}`,
    `/attachments/${SHA}0`,
    `attachments/${SHA}`,
    `/ATTACHMENTS/${SHA}`,
    `/x/attachments/${SHA}`,
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'blob:https://example.com/1234',
  ])('drops an image from %s, keeping its alt text', (src) => {
    const html = renderMarkdown(`![the alt](${src})`)
    expect(html).not.toContain('<img')
    expect(html).toContain('the alt')
  })
})

describe('renderMarkdown: wiki links', () => {
  const resolve = (link: WikiLink) => {
    if (link.kind === 'note-title') return { exists: link.target !== 'Nowhere' }
    if (link.kind === 'experiment') return { exists: link.target === 42, title: link.target === 42 ? 'Steam-bending walnut' : undefined }
    if (link.kind === 'machine') return { exists: true, title: 'Laser cutter' }
    return { exists: link.target === 12, title: 'Glass cutting' }
  }

  it('renders every form, with labels and resolved titles', () => {
    const html = renderMarkdown(
      '[[Laser settings]] [[Laser settings|the settings]] [[experiment:42]] [[experiment:42|our test]] ' +
        '[[machine:7]] [[note:12]] [[notitie:12|Dutch]]',
      { resolve },
    )
    expect(html).toBe(
      '<p><a href="#/knowledge/notes/by-title/Laser%20settings" class="wiki-link">Laser settings</a> ' +
        '<a href="#/knowledge/notes/by-title/Laser%20settings" class="wiki-link">the settings</a> ' +
        '<a href="#/experiments/42" class="wiki-link">Steam-bending walnut</a> ' +
        '<a href="#/experiments/42" class="wiki-link">our test</a> ' +
        '<a href="#/equipment/7" class="wiki-link">Laser cutter</a> ' +
        '<a href="#/knowledge/notes/12" class="wiki-link">Glass cutting</a> ' +
        '<a href="#/knowledge/notes/12" class="wiki-link">Dutch</a></p>\n',
    )
  })

  it('marks links whose target does not exist', () => {
    const html = renderMarkdown('[[Nowhere]] [[experiment:9]] [[note:5|gone]] [[Somewhere]]', { resolve })
    expect(html).toBe(
      '<p><a href="#/knowledge/notes/by-title/Nowhere" class="wiki-link wiki-link--missing">Nowhere</a> ' +
        '<a href="#/experiments/9" class="wiki-link wiki-link--missing">experiment:9</a> ' +
        '<a href="#/knowledge/notes/5" class="wiki-link wiki-link--missing">gone</a> ' +
        '<a href="#/knowledge/notes/by-title/Somewhere" class="wiki-link">Somewhere</a></p>\n',
    )
  })

  it('without a resolver draws every link as present, showing what was typed', () => {
    expect(renderMarkdown('[[experiment:42]] [[Nowhere]]')).toBe(
      '<p><a href="#/experiments/42" class="wiki-link">experiment:42</a> ' +
        '<a href="#/knowledge/notes/by-title/Nowhere" class="wiki-link">Nowhere</a></p>\n',
    )
  })

  it('encodes titles into the route', () => {
    expect(renderMarkdown('[[Laser & CNC / tips?]]')).toContain('href="#/knowledge/notes/by-title/Laser%20%26%20CNC%20%2F%20tips%3F"')
  })

  it('works inside emphasis, lists, headings and table cells, not in code or after an escape', () => {
    const html = renderMarkdown('# [[Head]]\n\n- **[[Bold]]**\n\n| x |\n| - |\n| [[Cell\\|shown]] |\n\n`[[Code]]` \\[[Escaped]]')
    const hrefs = [...parse(html).querySelectorAll('a.wiki-link')].map((a) => [a.getAttribute('href'), a.textContent])
    expect(hrefs).toEqual([
      ['#/knowledge/notes/by-title/Head', 'Head'],
      ['#/knowledge/notes/by-title/Bold', 'Bold'],
      ['#/knowledge/notes/by-title/Cell', 'shown'],
    ])
    expect(html).toContain('<code>[[Code]]</code> [[Escaped]]')
  })

  it('leaves malformed links as text', () => {
    expect(renderMarkdown('[[]] [[unclosed [[a [b] c]] [[experiment:0]]')).toBe('<p>[[]] [[unclosed [[a [b] c]] [[experiment:0]]</p>\n')
  })
})

const SVG_BASE64 = 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+' // <svg onload=alert(1)></svg>

/** Known payloads, as an author could type them into a note. */
const XSS_CORPUS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  `<img src="${ATTACHMENT}" onerror="alert(1)">`,
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<a href="#/equipment/1" onclick="alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:text/html,<script>alert(1)</script>)',
  `![x](data:image/svg+xml;base64,${SVG_BASE64})`,
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '[x](vbscript:msgbox(1))',
  '![x](vbscript:msgbox(1))',
  '[x](jav&#x09;ascript:alert(1))',
  '[x](jav&#x0A;ascript:alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](java%0ascript:alert(1))',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '[x](java\nscript:alert(1))',
  '[x]: javascript:alert(1)\n\n[click][x]',
  '[x]: data:text/html,<script>alert(1)</script>\n\n![x][x]',
  '![x](https://example.com/a.png "onerror=alert(1)")',
  `![x](${ATTACHMENT} "\\" onerror=\\"alert(1)")`,
  '![x](x" onerror="alert(1))',
  '[x](https://example.com "title\\" onmouseover=\\"alert(1)")',
  'https://example.com/"onmouseover="alert(1)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="width: expression(alert(1))">x</div>',
  '<p style="background:url(&quot;javascript:alert(1)&quot;)">x</p>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<a href="file:///etc/passwd">x</a>',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/)',
  '[[javascript:alert(1)]]',
  '[[javascript:alert(1)|click]]',
  '[[experiment:1" onmouseover="x]]',
  '[[x|<img src=x onerror=alert(1)>]]',
  '[[machine:7|<script>alert(1)</script>]]',
  '[[note:1]]<img src=x onerror=alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><img src=x onerror=alert(1)>\ncode\n```',
  '| <img src=x onerror=alert(1)> |\n| - |\n| [x](javascript:alert(1)) |',
  '> <iframe src=javascript:alert(1)>',
  '- [x](javascript:alert(1))\n  - ![y](javascript:alert(1))',
]

const HOSTILE_LONG_INPUTS: Array<[string, string]> = [
  ['many openers', '[['.repeat(50_000)],
  // Few enough elements for jsdom, whose DOM is far slower than a browser's under DOMPurify's walk.
  ['many links', '[[a]] [b](https://example.com) '.repeat(2_000)],
  ['deep quotes', `${'> '.repeat(5_000)}<script>alert(1)</script>`],
  ['deep lists', `${'- '.repeat(5_000)}[x](javascript:alert(1))`],
  ['many stars', '*'.repeat(100_000)],
  ['many brackets', `${'['.repeat(50_000)}x${']'.repeat(50_000)}(javascript:alert(1))`],
  ['long payload run', '<img src=x onerror=alert(1)>'.repeat(5_000)],
  ['long URL', `https://example.com/${'a'.repeat(100_000)}`],
]

describe('renderMarkdown: XSS corpus as Markdown', () => {
  it('is large enough to mean something', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30)
  })

  it.each(XSS_CORPUS)('%j renders harmless', (payload) => {
    expect(dangers(renderMarkdown(payload, { resolve: () => ({ exists: true }) }))).toEqual([])
  })

  it('keeps the harmless part next to a payload', () => {
    const html = renderMarkdown(`[ok](https://example.com) [bad](javascript:alert(1)) ![pic](${ATTACHMENT}) <img src=x onerror=alert(1)>`)
    expect(dangers(html)).toEqual([])
    const fragment = parse(html)
    expect(fragment.querySelector('a[href="https://example.com"]')).not.toBeNull()
    expect(fragment.querySelector(`img[src="${ATTACHMENT}"]`)).not.toBeNull()
    expect(fragment.querySelectorAll('a')).toHaveLength(1)
  })

  it('turns wiki-link payloads into app routes, never into scripts or attributes', () => {
    const fragment = parse(renderMarkdown('[[javascript:alert(1)]] [[experiment:1" onmouseover="x]]'))
    const links = [...fragment.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#/knowledge/notes/by-title/javascript%3Aalert(1)',
      '#/knowledge/notes/by-title/experiment%3A1%22%20onmouseover%3D%22x',
    ])
    expect(links.map((a) => a.getAttributeNames())).toEqual([
      ['href', 'class'],
      ['href', 'class'],
    ])
  })

  it.each(HOSTILE_LONG_INPUTS)('renders %s harmless and in reasonable time', (_name, source) => {
    const started = performance.now()
    const html = renderMarkdown(source)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(dangers(html)).toEqual([])
  })
})

describe('sanitizeRenderedHtml: XSS corpus as raw HTML', () => {
  const rawHtml = XSS_CORPUS.filter((payload) => payload.includes('<'))

  it.each(rawHtml)('%j comes out harmless', (payload) => {
    expect(dangers(sanitizeRenderedHtml(payload))).toEqual([])
  })

  it('removes forbidden elements with their script content', () => {
    expect(sanitizeRenderedHtml('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('<p>a</p><p>b</p>')
  })

  it('strips handlers and styles but keeps allowed elements and attributes', () => {
    expect(sanitizeRenderedHtml(`<p style="color:red" onclick="x()">t</p><img src="${ATTACHMENT}" onerror="x()" alt="a">`)).toBe(
      `<p>t</p><img src="${ATTACHMENT}" alt="a">`,
    )
  })

  it('drops images from anywhere but the attachment store', () => {
    expect(sanitizeRenderedHtml('<p><img src="https://example.com/a.png" alt="a">x</p>')).toBe('<p>x</p>')
    expect(sanitizeRenderedHtml('<p><img alt="no src">x</p>')).toBe('<p>x</p>')
  })

  it('keeps a link with a refused URL as words without an href', () => {
    expect(sanitizeRenderedHtml('<a href="javascript:alert(1)" target="_self">x</a>')).toBe('<a>x</a>')
    expect(sanitizeRenderedHtml(`<a href="${ATTACHMENT}">x</a>`)).toBe('<a>x</a>')
  })

  it('sets target and rel on web and mail links only, whatever the input said', () => {
    expect(sanitizeRenderedHtml('<a href="https://example.com" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a>',
    )
    expect(sanitizeRenderedHtml('<a href="#/people" target="_blank" rel="opener">x</a>')).toBe('<a href="#/people">x</a>')
  })

  it('keeps only the classes the pipeline itself sets', () => {
    expect(
      sanitizeRenderedHtml(
        '<a href="#/x" class="wiki-link wiki-link--missing button--danger">a</a><p class="wiki-link">b</p>' +
          '<code class="language-js page">c</code><td class="md-align-right">d</td>',
      ),
    ).toBe('<a href="#/x" class="wiki-link wiki-link--missing">a</a><p>b</p><code class="language-js">c</code>d')
  })

  it('removes ids and names that could clobber the DOM, and data- and aria- attributes', () => {
    expect(sanitizeRenderedHtml('<p id="app" name="werkbank" data-x="1" aria-hidden="true">x</p>')).toBe('<p>x</p>')
  })
})

describe('the DOMPurify window', () => {
  it('can be passed in, for code running outside a browser page', () => {
    const { window } = new JSDOM('')
    expect(renderMarkdown('<script>x</script> [a](javascript:x) **b**', { window })).toBe(
      '<p>&lt;script&gt;x&lt;/script&gt; [a](javascript:x) <strong>b</strong></p>\n',
    )
    expect(sanitizeRenderedHtml('<img src=x onerror=alert(1)><strong>ok</strong>', window)).toBe('<strong>ok</strong>')
  })
})
