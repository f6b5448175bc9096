/**
 * The semantic diff against `git diff --no-index --word-diff` on the same two texts, measured in the
 * same run: each seed vs an edited copy, pairs of different cities, 10× / 100× synthetic policies
 * (articles repeated with variations), and long pages of 1,000 to 8,000 articles against a revision
 * with known edits (the growth from 1,000 to 8,000 should stay near 8×), plus the whole process of
 * `bangchim diff A B --json` on the 4,000-article pair against a bare `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffVersions } from '../src/domain/diff/index.js';
import { parsePolicy } from '../src/domain/parse/index.js';
import { renderPolicyText } from '../src/domain/render.js';
import { versionToYaml } from '../src/domain/yaml.js';
import type { Article, PolicyVersion } from '../src/domain/model.js';
import { longPage, revise } from '../test/diff/long-pages.js';

const SEED_DIR = fileURLToPath(new URL('../test/fixtures/seeds/', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/bangchim.js', import.meta.url));
const LONG_PAGE_SIZES = [1000, 2000, 4000, 8000] as const;
const WHOLE_PROCESS_SIZE = 4000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The median time of each job over `runs` rounds, after `warmups` rounds; a round runs every job once,
 * in turn. The jobs share the engine's and the machine's state (code compiled, heap size, load), so
 * their ratios do not depend on the order they are listed in or on what ran before them.
 */
function timeInterleaved(runs: number, warmups: number, jobs: readonly (() => void)[]): number[] {
  const samples = jobs.map((): number[] => []);
  for (let round = 0; round < warmups + runs; round++) {
    jobs.forEach((job, k) => {
      const start = performance.now();
      job();
      if (round >= warmups) samples[k]!.push(performance.now() - start);
    });
  }
  return samples.map(median);
}

function time(runs: number, f: () => void): number {
  for (let i = 0; i < Math.min(3, runs); i++) f(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A few real edits on a version: a period, a phone-like number, a sentence, an article removed. */
function edited(version: PolicyVersion): PolicyVersion {
  const copy = structuredClone(version);
  const articles = copy.articles;
  let changed = 0;
  for (const article of articles) {
    for (const clause of article.body) {
      if (clause.text === undefined || changed >= 3) continue;
      const next = clause.text.replace('6개월', '1년').replace('10일', '14일').replace('3년', '5년');
      if (next !== clause.text) {
        clause.text = next;
        changed++;
      }
    }
  }
  articles[1]!.body.push({ marker: '-', text: '정보주체가 요청하는 경우 처리 결과를 지체 없이 서면으로 통지합니다.' });
  articles.splice(Math.floor(articles.length / 2), 1);
  articles.forEach((a, k) => (a.number = k + 1));
  return copy;
}

/** Every article reworded (a sentence added to its first clause): nothing can be anchored as identical. */
function reworded(version: PolicyVersion): PolicyVersion {
  const copy = structuredClone(version);
  for (const article of copy.articles) {
    const first = article.body.find((c) => c.text !== undefined);
    if (first) first.text = `${first.text} 다만, 정보주체가 요청하면 지체 없이 알립니다.`;
  }
  return copy;
}

/** `times` copies of every article, each copy varied (numbers and a city-like word), numbered on. */
function scaled(version: PolicyVersion, times: number): PolicyVersion {
  const articles: Article[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const article of version.articles) {
      const varied = structuredClone(article);
      varied.title = copy === 0 ? article.title : `${article.title} (제${copy}지구)`;
      const vary = (text: string): string => (copy === 0 ? text : text.replace(/\d+/u, (n) => String(Number(n) + copy)).replace(/시는/u, `시 제${copy}지구는`));
      for (const clause of varied.body) if (clause.text !== undefined) clause.text = vary(clause.text);
      articles.push(varied);
    }
  }
  articles.forEach((a, k) => (a.number = k + 1));
  return { ...version, articles };
}

function gitWordDiff(dir: string, a: string, b: string): () => void {
  const oldFile = join(dir, 'old.txt');
  const newFile = join(dir, 'new.txt');
  return () => {
    writeFileSync(oldFile, a);
    writeFileSync(newFile, b);
    const result = spawnSync('git', ['diff', '--no-index', '--word-diff', '--no-color', oldFile, newFile], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`git diff failed: ${result.error?.message ?? result.stderr}`);
  };
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux build). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc/self/stat's
 * cutime and cstime; NaN where there is no /proc. On a shared machine the wall time of a child waits
 * for a core, its CPU time does not.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is the state, field 3
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS; // fields 16 and 17
  } catch {
    return Number.NaN;
  }
}

/** Spawns a command `runs` times (after one warm-up): the median wall time and the median CPU time, in ms. */
function timeProcess(runs: number, command: string, args: readonly string[], okStatus: readonly number[]): { wall: number; cpu: number } {
  const cpu: number[] = [];
  const wall = time(runs, () => {
    const before = childrenCpuMs();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    cpu.push(childrenCpuMs() - before);
    if (result.status === null || !okStatus.includes(result.status)) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  });
  return { wall, cpu: median(cpu.slice(Math.min(3, runs))) }; // the warm-up runs left out, as time() does
}

/**
 * Long pages (a seed repeated to 1,000 … 8,000 articles) against a revision with known edits: the
 * engine in-process per size, its ratio to git's word diff and its growth; then the whole CLI process
 * on the 4,000-article pages (as page text and as store YAML) against a bare node, wall and CPU time.
 * The engine's times are medians after warm-up (code compiled, the provision caches filled); the
 * whole-process rows are what one command pays, cold.
 */
