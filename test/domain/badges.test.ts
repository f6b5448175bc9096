/**
 * Which entries of a diff are listed, and the badges they carry: one rule for the diff report and the
 * diff screen, asserted on real seeds edited the way a body edits its policy.
 */
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import { diffVersions, formatDiffMarkdown, formatDiffText, refLabel, type ArticleEntry, type PolicyDiff } from '../../src/domain/diff/index.js';
import { badgeLabel, entryBadges, isListed, isSubstantive, listing, type BadgeToken } from '../../src/domain/presentation/badges.js';
import { deleteArticle, headingLines, moveArticle, parse, renumberFrom, replaceOnce, respace, seedText, seedVersion } from '../diff/seeds.js';

const goyang = seedText('goyang');

/** Joins the (k+1)-th article into the k-th: its heading goes, the later ones are renumbered. */
function mergeWithNext(text: string, k: number): string {
  const lines = text.split('\n');
  const next = headingLines(text)[k + 1]!;
  return renumberFrom([...lines.slice(0, next), ...lines.slice(next + 1)].join('\n'), k + 1, -1);
}

/** 고양 with 제8조 split before its 5th item, an article on pseudonymised data added before the last, 보호책임자's phone changed. */
function splitAndAdded(): string {
  let edited = renumberFrom(goyang, 8, 1);
  edited = replaceOnce(edited, '\n5. 개인정보의 암호화\n', '\n제9조. 개인정보의 암호화 및 출입 통제\n\n5. 개인정보의 암호화\n');
  edited = renumberFrom(edited, 12, 1);
  edited = replaceOnce(
    edited,
    '\n제14조. 개인정보 처리방침 변경',
    '\n제13조. 가명정보의 처리\n\n고양시는 통계작성, 과학적 연구, 공익적 기록보존 등을 위하여 가명정보를 처리하는 경우 그 목적과 기간을 이 처리방침으로 공개합니다.\n\n제14조. 개인정보 처리방침 변경',
  );
  return replaceOnce(edited, '031-8075-2020', '031-8075-2030');
}

const names = (refs: ArticleEntry['old']): string => refs.map(refLabel).join('·');
/** What a reader sees of a listed entry: `제8조→제9조 수정 번호변경`. */
function row(entry: ArticleEntry, editorial: boolean): string {
  const from = names(entry.old);
  const to = names(entry.new);
  const where = from === to || to === '' ? from : from === '' ? to : `${from}→${to}`;
  return [where, ...entryBadges(entry, { editorial }).map((b) => badgeLabel(b.token))].join(' ');
}
const rows = (diff: PolicyDiff, editorial: boolean): string[] => diff.articles.filter((e) => isListed(e, editorial)).map((e) => row(e, editorial));
const renumberedOnly = (from: number, to: number, by: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `제${from + i}조→제${from + i + by}조 번호변경`);

