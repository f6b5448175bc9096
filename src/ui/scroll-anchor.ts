/**
 * A scroll position that survives re-wrapping: the number of letters and digits above the first
 * line shown. Spaces, borders and padding change with the width; the words do not, so after a
 * resize the same words are at the top of the pane rather than the same line number.
 */
import { useEffect, useRef } from 'react';

const WORD_CHARACTER = /[\p{L}\p{N}]/gu;

function wordCharacters(line: string): number {
  return line.match(WORD_CHARACTER)?.length ?? 0;
}

/** Letters and digits in the lines above `index`. */
export function anchorAt(lines: readonly string[], index: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(index, lines.length); i++) count += wordCharacters(lines[i]!);
  return count;
}

/** The line that holds the character `anchor` counts to (the last line when past the end). */
export function lineAt(lines: readonly string[], anchor: number): number {
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    count += wordCharacters(lines[i]!);
    if (count > anchor) return i;
  }
  return Math.max(0, lines.length - 1);
}

/**
 * The scroll to show this render: `scroll` itself, or, when the width changed since the last render,
 * the line of the new layout that holds what was at the top before (and the state is told so).
 */
export function useScrollKeptOnResize(lines: readonly string[], width: number, scroll: number, setScroll: (scroll: number) => void): number {
  const last = useRef<{ width: number; lines: readonly string[]; scroll: number } | undefined>(undefined);
  const before = last.current;
  const kept = before && before.width !== width && before.scroll === scroll && scroll > 0 ? lineAt(lines, anchorAt(before.lines, scroll)) : scroll;
  last.current = { width, lines, scroll: kept };
  useEffect(() => {
    if (kept !== scroll) setScroll(kept);
  });
  return kept;
}
