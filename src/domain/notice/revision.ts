/**
 * Writes the revision article (제N조 개인정보 처리방침의 변경) of a new version in the city's own style,
 * with the earlier versions taken from the ledger. The style is the one the city's current article is
 * written in (`Revision.style`, detected by the parser):
 *
 * - ranges (고양):  "1. 이 개인정보 처리방침은 2025년 01월 01일부터 적용됩니다." and
 *                   "- 2020. 07. 17. ~ 2024. 12. 31. 적용", oldest first, zero-padded like its page;
 * - cutoffs (파주): "… 2025년 1월 1일부터 적용되며, …" and "- 2025년 1월 1일 이전 개인정보처리방침", newest first;
 * - dated (남양주):  its sentence, then 공고일자 / 시행일자 kept from the first publication and 변경일자 = the new
 *                   date (that is how its page records a change), then the earlier versions as ranges;
 * - plain (의정부, or no revision article): the effective sentence and the earlier versions as ranges
 *                   in the official spelling "2024. 1. 1. ~ 2024. 12. 31. 적용";
 * - cumulative:     one sentence with every date, "… 2013. 1. 1.부터 시행되며, 2014. 8. 7., …, 2025. 1. 1.
 *                   변경되었으며 즉시 적용됩니다.";
 * - history-table:  the effective sentence, then the table 차수 | 시행일자 | 주요 내용 with a row per version,
 *                   the new one last (the rows' contents kept from the version in force where it has them);
 * - links:          the sentence, "이전 개인정보처리방침 보기" and "개정일자 : 2022. 9. 1. 이전 자료보기", newest first;
 * - dropdown:       the sentence and the selector's options: "- 선택 -", "2025. 1. 1. ~ 현재", then ranges newest first;
 * - enactments:     the sentence and "- 제정 2011. 9. 30.", "- 개정 …", the new date last;
 * - supplementary:  the 부칙 sentence "이 방침은 2025년 1월 1일부터 시행한다." and each earlier 부칙's, oldest first.
 * A date the ledger knows only by its month is written as the month ("2022. 09.", "2022년 9월"), never given a day.
 */
import type { Article, Clause, EarlierVersion, IsoDate, IsoMonth, LedgerEntry, NumberingScheme, Revision, RevisionStyle } from '../model.js';
import { labelFor, type Numbered } from '../presentation/labels.js';
import { addDays, dotted, dottedPadded, korean, koreanPadded } from './dates.js';
import { renderArticleText } from './text.js';
import { findStatedDates } from '../parse/dates.js';
import { t } from '../presentation/messages/index.js';

/** An earlier version as the revision article lists it: the days it was in force. */
export interface EarlierPeriod {
  /** First day in force (or its month, when the page gives no day); null when no source states it (파주's oldest cut-off version). */
  from: IsoDate | IsoMonth | null;
  /** Last day in force; a month when the day is not known (the month it ended, or the month the next version began). */
  until: IsoDate | IsoMonth;
}

const isMonth = (date: string): boolean => /^\d{4}-\d{2}$/u.test(date);
const monthParts = (month: IsoMonth): [number, number] => month.split('-').map(Number) as [number, number];

/** A date in a day format, or its month in the matching month format: `2022. 09.` / `2022년 9월`. */
function stated(date: IsoDate | IsoMonth, format: (date: IsoDate) => string): string {
  if (!isMonth(date)) return format(date);
  const [year, month] = monthParts(date);
  return format === korean || format === koreanPadded ? `${year}년 ${month}월` : `${year}. ${String(month).padStart(2, '0')}.`;
}

/** The day after `until`, or for a month the month itself (the next version began then). */
function dayAfter(until: IsoDate | IsoMonth): IsoDate | IsoMonth {
  return isMonth(until) ? until : addDays(until, 1);
}

/** The last day before a version that began on `start`; for a month-only start, that month (the day is not known). */
function dayBefore(start: IsoDate | IsoMonth): IsoDate | IsoMonth {
  return isMonth(start) ? start : addDays(start, -1);
}

export const DEFAULT_REVISION_TITLE = '개인정보 처리방침의 변경';

/**
 * The versions in force before `newEffective`, oldest first, each with its last day. A version whose
 * `until` the ledger leaves open (the one in force now) ends the day before the new version starts.
 */
