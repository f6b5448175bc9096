/**
 * The batch report: every consecutive pair of archived versions of every city, diffed.
 *
 * Built for a national archive (thousands of cities, tens of versions each):
 * - git is read through ONE `git cat-file --batch` process for all texts (CatFileBatch), plus one
 *   `for-each-ref` for the tags; never a process per version;
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
import type { Ledger, PolicyVersion } from '../domain/model.js';
import { validateVersion } from '../domain/schema.js';
import { loadLedgerYaml, loadVersionYaml, MAX_YAML_BYTES } from '../domain/yaml.js';
import { CatFileBatch } from './git.js';
import { ledgerPath, policyPath } from './paths.js';
import type { Store } from './store.js';

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

// ---------------------------------------------------------------------------------------------
// A fast reader for the YAML bangchim writes
// ---------------------------------------------------------------------------------------------

/**
 * Reads the subset of YAML that versionToYaml writes (block mappings and sequences, plain, quoted and
 * block-literal scalars, [] and {}), about five times faster than the general parser, which dominates
 * the cost of a national report. Anything outside the subset (comments, anchors, aliases, tags, flow
 * collections, multi-line quotes, documents markers …) returns null, and the caller falls back to the
 * strict loader, which also gives the precise error; so does a result that fails the schema.
 */
export function fastReadYaml(text: string): unknown | null {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const reader = new FastYaml(lines);
  try {
    const value = reader.block(0);
    return reader.done() ? value : null;
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

const UNSUPPORTED = Symbol('unsupported');
const KEY = /^([A-Za-z][A-Za-z0-9_]*):(?: (.*))?$/;

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

class FastYaml {
  private i = 0;
  constructor(private readonly lines: string[]) {}

  done(): boolean {
    while (this.i < this.lines.length && this.lines[this.i]!.trim() === '') this.i++;
    return this.i >= this.lines.length;
  }

  private peek(): { indent: number; content: string } | null {
    while (this.i < this.lines.length && this.lines[this.i]!.trim() === '') this.i++;
    if (this.i >= this.lines.length) return null;
    const line = this.lines[this.i]!;
    if (line.includes('\t') && /^\s*\t/.test(line)) throw UNSUPPORTED;
    const indent = indentOf(line);
    return { indent, content: line.slice(indent) };
  }

  /** The block node at exactly `indent` (a mapping or a sequence). */
  block(indent: number): unknown {
    const next = this.peek();
    if (!next || next.indent !== indent) throw UNSUPPORTED;
    if (next.content === '-' || next.content.startsWith('- ')) return this.sequence(indent);
    return this.mapping(indent, null);
  }

  /** A mapping whose entries are at `indent`; `first` is an entry already cut from a "- key: value" line. */
  private mapping(indent: number, first: string | null): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let content = first;
    for (;;) {
      if (content === null) {
        const next = this.peek();
        if (!next || next.indent < indent) break;
        if (next.indent > indent) throw UNSUPPORTED;
        content = next.content;
      }
      const match = KEY.exec(content);
      if (!match) throw UNSUPPORTED;
      const key = match[1]!;
      if (key in out || key === '__proto__') throw UNSUPPORTED;
      this.i++;
      out[key] = this.value(match[2] ?? '', indent, true);
      content = null;
    }
    return { ...out };
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent || !(next.content === '-' || next.content.startsWith('- '))) throw UNSUPPORTED;
      const rest = next.content === '-' ? '' : next.content.slice(2);
      if (rest !== '' && KEY.test(rest)) out.push(this.mapping(indent + 2, rest));
      else {
        this.i++;
        out.push(this.value(rest, indent, false));
      }
    }
    return out;
  }

  /** The value after "key:" or "-" on a line already consumed; nested blocks are deeper than `indent`. */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    if (rest === '') {
      const next = this.peek();
      if (!next || next.indent < indent || (next.indent === indent && !(inMapping && (next.content === '-' || next.content.startsWith('- '))))) return null;
      if (next.indent === indent) return this.sequence(indent); // "key:\n- item" (sequences not indented)
      return this.block(next.indent);
    }
    const c = rest[0]!;
    if (c === '|') return this.literal(rest, indent);
    if (c === '"') return doubleQuoted(rest);
    if (c === "'") return singleQuoted(rest);
    if (rest === '[]') return [];
    if (rest === '{}') return {};
    return plain(rest);
  }

  private literal(header: string, indent: number): string {
    const match = /^\|([1-9])?([+-])?$/.exec(header.trimEnd());
    if (!match) throw UNSUPPORTED;
    const collected: string[] = [];
    let contentIndent = match[1] ? indent + Number(match[1]) : -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const lineIndent = indentOf(line);
      if (line.trim() === '') {
        collected.push(contentIndent === -1 ? '' : line.slice(Math.min(contentIndent, line.length)));
        this.i++;
        continue;
      }
      if (contentIndent === -1) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) break;
      collected.push(line.slice(contentIndent));
      this.i++;
    }
    // Trailing blank lines belong to the chomping, not the content.
    let end = collected.length;
    while (end > 0 && collected[end - 1] === '') end--;
    const body = collected.slice(0, end).join('\n');
    const chomp = match[2];
    if (chomp === '-') return body;
    if (chomp === '+') return collected.length === 0 ? '' : collected.join('\n') + '\n';
    return end === 0 ? '' : body + '\n';
  }
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

