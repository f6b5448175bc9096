/**
 * Builds the bundled sample (policies/*.yaml, history/*.yaml) from sources/<slug>/<date>.txt with the
 * real parser. Run: npx tsx scripts/build-sample.ts   (--check: exit 1 if the committed files differ)
 *
 * 의정부's page states no date ("게시일부터 적용"); the sample assumes 2023-01-01 and says so in a note.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitBlobId, mergeArchivedVersion, sha256Hex, tagName } from '../src/domain/ledger.js';
import type { Ledger, PolicyVersion } from '../src/domain/model.js';
import { parsePolicy } from '../src/domain/parse/index.js';
import { ledgerToYaml, versionToYaml } from '../src/domain/yaml.js';

export interface SampleSpec {
  slug: string;
  city: string;
  effective: string;
  note?: string;
}

export const SAMPLE: SampleSpec[] = [
  {
    slug: 'uijeongbu',
    city: '의정부시',
    effective: '2023-01-01',
    note:
      'The page states no date (제17조: "이 개인정보 처리방침은 게시일부터 적용됩니다."). 2023-01-01 is assumed: ' +
      'the text cites the result of the 2022 개인정보 관리수준 진단, so it was posted in 2023 or later. ' +
      'Replace it when the posting date is known.',
  },
  { slug: 'namyangju', city: '남양주시', effective: '2015-08-26' },
  { slug: 'goyang', city: '고양특례시', effective: '2020-07-17' },
  { slug: 'paju', city: '파주시', effective: '2024-09-30' },
  { slug: 'iksan', city: '익산시', effective: '2012-03-26' },
];

export interface SampleFiles {
  /** Path relative to the root → content. */
  files: Map<string, string>;
}

/** What the sample files should contain, computed from the sources in `root`. */
export function buildSample(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of SAMPLE) {
    const sourceFile = `sources/${spec.slug}/${spec.effective}.txt`;
    const bytes = readFileSync(join(root, sourceFile));
    const parsed = parsePolicy(bytes, { city: spec.city, slug: spec.slug, sourceFile });
    const stated = parsed.version.revision?.effective ?? parsed.version.effective;
    if (stated !== null && stated !== spec.effective) throw new Error(`${sourceFile}: the page says ${stated}, the sample says ${spec.effective}`);
    const version: PolicyVersion = { ...parsed.version, city: spec.city, slug: spec.slug, effective: spec.effective, source: { ...parsed.version.source, file: sourceFile, sha256: sha256Hex(bytes) } };
    const policyYaml = versionToYaml(version);
    const info = { effective: spec.effective, tag: tagName(spec.slug, spec.effective), blob: gitBlobId(policyYaml), source: version.source, ...(spec.note ? { note: spec.note } : {}) };
    const ledger: Ledger = mergeArchivedVersion({ city: spec.city, slug: spec.slug, versions: [] }, version, info).ledger;
    files.set(`policies/${spec.slug}.yaml`, policyYaml);
    files.set(`history/${spec.slug}.yaml`, ledgerToYaml(ledger));
  }
  return files;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const check = process.argv.includes('--check');
  let differs = 0;
  for (const [path, content] of buildSample(root)) {
    let current: string | null = null;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = null;
    }
    if (current === content) continue;
    differs++;
    if (check) process.stdout.write(`${path} differs from what the parser produces now\n`);
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  if (check && differs > 0) process.exitCode = 1;
  if (differs === 0) process.stdout.write('the sample is up to date\n');
}
