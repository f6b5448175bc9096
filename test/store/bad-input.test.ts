import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusyError, InputError, RefError, StoreError, UsageError, ValidationError } from '../../src/domain/errors.js';
import { NotArchivedError, openStore, resolveVersionArg } from '../../src/store/index.js';
import { editedGoyang, git, sampleStore, seedBytes, snapshot } from './helpers.js';
import { inCliTerms } from '../../src/cli/wording.js';

/** Runs `attempt` against a fresh sample store and checks it failed with `kind` and changed nothing. */
async function refusedAndUnchanged(attempt: (dir: string) => Promise<unknown>, kind: new (...args: never[]) => Error, message: RegExp): Promise<Error> {
  const dir = await sampleStore();
  const before = snapshot(dir);
  const error = await attempt(dir).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error, 'it must fail').toBeInstanceOf(kind);
  expect(error!.message).toMatch(message);
  expect(snapshot(dir)).toEqual(before);
  expect(before.status).toBe('');
  return error!;
}

const importInto = (dir: string, bytes: Buffer, slug = 'goyang', effective?: string) =>
  openStore(dir).then((store) => store.importVersion({ slug, bytes, file: 'input.txt', ...(effective ? { effective } : {}) }));

describe('bad input changes nothing', () => {
  it('an empty file', async () => {
    await refusedAndUnchanged((dir) => importInto(dir, Buffer.alloc(0), 'goyang', '2025-01-01'), InputError, /비어 있습니다/);
  });

  it('a binary file (random bytes with NULs)', async () => {
    const bytes = randomBytes(4096);
    bytes[10] = 0;
    await refusedAndUnchanged((dir) => importInto(dir, bytes, 'goyang', '2025-01-01'), InputError, /binary/);
  });

  it('a document with no article', async () => {
    const text = Buffer.from('개인정보처리방침\n\n이 페이지는 준비 중입니다.\n\n- 홈\n- 닫기\n', 'utf8');
    const error = await refusedAndUnchanged((dir) => importInto(dir, text, 'goyang', '2025-01-01'), InputError, /조 제목\(제N조 …\)을 찾지 못했습니다/);
    expect(error).not.toBeInstanceOf(UsageError);
  });

  it.each(['../x', 'A B', 'Goyang', '', '-rf'])('the city slug %j', async (slug) => {
    await refusedAndUnchanged((dir) => importInto(dir, seedBytes('goyang'), slug, '2025-01-01'), UsageError, /올바른 기관 슬러그가 아닙니다/);
  });

  it('a bad --effective date', async () => {
    await refusedAndUnchanged((dir) => importInto(dir, editedGoyang(), 'goyang', '2025-02-30'), UsageError, /2025-02-30은\(는\) 날짜 형식\(YYYY-MM-DD\)이 아닙니다/);
  });

  it('a malformed ledger committed in history/: file, line and YAML path named; import refused', async () => {
    const dir = await sampleStore();
    const path = join(dir, 'history', 'goyang.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('  - effective: 2016-05-16\n', '  - effective: 2016-05-32\n'));
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'hand edit');
    const before = snapshot(dir);
    const store = await openStore(dir);
    const error = (await store.log('goyang').catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.where).toBe('history/goyang.yaml');
    expect(error.details.join('\n')).toMatch(/^history\/goyang\.yaml:\d+: versions\[1\]\.effective: 날짜 형식\(YYYY-MM-DD\)이거나 null이어야 합니다/m);
    await expect(store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' })).rejects.toBeInstanceOf(ValidationError);
    await expect(store.resolve('goyang@2016-06-01')).rejects.toBeInstanceOf(ValidationError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a YAML syntax error committed in policies/: named with its line; import refused', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, 'policies', 'goyang.yaml'), 'city: 고양특례시\nslug: goyang\narticles: [unclosed\n');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'hand edit');
    const before = snapshot(dir);
    const store = await openStore(dir);
    const error = (await store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/policies\/goyang\.yaml이\(가\) 올바른 YAML이 아닙니다/);
    expect(error.details.join('\n')).toMatch(/\d+행/);
    await expect(store.resolve('goyang')).rejects.toBeInstanceOf(ValidationError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an uncommitted edit in history/ makes import refuse, naming the file', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, 'history', 'paju.yaml'), 'versions: [');
    const before = snapshot(dir);
    const store = await openStore(dir);
    const error = (await store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' }).catch((e: unknown) => e)) as Error & { details: string[] };
    expect(error.message).toMatch(/커밋하지 않은 변경이 있습니다/);
    expect(error.details.join('\n')).toContain('history/paju.yaml');
    expect(snapshot(dir)).toEqual(before);
  });

  it('the ref --output=/tmp/x: refused, nothing written anywhere', async () => {
    const target = '/tmp/x';
    rmSync(target, { force: true });
    await refusedAndUnchanged((dir) => resolveVersionArg(dir, '--output=/tmp/x'), RefError, /"-"로 시작하여/);
    await refusedAndUnchanged((dir) => resolveVersionArg(dir, '--upload-pack=touch /tmp/x'), RefError, /"-"로 시작하여/);
    expect(existsSync(target)).toBe(false);
  });

  it('the ref goyang@2099-01-01: in the future, naming the newest version', async () => {
    const error = await refusedAndUnchanged((dir) => resolveVersionArg(dir, 'goyang@2099-01-01'), RefError, /2099-01-01은\(는\) 아직 오지 않은 날입니다/);
    expect(error).not.toBeInstanceOf(NotArchivedError);
    expect((error as RefError).hint).toMatch(/goyang의 가장 새 판은 goyang@2020-07-17입니다/);
  });

  it.each([
    ['seoul', /저장소에 "seoul" 기관이 없습니다/],
    ['A B', /"A B"은\(는\) 기관 슬러그가 아닙니다/],
    ['goyang@2020-13-01', /"2020-13-01"은\(는\) 날짜 형식\(YYYY-MM-DD\)이 아닙니다/],
    ['goyang~x', /몇 판 전인지 나타내는 수가 아닙니다/],
    ['goyang~9', /goyang에 알려진 판은 4개뿐입니다/],
    ['goyang@2000-01-01', /goyang에는 2011-11-07 이전의 판이 알려져 있지 않습니다/],
    ['goyang@2016-05-14', /원장에 빈 구간이 있습니다/],
    ['../x', /\.\.\/x 파일이 없습니다/],
  ])('the ref %j', async (ref, message) => {
    const error = await refusedAndUnchanged((dir) => resolveVersionArg(dir, ref), RefError, message);
    if (ref === 'seoul') expect((error as RefError).hint).toMatch(/저장소에 있는 기관: goyang, iksan, namyangju, paju, uijeongbu/);
  });
});

describe('versions known only from a later page', () => {
  it('goyang@2016-06-01 is not archived: says which version, its range, the evidence and how to import it', async () => {
    const error = (await refusedAndUnchanged((dir) => resolveVersionArg(dir, 'goyang@2016-06-01'), NotArchivedError, /본문이 보관되어 있지 않습니다/)) as NotArchivedError;
    // A command that needs the text cannot do its work: 2, never diff's 1 ("different"); `show` answers with 1 itself.
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('2016-05-16 … 2016-12-01');
    expect(error.details.join('\n')).toContain('goyang@2020-07-17 제12조: "2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)"에 나옵니다');
    expect(error.hint).toBe('보관하려면 그 본문을 가져오세요 (시행일 2016-05-16)');
    expect((inCliTerms(error) as NotArchivedError).hint).toBe('보관하려면 그 본문을 가져오세요: bangchim import goyang 파일 --effective 2016-05-16');
  });

  it("paju's oldest version has no stated start", async () => {
    const error = (await refusedAndUnchanged((dir) => resolveVersionArg(dir, 'paju@2014-01-01'), NotArchivedError, /… 2015-02-10/)) as NotArchivedError;
    expect(error.hint).toMatch(/어느 쪽에도 시행일이 적혀 있지 않습니다/);
  });
});

describe('the lock', () => {
  it('a lock held by a live process: BusyError naming the pid, nothing changed', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, '.git', 'bangchim.lock'), `pid: ${process.pid}\nstarted: 2025-01-01T00:00:00.000Z\ncommand: import goyang x.txt\n`);
    const before = snapshot(dir);
    const store = await openStore(dir);
    const error = (await store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' }).catch((e: unknown) => e)) as BusyError;
    expect(error).toBeInstanceOf(BusyError);
    expect(error.message).toMatch(new RegExp(`저장소를 다른 bangchim\\(pid ${process.pid}\\)이 쓰고 있습니다: 2025-01-01\\S*부터 "import goyang x.txt" 실행 중`));
    expect(snapshot(dir)).toEqual(before);
    // Reading is not blocked.
    expect((await store.resolve('goyang')).label).toBe('goyang@2020-07-17');
  });

  /** A store after a real import of 고양 2025-01-01, and what that import's journal recorded. */
  async function importedWithJournal() {
    const dir = await sampleStore();
    const from = git(dir, 'rev-parse', 'HEAD').trim();
    await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' });
    const to = git(dir, 'rev-parse', 'HEAD').trim();
    const tagObject = git(dir, 'rev-parse', 'refs/tags/goyang@2025-01-01').trim();
    const journal = {
      command: 'import goyang@2025-01-01',
      from,
      to,
      updates: [
        { kind: 'update', ref: 'refs/heads/main', newValue: to, oldValue: from },
        { kind: 'create', ref: 'refs/tags/goyang@2025-01-01', newValue: tagObject },
      ],
      paths: ['policies/goyang.yaml', 'history/goyang.yaml', 'sources/goyang'],
    };
    return { dir, from, journal, complete: snapshot(dir) };
  }

  /** The work tree and index as they were before the import, and a dead owner's lock and journal. */
  function leaveAsKilled(dir: string, journal: { from: string }): number {
    git(dir, 'read-tree', journal.from);
    git(dir, 'checkout-index', '-f', '-a');
    rmSync(join(dir, 'sources', 'goyang', '2025-01-01.txt'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, '.git', 'bangchim.lock'), `pid: ${dead}\nstarted: 2025-01-01T00:00:00.000Z\ncommand: import goyang x.txt\n`);
    writeFileSync(join(dir, '.git', 'bangchim.journal'), JSON.stringify(journal));
    return dead;
  }

  it('killed after the ref transaction: the next command finishes the work tree from the journal', async () => {
    const { dir, journal, complete } = await importedWithJournal();
    leaveAsKilled(dir, journal);
    expect(git(dir, 'status', '--porcelain')).not.toBe('');
    const notices: string[] = [];
    await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/중단된 "import goyang@2025-01-01"을\(를\) 마쳤습니다: 참조 0개를 옮기고 파일 3개를 HEAD에 맞췄습니다/);
    expect(snapshot(dir)).toEqual(complete);
    expect(existsSync(join(dir, '.git', 'bangchim.journal'))).toBe(false);
  });

  it('killed with git inside the ref transaction (its ref lock left behind): the journal rolls the import forward', async () => {
    const { dir, from, journal, complete } = await importedWithJournal();
    // Refs as before the transaction, and the lock file a killed `git update-ref` leaves.
    git(dir, 'update-ref', 'refs/heads/main', from);
    git(dir, 'update-ref', '-d', 'refs/tags/goyang@2025-01-01');
    leaveAsKilled(dir, journal);
    writeFileSync(join(dir, '.git', 'refs', 'heads', 'main.lock'), `${from}\n`);
    const notices: string[] = [];
    const store = await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/중단된 "import goyang@2025-01-01"을\(를\) 마쳤습니다: 참조 2개를 옮기고/);
    expect(snapshot(dir)).toEqual(complete);
    expect(existsSync(join(dir, '.git', 'refs', 'heads', 'main.lock'))).toBe(false);
    // And the store takes the next import.
    const next = await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2999'), file: 'y.txt', effective: '2025-06-01' });
    expect(next.tag).toBe('goyang@2025-06-01');
  });

  it('a journal whose refs were since moved elsewhere is not forced: a clear error, nothing changed', async () => {
    const { dir, from, journal } = await importedWithJournal();
    leaveAsKilled(dir, journal);
    // Someone moved the branch by hand after the kill.
    git(dir, 'update-ref', 'refs/heads/main', `${from}^`);
    const before = snapshot(dir);
    const error = (await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2999'), file: 'y.txt', effective: '2025-06-01' }).catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(/중단된 "import goyang@2025-01-01"을\(를\) 마무리할 수 없습니다: 그 사이 refs\/heads\/main이\(가\) 다른 무언가로 바뀌었습니다/);
    expect(error.hint).toMatch(/\.git\/bangchim\.journal을 지우세요/);
    expect({ ...snapshot(dir), lock: before.lock }).toEqual(before);
  });

  it('an empty lock file (a kill between creating and writing it) does not block the next import', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, '.git', 'bangchim.lock'), '');
    const result = await (await openStore(dir)).importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' });
    expect(result.tag).toBe('goyang@2025-01-01');
    expect(snapshot(dir).lock).toBe(false);
  });

  it('a lock left by a dead process before the transaction: recovered, and the import goes ahead', async () => {
    const dir = await sampleStore();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, '.git', 'bangchim.lock'), `pid: ${dead}\nstarted: 2025-01-01T00:00:00.000Z\ncommand: import goyang x.txt\n`);
    writeFileSync(join(dir, '.git', `bangchim-index-${dead}`), 'half-written');
    // Someone's staged (not yet committed) work elsewhere must survive the recovery.
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    git(dir, 'add', 'notes.txt');
    const notices: string[] = [];
    const store = await openStore(dir, { onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([`중단된 bangchim이 남긴 잠금을 지웠습니다 (pid ${dead}, "import goyang x.txt")`]);
    const result = await store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' });
    expect(result.tag).toBe('goyang@2025-01-01');
    expect(snapshot(dir).lock).toBe(false);
    expect(existsSync(join(dir, '.git', `bangchim-index-${dead}`))).toBe(false);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('A  notes.txt\n');
  });
});
