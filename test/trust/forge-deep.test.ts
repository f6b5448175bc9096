/**
 * Forgeries a careful forger makes consistently (issue 11, item 3): the YAML, the ledger's blob id, the
 * commit (author date and message kept, only its tree changed) and the annotated tag re-made on the new
 * commit. Every check the shallow verify makes holds after such a rewrite; what is left to catch them is
 * the source bytes (`--deep` parses them again), the tag message (what was given at import) and the tag
 * object itself. And a refs/replace entry must not change what show, diff and notice display.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { VerifyReport } from '../../src/store/verify.js';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

const NEWEST = 'goyang@2021-03-02';
const URL = 'https://www.goyang.go.kr/www/link/BD_privacy.do';

/** The sample store and a newer 고양 imported with its page's address (--source): HEAD is that version. */
async function storeWithNewGoyang(): Promise<string> {
  const dir = await sampleStore();
  const store = await openStore(dir);
  await store.importVersion({ slug: 'goyang', bytes: editedGoyang('031-8075-2021'), file: 'goyang-2021.txt', effective: '2021-03-02', url: URL });
  return dir;
}

async function verify(dir: string, ...extra: string[]): Promise<{ code: number; report: VerifyReport }> {
  const result = await cli(['--store', dir, 'verify', '--json', '--no-fsck', ...extra]);
  return { code: result.code, report: JSON.parse(result.out) as VerifyReport };
}

