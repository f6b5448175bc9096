/**
 * `bangchim verify`: checks a store for everything an auditor relies on, read-only.
 *
 * - git: `git fsck`; no object replacement (refs/replace, grafts) and every object read hashes to
 *   its id; no lock files left by a killed git or bangchim.
 * - per city: the ledger is valid YAML, its dates are in order and do not overlap;
 * - per archived version: its tag exists, is annotated, is on the branch, its commit's
 *   policies/<slug>.yaml is the blob the ledger records, valid, for that city and effective date;
 *   its source file hashes to the recorded sha256 (ledger, YAML and tag message agree); the commit's
 *   author date is the effective date; commit order is date order;
 * - tags named like a version (<slug>@<date>) that no ledger records;
 * - the work tree matches HEAD, policies/<slug>.yaml at HEAD is the newest archived text;
 * - bangchim.yaml's `offices` block at HEAD is valid (what `notice` signs with), for bodies the store keeps;
 * - configuration and hooks that run programs (a warning: bangchim's own git runs none of them).
 *
 * Nothing here writes: a stale lock or an unfinished work tree is reported, and the next ordinary
 * command (or import) recovers it. Reads are batched (one `cat-file --batch` per chunk).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BangchimError, StoreError } from '../domain/errors.js';
import { archivedEntries, tagName } from '../domain/ledger.js';
import type { Ledger, LedgerEntry, PolicyVersion } from '../domain/model.js';
import { parsePolicy } from '../domain/parse/index.js';
import { isIsoDate, SLUG_PATTERN } from '../domain/schema.js';
import { loadLedgerYaml, loadVersionYaml, readVersionYaml } from '../domain/yaml.js';
import { readVersionTagMessage, type ReadTagMessage } from '../domain/version-tag.js';
import { formatAction } from './format.js';
import { parseOffices } from './config.js';
import { Git, storeConfigThatRunsCode, type TagRef } from './git.js';
import { inspectLock, LOCK_FILE } from './lock.js';
import { STORE_MARKER, STORE_PATHS, ledgerPath, policyPath } from './paths.js';
import { t } from '../domain/presentation/messages/index.js';
import { decodeUtf8 } from '../domain/utf8.js';

export type FindingKind =
  | 'store' // not a store, no commits, detached HEAD
  | 'fsck'
  | 'replaced-object' // refs/replace, grafts, or an object whose content does not hash to its id
  | 'git-lock' // a *.lock file left by a killed git process
  | 'stale-lock' // .git/bangchim.lock of a dead process
  | 'busy' // a live bangchim holds the lock, or wrote while verify read: nothing else is reported (retry)
  | 'temp-index' // a temporary index left by a killed import (warning)
  | 'config-runs-code' // git configuration or a hook in the store that runs a program (warning: bangchim runs none)
  | 'ledger-invalid'
  | 'ledger-order'
  | 'tag-missing'
  | 'tag-not-annotated'
  | 'tag-off-branch'
  | 'tag-unrecorded'
  | 'tag-name' // the tag object names another tag than the ref that holds it
  | 'tag-message' // the tag message lacks a required line, or disagrees with the ledger or the YAML
  | 'tree-entry' // a symlink, submodule or other non-file in the branch's tree
  | 'policy-missing'
  | 'blob-mismatch'
  | 'policy-invalid'
  | 'policy-mismatch' // the YAML names another city or effective date than its tag
  | 'source-missing'
  | 'source-hash'
  | 'source-fields' // the YAML's source (url, file, retrieved, sha256, encoding) is not the ledger's
  | 'author-date'
  | 'commit-order'
  | 'head-policy'
  | 'text-mismatch' // --deep: the archived YAML is not what its source parses to
  | 'config-invalid' // bangchim.yaml at HEAD: its offices block (기관 정보) cannot be read
  | 'office-unknown' // bangchim.yaml names 기관 정보 for a body the store has no ledger of (warning)
  | 'worktree';

export interface Finding {
  kind: FindingKind;
  /** error: the archive cannot be relied on as it is; warning: worth knowing, not wrong. */
  severity: 'error' | 'warning';
  /** A tag, a file (path or commit:path), or the store. */
  where: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** True when a bangchim import (or any writer) held the lock or moved refs while verify read: retry; nothing was judged. */
  busy: boolean;
  store: string;
  head: string | null;
  cities: number;
  versions: number;
  tags: number;
  findings: Finding[];
}

