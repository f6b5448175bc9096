/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The auditor's report as a page and as a PDF, made by the command line from a real store: in Debian's
 * chromium the page is Korean, shows the provenance (head, commits, the as-of date, sha256), one overview
 * row per article, struck-through deletions and underlined insertions, clips nothing at desktop and phone
 * widths, and asks for nothing but itself (even with markup in the policy text); the PDF chromium prints
 * (`--format pdf`) is A4 and its text, read back by poppler, carries the same provenance and changes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { capture, editedGoyang, git, sampleStore, tempDir } from '../store/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const POPPLER = ['pdftotext', 'pdfinfo'];
const onPath = (tool: string): boolean => (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, tool)));
const available = existsSync(CHROMIUM) && POPPLER.every(onPath);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} or poppler-utils is missing: CI must install them (see .ci/run)`);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** The hostile 담당자 name the 2022 text carries: markup that would load an image or run a script if it were markup. */
const HOSTILE = '<img src="http://example.invalid/x.png"><script>window.__pwned = 1</script>';

async function run(args: string[], cwd: string) {
  const out = capture();
  const err = capture();
  const code = await main(args, { out, err, cwd, env: { ...process.env, BANGCHIM_LANG: 'ko', BANGCHIM_CHROMIUM: CHROMIUM } });
  return { code, out: out.text(), err: err.text() };
}

const squeeze = (text: string): string => text.replace(/\s+/gu, '');

describe.skipIf(!available)('the auditor report in chromium and as a PDF', () => {
  let browser: Browser;
  let dir: string;
  let work: string;
  let head: string;
  let commit2020: string;
  let sha2022: string;
  beforeAll(async () => {
    dir = await sampleStore();
    work = tempDir();
    const text = editedGoyang('031-8075-2021').toString('utf8').replace('최소 1년 이상', '최소 2년 이상').replace('성명\t최영수', `성명\t최영수 ${HOSTILE}`);
    writeFileSync(join(work, 'goyang-2022.txt'), text);
    const imported = await run(['import', 'goyang', join(work, 'goyang-2022.txt'), '--effective', '2022-03-01', '--source', 'https://www.goyang.go.kr/privacy'], dir);
    expect(imported.code, imported.err).toBe(0);
    head = git(dir, 'rev-parse', 'HEAD').trim();
    commit2020 = git(dir, 'rev-parse', 'goyang@2020-07-17^{commit}').trim();
    sha2022 = createHash('sha256').update(readFileSync(join(dir, 'sources/goyang/2022-03-01.txt'))).digest('hex');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the page: Korean, provenance visible, one row per article, changes marked, nothing clipped, no request but itself', async () => {
    const file = join(work, 'report.html');
    const written = await run(['diff', 'goyang@2021-01-01', 'goyang', '--format', 'html', '--out', file], dir);
    expect(written.code).toBe(1);
    expect(written.err).toContain('report.html');
    const articles = (JSON.parse((await run(['diff', 'goyang@2021-01-01', 'goyang', '--json'], dir)).out) as { articles: unknown[] }).articles.length;
    writeFileSync(`${ARTIFACTS}diff-report.html`, readFileSync(file));
    for (const width of [1024, 420]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => void requests.push(request.url()));
      try {
        await page.goto(`file://${file}`);
        const result = await page.evaluate(() => {
          const cells = [...document.querySelectorAll('td, th, p, li, h1, h2, h3')] as HTMLElement[];
          return {
            lang: document.documentElement.lang,
            text: document.body.innerText,
            provenance: (document.querySelector('section.provenance') as HTMLElement | null)?.innerText ?? '',
            overviewRows: document.querySelectorAll('table.overview > tbody > tr').length,
            deleted: [...document.querySelectorAll('section.changes del')].map((d) => d.textContent),
            inserted: [...document.querySelectorAll('section.changes ins')].map((d) => d.textContent),
            struckStyle: getComputedStyle(document.querySelector('section.changes del')!).textDecorationLine,
            underlineStyle: getComputedStyle(document.querySelector('section.changes ins')!).textDecorationLine,
            clipped: cells.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.slice(0, 60)),
            pageOverflow: document.documentElement.scrollWidth > window.innerWidth + 1,
            images: document.images.length,
            scripts: document.scripts.length,
            pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
          };
        });
        expect(result.lang).toBe('ko');
        expect(result.text).toContain('개인정보 처리방침 변경 비교 보고서');
        expect(result.text).toContain('고양특례시 2020-07-17 (goyang@2020-07-17, 2021-01-01 기준)');
        expect(result.provenance).toContain('출처 정보');
        expect(result.provenance).toContain(head);
        expect(result.provenance).toContain(commit2020);
        expect(result.provenance).toContain('goyang@2021-01-01 (2021-01-01 기준) → goyang@2020-07-17');
        expect(result.provenance).toContain('2020-07-17 ~ 2022-02-28 (종료)');
        expect(result.provenance).toContain(sha2022);
        expect(result.provenance).toContain('https://www.goyang.go.kr/privacy');
        expect(result.overviewRows).toBe(articles);
        expect(result.deleted).toContain('1년');
        expect(result.inserted).toContain('2년');
        expect(result.struckStyle).toBe('line-through');
        expect(result.underlineStyle).toBe('underline');
        expect(result.text).toContain(HOSTILE);
        expect(result.images).toBe(0);
        expect(result.scripts).toBe(0);
        expect(result.pwned).toBe(0);
        expect(result.clipped).toEqual([]);
        expect(result.pageOverflow).toBe(false);
        expect(requests).toEqual([`file://${file}`]);
        await page.screenshot({ path: `${ARTIFACTS}diff-report-${width}.png`, fullPage: true });
      } finally {
        await page.close();
      }
    }
  });

  it('the PDF: printed by chromium on A4, its text carries the provenance and the changes', async () => {
    const file = join(work, 'report.pdf');
    const printed = await run(['diff', 'goyang@2021-01-01', 'goyang', '--format', 'pdf', '--out', file], dir);
    expect(printed.code, printed.err).toBe(1);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(info);
    expect(size, info).not.toBeNull();
    expect([Math.round(Number(size![1])), Math.round(Number(size![2]))]).toEqual([595, 842]); // A4 portrait
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    writeFileSync(`${ARTIFACTS}diff-report-pdf.txt`, text);
    const flat = squeeze(text);
    for (const expected of ['개인정보 처리방침 변경 비교 보고서', '출처 정보', head, commit2020, sha2022, '2021-01-01 기준', '2020-07-17 ~ 2022-02-28 (종료)', '제8조 개인정보의 안전성 확보조치', '접속기록 보관: 1년 → 2년']) {
      expect(flat, expected).toContain(squeeze(expected));
    }
    // Without --out there is nowhere to put a PDF: a usage error, nothing printed.
    const refused = await run(['diff', 'goyang@2021-01-01', 'goyang', '--format', 'pdf'], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('--out');
  });
});
