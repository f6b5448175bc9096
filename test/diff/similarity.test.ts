/**
 * The n-gram vectors every similarity is computed on, and the gram ids the long-page indexes use:
 * checked against the plainest possible reading (count every n-gram of the text in a Map) on the seeds'
 * provisions and on texts made to repeat their grams (the case a hand-written sort gets wrong).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addVectors, BigramContainment, containment, GramIds, ngramVector, SharedGramCounter, sharedGrams } from '../../src/domain/diff/similarity.js';
import { flattenClauses } from '../../src/domain/diff/clauses.js';
import { SEED_NAMES, seedVersion } from './seeds.js';

/** The packed gram at `at`, as the vectors pack it (16 bits per UTF-16 unit). */
function pack(text: string, at: number, n: number): number {
  let gram = 0;
  for (let k = 0; k < n; k++) gram = gram * 65536 + text.charCodeAt(at + k);
  return gram;
}

/** Every n-gram of `text` with its count, ascending: what ngramVector must give for texts of n or more units. */
function naive(text: string, n: 2 | 3): { grams: number[]; counts: number[]; total: number } {
  const counts = new Map<number, number>();
  for (let i = 0; i + n <= text.length; i++) counts.set(pack(text, i, n), (counts.get(pack(text, i, n)) ?? 0) + 1);
  const grams = [...counts.keys()].sort((a, b) => a - b);
  return { grams, counts: grams.map((g) => counts.get(g)!), total: text.length - n + 1 };
}

function plain(vector: ReturnType<typeof ngramVector>): { grams: number[]; counts: number[]; total: number } {
  return { grams: [...vector.grams], counts: [...vector.counts], total: vector.total };
}

describe('n-gram vectors', () => {
  const provisions = SEED_NAMES.flatMap((name) => seedVersion(name).articles.flatMap((a) => flattenClauses(a.body).map((p) => p.key)));

  it('count every bigram and trigram of every provision of the five seeds', () => {
    expect(provisions.length).toBeGreaterThan(200);
    for (const key of provisions.filter((k) => k.length >= 3)) {
      expect(plain(ngramVector(key, 2))).toEqual(naive(key, 2));
      expect(plain(ngramVector(key, 3))).toEqual(naive(key, 3));
    }
  });

  it('count texts that repeat a few grams many times, in any order', () => {
    const unit = fc.constantFrom('개', '인', '정', '보', '가', ' ', '1', 'a');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 3, maxLength: 900 }), fc.constantFrom(2 as const, 3 as const), (text, n) => {
        expect(plain(ngramVector(text, n))).toEqual(naive(text, n));
      }),
      { numRuns: 400 },
    );
  });

  it('count and order grams of units across the whole 16-bit range (top bit set, 0, 0xffff, lone surrogates)', () => {
    const unit = fc.constantFrom('\u0000', '\u0001', '\u7fff', '\u8000', '\ud83d', '\ude00', '\uffff', '가', 'a');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 3, maxLength: 300 }), fc.constantFrom(2 as const, 3 as const), (text, n) => {
        expect(plain(ngramVector(text, n))).toEqual(naive(text, n));
      }),
      { numRuns: 300 },
    );
  });

  it('add several texts\' vectors gram by gram, short texts (negative grams) included', () => {
    // A one-unit text's gram is negative (a text too short for the n-gram): it must sort before the rest.
    const unit = fc.constantFrom('개', '인', '\uffff', '\u8000', 'a');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 40 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(2 as const, 3 as const), (texts, n) => {
        const counts = new Map<number, number>();
        for (const text of texts) {
          const vector = ngramVector(text, n);
          vector.grams.forEach((gram, k) => counts.set(gram, (counts.get(gram) ?? 0) + vector.counts[k]!));
        }
        const grams = [...counts.keys()].sort((a, b) => a - b);
        const total = texts.reduce((sum, text) => sum + ngramVector(text, n).total, 0);
        expect(plain(addVectors(texts.map((text) => ngramVector(text, n))))).toEqual({ grams, counts: grams.map((g) => counts.get(g)!), total });
      }),
      { numRuns: 300 },
    );
  });
});

