/**
 * Drafts in a real store (a copy of the bundled sample): created, revised, diffed, checked, noticed
 * as goyang#draft, published through the import's transaction; refused on a law finding without
 * --accept-findings, without a date, for another body's text, and outside a store.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { editedGoyang, git, sampleStore, seedBytes, tempDir } from '../store/helpers.js';

function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runWith({}, cwd, ...argv);
}

async function runWith(env: Record<string, string>, cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, env: { ...process.env, BANGCHIM_STORE: '', ...env }, out: { write: (t) => void (out += t), isTTY: false }, err: { write: (t) => void (err += t), isTTY: false } });
  return { code, out, err };
}

/** A copy of the sample store without its bundled 고양 draft (the tests below make their own). */
async function storeWithoutDraft(): Promise<string> {
  const store = await sampleStore();
  git(store, 'update-ref', '-d', 'refs/bangchim/drafts/goyang');
  return store;
}

/** 고양's text without its article on the data subject's rights (법 제30조 ①5 requires it), its date not yet set. */
function goyangWithoutRights(): Buffer {
  const undated = editedGoyang().toString('utf8').replace('2020년 07월 17일부터 적용됩니다', '게시한 날부터 적용됩니다');
  const lines = undated.split('\n');
  const start = lines.findIndex((l) => l.startsWith('제5조. 정보주체'));
  const end = lines.findIndex((l) => l.startsWith('제6조.'));
  if (start < 0 || end < 0) throw new Error('the goyang seed no longer has the article this test removes');
  return Buffer.from([...lines.slice(0, start), ...lines.slice(end)].join('\n'), 'utf8');
}

