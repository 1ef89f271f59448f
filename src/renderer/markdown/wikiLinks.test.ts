// The wiki-link syntax (src/shared/wikiLinks.ts) and its markdown-it plugin. Plain markdown-it, no
// sanitiser: this file is about what counts as a link and where it points; renderMarkdown.test.ts
// covers the whole pipeline. The last block holds parser and plugin to the same answer, since the
// core stores the parser's links as backlinks while readers click the plugin's.
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { findWikiLinks, parseWikiLinkAt, type WikiLink } from '../../shared/wikiLinks'
import { wikiLinkHref, wikiLinkPlugin, type WikiLinkResolver } from './wikiLinks'

const targets = (markdown: string): Array<[string, string | number, string | null]> =>
  findWikiLinks(markdown).map((l) => [l.kind, l.target, l.label])

describe('findWikiLinks', () => {
  it('finds every form with kind, target, label, offset and length', () => {
    const text = 'See [[Laser settings]], [[Laser settings|the settings]], [[experiment:42]], [[machine:7|the big CNC]] and [[note:12]].'
    expect(findWikiLinks(text)).toEqual([
      { kind: 'note-title', target: 'Laser settings', label: null, index: 4, length: 18 },
      { kind: 'note-title', target: 'Laser settings', label: 'the settings', index: 24, length: 31 },
      { kind: 'experiment', target: 42, label: null, index: 57, length: 17 },
      { kind: 'machine', target: 7, label: 'the big CNC', index: 76, length: 25 },
      { kind: 'note', target: 12, label: null, index: 106, length: 11 },
    ])
    for (const link of findWikiLinks(text)) {
      expect(text.slice(link.index, link.index + 2)).toBe('[[')
      expect(text.slice(link.index + link.length - 2, link.index + link.length)).toBe(']]')
    }
  })

  it('reads typed links case-insensitively, with spaces around the colon, and the Dutch notitie', () => {
    expect(targets('[[Experiment:3]] [[MACHINE : 8]] [[notitie:5]] [[Note: 6]]')).toEqual([
      ['experiment', 3, null],
      ['machine', 8, null],
      ['note', 5, null],
      ['note', 6, null],
    ])
  })

  it('treats a typed prefix without a plain number as a note title', () => {
    expect(targets('[[experiment:abc]] [[machine: laser tips]] [[foo:12]] [[experiment:-1]] [[experiment:4.5]]')).toEqual([
      ['note-title', 'experiment:abc', null],
      ['note-title', 'machine: laser tips', null],
      ['note-title', 'foo:12', null],
      ['note-title', 'experiment:-1', null],
      ['note-title', 'experiment:4.5', null],
    ])
  })

  it('refuses ids that can never exist: zero and past 2^53', () => {
    expect(findWikiLinks('[[experiment:0]] [[note:00]] [[machine:9007199254740993]]')).toEqual([])
    expect(targets('[[machine:007]] [[note:9007199254740991]]')).toEqual([
      ['machine', 7, null],
      ['note', 9007199254740991, null],
    ])
  })

  it('splits at the first pipe, trims both sides, and reads an empty label as none', () => {
    expect(targets('[[ Title | shown ]] [[Title|]] [[Title|   ]] [[a|b|c]] [[Title\\|in a table]]')).toEqual([
      ['note-title', 'Title', 'shown'],
      ['note-title', 'Title', null],
      ['note-title', 'Title', null],
      ['note-title', 'a', 'b|c'],
      ['note-title', 'Title', 'in a table'],
    ])
  })

  it('finds nothing in empty text, empty links or links without a target', () => {
    expect(findWikiLinks('')).toEqual([])
    expect(findWikiLinks('[[]] [[ ]] [[|label]] [[ | ]]')).toEqual([])
    expect(findWikiLinks('[] [x] [x](y) [[ [ ]] ]]')).toEqual([])
  })

  it('ignores an unclosed [[ and a ] on its own, and finds the link after them', () => {
    expect(findWikiLinks('[[unclosed')).toEqual([])
    expect(findWikiLinks('[[half]')).toEqual([])
    expect(findWikiLinks('[[a]b]]')).toEqual([])
    const later = findWikiLinks('[[unclosed and then [[Real]]')
    expect(later).toEqual([{ kind: 'note-title', target: 'Real', label: null, index: 20, length: 8 }])
  })

  it('does not nest: brackets inside a link make it text, extra outer brackets stay outside', () => {
    expect(findWikiLinks('[[a [b] c]]')).toEqual([])
    expect(findWikiLinks('[[outer [[inner]] rest]]')).toMatchObject([{ target: 'inner', index: 8 }])
    expect(findWikiLinks('[[[Title]]]')).toMatchObject([{ target: 'Title', index: 1, length: 9 }])
    expect(findWikiLinks('[[[[Title]]]]')).toMatchObject([{ target: 'Title', index: 2 }])
  })

  it('does not run over a line break', () => {
    expect(findWikiLinks('[[Two\nlines]]')).toEqual([])
    expect(findWikiLinks('[[Two\r\nlines]]')).toEqual([])
    expect(targets('[[One]]\n[[Two]]')).toEqual([
      ['note-title', 'One', null],
      ['note-title', 'Two', null],
    ])
  })

  it('skips what Markdown shows literally: escapes, inline code and fenced code', () => {
    const text = [
      '\\[[escaped]] `[[in code]]` ``a `[[still code]]` b`` [[kept]]',
      '',
      '```md',
      '[[fenced]]',
      '```',
      '~~~~',
      '[[tilde fence]]',
      '```',
      '[[still inside: the closing fence needs ~~~~]]',
      '~~~~',
      '[[after]]',
    ].join('\n')
    expect(findWikiLinks(text).map((l) => l.target)).toEqual(['kept', 'after'])
  })

  it('treats an unclosed fence as code to the end and an unmatched backtick as text', () => {
    expect(findWikiLinks('[[before]]\n```\n[[inside]]')).toMatchObject([{ target: 'before' }])
    expect(findWikiLinks('a ` b [[Link]]')).toMatchObject([{ target: 'Link' }])
    expect(findWikiLinks('`code\n\n[[after a paragraph break]]`')).toMatchObject([{ target: 'after a paragraph break' }])
  })

  it('keeps offsets true to the original text, surrogate pairs included', () => {
    const text = '🔧 [[Smeden]] 🔥 [[Glas|glas in lood]]'
    for (const link of findWikiLinks(text)) {
      expect(text.slice(link.index, link.index + link.length)).toMatch(/^\[\[.*\]\]$/)
    }
    expect(findWikiLinks(text).map((l) => l.index)).toEqual([3, 17])
  })

  it('stays fast on hostile input', () => {
    const started = performance.now()
    findWikiLinks('[['.repeat(100_000))
    findWikiLinks('[[a'.repeat(100_000))
    findWikiLinks('`` ` '.repeat(50_000))
    findWikiLinks('```\n'.repeat(20_000))
    expect(findWikiLinks(`[[${'x'.repeat(200_000)}]]`)).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

describe('parseWikiLinkAt', () => {
  it('reads only a link that starts exactly at the offset', () => {
    expect(parseWikiLinkAt('x [[A]]', 2)).toMatchObject({ target: 'A', index: 2, length: 5 })
    expect(parseWikiLinkAt('x [[A]]', 0)).toBeNull()
    expect(parseWikiLinkAt('x [[A]]', 3)).toBeNull()
  })
})

describe('wikiLinkHref', () => {
  const link = (l: Partial<WikiLink> & Pick<WikiLink, 'kind' | 'target'>): WikiLink =>
    ({ label: null, index: 0, length: 0, ...l }) as WikiLink

  it('points each kind at its screen', () => {
    expect(wikiLinkHref(link({ kind: 'note-title', target: 'Laser settings' }))).toBe('#/knowledge/notes/by-title/Laser%20settings')
    expect(wikiLinkHref(link({ kind: 'note', target: 12 }))).toBe('#/knowledge/notes/12')
    expect(wikiLinkHref(link({ kind: 'experiment', target: 42 }))).toBe('#/experiments/42')
    expect(wikiLinkHref(link({ kind: 'machine', target: 7 }))).toBe('#/equipment/7')
  })

  it('encodes every character of a title that could leave the route or the attribute', () => {
    expect(wikiLinkHref(link({ kind: 'note-title', target: 'a/b?c#d&e"f<g>%' }))).toBe(
      '#/knowledge/notes/by-title/a%2Fb%3Fc%23d%26e%22f%3Cg%3E%25',
    )
  })
})

describe('wikiLinkPlugin', () => {
  const render = (source: string, resolve?: WikiLinkResolver): string =>
    new MarkdownIt({ html: false }).use(wikiLinkPlugin, { resolve }).renderInline(source)

  it('renders links with the wiki-link class and the shown text', () => {
    expect(render('[[Laser settings|the settings]]')).toBe(
      '<a href="#/knowledge/notes/by-title/Laser%20settings" class="wiki-link">the settings</a>',
    )
    expect(render('[[machine:7]]')).toBe('<a href="#/equipment/7" class="wiki-link">machine:7</a>')
  })

  it('asks the resolver from the options, marks missing targets and shows known titles', () => {
    const asked: WikiLink[] = []
    const resolve: WikiLinkResolver = (link) => {
      asked.push(link)
      return link.kind === 'experiment' ? { exists: true, title: 'Walnut bending' } : { exists: false }
    }
    expect(render('[[experiment:42]] [[Gone]]', resolve)).toBe(
      '<a href="#/experiments/42" class="wiki-link">Walnut bending</a> ' +
        '<a href="#/knowledge/notes/by-title/Gone" class="wiki-link wiki-link--missing">Gone</a>',
    )
    expect(asked.map((l) => [l.kind, l.target])).toEqual([
      ['experiment', 42],
      ['note-title', 'Gone'],
    ])
  })

  it("prefers the author's shown text to the resolver's title", () => {
    expect(render('[[note:3|my words]]', () => ({ exists: true, title: 'Stored title' }))).toContain('>my words</a>')
  })

  it('prefers a resolver passed for one render in env to the one from the options', () => {
    const md = new MarkdownIt().use(wikiLinkPlugin, { resolve: () => ({ exists: true }) })
    expect(md.renderInline('[[X]]', { resolveWikiLink: () => ({ exists: false }) })).toContain('wiki-link--missing')
    expect(md.renderInline('[[X]]')).not.toContain('wiki-link--missing')
  })

  it('escapes the shown text and keeps markup out of the href', () => {
    const html = render('[[<b>"x"</b>|<i>&</i>]]')
    expect(html).toBe('<a href="#/knowledge/notes/by-title/%3Cb%3E%22x%22%3C%2Fb%3E" class="wiki-link">&lt;i&gt;&amp;&lt;/i&gt;</a>')
  })

  it('wins over a reference link and is not linkified inside', () => {
    const md = new MarkdownIt({ linkify: true }).use(wikiLinkPlugin)
    expect(md.render('[[Title]]\n\n[Title]: https://example.com')).toContain('href="#/knowledge/notes/by-title/Title"')
    expect(md.renderInline('[[Tips|see https://example.com]]')).toBe(
      '<a href="#/knowledge/notes/by-title/Tips" class="wiki-link">see https://example.com</a>',
    )
  })
})

describe('parser and plugin agree', () => {
  const md = new MarkdownIt({ html: false, linkify: true }).use(wikiLinkPlugin)
  const rendered = (source: string): string[] => [...md.render(source).matchAll(/<a href="([^"]*)" class="wiki-link">/g)].map((m) => m[1]!)

  const corpus = [
    'Plain [[A]] and [[B|b]] and [[experiment:1]] [[machine:2]] [[note:3]] [[notitie:4]]',
    '\\[[escaped]] `[[code]]` [[after code]]',
    '```\n[[fenced]]\n```\n[[after fence]]',
    '~~~\n[[tilde]]\n~~~',
    '- [[in a list]]\n  - [[nested|deeper]]\n\n> [[quoted]]',
    '# [[In a heading]]\n\n| a | b |\n| - | - |\n| [[cell\\|shown]] | [[other]] |',
    '[[a [b] c]] [[unclosed [[closed]] [[x]y]] [[]] [[experiment:0]]',
    '**[[bold]]** _[[em]]_ ~~[[struck]]~~',
    '[[Two\nlines]] [[one line]]',
  ]

  it.each(corpus)('finds the same links as it renders: %j', (source) => {
    expect(findWikiLinks(source).map(wikiLinkHref)).toEqual(rendered(source))
  })
})
