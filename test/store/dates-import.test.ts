/**
 * Month-only dates through a real store: a page that states only the month it takes effect is not
 * imported without its day; earlier versions the page dates by month or in a cumulative sentence
 * become ledger entries with their evidence, the month never made into a day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../src/domain/check/index.js';
import { entryInForce } from '../../src/domain/ledger.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadLedgerYaml } from '../../src/domain/yaml.js';
import { initStore, openStore } from '../../src/store/index.js';
import { verifyStore } from '../../src/store/verify.js';
import { snapshot, tempDir } from './helpers.js';
import { inCliTerms } from '../../src/cli/wording.js';
import type { BangchimError } from '../../src/domain/errors.js';

const FIXTURES = fileURLToPath(new URL('../parse/fixtures/', import.meta.url));
const library = readFileSync(join(FIXTURES, 'bodies/library-links.txt'), 'utf8');
const gongdan = readFileSync(join(FIXTURES, 'bodies/gongdan-cumulative.txt'), 'utf8');
/** The 도서관's page as it stood in 2022: it gave only the month its policy took effect. */
const libraryMonthOnly = library.replace('이 개인정보처리방침은 2023. 7. 26.부터 적용됩니다.', '이 개인정보처리방침은 2022. 09.부터 적용됩니다.').replace(/개정일자 : 2022\. 9\. 1\. 이전 자료보기\n/u, '');

async function emptyStore(): Promise<string> {
  const dir = join(tempDir(), 'store');
  await initStore(dir, { empty: true });
  return dir;
}

