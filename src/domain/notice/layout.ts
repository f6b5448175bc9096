/**
 * Tables inside an article, laid out in text by display width (Hangul two columns): the columns side by
 * side when they fit, narrower with cells wrapped at spaces when not, and in groups of columns one after
 * another when even that is too wide. Measuring and wrapping are presentation/width's.
 */
import { displayWidth, padToWidth, wrapToWidth } from '../presentation/width.js';

/** Columns of a table laid out in text: which cells go side by side, and how wide each is. */
export interface ColumnGroup {
  start: number;
  end: number;
  widths: number[];
}

const COLUMN_GAP = '  ';

/**
 * Lays out a table's columns in `width` columns of text: at their natural widths when they fit, else
 * narrower (cells then wrap at spaces, a word is never cut unless it is alone wider than the room), and
 * when even the narrowest layout is too wide, in groups of columns printed one after another, as a
 * wide table is printed across pages.
 */
export function tableColumns(rows: readonly (readonly string[])[], width: number): ColumnGroup[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const natural = Array.from({ length: count }, (_, c) => Math.max(1, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const narrowest = Array.from({ length: count }, (_, c) => Math.max(1, ...rows.flatMap((r) => (r[c] ?? '').split(/ +/u).map((w) => displayWidth(w)))));
  const gap = displayWidth(COLUMN_GAP);
  const groups: ColumnGroup[] = [];
  for (let start = 0; start < count; ) {
    let end = start + 1;
    let used = Math.min(narrowest[start]!, width);
    while (end < count && used + gap + narrowest[end]! <= width) used += gap + narrowest[end++]!;
    const widths = natural.slice(start, end);
    const room = width - gap * (end - start - 1);
    if (widths.reduce((a, b) => a + b, 0) > room) {
      // Start from the narrowest and give the rest of the room to the columns that want it, in proportion.
      const least = narrowest.slice(start, end).map((w) => Math.min(w, room));
      const spare = room - least.reduce((a, b) => a + b, 0);
      const wants = widths.map((w, k) => w - least[k]!);
      const wanted = wants.reduce((a, b) => a + b, 0);
      widths.forEach((_, k) => (widths[k] = least[k]! + (wanted === 0 ? 0 : Math.floor((spare * wants[k]!) / wanted))));
    }
    groups.push({ start, end, widths });
    start = end;
  }
  return groups;
}

/** One table row in a column group, as lines of text (cells wrapped, padded and two spaces apart). */
export function tableRowLines(cells: readonly string[], group: ColumnGroup): string[] {
  const wrapped = group.widths.map((w, k) => wrapToWidth(cells[group.start + k] ?? '', w));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let i = 0; i < height; i++) lines.push(wrapped.map((cell, k) => padToWidth(cell[i] ?? '', group.widths[k]!)).join(COLUMN_GAP).trimEnd());
  return lines;
}
