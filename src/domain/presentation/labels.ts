/**
 * How an article is named wherever it is written (rendered text, diff labels, the 대비표, the notice,
 * check findings, the UI): in the document's own numbering scheme. The one place that decides it.
 */
import type { Article, NumberingScheme } from '../model.js';

/** What names an article: its number (and branch), and the marker as printed when the page printed one. */
export type Numbered = Pick<Article, 'number' | 'branch' | 'label'>;

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
/** The Unicode roman numerals (U+2160…U+216B) headings are printed with. */
export const ROMAN_NUMERALS = ROMAN.join('');
/** 가나다 order as lists use it (가. 나. 다. … 하.). */
export const HANGUL_ORDINALS = ['가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하'];

/** How a document writes roman numerals: in Unicode numerals as pages do (Ⅲ., Ⅻ., ⅩⅢ.), or in Latin letters (III., XIII.). */
export type RomanForm = 'unicode' | 'latin';

const LATIN_MARKER = /^[IVXLCDM]+\.$/u;

/** The form a document's printed roman markers take: Latin when it prints them in letters, else Unicode numerals. */
export function romanFormOf(articles: readonly Numbered[]): RomanForm {
  return articles.some((article) => article.label !== undefined && LATIN_MARKER.test(article.label)) ? 'latin' : 'unicode';
}

/** Ⅲ, Ⅻ; past Ⅻ tens and a unit as pages write them (ⅩⅢ, ⅩⅩ, ⅩⅩⅠ), which romanValue reads back; or XIII in Latin letters. */
function romanNumeral(n: number, form: RomanForm): string {
  if (n < 1) return String(n);
  if (form === 'unicode') {
    if (n <= ROMAN.length) return ROMAN[n - 1]!;
    const unit = n % 10;
    return unit === 0 ? 'Ⅹ'.repeat(n / 10) : 'Ⅹ'.repeat((n - unit) / 10) + ROMAN[unit - 1]!;
  }
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) for (; rest >= value; rest -= value) out += numeral;
  return out;
}

/**
 * The marker the scheme writes for this number when the page printed none (a generated article, an
 * article added in a draft): 제3조의2, 3조, 3., 3), (3), Ⅲ., 다., [3], ■; '' for unnumbered documents. Roman
 * numerals in `roman` form: a document's own (romanFormOf), Unicode numerals when it is not known.
 */
export function markerFor(numbering: NumberingScheme, number: number, branch?: number, roman: RomanForm = 'unicode'): string {
  const sub = branch === undefined ? '' : `의${branch}`;
  switch (numbering) {
    case 'article':
      return `제${number}조${sub}`;
    case 'article-bare':
      return `${number}조${sub}`;
    case 'decimal':
      return `${number}${branch === undefined ? '' : `-${branch}`}.`;
    case 'paren':
      return `${number})`;
    case 'round':
      return `(${number})`;
    case 'roman':
      return `${romanNumeral(number, roman)}.`;
    case 'hangul':
      return `${HANGUL_ORDINALS[number - 1] ?? String(number)}.`;
    case 'bracket':
      return `[${number}]`;
    case 'symbol':
      return '■';
    case 'none':
      return '';
  }
}

/** The article's marker: as printed when the page printed one, else what its scheme writes. */
export function articleMarker(article: Numbered, numbering: NumberingScheme = 'article'): string {
  return article.label ?? markerFor(numbering, article.number, article.branch);
}

/** `제9조 개인정보 보호책임자`, `3. 개인정보의 파기`, `■ 개인정보의 파기`, or the title alone when unnumbered. */
export function articleHeading(article: Numbered & { title: string }, numbering: NumberingScheme = 'article'): string {
  const marker = articleMarker(article, numbering);
  if (marker === '') return article.title;
  return article.title === '' ? marker : `${marker} ${article.title}`;
}

/**
 * A short name for an article in a list or a sentence: its marker ("제9조", "3.", "Ⅲ.", "다."); the
 * title when the scheme prints no number (■, unnumbered).
 */