function doubleQuoted(rest: string): string {
  let out = '';
  let i = 1;
  for (; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = rest[++i];
    if (e === undefined) throw UNSUPPORTED;
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex > 0) {
      const digits = rest.slice(i + 1, i + 1 + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) throw UNSUPPORTED;
      out += String.fromCodePoint(parseInt(digits, 16));
      i += hex;
    } else if (e in ESCAPES) out += ESCAPES[e];
    else throw UNSUPPORTED;
  }
  if (i >= rest.length || rest.slice(i + 1).trim() !== '') throw UNSUPPORTED;
  return out;
}

function singleQuoted(rest: string): string {
  const trimmed = rest.trimEnd();
  if (trimmed.length < 2 || !trimmed.endsWith("'")) throw UNSUPPORTED;
  const inner = trimmed.slice(1, -1);
  if (/'(?!')/.test(inner.replace(/''/g, ''))) throw UNSUPPORTED;
  return inner.replace(/''/g, "'");
}

/** A plain scalar, resolved by the core schema (null, booleans, numbers, else text). */
function plain(rest: string): unknown {
  // Leading or trailing blanks around a plain scalar: what they mean is the general parser's call.
  if (rest !== rest.trim()) throw UNSUPPORTED;
  const value = rest;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^-[^\s]/.test(value)) throw UNSUPPORTED;
  if (value.includes(' #') || value.includes(': ') || value.endsWith(':')) throw UNSUPPORTED;
  if (/^(~|null|Null|NULL)$/.test(value)) return null;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  if (/^[-+]?[0-9]+$/.test(value)) return Number(value);
  if (/^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(value)) throw UNSUPPORTED;
  return value;
}

/** A policy version from its YAML: the fast reader when it can, else (and on any doubt) the strict loader. */
export function readVersionYaml(text: string, file: string): PolicyVersion {
  if (text.length <= MAX_YAML_BYTES / 2) {
    const value = fastReadYaml(text);
    if (value !== null && validateVersion(value).length === 0) return value as PolicyVersion;
  }
  return loadVersionYaml(text, file);
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
        articles: diff.articles.filter((a) => a.status !== 'unchanged' || a.renumbered || a.retitled).filter((a) => a.substantive).map((a) => `${articleName((a.new[0] ?? a.old[0])!)} ${a.status}`),
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
      worker.on('error', (error) => fail(new Error(`a report worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!this.closing) fail(new Error(`a report worker exited unexpectedly (code ${code})`));
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
  const reader = new CatFileBatch(store.git);
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
    const ledgerObject = await reader.read(`${head}:${ledgerPath(slug)}`);
    if (!ledgerObject) return { id, slug, pairs: [], error: `${ledgerPath(slug)} is missing at HEAD` };
    let ledger: Ledger;
    try {
      ledger = loadLedgerYaml(ledgerObject.content.toString('utf8'), ledgerPath(slug));
    } catch (error) {
      return { id, slug, pairs: [], error: (error as Error).message };
    }
    const entries = archivedEntries(ledger);
    const missing = entries.filter((e) => !tagCommits.has(e.tag!)).map((e) => e.tag);
    if (missing.length > 0) return { id, slug, pairs: [], error: `tags missing: ${missing.join(', ')} (run \`bangchim verify\`)` };
    const objects = await Promise.all(entries.map((e) => reader.read(`${tagCommits.get(e.tag!)}:${policyPath(slug)}`)));
    const versions: CityTask['versions'] = [];
    for (let i = 0; i < entries.length; i++) {
      const object = objects[i];
      if (!object) return { id, slug, pairs: [], error: `${entries[i]!.tag} has no ${policyPath(slug)}` };
      versions.push({ tag: entries[i]!.tag!, yaml: object.content.toString('utf8') });
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
    await reader.close();
    await pool.close();
  }
  totals.seconds = (performance.now() - started) / 1000;
  totals.versionsPerSecond = totals.seconds > 0 ? totals.versions / totals.seconds : 0;
  return totals;
}
