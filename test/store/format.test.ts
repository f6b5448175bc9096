/**
 * Store format 2: a store made by the format-1 `init` (every store in use today) is upgraded when it is
 * opened, in one commit that changes bangchim.yaml alone; nothing else changes and verify stays clean.
 * A format this bangchim does not know is refused, in Korean, saying what to do.
 *
 * The format-1 store is what the format-1 `init` wrote, byte for byte: the bundled sample with its YAML
 * as format 1 wrote it (no `numbering`: every seed prints no labels, so that is the only difference),
 * committed by this code's `init`, then passed through `git fast-export | fast-import` with the two
 * format-1 strings put back (bangchim.yaml's `format: 1` and the root commit's message; both the same
 * length, so nothing else in the stream moves).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/domain/diff/index.js';
import { StoreError, ValidationError } from '../../src/domain/errors.js';
import { gitBlobId } from '../../src/domain/ledger.js';
import { rootCommitMessage, STORE_FORMAT, storeMarkerText } from '../../src/store/format.js';
import { officeFieldProblem, parseOffices, readOffice, setOffice } from '../../src/store/config.js';
import { bundledSampleDir, initStore, openStore, STORE_MARKER, type Store } from '../../src/store/index.js';
import { verifyStore } from '../../src/store/verify.js';
import { editedGoyang, git, sampleStore, snapshot, tempDir } from './helpers.js';

/** The bundled sample as format 1 wrote it: the policies without `numbering`, the ledgers naming those blobs. */
function formatOneSample(): string {
  const root = tempDir('bangchim-sample-1-');
  for (const dir of ['policies', 'history', 'sources']) cpSync(join(bundledSampleDir(), dir), join(root, dir), { recursive: true });
  for (const name of readdirSync(join(root, 'policies'))) {
    const policy = join(root, 'policies', name);
    const ledger = join(root, 'history', name);
    const current = readFileSync(policy);
    const formatOne = Buffer.from(current.toString('utf8').replace(/^numbering: .*\n/mu, ''));
    expect(formatOne.toString('utf8')).not.toMatch(/^\s*(?:numbering|label):/mu);
    writeFileSync(policy, formatOne);
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace(gitBlobId(current), gitBlobId(formatOne)));
  }
  return root;
}

/** A store as the format-`format` `init` wrote it, and the same store with today's marker (what it must read as). */
async function olderStore(format: 1 | 2, sampleRoot: string): Promise<{ dir: string; reference: string }> {
  const reference = join(tempDir(), 'reference');
  await initStore(reference, { sampleRoot });
  const stream = execFileSync('git', ['fast-export', '--all', '--signed-tags=verbatim', '--reencode=no'], { cwd: reference, env: process.env, maxBuffer: 1 << 28 });
  const replace = (buffer: Buffer, from: string, to: string): Buffer => {
    expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
    const at = buffer.indexOf(from);
    expect(at, `fast-export has "${from.trim()}"`).toBeGreaterThanOrEqual(0);
    expect(buffer.indexOf(from, at + 1), `"${from.trim()}" occurs once`).toBe(-1);
    return Buffer.concat([buffer.subarray(0, at), Buffer.from(to), buffer.subarray(at + Buffer.byteLength(from))]);
  };
  const older = replace(replace(stream, storeMarkerText(STORE_FORMAT), storeMarkerText(format)), rootCommitMessage(STORE_FORMAT), rootCommitMessage(format));
  const dir = join(tempDir(), 'store');
  execFileSync('git', ['init', '--quiet', '-b', 'main', dir], { env: process.env });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: older, env: process.env });
  execFileSync('git', ['checkout', '--quiet', '-f', 'main'], { cwd: dir, env: process.env });
  return { dir, reference };
}

const formatOneStore = () => olderStore(1, formatOneSample());
/** What today's release (format 2) writes: the bundled sample as it is. */
const formatTwoStore = () => olderStore(2, bundledSampleDir());

