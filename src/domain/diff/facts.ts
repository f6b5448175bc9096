/**
 * Facts people look for in a policy, extracted from an article and compared across versions:
 * contacts (person, department, phone, email), periods (3년, 6개월, 10일 이내), statute references,
 * URLs and dates. "접속기록 보관: 6개월 → 1년" is worth more than a red line.
 */
import type { Article, Clause } from '../model.js';
import type { Fact, FactChange, FactKind } from './types.js';
import { clauseText } from './clauses.js';
import { collapseWhitespace, foldLookalikes } from './normalize.js';
import { TextMemo } from '../text-memo.js';

/** One provision's text with the label of its nearest short heading (parent clause or `X :` prefix). */
interface FactSource {
  text: string;
  heading?: string;
}

const MAX_LABEL_LENGTH = 30;

/** A short provision that names what follows ("1. 개인정보 보호책임자", "○ 접속기록의 보관 및 위변조 방지"). */
function isHeadingLike(text: string): boolean {
  return text.length > 0 && text.length <= MAX_LABEL_LENGTH && !text.includes(':') && !/[다.]$/u.test(text);
}

/** Numbered (1.), Hangul (가.), circled (①) or a bullet glyph: siblings of another family sit under a heading. */
function markerFamily(marker: string | undefined): string {
  if (marker === undefined) return '';
  if (/^\(?\d/u.test(marker)) return 'number';
  if (/^\(?[가-하]/u.test(marker)) return 'hangul';
  if (/^\(?[①-⑳]/u.test(marker)) return 'circled';
  return marker;
}

function factSources(clauses: readonly Clause[], parentHeading: string | undefined, out: FactSource[]): FactSource[] {
  // A heading sibling heads the siblings after it until one of its own marker family (or a plain paragraph) comes.
  // The plain paragraph right after a heading is its explanation; a later one is outside it.
  let siblingHeading: { text: string; family: string } | undefined;
  let previousWasHeading = false;
  for (const clause of clauses) {
    const text = factText(clauseText(clause));
    const family = markerFamily(clause.marker);
    const headingLike = isHeadingLike(text);
    const plain = family === '' && !headingLike;
    if (siblingHeading && (family === siblingHeading.family || (plain && !previousWasHeading))) siblingHeading = undefined;
    const heading = siblingHeading?.text ?? parentHeading;
    previousWasHeading = headingLike;
    const source: FactSource = { text };
    if (heading !== undefined) source.heading = heading;
    out.push(source);
    if (clause.children) factSources(clause.children, headingLike ? text : heading, out);
    if (headingLike) siblingHeading = { text, family };
  }
  return out;
}

/** A provision's text as facts are read from it (look-alikes folded, whitespace collapsed), remembered: each costs two passes. */
function factText(text: string): string {
  return factTexts.get(text, foldedForFacts);
}

function foldedForFacts(text: string): string {
  return collapseWhitespace(foldLookalikes(text));
}

const factTexts = new TextMemo<string>(1 << 16);

/** `접속기록의 보관 및 위·변조 방지` → `접속기록 보관`: drop markers, particles 의, and what follows 및. */
export function shortenLabel(label: string): string {
  let out = label
    .replace(/^[\s\-·※○▶■□*]*(?:\d{1,2}[.)]|[가-하][.)]|\(?[①-⑳]\)?)?\s*/u, '')
    .replace(/\s*\(.*?\)\s*/gu, ' ')
    .replace(/의(?=\s)/gu, '')
    .split(/\s+및\s+|,/u)[0]!
    .trim();
  out = out.replace(/\s+/gu, ' ');
  // "연 락 처", "담 당 자": letter-spaced labels read as one word.
  if (/^[가-힣](?: [가-힣])+$/u.test(out)) out = out.replace(/ /gu, '');
  return out.length > MAX_LABEL_LENGTH ? out.slice(0, MAX_LABEL_LENGTH) : out;
}

/** The label a provision gives its facts: `X : …` prefix, else its heading. */
function provisionLabel(source: FactSource): string | undefined {
  const colon = /^([^:]{2,30}?)\s*:\s*\S/u.exec(source.text);
  if (colon) return shortenLabel(colon[1]!);
  return source.heading === undefined ? undefined : shortenLabel(source.heading);
}

/** The label nearest before `index` in `text`: the words after the last `:`-introduced label or separator. */
function localLabel(text: string, index: number): string | undefined {
  const before = text.slice(0, index);
  // Without a colon there is no label; the pattern would learn that trying every start position.
  if (!before.includes(':')) return undefined;
  const colon = /([가-힣A-Za-z][가-힣A-Za-z\s·]{1,28}?)\s*:\s*[^:]*$/u.exec(before);
  if (colon) return shortenLabel(colon[1]!);
  return undefined;
}

const DATE = /(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})(?!\d)\s*(?:일|\.)?/gu;
const PERIOD = /(?<![\d.제])(\d{1,3})\s*(년|개월|주|일|시간)(?:\s*(이내|이상|이하|간|동안|까지))?/gu;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;
const URL = /(?:https?:\/\/)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:\/[^\s<>()[\]"'，,]*)?/gu;
const PHONE =
  /(?:\(\s*국번\s*없이\s*\)\s*|\(\s*(?:사이버범죄|경찰청\s*대표)\s*\)\s*)?(?<![\d-])(?:0\d{1,2}\s*[-)]\s*\d{3,4}\s*-\s*\d{4}(?:\s*~\s*\d{1,4})?|1\d{3}-\d{4}|(?<=국번\s*없이\s*\)\s*)\d{3,4}(?![\d-]))/gu;
