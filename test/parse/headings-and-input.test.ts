/**
 * Heading styles and references on small inputs, and bad input: empty, binary, undecodable, no article.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { decodePolicyBytes, parsePolicy } from '../../src/domain/parse/index.js';
import { seedBytes } from './seeds.js';

/** A policy page around the given body lines. */
function page(...lines: string[]): string {
  return ['개인정보 처리방침', '', '시는 다음과 같이 개인정보 처리방침을 수립·공개합니다.', '', ...lines, ''].join('\n');
}

function articlesOf(text: string): Array<[number, number | undefined, string]> {
  return parsePolicy(text).version.articles.map((a) => [a.number, a.branch, a.title]);
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('heading styles', () => {
  it.each([
    ['제1조 개인정보의 처리목적', 1, undefined, '개인정보의 처리목적'],
    ['제1조 (개인정보의 처리 목적)', 1, undefined, '개인정보의 처리 목적'],
    ['제1조. 개인정보의 처리목적', 1, undefined, '개인정보의 처리목적'],
    ['1조. 개인정보의 처리 목적', 1, undefined, '개인정보의 처리 목적'],
    ['3조 개인정보의 제3자 제공에 관한 사항', 3, undefined, '개인정보의 제3자 제공에 관한 사항'],
    ['제 1 조 개인정보의 처리목적', 1, undefined, '개인정보의 처리목적'],
    ['제1조(목적)', 1, undefined, '목적'],
    ['제1조 [목적]', 1, undefined, '목적'],
    ['제1조【목적】', 1, undefined, '목적'],
    ['제3조의2 가명정보의 처리', 3, 2, '가명정보의 처리'],
    ['제3조의 2 (가명정보의 처리)', 3, 2, '가명정보의 처리'],
    ['• 제3조 개인정보의 제3자 제공', 3, undefined, '개인정보의 제3자 제공'],
    ['- 제3조 개인정보의 제3자 제공', 3, undefined, '개인정보의 제3자 제공'],
    ['제11조 14세 미만 아동의 개인정보 처리에 관한 사항', 11, undefined, '14세 미만 아동의 개인정보 처리에 관한 사항'],
  ] as const)('"%s" is article %i', (heading, number, branch, title) => {
    expect(articlesOf(page(heading, '본문입니다.'))).toEqual([[number, branch, title]]);
  });

  it('"제1조(목적) 이 방침은 …" has the body on the heading line', () => {
    const { articles } = parsePolicy(page('제1조(목적) 이 방침은 시의 개인정보 처리 기준을 정한다.')).version;
    expect(articles).toEqual([
      { number: 1, title: '목적', topic: 'purpose', body: [{ text: '이 방침은 시의 개인정보 처리 기준을 정한다.' }] },
    ]);
  });

  it('a heading glued to the list above it (no blank line) still starts an article', () => {
    const text = page('제1조 개인정보의 처리목적', '  • 민원사무 처리', '    민원인의 신원 확인', '제2조 개인정보의 처리 및 보유 기간', '  • 민원사무 처리 : 3년');
    expect(articlesOf(text).map((a) => a[0])).toEqual([1, 2]);
  });
});

describe('references are not headings', () => {
  it.each([
    '제1조(개인정보의 처리 목적)에서 명시한 범위 내에서 처리합니다.',
    '제1조 [개인정보의 처리 목적]에서 명시한 범위 내에서 처리합니다.',
    '제3조에 따라 보유기간이 지난 개인정보는 파기합니다.',
    '제1항에 따른 권리 행사는 서면으로 합니다.',
    '제35조 제4항에 따라 열람이 제한될 수 있습니다',
    '제2조 열람은 언제든지 요구할 수 있습니다.',
    '같은 법 제35조 제4항에 의하여 다음사항의 경우 열람이 제한될 수 있습니다.',
  ])('"%s" at the start of a line stays body text', (line) => {
    const { version } = parsePolicy(page('제1조 개인정보의 처리목적', line, '제4조 개인정보의 파기', '지체 없이 파기합니다.'));
    expect(version.articles.map((a) => a.number)).toEqual([1, 4]);
    expect(version.articles[0]!.body).toEqual([{ text: line }]);
  });

  it('a heading-looking line whose number goes backwards is body text, with a warning', () => {
    const { version, report } = parsePolicy(
      page('제1조 개인정보의 처리목적', '본문', '제2조 개인정보의 처리 및 보유기간', '제1조 개인정보의 처리목적', '제3조 개인정보의 제3자 제공', '본문'),
    );
    expect(version.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(version.articles[1]!.body).toEqual([{ text: '제1조 개인정보의 처리목적' }]);
    expect(report.warnings.some((w) => w.line === 8 && /조 번호 순서에 맞지 않아/.test(w.message))).toBe(true);
  });
});

describe('bad input', () => {
  it('an empty file is an InputError', () => {
    const error = inputError(() => parsePolicy(new Uint8Array(), { sourceFile: 'empty.txt' }));
    expect(error.message).toBe('empty.txt이(가) 비어 있습니다');
    expect(error.hint).toBeTruthy();
  });

  it('whitespace only is an InputError', () => {
    expect(inputError(() => parsePolicy(' \n\t\r\n\u00a0\n')).message).toBe('입력이(가) 비어 있습니다');
  });

  it('a document with no article heading is an InputError that says what is missing', () => {
    const error = inputError(() =>
      parsePolicy('고양시 공지사항\n\n시청 민원실 운영시간이 변경되었습니다.\n', { sourceFile: 'notice.txt' }),
    );
    expect(error.message).toBe('notice.txt에서 조 제목(제N조 …)을 찾지 못했습니다: 처리방침 페이지가 맞는지 확인하세요');
    expect(error.where).toBe('notice.txt');
  });

  it('binary bytes (a PNG header with NUL bytes) are an InputError', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = inputError(() => parsePolicy(png, { sourceFile: 'logo.png' }));
    expect(error.message).toMatch(/^logo\.png은\(는\) 방침 본문이 아니라 이진\(binary\) 데이터로 보입니다/);
    expect(error.hint).toMatch(/처리방침 페이지에서 복사한 본문을 주세요/);
  });

  it('bytes that are neither UTF-8 nor EUC-KR are an InputError', () => {
    const bytes = new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0x82, 0xff, 0xff]);
    expect(inputError(() => decodePolicyBytes(bytes)).message).toMatch(/UTF-8도 EUC-KR\/CP949도 아닙니다/);
  });

  it('mostly control characters (no NUL) are binary', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)));
    expect(inputError(() => parsePolicy(bytes)).message).toMatch(/이진\(binary\) 데이터로 보입니다/);
  });

  it('UTF-16 text is refused with a hint to save it as UTF-8', () => {
    const error = inputError(() => decodePolicyBytes(new Uint8Array([0xff, 0xfe, 0x1c, 0xc8])));
    expect(error.message).toMatch(/UTF-16/);
    expect(error.hint).toMatch(/UTF-8/);
  });

  it('an invalid slug option is refused', () => {
    expect(inputError(() => parsePolicy(page('제1조 목적', '본문'), { slug: '../x' })).message).toMatch(/슬러그 "\.\.\/x"이\(가\) 올바르지 않습니다/);
  });
});

