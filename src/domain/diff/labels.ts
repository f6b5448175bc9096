/** How the diff names articles in text: 제9조, 제9조의2, 전문, ■ 영상정보처리방침. */
import type { ArticleRef } from './types.js';

export function refLabel(ref: ArticleRef): string {
  if (ref.part === 'preamble') return '전문';
  if (ref.part === 'appendix') return ref.title;
  return ref.branch === undefined ? `제${ref.number}조` : `제${ref.number}조의${ref.branch}`;
}

/** `제9조 개인정보 보호책임자`. */
export function articleLabel(ref: ArticleRef): string {
  return ref.part === undefined ? `${refLabel(ref)} ${ref.title}` : refLabel(ref);
}
