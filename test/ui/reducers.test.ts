/** The screens' pure reducers, driven key by key as a person would. */
import { describe, expect, test } from 'vitest';
import { press, type Key } from '../../src/ui/keys.js';
import { appReducer, currentScreen, initialAppState } from '../../src/ui/app-state.js';
import { citiesKey, filterCities, initialCitiesState, type CitiesState } from '../../src/ui/cities/cities-state.js';
import { inForceOn, timelineKey, timelineStart, type TimelineState } from '../../src/ui/timeline/timeline-state.js';
import { diffKey, initialDiffState, type DiffState } from '../../src/ui/diff/diff-state.js';
import { noticeKey, initialNoticeState } from '../../src/ui/notice/notice-state.js';
import { importKey as importKeyChecked, initialImportState, type ImportStep } from '../../src/ui/import/import-state.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import type { CitySummary } from '../../src/ui/backend.js';
import { GOYANG_LEDGER, goyangDiff } from './fixtures.js';
import { drive } from './drive.js';

setLanguage('ko');

/** The import reducer with every typed path taken as given (the path check has its own tests). */
const importKey = (s: ImportStep, input: string, key: Key) => importKeyChecked(s, input, key, (path) => ({ path }));

const CITIES: CitySummary[] = [
  { slug: 'goyang', city: '고양특례시', newest: '2020-07-17', archived: 1, known: 4 },
  { slug: 'iksan', city: '익산시', newest: '2012-03-26', archived: 1, known: 2 },
  { slug: 'paju', city: '파주시', newest: '2024-09-30', archived: 1, known: 12 },
];


describe('screen stack', () => {
  test('q goes back, and quits on the first screen; ? toggles the key list, which q closes first', () => {
    let s = initialAppState();
    s = appReducer(s, { type: 'push', screen: { kind: 'timeline', slug: 'goyang', city: '고양특례시' } });
    expect(currentScreen(s).kind).toBe('timeline');
    s = appReducer(s, { type: 'help' });
    s = appReducer(s, { type: 'back' });
    expect(s.help).toBe(false);
    expect(currentScreen(s).kind).toBe('timeline');
    s = appReducer(s, { type: 'back' });
    expect(currentScreen(s).kind).toBe('cities');
    expect(s.quit).toBe(false);
    expect(appReducer(s, { type: 'back' }).quit).toBe(true);
  });
});

describe('cities', () => {
  const reduce = (s: CitiesState, input: string, key: Key) => citiesKey(s, CITIES, input, key);

  test('typing filters by Korean name or slug; Esc clears the filter, and never quits', () => {
    expect(filterCities(CITIES, '파주').map((c) => c.slug)).toEqual(['paju']);
    const { state } = drive(initialCitiesState, reduce, ['익산']);
    expect(state.filter).toBe('익산');
    expect(drive(state, reduce, [{ return: true }]).last).toMatchObject({ kind: 'open', screen: { kind: 'timeline', slug: 'iksan', city: '익산시' } });
    expect(drive(state, reduce, [{ escape: true }]).state.filter).toBe('');
    expect(drive(initialCitiesState, reduce, [{ escape: true }]).last.kind).toBe('none');
  });

  test('typed letters never trigger commands, from the first letter on: iksan, c, q, i are all filter text', () => {
    const iksan = drive(initialCitiesState, reduce, ['iksan']);
    expect(iksan.last.kind).toBe('state');
    expect(iksan.state.filter).toBe('iksan');
    expect(filterCities(CITIES, iksan.state.filter).map((c) => c.slug)).toEqual(['iksan']);
    for (const letter of ['c', 'q', 'i', 'j', 'k']) {
      const typed = drive(initialCitiesState, reduce, [letter]);
      expect(typed.last.kind).toBe('state');
      expect(typed.state.filter).toBe(letter);
      expect(typed.state.compareFrom).toBeUndefined();
    }
  });

  test('commands are Ctrl+keys: ^D compares two cities, ^O imports, ^Q quits; enter opens the timeline', () => {
    expect(drive(initialCitiesState, reduce, [{ downArrow: true }, { return: true }]).last).toMatchObject({ kind: 'open', screen: { kind: 'timeline', slug: 'iksan' } });
    const compare = drive(initialCitiesState, reduce, [{ ctrl: true }]);
    expect(compare.last.kind).toBe('none');
    const marked = citiesKey(initialCitiesState, CITIES, 'd', press({ ctrl: true }));
    expect(marked).toMatchObject({ kind: 'state', state: { compareFrom: 'goyang' } });
    const from = (marked as { state: CitiesState }).state;
    const opened = drive(from, reduce, [{ downArrow: true }, { downArrow: true }, { return: true }]);
    expect(opened.last).toMatchObject({ kind: 'open', screen: { kind: 'diff', oldRef: 'goyang', newRef: 'paju', crossCity: true } });
    expect(drive(from, reduce, [{ return: true }]).state.message).toBe('비교할 다른 기관을 고르세요.');
    expect(citiesKey(initialCitiesState, CITIES, 'o', press({ ctrl: true }))).toMatchObject({ kind: 'open', screen: { kind: 'import', slug: 'goyang', city: '고양특례시' } });
    expect(citiesKey(initialCitiesState, CITIES, 'q', press({ ctrl: true })).kind).toBe('quit');
  });

  test('no sticky compare mode: the screen left behind a comparison is out of compare mode', () => {
    const from = (citiesKey(initialCitiesState, CITIES, 'd', press({ ctrl: true })) as { state: CitiesState }).state;
    const opened = drive(from, reduce, [{ downArrow: true }, { return: true }]).last;
    expect(opened.kind).toBe('open');
    const behind = (opened as { state: CitiesState }).state;
    expect(behind.compareFrom).toBeUndefined();
    // Back on the cities, enter opens the focused city's timeline, not a second comparison.
    expect(drive(behind, reduce, [{ return: true }]).last).toMatchObject({ kind: 'open', screen: { kind: 'timeline', slug: 'iksan' } });
  });
});