describe('import of month-only dates', () => {
  it('refuses a page that gives only the month it takes effect, naming the month and the option, and changes nothing', async () => {
    const dir = await emptyStore();
    const before = snapshot(dir);
    const store = await openStore(dir);
    const attempt = store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(libraryMonthOnly), file: 'library-2022.txt' });
    await expect(attempt).rejects.toThrow('library-2022.txt은(는) 2022년 9월부터 시행된다고만 적고 시행일(날짜)은 적지 않았습니다');
    const refused = (await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(libraryMonthOnly), file: 'library-2022.txt' }).catch((e: unknown) => e)) as BangchimError;
    // The store's error names no flag; the command line's wording gives the option with the month filled in.
    expect(refused.hint).toBe('그달의 시행일(YYYY-MM-DD)을 주세요');
    expect((inCliTerms(refused) as BangchimError).hint).toContain('--effective 2022-09-DD');
    expect(snapshot(dir)).toEqual(before);
  });

  it('with --effective the month-only version is archived; the months its list gives stay months in the ledger, with evidence', async () => {
    const dir = await emptyStore();
    const store = await openStore(dir);
    await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(libraryMonthOnly), file: 'library-2022.txt', effective: '2022-09-01' });
    const ledger = loadLedgerYaml(readFileSync(join(dir, 'history/nuri-library.yaml'), 'utf8'), 'history/nuri-library.yaml');
    expect(ledger.versions.map((v) => [v.effective, v.effectiveMonth, v.until, v.untilMonth, v.archived])).toEqual([
      ['2012-03-30', undefined, '2014-08-06', undefined, false],
      ['2014-08-07', undefined, null, '2016-02', false],
      [null, '2016-02', '2017-05-14', undefined, false],
      ['2017-05-15', undefined, null, '2018-11', false],
      [null, '2018-11', '2019-06-09', undefined, false],
      ['2019-06-10', undefined, null, '2020-01', false],
      [null, '2020-01', '2021-03-01', undefined, false],
      ['2021-03-02', undefined, '2022-08-31', undefined, false],
      ['2022-09-01', undefined, null, undefined, true],
    ]);
    expect(ledger.versions[2]!.evidence).toEqual([{ version: '2022-09-01', text: '개정일자 : 2016. 02. 이전 자료보기' }]);
    // In force on a day: a version known by its month counts from that month.
    expect(entryInForce(ledger, '2016-01-15')?.effective).toBe('2014-08-07');
    expect(entryInForce(ledger, '2016-03-15')?.effectiveMonth).toBe('2016-02');
    // verify reads the month-only entries as dated, in order, not "in force".
    const report = await verifyStore(dir, { fsck: false });
    expect(report.findings.filter((f) => f.kind === 'ledger-order')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a later page that lists the same month-only version adds its evidence to the same entry', async () => {
    const dir = await emptyStore();
    const store = await openStore(dir);
    await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(libraryMonthOnly), file: 'library-2022.txt', effective: '2022-09-01' });
    await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(library), file: 'library-2023.txt' });
    const ledger = await store.ledger('nuri-library');
    expect(ledger.versions.filter((v) => v.archived).map((v) => v.effective)).toEqual(['2022-09-01', '2023-07-26']);
    const february = ledger.versions.find((v) => v.effectiveMonth === '2016-02')!;
    expect(february.evidence!.map((e) => e.version)).toEqual(['2022-09-01', '2023-07-26']);
  });

  it('the month-only version, once archived with its day, is the one a later page lists by its month: no missing-archive finding for it', async () => {
    const dir = await emptyStore();
    const store = await openStore(dir);
    await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(libraryMonthOnly), file: 'library-2022.txt', effective: '2022-09-15' });
    const later = library.replace('개정일자 : 2022. 9. 1. 이전 자료보기', '개정일자 : 2022. 09. 이전 자료보기');
    await store.importVersion({ slug: 'nuri-library', name: '누리시립도서관', bytes: Buffer.from(later), file: 'library-2023.txt' });
    const ledger = await store.ledger('nuri-library');
    expect(ledger.versions.filter((v) => v.effectiveMonth === '2022-09')).toEqual([]);
    const archived = ledger.versions.find((v) => v.effective === '2022-09-15')!;
    expect(archived.archived).toBe(true);
    expect(archived.evidence).toEqual([{ version: '2023-07-26', text: '개정일자 : 2022. 09. 이전 자료보기' }]);
    const result = checkVersion(parsePolicy(later).version, { ledger });
    const missing = result.findings.filter((f) => f.kind === 'missing-archive').map((f) => f.message);
    const notArchived = (line: string): string => `변경 조문에 적힌 "${line}"의 본문이 보관되어 있지 않습니다. 그 판의 본문을 구하면 \`bangchim import\`로 보관하십시오.`;
    expect(missing).not.toContain(notArchived('개정일자 : 2022. 09. 이전 자료보기'));
    expect(missing).toContain(notArchived('개정일자 : 2021. 3. 2. 이전 자료보기'));
    expect(result.findings.filter((f) => f.kind === 'missing-archive').every((f) => f.where === '제13조')).toBe(true);
  });

  it('a cumulative sentence becomes one ledger entry per date, each with the sentence as evidence', async () => {
    const dir = await emptyStore();
    const store = await openStore(dir);
    const result = await store.importVersion({ slug: 'fowi', name: '한국산림복지공단', bytes: Buffer.from(gongdan), file: 'fowi.txt' });
    expect(result.effective).toBe('2023-09-15');
    const ledger = await store.ledger('fowi');
    expect(ledger.versions.map((v) => [v.effective, v.until])).toEqual([
      ['2016-04-01', '2016-12-18'],
      ['2016-12-19', '2017-07-31'],
      ['2017-08-01', '2018-07-01'],
      ['2018-07-02', '2019-03-03'],
      ['2019-03-04', '2020-02-02'],
      ['2020-02-03', '2020-11-15'],
      ['2020-11-16', '2021-01-03'],
      ['2021-01-04', '2022-06-26'],
      ['2022-06-27', '2023-09-14'],
      ['2023-09-15', null],
    ]);
    expect(ledger.versions[0]!.evidence![0]!.text).toMatch(/^이 개인정보 처리방침은 2016\. 4\. 1\.부터 시행되며, .* 변경되었으며 즉시 적용됩니다\.$/u);
  });
});
