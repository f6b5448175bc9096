/**
 * The friction points of issue 12, one test each, on real data (고양's seed and an edited copy, real
 * files in temp dirs): the language rule, primary keys at 80 columns, word-boundary titles, the text
 * of unchanged and renumbered articles, 전문 first, content kept across a resize, typed paths,
 * where notices are written, Esc on an error, and topics removed vs added.
 */
import { describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stripAnsi from 'strip-ansi';
import { diffVersions, formatDiffText } from '../../src/domain/diff/index.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { wrapToWidth } from '../../src/domain/presentation/width.js';
import { press } from '../../src/ui/keys.js';
import { setLanguage, languageFor } from '../../src/domain/presentation/messages/index.js';
import { citiesKey, citiesKeys, initialCitiesState } from '../../src/ui/cities/cities-state.js';
import { timelineKeys, timelineStart } from '../../src/ui/timeline/timeline-state.js';
import { diffKeys, initialDiffState } from '../../src/ui/diff/diff-state.js';
import { detailLines } from '../../src/ui/diff/diff-render.js';
import { inReadingOrder, lineTexts } from '../../src/ui/diff/diff.js';
import { initialNoticeState, noticeKeys } from '../../src/ui/notice/notice-state.js';
import { NoticeBody } from '../../src/ui/notice/notice.js';
import { defaultNoticeDir, existingNoticeFiles, noticeFiles } from '../../src/ui/notice/notice-files.js';
import { importKey, importKeys, initialImportState, type ImportStep } from '../../src/ui/import/import-state.js';
import { checkTypedFile } from '../../src/ui/paths.js';
import { fileProblem, typedPath } from '../../src/ui/paths.js';
import { anchorAt, lineAt } from '../../src/ui/scroll-anchor.js';
import { footerKeys } from '../../src/ui/widgets/footer.js';
import { shortenAtWord } from '../../src/ui/text.js';
import { ThemeProvider, makeTheme } from '../../src/ui/theme.js';
import { GOYANG_LEDGER, goyangDiff, goyangVersions, resizeTerminal } from './fixtures.js';

setLanguage('ko');

describe('language', () => {
  test('Korean unless BANGCHIM_LANG or a non-Korean locale says otherwise; C and POSIX name no language', () => {
    expect(languageFor({})).toBe('ko');
    expect(languageFor({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' })).toBe('ko');
    expect(languageFor({ LANG: 'POSIX' })).toBe('ko');
    expect(languageFor({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(languageFor({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFor({ LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' })).toBe('en');
    expect(languageFor({ LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' })).toBe('ko');
    expect(languageFor({ LANG: 'en_US.UTF-8', BANGCHIM_LANG: 'ko' })).toBe('ko');
    expect(languageFor({ LANG: 'ko_KR.UTF-8', BANGCHIM_LANG: 'en' })).toBe('en');
  });

  test('the same screen speaks English when asked, and Korean by default', () => {
    try {
      setLanguage('en');
      expect(citiesKeys(initialCitiesState).map((k) => k.label)).toContain('compare');
      setLanguage('ko');
      expect(citiesKeys(initialCitiesState).map((k) => k.label)).toContain('기관 비교');
    } finally {
      setLanguage('ko');
    }
  });
});

describe('80 columns', () => {
  const diff = goyangDiff();
  const screens = {
    cities: citiesKeys(initialCitiesState),
    timeline: timelineKeys(timelineStart(GOYANG_LEDGER)),
    diff: diffKeys(initialDiffState(diff), false),
    notice: noticeKeys(initialNoticeState),
    import: importKeys(initialImportState()),
  };

  for (const lang of ['ko', 'en'] as const) {
    test(`every screen's primary keys stay in the footer at 80 columns (${lang})`, () => {
      try {
        setLanguage(lang);
        const keys = {
          cities: citiesKeys(initialCitiesState),
          timeline: timelineKeys(timelineStart(GOYANG_LEDGER)),
          diff: diffKeys(initialDiffState(diff), false),
          notice: noticeKeys(initialNoticeState),
          import: importKeys(initialImportState()),
        };
        for (const [screen, list] of Object.entries(keys)) {
          const shown = footerKeys(list, 80).map((k) => k.key);
          const primary = list.filter((k) => k.primary).map((k) => k.key);
          expect([screen, shown.filter((k) => primary.includes(k))]).toEqual([screen, primary]);
        }
      } finally {
        setLanguage('ko');
      }
    });
  }

  test('the main key of each screen is among them: ^O import, d, t, f, /, w', () => {
    const primary = (list: { key: string; primary?: boolean }[]) => list.filter((k) => k.primary).map((k) => k.key);
    expect(primary(screens.cities)).toEqual(expect.arrayContaining(['^O', '^D', '^Q']));
    expect(primary(screens.timeline)).toEqual(expect.arrayContaining(['d', '@']));
    expect(primary(screens.diff)).toEqual(expect.arrayContaining(['t', 'f', '/', 'n/N']));
    expect(primary(screens.notice)).toEqual(expect.arrayContaining(['w']));
  });

  test('titles shorten at word boundaries, with …', () => {
    expect(shortenAtWord('제3조 개인정보의 제3자 제공', 23)).toBe('제3조 개인정보의 제3자…');
    expect(shortenAtWord('제3조 개인정보의 제3자 제공', 22)).toBe('제3조 개인정보의…');
    expect(shortenAtWord('제3조 개인정보의 제3자 제공', 20)).toBe('제3조 개인정보의…');
    expect(shortenAtWord('bangchim · 고양특례시 (goyang): 2020-07-17 → 2025-01-01', 50)).toBe('bangchim · 고양특례시 (goyang): 2020-07-17 →…');
    expect(shortenAtWord('제3조 개인정보의', 40)).toBe('제3조 개인정보의');
  });
});

/** 고양 with a new article inserted after 제4조: 제5조 and after are renumbered, their text unchanged. */
function renumberedGoyang(): { old: PolicyVersion; renumbered: PolicyVersion } {
  const { old } = goyangVersions();
  const inserted = { ...old.articles[3]!, number: 5, title: '가명정보의 처리', body: [{ text: '고양시는 통계작성 및 과학적 연구를 위하여 가명정보를 처리할 수 있으며, 그 목적과 항목을 이 방침에 공개합니다.' }] };
  const articles = [...old.articles.slice(0, 4), inserted, ...old.articles.slice(4).map((a) => ({ ...a, number: a.number + 1 }))];
  return { old, renumbered: { ...old, effective: '2025-01-01', articles } as PolicyVersion };
}

describe('unchanged and renumbered articles', () => {
  const options = { sideBySide: false, editorial: false, colour: false };
  const text = (lines: ReturnType<typeof detailLines>) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

  test('an unchanged article shows its text, with e off and on', () => {
    const diff = goyangDiff();
    const entry = diff.articles.find((e) => e.status === 'unchanged' && e.new[0]?.title === '개인정보의 파기')!;
    for (const editorial of [false, true]) {
      const shown = text(detailLines(diff, entry, 60, { ...options, editorial }));
      expect(shown).toContain('내용 변경 없음');
      expect(shown).not.toContain('편집상 차이만');
      expect(shown).toContain('파기');
      expect(shown.split('\n').length).toBeGreaterThan(6);
    }
  });

  test('a renumber-only article shows its text and says which number it had', () => {
    const { old, renumbered } = renumberedGoyang();
    const diff = diffVersions(old, renumbered, { editorial: true, unchangedText: true, oldLabel: 'goyang@2020-07-17', newLabel: 'goyang@2025-01-01' });
    const entry = diff.articles.find((e) => e.renumbered && e.new[0]?.title === '개인정보의 파기')!;
    expect(entry.substantive).toBe(false);
    for (const editorial of [false, true]) {
      const shown = text(detailLines(diff, entry, 60, { ...options, editorial }));
      expect(shown).toContain('번호만 바뀜: 제7조 → 제8조. 본문은 그대로입니다.');
      expect(shown).toContain('파기');
      expect(shown.split('\n').length).toBeGreaterThan(6);
    }
  });

  test('전문 comes first, before 제1조', () => {
    const diff = inReadingOrder(goyangDiff());
    expect(diff.articles[0]!.new[0]?.part).toBe('preamble');
    expect(diff.articles[1]!.new[0]?.number).toBe(1);
    expect(diff.articles).toHaveLength(goyangDiff().articles.length);
  });
});

describe('resize', () => {
  const paragraph = goyangVersions().old.articles.flatMap((a) => a.body.map((c) => c.text)).join(' ');

  test('a position is the words above it: re-wrapped, the same words are on top', () => {
    const narrow = wrapToWidth(paragraph, 40);
    const wide = wrapToWidth(paragraph, 110);
    const at = 30;
    const top = lineAt(wide, anchorAt(narrow, at));
    const firstWord = narrow[at]!.trim().split(' ')[0]!;
    expect(wide[top]).toContain(firstWord);
    expect(top).toBeLessThan(at);
  });

  test('the notice keeps its content in view when the terminal is resized, not its line number', () => {
    let scroll = 40;
    const frame = (columns: number) => {
      const lines = wrapToWidth(paragraph, columns - 4);
      return <ThemeProvider theme={makeTheme(false)}><NoticeBody lines={lines} partStarts={[0, 0, 0]} state={{ ...initialNoticeState, scroll }} size={{ columns, rows: 30 }} setScroll={(s) => (scroll = s)} /></ThemeProvider>;
    };
    const app = render(frame(80));
    resizeTerminal(app.stdout, 130, 30);
    const before = stripAnsi(app.lastFrame()!).split('\n')[1]!.replace(/[│ ]+/g, ' ').trim();
    app.rerender(frame(120));
    app.rerender(frame(120));
    const after = stripAnsi(app.lastFrame()!).split('\n').slice(1, 3).join(' ');
    app.unmount();
    expect(scroll).toBeLessThan(40);
    expect(after).toContain(before.split(' ').slice(0, 2).join(' '));
  });

  test('the diff detail lines have a text to anchor on', () => {
    const diff = goyangDiff();
    const lines = detailLines(diff, diff.articles[7], 50, { sideBySide: false, editorial: false, colour: false });
    expect(lineTexts(lines).join(' ')).toContain('접속기록');
  });
});

describe('typed paths', () => {
  const home = mkdtempSync(join(tmpdir(), 'bangchim-home-'));
  const cwd = mkdtempSync(join(tmpdir(), 'bangchim-cwd-'));
  mkdirSync(join(home, 'my drafts'));
  const draft = join(home, 'my drafts', 'goyang 2025.txt');
  writeFileSync(draft, '고양특례시 개인정보 처리방침');

  test('~, quotes (drag and drop) and shell escapes mean the file', () => {
    expect(typedPath('~/my drafts/goyang 2025.txt', cwd, home)).toBe(draft);
    expect(typedPath(`'${draft}'`, cwd, home)).toBe(draft);
    expect(typedPath(`"${draft}" `, cwd, home)).toBe(draft);
    expect(typedPath(draft.replace(/ /g, '\\ '), cwd, home)).toBe(draft);
    expect(typedPath('x.txt', cwd, home)).toBe(join(cwd, 'x.txt'));
    expect(fileProblem(draft)).toBeUndefined();
  });

  test('the import checks the path at once, before the date, and names it once', () => {
    const check = (typed: string) => checkTypedFile(typed, cwd);
    const type = (state: ImportStep, text: string) => {
      let s = state;
      let last: ReturnType<typeof importKey> | undefined;
      for (const ch of text) {
        last = importKey(s, ch, press(), check);
        if (last.kind === 'state') s = last.state;
      }
      last = importKey(s, '', press({ return: true }), check);
      return last.kind === 'state' ? last.state : s;
    };
    const missing = type(initialImportState(), '~/nowhere.txt');
    expect(missing.step).toBe('path');
    const problem = missing.step === 'path' ? missing.prompt.problem! : '';
    const resolved = join(process.env.HOME ?? '', 'nowhere.txt');
    expect(problem).toBe(`파일이 없습니다: ${resolved}. 경로를 확인하세요.`);
    expect(problem.split(resolved)).toHaveLength(2);
    const quoted = type(initialImportState(), `'${draft}'`);
    expect(quoted).toMatchObject({ step: 'effective', path: draft });
    const directory = type(initialImportState(), join(home, 'my drafts'));
    expect(directory.step === 'path' && directory.prompt.problem).toMatch(/디렉터리입니다/);
  });

  test('Esc on an error goes back to the path, and Esc on the cities never quits', () => {
    const failed: ImportStep = { step: 'failed', path: draft, message: '본문을 읽을 수 없습니다' };
    const esc = importKey(failed, '', press({ escape: true }), () => ({ path: draft }));
    expect(esc).toMatchObject({ kind: 'state', state: { step: 'path', prompt: { value: draft } } });
    expect(citiesKey(initialCitiesState, [], '', press({ escape: true })).kind).toBe('none');
  });
});

describe('writing the notice', () => {
  test('proposed beside the store, never inside a checkout; existing files are found before writing', () => {
    const root = mkdtempSync(join(tmpdir(), 'bangchim-place-'));
    const store = join(root, 'office-store');
    mkdirSync(store);
    expect(defaultNoticeDir(store, '/home/officer')).toBe(join(root, 'office-store-notices'));
    const checkout = join(root, 'bangchim-checkout');
    mkdirSync(join(checkout, '.git'), { recursive: true });
    mkdirSync(join(checkout, 'sample'));
    expect(defaultNoticeDir(join(checkout, 'sample'), '/home/officer')).toBe('/home/officer/bangchim-notices');

    const notice = { slug: 'goyang', effective: '2025-01-01' };
    const out = join(root, 'out');
    mkdirSync(out);
    expect(existingNoticeFiles(notice, out)).toEqual([]);
    writeFileSync(noticeFiles(notice, out)[0]!, 'earlier notice');
    expect(existingNoticeFiles(notice, out)).toEqual([join(out, 'goyang-2025-01-01-notice.txt')]);
  });
});

describe('topics', () => {
  test('a version diff tells removed topics from added ones', () => {
    const diff = goyangDiff();
    const report = formatDiffText({ ...diff, topics: { onlyOld: ['entrustment'], onlyNew: ['third-party'] } });
    expect(report).toContain('없어진 주제 (goyang@2020-07-17에만 있음): 개인정보 처리의 위탁');
    expect(report).toContain('새로 생긴 주제 (goyang@2025-01-01에만 있음): 개인정보의 제3자 제공');
    expect(report).not.toContain('고양특례시에만 있는 주제');
  });
});
