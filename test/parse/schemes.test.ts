/**
 * Top-level provisions in every numbering scheme real pages use, inferred per document: one complete
 * policy per scheme (written for these tests in the styles of real 공단, 도서관, 교육지원청, 구청, 재단 and
 * 센터 pages), with clause lists that use the same markers as the headings, a 목차, 라벨링 captions,
 * decorated headings and page furniture. For each: the exact headings and scheme, nothing lost, and
 * parse → render → parse a fixed point.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NumberingScheme, PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { accountForReport } from './accounting.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/schemes/', import.meta.url));

function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

function parseFixture(name: string) {
  return parsePolicy(readFileSync(FIXTURES + name), { sourceFile: `test/parse/fixtures/schemes/${name}` });
}

/** What the text says: everything but where it came from (city naming is not this file's subject). */
function textModel(version: PolicyVersion) {
  const { title, numbering, preamble, articles, appendix, revision, effective } = version;
  return { title, numbering, preamble, articles, appendix, revision, effective };
}

type Heading = [number: number, branch: number | null, label: string | null, title: string];

interface SchemeFixture {
  file: string;
  numbering: NumberingScheme;
  articles: Heading[];
}

const FIXTURE_LIST: SchemeFixture[] = [
  {
    file: 'center-round.txt',
    numbering: 'round',
    articles: [
      [1, null, '(1)', '개인정보의 처리 목적'],
      [2, null, '(2)', '개인정보의 처리 및 보유기간'],
      [3, null, '(3)', '처리하는 개인정보의 항목'],
      [4, null, '(4)', '만 14세 미만 아동의 개인정보 처리'],
      [5, null, '(5)', '개인정보의 제3자 제공'],
      [6, null, '(6)', '개인정보 처리업무의 위탁'],
      [7, null, '(7)', '개인정보의 파기 절차 및 방법'],
      [8, null, '(8)', '정보주체와 법정대리인의 권리·의무 및 그 행사방법'],
      [9, null, '(9)', '개인정보의 안전성 확보조치'],
      [10, null, '(10)', '개인정보 보호책임자'],
      [11, null, '(11)', '권익침해 구제방법'],
      [12, null, '(12)', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'education-roman.txt',
    numbering: 'roman',
    articles: [
      [1, null, 'Ⅰ.', '개인정보의 처리 목적'],
      [2, null, 'Ⅱ.', '개인정보의 처리 및 보유 기간'],
      [3, null, 'Ⅲ.', '처리하는 개인정보의 항목'],
      [4, null, 'Ⅳ.', '개인정보의 제3자 제공'],
      [5, null, 'Ⅴ.', '개인정보 처리업무의 위탁'],
      [6, null, 'Ⅵ.', '개인정보의 파기 절차 및 방법'],
      [7, null, 'Ⅶ.', '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [8, null, 'Ⅷ.', '개인정보의 안전성 확보조치'],
      [9, null, 'Ⅸ.', '개인정보 보호책임자'],
      [10, null, 'Ⅹ.', '개인정보 열람청구'],
      [11, null, 'Ⅺ.', '권익침해 구제방법'],
      [12, null, 'Ⅻ.', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'education-toc-decimal-cut.txt',
    numbering: 'article',
    articles: [
      [1, null, null, '개인정보의 처리 목적 및 보유기간'],
      [2, null, null, '처리하는 개인정보의 항목'],
      [3, null, null, '개인정보의 제3자 제공'],
      [4, null, null, '개인정보처리의 위탁'],
      [5, null, null, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [6, null, null, '개인정보의 파기 절차 및 방법'],
      [7, null, null, '개인정보의 안전성 확보조치'],
      [8, null, null, '개인정보 자동 수집 장치의 설치·운영 및 거부'],
      [9, null, null, '개인정보 보호책임자'],
      [10, null, null, '개인정보 열람청구'],
      [11, null, null, '권익침해 구제방법'],
    ],
  },
  {
    file: 'gongdan-article-decorated.txt',
    numbering: 'article',
    articles: [
      [1, null, null, '개인정보의 처리목적'],
      [2, null, null, '개인정보의 처리 및 보유기간'],
      [3, null, null, '처리하는 개인정보의 항목'],
      [4, null, null, '개인정보의 제3자 제공'],
      [5, null, null, '개인정보처리의 위탁'],
      [5, 2, null, '가명정보의 처리'],
      [6, null, null, '개인정보의 파기'],
      [7, null, null, '정보주체와 법정대리인의 권리·의무 및 그 행사방법'],
      [8, null, null, '개인정보의 안전성 확보조치'],
      [9, null, null, '개인정보 보호책임자'],
      [10, null, null, '권익침해 구제방법'],
      [11, null, null, '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'gongdan-decimal.txt',
    numbering: 'decimal',
    articles: [
      [1, null, '1.', '개인정보의 처리 목적'],
      [2, null, '2.', '처리하는 개인정보의 항목 및 보유기간'],
      [3, null, '3.', '개인정보의 제3자 제공'],
      [4, null, '4.', '개인정보 처리의 위탁'],
      [5, null, '5.', '개인정보의 파기 절차 및 방법'],
      [6, null, '6.', '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [7, null, '7.', '개인정보의 안전성 확보조치'],
      [8, null, '8.', '개인정보 자동 수집 장치의 설치·운영 및 거부'],
      [9, null, '9.', '개인정보 보호책임자'],
      [10, null, '10.', '개인정보 열람청구'],
      [11, null, '11.', '권익침해 구제방법'],
      [12, null, '12.', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'gongsa-bracket-columns.txt',
    numbering: 'bracket',
    articles: [
      [1, null, '[1]', '개인정보의 처리 목적'],
      [2, null, '[2]', '개인정보의 처리 및 보유기간'],
      [3, null, '[3]', '처리하는 개인정보의 항목'],
      [4, null, '[4]', '개인정보의 제3자 제공'],
      [5, null, '[5]', '개인정보 처리의 위탁'],
      [6, null, '[6]', '개인정보의 파기'],
      [7, null, '[7]', '정보주체의 권리·의무 및 행사방법'],
      [8, null, '[8]', '개인정보의 안전성 확보조치'],
      [9, null, '[9]', '개인정보 자동 수집 장치의 설치·운영 및 거부'],
      [10, null, '[10]', '개인정보 보호책임자'],
      [11, null, '[11]', '권익침해 구제방법'],
      [12, null, '[12]', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'gu-hangul.txt',
    numbering: 'hangul',
    articles: [
      [1, null, '가.', '개인정보의 처리 목적'],
      [2, null, '나.', '개인정보의 처리 및 보유기간'],
      [3, null, '다.', '처리하는 개인정보의 항목'],
      [4, null, '라.', '개인정보의 제3자 제공'],
      [5, null, '마.', '개인정보 처리의 위탁'],
      [6, null, '바.', '개인정보의 파기'],
      [7, null, '사.', '정보주체와 법정대리인의 권리·의무 및 그 행사방법'],
      [8, null, '아.', '개인정보의 안전성 확보조치'],
      [9, null, '자.', '영상정보처리기기의 설치·운영'],
      [10, null, '차.', '개인정보 보호책임자'],
      [11, null, '카.', '권익침해 구제방법'],
      [12, null, '타.', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'gun-article-bare-icons.txt',
    numbering: 'article-bare',
    articles: [
      [1, null, null, '개인정보의 처리 목적'],
      [2, null, null, '개인정보의 처리 및 보유기간'],
      [3, null, null, '처리하는 개인정보의 항목'],
      [4, null, null, '개인정보의 제3자 제공'],
      [5, null, null, '개인정보 처리의 위탁'],
      [6, null, null, '개인정보의 파기'],
      [7, null, null, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [8, null, null, '개인정보의 안전성 확보조치'],
      [9, null, null, '개인정보 보호책임자'],
      [10, null, null, '권익침해 구제방법'],
      [11, null, null, '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'jaedan-symbol.txt',
    numbering: 'symbol',
    articles: [
      [1, null, '■', '개인정보의 처리 목적'],
      [2, null, '■', '개인정보의 처리 및 보유기간'],
      [3, null, '■', '처리하는 개인정보의 항목'],
      [4, null, '■', '개인정보의 제3자 제공'],
      [5, null, '■', '개인정보 처리의 위탁'],
      [6, null, '■', '개인정보의 파기'],
      [7, null, '■', '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [8, null, '■', '개인정보의 안전성 확보조치'],
      [9, null, '■', '개인정보 자동 수집 장치의 설치·운영 및 거부'],
      [10, null, '■', '개인정보 보호책임자'],
      [11, null, '■', '권익침해 구제방법'],
      [12, null, '■', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'library-paren.txt',
    numbering: 'paren',
    articles: [
      [1, null, '1)', '개인정보의 처리 목적'],
      [2, null, '2)', '개인정보의 처리 및 보유기간'],
      [3, null, '3)', '처리하는 개인정보의 항목'],
      [4, null, '4)', '개인정보의 제3자 제공'],
      [5, null, '5)', '개인정보 처리의 위탁'],
      [6, null, '6)', '개인정보의 파기'],
      [7, null, '7)', '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [8, null, '8)', '개인정보의 안전성 확보조치'],
      [9, null, '9)', '개인정보 보호책임자'],
      [10, null, '10)', '권익침해 구제방법'],
      [11, null, '11)', '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'library-unnumbered.txt',
    numbering: 'none',
    articles: [
      [1, null, null, '개인정보의 처리 목적'],
      [2, null, null, '개인정보의 처리 및 보유기간'],
      [3, null, null, '처리하는 개인정보의 항목'],
      [4, null, null, '만 14세 미만 아동의 개인정보 처리'],
      [5, null, null, '개인정보의 제3자 제공'],
      [6, null, null, '개인정보 처리의 위탁'],
      [7, null, null, '개인정보의 파기 절차 및 방법'],
      [8, null, null, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [9, null, null, '개인정보의 안전성 확보조치'],
      [10, null, null, '개인정보 보호책임자'],
      [11, null, null, '권익침해 구제방법'],
      [12, null, null, '개인정보 처리방침의 변경'],
    ],
  },
  {
    file: 'welfare-bulleted-decimal.txt',
    numbering: 'decimal',
    articles: [
      [1, null, '1.', '개인정보의 처리 목적'],
      [2, null, '2.', '개인정보의 처리 및 보유기간'],
      [3, null, '3.', '처리하는 개인정보의 항목'],
      [4, null, '4.', '개인정보의 제3자 제공'],
      [5, null, '5.', '개인정보 처리의 위탁'],
      [6, null, '6.', '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [7, null, '7.', '개인정보의 파기'],
      [8, null, '8.', '개인정보의 안전성 확보조치'],
      [9, null, '9.', '영상정보처리기기 운영'],
      [10, null, '10.', '개인정보 보호책임자'],
      [11, null, '11.', '권익침해 구제방법'],
      [12, null, '12.', '개인정보 처리방침의 변경'],
    ],
  },
];

function headingsOf(version: PolicyVersion): Heading[] {
  return version.articles.map((a) => [a.number, a.branch ?? null, a.label ?? null, a.title]);
}

describe.each(FIXTURE_LIST)('$file ($numbering)', ({ file, numbering, articles }) => {
  const { version, report } = parseFixture(file);

  it('finds exactly the top-level provisions, in the document\'s own scheme', () => {
    expect(version.numbering ?? 'article').toBe(numbering);
    expect(headingsOf(version)).toEqual(articles);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    // Clause lists inside the articles were not taken for headings, and every article has its body.
    expect(version.articles.every((a) => a.body.length > 0)).toBe(true);
  });

  it('loses nothing: every line is in the model or dropped with a reason', () => {
    const { missing, unaccounted } = accountForReport(fixtureText(file), version, report.dropped);
    expect(missing).toEqual([]);
    expect(unaccounted).toEqual([]);
    expect(report.dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('parse → render → parse is a fixed point', () => {
    const rendered = renderPolicyText(version);
    const again = parsePolicy(rendered);
    expect(textModel(again.version)).toEqual(textModel(version));
    expect(again.report.dropped).toEqual([]);
    expect(renderPolicyText(again.version)).toBe(rendered);
  });
});