export interface VerifyOptions {
  /** Run `git fsck` (default true; the slowest check on a large archive). */
  fsck?: boolean;
  /**
   * Also parse every archived source again and compare it with the archived YAML: catches a text
   * edited by hand even when the forger kept ledger, tags and hashes consistent. Costs one parse per version.
   */
  deep?: boolean;
  onProgress?: (message: string) => void;
}

/** The source record an import writes alike into the YAML and the ledger entry (sha256 is checked on its own). */
const SOURCE_FIELDS = ['url', 'file', 'retrieved', 'encoding'] as const;

/** Objects read per `cat-file --batch` round: bounds memory on a national archive. */
const CHUNK = 400;

const TAG_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function objectId(type: string, content: Uint8Array): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

/** The author line of a raw commit → the calendar date in the author's own time zone. */
export function authorDate(rawCommit: Buffer): string | null {
  const text = rawCommit.toString('utf8');
  const header = text.slice(0, text.indexOf('\n\n') === -1 ? text.length : text.indexOf('\n\n'));
  const match = /^author .* (\d+) ([+-])(\d{2})(\d{2})$/m.exec(header);
  if (!match) return null;
  const offset = (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
  return new Date((Number(match[1]) + offset * 60) * 1000).toISOString().slice(0, 10);
}

/** A raw annotated tag object → its header fields and its message. */
function splitTagObject(rawTag: Buffer): { object?: string; type?: string; tag?: string; message: string } {
  const text = rawTag.toString('utf8');
  const split = text.indexOf('\n\n');
  const header = split === -1 ? text : text.slice(0, split);
  const field = (name: string) => new RegExp(`^${name} (.*)$`, 'm').exec(header)?.[1];
  return { object: field('object'), type: field('type'), tag: field('tag'), message: split === -1 ? '' : text.slice(split + 2) };
}

async function findLockFiles(gitDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of ['index.lock', 'HEAD.lock', 'packed-refs.lock', 'config.lock', 'shallow.lock']) if (existsSync(join(gitDir, name))) found.push(name);
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.lock')) found.push(relative(gitDir, path));
    }
  };
  await walk(join(gitDir, 'refs'));
  return found;
}

/**
 * The store's git configuration that names a program (filters, fsmonitor, pack and ssh commands …) and its
 * executable hooks: bangchim neutralises them in every git process it runs, but plain git on the store
 * would run them, so the auditor is told.
 */
async function codeRunningConfiguration(git: Git, gitDir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const entry of await storeConfigThatRunsCode(git)) {
    const file = JSON.stringify(entry.origin);
    const message = t(/^include(if\..+)?\.path$/.test(entry.key) ? 'verify.configInclude' : 'verify.configRunsCode', { file, key: entry.key });
    findings.push({ kind: 'config-runs-code', severity: 'warning', where: entry.key, message });
  }
  const hooks = join(gitDir, 'hooks');
  for (const name of await readdir(hooks).catch(() => [] as string[])) {
    if (name.endsWith('.sample')) continue;
    const info = await stat(join(hooks, name)).catch(() => null);
    if (info === null || !info.isFile() || (info.mode & 0o111) === 0) continue;
    findings.push({ kind: 'config-runs-code', severity: 'warning', where: `.git/hooks/${name}`, message: t('verify.hook', { name }) });
  }
  return findings;
}

/** Reads `specs` in chunks of CHUNK through one cat-file process each, handing each object to `each`. */
async function readEach(git: Git, specs: string[], each: (index: number, object: { id: string; type: string; content: Buffer } | null) => void): Promise<void> {
  for (let start = 0; start < specs.length; start += CHUNK) {
    const objects = await git.readObjects(specs.slice(start, start + CHUNK));
    objects.forEach((object, i) => each(start + i, object));
  }
}