export function articleName(article: Numbered & { title: string }, numbering: NumberingScheme = 'article'): string {
  const marker = articleMarker(article, numbering);
  if (!printsNumber(numbering) || marker === '') return article.title;
  return marker;
}

/** Whether the scheme prints a number (or a letter or numeral that ranks): all but ■ and unnumbered headings. */
export function printsNumber(numbering: NumberingScheme): boolean {
  return numbering !== 'symbol' && numbering !== 'none';
}

/**
 * The heading as statutes and the 신·구 대비표 cite it: `제12조(개인정보 처리방침의 변경)` in the 제N조
 * schemes; in the others as the page prints it (`3. 개인정보의 파기`, `■ 개인정보의 파기`).
 */
export function formalHeading(article: Numbered & { title: string }, numbering: NumberingScheme = 'article'): string {
  const { marker, open, close } = formalHeadingParts(article, numbering);
  return `${marker}${open}${article.title}${close}`;
}

/** The pieces around the title in formalHeading, for a writer that marks the number and the title apart. */
export function formalHeadingParts(article: Numbered & { title: string }, numbering: NumberingScheme = 'article'): { marker: string; open: string; close: string } {
  const marker = articleMarker(article, numbering);
  if (numbering === 'article' || numbering === 'article-bare') return { marker, open: '(', close: ')' };
  return { marker, open: marker === '' || article.title === '' ? '' : ' ', close: '' };
}

/**
 * The marker an article written by bangchim (the notice's revision article) records as `label`: what its
 * scheme prints, for the schemes whose labels the model keeps (not 제N조, N조 or unnumbered), written
 * as the document's other articles print theirs (`document`: ⅩⅢ. beside Ⅻ., XIII. beside XII.).
 */
export function labelFor(numbering: NumberingScheme, number: number, branch?: number, document: readonly Numbered[] = []): string | undefined {
  if (numbering === 'article' || numbering === 'article-bare' || numbering === 'none') return undefined;
  return markerFor(numbering, number, branch, romanFormOf(document));
}

// Whether a digit's reading ends in a consonant: 영 일 이 삼 사 오 육 칠 팔 구 (0 at the end reads 십/백/천: also one).
const DIGIT_ENDS_IN_CONSONANT = [true, true, false, true, false, false, true, true, true, false];

const UNICODE_NUMERAL = new RegExp(`^Ⅹ*[${ROMAN_NUMERALS}]$`, 'u');

/** The value of a roman numeral as printed (Ⅻ, ⅩⅢ, XII), or null when it is none; the parser reads headings with it. */
export function romanValue(numeral: string): number | null {
  // Unicode numerals past Ⅻ are tens and a unit (ⅩⅢ, ⅩⅩⅠ): the sum of their numerals.
  if (UNICODE_NUMERAL.test(numeral)) return [...numeral].reduce((total, n) => total + ROMAN.indexOf(n) + 1, 0);
  if (!/^[IVXLCDM]+$/.test(numeral)) return null;
  const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const here = value[numeral[i]!]!;
    const next = value[numeral[i + 1] ?? ''] ?? 0;
    total += here < next ? -here : here;
  }
  return total;
}

/**
 * The name followed by 와 or 과, as it is read aloud: "제5조와", "가.와", "3.과" (삼), "2.와" (이),
 * "Ⅲ.과" (삼); after a Hangul syllable, by its final consonant.
 */
export function withParticle(name: string): string {
  const core = name.replace(/[.)\]】\s]+$/u, '');
  const numeral = /(?:\d+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|[IVXLCDM]+)$/u.exec(core)?.[0];
  let consonant = false;
  const value = numeral === undefined ? null : /^\d+$/.test(numeral) ? Number(numeral) : romanValue(numeral);
  if (value !== null) consonant = DIGIT_ENDS_IN_CONSONANT[value % 10]!;
  else if (/[가-힣]$/u.test(core)) consonant = (core.codePointAt(core.length - 1)! - 0xac00) % 28 !== 0;
  return `${name}${consonant ? '과' : '와'}`;
}
