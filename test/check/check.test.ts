import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVersion, type Finding } from '../../src/domain/check/index.js';
import { main } from '../../src/cli/main.js';
import { initStore } from '../../src/store/index.js';
import { applyEdits, ledgerOf, parseSeed, parseText, seedText } from '../notice/seeds.js';

const summary = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.kind}${f.article ? ` ${f.article}` : ''}: ${f.message}`);

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (t) => void (out += t), isTTY: false }, err: { write: (t) => void (err += t), isTTY: false }, cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code, out, err };
}

describe('checkVersion on the seeds (with the ledger their import builds)', () => {
  it('고양: every required topic has an article; its three earlier versions are not archived', () => {
    const goyang = parseSeed('goyang');
    expect(summary(checkVersion(goyang, { ledger: ledgerOf(goyang) }).findings)).toEqual([
      'warning missing-archive 제12조: "2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)" is listed in 제12조 but its text is not in the archive',
      'warning missing-archive 제12조: "2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)" is listed in 제12조 but its text is not in the archive',
      'warning missing-archive 제12조: "2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)" is listed in 제12조 but its text is not in the archive',
    ]);
  });

  it('파주: its 열람청구 부서 is only mentioned inside 제5조; eleven listed versions are not archived', () => {
    const paju = parseSeed('paju');
    const findings = checkVersion(paju, { ledger: ledgerOf(paju) }).findings;
    expect(summary(findings)[0]).toBe('warning passing-mention 제5조: 개인정보 열람청구를 접수·처리하는 부서 has no article of its own; it is only mentioned in 제5조');
    expect(findings.filter((f) => f.kind === 'missing-archive')).toHaveLength(11);
    expect(findings).toHaveLength(12);
  });

  it('남양주 and 익산: no 열람청구 부서 anywhere', () => {
    for (const city of ['namyangju', 'iksan'] as const) {
      const version = parseSeed(city);
      const findings = checkVersion(version, { ledger: ledgerOf(version) }).findings;
      expect(findings.filter((f) => f.kind !== 'missing-archive').map((f) => [f.kind, f.severity, f.message])).toEqual([
        ['missing-topic', 'error', '개인정보 열람청구를 접수·처리하는 부서 is required (개인정보 보호법 제30조, 시행령 제31조) but no article covers it'],
      ]);
    }
  });

  it('의정부: complete, but its revision article states no date while the ledger records one', () => {
    const uijeongbu = { ...parseSeed('uijeongbu'), effective: '2023-01-01' };
    expect(summary(checkVersion(uijeongbu, { ledger: ledgerOf(uijeongbu) }).findings)).toEqual([
      'warning revision-date 제17조: the revision article states no effective date ("이 개인정보 처리방침은 게시일부터 적용됩니다."); the ledger records 2023-01-01',
    ]);
  });

  it('a stale reference: 파주 with a new 제1조 inserted, 제3조 still cites 제1조(개인정보의 처리 목적)', () => {
    const text = applyEdits(seedText('paju'), [
      ['제1조 개인정보의 처리 목적\n', '제1조 목적\n\n이 방침은 파주시가 처리하는 개인정보의 보호에 관하여 정합니다.\n\n제1조의2 개인정보의 처리 목적\n'],
    ]);
    const version = parseText(text, 'paju', 'draft.txt');
    const stale = checkVersion(version, { ledger: null }).findings.filter((f) => f.kind === 'stale-reference');
    expect(summary(stale)).toEqual(['error stale-reference 제3조: 제1조(개인정보의 처리 목적) is cited in 제3조 but 개인정보의 처리 목적 is now 제1조의2']);
  });

  it('statute citations are not policy references: 「개인정보 보호법」 제35조(개인정보의 열람) is left alone', () => {
    const namyangju = parseSeed('namyangju');
    expect(checkVersion(namyangju, { ledger: null }).findings.filter((f) => f.kind === 'stale-reference')).toEqual([]);
  });

  it('a revision article whose date disagrees with the ledger', () => {
    const goyang = parseSeed('goyang');
    const ledger = ledgerOf({ ...goyang, effective: '2020-08-01' }, '2020-08-01');
    const findings = checkVersion({ ...goyang, effective: '2020-08-01' }, { ledger }).findings;
    expect(summary(findings.filter((f) => f.kind === 'revision-date'))).toEqual(['error revision-date 제12조: the revision article states 2020-07-17 but the ledger records 2020-08-01']);
  });

  it('without a store the ledger checks are skipped, and the result says so', () => {
    const result = checkVersion(parseSeed('goyang'), { ledger: null, label: 'goyang.txt' });
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual(['goyang.txt is a file, not a version in a store: the revision date and the archive of earlier versions were not checked']);
  });
});

describe('bangchim check (CLI)', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bangchim-check-'));
    store = join(dir, 'store');
    await initStore(store);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exit 1 and the findings for a stored version; --json has the documented shape', async () => {
    const text = await run(['--store', store, 'check', 'paju'], dir);
    expect(text.code).toBe(1);
    expect(text.out).toContain('paju@2024-09-30 (파주시): 12 findings');
    expect(text.out).toContain('warning: [passing-mention] 제5조:');
    const json = await run(['--store', store, 'check', 'namyangju', '--json'], dir);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(Object.keys(parsed)).toEqual(['ref', 'city', 'slug', 'effective', 'findings', 'notes']);
    expect(parsed.findings[0]).toEqual({ kind: 'missing-topic', severity: 'error', message: expect.stringContaining('열람청구') });
  });

  it('exit 0 for a file with nothing to report, with the note that ledger checks were skipped', async () => {
    writeFileSync(join(dir, 'goyang.txt'), seedText('goyang'));
    const result = await run(['check', 'goyang.txt'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toBe('goyang.txt (고양특례시): no problems found\n  note: goyang.txt is a file, not a version in a store: the revision date and the archive of earlier versions were not checked\n');
  });
});
