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
import { labelFor } from '../presentation/labels.js';
import { addDays, dotted, dottedPadded, korean, koreanPadded } from './dates.js';
import { renderArticleText } from './text.js';

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
  const label = input.label ?? labelFor(numbering, input.number, input.branch);
  const article: Article = { number: input.number, ...(input.branch === undefined ? {} : { branch: input.branch }), ...(label === undefined ? {} : { label }), title, topic: 'revision', body };
  return { article, text: renderArticleText(article, numbering), revision };
}

