import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/domain/errors.js';
import { initStore, locateStore, openStore } from '../../src/store/index.js';
import { git, ROOT, sampleStore, snapshot, tempDir } from './helpers.js';

const SAMPLE_TAGS = ['goyang@2020-07-17', 'iksan@2012-03-26', 'namyangju@2015-08-26', 'paju@2024-09-30', 'uijeongbu@2023-01-01'];

describe('init', () => {
  it('creates a sample store: five cities, annotated tags, author date = effective date, clean work tree', async () => {
    const dir = await sampleStore();
    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(git(dir, 'tag').trim().split('\n')).toEqual(SAMPLE_TAGS);
    for (const tag of SAMPLE_TAGS) {
      expect(git(dir, 'cat-file', '-t', tag).trim()).toBe('tag');
      const date = tag.split('@')[1];
      expect(git(dir, 'log', '-1', '--format=%ad', '--date=iso', tag).trim()).toBe(`${date} 00:00:00 +0900`);
    }
    // Commits in date order, one per city, after the root commit that holds bangchim.yaml.
    const subjects = git(dir, 'log', '--reverse', '--format=%s').trim().split('\n');
    expect(subjects).toEqual([
      'bangchim store (format 3)',
      'iksan: version effective 2012-03-26',
      'namyangju: version effective 2015-08-26',
      'goyang: version effective 2020-07-17',
      'uijeongbu: version effective 2023-01-01',
      'paju: version effective 2024-09-30',
    ]);
    // No identity configured (as on CI): bangchim's own, without writing any config.
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('bangchim <bangchim@localhost>');
    expect(git(dir, 'config', '--local', '--list')).not.toMatch(/user\./);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const store = await openStore(dir);
    expect((await store.listCities()).map((c) => [c.slug, c.city, c.newest?.effective, c.archived, c.known])).toEqual([
      ['goyang', '고양특례시', '2020-07-17', 1, 4],
      ['iksan', '익산시', '2012-03-26', 1, 2],
      ['namyangju', '남양주시', '2015-08-26', 1, 2],
      ['paju', '파주시', '2024-09-30', 1, 12],
      ['uijeongbu', '의정부시', '2023-01-01', 1, 1],
    ]);
  });

  it('is idempotent: a second run changes nothing (same HEAD, refs and files)', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const result = await initStore(dir);
    expect(result.added).toEqual([]);
    expect(result.created).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('adds missing sample cities to an existing store and leaves the others alone', async () => {
    const dir = join(tempDir(), 'store');
    await initStore(dir, { empty: true });
    expect(git(dir, 'ls-files').trim()).toBe('bangchim.yaml');
    const first = await initStore(dir);
    expect(first.added.sort()).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    expect((await initStore(dir)).head).toBe(head);
  });

  it('refuses a git repository of another kind, changing nothing', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    git(dir, 'add', 'notes.txt');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'mine');
    const before = snapshot(dir);
    await expect(initStore(dir)).rejects.toThrow(/bangchim 저장소가 아닌 다른 git 저장소입니다/);
    await expect(initStore(dir)).rejects.toBeInstanceOf(StoreError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a store with uncommitted changes in policies/ or history/', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, 'history', 'goyang.yaml'), 'city: 고양특례시\nslug: goyang\nversions: []\n');
    const before = snapshot(dir);
    await expect(initStore(dir)).rejects.toThrow(/커밋하지 않은 변경이 있습니다/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('accepts an empty directory that is a fresh git repository', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    const result = await initStore(dir, { empty: true });
    expect(result.added).toEqual([]);
    expect(git(dir, 'ls-files').trim()).toBe('bangchim.yaml');
  });
});

describe('locateStore', () => {
  it('prefers --store, then BANGCHIM_STORE, then the current directory (or a parent), then the default sample store', async () => {
    const a = await sampleStore();
    const b = await sampleStore();
    const plain = tempDir();
    const data = tempDir();
    const env = { HOME: data, XDG_DATA_HOME: join(data, 'xdg') };
    expect(await locateStore({ store: a, cwd: plain, env: { ...env, BANGCHIM_STORE: b } })).toEqual({ dir: a, how: 'option' });
    expect(await locateStore({ cwd: a, env: { ...env, BANGCHIM_STORE: b } })).toEqual({ dir: b, how: 'env' });
    mkdirSync(join(a, 'policies', 'deeper'), { recursive: true });
    expect(await locateStore({ cwd: join(a, 'policies', 'deeper'), env })).toEqual({ dir: a, how: 'cwd' });
    await expect(locateStore({ store: plain, cwd: plain, env })).rejects.toThrow(/bangchim 저장소가 아닙니다/);
    const notices: string[] = [];
    const located = await locateStore({ cwd: plain, env, onNotice: (m) => notices.push(m) });
    expect(located).toEqual({ dir: join(data, 'xdg', 'bangchim', 'sample'), how: 'default' });
    expect(notices).toEqual([`내장된 다섯 도시로 예시 저장소를 ${located.dir}에 만들었습니다`]);
    expect((await (await openStore(located.dir)).listCities()).length).toBe(5);
    // Second use: no notice, same store.
    await locateStore({ cwd: plain, env, onNotice: (m) => notices.push(m) });
    expect(notices).toHaveLength(1);
  });

  it('lets two processes that start at once on a fresh machine share one sample store', async () => {
    const plain = tempDir();
    const data = tempDir();
    const env = { ...process.env, HOME: data, XDG_DATA_HOME: join(data, 'xdg'), NO_COLOR: '1' };
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), 'list', '--json'], { cwd: plain, env });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const [first, second] = await Promise.all([run(), run()]);
    for (const result of [first, second]) {
      expect(result.err).not.toMatch(/error|lock/i);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out).cities.map((c: { slug: string }) => c.slug).sort()).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
    }
    // Exactly one of them built it and said so; no half-built directories are left beside it.
    expect([first.err, second.err].filter((e) => e.includes('예시 저장소를'))).toHaveLength(1);
    expect(readdirSync(join(data, 'xdg', 'bangchim'))).toEqual(['sample']);
  });
});
