/**
 * Raw page sources, as an officer gets them from the web team or the CMS: a JSP page with includes, JSTL
 * and a <textarea> inside a <%-- … --%> comment (a 공단), a PHP page whose preamble names the body with
 * <?= $site_name ?> (a 재단), a Vue single-file component with an accordion (a 도서관), an ASP page with
 * a hidden tab panel, aria-hidden accordion bodies, an image heading and a version drop-down (a
 * 교육지원청). Each is read as the page it renders: every policy line lands in the version, everything
 * else is in the report with a reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Clause, ParseResult, PolicyVersion } from '../../src/domain/model.js';
import { decodeEntities, dropDownOption, htmlToText, looksLikeHtml } from '../../src/domain/parse/html.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { squash } from './accounting.js';

const HTML_DIR = fileURLToPath(new URL('./fixtures/html/', import.meta.url));

interface RawPage {
  file: string;
  body: string;
  name: string;
  slug: string;
  articles: string[];
  /** Strings of the source that are not policy: none may reach the version's text. */
  furniture: string[];
  /** The earlier versions are listed in a drop-down above the policy: read from it, not part of the text. */
  versionsAbove?: true;
}

/** The version without what the page lists of its earlier versions outside the policy text (evidence, not text). */
function withoutListAbove(version: Omit<PolicyVersion, 'source'>, page: RawPage): Omit<PolicyVersion, 'source'> {
  if (!page.versionsAbove || !version.revision) return version;
  const { earlier: _earlier, style: _style, listedOutOfOrder: _order, ...revision } = version.revision;
  return { ...version, revision: revision as PolicyVersion['revision'] };
}

const STANDARD_TAIL = ['개인정보 보호책임자', '권익침해 구제방법', '개인정보 처리방침의 변경'];

const PAGES: readonly RawPage[] = [
  {
    file: 'gongdan-jsp.jsp',
    body: '공단',
    name: '한국도로시설관리공단',
    slug: 'hangukdorosiseolgwanrigongdan',
    articles: [
      '개인정보의 처리 목적', '개인정보의 처리 및 보유기간', '처리하는 개인정보의 항목', '개인정보의 제3자 제공',
      '개인정보 처리업무의 위탁', '개인정보의 파기', '정보주체와 법정대리인의 권리·의무 및 그 행사방법',
      '개인정보의 안전성 확보 조치', '개인정보 보호책임자', '개인정보 열람청구', '권익침해 구제방법', '개인정보 처리방침의 변경',
    ],
    furniture: ['새창열림', 'oldPolicy', 'isMobile', 'getContextPath', 'contextPath', 'lastModified', 'spring:message', '${', '<%', 'c:if', 'loginVO', '수정'],
  },
  {
    file: 'jaedan-php.php',
    body: '재단',
    name: '가온시문화재단',
    slug: 'gaonsimunhwajaedan',
    articles: [
      '개인정보의 처리목적', '처리하는 개인정보의 항목', '개인정보의 처리 및 보유기간', '만 14세 미만 아동의 개인정보 처리에 관한 사항',
      '개인정보의 제3자 제공', '개인정보처리의 위탁', '개인정보의 파기절차 및 파기방법', '정보주체와 법정대리인의 권리·의무 및 행사방법',
      '개인정보의 안전성 확보조치', '개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항', ...STANDARD_TAIL,
    ],
    furniture: ['site_name', 'DOCUMENT_ROOT', 'is_admin', 'menu_code', '페이지 수정', '1) {', '?>', '<?', 'date(', 'Copyright', '이전 개인정보처리방침 보기', '본문 바로가기'],
  },
  {
    file: 'library-vue.vue',
    body: '도서관',
    name: '다온구립도서관',
    slug: 'daonguripdoseogwan',
    articles: [
      '개인정보의 처리 목적', '처리하는 개인정보 항목', '개인정보의 처리 및 보유 기간', '개인정보의 제3자 제공', '개인정보 처리의 위탁',
      '개인정보의 파기 절차 및 방법', '정보주체와 법정대리인의 권리·의무 및 행사방법', '개인정보의 안전성 확보조치', ...STANDARD_TAIL,
    ],
    furniture: ['{{', 'effectiveDate', '불러오는 중', '내 개인정보 확인하기', '새 창으로 열림', '전체 펼치기', '인쇄', 'fetchPolicyMeta', 'crumbs', 'sr-only', 'onMounted'],
  },
  {
    file: 'kyoyukjiwoncheong-asp.asp',
    body: '교육지원청',
    name: '충청남도가온교육지원청',
    slug: 'chungcheongnamdogaongyoyukjiwoncheong',
    articles: [
      '개인정보의 처리 목적', '개인정보의 처리 및 보유 기간', '처리하는 개인정보의 항목', '개인정보의 제3자 제공', '개인정보처리의 위탁',
      '개인정보의 파기', '정보주체와 법정대리인의 권리·의무 및 그 행사방법', '개인정보의 안전성 확보조치', '개인정보 보호책임자',
      '개인정보 열람청구', '권익침해 구제방법', '개인정보 처리방침의 변경',
    ],
    furniture: ['이전 방침 선택', '2023. 3. 1. ~ 2024. 2. 29. 적용', '이전 개인정보 처리방침', '보기', '새창열림', '알림마당', 'FormatDateTime', 'menuId', 'Response', 'COPYRIGHT', '개인정보파일 목록: 파일명'],
    versionsAbove: true,
  },
];

