/**
 * Article headings (제N조 …) in every style the cities use, told apart from article references inside
 * sentences (제1조(…)에서 명시한, 제3조에 따라), and the choice of the article sequence among the
 * heading-looking lines (numbers increase; a 목차 and backward numbers are not articles).
 */
import { detectMarker, isSentenceLike, type Line } from './lines.js';

export interface Heading {
  number: number;
  branch?: number;
  title: string;
  /** Body text written on the heading line itself: 제1조(목적) 이 방침은 … */
  inline?: string;
  /** True when the heading sat inside a bullet (• 제3조 …): a weaker candidate. */
  bulleted: boolean;
}

// Optional bullet, optional 제, number, 조, optional 의M (branch).
const HEAD = /^(?:(?:[-*o]\s+|[•·○▶■□◆◦●]\s*))?(제\s*)?(\d{1,5})\s*조(?:\s*의\s*(\d{1,2}))?/u;
const OPEN_TO_CLOSE: Record<string, string> = {
  '(': ')', '[': ']', '【': '】', '〔': '〕', '〈': '〉', '<': '>', '（': '）', '［': '］', '「': '」', '『': '』',
};
// A reference continues with a particle or a sub-provision: 제3조에 따라, 제35조 제4항, 제1조(…)에서.
const PARTICLE_AFTER_SPACE = /^(에서|에|의|및|을|를|과|와|에게|부터|까지)(\s|$)/u;
const SUB_PROVISION = /^제?\s*\d+\s*(항|호|조|목)/u;
const TITLE_START = /^[가-힣A-Za-z0-9「『“"'<〈(\[【〔（［]/u;
const MAX_TITLE = 80;
/** The schema's limit (a real policy has tens of articles). */
export const MAX_ARTICLE_NUMBER = 9999;

function closingIndex(text: string): number {
  const open = text[0]!;
  const close = OPEN_TO_CLOSE[open]!;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open && open !== close) depth++;
    else if (text[i] === close) {
      depth--;
      if (depth <= 0) return i;
    }
  }
  return -1;
}

function acceptableTitle(title: string): boolean {
  if (title.length > MAX_TITLE) return false;
  if (title === '') return true;
  return TITLE_START.test(title) && !SUB_PROVISION.test(title) && !isSentenceLike(title);
}

/** The heading written on this line, or null when the line is not a heading (a reference, a sentence). */
export function parseHeading(content: string): Heading | null {
  const m = HEAD.exec(content);
  if (!m) return null;
  const number = Number(m[2]);
  if (number < 1 || number > MAX_ARTICLE_NUMBER) return null;
  const bulleted = m[0].length > 0 && !/^(제|\d)/u.test(m[0]);
  const branch = m[3] === undefined ? undefined : Number(m[3]);
  let rest = content.slice(m[0].length);
  const base = { number, ...(branch === undefined ? {} : { branch }), bulleted };
  if (rest === '') return { ...base, title: '' };
  // After 조: a separator (space, '.', ':') or a bracketed title; anything else is a reference (제3조에).
  if (/^[.:：]/u.test(rest)) rest = rest.slice(1);
  else if (!/^\s/u.test(rest) && !(rest[0]! in OPEN_TO_CLOSE)) return null;
  rest = rest.trimStart();
  if (rest === '') return { ...base, title: '' };

  if (rest[0]! in OPEN_TO_CLOSE) {
    const close = closingIndex(rest);
    if (close < 0) return null;
    const title = rest.slice(1, close).trim();
    const after = rest.slice(close + 1);
    if (!acceptableTitle(title) || title.length === 0) return null;
    if (after.trim() === '') return { ...base, title };
    // 제1조(목적) 이 방침은 … : the body starts on the heading line. 제1조(…)에서 … : a reference.
    if (!/^(\s|[.:]\s)/u.test(after)) return null;
    const inline = after.replace(/^[.:]/u, '').trim();
    if (PARTICLE_AFTER_SPACE.test(inline)) return null;
    return { ...base, title, inline };
  }
  const title = rest.trim();
  if (!acceptableTitle(title)) return null;
  return { ...base, title };
}

/** The number of a heading-looking line whose number is beyond MAX_ARTICLE_NUMBER; null otherwise. */
export function oversizedArticleNumber(content: string): number | null {
  const m = HEAD.exec(content);
  return m && Number(m[2]) > MAX_ARTICLE_NUMBER ? Number(m[2]) : null;
}

