/**
 * The officer's drafts in the UI, rendered by ink-testing-library on real stores (the bundled sample,
 * whose 고양 has a draft) and driven by keys: the 초안 row, deleting and creating the draft from a file,
 * the review screen's check panel, revising from a corrected file, the diff and notice of the draft,
 * and publishing (a law finding accepted with a second key; the date asked when the draft states none),
 * after which the timeline shows the new version scheduled or in force.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { App } from '../../src/ui/app.js';
import { setLanguage, type Language } from '../../src/domain/presentation/messages/index.js';
import { StoreBackend } from '../../src/ui/store-backend.js';
import { initStore, openStore } from '../../src/store/index.js';
import { goyangDraftText, resizeTerminal, waitFor } from './fixtures.js';

setLanguage('ko');

let instances: ReturnType<typeof render>[] = [];
afterEach(() => {
  for (const instance of instances) instance.unmount();
  instances = [];
  setLanguage('ko');
});

/** A fresh store from the bundled sample (고양 has one archived version and the sample's draft), and draft files to give. */
async function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'bangchim-ui-drafts-store-'));
  await initStore(dir);
  const files = mkdtempSync(join(tmpdir(), 'bangchim-ui-drafts-files-'));
  const mistaken = join(files, '고양 초안.txt');
  const corrected = join(files, '고양 초안 (고침).txt');
  const undated = join(files, 'goyang-undated.txt');
  writeFileSync(mistaken, goyangDraftText({ omitRights: true }));
  writeFileSync(corrected, goyangDraftText({ omitRights: false }));
  writeFileSync(undated, goyangDraftText({ omitRights: false, undated: true }));
  return { dir, mistaken, corrected, undated };
}

function start(storeDir: string, options: { columns: number; rows: number; today: string; language?: Language; sampleStore?: boolean }) {
  const cwd = mkdtempSync(join(tmpdir(), 'bangchim-ui-cwd-'));
  const app = render(<App backend={new StoreBackend(storeDir, cwd, options.today, options.sampleStore)} colour={false} cwd={cwd} {...(options.language ? { language: options.language } : {})} />);
  resizeTerminal(app.stdout, options.columns, options.rows);
  instances.push(app);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const until = (test: (f: string) => boolean, what: string) => waitFor(frame, test, what, 30_000);
  const has = (text: string) => until((f) => f.includes(text), `"${text}"`);
  const type = (text: string) => app.stdin.write(text);
  return { app, frame, until, has, type };
}

function footer(frame: string): string {
  return frame.trimEnd().split('\n').at(-1) ?? '';
}

function expectBordersAligned(frame: string, columns: number) {
  const bordered = frame.split('\n').filter((line) => /^[│┌└]/.test(line));
  expect(bordered.length).toBeGreaterThan(3);
  for (const line of bordered) expect([stringWidth(line), line]).toEqual([columns, line]);
}

