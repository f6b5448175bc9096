/**
 * A national archive, diffed in one batch: `bangchim report` over synthetic stores of 100, 300 and
 * 1,000 cities × 20 versions (scripts/make-archive.ts), against a baseline of one
 * `git diff --word-diff` process per consecutive pair, measured in the same run.
 *
 *   npm run bench national                       # 100, 300, 1000 cities
 *   BANGCHIM_BENCH_CITIES=100 npm run bench national
 *
 * The report runs as its own process (the built CLI, dist/bundle/), so its peak RSS, worker threads
 * included, is measured alone. The baseline runs on a sample of pairs (BASELINE_SAMPLE) two processes
 * at a time (the same two cores) and is extrapolated to all pairs.
 */
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeArchive } from '../scripts/make-archive.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VERSIONS = 20;
const BASELINE_SAMPLE = 500;
const JOBS = 2;

interface ReportRun {
  seconds: number;
  maxRssMb: number;
  versions: number;
  pairs: number;
  versionsPerSecond: number;
}

/** Runs the report in a child process and returns its totals and its own peak RSS (threads included). */
function runReport(dir: string): Promise<ReportRun> {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'dist/bundle/main.js'))});
    let json = '';
    const code = await main(['--store', ${JSON.stringify(dir)}, 'report', '--json', '--jobs', '${JOBS}'], { out: { write: (text) => void (json += text), isTTY: false } });
    if (code !== 0) process.exit(code);
    process.stdout.write(JSON.stringify({ totals: JSON.parse(json).totals, bytes: json.length, maxRSS: process.resourceUsage().maxRSS }));
  `;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`report exited ${code}`));
      const result = JSON.parse(out) as { totals: { versions: number; pairs: number }; maxRSS: number };
      const seconds = (performance.now() - started) / 1000;
      resolve({ seconds, maxRssMb: result.maxRSS / 1024, versions: result.totals.versions, pairs: result.totals.pairs, versionsPerSecond: result.totals.versions / seconds });
    });
  });
}

function gitDiff(dir: string, a: string, b: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('git', ['diff', '--word-diff', a, b, '--', path], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error) => (error ? reject(error) : resolve()));
  });
}

/** One `git diff --word-diff` process per pair, two at a time, on an even sample of all pairs. */
async function baseline(dir: string, cities: number): Promise<{ sampled: number; secondsPerPair: number; extrapolated: number }> {
  const pairs: [string, string, string][] = [];
  const totalPairs = cities * (VERSIONS - 1);
  const stride = Math.max(1, Math.floor(totalPairs / BASELINE_SAMPLE));
  const tags = await new Promise<string[]>((resolve, reject) =>
    execFile('git', ['tag', '--sort=refname'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (e, out) => (e ? reject(e) : resolve(out.trim().split('\n')))),
  );
  const bySlug = new Map<string, string[]>();
  for (const tag of tags) {
    const slug = tag.split('@')[0]!;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), tag]);
  }
  let k = 0;
  for (const [slug, list] of bySlug) {
    for (let i = 1; i < list.length; i++, k++) if (k % stride === 0 && pairs.length < BASELINE_SAMPLE) pairs.push([list[i - 1]!, list[i]!, `policies/${slug}.yaml`]);
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      while (next < pairs.length) {
        const [a, b, path] = pairs[next++]!;
        await gitDiff(dir, a, b, path);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { sampled: pairs.length, secondsPerPair: seconds / pairs.length, extrapolated: (seconds / pairs.length) * totalPairs };
}

export async function run(): Promise<void> {
  const sizes = (process.env.BANGCHIM_BENCH_CITIES ?? '100,300,1000').split(',').map(Number);
  process.stdout.write(`report: ${JOBS} worker threads, one cat-file --batch; baseline: git diff --word-diff per pair, ${JOBS} at a time, sample of ${BASELINE_SAMPLE} pairs extrapolated\n\n`);
  process.stdout.write('| cities | versions | generate (s) | report wall (s) | versions/s | peak RSS (MB) | git diff per pair (ms) | baseline, all pairs (s) | report vs baseline |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|\n');
  for (const cities of sizes) {
    const dir = join(mkdtempSync(join(tmpdir(), 'bangchim-national-')), 'store');
    const made = await makeArchive(dir, { cities, versions: VERSIONS, jobs: JOBS });
    const report = await runReport(dir);
    const base = await baseline(dir, cities);
    process.stdout.write(
      `| ${cities} | ${report.versions} | ${made.seconds.toFixed(1)} | ${report.seconds.toFixed(1)} | ${report.versionsPerSecond.toFixed(0)} | ${report.maxRssMb.toFixed(0)} | ${(base.secondsPerPair * 1000).toFixed(1)} | ${base.extrapolated.toFixed(1)} | ${(base.extrapolated / report.seconds).toFixed(2)}× ${base.extrapolated > report.seconds ? 'faster' : 'slower'} |\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
}
