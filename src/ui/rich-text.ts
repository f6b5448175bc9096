/**
 * Styled text as plain data (segments with a tone), wrapped by display width. Views turn lines of
 * segments into Ink <Text>; the layout maths stays pure and testable.
 */
import type { Tone } from './theme.js';
import { displayWidth, splitGraphemes } from '../domain/presentation/width.js';
import { padToWidth, sanitizeForTerminal } from './text.js';

export interface Segment {
  text: string;
  tone?: Tone;
  strike?: boolean;
  underline?: boolean;
}

export type RichLine = Segment[];

export function lineWidth(line: RichLine): number {
  return line.reduce((sum, seg) => sum + displayWidth(seg.text), 0);
}

export function plainText(line: RichLine): string {
  return line.map((s) => s.text).join('');
}

/** A segment whose text is made inert for the terminal (policy text is untrusted). */
export function seg(text: string, style: Omit<Segment, 'text'> = {}): Segment {
  return { ...style, text: sanitizeForTerminal(text) };
}

/**
 * Wraps segments into lines of at most `width` columns, breaking after spaces where possible and
 * between syllables only inside a word wider than the line. Lines after the first start with
 * `indent` spaces (hanging indent under a clause marker).
 */
export function wrapSegments(segments: RichLine, width: number, indent = 0): RichLine[] {
  const safeIndent = indent >= width ? 0 : indent;
  // Pieces: runs ending after a space, each carrying its segment's style.
  const pieces: Segment[] = [];
  for (const s of segments) for (const text of s.text.split(/(?<= )/)) if (text !== '') pieces.push({ ...s, text });
  const lines: RichLine[] = [];
  let line: RichLine = [];
  let used = 0;
  const newLine = () => {
    lines.push(line);
    line = safeIndent > 0 ? [{ text: ' '.repeat(safeIndent) }] : [];
    used = safeIndent;
  };
  const append = (piece: Segment) => {
    const last = line[line.length - 1];
    if (last && last.tone === piece.tone && last.strike === piece.strike && last.underline === piece.underline) last.text += piece.text;
    else line.push({ ...piece });
    used += displayWidth(piece.text);
  };
  for (const piece of pieces) {
    const w = displayWidth(piece.text);
    const visible = displayWidth(piece.text.trimEnd());
    if (used + visible <= width) {
      append(used + w <= width ? piece : { ...piece, text: piece.text.trimEnd() });
      continue;
    }
    // Does not fit: start a fresh line if the piece would fit there, else split it by syllable.
    if (used > safeIndent && visible <= width - safeIndent) {
      newLine();
      append(w <= width - safeIndent ? piece : { ...piece, text: piece.text.trimEnd() });
      continue;
    }
    for (const grapheme of splitGraphemes(piece.text)) {
      const segment = displayWidth(grapheme) > width ? '…' : grapheme;
      const gw = displayWidth(segment);
      if (used + gw > width) {
        if (segment === ' ') continue;
        newLine();
      }
      append({ ...piece, text: segment });
    }
  }
  lines.push(line);
  return lines.map((l) => trimLineEnd(l));
}

function trimLineEnd(line: RichLine): RichLine {
  const out = line.map((s) => ({ ...s }));
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.tone || last.strike || last.underline ? last.text : last.text.trimEnd();
    if (trimmed === '') out.pop();
    else {
      last.text = trimmed;
      break;
    }
  }
  return out;
}

/** Pads a line with spaces to exactly `width` columns (it must already fit). */
export function padLine(line: RichLine, width: number): RichLine {
  const gap = width - lineWidth(line);
  return gap > 0 ? [...line, { text: ' '.repeat(gap) }] : line;
}

/** A plain string as a rich line, truncated/padded to `width`. */
export function plainLine(text: string, width: number, tone?: Tone): RichLine {
  return [{ text: padToWidth(sanitizeForTerminal(text), width), ...(tone ? { tone } : {}) }];
}
