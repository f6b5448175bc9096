import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Finding, VerifyReport } from '../../src/store/verify.js';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

async function verify(dir: string, ...extra: string[]): Promise<{ code: number; report: VerifyReport; text: string }> {
  const json = await cli(['--store', dir, 'verify', '--json', ...extra]);
  const text = await cli(['--store', dir, 'verify', ...extra]);
  expect(text.code).toBe(json.code);
  return { code: json.code, report: JSON.parse(json.out) as VerifyReport, text: text.out };
}

function kinds(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === 'error').map((f) => `${f.kind} ${f.where}`))].sort();
}

/** A store with history: the sample, a newer 고양 (2021), then an older one (2018) that forces a chain rebuild. */
async function storeWithHistory(): Promise<string> {
  const dir = await sampleStore();
  const store = await openStore(dir);
  await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2021'), file: 'goyang-2021.txt', effective: '2021-03-02' });
  await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2019'), file: 'goyang-2018.txt', effective: '2018-05-01' });
  return dir;
}

/** A hand edit of every goyang YAML in history with `git filter-branch` (tags rewritten too): the phone changed. */
function rewriteGoyangPhone(dir: string, options: { fixLedger: boolean }): void {
  // The forger who fixes the ledger keeps a map of every blob replaced so far and rewrites them all.
  const map = join(tempDir(), 'blob-map.sed');
  writeFileSync(map, '');
  const fixLedger = options.fixLedger
    ? `[ "$old" != "$new" ] && echo "s/$old/$new/" >> ${map}; if git cat-file -e :history/goyang.yaml 2>/dev/null; then l=$(git cat-file blob :history/goyang.yaml | sed -f ${map} | git hash-object -w --stdin); git update-index --cacheinfo 100644,$l,history/goyang.yaml; fi;`
    : '';
  const filter = `if git cat-file -e :policies/goyang.yaml 2>/dev/null; then old=$(git rev-parse :policies/goyang.yaml); new=$(git cat-file blob $old | sed 's/031-8075-2020/031-8075-9999/' | git hash-object -w --stdin); git update-index --cacheinfo 100644,$new,policies/goyang.yaml; ${fixLedger} fi`;
  git(dir, 'filter-branch', '-f', '--index-filter', filter, '--tag-name-filter', 'cat', '--', '--all');
  git(dir, 'reset', '-q', '--hard');
  expect(git(dir, 'show', 'goyang@2020-07-17:policies/goyang.yaml')).toContain('031-8075-9999');
}