export async function verifyStore(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], kind: FindingKind, where: string, message: string) => findings.push({ kind, severity, where, message });
  const report = (head: string | null, cities = 0, versions = 0, tags = 0): VerifyReport => ({
    ok: !findings.some((f) => f.severity === 'error'),
    busy: false,
    store: dir,
    head,
    cities,
    versions,
    tags,
    findings,
  });

  const git = new Git(dir);
  if (!existsSync(join(dir, STORE_MARKER)) || (await git.topLevel()) === null) {
    add('error', 'store', dir, t('verify.notStore', { dir, marker: STORE_MARKER }));
    return report(null);
  }
  try {
    // A format-1 store is fine (the next command upgrades it); one this bangchim does not know is not checked.
    formatAction(dir);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    add('error', 'store', join(dir, STORE_MARKER), `${error.message}; ${error.hint}`);
    return report(null);
  }
  const gitDir = await git.gitDir();

  // ---- locks and leftovers (looked at first: they explain whatever else is off)
  // A live writer (import, sync, init) means refs, journal, temporary index and git's lock files are in
  // motion: what verify would read is no state the store is ever left in, so it says busy and judges nothing.
  const lock = await inspectLock(gitDir);
  if (lock.state === 'held') return busyReport(dir, lock.info);
  // One view of the refs: compared again at the end, so that a writer that ran meanwhile makes the report "busy".
  const refsBefore = await git.refValues();
  if (lock.state === 'stale') add('error', 'stale-lock', `.git/${LOCK_FILE}`, t('verify.staleLock', { pid: lock.info?.pid ?? '?', running: lock.info ? t('verify.staleLock.running', { command: lock.info.command }) : '' }));
  // The store's journal of a ref transaction (written just before it, removed after): left behind, the
  // transaction may be applied in part; the next bangchim command finishes it.
  if (existsSync(join(gitDir, 'bangchim.journal'))) {
    add('error', 'stale-lock', '.git/bangchim.journal', t('verify.journal'));
  }
  for (const name of await readdir(gitDir)) {
    if (name.startsWith('bangchim-index-')) add('warning', 'temp-index', `.git/${name}`, t('verify.tempIndex'));
  }
  for (const file of await findLockFiles(gitDir)) {
    add('error', 'git-lock', `.git/${file}`, t('verify.gitLock', { file }));
  }
  findings.push(...(await codeRunningConfiguration(git, gitDir)));
  const replaceRefs = await git.replaceRefs();
  const replaced = new Set(replaceRefs.map((ref) => ref.split('/').pop()!));
  for (const ref of replaceRefs) add('error', 'replaced-object', ref, t('verify.replaceRef', { ref, id: ref.split('/').pop()! }));
  if (existsSync(join(gitDir, 'info', 'grafts'))) add('error', 'replaced-object', '.git/info/grafts', t('verify.grafts'));

  // ---- git fsck
  if (options.fsck !== false) {
    options.onProgress?.('git fsck');
    const fsck = await git.fsck();
    if (!fsck.ok) {
      for (const line of fsck.problems.slice(0, 50)) add('error', 'fsck', dir, t('verify.fsckProblem', { line }));
      if (fsck.problems.length === 0) add('error', 'fsck', dir, t('verify.fsckFailed', { code: fsck.code ?? '?' }));
    }
  }

  const head = await git.headCommit();
  if (head === null) {
    add('error', 'store', dir, t('verify.noCommits'));
    return report(null);
  }
  if ((await git.currentBranchRef()) === null) add('error', 'store', 'HEAD', t('verify.detached'));

  // ---- work tree
  const dirty = await git.status(STORE_PATHS);
  for (const line of dirty) add('error', 'worktree', line.slice(3), t('verify.worktree', { status: line.slice(0, 2).trim() || '?' }));

  const history = await verifyHistory(git, head, await git.tags(), { deep: options.deep, replaced, onProgress: options.onProgress });
  findings.push(...history.findings);
  const { ledgers } = history;

  // ---- policies/<slug>.yaml at HEAD is the newest archived text
  const newest = [...ledgers].map(([slug, ledger]) => ({ slug, entry: archivedEntries(ledger).at(-1) })).filter((x) => x.entry !== undefined);
  const headPolicies = await git.readObjects(newest.map((x) => `${head}:${policyPath(x.slug)}`));
  newest.forEach(({ slug, entry }, i) => {
    const object = headPolicies[i];
    const where = policyPath(slug);
    if (!object) {
      add('error', 'policy-missing', where, t('verify.headPolicyMissing', { where }));
      return;
    }
    if (entry!.blob && object.id !== entry!.blob) {
      try {
        loadVersionYaml(decodeUtf8(object.content), where);
        add('warning', 'head-policy', where, t('verify.headPolicyEdited', { where, tag: entry!.tag ?? '?' }));
      } catch (error) {
        const e = error as BangchimError;
        add('error', 'policy-invalid', where, [e.message, ...(e.details ?? [])].slice(0, 6).join('; '));
      }
    }
  });

  findings.push(...(await officesFindings(git, head, new Set(ledgers.keys()))));

  // A writer that took the lock or moved a ref while we read: the findings may be its half-done work.
  const lockAfter = await inspectLock(gitDir);
  if (lockAfter.state === 'held') return busyReport(dir, lockAfter.info);
  const refsAfter = await git.refValues();
  if (refsAfter.size !== refsBefore.size || [...refsBefore].some(([ref, id]) => refsAfter.get(ref) !== id)) return busyReport(dir, null);
  return report(head, ledgers.size, history.versions, history.tags);
}

