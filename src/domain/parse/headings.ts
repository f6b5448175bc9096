/**
 * Headings of top-level provisions in every numbering scheme real pages use (제N조 …, N조 …, N. …, N) …,
 * (N) …, Ⅰ. …, 가. …, [N] …, ■ …, or a short unnumbered line naming a topic), told apart from article
 * references inside sentences (제1조(…)에서 명시한, 제3조에 따라), and the choice of one scheme and one
 * heading sequence for the whole document: the same markers also number clauses inside articles, so no
 * single line decides. Each scheme's candidates are weighed as a sequence (numbers in order, titles that
 * name topics, lines that look like headings) and the scheme whose sequence best explains the page wins.
 */
import type { NumberingScheme } from '../model.js';
import { HANGUL_ORDINALS, ROMAN_NUMERALS, romanValue } from '../presentation/labels.js';
import { detectMarker, isSentenceLike, type Line } from './lines.js';
import { normaliseTitle, topicOf } from './topics.js';
import type { MessageKey } from '../presentation/messages/index.js';
import { TextMemo } from '../text-memo.js';

/** Text on a heading line that is page furniture, not policy text: an icon caption, a back-to-top link, a 라벨링 label. */
export interface Furniture {
  text: string;
  /** Why it is dropped, as a catalogue key: translated where it is shown, so a remembered reading holds no language. */
  reason: MessageKey;
}

export interface Heading {
  scheme: NumberingScheme;
  /** The printed number; the rank for 가./Ⅲ.; 0 for ■ and unnumbered headings until their position is known. */
  number: number;
  branch?: number;
  /** The marker as printed ("3.", "Ⅲ.", "[3]", "■") for schemes other than 제N조/N조 and unnumbered. */
  label?: string;
  title: string;
  /** Body text written on the heading line itself: 제1조(목적) 이 방침은 … */
  inline?: string;
  /** True when the heading sat inside a bullet (• 제3조 …): a weaker candidate. */
  bulleted: boolean;
  furniture?: Furniture[];
}