describe('badges and listed entries, on real seeds', () => {
  it('an article deleted: 삭제 always; the renumbered rest only with editorial changes shown', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(deleteArticle(goyang, 3)));
    expect(rows(diff, false)).toEqual(['제4조 삭제']);
    expect(rows(diff, true)).toEqual(['제4조 삭제', ...renumberedOnly(5, 12, -1)]);
  });

  it('renumbered and respaced: 번호변경 편집, listed only with editorial changes shown', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(respace(deleteArticle(goyang, 3))));
    expect(rows(diff, false)).toEqual(['제4조 삭제']);
    expect(rows(diff, true).filter((r) => r.startsWith('제'))).toEqual([
      ...Array.from({ length: 3 }, (_, i) => `제${i + 1}조 편집`),
      '제4조 삭제',
      ...renumberedOnly(5, 12, -1).map((r) => `${r} 편집`),
    ]);
  });

  it('an article split in two, one added, one rewritten and renumbered: 분할, 신설, 수정 번호변경', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(splitAndAdded()));
    expect(rows(diff, false)).toEqual(['제8조→제8조·제9조 분할', '제9조→제10조 수정 번호변경', '제13조 신설']);
    expect(rows(diff, true)).toEqual(['제8조→제8조·제9조 분할', '제9조→제10조 수정 번호변경', ...renumberedOnly(10, 11, 1), '제13조 신설', '제12조→제14조 번호변경']);
  });

  it('two articles merged: 병합', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(mergeWithNext(goyang, 3)));
    expect(rows(diff, false)).toEqual(['제4조·제5조→제4조 병합']);
    expect(rows(diff, true)).toEqual(['제4조·제5조→제4조 병합', ...renumberedOnly(6, 12, -1)]);
  });

  it('an article moved, its text untouched: 번호변경 이동, a substantive change although no word changed', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(moveArticle(goyang, 9, 10)));
    expect(rows(diff, false)).toEqual(['제11조→제10조 번호변경 이동', '제10조→제11조 번호변경 이동']);
    const moved = diff.articles.filter((e) => e.moved);
    expect(moved.map((e) => e.status)).toEqual(['unchanged', 'unchanged']);
    expect(moved.every(isSubstantive)).toBe(true);
    expect(diff.summary.moved).toBe(2);
  });

  it('a new title: 수정 제목변경', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(replaceOnce(goyang, '제7조. 개인정보의 파기', '제7조. 개인정보의 파기 절차 및 방법')));
    expect(rows(diff, false)).toEqual(['제7조 수정 제목변경']);
  });

  it('spacing changed everywhere: nothing listed, and with editorial changes shown every article as 편집', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(respace(goyang)));
    expect(rows(diff, false)).toEqual([]);
    expect(diff.articles.filter((e) => e.status === 'modified').every((e) => listing(e, true) === 'editorial' && !isSubstantive(e))).toBe(true);
    expect(rows(diff, true).filter((r) => r.startsWith('제'))).toEqual(Array.from({ length: 12 }, (_, i) => `제${i + 1}조 편집`));
  });

  it('names every token with its word, in the catalogue', () => {
    const tokens: BadgeToken[] = ['added', 'removed', 'modified', 'split', 'merged', 'renumbered', 'retitled', 'moved', 'editorial'];
    expect(tokens.map(badgeLabel)).toEqual(['신설', '삭제', '수정', '분할', '병합', '번호변경', '제목변경', '이동', '편집']);
    // In English the words are English, as every other word of the report is.
    setLanguage('en');
    try {
      expect(tokens.map(badgeLabel)).toEqual(['added', 'removed', 'modified', 'split', 'merged', 'renumbered', 'retitled', 'moved', 'editorial']);
    } finally {
      setLanguage('ko');
    }
  });

  it('a badge knows whether its entry is substantive (a renumbering of a rewritten article weighs more)', () => {
    const diff = diffVersions(seedVersion('goyang'), parse(splitAndAdded()));
    const renumberings = diff.articles.flatMap((e) => entryBadges(e, { editorial: true })).filter((b) => b.token === 'renumbered');
    expect(renumberings.map((b) => b.substantive)).toEqual([true, false, false, false]);
  });
});

describe('the text and Markdown reports list exactly the listed entries, with their badges', () => {
  const diffs = [
    diffVersions(seedVersion('goyang'), parse(splitAndAdded())),
    diffVersions(seedVersion('goyang'), parse(moveArticle(goyang, 9, 10))),
    diffVersions(seedVersion('goyang'), parse(respace(goyang))),
  ];
  it.each([false, true])('editorial %s', (editorial) => {
    for (const diff of diffs) {
      const listed = diff.articles.filter((e) => isListed(e, editorial));
      const badges = (e: ArticleEntry) => entryBadges(e, { editorial }).map((b) => badgeLabel(b.token));
      const text = formatDiffText(diff, { editorial }).split('\n').filter((l) => l.startsWith('['));
      expect(text.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(listed.map((e) => badges(e).map((b) => `[${b}]`).join('')));
      const markdown = formatDiffMarkdown(diff, { editorial }).split('\n').filter((l) => l.startsWith('## ') && l.includes(' — '));
      expect(markdown.map((l) => l.slice(l.indexOf(' — ') + 3))).toEqual(listed.map((e) => badges(e).join(' · ')));
    }
  });
});
