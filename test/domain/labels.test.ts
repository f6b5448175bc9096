/** How an article is named in each numbering scheme: the one place, tested as a reader sees the names. */
import { describe, expect, it } from 'vitest';
import { articleHeading, articleMarker, articleName, formalHeading, labelFor, markerFor, withParticle } from '../../src/domain/presentation/labels.js';

const destruction = { number: 3, title: '개인정보의 파기' };

describe('article labels', () => {
  it('writes each scheme\'s marker for a number', () => {
    expect((['article', 'article-bare', 'decimal', 'paren', 'round', 'roman', 'hangul', 'bracket', 'symbol', 'none'] as const).map((s) => markerFor(s, 3))).toEqual([
      '제3조', '3조', '3.', '3)', '(3)', 'Ⅲ.', '다.', '[3]', '■', '',
    ]);
    expect(markerFor('article', 3, 2)).toBe('제3조의2');
    expect(markerFor('roman', 14)).toBe('XIV.');
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
