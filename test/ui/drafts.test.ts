/**
 * Drafts in the UI, as pure reducers driven key by key: the timeline's 초안 row and its keys, the
 * draft's review screen, and publishing (the confirmation, the second key a law finding needs, the
 * date asked when the draft states none). The review is real: 고양's seed against the officer's
 * mistaken draft (제5조 left out), diffed and checked by the real engines.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { press, type Key } from '../../src/ui/keys.js';
import { appReducer, currentScreen, initialAppState } from '../../src/ui/app-state.js';
import { entryLabel, timelineKey, timelineKeys, timelineStart, type TimelineData, type TimelineOutcome, type TimelineState } from '../../src/ui/timeline/timeline-state.js';
import { draftKey, draftKeys, initialDraftState, type DraftOutcome, type DraftState } from '../../src/ui/draft/draft-state.js';
import { reviewLines } from '../../src/ui/draft/review-lines.js';
import { afterReview, publishKey, publishKeys, type PublishAction, type PublishStep } from '../../src/ui/publish/publish-state.js';
import { footerKeys } from '../../src/ui/widgets/footer.js';
import { checkTypedFile } from '../../src/ui/paths.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { diffVersions } from '../../src/domain/diff/index.js';
import { checkVersion } from '../../src/domain/check/index.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import type { DraftInfo, DraftReview } from '../../src/ui/backend.js';
import type { LedgerEntry } from '../../src/domain/model.js';
import { GOYANG_LEDGER, GOYANG_SEED, goyangDraftText } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { drive } from './drive.js';

setLanguage('ko');


/** 고양 with one archived version (2020-07-17, in force) and the sample's draft for 2027-03-01. */
const ARCHIVED: LedgerEntry[] = GOYANG_LEDGER.slice(0, 4).map((e, i) => (i === 3 ? { ...e, until: null } : e));
const DRAFT: DraftInfo = { slug: 'goyang', effective: '2027-03-01', revisions: 1, saved: '2026-12-01T02:00:00.000Z' };
const withDraft: TimelineData = { ledger: { city: '고양특례시', slug: 'goyang', versions: ARCHIVED }, draft: DRAFT, today: '2026-12-01' };
const withoutDraft: TimelineData = { ...withDraft, draft: null };

function review(options: { omitRights: boolean; effective?: string | null }): DraftReview {
  const before = parsePolicy(readFileSync(GOYANG_SEED), { slug: 'goyang' }).version;
  const parsed = parsePolicy(goyangDraftText({ omitRights: options.omitRights }), { slug: 'goyang' }).version;
  const version = { ...parsed, effective: options.effective === undefined ? parsed.effective : options.effective };
  const diff = diffVersions(before, version, { editorial: false, oldLabel: 'goyang@2020-07-17', newLabel: 'goyang#draft' });
  return { effective: version.effective, against: 'goyang@2020-07-17', diff, check: checkVersion(version, { ledger: null, draft: true, label: 'goyang#draft' }) };
}