describe('timeline', () => {
  const data = { ledger: { city: '고양특례시', slug: 'goyang', versions: GOYANG_LEDGER }, draft: null, today: '2026-12-01' };
  const reduce = (s: TimelineState, input: string, key: Key) => timelineKey(s, data, input, key, (typed) => ({ path: typed }));
  const start = timelineStart(GOYANG_LEDGER);

  test('starts on the newest version; d compares it with the previous one that has text', () => {
    expect(start.cursor).toBe(4);
    expect(drive(start, reduce, ['d']).last).toMatchObject({ kind: 'open', screen: { kind: 'diff', oldRef: 'goyang@2020-07-17', newRef: 'goyang@2025-01-01', crossCity: false } });
  });

  test('space marks the first version, enter the second; the mark is spent once the diff opens', () => {
    const marked = drive(start, reduce, [{ upArrow: true }, ' ', { downArrow: true }, { return: true }]);
    expect(marked.last).toMatchObject({ kind: 'open', screen: { kind: 'diff', oldRef: 'goyang@2020-07-17', newRef: 'goyang@2025-01-01', crossCity: false } });
    expect((marked.last as { state: TimelineState }).state.mark).toBeUndefined();
  });

  test('versions without text explain why they cannot be diffed', () => {
    const { state, last } = drive(start, reduce, [{ upArrow: true }, { upArrow: true }, 'd']);
    expect(last.kind).toBe('state');
    expect(state.message).toContain('2016-12-02 ~ 2020-07-16의 본문이 저장소에 없습니다');
    expect(state.message).toContain('2016. 12. 02. ~ 2020. 07. 16. 적용');
    expect(drive(start, reduce, [{ upArrow: true }, 'd']).state.message).toContain('본문 있는 가장 오래된 판');
  });

  test('@ jumps to the version in force on a date, and refuses what is not a date', () => {
    expect(inForceOn(GOYANG_LEDGER, '2016-06-01')).toBe(1);
    const { state } = drive(start, reduce, ['@', '2016-06-01', { return: true }]);
    expect(state.cursor).toBe(1);
    expect(state.message).toBe('2016-06-01에 시행 중: 2016-05-16 ~ 2016-12-01 (본문 없음).');
    const bad = drive(start, reduce, ['@', '2016/06/01', { return: true }]).state;
    expect(bad.prompt?.problem).toMatch(/날짜가 아닙니다/);
  });
});

