// Readable differences between two revisions: line by line with word-level detail inside changed lines
// (experiment texts, Markdown notes), and field by field for structured records (an experiment's title,
// status, tags, parameter rows). Pure: no Node, no DOM, so the core and the renderer can both use it.
//
// Lines and words are compared with Myers' O(ND) algorithm on interned tokens, after trimming the common
// start and end. Every diff runs on a work budget, so nothing can hang: when Myers would take too long
// (very many differences in a long text), the range is split at lines that occur exactly once on both
// sides ("patience" anchors) and the pieces are diffed again; a piece that still cannot be afforded is
// shown as one block of deleted and inserted lines. All of these are correct diffs (applying them to
// `before` gives `after`), only not always the shortest; `diffLinesWithInfo` says when that happened.
//
// Line breaks: CRLF, LF and a lone CR all end a line, and a final line break does not start an extra
// empty line, so 'a\r\nb\r\n' and 'a\nb' have the same lines. Comparison is otherwise exact (by UTF-16
// code units); word tokens never split a user-perceived character (emoji sequences, combining marks).

export type WordChangeType = 'equal' | 'insert' | 'delete'

/** A piece of a changed line. Joining equal + delete texts gives `before`; equal + insert gives `after`. */
export interface WordChange {
  type: WordChangeType
  text: string
}

export interface LineChange {
  type: 'equal' | 'insert' | 'delete' | 'change'
  /** The line in the earlier revision (equal, delete, change). */
  before?: string
  /** The line in the later revision (equal, insert, change). */
  after?: string
  /** 1-based line number in the earlier revision (equal, delete, change). */
  beforeNo?: number
  /** 1-based line number in the later revision (equal, insert, change). */
  afterNo?: number
  /** Word-level diff of a `change`. */
  words?: WordChange[]
}

/** A run of unchanged lines left out by `collapseUnchanged`, starting at these line numbers. */
export interface SkippedLines {
  type: 'skip'
  count: number
  beforeNo?: number
  afterNo?: number
}

/** What a diff view shows: lines, and possibly skipped runs of unchanged lines. */
export type DiffRow = LineChange | SkippedLines

/**
 * How the budget guard shaped a diff: `none` — the shortest diff; `anchored` — some part was split at
 * unique lines first (usually just as readable, not guaranteed shortest); `coarse` — some part is shown
 * as a whole block replaced (or a changed line as wholly replaced words).
 */
export type DiffFallback = 'none' | 'anchored' | 'coarse'

export interface LineDiff {
  changes: LineChange[]
  fallback: DiffFallback
}

export interface DiffOptions {
  /** Work units (roughly comparisons) for the line diff, and as many again for the word diffs. */
  budget?: number
}

/** Well under a second in the worst case; typical revisions need a tiny fraction of it. */
export const DEFAULT_DIFF_BUDGET = 8_000_000

export interface FieldDiffOptions {
  /** Fields holding arrays of rows, with the property that identifies a row, e.g. `{ parameters: 'name' }`. */
  keys?: Readonly<Record<string, string>>
}

export interface RowChange {
  /** The row's key value, as a string. */
  key: string
  type: 'added' | 'removed' | 'changed'
  before?: unknown
  after?: unknown
  /** For a changed row: which of its fields changed. */
  fields?: FieldChange[]
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  /** For a keyed field (`options.keys`): rows removed and changed (in earlier order), then rows added. */
  rows?: RowChange[]
  /** For a keyed field: the rows present in both revisions are in a different order. */
  reordered?: boolean
  /** For an array of plain values (tags): values added and removed, counting duplicates. */
  added?: unknown[]
  removed?: unknown[]
}

// ---------------------------------------------------------------------------------------------------
// Lines

/** The lines of a text; CRLF, LF and CR all end a line and a final line break adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r\n|\r|\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** The line diff of two texts; changed lines carry a word-level diff. */
export function diffLines(before: string, after: string, options: DiffOptions = {}): LineChange[] {
  return diffLinesWithInfo(before, after, options).changes
}

