/**
 * What a line of a page is, before any heading is chosen: its indentation (space and NBSP 1,
 * ideographic space 2, tab 4), its list marker and the marker's family (the first pattern of the list
 * that matches), or its table cells.
 */
import { describe, expect, it } from 'vitest';
import { classifyLine, detectMarker } from '../../src/domain/parse/lines.js';

describe('classifyLine', () => {
  it('measures indentation of spaces, NBSP, ideographic spaces and tabs', () => {
    expect(classifyLine('  \u00a0\u3000\t가. 수집 항목', 7)).toEqual({ no: 7, raw: '  \u00a0\u3000\t가. 수집 항목', blank: false, indent: 9, content: '가. 수집 항목', text: '수집 항목', marker: '가.', family: '가.' });
    expect(classifyLine('\u2003개인정보 보호책임자', 1).indent).toBe(0);
  });

  it('reads a line of white space only, Unicode spaces included, as blank', () => {
    for (const raw of ['', '   ', '\t\t', '\u3000\u00a0', '\ufeff ']) expect(classifyLine(raw, 3)).toEqual({ no: 3, raw, blank: true, indent: 0, content: '', text: '' });
  });

  it('keeps leading tabs of a table row as empty cells and counts only spaces as its indentation', () => {
    expect(classifyLine('\u3000 \t성명\t홍길동 \t\u3000', 2)).toEqual({ no: 2, raw: '\u3000 \t성명\t홍길동 \t\u3000', blank: false, indent: 3, content: '\t성명\t홍길동\t', text: '\t성명\t홍길동\t', row: ['', '성명', '홍길동', ''] });
  });
});

describe('detectMarker', () => {
  it('names the family of the first pattern that matches', () => {
    const cases: [string, string, string][] = [
      ['(①) 정보주체', '(①)', '(①)'],
      ['① 정보주체는', '①', '①'],
      ['(1) 보유기간', '(1)', '(1)'],
      ['(가) 목적', '(가)', '(가)'],
      ['1. 처리 목적', '1.', '1.'],
      ['12) 위탁', '12)', '1)'],
      ['가. 항목', '가.', '가.'],
      ['나) 항목', '나)', '가)'],
      ['– 연락처', '–', '-'],
      ['* 비고', '*', '*'],
      ['○ 수집', '○', 'o'],
      ['o 수집', 'o', 'o'],
      ['● 파기', '●', '•'],
      ['ㆍ 성명', 'ㆍ', '·'],
      ['►안내', '►', '▶'],
      ['※ 참고', '※', '※'],
      ['▪ 항목', '▪', '■'],
      ['□ 절차', '□', '□'],
      ['◇ 방법', '◇', '◆'],
      ['◎ 부서', '◎', '◎'],
      ['☞ 바로가기', '☞', '☞'],
    ];
    for (const [content, marker, family] of cases) expect(detectMarker(content), content).toEqual({ marker, family, text: content.slice(marker.length).trim() });
  });

  it('finds no marker in text that only looks like one', () => {
    for (const content of ['1.5배', '가.나', '오늘', 'ox 표시', '∙항목', '제1조(목적)', '(가나) 회사']) expect(detectMarker(content), content).toBeNull();
  });
});
