/** The diff screen's article list marks and colours what the diff report lists (presentation/badges.ts), on real seed edits. */
import { describe, expect, test } from 'vitest';
import { diffVersions, type PolicyDiff } from '../../src/domain/diff/index.js';
import { isListed } from '../../src/domain/presentation/badges.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import { articleListLine } from '../../src/ui/diff/diff-render.js';
import { diffKey, initialDiffState } from '../../src/ui/diff/diff-state.js';
import { press } from '../../src/ui/keys.js';
import { deleteArticle, moveArticle, parse, replaceOnce, seedText } from '../diff/seeds.js';

setLanguage('ko');

const goyang = seedText('goyang');
const diffTo = (edited: string): PolicyDiff => diffVersions(parse(goyang), parse(edited), { editorial: true, unchangedText: true });
const lineText = (diff: PolicyDiff, index: number, editorial: boolean) => articleListLine(diff.articles[index]!, 60, editorial).map((s) => s.text).join('');
/** The list's mark column: ● substantive, · editorial (when shown), blank otherwise. */
const marks = (diff: PolicyDiff, editorial: boolean) => diff.articles.map((_, i) => lineText(diff, i, editorial)[0]);
const tones = (diff: PolicyDiff, index: number, editorial: boolean) =>
  articleListLine(diff.articles[index]!, 60, editorial)
    .slice(2)
    .filter((s) => s.text.trim() !== '')
    .map((s) => `${s.text}:${s.tone ?? ''}`);

describe('the article list follows the listed rule', () => {
  test('an article moved untouched is a substantive change: marked ●, opened on and visited by n', () => {
    const diff = diffTo(moveArticle(goyang, 9, 10));
    const moved = diff.articles.flatMap((e, i) => (e.moved ? [i] : []));
    expect(moved).toHaveLength(2);
    for (const i of moved) expect(lineText(diff, i, false)).toMatch(/^● 제1[01]조→제1[01]조 .* 번호변경 이동$/u);
    expect(marks(diff, false).filter((m) => m === '●')).toHaveLength(2);
    const start = initialDiffState(diff);
    expect(start.cursor).toBe(moved[0]);
    const next = diffKey(start, diff, { detailLength: 10, detailHeight: 10 }, 'n', press(), { oldRef: 'a', newRef: 'b', crossCity: false });
    expect(next.kind === 'state' && next.state.cursor).toBe(moved[1]);
    expect(tones(diff, moved[0]!, false).slice(-2)).toEqual(['번호변경:accent', '이동:accent']);
  });

  test('renumbered articles are marked · and dimmed only while editorial changes are shown, as the report lists them', () => {
    const diff = diffTo(deleteArticle(goyang, 3));
    const renumbered = diff.articles.flatMap((e, i) => (e.renumbered && !e.substantive ? [i] : []));
    expect(renumbered).toHaveLength(8);
    for (const editorial of [false, true]) {
      expect(marks(diff, editorial)).toEqual(diff.articles.map((e) => (isListed(e, false) ? '●' : isListed(e, editorial) ? '·' : ' ')));
    }
    expect(renumbered.map((i) => marks(diff, true)[i])).toEqual(Array(8).fill('·'));
    expect(renumbered.map((i) => marks(diff, false)[i])).toEqual(Array(8).fill(' '));
    expect(tones(diff, renumbered[0]!, true).at(-1)).toBe('번호변경:editorial');
  });

  test('a new title counts as a modification: 수정 and 제목변경 in the modified colour', () => {
    const diff = diffTo(replaceOnce(goyang, '제7조. 개인정보의 파기', '제7조. 개인정보의 파기 절차 및 방법'));
    const index = diff.articles.findIndex((e) => e.retitled);
    expect(lineText(diff, index, false)).toMatch(/^● 제7조 개인정보의 파기 절차 및 방법 +수정 제목변경$/u);
    expect(tones(diff, index, false).slice(-2)).toEqual(['수정:modified', '제목변경:modified']);
  });
});