/** `diffLines`, and whether the budget guard had to simplify the result. */
export function diffLinesWithInfo(before: string, after: string, options: DiffOptions = {}): LineDiff {
  const budget = options.budget ?? DEFAULT_DIFF_BUDGET
  const lineWork: Work = { remaining: budget, fallback: 'none' }
  const wordWork: Work = { remaining: budget, fallback: 'none' }
  const a = splitLines(before)
  const b = splitLines(after)
  const ops = diffSequence(a, b, lineWork)
  const changes = toLineChanges(a, b, ops, wordWork)
  return { changes, fallback: worse(lineWork.fallback, wordWork.fallback) }
}

/**
 * Replaces runs of unchanged lines by `skip` rows, keeping `context` lines next to each change. A run
 * that would hide a single line is kept. Skip rows in the input count as hidden lines, so collapsing
 * twice changes nothing.
 */
export function collapseUnchanged(changes: readonly DiffRow[], context = 2): DiffRow[] {
  const keep = Number.isFinite(context) ? Math.max(0, Math.floor(context)) : 0
  const isQuiet = (row: DiffRow): boolean => row.type === 'equal' || row.type === 'skip'
  const out: DiffRow[] = []
  let start = 0
  while (start < changes.length) {
    if (!isQuiet(changes[start]!)) {
      out.push(changes[start]!)
      start++
      continue
    }
    let end = start
    while (end < changes.length && isQuiet(changes[end]!)) end++
    let head = 0
    const headWanted = start > 0 ? keep : 0
    while (head < headWanted && start + head < end && changes[start + head]!.type === 'equal') head++
    let tail = 0
    const tailWanted = end < changes.length ? keep : 0
    while (tail < tailWanted && end - 1 - tail >= start + head && changes[end - 1 - tail]!.type === 'equal') tail++
    for (let i = start; i < start + head; i++) out.push(changes[i]!)
    const hidden = changes.slice(start + head, end - tail)
    const count = hidden.reduce((sum, row) => sum + (row.type === 'skip' ? row.count : 1), 0)
    if (count === 1 && hidden[0]!.type === 'equal') out.push(hidden[0]!)
    else if (hidden.length > 0) {
      const first = hidden[0]!
      const skip: SkippedLines = { type: 'skip', count }
      if (first.beforeNo !== undefined) skip.beforeNo = first.beforeNo
      if (first.afterNo !== undefined) skip.afterNo = first.afterNo
      out.push(skip)
    }
    for (let i = end - tail; i < end; i++) out.push(changes[i]!)
    start = end
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// Words

// Word tokens, by one linear regular expression (Intl.Segmenter is far slower and, in V8, quadratic on
// long lines). Marks, ZWJ and variation selectors always stay with the character before them.
const NO_SPACES = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}`
const EMOJI_TAIL = String.raw`[\p{M}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]*`
const WORD_CHAR = String.raw`(?![${NO_SPACES}])[\p{L}\p{N}\p{M}\p{Pc}\u200c\u200d]`
const TOKEN = new RegExp(
  [
    String.raw`[${NO_SPACES}]\p{M}*`, // scripts written without spaces: one character at a time
    String.raw`\p{RI}\p{RI}`, // a flag
    String.raw`\p{Extended_Pictographic}${EMOJI_TAIL}(?:\u200d(?:\p{Extended_Pictographic}${EMOJI_TAIL})?)*`, // an emoji sequence
    String.raw`\p{N}+(?:[.,]\p{N}+)+`, // 3.14, 1,000
    String.raw`${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`, // words, don't
    String.raw`(?:\s[\p{M}\u200d]*)+`, // whitespace
    String.raw`(?:(?![\p{Extended_Pictographic}\p{RI}])[^\s\p{L}\p{N}\p{M}\p{Pc}][\p{M}\u200d]*)+`, // punctuation runs
    String.raw`[^]`, // anything else (a lone surrogate)
  ].join('|'),
  'gu',
)
const WHITESPACE = /^\s+$/u
const HAS_WORD = /[\p{L}\p{N}]/u

/**
 * The tokens of a line: words (a character each in scripts written without spaces), numbers such as
 * 3.14, emoji sequences, whitespace runs and punctuation runs. Joining them gives the line back.
 */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** The word-level diff of two lines (as inside a `change`). */
export function diffWords(before: string, after: string, options: DiffOptions = {}): WordChange[] {
  return wordsOf(before, after, { remaining: options.budget ?? DEFAULT_DIFF_BUDGET, fallback: 'none' })
}

interface Region {
  equal: boolean
  /** The equal text, or the deleted text of an edit. */
  a: string
  /** The inserted text of an edit. */
  b: string
}

function wordsOf(before: string, after: string, work: Work, tokens: (text: string) => string[] = tokenizeWords): WordChange[] {
  const ta = tokens(before)
  const tb = tokens(after)
  const ops = diffSequence(ta, tb, work)
  // Regions alternate: equal text, then an edit (deleted and/or inserted text), …
  const regions: Region[] = []
  let i = 0
  let j = 0
  for (const op of ops) {
    const wantEqual = op === EQUAL
    let last = regions[regions.length - 1]
    if (!last || last.equal !== wantEqual) {
      last = { equal: wantEqual, a: '', b: '' }
      regions.push(last)
    }
    if (op === EQUAL) {
      last.a += ta[i++]
      j++
    } else if (op === DELETE) last.a += ta[i++]
    else last.b += tb[j++]
  }
  // Semantic cleanup: a short stretch of equal spaces or punctuation between two edits ("quick brown" →
  // "slow red" has an equal space) reads better as part of one edit than as confetti. Equal words stay.
  for (let k = 1; k + 1 < regions.length; k++) {
    const mid = regions[k]!
    if (!mid.equal || HAS_WORD.test(mid.a)) continue
    const prev = regions[k - 1]!
    const next = regions[k + 1]!
    const size = mid.a.length
    if (size <= Math.max(prev.a.length, prev.b.length) && size <= Math.max(next.a.length, next.b.length)) {
      regions.splice(k - 1, 3, { equal: false, a: prev.a + mid.a + next.a, b: prev.b + mid.a + next.b })
      k = Math.max(0, k - 3) // re-check the equal stretch before the grown edit
    }
  }
  const words: WordChange[] = []
  for (const region of regions) {
    if (region.equal) words.push({ type: 'equal', text: region.a })
    else {
      if (region.a) words.push({ type: 'delete', text: region.a })
      if (region.b) words.push({ type: 'insert', text: region.b })
    }
  }
  return words
}

// ---------------------------------------------------------------------------------------------------
// Sequence diff (shared by lines and words)

const EQUAL = 0
const DELETE = 1
const INSERT = 2
type Op = typeof EQUAL | typeof DELETE | typeof INSERT

/** Myers keeps one snapshot per edit step; this caps its memory (about 16 MB) and time per range. */
const MAX_EDITS = 2000
/** Nesting of anchored splits; real texts need two or three levels. */
const MAX_DEPTH = 64

interface Work {
  remaining: number
  fallback: DiffFallback
}

const RANK: Record<DiffFallback, number> = { none: 0, anchored: 1, coarse: 2 }
const worse = (x: DiffFallback, y: DiffFallback): DiffFallback => (RANK[x] >= RANK[y] ? x : y)

interface Sequences {
  a: Int32Array
  b: Int32Array
  ops: Op[]
  work: Work
}

/** Edit script turning `a` into `b`: EQUAL consumes one item of each, DELETE one of a, INSERT one of b. */
function diffSequence(a: readonly string[], b: readonly string[], work: Work): Op[] {
  const ids = new Map<string, number>()
  const intern = (items: readonly string[]): Int32Array => {
    const out = new Int32Array(items.length)
    for (let i = 0; i < items.length; i++) {
      let id = ids.get(items[i]!)
      if (id === undefined) {
        id = ids.size
        ids.set(items[i]!, id)
      }
      out[i] = id
    }
    return out
  }
  const seq: Sequences = { a: intern(a), b: intern(b), ops: [], work }
  diffRange(seq, 0, a.length, 0, b.length, 0)
  return seq.ops
}

function diffRange(seq: Sequences, aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void {
  const { a, b, ops } = seq
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    ops.push(EQUAL)
    aLo++
    bLo++
  }
  let tail = 0
  while (aLo < aHi - tail && bLo < bHi - tail && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++
  aHi -= tail
  bHi -= tail
  if (aLo === aHi || bLo === bHi) replaceBlock(ops, aHi - aLo, bHi - bLo)
  else if (depth > MAX_DEPTH || !(myers(seq, aLo, aHi, bLo, bHi) || anchored(seq, aLo, aHi, bLo, bHi, depth))) {
    seq.work.fallback = worse(seq.work.fallback, 'coarse')
    replaceBlock(ops, aHi - aLo, bHi - bLo)
  }
  for (let i = 0; i < tail; i++) ops.push(EQUAL)
}

function replaceBlock(ops: Op[], deleted: number, inserted: number): void {
  for (let i = 0; i < deleted; i++) ops.push(DELETE)
  for (let i = 0; i < inserted; i++) ops.push(INSERT)
}

interface Snapshot {
  /** Diagonal of x[0]. */
  lo: number
  /** Furthest x per diagonal after the previous step; -1 where no path reaches. */
  x: Int32Array
}

/**
 * The x reached on diagonal k right after the edit of step d, from the previous step's furthest points
 * `prev(k)`: down from k+1 (an insertion) or right from k-1 (a deletion), staying inside the n×m grid.
 */
function stepStart(prev: (k: number) => number, k: number, n: number, m: number): { x: number; down: boolean } {
  const down = prev(k + 1)
  const right = prev(k - 1)
  let x = -1
  let fromDown = false
  if (down >= 0 && down - k <= m) {
    x = down
    fromDown = true
  }
  if (right >= 0 && right + 1 <= n && right + 1 > x) {
    x = right + 1
    fromDown = false
  }
  return { x, down: fromDown }
}

/** Myers' greedy shortest edit script for a[aLo..aHi) → b[bLo..bHi), or false when over budget. */
function myers(seq: Sequences, aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  const { a, b, work } = seq
  const n = aHi - aLo
  const m = bHi - bLo
  const limit = work.remaining / 2 // leave the other half for the pieces of a fallback
  const maxD = Math.min(n + m, MAX_EDITS)
  const offset = maxD + 1
  const v = new Int32Array(2 * maxD + 3).fill(-1)
  const trace: Snapshot[] = []
  let spent = 0
  for (let d = 0; d <= maxD; d++) {
    let kLo = Math.max(-d, -m)
    let kHi = Math.min(d, n)
    if ((kLo + d) & 1) kLo++
    if ((kHi + d) & 1) kHi--
    const snapshot = { lo: kLo - 1, x: v.slice(offset + kLo - 1, offset + kHi + 2) }
    trace.push(snapshot)
    spent += snapshot.x.length
    for (let k = kLo; k <= kHi; k += 2) {
      // The same choice as stepStart, inlined: this loop is the hot path.
      let x = 0
      if (d > 0) {
        const down = v[offset + k + 1]!
        const right = v[offset + k - 1]! + 1
        x = down >= 0 && down - k <= m ? down : -1
        if (right > 0 && right <= n && right > x) x = right
      }
      if (x < 0) {
        v[offset + k] = -1
        continue
      }
      let y = x - k
      const from = x
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++
        y++
      }
      spent += x - from + 1
      v[offset + k] = x
      if (x === n && y === m) {
        work.remaining -= spent
        backtrack(seq.ops, trace, n, m)
        return true
      }
      if (spent > limit) break
    }
    if (spent > limit) break
  }
  work.remaining -= spent
  return false
}

function backtrack(ops: Op[], trace: Snapshot[], n: number, m: number): void {
  const reversed: Op[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d > 0; d--) {
    const { lo, x: xs } = trace[d]!
    const k = x - y
    const start = stepStart((diagonal) => xs[diagonal - lo]!, k, n, m)
    while (x > start.x) {
      reversed.push(EQUAL)
      x--
      y--
    }
    if (start.down) {
      reversed.push(INSERT)
      y--
    } else {
      reversed.push(DELETE)
      x--
    }
  }
  while (x > 0) {
    reversed.push(EQUAL)
    x--
  }
  for (let i = reversed.length - 1; i >= 0; i--) ops.push(reversed[i]!)
}

/**
 * Fallback when Myers is over budget: match the items that occur exactly once in both ranges, keep the
 * longest run of them in the same order as anchors, and diff the gaps between them separately.
 */
function anchored(seq: Sequences, aLo: number, aHi: number, bLo: number, bHi: number, depth: number): boolean {
  const { a, b, work } = seq
  const cost = 4 * (aHi - aLo + bHi - bLo)
  if (work.remaining < cost) return false
  work.remaining -= cost
  const onlyIn = (s: Int32Array, lo: number, hi: number): Map<number, number> => {
    const at = new Map<number, number>() // id → its index, or -1 when it occurs more than once
    for (let i = lo; i < hi; i++) at.set(s[i]!, at.has(s[i]!) ? -1 : i)
    return at
  }
  const inA = onlyIn(a, aLo, aHi)
  const inB = onlyIn(b, bLo, bHi)
  const candA: number[] = []
  const candB: number[] = []
  for (let i = aLo; i < aHi; i++) {
    const j = inB.get(a[i]!)
    if (inA.get(a[i]!) === i && j !== undefined && j >= 0) {
      candA.push(i)
      candB.push(j)
    }
  }
  const chain = longestIncreasing(candB)
  if (chain.length === 0) return false
  work.fallback = worse(work.fallback, 'anchored')
  let i = aLo
  let j = bLo
  for (const c of chain) {
    diffRange(seq, i, candA[c]!, j, candB[c]!, depth + 1)
    seq.ops.push(EQUAL)
    i = candA[c]! + 1
    j = candB[c]! + 1
  }
  diffRange(seq, i, aHi, j, bHi, depth + 1)
  return true
}

/** Indices of a longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []
  const before = new Int32Array(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]!]! < value) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) before[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const chain: number[] = []
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = before[i]!) chain.push(i)
  return chain.reverse()
}

// ---------------------------------------------------------------------------------------------------
// From an edit script to line changes

/** Pairing by similarity is tried for runs up to this many delete × insert pairs; larger runs pair in order. */
const MAX_PAIRING = 2500

function toLineChanges(a: string[], b: string[], ops: Op[], wordWork: Work): LineChange[] {
  const tokenCache = new Map<string, string[]>()
  const tokens = (text: string): string[] => {
    let cached = tokenCache.get(text)
    if (!cached) {
      cached = tokenizeWords(text)
      tokenCache.set(text, cached)
    }
    return cached
  }
  const out: LineChange[] = []
  let deleted: number[] = []
  let inserted: number[] = []
  const flush = (): void => {
    if (deleted.length > 0 || inserted.length > 0) emitRun(out, a, b, deleted, inserted, wordWork, tokens)
    deleted = []
    inserted = []
  }
  let i = 0
  let j = 0
  for (const op of ops) {
    if (op === EQUAL) {
      flush()
      out.push({ type: 'equal', before: a[i], after: b[j], beforeNo: i + 1, afterNo: j + 1 })
      i++
      j++
    } else if (op === DELETE) deleted.push(i++)
    else inserted.push(j++)
  }
  flush()
  return out
}

/**
 * One run of deleted and inserted lines between unchanged ones. As many deleted lines as possible are
 * paired with inserted ones into `change` entries, keeping both orders; when one side has more lines,
 * the pairing with the most similar lines wins (a new line above an edited one stays an insertion).
 */
function emitRun(
  out: LineChange[],
  a: string[],
  b: string[],
  deleted: number[],
  inserted: number[],
  work: Work,
  tokens: (text: string) => string[],
): void {
  const partner = pairLines(
    deleted.map((i) => a[i]!),
    inserted.map((j) => b[j]!),
    work,
    tokens,
  )
  let d = 0
  let n = 0
  while (d < deleted.length || n < inserted.length) {
    if (d < deleted.length && partner[d] === -1) {
      const i = deleted[d++]!
      out.push({ type: 'delete', before: a[i], beforeNo: i + 1 })
    } else if (d < deleted.length && partner[d] === n) {
      const i = deleted[d++]!
      const j = inserted[n++]!
      out.push({ type: 'change', before: a[i], after: b[j], beforeNo: i + 1, afterNo: j + 1, words: wordsOf(a[i]!, b[j]!, work, tokens) })
    } else {
      const j = inserted[n++]!
      out.push({ type: 'insert', after: b[j], afterNo: j + 1 })
    }
  }
}

/** For each deleted line, the index of its paired inserted line, or -1. */
function pairLines(deleted: string[], inserted: string[], work: Work, tokens: (text: string) => string[]): Int32Array {
  const partner = new Int32Array(deleted.length).fill(-1)
  const inOrder = (): Int32Array => {
    for (let i = 0; i < Math.min(deleted.length, inserted.length); i++) partner[i] = i
    return partner
  }
  if (deleted.length === 0 || inserted.length === 0) return partner
  if (deleted.length === inserted.length || deleted.length * inserted.length > MAX_PAIRING) return inOrder()
  // Every line of the shorter side gets a partner on the longer side, in order, maximising similarity.
  const swap = deleted.length > inserted.length
  const short = (swap ? inserted : deleted).map((line) => profile(tokens(line)))
  const long = (swap ? deleted : inserted).map((line) => profile(tokens(line)))
  const p = short.length
  const q = long.length
  const width = q + 1
  const best = new Float64Array((p + 1) * width)
  for (let s = 1; s <= p; s++) {
    for (let l = s; l <= q; l++) {
      const x = short[s - 1]!
      const y = long[l - 1]!
      work.remaining -= Math.min(x.counts.size, y.counts.size) + 1
      if (work.remaining < 0) return inOrder()
      const paired = best[(s - 1) * width + l - 1]! + similarity(x, y)
      best[s * width + l] = l > s ? Math.max(best[s * width + l - 1]!, paired) : paired
    }
  }
  // Walk back; on a tie leave the later line unpaired, so equal scores pair lines in order.
  for (let s = p, l = q; s > 0;) {
    if (l > s && best[s * width + l] === best[s * width + l - 1]) l--
    else {
      if (swap) partner[l - 1] = s - 1
      else partner[s - 1] = l - 1
      s--
      l--
    }
  }
  return partner
}

interface Profile {
  counts: Map<string, number>
  weight: number
}

/** Non-space tokens of a line with their counts; weight = their total length. */
function profile(lineTokens: string[]): Profile {
  const counts = new Map<string, number>()
  let weight = 0
  for (const token of lineTokens) {
    if (WHITESPACE.test(token)) continue
    counts.set(token, (counts.get(token) ?? 0) + 1)
    weight += token.length
  }
  return { counts, weight }
}

/** 0 (nothing in common) … 1 (the same words): twice the length of shared tokens over both lengths. */
function similarity(x: Profile, y: Profile): number {
  if (x.weight + y.weight === 0) return 1
  const [small, large] = x.counts.size <= y.counts.size ? [x, y] : [y, x]
  let shared = 0
  for (const [token, count] of small.counts) shared += Math.min(count, large.counts.get(token) ?? 0) * token.length
  return (2 * shared) / (x.weight + y.weight)
}

// ---------------------------------------------------------------------------------------------------
// Fields of structured records

/**
 * Every field whose JSON differs (object keys in any order count as the same). Keyed row arrays report
 * their added, removed and changed rows; arrays of plain values their added and removed values.
 * Fields come in the order of `before`, then the fields only `after` has. Takes any plain objects
 * (records, revision snapshots, interface-typed values).
 */
export function diffFields(before: object, after: object, options: FieldDiffOptions = {}): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = (before as Record<string, unknown>)[field]
    const is = (after as Record<string, unknown>)[field]
    if (canonicalJson(was) === canonicalJson(is)) continue
    const change: FieldChange = { field, before: was, after: is }
    const key = options.keys?.[field]
    const rows = key === undefined ? null : diffRows(was, is, key)
    if (rows) {
      change.rows = rows.rows
      change.reordered = rows.reordered
    } else {
      const values = diffValues(was, is)
      if (values) {
        change.added = values.added
        change.removed = values.removed
      }
    }
    changes.push(change)
  }
  return changes
}

/** An absent (null/undefined) list counts as empty next to an array; other non-arrays cannot be compared. */
function asList(value: unknown): unknown[] | null {
  if (value === null || value === undefined) return []
  return Array.isArray(value) ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Rows by key, or null when a row is not an object, lacks a string/number key or repeats one. */
function rowsByKey(list: unknown[], key: string): Map<string, Record<string, unknown>> | null {
  const rows = new Map<string, Record<string, unknown>>()
  for (const row of list) {
    if (!isRecord(row)) return null
    const value = row[key]
    if (typeof value !== 'string' && typeof value !== 'number') return null
    if (rows.has(String(value))) return null
    rows.set(String(value), row)
  }
  return rows
}

function diffRows(before: unknown, after: unknown, key: string): { rows: RowChange[]; reordered: boolean } | null {
  const listBefore = asList(before)
  const listAfter = asList(after)
  if (!listBefore || !listAfter || !(Array.isArray(before) || Array.isArray(after))) return null
  const was = rowsByKey(listBefore, key)
  const is = rowsByKey(listAfter, key)
  if (!was || !is) return null
  const rows: RowChange[] = []
  for (const [k, row] of was) {
    const now = is.get(k)
    if (!now) rows.push({ key: k, type: 'removed', before: row })
    else if (canonicalJson(row) !== canonicalJson(now))
      rows.push({ key: k, type: 'changed', before: row, after: now, fields: diffFields(row, now) })
  }
  for (const [k, row] of is) if (!was.has(k)) rows.push({ key: k, type: 'added', after: row })
  const commonBefore = [...was.keys()].filter((k) => is.has(k))
  const commonAfter = [...is.keys()].filter((k) => was.has(k))
  return { rows, reordered: commonBefore.some((k, i) => commonAfter[i] !== k) }
}

function diffValues(before: unknown, after: unknown): { added: unknown[]; removed: unknown[] } | null {
  const listBefore = asList(before)
  const listAfter = asList(after)
  if (!listBefore || !listAfter || !(Array.isArray(before) || Array.isArray(after))) return null
  const plain = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value)
  if (!listBefore.every(plain) || !listAfter.every(plain)) return null
  const left = new Map<string, number>()
  for (const value of listBefore) left.set(canonicalJson(value)!, (left.get(canonicalJson(value)!) ?? 0) + 1)
  const added: unknown[] = []
  for (const value of listAfter) {
    const id = canonicalJson(value)!
    const count = left.get(id) ?? 0
    if (count > 0) left.set(id, count - 1)
    else added.push(value)
  }
  const removed: unknown[] = []
  for (const value of [...listBefore].reverse()) {
    const id = canonicalJson(value)!
    const count = left.get(id) ?? 0
    if (count > 0) {
      left.set(id, count - 1)
      removed.unshift(value)
    }
  }
  return { added, removed }
}

/** JSON with object keys sorted; undefined for what JSON leaves out. Never throws (cycles, bigint). */
function canonicalJson(value: unknown, open: object[] = []): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return String(value)
    case 'bigint':
      return JSON.stringify(value.toString())
    case 'object':
      break
    default:
      return undefined // undefined, functions, symbols
  }
  const object = value as { toJSON?: unknown }
  if (typeof object.toJSON === 'function') return canonicalJson((object.toJSON as () => unknown)(), open)
  if (open.includes(object)) return '"[Circular]"'
  open.push(object)
  try {
    if (Array.isArray(object)) return `[${object.map((item) => canonicalJson(item, open) ?? 'null').join(',')}]`
    const entries: string[] = []
    for (const key of Object.keys(object).sort()) {
      const json = canonicalJson((object as Record<string, unknown>)[key], open)
      if (json !== undefined) entries.push(`${JSON.stringify(key)}:${json}`)
    }
    return `{${entries.join(',')}}`
  } finally {
    open.pop()
  }
}
