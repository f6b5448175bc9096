/**
 * Saved HTML pages: the same policy as the seed text, whether an officer copied the page's text or
 * saved the page (Ctrl+S), in UTF-8 or EUC-KR. The fixtures in fixtures/html/ are pages written from
 * the seeds the way city CMSs lay them out: header and menus, the policy in a content area, tables,
 * lists, a satisfaction survey and a footer.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import type { Clause, ParseResult, PolicyVersion } from '../../src/domain/model.js';
import { charsetFamily, decodeEntities, htmlToText, looksLikeHtml } from '../../src/domain/parse/html.js';
import { decodePolicyBytes, parsePolicy } from '../../src/domain/parse/index.js';
import { detectMarker } from '../../src/domain/parse/lines.js';
import { accountFor, squash } from './accounting.js';
import { SEED_SLUGS, seedBytes, type SeedSlug } from './seeds.js';

const HTML_DIR = fileURLToPath(new URL('./fixtures/html/', import.meta.url));
const TEXT_FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

function pageBytes(name: string): Uint8Array {
  return readFileSync(HTML_DIR + name);
}

function parsePage(name: string): ParseResult {
  return parsePolicy(pageBytes(name), { sourceFile: `test/parse/fixtures/html/${name}` });
}

const PAGES: ReadonlyArray<{ file: string; seed: SeedSlug; encoding: 'utf-8' | 'euc-kr' }> = [
  { file: 'goyang-cms.html', seed: 'goyang', encoding: 'utf-8' },
  { file: 'paju-euc-kr.html', seed: 'paju', encoding: 'euc-kr' },
  { file: 'iksan-lists.html', seed: 'iksan', encoding: 'utf-8' },
];

/** A clause's text without the list markers it starts with ("- 1. 정보주체…" and "• 1. 정보주체…" alike). */
function withoutMarkers(text: string): string {
  let rest = text.trim();
  for (let marker = detectMarker(rest); marker; marker = detectMarker(rest)) rest = marker.text;
  return rest;
}

/** What a reader sees in a block, ignoring whitespace, list markers and nesting. */
function content(clauses: readonly Clause[]): string {
  return clauses
    .map((c) => (c.row ? squash(c.row.join('')) : squash(withoutMarkers(c.text ?? ''))) + content(c.children ?? []))
    .join('');
}

function allRows(clauses: readonly Clause[]): string[][] {
  return clauses.flatMap((c) => [...(c.row ? [c.row] : []), ...allRows(c.children ?? [])]);
}

/** The version without where it came from: what two copies of one policy must share. */
function policyOnly(version: PolicyVersion): Omit<PolicyVersion, 'source'> {
  const { source: _source, ...rest } = version;
  return rest;
}

/**
 * The page's text nodes, found independently of the converter: comments, script, style, noscript and
 * template removed, <head> reduced to its <title>, then split at every tag.
 */
function visibleTextNodes(html: string): string[] {
  const page = html
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<head\b[\s\S]*?<\/head\s*>/iu, (head) => /<title>[\s\S]*?<\/title>/iu.exec(head)?.[0] ?? '');
  return page
    .split(/<\/?[A-Za-z!][^>]*>/u)
    .map((node) => decodeEntities(node).normalize('NFC').trim())
    .filter((node) => node !== '');
}

/** Every piece of text a reader can find after parsing: the model's lines and the dropped lines. */
function textAtoms({ version, report }: ParseResult): string[] {
  const clauseAtoms = (clauses: readonly Clause[]): string[] =>
    clauses.flatMap((c) => [squash(c.row ? c.row.join('') : (c.marker ?? '') + (c.text ?? '')), ...clauseAtoms(c.children ?? [])]);
  return [
    squash(version.title),
    ...clauseAtoms(version.preamble),
    ...version.articles.flatMap((a) => [`${a.number}조${squash(a.title)}`, ...clauseAtoms(a.body)]),
    ...version.appendix.flatMap((s) => [squash(s.title), ...clauseAtoms(s.body)]),
    ...report.dropped.map((d) => squash(d.text)),
  ];
}

/** A heading as written (제1조. 제목, 1조. 제목, 제1조 제목) in the form textAtoms gives articles. */
function headingForm(text: string): string {
  return text.replace(/^제?(\d+)조\.?/u, '$1조');
}

