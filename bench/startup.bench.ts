/**
 * Start-up of the installed command (`node bin/bangchim.js …`, the bundle) against a bare `node -e 0`,
 * measured in the same run: each round runs every command once, in turn, so load on the machine falls
 * on all of them alike. On a sample store (five cities) with an edited 고양 imported as 2025-01-01, so
 * `diff` compares two real versions of one city. Wall time of the whole process, median of RUNS rounds;
 * beside it the median of each round's own ratio (the command against the node run of the same round),
 * which a machine whose load drifts during the run moves less.
 *
 *   npm run bench startup                 (BANGCHIM_BENCH_RUNS=31 for more rounds)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initStore, openStore } from '../src/store/index.js';
import { seedText } from '../test/seeds.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BANGCHIM_BENCH_RUNS ?? 15);
/** The bound for the command-line commands: at most this many times node's own start-up. */
const BOUND = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  // diff exits 1 when the versions differ.
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

export async function run(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'bangchim-bench-startup-'));
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
  const store = join(home, 'store');
  await initStore(store);
  const edited = seedText('goyang').replace('전화번호\t031-8075-2020', '전화번호\t031-8075-2021');
  await (await openStore(store)).importVersion({ slug: 'goyang', bytes: Buffer.from(edited), file: 'goyang-2025.txt', effective: '2025-01-01' });

  const bin = join(ROOT, 'bin', 'bangchim.js');
  const commands: [string, string[]][] = [
    ['node -e 0 (peer)', ['-e', '0']],
    ['bangchim list', [bin, '--store', store, 'list']],
    ['bangchim show goyang', [bin, '--store', store, 'show', 'goyang']],
    ['bangchim log goyang', [bin, '--store', store, 'log', 'goyang']],
    ['bangchim diff goyang~1 goyang --json', [bin, '--store', store, 'diff', 'goyang~1', 'goyang', '--json']],
  ];
  const times = commands.map((): number[] => []);
  try {
    for (const [, args] of commands) timed(args, env); // warm the file cache
    for (let round = 0; round < RUNS; round++) commands.forEach(([, args], i) => times[i]!.push(timed(args, env)));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const node = median(times[0]!);
  process.stdout.write(`median of ${RUNS} rounds, wall time of the whole process; bound: ≤ ${BOUND}× node\n`);
  process.stdout.write(`${'what'.padEnd(40)} ${'ms'.padStart(8)} ${'× node'.padStart(8)} ${'per round'.padStart(10)}\n`);
  commands.forEach(([what], i) => {
    const ms = median(times[i]!);
    const ratio = ms / node;
    const paired = median(times[i]!.map((t, round) => t / times[0]![round]!));
    process.stdout.write(`${what.padEnd(40)} ${ms.toFixed(0).padStart(8)} ${ratio.toFixed(2).padStart(8)} ${paired.toFixed(2).padStart(10)}${i > 0 && ratio > BOUND ? '  over the bound' : ''}\n`);
  });
}
