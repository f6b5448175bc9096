/**
 * The diff screen's content as rich lines: the article list with badges, and one article's diff,
 * inline (word/syllable highlights) or side by side (old and new aligned clause by clause). Pure.
 */
import type { ArticleEntry, ArticleRef, ClauseChange, FactChange, PolicyDiff, WordChange } from '../../domain/diff/types.js';
import { articleLabel, formatFactChange, refLabel } from '../../domain/diff/index.js';
import { displayWidth, truncateToWidth, sanitizeForTerminal, padToWidth, shortenAtWord } from '../text.js';
import { t } from '../../domain/presentation/messages/index.js';
import { padLine, seg, wrapSegments, type RichLine, type Segment } from '../rich-text.js';
import { badgeTone, type Tone } from '../theme.js';
import { badgeLabel, entryBadges, isSubstantive, listing, type BadgeToken } from '../../domain/presentation/badges.js';

export interface DetailOptions {
  sideBySide: boolean;
  /** Show editorial changes (whitespace, markers, look-alikes, numbering) as changes. */
  editorial: boolean;
  /** Without colour, insertions and deletions are bracketed: {+new+} [-old-]. */
  colour: boolean;
}

function refsLabel(refs: ArticleRef[]): string {
  return refs.map(refLabel).join('·');
}

/** 제9조, 제9조→제10조 when renumbered, 제3조→제3조·제4조 when split. */
export function entryNumber(entry: ArticleEntry): string {
  const oldLabel = refsLabel(entry.old);
  const newLabel = refsLabel(entry.new);
  if (entry.old.length === 0) return newLabel;
  if (entry.new.length === 0) return oldLabel;
  return oldLabel === newLabel ? newLabel : `${oldLabel}→${newLabel}`;
}

export function entryTitle(entry: ArticleEntry): string {
  const ref = entry.new[0] ?? entry.old[0];
  if (!ref || ref.part === 'preamble') return '';
  return ref.part === 'appendix' ? '' : ref.title;
}

/** One row of the article list, exactly `width` columns: mark, number, title…, badges. */
export function articleListLine(entry: ArticleEntry, width: number, editorial: boolean): RichLine {
  const badges = entryBadges(entry, { editorial });
  const listed = listing(entry, editorial);
  const changed = listed === 'substantive';
  const mark = changed ? '●' : listed === 'editorial' ? '·' : ' ';
  const badgeText = badges.map((b) => badgeLabel(b.token)).join(' ');
  const badgeWidth = badgeText === '' ? 0 : displayWidth(badgeText) + 1;
  const label = sanitizeForTerminal(`${entryNumber(entry)} ${entryTitle(entry)}`.trim());
  const labelWidth = Math.max(1, width - 2 - badgeWidth);
  const line: RichLine = [{ text: `${mark} `, ...(changed ? { tone: 'modified' as Tone } : {}) }];
  // When the badges don't leave room for a readable label, the label wins and badges are cut.
  if (labelWidth < 8) return padLine([...line, { text: shortenAtWord(label, width - 2) }], width);
  line.push({ text: padToWidth(shortenAtWord(label, labelWidth), labelWidth), ...(changed || entry.status !== 'unchanged' ? {} : { tone: 'muted' as Tone }) });
  for (const badge of badges) line.push({ text: ' ' }, { text: badgeLabel(badge.token), tone: badgeTone(badge) });
  return padLine(line, width);
}

/** The counts above the article list. */
export function summaryText(diff: PolicyDiff): string {
  const s = diff.summary;
  const parts = [t('diff.summary.substantive', { count: s.substantive })];
  const named: BadgeToken[] = ['added', 'removed', 'modified', 'renumbered', 'retitled', 'moved', 'split', 'merged'];
  for (const token of named) if (s[token] > 0) parts.push(`${badgeLabel(token)} ${s[token]}`);
  parts.push(t('diff.summary.editorial', { count: s.editorial }));
  return parts.join(' · ');
}