function source(file: string): string {
  return readFileSync(HTML_DIR + file, 'utf8');
}

function parsePage(file: string): ParseResult {
  return parsePolicy(readFileSync(HTML_DIR + file), { sourceFile: `test/parse/fixtures/html/${file}` });
}

function policyOnly(version: PolicyVersion): Omit<PolicyVersion, 'source'> {
  const { source: _source, ...rest } = version;
  return rest;
}

/**
 * The source's text nodes, found independently of the converter: server code, comments, scripts and
 * styles removed, <head> reduced to its <title>, EL and {{ }} expressions cut out, then split at tags.
 */
function sourceTextNodes(text: string): string[] {
  const page = text
    .replace(/<%--[\s\S]*?--%>/gu, '')
    .replace(/<%[\s\S]*?%>/gu, '')
    .replace(/<\?(?:php|=)[\s\S]*?(?:\?>|$)/giu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<head\b[\s\S]*?<\/head\s*>/iu, (head) => /<title>[\s\S]*?<\/title>/iu.exec(head)?.[0] ?? '')
    .replace(/\$\{[^}]*\}|\{\{[\s\S]*?\}\}/gu, '');
  return page
    .split(/<\/?[A-Za-z!][^>]*>/u)
    .map((node) => decodeEntities(node).replace(/\s+/gu, ' ').trim())
    .filter((node) => node !== '');
}

function clauseAtoms(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((c) => [squash(c.row ? c.row.join('') : (c.marker ?? '') + (c.text ?? '')), ...clauseAtoms(c.children ?? [])]);
}

/** A heading node as written ("제1조(개인정보의 처리 목적)") in the form the atoms give articles. */
function headingForm(node: string): string {
  const m = /^제\s*(\d+)\s*조\s*[(（]?(.*?)[)）]?$/u.exec(node);
  return m ? `${m[1]}조${m[2]}` : node;
}

function versionAtoms(version: PolicyVersion): string[] {
  return [
    squash(version.title),
    ...clauseAtoms(version.preamble),
    ...version.articles.flatMap((a) => [`${a.number}조${squash(a.title)}`, ...clauseAtoms(a.body)]),
    ...version.appendix.flatMap((s) => [squash(s.title), ...clauseAtoms(s.body)]),
  ];
}

function bodyText(version: PolicyVersion, number: number): string {
  return clauseAtoms(version.articles.find((a) => a.number === number)!.body).join('');
}

