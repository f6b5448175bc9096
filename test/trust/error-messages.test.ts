/**
 * Issue 12 item 5: every error a person reads is Korean by default, from one catalogue
 * (src/domain/presentation/messages/errors.ts), and English with BANGCHIM_LANG=en. Each error class is
 * built here, most of them by the real mistake that raises it, and its message, hint and details are
 * read for English left in them: a run of three or more English words outside quoted values, flags
 * and commands.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as app from '../../src/app/errors.js';
import { SampleStoreWriteError } from '../../src/app/session.js';
import { inCliTerms } from '../../src/cli/wording.js';
import { BangchimError, formatError } from '../../src/domain/errors.js';
import { busyError } from '../../src/store/lock.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { en, ko } from '../../src/domain/presentation/messages/errors.js';
import { setLanguage, t, type MessageKey } from '../../src/domain/presentation/messages/index.js';
import { parseRef } from '../../src/domain/ref.js';
import { loadLedgerYaml, loadVersionYaml } from '../../src/domain/yaml.js';
import { ChainCheckError } from '../../src/store/history.js';
import { openStore, resolveVersionArg, initStore, checkSlug } from '../../src/store/index.js';
import { MissingTagError, UnknownCityError } from '../../src/store/reads.js';
import type { ResolvedVersion } from '../../src/store/refs.js';
import { ArchivedOtherTextError, NotAStoreError, VersionTooLargeError } from '../../src/store/store.js';
import { RemoteNameError, syncStore } from '../../src/store/sync.js';
import { verifyStore, type Finding } from '../../src/store/verify.js';
import { checkVersion, formatCheckText } from '../../src/domain/check/index.js';
import { seedText, parseText } from '../notice/seeds.js';
import { editedGoyang, git, runBin, sampleStore, tempDir } from './helpers.js';

/** A text with quoted values, code spans, flags and shell commands taken out: what is left is prose. */
function prose(text: string): string {
  return text
    .replace(/"[^"]*"|`[^`]*`|“[^”]*”|'[^']*'/gu, ' ')
    .replace(/--[\w-]+(=\S*)?/gu, ' ')
    .replace(/\b(?:git|bangchim|npx)\b[^가-힣;()]*/gu, ' ');
}

/** Runs of three or more English words in `text`'s prose. */
function englishRuns(text: string): string[] {
  return prose(text).match(/[A-Za-z][A-Za-z'’-]*(?: +[A-Za-z][A-Za-z'’-]*){2,}/gu) ?? [];
}

function expectKorean(label: string, error: unknown): void {
  expect(error, label).toBeInstanceOf(BangchimError);
  const e = error as BangchimError;
  for (const text of [e.message, e.hint ?? '', ...e.details]) expect(englishRuns(text), `${label}: ${text}`).toEqual([]);
  expect(e.message, label).toMatch(/[가-힣]/u);
  // The printed form too: its labels (위치, 도움말) are the catalogue's.
  expect(englishRuns(formatError(e)), label).toEqual([]);
}

async function caught(attempt: () => unknown): Promise<unknown> {
  try {
    await attempt();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

afterEach(() => setLanguage('ko'));

describe('the error catalogue', () => {
  it('has every key in English too, and no English key the Korean table lacks', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('');
  });

  it('says every message in Korean, with the same placeholders in both languages', () => {
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!))].sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(ko[key]));
      const filled = t(key as MessageKey, Object.fromEntries(placeholders(ko[key]).map((name) => [name, 'X1'])));
      expect(englishRuns(filled), `${key}: ${filled}`).toEqual([]);
    }
  });
});

