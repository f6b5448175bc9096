/**
 * The body a policy belongs to (a 시·군·구, a 공단, a 재단, a 도서관, a 교육지원청 …), found where a page
 * names it: its title ("○○○ 개인정보 처리방침"), its preamble's subject ("○○○(이하 '…'이라 한다)은",
 * "○○○는 「개인정보 보호법」 제30조에 따라"), its site name (og:site_name, <title>, a logo caption, a
 * copyright line), or the first article's subject. Never a word of its body text: a name must end the
 * way a body's name ends (…시, …공단, …도서관, …교육지원청) and must not be a common noun that happens
 * to (열람청구, 의사표시). The slug is the Revised Romanization (의정부시 → uijeongbu).
 */
import { SLUG_PATTERN } from '../schema.js';

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i',
];
const FINALS = [
  '', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't',
];
const RIEUL_INITIAL = 5;
const RIEUL_FINAL = 8;

/** Syllable-by-syllable Revised Romanization (no sound-change rules beyond ㄹㄹ → ll); '' for non-Hangul. */
export function romanize(hangul: string): string {
  let out = '';
  let previousFinal = -1;
  for (const ch of hangul) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) return '';
    const initial = Math.floor(code / 588);
    const vowel = Math.floor((code % 588) / 28);
    const final = code % 28;
    const initialText = initial === RIEUL_INITIAL && previousFinal === RIEUL_FINAL ? 'l' : INITIALS[initial];
    out += `${initialText}${VOWELS[vowel]}${FINALS[final]}`;
    previousFinal = final;
  }
  return out;
}

// ─── What a body's name looks like ───────────────────────────────────────────

/** Local governments: the suffix a slug leaves out (고양특례시 → goyang). */
const LOCAL_SUFFIX = /(?:특례시|특별자치시|특별자치도|특별시|광역시|시|군|구|도)$/u;
/** The last word of every other body's name ends so (longest first where one ends another). */
const BODY_SUFFIX = new RegExp(
  '(?:' +
    [
      '교육지원청', '교육청', '시청', '군청', '구청', '도청', '의회', '공단', '공사', '재단', '도서관', '박물관', '미술관',
      '기념관', '과학관', '문학관', '체육관', '복지관', '문화회관', '회관', '센터', '병원', '의료원', '보건소', '대학교', '대학원',
      '대학', '학교', '위원회', '협회', '조합', '공제회', '체육회', '연합회', '본부', '사업소', '관리소', '사무소', '지사',
      '(?:진흥|연구|개발|평가|정보|교육|연수|문화|관리|소비자|부동산|보훈|인재|복지|재활|시험)원',
    ].join('|') +
    ')$',
  'u',
);
/** A government office: 국세청, 법제처, 교육부 (two syllables or more before 청/처/부). */
const GOVERNMENT_OFFICE = /^[가-힣]{2,}(?:청|처|부)$/u;
/**
 * Common nouns that end like a body (…구, …시, …청, …처, …부): a word ending in one of them, with at
 * least two syllables before it, is not a name (열람청구, 의사표시); 안동시 (안 + 동시) still is.
 */
const COMMON_TAILS = [
  '청구', '요구', '연구', '영구', '준영구', '도구', '기구', '가구', '지구', '입구', '출구', '창구', '추구', '탐구', '강구', '용구',
  '표시', '게시', '제시', '명시', '지시', '즉시', '수시', '상시', '일시', '감시', '개시', '무시', '중시', '고시', '공시',
  '임시', '적시', '동시', '당시', '요청', '신청', '연락처', '문의처', '접수처', '거래처', '위탁처', '제공처',
  '수탁처', '출처', '부처', '일부', '전부', '내부', '외부', '세부', '여부', '교부', '납부', '간부', '한도', '정도', '제도', '용도',
  '의도', '빈도', '태도', '속도', '지도', '보도', '시도', '인도', '강도', '온도', '밀도', '척도', '각도', '경도', '담당부',
];
/** "X시", "X구" meaning "when X" or a thing done (가입시, 수집시, 열람구): not places. */
const ACTION_BASE = /(?:가입|탈퇴|처리|체결|잔존|동의|요청|수집|접수|신청|방문|이용|게시|표시|발생|작성|제출|필요|변경|정지|열람|정정|삭제|파기|위반|침해|유출|분실|제공|위탁|출력|로그인|조회|확인|입력|등록|발급)$/u;
/** Words that point at the body rather than name it (본 대학, 당 공단, 우리 재단). */
const POINTING = /^(?:본|당|우리|저희|이|그|해당|동|각|귀|전|현)$/u;
/** Words of the privacy vocabulary: a subject made of them is a body word (개인정보 보호책임자, 정보주체). */
const PRIVACY_WORDS = /개인정보|정보주체|보호책임자|처리방침|이용자|법정대리인|수탁자|수탁업체|담당자/u;
/** Legal-form prefixes a display name does without ((재)양산시복지재단 → 양산시복지재단). */
const LEGAL_FORM = /^(?:\((?:재|사|주|학)\)|㈜|㈔|재단법인|사단법인|주식회사|학교법인|사회복지법인)\s*/u;
const MAX_NAME_LENGTH = 40;
const MAX_NAME_WORDS = 5;