describe('the timeline with a draft', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangchim-ui-drafts-'));
  const corrected = join(dir, '고양 초안 (고침).txt');
  writeFileSync(corrected, goyangDraftText({ omitRights: false }));
  const reduce = (data: TimelineData) => (s: TimelineState, input: string, key: Key) => timelineKey(s, data, input, key, (typed) => checkTypedFile(typed, dir));
  const start = timelineStart(ARCHIVED);

  test('the draft is the row after the newest version: enter reviews it, d diffs it with the version in force, t its notice, p publishes', () => {
    const onDraft = drive(start, reduce(withDraft), [{ downArrow: true }]).state;
    expect(onDraft.cursor).toBe(ARCHIVED.length);
    // Down stops at the draft: there is no row after it.
    expect(drive(onDraft, reduce(withDraft), [{ downArrow: true }]).state.cursor).toBe(ARCHIVED.length);
    expect(reduce(withDraft)(onDraft, '', press({ return: true }))).toMatchObject({ kind: 'open', screen: { kind: 'draft', slug: 'goyang', city: '고양특례시' } });
    expect(reduce(withDraft)(onDraft, 'd', press())).toMatchObject({ kind: 'open', screen: { kind: 'diff', oldRef: 'goyang@2020-07-17', newRef: 'goyang#draft', crossCity: false } });
    expect(reduce(withDraft)(onDraft, 't', press())).toMatchObject({ kind: 'open', screen: { kind: 'notice', oldRef: 'goyang@2020-07-17', newRef: 'goyang#draft' } });
    expect(reduce(withDraft)(onDraft, 'p', press())).toMatchObject({ kind: 'open', screen: { kind: 'publish', slug: 'goyang' } });
    // Without a draft there is no such row, and x and p say why nothing happens.
    expect(drive(start, reduce(withoutDraft), [{ downArrow: true }]).state.cursor).toBe(ARCHIVED.length - 1);
    expect(drive(start, reduce(withoutDraft), ['p']).state.message).toBe('고양특례시에는 초안이 없습니다: o로 파일에서 초안을 만드세요.');
  });

  test('o asks for a file and checks it at once: ~ and quotes as drag-and-drop writes them; a wrong path is said before anything is written', () => {
    const asked = drive(start, reduce(withDraft), ['o']).state;
    expect(asked.filePrompt?.label).toBe('초안을 고칠 파일 (고친 본문 전체):');
    expect(drive(start, reduce(withoutDraft), ['o']).state.filePrompt?.label).toBe('초안으로 만들 파일 (텍스트, 저장한 HTML, YAML):');
    const missing = drive(asked, reduce(withDraft), [`'${join(dir, 'nope.txt')}'`, { return: true }]);
    expect(missing.last.kind).toBe('state');
    expect(missing.state.filePrompt?.problem).toBe(`파일이 없습니다: ${join(dir, 'nope.txt')}. 경로를 확인하세요.`);
    const saved = drive(asked, reduce(withDraft), [`'${corrected}'`, { return: true }]).last as TimelineOutcome;
    expect(saved).toMatchObject({ kind: 'saveDraft', path: corrected });
    // Esc closes the prompt and stays on the timeline.
    expect(drive(asked, reduce(withDraft), [{ escape: true }]).state.filePrompt).toBeUndefined();
  });

  test('x asks before deleting: y deletes, n keeps it', () => {
    const asked = drive(start, reduce(withDraft), [{ downArrow: true }, 'x']).state;
    expect(asked.confirmDelete).toBe(true);
    expect(asked.message).toContain('2027-03-01 초안을(를) 지울까요?');
    expect(reduce(withDraft)(asked, 'y', press())).toMatchObject({ kind: 'deleteDraft' });
    const kept = drive(asked, reduce(withDraft), ['n']);
    expect(kept.state).toMatchObject({ confirmDelete: undefined, message: '초안을 그대로 두었습니다.' });
    // Esc answers no, and never leaves the screen.
    expect(drive(asked, reduce(withDraft), [{ escape: true }]).last.kind).toBe('state');
  });

  test('a version not yet in force says 시행 예정; the one in force until then says 시행 중', () => {
    const published: LedgerEntry[] = [...ARCHIVED.slice(0, 3), { ...ARCHIVED[3]!, until: '2027-02-28' }, { effective: '2027-03-01', until: null, archived: true, tag: 'goyang@2027-03-01' }];
    const data: TimelineData = { ledger: { city: '고양특례시', slug: 'goyang', versions: published }, draft: null, today: '2026-12-01' };
    const state = timelineStart(published);
    expect(drive(state, reduce(data), [' ']).state.message).toBe('2027-03-01 ~ 시행 예정을(를) 표시했습니다: 다른 판으로 옮겨 Enter를 누르세요.');
    expect(drive(state, reduce(data), ['@', '2026-12-01', { return: true }]).state.message).toBe('2026-12-01에 시행 중: 2020-07-17 ~ 시행 중 (본문 있음).');
    expect(entryLabel(published[3]!, 'superseded')).toBe('2020-07-17 ~ 2027-02-28');
  });
});