describe('drafts in the UI (Korean, 80 columns)', () => {
  test('delete the sample draft, create one from a file, review the check panel, revise it, diff and notice, publish: scheduled', async () => {
    const store = await freshStore();
    const ui = start(store.dir, { columns: 80, rows: 30, today: '2026-12-01' });
    await ui.has('고양특례시');
    ui.type('\r');
    const timeline = await ui.until((f) => /2027-03-01 초안\s+초안\s+실질 \d+/.test(f), 'the 초안 row');
    expect(timeline).toContain('초안 있음');
    expect(timeline).toMatch(/2020-07-17 ~ 시행 중\s+있음/);
    expectBordersAligned(timeline, 80);

    // The draft's row: its keys in the footer, at 80 columns.
    ui.type('j');
    const onDraft = await ui.has('goyang#draft  저장 1회');
    for (const key of ['Enter 검토', 'd 비교', 't 공고문', 'p 게시', 'o 고치기', 'x 지우기', 'q 뒤로']) expect(footer(onDraft)).toContain(key);

    // x asks first; y deletes.
    ui.type('x');
    await ui.has('지울까요?');
    ui.type('y');
    const deleted = await ui.until((f) => f.includes('초안을 지웠습니다.') && !f.includes('초안 있음'), 'the draft deleted');
    expect(deleted).not.toMatch(/2027-03-01 초안/);

    // o: the path is checked at once (quoted, as drag-and-drop writes it); then the draft is created and checked.
    ui.type('o');
    await ui.has('초안으로 만들 파일');
    ui.type(`'${join(store.dir, 'nope.txt')}'\r`);
    await ui.has('파일이 없습니다:');
    ui.type('\x15');
    ui.type(`'${store.mistaken}'\r`);
    const created = await ui.until((f) => f.includes('초안을 만들었습니다') && /2027-03-01 초안/.test(f), 'the draft created');
    expect(created).toContain('점검: 법령 1건');

    // Enter on the draft: the check panel, findings by tier with their basis.
    ui.type('\r');
    const panel = await ui.until((f) => f.includes('초안 검토') && f.includes('✖'), 'the check panel');
    expect(panel).toContain('비교 대상  goyang@2020-07-17 → goyang#draft');
    expect(panel).toContain('법령 1건');
    expect(panel).toContain('「정보주체와 법정대리인의 권리·의무 및 행사방법」');
    expect(panel).toContain('(법 제30조 ①5)');
    expect(panel).toMatch(/시행일 +2027-03-01 \(게시하면 시행 예정/);
    expectBordersAligned(panel, 80);
    for (const key of ['d 비교', 't 공고문', 'o 초안 고치기', 'p 게시', 'q 뒤로']) expect(footer(panel)).toContain(key);

    // o here revises it from the corrected file: the panel shows the new check.
    ui.type('o');
    await ui.has('초안을 고칠 파일');
    ui.type(`"${store.corrected}"\r`);
    const revised = await ui.until((f) => f.includes('초안을 고쳤습니다 (2번째 저장)') && f.includes('법령 0건 (개인정보 보호법·시행령'), 'the revised draft checked');
    expect(revised).not.toContain('✖');

    // d: the diff against the version in force, the draft's side named so.
    ui.type('d');
    const diff = await ui.until((f) => f.includes('(초안)') && f.includes('접속기록 보관: 1년 → 2년'), 'the draft diff');
    expect(diff).toContain('2020-07-17 → 2027-03-01');
    expect(diff).not.toMatch(/제5조.*삭제/);
    expectBordersAligned(diff, 80);
    ui.type('q');
    await ui.has('초안 검토');

    // t: the notice with the draft as the new side.
    ui.type('t');
    const notice = await ui.until((f) => f.includes('공고문, 시행 2027-03-01') && f.includes('주요 변경 내용'), 'the notice of the draft');
    expect(notice).toContain('접속기록 보관: 1년 → 2년');
    expect(notice).toContain('3. 시행일: 2027년 3월 1일');
    // The draft's own revision article follows the announcement, a page down.
    ui.type(' ');
    await ui.has('- 2020. 07. 17. ~ 2027. 02. 28. 적용');
    ui.type('q');
    await ui.has('초안 검토');

    // p: the confirmation shows the diff summary and the check; y publishes (no law finding left).
    ui.type('p');
    const confirm = await ui.has('게시할까요?');
    expect(confirm).toMatch(/변경 +실질 \d+/);
    expect(confirm).toContain('법령 0건');
    ui.type('y');
    const done = await ui.has('게시했습니다: goyang@2027-03-01');
    expect(done).toContain('2027-03-01부터 시행 예정입니다 (오늘은 2026-12-01)');
    ui.type('\r');
    const after = await ui.until((f) => f.includes('연혁') && f.includes('2027-03-01 ~ 시행 예정'), 'the timeline with the scheduled version');
    expect(after).toMatch(/2020-07-17 ~ 시행 중\s+있음/);
    expect(after).not.toContain('초안 있음');
    expect(after).toContain('본문 2 / 전체 5');
  }, 120_000);
});

/** What a write would change in a store: its refs, its working tree, its files' contents (git's view, every file). */
function storeState(dir: string): string {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).stdout;
  return [git('for-each-ref', '--format=%(refname) %(objectname)'), git('status', '--porcelain', '--untracked-files=all', '--ignored'), git('ls-files', '-s')].join('\n---\n');
}

