/**
 * Whole version histories of three public bodies, as a privacy officer would archive them: every version
 * a complete page, each page's revision article listing the versions before it, the numbering scheme
 * changing once in each history (a 공단 moving from "1." to 제N조 with a 목차, a 도서관 from ■ to unnumbered
 * headings in a site redesign, a 교육지원청's saved pages from 가. to Ⅰ.). Imported into a real git store in
 * date order and shuffled; every version's articles and dates, the ledger, `verify`, and the diff of every
 * consecutive pair: exactly the articles that were changed, nothing else, a change of scheme editorial.
 *
 * The fixtures (test/fixtures/histories/<body>/<date>.txt|html) are composed for bangchim in the styles
 * real bodies' pages use; they copy no real page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/domain/diff/index.js';
import type { FactChange, PolicyDiff } from '../../src/domain/diff/index.js';
import type { NumberingScheme, PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { initStore, openStore } from '../../src/store/index.js';
import { verifyStore } from '../../src/store/verify.js';
import { git, ROOT, tempDir } from './helpers.js';

const HISTORIES = join(ROOT, 'test', 'fixtures', 'histories');

interface Change {
  /** Articles added (by new title), removed (by old title), changed in substance (by new title). */
  added?: string[];
  removed?: string[];
  modified?: string[];
  /** [old title, new title]: retitled, and counted as modified. */
  retitled?: [string, string][];
  /** Facts other than dates, `kind old → new`. */
  facts?: string[];
  /** Canonical topics only the new (old) version has. */
  onlyNew?: string[];
  onlyOld?: string[];
}

interface Version {
  date: string;
  scheme: NumberingScheme;
  titles: string[];
  /** The dates the revision article lists for the versions before it, oldest first: `from` or `from~until`. */
  earlier: string[];
  /** The page lists them in a version drop-down above the policy, not in the article. */
  dropDown?: true;
}

interface History {
  slug: string;
  city: string;
  /** The policy's title as the page prints it. */
  title: string;
  ext: 'txt' | 'html';
  versions: Version[];
  /** changes[k]: from versions[k] to versions[k + 1]. The revision article changes every time. */
  changes: Change[];
}

const REVISION_TITLE = (h: History): string => h.versions[0]!.titles.at(-1)!;

