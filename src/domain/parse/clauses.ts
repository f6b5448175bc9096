/**
 * The clause tree of a block (preamble, article body, appendix section).
 *
 * When any line of the block is indented, indentation alone decides nesting (의정부: "  •" then
 * "    •"; an indented unmarked line under a bullet is that bullet's paragraph). When the whole block is
 * flat, marker rank decides (파주: "1." then "가." at column 0): a marker family not yet open becomes a
 * child of the item before it, a family already open closes the deeper items and continues as a
 * sibling, and an unmarked paragraph ends the list.
 */
import type { Clause } from '../model.js';
import { MAX_CLAUSE_DEPTH } from '../schema.js';
import type { Line } from './lines.js';

/** Counts lines whose nesting was capped at MAX_CLAUSE_DEPTH (the schema's limit). */
export interface NestingReport {
  capped: number;
}

export type BlockLine = Pick<Line, 'indent' | 'marker' | 'family' | 'text' | 'row'>;

function clauseOf(line: BlockLine): Clause {
  if (line.row) return { row: [...line.row] };
  return line.marker === undefined ? { text: line.text } : { marker: line.marker, text: line.text };
}

function addChild(parent: Clause, child: Clause): void {
  (parent.children ??= []).push(child);
}

function nestByIndent(lines: readonly BlockLine[], report: NestingReport): Clause[] {
  const roots: Clause[] = [];
  const open: Array<{ indent: number; clause: Clause }> = [];
  for (const line of lines) {
    const clause = clauseOf(line);
    while (open.length > 0 && open[open.length - 1]!.indent >= line.indent) open.pop();
    if (open.length > MAX_CLAUSE_DEPTH) {
      // Deeper than the schema allows: keep the line as a sibling at the deepest allowed level.
      open.length = MAX_CLAUSE_DEPTH;
      report.capped++;
    }
    const parent = open[open.length - 1];
    if (parent) addChild(parent.clause, clause);
    else roots.push(clause);
    open.push({ indent: line.indent, clause });
  }
  return roots;
}

function nestByRank(lines: readonly BlockLine[], report: NestingReport): Clause[] {
  const roots: Clause[] = [];
  let open: Array<{ family: string; clause: Clause }> = [];
  const topFamilies = new Set<string>();
  for (const line of lines) {
    const clause = clauseOf(line);
    if (line.row || line.family === undefined) {
      roots.push(clause);
      open = [];
      continue;
    }
    const family = line.family;
    const sameFamily = open.findLastIndex((o) => o.family === family);
    if (sameFamily >= 0) open.length = sameFamily;
    else if (topFamilies.has(family)) open = [];
    if (open.length > MAX_CLAUSE_DEPTH) {
      open.length = MAX_CLAUSE_DEPTH;
      report.capped++;
    }
    const parent = open[open.length - 1];
    if (parent) addChild(parent.clause, clause);
    else {
      roots.push(clause);
      topFamilies.add(family);
    }
    open.push({ family, clause });
  }
  return roots;
}

/** Clauses of a block's non-blank lines, nested by indentation or, in a flat block, by marker rank. */
export function buildClauses(lines: readonly BlockLine[], report: NestingReport = { capped: 0 }): Clause[] {
  const indented = lines.some((l) => l.indent > 0);
  return indented ? nestByIndent(lines, report) : nestByRank(lines, report);
}