describe('the bundled sample store in the UI: read, never written (as the CLI refuses)', () => {
  test('deleting the sample draft is refused with what to do, and the draft stays', async () => {
    const store = await freshStore();
    const before = storeState(store.dir);
    const ui = start(store.dir, { columns: 100, rows: 30, today: '2026-12-01', sampleStore: true });
    expect(await ui.has('고양특례시')).toContain('예시 저장소');
    ui.type('\r');
    await ui.until((f) => /2027-03-01 초안/.test(f), 'the 초안 row');
    ui.type('j');
    await ui.has('goyang#draft  저장 1회');
    ui.type('x');
    await ui.has('지울까요?');
    ui.type('y');
    const refused = await ui.until((f) => f.includes('쓰지 않았습니다') && f.includes('bangchim init'), 'the refusal with its hint');
    expect(refused).not.toContain('초안을 지웠습니다.');
    expect(refused).toMatch(/2027-03-01 초안/);
    expect(storeState(store.dir)).toBe(before);
  }, 60_000);

  test('every use case that writes is refused before it touches the store; reads still work', async () => {
    const store = await freshStore();
    const before = storeState(store.dir);
    const backend = new StoreBackend(store.dir, mkdtempSync(join(tmpdir(), 'bangchim-ui-cwd-')), '2026-12-01', true);
    const refusal = { name: 'SampleStoreWriteError', where: store.dir };
    await expect(backend.saveDraft('goyang', store.corrected)).rejects.toMatchObject(refusal);
    await expect(backend.deleteDraft('goyang')).rejects.toMatchObject(refusal);
    await expect(backend.publishDraft('goyang', { acceptFindings: true })).rejects.toMatchObject(refusal);
    await expect(backend.importDraft('goyang', store.corrected, '2027-03-01')).rejects.toMatchObject(refusal);
    expect(storeState(store.dir)).toBe(before);
    expect((await backend.draft('goyang'))?.effective).toBe('2027-03-01');
    expect((await backend.reviewDraft('goyang')).against).toBeDefined();
  }, 60_000);
});

describe('publishing past a finding of the law, and a draft without a date', () => {
  test('a law finding needs a: y twice publishes nothing; published with a, the version is in force when today is past its date', async () => {
    const store = await freshStore();
    const ui = start(store.dir, { columns: 100, rows: 30, today: '2027-06-01' });
    await ui.has('고양특례시');
    ui.type('\r');
    await ui.until((f) => /2027-03-01 초안/.test(f), 'the 초안 row');
    ui.type('o');
    await ui.has('초안을 고칠 파일');
    ui.type(`'${store.mistaken}'\r`);
    await ui.has('초안을 고쳤습니다 (2번째 저장)');
    ui.type('p');
    await ui.has('법령 지적이 1건 있습니다');
    ui.type('y');
    await ui.has('받아들이고 게시하려면 a');
    ui.type('y');
    ui.type('\r');
    // Still asking: neither a second y nor Enter publishes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ui.frame()).toContain('받아들이고 게시하려면 a');
    expect(ui.frame()).not.toContain('게시했습니다');
    ui.type('a');
    const done = await ui.has('게시했습니다: goyang@2027-03-01');
    expect(done).toContain('2027-03-01부터 시행 중입니다.');
    ui.type('q');
    const after = await ui.until((f) => f.includes('연혁') && f.includes('2027-03-01 ~ 시행 중'), 'the timeline with the new version in force');
    expect(after).toMatch(/2020-07-17 ~ 2027-02-28\s+있음/);
    const store2 = await openStore(store.dir);
    expect((await store2.ledger('goyang')).versions.at(-1)).toMatchObject({ effective: '2027-03-01', archived: true, tag: 'goyang@2027-03-01' });
  }, 120_000);

  test('in English, at 200 columns: the draft states no date, so publishing asks for it', async () => {
    const store = await freshStore();
    setLanguage('en');
    const ui = start(store.dir, { columns: 200, rows: 30, today: '2026-12-01', language: 'en' });
    await ui.has('고양특례시');
    ui.type('\r');
    await ui.until((f) => /2027-03-01 draft\s+draft/.test(f), 'the draft row');
    ui.type('o');
    await ui.has('File to revise the draft with');
    ui.type(`'${store.undated}'\r`);
    const revised = await ui.until((f) => /\(date not set\) draft/.test(f), 'the undated draft row');
    expect(revised).toContain('Draft revised (saved 2 times).');
    expectBordersAligned(revised, 200);
    ui.type('p');
    await ui.has('The draft states no effective date. Effective date (YYYY-MM-DD):');
    ui.type('2027/04/01\r');
    await ui.has('"2027/04/01" is not a date');
    ui.type('\x15');
    ui.type('2027-04-01\r');
    const confirm = await ui.has('Publish goyang#draft as the version effective 2027-04-01?');
    expect(confirm).toContain('effective  2027-04-01 (scheduled once published: today is 2026-12-01)');
    ui.type('y');
    await ui.has('Published: goyang@2027-04-01');
    ui.type('\r');
    await ui.until((f) => f.includes('Timeline') && f.includes('2027-04-01 ~ scheduled'), 'the timeline with the scheduled version');
  }, 120_000);
});
