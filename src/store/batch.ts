/**
 * The batch report: every consecutive pair of archived versions of every city, diffed.
 *
 * Built for a national archive (thousands of cities, tens of versions each):
 * - git is read through ONE `git cat-file --batch` process for all texts (the store's shared object
 *   reader), plus one `for-each-ref` for the tags; never a process per version;
 * - diffs run in a pool of worker threads (default 2, one per core), one city per task;
 * - results stream out in city order as they complete; at most `jobs × 2` cities are in flight, so
 *   memory does not grow with the size of the archive.
 *
 * The worker is this same module started with workerData.role === 'report-worker'.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { diffVersions, refLabel } from '../domain/diff/index.js';
import type { ArticleRef, FactChange } from '../domain/diff/types.js';
import { archivedEntries } from '../domain/ledger.js';
import { isSubstantive } from '../domain/presentation/badges.js';
import type { Ledger } from '../domain/model.js';
import { loadLedgerYaml, readVersionYaml } from '../domain/yaml.js';
import { ledgerPath, policyPath } from './paths.js';
import type { Store } from './store.js';
import { decodeUtf8 } from '../domain/utf8.js';
import { t } from '../domain/presentation/messages/index.js';

// The report test reads the fast reader from here, where it used to live.
export { fastReadYaml } from '../domain/yaml-fast.js';
export { readVersionYaml } from '../domain/yaml.js';

export interface PairSummary {
  slug: string;
  /** Tags: goyang@2020-07-17 */
  old: string;
  new: string;
  substantive: number;
  editorial: number;
  added: number;
  removed: number;
  modified: number;
  renumbered: number;
  /** Changed articles, as "제9조 modified" (new numbering; old when removed). */
  articles: string[];
  /** Facts that changed: contacts, periods, statutes, URLs, dates. */
  facts: FactChange[];
}

export interface ReportTotals {
  cities: number;
  versions: number;
  pairs: number;
  substantivePairs: number;
  errors: number;
  seconds: number;
  versionsPerSecond: number;
}

export interface ReportError {
  slug: string;
  message: string;
}

export interface ReportOptions {
  jobs?: number;
  /** Only these cities (default: all). */
  slugs?: string[];
  onPair: (pair: PairSummary) => void;
  onError?: (error: ReportError) => void;
  onProgress?: (done: number, total: number) => void;
}

/** What the main thread hands a worker: one city's archived versions, oldest first. */
interface CityTask {
  id: number;
  slug: string;
  versions: { tag: string; yaml: string }[];
}

interface CityResult {
  id: number;
  slug: string;
  pairs: PairSummary[];
  error?: string;
}

function articleName(ref: ArticleRef): string {
  return ref.part === 'appendix' ? `부록(${ref.title})` : refLabel(ref);
}

