/**
 * The report's pure parts: Markdown that escapes only what Markdown reads as syntax (a policy's
 * parentheses and its "2016. 05. 16. ~ 2016. 12. 01." ranges stay as written), and the provenance block
 * as text, Markdown and HTML, in Korean and English, made inert for each target.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { diffVersions, formatDiffMarkdown } from '../../src/domain/diff/index.js';
import { inertMarkdown } from '../../src/domain/presentation/inert.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';
import { provenanceHtml, provenanceMarkdown, provenanceText, type Provenance } from '../../src/domain/presentation/provenance.js';
import { parse, replaceOnce, seedText } from './seeds.js';

afterEach(() => setLanguage('ko'));

describe('Markdown escapes only what Markdown needs', () => {
  it('parentheses, braces, # and + inside a line, and spaced tildes stay as written', () => {
    for (const text of ['적용 기간: 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)', '2016.05.16', '제36조(개인정보의 정정·삭제) {별표}', '전화 #2593, 내선 +82', '항목!']) expect(inertMarkdown(text)).toBe(text);
  });

  it('emphasis, code, links, raw HTML, pipes, entities, an unspaced tilde and a leading block marker are escaped', () => {
    expect(inertMarkdown('*강조* _밑줄_ `코드`')).toBe('\\*강조\\* \\_밑줄\\_ \\`코드\\`');
    expect(inertMarkdown('[여기](http://x.invalid)')).toBe('\\[여기\\](http://x.invalid)');
    expect(inertMarkdown('<img src=x> a|b &amp; R&D')).toBe('\\<img src=x> a\\|b \\&amp; R&D');
    expect(inertMarkdown('1~3일, ~~취소~~')).toBe('1\\~3일, \\~\\~취소\\~\\~');
    expect(inertMarkdown('- 항목')).toBe('\\- 항목');
    expect(inertMarkdown('# 제목')).toBe('\\# 제목');
    expect(inertMarkdown('> 인용')).toBe('\\> 인용');
    expect(inertMarkdown('1. 목적')).toBe('1\\. 목적');
    expect(inertMarkdown('2016. 05. 16.')).toBe('2016\\. 05. 16.');
    // Words that continue a line cannot start a block.
    expect(inertMarkdown('- 2016. 05.', { inline: true })).toBe('- 2016. 05.');
    expect(inertMarkdown('a\u001b[31mb', { singleLine: true })).toBe('a␛\\[31mb');
  });

  it("goyang's revision article with a changed range: its parentheses and tildes unescaped in the report", () => {
    const text = seedText('goyang');
    const old = parse(text);
    const changed = parse(replaceOnce(text, '2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)', '2016. 12. 03. ~ 2020. 07. 16. 적용(클릭)'));
    const markdown = formatDiffMarkdown(diffVersions(old, changed));
    expect(markdown).toContain('- \\- 2016. 12. <del>02.</del><ins>03.</ins> ~ 2020. 07. 16. 적용(클릭)');
    expect(markdown).toContain('~ 2020. 07. 16. 적용(클릭)');
    expect(markdown).not.toContain('\\(');
    expect(markdown).not.toContain('\\~');
  });
});

const PROVENANCE: Provenance = {
  store: { dir: '/srv/bangchim/store', head: 'a'.repeat(40) },
  versions: [
    {
      ref: 'goyang@2021-01-01',
      label: 'goyang@2020-07-17',
      city: '고양특례시',
      asOf: '2021-01-01',
      kind: 'archived',
      tag: 'goyang@2020-07-17',
      commit: 'b'.repeat(40),
      effective: '2020-07-17',
      inForce: { from: '2020-07-17', until: '2022-02-28', status: 'superseded' },
      source: { file: 'sources/goyang/2020-07-17.txt', sha256: 'c'.repeat(64) },
    },
    {
      ref: 'draft.txt',
      label: 'draft.txt',
      city: '고양특례시',
      kind: 'file',
      effective: null,
      source: { file: 'draft.txt', sha256: 'd'.repeat(64), url: 'https://www.goyang.go.kr/<script>' },
    },
  ],
  tool: { name: 'bangchim', version: '0.1.0' },
  generated: '2026-12-01T11:45:12.000Z',
};

describe('the provenance block', () => {
  it('text: grouped, labels aligned by display width, the time in Korea', () => {
    expect(provenanceText(PROVENANCE)).toBe(
      [
        '[출처 정보]',
        '  저장소',
        '    경로         /srv/bangchim/store',
        `    HEAD 커밋    ${'a'.repeat(40)}`,
        '  변경 전: goyang@2020-07-17',
        '    요청         goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17',
        '    기관         고양특례시',
        '    태그         goyang@2020-07-17',
        `    커밋         ${'b'.repeat(40)}`,
        '    시행일       2020-07-17',
        '    시행 기간    2020-07-17 ~ 2022-02-28 (종료)',
        '    원문 파일    sources/goyang/2020-07-17.txt',
        `    원문 sha256  ${'c'.repeat(64)}`,
        '    원문 주소    (기록 없음)',
        '  변경 후: draft.txt',
        '    요청         draft.txt',
        '    기관         고양특례시',
        '    태그         (기록 없음)',
        '    커밋         (기록 없음)',
        '    시행일       (시행일 미상)',
        '    시행 기간    저장소 밖의 파일',
        '    원문 파일    draft.txt',
        `    원문 sha256  ${'d'.repeat(64)}`,
        '    원문 주소    https://www.goyang.go.kr/<script>',
        '  작성',
        '    도구         bangchim 0.1.0',
        '    작성 시각    2026-12-01 20:45:12 (UTC+09:00)',
        '',
      ].join('\n'),
    );
  });

  it('English with BANGCHIM_LANG=en', () => {
    setLanguage('en');
    const text = provenanceText(PROVENANCE);
    expect(text).toContain('Asked          goyang@2021-01-01 (as of 2021-01-01) → goyang@2020-07-17');
    expect(text).toContain('In force       2020-07-17 – 2022-02-28 (superseded)');
  });

  it('Markdown and HTML: values inert for their target', () => {
    expect(provenanceMarkdown(PROVENANCE)).toContain('| 원문 주소 | https://www.goyang.go.kr/\\<script> |');
    const html = provenanceHtml(PROVENANCE);
    expect(html).toContain('<td class="value">https://www.goyang.go.kr/&lt;script&gt;</td>');
    expect(html).not.toContain('<script>');
  });
});
