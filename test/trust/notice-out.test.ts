/**
 * Issue 11 item 8: `notice --out` never follows a symlink planted at its temporary path, never writes
 * inside .git or over the store's own files, and replaces an existing file only with --force.
 */
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, git, sampleStore, tempDir } from './helpers.js';

const NOTICE = ['notice', 'goyang', '--effective', '2025-01-01', '--from', 'goyang@2020-07-17', '--to', 'goyang@2020-07-17'];

describe('notice --out', () => {
  it('a symlink planted at any temporary name is never followed: the file it points to stays as it was', async () => {
    const dir = await sampleStore();
    const out = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'untouched');
    // Today's name is .<name>.<pid>.tmp; plant it for this process.
    symlinkSync(victim, join(out, `.notice.txt.${process.pid}.tmp`));
    const result = await cli([...NOTICE, '--out', join(out, 'notice.txt')], dir);
    expect(result.err).not.toMatch(/내부 오류/);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'notice.txt'), 'utf8')).toContain('개인정보');
  });

  it('refuses .git/config, .git/HEAD, bangchim.yaml and tracked policies, changing nothing', async () => {
    const dir = await sampleStore();
    for (const target of ['.git/config', '.git/HEAD', 'bangchim.yaml', 'policies/goyang.yaml', 'history/goyang.yaml']) {
      const before = readFileSync(join(dir, target));
      const result = await cli([...NOTICE, '--out', target, '--force'], dir);
      expect(result.code, target).toBe(2);
      expect(result.err).toContain('공고문을 쓰지 않습니다');
      expect(result.err).toContain(`위치: --out`);
      expect(readFileSync(join(dir, target)).equals(before), target).toBe(true);
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('an existing file is replaced only with --force; a symlink at the target is refused', async () => {
    const dir = await sampleStore();
    const out = tempDir();
    const file = join(out, 'notice.txt');
    writeFileSync(file, 'mine');
    const refused = await cli([...NOTICE, '--out', file], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('이미 있습니다');
    expect(refused.err).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const forced = await cli([...NOTICE, '--out', file, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('개인정보');
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'untouched');
    const link = join(out, 'link.txt');
    symlinkSync(victim, link);
    const linked = await cli([...NOTICE, '--out', link, '--force'], dir);
    expect(linked.code).toBe(2);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(out, `.link.txt.${process.pid}.tmp`))).toBe(false);
  });
});