describe.each(PAGES)('$file ($body)', (page) => {
  it('is read as a page, not as text', () => {
    expect(looksLikeHtml(source(page.file))).toBe(true);
  });

  it(`finds exactly its ${page.articles.length} articles, numbered in order, with their titles`, () => {
    const { version } = parsePage(page.file);
    expect(version.articles.map((a) => [a.number, a.title])).toEqual(page.articles.map((title, k) => [k + 1, title]));
    expect(version.articles.every((a) => a.body.length > 0)).toBe(true);
  });

  it(`names the body ${page.name} (slug ${page.slug}), without a warning about the name`, () => {
    const { version, report } = parsePage(page.file);
    expect([version.city, version.slug]).toEqual([page.name, page.slug]);
    expect(report.warnings.map((w) => w.message).join('\n')).not.toMatch(/기관을 알아내지|슬러그/u);
  });

  it('loses no line: every text node of the source is in the version or in the report', () => {
    const result = parsePage(page.file);
    const inVersion = versionAtoms(result.version);
    const reported = result.report.dropped.map((d) => squash(d.text));
    const missing = sourceTextNodes(source(page.file)).filter((node) => {
      const wanted = squash(headingForm(node));
      return ![...inVersion, ...reported].some((atom) => atom.includes(wanted));
    });
    expect(missing).toEqual([]);
    for (const d of result.report.dropped) expect(d.reason.length, d.text).toBeGreaterThan(10);
  });

  it('lets no furniture, code or expression into the version', () => {
    const policy = JSON.stringify(withoutListAbove(policyOnly(parsePage(page.file).version), page));
    for (const word of page.furniture) expect(policy, word).not.toContain(word);
  });

  it('parse → render → parse is a fixed point', () => {
    const first = parsePage(page.file).version;
    const rendered = renderPolicyText(first);
    const second = parsePolicy(rendered, { city: first.city, slug: first.slug }).version;
    // A drop-down above the policy is not its text: the rendered text cannot list those versions again.
    expect(withoutListAbove(policyOnly({ ...second, source: first.source }), page)).toEqual(withoutListAbove(policyOnly(first), page));
    expect(renderPolicyText(second)).toBe(rendered);
  });
});

describe('JSP (공단): server code runs before there is any HTML', () => {
  const jsp = source('gongdan-jsp.jsp');

  it('a <textarea> opened inside a <%-- … --%> comment is no textarea: the whole page is read', () => {
    expect(jsp).toMatch(/<%--[\s\S]*<textarea[\s\S]*--%>/u);
    expect(parsePage('gongdan-jsp.jsp').version.articles).toHaveLength(12);
  });

  it('<%= … %>, <spring:message> and ${…} in text are reported as holes the server fills; in attributes they are nothing', () => {
    const { report } = parsePage('gongdan-jsp.jsp');
    const holes = report.dropped.filter((d) => d.reason.startsWith('서버 식'));
    expect(holes.map((d) => [d.line, d.text])).toEqual([
      [122, '<%= request.getAttribute("lastModified") %>'],
      [123, '<spring:message code="privacy.dept" />'],
    ]);
  });

  it('what only an administrator sees (<c:if>) is reported; a scriptlet if around policy prose keeps the prose', () => {
    const { version, report } = parsePage('gongdan-jsp.jsp');
    expect(report.dropped.find((d) => d.text === '수정')?.reason).toMatch(/^<c:if test=.*> 조건일 때만 보임/u);
    expect(bodyText(version, 12)).toContain(squash('모바일에서는 이전 처리방침을 PC 화면에서 확인하실 수 있습니다.'));
  });

  it('screen-reader captions ("새창열림", a table caption) are reported, the link text around them stays', () => {
    const { version, report } = parsePage('gongdan-jsp.jsp');
    const captions = report.dropped.filter((d) => d.reason.startsWith('화면 낭독기용 글'));
    expect(captions.map((d) => d.text)).toEqual(['개인정보파일별 보유근거와 보유기간', '새창열림', '새창열림']);
    expect(bodyText(version, 11)).toContain(squash('1833-6972 (www.kopico.go.kr)'));
  });
});

