/**
 * What the alignment leaves undone on a long page: articles anchored as identical (most of a real
 * revision) reach neither the candidate search nor the scoring, so no title or body n-gram vector is
 * built for them, and the result is the one a reader expects.
 */
import { describe, expect, it } from 'vitest';
import type { AlignmentWeights, ArticleProfile, Alignment } from '../../src/domain/diff/align.js';
import { PolicyDiffer } from '../../src/domain/diff/index.js';
import { fateOf, longPage, revise } from './long-pages.js';
import { seedVersion } from './seeds.js';

/** A differ that records which profiles had their scoring vectors read during alignment. */
class WatchingDiffer extends PolicyDiffer {
  readonly scored = { old: new Set<number>(), new: new Set<number>() };

  override align(oldProfiles: readonly ArticleProfile[], newProfiles: readonly ArticleProfile[], weights: AlignmentWeights): Alignment {
    const watch = (profiles: readonly ArticleProfile[], seen: Set<number>): ArticleProfile[] =>
      profiles.map(
        (profile) =>
          new Proxy(profile, {
            get(target, key) {
              if (key === 'bodyVector' || key === 'titleVector') seen.add(target.index);
              const value: unknown = Reflect.get(target, key, target);
              return value;
            },
          }),
      );
    return super.align(watch(oldProfiles, this.scored.old), watch(newProfiles, this.scored.new), weights);
  }
}

describe('a 2,000-article page against a revision that keeps most articles word for word', () => {
  const page = longPage(seedVersion('paju'), 2000);
  const { version: revision, origin } = revise(page);
  const differ = new WatchingDiffer();
  const diff = differ.diff(page, revision);

  it('scores only articles that are not kept identical (title and body) on both sides', () => {
    const identical = (fate: string): boolean => fate === 'kept' || fate === 'moved';
    const keptOld = page.articles.map((_, k) => k).filter((k) => identical(fateOf(k)));
    const keptNew = origin.flatMap((from, k) => (from !== 'inserted' && identical(fateOf(from)) ? [k] : []));
    expect(keptOld.length).toBeGreaterThan(1500);
    expect(keptOld.filter((k) => differ.scored.old.has(k))).toEqual([]);
    expect(keptNew.filter((k) => differ.scored.new.has(k))).toEqual([]);
    // The rest is scored: the search did run.
    expect(differ.scored.old.size).toBeGreaterThan(200);
  });

  it('and still reports every kept article as unchanged', () => {
    const unchanged = diff.articles.filter((e) => e.status === 'unchanged' && e.old[0]?.part === undefined).map((e) => e.old[0]!.number - 1);
    const kept = page.articles.map((_, k) => k).filter((k) => fateOf(k) === 'kept' || fateOf(k) === 'moved');
    expect(unchanged.sort((a, b) => a - b)).toEqual(kept);
  });
});
