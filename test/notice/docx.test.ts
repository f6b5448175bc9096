/**
 * The DOCX notice in a real office suite: LibreOffice (headless) opens the file the office would open,
 * prints it to PDF and saves it as flat ODF; poppler reads the PDF back. What an officer sees must be
 * there: the three parts' headings, the 현 행 / 개 정 안 / 비 고 table with the changed rows, landscape A4
 * pages, the changed words underlined (never struck through), phone numbers whole, and no ref or file path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotice, type Notice } from '../../src/domain/notice/index.js';
import { renderNoticeDocx } from '../../src/domain/notice/docx.js';
import { applyEdits, GOYANG_EDITS, ledgerOf, PAJU_EDITS, parseSeed, parseText, seedText, type SeedCity } from './seeds.js';

const TOOLS = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'];
const onPath = (tool: string): boolean => (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, tool)));
const missing = TOOLS.filter((tool) => !onPath(tool));
if (missing.length > 0 && process.env.CI) throw new Error(`${missing.join(', ')} missing: CI must install libreoffice-writer-nogui and poppler-utils (see .ci/run)`);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

function noticeFor(city: SeedCity, edits: readonly (readonly [string, string])[], effective: string): Notice {
  const old = parseSeed(city);
  const draft = parseText(applyEdits(seedText(city), edits), city, 'draft.txt');
  return buildNotice({ from: { label: `${city}@${old.effective}`, version: old }, to: { label: 'draft.txt', version: draft }, effective, ledger: ledgerOf(old).versions });
}

/** Text as compared: without spaces (the suite spaces Hangul from digits, "제 9 조") and with non-breaking hyphens as hyphens. */
const squeeze = (text: string): string => text.replace(/\u2011/gu, '-').replace(/\s+/gu, '');

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(missing.length > 0)('DOCX notice in LibreOffice (headless)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangchim-docx-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Converts with a profile of its own, so a running office or another test's profile is never touched. */
  function convert(file: string, to: string): string {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const out = file.replace(/\.docx$/u, `.${to}`);
    expect(existsSync(out), `LibreOffice wrote no ${to}`).toBe(true);
    return out;
  }

  const cases = [
    ['goyang', () => noticeFor('goyang', GOYANG_EDITS, '2025-01-01')],
    ['paju', () => noticeFor('paju', PAJU_EDITS, '2025-03-01')],
  ] as const;

  for (const [name, make] of cases) {
    it(`${name}: headings, 현 행 / 개 정 안 table with every changed row, landscape A4, changed words underlined`, async () => {
      const notice = make();
      const file = join(dir, `notice-${name}.docx`);
      writeFileSync(file, await renderNoticeDocx(notice));
      const pdf = convert(file, 'pdf');

      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(info);
      expect(size, info).not.toBeNull();
      const [width, height] = [Number(size![1]), Number(size![2])];
      expect(Math.round(width)).toBe(842); // A4 landscape: 297 mm × 210 mm
      expect(Math.round(height)).toBe(595);

      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      writeFileSync(join(ARTIFACTS, `notice-${name}-docx.txt`), text);
      const flat = squeeze(text);
      expect(flat).toContain(squeeze(`${notice.city} 개인정보 처리방침 변경`));
      expect(flat).toContain(squeeze(notice.announcement.title));
      // The 공고's fields: reason, 시행일, 문의처 from the policy's 보호책임자 article, and the signer.
      expect(flat).toContain(squeeze(`1. 변경 사유: ${notice.announcement.reason}`));
      expect(flat).toContain(squeeze(name === 'goyang' ? '4. 문의처: 정보통신담당관 (전화 031-8075-2593)' : '4. 문의처: 정보통신과 (전화 031-940-5332)'));
      expect(flat).toContain(squeeze(`3. 시행일: ${name === 'goyang' ? '2025년 1월 1일' : '2025년 3월 1일'}`));
      expect(flat).toContain(squeeze(`개정 조문: 제${notice.article.article.number}조(${notice.article.article.title})`));
      const dates = name === 'goyang' ? '(2020. 7. 17. 시행 → 2025. 1. 1. 시행)' : '(2024. 9. 30. 시행 → 2025. 3. 1. 시행)';
      expect(flat).toContain(squeeze(`${notice.city} 개인정보 처리방침 신·구 대비표 ${dates}`));
      // The column headings, in the order the table prints them.
      expect(text).toMatch(/현\s*행\s+개\s*정\s*안\s+비\s*고/u);
      for (const row of notice.table) expect(flat, row.article).toContain(squeeze(row.article));
      expect(flat).not.toMatch(/goyang@|paju@|draft\.txt/u);
      if (name === 'goyang') {
        // 제9조's contact table: both names and the whole new phone number, on one line of the PDF.
        expect(flat).toContain('성명최영수');
        expect(flat).toContain('성명김하늘');
        expect(text.replace(/\u2011/gu, '-')).toMatch(/031-8075-2021/u);
        expect(flat).toContain(squeeze('〈신  설〉'));
        expect(flat).toContain(squeeze('제12조(개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항)'));
      } else {
        expect(flat).toContain(squeeze('〈삭  제〉'));
        expect(flat).toContain('privacy@paju.go.kr');
      }

      // The suite's own reading of the marks: the changed words carry an underline, nothing is struck through.
      const fodt = readFileSync(convert(file, 'fodt'), 'utf8');
      const underlined = new Set([...fodt.matchAll(/<style:style style:name="([^"]+)" style:family="text"[^>]*>\s*<style:text-properties[^>]*style:text-underline-style="solid"/gu)].map((m) => m[1]));
      const spans = [...fodt.matchAll(/<text:span text:style-name="([^"]+)">([^<]*)<\/text:span>/gu)].filter((m) => underlined.has(m[1]!)).map((m) => m[2]!);
      const changed = name === 'goyang' ? ['김하늘', '최영수', '2년', '1년'] : ['privacy@paju.go.kr', '‘S', '‘A'];
      for (const word of changed) expect(spans.some((span) => span.includes(word)), `${word} underlined`).toBe(true);
      expect(fodt).not.toMatch(/text-line-through-style="solid"/u);

      // A page image to look at (test-artifacts/), landscape like the PDF.
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, `notice-${name}-docx-page`)]);
      const pages = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`notice-${name}-docx-page`) && f.endsWith('.png'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const image = pngSize(join(ARTIFACTS, page));
        expect(image.width).toBeGreaterThan(image.height);
      }
    });
  }
});