// Optional bullet, optional 제, number, 조, optional 의M (branch).
const HEAD = /^(?:(?:[-*o]\s+|[•·○▶■□◆◦●]\s*))?(제\s*)?(\d{1,5})\s*조(?:\s*의\s*(\d{1,2}))?/u;
const BULLET = /^(?:[-*o]\s+|[•·○▶◦●▪]\s*|[■□◆▣◎]\s*(?=\S*\d|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|[가-하]\.|[([【]))/u;
/** Symbols that stand for a heading's number on pages that print none (■ 개인정보의 파기). */
const HEADING_SYMBOL = /^([■□◆▣◎])\s*/u;
const OPEN_TO_CLOSE: Record<string, string> = {
  '(': ')', '[': ']', '【': '】', '〔': '〕', '〈': '〉', '<': '>', '（': '）', '［': '］', '「': '」', '『': '』',
};
// A reference continues with a particle or a sub-provision: 제3조에 따라, 제35조 제4항, 제1조(…)에서.
const PARTICLE_AFTER_SPACE = /^(에서|에|의|및|을|를|과|와|에게|부터|까지)(\s|$)/u;
const SUB_PROVISION = /^제?\s*\d+\s*(항|호|조|목)/u;
const TITLE_START = /^[가-힣A-Za-z0-9「『“"'<〈(\[【〔（［]/u;
const MAX_TITLE = 80;
/** Titles of list-marker headings are short noun phrases; a longer line after "1." is a clause. */
const MAX_LIST_TITLE = 60;
/** An unnumbered heading is a short line; anything longer is a paragraph. */
const MAX_UNNUMBERED_TITLE = 40;
/** The schema's limit (a real policy has tens of articles). */
export const MAX_ARTICLE_NUMBER = 9999;

/** "개인정보의 처리 목적 아이콘 1조. …": the caption of the 라벨링 icon drawn before the heading. */
const ICON_CAPTION = /^(\S.{0,39}?\s*(?:아이콘|icon))\s+(?=\S)/iu;
/** A back-to-top link glued after the heading: 제1조(…)위로, 3. 개인정보의 파기 TOP. */
const BACK_TO_TOP = /(?:맨\s*위로|위로\s*가기|위로|TOP|Top|top|▲)$/u;


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

/** A title after a list marker (1. 가. Ⅰ. ■): a short noun phrase, not a clause ("민원인 : …", "…한다."). */
function acceptableListTitle(title: string): boolean {
  return (
    title.length > 0 &&
    title.length <= MAX_LIST_TITLE &&
    TITLE_START.test(title) &&
    !SUB_PROVISION.test(title) &&
    !isSentenceLike(title) &&
    !/[:：]|[,.;]$/u.test(title)
  );
}

/** True when a title names one of the canonical topics (real article titles mostly do). */
export function isTopical(title: string): boolean {
  return topicOf(title) !== 'other';
}

/** Words after a bracketed title that only repeat it (제2조(개인정보의 처리 및 보유기간) 개인정보 보유기간). */
function isLabelAfter(after: string, title: string): boolean {
  if (after.length > 20 || detectMarker(after) || isSentenceLike(after) || /[:：,.]/u.test(after)) return false;
  if (PARTICLE_AFTER_SPACE.test(after)) return false;
  const topic = topicOf(after);
  return (topic !== 'other' && topic === topicOf(title)) || normaliseTitle(title).includes(normaliseTitle(after));
}

/** A title without a back-to-top link glued to its end. */
function withoutBackToTop(title: string, furniture: Furniture[]): string {
  const m = BACK_TO_TOP.exec(title);
  if (!m || m.index === 0) return title;
  furniture.push({ text: m[0], reason: 'parse.drop.backToTop' });
  return title.slice(0, m.index).trimEnd();
}

function withFurniture(heading: Heading, furniture: Furniture[]): Heading {
  return furniture.length === 0 ? heading : { ...heading, furniture };
}

/** 제N조 / N조 headings (the text after an icon caption). */
function parseArticleHeading(content: string, furniture: Furniture[]): Heading | null {
  const m = HEAD.exec(content);
  if (!m) return null;
  const number = Number(m[2]);
  if (number < 1 || number > MAX_ARTICLE_NUMBER) return null;
  const bulleted = m[0].length > 0 && !/^(제|\d)/u.test(m[0]);
  const branch = m[3] === undefined ? undefined : Number(m[3]);
  let rest = content.slice(m[0].length);
  const scheme: NumberingScheme = m[1] === undefined ? 'article-bare' : 'article';
  const base = { scheme, number, ...(branch === undefined ? {} : { branch }), bulleted };
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
    const after = rest.slice(close + 1).trim();
    if (!acceptableTitle(title) || title.length === 0) return null;
    if (after === '') return withFurniture({ ...base, title }, furniture);
    if (BACK_TO_TOP.test(after) && BACK_TO_TOP.exec(after)!.index === 0) {
      return withFurniture({ ...base, title }, [...furniture, { text: after, reason: 'parse.drop.backToTop' }]);
    }
    // 제1조(목적) 이 방침은 … : the body starts on the heading line. 제1조(…)에서 … : a reference.
    if (!/^(\s|[.:]\s)/u.test(rest.slice(close + 1))) return null;
    const inline = after.replace(/^[.:]\s*/u, '').trim();
    if (PARTICLE_AFTER_SPACE.test(inline)) return null;
    if (isLabelAfter(inline, title)) return withFurniture({ ...base, title }, [...furniture, { text: inline, reason: 'parse.drop.label' }]);
    return withFurniture({ ...base, title, inline }, furniture);
  }
  const own: Furniture[] = [...furniture];
  const title = withoutBackToTop(rest.trim(), own);
  if (!acceptableTitle(title)) return null;
  return withFurniture({ ...base, title }, own);
}

function iconCaption(content: string): { rest: string; furniture: Furniture[] } {
  // The quick test of every line: no Unicode case folding needed for 아이콘 and ASCII letters (/icon/i ≡ /icon/iu).
  const m = content.includes('아이콘') || /icon/i.test(content) ? ICON_CAPTION.exec(content) : null;
  if (!m) return { rest: content, furniture: [] };
  return { rest: content.slice(m[0].length), furniture: [{ text: m[1]!, reason: 'parse.drop.icon' }] };
}

/** The 제N조 heading written on this line, or null when the line is not one (a reference, a sentence). */
export function parseHeading(content: string): Heading | null {
  const plain = parseArticleHeading(content, []);
  if (plain) return plain;
  const { rest, furniture } = iconCaption(content);
  return furniture.length > 0 ? parseArticleHeading(rest, furniture) : null;
}

/** Unicode has numerals up to Ⅻ; pages write 13 and on as tens and a unit: ⅩⅢ, ⅩⅣ, ⅩⅩⅠ. */
const UNICODE_ROMAN = new RegExp(`^(Ⅹ*[${ROMAN_NUMERALS}])\\.?\\s*`, 'u');

/** List-marker schemes: the marker's pattern and the number it stands for. */
const LIST_SCHEMES: ReadonlyArray<{ family: string; scheme: NumberingScheme; pattern: RegExp; number: (m: RegExpExecArray) => number }> = [
  { family: 'decimal', scheme: 'decimal', pattern: /^(\d{1,2})\.(?![\d.])\s*/u, number: (m) => Number(m[1]) },
  { family: 'paren', scheme: 'paren', pattern: /^(\d{1,2})\)\s*/u, number: (m) => Number(m[1]) },
  { family: 'round', scheme: 'round', pattern: /^[(（](\d{1,2})[)）]\s*/u, number: (m) => Number(m[1]) },
  { family: 'roman', scheme: 'roman', pattern: UNICODE_ROMAN, number: (m) => romanValue(m[1]!) ?? 0 },
  { family: 'roman-ascii', scheme: 'roman', pattern: /^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s*/u, number: (m) => romanValue(m[1]!) ?? 0 },
  { family: 'hangul', scheme: 'hangul', pattern: new RegExp(`^([${HANGUL_ORDINALS.join('')}])\\.\\s*`, 'u'), number: (m) => HANGUL_ORDINALS.indexOf(m[1]!) + 1 },
  { family: 'bracket', scheme: 'bracket', pattern: /^\[(\d{1,2})\]\s*/u, number: (m) => Number(m[1]) },
  { family: 'bracket-lenticular', scheme: 'bracket', pattern: /^【(\d{1,2})】\s*/u, number: (m) => Number(m[1]) },
];

/**
 * Whether any list scheme's marker starts the text: one test before the schemes one by one (most lines
 * of a page, its provisions, start with none of them).
 */
const ANY_LIST_MARKER = new RegExp(LIST_SCHEMES.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'u');

const PART_WORDS = /개인정보.*(사항|안내|현황|절차|방법|기준|범위|운영)$/u;

/** A title that names a topic, or says what part of the policy follows (…에 관한 사항, 개인정보파일 현황). */
function namesAPart(title: string): boolean {
  return isTopical(title) || PART_WORDS.test(title);
}

/** A title's last word, when the title names a topic: 목적, 보유기간, 파기, 책임자, 변경 … */
const TITLE_END = /(목적|기간|항목|제공|위탁|파기|방법|조치|책임자|부서|현황|변경|사항|운영|거부|처리|평가)$/u;
/** Words that continue a phrase rather than start a sentence: "개인정보의 처리 목적 외 이용 …". */
const CONTINUATION = /^(외|및|등|또는|중|시|후|전|내|이외|관련|에|의)(\s|$)/u;
const MAX_SPLIT_TITLE = 30;

/**
 * "1. 개인정보의 처리 목적 공단은 다음의 목적을 위하여 …": a heading whose body follows on the same line
 * (pages that put both in one paragraph). The title is the first words that name a topic and end like a
 * title; the rest must be a sentence of its own.
 */
function titleWithBody(text: string): { title: string; inline: string } | null {
  for (let at = text.indexOf(' '); at > 0 && at <= MAX_SPLIT_TITLE; at = text.indexOf(' ', at + 1)) {
    const title = text.slice(0, at);
    if (!TITLE_END.test(title) || !namesAPart(title) || !acceptableListTitle(title)) continue;
    const inline = text.slice(at + 1).trim(); // cut only for a title that qualifies: most lines have none
    if (inline.length < 10 || !isSentenceLike(inline) || CONTINUATION.test(inline) || detectMarker(inline)) continue;
    return { title, inline };
  }
  return null;
}

/** A heading read in one scheme, with the family of markers it belongs to (Ⅰ. and I. are one scheme, two families). */
export interface Reading {
  family: string;
  heading: Heading;
}

function listReadings(content: string, furniture: Furniture[]): Reading[] {
  const bullet = BULLET.exec(content);
  const core = bullet ? content.slice(bullet[0].length) : content;
  const found: Reading[] = [];
  const schemes = ANY_LIST_MARKER.test(core) ? LIST_SCHEMES : [];
  for (const { family, scheme, pattern, number } of schemes) {
    const m = pattern.exec(core);
    if (!m || m[0].length === 0 || (m[1] ?? '') === '') continue;
    const n = number(m);
    if (n < 1) continue;
    const own: Furniture[] = [...furniture];
    const text = withoutBackToTop(core.slice(m[0].length).trim(), own);
    const label = m[0].trim();
    const base = { scheme, number: n, label, bulleted: bullet !== null };
    if (acceptableListTitle(text)) {
      found.push({ family, heading: withFurniture({ ...base, title: text }, own) });
      continue;
    }
    const split = titleWithBody(text);
    if (split) found.push({ family, heading: withFurniture({ ...base, ...split }, own) });
  }
  // ■ 개인정보의 파기 / □ …: the symbol is the whole marker (a ■ before "1." is a bullet, read above).
  const symbol = HEADING_SYMBOL.exec(content);
  if (symbol && found.length === 0) {
    const own: Furniture[] = [...furniture];
    const title = withoutBackToTop(content.slice(symbol[0].length).trim(), own);
    if (acceptableListTitle(title) && parseArticleHeading(title, []) === null) {
      found.push({ family: `symbol-${symbol[1]}`, heading: withFurniture({ scheme: 'symbol', number: 0, label: symbol[1]!, title, bulleted: false }, own) });
    }
  }
  return found;
}

/** An unnumbered heading: a short line with no list marker (the line's marker is its content's) that names a topic. */
function unnumberedReading(content: string): Reading | null {
  if (content.length > MAX_UNNUMBERED_TITLE || detectMarker(content) !== null) return null;
  const title = content;
  if (!TITLE_START.test(title) || /^[(\[【〔（［<〈]/u.test(title) || isSentenceLike(title) || /[:：;]|[,.]$/u.test(title)) return null;
  if (/\d{3,}|@|www\.|https?:/u.test(title)) return null;
  if (!namesAPart(title)) return null;
  return { family: 'none', heading: { scheme: 'none', number: 0, title, bulleted: false } };
}

const NO_READINGS: readonly Reading[] = Object.freeze([]);

/**
 * The readings of a line's content (a line that is neither blank nor a table row): its marker, the only
 * other thing a reading looks at, is the content's own.
 */
function contentReadings(content: string): readonly Reading[] {
  const article = parseHeading(content);
  if (article) return [{ family: 'article', heading: article }];
  if (/^제?\s*\d+\s*조/u.test(content)) return NO_READINGS;
  const list = listReadings(content, []);
  if (list.length > 0) return list;
  const { rest, furniture } = iconCaption(content);
  if (furniture.length > 0) {
    const captioned = listReadings(rest, furniture);
    if (captioned.length > 0) return captioned;
  }
  const unnumbered = unnumberedReading(content);
  return unnumbered ? [unnumbered] : NO_READINGS;
}

/**
 * Readings remembered by content: the two versions of a page share most lines word for word, and a
 * page repeats many (the same list item under each article). Readings are never changed once made.
 */
const readingsOfContent = new TextMemo<readonly Reading[]>(20_000);

/** Every reading of a line as a heading: 제N조, the list-marker schemes, or unnumbered. */
export function headingReadings(line: Line): readonly Reading[] {
  if (line.blank || line.row) return NO_READINGS;
  return readingsOfContent.get(line.content, contentReadings);
}

/** The number of a heading-looking line whose number is beyond MAX_ARTICLE_NUMBER; null otherwise. */
export function oversizedArticleNumber(content: string): number | null {
  const m = HEAD.exec(content);
  return m && Number(m[2]) > MAX_ARTICLE_NUMBER ? Number(m[2]) : null;
}

export interface Candidate {
  /** Index into the line array. */
  index: number;
  family: string;
  heading: Heading;
}

/** Heading candidates of every family, each family in line order. */
export function candidatesByFamily(lines: readonly Line[]): Map<string, Candidate[]> {
  const families = new Map<string, Candidate[]>();
  lines.forEach((line, index) => {
    for (const { family, heading } of headingReadings(line)) {
      let list = families.get(family);
      if (!list) families.set(family, (list = []));
      list.push({ index, family, heading });
    }
  });
  return families;
}

function key(c: Candidate): number {
  return c.heading.number * 1000 + (c.heading.branch ?? 0);
}

/** What a 목차 entry is matched by further down: its normalised title, and its topic (asked of each candidate twice). */
const matchKeysOf = new WeakMap<Candidate, string[]>();
function matchKeys(c: Candidate): string[] {
  let keys = matchKeysOf.get(c);
  if (keys === undefined) {
    keys = [`title:${normaliseTitle(c.heading.title)}`];
    const topic = topicOf(c.heading.title);
    if (topic !== 'other') keys.push(`topic:${topic}`);
    matchKeysOf.set(c, keys);
  }
  return keys;
}

const MIN_TOC_RUN = 3;

/** How many non-blank lines come before each line (and, at the end, in all): a gap is blank when the counts agree. */
function nonBlankCounts(lines: readonly Line[]): Uint32Array {
  const counts = new Uint32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) counts[i + 1] = counts[i]! + (lines[i]!.blank ? 0 : 1);
  return counts;
}

/** Whether only blank lines stand between lines `from` and `to` (each family's candidates ask it of every gap). */
function onlyBlankBetween(nonBlankBefore: Uint32Array, from: number, to: number): boolean {
  return to <= from + 1 || nonBlankBefore[to] === nonBlankBefore[from + 1];
}

/** Families whose headings print a number (all but ■ and unnumbered). */
function numberedFamily(family: string): boolean {
  return family !== 'none' && !family.startsWith('symbol');
}

/**
 * A family's candidates in runs of at least MIN_TOC_RUN: one after another with nothing but blank lines
 * between them. The body's first heading may follow the 목차 with only a blank line between: its number
 * starts over, or, where headings print no number, its title is one the run already gave (also when an
 * entry the 목차 run could not read broke it in two).
 */
function candidateRuns(family: string, candidates: readonly Candidate[], nonBlankBefore: Uint32Array): Candidate[][] {
  const numbered = numberedFamily(family);
  const runs: Candidate[][] = [];
  let start = 0;
  // Titles given so far: unnumbered headings name each topic once, so a title given again is the body's.
  const givenTitles = new Set<string>();
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    // Only headings that print no number are told apart by their titles.
    const title = numbered ? '' : normaliseTitle(candidate.heading.title);
    const previous = candidates[i - 1];
    const continues =
      previous !== undefined &&
      previous.heading.inline === undefined &&
      (numbered ? key(candidate) > key(previous) : !givenTitles.has(title)) &&
      onlyBlankBetween(nonBlankBefore, previous.index, candidate.index);
    if (!continues) {
      if (i - start >= MIN_TOC_RUN) runs.push(candidates.slice(start, i));
      start = i;
    }
    if (!numbered) givenTitles.add(title);
  }
  if (candidates.length - start >= MIN_TOC_RUN) runs.push(candidates.slice(start));
  return runs;
}

/** Where each title or topic (any family) appears last, by match key. */
function lastMatches(families: ReadonlyMap<string, readonly Candidate[]>): Map<string, number> {
  const lastByMatch = new Map<string, number>();
  for (const candidates of families.values()) {
    for (const c of candidates) for (const k of matchKeys(c)) lastByMatch.set(k, Math.max(lastByMatch.get(k) ?? -1, c.index));
  }
  return lastByMatch;
}

/**
 * 목차 runs: at least three heading lines of one family with nothing but blank lines between them, that
 * the document takes up again further down: their numbers come again in the same family (제N조 목차),
 * or, mostly naming topics, their titles or topics come again as headings of any scheme (a 목차 in
 * "N." style above 제N조 articles, 라벨링 captions). All entries of such a run are 목차, also those
 * the body does not repeat (a page cut short). The runs are found first: most pages have none, and then
 * no title needs its match keys.
 */
export function tableOfContents(lines: readonly Line[], families: ReadonlyMap<string, readonly Candidate[]>): Candidate[][] {
  const nonBlankBefore = nonBlankCounts(lines);
  let lastByMatch: Map<string, number> | undefined;
  const runs: Candidate[][] = [];
  for (const [family, candidates] of families) {
    const found = candidateRuns(family, candidates, nonBlankBefore);
    if (found.length === 0) continue;
    const numbered = numberedFamily(family);
    // Where each number of the family appears last.
    const lastOfFamily = new Map<number, number>();
    for (const c of candidates) lastOfFamily.set(key(c), c.index);
    for (const run of found) {
      const end = run[run.length - 1]!.index;
      const numberAgain = numbered && run.some((c) => (lastOfFamily.get(key(c)) ?? -1) > end);
      if (family === 'article' && numberAgain) {
        runs.push(run);
        continue;
      }
      const topical = run.filter((c) => isTopical(c.heading.title)).length;
      if (topical * 5 < run.length * 3) continue;
      lastByMatch ??= lastMatches(families);
      const titleAgain = run.some((c) => matchKeys(c).some((k) => (lastByMatch!.get(k) ?? -1) > end));
      if (titleAgain || numberAgain) runs.push(run);
    }
  }
  return runs;
}

export const MAX_SEARCHED_CANDIDATES = 2000;

function greedySequence(candidates: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const c of candidates) if (chosen.length === 0 || key(c) > key(chosen[chosen.length - 1]!)) chosen.push(c);
  return chosen;
}