/** Word pieces for one side of a clause: `old` keeps equal + delete, `new` equal + insert. */
function sideSegments(words: WordChange[], side: 'old' | 'new', options: DetailOptions): Segment[] {
  const out: Segment[] = [];
  const drop = side === 'old' ? 'insert' : 'delete';
  const mark = side === 'old' ? 'delete' : 'insert';
  for (const w of words) {
    if (w.op === drop) continue;
    if (w.op === 'equal') out.push(seg(w.text));
    else if (w.editorial && !options.editorial) out.push(seg(w.text));
    else out.push(changeSegment(w.text, mark === 'delete' ? 'removed' : 'added', w.editorial === true, options));
  }
  return out;
}

function changeSegment(text: string, kind: 'added' | 'removed', editorial: boolean, options: DetailOptions): Segment {
  const tone: Tone = editorial ? 'editorial' : kind;
  const style = kind === 'removed' ? { strike: true } : { underline: true };
  if (options.colour) return seg(text, { tone, ...style });
  return seg(kind === 'removed' ? `[-${text}-]` : `{+${text}+}`, { tone, ...style });
}

/** Inline pieces: deletions then insertions in place, equal text once. */
function inlineSegments(words: WordChange[], options: DetailOptions): Segment[] {
  const out: Segment[] = [];
  for (const w of words) {
    if (w.op === 'equal') out.push(seg(w.text));
    else if (w.editorial && !options.editorial) {
      if (w.op === 'insert') out.push(seg(w.text));
    } else out.push(changeSegment(w.text, w.op === 'delete' ? 'removed' : 'added', w.editorial === true, options));
  }
  return out;
}

/** How a clause shows, given the editorial toggle: an editorial-only change hidden is unchanged. */
function effectiveStatus(clause: ClauseChange, options: DetailOptions): ClauseChange['status'] {
  if (clause.status === 'editorial' && !options.editorial) return 'unchanged';
  return clause.status;
}

const STATUS_MARK: Record<ClauseChange['status'], string> = { unchanged: ' ', modified: '~', added: '+', removed: '-', editorial: '·' };

function markerText(clause: ClauseChange): string {
  return clause.marker ? `${sanitizeForTerminal(clause.marker)} ` : '';
}

function inlineClause(clause: ClauseChange, width: number, options: DetailOptions): RichLine[] {
  const status = effectiveStatus(clause, options);
  const marker = markerText(clause);
  const prefixText = `${STATUS_MARK[status]} ${marker}`;
  const indent = Math.min(displayWidth(prefixText), Math.floor(width / 3));
  const prefixTone: Tone | undefined = status === 'added' ? 'added' : status === 'removed' ? 'removed' : status === 'modified' ? 'modified' : status === 'editorial' ? 'editorial' : undefined;
  const prefix: Segment = { text: prefixText, ...(prefixTone ? { tone: prefixTone } : {}) };
  let body: Segment[];
  if (status === 'added') body = [seg(clause.new ?? '', { tone: 'added' })];
  else if (status === 'removed') body = [seg(clause.old ?? '', { tone: 'removed', strike: true })];
  else if ((status === 'modified' || status === 'editorial') && clause.words) body = inlineSegments(clause.words, options);
  else body = [seg(clause.new ?? clause.old ?? '')];
  return wrapSegments([prefix, ...body], width, indent);
}

function sideBySideClause(clause: ClauseChange, width: number, options: DetailOptions): RichLine[] {
  const column = Math.max(4, Math.floor((width - 3) / 2));
  const status = effectiveStatus(clause, options);
  const marker = markerText(clause);
  let left: Segment[] = [];
  let right: Segment[] = [];
  if (status === 'added') right = [seg(marker + (clause.new ?? ''), { tone: 'added' })];
  else if (status === 'removed') left = [seg(marker + (clause.old ?? ''), { tone: 'removed', strike: true })];
  else if ((status === 'modified' || status === 'editorial') && clause.words) {
    left = [seg(marker), ...sideSegments(clause.words, 'old', options)];
    right = [seg(marker), ...sideSegments(clause.words, 'new', options)];
  } else {
    left = [seg(marker + (clause.old ?? clause.new ?? ''))];
    right = [seg(marker + (clause.new ?? clause.old ?? ''))];
  }
  const indent = Math.min(displayWidth(marker), Math.floor(column / 3));
  const leftLines = left.length ? wrapSegments(left, column, indent) : [[]];
  const rightLines = right.length ? wrapSegments(right, column, indent) : [[]];
  const rows = Math.max(leftLines.length, rightLines.length);
  const out: RichLine[] = [];
  for (let i = 0; i < rows; i++) {
    out.push([...padLine(leftLines[i] ?? [], column), { text: ' │ ', tone: 'muted' }, ...(rightLines[i] ?? [])]);
  }
  return out;
}

