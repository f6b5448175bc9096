/**
 * Article alignment by content, not number: exact-content and unique-title anchors first, then an
 * optimal one-to-one assignment on a combined title/body/topic score (solved per connected component
 * of the candidate graph; on long pages only pruned candidates are scored), then split and merge
 * detection on the leftovers (an index screens the wholes), then moves (matched articles not on every
 * longest increasing subsequence of positions). Each step grows with the page, not its square.
 */
import type { Article, Topic } from '../model.js';
import { bodyKey } from './clauses.js';
import { onEveryLongestIncreasingSubsequence, sparseMaxWeightAssignment, type ScoredEdge } from './assignment.js';
import { titleKey } from './normalize.js';
import { addVectors, BigramContainment, containment, dice, diceOf, GramIds, ngramVector, SharedGramCounter, type NgramVector } from './similarity.js';

/**
 * What alignment knows about one article, computed once. The keys are read for every article (the
 * anchors need them); the vectors are built on first use, so anchored (identical) articles never
 * pay for them.
 */
export class ArticleProfile {
  readonly titleKey: string;
  readonly bodyKey: string;
  #titleVector: NgramVector | undefined;
  #bodyVector: NgramVector | undefined;
  #coverVector: NgramVector | undefined;

  constructor(
    readonly article: Article,
    readonly index: number,
  ) {
    this.titleKey = titleKey(article.title);
    this.bodyKey = bodyKey(article.body);
  }

