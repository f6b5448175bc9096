/**
 * Writes a synthetic national archive as a real bangchim store, fast:
 *
 *   npx tsx scripts/make-archive.ts DIR [--cities 1000] [--versions 20] [--seed bangchim] [--jobs 2]
 *
 * The texts come from scripts/synthetic.ts (the seeds, renamed and edited realistically); each is
 * parsed like `bangchim import` would (worker threads, one city per task) and the whole history is
 * written by ONE `git fast-import` process: one commit per version (author date = effective date,
 * like the store's imports), an annotated tag <slug>@<date> per version, the ledger, the sources.
 * The result passes `bangchim verify` and reads like any store.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gitBlobId, mergeArchivedVersion, tagName } from '../src/domain/ledger.js';
import type { Ledger, PolicyVersion } from '../src/domain/model.js';
import { parsePolicy } from '../src/domain/parse/index.js';
import { versionTagMessage } from '../src/domain/version-tag.js';
import { loadSeeds } from '../test/seeds.js';
import { syntheticCity, type SeedText } from './synthetic.js';
import { ledgerToYaml, versionToYaml } from '../src/domain/yaml.js';
import { rootCommitMessage } from '../src/store/format.js';
import { STORE_MARKER, STORE_MARKER_TEXT } from '../src/store/paths.js';

const IDENTITY = 'bangchim <bangchim@localhost>';

export interface ArchiveOptions {
  cities: number;
  versions: number;
  seed?: string;
  jobs?: number;
  onProgress?: (message: string) => void;
}

/** One city, ready to be written: per version the three files and the messages. */
interface CityPayload {
  index: number;
  slug: string;
  city: string;
  versions: { effective: string; policy: string; ledger: string; source: string; sourcePath: string; sha256: string }[];
}

/** Generates and parses one city exactly as `bangchim import CITY FILE --effective DATE` would store it. */
export function buildCity(seeds: SeedText[], index: number, versions: number, seed: string): CityPayload {
  const synthetic = syntheticCity(seeds, index, { versions, seed });
  const { slug, city } = synthetic;
  let ledger: Ledger | null = null;
  const out: CityPayload['versions'] = [];
  for (const v of synthetic.versions) {
    const sourcePath = `sources/${slug}/${v.effective}.txt`;
    const bytes = Buffer.from(v.text, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed = parsePolicy(bytes, { slug, city, sourceFile: sourcePath });
    const version: PolicyVersion = {
      ...parsed.version,
      city,
      slug,
      effective: v.effective,
      source: { file: sourcePath, sha256, ...(parsed.version.source.encoding ? { encoding: parsed.version.source.encoding } : {}) },
    };
    const policy = versionToYaml(version);
    const merged = mergeArchivedVersion(ledger, version, { effective: v.effective, tag: tagName(slug, v.effective), blob: gitBlobId(policy), source: version.source });
    ledger = { ...merged.ledger, city: (ledger as Ledger | null)?.city ?? city };
    out.push({ effective: v.effective, policy, ledger: ledgerToYaml(ledger), source: v.text, sourcePath, sha256 });
  }
  return { index, slug, city, versions: out };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'make-archive-worker') {
  const { seeds, versions, seed } = workerData as { seeds: SeedText[]; versions: number; seed: string };
  parentPort!.on('message', (index: number) => parentPort!.postMessage(buildCity(seeds, index, versions, seed)));
}

/**
 * A worker thread on this module, which runs as TypeScript (tsx, vitest): the worker registers tsx's
 * loader first, because a --import flag does not reach a worker's entry module on Node 20.
 */
function startWorker(data: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`, { eval: true, workerData: data });
}

function epoch(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00+09:00`) / 1000);
}