describe('saved pages give the policy the copied text gives', () => {
  it.each(PAGES)('$file: same articles (numbers, titles, topics), revision, effective date as the $seed seed', ({ file, seed }) => {
    const page = parsePage(file).version;
    const text = parsePolicy(seedBytes(seed)).version;
    expect(page.articles.map((a) => [a.number, a.branch, a.title, a.topic])).toEqual(
      text.articles.map((a) => [a.number, a.branch, a.title, a.topic]),
    );
    expect(page.revision).toEqual(text.revision);
    expect(page.effective).toBe(text.effective);
    expect([page.city, page.slug, page.title]).toEqual([text.city, text.slug, text.title]);
  });

  it.each(PAGES)('$file: each article, the preamble and the appendix read the same, up to list markers and whitespace', ({ file, seed }) => {
    const page = parsePage(file).version;
    const text = parsePolicy(seedBytes(seed)).version;
    page.articles.forEach((article, k) => {
      expect(content(article.body), `제${article.number}조`).toBe(content(text.articles[k]!.body));
    });
    expect(content(page.preamble)).toBe(content(text.preamble));
    expect(page.appendix.map((s) => [s.title, content(s.body)])).toEqual(text.appendix.map((s) => [s.title, content(s.body)]));
  });

  it.each(PAGES)('$file: the page\'s encoding, and source.sha256 of its raw bytes', ({ file, encoding }) => {
    const { version } = parsePage(file);
    expect(version.source).toEqual({
      file: `test/parse/fixtures/html/${file}`,
      sha256: createHash('sha256').update(pageBytes(file)).digest('hex'),
      encoding,
    });
  });

  it.each(PAGES)('$file: no warnings (the seeds have none either)', ({ file }) => {
    expect(parsePage(file).report.warnings).toEqual([]);
  });
});

describe('nothing lost from a saved page', () => {
  it.each(PAGES)('$file: every visible text node is in the model or among the dropped lines', ({ file, encoding }) => {
    const result = parsePage(file);
    const html = new TextDecoder(encoding).decode(pageBytes(file));
    const atoms = textAtoms(result);
    const missing = visibleTextNodes(html).filter((node) => {
      const wanted = squash(headingForm(node));
      return wanted !== '' && !atoms.some((atom) => atom.includes(wanted));
    });
    expect(missing).toEqual([]);
  });

  it.each(PAGES)('$file: the page parses exactly as its text lines, and every line of that text is accounted for', ({ file }) => {
    const page = parsePage(file);
    const converted = htmlToText(decodePolicyBytes(pageBytes(file)).text);
    const text = converted.lines.join('\n');
    expect(looksLikeHtml(text)).toBe(false);
    const asText = parsePolicy(text);
    expect(policyOnly(asText.version)).toEqual(policyOnly(page.version));
    // The page's report also holds what the page does not show as text (skip links, screen-reader captions, options).
    const notShown = new Set(converted.dropped.map((d) => `${d.line}\0${d.text}\0${d.reason}`));
    const fromText = page.report.dropped.filter((d) => !notShown.has(`${d.line}\0${d.text}\0${d.reason}`));
    expect(asText.report.dropped.map((d) => d.text)).toEqual(fromText.map((d) => d.text));
    const { missing, unaccounted } = accountFor(text, asText.version, asText.report.dropped.map((d) => d.line));
    expect(missing).toEqual([]);
    expect(unaccounted).toEqual([]);
  });

  it('scripts, styles and the head are not text: nothing of them reaches the model or the report', () => {
    const result = parsePage('goyang-cms.html');
    const everything = JSON.stringify(result);
    for (const hidden of ['가짜 제목', '스크립트가 쓴 문단', 'gnb', 'font-size', 'X-UA-Compatible', 'jquery']) {
      expect(everything).not.toContain(hidden);
    }
  });
});

