/**
 * `bangchim notice` end to end on a real git store built from the bundled sample (the five seeds):
 * a draft file, then the same text imported as a new version.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { initStore } from '../../src/store/index.js';
import { applyEdits, GOYANG_CONTENT_EDITS, GOYANG_EDITS, seedText } from './seeds.js';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (t) => void (out += t), isTTY: false }, err: { write: (t) => void (err += t), isTTY: false }, cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code, out, err };
}

describe('bangchim notice (CLI, real store)', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bangchim-notice-'));
    store = join(dir, 'store');
    await initStore(store);
    writeFileSync(join(dir, 'goyang-draft.txt'), applyEdits(seedText('goyang'), GOYANG_EDITS));
    writeFileSync(join(dir, 'goyang-stale.txt'), applyEdits(seedText('goyang'), GOYANG_CONTENT_EDITS));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a draft not yet imported: compared with the newest version, dated by --effective', async () => {
    const result = await run(['--store', store, 'notice', 'goyang', '--to', 'goyang-draft.txt', '--effective', '2025-01-01', '--json'], dir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.from).toEqual({ label: 'goyang@2020-07-17', effective: '2020-07-17' });
    expect(json.to).toEqual({ label: 'goyang-draft.txt', effective: '2025-01-01' });
    expect(json.table.map((r: { article: string }) => r.article)).toEqual(['제8조', '제9조', '제10조', '제12조', '제13조']);
    // The draft's own article, as written; it agrees with the ledger, so there is nothing for the officer.
    expect(json.article.source).toBe('own');
    expect(json.article.text.split('\n').slice(-4)).toEqual([
      '  - 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)',
      '  - 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)',
      '  - 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)',
      '  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)',
    ]);
    expect(json.revisionNotes).toBeUndefined();
  });

  it('a draft whose own date is stale needs --effective, and says so', async () => {
    const result = await run(['--store', store, 'notice', 'goyang', '--to', 'goyang-stale.txt'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('시행 중인 판(goyang@2020-07-17) 다음의 시행일이 적혀 있지 않습니다');
    expect(result.err).toContain('--effective YYYY-MM-DD');
  });

  it('a draft whose revision article disagrees with the ledger: published as written, the officer told on stderr with the corrected article', async () => {
    const result = await run(['--store', store, 'notice', 'goyang', '--to', 'goyang-stale.txt', '--effective', '2025-01-01', '--part', 'article'], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('1. 이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.');
    expect(result.out).not.toContain('2024. 12. 31.');
    expect(result.out).not.toContain('참고');
    expect(result.err.split('\n')).toEqual([
      // Run with --store from elsewhere: the store it used is named first.
      `저장소: ${store}`,
      'bangchim: 참고(담당자용, 공개 문안에는 넣지 않음): 변경 조문은 2020-07-17부터 적용된다고 하지만 이 판은 2025-01-01부터 시행됩니다. 변경 조문의 시행일을 2025-01-01로 고치십시오.',
      'bangchim: 참고(담당자용, 공개 문안에는 넣지 않음): 장부(history/goyang.yaml)에 있는 이전 판(2020-07-17 ~ 2024-12-31)이 변경 조문의 이전 방침 목록에 없습니다. 목록에 "2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)"을(를) 넣으십시오.',
      '  장부와 맞춘 변경 조문(제안):',
      '    제13조(개인정보 처리방침 변경)',
      '    1. 이 개인정보 방침은 2025년 01월 01일부터 적용됩니다.',
      '    2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '      - 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)',
      '      - 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)',
      '      - 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)',
      '      - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)',
      '',
    ]);
    const json = JSON.parse((await run(['--store', store, 'notice', 'goyang', '--to', 'goyang-stale.txt', '--effective', '2025-01-01', '--json'], dir)).out);
    expect(json.revisionNotes.map((n: { kind: string }) => n.kind)).toEqual(['effective-date', 'missing-version']);
    expect(json.correctedArticle.split('\n').at(-1)).toBe('  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)');
    // The public HTML carries none of it.
    const html = (await run(['--store', store, 'notice', 'goyang', '--to', 'goyang-stale.txt', '--effective', '2025-01-01', '--format', 'html'], dir)).out;
    expect(html).not.toContain('장부');
    expect(html).not.toContain('2024. 12. 31.');
  });

  it('고양 2025 imported: by default the newest against the one in force before it; the list ends with 2020. 07. 17. ~ 2024. 12. 31.', async () => {
    const imported = await run(['--store', store, 'import', 'goyang', 'goyang-draft.txt', '--effective', '2025-01-01'], dir);
    expect(imported.code, imported.err).toBe(0);
    const result = await run(['--store', store, 'notice', 'goyang', '--part', 'article'], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out.trimEnd().split('\n').slice(-5)).toEqual([
      '2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '  - 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)',
      '  - 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)',
      '  - 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)',
      '  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)',
    ]);
    expect(result.out).toContain('1. 이 개인정보 처리방침은 2025년 01월 01일부터 적용됩니다.');
  });

  it('--out writes a self-contained HTML page', async () => {
    const result = await run(['--store', store, 'notice', 'goyang', '--format', 'html', '--out', 'notice.html'], dir);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(join(dir, 'notice.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ko">/u);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|<script|src=/u);
  });

  it('--format docx needs --out, and writes a Word document (a zip holding word/document.xml)', async () => {
    const refused = await run(['--store', store, 'notice', 'goyang', '--format', 'docx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('--out');
    expect(refused.err).toContain('--format docx --out');
    const result = await run(['--store', store, 'notice', 'goyang', '--format', 'docx', '--out', 'notice.docx'], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('');
    const bytes = readFileSync(join(dir, 'notice.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('the text and Markdown notices head the table with the body and the dates, not refs or file names', async () => {
    for (const format of ['text', 'markdown'] as const) {
      const result = await run(['--store', store, 'notice', 'goyang', '--from', 'goyang@2020-07-17', '--to', 'goyang-draft.txt', '--effective', '2025-01-01', '--format', format], dir);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain('고양특례시 개인정보 처리방침 신·구 대비표 (2020. 7. 17. 시행 → 2025. 1. 1. 시행)');
      expect(result.out).not.toMatch(/goyang@|goyang-draft\.txt/u);
    }
  });

  it('a city whose version in force before is not archived still gets its article and announcement, with a warning', async () => {
    const result = await run(['--store', store, 'notice', 'paju'], dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain('본문이 없어 공고문에 신·구 대비표가 없습니다');
    expect(result.out).toContain('이 개인정보처리방침은 2024년 9월 30일부터 적용되며');
    expect(result.out).toContain('(비교할 이전 버전의 본문 없음)');
  });

  it('usage errors name the option and what to give', async () => {
    const bad = await run(['--store', store, 'notice', 'goyang', '--effective', '2025-02-30'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--effective 2025-02-30은(는) 달력의 날짜가 아닙니다');
    const unknown = await run(['--store', store, 'notice', 'seoul'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('저장소에 "seoul" 기관이 없습니다');
  });

  it('bangchim office sets the 기관 정보 once; notice then signs with it, asks its 문의처, and --reason replaces the reason', async () => {
    const shown = await run(['--store', store, 'office', '파주'], dir);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('제10조(개인정보 보호책임자)에서 읽은 문의처를 씁니다: 정보통신과, 031-940-5332');
    const set = await run(['--store', store, 'office', 'paju', '--name', '파주시', '--department', '정보통신과 개인정보보호팀', '--phone', '031-940-5333', '--url', 'https://www.paju.go.kr/user/privacy.do'], dir);
    expect(set.code, set.err).toBe(0);
    expect(set.err).toMatch(/기관 정보를 bangchim\.yaml에 적었습니다 \(커밋 [0-9a-f]{7}\)/u);
    const refused = await run(['--store', store, 'office', 'paju', '--url', 'www.paju.go.kr'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--url의 값이 올바르지 않습니다');
    const notice = await run(['--store', store, 'notice', 'goyang', '--from', 'goyang@2020-07-17', '--to', 'goyang-draft.txt', '--effective', '2025-01-01', '--part', 'announcement', '--announced', '2024-12-02', '--reason', '보호책임자 변경에 따른 개정'], dir);
    expect(notice.code, notice.err).toBe(0);
    // goyang has no 기관 정보: its own 제9조; the reason as given, the date as given.
    expect(notice.out).toContain('1. 변경 사유: 보호책임자 변경에 따른 개정');
    expect(notice.out).toContain('4. 문의처: 정보통신담당관 (전화 031-8075-2593)');
    expect(notice.out.trimEnd().split('\n').slice(-2)).toEqual(['2024년 12월 2일', '고양특례시']);
    const paju = await run(['--store', store, 'notice', 'paju', '--part', 'announcement', '--json'], dir);
    expect(paju.code, paju.err).toBe(0);
    expect(JSON.parse(paju.out).announcement).toMatchObject({ body: '파주시', url: 'https://www.paju.go.kr/user/privacy.do', contact: { department: '정보통신과 개인정보보호팀', phone: '031-940-5333', from: 'office' } });
  });
});