const STATUTE =
  /(같은\s*법|동\s*법|「\s*[^」]{2,30}?\s*」|[가-힣]+(?:\s*보호)?법|법)\s*(시행령|시행규칙)?\s*제\s*(\d+)\s*조(?:\s*의\s*(\d+))?(?:\s*(?:제\s*)?(\d+)\s*항)?(?:\s*(?:제\s*)?(\d+)\s*호)?/gu;
const PERSON = /(?:성\s*명|담\s*당\s*자|책\s*임\s*자)(?:\s*[:|]\s*|\s+)(?:[가-힣]{2,10}(?:국장|실장|과장|관)\s+)?([가-힣]{2,4}|[가-힣](?:\s[가-힣]){1,3})(?=$|[\s(,/)]|\d)/gu;
const TITLED_PERSON = /(?<![가-힣])([가-힣]{2,10}(?:국|실|과))장\s+([가-힣]{2,4})(?=$|[\s(,/]|\d)/gu;
/** A department's name by its ending (정보통신과, 기획조정실, 정보통신담당관 …); the notice's 문의처 reads it too. */
export const DEPARTMENT_NAME = /[가-힣]{2,12}(?:과|국|실|담당관|팀|센터|본부|사업소)/u;
const DEPARTMENT_LABELLED = new RegExp(
  `(?:담당\\s*부서|총괄\\s*부서|부\\s*서\\s*명|처리\\s*부서|담\\s*당\\s*자|관리부서)\\s*[:|]?\\s*(${DEPARTMENT_NAME.source})(?=$|[\\s(,/)])`,
  'gu',
);
const DEPARTMENT_WITH_CONTACT = /(?<![가-힣])([가-힣]{2,12}(?:과|담당관|팀|센터))\s*\(\s*[가-힣]{2,4}\s*\//gu;

/**
 * Where the phone numbers and e-mail addresses of a text are ([start, end) offsets, in order): tokens a
 * layout must never break across lines (a phone number's hyphens are not break points).
 */
export function contactRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of [PHONE, EMAIL]) for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.filter((range, k) => k === 0 || range[0] >= ranges[k - 1]![1]);
}

/** Words that the person pattern picks up but are not names. */
const NOT_NAMES = new Set(['지정', '승인', '없음', '및', '연락처', '전화번호', '이메일', '성명', '부서', '담당', '담당부서', '개인정보', '최소화', '지정하고', '대상', '책임', '의']);

const KNOWN_LAWS: ReadonlyMap<string, string> = new Map([
  ['개인정보보호법', '개인정보 보호법'],
  ['정보통신망법', '정보통신망 이용촉진 및 정보보호 등에 관한 법률'],
  ['공공기관의정보공개에관한법률', '공공기관의 정보공개에 관한 법률'],
]);

function canonicalLaw(name: string): string {
  const bare = name.replace(/[「」\s]/gu, '');
  return KNOWN_LAWS.get(bare) ?? name.replace(/[「」]/gu, '').replace(/\s+/gu, ' ').trim();
}

export function canonicalPhone(raw: string): string {
  const prefix = /국번\s*없이/u.test(raw) ? '(국번없이) ' : '';
  const digits = raw
    .replace(/\([^)]*\)\s*/gu, (m) => (/^\(\s*\d/u.test(m) ? m : ''))
    .replace(/\s+/gu, '')
    .replace(/^(0\d{1,2})\)/u, '$1-');
  return prefix + digits;
}

