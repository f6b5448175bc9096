/**
 * The 신·구 대비표 (comparison table), format-neutral: one row per changed article, each row a list of
 * provision lines side by side, with the changed words marked. Built from a PolicyDiff.
 *
 * It follows the way official comparison tables (법제처 신·구조문대비표) are written:
 * - the article heading is repeated on both sides; runs of unchanged provisions are shortened to
 *   "(생 략)" on the old side and "(현행과 같음)" on the new side, with their numbers when they have them
 *   ("① ∼ ③ (생  략)");
 * - an added provision shows 〈신 설〉 on the old side, a removed one 〈삭 제〉 on the new side, and its
 *   whole text marked;
 * - an article that is only renumbered is one line: "제6조(현행 제5조와 같음)".
 * Editorial-only differences (whitespace, markers, look-alike characters) are left out unless asked for.
 */
import type { ArticleEntry, ArticleRef, ClauseChange, FactChange, PolicyDiff, WordChange } from '../diff/types.js';
import { onlyRestyled, refLabel } from '../diff/labels.js';
import { formalHeading, formalHeadingParts, withParticle } from '../presentation/labels.js';
import { stripControls } from './text.js';
import { diffWordsKorean } from '../diff/words.js';

/** A run of text; `marked` when it is changed wording (underlined on both sides, as official tables do). */
export interface Segment {
  text: string;
  marked?: true;
}

/** One provision of the row: its old and new text side by side (either may be a placeholder). */
export interface ProvisionLine {
  old: Segment[];
  new: Segment[];
  /**
   * Set when the provision is a row of a table inside the article: that side's cells. Consecutive
   * lines with cells on a side are one table on that side, and are rendered as a table.
   */
  cells?: { old?: Segment[][]; new?: Segment[][] };
}

export type RowKind = 'modified' | 'added' | 'removed' | 'renumbered' | 'split' | 'merged' | 'editorial';

export interface ComparisonRow {
  /** The article as the new version names it (the old version when removed): `제9조`, `3.`, `다.`, `전문`. */
  article: string;
  kind: RowKind;
  lines: ProvisionLine[];
  /** 비고: short reasons, one per line, for the officer to edit. */
  note: string[];
}

/** As law.go.kr's 신·구조문대비표 writes them (two spaces inside the two-syllable ones). */
export const PLACEHOLDER = {
  added: '〈신  설〉',
  removed: '〈삭  제〉',
  omittedOld: '(생  략)',
  omittedNew: '(현행과 같음)',
} as const;

/** Between the first and last marker of a shortened run: "1. ∼ 5. (생  략)". */
const RANGE = '∼';

export interface TableOptions {
  /** Include rows whose changes are all editorial, and mark editorial word changes. */
  editorial?: boolean;
}

const plain = (text: string): Segment[] => (text === '' ? [] : [{ text: stripControls(text) }]);
const marked = (text: string): Segment[] => (text === '' ? [] : [{ text: stripControls(text), marked: true }]);

/** `제9조(개인정보 보호책임자)`, `3. 개인정보의 파기`: the heading in its version's scheme; 전문; a section's title. */
export function refHeading(ref: ArticleRef): string {
  return ref.part === undefined ? formalHeading(ref, ref.numbering) : refLabel(ref);
}

export function rowArticle(entry: ArticleEntry): string {
  const ref = entry.new[0] ?? entry.old[0];
  return ref === undefined ? '' : refLabel(ref);
}

function withMarker(marker: string | undefined, segments: Segment[]): Segment[] {
  return marker === undefined ? segments : [{ text: `${stripControls(marker)} ` }, ...segments];
}

/** Numbering-like markers can name a range of omitted provisions ("① ~ ③"); bullets cannot. */
const MARKER_FAMILIES = [/^\(?[①-⑳]\)?$/u, /^\d{1,2}[.)]$/u, /^\(\d{1,2}\)$/u, /^[가-하][.)]$/u];

function markerFamily(marker: string | undefined): number {
  return marker === undefined ? -1 : MARKER_FAMILIES.findIndex((family) => family.test(marker));
}

function omittedLine(run: readonly ClauseChange[]): ProvisionLine {
  const first = run[0]?.marker;
  const last = run.at(-1)?.marker;
  const family = markerFamily(first);
  let prefix = '';
  // A range only within one numbering family: "1. ~ 가." would name provisions that are not there.
  if (family >= 0 && run.length === 1) prefix = `${first} `;
  else if (family >= 0 && markerFamily(last) === family && last !== first) prefix = `${first} ${RANGE} ${last} `;
  return { old: plain(prefix + PLACEHOLDER.omittedOld), new: plain(prefix + PLACEHOLDER.omittedNew) };
}