export function earlierPeriodsFromLedger(versions: readonly LedgerEntry[], newEffective: IsoDate): EarlierPeriod[] {
  const startOf = (entry: LedgerEntry): string | null => entry.effective ?? entry.effectiveMonth ?? null;
  const before = versions
    .filter((entry) => startOf(entry) === null || startOf(entry)! < newEffective)
    .slice()
    .sort((a, b) => (startOf(a) ?? '').localeCompare(startOf(b) ?? ''));
  const lastDay = addDays(newEffective, -1);
  return before.map((entry, index) => {
    const next = before[index + 1];
    let until: IsoDate | IsoMonth =
      entry.until ?? entry.untilMonth ?? (next?.effective ? addDays(next.effective, -1) : (next?.effectiveMonth ?? lastDay));
    // A ledger that still shows the old version open-ended past the new date is capped by the new version.
    if (until > lastDay) until = lastDay;
    return { from: startOf(entry), until };
  });
}

/**
 * Earlier versions when there is no ledger (files outside a store): those the version in force lists,
 * then the version in force itself, closed the day before the new one. A listed version with only its
 * start (a table row, a link, a cumulative sentence's date) runs until the next one begins.
 */
export function earlierPeriodsFromRevision(revision: Revision | null, fromEffective: IsoDate | null, newEffective: IsoDate): EarlierPeriod[] {
  const periods: EarlierPeriod[] = [];
  const startOf = (v: EarlierVersion): string => v.from ?? v.before ?? v.until ?? '';
  const listed = [...(revision?.earlier ?? [])].sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const inForceSince = fromEffective ?? revision?.effective ?? revision?.effectiveMonth ?? null;
  let previousCutoff: IsoDate | IsoMonth | null = null;
  listed.forEach((earlier, index) => {
    const nextStart = index + 1 < listed.length ? (listed[index + 1]!.from ?? null) : inForceSince;
    const until = earlier.until ?? (earlier.before ? dayBefore(earlier.before) : nextStart !== null ? dayBefore(nextStart) : null);
    if (until === null) return;
    periods.push({ from: earlier.from ?? previousCutoff, until });
    previousCutoff = earlier.before ?? dayAfter(until);
  });
  const start = inForceSince ?? previousCutoff;
  if (start === null || start < newEffective) periods.push({ from: start, until: addDays(newEffective, -1) });
  return periods;
}

export interface RevisionArticleInput {
  style: RevisionStyle;
  /** 제N조: the number the revision article has in the new version. */
  number: number;
  branch?: number;
  /** How the new version numbers its articles (default 'article', 제N조); the heading speaks it. */
  numbering?: NumberingScheme;
  /** The marker the new version prints for this article, when it has the article already ("12.", "【12】"). */
  label?: string;
  /** The new version's articles: a label written anew prints its numeral as they print theirs (ⅩⅢ. beside Ⅻ., XIII. beside XII.). */
  articles?: readonly Numbered[];
  /** The article's title; default: the city's current title, else 개인정보 처리방침의 변경. */
  title?: string;
  newEffective: IsoDate;
  /** Earlier versions, in any order (see earlierPeriodsFromLedger). */
  earlier: readonly EarlierPeriod[];
  city: string;
  /** The revision as the version in force states it: 남양주's 공고일자/시행일자 are kept from it. */
  oldRevision?: Revision | null;
}

export interface WrittenRevisionArticle {
  article: Article;
  /** The article as text: heading line, then one line per provision. */
  text: string;
  /** What the article states, as the parser would read it back. */
  revision: Revision;
}

function byDate(a: EarlierPeriod, b: EarlierPeriod): number {
  // "2022-09" sorts before "2022-09-01": a month-only start comes first within its month.
  return (a.from ?? '').localeCompare(b.from ?? '') || a.until.localeCompare(b.until);
}

function rangeLine(period: EarlierPeriod, format: (date: IsoDate) => string): string {
  return period.from === null ? `${stated(period.until, format)}까지 적용` : `${stated(period.from, format)} ~ ${stated(period.until, format)} 적용`;
}

function rangeVersion(period: EarlierPeriod, text: string): EarlierVersion {
  const version: EarlierVersion = { text };
  if (period.from !== null) version.from = period.from;
  version.until = period.until;
  return version;
}

const PREVIOUS_VERSIONS = '이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.';

