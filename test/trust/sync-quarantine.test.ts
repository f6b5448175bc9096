/**
 * sync takes from a remote only what a sound archive holds (issue 11, item 4): anyone who can push to the
 * office's server can plant tags or push commits written by hand. The remote's branch and tags wait in a
 * quarantine (refs/bangchim/incoming) while verify's checks run on them; what fails changes nothing here.
 */
import { symlinkSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { SyncResult } from '../../src/store/sync.js';
import type { VerifyReport } from '../../src/store/verify.js';
import { cli, editedGoyang, git, sampleStore, snapshot, tempDir } from './helpers.js';

async function sync(dir: string): Promise<{ code: number; result?: SyncResult; err: string }> {
  const r = await cli(['--store', dir, 'sync', '--json']);
  return { code: r.code, result: r.code === 0 ? (JSON.parse(r.out) as SyncResult) : undefined, err: r.err };
}

/** A published store, and a clone of its remote where someone works with plain git. */
async function office(): Promise<{ dir: string; remote: string; other: string }> {
  const dir = await sampleStore();
  const remote = join(tempDir('bangchim-remote-'), 'archive.git');
  git(tempDir(), 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, 'remote', 'add', 'origin', remote);
  expect((await sync(dir)).code).toBe(0);
  const other = join(tempDir('bangchim-clone-'), 'store');
  git(tempDir(), 'clone', '-q', remote, other);
  return { dir, remote, other };
}

async function verifyReport(dir: string): Promise<{ code: number; report: VerifyReport }> {
  const r = await cli(['--store', dir, 'verify', '--json', '--no-fsck']);
  return { code: r.code, report: JSON.parse(r.out) as VerifyReport };
}

/** The sync quarantine (sync.ts QUARANTINE); drafts live beside it under refs/bangchim/drafts. */
function quarantine(dir: string): string {
  return git(dir, 'for-each-ref', 'refs/bangchim/incoming');
}

describe('sync: planted tags stay on the remote', () => {
  it('a lightweight version tag pushed to the remote is not fetched: verify stays clean, the real import of that date works', async () => {
    const { dir, remote, other } = await office();
    git(other, 'tag', 'goyang@2025-03-01', 'HEAD');
    git(other, 'push', '-q', 'origin', 'goyang@2025-03-01');
    const result = await sync(dir);
    expect(result.code).toBe(0);
    expect(result.result!.fetchedTags).toEqual([]);
    expect(result.result!.ignoredTags).toEqual([{ tag: 'goyang@2025-03-01', reason: expect.stringContaining('lightweight') }]);
    expect(git(dir, 'tag', '-l', 'goyang@2025-03-01')).toBe('');
    expect((await verifyReport(dir)).code).toBe(0);
    const imported = await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2025'), file: 'g.txt', effective: '2025-03-01' });
    expect(imported.tag).toBe('goyang@2025-03-01');
    expect(git(remote, 'tag', '-l', 'goyang@2025-03-01')).toBe('goyang@2025-03-01\n');
    expect(quarantine(dir)).toBe('');
  });

  it('an annotated version tag on a commit off the branch, or on the branch but recorded by no ledger, is not fetched', async () => {
    const { dir, other } = await office();
    git(other, 'tag', '-a', '-m', 'stray', 'paju@2025-01-01', 'HEAD');
    git(other, 'checkout', '-q', '-b', 'side');
    writeFileSync(join(other, 'note.txt'), 'side work\n');
    git(other, 'add', 'note.txt');
    git(other, 'commit', '-q', '-m', 'side');
    git(other, 'tag', '-a', '-m', 'off the branch', 'iksan@2025-01-01', 'HEAD');
    git(other, 'push', '-q', 'origin', 'paju@2025-01-01', 'iksan@2025-01-01');
    const before = snapshot(dir);
    const result = await sync(dir);
    expect(result.code).toBe(0);
    expect(result.result!.ignoredTags.map((t) => t.tag).sort()).toEqual(['iksan@2025-01-01', 'paju@2025-01-01']);
    expect(result.result!.ignoredTags.find((t) => t.tag === 'iksan@2025-01-01')!.reason).toContain('이력에 없는 커밋');
    expect(result.result!.ignoredTags.find((t) => t.tag === 'paju@2025-01-01')!.reason).toContain('원장');
    expect(snapshot(dir)).toEqual(before);
    expect((await verifyReport(dir)).code).toBe(0);
  });
});

describe('sync: incoming history is checked before the fast-forward', () => {
  it('a ledger edited by hand and pushed with plain git is refused in Korean; nothing here changes', async () => {
    const { dir, other } = await office();
    const ledger = join(other, 'history', 'paju.yaml');
    const text = readFileSync(ledger, 'utf8');
    // The archived text's id swapped for another text's: the version would name 고양's policy.
    const blob = /blob: ([0-9a-f]{40})/.exec(text)![1]!;
    writeFileSync(ledger, text.replace(blob, git(other, 'rev-parse', 'HEAD:policies/goyang.yaml').trim()));
    git(other, 'commit', '-q', '-am', 'ledger fix');
    git(other, 'push', '-q', 'origin', 'main');
    const before = snapshot(dir);
    const result = await sync(dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('origin/main에서 받은 이력이 검사를 통과하지 못해 받아들이지 않았습니다');
    expect(result.err).toMatch(/\[blob-mismatch\] paju@2024-09-30:policies\/paju\.yaml/);
    expect(snapshot(dir)).toEqual(before);
    expect(quarantine(dir)).toBe('');
  });

  it('a policy replaced by a symlink is refused; the work tree never gets the link', async () => {
    const { dir, other } = await office();
    const path = join(other, 'policies', 'goyang.yaml');
    unlinkSync(path);
    symlinkSync('/etc/passwd', path);
    git(other, 'commit', '-q', '-am', 'link');
    git(other, 'push', '-q', 'origin', 'main');
    const before = snapshot(dir);
    const result = await sync(dir);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\[tree-entry\] policies\/goyang\.yaml: .*심볼릭 링크/);
    expect(snapshot(dir)).toEqual(before);
    expect(quarantine(dir)).toBe('');
  });

  it('a sound version from the other office still comes in, tag included, and verify passes', async () => {
    const { dir, other } = await office();
    await (await openStore(other)).importVersion({ slug: 'paju', bytes: readFileSync(join(dir, 'sources', 'paju', '2024-09-30.txt')), file: 'p.txt', effective: '2025-02-03' });
    expect((await sync(other)).code).toBe(0);
    const result = await sync(dir);
    expect(result.result).toMatchObject({ action: 'pulled', pulledCommits: 1, fetchedTags: ['paju@2025-02-03'], ignoredTags: [] });
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await verifyReport(dir)).code).toBe(0);
    expect(quarantine(dir)).toBe('');
  });
});