interface MarkedChar {
  ch: string;
  /** Changed wording (an insert or delete that counts). */
  changed: boolean;
  /** For unchanged characters, the index of the same character on the other side. */
  other?: number;
}

/** The word (maximal run of non-space characters) each character belongs to; -1 for spaces. */
function wordIndexes(chars: readonly MarkedChar[]): number[] {
  const out: number[] = [];
  let word = -1;
  let inWord = false;
  for (const { ch } of chars) {
    const space = /\s/u.test(ch);
    if (!space && !inWord) word++;
    inWord = !space;
    out.push(space ? -1 : word);
  }
  return out;
}

/** Segments from characters and their marks; spaces between two marked words are marked too. */
function segmentsOf(chars: readonly MarkedChar[], words: readonly number[], markedWords: readonly boolean[]): Segment[] {
  const marks = chars.map((_, k) => words[k]! >= 0 && markedWords[words[k]!] === true);
  for (let k = 0; k < chars.length; k++) {
    if (words[k]! >= 0) continue;
    let end = k;
    while (end < chars.length && words[end]! < 0) end++;
    const join = k > 0 && marks[k - 1] === true && end < chars.length && marks[end] === true;
    for (let j = k; j < end; j++) marks[j] = join;
    k = end - 1;
  }
  const out: Segment[] = [];
  chars.forEach(({ ch }, k) => {
    const last = out.at(-1);
    if (last && (last.marked === true) === marks[k]) last.text += ch;
    else out.push(marks[k] ? { text: ch, marked: true } : { text: ch });
  });
  return out;
}

/**
 * Old and new sides of a word diff, marked the way official tables underline: whole 어절 (a word with
 * any changed syllable is marked entirely: "2020년" → "2025년", not "202[0]년"), and symmetrically: a
 * word is marked on one side when it shares unchanged syllables with a marked word on the other, so
 * "방침은" → "처리방침은" is marked on both sides. What is marked on one side only is a pure insertion
 * or deletion. Editorial pieces are shown unmarked unless asked for.
 */
function sidesOfWords(words: readonly WordChange[], showEditorial: boolean): ProvisionLine {
  const oldChars: MarkedChar[] = [];
  const newChars: MarkedChar[] = [];
  for (const word of words) {
    const changed = word.op !== 'equal' && (showEditorial || word.editorial !== true);
    for (const ch of stripControls(word.text)) {
      if (word.op === 'equal') {
        oldChars.push({ ch, changed: false, other: newChars.length });
        newChars.push({ ch, changed: false, other: oldChars.length - 1 });
      } else (word.op === 'delete' ? oldChars : newChars).push({ ch, changed });
    }
  }
  const oldWords = wordIndexes(oldChars);
  const newWords = wordIndexes(newChars);
  const oldMarked: boolean[] = [];
  const newMarked: boolean[] = [];
  oldChars.forEach((c, k) => c.changed && oldWords[k]! >= 0 && (oldMarked[oldWords[k]!] = true));
  newChars.forEach((c, k) => c.changed && newWords[k]! >= 0 && (newMarked[newWords[k]!] = true));
  // Spread marks across shared syllables until both sides agree.
  for (let spread = true; spread; ) {
    spread = false;
    oldChars.forEach((c, k) => {
      const mine = oldWords[k]!;
      const theirs = c.other === undefined ? -1 : newWords[c.other]!;
      if (mine < 0 || theirs < 0 || oldMarked[mine] === newMarked[theirs]) return;
      oldMarked[mine] = newMarked[theirs] = true;
      spread = true;
    });
  }
  return { old: segmentsOf(oldChars, oldWords, oldMarked), new: segmentsOf(newChars, newWords, newMarked) };
}

/** A table row's segments split into its cells (the diff joins cells with " | "). */
function cellsOf(segments: readonly Segment[]): Segment[][] {
  const cells: Segment[][] = [[]];
  const pieces = segments.flatMap((segment) => segment.text.split(/(\s*(?<!\S)\|(?!\S)\s*)/u).map((text, k) => ({ text, marked: segment.marked === true, border: k % 2 === 1 })));
  for (const piece of pieces) {
    if (piece.border) {
      cells.push([]);
      continue;
    }
    if (piece.text === '') continue;
    const cell = cells.at(-1)!;
    const last = cell.at(-1);
    if (last && (last.marked === true) === piece.marked) last.text += piece.text;
    else cell.push(piece.marked ? { text: piece.text, marked: true } : { text: piece.text });
  }
  return cells.map((cell) => trimSegments(cell));
}