// ── 한마루시설관리공단: "1." headings until 2020, the standard template's 제N조 (with a "1." 목차) from 2023,
// from the 2024 redesign the earlier versions in a drop-down above the policy ──
const G_BASE = ['개인정보의 처리 목적', '개인정보의 처리 및 보유기간', '처리하는 개인정보의 항목', '개인정보의 제3자 제공', '개인정보처리의 위탁', '정보주체의 권리·의무 및 행사방법', '개인정보의 파기', '개인정보의 안전성 확보조치'];
const G_TAIL = ['개인정보 보호책임자', '개인정보 열람청구', '권익침해 구제방법', '개인정보 처리방침의 변경'];
const G_2015 = [...G_BASE, '영상정보처리기기 설치·운영', ...G_TAIL];
const G_2020 = [...G_BASE, '가명정보의 처리', '영상정보처리기기 설치·운영', ...G_TAIL];
const G_2023 = [
  '개인정보의 처리 목적', '개인정보의 처리 및 보유기간', '처리하는 개인정보의 항목', '개인정보의 제3자 제공', '개인정보의 국외 이전', '개인정보처리의 위탁',
  '정보주체와 법정대리인의 권리·의무 및 행사방법', '개인정보의 파기', '개인정보의 안전성 확보조치', '가명정보의 처리', '영상정보처리기기 설치·운영', ...G_TAIL,
];
const G_2024 = [...G_2023.slice(0, 10), '고정형 영상정보처리기기 설치·운영', '자동화된 결정에 대한 정보주체의 권리', ...G_TAIL];
const G_RANGES = ['2012-05-01~2015-03-01', '2015-03-02~2017-06-30', '2017-07-01~2020-08-04', '2020-08-05~2023-09-14', '2023-09-15~2024-10-31', '2024-11-01~2025-02-28'];
const gongdan: History = {
  slug: 'hanmaru-gongdan',
  city: '한마루시설관리공단',
  title: '한마루시설관리공단 개인정보 처리방침',
  ext: 'txt',
  versions: [
    { date: '2015-03-02', scheme: 'decimal', titles: G_2015, earlier: G_RANGES.slice(0, 1) },
    { date: '2017-07-01', scheme: 'decimal', titles: G_2015, earlier: G_RANGES.slice(0, 2) },
    { date: '2020-08-05', scheme: 'decimal', titles: G_2020, earlier: G_RANGES.slice(0, 3) },
    { date: '2023-09-15', scheme: 'article', titles: G_2023, earlier: G_RANGES.slice(0, 4) },
    { date: '2024-11-01', scheme: 'article', titles: G_2024, earlier: G_RANGES.slice(0, 5), dropDown: true },
    { date: '2025-03-01', scheme: 'article', titles: G_2024, earlier: G_RANGES.slice(0, 6), dropDown: true },
  ],
  changes: [
    { modified: ['개인정보처리의 위탁', '개인정보 보호책임자'], facts: ['phone 051-780-1102 → 051-780-1120'] },
    { added: ['가명정보의 처리'], onlyNew: ['pseudonymous'] },
    { added: ['개인정보의 국외 이전'], onlyNew: ['overseas'], retitled: [['정보주체의 권리·의무 및 행사방법', '정보주체와 법정대리인의 권리·의무 및 행사방법']] },
    {
      modified: ['개인정보의 처리 및 보유기간'],
      retitled: [['영상정보처리기기 설치·운영', '고정형 영상정보처리기기 설치·운영']],
      added: ['자동화된 결정에 대한 정보주체의 권리'],
      onlyNew: ['automated-decision'],
      facts: ['period 3년 → 5년'],
    },
    // The 2025 reorganisation renames the team in two articles (and in the page's footer, which is no policy text).
    {
      modified: ['개인정보 보호책임자', '개인정보 열람청구'],
      facts: ['department 기획예산팀 → 경영기획팀', 'department 기획예산팀 → 경영기획팀', 'phone 051-780-1120 → 051-780-1125', 'email privacy@hanmaru.or.kr → privacy-officer@hanmaru.or.kr'],
    },
  ],
};

// ── 한빛구립도서관: ■ headings until 2018, unnumbered headings after the 2019 redesign, a 목차 from 2023; links to
// earlier versions, listed newest first ──
const L_HEAD = ['개인정보의 처리 목적', '개인정보의 처리 및 보유 기간', '처리하는 개인정보 항목'];
const L_MIDDLE = ['개인정보의 제3자 제공', '개인정보 처리의 위탁', '정보주체의 권리·의무 및 그 행사방법', '개인정보의 파기'];
const L_COOKIES = '개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항';
const L_TAIL = ['개인정보 보호책임자', '개인정보 열람청구', '권익침해 구제방법', '개인정보 처리방침 변경'];
const L_2016 = [...L_HEAD, ...L_MIDDLE, L_COOKIES, '개인정보의 안전성 확보 조치', '영상정보처리기기 설치·운영', ...L_TAIL];
const L_2021 = [...L_HEAD, ...L_MIDDLE, L_COOKIES, '개인정보의 안전성 확보 조치', '가명정보의 처리에 관한 사항', '영상정보처리기기 설치·운영', ...L_TAIL];
const L_SENSITIVE = '민감정보의 공개 가능성 및 비공개를 선택하는 방법';
const L_2023 = [...L_HEAD, L_SENSITIVE, ...L_MIDDLE, '개인정보의 안전성 확보 조치', '가명정보의 처리에 관한 사항', '영상정보처리기기 설치·운영', ...L_TAIL];
const L_2025 = [...L_HEAD, L_SENSITIVE, ...L_MIDDLE, '개인정보의 안전성 확보 조치', '가명정보의 처리에 관한 사항', '고정형 영상정보처리기기 설치·운영', ...L_TAIL];
// The oldest link gives only the month ("개정일자 : 2013. 07."), as pages do for a version nobody dated.
const L_LINKS = ['2013-07', '2016-02-01', '2018-05-14', '2019-11-01', '2021-06-01', '2023-09-15'];
const library: History = {
  slug: 'hanbit-library',
  city: '한빛구립도서관',
  title: '개인정보처리방침',
  ext: 'txt',
  versions: [
    { date: '2016-02-01', scheme: 'symbol', titles: L_2016, earlier: L_LINKS.slice(0, 1) },
    { date: '2018-05-14', scheme: 'symbol', titles: L_2016, earlier: L_LINKS.slice(0, 2) },
    { date: '2019-11-01', scheme: 'none', titles: L_2016, earlier: L_LINKS.slice(0, 3) },
    { date: '2021-06-01', scheme: 'none', titles: L_2021, earlier: L_LINKS.slice(0, 4) },
    { date: '2023-09-15', scheme: 'none', titles: L_2023, earlier: L_LINKS.slice(0, 5) },
    { date: '2025-01-02', scheme: 'none', titles: L_2025, earlier: L_LINKS.slice(0, 6) },
  ],
  changes: [
    { modified: ['개인정보 처리의 위탁'] },
    {},
    { added: ['가명정보의 처리에 관한 사항'], onlyNew: ['pseudonymous'], modified: ['개인정보 보호책임자'], facts: ['phone 02-3400-7312 → 02-3400-7315'] },
    { added: [L_SENSITIVE], removed: [L_COOKIES], onlyNew: ['sensitive'], onlyOld: ['cookies'] },
    { modified: ['개인정보의 처리 및 보유 기간'], retitled: [['영상정보처리기기 설치·운영', '고정형 영상정보처리기기 설치·운영']], facts: ['period 2년 → 3년'] },
  ],
};

