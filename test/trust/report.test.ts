import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { diffVersions } from '../../src/domain/diff/index.js';
import { syntheticCity } from '../../scripts/synthetic.js';
import { fastReadYaml, readVersionYaml, type PairSummary, type ReportTotals } from '../../src/store/batch.js';
import { openStore } from '../../src/store/index.js';
import { verifyStore } from '../../src/store/verify.js';
import { makeArchive } from '../../scripts/make-archive.js';
import { git, runBin, tempDir } from './helpers.js';
import { loadSeeds } from '../seeds.js';

const CITIES = 6;
const VERSIONS = 5;
let archive: string;

interface ReportJson {
  store: string;
  head: string;
  pairs: PairSummary[];
  errors: { slug: string; message: string }[];
  totals: ReportTotals;
}

beforeAll(async () => {
  archive = join(tempDir('bangchim-archive-'), 'store');
  const made = await makeArchive(archive, { cities: CITIES, versions: VERSIONS, jobs: 2 });
  expect(made).toMatchObject({ cities: CITIES, versions: CITIES * VERSIONS });
}, 120_000);

describe('scripts/make-archive.ts (synthetic store through git fast-import)', () => {
  it('writes a real store: one commit per version with author date = effective date, annotated tags, ledger, sources', async () => {
    const seeds = loadSeeds();
    const tags = git(archive, 'tag').trim().split('\n');
    expect(tags).toHaveLength(CITIES * VERSIONS);
    expect(git(archive, 'rev-list', '--count', 'HEAD').trim()).toBe(String(CITIES * VERSIONS + 1));
    const city = syntheticCity(seeds, 3, { versions: VERSIONS });
    for (const version of city.versions) {
      const tag = `${city.slug}@${version.effective}`;
      expect(git(archive, 'cat-file', '-t', tag).trim()).toBe('tag');
      expect(git(archive, 'log', '-1', '--format=%ad', '--date=short', tag).trim()).toBe(version.effective);
      expect(git(archive, 'show', `${tag}:sources/${city.slug}/${version.effective}.txt`)).toBe(version.text);
    }
    expect(git(archive, 'status', '--porcelain')).toBe('');
    const store = await openStore(archive);
    expect((await store.listCities()).map((c) => c.slug)).toEqual(['city-0001', 'city-0002', 'city-0003', 'city-0004', 'city-0005', 'city-0006']);
  });

  it('passes verify (--deep: every YAML is what its source parses to) for the cities of every revision style', async () => {
    const report = await verifyStore(archive);
    expect(report.findings).toEqual([]);
    const deep = runBin(['--store', archive, 'verify', '--deep', '--json']);
    const findings = (JSON.parse(deep.out) as { findings: { kind: string }[] }).findings;
    expect(findings.filter((f) => f.kind === 'text-mismatch')).toEqual([]);
  });
});

describe('the fast YAML reader of the report', () => {
  const seeds = loadSeeds();
  const base = parsePolicy(seeds[2]!.text, { slug: 'goyang', city: '고양특례시' }).version;
  const tricky = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '-', '- x', ': x', 'a: b', 'a #b', '#', '|', '>', '"q"', "'s'", "it''s", '\\', 'null', 'true', '~', '12', '1.5', '0x1F', '.inf', '2020-07-17', '\n', 'x\n', '\n\nx\n\n', '  lead', 'trail  ', '*a', '&a', '!t', '[1]', '{a: 1}', '\t', '가\u0085나', '\u2028', '제1조: 목적'),
  );

  it('reads what versionToYaml writes exactly as the strict loader does, or defers to it', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 6, maxLength: 6 }), ([title, text, marker, cell, evidence, note]) => {
        const version = {
          ...base,
          title: title!,
          preamble: [{ marker: marker!, text: text!, children: [{ text: note! }, { row: [cell!, text!] }] }],
          revision: base.revision && { ...base.revision, earlier: [{ text: evidence! }] },
        };
        const yaml = versionToYaml(version);
        const strict = loadVersionYaml(yaml, 'x.yaml');
        const read = fastReadYaml(yaml);
        if (read !== null) {
          fast++;
          expect(read).toEqual(strict);
        }
        expect(readVersionYaml(yaml, 'x.yaml')).toEqual(strict);
      }),
      { numRuns: 300 },
    );
    expect(fast).toBeGreaterThan(150);
  });

  it('defers anything outside its subset to the strict loader: same result for valid YAML, the strict error for hostile YAML', () => {
    const yaml = versionToYaml(base);
    const strict = loadVersionYaml(yaml, 'x.yaml');
    for (const valid of [`# comment\n${yaml}`, yaml.replace(/^title: (.*)$/m, 'title: "$1"'), yaml.replace(/^appendix: \[\]$/m, 'appendix: [ ]')]) {
      expect(readVersionYaml(valid, 'policies/goyang.yaml')).toEqual(strict);
    }
    for (const hostile of [yaml.replace(/^title: (.*)$/m, 'title: &a $1\ncity2: *a'), yaml.replace(/^title: (.*)$/m, 'title: !!binary aGk='), yaml.replace(/^slug: goyang$/m, 'slug: ../x'), yaml.replace(/^city: (.*)$/m, 'city: $1\ncity: again'), `${yaml}---\ncity: x\n`]) {
      expect(() => readVersionYaml(hostile, 'policies/goyang.yaml')).toThrow(/policies\/goyang\.yaml/);
    }
  });
});

