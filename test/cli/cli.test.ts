import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capture, editedGoyang, git, ROOT, sampleStore, snapshot, tempDir } from '../store/helpers.js';
import { seedFile } from '../seeds.js';

/** Korean unless a test asks otherwise, whatever the locale of the machine running the tests. */
const KOREAN: NodeJS.ProcessEnv = { ...process.env, BANGCHIM_LANG: 'ko' };

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = KOREAN) {
  const out = capture();
  const err = capture();
  const code = await main(args, { out, err, cwd, env });
  return { code, out: out.text(), err: err.text() };
}

describe('bangchim CLI', () => {
  it('list: a table, and --json', async () => {
    const dir = await sampleStore();
    const table = await run(['list'], dir);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^약칭\s+기관\s+최신\s+본문\/전체$/);
    expect(table.out).toMatch(/^goyang\s+고양특례시\s+2020-07-17\s+1\/4$/m);
    expect(table.out).toMatch(/^paju\s+파주시\s+2024-09-30\s+1\/12$/m);
    const json = JSON.parse((await run(['list', '--json'], dir)).out);
    expect(json.store).toBe(dir);
    expect(json.cities.map((c: { slug: string }) => c.slug)).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
    expect(json.cities[0]).toEqual({ slug: 'goyang', city: '고양특례시', newest: { effective: '2020-07-17', tag: 'goyang@2020-07-17', status: 'in-force' }, inForce: 'goyang@2020-07-17', archived: 1, known: 4 });
  });

  it('log goyang: 2011, 2016-05 and 2016-12 as "본문 없음" with evidence; 2020 with tag, commit, source, sha256', async () => {
    const dir = await sampleStore();
    const { code, out } = await run(['log', 'goyang'], dir);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('goyang (고양특례시): 알려진 판 4개, 본문 있는 판 1개');
    expect(lines[1]).toBe('2011-11-07 … 2016-05-13  본문 없음  (근거: goyang@2020-07-17 제12조: "2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)")');
    expect(lines[2]).toMatch(/^2016-05-16 … 2016-12-01  본문 없음  \(근거: goyang@2020-07-17 제12조: "2016\. 05\. 16\. ~ 2016\. 12\. 01\. 적용\(클릭\)"\)$/);
    expect(lines[3]).toMatch(/^2016-12-02 … 2020-07-16  본문 없음/);
    const commit = git(dir, 'rev-parse', '--short=7', 'goyang@2020-07-17^{commit}').trim();
    expect(lines[4]).toBe(`2020-07-17 … (시행 중)   goyang@2020-07-17  ${commit}  sources/goyang/2020-07-17.txt  sha256 19a0c7712eef`);
    const json = JSON.parse((await run(['log', 'goyang', '--json'], dir)).out);
    expect(json.versions[3]).toMatchObject({ effective: '2020-07-17', until: null, archived: true, tag: 'goyang@2020-07-17', commit: git(dir, 'rev-parse', 'goyang@2020-07-17^{commit}').trim() });
    expect(json.versions[0]).toEqual({ effective: '2011-11-07', until: '2016-05-13', archived: false, evidence: [{ version: '2020-07-17', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' }], status: 'superseded' });
  });

  it('log paju lists its versions since 2015 in date order', async () => {
    const dir = await sampleStore();
    const { out } = await run(['log', 'paju'], dir);
    const starts = out.trim().split('\n').slice(1).map((line) => line.slice(0, 10));
    expect(starts).toHaveLength(12);
    expect(starts.slice(1)).toEqual([...starts.slice(1)].sort());
    expect(starts[1]).toBe('2015-02-11');
    expect(starts[11]).toBe('2024-09-30');
    expect(out).toContain('(시작일 미상) … 2015-02-10');
  });

  it('show: YAML by default, --json with provenance, --format text; "in force that day" and ~N', async () => {
    const dir = await sampleStore();
    const yaml = await run(['show', 'goyang'], dir);
    expect(yaml.code).toBe(0);
    expect(yaml.out).toBe(git(dir, 'show', 'goyang@2020-07-17:policies/goyang.yaml'));
    const json = JSON.parse((await run(['show', 'goyang@2021-01-01', '--json'], dir)).out);
    expect(json).toMatchObject({ label: 'goyang@2020-07-17', slug: 'goyang', effective: '2020-07-17', tag: 'goyang@2020-07-17' });
    expect(json.commit).toBe(git(dir, 'rev-parse', 'goyang@2020-07-17^{commit}').trim());
    expect(json.version.articles).toHaveLength(12);
    const text = await run(['show', 'namyangju', '--format', 'text'], dir);
    expect(text.out).toContain('제10조');
    expect((await run(['show', 'iksan~0', '--json'], dir)).code).toBe(0);
  });

  it('show a draft file: parsed, labelled with its path; a YAML file is loaded', async () => {
    const work = tempDir();
    writeFileSync(join(work, 'draft.txt'), editedGoyang());
    const json = JSON.parse((await run(['show', 'draft.txt', '--json'], work)).out);
    expect(json.label).toBe('draft.txt');
    expect(json.file).toBe(join(work, 'draft.txt'));
    expect(JSON.stringify(json.version)).toContain('031-8075-2021');
    const dir = await sampleStore();
    const yaml = await run(['show', 'policies/paju.yaml', '--json'], dir);
    expect(JSON.parse(yaml.out)).toMatchObject({ label: 'policies/paju.yaml', slug: 'paju', effective: '2024-09-30' });
  });

  it('log never sends escape sequences from a hand-edited ledger to the terminal', async () => {
    const dir = await sampleStore();
    const path = join(dir, 'history', 'goyang.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('text: 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)', 'text: "2011 \\e[2J\\e]0;pwned\\a"'));
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'hostile');
    const { code, out } = await run(['log', 'goyang'], dir);
    expect(code).toBe(0);
    expect(out).toContain('2011 ␛[2J');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('show on a version whose text is not archived: explains on stdout, exit 1', async () => {
    const dir = await sampleStore();
    const { code, out, err } = await run(['show', 'goyang@2016-06-01'], dir);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toContain('goyang@2016-06-01은(는) 2016-05-16 … 2016-12-01에 시행된 goyang의 판인데, 본문이 보관되어 있지 않습니다');
    expect(out).toContain('goyang@2020-07-17 제12조');
    expect(out).toContain('bangchim import goyang 파일 --effective 2016-05-16');
  });

  it('show refuses option-like and future refs with exit 2, writing nothing', async () => {
    const dir = await sampleStore();
    rmSync('/tmp/x', { force: true });
    const before = snapshot(dir);
    const hostile = await run(['show', '--', '--output=/tmp/x'], dir);
    expect(hostile.code).toBe(2);
    expect(hostile.err).toMatch(/"-"로 시작하여 판을 가리키는 참조가 아닙니다/);
    const future = await run(['show', 'goyang@2099-01-01'], dir);
    expect(future.code).toBe(2);
    expect(future.err).toMatch(/2099-01-01은\(는\) 아직 오지 않은 날입니다/);
    expect(future.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync('/tmp/x')).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('import: prints what it did; identical re-import is a no-op; --store works from elsewhere', async () => {
    const dir = await sampleStore();
    const work = tempDir();
    writeFileSync(join(work, 'goyang-2025.txt'), editedGoyang());
    const first = await run(['--store', dir, 'import', 'goyang', 'goyang-2025.txt', '--effective', '2025-01-01', '--source', 'https://www.goyang.go.kr/privacy'], work);
    // The edited copy still says 2020-07-17 in its revision article: imported as asked, with a warning;
    // run from elsewhere, the store it wrote to is named first.
    const errLines = first.err.trimEnd().split('\n');
    expect(errLines).toHaveLength(2);
    expect(errLines[0]).toBe(`저장소: ${dir}`);
    expect(errLines[1]).toBe('경고: 본문에는 2020-07-17부터 시행한다고 적혀 있지만, 요청대로 시행일 2025-01-01(으)로 가져옵니다');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^보관했습니다: goyang@2025-01-01 \(커밋 [0-9a-f]{7}\)$/m);
    expect(first.out).toContain('이력: 끝에 덧붙였습니다');
    expect(git(dir, 'show', 'HEAD:policies/goyang.yaml')).toContain('url: https://www.goyang.go.kr/privacy');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const again = await run(['import', 'goyang', join(work, 'goyang-2025.txt'), '--effective', '2025-01-01', '--store', dir], work);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/이미 보관되어 있습니다: goyang@2025-01-01/);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect((await run(['show', 'goyang~1', '--json'], dir)).out).toContain('"label": "goyang@2020-07-17"');
  });

  it('import an older version: reports the rebuilt chain', async () => {
    const dir = await sampleStore();
    writeFileSync(join(dir, '..', 'old.txt'), editedGoyang('031-8075-2016'));
    const result = await run(['import', 'goyang', '../old.txt', '--effective', '2016-12-02', '--json'], dir);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ noop: false, tag: 'goyang@2016-12-02', rebuilt: true, replayed: 3 });
    expect(result.err).toMatch(/^경고: 본문에는 2020-07-17부터 시행한다고 적혀 있지만/m);
    const log = (await run(['log', 'goyang'], dir)).out;
    expect(log).toMatch(/^2016-12-02 … 2020-07-16\s+goyang@2016-12-02/m);
  });

  it('import: bad slug and missing date are usage errors, nothing written', async () => {
    const dir = await sampleStore();
    const before = snapshot(dir);
    const seed = seedFile('uijeongbu');
    for (const slug of ['../x', 'A B']) {
      const r = await run(['import', slug, seed, '--effective', '2025-01-01'], dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/올바른 기관 슬러그가 아닙니다/);
    }
    const undated = await run(['import', 'uijeongbu', seed], dir);
    expect(undated.code).toBe(2);
    expect(undated.err).toMatch(/시행일이 적혀 있지 않습니다: "이 개인정보 처리방침은 게시일부터 적용됩니다\."라고만 적혀 있습니다/);
    expect(undated.err).toMatch(/--effective YYYY-MM-DD/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('parse: YAML on stdout, a summary on stderr, --json, --report; errors for empty input', async () => {
    const work = tempDir();
    const file = seedFile('goyang');
    const yaml = await run(['parse', file], work);
    expect(yaml.code).toBe(0);
    expect(yaml.out).toMatch(/^city: 고양/);
    expect(yaml.err.split('\n')[0]).toMatch(/^조항 12개를 읽었습니다; 페이지 장식 \d+줄을 버렸습니다; 경고 \d+개$/);
    const json = JSON.parse((await run(['parse', file, '--json'], work)).out);
    expect(json.articles).toHaveLength(12);
    const report = await run(['parse', file, '--report'], work);
    expect(report.err).toMatch(/버린 줄 \d+ \(.+\): - 매우만족$/m);
    writeFileSync(join(work, 'empty.txt'), '');
    const empty = await run(['parse', 'empty.txt'], work);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/empty\.txt 파일이 비어 있습니다/);
    expect((await run(['parse', 'missing.txt'], work)).err).toMatch(/missing\.txt 파일이 없습니다/);
  });

  it('init DIR creates the sample store; a second run changes nothing; a foreign repo is refused', async () => {
    const work = tempDir();
    const first = await run(['init', 'store'], work);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/bangchim 저장소를 만들었습니다: .*store: 기관 5곳을 더했습니다/);
    const before = snapshot(join(work, 'store'));
    const second = await run(['init', 'store'], work);
    expect(second.out).toMatch(/더할 것이 없습니다/);
    expect(snapshot(join(work, 'store'))).toEqual(before);
    const foreign = tempDir();
    git(foreign, 'init', '-q');
    writeFileSync(join(foreign, 'a'), 'a');
    git(foreign, 'add', 'a');
    const refused = await run(['init', foreign], work);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/bangchim 저장소가 아닌 다른 git 저장소입니다/);
    expect(refused.err).toMatch(/도움말: 빈 디렉터리나 bangchim 저장소를 주세요/);
  });

  it('outside any store, commands use the default sample store, created once with a notice, and say so each time', async () => {
    const work = tempDir();
    const home = tempDir();
    const { XDG_DATA_HOME: _unused, ...rest } = KOREAN;
    const env = { ...rest, HOME: home };
    const first = await run(['list'], work, env);
    expect(first.code).toBe(0);
    const sample = join(home, '.local', 'share', 'bangchim', 'sample');
    expect(first.err).toBe(`내장된 다섯 도시로 예시 저장소를 ${sample}에 만들었습니다\n저장소: ~/.local/share/bangchim/sample (예시)\n`);
    expect(first.out).toContain('고양특례시');
    const second = await run(['log', 'iksan'], work, env);
    expect(second.err).toBe('저장소: ~/.local/share/bangchim/sample (예시)\n');
  });
});

/** bin/bangchim.js as a subprocess: it loads the build, dist/bundle/main.js. */
function bin(args: string[], cwd: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), ...args], { cwd, encoding: 'utf8', env: process.env });
}