// ── 한결교육지원청: saved pages, 가. headings until 2017, Ⅰ. from 2019 (ⅩⅢ. past Ⅻ), a change-history table ──
const E_HEAD = ['개인정보의 처리 목적', '개인정보파일 현황', '개인정보의 처리 및 보유기간', '개인정보의 제3자 제공', '개인정보처리 위탁', '정보주체의 권리·의무 및 행사방법', '처리하는 개인정보의 항목', '개인정보의 파기', '개인정보의 안전성 확보조치'];
const E_TAIL = ['개인정보 보호책임자', '개인정보 열람청구', '권익침해 구제방법', '개인정보 처리방침 변경'];
const E_2015 = [...E_HEAD, '영상정보처리기기 설치·운영', ...E_TAIL];
const E_2021 = [...E_HEAD, '가명정보의 처리', '영상정보처리기기 설치·운영', ...E_TAIL];
const E_2023 = [...E_HEAD, '가명정보의 처리', '고정형 영상정보처리기기 설치·운영', ...E_TAIL];
const E_2024 = [...E_HEAD, '가명정보의 처리', '고정형 영상정보처리기기 설치·운영', '자동화된 결정에 대한 정보주체의 권리', ...E_TAIL];
const E_ROWS = ['2013-03-04', '2015-09-01', '2017-03-01', '2019-03-01', '2021-09-01', '2023-03-01'];
const education: History = {
  slug: 'hangyeol-education',
  city: '한결교육지원청',
  title: '개인정보 처리방침',
  ext: 'html',
  versions: [
    { date: '2015-09-01', scheme: 'hangul', titles: E_2015, earlier: E_ROWS.slice(0, 1) },
    { date: '2017-03-01', scheme: 'hangul', titles: E_2015, earlier: E_ROWS.slice(0, 2) },
    { date: '2019-03-01', scheme: 'roman', titles: E_2015, earlier: E_ROWS.slice(0, 3) },
    { date: '2021-09-01', scheme: 'roman', titles: E_2021, earlier: E_ROWS.slice(0, 4) },
    { date: '2023-03-01', scheme: 'roman', titles: E_2023, earlier: E_ROWS.slice(0, 5) },
    { date: '2024-09-01', scheme: 'roman', titles: E_2024, earlier: E_ROWS.slice(0, 6) },
  ],
  changes: [
    { modified: ['개인정보처리 위탁', '개인정보 보호책임자'], facts: ['person 이태호 → 정민서'] },
    {},
    { modified: ['개인정보의 처리 및 보유기간'], added: ['가명정보의 처리'], onlyNew: ['pseudonymous'], facts: ['period 3년 → 2년'] },
    { retitled: [['영상정보처리기기 설치·운영', '고정형 영상정보처리기기 설치·운영']] },
    { added: ['자동화된 결정에 대한 정보주체의 권리'], onlyNew: ['automated-decision'] },
  ],
};