export function canonicalUrl(raw: string): string {
  return raw.replace(/^https?:\/\//iu, '').replace(/[/.]+$/u, '').toLowerCase();
}

function iso(year: string, month: string, day: string): string | undefined {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Facts of one provision's text (already folded and collapsed). */
export function extractFactsFromText(text: string, provisionLabelText?: string, headingText?: string): Fact[] {
  const facts: Fact[] = [];
  const add = (kind: FactKind, value: string, index: number, own?: string): void => {
    const local = localLabel(text, index);
    const label = own ?? (local !== undefined ? joinLabels(headingText, local) : provisionLabelText);
    const fact: Fact = { kind, value };
    if (label !== undefined && label !== '' && label !== value) fact.label = label;
    facts.push(fact);
  };
  // Masks consumed spans so that a date is not also read as a period, an email not as a URL.
  let masked = text;
  const mask = (index: number, length: number): void => {
    masked = masked.slice(0, index) + '\u0000'.repeat(length) + masked.slice(index + length);
  };
  // A pattern is scanned for only where the text holds what each of its matches needs (see HAS_DIGIT).
  const scan = (pattern: RegExp, needed: RegExp | string): readonly RegExpExecArray[] =>
    (typeof needed === 'string' ? text.includes(needed) : needed.test(text)) ? allMatches(pattern, masked) : NO_MATCHES;

  for (const match of scan(EMAIL, '@')) {
    add('email', match[0].toLowerCase(), match.index);
    mask(match.index, match[0].length);
  }
  for (const match of allMatches(URL, masked)) {
    const value = canonicalUrl(match[0]);
    // "2012.03.26" and "A.B" abbreviations are not domains: a URL has a letter TLD and a dot-separated host.
    if (!/[a-z]/u.test(value.split('/')[0]!.split('.').pop() ?? '')) continue;
    add('url', value, match.index);
    mask(match.index, match[0].length);
  }
  for (const match of scan(DATE, HAS_DIGIT)) {
    const value = iso(match[1]!, match[2]!, match[3]!);
    if (value === undefined) continue;
    add('date', value, match.index);
    mask(match.index, match[0].length);
  }
  for (const match of scan(PHONE, HAS_DIGIT)) {
    add('phone', canonicalPhone(match[0]), match.index);
    mask(match.index, match[0].length);
  }
  let lastLaw = '개인정보 보호법';
  for (const match of scan(STATUTE, CITATION)) {
    const lawText = match[1]!;
    const relative = /^(?:같은\s*법|동\s*법|법)$/u.test(lawText);
    const law = relative ? lastLaw : canonicalLaw(lawText);
    if (!relative) lastLaw = law;
    let value = law;
    if (match[2]) value += ` ${match[2]}`;
    value += ` 제${match[3]}조`;
    if (match[4]) value += `의${match[4]}`;
    if (match[5]) value += ` 제${match[5]}항`;
    if (match[6]) value += ` 제${match[6]}호`;
    add('statute', value, match.index, '');
    mask(match.index, match[0].length);
  }
  for (const match of scan(PERIOD, HAS_DIGIT)) {
    // The amount alone: `6개월 이상 → 1년 이상` reads as `6개월 → 1년`; a changed qualifier shows in the word diff.
    const value = match[1]! + match[2]!;
    add('period', value, match.index, periodLabel(text, match.index, match[0].length, provisionLabelText));
  }
  for (const match of allMatches(PERSON, masked)) {
    const name = match[1]!.replace(/\s+/gu, '');
    if (NOT_NAMES.has(name) || name.length < 2) continue;
    add('person', name, match.index);
  }
  for (const match of scan(TITLED_PERSON, '장')) {
    const name = match[2]!;
    if (NOT_NAMES.has(name)) continue;
    if (!facts.some((f) => f.kind === 'person' && f.value === name)) add('person', name, match.index);
    add('department', match[1]!, match.index);
  }
  for (const matches of [allMatches(DEPARTMENT_LABELLED, masked), scan(DEPARTMENT_WITH_CONTACT, '/')]) {
    for (const match of matches) {
      const department = match[1]!;
      if (!facts.some((f) => f.kind === 'department' && f.value === department)) add('department', department, match.index);
    }
  }
  return facts;
}

/**
 * What every match of a pattern holds, so that a text without it is not scanned for that pattern: an
 * e-mail an @, a date, phone and period a digit, a statute `제 N 조`, a titled person 장, a department with
 * its contact a /. Most provisions hold none of these, and the statute pattern is the costly one (it
 * backtracks over every run of Hangul looking for 법). Tested on the text: masking only hides characters.
 */
const HAS_DIGIT = /\d/;
const CITATION = /제\s*\d+\s*조/u;
const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * The matches of a global pattern in `text`, as matchAll finds them, read with the pattern itself
 * (matchAll copies the pattern for each call: ten copies per provision). Leaves lastIndex at 0.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex++; // an empty match moves on
  }
  return matches;
}

