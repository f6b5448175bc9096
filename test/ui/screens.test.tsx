/**
 * Every screen rendered by ink-testing-library on a real store (the bundled sample plus an edited
 * 고양 imported as 2025-01-01), driven by keys as a person would.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { App } from '../../src/ui/app.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import { StoreBackend } from '../../src/ui/store-backend.js';
import { resizeTerminal, sampleStoreWithEditedGoyang, waitFor } from './fixtures.js';

setLanguage('ko');

let storeDir: string;
let draft: string;
beforeAll(async () => {
  ({ dir: storeDir, draft } = await sampleStoreWithEditedGoyang());
});

let instances: ReturnType<typeof render>[] = [];
afterEach(() => {
  for (const instance of instances) instance.unmount();
  instances = [];
});

function start(options: { columns?: number; rows?: number; colour?: boolean; cwd?: string } = {}) {
  const size = { columns: options.columns ?? 100, rows: options.rows ?? 30 };
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'bangchim-ui-cwd-'));
  const app = render(<App backend={new StoreBackend(storeDir, cwd)} colour={options.colour ?? false} cwd={cwd} />);
  resizeTerminal(app.stdout, size.columns, size.rows);
  instances.push(app);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const until = (test: (f: string) => boolean, what: string) => waitFor(frame, test, what);
  const has = (text: string) => until((f) => f.includes(text), `"${text}"`);
  return { app, frame, until, has, cwd, size };
}

/** Every bordered line spans exactly the screen: borders line up whatever the Hangul. */
function expectBordersAligned(frame: string, columns: number) {
  const bordered = frame.split('\n').filter((line) => /^[│┌└]/.test(line));
  expect(bordered.length).toBeGreaterThan(3);
  for (const line of bordered) expect([stringWidth(line), line]).toEqual([columns, line]);
}

describe('cities', () => {
  test('lists the five sample cities with newest date, counts and the latest change, at 80 and 200 columns', async () => {
    for (const columns of [80, 200]) {
      const ui = start({ columns, rows: 24 });
      // The sample's 고양 draft leads its change column: the officer's work in progress, then the latest
      // change (cut at 80 columns, whole at 200).
      const latest = columns === 80 ? '초안 2027-03-01, 실질' : '초안 2027-03-01, 실질 3  +0 -0 ~3';
      const frame = await ui.until((f) => f.includes(latest), 'the draft and the latest change of 고양');
      expect(frame).toMatch(/고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+초안 2027-03-01, 실질/);
      expect(frame).toMatch(/파주시\s+paju\s+2024-09-30\s+1 \/ 12/);
      expect(frame).toContain('? 모든 키');
      expect(frame).toContain('bangchim · 기관 목록');
      expectBordersAligned(frame, columns);
      ui.app.unmount();
    }
  });

  test('typing filters; ? shows every key', async () => {
    const ui = start();
    await ui.has('의정부시');
    ui.app.stdin.write('파주');
    const filtered = await ui.has('거르기: 파주');
    expect(filtered).toContain('파주시');
    expect(filtered).not.toContain('고양특례시');
    ui.app.stdin.write('\x1b');
    await ui.until((f) => f.includes('고양특례시') && !f.includes('거르기:'), 'the filter cleared');
    ui.app.stdin.write('?');
    const help = await ui.has('키: bangchim · 기관 목록');
    expect(help).toMatch(/\^D\s+기관 비교/);
    expect(help).toContain('Ctrl+C');
    ui.app.stdin.write('x');
    await ui.until((f) => !f.includes('키: bangchim'), 'help closed');
  });

  test('typing iksan filters to 익산시 and opens nothing (i, c and q are letters of the filter)', async () => {
    const ui = start();
    await ui.has('의정부시');
    ui.app.stdin.write('iksan');
    const filtered = await ui.has('거르기: iksan');
    expect(filtered).toContain('익산시');
    expect(filtered).not.toContain(') 판 가져오기');
    expect(filtered).not.toContain('의정부시');
    expect(filtered).toContain('bangchim · 기관 목록');
    ui.app.stdin.write('\x1b');
    await ui.until((f) => f.includes('의정부시') && !f.includes('거르기:'), 'the filter cleared');
    ui.app.stdin.write('cq');
    const typed = await ui.has('거르기: cq');
    expect(typed).toContain('bangchim · 기관 목록');
    expect(typed).not.toContain('비교할 기관');
  });
});