const ALL: History[] = [gongdan, library, education];

const HANGUL = [...'가나다라마바사아자차카타파하'];
const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ', 'ⅩⅢ', 'ⅩⅣ', 'ⅩⅤ', 'ⅩⅥ'];

/** The heading as the page prints it: number, and the printed marker where the scheme has one. */
function expectedArticles(version: Version): { number: number; label?: string; title: string }[] {
  return version.titles.map((title, k) => {
    const n = k + 1;
    const label = { decimal: `${n}.`, hangul: `${HANGUL[k]}.`, roman: `${ROMAN[k]}.`, symbol: '■' }[version.scheme as string];
    return label === undefined ? { number: n, title } : { number: n, label, title };
  });
}

function articlesOf(version: PolicyVersion): { number: number; label?: string; title: string }[] {
  return version.articles.map(({ number, label, title }) => (label === undefined ? { number, title } : { number, label, title }));
}

function earlierOf(version: PolicyVersion): string[] {
  return (version.revision?.earlier ?? []).map((e) => (e.until === undefined ? e.from! : `${e.from}~${e.until}`));
}

function file(history: History, version: Version): string {
  return `${version.date}.${history.ext}`;
}

function bytes(history: History, version: Version): Buffer {
  return readFileSync(join(HISTORIES, history.slug, file(history, version)));
}

function parsed(history: History, version: Version): PolicyVersion {
  return parsePolicy(bytes(history, version), { sourceFile: file(history, version) }).version;
}

/** What a reader of the diff sees as substance: one line per substantive entry, sorted. */
function substance(diff: PolicyDiff): string[] {
  return diff.articles
    .filter((e) => e.substantive)
    .map((e) => {
      if (e.status === 'added') return `added ${e.new[0]!.title}`;
      if (e.status === 'removed') return `removed ${e.old[0]!.title}`;
      if (e.status !== 'modified') return `${e.status} ${e.old.map((r) => r.title).join('+')} → ${e.new.map((r) => r.title).join('+')}`;
      if (e.retitled) return `retitled ${e.old[0]!.title} → ${e.new[0]!.title}`;
      if (e.moved) return `moved ${e.new[0]!.title}`;
      return `modified ${e.new[0]!.title}`;
    })
    .sort();
}

function expectedSubstance(history: History, change: Change): string[] {
  return [
    ...(change.added ?? []).map((t) => `added ${t}`),
    ...(change.removed ?? []).map((t) => `removed ${t}`),
    ...(change.modified ?? []).map((t) => `modified ${t}`),
    ...(change.retitled ?? []).map(([a, b]) => `retitled ${a} → ${b}`),
    `modified ${REVISION_TITLE(history)}`,
  ].sort();
}

function factLines(facts: readonly FactChange[]): string[] {
  return facts.filter((f) => f.kind !== 'date').map((f) => `${f.kind} ${f.old} → ${f.new}`).sort();
}

function expectPairAligned(history: History, k: number, diff: PolicyDiff): void {
  const change = history.changes[k]!;
  const pair = `${history.versions[k]!.date} → ${history.versions[k + 1]!.date}`;
  expect(substance(diff), pair).toEqual(expectedSubstance(history, change));
  // Nothing else: every other entry is unchanged or differs only editorially (numbers, a change of scheme).
  for (const entry of diff.articles.filter((e) => !e.substantive)) {
    expect(entry.status === 'unchanged' || entry.status === 'modified', `${pair}: ${entry.status} ${entry.new[0]?.title ?? entry.old[0]?.title}`).toBe(true);
    expect(entry.retitled || entry.moved, pair).toBe(false);
  }
  expect(factLines(diff.facts), pair).toEqual([...(change.facts ?? [])].sort());
  expect(diff.topics, pair).toEqual({ onlyOld: change.onlyOld ?? [], onlyNew: change.onlyNew ?? [] });
  // The revision article names the new version's date.
  expect(diff.facts.filter((f) => f.kind === 'date').map((f) => f.new), pair).toContain(history.versions[k + 1]!.date);
}

