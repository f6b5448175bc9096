/**
 * How the diff names articles in text, each in its own version's numbering scheme (the presentation
 * module decides the names): 제9조, 3., 다., 전문, ■ 영상정보처리방침.
 */
import type { Article, NumberingScheme } from '../model.js';
import { articleHeading, articleMarker, articleName } from '../presentation/labels.js';
import type { ArticleRef } from './types.js';

/** The ref of an article of a version numbered `numbering`. */
export function articleRef(article: Article, numbering: NumberingScheme): ArticleRef {
  const ref: ArticleRef = {
    number: article.number,
    ...(article.branch === undefined ? {} : { branch: article.branch }),
    label: articleMarker(article, numbering),
    title: article.title,
  };
  if (numbering !== 'article') ref.numbering = numbering;
  return ref;
}

function numberingOf(ref: ArticleRef): NumberingScheme {
  return ref.numbering ?? 'article';
}

/** The ref of the preamble or an appendix section, diffed like an article. */
export function partRef(part: 'preamble' | 'appendix', title: string): ArticleRef {
  return { number: 0, label: part === 'preamble' ? '전문' : title, title, part };
}

/** A short name: `제9조`, `3.`, `다.`; the title when the scheme prints no number; 전문; the section title. */
export function refLabel(ref: ArticleRef): string {
  if (ref.part === 'preamble') return '전문';
  if (ref.part === 'appendix') return ref.title;
  return articleName(ref, numberingOf(ref));
}

/** `제9조 개인정보 보호책임자`, `3. 개인정보의 파기`, or the title alone when unnumbered. */
export function articleLabel(ref: ArticleRef): string {
  return ref.part === undefined ? articleHeading(ref, numberingOf(ref)) : refLabel(ref);
}

/** Whether the two refs print the same number in different schemes (가. → 제1조, 1. → 제1조): a restyled heading. */
export function onlyRestyled(oldRef: ArticleRef, newRef: ArticleRef): boolean {
  return oldRef.number === newRef.number && oldRef.branch === newRef.branch && numberingOf(oldRef) !== numberingOf(newRef);
}