describe('start-up', () => {
  /** The table's rows (between the borders), trimmed. */
  const rowsOf = (frame: string) => frame.split('\n').filter((line) => line.startsWith('│')).map((line) => line.slice(1, -1).trim());

  test('cities read before the first frame are in it, whole; each change column then fills in from its placeholder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bangchim-ui-cwd-'));
    const backend = new StoreBackend(storeDir, cwd);
    await backend.readCitiesAhead();
    const app = render(<App backend={backend} colour={false} cwd={cwd} />);
    instances.push(app);
    const frame = () => stripAnsi(app.lastFrame() ?? '');
    // The very first frame: every city with its newest version and counts, the change still being measured.
    const first = rowsOf(frame());
    expect(first.slice(1)).toEqual([
      expect.stringMatching(/^고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+…$/),
      expect.stringMatching(/^익산시\s+iksan\s+2012-03-26\s+1 \/ 2\s+…$/),
      expect.stringMatching(/^남양주시\s+namyangju\s+2015-08-26\s+1 \/ 2\s+…$/),
      expect.stringMatching(/^파주시\s+paju\s+2024-09-30\s+1 \/ 12\s+…$/),
      expect.stringMatching(/^의정부시\s+uijeongbu\s+2023-01-01\s+1 \/ 1\s+…$/),
    ]);
    expect(frame()).not.toContain('저장소를 읽는 중');
    expect(frame()).toContain('최근 변경을 재는 중 (0/5)');
    // Then the draft and the latest change of each, and no placeholder left.
    const filled = await waitFor(frame, (f) => !f.includes('재는 중'), 'every change measured');
    expect(rowsOf(filled).slice(1)).toEqual([
      expect.stringMatching(/^고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+초안 2027-03-01, 실질 3\s+\+0 -0 ~3$/),
      expect.stringMatching(/iksan.*— \(본문 있는 판 하나\)$/),
      expect.stringMatching(/namyangju.*— \(본문 있는 판 하나\)$/),
      expect.stringMatching(/paju.*— \(본문 있는 판 하나\)$/),
      expect.stringMatching(/uijeongbu.*— \(본문 있는 판 하나\)$/),
    ]);
  });

  test('cities not yet read when the first frame is drawn: it says so, then lists them all', async () => {
    const ui = start();
    expect(ui.frame()).toContain('저장소를 읽는 중');
    const listed = await ui.has('의정부시');
    expect(rowsOf(listed).slice(1).map((row) => row.split(/\s+/)[1])).toEqual(['goyang', 'iksan', 'namyangju', 'paju', 'uijeongbu']);
  });
});

