/**
 * Display width: the columns text takes in a terminal, and cutting, padding and wrapping by it. The one
 * measure of the CLI, the notice's text layout and the UI (the bundle gives Ink this function too, so
 * our layout and Ink's agree on every character).
 *
 * The measure is string-width's (with its defaults: ambiguous-width characters such as ①, ※, ·, …
 * take one column). Policy text is almost all ASCII, Hangul syllables and common CJK punctuation, whose
 * widths are fixed per code point and which never join a neighbour into one grapheme: those are summed
 * from the table below. Anything else (combining marks, emoji and ZWJ sequences, conjoining jamo,
 * astral characters, escape sequences other than SGR colours) is measured by string-width itself,
 * loaded on first need: its first use costs ~70 ms (Intl.Segmenter, the RGI emoji tables), which a
 * command printing JSON or Korean text should not pay. test/ui/text.test.ts checks the table against
 * string-width code point by code point.
 */
import { createRequire } from 'node:module';

export const ELLIPSIS = '…';

/**
 * [first, last, columns] for every code point the fast path measures, sorted. Only characters that are
 * a grapheme on their own (no mark, joiner, variation selector or jamo follows into them: those are not
 * in the table, so text holding one takes the full measure).
 */
const FIXED_WIDTHS: readonly (readonly [number, number, number])[] = [
  [0x00, 0x1a, 0], // C0 controls (ESC, 0x1b, starts an escape sequence)
  [0x1c, 0x1f, 0],
  [0x20, 0x7e, 1], // ASCII
  [0x7f, 0x7f, 0],
  [0xa0, 0xac, 1], // Latin-1 (0xad, the soft hyphen, is a format character)
  [0xae, 0x2ff, 1], // Latin-1, Latin Extended, IPA, spacing modifiers
  [0x2010, 0x2027, 1], // dashes, quotes, †, •, ‥, …
  [0x2030, 0x205e, 1], // ‰, ′, ※, ⁂ …
  [0x2100, 0x218b, 1], // letterlike symbols, roman numerals (Ⅲ), number forms
  [0x2190, 0x2319, 1], // arrows, mathematical operators, technical
  [0x2460, 0x25fc, 1], // ①–⑳, ⑴, ⒜, box drawing, blocks, ■ □ ▲ ▶ ○ ● ◎
  [0x270c, 0x2727, 1], // ✔ ✖ (the UI's ticks and crosses)
  [0x2758, 0x2794, 1], // ❯
  [0x2800, 0x28ff, 1], // braille patterns (the UI's spinner)
  [0x3000, 0x3029, 2], // ideographic space, 、 。 〈 〉 《 》 「 」 『 』 【 】 〔 〕
  [0x3030, 0x303e, 2],
  [0x3041, 0x3096, 2], // hiragana
  [0x30a0, 0x30ff, 2], // katakana
  [0x3131, 0x3163, 2], // Hangul compatibility jamo (ㄱ, ㅏ)
  [0x3165, 0x318e, 2], // … and ㆍ (0x3164, the Hangul filler, is invisible)
  [0x3200, 0x321e, 2], // ㈀ ㈜
  [0x3220, 0x3247, 2], // ㈠
  [0x3250, 0x4dbf, 2], // ㉠ ㉮, enclosed CJK, CJK compatibility, CJK extension A
  [0x4e00, 0x9fff, 2], // CJK unified ideographs (漢字)
  [0xac00, 0xd7a3, 2], // Hangul syllables
  [0xf900, 0xfa6d, 2], // CJK compatibility ideographs
  [0xfa70, 0xfad9, 2],
  [0xff01, 0xff60, 2], // full-width forms (（ ） ， ： ～)
  [0xffe0, 0xffe6, 2], // ￠ ￡ ￦
];

function fixedWidth(code: number): number | undefined {
  let low = 0;
  let high = FIXED_WIDTHS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last, columns] = FIXED_WIDTHS[middle]!;
    if (code < first) high = middle - 1;
    else if (code > last) low = middle + 1;
    else return columns;
  }
  return undefined;
}

/** SGR colour sequences (what Ink's colours add); string-width strips them, and so does the fast path. */
const SGR = /\x1b\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/** The width from the table, or undefined when the text holds a character outside it. */
function fastWidth(text: string): number | undefined {
  const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (code >= 0xac00 && code <= 0xd7a3) width += 2;
    else {
      const columns = fixedWidth(code);
      if (columns === undefined) return undefined;
      width += columns;
    }
  }
  return width;
}

let stringWidth: ((text: string) => number) | undefined;

/** string-width, loaded on first need (a synchronous require of the ES module: Node ≥ 20.19). */
function fullWidth(text: string): number {
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: (text: string) => number }).default;
  return stringWidth(text);
}

/** Columns the text occupies in a terminal, as Ink measures it. */
export function displayWidth(text: string): number {
  return fastWidth(text) ?? fullWidth(text);
}

let graphemes: Intl.Segmenter | undefined;

/** The user-perceived characters of `text` (a syllable, an emoji with its modifiers). */
export function splitGraphemes(text: string): string[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * The longest prefix of `text` that fits in `width` columns, with … when something was cut.
 * Never cuts inside a character: a wide syllable that would straddle the edge is left out whole.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ELLIPSIS);
  let out = '';
  let used = 0;
  for (const g of splitGraphemes(text)) {
    const w = displayWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + ELLIPSIS;
}

/** Truncates to `width`, then pads with spaces to exactly `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncateToWidth(text, width);
  const gap = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + gap : gap + cut;
}

/**
 * Breaks text into lines of at most `width` columns: at spaces (어절 boundaries) when a word fits,
 * inside a word (between graphemes) only when the word alone is wider than a line; a character wider
 * than the whole line is shown as …. Existing newlines are kept; lines after the first of a paragraph
 * start with `indent` (a hanging indent under a list marker). Always returns at least one line.
 */
export function wrapToWidth(text: string, width: number, indent = ''): string[] {
  if (width <= 0) return [''];
  const hanging = displayWidth(indent) < width ? indent : '';
  const hangingWidth = displayWidth(hanging);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    // Where the current line's own text starts: 0 on a paragraph's first line, after the indent on the others.
    let start = 0;
    const flush = () => {
      lines.push(line.trimEnd());
      line = hanging;
      used = start = hangingWidth;
    };
    for (const word of paragraph.split(/(?<= )/)) {
      const w = displayWidth(word);
      const wTrim = displayWidth(word.trimEnd());
      if (used + wTrim > width && used > start) flush();
      if (used + wTrim <= width) {
        line += word;
        used += w;
        continue;
      }
      for (const grapheme of splitGraphemes(word)) {
        // A character wider than the whole line cannot be shown: … stands for it.
        const g = displayWidth(grapheme) > width ? ELLIPSIS : grapheme;
        const gw = displayWidth(g);
        if (used + gw > width && used > start && g !== ' ') flush();
        if (used === start && g === ' ') continue;
        line += g;
        used += gw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