/**
 * The committed bangchim.yaml's 기관 정보: `notice` and `office` would refuse a broken block (an error
 * here, with each problem's line and YAML path), and an office for a body without a ledger signs nothing
 * (a warning: a mistyped slug, or a body not imported yet).
 */
async function officesFindings(git: Git, head: string, slugs: Set<string>): Promise<Finding[]> {
  const [object] = await git.readObjects([`${head}:${STORE_MARKER}`]);
  if (!object) return [];
  let offices: Record<string, unknown>;
  try {
    offices = parseOffices(object.content.toString('utf8'), STORE_MARKER);
  } catch (error) {
    if (!(error instanceof BangchimError)) throw error;
    return [{ kind: 'config-invalid', severity: 'error', where: STORE_MARKER, message: [error.message, ...(error.details ?? [])].slice(0, 6).join('; ') }];
  }
  return Object.keys(offices)
    .filter((slug) => !slugs.has(slug))
    .map((slug) => ({ kind: 'office-unknown', severity: 'warning', where: `${STORE_MARKER}: offices.${slug}`, message: t('verify.officeUnknown', { slug }) }));
}

/** The report of a store some bangchim was writing to while verify would have read it: only that. */
function busyReport(dir: string, holder: { pid: number; command: string } | null): VerifyReport {
  const message = holder
    ? t('verify.busy.holder', { pid: holder.pid, command: holder.command })
    : t('verify.busy.refsMoved');
  return { ok: false, busy: true, store: dir, head: null, cities: 0, versions: 0, tags: 0, findings: [{ kind: 'busy', severity: 'error', where: `.git/${LOCK_FILE}`, message }] };
}

export interface HistoryCheck {
  findings: Finding[];
  ledgers: Map<string, Ledger>;
  versions: number;
  tags: number;
}

/**
 * Everything the history at `head` and the version tags `tags` must satisfy, read from objects only (no
 * work tree, no lock): the ledgers, each archived version's tag, tag object, commit, YAML and source, the
 * tree's entries, and with `deep` the YAML against its source. `replaced` are ids a refs/replace entry
 * names (reported where an archived version uses one). sync runs it on the incoming history.
 */