function titleLine(entry: ArticleEntry): string {
  const name = (refs: ArticleRef[]) => refs.map(articleLabel).join(', ');
  if (entry.old.length === 0) return `〈신설〉 ${name(entry.new)}`;
  if (entry.new.length === 0) return `〈삭제〉 ${name(entry.old)}`;
  const oldName = name(entry.old);
  const newName = name(entry.new);
  return oldName === newName ? newName : `${oldName} → ${newName}`;
}

/** What an article without a substantive change is: renumbered only, identical, or editorial only (its text follows). */
function unchangedNote(entry: ArticleEntry): string | undefined {
  if (isSubstantive(entry) || entry.old.length === 0 || entry.new.length === 0) return undefined;
  if (entry.renumbered) return t('diff.renumberedOnly', { from: refsLabel(entry.old), to: refsLabel(entry.new) });
  if (entry.status === 'unchanged') return t('diff.unchanged');
  return t('diff.editorialOnly');
}

/** The right pane: the article's names, its fact changes, then its clauses (an unchanged article's text too). */
export function detailLines(diff: PolicyDiff, entry: ArticleEntry | undefined, width: number, options: DetailOptions): RichLine[] {
  if (!entry) return [[{ text: t('diff.noArticle') }]];
  const lines: RichLine[] = [];
  lines.push(...wrapSegments([seg(titleLine(entry), { tone: 'accent' })], width, 2));
  const badges = entryBadges(entry, { editorial: options.editorial });
  const state = badges.length ? badges.map((b) => badgeLabel(b.token)).join(' ') : isSubstantive(entry) ? '' : t('diff.noSubstantive');
  const similarity = entry.status === 'added' || entry.status === 'removed' ? '' : `  ${t('diff.similarity', { value: entry.similarity.toFixed(2) })}`;
  lines.push([seg(`${state}${similarity}`, { tone: 'muted' })]);
  for (const fact of entry.facts) lines.push(...wrapSegments([seg(`  ${formatFactChange(fact)}`, { tone: 'warning' })], width, 4));
  lines.push([]);
  if (options.sideBySide) {
    const column = Math.max(4, Math.floor((width - 3) / 2));
    lines.push([seg(padToWidth(t('diff.oldSide', { label: diff.old.label }), column), { tone: 'removed' }), { text: ' │ ', tone: 'muted' }, seg(truncateToWidth(t('diff.newSide', { label: diff.new.label }), column), { tone: 'added' })]);
  }
  const clauses = entry.clauses;
  const note = unchangedNote(entry);
  if (note) lines.push(...wrapSegments([seg(note, { tone: 'muted' })], width), []);
  if (clauses.length === 0 && entry.substantive) lines.push(...wrapSegments([seg(t('diff.noClauses'), { tone: 'muted' })], width));
  for (const clause of clauses) lines.push(...(options.sideBySide ? sideBySideClause(clause, width, options) : inlineClause(clause, width, options)));
  return lines;
}

/** The `f` overlay: every fact change of the pair, one per line. */
export function factLines(facts: FactChange[], width: number): RichLine[] {
  if (facts.length === 0) return [[seg(t('diff.noFacts'), { tone: 'muted' })]];
  return facts.flatMap((fact) => wrapSegments([seg(padToWidth(fact.article, 8)), seg(formatFactChange(fact), { tone: fact.old === null ? 'added' : fact.new === null ? 'removed' : 'modified' })], width, 8));
}

/** Does the article's number, title or text contain `needle` (case-insensitive)? */
export function entryMatches(entry: ArticleEntry, needle: string): boolean {
  const n = needle.toLowerCase();
  const texts = [...entry.old, ...entry.new].map((r) => `${refLabel(r)} ${r.title}`);
  for (const c of entry.clauses) texts.push(c.old ?? '', c.new ?? '');
  return texts.some((t) => t.toLowerCase().includes(n));
}