/** How much a candidate looks like a real heading: at the margin, not in a bullet, after a blank line. */
function quality(lines: readonly Line[], c: Candidate): number {
  const line = lines[c.index]!;
  const before = lines[c.index - 1];
  return (line.indent === 0 ? 1 : 0) + (c.heading.bulleted ? 0 : 1) + (before === undefined || before.blank ? 1 : 0);
}

/** How far apart two consecutive headings' numbers may be (a 삭제 article or two); a longer jump starts over. */
const MAX_GAP = 20;

interface Weights {
  /** Per heading in the sequence. */
  base: number;
  /** Per heading whose title names a topic. */
  topical: number;
  /** Per number skipped between consecutive headings. */
  gap: number;
  /** Per number before the first heading's (a sequence should start at 1 / 가. / Ⅰ.). */
  start: number;
}

/** 제N조 is unambiguous: the longest increasing run wins, then the fewest gaps, then the best-looking lines. */
const ARTICLE_WEIGHTS: Weights = { base: 1_000_000, topical: 0, gap: 1000, start: 0 };
/** List markers also number clauses: titles that name topics and numbers without gaps decide. */
const LIST_WEIGHTS: Weights = { base: 10, topical: 10, gap: 12, start: 12 };

interface Step {
  score: number;
  at: number;
}