describe('the draft review screen', () => {
  const mistaken = review({ omitRights: true });
  const body = { slug: 'goyang', city: '고양특례시', review: mistaken, lines: 40, height: 10 };
  const reduce = (s: DraftState, input: string, key: Key): DraftOutcome => draftKey(s, body, input, key, (typed) => ({ path: typed }));

  test('the check panel lists the findings by tier with their basis: the missing 제5조 is the law’s', () => {
    const lines = reviewLines('goyang', mistaken, '2026-12-01', 76).map((l) => l.text);
    expect(lines[0]).toBe('비교 대상  goyang@2020-07-17 → goyang#draft');
    expect(lines[1]).toMatch(/^변경 {7}실질 \d+ · 삭제 1 · 수정 \d+/);
    expect(lines).toContain('시행일     2027-03-01 (게시하면 시행 예정: 오늘은 2026-12-01)');
    const law = lines.findIndex((l) => l.startsWith('법령 1건'));
    const guideline = lines.findIndex((l) => l.startsWith('표준지침 '));
    const recommended = lines.findIndex((l) => l.startsWith('권장 '));
    expect(law).toBeGreaterThan(0);
    expect(guideline).toBeGreaterThan(law);
    expect(recommended).toBeGreaterThan(guideline);
    const lawText = lines.slice(law + 1, guideline).join(' ');
    expect(lawText).toContain('✖ 「정보주체와 법정대리인의 권리·의무 및 행사방법」');
    expect(lawText).toContain('(법 제30조 ①5)');
    // The corrected draft has no finding of the law.
    const fixed = reviewLines('goyang', review({ omitRights: false }), '2026-12-01', 76).map((l) => l.text);
    expect(fixed).toContain('법령 0건 (개인정보 보호법·시행령: 게시하려면 따로 받아들여야 함)');
    expect(fixed.join(' ')).not.toContain('✖');
  });

  test('d diffs it with the version it follows, t opens its notice, p publishing, o revises it', () => {
    expect(reduce(initialDraftState, 'd', press())).toMatchObject({ kind: 'open', screen: { kind: 'diff', oldRef: 'goyang@2020-07-17', newRef: 'goyang#draft' } });
    expect(reduce(initialDraftState, 't', press())).toMatchObject({ kind: 'open', screen: { kind: 'notice', oldRef: 'goyang@2020-07-17', newRef: 'goyang#draft' } });
    expect(reduce(initialDraftState, 'p', press())).toMatchObject({ kind: 'open', screen: { kind: 'publish', slug: 'goyang' } });
    expect(drive(initialDraftState, reduce, ['o', '~/고양.txt', { return: true }]).last).toMatchObject({ kind: 'saveDraft', path: '~/고양.txt' });
    // While the prompt is open, letters are the path: t opens no notice.
    expect(drive(initialDraftState, reduce, ['o', 't']).state.filePrompt?.value).toBe('t');
  });
});