/** `개인정보 보호책임자` + `연락처` → `개인정보 보호책임자 연락처`. */
function joinLabels(heading: string | undefined, local: string): string {
  if (heading === undefined || heading === local || local.startsWith(heading)) return local;
  return `${heading} ${local}`;
}

/** What a period governs: the provision's label, else the words around it ("민원처리 종료 후 3년"). */
function periodLabel(text: string, index: number, length: number, provisionLabelText: string | undefined): string | undefined {
  if (provisionLabelText !== undefined) return provisionLabelText;
  const local = localLabel(text, index);
  if (local !== undefined) return local;
  const before = text.slice(0, index).trim().split(/\s+/u).slice(-2).join(' ');
  const after = text.slice(index + length).trim().split(/\s+/u)[0] ?? '';
  const label = `${before} … ${after}`.replace(/[,.]/gu, '').trim();
  return label === '…' ? undefined : label;
}

/** All facts of an article, in reading order. */
export function extractFacts(article: Pick<Article, 'body'>): Fact[] {
  const facts: Fact[] = [];
  for (const source of factSources(article.body, undefined, [])) for (const fact of sourceFacts(source)) facts.push({ ...fact });
  return facts;
}

/**
 * The facts of one provision: a function of its text and heading alone, so remembered by them. Most
 * provisions are the same in both versions: their facts are extracted, and their labels built, once.
 */
function sourceFacts(source: FactSource): readonly Fact[] {
  const byHeading = factCache.get(source.text, () => new Map());
  let facts = byHeading.get(source.heading);
  if (facts === undefined) {
    const heading = source.heading === undefined ? undefined : shortenLabel(source.heading);
    facts = extractFactsFromText(source.text, provisionLabel(source), heading);
    byHeading.set(source.heading, facts);
  }
  return facts;
}

/** Facts by provision text, then by heading (the text is factText's own string: its lookups are cheap). */
const factCache = new TextMemo<Map<string | undefined, Fact[]>>(20_000);

/**
 * Fact changes between the facts of old and new articles: values present on both sides (as many
 * times) are unchanged; the rest are paired by kind and label, then in order; leftovers are added or removed.
 */
export function compareFacts(oldFacts: readonly Fact[], newFacts: readonly Fact[], article: string): FactChange[] {
  const remainingOld = [...oldFacts];
  const remainingNew: Fact[] = [];
  for (const fact of newFacts) {
    const same = remainingOld.findIndex((o) => o.kind === fact.kind && o.value === fact.value);
    if (same >= 0) remainingOld.splice(same, 1);
    else remainingNew.push(fact);
  }
  const changes: FactChange[] = [];
  if (remainingOld.length === 0 && remainingNew.length === 0) return changes; // the usual edit: no fact changed
  const kinds: FactKind[] = ['person', 'department', 'phone', 'email', 'period', 'statute', 'url', 'date'];
  for (const kind of kinds) {
    const olds = remainingOld.filter((f) => f.kind === kind);
    const news = remainingNew.filter((f) => f.kind === kind);
    // Pair by equal label first, then in order.
    const pairs: [Fact | null, Fact | null][] = [];
    const unpairedNew = [...news];
    const unpairedOld: Fact[] = [];
    for (const o of olds) {
      const k = o.label === undefined ? -1 : unpairedNew.findIndex((n) => n.label === o.label);
      if (k >= 0) pairs.push([o, unpairedNew.splice(k, 1)[0]!]);
      else unpairedOld.push(o);
    }
    while (unpairedOld.length > 0 || unpairedNew.length > 0) pairs.push([unpairedOld.shift() ?? null, unpairedNew.shift() ?? null]);
    for (const [o, n] of pairs) {
      const change: FactChange = { kind, old: o?.value ?? null, new: n?.value ?? null, article };
      const label = n?.label ?? o?.label;
      if (label !== undefined) change.label = label;
      changes.push(change);
    }
  }
  return changes;
}

/** `접속기록 보관: 6개월 → 1년`, `전화: (추가) 031-…`. */
export function formatFactChange(change: FactChange): string {
  const subject = change.label ?? FACT_KIND_NAMES[change.kind];
  const oldValue = change.old ?? '(없음)';
  const newValue = change.new ?? '(삭제)';
  if (change.old === null) return `${subject}: ${newValue} (추가)`;
  if (change.new === null) return `${subject}: ${oldValue} (삭제)`;
  return `${subject}: ${oldValue} → ${newValue}`;
}

export const FACT_KIND_NAMES: Readonly<Record<FactKind, string>> = {
  person: '담당자',
  department: '부서',
  phone: '전화',
  email: '이메일',
  period: '기간',
  statute: '법령',
  url: '주소',
  date: '날짜',
};