describe.each(ALL.map((h) => [h.slug, h] as const))('history %s, page by page', (_slug, history) => {
  it('the fixture directory holds exactly the versions described here', () => {
    expect(readdirSync(join(HISTORIES, history.slug)).sort()).toEqual(history.versions.map((v) => file(history, v)));
    expect(history.versions.length).toBeGreaterThanOrEqual(5);
  });

  it.each(history.versions.map((v) => [v.date, v] as const))('%s: articles, scheme, body name, effective date and earlier versions as printed', (_date, version) => {
    const result = parsePolicy(bytes(history, version), { sourceFile: file(history, version) });
    const policy = result.version;
    expect(policy.numbering ?? 'article').toBe(version.scheme);
    expect(articlesOf(policy)).toEqual(expectedArticles(version));
    expect(policy.articles.length).toBeGreaterThanOrEqual(10);
    expect(policy.city).toBe(history.city);
    expect(policy.title).toBe(history.title);
    expect(policy.effective).toBe(version.date);
    expect(earlierOf(policy)).toEqual(version.earlier);
    expect(policy.revision!.listedOutOfOrder).toBeUndefined();
    // Nothing a person must check: no disagreement, no misread heading, no missing revision article.
    expect(result.report.warnings.map((w) => w.message).filter((m) => !m.includes('목차'))).toEqual(version.dropDown ? [`이전 버전 ${version.earlier.length}개를 방침 위의 버전 목록("- 선택 -" …)에서 읽었습니다`] : []);
  });

  it.each(history.versions.map((v) => [v.date, v] as const))('%s: parse → YAML → load is the identity; parse → text → parse keeps articles and dates', (_date, version) => {
    const policy = parsed(history, version);
    expect(loadVersionYaml(versionToYaml(policy), 'history.yaml')).toEqual(policy);
    const again = parsePolicy(renderPolicyText(policy)).version;
    expect(articlesOf(again)).toEqual(articlesOf(policy));
    expect(again.numbering).toBe(policy.numbering);
    expect(again.effective).toBe(policy.effective);
    // A drop-down above the policy is page furniture, not policy text: the rendered text does not carry it.
    expect(earlierOf(again)).toEqual(version.dropDown ? [] : earlierOf(policy));
  });

  it.each(history.changes.map((_c, k) => [`${history.versions[k]!.date} → ${history.versions[k + 1]!.date}`, k] as const))(
    'diff %s: exactly the articles that changed, a change of scheme editorial',
    (_pair, k) => {
      expectPairAligned(history, k, diffVersions(parsed(history, history.versions[k]!), parsed(history, history.versions[k + 1]!)));
    },
  );
});

