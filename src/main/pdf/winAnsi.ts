// Text for PDF's standard fonts. Helvetica and friends only encode WinAnsi (Latin-1 plus a few
// extras), and pdf-lib throws on anything else; people write emoji, Polish names, arrows and curly
// quotes. This turns any string into text the fonts can draw: accented letters stay, typographic
// characters become their ASCII look-alikes, letters outside the set lose their accent, the rest
// becomes '?'. It never throws.

/** Typographic characters written the way a typewriter would. */
const ASCII_EQUIVALENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2039': "'",
  '\u203a': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u2020': '+',
  '\u2021': '+',
  '\u2030': ' per mille',
  '\u2122': '(TM)',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': '    ',
  // Invisible characters that only break the drawing.
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u02c6': '^',
  '\u02dc': '~',
}

/** Letters without a decomposition whose plain form is still obvious to a reader. */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L' }

/** What Helvetica's WinAnsi encoding can draw: printable ASCII, Latin-1 and the cp1252 extras. */
const EXTRAS = 'ŒœŠšŸŽžƒ€'
function drawable(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true
  if (codePoint >= 0xa1 && codePoint <= 0xff && codePoint !== 0xad) return true
  return EXTRAS.includes(String.fromCodePoint(codePoint))
}

/** One line (or more, split on \n) of text the standard fonts can draw. */
export function toWinAnsi(input: unknown): string {
  const text = typeof input === 'string' ? input : input == null ? '' : String(input)
  let out = ''
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    const code = char.codePointAt(0)!
    if (char === '\n') out += '\n'
    else if (char in ASCII_EQUIVALENTS) out += ASCII_EQUIVALENTS[char]
    else if (drawable(code)) out += char
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue
    else out += plainForm(char)
  }
  return out
}

function plainForm(char: string): string {
  if (char in PLAIN_LETTERS) return PLAIN_LETTERS[char]!
  // "č" → "c", "ő" → "o": the letter without its accent reads better than a question mark.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '')
  if (base && base !== char && [...base].every((c) => drawable(c.codePointAt(0)!))) return base
  return '?'
}
