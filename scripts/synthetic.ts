/**
 * A deterministic generator of synthetic policy histories, for benchmarks and for tests that need
 * many realistic versions: a national archive (thousands of cities × tens of versions) grown from
 * the five seed texts by the edits real cities make.
 *
 * Pure: seed texts in, texts out. No clock, no Math.random, no file system. The same options give
 * the same bytes on every machine, and each city depends only on (seed, index), so cities can be
 * generated one at a time (memory stays flat) or in parallel.
 *
 * Edits, each recorded as ground truth (`SyntheticEdit`), so a diff can be checked against them:
 * - substantive: phone numbers, departments, persons, retention periods (6개월 → 1년), statute
 *   references (제35조 → 제36조, 행정안전부 → 개인정보보호위원회), articles added and removed (the
 *   later ones renumbered), and the revision article's effective date and earlier-version list;
 * - editorial: re-bulleting (- → •), look-alike middle dots (· → ㆍ), reflowed lines and spacing.
 * New cities are the seeds renamed (고양시 → 가람시) with slugs city-0001, city-0002, …
 */
import type { IsoDate, RevisionStyle } from '../src/domain/model.js';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------------------------

/** A small, fast, seeded PRNG (sfc32) with the helpers the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** 32-bit hash of a string (cyrb-style), used to turn text seeds into PRNG state. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export function createRng(seed: string | number): Rng {
  const text = String(seed);
  let a = hashString(text, 1);
  let b = hashString(text, 2);
  let c = hashString(text, 3);
  let d = hashString(text, 4);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/** A seed text and what the generator needs to know about it (the table of seeds is test/seeds.ts). */
