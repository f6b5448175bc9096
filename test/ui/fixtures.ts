/** Real data for the UI tests: 고양's seed, an edited copy (phone and retention period changed), their diff. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { diffVersions } from '../../src/domain/diff/index.js';
import type { PolicyDiff } from '../../src/domain/diff/types.js';
import type { LedgerEntry, PolicyVersion } from '../../src/domain/model.js';
import { seedFile } from '../seeds.js';

export const GOYANG_SEED = seedFile('goyang');

/** Replaces `from` by `to` in the one line that holds both `needle` and `from` (fails when no line does). */
function lineEditor(lines: string[]): (needle: string, from: string, to: string) => void {
  return (needle, from, to) => {
    const i = lines.findIndex((l) => l.includes(needle) && l.includes(from));
    if (i < 0) throw new Error(`seed line with ${needle} not found`);
    lines[i] = lines[i]!.replace(from, to);
  };
}

/** 고양 with 보호책임자's phone 031-8075-2593 → 2594, 접속기록 보관 1년 → 2년, effective 2025-01-01. */
export function editedGoyangText(): string {
  const lines = readFileSync(GOYANG_SEED, 'utf8').split('\n');
  const edit = lineEditor(lines);
  edit('전화번호\t031-8075-2020', '031-8075-2593', '031-8075-2594');
  edit('접속한 기록', '최소 1년', '최소 2년');
  edit('방침은 2020년 07월 17일부터', '2020년 07월 17일부터', '2025년 01월 01일부터');
  return lines.join('\n');
}

export function goyangVersions(): { old: PolicyVersion; edited: PolicyVersion } {
  const old = parsePolicy(readFileSync(GOYANG_SEED), { slug: 'goyang' }).version;
  const edited = parsePolicy(editedGoyangText(), { slug: 'goyang' }).version;
  return { old, edited };
}

export function goyangDiff(): PolicyDiff {
  const { old, edited } = goyangVersions();
  return diffVersions(old, edited, { editorial: true, unchangedText: true, oldLabel: 'goyang@2020-07-17', newLabel: 'goyang@2025-01-01' });
}

/** 고양's ledger as the store keeps it after the edited copy is imported. */
export const GOYANG_LEDGER: LedgerEntry[] = [
  { effective: '2011-11-07', until: '2016-05-13', archived: false, evidence: [{ version: '2020-07-17', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' }] },
  { effective: '2016-05-16', until: '2016-12-01', archived: false, evidence: [{ version: '2020-07-17', text: '2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)' }] },
  { effective: '2016-12-02', until: '2020-07-16', archived: false, evidence: [{ version: '2020-07-17', text: '2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)' }] },
  { effective: '2020-07-17', until: '2024-12-31', archived: true, tag: 'goyang@2020-07-17', source: { file: 'sources/goyang/2020-07-17.txt', sha256: '19a0c7712eef' } },
  { effective: '2025-01-01', until: null, archived: true, tag: 'goyang@2025-01-01', source: { file: 'sources/goyang/2025-01-01.txt', sha256: 'aa11bb22cc33' } },
];

/** A fresh store from the bundled sample, with the edited 고양 imported as 2025-01-01. */
export async function sampleStoreWithEditedGoyang(): Promise<{ dir: string; draft: string }> {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { initStore, openStore } = await import('../../src/store/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'bangchim-ui-store-'));
  await initStore(dir);
  const draft = join(mkdtempSync(join(tmpdir(), 'bangchim-ui-draft-')), 'goyang-2025.txt');
  writeFileSync(draft, editedGoyangText());
  const store = await openStore(dir);
  await store.importVersion({ slug: 'goyang', bytes: Buffer.from(editedGoyangText()), file: draft, effective: '2025-01-01' });
  return { dir, draft };
}

/** Polls `frame()` until `test` holds (no fixed sleeps), or fails with the last frame. */
export async function waitFor(frame: () => string | undefined, test: (frame: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = frame() ?? '';
    if (test(current)) return current;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${current}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Gives an ink-testing-library stdout a terminal size and tells Ink (and the app) it was resized,
 * as a terminal does. (The library's stdout is always 100 columns; Ink clips wider layouts.)
 */
export function resizeTerminal(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, 'columns', { configurable: true, get: () => columns });
  Object.defineProperty(stdout, 'rows', { configurable: true, get: () => rows });
  stdout.emit('resize');
}

/**
 * 고양's next revision as an officer drafts it, from the seed: 접속기록 kept 2 years (was 1), the
 * 보호책임자's phone changed, effective 2027-03-01 with the version in force added to the list of earlier
 * ones. `omitRights` leaves out 제5조 (the 정보주체's rights, which the law requires): the first,
 * mistaken draft that the check catches and the officer then corrects. `undated` leaves out the
 * sentence that states the date (a draft written before the date is decided).
 */
export function goyangDraftText(options: { omitRights: boolean; undated?: boolean }): string {
  let lines = readFileSync(GOYANG_SEED, 'utf8').split('\n');
  const edit = lineEditor(lines);
  edit('전화번호\t031-8075-2020', '031-8075-2593', '031-8075-2594');
  edit('접속한 기록', '최소 1년', '최소 2년');
  edit('방침은 2020년 07월 17일부터', '2020년 07월 17일부터', '2027년 03월 01일부터');
  edit('2016. 12. 02. ~ 2020. 07. 16. 적용', '적용(클릭)', '적용(클릭)\n\n- 2020. 07. 17. ~ 2027. 02. 28. 적용(클릭)');
  if (options.undated) lines = lines.filter((l) => !l.includes('방침은 2027년 03월 01일부터'));
  if (options.omitRights) {
    const from = lines.findIndex((l) => l.startsWith('제5조.'));
    const to = lines.findIndex((l) => l.startsWith('제6조.'));
    if (from < 0 || to < from) throw new Error('제5조 not found in the seed');
    lines = [...lines.slice(0, from), ...lines.slice(to)];
  }
  return lines.join('\n');
}
