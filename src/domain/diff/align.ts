/**
 * Article alignment by content, not number: exact-content anchors first, then an optimal one-to-one
 * assignment on a combined title/body/topic score, then split and merge detection on the leftovers,
 * then moves (matched articles not on every longest increasing subsequence of positions).
 */
import type { Article, Topic } from '../model.js';
import { bodyKey } from './clauses.js';
import { maxWeightAssignment, onEveryLongestIncreasingSubsequence } from './assignment.js';
import { titleKey } from './normalize.js';
import { addVectors, containment, dice, ngramVector, type NgramVector } from './similarity.js';

/** What alignment knows about one article, computed once. */
export interface ArticleProfile {
  index: number;
  article: Article;
  titleKey: string;
  bodyKey: string;
  titleVector: NgramVector;
  /** Trigrams: bigrams of Korean legal prose are too common ("개인", "정보") to tell articles apart. */
  bodyVector: NgramVector;
  /** Bigrams, for containment (split/merge), where recall matters more than precision. */
  coverVector: NgramVector;
}

export interface AlignmentWeights {
  body: number;
  title: number;
  topic: number;
  /** A pair scoring below this is not the same article: one is added, the other removed. */
  threshold: number;
}

/** Two versions of one city: the body decides. */
export const SAME_CITY_WEIGHTS: AlignmentWeights = { body: 0.6, title: 0.25, topic: 0.15, threshold: 0.3 };
/** Two cities: bodies differ in wording, so topic and title weigh more. */
export const CROSS_CITY_WEIGHTS: AlignmentWeights = { body: 0.35, title: 0.3, topic: 0.35, threshold: 0.3 };

/** A unique shared title anchors a pair when the bodies are at least this similar. */
const TITLE_ANCHOR_SIMILARITY = 0.6;
/** Above this many candidate pairs, score only pairs near each other or sharing a title. */
const FULL_MATRIX_LIMIT = 200 * 200;
/** The neighbourhood (in articles, by relative position) scored when the full matrix is too big. */
const WINDOW = 24;

export interface ArticlePair {
  old: number;
  new: number;
  score: number;
  /** Dice similarity of the bodies, 0..1. */
  similarity: number;
}

export interface SplitGroup {
  kind: 'split' | 'merged';
  old: number[];
  new: number[];
  /** How much of the single side is covered by the several side, 0..1. */
  coverage: number;
}

export interface Alignment {
  pairs: ArticlePair[];
  groups: SplitGroup[];
  removed: number[];
  added: number[];
  /** Old indices of pairs/groups that moved (off the longest increasing subsequence). */
  moved: Set<number>;
}

/** Vectors are built on first use: anchored (identical) articles never need them. */
export function profileArticle(article: Article, index: number): ArticleProfile {
  const title = titleKey(article.title);
  const body = bodyKey(article.body);
  let titleVector: NgramVector | undefined;
  let bodyVector: NgramVector | undefined;
  let coverVector: NgramVector | undefined;
  return {
    index,
    article,
    titleKey: title,
    bodyKey: body,
    get titleVector() {
      return (titleVector ??= ngramVector(title, 2));
    },
    get bodyVector() {
      return (bodyVector ??= ngramVector(body, 3));
    },
    get coverVector() {
      return (coverVector ??= ngramVector(body, 2));
    },
  };
}

export function topicsMatch(a: Topic, b: Topic): boolean {
  return a === b && a !== 'other';
}

export function pairScore(a: ArticleProfile, b: ArticleProfile, weights: AlignmentWeights): { score: number; similarity: number } {
  const similarity = a.bodyKey === b.bodyKey ? 1 : dice(a.bodyVector, b.bodyVector);
  const titleSimilarity = a.titleKey === b.titleKey ? 1 : dice(a.titleVector, b.titleVector);
  const topic = topicsMatch(a.article.topic, b.article.topic) ? 1 : 0;
  return { score: weights.body * similarity + weights.title * titleSimilarity + weights.topic * topic, similarity };
}