function syllables(text: string): number {
  return [...text].filter((ch) => ch >= '가' && ch <= '힣').length;
}

/** A local government's own word (고양특례시, 의정부시, 강서구, 경기도, 중구), not 열람청구 or 가입시. */
function isLocalGovernmentWord(word: string): boolean {
  const suffix = LOCAL_SUFFIX.exec(word)?.[0];
  if (!suffix || !/^[가-힣]+$/u.test(word)) return false;
  const base = word.slice(0, -suffix.length);
  if (base.length === 0) return false;
  // 중구, 동구, 서구, 남구, 북구 are the only one-syllable places.
  if (base.length === 1) return suffix === '구' && /^[동서남북중]$/u.test(base);
  if ((suffix === '시' || suffix === '구') && ACTION_BASE.test(base)) return false;
  return !hasCommonTail(word);
}

function hasCommonTail(word: string): boolean {
  return COMMON_TAILS.some((tail) => word === tail || (word.endsWith(tail) && syllables(word.slice(0, -tail.length)) >= 2));
}

/** A name as the page writes it, without brackets, bullets, legal form, a parenthesis after it. */
export function cleanName(raw: string): string {
  let name = raw.normalize('NFC').replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  name = name.replace(/^(?:[-•·○●◎■□▶▷※*]\s*)+/u, '');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name
      .replace(/^[\[【〔「『<〈《"“'‘]\s*(.*?)\s*[\]】〕」』>〉》"”'’]$/u, '$1')
      .replace(LEGAL_FORM, '')
      .replace(/\s*\([^()]*\)$/u, '')
      .trim();
  }
  return name;
}

/**
 * Whether `name` (cleaned) reads as a body's name. `strict` is for a subject found in running text:
 * then it must not be built from privacy vocabulary (개인정보 보호책임자), which a title may be
 * (개인정보보호위원회 개인정보 처리방침).
 */
export function isBodyName(name: string, strict = true): boolean {
  if (name.length < 2 || name.length > MAX_NAME_LENGTH) return false;
  if (!/^[가-힣A-Za-z0-9][가-힣A-Za-z0-9·ㆍ&\- ]*$/u.test(name)) return false;
  const words = name.split(' ');
  if (words.length > MAX_NAME_WORDS || POINTING.test(words[0]!)) return false;
  if (strict && PRIVACY_WORDS.test(name)) return false;
  const last = words[words.length - 1]!;
  if (hasCommonTail(last)) return false;
  const suffix = BODY_SUFFIX.exec(last)?.[0];
  // The suffix alone (공단은, 재단은) is how a body refers to itself, not its name.
  if (suffix !== undefined) return last.length > suffix.length || words.length > 1;
  return GOVERNMENT_OFFICE.test(last) || isLocalGovernmentWord(last);
}

// ─── Where a page names its body ─────────────────────────────────────────────

export interface NameSources {
  /** The policy's title line as the parser found it ('' when there is none). */
  title: string;
  /** The preamble's lines. */
  preamble: readonly string[];
  /** Every line above the first article: page header, title, preamble. */
  head: readonly string[];
  /** The first lines of the first article's body. */
  firstArticle: readonly string[];
  /** Every line of the text: for a copyright line and a 특례시's own name. */
  text: readonly string[];
  /** What a saved page calls its site: og:site_name, its <title>, a logo's screen-reader caption. */
  siteNames: readonly string[];
}

export type NameSource = 'title' | 'preamble' | 'site' | 'article';

export interface BodyName {
  name: string;
  /** null when the name romanises to no valid slug. */
  slug: string | null;
  source: NameSource;
}

const LEADING_MARKS = /^(?:[-•·○●◎■□▶▷※*]\s*)+/u;
const TITLE_LINE = /^(.*?)\s*(?:의\s+)?개인정보\s*(?:처리|보호|취급)\s*방침/u;
/** After the title's 방침 only a date or version in brackets may follow ("(2024. 1. 1. 시행)"). */
const TITLE_REST = /^\s*(?:[(（[【<〈].*)?$/u;
/** Words between a name and 개인정보 처리방침 that name the site, not the body. */
const SITE_WORDS = /\s*(?:홈페이지|누리집|웹사이트|사이트|통합|온라인|사이버|포털|로고)$/u;
const SUBJECT_PARTICLE = /^(.+?)(?:에서는|에서|은|는|이|가)$/u;
const BARE_PARTICLE = /^(?:은|는|이|가|에서는|에서)$/u;
const MAX_SUBJECT_WORDS = 4;
/** A logo or site name stands at the very top of copied text. */
const TOP_LINES = 5;

function withoutSiteWords(name: string): string {
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(SITE_WORDS, '').trim();
  }
  return name;
}

/** "○○○ 개인정보 처리방침" → ○○○ (title lines may name the body loosely: no privacy-word test). */
export function nameInTitle(line: string): string | null {
  const text = line.normalize('NFC').trim().replace(LEADING_MARKS, '');
  const m = TITLE_LINE.exec(text);
  if (!m || !TITLE_REST.test(text.slice(m[0].length))) return null;
  // "파주시청 - 개인정보처리방침", "○○공단 : 개인정보처리방침": the separator is not the name's.
  const name = withoutSiteWords(cleanName(m[1]!.replace(/[\s|:>\-–—]+$/u, '')));
  return isBodyName(name, false) ? name : null;
}

/**
 * The subject of a preamble sentence: "○○○(이하 '…'이라 한다)은", "○○○는 「개인정보 보호법」 제30조에
 * 따라", "○○○ 은 …", "[○○○]에서 취급하는" — when it is a body's name.
 */
export function subjectName(line: string): string | null {
  const text = line.normalize('NFC').trim().replace(LEADING_MARKS, '');
  // "… 따라 서울특별시 서부교육지원청(이하 '교육지원청'이라 한다)은": the words right before (이하.
  for (const m of text.matchAll(/\(\s*이하(?=[\s'‘"“「『])/gu)) {
    const words = text.slice(0, m.index).trimEnd().split(/\s+/u);
    const parts = [words.pop() ?? ''];
    while (words.length > 0 && parts.length < MAX_NAME_WORDS && isLocalGovernmentWord(cleanName(words[words.length - 1]!))) {
      parts.unshift(words.pop()!);
    }
    const name = cleanName(parts.join(' '));
    if (isBodyName(name)) return name;
  }
  // "○○○ 개인정보 처리방침은 …": the policy's own name for itself.
  const own = /^(.*?)\s*(?:의\s+)?개인정보\s*(?:처리|보호|취급)\s*방침[은는이]\s/u.exec(text);
  const ownName = own ? cleanName(own[1]!) : '';
  if (isBodyName(ownName)) return ownName;
  // "○○○는 …" at the start of the sentence, or right after "…에 따라": the words up to the first particle.
  const after = /^.{0,60}?따라\s+(?=\S)/u.exec(text);
  return subjectAtStart(text) ?? (after ? subjectAtStart(text.slice(after[0].length)) : null);
}

function subjectAtStart(text: string): string | null {
  const words = text.replace(/([은는이가])(?=[「『"“(])/gu, '$1 ').split(/\s+/u);
  for (let k = 0; k < Math.min(MAX_SUBJECT_WORDS, words.length); k++) {
    const next = words[k + 1];
    const ending = next !== undefined && BARE_PARTICLE.test(next) ? words[k] : SUBJECT_PARTICLE.exec(words[k]!)?.[1];
    if (ending === undefined) continue;
    const name = cleanName([...words.slice(0, k), ending].join(' '));
    if (isBodyName(name)) return name;
  }
  return null;
}

/** A site name as a page declares it: "개인정보처리방침 | 이용안내 | 고양특례시" → 고양특례시. */
function nameInSiteName(text: string): string | null {
  for (const part of text.split(/\s*[|∣｜»›«‹<>:]\s*|\s+[-–—]\s+/u)) {
    const name = withoutSiteWords(cleanName(part));
    if (isBodyName(name, false)) return name;
  }
  return null;
}

/** "Copyright ⓒ 2024 ○○○. All rights reserved." → ○○○. */
function nameInCopyright(line: string): string | null {
  if (!/copyright|ⓒ|©|\(c\)/iu.test(line)) return null;
  const text = line
    .replace(/copyright|all\s+rights?\s+reserved\.?|ⓒ|©|\(c\)/giu, ' ')
    .replace(/\b(?:19|20)\d{2}(?:\s*[-~]\s*(?:19|20)?\d{2,4})?\b/gu, ' ')
    .replace(/[.,]+\s*$/u, '')
    .trim();
  const name = withoutSiteWords(cleanName(text));
  return isBodyName(name, false) ? name : null;
}

function firstOf<T>(items: readonly T[], find: (item: T) => string | null): string | null {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return null;
}

/** A lone line naming the body at the top of the page (its logo: 고양특례시). */
function nameOnTop(text: readonly string[]): string | null {
  const top = text.filter((l) => l.trim() !== '').slice(0, TOP_LINES);
  return firstOf(top, (line) => {
    const name = withoutSiteWords(cleanName(line));
    return isBodyName(name) ? name : null;
  });
}

/** The body's name and where it was found, or null when the page does not name it where names stand. */
export function findBodyName(sources: NameSources): BodyName | null {
  const found: Array<[NameSource, () => string | null]> = [
    ['title', () => nameInTitle(sources.title)],
    ['preamble', () => firstOf(sources.preamble, subjectName)],
    ['title', () => firstOf(sources.head, nameInTitle)],
    ['site', () => firstOf(sources.siteNames, nameInSiteName) ?? firstOf(sources.text, nameInCopyright) ?? nameOnTop(sources.text)],
    ['article', () => firstOf(sources.firstArticle, subjectName)],
  ];
  for (const [source, find] of found) {
    const name = find();
    if (name === null) continue;
    const official = asSpecialCity(name, sources.text);
    return { name: official, slug: slugFor(official), source };
  }
  return null;
}

/** A 특례시 names itself so (in its header, its logo) even where its text says 고양시. */
function asSpecialCity(name: string, text: readonly string[]): string {
  if (!/^[가-힣]+시$/u.test(name) || name.endsWith('특례시')) return name;
  const special = `${name.slice(0, -1)}특례시`;
  return text.some((line) => line.includes(special)) ? special : name;
}

/** Hangul romanised, ASCII letters and digits lowercased, in the order written: 대구2 → daegu2. */
function romanizeMixed(text: string): string {
  let out = '';
  for (const run of text.match(/[가-힣]+|[A-Za-z0-9]+/gu) ?? []) out += /^[가-힣]/u.test(run) ? romanize(run) : run.toLowerCase();
  return out;
}

/**
 * The slug of a body's name: a local government without its 시/군/구 (고양특례시 → goyang, 서울특별시
 * 강서구 → seoul-gangseo), any other body whole, word by word (중랑구시설관리공단 → jungrangusiseolgwanrigongdan);
 * null when that is no valid slug.
 */
export function slugFor(name: string): string | null {
  const words = name.split(' ');
  const local = words.every(isLocalGovernmentWord);
  const parts = words
    .flatMap((w) => (local ? [w.replace(LOCAL_SUFFIX, '')] : w.split(/[·ㆍ&-]/u)))
    .map(romanizeMixed)
    .filter((p) => p !== '');
  const slug = parts.join('-');
  return SLUG_PATTERN.test(slug) ? slug : null;
}
