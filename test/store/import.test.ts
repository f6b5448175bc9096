import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { loadVersionYaml } from '../../src/domain/yaml.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { StoreError } from '../../src/domain/errors.js';
import { editedGoyang, git, sampleStore, seedBytes, snapshot, tempDir } from './helpers.js';
import { initStore } from '../../src/store/index.js';

/** For each city: its tags in commit order have increasing dates, and each tag's tree holds the policy with that date. */
function assertChainConsistent(dir: string): void {
  const order = git(dir, 'rev-list', '--reverse', '--first-parent', 'HEAD').trim().split('\n');
  const tags = git(dir, 'for-each-ref', '--format=%(refname:strip=2) %(*objectname)', 'refs/tags').trim().split('\n');
  const byCity = new Map<string, { date: string; position: number }[]>();
  for (const line of tags) {
    const [name, commit] = line.split(' ') as [string, string];
    const [slug, date] = name.split('@') as [string, string];
    const position = order.indexOf(commit);
    expect(position, `${name} is on the branch`).toBeGreaterThanOrEqual(0);
    const policy = loadVersionYaml(git(dir, 'show', `${commit}:policies/${slug}.yaml`), name);
    expect(policy.effective, `${name} holds the policy effective ${date}`).toBe(date);
    const authorDate = git(dir, 'log', '-1', '--format=%ad', '--date=format:%Y-%m-%d', commit).trim();
    expect(authorDate, `${name}'s author date`).toBe(date);
    byCity.set(slug, [...(byCity.get(slug) ?? []), { date, position }]);
  }
  for (const [slug, versions] of byCity) {
    const byDate = [...versions].sort((a, b) => a.date.localeCompare(b.date)).map((v) => v.position);
    const byCommit = [...versions].map((v) => v.position).sort((a, b) => a - b);
    expect(byDate, `${slug}: commit order agrees with date order`).toEqual(byCommit);
  }
}