describe('every error class, raised by the mistake a person makes', () => {
  it('references, files and documents', async () => {
    for (const ref of ['', '-rf', 'A B', 'goyang@2020-13-01', 'goyang~x', 'Goyang', 'a\u0007b']) expectKorean(`ref ${JSON.stringify(ref)}`, await caught(() => parseRef(ref)));
    expectKorean('empty document', await caught(() => parsePolicy('')));
    expectKorean('no articles', await caught(() => parsePolicy('공지사항\n\n휴관 안내입니다.\n')));
    expectKorean('binary', await caught(() => parsePolicy(new Uint8Array([0x89, 0x50, 0, 0, 0x0d]))));
    expectKorean('UTF-16', await caught(() => parsePolicy(Buffer.from('\ufeff제1조 목적', 'utf16le'))));
    expectKorean('bad slug option', await caught(() => parsePolicy('제1조 목적\n본문\n', { slug: '../x' })));
    expectKorean('invalid YAML', await caught(() => loadVersionYaml('city: [unclosed\n', 'policies/x.yaml')));
    expectKorean('YAML alias', await caught(() => loadVersionYaml('city: &c 고양\nslug: *c\n', 'policies/x.yaml')));
    expectKorean('schema', await caught(() => loadVersionYaml('city: 고양\nslug: Goyang\nextra: 1\narticles: []\n', 'policies/x.yaml')));
    expectKorean('ledger schema', await caught(() => loadLedgerYaml('city: 고양\nslug: goyang\nversions:\n  - effective: 2020-02-30\n    until: null\n    archived: true\n', 'history/goyang.yaml')));
    for (const slug of ['a'.repeat(80), 'A B']) expectKorean(`slug ${slug}`, await caught(() => checkSlug(slug)));
  });

  it('the store', async () => {
    const dir = await sampleStore();
    for (const ref of ['seoul', 'goyang~9', 'goyang@2000-01-01', 'goyang@2016-05-14', 'goyang@2016-06-01', 'goyang@2099-01-01', '../missing.txt', '서울', 'paju#draft']) {
      const error = await caught(() => resolveVersionArg(dir, ref));
      expectKorean(`resolve ${ref}`, error);
      expectKorean(`resolve ${ref}, command-line wording`, inCliTerms(error));
    }
    const store = await openStore(dir);
    expectKorean('empty import', await caught(() => store.importVersion({ slug: 'goyang', bytes: Buffer.alloc(0), file: 'input.txt', effective: '2025-01-01' })));
    expectKorean('bad date', await caught(() => store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-02-30' })));
    expectKorean('archived with another text', inCliTerms(await caught(() => store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2020-07-17' }))));
    writeFileSync(join(dir, 'history', 'paju.yaml'), 'versions: [');
    expectKorean('dirty store', await caught(() => store.importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'x.txt', effective: '2025-01-01' })));
    const plain = tempDir();
    expectKorean('not a store', inCliTerms(await caught(() => openStore(plain))));
    writeFileSync(join(plain, 'a-file'), '');
    expectKorean('init on a file', await caught(() => initStore(join(plain, 'a-file'))));
  });

  it('the typed errors of the app and the store, as the app raises them and as the command line words them', () => {
    const version = { label: 'paju@2024-09-30', slug: 'paju', version: { city: '파주시' } } as unknown as ResolvedVersion;
    const archived = { effective: '2020-07-17', until: null, archived: true, tag: 'goyang@2020-07-17', source: { sha256: 'a'.repeat(64) } };
    const errors: [string, BangchimError][] = [
      ['InvalidEffectiveDateError', new app.InvalidEffectiveDateError('2025-02-30')],
      ['EffectiveDateMissingError', new app.EffectiveDateMissingError('uijeongbu', 'uijeongbu.txt', '이 방침은 게시일부터 적용됩니다.')],
      ['EffectiveDateMissingError without a sentence', new app.EffectiveDateMissingError('uijeongbu', 'uijeongbu.txt', undefined)],
      ['EffectiveDayMissingError', new app.EffectiveDayMissingError('library', 'library.txt', '2022-09')],
      ['CityNameMissingError', new app.CityNameMissingError('newcity')],
      ['OtherCityError', new app.OtherCityError(version, 'goyang', 'paju@2024-09-30')],
      ['NoticeDateMissingError', new app.NoticeDateMissingError('draft.txt', 'goyang@2020-07-17', 'draft.txt')],
      ['NoDirectoryError', new app.NoDirectoryError('/nowhere/notice.md')],
      ['UnsafeFieldError', new app.UnsafeFieldError('name', '새\n도시')],
      ['UnsafeFieldError url', new app.UnsafeFieldError('url', 'https://x\u001b[31m')],
      ['NoticeFileExistsError', new app.NoticeFileExistsError('notice.md')],
      ['NoticeTargetRefusedError', new app.NoticeTargetRefusedError('.git/x', t('err.app.target.insideGit'))],
      ['CityMismatchError', new app.CityMismatchError('paju', '파주시', '고양특례시')],
      ['FindingsNotAcceptedError', new app.FindingsNotAcceptedError('goyang', ['제3조: 보유기간이 없습니다'])],
      ['PublishDateMissingError', new app.PublishDateMissingError('goyang')],
      ['NoDraftError', new app.NoDraftError('goyang')],
      ['SampleStoreWriteError', new SampleStoreWriteError('/home/x/.local/share/bangchim/sample')],
      ['MissingTagError', new MissingTagError('goyang', 'goyang@2018-05-01')],
      ['UnknownCityError', new UnknownCityError('seoul', '/store', ['goyang', 'paju'])],
      ['UnknownCityError in an empty store', new UnknownCityError('seoul', '/store', [])],
      ['ChainCheckError', new ChainCheckError(['goyang@2020-07-17: 부모 커밋이 다릅니다'])],
      ['NotAStoreError', new NotAStoreError('/tmp/plain')],
      ['ArchivedOtherTextError', new ArchivedOtherTextError(archived, 'b'.repeat(64), 'x.txt')],
      ['VersionTooLargeError', new VersionTooLargeError('huge.html', 9_000_000)],
      ['RemoteNameError', new RemoteNameError('--upload-pack=x')],
      ['BusyError', busyError({ pid: 42, started: '2025-01-01T00:00:00.000Z', command: 'import goyang x.txt' })],
    ];
    for (const [name, error] of errors) {
      expectKorean(name, error);
      const worded = inCliTerms(error) as BangchimError;
      expectKorean(`${name}, command-line wording`, worded);
      // The wording keeps the class, the exit code and the data.
      expect(Object.getPrototypeOf(worded), name).toBe(Object.getPrototypeOf(error));
      expect(worded.exitCode, name).toBe(error.exitCode);
    }
    // App and store errors name no flag; the command line's wording does.
    for (const [name, error] of errors) expect(`${error.message} ${error.hint ?? ''}`, name).not.toMatch(/(?<![\w-])--(?:effective|name|store|out|force|accept-findings|remote)\b/u);
    expect((inCliTerms(errors[3]![1]) as BangchimError).hint).toContain('--effective 2022-09-DD');
  });
});

describe('English on request', () => {
  it('BANGCHIM_LANG=en: the same error in English, its labels too', () => {
    setLanguage('en');
    const error = new app.InvalidEffectiveDateError('2025-02-30');
    expect(error.message).toBe('2025-02-30 is not a date YYYY-MM-DD');
    expect(formatError(error)).toContain('  hint: write it like 2020-07-17');
  });

  it('the command line: Korean by default, English with BANGCHIM_LANG=en or an English locale', async () => {
    const dir = await sampleStore();
    const korean = runBin(['show', 'goyang@2020-13-01'], { cwd: dir, env: { BANGCHIM_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });
    expect(korean.code).toBe(2);
    expect(korean.err).toContain('bangchim: "goyang@2020-13-01": "2020-13-01"은(는) 날짜 형식(YYYY-MM-DD)이 아닙니다');
    expect(korean.err).toContain('  도움말: 날짜는 goyang@2020-07-17처럼 쓰세요');
    for (const env of [{ BANGCHIM_LANG: 'en' }, { BANGCHIM_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' }]) {
      const english = runBin(['show', 'goyang@2020-13-01'], { cwd: dir, env });
      expect(english.code, JSON.stringify(env)).toBe(2);
      expect(english.err, JSON.stringify(env)).toContain('bangchim: "goyang@2020-13-01": "2020-13-01" is not a date YYYY-MM-DD');
      expect(english.err, JSON.stringify(env)).toContain('  hint: write the date like goyang@2020-07-17');
    }
  });
});

/** A text a person reads is Korean: Hangul in it, and no run of three English words in its prose. */
function expectKoreanText(label: string, text: string): void {
  expect(text, label).toMatch(/[가-힣]/u);
  expect(englishRuns(text), `${label}: ${text}`).toEqual([]);
}

/** The same text in English: a run of English words, and no Hangul outside quoted values. */
function expectEnglishText(label: string, text: string): void {
  expect(text, label).toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/u);
  expect(prose(text).replace(/「[^」]*」/gu, ' '), label).not.toMatch(/[가-힣]{2,} [가-힣]{2,}/u);
}

describe('verify, sync and check speak Korean by default and English on request', () => {
  it("verify's findings of a broken store: a hook, an interrupted journal, a stale lock, a moved tag", async () => {
    const dir = await sampleStore();
    const gitDir = join(dir, '.git');
    writeFileSync(join(gitDir, 'hooks', 'post-checkout'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(gitDir, 'hooks', 'post-checkout'), 0o755);
    writeFileSync(join(gitDir, 'bangchim.journal'), '{}\n');
    writeFileSync(join(gitDir, 'bangchim.lock'), 'pid: 999999\nstarted: 2024-01-01T00:00:00Z\ncommand: import goyang x.txt\n');
    writeFileSync(join(gitDir, 'bangchim-index-1'), '');
    // 고양's tag re-made by hand on 파주's commit: another text, another date, a lightweight tag.
    git(dir, 'tag', '-f', 'goyang@2020-07-17', 'paju@2024-09-30^{commit}');

    const korean = await verifyStore(dir, { fsck: false });
    const where = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.where}`);
    expect(where(korean.findings)).toEqual(expect.arrayContaining(['config-runs-code .git/hooks/post-checkout', 'stale-lock .git/bangchim.lock', 'stale-lock .git/bangchim.journal', 'temp-index .git/bangchim-index-1', 'tag-not-annotated goyang@2020-07-17', 'author-date goyang@2020-07-17']));
    for (const f of korean.findings) expectKoreanText(`${f.kind} ${f.where}`, f.message);
    expect(korean.findings.find((f) => f.where === '.git/bangchim.lock')!.message).toBe('가져오기가 중단되었습니다(pid 999999 프로세스가 없습니다, "import goyang x.txt"을(를) 실행하던 중). 아무 bangchim 명령이나(예: `bangchim list`) 실행하면 복구됩니다');

    setLanguage('en');
    const english = await verifyStore(dir, { fsck: false });
    expect(where(english.findings)).toEqual(where(korean.findings));
    english.findings.forEach((f, i) => {
      expect(f.message, `${f.kind} ${f.where}`).not.toBe(korean.findings[i]!.message);
      expectEnglishText(`${f.kind} ${f.where}`, f.message);
    });
    expect(english.findings.find((f) => f.where === '.git/bangchim.lock')!.message).toBe('an import was interrupted (pid 999999 is gone, it was running "import goyang x.txt"); run any bangchim command, e.g. `bangchim list`, to recover');
  });

  it("sync's summary: published, pushed with a tag, up to date", async () => {
    const dir = await sampleStore();
    const remote = join(tempDir('bangchim-remote-'), 'archive.git');
    git(tempDir(), 'init', '-q', '--bare', '-b', 'main', remote);
    git(dir, 'remote', 'add', 'origin', remote);
    const session = await openStore(dir);
    const store = session.store;
    const published = await syncStore(store);
    expect(published.message).toMatch(/^main\(커밋 \d+개\)를 origin에 처음 올렸습니다; 판 태그 5개를 올렸습니다$/u);
    await session.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2021'), file: 'g.txt', effective: '2021-03-02' });
    setLanguage('en');
    expect((await syncStore(store)).message).toBe('pushed 1 commit to origin/main; pushed 1 version tag');
    expect((await syncStore(store)).message).toBe('up to date with origin/main');
    setLanguage('ko');
    const upToDate = (await syncStore(store)).message;
    expect(upToDate).toBe('origin/main와(과) 같습니다: 주고받을 것이 없습니다');
    for (const text of [published.message, upToDate]) expectKoreanText('sync', text);
  });

  it("the store's notices while it opens: a lock left by a dead bangchim, removed", async () => {
    const dir = await sampleStore();
    const leaveStaleLock = (): void => writeFileSync(join(dir, '.git', 'bangchim.lock'), 'pid: 999999\nstarted: 2024-01-01T00:00:00Z\ncommand: import goyang x.txt\n');
    const noticesOnOpen = async (): Promise<string[]> => {
      const notices: string[] = [];
      await openStore(dir, { onNotice: (m) => notices.push(m) });
      return notices;
    };
    leaveStaleLock();
    const korean = await noticesOnOpen();
    expect(korean).toEqual(['중단된 bangchim이 남긴 잠금을 지웠습니다 (pid 999999, "import goyang x.txt")']);
    for (const text of korean) expectKoreanText('notice', text);
    setLanguage('en');
    leaveStaleLock();
    const english = await noticesOnOpen();
    expect(english).toEqual(['removed a lock left by an interrupted bangchim (pid 999999, "import goyang x.txt")']);
    for (const text of english) expectEnglishText('notice', text);
  });

  it('a check with notes and findings: its summary, findings, stale names and notes', () => {
    // 고양's page naming the ministry by its 2013 name: a stale-name finding from the rules' table.
    const text = seedText('goyang').replace('행정안전부', '안전행정부');
    const version = parseText(text, 'goyang', 'goyang.txt');
    const korean = checkVersion(version, { ledger: null, label: 'goyang.txt' });
    expect(korean.notes.length).toBe(1);
    expect(korean.findings.some((f) => f.kind === 'stale-name')).toBe(true);
    const koreanText = formatCheckText(korean, 'goyang.txt');
    expect(koreanText).toContain('  참고: goyang.txt: 저장소의 장부가 없어');
    for (const line of [...korean.notes, ...korean.findings.map((f) => f.message), koreanText]) expectKoreanText('check', line);

    setLanguage('en');
    const english = checkVersion(version, { ledger: null, label: 'goyang.txt' });
    expect(english.findings.map((f) => `${f.kind} ${f.basis.replace(' (if it applies)', ' (해당하는 경우)')}`)).toEqual(korean.findings.map((f) => `${f.kind} ${f.basis}`));
    const englishText = formatCheckText(english, 'goyang.txt');
    expect(englishText.split('\n')[0]).toMatch(/^goyang\.txt \(고양특례시\): law 0, guideline \d+, recommended \d+$/u);
    expect(englishText).toContain("  note: goyang.txt: without the store's ledger, the revision article's dates");
    expect(english.findings.find((f) => f.kind === 'stale-name')!.message).toMatch(/^renamed ministry "안전행정부": 안전행정부 became 행정자치부 on 2014-11-19/u);
    for (const line of [...english.notes, ...english.findings.map((f) => f.message)]) expectEnglishText('check', line);
  });
});
