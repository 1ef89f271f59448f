// Deterministic randomness for the generator: one fixed seed, and a separate stream per purpose
// (derived from the seed and a label), so a module added later does not shift what earlier
// modules generate.

export const BENCH_SEED = 20_260_309

export interface Random {
  /** Uniform in [0, 1). */
  (): number
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Index into weights, chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number
  shuffle<T>(items: T[]): T[]
}

/** A stream of its own for `label`, fixed by the seed. */
export function randomStream(label: string, seed = BENCH_SEED): Random {
  return makeRandom(mulberry32(hashLabel(label) ^ seed))
}

function makeRandom(next: () => number): Random {
  const r = (() => next()) as Random
  r.int = (min, max) => min + Math.floor(next() * (max - min + 1))
  r.chance = (p) => next() < p
  r.pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  r.weighted = (weights) => {
    let total = 0
    for (const w of weights) total += w
    let x = next() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!
      if (x < 0) return i
    }
    return weights.length - 1
  }
  r.shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[items[i], items[j]] = [items[j]!, items[i]!]
    }
    return items
  }
  return r
}

/** Mulberry32: small, fast and good enough to make data look random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over the label's UTF-16 code units. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * Picks from a ranked list with Zipf's law: the item at rank r (1-based) has weight 1 / r^s. Natural
 * text and human activity look like this (a few words and people very often, a long tail rarely);
 * a uniform choice makes searches and per-person figures unrealistic.
 */
export function zipf<T>(items: readonly T[], exponent = 1.07): (random: Random) => T {
  if (items.length === 0) throw new Error('zipf over an empty list')
  const cumulative = new Float64Array(items.length)
  let total = 0
  for (let i = 0; i < items.length; i++) {
    total += 1 / Math.pow(i + 1, exponent)
    cumulative[i] = total
  }
  return (random) => {
    const x = random() * total
    let lo = 0
    let hi = items.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return items[lo] as T
  }
}
