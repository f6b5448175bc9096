/**
 * Text for the terminal UI: widths from the domain's one measure (src/domain/presentation/width.ts,
 * which Ink measures with too, so borders never drift), and making untrusted text inert.
 */
import { displayWidth, ELLIPSIS, padToWidth, truncateToWidth } from '../domain/presentation/width.js';

export { displayWidth, ELLIPSIS, padToWidth, truncateToWidth, wrapToWidth } from '../domain/presentation/width.js';

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

/**
 * Fits text into `width` columns cutting at a word boundary (어절), with … when something was cut: a
 * title reads "제3조 개인정보의 제3자…" rather than stopping inside a word. A first word wider than
 * the room is cut inside it, as nothing else would fit.
 */
export function shortenAtWord(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return truncateToWidth(text, width);
  const room = width - displayWidth(ELLIPSIS);
  const words = text.split(/(?<= )/);
  let kept = '';
  for (const word of words) {
    if (displayWidth((kept + word).trimEnd()) > room) break;
    kept += word;
  }
  if (kept.trim() === '') return truncateToWidth(text, width);
  return kept.trimEnd() + ELLIPSIS;
}
