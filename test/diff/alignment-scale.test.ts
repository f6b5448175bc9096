/**
 * Alignment at scale: on a long page only pruned candidates are scored and the assignment is solved
 * per connected component. These tests pin what a reader expects on a 2,000-article page and check
 * that neither the pruning nor the per-component assignment changes a result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignArticles, profileArticle, SAME_CITY_WEIGHTS, type Alignment } from '../../src/domain/diff/align.js';
import { maxWeightAssignment, sparseMaxWeightAssignment, type ScoredEdge } from '../../src/domain/diff/assignment.js';
import { diffVersions } from '../../src/domain/diff/index.js';
import type { Article, PolicyVersion } from '../../src/domain/model.js';
import { fateOf, longPage, revise } from './long-pages.js';
import { SEED_NAMES, seedVersion } from './seeds.js';

describe('a 2,000-article page against a revision with known edits', () => {
  const page = longPage(seedVersion('paju'), 2000);
  const { version: revision, origin } = revise(page);
  const diff = diffVersions(page, revision);

  it('pairs every kept article with itself, and flags exactly the moved and retitled ones', () => {
    const expected: string[] = [];
    origin.forEach((from, k) => {
      if (from === 'inserted') {
        expected.push(`added → ${k + 1}`);
        return;
      }
      const fate = fateOf(from);
      const moved = fate === 'moved' || fate === 'moved-rewritten';
      const retitled = fate === 'retitled' || fate === 'rewritten' || fate === 'moved-rewritten';
      const status = fate === 'kept' || fate === 'moved' ? 'unchanged' : 'modified';
      expected.push(`${status} ${from + 1} → ${k + 1}${moved ? ' moved' : ''}${retitled ? ' retitled' : ''}`);
    });
    page.articles.forEach((_, k) => {
      if (fateOf(k) === 'removed') expected.push(`removed ${k + 1} →`);
    });
    const articleEntries = diff.articles.filter((e) => [...e.old, ...e.new].every((r) => r.part === undefined)); // not the preamble
    const actual = articleEntries.map((e) => {
      const olds = e.old.map((r) => r.number).join(',');
      const news = e.new.map((r) => r.number).join(',');
      const text = e.status === 'added' ? `added → ${news}` : e.status === 'removed' ? `removed ${olds} →` : `${e.status} ${olds} → ${news}`;
      return `${text}${e.moved ? ' moved' : ''}${e.retitled ? ' retitled' : ''}`;
    });
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it('counts what the edits did, and no split or merge', () => {
    const count = (fates: readonly string[]): number => page.articles.filter((_, k) => fates.includes(fateOf(k))).length;
    expect(diff.summary).toMatchObject({
      added: origin.filter((o) => o === 'inserted').length,
      removed: count(['removed']),
      moved: count(['moved', 'moved-rewritten']),
      retitled: count(['retitled', 'rewritten', 'moved-rewritten']),
      split: 0,
      merged: 0,
    });
    // The page is long enough that the rest after the anchors exceeds the exhaustive limit (200 × 200).
    expect(count(['rewritten', 'moved-rewritten', 'removed'])).toBeGreaterThan(200);
  });
});

/** A sparse score matrix: some cells 0 (no edge), the others in (0, 1]. */
const sparseMatrix = fc
  .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 12 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000)), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

function edgesOf(matrix: readonly (readonly number[])[]): ScoredEdge[] {
  return matrix.flatMap((row, r) => row.flatMap((score, c) => (score > 0 ? [{ row: r, col: c, score }] : [])));
}

/** The total score of an assignment, after checking it is one: each column once, only on edges. */
function total(matrix: readonly (readonly number[])[], assignment: readonly number[]): number {
  const used = assignment.filter((c) => c >= 0);
  expect(new Set(used).size).toBe(used.length);
  return assignment.reduce((sum, c, r) => {
    if (c < 0) return sum;
    expect(matrix[r]![c]).toBeGreaterThan(0);
    return sum + matrix[r]![c]!;
  }, 0);
}