/**
 * The best sequence of strictly increasing numbers (branches allowed) in line order, by weight. Each
 * candidate extends the best sequence ending at one of the MAX_GAP numbers below its own, so the
 * search is linear in the number of candidates. Ties go to the later line (a quoted heading usually
 * comes before the real one).
 */
function weightedSequence(lines: readonly Line[], candidates: readonly Candidate[], weights: Weights): Candidate[] {
  const byNumber = new Map<number, Step>();
  const byKey = new Map<number, Step>();
  const previous: number[] = new Array(candidates.length).fill(-1);
  const scores: number[] = new Array(candidates.length).fill(0);
  let best: Step | null = null;
  candidates.forEach((c, i) => {
    const { number, branch = 0 } = c.heading;
    const own = weights.base + (isTopical(c.heading.title) ? weights.topical : 0) + quality(lines, c);
    let score = own - weights.start * (number - 1);
    let from = -1;
    const consider = (step: Step | undefined, penalty: number): void => {
      if (step && step.score + own - penalty > score) {
        score = step.score + own - penalty;
        from = step.at;
      }
    };
    for (let b = 0; b < branch; b++) consider(byKey.get(number * 1000 + b), 0);
    for (let w = number - 1; w >= Math.max(0, number - 1 - MAX_GAP); w--) consider(byNumber.get(w), weights.gap * (number - w - 1));
    scores[i] = score;
    previous[i] = from;
    const step = { score, at: i };
    if (score >= (byNumber.get(number)?.score ?? -Infinity)) byNumber.set(number, step);
    const k = key(c);
    if (score >= (byKey.get(k)?.score ?? -Infinity)) byKey.set(k, step);
    if (best === null || score >= best.score) best = step;
  });
  const chosen: Candidate[] = [];
  // Walked back from the last heading, then turned around (unshift would move every heading each step).
  for (let i = (best as Step | null)?.at ?? -1; i >= 0; i = previous[i]!) chosen.push(candidates[i]!);
  return chosen.reverse();
}