/** Aligns two article lists. */
export function alignArticles(oldProfiles: readonly ArticleProfile[], newProfiles: readonly ArticleProfile[], weights: AlignmentWeights): Alignment {
  const pairs: ArticlePair[] = [];
  const oldMatched = new Set<number>();
  const newMatched = new Set<number>();

  // 1. Anchors: identical content (and title, for short bodies that boilerplate could make equal), in order.
  const anchorKey = (p: ArticleProfile): string => (p.bodyKey.length >= 40 ? p.bodyKey : `${p.titleKey}\u0000${p.bodyKey}`);
  const newByKey = new Map<string, number[]>();
  for (const p of newProfiles) {
    const list = newByKey.get(anchorKey(p)) ?? [];
    list.push(p.index);
    newByKey.set(anchorKey(p), list);
  }
  for (const p of oldProfiles) {
    const candidates = newByKey.get(anchorKey(p));
    const next = candidates?.shift();
    if (next === undefined) continue;
    pairs.push({ old: p.index, new: next, score: 1, similarity: 1 });
    oldMatched.add(p.index);
    newMatched.add(next);
  }

  // 2. Anchors: a title that is unique on both sides, over a clearly similar body (one comparison each).
  const uniqueTitles = (profiles: readonly ArticleProfile[], matched: ReadonlySet<number>): Map<string, ArticleProfile> => {
    const byTitle = new Map<string, ArticleProfile | null>();
    for (const p of profiles) if (!matched.has(p.index)) byTitle.set(p.titleKey, byTitle.has(p.titleKey) ? null : p);
    return new Map([...byTitle].filter((entry): entry is [string, ArticleProfile] => entry[1] !== null));
  };
  const newTitles = uniqueTitles(newProfiles, newMatched);
  for (const [title, a] of uniqueTitles(oldProfiles, oldMatched)) {
    const b = newTitles.get(title);
    if (b === undefined) continue;
    const { score, similarity } = pairScore(a, b, weights);
    if (similarity < TITLE_ANCHOR_SIMILARITY) continue;
    pairs.push({ old: a.index, new: b.index, score, similarity });
    oldMatched.add(a.index);
    newMatched.add(b.index);
  }

  // 3. The rest: optimal assignment on the combined score (sparse greedy when too many).
  const oldRest = oldProfiles.filter((p) => !oldMatched.has(p.index));
  const newRest = newProfiles.filter((p) => !newMatched.has(p.index));
  for (const pair of assignRest(oldRest, newRest, weights)) {
    pairs.push(pair);
    oldMatched.add(pair.old);
    newMatched.add(pair.new);
  }

  // 4. Splits and merges among the leftovers.
  const groups = detectSplitsAndMerges(oldProfiles, newProfiles, pairs, oldMatched, newMatched);
  const groupedOld = new Set(groups.flatMap((g) => g.old));
  const groupedNew = new Set(groups.flatMap((g) => g.new));
  const onePairs = pairs.filter((p) => !groupedOld.has(p.old) && !groupedNew.has(p.new));

  // 5. Moves: positions of matched units, old order vs new order.
  const units = [
    ...onePairs.map((p) => ({ old: p.old, new: p.new })),
    ...groups.map((g) => ({ old: Math.min(...g.old), new: Math.min(...g.new) })),
  ].sort((a, b) => a.old - b.old);
  const inOrder = onEveryLongestIncreasingSubsequence(units.map((u) => u.new));
  const moved = new Set(units.filter((_, k) => !inOrder[k]).map((u) => u.old));

  return {
    pairs: onePairs.sort((a, b) => a.new - b.new),
    groups,
    removed: oldProfiles.map((p) => p.index).filter((i) => !oldMatched.has(i) && !groupedOld.has(i)),
    added: newProfiles.map((p) => p.index).filter((i) => !newMatched.has(i) && !groupedNew.has(i)),
    moved,
  };
}

function assignRest(oldRest: readonly ArticleProfile[], newRest: readonly ArticleProfile[], weights: AlignmentWeights): ArticlePair[] {
  if (oldRest.length === 0 || newRest.length === 0) return [];
  if (oldRest.length * newRest.length <= FULL_MATRIX_LIMIT) {
    const details = oldRest.map((a) => newRest.map((b) => pairScore(a, b, weights)));
    const scores = details.map((row) => row.map((d) => (d.score >= weights.threshold ? d.score : 0)));
    const assignment = maxWeightAssignment(scores);
    const pairs: ArticlePair[] = [];
    assignment.forEach((column, row) => {
      if (column < 0) return;
      const detail = details[row]![column]!;
      pairs.push({ old: oldRest[row]!.index, new: newRest[column]!.index, score: detail.score, similarity: detail.similarity });
    });
    return pairs;
  }
  // Sparse: candidates near the same relative position or sharing a title, best first.
  const candidates: ArticlePair[] = [];
  const newByTitle = new Map<string, ArticleProfile[]>();
  for (const b of newRest) newByTitle.set(b.titleKey, [...(newByTitle.get(b.titleKey) ?? []), b]);
  oldRest.forEach((a, i) => {
    const centre = Math.round((i * newRest.length) / oldRest.length);
    const seen = new Set<number>();
    const consider = (b: ArticleProfile): void => {
      if (seen.has(b.index)) return;
      seen.add(b.index);
      const { score, similarity } = pairScore(a, b, weights);
      if (score >= weights.threshold) candidates.push({ old: a.index, new: b.index, score, similarity });
    };
    for (let j = Math.max(0, centre - WINDOW); j <= Math.min(newRest.length - 1, centre + WINDOW); j++) consider(newRest[j]!);
    for (const b of (newByTitle.get(a.titleKey) ?? []).slice(0, WINDOW)) consider(b);
  });
  candidates.sort((x, y) => y.score - x.score || x.old - y.old || x.new - y.new);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: ArticlePair[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    usedOld.add(c.old);
    usedNew.add(c.new);
    pairs.push(c);
  }
  return pairs;
}

