/**
 * The auditor's report on a real store: every format carries the provenance block (store and head, both
 * versions as asked and resolved, tags, commits, periods in force, sources), `show --format text` starts
 * with it, a side that cannot be read exits 2, and with --json every command's error is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capture, editedGoyang, git, ROOT, sampleStore, tempDir } from '../store/helpers.js';

const URL_2022 = 'https://www.goyang.go.kr/www/privacy/policy.do';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function run(args: string[], cwd: string) {
  const out = capture();
  const err = capture();
  const code = await main(args, { out, err, cwd, env: { ...process.env, BANGCHIM_LANG: 'ko', BANGCHIM_TODAY: '2026-12-01' } });
  return { code, out: out.text(), err: err.text() };
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The sample store with a second 고양 version (2022-03-01: 접속기록 1년 → 2년, a new phone number), imported with its URL. */
async function storeWithTwoVersions(): Promise<string> {
  const dir = await sampleStore();
  const file = join(tempDir(), 'goyang-2022.txt');
  const text = editedGoyang('031-8075-2021').toString('utf8');
  const edited = text.replace('최소 1년 이상', '최소 2년 이상');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  const imported = await run(['import', 'goyang', file, '--effective', '2022-03-01', '--source', URL_2022], dir);
  expect(imported.err).not.toContain('bangchim:');
  expect(imported.code).toBe(0);
  return dir;
}