describe('timeline → diff → notice', () => {
  test('goyang: versions with and without text, d diffs, s side by side, f facts, t notice, w writes', async () => {
    const ui = start({ columns: 120, rows: 40 });
    await ui.has('고양특례시');
    ui.app.stdin.write('\r');
    const timeline = await ui.until((f) => f.includes('연혁') && f.includes('실질 3'), '고양 timeline with change counts');
    expect(timeline).toMatch(/2011-11-07 ~ 2016-05-13 없음/);
    expect(timeline).toMatch(/2020-07-17 ~ 2024-12-31 있음\s+첫 본문/);
    expect(timeline).toMatch(/2025-01-01 ~ 시행 중\s+있음\s+실질 3/);
    expectBordersAligned(timeline, 120);

    // A version without text says why it can't be diffed.
    ui.app.stdin.write('k');
    ui.app.stdin.write('k');
    ui.app.stdin.write('d');
    await ui.has('2016-12-02 ~ 2020-07-16의 본문이 저장소에 없습니다');

    ui.app.stdin.write('@');
    await ui.has('이날 시행 중인 판');
    ui.app.stdin.write('2025-03-01\r');
    await ui.has('2025-03-01에 시행 중: 2025-01-01 ~ 시행 중 (본문 있음).');

    ui.app.stdin.write('d');
    const diff = await ui.has('고양특례시 (goyang): 2020-07-17 → 2025-01-01');
    expect(diff).toContain('실질 3 · 수정 3');
    expect(diff).toMatch(/● 제8조 개인정보의 안전성 확보조치\s+수정/);
    expect(diff).toContain('접속기록 보관: 1년 → 2년');
    // Without colour, changed words are bracketed.
    expect(diff).toMatch(/최소 \[-1(년)?-\]/);
    expect(diff).toMatch(/\{\+2(년)?\+\}/);
    expectBordersAligned(diff, 120);

    ui.app.stdin.write('n');
    await ui.has('전화: 031-8075-2593 → 031-8075-2594');
    ui.app.stdin.write('s');
    const sideBySide = await ui.has('변경 전: goyang@2020-07-17');
    expect(sideBySide).toContain('변경 후: goyang@2025-01-01');
    // Old and new columns on the same row, the changed number marked on each side.
    expect(sideBySide).toMatch(/\[-[0-9-]*2593-\].*│.*\{\+[0-9-]*2594\+\}/);
    expectBordersAligned(sideBySide, 120);

    ui.app.stdin.write('f');
    const facts = await ui.has('사실 변경 (3)');
    expect(facts).toContain('제12조  날짜: 2020-07-17 → 2025-01-01');
    ui.app.stdin.write('f');

    ui.app.stdin.write('t');
    const notice = await ui.has('공고문, 시행 2025-01-01');
    expect(notice).toContain('「개인정보 보호법」 제30조 제2항에 따라 고양특례시의 개인정보 처리방침을');
    expect(notice).toContain('1. 변경 사유:');
    // r edits the reason: the prompt holds the one written from the diff; the edit is shown and written.
    ui.app.stdin.write('r');
    const reasonPrompt = await ui.has('공고문의 변경 사유');
    expect(reasonPrompt).toContain('변경에 따른 개정');
    ui.app.stdin.write('\x15보호담당자 연락처 변경에 따른 개정\r');
    const edited = await ui.has('변경 사유를 고쳤습니다');
    expect(edited).toContain('1. 변경 사유: 보호담당자 연락처 변경에 따른 개정');
    ui.app.stdin.write('3');
    await ui.has('3 신·구 대비표');
    expect(ui.frame()).toContain('개 정 안');
    ui.app.stdin.write('w');
    const asked = await ui.has('공고문(.txt .md .html)을 쓸 디렉터리:');
    // Proposed: beside the store, not the current directory.
    expect(asked).toContain(`${basename(storeDir)}-notices`);
    ui.app.stdin.write('\x15notices\r');
    const written = await ui.has('썼습니다:');
    const base = join(ui.cwd, 'notices', 'goyang-2025-01-01-notice');
    for (const ext of ['.txt', '.md', '.html']) {
      expect(written).toContain(`goyang-2025-01-01-notice${ext}`);
      expect(existsSync(base + ext)).toBe(true);
    }
    expect(readFileSync(base + '.txt', 'utf8')).toContain('031-8075-2594');
    expect(readFileSync(base + '.txt', 'utf8')).toContain('1. 변경 사유: 보호담당자 연락처 변경에 따른 개정');
    expect(readFileSync(base + '.html', 'utf8')).toContain('<u>');

    // q walks back up the stack, keeping each screen where it was.
    ui.app.stdin.write('q');
    await ui.has('실질 3 · 수정 3');
    ui.app.stdin.write('q');
    await ui.has('연혁');
    ui.app.stdin.write('q');
    await ui.until((f) => f.includes('bangchim · 기관 목록'), 'back on the cities');
  });

  test('^D compares two cities, and the comparison does not stick: back on the cities, enter opens a timeline', async () => {
    const ui = start({ columns: 120, rows: 40 });
    await ui.has('의정부시');
    ui.app.stdin.write('\x04');
    await ui.has('goyang와(과) 비교할 기관');
    ui.app.stdin.write('\x1b[B\x1b[B\x1b[B');
    await ui.until((f) => /│ 파주시/.test(f) && f.includes('비교할 기관'), 'the cursor on 파주시');
    ui.app.stdin.write('\r');
    const cross = await ui.has('고양특례시 2025-01-01 ↔ 파주시 2024-09-30');
    expect(cross).toContain('실질');
    expectBordersAligned(cross, 120);
    ui.app.stdin.write('q');
    const back = await ui.has('bangchim · 기관 목록');
    expect(back).not.toContain('비교할 기관');
    ui.app.stdin.write('\r');
    await ui.has('파주시 (paju) · 연혁');
  });
});

describe('import from the cities screen', () => {
  test('i: path, date, preview with warnings, confirm: the store gains the version', async () => {
    const ui = start({ columns: 100, rows: 30 });
    await ui.has('익산시');
    // i imports for the highlighted city; Esc on the first prompt goes back.
    ui.app.stdin.write('\x1b[B\x1b[B');
    ui.app.stdin.write('\x0f');
    await ui.has('남양주시 (namyangju) 판 가져오기');
    ui.app.stdin.write('\x1b');
    await ui.has('bangchim · 기관 목록');
    ui.app.stdin.write('\x1b[A\x1b[A');
    ui.app.stdin.write('\x0f');
    await ui.has('고양특례시 (goyang) 판 가져오기');
    ui.app.stdin.write(draft + '\r');
    await ui.has('시행일 (YYYY-MM-DD');
    ui.app.stdin.write('2025-0x\r');
    await ui.has('날짜가 아닙니다');
    ui.app.stdin.write('\x7f\x7f02-01\r');
    const preview = await ui.has('새 판으로 가져올까요?');
    expect(preview).toMatch(/기관\s+고양특례시 \(goyang\)/);
    expect(preview).toMatch(/시행일\s+2025-02-01\s+\(본문에는 2025-01-01\)/);
    expect(preview).toMatch(/조항\s+12개: 제1조 제2조/);
    ui.app.stdin.write('y');
    const done = await ui.has('goyang@2025-02-01');
    expect(done).toContain('보관했습니다: goyang@2025-02-01');
    ui.app.stdin.write('\r');
    await ui.until((f) => /고양특례시\s+goyang\s+2025-02-01\s+3 \/ 6/.test(f), 'the cities list reloaded');
  });
});
