/**
 * Sectioning: which lines are page furniture (header, tab menu, footer), the policy title, the
 * preamble, each article's heading and body, and the appendix sections after the last article.
 * Every non-blank line ends up in exactly one place; dropped lines carry a reason.
 */
import type { DroppedLine, NumberingScheme, ParseWarning } from '../model.js';
import {
  candidatesByFamily,
  chooseScheme,
  headingReadings,
  isTopical,
  looksLikeHeading,
  MAX_ARTICLE_NUMBER,
  MAX_SEARCHED_CANDIDATES,
  oversizedArticleNumber,
  parseHeading,
  tableOfContents,
  type Candidate,
} from './headings.js';
import { classifyLine, isSentenceLike, type Line } from './lines.js';
import { t, type MessageKey } from '../presentation/messages/index.js';

export interface ArticleBlock {
  candidate: Candidate;
  body: Line[];
}

export interface SectionBlock {
  title: string;
  body: Line[];
}

export interface Layout {
  /** The document's numbering scheme, as the chosen headings print it. */
  numbering: NumberingScheme;
  title: string;
  preamble: Line[];
  articles: ArticleBlock[];
  appendix: SectionBlock[];
  dropped: DroppedLine[];
  warnings: ParseWarning[];
}

const POLICY_TITLE = /개인정보\s*(처리|보호)\s*방침/u;
const MAX_TITLE_LENGTH = 40;
const MAX_MISFIT_WARNINGS = 20;

/** A page's own contact line: who keeps the page, and a number to call. */
const PAGE_CONTACT = /^(담당\s*부서|담당자|관리\s*부서|자료\s*관리)\s*[:：]?\s*\S.*(연락처|전화|☎|\d{2,4}-\d{3,4}-\d{4})/u;
/** Footer patterns with the reason each gives, and one look for any of them first: most lines of a page are none. */
class FooterMarks {
  /** Case-insensitive throughout: that only widens the look, and each pattern then decides with its own flags. */
  private readonly any: RegExp;

  constructor(private readonly patterns: ReadonlyArray<readonly [RegExp, MessageKey]>) {
    this.any = new RegExp(patterns.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'iu');
  }

  /** The reason of the first pattern that matches the line's text or its content; null when none does. */
  reason(line: Line): string | null {
    if (!this.any.test(line.text) && (line.text === line.content || !this.any.test(line.content))) return null;
    for (const [pattern, reason] of this.patterns) if (pattern.test(line.text) || pattern.test(line.content)) return t(reason);
    return null;
  }
}

const FOOTER_START_PATTERNS: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/만족하십니까|만족하시나요|^만족도\s*(조사|평가)$|평가해\s*주(세요|십시오)/u, 'parse.drop.footerSurvey'],
  [/^Text input field/iu, 'parse.drop.footerSurvey'],
  [/^최종\s*수정일/u, 'parse.drop.footerModified'],
  [/^콘텐츠\s*(관리\s*)?(부서|담당)/u, 'parse.drop.footerDepartment'],
  [/^(닫기|위로|맨\s*위로|맨\s*위|top|처음으로|인쇄(하기)?)$/iu, 'parse.drop.footerNavigation'],
];
const FOOTER_STARTS = new FooterMarks(FOOTER_START_PATTERNS);
/** Footer lines that a page has once, at its very end (unlike 위로 links, which some pages repeat). */
const PAGE_END_MARKERS = new FooterMarks(FOOTER_START_PATTERNS.slice(0, 4));
const FOOTER_OTHERS = new FooterMarks([
  [/^(매우\s*만족|만족|보통|불만족|매우\s*불만족|작성|의견\s*작성|평가하기|제출)$/u, 'parse.drop.footerSurvey'],
  [PAGE_CONTACT, 'parse.drop.footerContact'],
]);

function isTitleLine(line: Line): boolean {
  return (
    !line.blank &&
    line.marker === undefined &&
    !line.row &&
    line.content.length <= MAX_TITLE_LENGTH &&
    POLICY_TITLE.test(line.content) &&
    !isSentenceLike(line.content) &&
    !looksLikeHeading(line.content)
  );
}

