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
import { articleName } from '../../src/domain/presentation/labels.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { accountForReport } from './accounting.js';
import { SEED_SLUGS, seedBytes } from './seeds.js';

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
    file: 'center-decimal-inline.txt',
    numbering: 'decimal',
    articles: [
      [1, null, '1.', '개인정보의 처리 목적'],
      [2, null, '2.', '개인정보파일 현황'],
      [3, null, '3.', '개인정보의 처리 및 보유기간'],
      [4, null, '4.', '개인정보의 제3자 제공'],
      [5, null, '5.', '개인정보처리의 위탁'],
      [6, null, '6.', '정보주체의 권리·의무 및 그 행사방법'],
      [7, null, '7.', '개인정보의 파기'],
      [8, null, '8.', '개인정보의 안전성 확보조치'],
      [9, null, '9.', '개인정보 보호책임자'],
      [10, null, '10.', '권익침해 구제방법'],
      [11, null, '11.', '개인정보 처리방침의 변경'],
    ],
  },
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
    file: 'gu-article-symbol-subheads.txt',
    numbering: 'article',
    articles: [
      [1, null, null, '개인정보의 처리 목적'],
      [2, null, null, '개인정보의 처리 및 보유기간'],
      [3, null, null, '처리하는 개인정보의 항목'],
      [4, null, null, '개인정보의 제3자 제공'],
      [5, null, null, '개인정보처리의 위탁'],
      [6, null, null, '개인정보의 파기'],
      [7, null, null, '정보주체와 법정대리인의 권리·의무 및 행사방법'],
      [8, null, null, '개인정보의 안전성 확보조치'],
      [9, null, null, '개인정보 보호책임자'],
      [10, null, null, '권익침해 구제방법'],
      [11, null, null, '개인정보 처리방침의 변경'],
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
  // Parsed inside each test, so that a page the parser refuses fails its own tests, not the whole file.
  let parsed: ReturnType<typeof parseFixture> | undefined;
  const parse = (): ReturnType<typeof parseFixture> => (parsed ??= parseFixture(file));

  it('finds exactly the top-level provisions, in the document\'s own scheme', () => {
    const { version } = parse();
    expect(version.numbering ?? 'article').toBe(numbering);
    expect(headingsOf(version)).toEqual(articles);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    // Clause lists inside the articles were not taken for headings, and every article has its body.
    expect(version.articles.every((a) => a.body.length > 0)).toBe(true);
  });

  it('loses nothing: every line is in the model or dropped with a reason', () => {
    const { version, report } = parse();
    const { missing, unaccounted } = accountForReport(fixtureText(file), version, report.dropped);
    expect(missing).toEqual([]);
    expect(unaccounted).toEqual([]);
    expect(report.dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('parse → render → parse is a fixed point', () => {
    const { version } = parse();
    const rendered = renderPolicyText(version);
    const again = parsePolicy(rendered);
    expect(textModel(again.version)).toEqual(textModel(version));
    expect(again.report.dropped).toEqual([]);
    expect(renderPolicyText(again.version)).toBe(rendered);
  });
});

function droppedAs(report: { dropped: { line: number; text: string; reason: string }[] }, reason: RegExp): Array<[number, string]> {
  return report.dropped.filter((d) => reason.test(d.reason)).map((d) => [d.line, d.text]);
}

const TOC = /목차/u;

describe('목차, found on its own', () => {
  it('in the headings\' own style ("N." above "N." articles): the entries and the 목차 caption are dropped, never articles', () => {
    const { version, report } = parseFixture('gongdan-decimal.txt');
    const toc = droppedAs(report, TOC);
    expect(toc[0]).toEqual([24, '목차']);
    expect(toc.slice(1).map(([line]) => line)).toEqual([26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37]);
    expect(version.preamble.map((c) => c.text)).toEqual([expect.stringMatching(/^한빛시설관리공단\(이하 '공단'이라 한다\)은/u)]);
    expect(report.warnings).toContainEqual({
      line: 26,
      message: '조항 위에서 목차(항목 12개)를 찾아 페이지 부속물로 뺐습니다 (parse --report에 나옵니다)',
    });
  });

  it('and its 라벨링 box: the box title and every caption, also those naming no topic', () => {
    const { report } = parseFixture('gongdan-decimal.txt');
    expect(droppedAs(report, /^라벨링 상자/u)).toEqual([
      [15, '주요 개인정보 처리 표시(라벨링)'],
      [17, '일반 개인정보 수집'],
      [18, '처리목적'],
      [19, '보유기간'],
      [20, '제3자 제공'],
      [21, '처리위탁'],
      [22, '고충처리부서'],
    ]);
  });

  it('a 라벨링 box whose captions come twice (alt text and caption) and mostly name no topic', () => {
    const captions = ['개인정보', '주민등록번호', '처리목적', '제3자 제공', '처리위탁', '개인정보보호책임자'].flatMap((c) => [c, c]);
    const text = [
      '예시공사 개인정보 처리방침',
      '',
      '주요 개인정보 처리 표시(라벨링)',
      ...captions,
      '  • 공사는 개인정보 보호법 제30조에 따라 다음과 같이 개인정보 처리방침을 수립·공개합니다.',
      '  • 제1조(개인정보의 처리목적) 처리목적',
      '',
      '  • 공사는 다음의 목적을 위하여 개인정보를 처리합니다.',
      '  • 제2조(개인정보의 제3자 제공) 제3자 제공',
      '',
      '  • 공사는 제3자에게 제공하지 않습니다.',
    ].join('\n');
    const { version, report } = parsePolicy(text);
    expect(droppedAs(report, /^라벨링 상자/u).map(([line]) => line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(version.preamble.map((c) => c.text)).toEqual([expect.stringMatching(/^공사는 개인정보 보호법/u)]);
    expect(version.articles.map((a) => a.title)).toEqual(['개인정보의 처리목적', '개인정보의 제3자 제공']);
  });

  it('when the body stops early (a page cut short), the entries it does not repeat are 목차 too', () => {
    const full = fixtureText('gongdan-decimal.txt');
    const cut = full.slice(0, full.indexOf('\n8. 개인정보 자동 수집 장치의 설치·운영 및 거부\n\n공단은'));
    const { version, report } = parsePolicy(cut);
    expect(version.numbering).toBe('decimal');
    expect(version.articles.map((a) => a.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(droppedAs(report, TOC)).toHaveLength(13);

    const ansan = new TextDecoder().decode(readFileSync(new URL('./fixtures/ansan-toc.txt', import.meta.url)));
    const ansanCut = parsePolicy(ansan.slice(0, ansan.indexOf('\n제7조 개인정보의 안전성 확보 조치\n\n')));
    expect(ansanCut.version.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(droppedAs(ansanCut.report, TOC).map(([, text]) => text).slice(-4)).toEqual([
      '제7조 개인정보의 안전성 확보 조치',
      '제8조 개인정보 보호책임자',
      '제9조 권익침해 구제방법',
      '제10조 개인정보 처리방침의 변경',
    ]);
  });

  it('in "N." style above 제N조 articles, with its caption lines, on a page that stops before the last entries', () => {
    const { version, report } = parseFixture('education-toc-decimal-cut.txt');
    expect(version.numbering).toBeUndefined();
    expect(version.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const toc = droppedAs(report, TOC);
    expect(toc.slice(0, 3)).toEqual([
      [11, '목차'],
      [12, '※ 목차 클릭 시 해당 본문으로 이동합니다.'],
      [13, '1. 개인정보의 처리 목적 및 보유기간'],
    ]);
    expect(toc.slice(-2)).toEqual([
      [24, '12. 영상정보처리기기 설치·운영'],
      [25, '13. 개인정보 처리방침의 변경'],
    ]);
  });

  it('in Ⅰ. style with blank lines between the entries', () => {
    const { report } = parseFixture('education-roman.txt');
    const toc = droppedAs(report, TOC);
    expect(toc[0]).toEqual([11, '목 차']);
    expect(toc.slice(1).map(([, text]) => text.split(' ')[0])).toEqual(['Ⅰ.', 'Ⅱ.', 'Ⅲ.', 'Ⅳ.', 'Ⅴ.', 'Ⅵ.', 'Ⅶ.', 'Ⅷ.', 'Ⅸ.', 'Ⅹ.', 'Ⅺ.', 'Ⅻ.']);
  });

  it('in two columns (TAB rows)', () => {
    const { version, report } = parseFixture('gongsa-bracket-columns.txt');
    expect(droppedAs(report, /^여러 칸으로 된 목차/u).map(([line]) => line)).toEqual([11, 12, 13, 14, 15, 16]);
    expect(droppedAs(report, TOC)[0]).toEqual([10, '목차']);
    expect(version.preamble).toHaveLength(1);
    expect(report.warnings.map((w) => w.message)).toContain(
      '조항 위에서 목차(항목 12개)를 찾아 페이지 부속물로 뺐습니다 (parse --report에 나옵니다)',
    );
  });
});

describe('decorated headings', () => {
  it('제N조(…) followed by a 라벨링 label or a glued back-to-top link: the title is the bracketed part, the rest is dropped', () => {
    const { version, report } = parseFixture('gongdan-article-decorated.txt');
    expect(report.dropped.filter((d) => /제목 줄의|제목 뒤의/u.test(d.reason)).map((d) => [d.line, d.text, d.reason])).toEqual([
      [21, '처리목적', '제목 뒤의 라벨링 표시 (제목을 되풀이함)'],
      [29, '개인정보 보유기간', '제목 뒤의 라벨링 표시 (제목을 되풀이함)'],
      [37, '위로', '제목 줄의 "위로" 링크'],
      [60, '위로', '제목 줄의 "위로" 링크'],
      [79, '개인정보 보호책임자', '제목 뒤의 라벨링 표시 (제목을 되풀이함)'],
    ]);
    // The first clause of 제1조 is its ① paragraph, not the label.
    expect(version.articles[0]!.body[0]).toMatchObject({ marker: '①', text: '공단은 다음의 목적을 위하여 개인정보를 처리합니다.' });
  });

  it('an icon caption before "N조." is dropped; the "• 1." items under it stay clauses', () => {
    const { version, report } = parseFixture('gun-article-bare-icons.txt');
    expect(version.numbering).toBe('article-bare');
    expect(droppedAs(report, /^제목 줄의 라벨링 아이콘 설명/u).slice(0, 2)).toEqual([
      [14, '개인정보의 처리 목적 아이콘'],
      [22, '개인정보의 처리 및 보유기간 아이콘'],
    ]);
    expect(version.articles[0]!.body[0]!.children!.map((c) => c.text)).toEqual(['1.민원사무 처리', '2.행정업무 처리']);
  });

  it('"■ 1. … TOP": the ■ is a bullet, the number is the heading\'s, TOP is dropped', () => {
    const { version, report } = parseFixture('welfare-bulleted-decimal.txt');
    expect(version.articles[0]).toMatchObject({ number: 1, label: '1.', title: '개인정보의 처리 목적', topic: 'purpose' });
    expect(droppedAs(report, /^제목 줄의 "위로" 링크/u)).toHaveLength(12);
  });
});

describe('a heading with its body on the same line', () => {
  it('"1. 개인정보의 처리 목적 센터는 …": the title is the words naming the topic, the sentence is the first clause', () => {
    const { version } = parseFixture('center-decimal-inline.txt');
    expect(version.articles[0]!.body[0]).toEqual({
      text: '센터는 개인정보를 다음의 목적을 위해 처리합니다. 처리한 개인정보는 방과후학교 강사 인력풀 운영, 프로그램 신청 접수 등의 목적 이외의 용도로는 사용되지 않습니다.',
    });
    expect(version.articles[2]!.body[0]!.text).toMatch(/^센터는 법령에 따른 보유기간/u);
    expect(version.articles.at(-1)!.body).toEqual([{ text: '이 개인정보 처리방침은 2023. 3. 2.부터 적용됩니다.' }]);
    expect(version.effective).toBe('2023-03-02');
  });

  it('"1. 개인정보의 처리 목적 외 이용 …" is not split: the words go on the phrase', () => {
    const { version } = parsePolicy(
      [
        '개인정보 처리방침',
        '',
        '1. 개인정보의 처리 목적',
        '1. 개인정보의 처리 목적 외 이용 및 제3자 제공은 별도의 동의를 받아야 합니다.',
        '2. 개인정보의 파기',
        '지체 없이 파기합니다.',
        '3. 개인정보 보호책임자',
        '센터장이 책임집니다.',
      ].join('\n'),
    );
    expect(version.articles.map((a) => a.title)).toEqual(['개인정보의 처리 목적', '개인정보의 파기', '개인정보 보호책임자']);
    expect(version.articles[0]!.body).toEqual([{ marker: '1.', text: '개인정보의 처리 목적 외 이용 및 제3자 제공은 별도의 동의를 받아야 합니다.' }]);
  });
});

describe('the same markers inside articles are clauses', () => {
  it('"1." items under "1." headings (decimal in decimal)', () => {
    const { version } = parseFixture('gongdan-decimal.txt');
    expect(version.articles[0]!.body.filter((c) => c.marker === '1.' || c.marker === '2.' || c.marker === '3.').map((c) => c.text)).toEqual([
      '홈페이지 회원 가입 및 관리',
      '체육시설 수강 신청 및 이용',
      '민원사무 처리',
    ]);
    expect(version.articles[2]!.body.slice(1).map((c) => c.marker)).toEqual(['1.', '2.', '3.']);
  });

  it('"1." items (and "1)" under them) under "가." headings', () => {
    const { version } = parseFixture('gu-hangul.txt');
    expect(version.articles[1]!.body[1]).toMatchObject({ marker: '2.', children: [{ marker: '1)' }, { marker: '2)' }, { marker: '3)' }] });
  });

  it('"■" sub-headings in every 제N조 article: 제N조 is the scheme, and the last article keeps its own (no appendix)', () => {
    const { version } = parseFixture('gu-article-symbol-subheads.txt');
    expect(version.numbering).toBeUndefined();
    expect(version.articles[5]!.body.filter((c) => c.marker === '■').map((c) => c.text)).toEqual(['파기절차', '파기방법']);
    expect(version.articles.at(-1)!.body.map((c) => c.marker ?? c.text)).toEqual([
      '■',
      '이 개인정보 처리방침은 2024. 10. 7.부터 적용됩니다.',
      '■',
      '2021. 11. 1. ~ 2024. 10. 6. 적용',
    ]);
    expect(version.appendix).toEqual([]);
  });

  it('"1." and "가." under "Ⅰ." headings; "□" and "○" under "■" headings', () => {
    const roman = parseFixture('education-roman.txt').version;
    expect(roman.articles[0]!.body[1]).toMatchObject({ marker: '1.', text: '민원사무 처리', children: [{ marker: '가.' }, { marker: '나.' }] });
    const symbol = parseFixture('jaedan-symbol.txt').version;
    expect(symbol.articles[0]!.body.slice(1).map((c) => [c.marker, c.children?.[0]?.marker])).toEqual([['□', '○'], ['□', '○'], ['□', '○']]);
  });
});

describe('small pages in the other spellings', () => {
  const page = (...lines: string[]): string => ['개인정보 처리방침', '', '센터는 다음과 같이 개인정보 처리방침을 수립·공개합니다.', '', ...lines, ''].join('\n');

  it.each([
    ['【1】', '【2】', '【3】', 'bracket'],
    ['I.', 'II.', 'III.', 'roman'],
    ['1)', '2)', '3)', 'paren'],
  ] as const)('%s %s %s … are %s headings', (a, b, c, scheme) => {
    const { version } = parsePolicy(
      page(`${a} 개인정보의 처리 목적`, '민원 처리를 위해 처리합니다.', `${b} 개인정보의 파기`, '지체 없이 파기합니다.', `${c} 개인정보 보호책임자`, '센터장이 책임집니다.'),
    );
    expect(version.numbering).toBe(scheme);
    expect(version.articles.map((x) => [x.number, x.label, x.title])).toEqual([
      [1, a, '개인정보의 처리 목적'],
      [2, b, '개인정보의 파기'],
      [3, c, '개인정보 보호책임자'],
    ]);
  });

  it('an icon caption before a "N." heading is dropped as furniture', () => {
    const { version, report } = parsePolicy(
      page('처리목적 아이콘 1. 개인정보의 처리 목적', '민원 처리를 위해 처리합니다.', '파기 아이콘 2. 개인정보의 파기', '지체 없이 파기합니다.', '책임자 아이콘 3. 개인정보 보호책임자', '센터장이 책임집니다.'),
    );
    expect(version.articles.map((a) => [a.label, a.title])).toEqual([
      ['1.', '개인정보의 처리 목적'],
      ['2.', '개인정보의 파기'],
      ['3.', '개인정보 보호책임자'],
    ]);
    expect(droppedAs(report, /아이콘 설명/u)).toEqual([
      [5, '처리목적 아이콘'],
      [7, '파기 아이콘'],
      [9, '책임자 아이콘'],
    ]);
  });

  it('the reasons for a heading line\'s furniture are in the language of each parse (a line read before, in Korean, is not reported in Korean again)', () => {
    const text = page('처리목적 아이콘 1. 개인정보의 처리 목적 위로', '민원 처리를 위해 처리합니다.', '파기 아이콘 2. 개인정보의 파기', '지체 없이 파기합니다.', '3. 개인정보 보호책임자 TOP', '센터장이 책임집니다.');
    const reasons = () => parsePolicy(text).report.dropped.filter((d) => d.line === 5 || d.line === 9).map((d) => [d.line, d.text, d.reason]);
    expect(reasons()).toEqual([
      [5, '처리목적 아이콘', '제목 줄의 라벨링 아이콘 설명'],
      [5, '위로', '제목 줄의 "위로" 링크'],
      [9, 'TOP', '제목 줄의 "위로" 링크'],
    ]);
    setLanguage('en');
    try {
      expect(reasons()).toEqual([
        [5, '처리목적 아이콘', '라벨링 icon caption on the heading line'],
        [5, '위로', 'back-to-top link on the heading line'],
        [9, 'TOP', 'back-to-top link on the heading line'],
      ]);
    } finally {
      setLanguage('ko');
    }
  });

  it('unnumbered headings of a saved page (<h3>), with list bodies', () => {
    const html = [
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>개인정보처리방침</title></head><body>',
      '<div id="contents"><h2>가람재단 개인정보 처리방침</h2>',
      '<p>가람재단은 「개인정보 보호법」 제30조에 따라 다음과 같이 개인정보 처리방침을 수립·공개합니다.</p>',
      '<h3>개인정보의 처리 목적</h3><ul><li>후원 회원 관리</li><li>민원 처리</li></ul>',
      '<h3>개인정보의 처리 및 보유기간</h3><ul><li>후원 종료 후 5년</li></ul>',
      '<h3>개인정보의 파기</h3><p>지체 없이 파기합니다.</p>',
      '<h3>개인정보 보호책임자</h3><p>사무국장 김가람 (02-000-0000)</p>',
      '</div></body></html>',
    ].join('\n');
    const { version } = parsePolicy(html);
    expect(version.numbering).toBe('none');
    expect(version.articles.map((a) => [a.number, a.label, a.title])).toEqual([
      [1, undefined, '개인정보의 처리 목적'],
      [2, undefined, '개인정보의 처리 및 보유기간'],
      [3, undefined, '개인정보의 파기'],
      [4, undefined, '개인정보 보호책임자'],
    ]);
  });

  it('"◎ …" headings over "○ …" items are the symbol scheme, numbered by position', () => {
    const { version } = parsePolicy(page('◎ 개인정보의 처리 목적', '○ 후원 회원 관리', '◎ 개인정보의 파기', '○ 지체 없이 파기합니다.', '◎ 개인정보 보호책임자', '○ 사무국장이 책임집니다.'));
    expect(version.numbering).toBe('symbol');
    expect(version.articles.map((a) => [a.number, a.label, a.title, a.body[0]!.marker])).toEqual([
      [1, '◎', '개인정보의 처리 목적', '○'],
      [2, '◎', '개인정보의 파기', '○'],
      [3, '◎', '개인정보 보호책임자', '○'],
    ]);
    expect(renderPolicyText(version)).toContain('\n◎ 개인정보의 파기\n');
  });

  it('a skipped number is named in the document\'s scheme', () => {
    const { report } = parsePolicy(
      page('1. 개인정보의 처리 목적', '민원 처리를 위해 처리합니다.', '2. 개인정보의 파기', '지체 없이 파기합니다.', '4. 개인정보 보호책임자', '센터장이 책임집니다.'),
    );
    const [two, four] = [{ number: 2, label: '2.', title: '' }, { number: 4, label: '4.', title: '' }];
    expect(report.warnings).toContainEqual({
      line: 9,
      message: `조 번호가 ${articleName(two, 'decimal')}에서 ${articleName(four, 'decimal')}(으)로 건너뜁니다`,
    });
    expect(report.warnings.some((w) => w.message.includes('제2조'))).toBe(false);
  });

  it('a page of notices, with short lines and list items but no policy headings, is still refused', () => {
    expect(() => parsePolicy('공지사항\n\n1. 휴관 안내\n2. 행사 안내\n\n도서관 휴관일은 매주 월요일입니다.\n', { sourceFile: 'notice.txt' })).toThrow(
      'notice.txt에서 조 제목(제N조 …)을 찾지 못했습니다: 처리방침 페이지가 맞는지 확인하세요',
    );
  });
});

describe('the seeds keep their scheme', () => {
  it.each(SEED_SLUGS)('%s', (slug) => {
    const { version } = parsePolicy(seedBytes(slug));
    // 익산 prints "1조." and "3조" (no 제); the other four 제N조, which the model leaves implicit.
    expect(version.numbering).toBe(slug === 'iksan' ? 'article-bare' : undefined);
    expect(version.articles.every((a) => a.label === undefined)).toBe(true);
  });
});