describe('import', () => {
  it('imports a newer 고양 version: commit, tag, ledger entry; refs resolve to the right versions', async () => {
    const dir = await sampleStore();
    const headBefore = git(dir, 'rev-parse', 'HEAD').trim();
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'goyang-2025.txt', effective: '2025-01-01' });
    expect(result.noop).toBe(false);
    expect(result.rebuilt).toBe(false);
    expect(result.tag).toBe('goyang@2025-01-01');
    expect(git(dir, 'rev-parse', 'HEAD^').trim()).toBe(headBefore);
    expect(git(dir, 'rev-parse', 'goyang@2025-01-01^{commit}').trim()).toBe(git(dir, 'rev-parse', 'HEAD').trim());
    expect(git(dir, 'log', '-1', '--format=%ad %s', '--date=iso', 'HEAD').trim()).toBe('2025-01-01 00:00:00 +0900 goyang: version effective 2025-01-01');
    expect(git(dir, 'cat-file', '-t', 'goyang@2025-01-01').trim()).toBe('tag');
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    // The commit touches exactly this city's three files.
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['history/goyang.yaml', 'policies/goyang.yaml', 'sources/goyang/2025-01-01.txt']);
    expect(readFileSync(join(dir, 'sources/goyang/2025-01-01.txt'))).toEqual(editedGoyang());

    const ledger = await store.ledger('goyang');
    expect(ledger.versions.map((v) => [v.effective, v.until, v.archived])).toEqual([
      ['2011-11-07', '2016-05-13', false],
      ['2016-05-16', '2016-12-01', false],
      ['2016-12-02', '2020-07-16', false],
      ['2020-07-17', '2024-12-31', true],
      ['2025-01-01', null, true],
    ]);
    const newest = await store.resolve('goyang');
    expect(newest.label).toBe('goyang@2025-01-01');
    expect(JSON.stringify(newest.version)).toContain('031-8075-2021');
    expect((await store.resolve('goyang@2021-01-01')).label).toBe('goyang@2020-07-17');
    expect((await store.resolve('goyang~1')).label).toBe('goyang@2020-07-17');
    expect((await store.resolve('goyang@2020-07-17')).version.effective).toBe('2020-07-17');
    assertChainConsistent(dir);
  });

  it('imports an older 고양 version by rebuilding the chain: date order = commit order, every tag on its text', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const tagTextsBefore = new Map(
      git(dir, 'tag').trim().split('\n').map((tag) => [tag, git(dir, 'show', `${tag}:policies/${tag.split('@')[0]}.yaml`)]),
    );
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2016'), file: 'goyang-2016.txt', effective: '2016-12-02' });
    expect(result.rebuilt).toBe(true);
    expect(result.replayed).toBe(3); // goyang@2020, uijeongbu@2023, paju@2024
    expect(result.movedTags.sort()).toEqual(['goyang@2020-07-17', 'paju@2024-09-30', 'uijeongbu@2023-01-01']);
    expect(result.promoted?.effective).toBe('2016-12-02');
    expect(result.warnings.join('\n')).toContain('2020-07-17'); // the page states another date
    assertChainConsistent(dir);
    // Every tag that existed still names the same text; the older cities' commits were not rewritten.
    for (const [tag, text] of tagTextsBefore) expect(git(dir, 'show', `${tag}:policies/${tag.split('@')[0]}.yaml`), tag).toBe(text);
    expect(git(dir, 'rev-parse', 'iksan@2012-03-26').trim()).toBe(before.refs.match(/refs\/tags\/iksan@2012-03-26 (\w+)/)![1]);
    // The newest 고양 is still 2020-07-17; the work tree is complete and clean.
    expect(loadVersionYaml(readFileSync(join(dir, 'policies/goyang.yaml'), 'utf8'), 'x').effective).toBe('2020-07-17');
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(dir, 'ls-files', 'sources/goyang').trim().split('\n')).toEqual(['sources/goyang/2016-12-02.txt', 'sources/goyang/2020-07-17.txt']);
    // The ledger: the not-archived entry became archived, with its evidence kept.
    const ledger = await store.ledger('goyang');
    const entry = ledger.versions.find((v) => v.effective === '2016-12-02')!;
    expect(entry).toMatchObject({ archived: true, tag: 'goyang@2016-12-02', until: '2020-07-16' });
    expect(entry.evidence?.some((e) => e.version === '2020-07-17' && e.text.includes('2016. 12. 02.'))).toBe(true);
    expect(ledger.versions).toHaveLength(4);
    // The inserted commit's own ledger knows nothing of later versions, and the author dates are right.
    const inserted = git(dir, 'rev-parse', 'goyang@2016-12-02^{commit}').trim();
    expect(git(dir, 'log', '-1', '--format=%ad', '--date=iso', inserted).trim()).toBe('2016-12-02 00:00:00 +0900');
    expect(git(dir, 'show', `${inserted}:history/goyang.yaml`)).not.toContain('archived: true\n    tag: goyang@2020-07-17');
    expect((await store.resolve('goyang@2017-01-01')).label).toBe('goyang@2016-12-02');
    expect((await store.resolve('goyang~1')).label).toBe('goyang@2016-12-02');
    expect((await store.resolve('goyang')).label).toBe('goyang@2020-07-17');
  });

  it('re-importing identical text is a no-op with a message', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'goyang', bytes: seedBytes('goyang'), file: 'goyang.txt' });
    expect(result.noop).toBe(true);
    expect(result.message).toMatch(/이미 보관되어 있습니다: goyang@2020-07-17/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses the same date with a different text, changing nothing', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const store = await openStore(dir);
    await expect(store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'goyang.txt', effective: '2020-07-17' })).rejects.toThrow(StoreError);
    await expect(store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'goyang.txt', effective: '2020-07-17' })).rejects.toThrow(/이미 다른 본문으로 보관되어 있습니다/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('decodes an EUC-KR (CP949) document: imports it, and its text equals the UTF-8 seed', async () => {
    const bytes = readFileSync(new URL('./fixtures/iksan-2012-03-26.cp949.txt', import.meta.url));
    expect(bytes.includes(Buffer.from('개인정보', 'utf8'))).toBe(false); // really not UTF-8
    const dir = join(tempDir(), 'store');
    await initStore(dir, { empty: true });
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'iksan', bytes, file: 'iksan.txt', name: '익산시' });
    expect(result.tag).toBe('iksan@2012-03-26');
    const shown = await store.resolve('iksan');
    const utf8 = parsePolicy(seedBytes('iksan'), { slug: 'iksan' }).version;
    expect(shown.version.articles).toEqual(utf8.articles);
    expect(shown.version.source.encoding).toBe('euc-kr');
    expect(readFileSync(join(dir, 'sources/iksan/2012-03-26.txt'))).toEqual(bytes); // the raw bytes, as imported
    // And into the sample store it is the same text as the archived UTF-8 one: a no-op.
    const sample = await openStore(await sampleStore());
    expect((await sample.importVersion({ slug: 'iksan', bytes, file: 'iksan.txt' })).noop).toBe(true);
  });

  it('asks for --effective when the page states no date (의정부), naming the sentence', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const store = await openStore(dir);
    await expect(store.importVersion({ slug: 'uijeongbu', bytes: seedBytes('uijeongbu'), file: 'u.txt' })).rejects.toThrow(/게시일부터 적용/);
    expect(snapshot(dir)).toEqual(before);
  });
});