describe('gram ids', () => {
  it('give each distinct gram one id, in the order first added, through growth', () => {
    const text = provisions();
    const ids = new GramIds(4); // starts small: the table grows many times
    const first = new Map<number, number>();
    for (let i = 0; i + 3 <= text.length; i++) {
      const gram = pack(text, i, 3);
      if (!first.has(gram)) first.set(gram, first.size);
      expect(ids.add(gram)).toBe(first.get(gram));
    }
    expect(ids.size).toBe(first.size);
    for (const [gram, id] of first) expect(ids.get(gram)).toBe(id);
    expect(ids.get(pack('없는말', 0, 3))).toBe(first.get(pack('없는말', 0, 3)) ?? -1);
  });
});

function provisions(): string {
  return SEED_NAMES.map((name) => seedVersion(name).articles.flatMap((a) => flattenClauses(a.body).map((p) => p.key)).join('')).join('');
}

describe('shared n-grams counted against a table (the exhaustive article matrix)', () => {
  it('equal the merge of the two vectors for every pair of seed articles, in any order of calls', () => {
    const bodies = SEED_NAMES.flatMap((name) => seedVersion(name).articles.map((a) => flattenClauses(a.body).map((p) => p.key).join('')));
    const rows = bodies.slice(0, 40).map((text) => ngramVector(text, 3));
    const cols = bodies.slice(20, 70).map((text) => ngramVector(text, 3));
    const counter = new SharedGramCounter(rows, cols);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(rows.length - 1), fc.nat(cols.length - 1)), { minLength: 1, maxLength: 60 }), (calls) => {
        for (const [row, col] of calls) expect(counter.shared(row, col)).toBe(sharedGrams(rows[row]!, cols[col]!));
      }),
    );
  });

  it('count repeated n-grams by the smaller count, and nothing for text the other lacks', () => {
    const rows = [ngramVector('개인정보 개인정보 개인정보', 3), ngramVector('', 3), ngramVector('가', 3)];
    const cols = [ngramVector('개인정보를 처리합니다', 3), ngramVector('개인정보 개인정보', 3), ngramVector('가', 3)];
    const counter = new SharedGramCounter(rows, cols);
    expect([0, 1, 2].map((col) => counter.shared(0, col))).toEqual([2, 7, 0]);
    expect([0, 1, 2].map((col) => counter.shared(1, col))).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((col) => counter.shared(2, col))).toEqual([0, 0, 1]);
    expect(counter.shared(0, 1)).toBe(sharedGrams(rows[0]!, cols[1]!));
  });
});

describe('containment read from a text against a part\'s bigrams (the split and merge screen)', () => {
  it('equals containment of the two vectors for pairs of seed articles, repeated and reused', () => {
    const bodies = SEED_NAMES.flatMap((name) => seedVersion(name).articles.map((a) => flattenClauses(a.body).map((p) => p.key).join('')));
    const parts = bodies.slice(0, 30);
    const texts = bodies.slice(10, 60);
    fc.assert(
      fc.property(fc.nat(parts.length - 1), fc.array(fc.nat(texts.length - 1), { minLength: 1, maxLength: 20 }), (part, calls) => {
        const vector = ngramVector(parts[part]!, 2);
        const inPart = new BigramContainment(vector);
        for (const text of calls) expect(inPart.in(texts[text]!)).toBe(containment(vector, ngramVector(texts[text]!, 2)));
        expect(inPart.in(parts[part]!)).toBe(1);
      }),
    );
  });

  it('counts repeats by the smaller count, and treats empty and one-unit texts as the vectors do', () => {
    const cases: [string, string][] = [
      ['개인정보 개인정보 개인정보', '개인정보를 처리합니다'],
      ['개인정보 개인정보', '개인정보 개인정보 개인정보 개인정보'],
      ['가', '가'],
      ['가', '가나'],
      ['가나', '가'],
      ['', '개인정보'],
      ['개인정보', ''],
      ['aaaa', 'aa'],
    ];
    for (const [part, text] of cases) {
      const vector = ngramVector(part, 2);
      expect(new BigramContainment(vector).in(text)).toBe(containment(vector, ngramVector(text, 2)));
    }
    expect(new BigramContainment(ngramVector('aaaa', 2)).in('aa')).toBeCloseTo(1 / 3);
  });
});