/**
 * ■ and unnumbered headings have no number to order them: every candidate is a heading, except that
 * a topic named twice is a heading once (the best-looking line, the first on a tie) and the rest is
 * body text ("개인정보 보호책임자" above the officer's name, inside the officer article).
 */
function positionalSequence(lines: readonly Line[], candidates: readonly Candidate[]): Candidate[] {
  const bestOfTopic = new Map<string, Candidate>();
  for (const c of candidates) {
    const topic = topicOf(c.heading.title);
    if (topic === 'other') continue;
    const held = bestOfTopic.get(topic);
    if (!held || quality(lines, c) > quality(lines, held)) bestOfTopic.set(topic, c);
  }
  return candidates.filter((c) => {
    const topic = topicOf(c.heading.title);
    return topic === 'other' || bestOfTopic.get(topic) === c;
  });
}

export interface SchemeChoice {
  family: string;
  scheme: NumberingScheme;
  sequence: Candidate[];
  /** True when there were too many candidates to weigh and a greedy pass was taken. */
  greedy: boolean;
}

/** Schemes in the order that wins a tie: the more specific markers first. */
const FAMILY_ORDER = ['article', 'decimal', 'roman', 'roman-ascii', 'hangul', 'bracket', 'bracket-lenticular', 'paren', 'round', 'symbol-■', 'symbol-□', 'symbol-◆', 'symbol-▣', 'symbol-◎', 'none'];