describe('page furniture is dropped by the parser\'s own rules', () => {
  const FURNITURE: Record<string, string[]> = {
    'goyang-cms.html': ['본문 바로가기 주메뉴 바로가기', '• 분야별정보', '• 이메일무단수집거부', '홈 > 이용안내 > 개인정보처리방침',
      '개인정보처리방침\t목적외이용 · 제3자제공', '최종수정일 : 2022-07-19 09:55:47', '• 매우불만족',
      'Text input field for user comments.', '작성', 'Copyright © Goyang Special City. All rights reserved.', '고양시 도서관센터'],
    'paju-euc-kr.html': ['파주시청 - 개인정보처리방침', '• 종합민원', 'HOME > 이용안내 > 개인정보처리방침',
      '이 페이지에서 제공하는 정보에 대하여 만족하십니까?', '매우만족 만족 보통 불만족 매우불만족', '콘텐츠 관리부서 : 정보통신과 031-940-5332',
      'Copyright(c) Paju City. All Rights Reserved.'],
    'iksan-lists.html': ['통합검색', '검색', '전체메뉴', '홈 › 이용안내 › 개인정보처리방침', '최종수정일', '• 매우만족', '평가하기',
      'COPYRIGHT © IKSAN CITY. ALL RIGHTS RESERVED.'],
  };

  it.each(PAGES)('$file: menus, breadcrumbs, survey and footer are in report.dropped, not in the policy', ({ file }) => {
    const { version, report } = parsePage(file);
    const dropped = report.dropped.map((d) => d.text);
    for (const line of FURNITURE[file]!) expect(dropped).toContain(line);
    for (const d of report.dropped) expect(d.reason).toMatch(/^(페이지 (머리|탭 메뉴|꼬리)|건너뛰기 링크|화면 낭독기용 글|선택 목록\(<select>\)의 항목|버튼 글자)/);
    const policy = JSON.stringify(policyOnly(version));
    for (const word of ['바로가기 주메뉴', '매우만족', 'Copyright', 'COPYRIGHT', '최종수정일', '통합검색']) expect(policy).not.toContain(word);
  });

  it('dropped lines carry the HTML source line they came from', () => {
    const html = readFileSync(HTML_DIR + 'goyang-cms.html', 'utf8').split('\n');
    for (const d of parsePage('goyang-cms.html').report.dropped) {
      const firstWord = d.text.replace(/^[\s•]+/u, '').split(/[\s\t]/u)[0]!;
      expect(decodeEntities(html[d.line - 1]!), `line ${d.line}: ${d.text}`).toContain(firstWord);
    }
  });
});

describe('tables arrive as rows', () => {
  it('고양 제9조: the contact table, row by row, empty cells kept, exactly as in the copied text', () => {
    const page = parsePage('goyang-cms.html').version.articles[8]!;
    const text = parsePolicy(seedBytes('goyang')).version.articles[8]!;
    expect(allRows(page.body)).toEqual([
      ['개인정보 보호책임자', '', '개인정보 보호담당자', ''],
      ['담당부서', '기획조정실', '담당부서', '정보통신담당관'],
      ['성명', '최영수', '성명', '위대환'],
      ['전화번호', '031-8075-2020', '전화번호', '031-8075-2593'],
      ['변경일', '2022. 07. 18.', '변경일', '2021. 4. 3.'],
    ]);
    expect(allRows(page.body)).toEqual(allRows(text.body));
  });

  it('고양 제5조: a header row and a row of two long cells (<br> inside a cell is a space)', () => {
    const page = parsePage('goyang-cms.html').version.articles[4]!;
    const text = parsePolicy(seedBytes('goyang')).version.articles[4]!;
    expect(allRows(page.body)).toEqual(allRows(text.body));
    expect(allRows(page.body)[0]).toEqual(['온라인(인터넷)', '오프라인(서면)']);
  });

  it('a table that lays out the page (menu cell, content cell) is read cell after cell, not as one row', () => {
    const { version } = parsePage('paju-euc-kr.html');
    expect(allRows([...version.preamble, ...version.articles.flatMap((a) => a.body)])).toEqual([]);
    expect(version.articles).toHaveLength(15);
  });
});