/** "1. 적용 문장" and "2. 이전 목록" with the ranges as `-` items: 고양 and the plain default. */
function numberedWithRanges(effectiveText: string, earlier: readonly EarlierPeriod[], format: (date: IsoDate) => string) {
  const lines = earlier.map((period) => rangeLine(period, format));
  const body: Clause[] =
    lines.length === 0
      ? [{ text: effectiveText }]
      : [
          { marker: '1.', text: effectiveText },
          { marker: '2.', text: PREVIOUS_VERSIONS, children: lines.map((text) => ({ marker: '-', text })) },
        ];
  return { body, earlierVersions: earlier.map((period, i) => rangeVersion(period, lines[i]!)) };
}

/** A history-table row's 주요 내용: the version in force's own row for that date, else 제정 / 변경. */
function historyContent(oldRevision: Revision | null | undefined, from: string, index: number): string {
  const row = oldRevision?.earlier.find((v) => v.from === from && v.text.includes(' | '));
  const cells = row?.text.split(' | ');
  if (cells && cells.length >= 3) return cells.slice(2).join(' | ');
  return index === 0 ? '개인정보 처리방침 제정' : '개인정보 처리방침 변경';
}

export function writeRevisionArticle(input: RevisionArticleInput): WrittenRevisionArticle {
  const earlier = [...input.earlier].sort(byDate);
  const title = input.title ?? DEFAULT_REVISION_TITLE;
  let body: Clause[];
  let effectiveText: string;
  const revision: Revision = { style: input.style, effective: input.newEffective, earlier: [] };

  switch (input.style) {
    case 'ranges': {
      effectiveText = `이 개인정보 처리방침은 ${koreanPadded(input.newEffective)}부터 적용됩니다.`;
      const written = numberedWithRanges(effectiveText, earlier, dottedPadded);
      body = written.body;
      revision.earlier = written.earlierVersions;
      break;
    }
    case 'cutoffs': {
      // "X 이전 개인정보처리방침" names the version in force until the day before X.
      const newestFirst = [...earlier].reverse();
      const lines = newestFirst.map((period) => `${stated(dayAfter(period.until), korean)} 이전 개인정보처리방침`);
      effectiveText =
        lines.length === 0
          ? `이 개인정보처리방침은 ${korean(input.newEffective)}부터 적용됩니다.`
          : `이 개인정보처리방침은 ${korean(input.newEffective)}부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.`;
      body = [lines.length === 0 ? { text: effectiveText } : { text: effectiveText, children: lines.map((text) => ({ marker: '-', text })) }];
      revision.earlier = earlier.map((period) => {
        const version: EarlierVersion = { before: dayAfter(period.until), text: `${stated(dayAfter(period.until), korean)} 이전 개인정보처리방침` };
        if (period.from !== null) version.from = period.from;
        version.until = period.until;
        return version;
      });
      break;
    }
    case 'dated': {
      effectiveText =
        '이 개인정보처리방침은 시행일로부터 적용되며, 법령 및 방침에 따른 변경내용의 추가, 삭제 및 정정이 있는 경우에는 공지사항을 통하여 고지할 것입니다.';
      const first = earlier.find((period) => period.from !== null && !isMonth(period.from))?.from ?? input.newEffective;
      const announced = input.oldRevision?.announced ?? input.oldRevision?.enforced ?? first;
      const enforced = input.oldRevision?.enforced ?? announced;
      body = [
        { text: effectiveText },
        { text: `공고일자 : ${korean(announced)}` },
        { text: `시행일자 : ${korean(enforced)}` },
        { text: `변경일자 : ${korean(input.newEffective)}` },
      ];
      const lines = earlier.map((period) => rangeLine(period, korean));
      if (lines.length > 0) body.push({ text: PREVIOUS_VERSIONS, children: lines.map((text) => ({ marker: '-', text })) });
      revision.announced = announced;
      revision.enforced = enforced;
      revision.changed = input.newEffective;
      revision.earlier = earlier.map((period, i) => rangeVersion(period, lines[i]!));
      break;
    }
    case 'plain': {
      effectiveText = `이 개인정보 처리방침은 ${korean(input.newEffective)}부터 적용됩니다.`;
      const written = numberedWithRanges(effectiveText, earlier, dotted);
      body = written.body;
      revision.earlier = written.earlierVersions;
      break;
    }
    case 'cumulative': {
      const starts = earlier.filter((period) => period.from !== null).map((period) => period.from!);
      const [first, ...changes] = starts;
      effectiveText =
        first === undefined
          ? `이 개인정보 처리방침은 ${dotted(input.newEffective)}부터 시행됩니다.`
          : `이 개인정보 처리방침은 ${stated(first, dotted)}부터 시행되며, ${[...changes.map((d) => stated(d, dotted)), dotted(input.newEffective)].join(', ')} 변경되었으며 즉시 적용됩니다.`;
      body = [{ text: effectiveText }];
      revision.earlier = starts.map((from) => ({ from, text: effectiveText }));
      break;
    }
    case 'history-table': {
      effectiveText = `이 개인정보 처리방침은 ${dotted(input.newEffective)}부터 적용됩니다.`;
      const starts = earlier.filter((period) => period.from !== null).map((period) => period.from!);
      const rows = [...starts, input.newEffective].map((from, i) => [`${i + 1}차`, stated(from, dotted), historyContent(input.oldRevision, from, i)]);
      body = [
        { text: effectiveText },
        { text: '개인정보 처리방침의 변경 이력은 다음과 같습니다.', children: [{ row: ['차수', '시행일자', '주요 내용'] }, ...rows.map((row) => ({ row }))] },
      ];
      revision.earlier = starts.map((from, i) => ({ from, text: rows[i]!.join(' | ') }));
      break;
    }
    case 'links': {
      effectiveText = `이 개인정보처리방침은 ${dotted(input.newEffective)}부터 적용됩니다.`;
      const newestFirst = [...earlier].reverse();
      const lines = newestFirst.map((period) =>
        period.from === null ? `${stated(period.until, dotted)}까지 적용된 개인정보처리방침 보기` : `개정일자 : ${stated(period.from, dotted)} 이전 자료보기`,
      );
      body = [{ text: effectiveText }];
      if (lines.length > 0) body.push({ text: '이전 개인정보처리방침 보기', children: lines.map((text) => ({ text })) });
      revision.earlier = newestFirst.map((period, i) => (period.from === null ? rangeVersion(period, lines[i]!) : { from: period.from, text: lines[i]! })).reverse();
      break;
    }
    case 'dropdown': {
      effectiveText = `이 개인정보 처리방침은 ${korean(input.newEffective)}부터 적용됩니다.`;
      const newestFirst = [...earlier].reverse();
      const options = newestFirst.map((period) => (period.from === null ? `~ ${stated(period.until, dotted)}` : `${stated(period.from, dotted)} ~ ${stated(period.until, dotted)}`));
      body = [
        { text: effectiveText },
        { text: '이전의 개인정보 처리방침은 아래에서 선택하여 보실 수 있습니다.', children: ['- 선택 -', `${dotted(input.newEffective)} ~ 현재`, ...options].map((text) => ({ text })) },
      ];
      revision.earlier = newestFirst.map((period, i) => rangeVersion(period, options[i]!)).reverse();
      break;
    }
    case 'enactments': {
      effectiveText = `이 개인정보 처리방침은 ${dotted(input.newEffective)}부터 시행합니다.`;
      const starts = earlier.filter((period) => period.from !== null).map((period) => period.from!);
      const lines = [...starts, input.newEffective].map((from, i) => `${i === 0 ? '제정' : '개정'} ${stated(from, dotted)}`);
      body = [{ text: effectiveText }, { text: '개인정보 처리방침의 제정 및 개정 이력', children: lines.map((text) => ({ marker: '-', text })) }];
      revision.earlier = starts.map((from, i) => ({ from, before: [...starts, input.newEffective][i + 1]!, text: lines[i]! }));
      break;
    }
    case 'supplementary': {
      effectiveText = `이 방침은 ${korean(input.newEffective)}부터 시행한다.`;
      const starts = earlier.filter((period) => period.from !== null).map((period) => period.from!);
      const lines = starts.map((from) => `이 방침은 ${stated(from, korean)}부터 시행한다.`);
      body = [{ text: effectiveText }];
      if (lines.length > 0) body.push({ text: '종전의 부칙', children: lines.map((text) => ({ marker: '-', text })) });
      revision.earlier = starts.map((from, i) => ({ from, text: lines[i]! }));
      break;
    }
  }
  revision.effectiveText = effectiveText;

  const numbering = input.numbering ?? 'article';
  const label = input.label ?? labelFor(numbering, input.number, input.branch, input.articles);
  const article: Article = { number: input.number, ...(input.branch === undefined ? {} : { branch: input.branch }), ...(label === undefined ? {} : { label }), title, topic: 'revision', body };
  return { article, text: renderArticleText(article, numbering), revision };
}