export async function verifyHistory(git: Git, head: string, tags: TagRef[], options: { deep?: boolean; replaced?: Set<string>; onProgress?: (message: string) => void } = {}): Promise<HistoryCheck> {
  const findings: Finding[] = [];
  const add: Add = (severity, kind, where, message) => findings.push({ kind, severity, where, message });
  const replaced = options.replaced ?? new Set<string>();
  const noteReplaced = (id: string, where: string) => {
    if (replaced.has(id)) add('error', 'replaced-object', where, t('verify.replacedUsed', { id, where }));
  };

  // ---- the tree: regular files only (a symlink could point anywhere, a submodule is another repository)
  for (const entry of await git.treeEntries(head)) {
    if (entry.mode !== '100644' && entry.mode !== '100755') add('error', 'tree-entry', entry.path, t('verify.treeEntry', { path: entry.path, mode: entry.mode, kind: entry.mode === '120000' ? t('verify.treeEntry.symlink') : entry.mode === '160000' ? t('verify.treeEntry.submodule') : '' }));
  }

  // ---- ledgers
  const order = await git.commitsSince(null, head);
  const position = new Map(order.map((c, i) => [c, i]));
  const historyNames = await git.listDirectory(head, 'history');
  const slugs = historyNames.filter((n) => n.endsWith('.yaml')).map((n) => n.slice(0, -5));
  const ledgers = new Map<string, Ledger>();
  const ledgerObjects = await git.readObjects(slugs.map((s) => `${head}:${ledgerPath(s)}`));
  slugs.forEach((slug, i) => {
    const where = ledgerPath(slug);
    if (!SLUG_PATTERN.test(slug)) {
      add('error', 'ledger-invalid', where, t('verify.ledger.badSlug', { slug }));
      return;
    }
    const object = ledgerObjects[i];
    if (!object) return;
    if (objectId('blob', object.content) !== object.id) add('error', 'replaced-object', where, t('verify.ledger.replaced', { id: object.id }));
    try {
      const ledger = loadLedgerYaml(decodeUtf8(object.content), where);
      if (ledger.slug !== slug) add('error', 'ledger-invalid', where, t('verify.ledger.slugMismatch', { named: ledger.slug, slug }));
      ledgers.set(slug, ledger);
    } catch (error) {
      const e = error as BangchimError;
      add('error', 'ledger-invalid', where, [e.message, ...(e.details ?? [])].join('; '));
    }
  });
  for (const [slug, ledger] of ledgers) checkLedgerDates(slug, ledger, add);

  // ---- tags
  const tagByName = new Map(tags.map((t) => [t.name, t]));
  const recorded = new Set<string>();
  for (const ledger of ledgers.values()) for (const entry of archivedEntries(ledger)) if (entry.tag) recorded.add(entry.tag);
  for (const tag of tags) {
    const match = TAG_PATTERN.exec(tag.name);
    if (match && !recorded.has(tag.name)) {
      const slug = match[1]!;
      add('error', 'tag-unrecorded', tag.name, ledgers.has(slug) ? t('verify.tag.unrecorded', { tag: tag.name, ledger: ledgerPath(slug) }) : t('verify.tag.noLedger', { tag: tag.name }));
    }
  }

  // ---- archived versions: collect what to read, then read in batches
  interface Item {
    slug: string;
    entry: LedgerEntry;
    tag: string;
    commit: string;
    tagObject: string | null;
  }
  const items: Item[] = [];
  let versions = 0;
  for (const [slug, ledger] of ledgers) {
    let previous: { at: number; tag: string } | null = null;
    for (const entry of archivedEntries(ledger)) {
      versions++;
      const expected = entry.effective === null ? null : tagName(slug, entry.effective);
      const tag = entry.tag ?? expected ?? '?';
      if (entry.effective === null) {
        add('error', 'ledger-invalid', ledgerPath(slug), t('verify.ledger.noEffective', { slug }));
        continue;
      }
      if (entry.tag !== expected) add('error', 'ledger-invalid', ledgerPath(slug), t('verify.ledger.tagMismatch', { effective: entry.effective, tag: entry.tag ?? t('verify.none'), expected: expected ?? '?' }));
      if (!entry.blob) add('error', 'ledger-invalid', ledgerPath(slug), t('verify.ledger.noBlob', { tag }));
      if (!entry.source) add('error', 'ledger-invalid', ledgerPath(slug), t('verify.ledger.noSource', { tag }));
      const ref = tagByName.get(tag);
      if (!ref) {
        add('error', 'tag-missing', tag, t('verify.tag.missing', { ledger: ledgerPath(slug), tag }));
        continue;
      }
      if (!ref.annotated) add('error', 'tag-not-annotated', tag, t('verify.tag.lightweight', { tag }));
      const at = position.get(ref.commit);
      if (at === undefined) add('error', 'tag-off-branch', tag, t('verify.tag.offBranch', { tag, commit: ref.commit.slice(0, 12) }));
      else {
        if (previous && at <= previous.at) add('error', 'commit-order', tag, t('verify.commitOrder', { tag, previous: previous.tag }));
        previous = { at, tag };
      }
      items.push({ slug, entry, tag, commit: ref.commit, tagObject: ref.annotated ? ref.object : null });
    }
  }

  options.onProgress?.(t('verify.progress.versions', { count: items.length }));
  const versionsRead = new Map<string, PolicyVersion>();
  const tagMessages = new Map<string, ReadTagMessage>();
  // Per item: the commit, the policy YAML at the commit, the source at the commit, the tag object, the source at HEAD (id only).
  const commits: (Buffer | null)[] = new Array(items.length).fill(null);
  await readEach(git, items.map((it) => it.commit), (i, object) => {
    const item = items[i]!;
    if (!object) return;
    if (objectId('commit', object.content) !== object.id) add('error', 'replaced-object', item.tag, t('verify.commit.replaced', { id: object.id.slice(0, 12) }));
    noteReplaced(object.id, item.tag);
    commits[i] = object.content;
  });
  items.forEach((item, i) => {
    const raw = commits[i];
    if (!raw) return;
    const date = authorDate(raw);
    if (date !== item.entry.effective) add('error', 'author-date', item.tag, t('verify.authorDate', { tag: item.tag, date: date ?? t('verify.unreadable'), effective: item.entry.effective ?? '?' }));
  });

  await readEach(git, items.map((it) => `${it.commit}:${policyPath(it.slug)}`), (i, object) => {
    const item = items[i]!;
    const where = `${item.tag}:${policyPath(item.slug)}`;
    if (!object) {
      add('error', 'policy-missing', where, t('verify.policy.missing', { tag: item.tag, file: policyPath(item.slug) }));
      return;
    }
    if (objectId('blob', object.content) !== object.id) add('error', 'replaced-object', where, t('verify.blob.replaced', { id: object.id.slice(0, 12) }));
    noteReplaced(object.id, where);
    if (item.entry.blob && object.id !== item.entry.blob) {
      add('error', 'blob-mismatch', where, t('verify.blob.mismatch', { tag: item.tag, id: object.id.slice(0, 12), ledger: ledgerPath(item.slug), recorded: item.entry.blob.slice(0, 12) }));
    }
    try {
      const version = readVersionYaml(decodeUtf8(object.content), where);
      if (version.slug !== item.slug) add('error', 'policy-mismatch', where, t('verify.policy.slugMismatch', { named: version.slug, slug: item.slug }));
      if (version.effective !== item.entry.effective) add('error', 'policy-mismatch', where, t('verify.policy.effectiveMismatch', { yaml: version.effective ?? 'null', tag: item.entry.effective ?? '?' }));
      if (item.entry.source && version.source.sha256 !== item.entry.source.sha256) add('error', 'source-hash', where, t('verify.source.yamlHash', { yaml: version.source.sha256.slice(0, 12), ledger: item.entry.source.sha256.slice(0, 12) }));
      // An import writes the city's ledger name into every version, and the same source record into both.
      const ledgerCity = ledgers.get(item.slug)?.city;
      if (ledgerCity !== undefined && version.city !== ledgerCity) add('error', 'policy-mismatch', where, t('verify.policy.cityMismatch', { city: version.city, ledger: ledgerPath(item.slug), ledgerCity }));
      if (item.entry.source) {
        for (const field of SOURCE_FIELDS) {
          if (version.source[field] !== item.entry.source[field]) add('error', 'source-fields', where, t('verify.source.fields', { field, yaml: version.source[field] ?? t('verify.none'), ledger: ledgerPath(item.slug), recorded: item.entry.source[field] ?? t('verify.none') }));
        }
      }
      versionsRead.set(item.tag, version);
    } catch (error) {
      const e = error as BangchimError;
      add('error', 'policy-invalid', where, [e.message, ...(e.details ?? [])].slice(0, 6).join('; '));
    }
  });

  const withSource = items.filter((it) => it.entry.source?.file);
  await readEach(git, withSource.map((it) => `${it.commit}:${it.entry.source!.file}`), (i, object) => {
    const item = withSource[i]!;
    const source = item.entry.source!;
    const where = `${item.tag}:${source.file}`;
    if (!object) {
      add('error', 'source-missing', where, t('verify.source.missing', { tag: item.tag, file: source.file! }));
      return;
    }
    if (objectId('blob', object.content) !== object.id) add('error', 'replaced-object', where, t('verify.source.replaced', { file: source.file!, id: object.id.slice(0, 12) }));
    noteReplaced(object.id, where);
    const actual = sha256(object.content);
    if (actual !== source.sha256) add('error', 'source-hash', where, t('verify.source.hash', { file: source.file!, actual: actual.slice(0, 12), ledger: ledgerPath(item.slug), recorded: source.sha256.slice(0, 12) }));
  });
  for (const item of items) if (item.entry.source && !item.entry.source.file) add('error', 'source-missing', item.tag, t('verify.source.noFile', { ledger: ledgerPath(item.slug), tag: item.tag }));
  // Sources are never removed: each must still be at HEAD, byte for byte.
  const atHead = await git.objectIds(withSource.map((it) => `${head}:${it.entry.source!.file}`));
  const atCommit = await git.objectIds(withSource.map((it) => `${it.commit}:${it.entry.source!.file}`));
  withSource.forEach((item, i) => {
    if (atCommit[i] && atHead[i] !== atCommit[i]) add('error', 'source-missing', `HEAD:${item.entry.source!.file}`, t(atHead[i] ? 'verify.source.headDiffers' : 'verify.source.removed', { file: item.entry.source!.file!, tag: item.tag }));
  });

  const annotated = items.filter((it) => it.tagObject !== null);
  await readEach(git, annotated.map((it) => it.tagObject!), (i, object) => {
    const item = annotated[i]!;
    if (!object) return;
    if (objectId('tag', object.content) !== object.id) add('error', 'replaced-object', item.tag, t('verify.tagObject.replaced', { id: object.id.slice(0, 12) }));
    noteReplaced(object.id, item.tag);
    const parts = splitTagObject(object.content);
    if (parts.tag !== item.tag) add('error', 'tag-name', item.tag, t('verify.tag.name', { tag: item.tag, named: parts.tag ?? t('verify.none') }));
    const message = readVersionTagMessage(parts.message);
    tagMessages.set(item.tag, message);
    for (const problem of message.problems) add('error', 'tag-message', item.tag, t('verify.tagMessage.problem', { tag: item.tag, problem }));
    const source = item.entry.source;
    if (message.effective !== undefined && message.effective !== item.entry.effective) add('error', 'tag-message', item.tag, t('verify.tagMessage.effective', { tag: item.tag, effective: message.effective }));
    if (source && message.sourceFile !== undefined && message.sourceFile !== source.file) add('error', 'tag-message', item.tag, t('verify.tagMessage.sourceFile', { tag: item.tag, file: message.sourceFile, ledger: ledgerPath(item.slug), recorded: source.file ?? t('verify.none') }));
    if (source && message.sha256 !== undefined && message.sha256 !== source.sha256) add('error', 'source-hash', item.tag, t('verify.tagMessage.sha256', { tag: item.tag, stated: message.sha256.slice(0, 12), recorded: source.sha256.slice(0, 12) }));
    const yaml = versionsRead.get(item.tag);
    if (yaml) {
      if (message.city !== undefined && message.city !== yaml.city) add('error', 'tag-message', item.tag, t('verify.tagMessage.city', { tag: item.tag, stated: message.city, yaml: yaml.city }));
      // What was given at import and no source can tell: the tag keeps it, the YAML must say the same.
      if (message.provenance) {
        for (const [field, stated, archived] of [['url', message.url, yaml.source.url], ['retrieved', message.retrieved, yaml.source.retrieved]] as const) {
          if (stated !== archived) add('error', 'tag-message', `${item.tag}:${policyPath(item.slug)}`, t('verify.tagMessage.provenance', { field, archived: archived ?? t('verify.none'), tag: item.tag, stated: stated ?? t('verify.none') }));
        }
      }
    }
    if (!message.provenance && message.problems.length === 0) add('warning', 'tag-message', item.tag, t('verify.tagMessage.old', { tag: item.tag }));
  });

  if (options.deep) await deepCheck(git, withSource, versionsRead, tagMessages, add, options.onProgress);
  return { findings, ledgers, versions, tags: tags.length };
}

