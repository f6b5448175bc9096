/**
 * The use cases both shells call, on real git stores built from the bundled sample: which store a
 * command opens and when, what an import archives, what a notice compares and which date it states,
 * and how its files are written. The same calls serve the CLI and the UI; only the CLI names flags.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRef } from '../../src/app/check.js';
import { diffRefs } from '../../src/app/diff.js';
import { EffectiveDateMissingError, InvalidEffectiveDateError, NoDirectoryError, NoticeDateMissingError, OtherCityError } from '../../src/app/errors.js';
import { importFile } from '../../src/app/import.js';
import { planNotice, writeNoticeFile, writeNoticeFiles } from '../../src/app/notice.js';
import { resolveRefs } from '../../src/app/refs.js';
import { sessionOnDemand, StoreSession } from '../../src/app/session.js';
import { inCliTerms } from '../../src/cli/wording.js';
import { formatError } from '../../src/domain/errors.js';
import { initStore } from '../../src/store/index.js';
import { UnknownCityError } from '../../src/store/reads.js';
import { NotAStoreError } from '../../src/store/store.js';
import { checkRemoteName, RemoteNameError } from '../../src/store/sync.js';
import { editedGoyang, git, sampleStore, seedBytes, snapshot, tempDir } from '../store/helpers.js';

/** A session opener that counts how often a store is actually opened. */
function countedSession(dir: string, cwd: string): { open: () => Promise<StoreSession>; opened: () => number } {
  let count = 0;
  const open = sessionOnDemand(() => {
    count++;
    return StoreSession.open(dir, { cwd });
  });
  return { open, opened: () => count };
}

/** A work directory with drafts: the edited 고양 and the 의정부 seed (which states no date). */
function workDir(): string {
  const work = tempDir('bangchim-app-work-');
  writeFileSync(join(work, 'goyang-2025.txt'), editedGoyang());
  writeFileSync(join(work, 'uijeongbu.txt'), seedBytes('uijeongbu'));
  return work;
}

describe('opening a store', () => {
  it('finds the store from a directory inside it, and says what it recovered while opening', async () => {
    const dir = await sampleStore();
    // A lock left by a process that is gone: opening finishes (here: removes) it and says so.
    writeFileSync(join(git(dir, 'rev-parse', '--absolute-git-dir').trim(), 'bangchim.lock'), 'pid: 999999\nstarted: 2020-01-01T00:00:00Z\ncommand: import goyang x.txt\n');
    const notices: string[] = [];
    const session = await StoreSession.locate({ cwd: join(dir, 'policies'), env: { HOME: tempDir() }, onNotice: (m) => notices.push(m) });
    expect(session.dir).toBe(dir);
    expect(notices).toEqual(['중단된 bangchim이 남긴 잠금을 지웠습니다 (pid 999999, "import goyang x.txt")']);
    expect((await session.listCities()).map((c) => c.slug)).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
  });

  it('refuses a directory that is not a store with a typed error; only the CLI names --store', async () => {
    const plain = tempDir();
    const error = (await StoreSession.open(plain).catch((e: unknown) => e)) as NotAStoreError;
    expect(error).toBeInstanceOf(NotAStoreError);
    expect(error.dir).toBe(plain);
    expect(formatError(error)).not.toContain('--store');
    expect(formatError(inCliTerms(error))).toContain(`도움말: \`bangchim init ${plain}\`로 만들거나 --store 디렉터리를 주세요`);
  });
});

describe('errors name no flag; the CLI words them', () => {
  it('a city in an empty store: the CLI says how to import one', async () => {
    const dir = join(tempDir(), 'store');
    await initStore(dir, { empty: true });
    const error = (await (await StoreSession.open(dir)).resolve('goyang').catch((e: unknown) => e)) as UnknownCityError;
    expect(error).toBeInstanceOf(UnknownCityError);
    expect([error.slug, error.known]).toEqual(['goyang', []]);
    expect(error.hint).toBe('저장소가 비어 있습니다: 먼저 기관을 가져오세요');
    expect((inCliTerms(error) as UnknownCityError).hint).toBe('저장소가 비어 있습니다: `bangchim import 기관 파일 --effective YYYY-MM-DD`로 기관을 가져오세요');
  });

  it('a remote name that is an option: the CLI names --remote', () => {
    const error = (() => {
      try {
        checkRemoteName('--upload-pack=x');
      } catch (e) {
        return e as RemoteNameError;
      }
    })()!;
    expect(error).toBeInstanceOf(RemoteNameError);
    expect(error.where).toBe('--upload-pack=x');
    expect((inCliTerms(error) as RemoteNameError).where).toBe('--remote --upload-pack=x');
  });
});