describe('EUC-KR pages and declared charsets', () => {
  const paju = pageBytes('paju-euc-kr.html');

  it('파주 in EUC-KR: decoded, with &middot;, &lsquo;A 등급&rsquo; and NBSP-indented items nested under their item', () => {
    const { version } = parsePage('paju-euc-kr.html');
    expect(version.source.encoding).toBe('euc-kr');
    expect(version.articles[0]!.title).toBe('개인정보의 처리 목적');
    const second = version.articles[0]!.body[1]!;
    expect(second).toMatchObject({ marker: '2.', text: '파주시가 개인정보보호법 제32조에 따라 등록 · 공개하는 개인정보파일의 처리목적은 다음과 같습니다.' });
    expect(second.children?.map((c) => c.marker)).toEqual(['가.', '나.']);
    expect(version.articles[12]!.body[1]).toMatchObject({ marker: '2.', text: expect.stringContaining('결과 ‘A 등급’을 획득하였습니다.') });
    expect(JSON.stringify(version)).not.toContain('\ufffd');
  });

  it.each(['cp949', 'ks_c_5601-1987', 'x-windows-949', 'EUC-KR'])('<meta charset="%s"> on EUC-KR bytes reads as EUC-KR', (label) => {
    const html = new TextDecoder('latin1').decode(paju).replace('charset=euc-kr', `charset=${label}`);
    const bytes = Uint8Array.from(html, (ch) => ch.charCodeAt(0));
    const { version } = parsePolicy(bytes);
    expect(version.source.encoding).toBe('euc-kr');
    expect(version.articles.map((a) => a.title)).toEqual(parsePolicy(paju).version.articles.map((a) => a.title));
  });

  it('a BOM wins over the declared charset, and so do bytes that are valid UTF-8', () => {
    const utf8 = readFileSync(HTML_DIR + 'goyang-cms.html', 'utf8').replace('<meta charset="utf-8">', '<meta charset="euc-kr">');
    const withBom = parsePolicy(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(utf8)]));
    const without = parsePolicy(new TextEncoder().encode(utf8));
    for (const { version } of [withBom, without]) {
      expect(version.source.encoding).toBe('utf-8');
      expect(version.articles[8]!.title).toBe('개인정보 보호책임자');
    }
  });

  it('a page in a charset bangchim does not read is refused by name, not decoded as EUC-KR garbage', () => {
    const latin = new TextDecoder('latin1').decode(paju).replace('charset=euc-kr', 'charset=windows-1252');
    const bytes = Uint8Array.from(latin, (ch) => ch.charCodeAt(0));
    expect(() => parsePolicy(bytes, { sourceFile: 'page.html' })).toThrow(InputError);
    expect(() => parsePolicy(bytes, { sourceFile: 'page.html' })).toThrow('page.html은(는) 문자 집합 "windows-1252"의 HTML 페이지여서 bangchim이 읽지 못합니다');
  });

  it('charset names: every CP949 alias is EUC-KR, UTF-8 aliases are UTF-8, others are not read', () => {
    expect(['euc-kr', 'cp949', 'ms949', 'ks_c_5601-1987', 'ksc5601', 'windows-949', 'korean'].map(charsetFamily)).toEqual(new Array(7).fill('euc-kr'));
    expect(['utf-8', 'utf8', 'unicode-1-1-utf-8'].map(charsetFamily)).toEqual(['utf-8', 'utf-8', 'utf-8']);
    expect(['shift_jis', 'windows-1252', 'no-such-charset'].map(charsetFamily)).toEqual([null, null, null]);
  });
});