describe('diff as an auditor report', () => {
  let dir: string;
  let head: string;
  let commit2020: string;
  let commit2022: string;
  beforeAll(async () => {
    dir = await storeWithTwoVersions();
    head = git(dir, 'rev-parse', 'HEAD').trim();
    commit2020 = git(dir, 'rev-parse', 'goyang@2020-07-17^{commit}').trim();
    commit2022 = git(dir, 'rev-parse', 'goyang@2022-03-01^{commit}').trim();
  });

  it('text: the provenance block first, the as-of date echoed with the version it resolved to', async () => {
    const started = Date.now();
    const { code, out, err } = await run(['diff', 'goyang@2021-01-01', 'goyang'], dir);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe('[출처 정보]');
    expect(out).toMatch(new RegExp(`^    경로\\s+${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(out).toMatch(new RegExp(`^    HEAD 커밋\\s+${head}$`, 'm'));
    expect(out).toContain('요청         goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17');
    expect(out).toMatch(new RegExp(`^    커밋\\s+${commit2020}$`, 'm'));
    expect(out).toMatch(new RegExp(`^    커밋\\s+${commit2022}$`, 'm'));
    expect(out).toContain('시행 기간    2020-07-17 ~ 2022-02-28 (종료)');
    expect(out).toContain('시행 기간    2022-03-01 ~ 현재 (시행 중)');
    expect(out).toContain(`원문 sha256  ${sha256(join(dir, 'sources/goyang/2020-07-17.txt'))}`);
    expect(out).toContain(`원문 sha256  ${sha256(join(dir, 'sources/goyang/2022-03-01.txt'))}`);
    expect(out).toContain('원문 파일    sources/goyang/2022-03-01.txt');
    expect(out).toContain(`원문 주소    ${URL_2022}`);
    expect(out).toContain(`도구         bangchim ${VERSION}`);
    const generated = /작성 시각\s+(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) \(UTC\+09:00\)/u.exec(out);
    expect(generated).not.toBeNull();
    const when = Date.parse(`${generated![1]}T${generated![2]}+09:00`);
    expect(when).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(when).toBeLessThanOrEqual(Date.now());
    expect(out).toContain('비교: 고양특례시 2020-07-17 (goyang@2020-07-17, 2021-01-01 기준) → 고양특례시 2022-03-01 (goyang@2022-03-01)');
    expect(out).toContain('최소 [-1년-]{+2년+} 이상');
  });

  it('markdown: the block as tables; parentheses and spaced tildes as written', async () => {
    const { code, out } = await run(['diff', 'goyang@2021-01-01', 'goyang', '--format', 'markdown'], dir);
    expect(code).toBe(1);
    expect(out).toContain('## 출처 정보');
    expect(out).toContain(`| HEAD 커밋 | ${head} |`);
    expect(out).toContain('| 요청 | goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17 |');
    expect(out).toContain(`| 원문 주소 | ${URL_2022} |`);
    expect(out).toContain('접속한 기록(웹 로그, 요약정보 등)을 최소 <del>1년</del><ins>2년</ins> 이상');
    expect(out).not.toContain('\\(');
    expect(out).not.toContain('\\~');
  });

  it('json: each side names its source (file in the store, sha256, URL); the provenance object follows the diff', async () => {
    const { code, out } = await run(['diff', 'goyang@2021-01-01', 'goyang', '--json'], dir);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['old', 'new', 'articles', 'facts', 'topics', 'summary', 'provenance']);
    expect(json.old.source).toEqual({ file: 'sources/goyang/2020-07-17.txt', sha256: sha256(join(dir, 'sources/goyang/2020-07-17.txt')) });
    expect(json.new.source).toEqual({ file: 'sources/goyang/2022-03-01.txt', sha256: sha256(join(dir, 'sources/goyang/2022-03-01.txt')), url: URL_2022 });
    expect(json.provenance.store).toEqual({ dir, head });
    expect(json.provenance.tool).toEqual({ name: 'bangchim', version: VERSION });
    expect(json.provenance.versions[0]).toMatchObject({ ref: 'goyang@2021-01-01', label: 'goyang@2020-07-17', asOf: '2021-01-01', kind: 'archived', tag: 'goyang@2020-07-17', commit: commit2020, effective: '2020-07-17', inForce: { from: '2020-07-17', until: '2022-02-28', status: 'superseded' } });
    expect(json.provenance.versions[1]).toMatchObject({ ref: 'goyang', label: 'goyang@2022-03-01', kind: 'archived', commit: commit2022, inForce: { from: '2022-03-01', until: null, status: 'in-force' } });
    expect(json.provenance.versions[1].asOf).toBeUndefined();
    expect(Number.isNaN(Date.parse(json.provenance.generated))).toBe(false);
  });

  it('show --format text starts with the header: which version the date resolved to, and its period in force', async () => {
    const { code, out } = await run(['show', 'goyang@2021-01-01', '--format', 'text'], dir);
    expect(code).toBe(0);
    const [header, text] = out.split('\n\n', 2) as [string, string];
    expect(header.split('\n')[0]).toBe('[출처 정보]');
    expect(header).toContain('판: goyang@2020-07-17');
    expect(header).toContain('goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17');
    expect(header).toContain('2020-07-17 ~ 2022-02-28 (종료)');
    expect(header).toContain(commit2020);
    expect(text.startsWith('개인정보처리방침')).toBe(true);
  });

  it('two files: no store is named, each file with its sha256', async () => {
    const work = tempDir();
    const a = join(work, 'a.txt');
    const b = join(work, 'b.txt');
    writeFileSync(a, editedGoyang('031-8075-2021'));
    writeFileSync(b, editedGoyang('031-8075-2099'));
    const { code, out } = await run(['diff', a, b], work);
    expect(code).toBe(1);
    expect(out).toContain('경로         저장소를 쓰지 않음 (파일끼리 비교)');
    expect(out).toContain(`원문 sha256  ${sha256(b)}`);
    expect(out).not.toContain('HEAD 커밋');
  });
});

describe('exit codes and errors as JSON', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await sampleStore();
  });

  it('a diff whose side is not archived exits 2 (not 1 = "different"), with the message on stderr', async () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), 'diff', 'goyang@2016-06-01', 'goyang@2021-01-01'], { cwd: dir, encoding: 'utf8', env: process.env });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^bangchim: goyang@2016-06-01은\(는\) .*본문이 보관되어 있지 않습니다/mu);
    const json = spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), 'diff', 'goyang@2016-06-01', 'goyang@2021-01-01', '--json'], { cwd: dir, encoding: 'utf8', env: process.env });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'text-not-archived', where: 'goyang@2016-06-01', hint: expect.stringContaining('bangchim import goyang 파일 --effective 2016-05-16') } });
    expect(json.stderr).toContain('본문이 보관되어 있지 않습니다');
  });

  it('an unknown ref exits 2; show of a text not archived still answers it (exit 1) and names the error code', async () => {
    const unknown = await run(['diff', 'goyang', 'nowhere', '--json'], dir);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out).error.code).toBe('unknown-city');
    const show = await run(['show', 'goyang@2016-06-01', '--json'], dir);
    expect(show.code).toBe(1);
    expect(JSON.parse(show.out)).toMatchObject({ archived: false, error: { code: 'text-not-archived' } });
  });

  it('every command with --json prints one parseable error object on stdout, its exit code unchanged', async () => {
    const notAStore = tempDir();
    const missing = join(notAStore, 'missing.txt');
    const cases: [args: string[], cwd: string, code: string, exit: number][] = [
      [['list', '--json', '--bogus'], dir, 'usage', 2],
      [['log', 'nowhere', '--json'], dir, 'unknown-city', 2],
      [['show', 'nowhere', '--json'], dir, 'unknown-city', 2],
      [['show', 'goyang', '--format', 'json', '--bogus'], dir, 'usage', 2],
      [['diff', 'goyang', 'goyang@2016-06-01', '--format', 'json'], dir, 'text-not-archived', 2],
      [['diff', 'goyang', 'goyang', '--json', '--format', 'html'], dir, 'usage', 2],
      [['notice', 'nowhere', '--json'], dir, 'unknown-city', 2],
      [['office', 'nowhere', '--json'], dir, 'unknown-city', 2],
      [['check', 'nowhere', '--json'], dir, 'unknown-city', 2],
      [['parse', missing, '--json'], dir, 'bad-input', 2],
      [['import', 'goyang', missing, '--json'], dir, 'bad-input', 2],
      [['report', 'nowhere', '--json'], dir, 'usage', 2],
      [['sync', '--json'], dir, 'store', 2],
      [['verify', '--json', '--store', notAStore], notAStore, 'not-a-store', 2],
      [['drafts', '--json', '--store', notAStore], notAStore, 'not-a-store', 2],
      [['init', join(missing, 'x'), '--json', '--bogus'], dir, 'usage', 2],
    ];
    for (const [args, cwd, code, exit] of cases) {
      const result = await run(args, cwd);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(exit);
      let json: { error?: { code?: unknown; message?: unknown; hint?: unknown } } | undefined;
      expect(() => (json = JSON.parse(result.out)), `${args.join(' ')} printed ${JSON.stringify(result.out)}`).not.toThrow();
      expect(Object.keys(json!), args.join(' ')).toEqual(['error']);
      expect(typeof json!.error!.message, args.join(' ')).toBe('string');
      expect(json!.error!.hint === null || typeof json!.error!.hint === 'string').toBe(true);
      // The code names the class of error; the person's message is on stderr as before.
      expect(json!.error!.code, `${args.join(' ')}: ${result.err}`).toBe(code);
      expect(result.err).not.toBe('');
    }
  });

  it('without --json nothing is added to stdout', async () => {
    const result = await run(['log', 'nowhere'], dir);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^bangchim: /u);
  });
});
