/**
 * A report printed to PDF by a browser the machine already has (headless Chromium or Chrome): the same
 * page an auditor would print from `--format html`, so the two never differ. The page is printed from a
 * private temporary directory with a throw-away profile, and carries a Content-Security-Policy that
 * allows no request, so printing loads nothing beyond the file itself.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BangchimError } from '../domain/errors.js';
import { t } from '../domain/presentation/messages/index.js';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const PRINT_TIMEOUT_MS = 120_000;

/** No browser to print with: the PDF needs Chromium or Chrome (or BANGCHIM_CHROMIUM naming one). */
export class BrowserMissingError extends BangchimError {
  constructor() {
    super(t('report.pdf.noBrowser'), { hint: t('report.pdf.noBrowserHint') });
  }
}

/** The browser ran but wrote no PDF. */
export class PdfPrintError extends BangchimError {
  constructor(browser: string, reason: string) {
    super(t('report.pdf.failed', { browser, reason }), { hint: t('report.pdf.failedHint') });
  }
}

/** The browser to print with: `BANGCHIM_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findBrowser(env: NodeJS.ProcessEnv): string | null {
  const given = env.BANGCHIM_CHROMIUM?.trim();
  if (given) return existsSync(given) ? given : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of BROWSERS) for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

/** `html` printed to PDF bytes (A4, as the page's @page rule says; no browser header or footer). */
export async function printPdf(html: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const browser = findBrowser(env);
  if (browser === null) throw new BrowserMissingError();
  const dir = await mkdtemp(join(tmpdir(), 'bangchim-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${join(dir, 'profile')}`,
      // Chromium refuses to run as root with its sandbox; the page is our own and runs no script.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const failure = await new Promise<string | null>((resolve) => {
      execFile(browser, args, { timeout: PRINT_TIMEOUT_MS, env: { ...env, HOME: dir } }, (error, _stdout, stderr) => {
        resolve(error ? (String(stderr).trim().split('\n').at(-1) ?? error.message) : null);
      });
    });
    if (!existsSync(pdf)) throw new PdfPrintError(browser, failure ?? 'no file');
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