function trimSegments(segments: Segment[]): Segment[] {
  const out = segments.map((s) => ({ ...s }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out.at(-1);
  if (last) last.text = last.text.trimEnd();
  return out.filter((s) => s.text !== '');
}

/** Attaches the cells of the sides that are table rows. */
function withCells(line: ProvisionLine, row: ClauseChange['row']): ProvisionLine {
  if (row === undefined) return line;
  const cells: NonNullable<ProvisionLine['cells']> = {};
  if ((row === 'old' || row === 'both') && line.old.length > 0) cells.old = cellsOf(line.old);
  if ((row === 'new' || row === 'both') && line.new.length > 0) cells.new = cellsOf(line.new);
  return { ...line, cells };
}

/** Which clauses are shown in full: changed ones, and every row of a table one of whose rows changed (a table reads whole). */
function shownClauses(clauses: readonly ClauseChange[], showEditorial: boolean): boolean[] {
  const changed = clauses.map((c) => !(c.status === 'unchanged' || (c.status === 'editorial' && !showEditorial)));
  const shown = [...changed];
  for (let start = 0; start < clauses.length; ) {
    if (clauses[start]!.row === undefined) {
      start++;
      continue;
    }
    let end = start;
    while (end < clauses.length && clauses[end]!.row !== undefined) end++;
    if (changed.slice(start, end).some(Boolean)) shown.fill(true, start, end);
    start = end;
  }
  return shown;
}

/**
 * A provision removed and another added next to it under the same marker ("다. 이메일: …" for
 * "다. 이메일: …"), or a table row for a table row, is one provision reworded: shown on one line (one
 * row) with its changed words marked.
 */
function replacement(previous: ClauseChange | undefined, clause: ClauseChange): { old: string; new: string; row?: 'both' } | undefined {
  if (previous === undefined) return undefined;
  const pair = previous.status === 'removed' && clause.status === 'added' ? [previous, clause] : previous.status === 'added' && clause.status === 'removed' ? [clause, previous] : undefined;
  if (pair === undefined) return undefined;
  const [removed, added] = pair as [ClauseChange, ClauseChange];
  const texts = { old: removed.old ?? '', new: added.new ?? '' };
  if (removed.row === 'old' && added.row === 'new') return { ...texts, row: 'both' };
  if (removed.marker === undefined || removed.marker !== added.marker || removed.row !== undefined || added.row !== undefined) return undefined;
  return texts;
}

function clauseLines(clauses: readonly ClauseChange[], showEditorial: boolean): ProvisionLine[] {
  const lines: ProvisionLine[] = [];
  let run: ClauseChange[] = [];
  const flush = (): void => {
    if (run.length > 0) lines.push(omittedLine(run));
    run = [];
  };
  const shown = shownClauses(clauses, showEditorial);
  clauses.forEach((clause, index) => {
    if (!shown[index]) {
      run.push(clause);
      return;
    }
    flush();
    const replaced = replacement(clauses[index - 1], clause);
    if (replaced) {
      // The removed provision's line becomes the pair's: its new side shows the new wording.
      lines.pop();
      const sides = sidesOfWords(diffWordsKorean(replaced.old, replaced.new), showEditorial);
      lines.push(withCells({ old: withMarker(clause.marker, sides.old), new: withMarker(clause.marker, sides.new) }, replaced.row));
      return;
    }
    switch (clause.status) {
      case 'added':
        lines.push(withCells({ old: plain(PLACEHOLDER.added), new: withMarker(clause.marker, marked(clause.new ?? '')) }, clause.row));
        break;
      case 'removed':
        lines.push(withCells({ old: withMarker(clause.marker, marked(clause.old ?? '')), new: plain(PLACEHOLDER.removed) }, clause.row));
        break;
      case 'unchanged':
        lines.push(withCells({ old: withMarker(clause.marker, plain(clause.old ?? '')), new: withMarker(clause.marker, plain(clause.new ?? '')) }, clause.row));
        break;
      default: {
        const sides = sidesOfWords(clause.words ?? [{ op: 'delete', text: clause.old ?? '' }, { op: 'insert', text: clause.new ?? '' }], showEditorial);
        lines.push(withCells({ old: withMarker(clause.marker, sides.old), new: withMarker(clause.marker, sides.new) }, clause.row));
      }
    }
  });
  flush();
  return lines;
}

/** The heading line of a paired entry: the new number and title marked where they differ. */
function headingLine(entry: ArticleEntry): ProvisionLine {
  const oldSide: Segment[] = [];
  const newSide: Segment[] = [];
  entry.old.forEach((ref, i) => oldSide.push(...(i > 0 ? plain(', ') : []), ...plain(refHeading(ref))));
  const oldFirst = entry.old[0];
  entry.new.forEach((ref, i) => {
    if (i > 0) newSide.push(...plain(', '));
    if (ref.part !== undefined || oldFirst === undefined) {
      newSide.push(...plain(refHeading(ref)));
      return;
    }
    const numberChanged = (entry.renumbered || entry.status === 'split' || entry.status === 'merged') && ref.label !== oldFirst.label;
    const { marker, open, close } = formalHeadingParts(ref, ref.numbering);
    newSide.push(...(numberChanged ? marked(marker) : plain(marker)));
    newSide.push(...plain(open), ...(entry.retitled ? marked(ref.title) : plain(ref.title)), ...plain(close));
  });
  return { old: oldSide, new: newSide };
}

const CONTACT_KINDS = new Set(['person', 'department', 'phone', 'email']);

function factReason(fact: FactChange): string {
  if (CONTACT_KINDS.has(fact.kind)) return '연락처 변경';
  switch (fact.kind) {
    case 'period':
      return /보유|보관|보존/u.test(fact.label ?? '') ? '보유기간 변경' : '기간 변경';
    case 'statute':
      return '근거 법령 변경';
    case 'url':
      return '주소 변경';
    default:
      return '날짜 변경';
  }
}

const KIND_NAMES: Record<string, string> = { person: '담당자', department: '부서', phone: '전화', email: '이메일', period: '기간', statute: '법령', url: '주소', date: '날짜' };

/**
 * A fact label worth showing: not a fragment cut mid-parenthesis ("등)을 최소 … 보관") and, for the
 * narrow 비고 column, short.
 */
function usableLabel(label: string | undefined, maxLength: number): string | undefined {
  if (label === undefined || label.includes('…')) return undefined;
  const opens = (label.match(/[(（[「]/gu) ?? []).length;
  const closes = (label.match(/[)）\]」]/gu) ?? []).length;
  if (opens !== closes || !/^[가-힣A-Za-z0-9]/u.test(label) || label.length > maxLength) return undefined;
  return label;
}

/** `접속기록 보관: 1년 → 2년`, `전화: 031-… → 031-…`; `maxLabel` bounds the label's length. */
export function factDetail(fact: FactChange, maxLabel = 40): string {
  const subject = usableLabel(fact.label, maxLabel) ?? KIND_NAMES[fact.kind] ?? fact.kind;
  if (fact.old === null) return `${subject}: ${fact.new} 추가`;
  if (fact.new === null) return `${subject}: ${fact.old} 삭제`;
  return `${subject}: ${fact.old} → ${fact.new}`;
}

function noteOf(entry: ArticleEntry, kind: RowKind): string[] {
  const reasons: string[] = [];
  const add = (reason: string): void => {
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  if (kind === 'added') return ['신설'];
  if (kind === 'removed') return ['삭제'];
  const isRevision = entry.topic === 'revision';
  if (kind === 'split') add('조문 분리');
  if (kind === 'merged') add('조문 통합');
  if (entry.renumbered && entry.old[0] && entry.new[0]) {
    add(`${onlyRestyled(entry.old[0], entry.new[0]) ? '조문 번호 표기 변경' : '조문 번호 변경'}(${refLabel(entry.old[0])} → ${refLabel(entry.new[0])})`);
  }
  if (entry.moved) add('조문 위치 이동');
  if (entry.retitled) add('제목 변경');
  if (isRevision && entry.substantive) add('시행일 및 이전 방침 목록 변경');
  const facts = isRevision ? [] : entry.facts;
  for (const fact of facts) add(factReason(fact));
  // A provision replaced by another is a change, not an addition plus a removal.
  const added = entry.clauses.filter((c) => c.status === 'added').length;
  const removed = entry.clauses.filter((c) => c.status === 'removed').length;
  if (!isRevision && added > removed) add('항목 신설');
  if (!isRevision && removed > added) add('항목 삭제');
  if (kind === 'editorial') add('자구 정비');
  else if (reasons.length === 0) add('문구 수정');
  return [...reasons, ...facts.map((fact) => factDetail(fact, 12))];
}

function kindOf(entry: ArticleEntry): RowKind {
  switch (entry.status) {
    case 'added':
    case 'removed':
    case 'split':
    case 'merged':
      return entry.status;
    default:
      if (entry.substantive) return 'modified';
      return entry.renumbered ? 'renumbered' : 'editorial';
  }
}

/** Whether an entry gets a row: substantive changes, renumberings, and editorial ones when asked. */
function wanted(entry: ArticleEntry, options: TableOptions): boolean {
  if (entry.substantive || entry.renumbered) return true;
  if (entry.status === 'unchanged') return false;
  return options.editorial === true;
}

export function comparisonRow(entry: ArticleEntry, options: TableOptions = {}): ComparisonRow {
  const kind = kindOf(entry);
  const showEditorial = options.editorial === true;
  let lines: ProvisionLine[];
  if (kind === 'added') {
    const ref = entry.new[0]!;
    lines = [{ old: plain(PLACEHOLDER.added), new: marked(refHeading(ref)) }, ...entry.clauses.map((c) => withCells({ old: [], new: withMarker(c.marker, marked(c.new ?? '')) }, c.row))];
  } else if (kind === 'removed') {
    const ref = entry.old[0]!;
    lines = [{ old: marked(refHeading(ref)), new: plain(PLACEHOLDER.removed) }, ...entry.clauses.map((c) => withCells({ old: withMarker(c.marker, marked(c.old ?? '')), new: [] }, c.row))];
  } else if (kind === 'renumbered' && !(showEditorial && entry.clauses.some((c) => c.status !== 'unchanged'))) {
    const oldRef = entry.old[0]!;
    const newRef = entry.new[0]!;
    // "제6조(현행 제5조와 같음)"; a heading printed "3. …" keeps its space: "3. (현행 제3조와 같음)".
    const { marker, open } = formalHeadingParts(newRef, newRef.numbering);
    lines = [{ old: plain(refHeading(oldRef)), new: [...marked(marker), ...plain(`${open === '(' ? '' : ' '}(현행 ${withParticle(refLabel(oldRef))} 같음)`)] }];
  } else {
    lines = [headingLine(entry), ...clauseLines(entry.clauses, showEditorial)];
  }
  return { article: rowArticle(entry), kind, lines, note: noteOf(entry, kind) };
}

export function buildComparisonTable(diff: PolicyDiff, options: TableOptions = {}): ComparisonRow[] {
  return diff.articles.filter((entry) => wanted(entry, options)).map((entry) => comparisonRow(entry, options));
}

/** A side of a row as plain text, one provision per line. */
export function sideText(row: ComparisonRow, side: 'old' | 'new'): string {
  return row.lines
    .map((line) => line[side].map((s) => s.text).join(''))
    .filter((text, i) => text !== '' || i === 0)
    .join('\n');
}

/** What one side of a row shows, in order: paragraphs of text, and rows of the tables inside the article. */
export type SideItem = { kind: 'text'; segments: Segment[] } | { kind: 'row'; cells: Segment[][] };

/** One side of a row as paragraphs and table rows (an empty line is dropped, except a first one that holds the row's place). */
export function sideItems(row: ComparisonRow, side: 'old' | 'new'): SideItem[] {
  const items: SideItem[] = [];
  row.lines.forEach((line, i) => {
    const cells = line.cells?.[side];
    if (cells) items.push({ kind: 'row', cells });
    else if (line[side].length > 0 || i === 0) items.push({ kind: 'text', segments: line[side] });
  });
  return items;
}

/** Side items with consecutive table rows gathered into one table each. */
export function sideBlocks(row: ComparisonRow, side: 'old' | 'new'): ({ kind: 'text'; segments: Segment[] } | { kind: 'table'; rows: Segment[][][] })[] {
  const blocks: ({ kind: 'text'; segments: Segment[] } | { kind: 'table'; rows: Segment[][][] })[] = [];
  for (const item of sideItems(row, side)) {
    const last = blocks.at(-1);
    if (item.kind === 'text') blocks.push(item);
    else if (last?.kind === 'table') last.rows.push(item.cells);
    else blocks.push({ kind: 'table', rows: [item.cells] });
  }
  return blocks;
}