/** A leftover must be this much inside the article it came from (or went into). */
const CONTAINED = 0.75;
/** Together, the pieces must cover the whole this well … */
const COVERED = 0.7;
/** … and clearly better than the one-to-one match alone. */
const COVERAGE_GAIN = 0.15;

function detectSplitsAndMerges(
  oldProfiles: readonly ArticleProfile[],
  newProfiles: readonly ArticleProfile[],
  pairs: readonly ArticlePair[],
  oldMatched: ReadonlySet<number>,
  newMatched: ReadonlySet<number>,
): SplitGroup[] {
  const newOfOld = new Map(pairs.map((p) => [p.old, p.new]));
  const oldOfNew = new Map(pairs.map((p) => [p.new, p.old]));
  const groups: SplitGroup[] = [];
  const taken = { old: new Set<number>(), new: new Set<number>() };

  const find = (
    leftovers: readonly ArticleProfile[],
    wholes: readonly ArticleProfile[],
    partner: ReadonlyMap<number, number>,
    partnerProfiles: readonly ArticleProfile[],
  ): Map<number, number[]> => {
    // Leftover piece → the whole it is contained in.
    const byWhole = new Map<number, number[]>();
    if (leftovers.length === 0) return byWhole;
    for (const piece of leftovers) {
      let best = -1;
      let bestScore = CONTAINED;
      const probes = probeGrams(piece.bodyKey);
      for (const whole of wholes) {
        // Cheap screen before building vectors: most wholes share few of the piece's trigrams.
        if (whole.bodyKey.length < piece.bodyKey.length * CONTAINED * 0.9) continue;
        if (probes.filter((probe) => whole.bodyKey.includes(probe)).length < probes.length * 0.6) continue;
        const c = containment(piece.coverVector, whole.coverVector);
        if (c >= bestScore) {
          best = whole.index;
          bestScore = c;
        }
      }
      if (best >= 0) byWhole.set(best, [...(byWhole.get(best) ?? []), piece.index]);
    }
    // Keep only wholes that the pieces (with the whole's one-to-one partner) really cover.
    for (const [whole, pieces] of [...byWhole]) {
      const wholeVector = wholes[whole]!.coverVector;
      const partnerIndex = partner.get(whole);
      const base = partnerIndex === undefined ? [] : [partnerProfiles[partnerIndex]!.coverVector];
      const before = base.length === 0 ? 0 : containment(wholeVector, addVectors(base));
      const after = containment(wholeVector, addVectors([...base, ...pieces.map((k) => leftovers.find((p) => p.index === k)!.coverVector)]));
      if (after < COVERED || after < before + COVERAGE_GAIN) byWhole.delete(whole);
    }
    return byWhole;
  };

  const unmatchedNew = newProfiles.filter((p) => !newMatched.has(p.index));
  const unmatchedOld = oldProfiles.filter((p) => !oldMatched.has(p.index));
  const splits = find(unmatchedNew, oldProfiles, newOfOld, newProfiles);
  for (const [whole, pieces] of splits) {
    const partner = newOfOld.get(whole);
    const news = [...(partner === undefined ? [] : [partner]), ...pieces].sort((a, b) => a - b);
    groups.push({ kind: 'split', old: [whole], new: news, coverage: coverageOf(oldProfiles[whole]!, news.map((k) => newProfiles[k]!)) });
    taken.old.add(whole);
    for (const k of news) taken.new.add(k);
  }
  const merges = find(unmatchedOld, newProfiles, oldOfNew, oldProfiles);
  for (const [whole, pieces] of merges) {
    if (taken.new.has(whole)) continue;
    const partner = oldOfNew.get(whole);
    if (partner !== undefined && taken.old.has(partner)) continue;
    const olds = [...(partner === undefined ? [] : [partner]), ...pieces].sort((a, b) => a - b);
    groups.push({ kind: 'merged', old: olds, new: [whole], coverage: coverageOf(newProfiles[whole]!, olds.map((k) => oldProfiles[k]!)) });
  }
  return groups;
}

/** Up to 24 trigrams spread evenly over a text. */
function probeGrams(text: string): string[] {
  const count = Math.min(24, Math.max(0, text.length - 2));
  const step = count === 0 ? 0 : (text.length - 3) / Math.max(1, count - 1);
  return Array.from({ length: count }, (_, k) => text.slice(Math.round(k * step), Math.round(k * step) + 3));
}

function coverageOf(whole: ArticleProfile, pieces: readonly ArticleProfile[]): number {
  return containment(whole.coverVector, addVectors(pieces.map((p) => p.coverVector)));
}