function longPages(dir: string, seed: PolicyVersion): void {
  const pairs = LONG_PAGE_SIZES.map((articles) => {
    const page = longPage(seed, articles);
    return { articles, page, revision: revise(page).version };
  });
  // The growth is a ratio between sizes: every size is timed in each round (see timeInterleaved).
  const engine = timeInterleaved(5, 2, pairs.map(({ page, revision }) => () => void diffVersions(page, revision)));
  const git = timeInterleaved(3, 1, pairs.map(({ page, revision }) => gitWordDiff(dir, renderPolicyText(page), renderPolicyText(revision))));
  const rows = pairs.map(({ articles }, k) => ({ articles, engine: engine[k]!, git: git[k]! }));
  const whole = pairs.find((p) => p.articles === WHOLE_PROCESS_SIZE)!;
  const wholePair: [PolicyVersion, PolicyVersion] = [whole.page, whole.revision];
  const header = `${'long page vs revision'.padEnd(24)} ${'engine ms'.padStart(10)} ${'µs/article'.padStart(11)} ${'git ms'.padStart(8)} ${'ratio'.padStart(6)} ${'growth'.padStart(7)}`;
  process.stdout.write(`\n${header}\n${'-'.repeat(header.length)}\n`);
  const first = rows[0]!;
  for (const row of rows) {
    const growth = row.engine / first.engine;
    process.stdout.write(
      `${`${row.articles} articles`.padEnd(24)} ${row.engine.toFixed(1).padStart(10)} ${((row.engine * 1000) / row.articles).toFixed(0).padStart(11)} ${row.git.toFixed(1).padStart(8)} ${(row.engine / row.git).toFixed(2).padStart(6)} ${`${growth.toFixed(2)}×`.padStart(7)}\n`,
    );
  }
  const last = rows[rows.length - 1]!;
  process.stdout.write(`growth ${first.articles} → ${last.articles} articles: ${(last.engine / first.engine).toFixed(2)}× (linear: ${(last.articles / first.articles).toFixed(0)}×)\n`);

  const [page, revision] = wholePair;
  const files = {
    text: [join(dir, 'long-old.txt'), join(dir, 'long-new.txt')],
    yaml: [join(dir, 'long-old.yaml'), join(dir, 'long-new.yaml')],
  } as const;
  writeFileSync(files.text[0], renderPolicyText(page));
  writeFileSync(files.text[1], renderPolicyText(revision));
  writeFileSync(files.yaml[0], versionToYaml(page));
  writeFileSync(files.yaml[1], versionToYaml(revision));
  const node = timeProcess(7, process.execPath, ['-e', '0'], [0]);
  process.stdout.write(`\nwhole process, ${WHOLE_PROCESS_SIZE} articles a side          ms   × node   cpu ms\n`);
  process.stdout.write(`${'node -e 0'.padEnd(44)} ${node.wall.toFixed(0).padStart(6)}   1.00 ${node.cpu.toFixed(0).padStart(8)}\n`);
  for (const [kind, [a, b]] of Object.entries(files)) {
    // Exit status 1: the versions differ, as they do.
    const { wall, cpu } = timeProcess(3, process.execPath, [CLI, 'diff', a, b, '--json'], [1]);
    process.stdout.write(`${`bangchim diff A B --json (page ${kind})`.padEnd(44)} ${wall.toFixed(0).padStart(6)} ${(wall / node.wall).toFixed(2).padStart(6)} ${cpu.toFixed(0).padStart(8)}\n`);
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bangchim-bench-diff-'));
  try {
    const files = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();
    const seeds = files.map((f) => parsePolicy(readFileSync(join(SEED_DIR, f))).version);
    const rows: { name: string; chars: number; engine: number; git: number }[] = [];
    const measure = (name: string, a: PolicyVersion, b: PolicyVersion, runs: number): void => {
      const oldText = renderPolicyText(a);
      const newText = renderPolicyText(b);
      const engine = time(runs, () => void diffVersions(a, b));
      const git = time(runs, gitWordDiff(dir, oldText, newText));
      rows.push({ name, chars: oldText.length + newText.length, engine, git });
    };
    for (const seed of seeds) measure(`${seed.slug} vs edited`, seed, edited(seed), 25);
    for (const [i, j] of [[2, 3], [0, 2], [1, 4]] as const) measure(`${seeds[i]!.slug} vs ${seeds[j]!.slug}`, seeds[i]!, seeds[j]!, 25);
    const base = seeds[3]!;
    for (const times of [1, 10, 100]) {
      const big = scaled(base, times);
      measure(`${base.slug} ${times}× vs edited`, big, edited(big), times === 100 ? 5 : 15);
    }
    for (const times of [1, 10, 100]) {
      const big = scaled(base, times);
      measure(`${base.slug} ${times}× vs reworded`, big, reworded(big), times === 100 ? 3 : 10);
    }
    const header = `${'pair'.padEnd(28)} ${'chars'.padStart(9)} ${'engine ms'.padStart(10)} ${'git ms'.padStart(8)} ${'ratio'.padStart(6)}`;
    process.stdout.write(`${header}\n${'-'.repeat(header.length)}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(28)} ${String(row.chars).padStart(9)} ${row.engine.toFixed(2).padStart(10)} ${row.git.toFixed(2).padStart(8)} ${(row.engine / row.git).toFixed(2).padStart(6)}\n`,
      );
    }
    longPages(dir, base);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
