import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { SyncResult } from '../../src/store/sync.js';
import type { VerifyReport } from '../../src/store/verify.js';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

async function sync(dir: string, ...args: string[]): Promise<{ code: number; result?: SyncResult; err: string }> {
  const r = await cli(['--store', dir, 'sync', '--json', ...args]);
  return { code: r.code, result: r.code === 0 ? (JSON.parse(r.out) as SyncResult) : undefined, err: r.err };
}

/** A store with a bare remote "origin". */
async function storeWithRemote(): Promise<{ dir: string; remote: string }> {
  const dir = await sampleStore();
  const remote = join(tempDir('bangchim-remote-'), 'archive.git');
  git(tempDir(), 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, 'remote', 'add', 'origin', remote);
  return { dir, remote };
}

function clone(remote: string): string {
  const dir = join(tempDir('bangchim-clone-'), 'store');
  git(tempDir(), 'clone', '-q', remote, dir);
  return dir;
}

/** What an auditor sees: log --json, show, verify --json (store paths aside). */
async function view(dir: string): Promise<unknown> {
  const log = await cli(['--store', dir, 'log', 'goyang', '--json']);
  const show = await cli(['--store', dir, 'show', 'goyang@2020-07-17']);
  const list = await cli(['--store', dir, 'list', '--json']);
  const verify = await cli(['--store', dir, 'verify', '--json']);
  const report = JSON.parse(verify.out) as VerifyReport;
  expect([log.code, show.code, list.code, verify.code], `${log.err}${show.err}${verify.err}`).toEqual([0, 0, 0, 0]);
  return { log: JSON.parse(log.out), show: show.out, list: JSON.parse(list.out.replaceAll(dir, '<store>')), verify: { ...report, store: '<store>' } };
}

function remoteRefs(remote: string): string {
  return git(remote, 'for-each-ref', '--format=%(refname) %(objectname)');
}

describe('bangchim sync', () => {
  it('publishes to a bare remote; a clone elsewhere gives the same log, show, list and verify, tags included', async () => {
    const { dir, remote } = await storeWithRemote();
    const store = await openStore(dir);
    await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2021'), file: 'g.txt', effective: '2021-03-02' });
    const first = await sync(dir);
    expect(first.code, first.err).toBe(0);
    expect(first.result).toMatchObject({ remote: 'origin', branch: 'main', action: 'published' });
    expect(first.result!.pushedTags.sort()).toEqual(git(dir, 'tag').trim().split('\n').sort());
    const copy = clone(remote);
    expect(git(copy, 'tag').trim()).toBe(git(dir, 'tag').trim());
    expect(await view(copy)).toEqual(await view(dir));
    const again = await sync(dir);
    expect(again.result).toMatchObject({ action: 'up-to-date', pushedTags: [], fetchedTags: [], message: 'origin/main와(과) 같습니다: 주고받을 것이 없습니다' });
  });

  it('two offices: versions imported in a clone reach the first store by fast-forward, with their tags', async () => {
    const { dir, remote } = await storeWithRemote();
    expect((await sync(dir)).code).toBe(0);
    const other = clone(remote);
    await (await openStore(other)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2022'), file: 'g.txt', effective: '2022-02-01' });
    const pushed = await sync(other);
    expect(pushed.result).toMatchObject({ action: 'pushed', pushedCommits: 1, pushedTags: ['goyang@2022-02-01'] });
    const pulled = await sync(dir);
    expect(pulled.result).toMatchObject({ action: 'pulled', pulledCommits: 1, fetchedTags: ['goyang@2022-02-01'] });
    expect(await view(dir)).toEqual(await view(other));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses to rewrite published history after a chain rebuild, says why and what to do, and changes nothing', async () => {
    const { dir, remote } = await storeWithRemote();
    expect((await sync(dir)).code).toBe(0);
    // An older 고양 version imported after publishing: the later commits are replayed, their tags move.
    const result = await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2018'), file: 'g.txt', effective: '2018-05-01' });
    expect(result.rebuilt).toBe(true);
    const before = remoteRefs(remote);
    const localHead = git(dir, 'rev-parse', 'HEAD');
    const refused = await cli(['--store', dir, 'sync']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/origin와\(과\) 동기화하지 않았습니다: 두 이력이 갈라졌습니다; bangchim은 이미 올린 이력을 고쳐 쓰지 않습니다/);
    expect(refused.err).toMatch(/여기서 이력을 다시 만들었거나/);
    expect(refused.err).toMatch(/goyang@2020-07-17: origin에서는 [0-9a-f]{12}, 여기서는 [0-9a-f]{12}/);
    expect(refused.err).toMatch(/여기에만 있음: goyang@2018-05-01/);
    expect(refused.err).toMatch(/도움말: 여기도 origin도 아무것도 바뀌지 않았습니다/);
    expect(remoteRefs(remote)).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(localHead);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses when both sides imported versions since the last sync (diverged), changing nothing', async () => {
    const { dir, remote } = await storeWithRemote();
    expect((await sync(dir)).code).toBe(0);
    const other = clone(remote);
    await (await openStore(other)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2022'), file: 'g.txt', effective: '2022-02-01' });
    expect((await sync(other)).code).toBe(0);
    await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2023'), file: 'g.txt', effective: '2023-03-01' });
    const before = remoteRefs(remote);
    const refused = await cli(['--store', dir, 'sync']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/두 이력이 갈라졌습니다/);
    expect(refused.err).toMatch(/이 저장소에 서로 없는 판이 있습니다/);
    expect(remoteRefs(remote)).toBe(before);
  });

  it('never lets a remote name reach git as an option or a URL', async () => {
    const { dir } = await storeWithRemote();
    const marker = join(tempDir(), 'pwned');
    for (const name of [`--upload-pack=touch ${marker}`, `--receive-pack=touch ${marker}`, '-c', 'core.sshCommand=touch', `ext::sh -c touch% ${marker}`, '../other', 'origin;touch']) {
      const r = await cli(['--store', dir, 'sync', '--remote', name]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(/원격 저장소 이름이 아닙니다|option/);
    }
    const unknown = await cli(['--store', dir, 'sync', '--remote', 'backup']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/"backup" 원격 저장소가 없습니다.*\n.*설정된 원격 저장소: origin/s);
    expect(existsSync(marker)).toBe(false);
  });
});
