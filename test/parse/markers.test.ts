/** List markers as cities write them, and nesting by marker rank when the list is flat. */
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderPolicyText } from '../../src/domain/render.js';

/** The body of 제1조 holding `lines`. (Not the last article: ■ lines after the last one open appendix sections.) */
function bodyOf(...lines: string[]): Clause[] {
  const text = ['개인정보 처리방침', '', '제1조 개인정보의 처리 목적', ...lines, '', '제2조 개인정보의 파기', '파기합니다.'].join('\n');
  return parsePolicy(text).version.articles[0]!.body;
}

describe('list markers', () => {
  it.each([
    ['① 첫째 항', '①', '첫째 항'],
    ['①첫째 항', '①', '첫째 항'],
    ['(①) 첫째 항', '(①)', '첫째 항'],
    ['1. 첫째 호', '1.', '첫째 호'],
    ['12. 열두째 호', '12.', '열두째 호'],
    ['1) 첫째', '1)', '첫째'],
    ['(1) 첫째', '(1)', '첫째'],
    ['가. 첫째 목', '가.', '첫째 목'],
    ['가) 첫째', '가)', '첫째'],
    ['(가) 첫째', '(가)', '첫째'],
    ['- 항목', '-', '항목'],
    ['• 항목', '•', '항목'],
    ['○ 항목', '○', '항목'],
    ['o 해킹 등에 대비한 기술적 대책', 'o', '해킹 등에 대비한 기술적 대책'],
    ['· 항목', '·', '항목'],
    ['▶ 위탁업체현황 다운로드', '▶', '위탁업체현황 다운로드'],
    ['※ 참조 : 목록', '※', '참조 : 목록'],
    ['■ 항목', '■', '항목'],
    ['□ 항목', '□', '항목'],
    ['◦ 항목', '◦', '항목'],
    ['* 항목', '*', '항목'],
  ])('"%s" → marker %s', (line, marker, text) => {
    expect(bodyOf(line)).toEqual([{ marker, text }]);
  });

  it.each([
    'online 서비스 이용 안내',
    '2012.03.26.이전 개인정보처리방침 보기',
    '1.5배 이상',
    '031)828-2642',
    '-5도 이하',
    '개인정보 포털 → 개인서비스',
  ])('"%s" is plain text', (line) => {
    expect(bodyOf(line)).toEqual([{ text: line }]);
  });

  it('a flat 1. / 가. / 1) / 가) outline nests by rank, and the next 1.-item closes the deeper ones', () => {
    const body = bodyOf('1. 호', '가. 목', '1) 세목', '가) 세세목', '나. 목 둘', '2. 호 둘', '※ 호 둘의 참고');
    expect(body).toEqual([
      {
        marker: '1.',
        text: '호',
        children: [
          { marker: '가.', text: '목', children: [{ marker: '1)', text: '세목', children: [{ marker: '가)', text: '세세목' }] }] },
          { marker: '나.', text: '목 둘' },
        ],
      },
      { marker: '2.', text: '호 둘', children: [{ marker: '※', text: '호 둘의 참고' }] },
    ]);
    const rendered = renderPolicyText(parsePolicy(['개인정보 처리방침', '', '제1조 목적', '1. 호', '가. 목', ''].join('\n')).version);
    expect(rendered).toBe('개인정보 처리방침\n\n제1조 목적\n1. 호\n  가. 목\n');
  });

  it('an unmarked paragraph ends a flat list; a marker family seen at the top level returns to it', () => {
    const body = bodyOf('○ 열람 요구', '열람을 요구할 수 있습니다.', '- 제한되는 경우', '가. 조세', '○ 정정 요구');
    expect(body).toEqual([
      { marker: '○', text: '열람 요구' },
      { text: '열람을 요구할 수 있습니다.' },
      { marker: '-', text: '제한되는 경우', children: [{ marker: '가.', text: '조세' }] },
      { marker: '○', text: '정정 요구' },
    ]);
  });

  it('indentation decides when the block is indented; an unmarked deeper line is the paragraph of the item above', () => {
    const body = bodyOf('  • 민원사무 처리', '    민원인의 신원 확인', '    • 3년', '  • 회원 관리', '\u00a0\u00a0- 브라우저 설정');
    expect(body).toEqual([
      { marker: '•', text: '민원사무 처리', children: [{ text: '민원인의 신원 확인' }, { marker: '•', text: '3년' }] },
      { marker: '•', text: '회원 관리' },
      { marker: '-', text: '브라우저 설정' },
    ]);
  });
});

describe('nesting depth', () => {
  it('lists nested deeper than the schema allows (16 levels) are kept at the deepest level, with a warning', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- 항목 ${i}`);
    const { version, report } = parsePolicy(['개인정보 처리방침', '', '제1조 목적', ...lines, ''].join('\n'));
    let depth = 0;
    let level: Clause[] = version.articles[0]!.body;
    while (level[0]?.children) {
      level = level[0].children;
      depth++;
    }
    expect(depth).toBe(16);
    expect(level.map((c) => c.text)).toEqual(Array.from({ length: 24 }, (_, i) => `항목 ${i + 16}`));
    expect(report.warnings.map((w) => w.message)).toContain('16단계보다 깊이 중첩된 목록 23줄을 16단계에 두었습니다');
    const rendered = renderPolicyText(version);
    expect(parsePolicy(rendered).version.articles).toEqual(version.articles);
  });
});
