/**
 * Issue 11 item 12: messages say what is wrong. A 300-character slug is refused as too long (not
 * "the store changed while importing"); one invalid ledger is named while `list` lists the others; a
 * ledger naming a tag the store lacks says which tag and what to do (not "report this").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

describe('messages name the problem', () => {
  it('a 300-character slug: refused as too long, before the store is touched', async () => {
    const dir = await sampleStore();
    const page = join(tempDir(), 'page.txt');
    writeFileSync(page, editedGoyang());
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await cli(['import', 'a'.repeat(300), page, '--effective', '2025-01-01', '--name', '새도시'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('300자로 너무 깁니다');
    expect(result.err).not.toMatch(/가져오는 동안 저장소가 바뀌어|내부 오류/);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('one invalid ledger: list shows every other city, names the broken one on stderr, exits 2', async () => {
    const dir = await sampleStore();
    const path = join(dir, 'history', 'paju.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/until: \d{4}-\d{2}-\d{2}/, 'until: 2016-13-45'));
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'broken ledger');
    const result = await cli(['list'], dir);
    expect(result.code).toBe(2);
    for (const slug of ['goyang', 'iksan', 'namyangju', 'uijeongbu']) expect(result.out).toMatch(new RegExp(`^${slug}\\s`, 'm'));
    expect(result.out).not.toMatch(/^paju\s/m);
    expect(result.err).toContain('history/paju.yaml');
    const json = await cli(['list', '--json'], dir);
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.out);
    expect(parsed.cities).toHaveLength(4);
    expect(parsed.unreadable[0].slug).toBe('paju');
  });

  it('a ledger naming a missing tag: an import names the tag and the fix, not "report this", and changes nothing', async () => {
    const dir = await sampleStore();
    git(dir, 'tag', '-d', 'goyang@2020-07-17');
    const head = git(dir, 'rev-parse', 'HEAD');
    const page = join(tempDir(), 'page.txt');
    writeFileSync(page, editedGoyang());
    for (const effective of ['2025-01-01', '2018-01-01']) {
      const result = await cli(['import', 'goyang', page, '--effective', effective], dir);
      expect(result.code).toBe(2);
      expect(result.err).toContain('goyang@2020-07-17');
      expect(result.err).toContain('git fetch --tags');
      expect(result.err).not.toMatch(/문제를 알려 주세요|내부 오류/);
      expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    }
    const show = await cli(['show', 'goyang'], dir);
    expect(show.code).toBe(2);
    expect(show.err).toContain('git fetch --tags');
  });
});
