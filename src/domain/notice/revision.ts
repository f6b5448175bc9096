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
 *                   in the official spelling "2024. 1. 1. ~ 2024. 12. 31. 적용".
 */
import type { Article, Clause, EarlierVersion, IsoDate, LedgerEntry, Revision, RevisionStyle } from '../model.js';
import { addDays, dotted, dottedPadded, korean, koreanPadded } from './dates.js';
import { renderArticleText } from './text.js';

/** An earlier version as the revision article lists it: the days it was in force. */
export interface EarlierPeriod {
  /** First day in force; null when no source states it (파주's oldest cut-off version). */
  from: IsoDate | null;
  /** Last day in force. */
  until: IsoDate;
}

export const DEFAULT_REVISION_TITLE = '개인정보 처리방침의 변경';

/**
 * The versions in force before `newEffective`, oldest first, each with its last day. A version whose
 * `until` the ledger leaves open (the one in force now) ends the day before the new version starts.
 */
export function earlierPeriodsFromLedger(versions: readonly LedgerEntry[], newEffective: IsoDate): EarlierPeriod[] {
  const before = versions
    .filter((entry) => entry.effective === null || entry.effective < newEffective)
    .slice()
    .sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? ''));
  const lastDay = addDays(newEffective, -1);
  return before.map((entry, index) => {
    const next = before[index + 1];
    let until = entry.until ?? (next?.effective ? addDays(next.effective, -1) : lastDay);
    // A ledger that still shows the old version open-ended past the new date is capped by the new version.
    if (until > lastDay) until = lastDay;
    return { from: entry.effective, until };
  });
}

export interface RevisionArticleInput {
  style: RevisionStyle;
  /** 제N조: the number the revision article has in the new version. */
  number: number;
  branch?: number;
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
  return (a.from ?? '').localeCompare(b.from ?? '') || a.until.localeCompare(b.until);
}

function rangeLine(period: EarlierPeriod, format: (date: IsoDate) => string): string {
  return period.from === null ? `${format(period.until)}까지 적용` : `${format(period.from)} ~ ${format(period.until)} 적용`;
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
      const lines = newestFirst.map((period) => `${korean(addDays(period.until, 1))} 이전 개인정보처리방침`);
      effectiveText =
        lines.length === 0
          ? `이 개인정보처리방침은 ${korean(input.newEffective)}부터 적용됩니다.`
          : `이 개인정보처리방침은 ${korean(input.newEffective)}부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.`;
      body = [lines.length === 0 ? { text: effectiveText } : { text: effectiveText, children: lines.map((text) => ({ marker: '-', text })) }];
      revision.earlier = earlier.map((period) => {
        const version: EarlierVersion = { before: addDays(period.until, 1), text: `${korean(addDays(period.until, 1))} 이전 개인정보처리방침` };
        if (period.from !== null) version.from = period.from;
        version.until = period.until;
        return version;
      });
      break;
    }
    case 'dated': {
      effectiveText =
        '이 개인정보처리방침은 시행일로부터 적용되며, 법령 및 방침에 따른 변경내용의 추가, 삭제 및 정정이 있는 경우에는 공지사항을 통하여 고지할 것입니다.';
      const first = earlier[0]?.from ?? input.newEffective;
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
  }
  revision.effectiveText = effectiveText;

  const article: Article = { number: input.number, title, topic: 'revision', body };
  if (input.branch !== undefined) article.branch = input.branch;
  return { article, text: renderArticleText(article), revision };
}

