// The revision diff: line and word changes, collapsing, record fields, the budget guard on huge inputs,
// and a property check that applying any diff to `before` gives `after`.
import { describe, expect, it } from 'vitest'
import {
  collapseUnchanged,
  diffFields,
  diffLines,
  diffLinesWithInfo,
  diffWords,
  splitLines,
  tokenizeWords,
  type DiffRow,
  type LineChange,
  type WordChange,
} from './textDiff'

/** Replays a diff on the lines of `before`, checking every before-side text and number; returns the after lines. */
function applyLineChanges(before: string, changes: readonly LineChange[]): string[] {
  const source = splitLines(before)
  const result: string[] = []
  let i = 0
  const take = (change: LineChange): void => {
    if (source[i] !== change.before)
      throw new Error(`line ${i + 1}: expected ${JSON.stringify(source[i])}, diff has ${JSON.stringify(change.before)}`)
    if (change.beforeNo !== i + 1) throw new Error(`line ${i + 1}: diff numbers it ${change.beforeNo}`)
    i++
  }
  const give = (change: LineChange): void => {
    if (change.after === undefined) throw new Error(`${change.type} without an after text`)
    if (change.afterNo !== result.length + 1) throw new Error(`after line ${result.length + 1}: diff numbers it ${change.afterNo}`)
    result.push(change.after)
  }
  for (const change of changes) {
    if (change.type === 'equal') {
      if (change.before !== change.after) throw new Error('equal line with different texts')
      take(change)
      give(change)
    } else if (change.type === 'delete') take(change)
    else if (change.type === 'insert') give(change)
    else {
      expectWordsRebuild(change)
      take(change)
      give(change)
    }
  }
  if (i !== source.length) throw new Error(`diff stops at line ${i} of ${source.length}`)
  return result
}