/** How well a family's sequence explains the document; null when it cannot be the document's scheme. */
function explanation(family: string, sequence: readonly Candidate[]): number | null {
  // Distinct topics: a policy's headings name each topic once, sub-headings repeat them (■ 파기절차, ■ 파기방법).
  const topical = new Set(sequence.map((c) => topicOf(c.heading.title)).filter((t) => t !== 'other')).size;
  if (family === 'article') return sequence.length === 0 ? null : 3 * topical + sequence.length + 2;
  if (topical < (family === 'none' ? 3 : 2) || sequence.length < 3) return null;
  let gaps = 0;
  for (let i = 1; i < sequence.length; i++) gaps += Math.max(0, sequence[i]!.heading.number - sequence[i - 1]!.heading.number - 1);
  // An unnumbered reading is the last resort: short topical lines also occur inside bodies.
  const weight = family === 'none' ? 0.5 : 1;
  return weight * (3 * topical + sequence.length) - 2 * gaps;
}

/** The sequence a family's candidates give: by number when they have one, by position otherwise. */
function familySequence(lines: readonly Line[], family: string, candidates: readonly Candidate[]): { sequence: Candidate[]; greedy: boolean } {
  if (!numberedFamily(family)) return { sequence: positionalSequence(lines, candidates), greedy: false };
  if (candidates.length > MAX_SEARCHED_CANDIDATES) return { sequence: greedySequence(candidates), greedy: true };
  return { sequence: weightedSequence(lines, candidates, family === 'article' ? ARTICLE_WEIGHTS : LIST_WEIGHTS), greedy: false };
}

