/**
 * Properties over random edits of the real seeds: delete, insert, move, retitle, split, merge,
 * reword and cosmetic rewrites, applied to parsed versions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffVersions, type PolicyDiff } from '../../src/domain/diff/index.js';
import type { Article, Clause, PolicyVersion } from '../../src/domain/model.js';
import { SEED_NAMES, seedVersion } from './seeds.js';

const seeds = SEED_NAMES.map((name) => seedVersion(name));

type Edit =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; from: number; article: number }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'retitle'; at: number }
  | { kind: 'split'; at: number }
  | { kind: 'merge'; at: number }
  | { kind: 'reword'; at: number; clause: number }
  | { kind: 'cosmetic'; at: number; style: number };

const structural = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), from: fc.nat(), article: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('retitle' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reword' as const), at: fc.nat(), clause: fc.nat() }),
);
const cosmeticEdit = fc.record({ kind: fc.constant('cosmetic' as const), at: fc.nat(), style: fc.nat() });

/** Rewrites a text without changing what it says. */
function cosmeticText(text: string, style: number): string {
  switch (style % 4) {
    case 0:
      return text.replace(/ /gu, '  ');
    case 1:
      return text.replace(/·/gu, 'ㆍ').replace(/"([^"]*)"/gu, '“$1”');
    case 2:
      return text.replace(/(.{12,}?) /u, '$1\n'); // a line break in the middle
    default:
      return ` ${text}\t`;
  }
}

function mapClauses(clauses: Clause[], f: (c: Clause) => Clause): Clause[] {
  return clauses.map((c) => {
    const mapped = f(c);
    return mapped.children ? { ...mapped, children: mapClauses(mapped.children, f) } : mapped;
  });
}

function cosmeticArticle(article: Article, style: number): Article {
  const swapMarker = (m: string | undefined): string | undefined => (m === '•' ? '-' : m === '○' ? '·' : m === '-' ? '•' : m);
  return {
    ...article,
    title: style % 2 === 0 ? `(${article.title})` : `${article.title}.`,
    body: mapClauses(article.body, (c) => {
      const out: Clause = { ...c };
      const marker = swapMarker(c.marker);
      if (marker !== undefined) out.marker = marker;
      if (c.text !== undefined) out.text = cosmeticText(c.text, style);
      return out;
    }),
  };
}

function apply(version: PolicyVersion, edits: readonly Edit[]): PolicyVersion {
  const articles = [...version.articles.map((a) => structuredClone(a))];
  const pick = (n: number): number => n % articles.length;
  for (const edit of edits) {
    if (articles.length < 3) break;
    switch (edit.kind) {
      case 'delete':
        articles.splice(pick(edit.at), 1);
        break;
      case 'insert': {
        const donor = seeds[edit.from % seeds.length]!;
        const article = structuredClone(donor.articles[edit.article % donor.articles.length]!);
        articles.splice(pick(edit.at), 0, article);
        break;
      }
      case 'move': {
        const [article] = articles.splice(pick(edit.at), 1);
        articles.splice(edit.to % (articles.length + 1), 0, article!);
        break;
      }
      case 'retitle': {
        const article = articles[pick(edit.at)]!;
        article.title = `${article.title}에 관한 특례 사항`;
        break;
      }
      case 'split': {
        const at = pick(edit.at);
        const article = articles[at]!;
        if (article.body.length < 4) break;
        const half = Math.ceil(article.body.length / 2);
        const second: Article = { number: 0, title: `${article.title} 세부사항`, topic: article.topic, body: article.body.slice(half) };
        article.body = article.body.slice(0, half);
        articles.splice(at + 1, 0, second);
        break;
      }
      case 'merge': {
        const at = pick(edit.at);
        if (at + 1 >= articles.length) break;
        const [next] = articles.splice(at + 1, 1);
        articles[at]!.body = [...articles[at]!.body, ...next!.body];
        break;
      }
      case 'reword': {
        const article = articles[pick(edit.at)]!;
        if (article.body.length === 0) break;
        const clause = article.body[edit.clause % article.body.length]!;
        if (clause.text !== undefined) clause.text = `${clause.text} 다만, 정보주체가 요청하는 경우에는 즉시 통지합니다.`;
        else clause.row = [...(clause.row ?? []), '비고: 즉시 통지'];
        break;
      }
      case 'cosmetic': {
        const at = pick(edit.at);
        articles[at] = cosmeticArticle(articles[at]!, edit.style);
        break;
      }
    }
  }
  // Renumber, as a city does after editing.
  articles.forEach((a, k) => {
    a.number = k + 1;
    delete a.branch;
  });
  return { ...version, articles };
}

