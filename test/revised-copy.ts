/**
 * The next version of a policy as a privacy officer writes it: one article removed (those after it
 * renumbered, their text untouched), one provision reworded, one article retitled and extended, and a
 * new article at the end. For tests of what two versions of one policy share word for word.
 */
import type { Article, PolicyVersion } from '../src/domain/model.js';

/** The article the revision adds: 가명정보의 처리, as the 2020 amendment made bodies add it. */
const PSEUDONYMOUS: Omit<Article, 'number'> = {
  title: '가명정보의 처리',
  topic: 'pseudonymous',
  body: [
    { marker: '①', text: '시는 통계작성, 과학적 연구, 공익적 기록보존 등을 위하여 정보주체의 동의 없이 가명정보를 처리할 수 있습니다.' },
    { marker: '②', text: '가명정보는 추가 정보와 분리하여 보관하며, 접근 권한은 가명정보 처리 담당자로 한정합니다.' },
    { marker: '③', text: '가명정보의 처리 목적, 처리 기간, 제3자 제공 여부는 누리집에 공개합니다.' },
  ],
};

/** The revised copy of `version` (a policy numbered 제N조 or N조, with at least seven articles). */
export function revisedCopy(version: PolicyVersion): PolicyVersion {
  const articles = version.articles;
  if (articles.length < 7 || articles.some((a) => a.label !== undefined)) throw new Error(`revisedCopy needs a 제N조 policy of seven articles or more (${version.slug})`);
  const removed = 1;
  const reworded = Math.floor(articles.length / 2);
  const retitled = articles.length - 2;
  const revised = articles
    .filter((_, i) => i !== removed)
    .map((article, i): Article => {
      const at = i < removed ? i : i + 1;
      const number = at > removed && article.branch === undefined ? article.number - 1 : article.number;
      if (at === reworded) return { ...article, number, body: [{ text: '이 조는 2025년 1월 1일부터 적용합니다.' }, ...article.body] };
      if (at === retitled) return { ...article, number, title: `${article.title} 등`, body: [...article.body, { marker: '※', text: '자세한 사항은 개인정보 보호책임자에게 문의하시기 바랍니다.' }] };
      return { ...article, number };
    });
  const last = revised.at(-1)!;
  return { ...version, articles: [...revised, { ...PSEUDONYMOUS, number: last.number + 1 }] };
}