describe('the installed entry point', () => {
  it('bin/bangchim.js runs as a subprocess', async () => {
    const dir = await sampleStore();
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), 'log', 'goyang', '--json'], { cwd: dir, encoding: 'utf8', env: process.env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).versions).toHaveLength(4);
    const notArchived = spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), 'show', 'goyang@2016-06-01'], { cwd: dir, encoding: 'utf8', env: process.env });
    expect(notArchived.status).toBe(1);
    expect(notArchived.stdout).toContain('본문이 보관되어 있지 않습니다');
  });

  it('loads the bundled CLI, whose `init DIR` finds the bundled sample from dist/bundle/', () => {
    const dir = join(tempDir(), 'store');
    const init = bin(['init', dir, '--json'], ROOT);
    expect(init.stderr).not.toContain('Error');
    expect(init.status).toBe(0);
    expect(JSON.parse(init.stdout).added.sort()).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
    const list = bin(['list', '--json', '--store', dir], ROOT);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout).cities.map((c: { known: number }) => c.known)).toEqual([4, 2, 2, 12, 1]);
  });

  // `report` (issue 6) runs its diffs in worker threads started on a module URL: from the bundle too.
  it('`report` from the bundle diffs in its worker threads', async () => {
    const dir = await sampleStore();
    const draft = join(tempDir(), 'goyang.txt');
    writeFileSync(draft, editedGoyang());
    expect(bin(['import', 'goyang', draft, '--effective', '2025-01-01'], dir).status).toBe(0);
    const report = bin(['report', '--json', '--jobs', '2'], dir);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    const pairs = JSON.parse(report.stdout).pairs as { old: string; new: string; substantive: number }[];
    expect(pairs.map((p) => `${p.old} → ${p.new}`)).toEqual(['goyang@2020-07-17 → goyang@2025-01-01']);
    expect(pairs[0]!.substantive).toBeGreaterThan(0);
  });
});