describe('diff', () => {
  const diff = goyangDiff();
  const layout = { detailLength: 40, detailHeight: 10 };
  const refs = { oldRef: 'goyang@2020-07-17', newRef: 'goyang@2025-01-01', crossCity: false };
  const reduce = (s: DiffState, input: string, key: Key) => diffKey(s, diff, layout, input, key, refs);
  const title = (s: DiffState) => diff.articles[s.cursor]!.new[0]?.title;

  test('opens on the first substantive change; n/N walk the changes and wrap', () => {
    const start = initialDiffState(diff);
    expect(title(start)).toBe('개인정보의 안전성 확보조치');
    const n1 = drive(start, reduce, ['n']).state;
    expect(title(n1)).toBe('개인정보 보호책임자');
    const n2 = drive(n1, reduce, ['n']).state;
    expect(title(n2)).toBe('개인정보 처리방침 변경');
    const wrapped = drive(n2, reduce, ['n']).state;
    expect(title(wrapped)).toBe('개인정보의 안전성 확보조치');
    expect(wrapped.message).toBe('첫 변경으로 돌아왔습니다.');
    expect(title(drive(start, reduce, ['N']).state)).toBe('개인정보 처리방침 변경');
  });

  test('s, e and f toggle; / searches article text; t opens the notice', () => {
    const start = initialDiffState(diff);
    const toggled = drive(start, reduce, ['s', 'e']).state;
    expect([toggled.sideBySide, toggled.editorial]).toEqual([true, true]);
    expect(drive(start, reduce, ['f']).state.facts).toBe(true);
    expect(drive(start, reduce, ['f', 'f']).state.facts).toBe(false);
    const found = drive(start, reduce, ['/', '권익침해', { return: true }]).state;
    expect(title(found)).toBe('권익침해 구제방법');
    expect(drive(start, reduce, ['/', '없는말', { return: true }]).state.message).toBe('"없는말"이(가) 든 조항이 없습니다.');
    expect(drive(start, reduce, ['t']).last).toEqual({ kind: 'open', screen: { kind: 'notice', oldRef: refs.oldRef, newRef: refs.newRef } });
    const cross = diffKey(start, diff, layout, 't', press(), { ...refs, crossCity: true });
    expect(cross.kind === 'state' && cross.state.message).toMatch(/한 기관의 두 판/);
  });

  test('/ starts a fresh query (the old one is not kept to append to); an empty enter finds its next match', () => {
    const start = initialDiffState(diff);
    const first = drive(start, reduce, ['/', '정보주체', { return: true }]).state;
    expect(first.search).toBe('정보주체');
    const again = drive(first, reduce, ['/']).state;
    expect(again.prompt?.value).toBe('');
    expect(title(drive(first, reduce, ['/', '권익침해', { return: true }]).state)).toBe('권익침해 구제방법');
    const next = drive(first, reduce, ['/', { return: true }]).state;
    expect(next.search).toBe('정보주체');
    expect(next.cursor).not.toBe(first.cursor);
  });

  test('the detail pane scrolls by pages within its length', () => {
    const start = initialDiffState(diff);
    expect(drive(start, reduce, [{ pageDown: true }]).state.scroll).toBe(8);
    expect(drive(start, reduce, [{ pageDown: true }, { pageDown: true }, { pageDown: true }, { pageDown: true }]).state.scroll).toBe(30);
    expect(drive(start, reduce, [{ pageDown: true }, { downArrow: true }]).state.scroll).toBe(0);
  });
});

describe('notice', () => {
  const layout = { length: 100, height: 20, partStarts: [0, 12, 25] };
  const reduce = (s: typeof initialNoticeState, input: string, key: Key) => noticeKey(s, layout, '/work/out', input, key);

  test('scrolls, jumps to the three parts, and w asks where to write', () => {
    expect(drive(initialNoticeState, reduce, ['3']).state.scroll).toBe(25);
    expect(drive(initialNoticeState, reduce, [{ end: true }]).state.scroll).toBe(80);
    const asked = drive(initialNoticeState, reduce, ['w']).state;
    expect(asked.prompt?.value).toBe('/work/out');
    expect(drive(initialNoticeState, reduce, ['w', { return: true }]).last).toMatchObject({ kind: 'write', dir: '/work/out', overwrite: false });
    expect(drive(initialNoticeState, reduce, ['w', { ctrl: true }, { escape: true }]).state.prompt).toBeUndefined();
  });

  test('files already there are overwritten only after y; n keeps them and says nothing was written', () => {
    const confirming = { ...initialNoticeState, confirm: { dir: '/work/out', existing: ['/work/out/goyang-2025-01-01-notice.txt'] } };
    expect(drive(confirming, reduce, ['y']).last).toMatchObject({ kind: 'write', dir: '/work/out', overwrite: true });
    const kept = drive(confirming, reduce, ['n']).state;
    expect(kept.confirm).toBeUndefined();
    expect(kept.message).toBe('아무것도 쓰지 않았습니다: 다른 디렉터리를 고르려면 w.');
    expect(drive(confirming, reduce, [{ escape: true }]).last.kind).toBe('state');
    // Other keys do nothing while the question is open: no write, no scrolling away.
    expect(drive(confirming, reduce, ['3']).last.kind).toBe('none');
  });
});

describe('import', () => {
  test('path, then effective date (checked), then the preview is requested', () => {
    const typed = drive<ImportStep, ReturnType<typeof importKey>>(initialImportState(), importKey, ['draft.txt', { return: true }, '2025-13-45x', { return: true }]);
    expect(typed.state.step).toBe('effective');
    expect(typed.state.step === 'effective' && typed.state.prompt.problem).toMatch(/날짜가 아닙니다/);
    const ok = drive<ImportStep, ReturnType<typeof importKey>>(initialImportState(), importKey, ['draft.txt', { return: true }, '2025-01-01', { return: true }]);
    expect(ok.last).toEqual({ kind: 'preview', state: { step: 'previewing', path: 'draft.txt', effective: '2025-01-01' } });
    expect(drive<ImportStep, ReturnType<typeof importKey>>(initialImportState(), importKey, [{ escape: true }]).last.kind).toBe('back');
  });
});