/** `data <n>\n<bytes>\n` for fast-import. */
function data(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

export async function makeArchive(dir: string, options: ArchiveOptions): Promise<{ cities: number; versions: number; seconds: number }> {
  const started = performance.now();
  const seed = options.seed ?? 'bangchim';
  const jobs = Math.max(1, options.jobs ?? 2);
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty`);
  mkdirSync(target, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '-q', '-b', 'main', target], { env });

  const importer = spawn('git', ['fast-import', '--quiet', '--done', '--date-format=raw'], { cwd: target, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const closed = new Promise<number>((resolveClose) => importer.on('close', (code) => resolveClose(code ?? 1)));
  const write = (chunks: Buffer[]): Promise<void> =>
    new Promise((resolveWrite) => {
      const ok = importer.stdin.write(Buffer.concat(chunks));
      if (ok) resolveWrite();
      else importer.stdin.once('drain', () => resolveWrite());
    });

  // The root commit, like `bangchim init --empty`.
  const rootDate = epoch('2000-01-01');
  await write([
    Buffer.from(`commit refs/heads/main\nmark :1\nauthor ${IDENTITY} ${rootDate} +0900\ncommitter ${IDENTITY} ${rootDate} +0900\n`),
    ...data(rootCommitMessage()),
    Buffer.from(`M 100644 inline ${STORE_MARKER}\n`),
    ...data(STORE_MARKER_TEXT),
    Buffer.from('\n'),
  ]);

  const seeds = loadSeeds();
  const workers = Array.from({ length: jobs }, () => startWorker({ role: 'make-archive-worker', seeds, versions: options.versions, seed }));
  const results = new Map<number, CityPayload>();
  const waiters = new Map<number, (p: CityPayload) => void>();
  for (const worker of workers) {
    worker.on('message', (payload: CityPayload) => {
      const waiter = waiters.get(payload.index);
      if (waiter) {
        waiters.delete(payload.index);
        waiter(payload);
      } else results.set(payload.index, payload);
    });
    worker.on('error', (error) => {
      throw error;
    });
  }
  const ask = (index: number) => workers[index % jobs]!.postMessage(index);
  const get = (index: number): Promise<CityPayload> => {
    const ready = results.get(index);
    if (ready) {
      results.delete(index);
      return Promise.resolve(ready);
    }
    return new Promise((r) => waiters.set(index, r));
  };

  const ahead = jobs * 3;
  for (let i = 1; i <= Math.min(options.cities, ahead); i++) ask(i);
  let total = 0;
  for (let index = 1; index <= options.cities; index++) {
    const payload = await get(index);
    if (index + ahead <= options.cities) ask(index + ahead);
    const chunks: Buffer[] = [];
    for (const v of payload.versions) {
      const date = epoch(v.effective);
      const tag = tagName(payload.slug, v.effective);
      chunks.push(Buffer.from(`commit refs/heads/main\nauthor ${IDENTITY} ${date} +0900\ncommitter ${IDENTITY} ${date} +0900\n`));
      chunks.push(...data(`${payload.slug}: version effective ${v.effective}\n\ncity: ${payload.city}\nsource: ${v.sourcePath}\nsha256: ${v.sha256}\n`));
      for (const [path, text] of [
        [`policies/${payload.slug}.yaml`, v.policy],
        [`history/${payload.slug}.yaml`, v.ledger],
        [v.sourcePath, v.source],
      ] as const) {
        chunks.push(Buffer.from(`M 100644 inline ${path}\n`), ...data(text));
      }
      chunks.push(Buffer.from('\n'));
      chunks.push(Buffer.from(`tag ${tag}\nfrom refs/heads/main\ntagger ${IDENTITY} ${date} +0900\n`));
      // The generator names each city and dates each version itself: given, as --name and --effective would.
      chunks.push(...data(versionTagMessage({ city: payload.city, effective: v.effective, sourceFile: v.sourcePath, sha256: v.sha256, cityGiven: '--name', effectiveGiven: '--effective' })));
      total++;
    }
    await write(chunks);
    if (index % 100 === 0) options.onProgress?.(`${index}/${options.cities} cities, ${total} versions`);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  importer.stdin.end('done\n');
  const code = await closed;
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code})`);
  // The work tree, as any store has it.
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: target, env });
  return { cities: options.cities, versions: total, seconds: (performance.now() - started) / 1000 };
}

// Run as a script.
if (isMainThread && process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : (args[at + 1] ?? fallback);
  };
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/make-archive.ts DIR [--cities 1000] [--versions 20] [--seed bangchim] [--jobs 2]\n');
    process.exit(2);
  }
  const result = await makeArchive(dir, {
    cities: Number(option('cities', '1000')),
    versions: Number(option('versions', '20')),
    seed: option('seed', 'bangchim'),
    jobs: Number(option('jobs', '2')),
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`wrote ${result.cities} cities, ${result.versions} versions to ${resolve(dir)} in ${result.seconds.toFixed(1)} s\n`);
}