describe('publishing', () => {
  const layout = { lines: 40, height: 10 };
  const reduce = (s: PublishStep, input: string, key: Key): PublishAction => publishKey(s, layout, input, key);

  test('without a finding of the law, y publishes; n and Esc cancel', () => {
    const confirm = afterReview(review({ omitRights: false }));
    expect(confirm).toMatchObject({ step: 'confirm', effective: '2027-03-01' });
    expect(reduce(confirm, 'y', press())).toMatchObject({ kind: 'publish', state: { step: 'publishing', effective: '2027-03-01', acceptFindings: false } });
    expect(reduce(confirm, 'n', press()).kind).toBe('back');
    expect(reduce(confirm, '', press({ escape: true })).kind).toBe('back');
  });

  test('a finding of the law needs a second, different key: y then y never publishes; a accepts (as --accept-findings)', () => {
    const confirm = afterReview(review({ omitRights: true }));
    const asked = drive(confirm, reduce, ['y']);
    expect(asked.state.step).toBe('accept');
    expect(reduce(asked.state, 'y', press()).kind).toBe('none');
    expect(reduce(asked.state, '', press({ return: true })).kind).toBe('none');
    expect(reduce(asked.state, 'a', press())).toMatchObject({ kind: 'publish', state: { acceptFindings: true, effective: '2027-03-01' } });
    // n goes back to the first question, not out.
    expect(drive(asked.state, reduce, ['n']).state.step).toBe('confirm');
  });

  test('a draft that states no date is asked for one, checked, then read again with it', () => {
    const dateless = afterReview(review({ omitRights: false, effective: null }));
    expect(dateless.step).toBe('date');
    expect(drive(dateless, reduce, [{ return: true }]).state).toMatchObject({ prompt: { problem: '시행일을 적으세요: 시행일 없이는 게시하지 않습니다.' } });
    expect(drive(dateless, reduce, ['2027/03/01', { return: true }]).state).toMatchObject({ prompt: { problem: '"2027/03/01"은(는) 날짜가 아닙니다: 2027-03-01처럼 YYYY-MM-DD로 쓰세요.' } });
    expect(drive(dateless, reduce, ['2027-03-01', { return: true }]).last).toMatchObject({ kind: 'review', state: { step: 'loading', effective: '2027-03-01' } });
  });

  test('after publishing, Enter goes back to the timeline; Esc on an error goes back one screen', () => {
    const done: PublishStep = { step: 'done', published: { tag: 'goyang@2027-03-01', commit: 'abcdef1234', effective: '2027-03-01' }, status: 'scheduled' };
    expect(reduce(done, '', press({ return: true })).kind).toBe('timeline');
    expect(reduce({ step: 'failed', message: 'x' }, '', press({ escape: true })).kind).toBe('back');
    expect(reduce({ step: 'failed', message: 'x' }, '', press({ return: true }))).toMatchObject({ kind: 'review' });
  });

  test('backTo pops the draft screens off to the timeline', () => {
    let state = initialAppState();
    for (const screen of [{ kind: 'timeline', slug: 'goyang', city: '고양특례시' }, { kind: 'draft', slug: 'goyang', city: '고양특례시' }, { kind: 'publish', slug: 'goyang', city: '고양특례시' }] as const) state = appReducer(state, { type: 'push', screen });
    state = appReducer(state, { type: 'backTo', kind: 'timeline' });
    expect(state.stack.map((s) => s.kind)).toEqual(['cities', 'timeline']);
    expect(currentScreen(state)).toMatchObject({ kind: 'timeline', slug: 'goyang' });
  });
});

describe('80 columns: the primary keys of every new state stay in the footer', () => {
  const onDraft: TimelineState = { cursor: ARCHIVED.length };
  const mistaken = review({ omitRights: true });
  for (const lang of ['ko', 'en'] as const) {
    test(lang, () => {
      try {
        setLanguage(lang);
        const lists = {
          'timeline on a version': timelineKeys(timelineStart(ARCHIVED), withDraft),
          'timeline on the draft': timelineKeys(onDraft, withDraft),
          'timeline, file prompt': timelineKeys({ ...onDraft, filePrompt: { label: '', value: '' } }, withDraft),
          'timeline, delete?': timelineKeys({ ...onDraft, confirmDelete: true }, withDraft),
          draft: draftKeys(),
          'publish, confirm': publishKeys(afterReview(mistaken)),
          'publish, accept': publishKeys({ ...(afterReview(mistaken) as PublishStep & { step: 'confirm' }), step: 'accept' }),
          'publish, date': publishKeys(afterReview({ ...mistaken, effective: null })),
        };
        for (const [state, list] of Object.entries(lists)) {
          const shown = footerKeys(list, 80).map((k) => k.key);
          const primary = list.filter((k) => k.primary).map((k) => k.key);
          expect([state, shown.filter((k) => primary.includes(k))]).toEqual([state, primary]);
        }
        // The draft row's own keys are the primary ones there.
        expect(lists['timeline on the draft'].filter((k) => k.primary).map((k) => k.key)).toEqual(['Enter', 'd', 't', 'p', 'o', 'x', 'q']);
      } finally {
        setLanguage('ko');
      }
    });
  }
});