describe('decoding', () => {
  it('strips a UTF-8 BOM and reports utf-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('제1조 목적')]);
    expect(decodePolicyBytes(bytes)).toEqual({ text: '제1조 목적', encoding: 'utf-8' });
  });

  it('reads EUC-KR bytes (제1조 목적) and reports euc-kr', () => {
    // 제 C1A6, 1, 조 C1B6, space, 목 B8F1, 적 C0FB
    const bytes = new Uint8Array([0xc1, 0xa6, 0x31, 0xc1, 0xb6, 0x20, 0xb8, 0xf1, 0xc0, 0xfb]);
    expect(decodePolicyBytes(bytes)).toEqual({ text: '제1조 목적', encoding: 'euc-kr' });
  });

  it('a string input is hashed as its UTF-8 bytes', () => {
    const text = page('제1조 목적', '본문');
    const fromString = parsePolicy(text).version.source;
    const fromBytes = parsePolicy(new TextEncoder().encode(text)).version.source;
    expect(fromString).toEqual(fromBytes);
  });

  it('a city it cannot name is "unknown", with a warning', () => {
    const { version, report } = parsePolicy(page('제1조 목적', '본문'));
    expect(version.slug).toBe('unknown');
    expect(report.warnings.map((w) => w.message)).toContain('본문에서 기관을 알아내지 못했습니다: 기관 이름과 슬러그를 주세요');
  });
});

describe('limits', () => {
  it('a file over 10 MB is refused with a clear InputError', () => {
    const big = new Uint8Array(10_000_001).fill(0x41);
    const error = inputError(() => parsePolicy(big, { sourceFile: 'huge.txt' }));
    expect(error.message).toBe('huge.txt의 크기가 10.0 MB입니다: 처리방침 한 쪽의 본문은 이보다 훨씬 작습니다 (예시 방침은 40 kB 미만)');
  });

  it('10,000 articles: the first 9,999 (the schema\'s limit) are found in order; the 10,000th is kept as text and named', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `제${i + 1}조 조항 ${i + 1}\n\n내용 ${i + 1} 입니다.\n`).join('\n');
    const { version, report } = parsePolicy(text, { city: '시험시', slug: 'test' });
    expect(version.articles).toHaveLength(9999);
    expect(version.articles.at(-1)).toMatchObject({
      number: 9999,
      body: [{ text: '내용 9999 입니다.' }, { text: '제10000조 조항 10000' }, { text: '내용 10000 입니다.' }],
    });
    const messages = report.warnings.map((w) => w.message);
    expect(messages.some((m) => m.startsWith('조 제목처럼 보이는 줄이 9999개'))).toBe(true);
    expect(messages).toContain('"제10000조 조항 10000"의 조 번호(10000)가 9999을(를) 넘어 위 조의 본문으로 두었습니다');
  });

  it('headings below the page footer (the page pasted twice) are dropped with a warning that names them', () => {
    const goyang = new TextDecoder().decode(seedBytes('goyang'));
    const { version, report } = parsePolicy(`${goyang}\n${goyang}`);
    expect(version.articles).toHaveLength(12);
    expect(report.dropped.some((d) => d.text === '제1조. 개인정보의 처리목적')).toBe(true);
    expect(report.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^페이지 꼬리\(157행, "최종수정일 : 2022-07-19 09:55:47"\)보다 아래에 있는 제목 같은 줄 12개를 함께 뺐습니다 \(첫 줄은 187행의 "제1조\. 개인정보의 처리목적"\)/),
    );
  });
});
