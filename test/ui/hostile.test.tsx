/** Policy text from a hostile or broken page: escape sequences are shown neutralised, never run. */
import { expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { DiffBody } from '../../src/ui/diff/diff.js';
import { initialDiffState } from '../../src/ui/diff/diff-state.js';
import { ThemeProvider, makeTheme } from '../../src/ui/theme.js';
import { goyangDiff, resizeTerminal } from './fixtures.js';

test('control sequences in titles, clauses and changed words are displayed inert', () => {
  const diff = goyangDiff();
  const index = initialDiffState(diff).cursor;
  const entry = structuredClone(diff.articles[index]!);
  entry.new[0]!.title = '안전성\x1b]0;pwned\x07 확보조치';
  entry.clauses.unshift({ status: 'added', new: '\x1b[2J\x1b[H화면 지우기\x9b31m 빨강\x1b[0m', marker: '①' });
  entry.clauses.unshift({ status: 'modified', old: '가\r나', new: '가\x1b[5m나', words: [{ op: 'equal', text: '가' }, { op: 'delete', text: '\r' }, { op: 'insert', text: '\x1b[5m' }, { op: 'equal', text: '나' }] });
  const hostile = { ...diff, articles: diff.articles.map((e, i) => (i === index ? entry : e)) };
  const app = render(
    <ThemeProvider theme={makeTheme(false)}>
      <DiffBody diff={hostile} state={initialDiffState(hostile)} size={{ columns: 120, rows: 30 }} />
    </ThemeProvider>,
  );
  resizeTerminal(app.stdout, 120, 30);
  const raw = app.lastFrame() ?? '';
  app.unmount();
  // Without colour nothing at all may reach the terminal as an escape or control character.
  expect(raw).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(raw).toContain('안전성␛]0;pwned␇ 확보조치');
  expect(raw).toContain('␛[2J␛[H화면 지우기⟪U+009B⟫31m 빨강␛[0m');
  expect(raw).toContain('가[-␍-]{+␛[5m+}나');
});