  get titleVector(): NgramVector {
    return (this.#titleVector ??= ngramVector(this.titleKey, 2));
  }

  /** Trigrams: bigrams of Korean legal prose are too common ("개인", "정보") to tell articles apart. */
  get bodyVector(): NgramVector {
    return (this.#bodyVector ??= ngramVector(this.bodyKey, 3));
  }

  /** Bigrams, for containment (split/merge), where recall matters more than precision. */
  get coverVector(): NgramVector {
    return (this.#coverVector ??= ngramVector(this.bodyKey, 2));
  }
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
/** Above this many pairs, score only the candidates an index and the anchors point to. */
const FULL_MATRIX_LIMIT = 200 * 200;

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

export function profileArticle(article: Article, index: number): ArticleProfile {
  return new ArticleProfile(article, index);
}

export function topicsMatch(a: Topic, b: Topic): boolean {
  return a === b && a !== 'other';
}

export function pairScore(a: ArticleProfile, b: ArticleProfile, weights: AlignmentWeights): { score: number; similarity: number } {
  return scoreWithBody(a, b, weights, a.bodyKey === b.bodyKey ? 1 : dice(a.bodyVector, b.bodyVector));
}

/** The combined score of a pair whose body similarity is already known. */
function scoreWithBody(a: ArticleProfile, b: ArticleProfile, weights: AlignmentWeights, similarity: number): { score: number; similarity: number } {
  const titleSimilarity = a.titleKey === b.titleKey ? 1 : dice(a.titleVector, b.titleVector);
  const topic = topicsMatch(a.article.topic, b.article.topic) ? 1 : 0;
  return { score: weights.body * similarity + weights.title * titleSimilarity + weights.topic * topic, similarity };
}

/**
 * Aligns two article lists. `fullMatrixLimit`: above this many old × new pairs left after the
 * anchors, only pruned candidates are scored (tests lower it to compare pruned with exhaustive).
 */
export function alignArticles(oldProfiles: readonly ArticleProfile[], newProfiles: readonly ArticleProfile[], weights: AlignmentWeights, fullMatrixLimit = FULL_MATRIX_LIMIT): Alignment {
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

  // 3. The rest: optimal assignment on the combined score (over pruned candidates when the page is long).
  const oldRest = oldProfiles.filter((p) => !oldMatched.has(p.index));
  const newRest = newProfiles.filter((p) => !newMatched.has(p.index));
  for (const pair of assignRest(oldRest, newRest, weights, pairs, fullMatrixLimit)) {
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

function assignRest(oldRest: readonly ArticleProfile[], newRest: readonly ArticleProfile[], weights: AlignmentWeights, anchors: readonly ArticlePair[], fullMatrixLimit: number): ArticlePair[] {
  if (oldRest.length === 0 || newRest.length === 0) return [];
  // Every pair when the pages are policy-sized; pruned candidates when they are not.
  const cols = newRest.length;
  const details = new Map<number, { score: number; similarity: number }>();
  const edges: ScoredEdge[] = [];
  const keep = (row: number, col: number, detail: { score: number; similarity: number }): void => {
    if (detail.score < weights.threshold) return;
    details.set(row * cols + col, detail);
    edges.push({ row, col, score: detail.score });
  };
  if (oldRest.length * cols <= fullMatrixLimit) {
    // Every row meets every column: count shared n-grams against a table, row by row.
    const counter = new SharedGramCounter(
      oldRest.map((p) => p.bodyVector),
      newRest.map((p) => p.bodyVector),
    );
    for (let row = 0; row < oldRest.length; row++) {
      const a = oldRest[row]!;
      for (let col = 0; col < cols; col++) {
        const b = newRest[col]!;
        keep(row, col, scoreWithBody(a, b, weights, a.bodyKey === b.bodyKey ? 1 : diceOf(counter.shared(row, col), a.bodyVector, b.bodyVector)));
      }
    }
  } else {
    for (const key of candidatePairs(oldRest, newRest, anchors)) {
      const row = Math.floor(key / cols);
      const col = key % cols;
      keep(row, col, pairScore(oldRest[row]!, newRest[col]!, weights));
    }
  }
  const pairs: ArticlePair[] = [];
  sparseMaxWeightAssignment(oldRest.length, newRest.length, edges).forEach((col, row) => {
    if (col < 0) return;
    const detail = details.get(row * cols + col)!;
    pairs.push({ old: oldRest[row]!.index, new: newRest[col]!.index, score: detail.score, similarity: detail.similarity });
  });
  return pairs;
}

/** Candidates by position: this many articles either side of where the anchors around one predict it. */
const NEIGHBOURS = 2;
/** Candidates by shared rare n-grams, per article, each way, of the body and of the title. */
const TEXT_CANDIDATES = 4;
/** An article looks for its candidates with at least its 16 rarest trigrams … */
const RARE_GRAMS = 16;
/** … and then more, rarest first, while their lists sum to at most this (all of them on a short page). */
const GRAM_WORK = 4096;
/** A trigram in more articles than this tells none of them apart. */
const COMMON_GRAM = 256;
/** Articles sharing a title, per article. */
const TITLE_CANDIDATES = 8;

/**
 * The pairs worth scoring on a long page (each as row × newRest.length + col, indices into oldRest
 * and newRest): an article's counterpart is near where the anchors around it say it should be, or
 * shares its title, or shares the trigrams that are rare on the page (a moved and edited article).
 * A few per article, so the work and the components of the candidate graph grow with the page, not
 * with its square.
 */
function candidatePairs(oldRest: readonly ArticleProfile[], newRest: readonly ArticleProfile[], anchors: readonly ArticlePair[]): Iterable<number> {
  const seen = new Set<number>(); // row × newRest.length + col, in the order first found
  const add = (row: number, col: number): void => {
    seen.add(row * newRest.length + col);
  };

  // By position: between two anchors, the rest of one side maps proportionally onto the other's.
  const byOld = [...anchors].sort((a, b) => a.old - b.old);
  const newIndices = newRest.map((p) => p.index);
  const firstAfter = (sorted: readonly number[], value: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let row = 0;
  for (let gap = 0; gap <= byOld.length && row < oldRest.length; gap++) {
    const before = gap === 0 ? undefined : byOld[gap - 1]!;
    const after = byOld[gap];
    const oldStart = row;
    while (row < oldRest.length && (after === undefined || oldRest[row]!.index < after.old)) row++;
    const oldCount = row - oldStart;
    if (oldCount === 0) continue;
    const newFrom = before === undefined ? 0 : firstAfter(newIndices, before.new);
    const newTo = after === undefined ? newRest.length : firstAfter(newIndices, after.new - 1);
    if (newTo <= newFrom) continue; // the anchors crossed (a move): only text and titles find these
    for (let k = 0; k < oldCount; k++) {
      const centre = newFrom + Math.round((k * (newTo - newFrom)) / oldCount);
      for (let col = Math.max(newFrom, centre - NEIGHBOURS); col <= Math.min(newTo - 1, centre + NEIGHBOURS); col++) add(oldStart + k, col);
    }
  }

  // By title.
  const newByTitle = new Map<string, number[]>();
  newRest.forEach((b, col) => {
    const list = newByTitle.get(b.titleKey);
    if (list) list.push(col);
    else newByTitle.set(b.titleKey, [col]);
  });
  oldRest.forEach((a, row) => {
    for (const col of (newByTitle.get(a.titleKey) ?? []).slice(0, TITLE_CANDIDATES)) add(row, col);
  });

  // By rare body trigrams and title bigrams (a title alone can carry a pair), each way.
  for (const vector of [(p: ArticleProfile) => p.bodyVector, (p: ArticleProfile) => p.titleVector]) {
    const { oldToNew, newToOld } = rareGramNeighbours(oldRest, newRest, vector);
    oldToNew.forEach((cols, row) => cols.forEach((col) => add(row, col)));
    newToOld.forEach((rows, col) => rows.forEach((r) => add(r, col)));
  }
  return seen;
}

/**
 * For each article of one side, the articles of the other sharing most of its rarest n-grams. Both
 * sides' n-grams get ids once (ids shared by the sides); per side, the postings (which articles hold
 * each id) sit in flat typed arrays. An article's lists on the other side are ordered rarest first by
 * a counting sort (lengths are at most COMMON_GRAM; ties keep n-gram order). N-grams held by exactly
 * the same articles (the wording an article's copies share) form one class: an article's taken
 * n-grams are counted per class, and each class's list is walked once, adding its count, so the
 * shared counts are the same as walking every list, at the cost of the distinct ones.
 */
function rareGramNeighbours(
  oldRest: readonly ArticleProfile[],
  newRest: readonly ArticleProfile[],
  vector: (p: ArticleProfile) => NgramVector,
): { oldToNew: number[][]; newToOld: number[][] } {
  const oldGrams = oldRest.map((p) => vector(p).grams);
  const newGrams = newRest.map((p) => vector(p).grams);
  // Sized as it grows: the articles repeat most of their grams, and a table sized for every gram they
  // hold would be mostly empty and far larger than the processor's caches.
  const ids = new GramIds();
  // An article's grams are distinct, so are its ids.
  const idsOf = (grams: Float64Array): Int32Array => {
    const out = new Int32Array(grams.length);
    for (let g = 0; g < grams.length; g++) out[g] = ids.add(grams[g]!);
    return out;
  };
  const oldIds = oldGrams.map(idsOf);
  const newIds = newGrams.map(idsOf);
  const oldIndex = new GramPostings(oldIds, ids.size);
  const newIndex = new GramPostings(newIds, ids.size);
  return { oldToNew: oldIds.map((own) => newIndex.mostShared(own)), newToOld: newIds.map((own) => oldIndex.mostShared(own)) };
}

/** Which articles of one side hold each gram id, and the search for an article's closest ones there. */
class GramPostings {
  /** start[id] … start[id + 1]: positions in `postings` of the articles holding id, ascending. */
  private readonly start: Int32Array;
  private readonly postings: Int32Array;
  private readonly classOf: Int32Array;
  // Scratch for one search.
  private readonly shared: Int32Array;
  private readonly taken: Int32Array; // per class: how many of the article's taken n-grams it holds
  private readonly byLength = new Int32Array(COMMON_GRAM + 2);
  private lists = new Int32Array(256);
  private ordered = new Int32Array(256);
  private classes = new Int32Array(256); // the classes (their first id) taken, in first-taken order
  private readonly touched: number[] = []; // the articles holding any of them, in order first reached

  constructor(articleIds: readonly Int32Array[], size: number) {
    this.start = holderStarts(articleIds, size);
    this.postings = holdersOf(articleIds, this.start);
    this.classOf = firstOfClass(holderClasses(articleIds, size), this.postings.length + 1);
    this.shared = new Int32Array(articleIds.length);
    this.taken = new Int32Array(size);
  }

  /** The articles sharing most of the rarest of `own` (an article's gram ids, in gram order), best first. */
  mostShared(own: Int32Array): number[] {
    const { start, postings, classOf, shared, taken, byLength } = this;
    if (this.lists.length < own.length) {
      this.lists = new Int32Array(own.length);
      this.ordered = new Int32Array(own.length);
      this.classes = new Int32Array(own.length);
    }
    const { lists, ordered, classes, touched } = this;
    let count = 0;
    let longest = 0;
    for (let g = 0; g < own.length; g++) {
      const id = own[g]!;
      const length = start[id + 1]! - start[id]!;
      if (length === 0 || length > COMMON_GRAM) continue;
      lists[count++] = id;
      if (length > longest) longest = length;
    }
    // Counting sort by length, over the lengths that occur (byLength[length]: where that length starts).
    byLength.fill(0, 0, longest + 2);
    for (let k = 0; k < count; k++) byLength[start[lists[k]! + 1]! - start[lists[k]!]! + 1]!++;
    for (let length = 1; length <= longest; length++) byLength[length]! += byLength[length - 1]!;
    for (let k = 0; k < count; k++) {
      const id = lists[k]!;
      ordered[byLength[start[id + 1]! - start[id]!]!++] = id;
    }
    let classCount = 0;
    let work = 0;
    for (let next = 0; next < count; next++) {
      const id = ordered[next]!;
      const length = start[id + 1]! - start[id]!;
      if (next >= RARE_GRAMS && work + length > GRAM_WORK) break;
      work += length;
      const held = classOf[id]!;
      if (taken[held] === 0) classes[classCount++] = held;
      taken[held]!++;
    }
    touched.length = 0;
    for (let c = 0; c < classCount; c++) {
      const held = classes[c]!;
      const times = taken[held]!;
      taken[held] = 0;
      for (let q = start[held]!; q < start[held + 1]!; q++) {
        const k = postings[q]!;
        if (shared[k] === 0) touched.push(k);
        shared[k]! += times;
      }
    }
    const best = mostShared(touched, shared, TEXT_CANDIDATES);
    for (const k of touched) shared[k] = 0;
    return best;
  }
}

/*
 * The indexes below are built by small functions that each end with their one loop: the code V8
 * optimises while a long loop runs (on-stack replacement, entered again on every later call) would
 * otherwise run on into code that has not run yet, and be thrown away there, on every call.
 */

/** For lists of ids (the ids item k holds: lists[k]), where each id's holders start: start[id] … start[id + 1]. */
function holderStarts(lists: readonly Int32Array[], size: number): Int32Array {
  const start = new Int32Array(size + 1);
  countHolders(lists, start);
  for (let id = 0; id < size; id++) start[id + 1]! += start[id]!;
  return start;
}

function countHolders(lists: readonly Int32Array[], start: Int32Array): void {
  for (let k = 0; k < lists.length; k++) {
    const own = lists[k]!;
    for (let g = 0; g < own.length; g++) start[own[g]! + 1]!++;
  }
}

/** The holders of each id, ascending, at the positions `holderStarts` gave. */
function holdersOf(lists: readonly Int32Array[], start: Int32Array): Int32Array {
  const holders = new Int32Array(start[start.length - 1]!);
  const filled = start.slice(0, start.length - 1);
  for (let k = 0; k < lists.length; k++) {
    const own = lists[k]!;
    for (let g = 0; g < own.length; g++) holders[filled[own[g]!]!++] = k;
  }
  return holders;
}

/**
 * Each id's class number: the same exactly when the same articles hold the ids. The classes are refined
 * article by article: every id starts in class 0, and each article moves the ids it holds out of their
 * class into one of that article's (an article's ids are distinct: none moves twice for one article).
 * At most one class is made per id an article holds.
 */
function holderClasses(articleIds: readonly Int32Array[], size: number): Int32Array {
  const classOf = new Int32Array(size);
  let total = 0;
  for (const own of articleIds) total += own.length;
  // Per class: the class its ids move to for the article `movedFor` names.
  const movedTo = new Int32Array(total + 1);
  const movedFor = new Int32Array(total + 1).fill(-1);
  let classes = 1;
  for (let k = 0; k < articleIds.length; k++) {
    const own = articleIds[k]!;
    for (let g = 0; g < own.length; g++) {
      const id = own[g]!;
      const from = classOf[id]!;
      if (movedFor[from] !== k) {
        movedFor[from] = k;
        movedTo[from] = classes++;
      }
      classOf[id] = movedTo[from]!;
    }
  }
  return classOf;
}

/** Class numbers (below `classes`) → each class's first id, in place. */
function firstOfClass(classOf: Int32Array, classes: number): Int32Array {
  const firstOf = new Int32Array(classes).fill(-1);
  for (let id = 0; id < classOf.length; id++) {
    const number = classOf[id]!;
    if (firstOf[number]! < 0) firstOf[number] = id;
    classOf[id] = firstOf[number]!;
  }
  return classOf;
}

/** The `count` items with the highest `shared` (ties: the earlier item), best first, without sorting them all. */
function mostShared(items: readonly number[], shared: Int32Array, count: number): number[] {
  const best: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const score = shared[item]!;
    // Most items are no better than the worst kept one: one comparison, no call, sends them on.
    if (best.length === count) {
      const worst = best[count - 1]!;
      if (score < shared[worst]! || (score === shared[worst] && item >= worst)) continue;
    }
    let at = best.length === count ? count - 1 : best.length;
    for (; at > 0; at--) {
      const before = best[at - 1]!;
      if (score < shared[before]! || (score === shared[before] && item >= before)) break;
      best[at] = before;
    }
    best[at] = item;
  }
  return best;
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
    screen: ProbeScreen,
  ): Map<number, number[]> => {
    // Leftover piece → the whole it is contained in.
    const byWhole = new Map<number, number[]>();
    if (leftovers.length === 0) return byWhole;
    leftovers.forEach((piece, k) => {
      let best = -1;
      let bestScore = CONTAINED;
      const passing = screen.passing(k);
      if (passing.length === 0) return;
      // The wholes' texts are read against the piece's bigrams: no whole's vector is built for this.
      const inPiece = new BigramContainment(piece.coverVector);
      for (const w of passing) {
        const whole = wholes[w]!;
        if (whole.bodyKey.length < piece.bodyKey.length * CONTAINED * 0.9) continue;
        const c = inPiece.in(whole.bodyKey);
        if (c >= bestScore) {
          best = whole.index;
          bestScore = c;
        }
      }
      if (best >= 0) byWhole.set(best, [...(byWhole.get(best) ?? []), piece.index]);
    });
    // Keep only wholes that the pieces (with the whole's one-to-one partner) really cover.
    const leftoverAt = new Map(leftovers.map((p) => [p.index, p]));
    for (const [whole, pieces] of [...byWhole]) {
      const partnerIndex = partner.get(whole);
      // A whole whose partner holds its body word for word is already covered (before = 1): no gain is possible.
      if (partnerIndex !== undefined && partnerProfiles[partnerIndex]!.bodyKey === wholes[whole]!.bodyKey) {
        byWhole.delete(whole);
        continue;
      }
      const wholeVector = wholes[whole]!.coverVector;
      const base = partnerIndex === undefined ? [] : [partnerProfiles[partnerIndex]!.coverVector];
      const before = base.length === 0 ? 0 : containment(wholeVector, addVectors(base));
      const after = containment(wholeVector, addVectors([...base, ...pieces.map((k) => leftoverAt.get(k)!.coverVector)]));
      if (after < COVERED || after < before + COVERAGE_GAIN) byWhole.delete(whole);
    }
    return byWhole;
  };

  const unmatchedNew = newProfiles.filter((p) => !newMatched.has(p.index));
  const unmatchedOld = oldProfiles.filter((p) => !oldMatched.has(p.index));
  // Both screens' probes in one index, so a body that both sides hold word for word (most of a
  // long page) is read once for the two.
  const splitProbes = unmatchedNew.map((piece) => probeGrams(piece.bodyKey));
  const mergeProbes = unmatchedOld.map((piece) => probeGrams(piece.bodyKey));
  const index = new ProbeIndex([...splitProbes, ...mergeProbes]);
  const oldText = unmatchedNew.length === 0 ? [] : oldProfiles.map((whole) => index.read(whole.bodyKey));
  const twinText = (whole: ArticleProfile): number | undefined => {
    const twin = oldOfNew.get(whole.index);
    return twin !== undefined && oldProfiles[twin]!.bodyKey === whole.bodyKey ? oldText[twin] : undefined;
  };
  const newText = unmatchedOld.length === 0 ? [] : newProfiles.map((whole) => twinText(whole) ?? index.read(whole.bodyKey));
  const splits = find(unmatchedNew, oldProfiles, newOfOld, newProfiles, new ProbeScreen(index, splitProbes, oldText));
  for (const [whole, pieces] of splits) {
    const partner = newOfOld.get(whole);
    const news = [...(partner === undefined ? [] : [partner]), ...pieces].sort((a, b) => a - b);
    groups.push({ kind: 'split', old: [whole], new: news, coverage: coverageOf(oldProfiles[whole]!, news.map((k) => newProfiles[k]!)) });
    taken.old.add(whole);
    for (const k of news) taken.new.add(k);
  }
  const merges = find(unmatchedOld, newProfiles, oldOfNew, oldProfiles, new ProbeScreen(index, mergeProbes, newText));
  for (const [whole, pieces] of merges) {
    if (taken.new.has(whole)) continue;
    const partner = oldOfNew.get(whole);
    if (partner !== undefined && taken.old.has(partner)) continue;
    const olds = [...(partner === undefined ? [] : [partner]), ...pieces].sort((a, b) => a - b);
    groups.push({ kind: 'merged', old: olds, new: [whole], coverage: coverageOf(newProfiles[whole]!, olds.map((k) => oldProfiles[k]!)) });
  }
  return groups;
}

/** A whole must contain at least this share of a piece's probe trigrams to be compared with it. */
const PROBES_FOUND = 0.6;
/** A piece that more wholes than this could be part of is boilerplate: only the closest are compared. */
const MAX_WHOLES = 16;

/**
 * The probe trigrams of the pieces of both screens, and which of them a text contains. Every
 * position of every whole is looked up, so the table is keyed by the three UTF-16 units themselves
 * (no packing into a double) and sized to the probes (a quarter full: most positions start no probe
 * and end at an empty slot; it stays in the processor's cache while the texts are read through it).
 */
class ProbeIndex {
  /** Per slot: the probe's id + 1 (0: empty), its first two units and its third. */
  private readonly slotIds: Int32Array;
  private readonly slotHeads: Int32Array;
  private readonly slotThirds: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  private probeCount = 0;
  /** Per probe id: the last text it was found in, so each is listed once per text. */
  private readonly lastText: Int32Array;
  /** The probes found in text k: hits[textStart[k] … textStart[k + 1]]. */
  private hits = new Int32Array(0);
  private readonly textStart = [0];

  constructor(probes: readonly (readonly string[])[]) {
    let listed = 0;
    for (const list of probes) listed += list.length;
    let bits = 10;
    while (1 << bits < listed * 4) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slotIds = new Int32Array(1 << bits);
    this.slotHeads = new Int32Array(1 << bits);
    this.slotThirds = new Int32Array(1 << bits);
    for (const list of probes) {
      for (const probe of list) {
        const slot = this.slotOf(probe.charCodeAt(0), probe.charCodeAt(1), probe.charCodeAt(2));
        if (this.slotIds[slot] !== 0) continue;
        this.slotIds[slot] = ++this.probeCount;
        this.slotHeads[slot] = (probe.charCodeAt(0) << 16) | probe.charCodeAt(1);
        this.slotThirds[slot] = probe.charCodeAt(2);
      }
    }
    this.lastText = new Int32Array(this.probeCount).fill(-1);
  }

  /** The slot holding trigram (first, second, third), or the empty slot where it would go. */
  private slotOf(first: number, second: number, third: number): number {
    const { slotIds, slotHeads, slotThirds, mask } = this;
    const head = (first << 16) | second;
    let slot = trigramSlot(first, second, third) >>> this.shift;
    while (slotIds[slot] !== 0 && (slotHeads[slot] !== head || slotThirds[slot] !== third)) slot = (slot + 1) & mask;
    return slot;
  }

  /** How many distinct probes there are: ids run 0 … size − 1. */
  get size(): number {
    return this.probeCount;
  }

  idOf(probe: string): number {
    return this.slotIds[this.slotOf(probe.charCodeAt(0), probe.charCodeAt(1), probe.charCodeAt(2))]! - 1;
  }

  /**
   * Reads `text` and notes the probes it contains, each once, in order of first occurrence: its
   * number (0, 1, 2, … in the order read) for `foundIn`.
   */
  read(text: string): number {
    const { slotIds, lastText } = this;
    const read = this.textStart.length - 1;
    let end = this.textStart[read]!;
    // Room for a hit per position, made before the loop: growing inside it, first reached once the
    // loop runs optimised, would throw that code away (and the first text grows it, so it has run).
    if (end + text.length > this.hits.length) {
      const grown = new Int32Array(Math.max(this.hits.length * 2, end + text.length));
      grown.set(this.hits);
      this.hits = grown;
    }
    const hits = this.hits;
    let first = text.charCodeAt(0);
    let second = text.charCodeAt(1);
    for (let i = 0; i + 3 <= text.length; i++) {
      const third = text.charCodeAt(i + 2);
      const id = slotIds[this.slotOf(first, second, third)]! - 1;
      first = second;
      second = third;
      if (id < 0 || lastText[id] === read) continue;
      lastText[id] = read;
      hits[end++] = id;
    }
    this.textStart.push(end);
    return read;
  }

  /** The ids of the probes found in text `read` (a number `read` returned). */
  foundIn(read: number): Int32Array {
    return this.hits.subarray(this.textStart[read]!, this.textStart[read + 1]!);
  }
}

/**
 * The cheap screen before containment is computed: a whole passes for a piece when it contains
 * at least 60 % of the piece's probe trigrams. An index from probe to the wholes containing it makes
 * this cost the rare probes' lists, not pieces × wholes: a whole that contains none of the piece's
 * (probes − needed + 1) rarest probes cannot contain the needed number of them. Probes held by
 * exactly the same wholes (the wording a piece's copies share) form one class, as in GramPostings:
 * a piece's probes are counted per class, and each class's list is read once, adding its count.
 */
class ProbeScreen {
  /** start[id] … start[id + 1]: positions in `containing` of the wholes (ascending) that contain probe `id`. */
  private readonly start: Int32Array;
  private readonly containing: Int32Array;
  /** Per probe id: its class (the first id held by exactly the same wholes). */
  private readonly classOf: Int32Array;
  /** Per piece, its probes' ids. */
  private readonly probeIds: readonly number[][];
  /** Scratch: probes found per whole. */
  private readonly found: Int32Array;
  /** Scratch: 1 for the wholes that are candidates of the piece being screened. */
  private readonly candidate: Uint8Array;
  /** Scratch: per class, how many of the piece's probes it holds. */
  private readonly times: Int32Array;

  /** `textOf[w]`: which text the index read for whole w (its probes found are any screen's). */
  constructor(index: ProbeIndex, probes: readonly (readonly string[])[], textOf: readonly number[]) {
    this.probeIds = probes.map((list) => list.map((probe) => index.idOf(probe)));
    const found = textOf.map((text) => index.foundIn(text));
    this.start = holderStarts(found, index.size);
    this.containing = holdersOf(found, this.start);
    this.classOf = firstOfClass(holderClasses(found, index.size), this.containing.length + 1);
    this.found = new Int32Array(textOf.length);
    this.candidate = new Uint8Array(textOf.length);
    this.times = new Int32Array(index.size);
  }

  /**
   * Positions in `wholes`, ascending, of the wholes that pass the screen for piece `k`; when more
   * than MAX_WHOLES pass, the piece is boilerplate and only those that contain most of it are kept.
   */
  passing(k: number): number[] {
    const probes = this.probeIds[k]!;
    if (probes.length === 0) return Array.from(this.found, (_, w) => w); // too short to screen
    let needed = 0;
    while (needed < probes.length * PROBES_FOUND) needed++;
    const classes = this.classesOf(probes);
    const candidates = this.candidatesOf(classes, probes.length - needed + 1);
    this.countFound(classes, candidates);
    const { found, candidate } = this;
    const passing: number[] = [];
    for (const w of candidates) {
      candidate[w] = 0;
      if (found[w]! >= needed) passing.push(w);
    }
    const kept = passing.length <= MAX_WHOLES ? passing : mostShared(passing, found, MAX_WHOLES);
    for (const w of candidates) found[w] = 0;
    return kept.sort((a, b) => a - b);
  }

  /** The distinct classes of `probes`, rarest first, each with how many of them it holds in `times`. */
  private classesOf(probes: readonly number[]): number[] {
    const { classOf, times } = this;
    const classes: number[] = [];
    for (const id of probes) {
      const held = classOf[id]!;
      if (times[held] === 0) classes.push(held);
      times[held]!++;
    }
    return classes.sort((a, b) => this.holders(a) - this.holders(b));
  }

  /** The wholes holding the rarest classes until they hold `enough` of the piece's probes: every whole that can pass is one. */
  private candidatesOf(classes: readonly number[], enough: number): number[] {
    const { start, containing, found, times } = this;
    const candidates: number[] = [];
    let taken = 0;
    for (let c = 0; c < classes.length && taken < enough; c++) {
      const held = classes[c]!;
      taken += times[held]!;
      for (let q = start[held]!; q < start[held + 1]!; q++) {
        const w = containing[q]!;
        if (found[w] === 0) candidates.push(w);
        found[w] = 1;
      }
    }
    return candidates;
  }

  /** found[w]: how many of the piece's probes candidate w holds (a short list is walked, a long one searched per candidate); `times` is cleared. */
  private countFound(classes: readonly number[], candidates: readonly number[]): void {
    const { start, containing, found, candidate, times } = this;
    for (const w of candidates) {
      found[w] = 0;
      candidate[w] = 1;
    }
    for (const held of classes) {
      const count = times[held]!;
      times[held] = 0;
      if (this.holders(held) <= candidates.length * SEARCH_COST) {
        for (let q = start[held]!; q < start[held + 1]!; q++) found[containing[q]!]! += count * candidate[containing[q]!]!;
      } else {
        for (const w of candidates) if (includesSorted(containing, start[held]!, start[held + 1]!, w)) found[w]! += count;
      }
    }
  }

  private holders(id: number): number {
    return this.start[id + 1]! - this.start[id]!;
  }
}

/** Walking a list costs about this many entries per candidate it would otherwise be searched for. */
const SEARCH_COST = 8;

/** A trigram's hash, all 32 bits mixed: its top bits pick the slot. */
function trigramSlot(first: number, second: number, third: number): number {
  return Math.imul(((first << 16) | second) ^ Math.imul(third, 0x27d4eb2d), 0x9e3779b1) >>> 0;
}

/** Whether sorted[from … to] holds `value`. */
function includesSorted(sorted: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && sorted[lo] === value;
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
