/**
 * "Nothing lost": every non-blank source line must be found in the parsed model (as the title, a
 * heading, a clause or an appendix section title), or be one of the dropped lines.
 * Text is compared without whitespace, so indentation, marker spacing and tabs do not matter.
 */
import type { Clause, DroppedLine, PolicyVersion } from '../../src/domain/model.js';
import { articleHeading } from '../../src/domain/presentation/labels.js';

export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]/gu, '');
}

function clauseAtoms(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((c) => [
    squash(c.row ? c.row.join('') : (c.marker ?? '') + (c.text ?? '')),
    ...clauseAtoms(c.children ?? []),
  ]);
}

/** 제N조 headings are matched by number and title (their source has many spellings); others as printed. */
function headingAtom(version: PolicyVersion, article: PolicyVersion['articles'][number]): string {
  const numbering = version.numbering ?? 'article';
  if (numbering === 'article' || numbering === 'article-bare') return `§${article.number}.${article.branch ?? 0}:${squash(article.title)}`;
  return squash(articleHeading(article, numbering));
}

/** Every piece of text the model holds, one entry per source line it should have come from. */
export function modelAtoms(version: PolicyVersion): string[] {
  return [
    ...(version.title ? [squash(version.title)] : []),
    ...clauseAtoms(version.preamble),
    ...version.articles.flatMap((a) => [headingAtom(version, a), ...clauseAtoms(a.body)]),
    ...version.appendix.flatMap((s) => [squash(s.title), ...clauseAtoms(s.body)]),
  ];
}

// A heading line as written: optional bullet, 제N조(의M), optional '.', title with or without brackets.
const HEADING_LINE = /^(?:[-•·○o▶■]\s*)?제?(\d+)조(?:의(\d+))?\.?(.*)$/u;
const BRACKETS = /^[([【〔（［<〈](.*)[)\]】〕）］>〉]$/u;

/**
 * A heading line: 제N조 with its title (bracketed or not), and possibly the article's first clause on
 * the same line (제1조(목적) 이 방침은 …).
 */
function accountForHeading(heading: RegExpExecArray, version: PolicyVersion, take: (atom: string) => boolean): boolean {
  const [number, branch, rest] = [Number(heading[1]), Number(heading[2] ?? 0), heading[3]!];
  const unbracketed = BRACKETS.exec(rest)?.[1] ?? rest;
  if (take(`§${number}.${branch}:${unbracketed}`) || take(`§${number}.${branch}:${rest}`)) return true;
  for (const article of version.articles) {
    if (article.number !== number || (article.branch ?? 0) !== branch) continue;
    const title = squash(article.title);
    const open = rest[0] ?? '';
    if (!/[([【〔（［<〈]/u.test(open) || !rest.startsWith(open + title)) continue;
    const inline = rest.slice(open.length + title.length + 1);
    if (take(`§${number}.${branch}:${title}`)) return inline === '' || take(inline);
  }
  return false;
}

export interface Accounting {
  /** Source lines (1-based number and text) that are neither in the model nor dropped. */
  missing: Array<{ line: number; text: string }>;
  /** Model text that no source line accounts for (invented or duplicated). */
  unaccounted: string[];
}

// A bullet or ■ before a heading's own marker is decoration (• 1. …, ■ 1. …).
const HEADING_BULLET = /^[-•·○o▶■□]/u;

/**
 * As accountFor, with the report's dropped lines: a dropped entry whose text is only part of its line
 * (an icon caption, a back-to-top link, a 라벨링 label on a heading line) accounts for that part, and
 * the rest of the line must be in the model.
 */
export function accountForReport(sourceText: string, version: PolicyVersion, dropped: readonly DroppedLine[]): Accounting {
  const source = sourceText.split(/\r?\n/u);
  const whole: number[] = [];
  const parts = new Map<number, string[]>();
  for (const d of dropped) {
    if (squash(source[d.line - 1] ?? '') === squash(d.text)) whole.push(d.line);
    else parts.set(d.line, [...(parts.get(d.line) ?? []), squash(d.text)]);
  }
  return accountFor(sourceText, version, whole, parts);
}

export function accountFor(
  sourceText: string,
  version: PolicyVersion,
  droppedLines: readonly number[],
  droppedParts: ReadonlyMap<number, readonly string[]> = new Map(),
): Accounting {
  const remaining = new Map<string, number>();
  for (const atom of modelAtoms(version)) remaining.set(atom, (remaining.get(atom) ?? 0) + 1);
  const take = (atom: string): boolean => {
    const count = remaining.get(atom) ?? 0;
    if (count === 0) return false;
    remaining.set(atom, count - 1);
    return true;
  };
  const has = (atom: string): boolean => (remaining.get(atom) ?? 0) > 0;
  // "1. 개인정보의 처리 목적 센터는 …": a list-marker heading with its first clause on the same line.
  const numbering = version.numbering ?? 'article';
  const listHeadings = numbering === 'article' || numbering === 'article-bare' ? [] : version.articles.map((a) => headingAtom(version, a));
  const accountForInline = (headingText: string, line: string): boolean => {
    const bare = HEADING_BULLET.test(line) && !line.startsWith(headingText) ? line.slice(1) : line;
    if (!bare.startsWith(headingText) || !has(headingText) || !has(bare.slice(headingText.length))) return false;
    return take(headingText) && take(bare.slice(headingText.length));
  };
  const dropped = new Set(droppedLines);
  const missing: Accounting['missing'] = [];
  sourceText.split(/\r?\n/u).forEach((raw, index) => {
    let line = squash(raw);
    for (const part of droppedParts.get(index + 1) ?? []) {
      // Furniture sits at either end of a heading line (a caption before, a link or label after).
      if (line.endsWith(part)) line = line.slice(0, line.length - part.length);
      else if (line.startsWith(part)) line = line.slice(part.length);
    }
    if (line === '' || dropped.has(index + 1)) return;
    if (take(line)) return;
    if (HEADING_BULLET.test(line) && take(line.slice(1))) return;
    const heading = HEADING_LINE.exec(line);
    if (heading && accountForHeading(heading, version, take)) return;
    if (listHeadings.some((h) => accountForInline(h, line))) return;
    missing.push({ line: index + 1, text: raw });
  });
  const unaccounted = [...remaining.entries()].flatMap(([atom, count]) => new Array<string>(count).fill(atom));
  return { missing, unaccounted };
}