type Add = (severity: Finding['severity'], kind: FindingKind, where: string, message: string) => void;

/**
 * What `--deep` reads again from the source bytes and must find exactly as archived: everything the
 * parser derives. What the import was given instead (slug, a --name, an --effective date, the url and
 * retrieved date, the file path) cannot come from the bytes; it is compared with the tag message and the
 * ledger (see verifyHistory). city and effective are derived when the tag says `page`.
 */
const DERIVED_FIELDS = ['title', 'numbering', 'preamble', 'articles', 'appendix', 'revision', 'source.encoding', 'source.sha256'] as const;

function derived(version: PolicyVersion, field: (typeof DERIVED_FIELDS)[number]): unknown {
  switch (field) {
    case 'numbering':
      return version.numbering ?? 'article';
    case 'source.encoding':
      return version.source.encoding;
    case 'source.sha256':
      return version.source.sha256;
    default:
      return version[field];
  }
}

/** The first derived field (an article by its index) where the archived version is not what the source parses to. */
function firstDifference(archived: PolicyVersion, parsed: PolicyVersion): string | null {
  for (const field of DERIVED_FIELDS) {
    if (field === 'articles') {
      const count = Math.max(archived.articles.length, parsed.articles.length);
      for (let i = 0; i < count; i++) if (JSON.stringify(archived.articles[i]) !== JSON.stringify(parsed.articles[i])) return `articles[${i}]`;
    } else if (field === 'numbering' && archived.numbering === undefined) {
      // A YAML without the key: written as 제N조 by today's writer, or by a store format 1 writer that did
      // not keep the scheme at all (its articles and labels are compared all the same).
      continue;
    } else if (JSON.stringify(derived(archived, field)) !== JSON.stringify(derived(parsed, field))) return field;
  }
  return null;
}