export interface SeedText {
  slug: string;
  /** Display name. */
  city: string;
  /** The short name the text uses for the city (고양 in 고양시, 고양특례시). */
  short: string;
  /** The effective date of the seed text (supplied on import when the text states none). */
  effective: IsoDate;
  style: RevisionStyle;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

export type EditKind =
  | 'effective' // the revision article's effective date and earlier-version list
  | 'phone'
  | 'department'
  | 'person'
  | 'period'
  | 'statute'
  | 'article-added'
  | 'article-removed'
  | 'rebullet'
  | 'middot'
  | 'reflow';

export const EDITORIAL_KINDS: ReadonlySet<EditKind> = new Set(['rebullet', 'middot', 'reflow']);

export interface SyntheticEdit {
  kind: EditKind;
  /** False for changes that a lawyer ignores (markers, look-alike characters, whitespace, line breaks). */
  substantive: boolean;
  /** The heading of the article the edit is in (after the edit), when it is in one article. */
  article?: string;
  /** The text replaced (or the title of a removed article). */
  before?: string;
  /** The text put in (or the title of an added article). */
  after?: string;
}

export interface SyntheticVersion {
  effective: IsoDate;
  text: string;
  /** What changed from the previous version (for the first: only the renaming of the seed). */
  edits: SyntheticEdit[];
}

export interface SyntheticCity {
  /** 1-based index in the archive. */
  index: number;
  slug: string;
  city: string;
  short: string;
  seed: string;
  style: RevisionStyle;
  versions: SyntheticVersion[];
}

export interface SyntheticOptions {
  /** Base seed of the whole archive. Default "bangchim". */
  seed?: string;
  /** Versions per city. Default 20. */
  versions?: number;
  /** First possible effective date. Default 2011-01-01. */
  start?: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** A date in the text: 2020년 07월 17일, 2024년 9월 30일, 2012.03.26, 2016. 12. 02. */
const TEXT_DATE = /(\d{4})(\s*[년.]\s*)(\d{1,2})(\s*[월.]\s*)(\d{1,2})/g;

/** Writes `date` in the form of `sample` (the match of TEXT_DATE it replaces): same separators, padding as the city writes it. */
function formatDateLike(sample: RegExpExecArray | RegExpMatchArray, date: IsoDate, padded: boolean): string {
  const [y, m, d] = parts(date);
  const pad = (n: number): string => (padded ? String(n).padStart(2, '0') : String(n));
  return `${y}${sample[2]}${pad(m)}${sample[4]}${pad(d)}`;
}

/** Whether the text writes months and days with a leading zero (2020년 07월 17일) or not (2024년 9월 30일). */
function writesPadded(text: string): boolean {
  let padded = 0;
  let plain = 0;
  for (const m of text.matchAll(TEXT_DATE)) {
    if (/^0/.test(m[3]!) || /^0/.test(m[5]!)) padded++;
    else if (m[3]!.length === 1 || m[5]!.length === 1) plain++;
  }
  return padded > plain;
}

function replaceFirstDate(line: string, date: IsoDate, padded: boolean): string {
  TEXT_DATE.lastIndex = 0;
  const match = TEXT_DATE.exec(line);
  TEXT_DATE.lastIndex = 0;
  if (!match) return line;
  return line.slice(0, match.index) + formatDateLike(match, date, padded) + line.slice(match.index + match[0].length);
}

function replaceAllDates(line: string, dates: IsoDate[], padded: boolean): string {
  let i = 0;
  return line.replace(TEXT_DATE, (...args: unknown[]) => {
    const match = args.slice(0, 6) as unknown as RegExpMatchArray;
    const date = dates[Math.min(i++, dates.length - 1)];
    return date === undefined ? String(match[0]) : formatDateLike(match, date, padded);
  });
}

// ---------------------------------------------------------------------------------------------
// Documents as lines and articles
// ---------------------------------------------------------------------------------------------

/** An article heading at the start of a line: 제9조. …, 제1조 (…), 1조. …, 3조 …, 제3조의2 … */
const HEADING = /^(\s*)(제\s*)?(\d{1,3})조(의\d+)?(?=[.\s(]|$)/;
/** Lines that end the policy: page furniture after the last article. */
const FOOTER = /^(최종수정일|콘텐츠 관리부서|현재 페이지의|이 페이지에서 제공하는|담당부서\s*:|자료관리|■ )/;

interface Span {
  number: number;
  /** Line index of the heading. */
  start: number;
  /** Line index after the article's last line. */
  end: number;
  heading: string;
}

/** Finds the articles: headings numbered 1, 2, 3 … in order (cross-references in bodies are not at line start with the next number). */
function articles(lines: string[]): Span[] {
  const found: Span[] = [];
  let expected = 1;
  lines.forEach((line, index) => {
    const match = HEADING.exec(line);
    if (!match || line.length > 80) return;
    const number = Number(match[3]);
    if (match[4] !== undefined) {
      if (found.length > 0 && number === expected - 1) found.push({ number, start: index, end: index, heading: line.trim() });
      return;
    }
    if (number !== expected) return;
    found.push({ number, start: index, end: index, heading: line.trim() });
    expected++;
  });
  for (let i = 0; i < found.length; i++) {
    const span = found[i]!;
    const next = found[i + 1];
    if (next) span.end = next.start;
    else {
      let end = span.start + 1;
      while (end < lines.length && !FOOTER.test(lines[end]!.trim())) end++;
      span.end = end;
    }
  }
  return found;
}

function isRevision(span: Span): boolean {
  return /변경/.test(span.heading) && /방침/.test(span.heading);
}

function bodyLines(lines: string[], span: Span): number[] {
  const out: number[] = [];
  for (let i = span.start + 1; i < span.end; i++) if (lines[i]!.trim() !== '') out.push(i);
  return out;
}

/** Renumbers the heading at `index` to `number` (keeping 의N branches). */
function renumber(line: string, number: number): string {
  return line.replace(/(\d{1,3})(?=조)/, String(number));
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

const PHONE = /(?<!\d)(0\d{1,2})([-)])(\d{3,4})-(\d{4})(?!\d)/g;
const HAS_PHONE = /(?<!\d)0\d{1,2}[-)]\d{3,4}-\d{4}(?!\d)/;
const DEPARTMENTS = ['정보통신과', '디지털정책과', '스마트도시과', '정보화담당관', '행정지원과', '자치행정과', '총무과', '감사담당관', '기획예산과', '민원봉사과', '데이터정책과', '정보보안과'];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const GIVEN = ['민', '서', '지', '현', '우', '준', '영', '수', '희', '진', '호', '경', '태', '은', '성', '혜', '동', '윤', '재', '하'];
/** Short names for new cities: two syllables + 시. */
const SYLLABLES = ['가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하', '강', '남', '동', '서', '북', '송', '청', '한', '금', '은', '태', '해', '달', '별', '솔', '늘', '봄', '빛', '새', '온', '예', '율', '진', '백', '용', '학'];

const NEW_ARTICLES: { title: string; avoid: RegExp; body: string[] }[] = [
  { title: '가명정보의 처리에 관한 사항', avoid: /가명정보/, body: ['{city}는 통계작성, 과학적 연구, 공익적 기록보존 등을 위하여 정보주체의 동의 없이 가명정보를 처리할 수 있습니다.', '가명정보의 처리 목적, 처리 기간, 제3자 제공 및 처리 위탁에 관한 사항은 개인정보 포털에서 안내하고 있습니다.'] },
  { title: '개인정보의 국외 이전에 관한 사항', avoid: /국외\s?이전/, body: ['{city}는 정보주체의 개인정보를 국외로 이전하지 않습니다.', '국외 이전이 필요한 경우에는 「개인정보 보호법」 제28조의8에 따라 미리 정보주체에게 알리고 동의를 받겠습니다.'] },
  { title: '추가적인 이용·제공 판단기준', avoid: /추가적인 이용/, body: ['{city}는 「개인정보 보호법」 제15조제3항 및 제17조제4항에 따라 정보주체의 동의 없이 개인정보를 추가적으로 이용·제공할 수 있습니다.', '이 경우 당초 수집 목적과의 관련성, 예측 가능성, 정보주체의 이익 침해 여부, 가명처리 등 안전성 확보조치를 고려합니다.'] },
  { title: '민감정보의 공개 가능성 및 비공개 선택방법', avoid: /민감정보의 공개/, body: ['{city}는 재화 또는 서비스를 제공하는 과정에서 공개되는 정보에 정보주체의 민감정보가 포함됨으로써 사생활 침해의 위험성이 있는 경우 그 위험성을 알립니다.'] },
  { title: '개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항', avoid: /자동\s?수집/, body: ['{city}는 이용자에게 개별적인 맞춤서비스를 제공하기 위해 이용 정보를 저장하고 수시로 불러오는 쿠키(cookie)를 사용하지 않습니다.'] },
  { title: '정보주체의 권익침해에 대한 구제방법', avoid: /권익\s?침해/, body: ['정보주체는 개인정보침해로 인한 구제를 받기 위하여 개인정보분쟁조정위원회(1833-6972), 개인정보침해신고센터(118) 등에 분쟁해결이나 상담 등을 신청할 수 있습니다.'] },
];

const PERIODS: [RegExp, string][] = [
  [/6개월/, '1년'],
  [/1년/, '2년'],
  [/2년/, '3년'],
  [/3년/, '5년'],
  [/5년/, '10년'],
];

interface State {
  lines: string[];
  short: string;
  style: RevisionStyle;
  /** Effective dates of earlier versions, oldest first. */
  earlier: IsoDate[];
  /** Template of an earlier-version line (with one or two dates), from the seed. */
  listTemplate?: string;
  /** Blank line between list items (고양). */
  listSpaced: boolean;
  /** Dates written with leading zeros (고양, 익산). */
  padded: boolean;
}

type Editor = (state: State, rng: Rng) => SyntheticEdit | null;

function headingOf(lines: string[], index: number): string | undefined {
  const spans = articles(lines);
  return spans.find((s) => index >= s.start && index < s.end)?.heading;
}

/** Replaces every occurrence of `before` by `after` in the document. */
function replaceEverywhere(state: State, before: string, after: string): number {
  let count = 0;
  state.lines = state.lines.map((line) => {
    if (!line.includes(before)) return line;
    count++;
    return line.split(before).join(after);
  });
  return count;
}

const editPhone: Editor = (state, rng) => {
  const found: { line: number; text: string; area: string; sep: string; exchange: string }[] = [];
  state.lines.forEach((line, i) => {
    for (const m of line.matchAll(PHONE)) found.push({ line: i, text: m[0], area: m[1]!, sep: m[2]!, exchange: m[3]! });
  });
  if (found.length === 0) return null;
  const target = rng.pick(found);
  let after: string;
  do {
    const exchange = String(rng.int(target.exchange.length === 4 ? 1000 : 100, target.exchange.length === 4 ? 9999 : 999));
    after = `${target.area}${target.sep}${exchange}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  } while (after === target.text || state.lines.some((l) => l.includes(after)));
  const heading = headingOf(state.lines, target.line);
  replaceEverywhere(state, target.text, after);
  return { kind: 'phone', substantive: true, article: heading, before: target.text, after };
};

const editDepartment: Editor = (state, rng) => {
  const found = new Map<string, number>();
  const pattern = /(?<![가-힣])([가-힣]{2,7}(?:담당관|과))(?![가-힣])/g;
  state.lines.forEach((line, i) => {
    if (!/(0\d{1,2}[-)]\d{3,4}-\d{4}|부\s*서|담당)/.test(line)) return;
    for (const m of line.matchAll(pattern)) if (!found.has(m[1]!) && !/(사이버|수사|범죄|경찰|결과|효과|개인정보|파일|명과$|목과$)/.test(m[1]!)) found.set(m[1]!, i);
  });
  if (found.size === 0) return null;
  const before = rng.pick([...found.keys()].sort());
  const choices = DEPARTMENTS.filter((d) => d !== before && !state.lines.some((l) => l.includes(d)));
  if (choices.length === 0) return null;
  const after = rng.pick(choices);
  const heading = headingOf(state.lines, found.get(before)!);
  replaceEverywhere(state, before, after);
  return { kind: 'department', substantive: true, article: heading, before, after };
};

function newName(rng: Rng, spaced: boolean): string {
  const name = [rng.pick(SURNAMES), rng.pick(GIVEN), rng.pick(GIVEN)];
  return name.join(spaced ? ' ' : '');
}

const editPerson: Editor = (state, rng) => {
  const found: { line: number; name: string }[] = [];
  const labelled = /(성\s*명|담\s*당\s*자)(\s*[:：]\s*|\t)([가-힣](?: ?[가-힣]){1,3})(?![가-힣])/g;
  const beforePhone = /(?<=[\s(:])([가-힣]{3})(?=\s*(?:\(|\/\s*|\s)0\d{1,2}[-)]\d{3,4}-\d{4})/g;
  state.lines.forEach((line, i) => {
    for (const m of line.matchAll(labelled)) found.push({ line: i, name: m[3]! });
    for (const m of line.matchAll(beforePhone)) if (!/[과실팀국청부관소]$/.test(m[1]!)) found.push({ line: i, name: m[1]! });
  });
  const usable = found.filter((f) => f.name.replace(/ /g, '').length >= 2 && f.name.replace(/ /g, '').length <= 4);
  if (usable.length === 0) return null;
  const target = rng.pick(usable);
  let after: string;
  do after = newName(rng, target.name.includes(' '));
  while (after === target.name || state.lines.some((l) => l.includes(after)));
  const heading = headingOf(state.lines, target.line);
  replaceEverywhere(state, target.name, after);
  return { kind: 'person', substantive: true, article: heading, before: target.name, after };
};

const editPeriod: Editor = (state, rng) => {
  const found: { line: number; text: string; after: string }[] = [];
  const pattern = /(?<![\d.])(\d{1,2})(개월|년)(?=\s*(이상|간|이내|동안|까지|\s|$|,|\)))/g;
  state.lines.forEach((line, i) => {
    if (!/(보관|보유|보존|종료 후|경과)/.test(line)) return;
    for (const m of line.matchAll(pattern)) {
      const rule = PERIODS.find(([re]) => re.test(m[0]) && m[0].length === re.source.length);
      if (rule) found.push({ line: i, text: m[0], after: rule[1] });
    }
  });
  if (found.length === 0) return null;
  const target = rng.pick(found);
  const line = state.lines[target.line]!;
  const at = line.search(new RegExp(`(?<![\\d.])${target.text}`));
  state.lines[target.line] = line.slice(0, at) + target.after + line.slice(at + target.text.length);
  return { kind: 'period', substantive: true, article: headingOf(state.lines, target.line), before: target.text, after: target.after };
};

const editStatute: Editor = (state, rng) => {
  const found: { line: number; text: string; after: string }[] = [];
  state.lines.forEach((line, i) => {
    if (HEADING.test(line) && line.length < 80) return;
    for (const m of line.matchAll(/(보호법」?\s*(?:시행령\s*)?)제(\d{1,2})조(?!의)/g)) {
      const n = Number(m[2]);
      found.push({ line: i, text: m[0], after: `${m[1]}제${n + 1}조` });
    }
    if (line.includes('행정안전부')) found.push({ line: i, text: '행정안전부', after: '개인정보보호위원회' });
  });
  if (found.length === 0) return null;
  const target = rng.pick(found);
  const line = state.lines[target.line]!;
  const at = line.indexOf(target.text);
  state.lines[target.line] = line.slice(0, at) + target.after + line.slice(at + target.text.length);
  return { kind: 'statute', substantive: true, article: headingOf(state.lines, target.line), before: target.text, after: target.after };
};

function headingLike(sample: string, number: number, title: string): string {
  const match = /^(\s*)(제\s*)?(\d{1,3})조(의\d+)?(\.\s*|\s*\(|\s+)?/.exec(sample);
  if (!match) return `제${number}조 ${title}`;
  const sep = match[5] ?? ' ';
  const close = sep.includes('(') ? ')' : '';
  return `${match[1]}${match[2] ?? ''}${number}조${sep}${title}${close}`;
}

function clauseLike(lines: string[], span: Span, text: string): string {
  // Use the article's own list marker if its body lines have one.
  for (const i of bodyLines(lines, span)) {
    const m = /^(\s*)([-•○o·▶]\s+|\d+\.\s+)/.exec(lines[i]!);
    if (m) return `${m[1]}${/\d/.test(m[2]!) ? '' : m[2]}${text}`;
  }
  return text;
}

const editAddArticle: Editor = (state, rng) => {
  const spans = articles(state.lines);
  if (spans.length < 3 || spans.length > 30) return null;
  const text = state.lines.join('\n');
  const candidates = NEW_ARTICLES.filter((a) => !a.avoid.test(text));
  if (candidates.length === 0) return null;
  const article = rng.pick(candidates);
  const revisionIndex = spans.findIndex(isRevision);
  // Insert before the revision article (where new provisions usually go), or somewhere in the middle.
  const position = rng.chance(0.6) && revisionIndex > 0 ? revisionIndex : rng.int(1, spans.length - 1);
  const at = spans[position]!;
  const number = at.number;
  const heading = headingLike(at.heading, number, article.title);
  const city = `${state.short}시`;
  const body = article.body.map((line) => clauseLike(state.lines, at, line.replaceAll('{city}', city)));
  const block = [heading, '', ...body.flatMap((line) => [line, ''])];
  for (const span of spans.slice(position)) state.lines[span.start] = renumber(state.lines[span.start]!, span.number + 1);
  state.lines.splice(at.start, 0, ...block);
  return { kind: 'article-added', substantive: true, article: heading.trim(), after: article.title };
};

const editRemoveArticle: Editor = (state, rng) => {
  const spans = articles(state.lines);
  if (spans.length < 9) return null;
  const removable = spans.filter((s, i) => i > 0 && !isRevision(s) && !/책임자|변경/.test(s.heading) && !HAS_PHONE.test(state.lines.slice(s.start, s.end).join('\n')));
  if (removable.length === 0) return null;
  const target = rng.pick(removable);
  for (const span of spans.filter((s) => s.number > target.number)) state.lines[span.start] = renumber(state.lines[span.start]!, span.number - 1);
  state.lines.splice(target.start, target.end - target.start);
  return { kind: 'article-removed', substantive: true, before: target.heading };
};

const BULLETS = ['-', '•', '○', '·'];

const editRebullet: Editor = (state, rng) => {
  const spans = articles(state.lines).filter((s) => !isRevision(s));
  const withBullets = spans.filter((s) => bodyLines(state.lines, s).some((i) => /^\s*[-•○·]\s/.test(state.lines[i]!)));
  if (withBullets.length === 0) return null;
  const span = rng.pick(withBullets);
  const from = bodyLines(state.lines, span)
    .map((i) => /^\s*([-•○·])\s/.exec(state.lines[i]!)?.[1])
    .find((b) => b !== undefined)!;
  const to = rng.pick(BULLETS.filter((b) => b !== from));
  for (const i of bodyLines(state.lines, span)) {
    const line = state.lines[i]!;
    const m = /^(\s*)([-•○·])(\s)/.exec(line);
    if (m && m[2] === from) state.lines[i] = `${m[1]}${to}${line.slice(m[0].length - 1)}`;
  }
  return { kind: 'rebullet', substantive: false, article: span.heading, before: from, after: to };
};

const DOTS = ['·', 'ㆍ', '‧', '․'];

const editMiddot: Editor = (state, rng) => {
  const spans = articles(state.lines).filter((s) => !isRevision(s));
  const withDots = spans.filter((s) => bodyLines(state.lines, s).some((i) => /[가-힣]\s?[·ㆍ‧․]\s?[가-힣]/.test(state.lines[i]!)));
  if (withDots.length === 0) return null;
  const span = rng.pick(withDots);
  const to = rng.pick(DOTS);
  let changed = false;
  for (const i of bodyLines(state.lines, span)) {
    const line = state.lines[i]!;
    const next = line.replace(/([가-힣])\s?[·ㆍ‧․]\s?(?=[가-힣])/g, `$1${to}`);
    if (next !== line) {
      state.lines[i] = next;
      changed = true;
    }
  }
  return changed ? { kind: 'middot', substantive: false, article: span.heading, after: to } : null;
};

const editReflow: Editor = (state, rng) => {
  const spans = articles(state.lines).filter((s) => !isRevision(s));
  const long = spans.flatMap((s) => bodyLines(state.lines, s).filter((i) => state.lines[i]!.length > 70 && !state.lines[i]!.includes('\t') && !HEADING.test(state.lines[i]!)));
  if (long.length === 0) return null;
  const index = rng.pick(long);
  const line = state.lines[index]!;
  const heading = headingOf(state.lines, index);
  if (rng.chance(0.5)) {
    // A double space and trailing blanks: the kind of noise a page's HTML leaves.
    const spaces = [...line.matchAll(/ (?=[가-힣])/g)].map((m) => m.index!);
    if (spaces.length === 0) return null;
    const at = rng.pick(spaces);
    state.lines[index] = `${line.slice(0, at)}  ${line.slice(at + 1)} `;
  } else {
    // Re-wrap: break the paragraph at a space near the middle, indented like the line.
    const indent = /^\s*/.exec(line)![0];
    const spaces = [...line.matchAll(/ /g)].map((m) => m.index!).filter((i) => i > line.length * 0.35 && i < line.length * 0.75);
    if (spaces.length === 0) return null;
    const at = rng.pick(spaces);
    const marker = /^\s*(\S+\s)/.exec(line)?.[1] ?? '';
    const pad = /^([-•○·▶※]|\d+\.|[가-힣]\.|[①-⑳])\s$/.test(marker) ? ' '.repeat(marker.length) : '';
    state.lines.splice(index, 1, line.slice(0, at), `${indent}${pad}${line.slice(at + 1)}`);
  }
  return { kind: 'reflow', substantive: false, article: heading };
};

const EDITORS: [Editor, number][] = [
  [editPhone, 30],
  [editPerson, 20],
  [editDepartment, 15],
  [editPeriod, 10],
  [editStatute, 12],
  [editAddArticle, 7],
  [editRemoveArticle, 4],
  [editRebullet, 12],
  [editMiddot, 10],
  [editReflow, 14],
];
const TOTAL_WEIGHT = EDITORS.reduce((sum, [, w]) => sum + w, 0);

function pickEditor(rng: Rng): Editor {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const [editor, weight] of EDITORS) {
    roll -= weight;
    if (roll < 0) return editor;
  }
  return EDITORS[0]![0];
}

// ---------------------------------------------------------------------------------------------
// The revision article
// ---------------------------------------------------------------------------------------------

/** An earlier-version line: a range (2016. 12. 02. ~ 2020. 07. 16. 적용) or a cut-off (2024년 9월 30일 이전 …). */
function isListLine(line: string): boolean {
  TEXT_DATE.lastIndex = 0;
  const dates = line.match(TEXT_DATE) ?? [];
  return dates.length > 0 && (/~/.test(line) || /이전/.test(line)) && !/부터/.test(line);
}

/** Sets the revision article to state `effective` and to list `state.earlier`. */
function writeRevision(state: State, effective: IsoDate): SyntheticEdit | null {
  const spans = articles(state.lines);
  const span = spans.find(isRevision);
  if (!span) return null;
  const lines = state.lines;
  let changed = false;
  // The effective statement: "…2020년 07월 17일부터 적용", "변경일자 : 2015년 8월 26일".
  for (let i = span.start + 1; i < span.end; i++) {
    const line = lines[i]!;
    TEXT_DATE.lastIndex = 0;
    if (TEXT_DATE.test(line) && (/부터/.test(line) || /^\s*변경일자/.test(line))) {
      lines[i] = replaceFirstDate(line, effective, state.padded);
      changed = true;
    }
  }
  // The earlier-version list, regenerated from the state.
  const listIndexes: number[] = [];
  for (let i = span.start + 1; i < span.end; i++) if (isListLine(lines[i]!)) listIndexes.push(i);
  let anchor = listIndexes[0];
  if (anchor === undefined) {
    // After the line that announces the list, else after the effective statement.
    for (let i = span.start + 1; i < span.end; i++) if (/이전/.test(lines[i]!) && /(아래|확인|보기)/.test(lines[i]!)) anchor = i + 1;
  }
  if (state.listTemplate && anchor !== undefined) {
    const template = state.listTemplate;
    const ranges = /~/.test(template);
    const items: string[] = [];
    if (ranges) {
      for (let k = 0; k < state.earlier.length; k++) {
        const from = state.earlier[k]!;
        const until = addDays(state.earlier[k + 1] ?? effective, -1);
        items.push(replaceAllDates(template, [from, until], state.padded));
      }
    } else {
      // Cut-offs, newest first: "the version in force before D" for each later version's date D.
      const cutoffs = [...state.earlier.slice(1), effective].slice(-state.earlier.length).reverse();
      for (const cutoff of state.earlier.length > 0 ? cutoffs : []) items.push(replaceFirstDate(template, cutoff, state.padded));
    }
    const block = state.listSpaced ? items.flatMap((item, k) => (k === 0 ? [item] : ['', item])) : items;
    // Remove the old list (with the blank lines inside it), insert the new one.
    const first = listIndexes[0] ?? anchor;
    const last = listIndexes.length > 0 ? listIndexes[listIndexes.length - 1]! + 1 : anchor;
    const leading = listIndexes.length === 0 && block.length > 0 ? [''] : [];
    lines.splice(first, last - first, ...leading, ...block);
    changed = true;
  }
  return changed ? { kind: 'effective', substantive: true, article: span.heading, after: effective } : null;
}

// ---------------------------------------------------------------------------------------------
// Cities
// ---------------------------------------------------------------------------------------------

export function syntheticSlug(index: number): string {
  return `city-${String(index).padStart(4, '0')}`;
}

/** The short name of synthetic city `index` (1-based): distinct for the first 64,000 cities. */
export function syntheticShortName(index: number): string {
  const n = SYLLABLES.length;
  let i = index - 1;
  const first = SYLLABLES[i % n]!;
  i = Math.floor(i / n);
  const second = SYLLABLES[i % n]!;
  i = Math.floor(i / n);
  return i === 0 ? `${first}${second}` : `${first}${second}${SYLLABLES[(i - 1) % n]!}`;
}

function prepareSeed(seed: SeedText, index: number): State {
  const short = syntheticShortName(index);
  let text = seed.text.split(seed.short).join(short).split(seed.slug).join(syntheticSlug(index).replace('-', ''));
  text = text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const state: State = { lines, short, style: seed.style, earlier: [], listSpaced: false, padded: false };
  const span = articles(lines).find(isRevision);
  if (span) {
    state.padded = writesPadded(lines.slice(span.start, span.end).join('\n'));
    const list: number[] = [];
    for (let i = span.start + 1; i < span.end; i++) if (isListLine(lines[i]!)) list.push(i);
    if (list.length > 0) {
      state.listTemplate = lines[list[list.length - 1]!]!.replace(/^\s*-\s+(?=\[)/, '');
      state.listSpaced = list.length > 1 && list[1]! - list[0]! > 1;
      // The seed's own earlier versions are later than the synthetic dates: drop them.
      lines.splice(list[0]!, list[list.length - 1]! - list[0]! + 1);
    }
  }
  return state;
}

/** The title of an article heading, without its number: "제9조. 개인정보 보호책임자" → "개인정보 보호책임자". */
function titleOf(heading: string): string {
  return heading.replace(/^\s*(제\s*)?\d{1,3}조(의\d+)?\s*[.(]?\s*/, '').replace(/\)\s*$/, '').trim();
}

/** Edits name articles by heading; later edits of the same version may have renumbered them. */
function refreshHeadings(state: State, edits: SyntheticEdit[]): void {
  const current = articles(state.lines);
  for (const edit of edits) {
    if (edit.article === undefined) continue;
    const title = titleOf(edit.article);
    const now = current.find((span) => titleOf(span.heading) === title);
    if (now) edit.article = now.heading;
  }
}

/** Adds `edit` to a version's edits, folding a change of the same thing twice (A → B → C) into one (A → C). */
function record(edits: SyntheticEdit[], edit: SyntheticEdit): void {
  if (edit.kind === 'article-removed' && edit.before !== undefined) {
    // Edits made earlier in this version to the removed article are moot; removing an article added in this version undoes it.
    const title = titleOf(edit.before);
    const added = edits.some((e) => e.kind === 'article-added' && e.after === title);
    for (let k = edits.length - 1; k >= 0; k--) if (edits[k]!.article !== undefined && titleOf(edits[k]!.article!) === title) edits.splice(k, 1);
    if (!added) edits.push(edit);
    return;
  }
  const earlier = edits.find((e) => e.kind === edit.kind && e.after !== undefined && e.after === edit.before && (e.kind !== 'rebullet' || e.article === edit.article));
  if (!earlier) {
    edits.push(edit);
    return;
  }
  earlier.after = edit.after;
  if (edit.article !== undefined) earlier.article = edit.article;
  if (earlier.before === earlier.after) edits.splice(edits.indexOf(earlier), 1);
}

/** Generates synthetic city `index` (1-based) from the seeds: its versions, oldest first. */
export function syntheticCity(seeds: readonly SeedText[], index: number, options: SyntheticOptions = {}): SyntheticCity {
  if (seeds.length === 0) throw new Error('syntheticCity needs at least one seed text');
  if (!Number.isInteger(index) || index < 1) throw new Error(`city index must be a whole number from 1, not ${index}`);
  const base = options.seed ?? 'bangchim';
  const count = options.versions ?? 20;
  const rng = createRng(`${base}/${index}`);
  const seed = seeds[(index - 1) % seeds.length]!;
  const state = prepareSeed(seed, index);
  const slug = syntheticSlug(index);
  let date = addDays(options.start ?? '2011-01-01', rng.int(0, 900));
  const versions: SyntheticVersion[] = [];
  for (let v = 0; v < count; v++) {
    const edits: SyntheticEdit[] = [];
    if (v > 0) {
      state.earlier.push(versions[v - 1]!.effective);
      date = addDays(date, rng.int(60, 330));
      const wanted = rng.int(1, 4);
      const previous = versions[v - 1]!.text;
      for (let attempt = 0; (edits.length < wanted || state.lines.join('\n') === previous) && attempt < 40; attempt++) {
        const edit = pickEditor(rng)(state, rng);
        if (edit) record(edits, edit);
      }
    }
    refreshHeadings(state, edits);
    const revision = writeRevision(state, date);
    if (revision && v > 0) edits.push(revision);
    versions.push({ effective: date, text: state.lines.join('\n'), edits });
  }
  return { index, slug, city: seed.city.split(seed.short).join(state.short), short: state.short, seed: seed.slug, style: seed.style, versions };
}

/** Generates cities 1‥`cities` one at a time (memory holds one city). */
export function* syntheticArchive(seeds: readonly SeedText[], options: SyntheticOptions & { cities: number; first?: number }): Generator<SyntheticCity> {
  const first = options.first ?? 1;
  for (let index = first; index < first + options.cities; index++) yield syntheticCity(seeds, index, options);
}