// ------------------------------------------------- a version's own revision article against the ledger

/**
 * How a version's own revision article disagrees with the ledger (or with the date it is published with):
 * - effective-date:   the article states another date than the one the version takes effect;
 * - end-date:         a line states an earlier version's last day (a range's end, a cut-off) the ledger
 *                     records otherwise, for instance because the next version began earlier;
 * - missing-version:  the ledger knows an earlier version the article's list leaves out;
 * - unknown-period:   the article lists a version the ledger does not know.
 */
export type RevisionDisagreementKind = 'effective-date' | 'end-date' | 'missing-version' | 'unknown-period';

export interface RevisionDisagreement {
  kind: RevisionDisagreementKind;
  /** The article's line it is about, as written (none for a missing version). */
  line?: string;
  /** effective-date: the date the article states (none when it states no date, or a month); end-date: the last day the line states. */
  stated?: IsoDate | IsoMonth;
  /** effective-date: the date the version takes effect; end-date: the ledger's last day. */
  expected?: IsoDate | IsoMonth;
  /** end-date and missing-version: the earlier version's period as the ledger has it. */
  period?: EarlierPeriod;
  /** The line as it should read, or the line to add; none when the line should go. */
  suggestion?: string;
  /** end-date: the ledger leaves the version open; it ends because the next one begins. */
  endedByNext?: boolean;
}