function joined(words: readonly WordChange[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete'
  return words
    .filter((w) => w.type !== skip)
    .map((w) => w.text)
    .join('')
}

function expectWordsRebuild(change: LineChange): void {
  if (!change.words) throw new Error(`change of line ${change.beforeNo} without words`)
  if (joined(change.words, 'before') !== change.before) throw new Error(`words of line ${change.beforeNo} do not give the before text`)
  if (joined(change.words, 'after') !== change.after) throw new Error(`words of line ${change.afterNo} do not give the after text`)
}

const types = (changes: readonly DiffRow[]): string[] => changes.map((c) => c.type)
const countEqual = (changes: readonly LineChange[]): number => changes.filter((c) => c.type === 'equal').length

/** Length of a longest common subsequence, by dynamic programming (small inputs only). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    const next = [0]
    for (let j = 1; j <= b.length; j++) next[j] = x === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!)
    row = next
  }
  return row[b.length]!
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('splitLines', () => {
  it('ends lines at CRLF, LF and CR, without an extra line for a final break', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitLines('a\n')).toEqual(['a'])
    expect(splitLines('a\n\n')).toEqual(['a', ''])
    expect(splitLines('\n')).toEqual([''])
    expect(splitLines('')).toEqual([])
  })
})

describe('diffLines', () => {
  it('reports identical texts as equal lines with both line numbers', () => {
    const result = diffLinesWithInfo('one\ntwo\nthree', 'one\ntwo\nthree')
    expect(result.fallback).toBe('none')
    expect(result.changes).toEqual([
      { type: 'equal', before: 'one', after: 'one', beforeNo: 1, afterNo: 1 },
      { type: 'equal', before: 'two', after: 'two', beforeNo: 2, afterNo: 2 },
      { type: 'equal', before: 'three', after: 'three', beforeNo: 3, afterNo: 3 },
    ])
  })

  it('reports a pure insertion', () => {
    expect(diffLines('a\nc', 'a\nb1\nb2\nc')).toEqual([
      { type: 'equal', before: 'a', after: 'a', beforeNo: 1, afterNo: 1 },
      { type: 'insert', after: 'b1', afterNo: 2 },
      { type: 'insert', after: 'b2', afterNo: 3 },
      { type: 'equal', before: 'c', after: 'c', beforeNo: 2, afterNo: 4 },
    ])
  })

  it('reports a pure deletion', () => {
    expect(diffLines('a\nb\nc\nd', 'a\nd')).toEqual([
      { type: 'equal', before: 'a', after: 'a', beforeNo: 1, afterNo: 1 },
      { type: 'delete', before: 'b', beforeNo: 2 },
      { type: 'delete', before: 'c', beforeNo: 3 },
      { type: 'equal', before: 'd', after: 'd', beforeNo: 4, afterNo: 2 },
    ])
  })

  it('turns a changed line into a change whose words show exactly the changed word', () => {
    const [first, second] = diffLines('Title\nThe quick brown fox jumps.', 'Title\nThe quick red fox jumps.')
    expect(first!.type).toBe('equal')
    expect(second).toEqual({
      type: 'change',
      before: 'The quick brown fox jumps.',
      after: 'The quick red fox jumps.',
      beforeNo: 2,
      afterNo: 2,
      words: [
        { type: 'equal', text: 'The quick ' },
        { type: 'delete', text: 'brown' },
        { type: 'insert', text: 'red' },
        { type: 'equal', text: ' fox jumps.' },
      ],
    })
  })

  it('pairs a changed line with its most similar new line, leaving an added line as an insertion', () => {
    const changes = diffLines('Intro\nHello world\nEnd', 'Intro\nA brand new paragraph\nHello world, again\nEnd')
    expect(types(changes)).toEqual(['equal', 'insert', 'change', 'equal'])
    expect(changes[1]).toEqual({ type: 'insert', after: 'A brand new paragraph', afterNo: 2 })
    expect(changes[2]!.words).toEqual([
      { type: 'equal', text: 'Hello world' },
      { type: 'insert', text: ', again' },
    ])
  })

  it('pairs deleted and inserted lines in order when both sides have as many', () => {
    const changes = diffLines('keep\nold one\nold two\nkeep', 'keep\nnew one\nnew two\nkeep')
    expect(types(changes)).toEqual(['equal', 'change', 'change', 'equal'])
    expect([changes[1]!.before, changes[1]!.after]).toEqual(['old one', 'new one'])
    expect([changes[2]!.before, changes[2]!.after]).toEqual(['old two', 'new two'])
  })

  it('handles moved and duplicated lines with a shortest diff', () => {
    const moved = diffLines('a\nb\nc\nd\ne', 'b\nc\nd\ne\na')
    expect(applyLineChanges('a\nb\nc\nd\ne', moved)).toEqual(['b', 'c', 'd', 'e', 'a'])
    expect(countEqual(moved)).toBe(4)
    expect(types(moved)).toEqual(['delete', 'equal', 'equal', 'equal', 'equal', 'insert'])

    const duplicated = diffLines('x\ny', 'x\ny\nx\ny')
    expect(applyLineChanges('x\ny', duplicated)).toEqual(['x', 'y', 'x', 'y'])
    expect(countEqual(duplicated)).toBe(2)
    expect(duplicated.filter((c) => c.type === 'insert')).toHaveLength(2)
  })

  it('treats CRLF, LF and CR line breaks and a final break as the same', () => {
    expect(types(diffLines('a\r\nb\r\nc\r\n', 'a\nb\nc'))).toEqual(['equal', 'equal', 'equal'])
    expect(types(diffLines('a\rb', 'a\r\nb\n'))).toEqual(['equal', 'equal'])
    const changes = diffLines('a\r\nb\r\n', 'a\nB\n')
    expect(types(changes)).toEqual(['equal', 'change'])
    expect(changes[1]!.before).toBe('b') // no stray \r left on the line
  })

  it('handles empty texts', () => {
    expect(diffLines('', '')).toEqual([])
    expect(diffLines('', 'a\nb')).toEqual([
      { type: 'insert', after: 'a', afterNo: 1 },
      { type: 'insert', after: 'b', afterNo: 2 },
    ])
    expect(diffLines('a\n', '')).toEqual([{ type: 'delete', before: 'a', beforeNo: 1 }])
    expect(diffLines('\n', '')).toEqual([{ type: 'delete', before: '', beforeNo: 1 }])
  })

  it('never splits emoji sequences or combining marks in word changes', () => {
    expect(diffWords('Result: 👍 good', 'Result: 👎 good')).toEqual([
      { type: 'equal', text: 'Result: ' },
      { type: 'delete', text: '👍' },
      { type: 'insert', text: '👎' },
      { type: 'equal', text: ' good' },
    ])
    // The two families share their first code points; the change is still the whole sequence.
    expect(diffWords('Family 👨‍👩‍👧 here', 'Family 👨‍👩‍👦 here')).toEqual([
      { type: 'equal', text: 'Family ' },
      { type: 'delete', text: '👨‍👩‍👧' },
      { type: 'insert', text: '👨‍👩‍👦' },
      { type: 'equal', text: ' here' },
    ])
    // e + combining acute → e + combining grave: the word changes, not a lone mark.
    expect(diffWords('cafe\u0301 noir', 'cafe\u0300 noir')).toEqual([
      { type: 'delete', text: 'cafe\u0301' },
      { type: 'insert', text: 'cafe\u0300' },
      { type: 'equal', text: ' noir' },
    ])
  })

  it('keeps equal words but merges equal spaces and punctuation between two edits', () => {
    expect(diffWords('The quick brown fox', 'The slow red fox')).toEqual([
      { type: 'equal', text: 'The ' },
      { type: 'delete', text: 'quick brown' },
      { type: 'insert', text: 'slow red' },
      { type: 'equal', text: ' fox' },
    ])
    expect(diffWords('a x b', 'a y b')).toEqual([
      { type: 'equal', text: 'a ' },
      { type: 'delete', text: 'x' },
      { type: 'insert', text: 'y' },
      { type: 'equal', text: ' b' },
    ])
  })

  it('rebuilds both sides of random Unicode lines from the word changes', () => {
    const pieces = ['a', 'bc', ' ', '  ', ',', '...', '👍', '👨‍👩‍👧', 'e\u0301', '中文', '3.14', '\t', 'x\u0308y', '🇳🇱']
    const next = random(7)
    const line = (): string => Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('')
    for (let n = 0; n < 300; n++) {
      const before = line()
      const after = line()
      const words = diffWords(before, after)
      expect(joined(words, 'before')).toBe(before)
      expect(joined(words, 'after')).toBe(after)
      for (const word of words) {
        expect(word.text).not.toBe('')
        expect(word.text).not.toMatch(/^[\p{M}\u200d\ufe0f]/u) // never starts inside a character
        expect(word.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/) // no split surrogate pair
      }
    }
  })
})

describe('tokenizeWords', () => {
  it('splits words, whitespace runs and punctuation runs, and joins back to the text', () => {
    const text = 'Wait... Hi,  👨‍👩‍👧 cafe\u0301!'
    const tokens = tokenizeWords(text)
    expect(tokens).toEqual(['Wait', '...', ' ', 'Hi', ',', '  ', '👨‍👩‍👧', ' ', 'cafe\u0301', '!'])
    expect(tokens.join('')).toBe(text)
  })

  it('keeps numbers, contractions, emoji and flags whole and splits scripts written without spaces', () => {
    expect(tokenizeWords("don't 3.14 1,000 a,b")).toEqual(["don't", ' ', '3.14', ' ', '1,000', ' ', 'a', ',', 'b'])
    expect(tokenizeWords('中文字')).toEqual(['中', '文', '字'])
    expect(tokenizeWords('(👍)👩🏽‍🔬🇳🇱1️⃣')).toEqual(['(', '👍', ')', '👩🏽‍🔬', '🇳🇱', '1️⃣'])
    expect(tokenizeWords('नमस्\u200dते')).toEqual(['नमस्\u200dते'])
    expect(tokenizeWords('')).toEqual([])
  })
})

describe('collapseUnchanged', () => {
  const ten = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`)
  const withFifthChanged = diffLines(ten.join('\n'), ten.map((l, i) => (i === 4 ? 'CHANGED' : l)).join('\n'))

  it('keeps two lines of context around a change by default and counts the rest', () => {
    const rows = collapseUnchanged(withFifthChanged)
    expect(types(rows)).toEqual(['skip', 'equal', 'equal', 'change', 'equal', 'equal', 'skip'])
    expect(rows[0]).toEqual({ type: 'skip', count: 2, beforeNo: 1, afterNo: 1 })
    expect(rows[1]).toMatchObject({ beforeNo: 3 })
    expect(rows[5]).toMatchObject({ beforeNo: 7 })
    expect(rows[6]).toEqual({ type: 'skip', count: 3, beforeNo: 8, afterNo: 8 })
  })

  it('honours the context size', () => {
    expect(types(collapseUnchanged(withFifthChanged, 0))).toEqual(['skip', 'change', 'skip'])
    expect(types(collapseUnchanged(withFifthChanged, 1))).toEqual(['skip', 'equal', 'change', 'equal', 'skip'])
    expect(collapseUnchanged(withFifthChanged, 10)).toEqual(withFifthChanged)
  })

  it('keeps a single unchanged line instead of a skip row, and short gaps between changes', () => {
    const rows = collapseUnchanged(withFifthChanged, 3)
    expect(types(rows)).toEqual(['equal', 'equal', 'equal', 'equal', 'change', 'equal', 'equal', 'equal', 'skip'])
    const twoChanges = diffLines('a\nb\nc\nd\ne\nf\ng', 'A\nb\nc\nd\ne\nf\nG')
    expect(collapseUnchanged(twoChanges, 2)).toEqual(twoChanges) // 5 between: 2 + 1 + 2
    expect(types(collapseUnchanged(twoChanges, 1))).toEqual(['change', 'equal', 'skip', 'equal', 'change'])
  })

  it('collapses identical texts to one skip row and is idempotent', () => {
    expect(collapseUnchanged(diffLines('a\nb\nc', 'a\nb\nc'))).toEqual([{ type: 'skip', count: 3, beforeNo: 1, afterNo: 1 }])
    const once = collapseUnchanged(withFifthChanged, 1)
    expect(collapseUnchanged(once, 1)).toEqual(once)
    expect(collapseUnchanged([])).toEqual([])
  })
})

describe('diffFields', () => {
  const before = {
    title: 'Crystal growth',
    outcome: null,
    status: 'draft',
    meta: { room: 'B2', shelf: 3 },
    tags: ['salt', 'water', 'water'],
    parameters: [
      { name: 'temperature', value: 20, unit: '°C' },
      { name: 'duration', value: 7, unit: 'd' },
      { name: 'salt', value: 35, unit: 'g' },
    ],
  }

  it('lists only fields whose JSON differs, ignoring key order', () => {
    const after = { ...before, title: 'Crystal growth in salt water', status: 'running', meta: { shelf: 3, room: 'B2' } }
    expect(diffFields(before, after)).toEqual([
      { field: 'title', before: 'Crystal growth', after: 'Crystal growth in salt water' },
      { field: 'status', before: 'draft', after: 'running' },
    ])
  })

  it('reports fields that appear or disappear, after the fields of before', () => {
    const { outcome: _outcome, ...withoutOutcome } = before
    expect(diffFields(before, { ...withoutOutcome, owner: 'Ada' })).toEqual([
      { field: 'outcome', before: null, after: undefined },
      { field: 'owner', before: undefined, after: 'Ada' },
    ])
  })

  it('reports tags added and removed, counting duplicates', () => {
    expect(diffFields(before, { ...before, tags: ['water', 'sugar'] })).toEqual([
      { field: 'tags', before: before.tags, after: ['water', 'sugar'], added: ['sugar'], removed: ['salt', 'water'] },
    ])
  })

  it('compares parameter rows by key: added, removed and changed rows with their fields', () => {
    const after = {
      ...before,
      parameters: [
        { name: 'temperature', value: 25, unit: '°C' },
        { name: 'salt', value: 35, unit: 'g' },
        { name: 'light', value: 'dark', unit: '' },
      ],
    }
    const [change] = diffFields(before, after, { keys: { parameters: 'name' } })
    expect(change!.field).toBe('parameters')
    expect(change!.reordered).toBe(false)
    expect(change!.rows).toEqual([
      {
        key: 'temperature',
        type: 'changed',
        before: before.parameters[0],
        after: after.parameters[0],
        fields: [{ field: 'value', before: 20, after: 25 }],
      },
      { key: 'duration', type: 'removed', before: before.parameters[1] },
      { key: 'light', type: 'added', after: after.parameters[2] },
    ])
  })

  it('notices reordered rows, and falls back to a plain change when keys repeat', () => {
    const swapped = { ...before, parameters: [before.parameters[1], before.parameters[0], before.parameters[2]] }
    const [reordered] = diffFields(before, swapped, { keys: { parameters: 'name' } })
    expect(reordered).toMatchObject({ field: 'parameters', rows: [], reordered: true })

    const doubled = { ...before, parameters: [...before.parameters, before.parameters[0]] }
    const [plain] = diffFields(before, doubled, { keys: { parameters: 'name' } })
    expect(plain).toEqual({ field: 'parameters', before: before.parameters, after: doubled.parameters })
  })

  it('treats a missing row list as empty and compares dates by their JSON', () => {
    const [change] = diffFields({ rows: undefined }, { rows: [{ id: 1 }] }, { keys: { rows: 'id' } })
    expect(change!.rows).toEqual([{ key: '1', type: 'added', after: { id: 1 } }])
    expect(diffFields({ at: new Date(0) }, { at: new Date(0) })).toEqual([])
    expect(diffFields({ at: new Date(0) }, { at: new Date(1) })).toHaveLength(1)
  })
})

describe('huge inputs', () => {
  const N = 20_000
  const base = Array.from({ length: N }, (_, i) => `Line ${i}: measurement ${(i * 7919) % 10007}`)

  it('diffs 20 000 lines with scattered edits exactly', () => {
    const after = base.slice()
    for (let i = 100; i < N; i += 100) after[i] = `${after[i]} (corrected)`
    after.splice(5000, 0, 'inserted note')
    after.splice(12000, 3)
    const result = diffLinesWithInfo(base.join('\n'), after.join('\n'))
    expect(result.fallback).toBe('none')
    expect(applyLineChanges(base.join('\n'), result.changes)).toEqual(after)
    // Every line but the 3 deleted ones and the 198 corrected ones that remain (line 12000 was both).
    expect(countEqual(result.changes)).toBe(N - 3 - 198)
  })

  it('falls back to anchors when there are too many changes for the exact algorithm', () => {
    const after = base.map((line, i) => (i % 3 === 0 ? `rewritten ${i}` : line))
    const result = diffLinesWithInfo(base.join('\n'), after.join('\n'))
    expect(result.fallback).toBe('anchored')
    expect(applyLineChanges(base.join('\n'), result.changes)).toEqual(after)
    expect(countEqual(result.changes)).toBe(N - Math.ceil(N / 3)) // every untouched line still matched
  })

  it('shows 20 000 completely different lines as one replaced block', () => {
    const after = base.map((line) => `${line}!`)
    const result = diffLinesWithInfo(base.join('\n'), after.join('\n'))
    expect(result.fallback).toBe('coarse')
    expect(applyLineChanges(base.join('\n'), result.changes)).toEqual(after)
    expect(countEqual(result.changes)).toBe(0)
  })

  it('diffs one huge line without hanging, simplifying its word diff', () => {
    const before = Array.from({ length: 50_000 }, (_, i) => `w${i % 1000}`).join(' ')
    const after = Array.from({ length: 50_000 }, (_, i) => `w${(i * 7) % 1000}`).join(' ')
    const result = diffLinesWithInfo(before, after)
    expect(result.fallback).toBe('coarse')
    expect(applyLineChanges(before, result.changes)).toEqual([after])
  })

  it('stays correct on a tiny budget', () => {
    const before = 'a\nb\nc\nd\ne\nf'
    const after = 'a\nx\nc\nd\ny\nf\ng'
    const tight = diffLinesWithInfo(before, after, { budget: 1 })
    expect(tight.fallback).not.toBe('none')
    expect(applyLineChanges(before, tight.changes)).toEqual(splitLines(after))
    expect(diffLinesWithInfo(before, after).fallback).toBe('none')
  })
})

describe('property: applying the diff to before gives after', () => {
  const vocabulary = ['', '# Heading', 'alpha', 'beta', 'gamma delta', 'the same line', 'the same line', '- item', '| a | b |', '👍 done']

  function randomText(next: () => number): string[] {
    return Array.from({ length: Math.floor(next() * 30) }, () =>
      next() < 0.6 ? vocabulary[Math.floor(next() * vocabulary.length)]! : `line ${Math.floor(next() * 50)}`,
    )
  }

  function edit(lines: string[], next: () => number): string[] {
    const out = lines.slice()
    const count = Math.floor(next() * 8)
    for (let n = 0; n < count; n++) {
      const at = Math.floor(next() * (out.length + 1))
      const kind = Math.floor(next() * 5)
      if (kind === 0) out.splice(at, 0, `new ${Math.floor(next() * 1000)}`)
      else if (kind === 1) out.splice(at, 1 + Math.floor(next() * 3))
      else if (kind === 2 && at < out.length) out[at] = `${out[at]} and more words`.replace('alpha', 'omega')
      else if (kind === 3 && out.length > 0)
        out.splice(at, 0, out[Math.floor(next() * out.length)]!) // duplicate
      else if (out.length > 1) {
        const [moved] = out.splice(Math.floor(next() * out.length), 1) // move
        out.splice(at % (out.length + 1), 0, moved!)
      }
    }
    return out
  }

  it('holds for 400 random revisions, and the diff is a shortest one', () => {
    const next = random(2026)
    for (let n = 0; n < 400; n++) {
      const a = randomText(next)
      const b = edit(a, next)
      const eol = (lines: string[]): string => lines.join(next() < 0.5 ? '\n' : '\r\n') + (next() < 0.5 ? '\n' : '')
      const before = eol(a)
      const after = eol(b)
      const result = diffLinesWithInfo(before, after)
      expect(applyLineChanges(before, result.changes)).toEqual(splitLines(after))
      expect(result.fallback).toBe('none')
      expect(countEqual(result.changes)).toBe(lcsLength(splitLines(before), splitLines(after)))
    }
  })

  it('holds with budgets small enough to force every fallback', () => {
    const next = random(99)
    const seen = new Set<string>()
    for (let n = 0; n < 400; n++) {
      const a = randomText(next)
      const b = edit(a, next)
      const budget = Math.floor(next() * 400)
      const result = diffLinesWithInfo(a.join('\n'), b.join('\n'), { budget })
      seen.add(result.fallback)
      expect(applyLineChanges(a.join('\n'), result.changes)).toEqual(splitLines(b.join('\n')))
    }
    expect([...seen].sort()).toEqual(['anchored', 'coarse', 'none'])
  })
})
