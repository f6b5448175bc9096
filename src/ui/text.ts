/**
 * Text for the terminal UI: widths from the domain's one measure (src/domain/presentation/width.ts,
 * which Ink measures with too, so borders never drift), and making untrusted text inert.
 */
import { inert } from '../domain/presentation/inert.js';
import { displayWidth, ELLIPSIS, padToWidth, truncateToWidth } from '../domain/presentation/width.js';

export { displayWidth, ELLIPSIS, padToWidth, truncateToWidth, wrapToWidth } from '../domain/presentation/width.js';

/**
 * Untrusted text (policy text from a hostile or broken page) made inert for a terminal by the one
 * rule (src/domain/presentation/inert.ts: ESC shows as ␛, C1 and bidi controls as ⟪U+202E⟫), laid
 * out for a screen line: tabs become a space, newlines ␊ unless `keepNewlines` is set.
 */
export function sanitizeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  const laidOut = text.replace(/[\t\n]/g, (ch) => (ch === '\t' ? ' ' : options.keepNewlines ? ch : '␊'));
  return inert(laidOut, 'terminal');
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
