/**
 * Pages from other cities and other copies: built from seed passages with the changes real pages
 * show (목차, law-style headings, bullets, 제정/개정 lists, 부칙, no title), and the same seeds
 * re-encoded (CRLF + BOM, NFD, EUC-KR, terminal escape sequences).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { accountFor } from './accounting.js';
import { seedBytes } from './seeds.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function fixture(name: string): Uint8Array {
  return readFileSync(FIXTURES + name);
}

function parseFixture(name: string) {
  return parsePolicy(fixture(name), { sourceFile: `test/parse/fixtures/${name}` });
}

function textModel(version: PolicyVersion) {
  const { title, preamble, articles, appendix, revision, effective } = version;
  return { title, preamble, articles, appendix, revision, effective };
}

function expectRoundTrip(version: PolicyVersion): void {
  const rendered = renderPolicyText(version);
  expect(textModel(parsePolicy(rendered).version)).toEqual(textModel(version));
}

function expectNothingLost(name: string, decoded: string): void {
  const { version, report } = parseFixture(name);
  const { missing, unaccounted } = accountFor(decoded, version, report.dropped.map((d) => d.line));
  expect(missing).toEqual([]);
  expect(unaccounted).toEqual([]);
}

describe('a page with a table of contents (안산시, 목차)', () => {
  const { version, report } = parseFixture('ansan-toc.txt');

  it('takes the articles with bodies, not the 목차 lines', () => {
    expect(version.articles.map((a) => `${a.number} ${a.title}`)).toEqual([
      '1 개인정보의 처리 목적',
      '2 개인정보의 처리 및 보유기간',
      '3 개인정보의 제3자 제공',
      '4 개인정보처리의 위탁',
      '5 정보주체의 권리·의무 및 그 행사방법',
      '6 개인정보의 파기',
      '7 개인정보의 안전성 확보 조치',
      '8 개인정보 보호책임자',
      '9 권익침해 구제방법',
      '10 개인정보 처리방침의 변경',
    ]);
    expect(version.articles[0]!.body[0]!.text).toMatch(/^안산시는 개인정보를 다음의 목적을 위해 처리합니다/);
  });

  it('drops the 목차 and its caption as page furniture, each line with a reason, and warns', () => {
    expect(version.preamble.map((c) => c.text)).toEqual([expect.stringMatching(/^안산시는 개인정보 보호법 제30조에 따라/)]);
    const toc = report.dropped.filter((d) => /목차/u.test(d.reason));
    expect(toc.map((d) => [d.line, d.text])).toEqual([
      [7, '목차'],
      [9, '제1조 개인정보의 처리 목적'],
      [10, '제2조 개인정보의 처리 및 보유기간'],
      [11, '제3조 개인정보의 제3자 제공'],
      [12, '제4조 개인정보처리의 위탁'],
      [13, '제5조 정보주체의 권리·의무 및 그 행사방법'],
      [14, '제6조 개인정보의 파기'],
      [15, '제7조 개인정보의 안전성 확보 조치'],
      [16, '제8조 개인정보 보호책임자'],
      [17, '제9조 권익침해 구제방법'],
      [18, '제10조 개인정보 처리방침의 변경'],
    ]);
    expect(report.warnings).toContainEqual({
      line: 9,
      message: '조항 위에서 목차(항목 10개)를 찾아 페이지 부속물로 뺐습니다 (parse --report에 나옵니다)',
    });
  });

  it('reads the city, the revision (① ② and an indented range) and loses nothing', () => {
    expect([version.city, version.slug, version.title]).toEqual(['안산시', 'ansan', '안산시 개인정보 처리방침']);
    expect(version.effective).toBe('2023-05-01');
    expect(version.revision!.earlier).toEqual([
      { from: '2019-03-04', until: '2023-04-30', text: '2019. 03. 04. ~ 2023. 04. 30. 적용' },
    ]);
    expectNothingLost('ansan-toc.txt', new TextDecoder().decode(fixture('ansan-toc.txt')));
    expectRoundTrip(version);
  });
});

describe('law-style headings and a 부칙 (성남시)', () => {
  const { version, report } = parseFixture('seongnam-law-style.txt');

  it('reads 제1조(목적) with its body on the heading line, 제 2 조 (…), 제 3 조 […], 제3조의2【…】, 제4조.', () => {
    expect(version.articles.map((a) => [a.number, a.branch, a.title, a.topic])).toEqual([
      [1, undefined, '목적', 'purpose'],
      [2, undefined, '개인정보의 처리 목적', 'purpose'],
      [3, undefined, '개인정보의 처리 및 보유기간', 'retention'],
      [3, 2, '가명정보의 처리', 'pseudonymous'],
      [4, undefined, '개인정보의 파기', 'destruction'],
      [5, undefined, '개인정보 보호책임자', 'officer'],
      [6, undefined, '개인정보 처리방침의 변경', 'revision'],
    ]);
    expect(version.articles[0]!.body).toEqual([
      { text: '이 방침은 성남시가 처리하는 개인정보의 처리 목적, 항목, 보유기간 등을 정함을 목적으로 한다.' },
    ]);
    expect(version.articles[3]!.body[0]!.text).toMatch(/^성남시는 통계작성/);
    // 제6조(…) ① 이 … : the inline body keeps its ① marker.
    expect(version.articles[6]!.body[0]).toEqual({ marker: '①', text: '이 개인정보 처리방침은 2024년 1월 1일부터 시행합니다.' });
  });

  it('keeps "제1조(…)에서 명시한" and "제3조에 따라" at the start of a line as body text', () => {
    expect(version.articles[1]!.body.at(-1)).toEqual({
      text: '제1조(개인정보의 처리 목적)에서 명시한 범위를 초과하여 처리하는 경우에는 별도의 동의를 받습니다.',
    });
    expect(version.articles[4]!.body.map((c) => c.text)).toEqual([
      '제3조에 따라 보유기간이 경과한 개인정보는 지체 없이 파기합니다.',
      '같은 법 제35조 제4항에 따라 열람이 제한되는 개인정보도 같습니다.',
    ]);
  });

  it('puts the 부칙 in the appendix, its 제1조/제2조 as text, and says so', () => {
    expect(version.appendix).toEqual([
      {
        title: '부 칙',
        body: [
          { text: '제1조(시행일) 이 방침은 2024년 1월 1일부터 시행한다.' },
          { text: '제2조(경과조치) 이 방침 시행 전에 수집한 개인정보는 종전의 방침에 따른다.' },
        ],
      },
    ]);
    expect(report.warnings.filter((w) => /조 번호 순서에 맞지 않아/.test(w.message)).map((w) => w.line)).toEqual([34, 35]);
  });

  it('reads the revision (cut-offs) and round-trips', () => {
    expect(version.revision).toMatchObject({
      style: 'cutoffs',
      effective: '2024-01-01',
      earlier: [{ before: '2021-03-02' }, { before: '2024-01-01' }],
    });
    expect(version.revision!.listedOutOfOrder).toBeUndefined();
    expectNothingLost('seongnam-law-style.txt', new TextDecoder().decode(fixture('seongnam-law-style.txt')));
    expectRoundTrip(version);
  });
});

describe('headings inside bullets and a 제정/개정 list (김포시)', () => {
  const { version, report } = parseFixture('gimpo-bullets-enactment.txt');

  it('finds "• 제1조 …" and "- 제3조 …" headings', () => {
    expect(version.articles.map((a) => `${a.number} ${a.title}`)).toEqual([
      '1 개인정보의 처리 목적',
      '2 개인정보의 처리 및 보유기간',
      '3 개인정보 보호책임자',
      '4 개인정보 처리방침의 변경',
    ]);
    expect(version.articles[1]!.body.map((c) => c.marker)).toEqual(['-', '-']);
  });

  it('keeps the 제정/개정 list in the preamble and reads it as the version history', () => {
    expect(version.preamble.slice(0, 3)).toEqual([{ text: '제정 2011. 9. 30.' }, { text: '개정 2015. 8. 26.' }, { text: '개정 2019. 4. 1.' }]);
    expect(version.effective).toBe('2019-04-01');
    expect(version.revision).toEqual({
      style: 'plain',
      effective: '2019-04-01',
      effectiveText: '이 개인정보 처리방침은 게시일부터 적용됩니다.',
      earlier: [
        { from: '2011-09-30', before: '2015-08-26', text: '제정 2011. 9. 30.' },
        { from: '2015-08-26', before: '2019-04-01', text: '개정 2015. 8. 26.' },
      ],
    });
    expect(report.warnings.map((w) => w.message)).toContain(
      '시행일 2019-04-01을(를) 머리말 위의 제정·개정 목록("개정 2019. 4. 1.")에서 읽었습니다',
    );
    expect([version.city, version.slug]).toEqual(['김포시', 'gimpo']);
    expectRoundTrip(version);
  });
});

describe('a page without a policy title (춘천시)', () => {
  const { version, report } = parseFixture('chuncheon-no-title.txt');

  it('keeps the prose right above the first article as the preamble, drops the header, and warns', () => {
    expect(version.title).toBe('');
    expect(version.preamble).toHaveLength(1);
    expect(version.preamble[0]!.text).toMatch(/^춘천시는 「개인정보 보호법」 제30조에 따라/);
    expect(report.dropped.filter((d) => d.reason === '페이지 머리 (그 위에 방침 제목이 없음)').map((d) => d.text)).toEqual([
      '본문 바로가기',
      '주메뉴 바로가기',
      '춘천시청',
      '로그인 회원가입 사이트맵',
      '• 시정소식',
      '• 분야별정보',
      '홈 > 이용안내 > 개인정보보호',
    ]);
    expect(report.warnings.some((w) => w.message.includes('방침 제목(개인정보 처리방침을 이르는 짧은 줄)을 찾지 못했습니다'))).toBe(true);
  });

  it('drops the survey and 맨위로 after the last article, and reads "2022. 7. 19.부터"', () => {
    expect(report.dropped.filter((d) => d.reason.startsWith('페이지 꼬리')).map((d) => d.text)).toEqual([
      '이 페이지에서 제공하는 정보에 대하여 만족하십니까?',
      '매우만족',
      '만족',
      '보통',
      '불만족',
      '매우불만족',
      '맨위로',
    ]);
    expect(version.articles).toHaveLength(3);
    expect(version.effective).toBe('2022-07-19');
    expect([version.city, version.slug]).toEqual(['춘천시', 'chuncheon']);
    expectNothingLost('chuncheon-no-title.txt', new TextDecoder().decode(fixture('chuncheon-no-title.txt')));
    expectRoundTrip(version);
  });
});

describe('the same seed in other encodings and forms', () => {
  it('고양 with CRLF line endings and a UTF-8 BOM parses like the seed', () => {
    const seed = parsePolicy(seedBytes('goyang'));
    const copy = parseFixture('goyang-crlf-bom.txt');
    expect(textModel(copy.version)).toEqual(textModel(seed.version));
    expect(copy.report.dropped).toEqual(seed.report.dropped);
    expect(copy.version.source.encoding).toBe('utf-8');
    expect(copy.version.source.sha256).not.toBe(seed.version.source.sha256);
    expect(copy.version.articles[8]!.body.filter((c) => c.row)[0]!.row).toEqual(['개인정보 보호책임자', '', '개인정보 보호담당자', '']);
  });

  it('파주 in NFD (decomposed Hangul, as macOS writes it) parses like the seed, in NFC', () => {
    const bytes = fixture('paju-nfd.txt');
    expect(new TextDecoder().decode(bytes)).not.toBe(new TextDecoder().decode(seedBytes('paju')));
    const copy = parsePolicy(bytes);
    expect(textModel(copy.version)).toEqual(textModel(parsePolicy(seedBytes('paju')).version));
    expect(copy.version.articles[9]!.title).toBe('개인정보 보호책임자');
  });

  it('익산 in EUC-KR/CP949 is decoded, not garbled, and says so', () => {
    const copy = parseFixture('iksan-euc-kr.txt');
    expect(copy.version.source.encoding).toBe('euc-kr');
    expect(textModel(copy.version)).toEqual(textModel(parsePolicy(seedBytes('iksan')).version));
    expect(copy.version.appendix[0]!.title).toBe('■ 영상정보처리방침');
  });

  it('의정부 with ANSI colours, OSC title and hyperlink sequences and a bell: stripped, with a warning', () => {
    const copy = parseFixture('uijeongbu-escapes.txt');
    expect(textModel(copy.version)).toEqual(textModel(parsePolicy(seedBytes('uijeongbu')).version));
    expect(JSON.stringify(copy)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    const warning = copy.report.warnings.find((w) => w.message.includes('터미널 제어 문자'));
    expect(warning).toEqual({
      line: 19,
      message: '19, 23, 149, 153행에서 터미널 제어 문자나 이스케이프 시퀀스 7개를 지웠습니다',
    });
  });
});