describe('what is taken for HTML', () => {
  it.each(SEED_SLUGS)('the %s seed (copied text) is not HTML', (slug) => {
    expect(looksLikeHtml(new TextDecoder().decode(seedBytes(slug)))).toBe(false);
  });

  it('no text fixture is HTML', () => {
    const names = readdirSync(TEXT_FIXTURE_DIR).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(looksLikeHtml(decodePolicyBytes(readFileSync(TEXT_FIXTURE_DIR + name)).text), name).toBe(false);
  });

  it('text with <처리목적>, <http://…> links and a quoted <br> or two is text', () => {
    expect(looksLikeHtml(new TextDecoder().decode(seedBytes('paju')))).toBe(false);
    const text = '개인정보처리방침\n\n제1조 목적\n<처리목적>에 따라 처리합니다.\n홈페이지 : <http://privacy.kisa.or.kr>\n줄바꿈은 <br> 또는 <p>로 씁니다.\n';
    expect(looksLikeHtml(text)).toBe(false);
    expect(parsePolicy(text).version.articles[0]!.body.map((c) => c.text)).toEqual([
      '<처리목적>에 따라 처리합니다.',
      '홈페이지 : <http://privacy.kisa.or.kr>',
      '줄바꿈은 <br> 또는 <p>로 씁니다.',
    ]);
  });

  it.each([
    ['<!DOCTYPE html>', '<!DOCTYPE html>\n<html><body><p>x</p></body></html>'],
    ['an HTML 4 doctype', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>'],
    ['BOM and whitespace', '\ufeff  \n<html lang="ko">'],
    ['IE "saved from" comment', '<!-- saved from url=(0038)https://www.goyang.go.kr/www/privacy -->\n<html>'],
    ['an XML declaration', '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'],
    ['<head> first', '<head><meta charset="utf-8"></head>'],
    ['<BODY> first', '<BODY BGCOLOR="#FFFFFF">'],
  ])('a page that starts with %s is HTML', (_why, text) => {
    expect(looksLikeHtml(text)).toBe(true);
  });

  it('a fragment (only the content area\'s source, no <html>) is HTML by its density of tags, and parses to the same articles', () => {
    const page = readFileSync(HTML_DIR + 'goyang-cms.html', 'utf8');
    const fragment = page.slice(page.indexOf('<div id="contents">'), page.indexOf('<!-- //콘텐츠 끝 -->'));
    expect(looksLikeHtml(fragment)).toBe(true);
    const { version } = parsePolicy(fragment);
    expect(version.articles.map((a) => a.title)).toEqual(parsePage('goyang-cms.html').version.articles.map((a) => a.title));
    expect(version.source.encoding).toBe('utf-8');
  });
});

function lines(html: string): string[] {
  return htmlToText(html).lines;
}

describe('HTML → text lines', () => {
  it('entities: the common names, decimal and hex references, windows-1252 C1 numbers; unknown names as written', () => {
    expect(decodeEntities('&middot;&lsquo;A&rsquo;&ldquo;B&rdquo;&rarr;&lt;&gt;&amp;&quot;&apos;&hellip;&bull;')).toBe('·‘A’“B”→<>&"\'…•');
    expect(decodeEntities('&nbsp;&ensp;&emsp;')).toBe('\u00a0\u2002\u2003');
    expect(decodeEntities('&#51228;&#xC870;&#X203B;&#150;&#0;')).toBe('제조※–\ufffd');
    expect(decodeEntities('&foo; &copy &nbspx AT&T &amp')).toBe('&foo; © &nbspx AT&T &');
  });

  it('inline whitespace collapses as in a browser; NBSP does not; blocks and <br> break lines', () => {
    expect(lines('<p>  개인정보\n   <b>처리</b>방침 </p><div>둘째<br>셋째</div>')).toEqual(['개인정보 처리방침', '', '둘째', '셋째']);
    expect(lines('<p>&nbsp;&nbsp;가. 항목</p>')).toEqual(['\u00a0\u00a0가. 항목']);
    expect(lines('<p>&nbsp;</p><p>본문</p>')).toEqual(['본문']);
  });

  it('lists: "• " per item, two spaces per level of nesting, an item\'s further lines under its bullet', () => {
    expect(lines('<ul><li>하나<ol><li>가. 둘<ul><li>셋</li></ul></li></ol></li><li>넷<br>넷의 둘째 줄</li></ul>')).toEqual([
      '• 하나',
      '  • 가. 둘',
      '    • 셋',
      '• 넷',
      '  넷의 둘째 줄',
    ]);
    expect(lines('<ul><li>닫지 않은 항목<li>다음 항목</ul><p>문단</p>')).toEqual(['• 닫지 않은 항목', '• 다음 항목', '', '문단']);
  });

  it('tables: a row per line, cells joined by a tab, empty cells kept; <pre> keeps its line breaks', () => {
    expect(lines('<table><tr><th>성명</th><th></th><td>위대환</td></tr><tr><td></td><td>031</td><td>&nbsp;</td></tr></table>')).toEqual([
      '성명\t\t위대환',
      '\t031\t',
    ]);
    expect(lines('<pre>\n제1조 목적\n  1. 첫째\n\n  2. 둘째</pre>')).toEqual(['제1조 목적', '  1. 첫째', '', '  2. 둘째']);
  });

  it('script, style, noscript, template and comments vanish; <title> is a line; a bare < is text', () => {
    expect(lines('<title>제목</title><script>var s = "</p><p>가짜";</script><style>p{}</style><noscript>JS 끄기</noscript>' +
      '<template><p>틀</p></template><!-- 주석 <p>숨김</p> --><p>1 < 2, <처리목적></p>')).toEqual(['제목', '', '1 < 2, <처리목적>']);
  });

  it('each line knows the source line it came from', () => {
    const page = htmlToText('<html>\n<body>\n<p>첫째</p>\n\n<ul>\n<li>둘째</li>\n</ul>\n</body>');
    expect(page.lines).toEqual(['첫째', '', '• 둘째']);
    expect(page.sourceLines).toEqual([3, 6, 6]);
  });
});

describe('hostile pages: a correct result or a clear InputError, never a crash or a hang', () => {
  const goyang = readFileSync(HTML_DIR + 'goyang-cms.html', 'utf8');
  const goyangTitles = parsePolicy(goyang).version.articles.map((a) => a.title);
  const contentStart = goyang.indexOf('<div id="contents">');
  const contentEnd = goyang.indexOf('<!-- //콘텐츠 끝 -->');

  it('<script>alert(1)</script> and <img onerror> in the policy: the articles are there, the script is not', () => {
    const hostile = goyang.replace('<h4>제3조.', '<script>alert(1)</script><img src=x onerror="alert(2)"><h4>제3조.');
    const result = parsePolicy(hostile);
    expect(result.version.articles.map((a) => a.title)).toEqual(goyangTitles);
    expect(JSON.stringify(result)).not.toMatch(/alert|onerror/u);
  });

  it('no closing tags at all (</p>, </li>, </td>, </tr>, </ul>, </div> removed): the same articles and rows', () => {
    const unclosed = goyang.replace(/<\/(p|li|td|th|tr|ul|div|h4|h5)>/gu, '');
    const { version } = parsePolicy(unclosed);
    expect(version.articles.map((a) => a.title)).toEqual(goyangTitles);
    expect(allRows(version.articles[8]!.body)).toEqual(allRows(parsePolicy(goyang).version.articles[8]!.body));
  });

  it('10,000 nested <div>s around the policy', () => {
    const nested = goyang.slice(0, contentStart) + '<div>'.repeat(10_000) + goyang.slice(contentStart, contentEnd) + '</div>'.repeat(10_000) + goyang.slice(contentEnd);
    const started = performance.now();
    expect(parsePolicy(nested).version.articles.map((a) => a.title)).toEqual(goyangTitles);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a 5 MB page (a huge menu above the policy) parses in seconds', () => {
    const menu = Array.from({ length: 100_000 }, (_, k) => `<li><a href="/menu/${k}">메뉴 항목 ${k}</a></li>`).join('\n');
    const big = goyang.replace('<nav id="gnb">', `<nav id="gnb"><ul>${menu}</ul>`);
    expect(new TextEncoder().encode(big).length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const { version, report } = parsePolicy(big);
    expect(version.articles.map((a) => a.title)).toEqual(goyangTitles);
    expect(report.dropped.length).toBeGreaterThan(100_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('a 2.5 MB <script> and a 2.5 MB attribute value are skipped whole', () => {
    const padding = 'x'.repeat(2_500_000);
    const big = goyang.replace('</head>', `<script>var junk = "${padding}";</script></head>`).replace('<div id="contents">', `<div id="contents" data-junk="${padding}">`);
    expect(parsePolicy(big).version.articles.map((a) => a.title)).toEqual(goyangTitles);
  }, 30_000);

  it('a page cut off inside a tag, a quote or a comment: what was before it is read', () => {
    const cut = goyang.slice(0, goyang.indexOf('<h4>제11조')) + '<a href="/x';
    expect(parsePolicy(cut).version.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const unclosedComment = goyang.replace('<h4>제12조', '<!-- <h4>제12조');
    expect(parsePolicy(unclosedComment).version.articles).toHaveLength(11);
  });

  it('a page with no visible text, or no policy on it, is a clear InputError', () => {
    expect(() => parsePolicy('<!DOCTYPE html><html><head><title></title><script>x()</script></head><body></body></html>', { sourceFile: 'empty.html' }))
      .toThrow('empty.html은(는) 보이는 글이 없는 HTML 페이지입니다');
    expect(() => parsePolicy('<!DOCTYPE html><html><body><h1>페이지를 찾을 수 없습니다</h1><p>404 Not Found</p></body></html>', { sourceFile: '404.html' }))
      .toThrow('404.html에서 조 제목(제N조 …)을 찾지 못했습니다');
    expect(() => parsePolicy('<html><body><script>' + 'while(1){}'.repeat(1000), { sourceFile: 'script.html' })).toThrow(InputError);
  });
});