/**
 * The document's scheme and its headings: each family's best sequence, weighed by how many of its
 * titles name topics, how long it is and how few numbers it skips; a tie goes to the more specific
 * marker. Null when no family can be the document's headings.
 */
export function chooseScheme(lines: readonly Line[], families: ReadonlyMap<string, readonly Candidate[]>): SchemeChoice | null {
  let choice: SchemeChoice | null = null;
  let bestScore = -Infinity;
  for (const family of FAMILY_ORDER) {
    const candidates = families.get(family);
    if (!candidates || candidates.length === 0) continue;
    const { sequence, greedy } = familySequence(lines, family, candidates);
    const score = explanation(family, sequence);
    if (score === null || score <= bestScore) continue;
    bestScore = score;
    const scheme: NumberingScheme =
      family === 'article'
        ? sequence.filter((c) => c.heading.scheme === 'article-bare').length * 2 > sequence.length
          ? 'article-bare'
          : 'article'
        : sequence[0]!.heading.scheme;
    choice = { family, scheme, sequence, greedy };
  }
  return choice;
}

/** True for a heading-looking line that is not a marker-led list line (used to keep titles apart). */
export function looksLikeHeading(content: string): boolean {
  return parseHeading(content) !== null || (detectMarker(content) === null && /^제\s*\d+\s*조/u.test(content));
}