async function deepCheck(git: Git, items: { slug: string; tag: string; commit: string; entry: LedgerEntry }[], archivedVersions: Map<string, PolicyVersion>, tagMessages: Map<string, ReadTagMessage>, add: Add, onProgress?: (m: string) => void): Promise<void> {
  onProgress?.(t('verify.progress.deep', { count: items.length }));
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const sources = await git.readObjects(chunk.map((it) => `${it.commit}:${it.entry.source!.file}`));
    chunk.forEach((item, i) => {
      const source = sources[i];
      const archived = archivedVersions.get(item.tag);
      if (!source || !archived) return; // reported as source-missing or policy-invalid
      const where = `${item.tag}:${policyPath(item.slug)}`;
      const file = item.entry.source!.file!;
      let parsed: PolicyVersion;
      try {
        // Without a city: the page's own reading of it is compared below, when the tag says the page gave it.
        parsed = parsePolicy(source.content, { slug: item.slug, sourceFile: file }).version;
      } catch (error) {
        add('error', 'text-mismatch', `${item.tag}:${file}`, t('verify.deep.unparsable', { message: (error as Error).message }));
        return;
      }
      const path = firstDifference(archived, parsed);
      if (path !== null) {
        add('error', 'text-mismatch', where, t('verify.deep.mismatch', { path, file, tag: item.tag }));
      }
      const message = tagMessages.get(item.tag);
      const stated = parsed.revision?.effective ?? parsed.effective;
      if (message?.cityGiven === 'page' && parsed.city !== archived.city) {
        add('error', 'text-mismatch', where, t('verify.deep.city', { yaml: archived.city, file, parsed: parsed.city }));
      }
      if (message?.effectiveGiven === 'page' && stated !== archived.effective) {
        add('error', 'text-mismatch', where, t('verify.deep.effective', { yaml: archived.effective ?? t('verify.none'), file, parsed: stated ?? t('verify.deep.noEffective') }));
      }
      if (message && !message.provenance && parsed.city !== archived.city) {
        add('warning', 'text-mismatch', where, t('verify.deep.oldCity', { yaml: archived.city, file, parsed: parsed.city }));
      }
    });
  }
}