describe('a version drop-down above the policy', () => {
  const page = readFileSync(join(HISTORIES, gongdan.slug, '2024-11-01.txt'), 'utf8');
  const [before, after] = [page.indexOf('- 선택 -'), page.indexOf('이동\n')];
  const options = page.slice(before, after).trim().split('\n');

  it('in a saved page, a <select> above the policy lists the earlier versions when the article lists none', () => {
    const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
    const paragraphs = (text: string): string => text.trim().split('\n').map((line) => `<p>${escape(line)}</p>`).join('\n');
    const html = [
      '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>개인정보처리방침 | 한마루시설관리공단</title></head><body>',
      paragraphs(page.slice(0, page.indexOf('개인정보처리방침 버전 선택'))),
      '<form><label for="ver">개인정보처리방침 버전 선택</label><select id="ver">',
      ...options.map((o) => `<option>${escape(o)}</option>`),
      '</select><button type="submit">이동</button></form>',
      paragraphs(page.slice(after + '이동\n'.length)),
      '</body></html>',
    ].join('\n');
    const { version } = parsePolicy(html, { sourceFile: 'page.html' });
    expect(articlesOf(version)).toEqual(expectedArticles(gongdan.versions[4]!));
    expect(version.title).toBe(gongdan.title);
    expect(version.effective).toBe('2024-11-01');
    expect(earlierOf(version)).toEqual(G_RANGES.slice(0, 5));
    expect(version.revision!.earlier[0]!.text).toBe('2012. 5. 1. ~ 2015. 3. 1.');
    expect(version.preamble.map((c) => c.text)).toEqual(parsed(gongdan, gongdan.versions[4]!).preamble.map((c) => c.text));
  });

  it('an article that lists the earlier versions itself is read alone: the drop-down above is not read as well', () => {
    const withList = page.replace('② 이전의 개인정보 처리방침은 이 화면 위쪽의 버전 선택 목록에서 보실 수 있습니다.', '② 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.\n- 2023. 9. 15. ~ 2024. 10. 31. 적용 (이전 방침 보기)');
    const { version } = parsePolicy(withList);
    expect(earlierOf(version)).toEqual(['2023-09-15~2024-10-31']);
  });

  it('a stray range above the policy is no drop-down', () => {
    const stray = page.replace(page.slice(before, after), '2024. 11. 1. ~ 현재\n');
    expect(earlierOf(parsePolicy(stray).version)).toEqual([]);
  });
});

describe('the same page with its 목차 written another way', () => {
  const version = gongdan.versions[3]!;
  const page = bytes(gongdan, version).toString('utf8');
  const entries = page.split('\n').filter((line, k, all) => /^\d+\. /u.test(line) && all.slice(0, k).includes('목차') && !all.slice(0, k).some((l) => l.startsWith('제1조')));
  const block = entries.join('\n');

  it.each([
    ['on one line', entries.join(' ')],
    ['on one line in 제N조 form, separated by |', entries.map((e) => e.replace(/^(\d+)\. (.*)$/u, '제$1조($2)')).join(' | ')],
  ])('%s: dropped as 목차, the page reads as before and its diff to the version before is the same', (_how, toc) => {
    expect(entries).toHaveLength(version.titles.length);
    const result = parsePolicy(page.replace(block, toc));
    const original = parsed(gongdan, version);
    expect(articlesOf(result.version)).toEqual(expectedArticles(version));
    expect(result.version.preamble).toEqual(original.preamble);
    expect(result.report.dropped.find((d) => d.text === toc)?.reason).toMatch(/목차/u);
    expectPairAligned(gongdan, 2, diffVersions(parsed(gongdan, gongdan.versions[2]!), result.version));
  });

  it('a 목차 in the articles\' own "1." style, one entry printed without its number: all of it dropped, the diff as before', () => {
    const decimal = gongdan.versions[2]!;
    const text = bytes(gongdan, decimal).toString('utf8');
    const preamble = text.split('\n').find((line) => line.startsWith('한마루시설관리공단(이하'))!;
    const toc = ['목차', ...decimal.titles.map((title, k) => (k === 2 ? title : `${k + 1}. ${title}`))].join('\n');
    const result = parsePolicy(text.replace(preamble, `${preamble}\n${toc}`));
    expect(articlesOf(result.version)).toEqual(expectedArticles(decimal));
    expect(result.version.preamble).toEqual(parsed(gongdan, decimal).preamble);
    expect(result.report.warnings.map((w) => w.message)).toContain(`조항 위에서 목차(항목 ${decimal.titles.length}개)를 찾아 페이지 부속물로 뺐습니다 (parse --report에 나옵니다)`);
    expectPairAligned(gongdan, 1, diffVersions(parsed(gongdan, gongdan.versions[1]!), result.version));
  });

  it('a sentence that counts three items is no 목차', () => {
    const sentence = '공단은 1. 체육시설 이용 신청 2. 공영주차장 정기권 발급 3. 민원사무 처리를 위하여 다음과 같이 개인정보를 처리합니다.';
    const result = parsePolicy(page.replace(block, sentence));
    expect(result.version.preamble.map((c) => c.text).join('\n')).toContain('민원사무 처리를 위하여');
  });
});

