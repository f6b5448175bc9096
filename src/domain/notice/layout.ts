/**
 * Terminal layout by display width: Hangul and other wide characters take two columns (string-width).
 * Lines wrap at spaces (Korean 어절) and break inside a word only when the word alone is wider than
 * the column, and then between grapheme clusters, never inside a character.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Splits a word wider than `width` into pieces at most `width` columns wide. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const { segment } of graphemes.segment(word)) {
    const w = stringWidth(segment);
    if (currentWidth + w > width && current !== '') {
      pieces.push(current);
      current = '';
      currentWidth = 0;
    }
    current += segment;
    currentWidth += w;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Wraps one paragraph (no newlines) to lines at most `width` columns wide; indent continuation lines. */
export function wrapText(text: string, width: number, continuationIndent = ''): string[] {
  if (width < 2) throw new RangeError(`column width ${width} is too narrow to hold a Hangul character`);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const indentWidth = stringWidth(continuationIndent);
  const words = text.split(/ +/u).filter((w) => w !== '');
  for (const word of words) {
    const wordWidth = stringWidth(word);
    const space = line === '' ? 0 : 1;
    if (lineWidth + space + wordWidth <= width) {
      line += (space ? ' ' : '') + word;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    const available = width - (lines.length > 0 ? indentWidth : 0);
    const prefix = lines.length > 0 || line !== '' ? continuationIndent : '';
    if (wordWidth <= available) {
      line = prefix + word;
      lineWidth = stringWidth(line);
      continue;
    }
    const pieces = breakWord(word, Math.max(2, available));
    for (const piece of pieces.slice(0, -1)) lines.push(prefix + piece);
    line = prefix + pieces.at(-1)!;
    lineWidth = stringWidth(line);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Pads to `width` display columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