function articleCoverage(diff: PolicyDiff, side: 'old' | 'new'): number[] {
  return diff.articles
    .flatMap((e) => e[side])
    .filter((r) => r.part === undefined)
    .map((r) => r.number)
    .sort((a, b) => a - b);
}

const seedIndex = fc.integer({ min: 0, max: seeds.length - 1 });

describe('diff properties over random edits of the seeds', () => {
  it('every article of either side appears in exactly one entry', () => {
    fc.assert(
      fc.property(seedIndex, fc.array(fc.oneof(structural, cosmeticEdit), { minLength: 1, maxLength: 6 }), (s, edits) => {
        const base = seeds[s]!;
        const edited = apply(base, edits);
        const diff = diffVersions(base, edited);
        expect(articleCoverage(diff, 'old')).toEqual(base.articles.map((a) => a.number));
        expect(articleCoverage(diff, 'new')).toEqual(edited.articles.map((a) => a.number));
      }),
      { numRuns: 40 },
    );
  });

  it('cosmetic-only edits never yield a substantive entry', () => {
    fc.assert(
      fc.property(seedIndex, fc.array(cosmeticEdit, { minLength: 1, maxLength: 8 }), (s, edits) => {
        const base = seeds[s]!;
        const diff = diffVersions(base, apply(base, edits));
        expect(diff.articles.filter((e) => e.substantive)).toEqual([]);
        expect(diff.summary.substantive).toBe(0);
        expect(diff.facts).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a substantive edit is never hidden', () => {
    fc.assert(
      fc.property(seedIndex, fc.array(structural, { minLength: 1, maxLength: 4 }), (s, edits) => {
        const base = seeds[s]!;
        const edited = apply(base, edits);
        const sameText = JSON.stringify(base.articles.map((a) => [a.title, a.body])) === JSON.stringify(edited.articles.map((a) => [a.title, a.body]));
        fc.pre(!sameText);
        expect(diffVersions(base, edited).summary.substantive).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('A→B mirrors B→A: added ↔ removed, split ↔ merged, the same pairs', () => {
    fc.assert(
      fc.property(seedIndex, fc.array(fc.oneof(structural, cosmeticEdit), { minLength: 1, maxLength: 6 }), (s, edits) => {
        const a = seeds[s]!;
        const b = apply(a, edits);
        const forward = diffVersions(a, b);
        const backward = diffVersions(b, a);
        const swapStatus = { added: 'removed', removed: 'added', split: 'merged', merged: 'split', modified: 'modified', unchanged: 'unchanged' } as const;
        const shape = (diff: PolicyDiff, mirror: boolean) =>
          diff.articles
            .filter((e) => [...e.old, ...e.new].every((r) => r.part === undefined))
            .map((e) => {
              const olds = (mirror ? e.new : e.old).map((r) => r.number).join(',');
              const news = (mirror ? e.old : e.new).map((r) => r.number).join(',');
              return `${mirror ? swapStatus[e.status] : e.status} ${olds} → ${news} ${e.substantive}`;
            })
            .sort();
        expect(shape(backward, true)).toEqual(shape(forward, false));
        expect(backward.summary.added).toBe(forward.summary.removed);
        expect(backward.summary.split).toBe(forward.summary.merged);
        expect(backward.summary.moved).toBe(forward.summary.moved);
      }),
      { numRuns: 40 },
    );
  });
});
