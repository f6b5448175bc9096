/**
 * Long pages for the alignment's scaling tests and benchmark: a real seed's articles repeated until
 * the page has the wanted length, each repetition a district of its own (in its title and its first
 * provision, so no two articles are the same), and a revision of such a page whose every edit is
 * known, so the alignment a reader expects can be checked article by article.
 */
import type { Article, PolicyVersion } from '../../src/domain/model.js';

/** `count` articles from `seed`'s, repetition k naming 제(k+1)지구 in its title and first provision. */
export function longPage(seed: PolicyVersion, count: number): PolicyVersion {
  const articles: Article[] = [];
  for (let copy = 0; articles.length < count; copy++) {
    for (const article of seed.articles) {
      if (articles.length === count) break;
      const varied = structuredClone(article);
      const district = `제${copy + 1}지구`;
      varied.title = `${article.title} (${district})`;
      const first = varied.body.find((c) => c.text !== undefined);
      if (first) first.text = `${first.text} 이 조는 ${district} 주민의 개인정보에 적용합니다.`;
      else varied.body.unshift({ text: `이 조는 ${district} 주민의 개인정보에 적용합니다.` });
      articles.push(varied);
    }
  }
  articles.forEach((a, k) => {
    a.number = k + 1;
    delete a.branch;
  });
  return { ...seed, articles };
}

/** What happened to an article of the old page, by the rule its position falls under (first rule wins). */
export type Fate = 'kept' | 'reworded' | 'retitled' | 'rewritten' | 'moved' | 'moved-rewritten' | 'removed';

export function fateOf(k: number): Fate {
  if (k % 89 === 7) return 'removed';
  if (k % 97 === 41) return 'moved-rewritten'; // moved, retitled and reworded: only its rare words find it
  if (k % 131 === 11) return 'moved';
  if (k % 8 === 3) return 'rewritten'; // retitled and reworded in place
  if (k % 61 === 5) return 'reworded';
  if (k % 151 === 13) return 'retitled';
  return 'kept';
}

/** How far a moved article goes (towards the end of the page). */
const MOVE_BY = 40;
/** A new article every this many old ones. */
const INSERT_EVERY = 113;

const NEW_ARTICLES = [
  (m: number): Article => ({
    number: 0,
    title: `드론 촬영 영상정보의 처리 (제${m}호)`,
    topic: 'other',
    body: [
      { marker: '①', text: `드론으로 촬영한 영상은 촬영 목적을 비행 전에 공고하고, 공고 제${m}호에 적은 구역 밖은 촬영하지 않습니다.` },
      { marker: '②', text: '촬영 중 식별된 사람의 얼굴과 차량 번호판은 보관 전에 흐림 처리합니다.' },
    ],
  }),
  (m: number): Article => ({
    number: 0,
    title: `가명정보의 결합 신청 (제${m}호)`,
    topic: 'other',
    body: [
      { marker: '①', text: `결합전문기관에 가명정보 결합을 신청할 때에는 결합 목적과 반출 심사 결과를 신청서 제${m}호에 기록합니다.` },
      { marker: '②', text: '결합된 정보는 반출 승인 범위를 벗어나 재식별에 쓰지 않습니다.' },
    ],
  }),
];

export interface Revision {
  version: PolicyVersion;
  /** For each article of the new page (by position): the old position it came from, or 'inserted'. */
  origin: (number | 'inserted')[];
}

/** A revision of a long page: the edits of `fateOf`, a new article every 113, renumbered. */
export function revise(page: PolicyVersion): Revision {
  const placed: { article: Article; origin: number | 'inserted' }[] = [];
  const moving: { at: number; article: Article; origin: number }[] = [];
  page.articles.forEach((original, k) => {
    const fate = fateOf(k);
    const article = structuredClone(original);
    if (fate === 'reworded' || fate === 'rewritten' || fate === 'moved-rewritten') {
      const last = [...article.body].reverse().find((c) => c.text !== undefined);
      if (last) last.text = `${last.text} 다만, 정보주체가 서면으로 요청하면 그 처리 결과를 10일 안에 알립니다.`;
    }
    if (fate === 'retitled' || fate === 'rewritten' || fate === 'moved-rewritten') article.title = `${article.title}에 관한 사항`;
    if (fate === 'moved' || fate === 'moved-rewritten') moving.push({ at: k + MOVE_BY, article, origin: k });
    else if (fate !== 'removed') placed.push({ article, origin: k });
    for (const m of moving.filter((x) => x.at === k)) placed.push({ article: m.article, origin: m.origin });
    if (k % INSERT_EVERY === INSERT_EVERY - 1) placed.push({ article: NEW_ARTICLES[Math.floor(k / INSERT_EVERY) % 2]!(k), origin: 'inserted' });
  });
  for (const m of moving.filter((x) => x.at >= page.articles.length)) placed.push({ article: m.article, origin: m.origin });
  placed.forEach((p, k) => (p.article.number = k + 1));
  return { version: { ...page, articles: placed.map((p) => p.article) }, origin: placed.map((p) => p.origin) };
}