describe('resolving refs', () => {
  it('draft files are read where they are: no store is opened for them', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const session = countedSession(dir, work);
    const [a, b] = await resolveRefs(['goyang-2025.txt', 'uijeongbu.txt'], work, session.open);
    expect([a!.label, b!.label]).toEqual(['goyang-2025.txt', 'uijeongbu.txt']);
    expect(a!.file).toBe(join(work, 'goyang-2025.txt'));
    expect(session.opened()).toBe(0);
  });

  it('versions in the store are resolved in one session, opened once for all of them', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const session = countedSession(dir, work);
    const resolved = await resolveRefs(['goyang', 'paju@2024-09-30', 'goyang-2025.txt', 'iksan~0'], work, session.open);
    expect(resolved.map((r) => r.label)).toEqual(['goyang@2020-07-17', 'paju@2024-09-30', 'goyang-2025.txt', 'iksan@2012-03-26']);
    expect(session.opened()).toBe(1);
  });

  it('diffs a draft against the newest archived version, each side named by its label', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const { before, after, diff } = await diffRefs('goyang', 'goyang-2025.txt', work, countedSession(dir, work).open, { editorial: false });
    expect([before.label, after.label]).toEqual(['goyang@2020-07-17', 'goyang-2025.txt']);
    expect(diff.summary.substantive).toBeGreaterThan(0);
    expect(JSON.stringify(diff.facts)).toContain('031-8075-2021');
  });

  it("checks a draft against its city's ledger in the person's own store, and an archived version under its tag", async () => {
    const dir = await sampleStore();
    const work = workDir();
    const place = { store: dir, cwd: work, env: process.env };
    const draft = await checkRef('goyang-2025.txt', place, countedSession(dir, work).open);
    expect(draft.label).toBe('goyang-2025.txt');
    expect(draft.result.slug).toBe('goyang');
    // With the ledger the revision article's dates are checked: no note that they were skipped.
    expect(draft.result.notes.filter((n) => n.includes('장부가 없어'))).toEqual([]);
    const archived = await checkRef('paju', place, countedSession(dir, work).open);
    expect(archived.label).toBe('paju@2024-09-30');
  });
});

describe('importing', () => {
  it('archives the date given over the date the page states, and warns that they differ', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const session = await StoreSession.open(dir, { cwd: work });
    const result = await importFile(async () => session.store, { cwd: work, slug: 'goyang', file: 'goyang-2025.txt', effective: '2025-01-01', url: 'https://www.goyang.go.kr/privacy', name: '다른 이름' });
    expect(result.tag).toBe('goyang@2025-01-01');
    expect(result.warnings).toEqual(['본문에는 2020-07-17부터 시행한다고 적혀 있지만, 요청대로 시행일 2025-01-01(으)로 가져옵니다']);
    const archived = await session.resolve('goyang');
    // A known city keeps the name its ledger has; the address given is recorded.
    expect(archived.version.city).toBe('고양특례시');
    expect(archived.version.source.url).toBe('https://www.goyang.go.kr/privacy');
    expect(archived.version.source.file).toBe('sources/goyang/2025-01-01.txt');
  });

  it('a page that states no date: a typed error with the sentence it does say, nothing changed; the CLI adds --effective', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const before = snapshot(dir);
    const session = await StoreSession.open(dir, { cwd: work });
    const error = (await importFile(async () => session.store, { cwd: work, slug: 'uijeongbu', file: 'uijeongbu.txt' }).catch((e: unknown) => e)) as EffectiveDateMissingError;
    expect(error).toBeInstanceOf(EffectiveDateMissingError);
    expect([error.slug, error.file, error.sentence]).toEqual(['uijeongbu', 'uijeongbu.txt', '이 개인정보 처리방침은 게시일부터 적용됩니다.']);
    expect(error.hint).toBe('그 본문이 시행된 날짜를 주세요');
    expect((inCliTerms(error) as EffectiveDateMissingError).hint).toBe('그 본문이 시행된 날짜를 주세요: bangchim import uijeongbu uijeongbu.txt --effective YYYY-MM-DD');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a date that is not a calendar date is refused before the file is parsed or the store opened', async () => {
    const work = workDir();
    let opened = false;
    const error = await importFile(async () => ((opened = true), (await StoreSession.open(tempDir())).store), { cwd: work, slug: 'goyang', file: 'goyang-2025.txt', effective: '2025-02-30' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEffectiveDateError);
    expect((error as Error).message).toBe('2025-02-30은(는) 날짜 형식(YYYY-MM-DD)이 아닙니다');
    expect((inCliTerms(error) as Error).message).toBe('--effective 2025-02-30은(는) 날짜 형식(YYYY-MM-DD)이 아닙니다');
    expect(opened).toBe(false);
  });
});

