import { describe, expect, it } from 'vitest';
import { diffVersions, formatFactChange, type ArticleEntry, type PolicyDiff } from '../../src/domain/diff/index.js';
import {
  cosmetic,
  deleteArticle,
  headingLines,
  parse,
  rebullet,
  renumberFrom,
  replaceOnce,
  SEED_NAMES,
  seedText,
  seedVersion,
} from './seeds.js';

const numbers = (refs: ArticleEntry['old']) => refs.filter((r) => r.part === undefined).map((r) => r.number);
const articleEntries = (diff: PolicyDiff) => diff.articles.filter((e) => [...e.old, ...e.new].every((r) => r.part === undefined));

describe('a seed compared with itself', () => {
  it.each(SEED_NAMES)('%s: nothing changed', (name) => {
    const diff = diffVersions(seedVersion(name), seedVersion(name));
    expect(diff.summary.substantive).toBe(0);
    expect(diff.facts).toEqual([]);
    expect(diff.articles.every((e) => e.status === 'unchanged' && !e.renumbered && !e.moved)).toBe(true);
    expect(articleEntries(diff)).toHaveLength(seedVersion(name).articles.length);
  });
});

describe('a cosmetic copy (re-bulleted, re-spaced, reflowed, look-alikes, other heading style)', () => {
  it.each(SEED_NAMES)('%s: no substantive change', (name) => {
    const original = seedText(name);
    const copy = cosmetic(original);
    // The copy really is different text: lines joined and split, bullets and dots swapped.
    expect(copy.split('\n').length).not.toBe(original.split('\n').length);
    expect(copy).toContain('ㆍ');
    const diff = diffVersions(seedVersion(name), parse(copy), { editorial: true });
    expect(diff.articles.filter((e) => e.substantive).map((e) => [e.status, numbers(e.old), numbers(e.new)])).toEqual([]);
    expect(diff.summary.substantive).toBe(0);
    expect(diff.facts).toEqual([]);
    // … and the diff saw the differences, as editorial ones.
    expect(diff.summary.editorial).toBeGreaterThan(seedVersion(name).articles.length / 2);
    expect(diff.articles.every((e) => e.status === 'modified' || e.status === 'unchanged')).toBe(true);
  });

  it('shows re-bulleting as editorial clauses when asked, and hides them otherwise', () => {
    const copy = parse(rebullet(seedText('uijeongbu')));
    const shown = diffVersions(seedVersion('uijeongbu'), copy, { editorial: true });
    const hidden = diffVersions(seedVersion('uijeongbu'), copy);
    const rebulleted = shown.articles.find((e) => e.new[0]?.number === 2)!;
    expect(rebulleted.substantive).toBe(false);
    expect(rebulleted.clauses.some((c) => c.status === 'editorial')).toBe(true);
    expect(hidden.articles.find((e) => e.new[0]?.number === 2)!.clauses).toEqual([]);
    expect(hidden.summary).toEqual(shown.summary);
  });
});

describe('a seed with one article deleted', () => {
  it.each(SEED_NAMES)('%s: one removal, every later article renumbered and not substantive', (name) => {
    const base = seedVersion(name);
    const deletedIndex = 2;
    const diff = diffVersions(base, parse(deleteArticle(seedText(name), deletedIndex)));
    const removed = diff.articles.filter((e) => e.status === 'removed');
    expect(removed.map((e) => numbers(e.old))).toEqual([[base.articles[deletedIndex]!.number]]);
    expect(diff.summary).toMatchObject({ substantive: 1, removed: 1, added: 0, modified: 0, moved: 0, split: 0, merged: 0 });
    const later = articleEntries(diff).filter((e) => e.status !== 'removed' && numbers(e.old)[0]! > base.articles[deletedIndex]!.number);
    expect(later.length).toBe(base.articles.length - deletedIndex - 1);
    for (const entry of later) {
      expect(entry.renumbered).toBe(true);
      expect(entry.substantive).toBe(false);
      expect(numbers(entry.new)[0]).toBe(numbers(entry.old)[0]! - 1);
    }
    // The removed article is listed where it was: right after the article before it.
    const order = articleEntries(diff).map((e) => numbers(e.old)[0]);
    expect(order).toEqual(base.articles.map((a) => a.number));
  });
});

