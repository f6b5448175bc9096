/**
 * Every screen rendered by ink-testing-library on a real store (the bundled sample plus an edited
 * 고양 imported as 2025-01-01), driven by keys as a person would.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { App } from '../../src/ui/app.js';
import { StoreBackend } from '../../src/ui/store-backend.js';
import { resizeTerminal, sampleStoreWithEditedGoyang, waitFor } from './fixtures.js';

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
      const frame = await ui.until((f) => f.includes('3 substantive'), 'the latest change of 고양');
      expect(frame).toMatch(/고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+3 substantive/);
      expect(frame).toMatch(/파주시\s+paju\s+2024-09-30\s+1 \/ 12/);
      expect(frame).toContain('? all keys');
      expectBordersAligned(frame, columns);
      ui.app.unmount();
    }
  });

  test('typing filters; ? shows every key; q quits', async () => {
    const ui = start();
    await ui.has('의정부시');
    ui.app.stdin.write('파주');
    const filtered = await ui.has('filter: 파주');
    expect(filtered).toContain('파주시');
    expect(filtered).not.toContain('고양특례시');
    ui.app.stdin.write('\x1b');
    await ui.until((f) => f.includes('고양특례시') && !f.includes('filter:'), 'the filter cleared');
    ui.app.stdin.write('?');
    const help = await ui.has('Keys: bangchim · Cities');
    expect(help).toContain('compare two cities');
    expect(help).toContain('Ctrl+C');
    ui.app.stdin.write('x');
    await ui.until((f) => !f.includes('Keys:'), 'help closed');
  });
});

describe('timeline → diff → notice', () => {
  test('goyang: versions with and without text, d diffs, s side by side, f facts, t notice, w writes', async () => {
    const ui = start({ columns: 120, rows: 40 });
    await ui.has('고양특례시');
    ui.app.stdin.write('\r');
    const timeline = await ui.until((f) => f.includes('Timeline') && f.includes('3 substantive'), '고양 timeline with change counts');
    expect(timeline).toMatch(/2011-11-07 ~ 2016-05-13 no text/);
    expect(timeline).toMatch(/2020-07-17 ~ 2024-12-31 text\s+first with text/);
    expect(timeline).toMatch(/2025-01-01 ~ in force\s+text\s+3 substantive/);
    expectBordersAligned(timeline, 120);

    // A version without text says why it can't be diffed.
    ui.app.stdin.write('k');
    ui.app.stdin.write('k');
    ui.app.stdin.write('d');
    await ui.has('2016-12-02 ~ 2020-07-16 has no text in the store');

    ui.app.stdin.write('@');
    await ui.has('Version in force on');
    ui.app.stdin.write('2025-03-01\r');
    await ui.has('In force on 2025-03-01: 2025-01-01 ~ in force (text archived).');

    ui.app.stdin.write('d');
    const diff = await ui.has('고양특례시 (goyang): 2020-07-17 → 2025-01-01');
    expect(diff).toContain('substantive 3 · 수정 3');
    expect(diff).toMatch(/● 제8조 개인정보의 안전성 확보조치\s+수정/);
    expect(diff).toContain('접속기록 보관: 1년 → 2년');
    // Without colour, changed words are bracketed.
    expect(diff).toMatch(/최소 \[-1(년)?-\]/);
    expect(diff).toMatch(/\{\+2(년)?\+\}/);
    expectBordersAligned(diff, 120);

    ui.app.stdin.write('n');
    await ui.has('전화: 031-8075-2593 → 031-8075-2594');
    ui.app.stdin.write('s');
    const sideBySide = await ui.has('old: goyang@2020-07-17');
    expect(sideBySide).toContain('new: goyang@2025-01-01');
    // Old and new columns on the same row, the changed number marked on each side.
    expect(sideBySide).toMatch(/\[-[0-9-]*2593-\].*│.*\{\+[0-9-]*2594\+\}/);
    expectBordersAligned(sideBySide, 120);

    ui.app.stdin.write('f');
    const facts = await ui.has('Fact changes (3)');
    expect(facts).toContain('제12조  날짜: 2020-07-17 → 2025-01-01');
    ui.app.stdin.write('f');

    ui.app.stdin.write('t');
    const notice = await ui.has('Notice, effective 2025-01-01');
    expect(notice).toContain('고양특례시의 개인정보 처리방침이 다음과 같이 변경되어 2025년 1월 1일부터 적용됩니다.');
    ui.app.stdin.write('3');
    await ui.has('3 comparison table');
    expect(ui.frame()).toContain('개 정 안');
    ui.app.stdin.write('w');
    await ui.has('Write the notice (.txt .md .html) into directory:');
    ui.app.stdin.write('\x15notices\r');
    const written = await ui.has('Wrote:');
    const base = join(ui.cwd, 'notices', 'goyang-2025-01-01-notice');
    for (const ext of ['.txt', '.md', '.html']) {
      expect(written).toContain(`goyang-2025-01-01-notice${ext}`);
      expect(existsSync(base + ext)).toBe(true);
    }
    expect(readFileSync(base + '.txt', 'utf8')).toContain('031-8075-2594');
    expect(readFileSync(base + '.html', 'utf8')).toContain('<u>');

    // q walks back up the stack, keeping each screen where it was.
    ui.app.stdin.write('q');
    await ui.has('substantive 3 · 수정 3');
    ui.app.stdin.write('q');
    await ui.has('Timeline');
    ui.app.stdin.write('q');
    await ui.until((f) => f.includes('bangchim · Cities'), 'back on the cities');
  });

  test('c compares two cities', async () => {
    const ui = start({ columns: 120, rows: 40 });
    await ui.has('의정부시');
    ui.app.stdin.write('c');
    await ui.has('Compare goyang with');
    ui.app.stdin.write('jjj\r');
    const cross = await ui.has('고양특례시 2025-01-01 ↔ 파주시 2024-09-30');
    expect(cross).toContain('substantive');
    expectBordersAligned(cross, 120);
  });
});

describe('import from the cities screen', () => {
  test('i: path, date, preview with warnings, confirm: the store gains the version', async () => {
    const ui = start({ columns: 100, rows: 30 });
    await ui.has('익산시');
    // i imports for the highlighted city; Esc on the first prompt goes back.
    ui.app.stdin.write('jj');
    ui.app.stdin.write('i');
    await ui.has('Import a draft of 남양주시');
    ui.app.stdin.write('\x1b');
    await ui.has('bangchim · Cities');
    ui.app.stdin.write('kk');
    ui.app.stdin.write('i');
    await ui.has('Import a draft of 고양특례시');
    ui.app.stdin.write(draft + '\r');
    await ui.has('Effective date');
    ui.app.stdin.write('2025-0x\r');
    await ui.has('is not a date');
    ui.app.stdin.write('\x7f\x7f02-01\r');
    const preview = await ui.has('Import this as a new version?');
    expect(preview).toMatch(/city\s+고양특례시 \(goyang\)/);
    expect(preview).toMatch(/effective\s+2025-02-01\s+\(the text states 2025-01-01\)/);
    expect(preview).toMatch(/articles\s+12: 제1조 제2조/);
    ui.app.stdin.write('y');
    const done = await ui.has('goyang@2025-02-01');
    expect(done).toContain('archived');
    ui.app.stdin.write('\r');
    await ui.until((f) => /고양특례시\s+goyang\s+2025-02-01\s+3 \/ 6/.test(f), 'the cities list reloaded');
  });
});