/** A row of short cells right under the title: the page's tab menu (개인정보처리방침⇥목적외이용 · 제3자제공). */
function isMenuRow(line: Line): boolean {
  return !!line.row && line.row.every((cell) => cell.length <= 30 && !isSentenceLike(cell));
}

/** A ■/□/◆ heading or 부칙 after the last article starts an appendix section. */
export function isAppendixTitle(line: Line): boolean {
  if (line.blank || line.row) return false;
  if (/^[<〈[(]?\s*부\s*칙\s*[>〉\])]?(\s*[<〈(（[].*)?$/u.test(line.content)) return true;
  return (
    line.indent === 0 &&
    /^[■□◆◇]/u.test(line.content) &&
    line.text.length > 0 &&
    line.content.length <= MAX_TITLE_LENGTH &&
    !/[:：]/u.test(line.content) &&
    !isSentenceLike(line.content)
  );
}

/** A line taken out of the flow (dropped as 목차): blank, so that what surrounds it reads as before. */
function asBlank(line: Line): Line {
  return { no: line.no, raw: '', blank: true, indent: 0, content: '', text: '' };
}

function drop(dropped: DroppedLine[], line: Line, reason: string): void {
  if (!line.blank) dropped.push({ line: line.no, text: line.content, reason });
}

/** Without a title: the preamble is the prose right above the first article; stop at short non-prose lines. */
function prosePreambleStart(prefix: readonly Line[]): number {
  let start = prefix.length;
  while (start > 0) {
    const line = prefix[start - 1]!;
    const prose = line.blank || isSentenceLike(line.text) || line.text.length >= 30 || /^(제정|개정)\s/u.test(line.text);
    if (!prose) break;
    start--;
  }
  while (start < prefix.length && prefix[start]!.blank) start++;
  return start;
}

const TOC_REASON = 'parse.drop.toc';
const TOC_ROW_REASON = 'parse.drop.tocColumns';
const LABELLING_REASON = 'parse.drop.labelling';

const LABELLING = /라벨링/u;
const MAX_CAPTION = 30;

/** A short caption line of a 라벨링 box (처리목적, 일반 개인정보 수집, 고충처리부서). */
function isCaption(line: Line): boolean {
  return !line.blank && !line.row && line.content.length <= MAX_CAPTION && !isSentenceLike(line.content);
}

/**
 * The caption lines of a 라벨링 box under its title (주요 개인정보 처리 표시(라벨링)): short lines, blank lines
 * between allowed, up to the first line that is prose, a list item, a 목차 caption, the policy's title or a numbered heading.
 * Captions often repeat (an icon's alt text, then its caption) and many name no topic (주민등록번호).
 */
function captionsBelow(lines: readonly Line[], title: number, end: number): number[] {
  const captions: number[] = [];
  for (let i = title + 1; i < end; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    // The policy's own title under the box ("○○공단 개인정보 처리방침") ends it: it names no item.
    const caption = isCaption(line) && line.marker === undefined && !isTocCaption(line) && !isTitleLine(line) && headingReadings(line).every((r) => r.family === 'none');
    if (!caption) break;
    captions.push(i);
  }
  return captions;
}

/** A 목차 line naming itself (목차, 목 차, ※ 목차 클릭 시 해당 본문으로 이동합니다). */
function isTocCaption(line: Line): boolean {
  if (line.blank || line.row || line.content.length > 40) return false;
  return /^[<\[【(〈]?\s*목\s*차\s*[>\]】)〉]?$/u.test(line.content) || /목\s*차.*(클릭|선택|누르|이동|링크|바로)/u.test(line.content);
}

/** The number of 목차 entries in a row whose cells are (mostly) headings, a 목차 laid out in columns; 0 otherwise. */
function tocRowEntries(line: Line): number {
  if (!line.row) return 0;
  const cells = line.row.filter((c) => c !== '');
  const headings = cells.filter((c) => headingReadings(classifyLine(c, line.no)).some((r) => r.family !== 'none'));
  return headings.length >= 2 && headings.length * 3 >= cells.length * 2 ? headings.length : 0;
}

/** A line that reads as a 목차 entry: a heading of any scheme, or a short line naming a topic, and not the policy's title. */
function isTocEntry(line: Line): boolean {
  if (line.blank || line.row || isSentenceLike(line.content) || isTitleLine(line)) return false;
  return headingReadings(line).some((r) => isTopical(r.heading.title));
}

/** An entry's number in a 목차 written on one line: "1. ", "제1조 ", "제1조(", at the start or after a space or separator. */
const INLINE_TOC_ENTRY = /(?:^|[\s|·ㆍ,])(?:제\s*)?(\d{1,2})\s*(?:\.(?!\d)|조(?:\s*\(|\s))\s*/gu;
const MAX_TOC_ENTRY = 40;
const MIN_INLINE_TOC = 3;
const INLINE_TOC_REASON = 'parse.drop.tocInline';

/**
 * The number of entries of a 목차 written on one line ("1. 개인정보의 처리 목적 2. 개인정보의 처리 및 보유기간 3. …"):
 * numbers in sequence from the line's start, each followed by a short title, most naming topics; 0 otherwise.
 */
function tocLineEntries(line: Line): number {
  if (line.blank || line.row) return 0;
  const text = line.content;
  const marks = [...text.matchAll(INLINE_TOC_ENTRY)];
  if (marks.length < MIN_INLINE_TOC || text.slice(0, marks[0]!.index).trim() !== '') return 0;
  const titles: string[] = [];
  for (const [k, m] of marks.entries()) {
    if (k > 0 && Number(m[1]) !== Number(marks[k - 1]![1]) + 1) return 0;
    const end = marks[k + 1]?.index ?? text.length;
    const title = text.slice(m.index + m[0].length, end).replace(/[\s|·ㆍ,)]+$/u, '').trim();
    if (title === '' || title.length > MAX_TOC_ENTRY || isSentenceLike(title)) return 0;
    titles.push(title);
  }
  return titles.filter(isTopical).length * 5 >= titles.length * 3 ? titles.length : 0;
}

/**
 * 목차 and 라벨링 lines above the first article, with the reason each is dropped: 라벨링 boxes, 목차 runs
 * in any scheme, 목차 rows in columns, a 목차 on one line, and the captions naming the 목차; a warning when there was a 목차.
 */
function furnitureAbove(lines: readonly Line[], tocRuns: readonly Candidate[][], firstArticle: number): { reasons: Map<number, MessageKey>; warning?: ParseWarning } {
  const reasons = new Map<number, MessageKey>();
  for (let i = 0; i < firstArticle; i++) {
    if (!LABELLING.test(lines[i]!.content) || !isCaption(lines[i]!)) continue;
    const box = captionsBelow(lines, i, firstArticle);
    if (box.length >= 2) for (const j of [i, ...box]) reasons.set(j, LABELLING_REASON);
  }
  let entries = 0;
  let firstEntry = -1;
  const entry = (index: number, reason: MessageKey, count: number): void => {
    reasons.set(index, reason);
    entries += count;
    if (firstEntry < 0 || index < firstEntry) firstEntry = index;
  };
  for (const run of tocRuns) {
    if (run[run.length - 1]!.index >= firstArticle) continue;
    for (const c of run) if (!reasons.has(c.index)) entry(c.index, TOC_REASON, 1);
  }
  for (let i = 0; i < firstArticle; i++) {
    if (reasons.has(i)) continue;
    const row = tocRowEntries(lines[i]!);
    const inline = row > 0 ? 0 : tocLineEntries(lines[i]!);
    if (row > 0) entry(i, TOC_ROW_REASON, row);
    else if (inline > 0) entry(i, INLINE_TOC_REASON, inline);
  }
  if (entries === 0) return { reasons };
  // A caption (목차, ※ 목차 클릭 시 …) belongs to the 목차 below it when only blank lines or captions lie
  // between; so do the entries right above a run that one entry without its number broke in two.
  let aboveToc = false;
  for (let i = firstArticle - 1; i >= 0; i--) {
    const reason = reasons.get(i);
    if (reason === TOC_REASON || reason === TOC_ROW_REASON || reason === INLINE_TOC_REASON) aboveToc = true;
    else if (lines[i]!.blank) continue;
    else if (aboveToc && reason === undefined && isTocCaption(lines[i]!)) reasons.set(i, TOC_REASON);
    else if (aboveToc && reason === undefined && isTocEntry(lines[i]!)) entry(i, TOC_REASON, 1);
    else aboveToc = false;
  }
  return {
    reasons,
    warning: {
      line: lines[firstEntry]!.no,
      message: t('parse.warn.toc', { count: entries }),
    },
  };
}

export function layOut(lines: readonly Line[], where: string): Layout | null {
  const dropped: DroppedLine[] = [];
  const warnings: ParseWarning[] = [];
  const families = candidatesByFamily(lines);
  const tocRuns = tableOfContents(lines, families);
  const tocSet = new Set(tocRuns.flat());
  // Headings below a survey or a last-modified line are not the policy (a second copy of the page).
  let firstCandidate = lines.length;
  for (const [family, candidates] of families) if (family !== 'none' && candidates[0]) firstCandidate = Math.min(firstCandidate, candidates[0].index);
  let pageEnd = lines.findIndex((l, i) => i > firstCandidate && PAGE_END_MARKERS.reason(l) !== null);
  if (pageEnd < 0) pageEnd = lines.length;
  const searchedFamilies = new Map<string, Candidate[]>();
  for (const [family, candidates] of families) searchedFamilies.set(family, candidates.filter((c) => !tocSet.has(c) && c.index < pageEnd));
  const choice = chooseScheme(lines, searchedFamilies);
  if (!choice) return null;
  const chosen = choice.sequence;
  const searched = searchedFamilies.get(choice.family)!;
  if (choice.greedy) {
    warnings.push({
      message: t('parse.warn.greedy', { count: searched.length, limit: MAX_SEARCHED_CANDIDATES }),
    });
  }
  const chosenSet = new Set(chosen);
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;

  const { reasons: tocDropped, warning: tocWarning } = furnitureAbove(lines, tocRuns, first.index);
  if (tocWarning) warnings.push(tocWarning);

  const articleFamily = choice.family === 'article';
  const misfits = articleFamily
    ? searched.filter((c) => !chosenSet.has(c) && c.index > first.index && c.index < pageEnd)
    : [];
  for (const c of misfits.slice(0, MAX_MISFIT_WARNINGS)) {
    warnings.push({
      line: lines[c.index]!.no,
      message: t('parse.warn.misfit', { text: lines[c.index]!.content }),
    });
  }
  for (const line of lines.slice(first.index, pageEnd)) {
    const number = oversizedArticleNumber(line.content);
    if (number !== null) {
      warnings.push({
        line: line.no,
        message: t('parse.warn.oversizedNumber', { text: line.content, number, limit: MAX_ARTICLE_NUMBER }),
      });
    }
  }
  if (misfits.length > MAX_MISFIT_WARNINGS) {
    warnings.push({ message: t('parse.warn.moreMisfits', { count: misfits.length - MAX_MISFIT_WARNINGS }) });
  }
  for (const c of chosen) {
    for (const f of c.heading.furniture ?? []) dropped.push({ line: lines[c.index]!.no, text: f.text, reason: t(f.reason) });
  }

  // Head: furniture, title, tab menu, preamble.
  const prefix = lines.slice(0, first.index).map((line, i) => {
    const reason = tocDropped.get(i);
    if (reason === undefined) return line;
    drop(dropped, line, t(reason));
    return asBlank(line);
  });
  let titleIndex = -1;
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (isTitleLine(prefix[i]!)) {
      titleIndex = i;
      break;
    }
  }
  let title = '';
  let preambleStart: number;
  if (titleIndex >= 0) {
    title = prefix[titleIndex]!.content;
    for (const line of prefix.slice(0, titleIndex)) drop(dropped, line, t('parse.drop.headerAboveTitle'));
    preambleStart = titleIndex + 1;
    while (preambleStart < prefix.length && (prefix[preambleStart]!.blank || isMenuRow(prefix[preambleStart]!))) {
      drop(dropped, prefix[preambleStart]!, t('parse.drop.tabMenu'));
      preambleStart++;
    }
  } else {
    preambleStart = prosePreambleStart(prefix);
    const header = prefix.slice(0, preambleStart).filter((l) => !l.blank);
    for (const line of header) drop(dropped, line, t('parse.drop.pageHeader'));
    warnings.push({ message: t('parse.warn.noTitle', { where }) + (header.length > 0 ? t('parse.warn.noTitle.header', { count: header.length }) : '') });
  }
  const preamble = prefix.slice(preambleStart).filter((l) => !l.blank);

  // Tail: footer from its first marker; appendix sections before it.
  let footerStart = lines.length;
  for (let i = last.index + 1; i < lines.length; i++) {
    if (FOOTER_STARTS.reason(lines[i]!)) {
      footerStart = i;
      break;
    }
  }
  // The page's contact line right above the survey ("담당부서 기획예산팀  연락처 051-…") is the footer's too.
  if (footerStart < lines.length) {
    let above = footerStart - 1;
    while (above > last.index && lines[above]!.blank) above--;
    if (above > last.index && PAGE_CONTACT.test(lines[above]!.content)) footerStart = above;
  }
  if (footerStart < lines.length) {
    const startText = lines[footerStart]!.content;
    // Headings below the footer: the page text pasted twice, or a policy that goes on after a survey.
    const buried = lines.slice(footerStart).filter((l) => !l.blank && !l.row && parseHeading(l.content));
    if (buried.length > 0) {
      const first = buried[0]!;
      warnings.push({ line: first.no, message: t('parse.warn.buriedHeadings', { count: buried.length, line: lines[footerStart]!.no, start: startText, text: first.content, first: first.no }) });
    }
    for (const line of lines.slice(footerStart)) {
      const reason =
        FOOTER_STARTS.reason(line) ?? FOOTER_OTHERS.reason(line) ?? t('parse.drop.footerBelow', { start: startText });
      drop(dropped, line, reason);
    }
  }
  // A ■ line after the last article starts an appendix (익산's "■ 영상정보처리방침"), unless the articles
  // use ■ lines as sub-headings: then it is the last article's sub-heading.
  const headingLines = new Set(chosen.map((c) => c.index));
  const subHeadingSymbols = new Set<string>();
  for (let i = first.index + 1; i < last.index; i++) {
    const line = lines[i]!;
    if (!headingLines.has(i) && isAppendixTitle(line) && /^[■□◆◇]/u.test(line.content)) subHeadingSymbols.add(line.content[0]!);
  }
  let appendixStart = footerStart;
  for (let i = last.index + 1; i < footerStart; i++) {
    if (isAppendixTitle(lines[i]!) && !subHeadingSymbols.has(lines[i]!.content[0]!)) {
      appendixStart = i;
      break;
    }
  }

  const articles: ArticleBlock[] = chosen.map((candidate, k) => {
    const end = k + 1 < chosen.length ? chosen[k + 1]!.index : appendixStart;
    return { candidate, body: lines.slice(candidate.index + 1, end).filter((l) => !l.blank) };
  });
  const appendix: SectionBlock[] = [];
  for (let i = appendixStart; i < footerStart; i++) {
    const line = lines[i]!;
    if (isAppendixTitle(line)) appendix.push({ title: line.content, body: [] });
    else if (!line.blank) appendix[appendix.length - 1]!.body.push(line);
  }
  dropped.sort((a, b) => a.line - b.line);
  return { numbering: choice.scheme, title, preamble, articles, appendix, dropped, warnings };
}
