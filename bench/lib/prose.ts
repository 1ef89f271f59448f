// Text for the bench's notes and experiments, with the word frequencies of real writing: one
// ranked vocabulary drawn with Zipf's law, so "de" and "het" are in nearly every document, workshop
// words ("eiken", "frezen", "vermogen") in many, and most of the twenty thousand words in a few.
// Search figures mean little on uniform random words: every word is then equally rare.
import { zipf, type Random } from './random'

// Dutch function words, most frequent first: the head of the distribution.
// prettier-ignore
const FUNCTION_WORDS = [
  'de', 'en', 'het', 'van', 'een', 'in', 'is', 'op', 'met', 'te', 'voor', 'dat', 'niet', 'bij', 'aan', 'om', 'als', 'er', 'ook',
  'dan', 'door', 'na', 'maar', 'we', 'je', 'zo', 'nog', 'wel', 'tot', 'of', 'die', 'dit', 'deze', 'wordt', 'zijn', 'moet', 'kan',
  'geen', 'meer', 'goed', 'eerst', 'daarna', 'onder', 'over', 'tussen', 'zonder', 'langs', 'tegen', 'heel', 'iets', 'minder',
  'altijd', 'soms', 'vaak', 'beter', 'snel', 'langzaam', 'weer', 'veel', 'weinig', 'elke', 'alle', 'twee', 'drie', 'vier',
]

// The workshop's own words: materials, machines, actions, results. Ranked roughly by how often a
// workshop would write them; interleaved with the function words by the ranking below.
// prettier-ignore
const WORKSHOP_WORDS = [
  'hout', 'eiken', 'laser', 'frezen', 'snijden', 'multiplex', 'vermogen', 'snelheid', 'mdf', 'rand', 'plaat', 'machine', 'proef',
  'materiaal', 'dikte', 'afwerking', 'noten', 'resultaat', 'lijm', 'schuren', 'focus', 'frees', 'spindel', 'toerental', 'voeding',
  'lens', 'afzuiging', 'brandplekken', 'verkoling', 'nerf', 'vezel', 'splinter', 'klem', 'mal', 'fineer', 'beuken', 'essen', 'berken',
  'acryl', 'glas', 'leer', 'messing', 'aluminium', 'koper', 'kurk', 'vilt', 'karton', 'pla', 'petg', 'abs', 'nozzle', 'laaghoogte',
  'vulling', 'bed', 'temperatuur', 'oven', 'houdtijd', 'korrel', 'druk', 'robot', 'pad', 'baan', 'gereedschap', 'beitel', 'zaag',
  'zaagblad', 'kantenlijmer', 'vacuumpers', 'draaibank', 'beitels', 'boor', 'boren', 'graveren', 'graveerdiepte', 'passes', 'lucht',
  'luchtondersteuning', 'frequentie', 'puls', 'kerf', 'tolerantie', 'pasvorm', 'zwaluwstaart', 'pen', 'gat', 'verbinding', 'scharnier',
  'tafelblad', 'kastfront', 'lade', 'paneel', 'panelen', 'stoel', 'zitting', 'leuning', 'poot', 'lijst', 'kist', 'doos', 'lampenkap',
  'olie', 'lak', 'was', 'beits', 'primer', 'grondlaag', 'toplaag', 'droogtijd', 'vocht', 'krimp', 'uitzetting', 'spanning', 'scheur',
  'kromtrekken', 'vlak', 'haaks', 'recht', 'glad', 'ruw', 'donker', 'licht', 'diep', 'ondiep', 'strak', 'los', 'vast', 'dun', 'dik',
  'breed', 'smal', 'warm', 'koud', 'heet', 'stof', 'rook', 'geur', 'veiligheid', 'bril', 'handschoenen', 'gehoorbescherming',
  'noodstop', 'brand', 'blusdeken', 'instructie', 'student', 'docent', 'freelancer', 'les', 'opdracht', 'prototype', 'serie',
  'klant', 'tekening', 'ontwerp', 'bestand', 'vector', 'dxf', 'gcode', 'nulpunt', 'referentie', 'kalibratie', 'uitlijnen',
  'onderhoud', 'schoonmaken', 'smeren', 'filter', 'spiegel', 'nozzles', 'slijtage', 'storing', 'reparatie', 'leverancier', 'batch',
  'partij', 'kwaliteit', 'keuze', 'advies', 'test', 'testen', 'meting', 'gemeten', 'millimeter', 'procent', 'minuten', 'graden',
]