export interface Candidate {
  /** Index into the line array. */
  index: number;
  heading: Heading;
}

export function headingCandidates(lines: readonly Line[]): Candidate[] {
  const found: Candidate[] = [];
  lines.forEach((line, index) => {
    if (line.blank || line.row) return;
    const heading = parseHeading(line.content);
    if (heading) found.push({ index, heading });
  });
  return found;
}

function key(c: Candidate): number {
  return c.heading.number * 1000 + (c.heading.branch ?? 0);
}

/**
 * A 목차: a run of at least three heading lines with nothing but blank lines between them, whose
 * numbers come again later. Returns the candidates that are table-of-contents entries.
 */
export function tableOfContents(lines: readonly Line[], candidates: readonly Candidate[]): Candidate[] {
  const toc: Candidate[] = [];
  // Where each number appears last: an entry is repeated later when its number appears after it.
  const lastIndexOf = new Map<number, number>();
  for (const c of candidates) lastIndexOf.set(key(c), c.index);
  let run: Candidate[] = [];
  const flush = (): void => {
    if (run.length >= 3) {
      for (const entry of run) {
        const later = (lastIndexOf.get(key(entry)) ?? -1) > entry.index;
        if (later) toc.push(entry);
      }
    }
    run = [];
  };
  for (const candidate of candidates) {
    const previous = run[run.length - 1];
    const onlyBlanksBetween =
      previous !== undefined &&
      lines.slice(previous.index + 1, candidate.index).every((l) => l.blank) &&
      previous.heading.inline === undefined;
    if (!onlyBlanksBetween) flush();
    run.push(candidate);
  }
  flush();
  return toc;
}

export const MAX_SEARCHED_CANDIDATES = 2000;

function greedySequence(candidates: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const c of candidates) if (chosen.length === 0 || key(c) > key(chosen[chosen.length - 1]!)) chosen.push(c);
  return chosen;
}

/** How much a candidate looks like a real heading; breaks ties between equally long sequences. */
function quality(lines: readonly Line[], c: Candidate): number {
  const line = lines[c.index]!;
  const before = lines[c.index - 1];
  return (line.indent === 0 ? 1 : 0) + (c.heading.bulleted ? 0 : 1) + (before === undefined || before.blank ? 1 : 0);
}

/**
 * The article sequence: the longest run of candidates whose numbers strictly increase (gaps and
 * branches allowed). Ties go to smaller gaps, then to better-looking headings, then to later lines
 * (a quoted heading usually comes before the real one).
 */
export function chooseArticleSequence(lines: readonly Line[], candidates: readonly Candidate[]): Candidate[] {
  const n = candidates.length;
  // The search is quadratic; a real policy has tens of candidates. A hostile input gets a greedy pass.
  if (n > MAX_SEARCHED_CANDIDATES) return greedySequence(candidates);
  const length: number[] = new Array(n).fill(1);
  const gaps: number[] = new Array(n).fill(0);
  const score: number[] = candidates.map((c) => quality(lines, c));
  const previous: number[] = new Array(n).fill(-1);
  const better = (len: number, gap: number, sc: number, i: number): boolean =>
    len > length[i]! || (len === length[i]! && (gap < gaps[i]! || (gap === gaps[i]! && sc >= score[i]!)));
  for (let i = 0; i < n; i++) {
    const own = quality(lines, candidates[i]!);
    for (let j = 0; j < i; j++) {
      if (key(candidates[j]!) >= key(candidates[i]!)) continue;
      const gap = gaps[j]! + Math.max(0, candidates[i]!.heading.number - candidates[j]!.heading.number - 1);
      if (better(length[j]! + 1, gap, score[j]! + own, i)) {
        length[i] = length[j]! + 1;
        gaps[i] = gap;
        score[i] = score[j]! + own;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) {
    if (end < 0 || better(length[i]!, gaps[i]!, score[i]!, end)) end = i;
  }
  const chosen: Candidate[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chosen.unshift(candidates[i]!);
  return chosen;
}

/** True for a heading-looking line that is not a marker-led list line (used to keep titles apart). */
export function looksLikeHeading(content: string): boolean {
  return parseHeading(content) !== null || (detectMarker(content) === null && /^제\s*\d+\s*조/u.test(content));
}