describe('bangchim verify', () => {
  it('passes a sound store with history and a rebuilt chain (exit 0, no findings)', async () => {
    const dir = await storeWithHistory();
    const { code, report, text } = await verify(dir);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, cities: 5, versions: 7, tags: 7 });
    expect(code).toBe(0);
    expect(text).toMatch(/^저장소 이상 없음: 기관 5곳, 보관한 판 7개, 태그 7개를 확인했습니다/);
    expect((await verify(dir, '--deep')).report.findings).toEqual([]);
  });

  it('detects a version edited by hand in history (filter-branch rewrote the 2020 고양 text and moved the tags)', async () => {
    const dir = await storeWithHistory();
    rewriteGoyangPhone(dir, { fixLedger: false });
    const { code, report, text } = await verify(dir);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    // Exactly the versions that contain the phone were changed: the 2018 one has 031-8075-2019 and the 2021 one 031-8075-2021.
    expect(kinds(report.findings)).toEqual(['blob-mismatch goyang@2020-07-17:policies/goyang.yaml']);
    expect(text).toContain('저장소에 문제가 있습니다');
    expect(text).toMatch(/blob-mismatch.*goyang@2020-07-17.*보관한 뒤 본문이 바뀌었습니다/);
  });

  it('--deep detects a consistent forgery (ledger blob ids rewritten too), which the cheap checks cannot see', async () => {
    const dir = await storeWithHistory();
    rewriteGoyangPhone(dir, { fixLedger: true });
    const shallow = await verify(dir);
    expect(kinds(shallow.report.findings)).toEqual([]);
    const deep = await verify(dir, '--deep');
    expect(deep.code).toBe(1);
    expect(kinds(deep.report.findings)).toEqual(['text-mismatch goyang@2020-07-17:policies/goyang.yaml']);
    expect(deep.report.findings[0]!.message).toMatch(/articles\[8\].*sources\/goyang\/2020-07-17\.txt/);
  });

  it('detects an object swapped with git replace (ids unchanged, content different)', async () => {
    const dir = await storeWithHistory();
    const blob = git(dir, 'rev-parse', 'goyang@2020-07-17:policies/goyang.yaml').trim();
    const forged = git(dir, 'show', blob).replace('031-8075-2020', '031-8075-9999');
    const path = join(tempDir(), 'forged.yaml');
    writeFileSync(path, forged);
    const forgedBlob = git(dir, 'hash-object', '-w', path).trim();
    git(dir, 'replace', blob, forgedBlob);
    expect(git(dir, 'show', 'goyang@2020-07-17:policies/goyang.yaml')).toContain('031-8075-9999');
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(kinds(report.findings)).toContain(`replaced-object refs/replace/${blob}`);
    expect(kinds(report.findings)).toContain('replaced-object goyang@2020-07-17:policies/goyang.yaml');
  });

  it('detects tags deleted, re-created lightweight, or moved to another commit', async () => {
    const dir = await storeWithHistory();
    git(dir, 'tag', '-d', 'paju@2024-09-30');
    const iksanCommit = git(dir, 'rev-parse', 'iksan@2012-03-26^{commit}').trim();
    git(dir, 'tag', '-d', 'iksan@2012-03-26');
    git(dir, 'tag', 'iksan@2012-03-26', iksanCommit);
    git(dir, 'tag', '-f', '-a', '-m', 'moved', 'goyang@2018-05-01', 'HEAD');
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    const found = kinds(report.findings);
    expect(found).toContain('tag-missing paju@2024-09-30');
    expect(found).toContain('tag-not-annotated iksan@2012-03-26');
    expect(found).toContain('blob-mismatch goyang@2018-05-01:policies/goyang.yaml');
    expect(found).toContain('commit-order goyang@2020-07-17');
    expect(found).toContain('author-date goyang@2018-05-01');
    expect(found).toContain('policy-mismatch goyang@2018-05-01:policies/goyang.yaml');
  });

  it('detects a tag that no ledger records, and ledger dates out of order or overlapping', async () => {
    const dir = await storeWithHistory();
    git(dir, 'tag', '-a', '-m', 'stray', 'goyang@2019-01-01', 'HEAD');
    const ledgerFile = join(dir, 'history', 'paju.yaml');
    const text = readFileSync(ledgerFile, 'utf8');
    // Make the second entry end after the third begins.
    const lines = text.split('\n');
    const untilLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+until: \d{4}-/.test(l));
    const [, at] = untilLines[1]!;
    lines[at] = lines[at]!.replace(/\d{4}-\d{2}-\d{2}/, '2099-01-01');
    writeFileSync(ledgerFile, lines.join('\n'));
    git(dir, 'commit', '-q', '-m', 'hand edit', '--', 'history/paju.yaml');
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    const found = kinds(report.findings);
    expect(found).toContain('tag-unrecorded goyang@2019-01-01');
    expect(found).toContain('ledger-order history/paju.yaml');
    expect(report.findings.find((f) => f.kind === 'ledger-order')!.message).toMatch(/2099-01-01까지 시행되어 .*판과 겹칩니다/);
  });

  it('detects a source whose bytes no longer match their sha256, and a source removed later', async () => {
    const dir = await storeWithHistory();
    writeFileSync(join(dir, 'sources', 'iksan', '2012-03-26.txt'), 'tampered\n');
    git(dir, 'commit', '-q', '-m', 'tamper', '--', 'sources/iksan/2012-03-26.txt');
    git(dir, 'rm', '-q', 'sources/paju/2024-09-30.txt');
    git(dir, 'commit', '-q', '-m', 'remove');
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    const found = kinds(report.findings);
    expect(found).toEqual(['source-missing HEAD:sources/iksan/2012-03-26.txt', 'source-missing HEAD:sources/paju/2024-09-30.txt']);
  });

  it('reports a half-written work tree, a stale bangchim lock and a git lock left by a kill', async () => {
    const dir = await storeWithHistory();
    const yaml = readFileSync(join(dir, 'policies', 'goyang.yaml'), 'utf8');
    writeFileSync(join(dir, 'policies', 'goyang.yaml'), yaml.slice(0, yaml.length / 2));
    writeFileSync(join(dir, '.git', 'bangchim.lock'), 'pid: 999999\nstarted: 2024-01-01T00:00:00Z\ncommand: import goyang x.txt\n');
    writeFileSync(join(dir, '.git', 'refs', 'heads', 'main.lock'), '');
    const { code, report, text } = await verify(dir);
    expect(code).toBe(1);
    expect(kinds(report.findings)).toEqual(['git-lock .git/refs/heads/main.lock', 'stale-lock .git/bangchim.lock', 'worktree policies/goyang.yaml']);
    expect(text).toMatch(/stale-lock.*가져오기가 중단되었습니다.*아무 bangchim 명령이나.*복구됩니다/);
  });

  it('never sends control characters from store files to the terminal', async () => {
    const dir = await storeWithHistory();
    const ledgerFile = join(dir, 'history', 'iksan.yaml');
    writeFileSync(ledgerFile, readFileSync(ledgerFile, 'utf8').replace(/file: sources\/iksan\/2012-03-26\.txt/, 'file: "sources/iksan/\\e]0;pwned\\a\\e[2J.txt"'));
    git(dir, 'commit', '-q', '-m', 'escape', '--', 'history/iksan.yaml');
    const { code, text, report } = await verify(dir);
    expect(code).toBe(1);
    expect(kinds(report.findings)).toContain('source-missing goyang@2012-03-26:sources/iksan/\u001b]0;pwned\u0007\u001b[2J.txt'.replace('goyang', 'iksan'));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('says clearly when the directory is not a store (exit 2 for trouble, 1 for findings)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const result = await cli(['--store', join(dir, 'x'), 'verify']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/bangchim 저장소가 아닙니다/);
  });
});