function validateVersionIssues(yaml: string): number {
  try {
    loadVersionYaml(yaml, 'x');
    return 0;
  } catch {
    return 1;
  }
}

describe('bangchim report', () => {
  it('diffs every consecutive pair of every city, in city and date order, the same as diff does one pair at a time', async () => {
    const result = runBin(['--store', archive, 'report', '--json']);
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out) as ReportJson;
    expect(report.errors).toEqual([]);
    expect(report.totals).toMatchObject({ cities: CITIES, versions: CITIES * VERSIONS, pairs: CITIES * (VERSIONS - 1), errors: 0 });
    const seeds = loadSeeds();
    const expected = Array.from({ length: CITIES }, (_, i) => syntheticCity(seeds, i + 1, { versions: VERSIONS })).flatMap((city) =>
      city.versions.slice(1).map((v, k) => ({ slug: city.slug, old: `${city.slug}@${city.versions[k]!.effective}`, new: `${city.slug}@${v.effective}`, edits: v.edits })),
    );
    expect(report.pairs.map((p) => [p.slug, p.old, p.new])).toEqual(expected.map((e) => [e.slug, e.old, e.new]));

    const store = await openStore(archive);
    for (const [i, pair] of report.pairs.entries()) {
      const [a, b] = [await store.resolve(pair.old), await store.resolve(pair.new)];
      const diff = diffVersions(a.version, b.version);
      expect(pair.substantive, pair.new).toBe(diff.summary.substantive);
      expect(pair.editorial, pair.new).toBe(diff.summary.editorial);
      expect(pair.facts, pair.new).toEqual(diff.facts);
      // Ground truth from the generator: a phone number changed is reported as that change.
      for (const edit of expected[i]!.edits.filter((e) => e.kind === 'phone')) {
        expect(pair.facts.some((f) => f.kind === 'phone' && (f.new ?? '').replace(/\D/g, '').startsWith(edit.after!.replace(/\D/g, ''))), `${pair.new}: phone ${edit.before} → ${edit.after}`).toBe(true);
      }
    }
  });

  it('gives the same output with one worker or two, and a readable text form', () => {
    const one = runBin(['--store', archive, 'report', '--json', '--jobs', '1']);
    const two = runBin(['--store', archive, 'report', '--json', '--jobs', '2']);
    const strip = (out: string) => {
      const json = JSON.parse(out) as ReportJson;
      return { ...json, totals: { ...json.totals, seconds: 0, versionsPerSecond: 0 } };
    };
    expect(strip(two.out)).toEqual(strip(one.out));
    const text = runBin(['--store', archive, 'report', 'city-0002', 'city-0003']);
    expect(text.code, text.err).toBe(0);
    const lines = text.out.trim().split('\n');
    expect(lines).toHaveLength(2 * (VERSIONS - 1) + 1);
    expect(lines[0]).toMatch(/^city-0002@\d{4}-\d{2}-\d{2} → city-0002@\d{4}-\d{2}-\d{2}: /);
    expect(lines.at(-1)).toMatch(/^기관 2곳, 판 10개, 비교 8쌍 \(실질 변경 있는 쌍 \d+\), [\d.]+초: 초당 \d+판$/);
  });

  it('reads git in a bounded number of processes, not one per version', () => {
    // A git on PATH that counts its invocations, then runs the real one.
    const bin = tempDir('bangchim-gitcount-');
    const counter = join(bin, 'count');
    writeFileSync(counter, '');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> ${counter}\nexec ${realGit} "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const result = runBin(['--store', archive, 'report', '--json'], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(result.code, result.err).toBe(0);
    const calls = readFileSync(counter, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c.includes('cat-file'))).toHaveLength(1);
    expect(calls.length, calls.join('\n')).toBeLessThanOrEqual(12);
  });

  it('reports a city it cannot read on stderr (exit 2) and still diffs the others; refuses bad options', () => {
    const copy = join(tempDir('bangchim-archive-copy-'), 'store');
    git(tempDir(), 'clone', '-q', archive, copy);
    const tag = git(copy, 'tag').trim().split('\n').find((t) => t.startsWith('city-0002@'))!;
    git(copy, 'tag', '-d', tag);
    const result = runBin(['--store', copy, 'report', '--json']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(new RegExp(`city-0002: 태그가 없습니다: ${tag}`));
    const report = JSON.parse(result.out) as ReportJson;
    expect(report.pairs.filter((p) => p.slug === 'city-0002')).toEqual([]);
    expect(report.pairs).toHaveLength((CITIES - 1) * (VERSIONS - 1));
    for (const bad of [['--jobs', '0'], ['--jobs', '-1'], ['--jobs', '--upload-pack=x'], ['../etc']]) {
      const r = runBin(['--store', copy, 'report', ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
    }
  });
});