export interface RevisionComparison {
  disagreements: RevisionDisagreement[];
  /**
   * The article with every disagreement corrected, in the version's own wording where a line can be kept
   * or modelled on its neighbour, else as written from the ledger in its style; null when all agree.
   */
  corrected: { article: Article; text: string } | null;
}

export interface RevisionComparisonInput {
  /** The version's own revision article and what it states. */
  article: Article;
  revision: Revision;
  numbering?: NumberingScheme;
  /** The date the version takes effect (is, or will be, published with). */
  effective: IsoDate;
  /** The city's ledger, oldest first; empty without a store (then only the effective date is compared). */
  ledger: readonly LedgerEntry[];
  city: string;
  /** Without a ledger: the earlier versions a corrected article written anew lists (the notice's, from the version in force). */
  earlierWithoutLedger?: readonly EarlierPeriod[];
}

const ledgerStart = (entry: LedgerEntry): string | null => entry.effective ?? entry.effectiveMonth ?? null;
const isDay = (date: string | undefined): date is IsoDate => date !== undefined && date.length === 10;

/**
 * "X 이전 개인정보처리방침": the version that ended the day before X, else the one in force that day (the
 * ledger may leave it open: the version it names is the one a new version replaces), else the last one that
 * ended before X.
 */
function entryEndingBefore(ledger: readonly LedgerEntry[], before: IsoDate | IsoMonth): LedgerEntry | undefined {
  if (isDay(before)) {
    const lastDay = addDays(before, -1);
    const exact = ledger.find((e) => e.until === lastDay);
    if (exact) return exact;
    const inForce = ledger.find((e) => e.until === null && e.untilMonth === undefined && ledgerStart(e) !== null && ledgerStart(e)! <= lastDay);
    if (inForce) return inForce;
  }
  return [...ledger].filter((e) => e.until !== null && e.until < before).sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
}

/** The ledger entry a listed earlier version names: by its start (a month names the version dated in it), else by its end. */
export function ledgerEntryFor(ledger: readonly LedgerEntry[], earlier: EarlierVersion): LedgerEntry | undefined {
  if (earlier.from !== undefined) {
    const from = earlier.from;
    return ledger.find((e) => e.effective === from || (isMonth(from) && (e.effectiveMonth === from || e.effective?.startsWith(`${from}-`) === true)));
  }
  if (earlier.before !== undefined) return entryEndingBefore(ledger, earlier.before);
  return earlier.until === undefined ? undefined : ledger.find((e) => e.until === earlier.until);
}

/** Where a clause sits: the list holding it, so it can be replaced, removed or given a neighbour. */
interface Place {
  list: Clause[];
  clause: Clause;
}

