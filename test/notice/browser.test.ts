/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML notice in a real browser (Debian's chromium): the page a city pastes into its site must
 * show every changed article as a row, clip nothing at desktop and phone widths, and run no script
 * that came with the policy text; changed wording underlined on both sides, never struck through; tables
 * inside an article as tables; phone numbers never broken across lines; no ref or file path in a heading.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildNotice, renderNotice, type Notice } from '../../src/domain/notice/index.js';
import { applyEdits, GOYANG_EDITS, ledgerOf, PAJU_EDITS, parseSeed, parseText, seedText, type SeedCity } from './seeds.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install chromium (see .ci/run)`);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

function noticeFor(city: SeedCity, edits: readonly (readonly [string, string])[], effective: string): Notice {
  const old = parseSeed(city);
  const draft = parseText(applyEdits(seedText(city), edits), city, 'draft.txt');
  return buildNotice({ from: { label: `${city}@${old.effective}`, version: old }, to: { label: 'draft.txt', version: draft }, effective, ledger: ledgerOf(old).versions });
}

describe.skipIf(!available)('HTML notice in headless chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = [
    // 고양 with a hostile 담당자 name: markup, quotes and a terminal escape in the policy text.
    ['goyang', noticeFor('goyang', [...GOYANG_EDITS.slice(1), ['성명	최영수', '성명	<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">"\u001b[31m김하늘']], '2025-01-01')],
    ['paju', noticeFor('paju', PAJU_EDITS, '2025-03-01')],
  ] as const;

  for (const [name, notice] of cases) {
    it(`${name}: one row per changed article, nothing clipped at 1024 and 420 px, lang=ko, no injected script ran`, async () => {
      const html = renderNotice(notice, 'html');
      const file = `${ARTIFACTS}notice-${name}.html`;
      writeFileSync(file, html);
      for (const width of [1024, 420]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        try {
          await page.goto(`file://${file}`);
          const result = await page.evaluate(() => {
            const rows = [...document.querySelectorAll('section.table table.compare > tbody > tr')];
            const cells = [...document.querySelectorAll('td, th, p, li, h1, h2')] as HTMLElement[];
            const clipped = cells.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.slice(0, 60));
            const table = document.querySelector('table')!;
            return {
              lang: document.documentElement.lang,
              rows: rows.map((r) => (r as HTMLElement).dataset.article),
              clipped,
              tableOverflow: table.scrollWidth > (table.parentElement as HTMLElement).clientWidth + 1,
              pageOverflow: document.documentElement.scrollWidth > window.innerWidth + 1,
              pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
              underlined: document.querySelectorAll('td.new u').length,
              underlinedOld: document.querySelectorAll('td.old u').length,
              struck: document.querySelectorAll('del, s, strike').length,
              // Phone numbers and e-mail addresses on one line each (a single client rect).
              brokenContacts: [...document.querySelectorAll('.nowrap')].filter((el) => el.getClientRects().length > 1).map((el) => el.textContent),
              contacts: document.querySelectorAll('.nowrap').length,
              innerTables: document.querySelectorAll('section.table td table.inner').length,
              announcementItems: [...document.querySelectorAll('section.announcement ol.items > li')].map((li) => (li.firstChild?.textContent ?? '').split(':')[0]),
              signer: document.querySelector('section.announcement .closing')?.textContent ?? '',
              headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent ?? ''),
              text: document.body.innerText,
            };
          });
          expect(result.lang).toBe('ko');
          expect(result.rows).toEqual(notice.table.map((r) => r.article));
          expect(result.clipped).toEqual([]);
          expect(result.tableOverflow).toBe(false);
          expect(result.pageOverflow).toBe(false);
          expect(result.pwned).toBe(0);
          expect(result.underlined).toBeGreaterThan(0);
          expect(result.underlinedOld).toBeGreaterThan(0);
          expect(result.struck).toBe(0);
          expect(result.text).toContain('현 행');
          expect(result.text).toContain('개 정 안');
          expect(result.contacts).toBeGreaterThan(0);
          expect(result.brokenContacts).toEqual([]);
          for (const heading of result.headings) expect(heading).not.toMatch(/@|draft\.txt|goyang|paju/u);
          if (name === 'goyang') expect(result.innerTables).toBe(2);
          // The 공고's numbered items, and the body signing it.
          expect(result.announcementItems).toEqual(['변경 사유', '주요 변경 내용', '시행일', '문의처', '이전 개인정보 처리방침']);
          expect(result.signer).toContain(notice.city);
          expect(result.text).toContain(name === 'goyang' ? '문의처: 정보통신담당관 (전화 031-8075-2593)' : '문의처: 정보통신과 (전화 031-940-5332)');
          if (name === 'goyang') expect(result.text).toContain('<script>window.__pwned = 1</script>');
          await page.screenshot({ path: `${ARTIFACTS}notice-${name}-${width}.png`, fullPage: true });
        } finally {
          await page.close();
        }
      }
    });
  }
});
