/**
 * Display-width toolkit for the terminal UI. Hangul syllables take two columns; ambiguous-width
 * characters (①, ※, ·, …) take one, because that is what Ink measures with (string-width's default
 * `ambiguousIsNarrow`): if we measured differently from Ink, borders would drift.
 */
import stringWidth from 'string-width';

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns the text occupies in a terminal, as Ink measures it. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

function splitGraphemes(text: string): string[] {
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
 * inside a word (between syllables) only when the word alone is wider than a line.
 * Existing newlines are kept. Always returns at least one line.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [''];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const flush = () => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const word of paragraph.split(/(?<= )/)) {
      const w = displayWidth(word);
      const wTrim = displayWidth(word.trimEnd());
      if (used + wTrim <= width) {
        line += word;
        used += w;
        continue;
      }
      if (used > 0) flush();
      if (wTrim <= width) {
        line = word;
        used = w;
        continue;
      }
      for (const grapheme of splitGraphemes(word)) {
        // A wide character can't fit a one-column line at all: … stands for it.
        const g = displayWidth(grapheme) > width ? ELLIPSIS : grapheme;
        const gw = displayWidth(g);
        if (used + gw > width && g !== ' ') flush();
        if (used === 0 && g === ' ') continue;
        line += g;
        used += gw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Makes untrusted text (policy text from a hostile or broken page) inert for a terminal:
 * ESC becomes ␛ (so `\x1b[31m` shows as `␛[31m` and colours nothing), other C0 controls their
 * control pictures (␀…␟, ␡), C1 controls and bidirectional overrides �. Tabs become a space.
 * Newlines are kept only when `keepNewlines` is set.
 */
export function sanitizeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' && options.keepNewlines) out += ch;
    else if (ch === '\t') out += ' ';
    else if (code < 0x20) out += String.fromCodePoint(0x2400 + code);
    else if (code === 0x7f) out += '␡';
    else if (code >= 0x80 && code <= 0x9f) out += '�';
    else if (code === 0x2028 || code === 0x2029) out += ' ';
    else if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) out += '�';
    else out += ch;
  }
  return out;
}

/** Sanitises, then fits to exactly `width` columns: the one call for a table cell. */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return padToWidth(sanitizeForTerminal(text), width, align);
}