describe('PHP (재단): a preamble that names the body with <?= $site_name ?>', () => {
  it('the subject is a hole, so the name comes from the site name, not from "재단은" or a 라벨링 caption', () => {
    const { version, report } = parsePage('jaedan-php.php');
    expect(version.preamble[0]!.text).toMatch(/^은\(는\) 「개인정보 보호법」 제30조에 따라/u);
    expect(report.dropped.find((d) => d.text === '<?= $site_name ?>')?.reason).toMatch(/^서버 식/u);
    expect(version.city).toBe('가온시문화재단');
  });

  it('<?php if ($a > 1) { ?> ends at ?>, not at the first ">": no code reaches the page', () => {
    const lines = htmlToText(source('jaedan-php.php')).lines.join('\n');
    expect(lines).not.toMatch(/\$|\?>|\) \{|count\(/u);
  });

  it('what a server if shows only sometimes is judged: an edit link and a history link are reported', () => {
    const { report } = parsePage('jaedan-php.php');
    const branches = report.dropped.filter((d) => d.reason.startsWith('서버의 '));
    expect(branches.map((d) => d.text)).toEqual(['페이지 수정', '이전 개인정보처리방침 보기']);
  });

  it('the <div id="footer"> after the last article is the page footer, not part of 제13조', () => {
    const { version, report } = parsePage('jaedan-php.php');
    expect(version.articles[12]!.body.map((c) => c.text)).toEqual(['이 개인정보 처리방침은 2023년 9월 1일부터 적용됩니다.']);
    expect(report.dropped.filter((d) => d.reason.startsWith('페이지 꼬리 (id가 "footer"인 요소)'))).toHaveLength(2);
  });
});

describe('Vue (도서관): the <template> is the page', () => {
  it('accordion bodies behind v-show are the articles\' text; a v-if spinner and a member-only link are not', () => {
    const { version, report } = parsePage('library-vue.vue');
    expect(bodyText(version, 3)).toContain(squash('대출회원 정보: 회원 탈퇴 시까지 (2년마다 재동의)'));
    expect(bodyText(version, 11)).toBe(squash('이 개인정보 처리방침은 2024년 3월 1일부터 적용됩니다.'));
    expect(report.dropped.find((d) => d.text === '불러오는 중…')?.reason).toMatch(/^v-if="loading" 조건일 때만 보임/u);
    expect(report.dropped.find((d) => d.text === '내 개인정보 확인하기')?.reason).toMatch(/v-if="isMember"/u);
  });

  it('{{ … }} is reported as a template expression; headings written in toggle buttons are read, other buttons are controls', () => {
    const { report } = parsePage('library-vue.vue');
    expect(report.dropped.filter((d) => d.reason.startsWith('템플릿 식')).map((d) => [d.line, d.text])).toEqual([[6, '{{ effectiveDate }}']]);
    expect(report.dropped.filter((d) => d.reason.startsWith('버튼 글자')).map((d) => d.text)).toEqual(['전체 펼치기', '인쇄']);
  });

  it('a <template> in an ordinary page is still not shown', () => {
    expect(htmlToText('<html><body><p>본문</p><template><p>틀</p></template></body></html>').lines).toEqual(['본문']);
  });
});

describe('ASP (교육지원청): hidden, collapsed and dropped-down text', () => {
  it('the second tab panel (style="display:none") holds 제7조–제12조: read as policy', () => {
    const { version } = parsePage('kyoyukjiwoncheong-asp.asp');
    expect(version.articles.slice(6).map((a) => a.number)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(bodyText(version, 12)).toBe(squash('이 개인정보 처리방침은 2024년 3월 1일부터 적용됩니다.'));
  });

  it('aria-hidden accordion bodies are 제8조\'s text; an image heading\'s screen-reader text is 제6조\'s heading', () => {
    const { version } = parsePage('kyoyukjiwoncheong-asp.asp');
    expect(bodyText(version, 8)).toContain(squash('전산실, 자료보관실 등의 접근통제'));
    expect(version.articles[5]!.title).toBe('개인정보의 파기');
  });

  it('the version drop-down\'s options are reported in page order with one reason, with its label and its button', () => {
    const { report } = parsePage('kyoyukjiwoncheong-asp.asp');
    expect(report.dropped.filter((d) => d.reason === dropDownOption()).map((d) => d.text)).toEqual([
      '이전 방침 선택',
      '2023. 3. 1. ~ 2024. 2. 29. 적용',
      '2021. 9. 1. ~ 2023. 2. 28. 적용',
      '2019. 5. 15. ~ 2021. 8. 31. 적용',
    ]);
    expect(report.dropped.find((d) => d.text === '이전 개인정보 처리방침')?.reason).toMatch(/^선택 목록\(<select>\)의 이름표/u);
    expect(report.dropped.find((d) => d.text === '보기')?.reason).toMatch(/^버튼 글자/u);
  });

  it('the version drop-down above the policy lists the earlier versions (제12조 lists none): each option is its evidence', () => {
    const { version, report } = parsePage('kyoyukjiwoncheong-asp.asp');
    expect(version.revision!.earlier).toEqual([
      { from: '2019-05-15', until: '2021-08-31', text: '2019. 5. 15. ~ 2021. 8. 31. 적용' },
      { from: '2021-09-01', until: '2023-02-28', text: '2021. 9. 1. ~ 2023. 2. 28. 적용' },
      { from: '2023-03-01', until: '2024-02-29', text: '2023. 3. 1. ~ 2024. 2. 29. 적용' },
    ]);
    expect(version.effective).toBe('2024-03-01');
    expect(report.warnings.map((w) => w.message)).toContain('이전 버전 3개를 방침 위의 버전 목록("이전 방침 선택" …)에서 읽었습니다');
  });

  it('the label above the drop-down is not taken for the policy title', () => {
    expect(parsePage('kyoyukjiwoncheong-asp.asp').version.title).toBe('개인정보 처리방침');
  });

  it('a hidden mobile menu is reported as hidden links; skip links as skip links', () => {
    const { report } = parsePage('kyoyukjiwoncheong-asp.asp');
    const hidden = report.dropped.filter((d) => d.reason.startsWith('페이지에서 숨겨짐 (style="display:none")'));
    expect(hidden.map((d) => d.text)).toEqual(['• 기관소개', '• 정보공개', '• 알림마당', '• 개인정보 처리방침']);
    expect(report.dropped.filter((d) => d.reason.startsWith('건너뛰기 링크')).map((d) => d.text)).toEqual(['• 본문 바로가기', '• 주메뉴 바로가기']);
  });
});

describe('a version drop-down in the revision article', () => {
  const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
  const base = readFileSync(`${FIXTURES}revisions/base-articles.txt`, 'utf8').trim().split('\n');
  const preamble = '가온교육지원청은 「개인정보 보호법」 제30조에 따라 다음과 같이 개인정보 처리방침을 수립·공개합니다.';
  const sentences = ['① 이 개인정보 처리방침은 2023년 7월 26일부터 적용됩니다.', '② 이전의 개인정보 처리방침은 아래에서 선택하여 보실 수 있습니다.'];
  const options = ['- 선택 -', '2023. 7. 26. ~ 현재', '2022. 9. 1. ~ 2023. 7. 25.', '2021. 1. 4. ~ 2022. 8. 31.', '2019. 5. 20. ~ 2021. 1. 3.'];
  const heading = '제12조(개인정보 처리방침의 변경)';
  const html = [
    '<!DOCTYPE html><html><head><title>개인정보 처리방침 | 가온교육지원청</title></head><body>',
    '<h3>개인정보 처리방침</h3>',
    `<p>${preamble}</p>`,
    ...base.map((line) => (/^제\d+조/u.test(line) ? `<h4>${line}</h4>` : `<p>${line}</p>`)),
    `<h4>${heading}</h4>`,
    ...sentences.map((line) => `<p>${line}</p>`),
    '<div class="ver"><select id="ver">',
    ...options.map((o) => `<option>${o}</option>`),
    '</select><button type="button">보기</button></div>',
    '<p>최종수정일 : 2023-07-26</p>',
    '<select title="관련 사이트"><option>관련 사이트</option><option>2024. 1. 1. 개통 학부모 누리집</option></select>',
    '</body></html>',
  ].join('\n');

  it('its options are read as the list of versions, exactly as when they are lines of copied text', () => {
    const page = parsePolicy(html);
    const text = parsePolicy(['개인정보 처리방침', preamble, ...base, heading, ...sentences, ...options].join('\n'));
    expect(page.version.revision).toEqual(text.version.revision);
    expect(page.version.revision!.style).toBe('dropdown');
    expect(page.version.revision!.earlier.map((e) => e.from)).toEqual(['2019-05-20', '2021-01-04', '2022-09-01']);
    expect(page.version.effective).toBe('2023-07-26');
  });

  it('they are not the article\'s text: 제12조 holds its two sentences, the options are in the report', () => {
    const { version, report } = parsePolicy(html);
    expect(version.articles.at(-1)!.body.map((c) => `${c.marker ?? ''} ${c.text}`.trim())).toEqual(sentences);
    expect(report.dropped.filter((d) => d.reason === dropDownOption()).map((d) => d.text)).toEqual([...options, '관련 사이트', '2024. 1. 1. 개통 학부모 누리집']);
  });
});

describe('hidden text: furniture is reported, policy is kept', () => {
  const lines = (html: string): string[] => htmlToText(html).lines;
  const dropped = (html: string): string[] => htmlToText(html).dropped.map((d) => d.text);

  it('a collapsed accordion body (display:none, hidden, aria-hidden, class "hide") is read where it stands', () => {
    for (const hide of ['style="display: none;"', 'hidden', 'aria-hidden="true"', 'class="hide"']) {
      const html = `<dl><dt>제1조(목적)</dt><dd ${hide}>홈페이지 회원 관리</dd></dl><p>끝</p>`;
      expect(lines(html), hide).toEqual(['제1조(목적)', '홈페이지 회원 관리', '', '끝']);
    }
  });

  it('a hidden block of links or captions is reported, with the way it was hidden', () => {
    const { lines: text, dropped: report } = htmlToText('<p>본문</p><div style="display:none"><a href="/a">메뉴 하나</a> <a href="/b">메뉴 둘</a></div><span hidden>닫기</span>');
    expect(text).toEqual(['본문']);
    expect(report.map((d) => [d.text, d.reason])).toEqual([
      ['메뉴 하나 메뉴 둘', '페이지에서 숨겨짐 (style="display:none"), 메뉴·버튼·설명뿐이어서 방침 본문이 아닙니다'],
      ['닫기', '페이지에서 숨겨짐 (hidden 속성), 메뉴·버튼·설명뿐이어서 방침 본문이 아닙니다'],
    ]);
  });

  it('screen-reader text is reported unless it is an image heading\'s or the title\'s own text', () => {
    expect(lines('<h4><img src="t.png" alt=""><span class="blind">제6조(개인정보의 파기)</span></h4><p>본문<span class="sr-only">새 창</span>입니다</p>'))
      .toEqual(['제6조(개인정보의 파기)', '', '본문입니다']);
    expect(dropped('<p>본문<span class="sr-only">새 창</span>입니다</p><h2 class="blind">개인정보 처리방침</h2>')).toEqual(['새 창']);
  });

  it('an element left unclosed that takes the page with it is judged as hidden text: the policy stays', () => {
    const text = lines('<div class="blind">메뉴<p>제1조(목적) 이 방침은 공단의 개인정보 처리 기준을 정합니다.</p><p>둘</p><p>셋</p><p>넷</p><p>다섯</p>');
    expect(text).toContain('제1조(목적) 이 방침은 공단의 개인정보 처리 기준을 정합니다.');
  });

  it('<select> options are reported wherever the drop-down stands; nothing of them is text', () => {
    const page = htmlToText('<p>제12조(개인정보 처리방침의 변경)</p><select><option>2020. 1. 1. ~ 2021. 12. 31.</option><option selected>현재</option></select><p>이 방침은 2022. 1. 1.부터 적용됩니다.</p>');
    expect(page.lines).toEqual(['제12조(개인정보 처리방침의 변경)', '', '이 방침은 2022. 1. 1.부터 적용됩니다.']);
    expect(page.dropped.map((d) => [d.text, d.reason])).toEqual([
      ['2020. 1. 1. ~ 2021. 12. 31.', dropDownOption()],
      ['현재', dropDownOption()],
    ]);
  });
});

describe('text boxes and headings of raw pages', () => {
  it('a policy in a read-only <textarea> keeps its own line breaks, and its ${…} is a hole', () => {
    const page = htmlToText('<div><textarea readonly>\n제1조(목적)\n이 방침은 ${orgName}의 기준을 정합니다.\n\n제2조(항목)\n성명, 연락처\n</textarea></div>');
    expect(page.lines).toEqual(['제1조(목적)', '이 방침은 의 기준을 정합니다.', '', '제2조(항목)', '성명, 연락처']);
    expect(page.dropped.map((d) => [d.line, d.text])).toEqual([[3, '${orgName}']]);
  });

  it('headings in <h2>–<h4>, <dt>, a <strong> alone in its block, a toggle <button> come out as their own lines', () => {
    const text = lines(
      '<h3>제1조(목적)</h3>본문 하나<dl><dt>제2조(항목)</dt><dd>본문 둘</dd></dl>' +
        '<p><strong>제3조(보유기간)</strong></p><p>본문 셋</p><div><strong>제4조(파기)</strong><br>본문 넷</div>' +
        '<dt><button type="button">제5조(권리)</button></dt>',
    );
    expect(text.filter((l) => l.startsWith('제'))).toEqual(['제1조(목적)', '제2조(항목)', '제3조(보유기간)', '제4조(파기)', '제5조(권리)']);
  });

  it('a number badge in its own element is set apart from the heading\'s title; 제1조(…) in two elements stays whole', () => {
    expect(lines('<h4><span class="num">01</span>개인정보의 처리목적</h4><h4><em>2.</em>개인정보의 파기</h4><h4><span>제3조</span><span>(목적)</span></h4><p><b>1</b>개</p>'))
      .toEqual(['01 개인정보의 처리목적', '', '2. 개인정보의 파기', '', '제3조(목적)', '', '1개']);
    expect(lines('<dl><dt><em>4</em>항목<dd><b>1</b>개</dl>')).toEqual(['4 항목', '1개']);
  });

  function lines(html: string): string[] {
    return htmlToText(html).lines;
  }
});