describe('drafts', () => {
  it('a draft is created, revised twice, diffed, checked, noticed and published; history, tags and verify stay sound', async () => {
    const store = await storeWithoutDraft();
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang('031-8075-2099'));
    const branchBefore = git(store, 'rev-parse', 'HEAD').trim();
    const tagsBefore = git(store, 'tag').trim();

    const created = await run(store, 'draft', 'goyang', '../draft.txt');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain('초안을 만들었습니다: goyang#draft');
    expect((await run(store, 'draft', 'goyang', '../draft.txt')).out).toContain('2번째 저장');
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang('031-8075-2100'));
    expect((await run(store, 'draft', 'goyang', '../draft.txt', '--effective', '2027-01-01')).out).toContain('3번째 저장');

    // The draft is on its own ref: the branch, the tags and the work tree are as they were.
    expect(git(store, 'rev-parse', 'HEAD').trim()).toBe(branchBefore);
    expect(git(store, 'tag').trim()).toBe(tagsBefore);
    expect(git(store, 'status', '--porcelain').trim()).toBe('');
    expect(git(store, 'rev-list', '--count', 'refs/bangchim/drafts/goyang').trim()).toBe('3');
    expect((await run(store, 'verify')).code).toBe(0);

    const listed = await run(store, 'drafts');
    expect(listed.out).toMatch(/goyang#draft\s+고양특례시\s+시행일 2027-01-01\s+저장 3회/);
    const diff = await run(store, 'diff', 'goyang', 'goyang#draft');
    expect(diff.code).toBe(1);
    expect(diff.out).toContain('031-8075-2020 → 031-8075-2100');
    const check = await run(store, 'check', 'goyang#draft');
    expect(check.code).toBe(0);
    // The draft is checked as the version it will become, not as an archived one the ledger lacks.
    expect(check.out).not.toContain('시행된 판이 없습니다');
    expect(check.out).toMatch(/법령 0건, 표준지침 1건/);
    const notice = await run(store, 'notice', 'goyang', '--to', 'goyang#draft');
    expect(notice.code, notice.err).toBe(0);
    expect(notice.out).toContain('031-8075-2100');
    expect((await run(store, 'show', 'goyang#draft')).out).toContain('031-8075-2100');

    const published = await run(store, 'publish', 'goyang');
    expect(published.code, published.err).toBe(0);
    expect(published.out).toContain('실질 변경 1');
    expect(published.out).toContain('게시했습니다: goyang@2027-01-01');
    expect(git(store, 'tag', '-l', 'goyang@2027-01-01').trim()).toBe('goyang@2027-01-01');
    expect(git(store, 'for-each-ref', 'refs/bangchim/drafts/').trim()).toBe('');
    expect((await run(store, 'drafts')).out).toContain('초안이 없습니다');
    expect((await run(store, 'verify')).code).toBe(0);
    expect((await run(store, 'show', 'goyang')).out).toContain('031-8075-2100');
  });

  it('publish is refused without a date, and on a law finding without --accept-findings; nothing changes', async () => {
    const store = await storeWithoutDraft();
    writeFileSync(join(store, '..', 'no-rights.txt'), goyangWithoutRights());
    const saved = await run(store, 'draft', 'goyang', '../no-rights.txt');
    expect(saved.out).toContain('시행일 미정');
    expect(saved.out).toMatch(/점검: 법·시행령 [1-9]/);
    expect(saved.out).toContain('법 제30조 ①5');
    const head = git(store, 'rev-parse', 'HEAD').trim();

    const undated = await run(store, 'publish', 'goyang');
    expect(undated.code).toBe(2);
    expect(undated.err).toContain('시행일이 없어 게시하지 않았습니다');
    expect(undated.err).toContain('--effective YYYY-MM-DD');

    const refused = await run(store, 'publish', 'goyang', '--effective', '2027-01-01');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('법·시행령이 요구하는 사항의 지적');
    expect(refused.err).toContain('--accept-findings');
    expect(git(store, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(store, 'for-each-ref', '--format=%(refname)', 'refs/bangchim/drafts/').trim()).toBe('refs/bangchim/drafts/goyang');

    const accepted = await run(store, 'publish', 'goyang', '--effective', '2027-01-01', '--accept-findings');
    expect(accepted.code, accepted.err).toBe(0);
    expect(git(store, 'rev-parse', 'HEAD').trim()).not.toBe(head);
  });

  it("another body's text is refused by draft and import, naming both bodies and --name", async () => {
    const store = await storeWithoutDraft();
    writeFileSync(join(store, '..', 'goyang.txt'), seedBytes('goyang'));
    const refused = await run(store, 'draft', 'paju', '../goyang.txt');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('고양');
    expect(refused.err).toContain('파주시(paju)');
    expect(refused.err).toContain('--name');
    expect(git(store, 'for-each-ref', 'refs/bangchim/drafts/').trim()).toBe('');
    const imported = await run(store, 'import', 'paju', '../goyang.txt', '--effective', '2027-07-01');
    expect(imported.code).toBe(2);
    expect(imported.err).toContain('파주시(paju)');
  });

  it('a draft is deleted; writing outside a store asks for one instead of using the sample store', async () => {
    const store = await storeWithoutDraft();
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang());
    await run(store, 'draft', 'goyang', '../draft.txt');
    expect((await run(store, 'draft', 'goyang', '--delete')).out).toContain('초안을 지웠습니다');
    expect((await run(store, 'draft', 'goyang', '--delete')).err).toContain('초안이 없습니다');

    const elsewhere = tempDir('bangchim-nostore-');
    writeFileSync(join(elsewhere, 'draft.txt'), editedGoyang());
    const outside = await run(elsewhere, 'draft', 'goyang', 'draft.txt');
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('예시 저장소');
    expect(outside.err).toContain('--store');
  });

  it("sync carries a draft to the office's remote and into another clone", async () => {
    const store = await storeWithoutDraft();
    const remote = join(tempDir('bangchim-remote-'), 'office.git');
    git(store, 'init', '-q', '--bare', remote);
    git(store, 'remote', 'add', 'origin', remote);
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang('031-8075-2099'));
    await run(store, 'draft', 'goyang', '../draft.txt');
    const pushed = await run(store, 'sync');
    expect(pushed.code, pushed.err).toBe(0);
    expect(git(remote, 'for-each-ref', '--format=%(refname)', 'refs/bangchim/').trim()).toBe('refs/bangchim/drafts/goyang');

    const colleague = join(tempDir('bangchim-clone-'), 'store');
    git(store, 'clone', '-q', '--branch', git(store, 'branch', '--show-current').trim(), remote, colleague);
    const pulled = await run(colleague, 'sync');
    expect(pulled.code, pulled.err).toBe(0);
    expect((await run(colleague, 'diff', 'goyang', 'goyang#draft')).out).toContain('031-8075-2020 → 031-8075-2099');
    // A revision there reaches the first office as a fast-forward.
    writeFileSync(join(colleague, '..', 'draft.txt'), editedGoyang('031-8075-2100'));
    await run(colleague, 'draft', 'goyang', '../draft.txt');
    expect((await run(colleague, 'sync')).code).toBe(0);
    expect(git(remote, 'rev-list', '--count', 'refs/bangchim/drafts/goyang').trim()).toBe('2');
  });

  it('a version effective after today is 시행 예정 in log, list and show; the one before stays in force', async () => {
    const store = await storeWithoutDraft();
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang('031-8075-2099'));
    await run(store, 'draft', 'goyang', '../draft.txt', '--effective', '2027-03-01');
    expect((await run(store, 'publish', 'goyang')).code).toBe(0);
    const today = { BANGCHIM_TODAY: '2026-12-01' };
    const log = await runWith(today, store, 'log', 'goyang');
    expect(log.out).toMatch(/2020-07-17 … 2027-02-28 \(시행 중\)\s+goyang@2020-07-17/);
    expect(log.out).toMatch(/2027-03-01 … \(시행 예정\)\s+goyang@2027-03-01/);
    const json = JSON.parse((await runWith(today, store, 'log', 'goyang', '--json')).out) as { versions: { tag?: string; status: string }[] };
    expect(json.versions.filter((v) => v.tag).map((v) => v.status)).toEqual(['in-force', 'scheduled']);
    expect((await runWith(today, store, 'list')).out).toMatch(/goyang\s+고양특례시\s+2027-03-01 \(시행 예정\)/);
    const listed = JSON.parse((await runWith(today, store, 'list', '--json')).out) as { cities: { slug: string; inForce: string; newest: { status: string } }[] };
    expect(listed.cities.find((c) => c.slug === 'goyang')).toMatchObject({ inForce: 'goyang@2020-07-17', newest: { status: 'scheduled' } });
    expect(JSON.parse((await runWith(today, store, 'show', 'goyang', '--json')).out)).toMatchObject({ status: 'scheduled' });
    // Once the day comes, it is in force and the earlier one superseded.
    const later = JSON.parse((await runWith({ BANGCHIM_TODAY: '2027-03-01' }, store, 'log', 'goyang', '--json')).out) as { versions: { tag?: string; status: string }[] };
    expect(later.versions.filter((v) => v.tag).map((v) => v.status)).toEqual(['superseded', 'in-force']);
  });

  it('Korean names work as refs: 고양, 고양특례시, 고양#draft; an unknown name lists the bodies', async () => {
    const store = await storeWithoutDraft();
    for (const ref of ['고양', '고양특례시', '고양시']) {
      const shown = JSON.parse((await run(store, 'show', ref, '--json')).out) as { label: string };
      expect(shown.label, ref).toBe('goyang@2020-07-17');
    }
    writeFileSync(join(store, '..', 'draft.txt'), editedGoyang('031-8075-2099'));
    await run(store, 'draft', 'goyang', '../draft.txt');
    expect((await run(store, 'diff', '고양특례시', '고양#draft')).out).toContain('031-8075-2020 → 031-8075-2099');
    const unknown = await run(store, 'show', '서울');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('"서울"(이)라는 기관이 저장소에 없습니다');
    expect(unknown.err).toContain('고양특례시(goyang)');
  });

  it("the sample store opens on 고양's draft: its next revision, to review, check and notice", async () => {
    const store = await sampleStore();
    expect((await run(store, 'drafts')).out).toMatch(/goyang#draft\s+고양특례시\s+시행일 2027-03-01\s+저장 1회/);
    const diff = await run(store, 'diff', 'goyang', 'goyang#draft');
    expect(diff.out).toContain('신설 1, 삭제 1');
    expect(diff.out).toContain('접속기록 보관: 1년 → 2년');
    expect(diff.out).toContain('031-8075-2593 → 031-8075-2587');
    expect(diff.out).toContain('가명정보의 처리');
    const check = await run(store, 'check', 'goyang#draft');
    expect(check.code).toBe(0);
    // The draft is checked as the version it will become, not as an archived one the ledger lacks.
    expect(check.out).not.toContain('시행된 판이 없습니다');
    expect(check.out).toMatch(/법령 0건, 표준지침 1건/);
    const notice = await run(store, 'notice', 'goyang', '--to', 'goyang#draft');
    expect(notice.code, notice.err).toBe(0);
    expect(notice.out).toContain('2020. 07. 17. ~ 2027. 02. 28.');
    expect((await run(store, 'verify')).code).toBe(0);
  });
});