describe('the assignment per component finds the optimum of the whole matrix', () => {
  it('with the Hungarian algorithm per component', () => {
    fc.assert(
      fc.property(sparseMatrix, (matrix) => {
        const whole = total(matrix, maxWeightAssignment(matrix));
        const perComponent = total(matrix, sparseMaxWeightAssignment(matrix.length, matrix[0]!.length, edgesOf(matrix)));
        expect(perComponent).toBeCloseTo(whole, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('with shortest augmenting paths (what large components use)', () => {
    fc.assert(
      fc.property(sparseMatrix, (matrix) => {
        const whole = total(matrix, maxWeightAssignment(matrix));
        const shortestPaths = total(matrix, sparseMaxWeightAssignment(matrix.length, matrix[0]!.length, edgesOf(matrix), 0));
        expect(shortestPaths).toBeCloseTo(whole, 9);
      }),
      { numRuns: 300 },
    );
  });
});

const seeds = SEED_NAMES.map((name) => seedVersion(name));

type Edit = { kind: 'delete' | 'insert' | 'move' | 'retitle' | 'reword' | 'split' | 'merge'; at: number; to: number };
const edit = fc.record({ kind: fc.constantFrom('delete', 'insert', 'move', 'retitle', 'reword', 'split', 'merge'), at: fc.nat(), to: fc.nat() }) as fc.Arbitrary<Edit>;

/** A revision of a seed by the edits a city makes (articles from other seeds come in as new ones). */
function revised(version: PolicyVersion, edits: readonly Edit[]): Article[] {
  const articles = version.articles.map((a) => structuredClone(a));
  for (const { kind, at, to } of edits) {
    const k = at % articles.length;
    const article = articles[k]!;
    if (kind === 'delete' && articles.length > 3) articles.splice(k, 1);
    if (kind === 'insert') {
      const donor = seeds[to % seeds.length]!;
      articles.splice(k, 0, structuredClone(donor.articles[at % donor.articles.length]!));
    }
    if (kind === 'move') articles.splice(to % articles.length, 0, ...articles.splice(k, 1));
    if (kind === 'retitle') article.title = `${article.title}에 관한 특례 사항`;
    if (kind === 'reword') {
      const clause = article.body.find((c) => c.text !== undefined);
      if (clause) clause.text = `${clause.text} 다만, 정보주체가 요청하는 경우에는 즉시 통지합니다.`;
    }
    if (kind === 'split' && article.body.length >= 4) {
      const half = Math.ceil(article.body.length / 2);
      articles.splice(k + 1, 0, { ...article, title: `${article.title} 세부사항`, body: article.body.slice(half) });
      article.body = article.body.slice(0, half);
    }
    if (kind === 'merge' && k + 1 < articles.length) article.body = [...article.body, ...articles.splice(k + 1, 1)[0]!.body];
  }
  articles.forEach((a, n) => (a.number = n + 1));
  return articles;
}

function align(oldArticles: readonly Article[], newArticles: readonly Article[], fullMatrixLimit?: number): Alignment {
  const profiles = (articles: readonly Article[]) => articles.map((a, i) => profileArticle(a, i));
  return alignArticles(profiles(oldArticles), profiles(newArticles), SAME_CITY_WEIGHTS, fullMatrixLimit);
}

describe('pruned candidates give the exhaustive alignment', () => {
  it('on random revisions of the seeds (pruning forced on however short the page)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 7 }), (s, before, after) => {
        const oldArticles = revised(seeds[s]!, before);
        const newArticles = revised(seeds[s]!, after);
        const exhaustive = align(oldArticles, newArticles);
        const pruned = align(oldArticles, newArticles, 0);
        expect(pruned).toEqual(exhaustive);
      }),
      { numRuns: 300 },
    );
  });
});