/** A fixed shuffle: the newest first, then from the middle outwards, so that most imports rebuild the chain. */
const SHUFFLE = [5, 2, 0, 4, 1, 3];

async function importHistory(dir: string, history: History, order: readonly number[]): Promise<void> {
  const store = await openStore(dir);
  for (const k of order) {
    const version = history.versions[k]!;
    const result = await store.importVersion({ slug: history.slug, bytes: bytes(history, version), file: file(history, version) });
    expect(result.effective).toBe(version.date);
    expect(result.tag).toBe(`${history.slug}@${version.date}`);
    expect(result.warnings.filter((w) => !w.includes('목차') && !w.includes('버전 목록'))).toEqual([]);
  }
}

describe.each(ALL.map((h) => [h.slug, h] as const))('history %s in a real store', (_slug, history) => {
  const dates = history.versions.map((v) => v.date);

  it.each([
    ['in date order', [0, 1, 2, 3, 4, 5]],
    ['shuffled', SHUFFLE],
  ] as const)('imported %s: ledger, versions, verify and every consecutive diff', async (_how, order) => {
    const dir = join(tempDir(), 'store');
    await initStore(dir, { empty: true });
    await importHistory(dir, history, order);
    const store = await openStore(dir);

    // The ledger: the version before the first page, known only from the pages' lists; then every page.
    const ledger = await store.ledger(history.slug);
    expect(ledger.city).toBe(history.city);
    const oldest = history.versions.at(-1)!.earlier[0]!.split('~')[0]!;
    const starts = [oldest, ...dates];
    const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(ledger.versions.map((e) => [e.effective ?? e.effectiveMonth, e.until, e.archived])).toEqual(
      starts.map((start, k) => [start, k + 1 < starts.length ? dayBefore(starts[k + 1]!) : null, k > 0]),
    );
    for (const [k, entry] of ledger.versions.entries()) {
      // Evidence: the line of every later page that lists this version.
      const listedBy = dates.slice(Math.max(0, k));
      expect(entry.evidence?.map((e) => e.version) ?? [], starts[k]).toEqual(k === starts.length - 1 ? [] : listedBy);
      for (const evidence of entry.evidence ?? []) expect(evidence.text).toContain(starts[k]!.split('-')[0]);
      if (entry.archived) {
        expect(entry.tag).toBe(`${history.slug}@${starts[k]}`);
        expect(entry.source?.file).toBe(`sources/${history.slug}/${starts[k]}.${history.ext}`);
      }
    }

    const report = await verifyStore(dir, { deep: true });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    // Commit order is date order, whatever the order of import.
    const authored = git(dir, 'log', '--reverse', '--format=%ad', '--date=short', '--', `policies/${history.slug}.yaml`).trim().split('\n');
    expect(authored).toEqual(dates);

    // Every archived version is the page it was parsed from, scheme and printed markers included.
    const stored: PolicyVersion[] = [];
    for (const version of history.versions) {
      const resolved = await store.resolve(`${history.slug}@${version.date}`);
      expect(resolved.effective).toBe(version.date);
      expect(resolved.version.numbering ?? 'article', version.date).toBe(version.scheme);
      expect(articlesOf(resolved.version), version.date).toEqual(expectedArticles(version));
      stored.push(resolved.version);
    }
    for (let k = 0; k + 1 < stored.length; k++) expectPairAligned(history, k, diffVersions(stored[k]!, stored[k + 1]!));

  });

  it('date order and shuffled order make the same archive: the same text under every tag, the same ledger', async () => {
    const blobs: string[][] = [];
    const ledgers: string[] = [];
    for (const order of [[0, 1, 2, 3, 4, 5], SHUFFLE]) {
      const dir = join(tempDir(), 'store');
      await initStore(dir, { empty: true });
      await importHistory(dir, history, order);
      blobs.push(dates.map((d) => git(dir, 'rev-parse', `${history.slug}@${d}:policies/${history.slug}.yaml`).trim()));
      ledgers.push(readFileSync(join(dir, 'history', `${history.slug}.yaml`), 'utf8'));
    }
    expect(blobs[1]).toEqual(blobs[0]);
    expect(ledgers[1]).toEqual(ledgers[0]);
  });
});