// Parts of Dutch compound words: the long tail is made of these, as Dutch makes its rare words.
// prettier-ignore
const HEADS = [
  'eiken', 'noten', 'beuken', 'essen', 'berken', 'kersen', 'esdoorn', 'mahonie', 'teak', 'vuren', 'grenen', 'bamboe', 'kurk', 'vilt',
  'acryl', 'glas', 'leer', 'messing', 'koper', 'staal', 'zink', 'tin', 'zilver', 'goud', 'lood', 'klei', 'steen', 'marmer',
  'laser', 'frees', 'zaag', 'boor', 'schuur', 'pers', 'lijm', 'lak', 'olie', 'was', 'beits', 'hars', 'epoxy', 'fineer', 'kant',
  'rand', 'hoek', 'voeg', 'nerf', 'kops', 'lang', 'dwars', 'binnen', 'buiten', 'onder', 'boven', 'voor', 'achter', 'zij',
  'proef', 'test', 'meet', 'stel', 'werk', 'hand', 'voet', 'kop', 'staart', 'pen', 'gat', 'sleuf', 'groef', 'veer', 'spie',
]
// prettier-ignore
const TAILS = [
  'plaat', 'blad', 'rand', 'strip', 'lat', 'balk', 'plank', 'paneel', 'front', 'lade', 'kast', 'tafel', 'stoel', 'bank', 'lijst',
  'mal', 'klem', 'beitel', 'frees', 'boor', 'zaag', 'schaaf', 'vijl', 'tang', 'hamer', 'schroef', 'spijker', 'plug', 'deuvel',
  'verbinding', 'naad', 'voeg', 'hoek', 'kant', 'vlak', 'laag', 'film', 'coating', 'afwerking', 'glans', 'kleur', 'tint',
  'snelheid', 'diepte', 'breedte', 'lengte', 'dikte', 'hoogte', 'hoek', 'straal', 'druk', 'kracht', 'spanning', 'temperatuur',
  'proef', 'test', 'serie', 'monster', 'stuk', 'deel', 'onderdeel', 'model', 'ontwerp', 'schets', 'tekening', 'patroon', 'sjabloon',
]

const VOCABULARY_SIZE = 20_000

/** The ranked vocabulary: function words and workshop words in front, compounds in the tail. */
function rankedVocabulary(): string[] {
  const words: string[] = []
  const seen = new Set<string>()
  const add = (word: string) => {
    if (seen.has(word)) return
    seen.add(word)
    words.push(word)
  }
  // Function words dominate the head, with a workshop word after every two or three of them.
  let w = 0
  for (let f = 0; f < FUNCTION_WORDS.length; f++) {
    add(FUNCTION_WORDS[f]!)
    if (f % 2 === 1 && w < WORKSHOP_WORDS.length) add(WORKSHOP_WORDS[w++]!)
  }
  while (w < WORKSHOP_WORDS.length) add(WORKSHOP_WORDS[w++]!)
  // Compounds in a fixed, scattered order (a stride coprime to the count), so the tail is not
  // alphabetical: rank 3,000 and rank 3,001 have nothing in common.
  const total = HEADS.length * TAILS.length
  const stride = 7919
  for (let i = 0; words.length < VOCABULARY_SIZE && i < total * 8; i++) {
    const n = (i * stride) % total
    const head = HEADS[Math.floor(n / TAILS.length)]!
    const tail = TAILS[n % TAILS.length]!
    if (head === tail) continue
    // Three-part compounds once the two-part ones run out.
    const third = i >= total ? HEADS[(i * 31) % HEADS.length]! : ''
    add(third + head + tail)
  }
  return words
}

export const VOCABULARY: readonly string[] = rankedVocabulary()
const word = zipf(VOCABULARY, 1.0)

/** The rank (0-based) of a word in the vocabulary, for choosing rare or common search words. */
export const rankOf = (() => {
  const ranks = new Map(VOCABULARY.map((w, i) => [w, i]))
  return (w: string) => ranks.get(w) ?? -1
})()

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function sentence(random: Random, min = 6, max = 18): string {
  const n = random.int(min, max)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(word(random))
  return capital(out.join(' ')) + (random.chance(0.1) ? '?' : '.')
}

/** About `words` words in sentences. */
export function paragraph(random: Random, words: number): string {
  const out: string[] = []
  let count = 0
  while (count < words) {
    const s = sentence(random)
    count += s.split(' ').length
    out.push(s)
  }
  return out.join(' ')
}

/** A Markdown body of about `words` words: paragraphs, sometimes a heading or a list. */
export function markdown(random: Random, words: number, extras: string[] = []): string {
  const blocks: string[] = []
  let left = words
  while (left > 0) {
    const shape = random()
    if (shape < 0.12 && blocks.length > 0) {
      blocks.push(`## ${capital(word(random))} ${word(random)}`)
    } else if (shape < 0.25) {
      const items = random.int(2, 5)
      const list: string[] = []
      for (let i = 0; i < items; i++) list.push(`- ${sentence(random, 3, 8)}`)
      blocks.push(list.join('\n'))
      left -= items * 6
    } else {
      const n = Math.min(left, random.int(25, 90))
      blocks.push(paragraph(random, n))
      left -= n
    }
  }
  // Links and other fixed pieces go inside random paragraphs, as people write them.
  for (const extra of extras) {
    const i = random.int(0, blocks.length - 1)
    blocks[i] = `${blocks[i]} ${extra}`
  }
  return blocks.join('\n\n')
}

export { word as zipfWord }