describe('a seed with known edits (파주: period, phone, an added article, an article split in two)', () => {
  const original = seedText('paju');
  // Split 제5조 before its 8th item into a new 제6조, renumbering the rest.
  let edited = renumberFrom(original, 5, 1);
  edited = replaceOnce(edited, '8. 파주시는 개인정보의 열람등 청구를', '제6조 개인정보 열람청구 접수·처리 부서\n\n8. 파주시는 개인정보의 열람등 청구를');
  // A new article after 영상정보처리기 (now 제15조), renumbering the revision article.
  edited = renumberFrom(edited, 15, 1);
  edited = replaceOnce(
    edited,
    '[파주시 영상정보 처리기기 운영방침 바로가기]\n',
    '[파주시 영상정보 처리기기 운영방침 바로가기]\n\n제16조 가명정보의 처리\n\n1. 파주시는 통계작성, 과학적 연구, 공익적 기록보존 등을 위하여 가명정보를 처리하는 경우 가명정보의 처리 목적과 처리 기간을 이 처리방침을 통하여 공개합니다.\n',
  );
  edited = replaceOnce(edited, '최소 6개월 이상 보관', '최소 1년 이상 보관');
  edited = replaceOnce(edited, '031-940-4023', '031-940-4024');

  it('the edited text parses into the expected articles', () => {
    const version = parse(edited);
    expect(version.articles.map((a) => a.number)).toEqual([...Array(17).keys()].map((k) => k + 1));
    expect(headingLines(edited)).toHaveLength(17);
  });

  it('reports exactly those changes, with the facts naming the period and the phone', () => {
    const diff = diffVersions(seedVersion('paju'), parse(edited));
    const changed = diff.articles.filter((e) => e.substantive).map((e) => ({ status: e.status, old: numbers(e.old), new: numbers(e.new) }));
    expect(changed).toEqual([
      { status: 'split', old: [5], new: [5, 6] },
      { status: 'modified', old: [8], new: [9] },
      { status: 'modified', old: [10], new: [11] },
      { status: 'added', old: [], new: [16] },
    ]);
    expect(diff.summary).toMatchObject({ substantive: 4, added: 1, removed: 0, modified: 2, split: 1, merged: 0, moved: 0 });
    expect(diff.facts.map(formatFactChange)).toEqual(['접속기록 보관: 6개월 → 1년', '개인정보 보호책임자 연락처: 031-940-4023 → 031-940-4024']);
    expect(diff.facts.map((f) => [f.kind, f.article])).toEqual([
      ['period', '제9조'],
      ['phone', '제11조'],
    ]);
    // Articles after the split keep their content: renumbered, editorial only.
    for (const entry of articleEntries(diff).filter((e) => !e.substantive)) {
      expect(entry.status === 'unchanged' || entry.status === 'modified').toBe(true);
      if (numbers(entry.old)[0]! > 5) expect(entry.renumbered).toBe(true);
    }
  });

  it('marks the changed words inside the modified article', () => {
    const diff = diffVersions(seedVersion('paju'), parse(edited));
    const safety = diff.articles.find((e) => numbers(e.old)[0] === 8)!;
    const changed = safety.clauses.filter((c) => c.status === 'modified');
    expect(changed).toHaveLength(1);
    const edits = changed[0]!.words!.filter((w) => w.op !== 'equal' && !w.editorial);
    expect(edits.map((w) => [w.op, w.text])).toEqual([
      ['delete', '6개월'],
      ['insert', '1년'],
    ]);
  });
});

describe('cross-city', () => {
  const entryWith = (diff: PolicyDiff, oldNumber: number) => diff.articles.find((e) => numbers(e.old).includes(oldNumber));

  it('고양 vs 파주: 보호책임자 제9조 ↔ 제10조, 권익침해 구제 제10조 ↔ 제9조', () => {
    const diff = diffVersions(seedVersion('goyang'), seedVersion('paju'));
    expect(numbers(entryWith(diff, 9)!.new)).toEqual([10]);
    expect(entryWith(diff, 9)!.topic).toBe('officer');
    expect(numbers(entryWith(diff, 10)!.new)).toEqual([9]);
    expect(entryWith(diff, 10)!.topic).toBe('remedies');
    expect(diff.topics.onlyNew).toEqual(expect.arrayContaining(['children', 'impact-assessment', 'protection-level', 'cctv']));
    expect(diff.old.city).not.toBe(diff.new.city);
  });

  it('의정부 vs 고양: 처리하는 항목 제3조 ↔ 제6조, 열람청구 제13조 ↔ 제11조; topics 고양 lacks', () => {
    const diff = diffVersions(seedVersion('uijeongbu'), seedVersion('goyang'));
    expect(numbers(entryWith(diff, 3)!.new)).toEqual([6]);
    expect(numbers(entryWith(diff, 13)!.new)).toEqual([11]);
    expect(diff.topics.onlyOld).toEqual(expect.arrayContaining(['cookies', 'cctv', 'impact-assessment', 'protection-level']));
    expect(diff.topics.onlyNew).toEqual([]);
    // Articles whose topic 고양 lacks are removed, not forced onto an unrelated article.
    const cookies = diff.articles.find((e) => e.topic === 'cookies')!;
    expect(cookies.status).toBe('removed');
  });
});