/** Diffs one city's consecutive versions (runs in a worker). */
export function diffCity(task: CityTask): CityResult {
  const pairs: PairSummary[] = [];
  try {
    let previous = task.versions[0] ? readVersionYaml(task.versions[0].yaml, `${task.versions[0].tag}:${policyPath(task.slug)}`) : null;
    for (let i = 1; i < task.versions.length; i++) {
      const item = task.versions[i]!;
      const current = readVersionYaml(item.yaml, `${item.tag}:${policyPath(task.slug)}`);
      const diff = diffVersions(previous!, current, { oldLabel: task.versions[i - 1]!.tag, newLabel: item.tag });
      pairs.push({
        slug: task.slug,
        old: task.versions[i - 1]!.tag,
        new: item.tag,
        substantive: diff.summary.substantive,
        editorial: diff.summary.editorial,
        added: diff.summary.added,
        removed: diff.summary.removed,
        modified: diff.summary.modified,
        renumbered: diff.summary.renumbered,
        articles: diff.articles.filter(isSubstantive).map((a) => `${articleName((a.new[0] ?? a.old[0])!)} ${a.status}`),
        facts: diff.facts,
      });
      previous = current;
    }
    return { id: task.id, slug: task.slug, pairs };
  } catch (error) {
    return { id: task.id, slug: task.slug, pairs, error: (error as Error).message };
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'report-worker') {
  parentPort!.on('message', (task: CityTask) => parentPort!.postMessage(diffCity(task)));
}

/**
 * The module the report's worker threads start on: the bundled batch.js (an entry point of
 * scripts/bundle.mjs). From the bundle that is the module holding this code; from src/ (tests that run
 * the sources) it is the build of it, so a worker always runs the one build.
 */
const REPORT_WORKER = import.meta.url.endsWith('.ts') ? new URL('../../dist/bundle/batch.js', import.meta.url) : new URL(import.meta.url);

function startReportWorker(): Worker {
  // Inherit node's flags (memory limits …) but not those that only make sense for the main entry.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type') && a !== '-e' && a !== '--eval');
  return new Worker(fileURLToPath(REPORT_WORKER), { workerData: { role: 'report-worker' }, execArgv });
}

/** A fixed pool of worker threads running diffCity; tasks queue when all are busy. */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: CityTask; resolve: (r: CityResult) => void; reject: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { resolve: (r: CityResult) => void; reject: (e: Error) => void }>();
  private readonly workers: Worker[] = [];
  private failed: Error | null = null;
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startReportWorker();
      worker.on('message', (result: CityResult) => {
        const waiter = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        waiter?.resolve(result);
        this.next();
      });
      // A worker that fails (or exits) fails the whole report: reject everything instead of waiting forever.
      const fail = (error: Error) => {
        this.failed ??= error;
        for (const waiter of this.busy.values()) waiter.reject(error);
        this.busy.clear();
        for (const queued of this.queue.splice(0)) queued.reject(error);
      };
      worker.on('error', (error) => fail(new Error(t('report.error.workerFailed', { detail: error.message }))));
      worker.on('exit', (code) => {
        if (!this.closing) fail(new Error(t('report.error.workerExited', { code: String(code) })));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(task: CityTask): Promise<CityResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const { task, resolve, reject } = this.queue.shift()!;
      this.busy.set(worker, { resolve, reject });
      worker.postMessage(task);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * Diffs every consecutive archived pair of every city (or of `slugs`), streaming each pair to
 * `onPair` in city order. Returns the totals.
 */
export async function reportStore(store: Store, options: ReportOptions): Promise<ReportTotals> {
  const started = performance.now();
  const jobs = Math.max(1, Math.min(16, options.jobs ?? defaultJobs()));
  const head = await store.head();
  const slugs = options.slugs ?? (await store.slugs(head));
  const tagCommits = new Map((await store.git.tags()).map((t) => [t.name, t.commit]));
  const pool = new Pool(jobs);
  const totals: ReportTotals = { cities: 0, versions: 0, pairs: 0, substantivePairs: 0, errors: 0, seconds: 0, versionsPerSecond: 0 };
  const window = jobs * 2;
  const pending = new Map<number, CityResult>();
  let nextToEmit = 0;
  const inFlight = new Set<Promise<void>>();

  const emit = () => {
    while (pending.has(nextToEmit)) {
      const result = pending.get(nextToEmit)!;
      pending.delete(nextToEmit);
      nextToEmit++;
      for (const pair of result.pairs) {
        totals.pairs++;
        if (pair.substantive > 0) totals.substantivePairs++;
        options.onPair(pair);
      }
      if (result.error !== undefined) {
        totals.errors++;
        options.onError?.({ slug: result.slug, message: result.error });
      }
      options.onProgress?.(nextToEmit, slugs.length);
    }
  };

  /** Reads one city's ledger and archived texts through the shared cat-file process. */
  const load = async (id: number, slug: string): Promise<CityTask | CityResult> => {
    const ledgerObject = await store.git.readObject(`${head}:${ledgerPath(slug)}`);
    if (!ledgerObject) return { id, slug, pairs: [], error: t('report.error.noLedger', { file: ledgerPath(slug) }) };
    let ledger: Ledger;
    try {
      ledger = loadLedgerYaml(decodeUtf8(ledgerObject.content), ledgerPath(slug));
    } catch (error) {
      return { id, slug, pairs: [], error: (error as Error).message };
    }
    const entries = archivedEntries(ledger);
    const missing = entries.filter((e) => !tagCommits.has(e.tag!)).map((e) => e.tag);
    if (missing.length > 0) return { id, slug, pairs: [], error: t('report.error.tagsMissing', { list: missing.join(', ') }) };
    const objects = await Promise.all(entries.map((e) => store.git.readObject(`${tagCommits.get(e.tag!)}:${policyPath(slug)}`)));
    const versions: CityTask['versions'] = [];
    for (let i = 0; i < entries.length; i++) {
      const object = objects[i];
      if (!object) return { id, slug, pairs: [], error: t('report.error.noPolicy', { tag: entries[i]!.tag!, file: policyPath(slug) }) };
      versions.push({ tag: entries[i]!.tag!, yaml: decodeUtf8(object.content) });
    }
    totals.versions += versions.length;
    return { id, slug, versions };
  };

  try {
    for (let id = 0; id < slugs.length; id++) {
      while (inFlight.size >= window) await Promise.race(inFlight);
      const slug = slugs[id]!;
      totals.cities++;
      const job = (async () => {
        const loaded = await load(id, slug);
        const result = 'versions' in loaded ? await pool.run(loaded) : loaded;
        pending.set(id, result);
        emit();
      })();
      const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  totals.seconds = (performance.now() - started) / 1000;
  totals.versionsPerSecond = totals.seconds > 0 ? totals.versions / totals.seconds : 0;
  return totals;
}
