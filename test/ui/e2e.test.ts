/**
 * End to end in a real terminal: `bangchim` on a temporary copy of the sample store (plus an edited
 * 고양 imported as 2025-01-01), in tmux at 120×40, in Korean: a typed filter, 고양's timeline, the diff of
 * the two versions, side by side, resized to 80 and 200 columns, the notice, written to files (and asked
 * before overwriting), then back out to the shell.
 * Then the officer's whole path with a draft, on a fresh sample store at 80 columns (each screen also
 * captured at 200): open, delete the sample's draft, create one from a file, review the diff and the
 * check panel, revise it from a corrected file, preview and write the notice, publish, and see the new
 * version scheduled.
 * Every captured screen is kept in test-artifacts/ui-e2e/ and test-artifacts/ui-e2e-drafts/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { goyangDraftText, sampleStoreWithEditedGoyang } from './fixtures.js';
import { initStore } from '../../src/store/index.js';
import { TmuxSession, hasTmux, saveScreen, shellQuote } from './tmux.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui-e2e');
const DRAFT_ARTIFACTS = join(ROOT, 'test-artifacts', 'ui-e2e-drafts');
const runnable = hasTmux() || Boolean(process.env.CI);

function borderedLines(screen: string): string[] {
  return screen.split('\n').filter((line) => /^[│┌└]/.test(line));
}

describe.skipIf(!runnable)('bangchim in a real terminal (tmux)', () => {
  const tmux = new TmuxSession();
  let store: string;
  let cwd: string;
  let step = 0;
  const save = (name: string, screen: string) => saveScreen(ARTIFACTS, ++step, name, screen);

  beforeAll(async () => {
      rmSync(ARTIFACTS, { recursive: true, force: true });
    ({ dir: store } = await sampleStoreWithEditedGoyang());
    cwd = mkdtempSync(join(tmpdir(), 'bangchim-e2e-cwd-'));
  });

  afterAll(() => tmux.kill());

  test('cities → filter → 고양 timeline → diff → side by side → resize → notice → write → overwrite? → quit (in Korean)', async () => {
    // The shell reports how bangchim ended, on the screen it leaves behind. CI=true as on a CI runner:
    // the UI must still draw every frame for the person at the terminal.
    tmux.start(`sh -c ${shellQuote(`node ${shellQuote(join(ROOT, 'bin', 'bangchim.js'))} --store ${shellQuote(store)}; echo "bangchim exited with status $?"`)}`, { columns: 120, rows: 40, cwd, env: { HOME: cwd, CI: 'true' } });

    const cities = await tmux.waitFor((s) => s.includes('bangchim · 기관 목록') && s.includes('실질 3'), 'the cities with 고양 latest change');
    save('cities', cities);
    expect(cities).toMatch(/고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+초안 2027-03-01, 실질 3/);
    // Typing a name only filters: `iksan` opens no import at its i.
    tmux.type('iksan');
    const filtered = await tmux.waitFor((s) => s.includes('거르기: iksan'), 'the filter iksan');
    save('cities-filter-iksan', filtered);
    expect(filtered).toContain('bangchim · 기관 목록');
    expect(filtered).toMatch(/익산시\s+iksan/);
    tmux.keys('Escape');
    await tmux.waitFor((s) => s.includes('의정부시') && !s.includes('거르기:'), 'the filter cleared');
    for (const line of borderedLines(cities)) expect(stringWidth(line)).toBe(120);

    tmux.keys('Enter');
    const timeline = await tmux.waitFor((s) => s.includes('연혁') && /2025-01-01 ~ 시행 중\s+있음\s+실질 3/.test(s), '고양 timeline');
    save('timeline', timeline);
    expect(timeline).toMatch(/2016-05-16 ~ 2016-12-01 없음/);

    tmux.keys('d');
    const diff = await tmux.waitFor((s) => s.includes('실질 3 · 수정 3'), 'the diff');
    save('diff', diff);
    expect(diff).toContain('고양특례시 (goyang): 2020-07-17 → 2025-01-01');
    expect(diff).toMatch(/● 제8조 개인정보의 안전성 확보조치\s+수정/);
    expect(diff).toContain('접속기록 보관: 1년 → 2년');

    tmux.keys('n');
    const phone = await tmux.waitFor((s) => s.includes('전화: 031-8075-2593 → 031-8075-2594'), 'the next change (보호책임자)');
    save('diff-next-change', phone);

    tmux.keys('s');
    const sideBySide = await tmux.waitFor((s) => s.includes('변경 전: goyang@2020-07-17') && s.includes('변경 후: goyang@2025-01-01'), 'side by side');
    save('side-by-side', sideBySide);
    expect(sideBySide).toMatch(/031-8075-2593.*│.*031-8075-2594/);
    for (const line of borderedLines(sideBySide)) expect(stringWidth(line)).toBe(120);

    for (const columns of [80, 200]) {
      tmux.resize(columns, 40);
      const resized = await tmux.waitFor((s) => borderedLines(s).length > 5 && borderedLines(s).every((l) => stringWidth(l) === columns), `re-layout at ${columns} columns`);
      save(`side-by-side-${columns}`, resized);
      expect(resized).toContain('변경 전: goyang@');
      // The article in view before the resize is the one in view after it.
      expect(resized).toContain('제9조 개인정보 보호책임자');
      expect(resized).toMatch(/031-8075-2593.*│.*031-8075-2594/);
      // The screen's primary keys stay in the footer at every width.
      for (const key of ['n/N', 's ', 'e ', 'f ', '/ ', 't ', 'q ']) expect(resized.trimEnd().split('\n').at(-1)).toContain(key);
    }
    tmux.resize(120, 40);
    await tmux.waitFor((s) => borderedLines(s).length > 5 && borderedLines(s).every((l) => stringWidth(l) === 120), 're-layout at 120 columns');

    tmux.keys('t');
    const notice = await tmux.waitFor((s) => s.includes('공고문, 시행 2025-01-01') && s.includes('1. 변경 사유:'), 'the notice');
    save('notice', notice);
    tmux.keys('3');
    save('notice-table', await tmux.waitFor((s) => s.includes('3 신·구 대비표') && s.includes('개 정 안'), 'the comparison table'));

    tmux.keys('w');
    const asked = await tmux.waitFor((s) => s.includes('공고문(.txt .md .html)을 쓸 디렉터리:'), 'the write prompt');
    save('notice-write-prompt', asked);
    // Proposed beside the store, not in the shell's directory.
    expect(asked).toContain('-notices');
    tmux.keys('C-u');
    tmux.type('~/notice-out');
    tmux.keys('Enter');
    const written = await tmux.waitFor((s) => s.includes('썼습니다:') && s.includes('goyang-2025-01-01-notice.html'), 'the paths written');
    save('notice-written', written);
    // Writing again into the same directory asks first; n keeps the files.
    tmux.keys('w');
    await tmux.waitFor((s) => s.includes('공고문(.txt .md .html)을 쓸 디렉터리:') && s.includes('notice-out'), 'the directory remembered');
    tmux.keys('Enter');
    const overwrite = await tmux.waitFor((s) => s.includes('덮어쓸까요?'), 'the overwrite question');
    save('notice-overwrite', overwrite);
    tmux.keys('n');
    await tmux.waitFor((s) => s.includes('아무것도 쓰지 않았습니다'), 'nothing written');

    const base = join(cwd, 'notice-out', 'goyang-2025-01-01-notice');
    const text = readFileSync(`${base}.txt`, 'utf8');
    expect(text).toContain('고양특례시의 개인정보 처리방침을 다음과 같이 변경하여');
    expect(text).toContain('3. 시행일: 2025년 1월 1일');
    // The 대비표 underlines the changed words on both sides (the notice's convention).
    expect(text).toContain('__031-8075-2594__');
    expect(readFileSync(`${base}.md`, 'utf8')).toContain('<u>');
    expect(readFileSync(`${base}.html`, 'utf8')).toMatch(/<html[\s\S]*2025년 1월 1일/);

    // q: notice → diff → timeline → cities → quit.
    for (const expected of ['실질 3 · 수정 3', '연혁', 'bangchim · 기관 목록']) {
      tmux.keys('q');
      await tmux.waitFor((s) => s.includes(expected), `back to ${expected}`);
    }
    // On the cities, q is a letter of the filter and Esc never quits: ^Q does.
    tmux.keys('C-q');
    // Either the shell's line or tmux's own note (the shell's line can be lost as the alternate screen closes).
    const ended = /bangchim exited with status (\d+)|Pane is dead \(status (\d+)/;
    const after = await tmux.waitFor((s) => ended.test(s), 'bangchim to exit');
    save('after-quit', after);
    const [, shellStatus, paneStatus] = ended.exec(after)!;
    expect(shellStatus ?? paneStatus).toBe('0');
    // The alternate screen is left: none of the UI stays in the shell's screen.
    expect(after).not.toContain('bangchim · 기관 목록');
  });
});

describe.skipIf(!runnable)('a first start outside any store (tmux)', () => {
  const tmux = new TmuxSession();
  afterAll(() => tmux.kill());

  test('opens the bundled sample, says so in the header, and 고양 leads with its draft to review', async () => {
    const home = mkdtempSync(join(tmpdir(), 'bangchim-e2e-home-'));
    tmux.start(`node ${shellQuote(join(ROOT, 'bin', 'bangchim.js'))}`, { columns: 120, rows: 30, cwd: home, env: { HOME: home, BANGCHIM_STORE: '' } });
    const first = await tmux.waitFor((s) => s.includes('초안 2027-03-01 (게시 전)'), 'the cities with 고양 draft');
    saveScreen(ARTIFACTS, 0, 'first-start-sample', first);
    expect(first).toMatch(/예시 저장소 \S+\/bangchim\/sample/);
    expect(first).toMatch(/고양특례시\s+goyang\s+2020-07-17\s+1 \/ 4\s+초안 2027-03-01 \(게시 전\)/);
    tmux.keys('C-q');
    await tmux.waitFor(() => tmux.paneDead().dead, 'bangchim to quit');
  });
});

describe.skipIf(!runnable)("the officer's path with a draft, in a real terminal (tmux, Korean, 80 and 200 columns)", () => {
  const tmux = new TmuxSession('drafts');
  let store: string;
  let home: string;
  let step = 0;
  const save = (name: string, screen: string) => saveScreen(DRAFT_ARTIFACTS, ++step, name, screen);
  const footerOf = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';
  const aligned = (columns: number) => (s: string) => borderedLines(s).length > 3 && borderedLines(s).every((l) => stringWidth(l) === columns);

  beforeAll(async () => {
    rmSync(DRAFT_ARTIFACTS, { recursive: true, force: true });
    store = mkdtempSync(join(tmpdir(), 'bangchim-e2e-drafts-store-'));
    await initStore(store);
    home = mkdtempSync(join(tmpdir(), 'bangchim-e2e-drafts-home-'));
    mkdirSync(join(home, 'drafts'));
    writeFileSync(join(home, 'drafts', 'goyang-draft.txt'), goyangDraftText({ omitRights: true }));
    writeFileSync(join(home, 'drafts', 'goyang draft (fixed).txt'), goyangDraftText({ omitRights: false }));
  });

  afterAll(() => tmux.kill());

  /** Saves the screen at 80 columns, then resized to 200 (every bordered line spanning it), and back. */
  async function bothWidths(name: string, screen: string, stillThere: (s: string) => boolean): Promise<string> {
    save(`${name}-80`, screen);
    for (const line of borderedLines(screen)) expect([stringWidth(line), line]).toEqual([80, line]);
    tmux.resize(200, 32);
    const wide = await tmux.waitFor((s) => aligned(200)(s) && stillThere(s), `${name} at 200 columns`);
    save(`${name}-200`, wide);
    tmux.resize(80, 32);
    await tmux.waitFor((s) => aligned(80)(s) && stillThere(s), `${name} back at 80 columns`);
    return wide;
  }

  test('open → delete the sample draft → create from ~/file → check panel → diff → revise from a dropped path → notice, written → publish → 시행 예정', async () => {
    const command = `node ${shellQuote(join(ROOT, 'bin', 'bangchim.js'))} --store ${shellQuote(store)}; echo "bangchim exited with status $?"`;
    tmux.start(`sh -c ${shellQuote(command)}`, { columns: 80, rows: 32, cwd: home, env: { HOME: home, CI: 'true', BANGCHIM_TODAY: '2026-12-01' } });

    save('cities', await tmux.waitFor((s) => s.includes('bangchim · 기관 목록') && s.includes('고양특례시'), 'the cities'));
    tmux.keys('Enter');
    const timeline = await tmux.waitFor((s) => s.includes('초안 있음') && /2027-03-01 초안\s+초안\s+실질 \d+/.test(s), "고양's timeline with the sample's draft");
    expect(timeline).toMatch(/2020-07-17 ~ 시행 중\s+있음/);
    await bothWidths('timeline', timeline, (s) => s.includes('2027-03-01 초안'));

    // The sample's draft is deleted (asked first), so that the officer makes their own.
    tmux.keys('j');
    const onDraft = await tmux.waitFor((s) => s.includes('goyang#draft  저장 1회'), 'the draft row focused');
    for (const key of ['Enter 검토', 'd 비교', 't 공고문', 'p 게시', 'o 고치기', 'x 지우기', 'q 뒤로']) expect(footerOf(onDraft)).toContain(key);
    tmux.keys('x');
    save('delete-asked', await tmux.waitFor((s) => s.includes('지울까요?'), 'the delete question'));
    tmux.keys('y');
    save('deleted', await tmux.waitFor((s) => s.includes('초안을 지웠습니다.') && !s.includes('초안 있음'), 'the draft deleted'));

    // o: a path with ~, checked at once; the draft is created and checked.
    tmux.keys('o');
    await tmux.waitFor((s) => s.includes('초안으로 만들 파일'), 'the file prompt');
    tmux.type('~/drafts/goyang-drfat.txt');
    tmux.keys('Enter');
    // Said at once, with what to do: at 80 columns a long path gives way in the middle, the advice stays.
    save('path-refused', await tmux.waitFor((s) => s.includes('파일이 없습니다:') && s.includes('경로를 확인하세요.'), 'the wrong path refused at once'));
    tmux.keys('C-u');
    tmux.type('~/drafts/goyang-draft.txt');
    tmux.keys('Enter');
    const created = await tmux.waitFor((s) => s.includes('초안을 만들었습니다') && s.includes('초안 있음'), 'the draft created');
    save('created', created);
    expect(created).toMatch(/점검: 법령 1건/);

    // Enter: the check panel names the missing 제5조 as the law's, with its basis.
    tmux.keys('Enter');
    const panel = await tmux.waitFor((s) => s.includes('초안 검토') && s.includes('✖'), 'the check panel');
    expect(panel).toContain('법령 1건');
    expect(panel).toContain('(법 제30조 ①5)');
    for (const key of ['d 비교', 't 공고문', 'o 초안 고치기', 'p 게시', 'q 뒤로']) expect(footerOf(panel)).toContain(key);
    await bothWidths('check-panel', panel, (s) => s.includes('✖'));

    // d: the diff against the version in force shows the article the draft dropped.
    tmux.keys('d');
    const diff = await tmux.waitFor((s) => s.includes('(초안)') && s.includes('삭제 1'), 'the draft diff');
    expect(diff).toMatch(/제5조.*삭제/);
    await bothWidths('draft-diff', diff, (s) => s.includes('삭제 1'));
    tmux.keys('q');
    await tmux.waitFor((s) => s.includes('초안 검토'), 'back on the review');

    // o: revised from the corrected file, its path quoted as a drag-and-drop writes it.
    tmux.keys('o');
    await tmux.waitFor((s) => s.includes('초안을 고칠 파일'), 'the revise prompt');
    tmux.type(`'${join(home, 'drafts', 'goyang draft (fixed).txt')}'`);
    tmux.keys('Enter');
    const revised = await tmux.waitFor((s) => s.includes('초안을 고쳤습니다 (2번째 저장)') && s.includes('법령 0건 (') && !s.includes('✖'), 'the revised draft checked');
    await bothWidths('revised', revised, (s) => s.includes('법령 0건 ('));

    // t: the notice with the draft as the new side, written to files under ~.
    tmux.keys('t');
    const notice = await tmux.waitFor((s) => s.includes('공고문, 시행 2027-03-01') && s.includes('주요 변경 내용'), 'the notice of the draft');
    expect(notice).toContain('접속기록 보관: 1년 → 2년');
    await bothWidths('notice', notice, (s) => s.includes('주요 변경 내용'));
    tmux.keys('w');
    await tmux.waitFor((s) => s.includes('공고문(.txt .md .html)을 쓸 디렉터리:'), 'the write prompt');
    tmux.keys('C-u');
    tmux.type('~/notice-out');
    tmux.keys('Enter');
    save('notice-written', await tmux.waitFor((s) => s.includes('썼습니다:') && s.includes('goyang-2027-03-01-notice.html'), 'the notice written'));
    const text = readFileSync(join(home, 'notice-out', 'goyang-2027-03-01-notice.txt'), 'utf8');
    expect(text).toContain('3. 시행일: 2027년 3월 1일');
    expect(text).toContain('__031-8075-2594__');
    tmux.keys('q');
    await tmux.waitFor((s) => s.includes('초안 검토'), 'back on the review');

    // p: the confirmation shows the diff summary and the check; y publishes.
    tmux.keys('p');
    const confirm = await tmux.waitFor((s) => s.includes('게시할까요?') && s.includes('법령 0건 ('), 'the publish confirmation');
    expect(confirm).toMatch(/변경 +실질 \d+ · 수정 \d+/);
    for (const key of ['y 게시', 'n Esc 취소']) expect(footerOf(confirm)).toContain(key);
    await bothWidths('publish-confirm', confirm, (s) => s.includes('게시할까요?'));
    tmux.keys('y');
    const published = await tmux.waitFor((s) => s.includes('게시했습니다: goyang@2027-03-01'), 'published');
    save('published', published);
    expect(published).toContain('시행 예정');

    // Back on the timeline: the new version is scheduled, the one in force stays in force until then.
    tmux.keys('Enter');
    const after = await tmux.waitFor((s) => s.includes('연혁') && /2027-03-01 ~ 시행 예정\s+있음\s+실질 \d+/.test(s) && !s.includes('초안 있음'), 'the timeline after publishing');
    expect(after).toMatch(/2020-07-17 ~ 시행 중\s+있음/);
    expect(after).toContain('본문 2 / 전체 5');
    await bothWidths('timeline-after', after, (s) => s.includes('2027-03-01 ~ 시행 예정'));
    expect(existsSync(join(store, 'sources', 'goyang', '2027-03-01.txt'))).toBe(true);

    tmux.keys('q');
    await tmux.waitFor((s) => s.includes('bangchim · 기관 목록'), 'back on the cities');
    tmux.keys('C-q');
    const ended = /bangchim exited with status (\d+)|Pane is dead \(status (\d+)/;
    const exit = await tmux.waitFor((s) => ended.test(s), 'bangchim to exit');
    const [, shellStatus, paneStatus] = ended.exec(exit)!;
    expect(shellStatus ?? paneStatus).toBe('0');
  }, 240_000);
});
