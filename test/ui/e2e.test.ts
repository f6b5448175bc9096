/**
 * End to end in a real terminal: `bangchim` on a temporary copy of the sample store (plus an edited
 * 고양 imported as 2025-01-01), in tmux at 120×40: 고양's timeline, the diff of the two versions, side
 * by side, resized to 80 and 200 columns, the notice, written to files, then q back out to the shell.
 * Every captured screen is kept in test-artifacts/ui-e2e/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { sampleStoreWithEditedGoyang } from './fixtures.js';
import { TmuxSession, hasTmux, saveScreen, shellQuote } from './tmux.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui-e2e');
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

  test('cities → 고양 timeline → diff → side by side → resize → notice → write → quit', async () => {
    // The shell reports how bangchim ended, on the screen it leaves behind. CI=true as on a CI runner:
    // the UI must still draw every frame for the person at the terminal.
    tmux.start(`sh -c ${shellQuote(`node ${shellQuote(join(ROOT, 'bin', 'bangchim.js'))} --store ${shellQuote(store)}; echo "bangchim exited with status $?"`)}`, { columns: 120, rows: 40, cwd, env: { HOME: cwd, CI: 'true' } });

    const cities = await tmux.waitFor((s) => s.includes('bangchim · Cities') && s.includes('3 substantive'), 'the cities with 고양 latest change');
    save('cities', cities);
    expect(cities).toMatch(/고양특례시\s+goyang\s+2025-01-01\s+2 \/ 5\s+3 substantive/);
    for (const line of borderedLines(cities)) expect(stringWidth(line)).toBe(120);

    tmux.keys('Enter');
    const timeline = await tmux.waitFor((s) => s.includes('Timeline') && /2025-01-01 ~ in force\s+text\s+3 substantive/.test(s), '고양 timeline');
    save('timeline', timeline);
    expect(timeline).toMatch(/2016-05-16 ~ 2016-12-01 no text/);

    tmux.keys('d');
    const diff = await tmux.waitFor((s) => s.includes('substantive 3 · 수정 3'), 'the diff');
    save('diff', diff);
    expect(diff).toContain('고양특례시 (goyang): 2020-07-17 → 2025-01-01');
    expect(diff).toMatch(/● 제8조 개인정보의 안전성 확보조치\s+수정/);
    expect(diff).toContain('접속기록 보관: 1년 → 2년');

    tmux.keys('n');
    const phone = await tmux.waitFor((s) => s.includes('전화: 031-8075-2593 → 031-8075-2594'), 'the next change (보호책임자)');
    save('diff-next-change', phone);

    tmux.keys('s');
    const sideBySide = await tmux.waitFor((s) => s.includes('old: goyang@2020-07-17') && s.includes('new: goyang@2025-01-01'), 'side by side');
    save('side-by-side', sideBySide);
    expect(sideBySide).toMatch(/031-8075-2593.*│.*031-8075-2594/);
    for (const line of borderedLines(sideBySide)) expect(stringWidth(line)).toBe(120);

    for (const columns of [80, 200]) {
      tmux.resize(columns, 40);
      const resized = await tmux.waitFor((s) => borderedLines(s).length > 5 && borderedLines(s).every((l) => stringWidth(l) === columns), `re-layout at ${columns} columns`);
      save(`side-by-side-${columns}`, resized);
      expect(resized).toContain('old: goyang@2020-07-17');
    }
    tmux.resize(120, 40);
    await tmux.waitFor((s) => borderedLines(s).length > 5 && borderedLines(s).every((l) => stringWidth(l) === 120), 're-layout at 120 columns');

    tmux.keys('t');
    const notice = await tmux.waitFor((s) => s.includes('Notice, effective 2025-01-01') && s.includes('고양특례시의 개인정보 처리방침이'), 'the notice');
    save('notice', notice);
    tmux.keys('3');
    save('notice-table', await tmux.waitFor((s) => s.includes('3 comparison table') && s.includes('개 정 안'), 'the comparison table'));

    tmux.keys('w');
    await tmux.waitFor((s) => s.includes('Write the notice (.txt .md .html) into directory:'), 'the write prompt');
    tmux.keys('C-u');
    tmux.type(join(cwd, 'notice-out'));
    tmux.keys('Enter');
    const written = await tmux.waitFor((s) => s.includes('Wrote:') && s.includes('goyang-2025-01-01-notice.html'), 'the paths written');
    save('notice-written', written);

    const base = join(cwd, 'notice-out', 'goyang-2025-01-01-notice');
    const text = readFileSync(`${base}.txt`, 'utf8');
    expect(text).toContain('고양특례시의 개인정보 처리방침이 다음과 같이 변경되어 2025년 1월 1일부터 적용됩니다.');
    expect(text).toContain('{+031-8075-2594+}');
    expect(readFileSync(`${base}.md`, 'utf8')).toContain('<u>');
    expect(readFileSync(`${base}.html`, 'utf8')).toMatch(/<html[\s\S]*2025년 1월 1일/);

    // q: notice → diff → timeline → cities → quit.
    for (const expected of ['substantive 3 · 수정 3', 'Timeline', 'bangchim · Cities']) {
      tmux.keys('q');
      await tmux.waitFor((s) => s.includes(expected), `back to ${expected}`);
    }
    tmux.keys('q');
    // Either the shell's line or tmux's own note (the shell's line can be lost as the alternate screen closes).
    const ended = /bangchim exited with status (\d+)|Pane is dead \(status (\d+)/;
    const after = await tmux.waitFor((s) => ended.test(s), 'bangchim to exit');
    save('after-quit', after);
    const [, shellStatus, paneStatus] = ended.exec(after)!;
    expect(shellStatus ?? paneStatus).toBe('0');
    // The alternate screen is left: none of the UI stays in the shell's screen.
    expect(after).not.toContain('bangchim · Cities');
  });
});
