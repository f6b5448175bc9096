/** How an article is named in each numbering scheme: the one place, tested as a reader sees the names. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { articleHeading, articleMarker, articleName, formalHeading, labelFor, markerFor, romanFormOf, romanValue, withParticle } from '../../src/domain/presentation/labels.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { buildNotice } from '../../src/domain/notice/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import type { PolicyVersion } from '../../src/domain/model.js';

const destruction = { number: 3, title: '개인정보의 파기' };

describe('article labels', () => {
  it('writes each scheme\'s marker for a number', () => {
    expect((['article', 'article-bare', 'decimal', 'paren', 'round', 'roman', 'hangul', 'bracket', 'symbol', 'none'] as const).map((s) => markerFor(s, 3))).toEqual([
      '제3조', '3조', '3.', '3)', '(3)', 'Ⅲ.', '다.', '[3]', '■', '',
    ]);
    expect(markerFor('article', 3, 2)).toBe('제3조의2');
    // Past Ⅻ as pages print them: tens and a unit in Unicode numerals; in Latin letters for a document that prints those.
    expect([13, 14, 20, 21, 39].map((n) => markerFor('roman', n))).toEqual(['ⅩⅢ.', 'ⅩⅣ.', 'ⅩⅩ.', 'ⅩⅩⅠ.', 'ⅩⅩⅩⅨ.']);
    expect([3, 13, 14, 39].map((n) => markerFor('roman', n, undefined, 'latin'))).toEqual(['III.', 'XIII.', 'XIV.', 'XXXIX.']);
  });

  it('prefers the marker as printed ("【3】") over the scheme\'s own', () => {
    expect(articleMarker({ number: 3, label: '【3】' }, 'bracket')).toBe('【3】');
    expect(articleHeading({ ...destruction, label: '【3】' }, 'bracket')).toBe('【3】 개인정보의 파기');
  });

  it('names headings: rendered, formal (statutes, 대비표) and short', () => {
    expect(articleHeading(destruction)).toBe('제3조 개인정보의 파기');
    expect(formalHeading(destruction)).toBe('제3조(개인정보의 파기)');
    expect(formalHeading(destruction, 'article-bare')).toBe('3조(개인정보의 파기)');
    expect(formalHeading(destruction, 'decimal')).toBe('3. 개인정보의 파기');
    expect(formalHeading(destruction, 'hangul')).toBe('다. 개인정보의 파기');
    expect(formalHeading({ ...destruction, label: '■' }, 'symbol')).toBe('■ 개인정보의 파기');
    expect(formalHeading(destruction, 'none')).toBe('개인정보의 파기');
    expect(articleName(destruction, 'decimal')).toBe('3.');
    expect(articleName({ ...destruction, label: '■' }, 'symbol')).toBe('개인정보의 파기');
    expect(articleName(destruction, 'none')).toBe('개인정보의 파기');
  });

  it('records a label for a generated article only where the model keeps one', () => {
    expect(labelFor('article', 12)).toBeUndefined();
    expect(labelFor('article-bare', 12)).toBeUndefined();
    expect(labelFor('none', 12)).toBeUndefined();
    expect(labelFor('decimal', 12)).toBe('12.');
    expect(labelFor('hangul', 10)).toBe('차.');
  });

  it('chooses 와/과 as the name is read aloud', () => {
    expect(['제5조', '제3조의2', '가.', '다.', '1.', '2.', '3.', '4.', '10.', '12.', '(6)', '[7]', 'Ⅲ.', 'Ⅱ.', 'IV.', 'X.'].map(withParticle)).toEqual([
      '제5조와', '제3조의2와', '가.와', '다.와', '1.과', '2.와', '3.과', '4.와', '10.과', '12.와', '(6)과', '[7]과', 'Ⅲ.과', 'Ⅱ.와', 'IV.와', 'X.과',
    ]);
  });
});

describe('roman markers written by bangchim read back as the document prints them', () => {
  const education = (date: string) => readFileSync(new URL(`../fixtures/histories/hangyeol-education/${date}.html`, import.meta.url), 'utf8');
  /** 한결교육지원청's 2024 page with its headings in Latin letters (I. … XVI.), as some pages print them. */
  const inLatin = (html: string) => Array.from({ length: 16 }, (_, k) => 16 - k).reduce((text, n) => text.split(markerFor('roman', n)).join(markerFor('roman', n, undefined, 'latin')), html);
  const labels = (version: PolicyVersion) => version.articles.map((a) => `${a.number} ${a.label ?? ''}`);

  it('every number up to 39, in both forms, reads back to itself', () => {
    for (const form of ['unicode', 'latin'] as const) {
      for (let n = 1; n <= 39; n++) {
        const marker = markerFor('roman', n, undefined, form);
        expect(romanValue(marker.slice(0, -1))).toBe(n);
      }
    }
  });

  it('a new label follows the document: ⅩⅢ. beside Ⅻ., XIII. beside XII.', () => {
    expect(labelFor('roman', 13, undefined, [{ number: 12, label: 'Ⅻ.' }])).toBe('ⅩⅢ.');
    expect(labelFor('roman', 13, undefined, [{ number: 12, label: 'XII.' }])).toBe('XIII.');
    expect(romanFormOf([{ number: 1, label: 'Ⅰ.' }, { number: 2, label: 'Ⅱ.' }])).toBe('unicode');
    expect(romanFormOf([])).toBe('unicode');
  });

  it.each([
    ['Unicode numerals', (html: string) => html, 'ⅩⅥ.'],
    ['Latin letters', inLatin, 'XVI.'],
  ])('the notice\'s revision article on a page in %s: labelled as its neighbours, and the published text parses back whole', (_, form, expected) => {
    const old = parsePolicy(form(education('2023-03-01'))).version;
    const draft = parsePolicy(form(education('2024-09-01'))).version;
    expect(draft.numbering).toBe('roman');
    // A draft that lacks the revision article: bangchim writes it as the 16th.
    const withoutRevision = { ...draft, articles: draft.articles.filter((a) => a.topic !== 'revision') };
    const notice = buildNotice({ from: { label: 'hangyeol-education@2023-03-01', version: old }, to: { label: 'draft.html', version: withoutRevision }, effective: '2025-01-01', ledger: [] });
    expect(notice.article.article).toMatchObject({ number: 16, label: expected });
    expect(notice.article.text.split('\n')[0]).toBe(`${expected} 개인정보 처리방침 변경`);
    const reparsed = parsePolicy(renderPolicyText(notice.published)).version;
    expect(labels(reparsed)).toEqual(labels(notice.published));
    expect(reparsed.articles).toHaveLength(16);
  });
});