function checkLedgerDates(slug: string, ledger: Ledger, add: Add): void {
  const where = ledgerPath(slug);
  const versions = ledger.versions;
  versions.forEach((entry, i) => {
    // A month-only start or end (effectiveMonth, untilMonth) counts as stated: the page gave no day.
    const first = entry.effective ?? entry.effectiveMonth ?? null;
    const name = entry.tag ?? t('verify.dates.version', { start: first ?? t('verify.dates.noStart'), end: entry.until ?? entry.untilMonth ?? t('verify.dates.inForce') });
    if (entry.effective !== null && entry.until !== null && entry.until < entry.effective) add('error', 'ledger-order', where, t('verify.dates.endsBefore', { name, until: entry.until, effective: entry.effective }));
    if (entry.until === null && entry.untilMonth === undefined && i !== versions.length - 1) add('error', 'ledger-order', where, t('verify.dates.inForceNotLast', { name }));
    if (first === null && i !== 0) add('error', 'ledger-order', where, t('verify.dates.noStartNotOldest', { name }));
    const next = versions[i + 1];
    if (!next) return;
    const start = first ?? entry.until;
    const nextStart = next.effective ?? next.effectiveMonth ?? next.until;
    if (start !== null && nextStart !== null && nextStart <= start) add('error', 'ledger-order', where, t('verify.dates.outOfOrder', { start, next: nextStart }));
    if (entry.until !== null && next.effective !== null && entry.until >= next.effective) add('error', 'ledger-order', where, t('verify.dates.overlap', { name, until: entry.until, next: next.effective }));
  });
  for (const entry of versions) for (const date of [entry.effective, entry.until]) if (date !== null && !isIsoDate(date)) add('error', 'ledger-order', where, t('verify.dates.notDate', { date }));
}