function errors(report: VerifyReport): string[] {
  return [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.kind} ${f.where}`))].sort();
}

/** Writes `text` as a blob; returns its id. */
function blob(dir: string, text: string): string {
  const path = join(tempDir(), 'object');
  writeFileSync(path, text);
  return git(dir, 'hash-object', '-w', path).trim();
}

/** Re-makes tag `name` on `commit`, its message passed through `message` (the tagger line kept). */
function remakeTag(dir: string, name: string, commit: string, message: (text: string) => string = (t) => t, tagHeader = name): void {
  const raw = git(dir, 'cat-file', 'tag', name);
  const split = raw.indexOf('\n\n');
  const header = raw.slice(0, split).replace(/^object .*$/m, `object ${commit}`).replace(/^tag .*$/m, `tag ${tagHeader}`);
  const path = join(tempDir(), 'tag');
  writeFileSync(path, `${header}\n\n${message(raw.slice(split + 2))}`);
  // hash-object, not mktag: a forger's tool need not check what it writes.
  git(dir, 'update-ref', `refs/tags/${name}`, git(dir, 'hash-object', '-t', 'tag', '-w', path).trim());
}

/**
 * The consistent rewrite of the newest 고양 version: its YAML through `yaml`, the ledger through `ledger`
 * with the YAML's blob id replaced, the commit's tree swapped (author date and message kept), the branch
 * and the tag moved (the tag message through `message`).
 */
function forgeNewest(dir: string, edits: { yaml: (t: string) => string; ledger?: (t: string) => string; message?: (t: string) => string }): void {
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  const oldYaml = git(dir, 'rev-parse', 'HEAD:policies/goyang.yaml').trim();
  const text = git(dir, 'cat-file', 'blob', oldYaml);
  const forged = edits.yaml(text);
  expect(forged).not.toBe(text);
  const newYaml = blob(dir, forged);
  const ledger = (edits.ledger ?? ((t) => t))(git(dir, 'cat-file', 'blob', 'HEAD:history/goyang.yaml')).replaceAll(oldYaml, newYaml);
  const newLedger = blob(dir, ledger);
  const index = join(tempDir(), 'index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  run('read-tree', 'HEAD');
  run('update-index', '--cacheinfo', `100644,${newYaml},policies/goyang.yaml`);
  run('update-index', '--cacheinfo', `100644,${newLedger},history/goyang.yaml`);
  const tree = run('write-tree').trim();
  const commitPath = join(tempDir(), 'commit');
  writeFileSync(commitPath, git(dir, 'cat-file', 'commit', head).replace(/^tree .*$/m, `tree ${tree}`));
  const commit = git(dir, 'hash-object', '-t', 'commit', '-w', commitPath).trim();
  git(dir, 'update-ref', 'refs/heads/main', commit, head);
  remakeTag(dir, NEWEST, commit, edits.message);
  git(dir, 'reset', '-q', '--hard');
}

describe('verify --deep against a consistent forgery', () => {
  it('the forged store is otherwise sound: the forger kept ledger, blob ids, author date and tag consistent', async () => {
    const dir = await storeWithNewGoyang();
    forgeNewest(dir, { yaml: (t) => t.replace(/^title: .*$/m, 'title: 개인정보 처리방침(개정)') });
    const { report } = await verify(dir);
    expect(errors(report)).toEqual([]);
    expect(git(dir, 'log', '-1', '--format=%ad', '--date=short', NEWEST)).toBe('2021-03-02\n');
  });

  it('a rewritten title: --deep says the title is not what the source says', async () => {
    const dir = await storeWithNewGoyang();
    forgeNewest(dir, { yaml: (t) => t.replace(/^title: .*$/m, 'title: 개인정보 처리방침(개정)') });
    const { code, report } = await verify(dir, '--deep');
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`text-mismatch ${NEWEST}:policies/goyang.yaml`]);
    expect(report.findings[0]!.message).toMatch(/^보관한 본문의 title이\(가\) sources\/goyang\/2021-03-02\.txt의 내용과 다릅니다/);
  });

  it('a rewritten effective date in the revision article: --deep names revision', async () => {
    const dir = await storeWithNewGoyang();
    const yaml = git(dir, 'show', 'HEAD:policies/goyang.yaml');
    expect(yaml).toMatch(/^revision:\n  style: ranges\n  effective: 2020-07-17$/m);
    forgeNewest(dir, { yaml: (t) => t.replace(/^(revision:\n  style: ranges\n  effective:) 2020-07-17$/m, '$1 2021-03-02') });
    const { code, report } = await verify(dir, '--deep');
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`text-mismatch ${NEWEST}:policies/goyang.yaml`]);
    expect(report.findings[0]!.message).toMatch(/^보관한 본문의 revision이\(가\)/);
  });

  it('a rewritten city in the newest version (YAML and ledger): the other versions and the tag still name the real one', async () => {
    const dir = await storeWithNewGoyang();
    const city = (t: string) => t.replace(/^city: 고양특례시$/m, 'city: 고양시청');
    forgeNewest(dir, { yaml: city, ledger: city, message: (t) => t.replaceAll('고양특례시', '고양시청') });
    const { code, report } = await verify(dir, '--deep');
    expect(code).toBe(1);
    // The older archived version still says 고양특례시: every version of a city carries its ledger's name.
    expect(errors(report)).toContain('policy-mismatch goyang@2020-07-17:policies/goyang.yaml');
    // The page says 고양특례시 and the tag says the name was read from the page.
    expect(errors(report)).toContain(`text-mismatch ${NEWEST}:policies/goyang.yaml`);
    expect(report.findings.find((f) => f.kind === 'text-mismatch')!.message).toContain('"고양시청"');
  });

  it('a city rewritten in every version, the ledger and every tag message: --deep reads the real name in each source', async () => {
    const dir = await storeWithNewGoyang();
    // The whole history rewritten (filter-branch keeps author dates and messages), the blob ids in the ledgers mapped.
    const map = join(tempDir(), 'blob-map.sed');
    writeFileSync(map, '');
    const filter = `old=$(git rev-parse :policies/goyang.yaml 2>/dev/null) && { new=$(git cat-file blob $old | sed 's/^city: 고양특례시$/city: 고양시청/' | git hash-object -w --stdin); [ "$old" != "$new" ] && echo "s/$old/$new/" >> ${map}; git update-index --cacheinfo 100644,$new,policies/goyang.yaml; l=$(git cat-file blob :history/goyang.yaml | sed -f ${map} | sed 's/^city: 고양특례시$/city: 고양시청/' | git hash-object -w --stdin); git update-index --cacheinfo 100644,$l,history/goyang.yaml; }; true`;
    git(dir, 'filter-branch', '-f', '--index-filter', filter, '--tag-name-filter', 'cat', '--', '--all');
    for (const tag of ['goyang@2020-07-17', NEWEST]) remakeTag(dir, tag, git(dir, 'rev-parse', `${tag}^{commit}`).trim(), (t) => t.replaceAll('고양특례시', '고양시청'));
    git(dir, 'reset', '-q', '--hard');
    expect(git(dir, 'show', 'goyang@2020-07-17:policies/goyang.yaml')).toMatch(/^city: 고양시청$/m);
    expect(errors((await verify(dir)).report)).toEqual([]);
    const { code, report } = await verify(dir, '--deep');
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`text-mismatch goyang@2020-07-17:policies/goyang.yaml`, `text-mismatch ${NEWEST}:policies/goyang.yaml`]);
  });

  it('a rewritten source.url (YAML and ledger): the tag message keeps the address given at import', async () => {
    const dir = await storeWithNewGoyang();
    expect(git(dir, 'cat-file', 'tag', NEWEST)).toContain(`url: ${URL}\n`);
    const url = (t: string) => t.replaceAll(URL, 'https://forged.example/privacy');
    forgeNewest(dir, { yaml: url, ledger: url });
    const { code, report } = await verify(dir, '--deep');
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`tag-message ${NEWEST}:policies/goyang.yaml`]);
    expect(report.findings.find((f) => f.kind === 'tag-message')!.message).toContain('source.url');
  });

  it('a tag message without its sha256 line is refused', async () => {
    const dir = await storeWithNewGoyang();
    remakeTag(dir, NEWEST, git(dir, 'rev-parse', 'HEAD').trim(), (t) => t.replace(/^sha256: .*\n/m, ''));
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`tag-message ${NEWEST}`]);
    expect(report.findings.find((f) => f.kind === 'tag-message')!.message).toContain('"sha256:" 줄이 없습니다');
  });

  it('a tag object whose own name differs from its ref is refused', async () => {
    const dir = await storeWithNewGoyang();
    remakeTag(dir, NEWEST, git(dir, 'rev-parse', 'HEAD').trim(), undefined, 'goyang@2099-01-01');
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`tag-name ${NEWEST}`]);
  });
});

describe('refs/replace does not change what bangchim shows', () => {
  it('show, diff and notice display the archived text; verify names the replacement and the version it touches', async () => {
    const dir = await storeWithNewGoyang();
    const archived = git(dir, 'rev-parse', 'goyang@2020-07-17:policies/goyang.yaml').trim();
    const replacement = blob(dir, git(dir, 'cat-file', 'blob', archived).replaceAll('031-8075-2020', '031-8075-9999'));
    git(dir, 'replace', archived, replacement);
    expect(git(dir, 'show', 'goyang@2020-07-17:policies/goyang.yaml')).toContain('031-8075-9999');

    const show = await cli(['--store', dir, 'show', 'goyang@2020-07-17', '--format', 'text']);
    expect(show.code).toBe(0);
    expect(show.out).toContain('031-8075-2020');
    expect(show.out).not.toContain('9999');
    const diff = await cli(['--store', dir, 'diff', 'goyang@2020-07-17', NEWEST, '--json']);
    const phones = (JSON.parse(diff.out) as { facts: { kind: string; old: string | null; new: string | null }[] }).facts.filter((f) => f.kind === 'phone');
    expect(phones).toEqual([expect.objectContaining({ old: '031-8075-2020', new: '031-8075-2021' })]);
    const notice = await cli(['--store', dir, 'notice', 'goyang', '--format', 'json']);
    expect(notice.code).toBe(0);
    expect(notice.out).toContain('031-8075-2020');
    expect(notice.out).not.toContain('9999');

    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(errors(report)).toEqual([`replaced-object goyang@2020-07-17:policies/goyang.yaml`, `replaced-object refs/replace/${archived}`]);
  });
});