describe('planning a notice', () => {
  it('by default: the newest version against the one in force the day before it', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const session = await StoreSession.open(dir, { cwd: work });
    await session.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'goyang-2025.txt', effective: '2025-01-01' });
    const { notice, previousNotArchived } = await planNotice(session, { city: 'goyang' });
    expect(notice.from).toEqual({ label: 'goyang@2020-07-17', effective: '2020-07-17' });
    expect(notice.to).toEqual({ label: 'goyang@2025-01-01', effective: '2025-01-01' });
    expect(notice.effective).toBe('2025-01-01');
    expect(previousNotArchived).toBeNull();
  });

  it('when the version in force before is known only from a later page, the plan says so and has no table', async () => {
    const dir = await sampleStore();
    const session = await StoreSession.open(dir, { cwd: workDir() });
    const { notice, previousNotArchived } = await planNotice(session, { city: 'goyang' });
    expect(notice.from).toBeNull();
    expect(notice.table).toEqual([]);
    expect(previousNotArchived).toMatchObject({ before: '2020-07-17', entry: { effective: '2016-12-02', until: '2020-07-16', archived: false } });
  });

  it('a draft: compared with the newest, carries the city over, and needs a date later than the version in force', async () => {
    const dir = await sampleStore();
    const session = await StoreSession.open(dir, { cwd: workDir() });
    const dated = await planNotice(session, { city: 'goyang', to: 'goyang-2025.txt', effective: '2025-01-01' });
    expect(dated.notice.from?.label).toBe('goyang@2020-07-17');
    expect([dated.notice.city, dated.notice.slug]).toEqual(['고양특례시', 'goyang']);
    const error = (await planNotice(session, { city: 'goyang', to: 'goyang-2025.txt' }).catch((e: unknown) => e)) as NoticeDateMissingError;
    expect(error).toBeInstanceOf(NoticeDateMissingError);
    expect(error.message).toBe('goyang-2025.txt에 시행 중인 판(goyang@2020-07-17) 다음의 시행일이 적혀 있지 않습니다');
    expect(error.hint).not.toContain('--effective');
    expect((inCliTerms(error) as Error & { hint: string }).hint).toContain('--effective YYYY-MM-DD');
  });

  it("refuses another city's version as the new one", async () => {
    const dir = await sampleStore();
    const session = await StoreSession.open(dir, { cwd: workDir() });
    const error = await planNotice(session, { city: 'goyang', to: 'paju' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherCityError);
    expect((error as Error).message).toBe('paju@2024-09-30은(는) goyang의 방침이 아니라 파주시(paju)의 방침입니다');
  });
});

describe('writing notice files', () => {
  it('writes .txt, .md and .html whole into a directory it creates, leaving no temporary file', async () => {
    const dir = await sampleStore();
    const work = workDir();
    const session = await StoreSession.open(dir, { cwd: work });
    const { notice } = await planNotice(session, { city: 'goyang', to: 'goyang-2025.txt', effective: '2025-01-01' });
    const target = join(work, 'out', 'notices');
    const written = await writeNoticeFiles(notice, target);
    expect(written.map((p) => p.slice(target.length + 1))).toEqual(['goyang-2025-01-01-notice.txt', 'goyang-2025-01-01-notice.md', 'goyang-2025-01-01-notice.html']);
    expect(readdirSync(target).sort()).toEqual(['goyang-2025-01-01-notice.html', 'goyang-2025-01-01-notice.md', 'goyang-2025-01-01-notice.txt']);
    expect(readFileSync(written[2]!, 'utf8')).toContain('031-8075-2021');
  });

  it('a single file into a directory that does not exist: refused, nothing written; the CLI names --out', async () => {
    const work = tempDir();
    const file = join(work, 'missing', 'notice.txt');
    const error = await writeNoticeFile(file, 'text').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDirectoryError);
    expect(existsSync(join(work, 'missing'))).toBe(false);
    expect((error as NoDirectoryError).where).toBe(file);
    expect((inCliTerms(error) as NoDirectoryError).where).toBe(`--out ${file}`);
    mkdirSync(join(work, 'missing'));
    await writeNoticeFile(file, 'text');
    expect(readdirSync(join(work, 'missing'))).toEqual(['notice.txt']);
  });
});
