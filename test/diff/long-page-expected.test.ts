/**
 * The diff of a long page is pinned whole: the 2,000-article page against its revision (the pair of
 * alignment-scale.test.ts) must give, entry by entry and clause by clause, the result saved in
 * expected/long-page-2000.json.br. That file was written by the engine before the alignment was made
 * to scale (main at ac9cf14, with `editorial` and `unchangedText` so every clause is in it): speeding
 * the engine up may not change a single entry, pairing, similarity, word change or fact.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/domain/diff/index.js';
import type { PolicyDiff } from '../../src/domain/diff/types.js';
import { longPage, revise } from './long-pages.js';
import { seedVersion } from './seeds.js';

const EXPECTED = new URL('./expected/long-page-2000.json.br', import.meta.url);

describe('the diff of a 2,000-article page', () => {
  it('is exactly the result the engine gave before it was made to scale', () => {
    const expected = JSON.parse(brotliDecompressSync(readFileSync(EXPECTED)).toString('utf8')) as PolicyDiff;
    const page = longPage(seedVersion('paju'), 2000);
    const actual = diffVersions(page, revise(page).version, { editorial: true, unchangedText: true });
    expect(actual.summary).toEqual(expected.summary);
    expect(actual.articles.length).toBe(expected.articles.length);
    actual.articles.forEach((entry, k) => expect(entry, `entry ${k}`).toEqual(expected.articles[k]));
    expect(actual.facts).toEqual(expected.facts);
    // Byte for byte as JSON too: the same keys in the same order, as `diff --json` prints them.
    expect(JSON.stringify(actual, null, 1)).toBe(JSON.stringify(expected, null, 1));
  });
});
