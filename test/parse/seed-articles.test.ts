/**
 * The five seeds parse into the articles a person reads on the page: count, numbers, titles,
 * the preamble, the appendix, the title and the city.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { seedBytes, seedPath, type SeedSlug } from './seeds.js';

function parseSeed(slug: SeedSlug) {
  return parsePolicy(seedBytes(slug), { sourceFile: seedPath(slug) });
}

/** The text of the last line of a clause tree (the deepest last clause). */
function lastText(clauses: readonly Clause[]): string {
  const last = clauses.at(-1)!;
  return last.children?.length ? lastText(last.children) : (last.text ?? '');
}

function headings(slug: SeedSlug): Array<[number, string]> {
  return parseSeed(slug).version.articles.map((a) => [a.number, a.title]);
}

const EXPECTED_HEADINGS: Record<SeedSlug, Array<[number, string]>> = {
  uijeongbu: [
    [1, '개인정보의 처리목적'],
    [2, '개인정보의 처리 및 보유 기간'],
    [3, '처리하는 개인정보의 항목'],
    [4, '개인정보파일 등록 현황'],
    [5, '개인정보 영향평가의 수행결과'],
    [6, '개인정보의 제3자 제공'],
    [7, '개인정보처리의 위탁'],
    [8, '개인정보 파기절차 및 방법'],
    [9, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
    [10, '개인정보의 안전성 확보 조치'],
    [11, '개인정보 자동수집 장치의 설치·운영 및 거부에 관한 사항'],
    [12, '개인정보 보호책임자 및 개인정보 보호업무 담당(총괄)부서'],
    [13, '개인정보의 열람청구를 접수·처리하는 부서'],
    [14, '정보주체의 권익 침해 구제방법'],
    [15, '개인정보 관리수준진단 결과'],
    [16, '영상정보처리기기 운영'],
    [17, '개인정보 처리방침의 변경'],
  ],
  namyangju: [
    [1, '개인정보의 처리 목적'],
    [2, '개인정보의 처리 및 보유기간'],
    [3, '개인정보의 제3자 제공'],
    [4, '개인정보처리의 위탁'],
    [5, '정보주체의 권리·의무 및 그 행사방법'],
    [6, '처리하는 개인정보의 항목'],
    [7, '개인정보의 파기'],
    [8, '개인정보의 안전성 확보 조치'],
    [9, '개인정보 보호책임자'],
    [10, '개인정보 처리방침의 변경'],
    [11, '권익침해 구제방법'],
  ],
  goyang: [
    [1, '개인정보의 처리목적'],
    [2, '개인정보의 처리 및 보유기간'],
    [3, '개인정보의 제3자 제공'],
    [4, '개인정보 처리의 위탁'],
    [5, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
    [6, '처리하는 개인정보 항목'],
    [7, '개인정보의 파기'],
    [8, '개인정보의 안전성 확보조치'],
    [9, '개인정보 보호책임자'],
    [10, '권익침해 구제방법'],
    [11, '개인정보의 열람청구'],
    [12, '개인정보 처리방침 변경'],
  ],
  paju: [
    [1, '개인정보의 처리 목적'],
    [2, '개인정보의 처리 및 보유기간'],
    [3, '개인정보의 제3자 제공'],
    [4, '개인정보처리 위탁에 관한 사항'],
    [5, '정보주체와 법정대리인의 권리·의무 및 그 행사방법에 관한 사항'],
    [6, '처리하는 개인정보의 항목'],
    [7, '개인정보의 파기 절차 및 방법'],
    [8, '개인정보의 안전성 확보 조치'],
    [9, '권익침해 구제방법'],
    [10, '개인정보 보호책임자'],
    [11, '14세 미만 아동의 개인정보 처리에 관한 사항'],
    [12, '개인정보 영향평가 수행결과'],
    [13, '개인정보 보호수준 평가 결과'],
    [14, '영상정보처리기의 운영·관리에 관한 사항'],
    [15, '개인정보처리 방침의 변경'],
  ],
  iksan: [
    [1, '개인정보의 처리 목적'],
    [2, '개인정보의 처리 및 보유기간'],
    [3, '개인정보의 제3자 제공에 관한 사항'],
    [4, '개인정보처리의 위탁에 관한 사항'],
    [5, '정보주체의 권리의무 및 그 행사방법에 관한 사항'],
    [6, '처리하는 개인정보의 항목'],
    [7, '개인정보의 파기 절차 및 방법'],
    [8, '개인정보보호 책임자'],
    [9, '개인정보의 안전성 확보 조치'],
    [10, '권익침해 구제방법'],
    [11, '개인정보처리 방침의 변경'],
  ],
};

describe('seed articles', () => {
  it.each([
    ['uijeongbu', 17],
    ['namyangju', 11],
    ['goyang', 12],
    ['paju', 15],
    ['iksan', 11],
  ] as const)('%s has %i articles', (slug, count) => {
    expect(parseSeed(slug).version.articles).toHaveLength(count);
  });

  it.each(Object.keys(EXPECTED_HEADINGS) as SeedSlug[])('%s: every article number and title as on the page', (slug) => {
    expect(headings(slug)).toEqual(EXPECTED_HEADINGS[slug]);
  });

  it('no seed article is a branch (제N조의M)', () => {
    for (const slug of Object.keys(EXPECTED_HEADINGS) as SeedSlug[]) {
      expect(parseSeed(slug).version.articles.every((a) => a.branch === undefined)).toBe(true);
    }
  });

  it('finds 의정부 headings glued to the list above them (제9조, 제10조, 제16조, 제17조)', () => {
    const articles = parseSeed('uijeongbu').version.articles;
    const article = (n: number) => articles.find((a) => a.number === n)!;
    // 제8조 ends with the 파기방법 bullet (indented under the sentence that introduces the list);
    // 제9조 starts right under it with no blank line.
    expect(article(8).body.at(-1)!.children!.at(-1)).toMatchObject({ marker: '•', text: '파기방법' });
    expect(article(9).body[0]!.text).toMatch(/^정보주체는 의정부시에 대해 언제든지/);
    expect(lastText(article(9).body)).toMatch(/^정보주체는 개인정보보호법 등 관계법령을 위반하여/);
    expect(lastText(article(10).body)).toMatch(/^물리적 조치/);
    expect(article(16).body[0]!.text).toMatch(/^의정부시는 개인정보보호법 제25조에 따라/);
    expect(article(17).body.map((c) => c.text)).toEqual([
      '이 개인정보 처리방침은 게시일부터 적용됩니다.',
      '이전의 개인정보 보호방침은 아래에서 확인하실 수 있습니다.',
    ]);
  });

  it('keeps sentences that cite articles (제1조 [개인정보의 처리 목적]에서, 제1조(…)에서) as body text', () => {
    const uijeongbu = parseSeed('uijeongbu').version.articles.find((a) => a.number === 6)!;
    expect(uijeongbu.body[0]!.text).toContain('제1조 [개인정보의 처리 목적]에서 명시한 범위');
    const paju = parseSeed('paju').version.articles.find((a) => a.number === 3)!;
    expect(paju.body[0]).toMatchObject({ marker: '1.' });
    expect(paju.body[0]!.text).toContain('제1조(개인정보의 처리 목적)에서 명시한');
  });
});

describe('seed title, preamble, appendix and city', () => {
  it.each([
    ['uijeongbu', '【의정부시】 개인정보 처리방침', '의정부시', 'uijeongbu'],
    ['namyangju', '남양주시 개인정보 처리방침', '남양주시', 'namyangju'],
    ['goyang', '개인정보처리방침', '고양특례시', 'goyang'],
    ['paju', '개인정보처리방침', '파주시', 'paju'],
    ['iksan', '개인정보처리방침', '익산시', 'iksan'],
  ] as const)('%s: title "%s", city %s (%s) guessed from the text', (slug, title, city, guessedSlug) => {
    const { version } = parseSeed(slug);
    expect(version.title).toBe(title);
    expect(version.city).toBe(city);
    expect(version.slug).toBe(guessedSlug);
  });

  it.each([
    ['uijeongbu', ['의정부시는 정보주체의 자유와 권리 보호를 위해']],
    ['namyangju', ['남양주시가 취급하는 모든 개인정보는', '[개인정보보호법]은 이러한', '남양주시는 [개인정보보호법]에 따라']],
    ['goyang', ['개요', '고양시는 개인정보 보호법 등 관련 법령상의']],
    ['paju', ['파주시는 개인정보 보호법 제30조에 따라']],
    ['iksan', ['익산시는 개인정보보호법 등 관련법령상의', '개인정보처리방침은 이용자의', '익산시는 보유한', '개인정보처리방침을 개정하는 경우']],
  ] as const)('%s: the preamble starts with the policy text, not the page header', (slug, starts) => {
    const preamble = parseSeed(slug).version.preamble;
    expect(preamble).toHaveLength(starts.length);
    starts.forEach((start, i) => expect(preamble[i]!.text!.startsWith(start)).toBe(true));
  });

  it('익산: the two ■ sections after the last article are the appendix', () => {
    const { appendix } = parseSeed('iksan').version;
    expect(appendix.map((s) => s.title)).toEqual(['■ 영상정보처리방침', '■ 본인서명사실확인서발급 개인정보처리방침']);
    expect(appendix[0]!.body.map((c) => c.text)).toEqual([
      '시민안전과', '종합민원과', '청소자원과', '교통행정과', '농산유통과',
      '상수도과', '보석박물관', '예술의전당사업소', '영등2동', '의회사무국',
    ]);
    expect(appendix[1]!.body).toEqual([{ text: '종합민원과' }]);
  });

  it('the other seeds have no appendix', () => {
    for (const slug of ['uijeongbu', 'namyangju', 'goyang', 'paju'] as const) {
      expect(parseSeed(slug).version.appendix).toEqual([]);
    }
  });

  it('records the source: sha256 of the raw bytes, the file, the encoding', () => {
    const { version } = parseSeed('goyang');
    expect(version.source).toEqual({
      file: seedPath('goyang'),
      sha256: createHash('sha256').update(seedBytes('goyang')).digest('hex'),
      encoding: 'utf-8',
    });
    expect(version.source.sha256).toBe('19a0c7712eef8f6fd99cff04779af761b8bafb92791a098ba645bde3e9dfbbe9');
  });

  it('options name the city and slug when given', () => {
    const { version, report } = parsePolicy(seedBytes('goyang'), { city: '고양시', slug: 'goyang-si', url: 'https://www.goyang.go.kr/', retrieved: '2024-10-01' });
    expect([version.city, version.slug]).toEqual(['고양시', 'goyang-si']);
    expect(version.source.url).toBe('https://www.goyang.go.kr/');
    expect(version.source.retrieved).toBe('2024-10-01');
    expect(report.warnings.some((w) => /기관을 알아내지|슬러그/.test(w.message))).toBe(false);
  });
});
