import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSample, SAMPLE } from '../../scripts/build-sample.js';
import { loadLedgerYaml, loadVersionYaml } from '../../src/domain/yaml.js';
import { loadSample } from '../../src/store/index.js';
import { ROOT, seedBytes } from './helpers.js';

describe('the bundled sample', () => {
  it('is what scripts/build-sample.ts generates from the sources now (parser changes cannot drift from it)', () => {
    const expected = buildSample(ROOT);
    for (const [path, content] of expected) {
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path}: run \`npx tsx scripts/build-sample.ts\` and review the change`).toBe(content);
    }
    expect(readdirSync(join(ROOT, 'policies')).sort()).toEqual(SAMPLE.map((s) => `${s.slug}.yaml`).sort());
    expect(readdirSync(join(ROOT, 'history')).sort()).toEqual(SAMPLE.map((s) => `${s.slug}.yaml`).sort());
  });

  it('keeps the raw seeds byte for byte as sources, with their sha256 in the YAML', async () => {
    for (const city of await loadSample(ROOT)) {
      expect(city.sourceBytes).toEqual(seedBytes(city.slug as 'goyang'));
      const sha = createHash('sha256').update(city.sourceBytes).digest('hex');
      expect(city.version.source.sha256).toBe(sha);
      expect(city.ledger.versions.find((v) => v.archived)!.source!.sha256).toBe(sha);
    }
  });

  it('records every version the seeds reveal', () => {
    const ledger = (slug: string) => loadLedgerYaml(readFileSync(join(ROOT, 'history', `${slug}.yaml`), 'utf8'), slug).versions;
    const dates = (slug: string) => ledger(slug).map((v) => `${v.effective ?? '?'}..${v.until ?? ''}${v.archived ? ' archived' : ''}`);
    expect(dates('goyang')).toEqual(['2011-11-07..2016-05-13', '2016-05-16..2016-12-01', '2016-12-02..2020-07-16', '2020-07-17.. archived']);
    expect(dates('namyangju')).toEqual(['2011-09-30..2015-08-25', '2015-08-26.. archived']);
    expect(dates('iksan')).toEqual(['?..2012-03-25', '2012-03-26.. archived']);
    expect(dates('uijeongbu')).toEqual(['2023-01-01.. archived']);
    expect(dates('paju')).toEqual([
      '?..2015-02-10',
      '2015-02-11..2015-09-19',
      '2015-09-20..2017-05-18',
      '2017-05-19..2018-10-30',
      '2018-10-31..2019-06-19',
      '2019-06-20..2021-03-10',
      '2021-03-11..2022-09-15',
      '2022-09-16..2023-04-10',
      '2023-04-11..2023-07-01',
      '2023-07-02..2023-11-19',
      '2023-11-20..2024-09-29',
      '2024-09-30.. archived',
    ]);
    // Not-archived versions carry the page line that reveals them, nothing invented.
    const goyangSource = seedBytes('goyang').toString('utf8');
    for (const entry of ledger('goyang').filter((v) => !v.archived)) {
      expect(entry.evidence).toHaveLength(1);
      expect(goyangSource).toContain(entry.evidence![0]!.text);
      expect(entry.evidence![0]!.version).toBe('2020-07-17');
    }
    // 의정부's date is an assumption, and says so.
    expect(ledger('uijeongbu')[0]!.note).toMatch(/게시일부터 적용.*assumed/s);
    const uijeongbu = loadVersionYaml(readFileSync(join(ROOT, 'policies', 'uijeongbu.yaml'), 'utf8'), 'uijeongbu');
    expect(uijeongbu.effective).toBe('2023-01-01');
    expect(uijeongbu.revision?.effective).toBeNull();
  });
});