/** What `log`, `show` and `diff` tell a person, without commit ids (the upgrade adds one commit after the tags). */
async function readings(store: Store) {
  const cities = await store.listCities();
  const logs = await Promise.all(cities.map(async (c) => (await store.log(c.slug)).entries.map(({ commit: _commit, ...entry }) => entry)));
  const shown = await Promise.all(cities.map(async (c) => (await store.resolve(c.slug)).version));
  const goyang = await store.resolve('goyang');
  const paju = await store.resolve('paju');
  return { cities, logs, shown, diff: diffVersions(goyang.version, paju.version, { oldLabel: goyang.label, newLabel: paju.label }) };
}

const refsOf = (dir: string) => git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags');

describe('store format 3', () => {
  it('init writes format 3', async () => {
    const dir = await sampleStore();
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toBe(storeMarkerText(STORE_FORMAT));
    expect(STORE_FORMAT).toBe(3);
    expect(git(dir, 'log', '--reverse', '--format=%s').split('\n')[0]).toBe('bangchim store (format 3)');
  });

  it('upgrades a store made by the format-1 init on open: one commit, bangchim.yaml only, nothing lost, verify clean', async () => {
    const { dir, reference } = await formatOneStore();
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toContain('format: 1\n');
    expect(git(dir, 'log', '--reverse', '--format=%s').split('\n')[0]).toBe('bangchim store (format 1)');
    const before = { head: git(dir, 'rev-parse', 'HEAD').trim(), tags: refsOf(dir), tree: git(dir, 'ls-tree', '-r', 'HEAD') };
    expect((await verifyStore(dir)).findings).toEqual([]);

    const notices: string[] = [];
    const store = await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(/^저장소를 형식 1에서 3\(으\)로 올렸습니다 \(bangchim\.yaml만 바뀐 커밋 [0-9a-f]{7}; 태그·대장·방침·원문은 그대로입니다\)$/u)]);
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toBe(storeMarkerText(3));
    // One commit on top of the old HEAD, changing bangchim.yaml alone.
    expect(git(dir, 'rev-parse', 'HEAD~1').trim()).toBe(before.head);
    expect(git(dir, 'diff', '--name-only', before.head, 'HEAD').trim()).toBe(STORE_MARKER);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('bangchim store: format 1 → 3');
    // Every tag (and so every tagged commit, ledger, policy blob and source) exactly as before.
    expect(refsOf(dir)).toBe(before.tags);
    const treeWithout = (tree: string) => tree.split('\n').filter((line) => !line.endsWith(`\t${STORE_MARKER}`));
    expect(treeWithout(git(dir, 'ls-tree', '-r', 'HEAD'))).toEqual(treeWithout(before.tree));
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect((await verifyStore(dir, { deep: true })).findings).toEqual([]);

    // log, show and diff read exactly what the same store read before (its twin that only says format 3).
    expect(await readings(store)).toEqual(await readings(await openStore(reference)));

    // Another clone of the same format-1 history upgrades to the very same commit (no divergence for sync).
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '--quiet', dir, clone], { env: process.env });
    execFileSync('git', ['reset', '--quiet', '--hard', before.head], { cwd: clone, env: process.env });
    // Another office, another person, another moment.
    git(clone, 'config', 'user.name', '파주시 개인정보 담당자');
    git(clone, 'config', 'user.email', 'privacy@paju.example');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await openStore(clone);
    expect(git(clone, 'rev-parse', 'HEAD').trim()).toBe(git(dir, 'rev-parse', 'HEAD').trim());

    // Opening again changes nothing.
    const upgraded = snapshot(dir);
    const again: string[] = [];
    await openStore(dir, { onNotice: (m) => again.push(m) });
    expect(again).toEqual([]);
    expect(snapshot(dir)).toEqual(upgraded);
  });

  it('an upgraded store takes an older version (the chain is rebuilt over the upgrade commit) and stays format 3 and clean', async () => {
    const { dir } = await formatOneStore();
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2016'), file: 'goyang-2016.txt', effective: '2016-12-02' });
    expect(result.rebuilt).toBe(true);
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toBe(storeMarkerText(3));
    expect(git(dir, 'show', `HEAD:${STORE_MARKER}`)).toBe(storeMarkerText(3));
    expect((await verifyStore(dir)).findings).toEqual([]);
  });

  const refusals: [what: string, marker: string, message: (file: string) => string][] = [
    ['a newer format (99)', storeMarkerText(99), () => '이 저장소는 형식 99이지만, 이 bangchim은 형식 3까지만 읽을 수 있습니다'],
    ['a marker without a format', 'this is not a store marker\n', (file) => `${file}에 저장소 형식(format: N)이 적혀 있지 않아 이 저장소를 열 수 없습니다`],
  ];
  for (const [what, marker, message] of refusals) {
    it(`refuses ${what}, in Korean, saying what to do, and writes nothing; verify reports it`, async () => {
      const dir = await sampleStore();
      const file = join(dir, STORE_MARKER);
      writeFileSync(file, marker);
      const before = snapshot(dir);
      const error = await openStore(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(message(file));
      expect((error as StoreError).where).toBe(file);
      expect((error as StoreError).hint).toMatch(/bangchim을 최신 버전으로 올린 뒤|버전으로 bangchim을 올린 뒤/u);
      expect(snapshot(dir)).toEqual(before);
      const verified = await verifyStore(dir);
      expect(verified.ok).toBe(false);
      expect(verified.findings).toEqual([{ kind: 'store', severity: 'error', where: file, message: `${message(file)}; ${(error as StoreError).hint}` }]);
    });
  }

  it('leaves a hand-edited format-1 marker alone, says how to restore it, and still reads the store', async () => {
    const { dir } = await formatOneStore();
    writeFileSync(join(dir, STORE_MARKER), `${readFileSync(join(dir, STORE_MARKER), 'utf8')}# edited by hand\n`);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const notices: string[] = [];
    const store = await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringContaining(`git -C ${dir} checkout -- bangchim.yaml`)]);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect((await store.listCities()).length).toBe(5);
  });

  it('upgrades a store today\'s release (format 2) writes: only the format line changes, a committed note in bangchim.yaml is kept, verify clean', async () => {
    const { dir, reference } = await formatTwoStore();
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toBe(storeMarkerText(2));
    // The office wrote a note into the marker and committed it, as plain git allows.
    writeFileSync(join(dir, STORE_MARKER), `${storeMarkerText(2)}# 한빛시 정보통신과 보관\n`);
    git(dir, '-c', 'user.name=정보통신과', '-c', 'user.email=privacy@example.invalid', 'commit', '-q', '-am', 'note');
    const before = { head: git(dir, 'rev-parse', 'HEAD').trim(), tags: refsOf(dir) };
    const notices: string[] = [];
    const store = await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(/^저장소를 형식 2에서 3\(으\)로 올렸습니다/u)]);
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toBe(`${storeMarkerText(3)}# 한빛시 정보통신과 보관\n`);
    expect(git(dir, 'rev-parse', 'HEAD~1').trim()).toBe(before.head);
    expect(git(dir, 'diff', '--name-only', before.head, 'HEAD').trim()).toBe(STORE_MARKER);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain("office details (offices:)");
    expect(refsOf(dir)).toBe(before.tags);
    expect((await verifyStore(dir, { deep: true })).findings).toEqual([]);
    expect(await readings(store)).toEqual(await readings(await openStore(reference)));
  });

  it('keeps a body\'s 기관 정보 in bangchim.yaml: one commit, comments kept, read back, through a rebuilt chain, verify clean', async () => {
    const { dir } = await formatTwoStore();
    const session = await openStore(dir);
    const store = session.store;
    const set = await setOffice(store, 'goyang', { name: '고양특례시', department: '정보통신담당관', phone: '031-8075-2593', url: 'https://www.goyang.go.kr/www/privacy.do' });
    expect(set.commit).not.toBeNull();
    expect(readFileSync(join(dir, STORE_MARKER), 'utf8')).toMatch(/^# A bangchim store: .*\nformat: 3\noffices:\n  goyang:\n    name: 고양특례시\n/u);
    expect(readOffice(dir, 'goyang')).toEqual({ name: '고양특례시', department: '정보통신담당관', phone: '031-8075-2593', url: 'https://www.goyang.go.kr/www/privacy.do' });
    expect(readOffice(dir, 'paju')).toEqual({});
    // "" removes a field; the same values again change nothing.
    expect((await setOffice(store, 'goyang', { url: '' })).office).toEqual({ name: '고양특례시', department: '정보통신담당관', phone: '031-8075-2593' });
    expect((await setOffice(store, 'goyang', { name: '고양특례시' })).commit).toBeNull();
    // An older version imported after it: the chain is rebuilt over the office commit, which keeps its text.
    await session.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2016'), file: 'goyang-2016.txt', effective: '2016-12-02' });
    expect(readOffice(dir, 'goyang').phone).toBe('031-8075-2593');
    expect((await verifyStore(dir)).findings).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a hand-edited 기관 정보 with mistakes is refused, in Korean, naming file, line and YAML path', () => {
    const file = '/store/bangchim.yaml';
    const text = `${storeMarkerText(3)}offices:\n  goyang:\n    name: 고양특례시\n    phon: 031-8075-2593\n    url: www.goyang.go.kr\n  Paju:\n    name: 파주시\n`;
    let error: unknown;
    try {
      parseOffices(text, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(`${file}의 기관 정보가 올바르지 않습니다`);
    expect((error as ValidationError).details).toEqual([
      `${file}:6: offices.goyang.phon: 알 수 없는 항목입니다 (쓸 수 있는 항목: name, department, phone, email, url)`,
      `${file}:7: offices.goyang.url: http:// 또는 https://로 시작하는 주소가 아닙니다 (예: https://www.goyang.go.kr/www/privacy.do)`,
      `${file}:9: offices.Paju: 기관 약칭(slug)은 영문 소문자, 숫자, 하이픈으로 적습니다 (예: goyang)`,
    ]);
    // Text that could drive a terminal or break a line is refused, not posted.
    expect(officeFieldProblem('name', '고양\u001b[31m특례시')).toBe('한 줄, 200자 이내로 적어야 합니다');
    expect(officeFieldProblem('department', '정보통신\n담당관')).toBe('한 줄, 200자 이내로 적어야 합니다');
    expect(officeFieldProblem('phone', '031-8075-2593')).toBeNull();
    expect(officeFieldProblem('phone', '(국번없이) 120')).toBeNull();
  });

  it('verify reads the committed 기관 정보: a broken block is an error with its line and path, an office of a body without a ledger a warning', async () => {
    const dir = await sampleStore();
    const commitMarker = (offices: string) => {
      writeFileSync(join(dir, STORE_MARKER), `${storeMarkerText(3)}${offices}`);
      git(dir, '-c', 'user.name=정보통신과', '-c', 'user.email=privacy@example.invalid', 'commit', '-q', '-am', 'offices by hand');
    };
    commitMarker('offices:\n  goyang:\n    name: 고양특례시\n    phone: 031-8075-2593\n');
    expect((await verifyStore(dir, { fsck: false })).findings).toEqual([]);

    commitMarker('offices:\n  goyang:\n    name: 고양특례시\n    phon: 031-8075-2593\n  hanbit:\n    name: 한빛시\n');
    const report = await verifyStore(dir, { fsck: false });
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      {
        kind: 'config-invalid',
        severity: 'error',
        where: STORE_MARKER,
        message: `${STORE_MARKER}의 기관 정보가 올바르지 않습니다; ${STORE_MARKER}:6: offices.goyang.phon: 알 수 없는 항목입니다 (쓸 수 있는 항목: name, department, phone, email, url)`,
      },
    ]);

    commitMarker('offices:\n  goyang:\n    name: 고양특례시\n  hanbit:\n    name: 한빛시\n');
    const warned = await verifyStore(dir, { fsck: false });
    expect(warned.ok).toBe(true);
    expect(warned.findings).toEqual([
      { kind: 'office-unknown', severity: 'warning', where: `${STORE_MARKER}: offices.hanbit`, message: expect.stringContaining('"hanbit"의 원장이 저장소에 없습니다') },
    ]);
  });
});