function places(clauses: Clause[], out: Place[] = []): Place[] {
  for (const clause of clauses) {
    out.push({ list: clauses, clause });
    if (clause.children) places(clause.children, out);
  }
  return out;
}

/** The clause's text as the parser's evidence gives it: trimmed, without a [ ] wrapper, a row's cells joined by " | ". */
function evidenceOf(clause: Clause): string {
  if (clause.row) return clause.row.map((c) => c.trim()).join(' | ');
  const trimmed = (clause.text ?? '').trim();
  return /^\[.*\]$/u.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

/** A date as written ("2020. 07. 17.", "2020년 7월 17일") restated as `iso`, in the same spelling. */
function respell(written: string, iso: IsoDate | IsoMonth, padded: boolean): string {
  const parts = iso.split('-');
  let index = 0;
  return written.replace(/\d+/gu, (digits) => {
    const value = parts[index++];
    if (value === undefined) return digits;
    if (index === 1) return value;
    return padded || (digits.length === 2 && digits.startsWith('0')) ? value : String(Number(value));
  });
}

/** `text` with each date `replace` maps restated; null when `replace` maps none of its dates. */
function restated(text: string, replace: (iso: string) => IsoDate | IsoMonth | undefined, padded: boolean): string | null {
  let out = text;
  let changed = false;
  for (const match of [...findStatedDates(text)].reverse()) {
    const to = replace(match.iso);
    if (to === undefined) continue;
    out = out.slice(0, match.start) + respell(out.slice(match.start, match.end), to, padded) + out.slice(match.end);
    changed = true;
  }
  return changed ? out : null;
}

/** A clause (its text, or each cell of its row) with its dates restated; null when none was. */
function restatedClause(clause: Clause, replace: (iso: string) => IsoDate | IsoMonth | undefined, padded: boolean): Clause | null {
  if (clause.row) {
    const cells = clause.row.map((cell) => restated(cell, replace, padded));
    return cells.some((c) => c !== null) ? { ...clause, row: cells.map((c, i) => c ?? clause.row![i]!) } : null;
  }
  const text = restated(clause.text ?? '', replace, padded);
  return text === null ? null : { ...clause, text };
}

/** Styles whose list has one line per earlier version: a missing one can be added as a line like its neighbour's. */
const LINE_PER_VERSION: ReadonlySet<RevisionStyle> = new Set(['ranges', 'cutoffs', 'links', 'enactments', 'plain', 'dropdown']);

/** A listed earlier version's line: where it is, and its clause as the version wrote it (the model for a new line). */
interface ListedLine {
  /** The last day of the version it names (the ledger's): lines are ordered by it, whatever dates they state. */
  end: string;
  earlier: EarlierVersion;
  place: Place;
  original: Clause;
}

function withoutChildren(clause: Clause): Clause {
  const bare: Clause = { ...clause };
  delete bare.children;
  return bare;
}

/**
 * Compares a version's own revision article with the ledger: its effective date with the one it takes
 * effect, and each earlier version it lists with the ledger's periods; then writes the corrected article.
 */
export function compareRevisionWithLedger(input: RevisionComparisonInput): RevisionComparison {
  const { revision, effective } = input;
  const ledger = input.ledger.filter((e) => e.effective !== effective);
  const periods = ledger.length === 0 ? [] : earlierPeriodsFromLedger(ledger, effective);
  const disagreements: RevisionDisagreement[] = [];
  const body = structuredClone(input.article.body);
  const all = places(body);
  const placeOf = new Map(revision.earlier.map((e) => [e, all.find((p) => evidenceOf(p.clause) === e.text)] as const));
  const listedClauses = new Set([...placeOf.values()].filter((p): p is Place => p !== undefined).map((p) => p.clause));
  // A page that writes one date zero-padded ("2020. 07. 17.") writes them all so.
  const padded = all.some((p) => findStatedDates(evidenceOf(p.clause)).some((d) => /(^|\D)0\d/u.test(evidenceOf(p.clause).slice(d.start + 4, d.end))));
  let patchable = true;
  // Clauses are changed in place, so every Place keeps pointing at its clause.
  const replaceClause = (place: Place, clause: Clause | null): void => {
    if (clause === null) {
      place.list.splice(place.list.indexOf(place.clause), 1);
      return;
    }
    for (const key of Object.keys(place.clause) as (keyof Clause)[]) delete place.clause[key];
    Object.assign(place.clause, clause);
  };

  // The date it takes effect, in its sentence. A list that names the stale date as this version's own (제정/개정
  // lists, a table's last row, "~ 현재") must gain a line for the new one: the article is written anew then.
  let staleOwnLine = false;
  if (revision.effective !== null && revision.effective !== effective) {
    const stated = revision.effective;
    disagreements.push({ kind: 'effective-date', ...(revision.effectiveText === undefined ? {} : { line: revision.effectiveText }), stated, expected: effective });
    const sentence = all.find((p) => !listedClauses.has(p.clause) && evidenceOf(p.clause) === revision.effectiveText?.trim());
    const clause = sentence ? restatedClause(sentence.clause, (iso) => (iso === stated ? effective : undefined), padded) : null;
    if (sentence && clause) replaceClause(sentence, clause);
    staleOwnLine = all.some((p) => p !== sentence && !listedClauses.has(p.clause) && findStatedDates(evidenceOf(p.clause)).some((d) => d.iso === stated));
    patchable &&= clause !== null && !staleOwnLine;
  } else if (revision.effective === null) {
    // "게시일부터 적용", or only a month: the article must say the day (written anew in its style).
    disagreements.push({ kind: 'effective-date', ...(revision.effectiveText === undefined ? {} : { line: revision.effectiveText }), ...(revision.effectiveMonth === undefined ? {} : { stated: revision.effectiveMonth }), expected: effective });
    patchable = false;
  }
  if (ledger.length === 0) return finish();

  const listed = revision.earlier.map((earlier) => {
    const entry = ledgerEntryFor(ledger, earlier);
    const period = entry && periods.find((p) => p.from === ledgerStart(entry) && (p.from !== null || p.until === entry.until));
    return { earlier, entry, period, place: placeOf.get(earlier) };
  });
  const located: ListedLine[] = listed
    .filter((l) => l.period !== undefined && l.place !== undefined && l.place.clause.row === undefined)
    .map((l) => ({ end: l.period!.until, earlier: l.earlier, place: l.place!, original: withoutChildren(structuredClone(l.place!.clause)) }));

  for (const { earlier, entry, period, place } of listed) {
    if (!entry) {
      disagreements.push({ kind: 'unknown-period', line: earlier.text });
      if (place && LINE_PER_VERSION.has(revision.style)) replaceClause(place, null);
      else patchable = false;
      continue;
    }
    if (!period || !isDay(period.until)) continue;
    // Only an end the line itself states (a range's end, a cut-off), not one that follows from the next line.
    const lineDates = new Set(findStatedDates(earlier.text).map((d) => d.iso));
    const written = isDay(earlier.until) && lineDates.has(earlier.until) ? earlier.until : isDay(earlier.before) && lineDates.has(earlier.before) ? earlier.before : undefined;
    if (written === undefined) continue;
    const cutoff = written === earlier.before;
    const statedEnd = cutoff ? addDays(written, -1) : written;
    if (statedEnd === period.until) continue;
    const right = cutoff ? addDays(period.until, 1) : period.until;
    const clause = place ? restatedClause(place.clause, (iso) => (iso === written ? right : undefined), padded) : null;
    if (place && clause) replaceClause(place, clause);
    else patchable = false;
    disagreements.push({ kind: 'end-date', line: earlier.text, stated: statedEnd, expected: period.until, period, ...(clause ? { suggestion: evidenceOf(clause) } : {}), ...(entry.until === null ? { endedByNext: true } : {}) });
  }

  // Earlier versions the ledger knows that a list leaves out (a policy that keeps no list is not asked for one).
  if (revision.earlier.length > 0) {
    const named = new Set(listed.map((l) => l.entry));
    // The page's own order (revision.earlier is sorted oldest first): 고양 lists oldest first, 파주 newest first.
    const inPage = [...located].sort((a, b) => all.indexOf(a.place) - all.indexOf(b.place));
    const ascending = inPage.length < 2 || inPage[0]!.end <= inPage.at(-1)!.end;
    for (const period of periods) {
      const entry = ledger.find((e) => ledgerStart(e) === period.from && (period.from !== null || e.until === period.until));
      if (!entry || named.has(entry)) continue;
      // The version in force, named by the stale date's own line: the effective date is the disagreement.
      if (staleOwnLine && period.from === revision.effective) continue;
      const line = LINE_PER_VERSION.has(revision.style) ? addedLine(period, located, ascending, padded) : null;
      if (line === null) patchable = false;
      disagreements.push({ kind: 'missing-version', period, ...(line ? { suggestion: evidenceOf(line) } : {}) });
    }
  }
  return finish();

  function finish(): RevisionComparison {
    if (disagreements.length === 0) return { disagreements, corrected: null };
    const numbering = input.numbering ?? 'article';
    if (patchable) {
      const article: Article = { ...input.article, body };
      return { disagreements, corrected: { article, text: renderArticleText(article, numbering) } };
    }
    const written = writeRevisionArticle({
      style: revision.style,
      number: input.article.number,
      ...(input.article.branch === undefined ? {} : { branch: input.article.branch }),
      numbering,
      ...(input.article.label === undefined ? {} : { label: input.article.label }),
      title: input.article.title,
      newEffective: effective,
      // Without a ledger, the versions the article lists (its stated date, when stale, is the version in force).
      earlier: ledger.length === 0 ? (input.earlierWithoutLedger ?? earlierPeriodsFromRevision(revision, null, effective)) : periods,
      city: input.city,
      oldRevision: revision,
    });
    return { disagreements, corrected: { article: written.article, text: written.text } };
  }
}

/** A disagreement of the revision article with the ledger, in the officer's words. */
export function revisionDisagreementMessage(disagreement: RevisionDisagreement, slug: string, options: { draft: boolean }): string {
  const history = t('revision.history', { slug });
  const { line = '', stated = '', expected = '', suggestion } = disagreement;
  switch (disagreement.kind) {
    case 'effective-date':
      if (disagreement.stated === undefined) return t('revision.effectiveDate.undated', { expected });
      return t(options.draft ? 'revision.effectiveDate.planned' : 'revision.effectiveDate.stored', { stated, expected, history });
    case 'end-date': {
      const next = disagreement.endedByNext === true && isDay(expected) ? t('revision.endDate.next', { start: addDays(expected, 1) }) : '';
      return t('revision.endDate', { line, stated, expected, history, next }) + (suggestion === undefined ? '' : t('revision.endDate.fix', { suggestion }));
    }
    case 'missing-version': {
      const period = disagreement.period!;
      return t('revision.missingVersion', { history, from: period.from ?? t('revision.unknownStart'), until: period.until }) + (suggestion === undefined ? '' : t('revision.missingVersion.fix', { suggestion }));
    }
    case 'unknown-period':
      return t('revision.unknownPeriod', { line, history });
  }
}


/**
 * Adds a line for a missing earlier version beside its neighbour in date order, worded like a listed line
 * (its dates restated: start, last day, cut-off); null when no listed line can be its model. A 제정 line
 * (the oldest) is the model only for a version older than every listed one.
 */
function addedLine(period: EarlierPeriod, located: ListedLine[], ascending: boolean, padded: boolean): Clause | null {
  const sorted = [...located].sort((a, b) => a.end.localeCompare(b.end));
  const before = sorted.filter((l) => l.end < period.until).at(-1);
  const neighbour = before ?? sorted[0];
  if (neighbour === undefined) return null;
  const model = before !== undefined && before === sorted[0] && sorted.length > 1 ? sorted[1]! : neighbour;
  const { from, until, before: cutoff } = model.earlier;
  let complete = true;
  const clause = restatedClause(
    model.original,
    (iso) => {
      const to = iso === from ? period.from : iso === until ? period.until : iso === cutoff ? dayAfter(period.until) : undefined;
      if (to === undefined || to === null) complete = false;
      return to ?? undefined;
    },
    padded,
  );
  if (clause === null || !complete) return null;
  const list = neighbour.place.list;
  const at = list.indexOf(neighbour.place.clause);
  // After the neighbour that began before it in a list oldest first; before it in one newest first.
  list.splice((before !== undefined) === ascending ? at + 1 : at, 0, clause);
  const earlier: EarlierVersion = { ...(period.from === null ? {} : { from: period.from }), until: period.until, ...(cutoff === undefined ? {} : { before: dayAfter(period.until) }), text: evidenceOf(clause) };
  located.push({ end: period.until, earlier, place: { list, clause }, original: clause });
  return clause;
}
