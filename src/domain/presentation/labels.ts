/**
 * How an article is named wherever it is written (rendered text, diff labels, the 대비표, the notice,
 * check findings, the UI): in the document's own numbering scheme. The one place that decides it.
 */
import type { Article, NumberingScheme } from '../model.js';

/** What names an article: its number (and branch), and the marker as printed when the page printed one. */
export type Numbered = Pick<Article, 'number' | 'branch' | 'label'>;

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
/** 가나다 order as lists use it (가. 나. 다. … 하.). */
export const HANGUL_ORDINALS = ['가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하'];

function romanNumeral(n: number): string {
  if (n >= 1 && n <= ROMAN.length) return ROMAN[n - 1]!;
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) for (; rest >= value; rest -= value) out += numeral;
  return out;
}

/**
 * The marker the scheme writes for this number when the page printed none (a generated article, an
 * article added in a draft): 제3조의2, 3조, 3., 3), (3), Ⅲ., 다., [3], ■; '' for unnumbered documents.
 */
export function markerFor(numbering: NumberingScheme, number: number, branch?: number): string {
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
      return `${romanNumeral(number)}.`;
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
 * A short name for an article in a list or a sentence: the marker without its trailing period
 * ("제9조", "3", "Ⅲ", "다"); the title when the scheme prints no number (■, unnumbered).
 */
export function articleName(article: Numbered & { title: string }, numbering: NumberingScheme = 'article'): string {
  const marker = articleMarker(article, numbering);
  if (numbering === 'symbol' || numbering === 'none' || marker === '') return article.title;
  return marker;
}
