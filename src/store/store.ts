/**
 * A bangchim store: a git repository with bangchim.yaml, policies/<slug>.yaml (the newest version),
 * history/<slug>.yaml (the ledger) and sources/<slug>/<effective>.<ext> (the raw bytes).
 *
 * Reading goes through git objects at resolved commit ids, never the work tree and never by
 * re-parsing sources. Writing builds every object with plumbing, then moves the branch and all tags
 * in one `update-ref --stdin` transaction, and only then brings the work tree up to date, all under
 * an exclusive lock: a kill before the transaction leaves the store as it was, after it the next
 * command finishes the work tree.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { extname, join, resolve as resolvePath } from 'node:path';
import { BusyError, InputError, RefError, StoreError, UsageError, ValidationError } from '../domain/errors.js';
import {
  archivedEntries,
  describeRange,
  entryEffectiveOn,
  entryInForce,
  gitBlobId,
  mergeArchivedVersion,
  newestArchived,
  sha256Hex,
  tagName,
  todayInKorea,
  type LedgerMerge,
} from '../domain/ledger.js';
import type { Evidence, IsoDate, Ledger, LedgerEntry, PolicyVersion } from '../domain/model.js';
import { articleName } from '../domain/presentation/labels.js';
import { parseRef } from '../domain/ref.js';
import { isIsoDate, SLUG_PATTERN } from '../domain/schema.js';
import { ledgerToYaml, loadLedgerYaml, loadVersionYaml, versionToYaml } from '../domain/yaml.js';
import { CatFileBatch, Git, treeEntryNames, type Identity, type RefUpdate, type TagRef } from './git.js';
import { formatAction, STORE_MARKER, storeMarkerText, upgradeStoreFormat } from './format.js';
import { busyError, claimStaleLock, gitProcessesIn, inspectLock, isLockDebris, readJournal, removeJournal, removeLock, tryCreateLock, writeJournal, type Journal } from './lock.js';

export { STORE_MARKER } from './format.js';
export const STORE_MARKER_TEXT = storeMarkerText();
/** The paths bangchim writes; they must be clean before it writes. */
export const STORE_PATHS = ['policies', 'history', 'sources', STORE_MARKER];
export const TEMP_INDEX_PREFIX = 'bangchim-index-';
/** How long a git lock file of a dead import's git child may still belong to that (orphaned) git. */
const ORPHAN_GIT_GRACE_MS = 1000;

/** A version resolved from a reference: what `diff`, `show` and the UI work with. */
export interface ResolvedVersion {
  /** How to name it to a person: goyang@2020-07-17, or the file path as given. */
  label: string;
  slug: string;
  effective: IsoDate | null;
  version: PolicyVersion;
  tag?: string;
  commit?: string;
  /** Absolute path, for a draft file. */
  file?: string;
}

/** A reference that names a version whose text is not archived (known only from a later page). */
export class NotArchivedError extends RefError {
  override readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly slug: string,
    readonly entry: LedgerEntry,
    details: { details?: string[]; hint?: string; where?: string },
  ) {
    super(message, details);
  }
}

export interface CitySummary {
  slug: string;
  city: string;
  /** The newest archived version. */
  newest: LedgerEntry | null;
  archived: number;
  known: number;
}

export interface LogEntry extends LedgerEntry {
  /** The commit the tag points at (archived versions). */
  commit?: string;
}

export interface ImportRequest {
  slug: string;
  bytes: Uint8Array;
  /** The file name as given (decides .txt/.html and is reported in errors). */
  file: string;
  effective?: string;
  url?: string;
  name?: string;
  onProgress?: (message: string) => void;
}

export interface ImportResult {
  slug: string;
  effective: IsoDate;
  tag: string;
  commit: string;
  /** True when nothing was done (identical text already archived). */
  noop: boolean;
  message: string;
  /** True when later commits were replayed to keep date order and commit order in agreement. */
  rebuilt: boolean;
  replayed: number;
  movedTags: string[];
  added: LedgerEntry[];
  promoted: LedgerEntry | null;
  warnings: string[];
}

/** What one city commit writes; `mergeLedger` is applied to the ledger of the tip (and of every replayed commit). */
interface VersionPlan {
  slug: string;
  effective: IsoDate;
  policyBytes: Buffer;
  sourceBytes: Buffer;
  sourcePath: string;
  commitMessage: string;
  tagMessage: string;
  mergeLedger(ledger: Ledger | null): LedgerMerge;
  onProgress?: (message: string) => void;
}

export function policyPath(slug: string): string {
  return `policies/${slug}.yaml`;
}
export function ledgerPath(slug: string): string {
  return `history/${slug}.yaml`;
}

/** City slugs from the names in history/, sorted. */
function citySlugs(names: string[]): string[] {
  return names
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .filter((slug) => SLUG_PATTERN.test(slug))
    .sort();
}

export function checkSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw new UsageError(`"${slug}" is not a valid city slug`, {
      hint: 'a slug is lowercase ascii letters, digits and single hyphens, like goyang or namyangju',
    });
  }
}

/** Refuses an empty file before any work; binary, UTF-16 and the like are the parser's to name precisely. */
export function checkDocumentBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) {
    throw new InputError(`${file} is empty`, { where: file, hint: 'give the text of the policy page (copied text or saved HTML)' });
  }
}

function sourceExtension(file: string): 'html' | 'txt' {
  return /^\.html?$/i.test(extname(file)) ? 'html' : 'txt';
}

/** "제12조" (or 12., 차. in the version's scheme) of the version's revision article, if it has one. */
function revisionArticleLabel(version: PolicyVersion): string | null {
  const article = version.articles.find((a) => a.topic === 'revision');
  return article ? articleName(article, version.numbering) : null;
}

function gitDate(date: Date): string {
  return `${Math.floor(date.getTime() / 1000)} +0000`;
}

export class Store {
  private gitDirCache: string | null = null;
  private readonly versionCache = new Map<string, PolicyVersion>();

  private constructor(
    readonly dir: string,
    readonly git: Git,
    private readonly onNotice: (message: string) => void,
  ) {}

  /** Opens the store at `dir` (absolute); finishes the work tree of an import that was killed. */
  static async open(dir: string, options: { onNotice?: (message: string) => void } = {}): Promise<Store> {
    if (!existsSync(join(dir, STORE_MARKER))) {
      throw new StoreError(`${dir} is not a bangchim store (it has no ${STORE_MARKER})`, { where: dir, hint: `create one with \`bangchim init ${dir}\`, or give --store DIR` });
    }
    const format = formatAction(dir);
    const git = new Git(dir);
    // One git process when all is well; when not, one question at a time, to say what is wrong.
    const info = await git.repositoryInfo();
    if (info === null) {
      const top = await git.topLevel();
      if (top === null) throw new StoreError(`${dir} has ${STORE_MARKER} but is not a git repository`, { where: dir, hint: `run \`bangchim init ${dir}\` to make it one` });
    }
    const store = new Store(dir, git, options.onNotice ?? (() => undefined));
    if (info === null && (await git.headCommit()) === null) throw new StoreError(`${dir} has no commits yet`, { where: dir, hint: `run \`bangchim init ${dir}\`` });
    if (info !== null) store.gitDirCache = info.gitDir;
    await store.recoverIfStale();
    if (format === 'upgrade') await upgradeStoreFormat(store, { tempIndex: join(await store.gitDir(), `${TEMP_INDEX_PREFIX}${process.pid}`), onNotice: store.onNotice });
    return store;
  }

  /** @internal for initStore, which creates the root commit itself. */
  static unchecked(dir: string, options: { onNotice?: (message: string) => void } = {}): Store {
    return new Store(dir, new Git(dir), options.onNotice ?? (() => undefined));
  }

  async gitDir(): Promise<string> {
    this.gitDirCache ??= await this.git.gitDir();
    return this.gitDirCache;
  }

  async head(): Promise<string> {
    const head = await this.git.headCommit();
    if (head === null) throw new StoreError(`${this.dir} has no commits yet`, { where: this.dir, hint: `run \`bangchim init ${this.dir}\`` });
    return head;
  }

  // ---------------------------------------------------------------- reading

  /** Slugs of the cities in the store (those with a ledger at HEAD), sorted. */
  async slugs(commit?: string): Promise<string[]> {
    const at = commit ?? (await this.head());
    return citySlugs(await this.git.listDirectory(at, 'history'));
  }

  private parseLedger(text: string, slug: string, label: string): Ledger {
    const ledger = loadLedgerYaml(text, label);
    if (ledger.slug !== slug) {
      throw new ValidationError(`${label} is the ledger of "${ledger.slug}", not of "${slug}"`, { where: `${label}: slug`, hint: `set slug: ${slug} in ${label}, or rename the file` });
    }
    return ledger;
  }

  /** The ledgers of `slugs` at `commit` (null for a city without one there). */
  async ledgersAt(commit: string, slugs: string[], labelPrefix = ''): Promise<(Ledger | null)[]> {
    const objects = await this.git.readObjects(slugs.map((slug) => `${commit}:${ledgerPath(slug)}`));
    return objects.map((object, i) => (object === null ? null : this.parseLedger(object.content.toString('utf8'), slugs[i]!, labelPrefix + ledgerPath(slugs[i]!))));
  }

  async ledgerOrNull(slug: string, commit?: string): Promise<Ledger | null> {
    const at = commit ?? (await this.head());
    const [ledger] = await this.ledgersAt(at, [slug], commit === undefined ? '' : `${commit.slice(0, 7)}:`);
    return ledger ?? null;
  }

  /** The city's ledger at HEAD; RefError naming the known cities when there is none. */
  async ledger(slug: string): Promise<Ledger> {
    const ledger = await this.ledgerOrNull(slug);
    if (ledger === null) throw await this.unknownCity(slug);
    return ledger;
  }

  private async unknownCity(slug: string): Promise<RefError> {
    const known = await this.slugs();
    return new RefError(`there is no city "${slug}" in the store`, {
      where: this.dir,
      hint: known.length > 0 ? `known cities: ${known.join(', ')}` : 'the store is empty; add a city with `bangchim import CITY FILE --effective YYYY-MM-DD`',
    });
  }

  /**
   * Every city at HEAD with its newest archived version and counts. One `cat-file --batch` process
   * answers HEAD, its history/ tree and every ledger (the UI lists the cities as it starts).
   */
  async listCities(): Promise<CitySummary[]> {
    const reader = new CatFileBatch(this.git);
    let slugs: string[];
    let ledgers: (Ledger | null)[];
    try {
      const head = await reader.read('HEAD^{commit}');
      if (head === null) throw new StoreError(`${this.dir} has no commits yet`, { where: this.dir, hint: `run \`bangchim init ${this.dir}\`` });
      const history = await reader.read(`${head.id}:history`);
      slugs = history?.type === 'tree' ? citySlugs(treeEntryNames(history.content, head.id.length / 2)) : [];
      const objects = await Promise.all(slugs.map((slug) => reader.read(`${head.id}:${ledgerPath(slug)}`)));
      ledgers = objects.map((object, i) => (object === null ? null : this.parseLedger(object.content.toString('utf8'), slugs[i]!, ledgerPath(slugs[i]!))));
    } finally {
      await reader.close();
    }
    return ledgers.map((ledger, i) => ({
      slug: slugs[i]!,
      city: ledger!.city,
      newest: (ledger && newestArchived(ledger)) ?? null,
      archived: ledger ? archivedEntries(ledger).length : 0,
      known: ledger ? ledger.versions.length : 0,
    }));
  }

  /** Tag name → commit, for every tag. */
  private async tagCommits(): Promise<Map<string, string>> {
    return new Map((await this.git.tags()).map((tag) => [tag.name, tag.commit]));
  }

  /** The ledger's entries, oldest first, with the commit of each archived one. */
  async log(slug: string): Promise<{ ledger: Ledger; entries: LogEntry[] }> {
    const ledger = await this.ledger(slug);
    const commits = await this.tagCommits();
    const entries = ledger.versions.map((entry) => {
      const commit = entry.tag ? commits.get(entry.tag) : undefined;
      return commit ? { ...entry, commit } : { ...entry };
    });
    return { ledger, entries };
  }

  /** The text of an archived entry, read from its tag's commit and checked against the ledger's blob id. */
  async archivedVersion(slug: string, entry: LedgerEntry): Promise<{ version: PolicyVersion; commit: string }> {
    const tag = entry.tag!;
    const commit = await this.git.resolve(`refs/tags/${tag}^{commit}`);
    if (commit === null) {
      throw new StoreError(`the ledger of ${slug} lists ${tag}, but the store has no such tag`, { where: ledgerPath(slug), hint: 'the tag may not have been fetched: run `git fetch --tags`' });
    }
    const cached = this.versionCache.get(commit + slug);
    if (cached) return { version: cached, commit };
    const [object] = await this.git.readObjects([`${commit}:${policyPath(slug)}`]);
    if (!object) throw new StoreError(`${tag} has no ${policyPath(slug)}`, { where: tag });
    if (entry.blob && object.id !== entry.blob) {
      throw new StoreError(`${tag} does not hold the text the ledger records (blob ${object.id.slice(0, 12)}, ledger says ${entry.blob.slice(0, 12)})`, {
        where: `${ledgerPath(slug)}: ${tag}`,
        hint: 'the tag or the ledger was changed by hand; restore them from a good copy of the store',
      });
    }
    const version = loadVersionYaml(object.content.toString('utf8'), `${tag}:${policyPath(slug)}`);
    this.versionCache.set(commit + slug, version);
    return { version, commit };
  }

  /**
   * policies/<slug>.yaml at HEAD should be the newest archived text. If someone edited it by hand,
   * it must at least be valid (the error names file, line and YAML path); a valid edit gets a notice.
   */
  async checkHeadPolicy(slug: string, ledger: Ledger): Promise<void> {
    const [object] = await this.git.readObjects([`${await this.head()}:${policyPath(slug)}`]);
    const newest = newestArchived(ledger);
    if (!object || object.id === newest?.blob) return;
    loadVersionYaml(object.content.toString('utf8'), policyPath(slug));
    this.onNotice(`${policyPath(slug)} was changed after ${newest?.tag ?? 'its last import'} without an import; the archived versions are read from their tags`);
  }

  /** "goyang@2020-07-17 제12조: "- 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)"". */
  async describeEvidence(slug: string, ledger: Ledger, evidence: Evidence): Promise<string> {
    let where = evidence.version ? tagName(slug, evidence.version) : 'an archived version';
    const source = ledger.versions.find((e) => e.archived && e.effective === evidence.version);
    if (source) {
      const article = await this.archivedVersion(slug, source).then((r) => revisionArticleLabel(r.version), () => null);
      if (article) where += ` ${article}`;
    }
    return `${where}: "${evidence.text}"`;
  }

  private async notArchived(slug: string, ledger: Ledger, entry: LedgerEntry, ref: string): Promise<NotArchivedError> {
    const evidence = await Promise.all((entry.evidence ?? []).map((e) => this.describeEvidence(slug, ledger, e).then((text) => `listed on ${text}`)));
    const start = entry.effective ?? 'YYYY-MM-DD';
    return new NotArchivedError(
      `${ref} is the version of ${slug} in force ${describeRange(entry)}; its text is not archived (it is known only from a later page)`,
      slug,
      entry,
      {
        where: ref,
        details: evidence.length > 0 ? evidence : ['no page states more about it'],
        hint: `to archive it, import its text: bangchim import ${slug} FILE --effective ${start}${entry.effective ? '' : ' (the pages do not say when it took effect)'}`,
      },
    );
  }

  private async resolved(slug: string, entry: LedgerEntry, ledger: Ledger, ref: string): Promise<ResolvedVersion> {
    if (!entry.archived) throw await this.notArchived(slug, ledger, entry, ref);
    const { version, commit } = await this.archivedVersion(slug, entry);
    return { label: entry.tag!, slug, effective: entry.effective, version, tag: entry.tag, commit };
  }

  /** Resolves a reference: goyang, goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a file path. */
  async resolve(ref: string, options: { cwd?: string; today?: IsoDate } = {}): Promise<ResolvedVersion> {
    const cwd = options.cwd ?? process.cwd();
    const parsed = parseRef(ref, { isExistingFile: (path) => existsSync(resolvePath(cwd, path)) && statSync(resolvePath(cwd, path)).isFile() });
    if (parsed.kind === 'file') return readDraft(resolvePath(cwd, parsed.path), parsed.path);
    const ledger = await this.ledgerOrNull(parsed.slug);
    if (ledger === null) throw await this.unknownCity(parsed.slug);
    const { slug } = parsed;
    const versions = ledger.versions;
    if (parsed.kind === 'newest') {
      const newest = newestArchived(ledger);
      if (!newest) throw await this.notArchived(slug, ledger, versions.at(-1)!, ref);
      await this.checkHeadPolicy(slug, ledger);
      return this.resolved(slug, newest, ledger, ref);
    }
    if (parsed.kind === 'back') {
      const index = versions.length - 1 - parsed.steps;
      if (index < 0) {
        throw new RefError(`${ref}: ${slug} has only ${versions.length} known version${versions.length === 1 ? '' : 's'}`, {
          where: ref,
          hint: versions.length > 1 ? `the oldest is ${slug}~${versions.length - 1}; \`bangchim log ${slug}\` lists them` : `\`bangchim log ${slug}\` lists them`,
        });
      }
      return this.resolved(slug, versions[index]!, ledger, ref);
    }
    const { date } = parsed;
    const exact = entryEffectiveOn(ledger, date);
    if (exact) return this.resolved(slug, exact, ledger, ref);
    const newest = newestArchived(ledger);
    const today = options.today ?? todayInKorea();
    if (date > today) {
      throw new RefError(`${date} is in the future`, {
        where: ref,
        hint: newest ? `the newest version of ${slug} is ${newest.tag} (in force since ${newest.effective}); give a date up to today (${today})` : `give a date up to today (${today})`,
      });
    }
    const inForce = entryInForce(ledger, date);
    if (inForce) return this.resolved(slug, inForce, ledger, ref);
    const first = versions[0];
    if (first && (first.effective ?? first.until ?? '') > date) {
      throw new RefError(`${ref}: no version of ${slug} is known before ${first.effective ?? first.until}`, {
        where: ref,
        hint: `the oldest known version is in force ${describeRange(first)}; \`bangchim log ${slug}\` lists them all`,
      });
    }
    throw new RefError(`${ref}: no known version of ${slug} was in force on ${date} (the ledger has a gap there)`, { where: ref, hint: `\`bangchim log ${slug}\` lists the known versions and their dates` });
  }

  // ---------------------------------------------------------------- writing

  /** Runs `work` holding the store's lock, after finishing whatever a killed writer left in the journal. */
  async withLock<T>(command: string, work: () => Promise<T>): Promise<T> {
    const gitDir = await this.gitDir();
    let afterDeadOwner = false;
    for (let attempt = 0; !(await tryCreateLock(gitDir, command)); attempt++) {
      const lock = await inspectLock(gitDir);
      if (lock.state === 'held') throw busyError(lock.info);
      // Of several processes finding the same stale lock, one removes it; the others find the winner's.
      if (lock.state === 'stale' && (await claimStaleLock(gitDir, lock))) {
        if (lock.info) this.onNotice(`removed a lock left by an interrupted bangchim (pid ${lock.info.pid}, "${lock.info.command}")`);
        afterDeadOwner = true;
      }
      // Several processes may find the same stale lock; only one gets the fresh one.
      if (attempt >= 3) throw busyError({ pid: 0, started: 'just now', command: '?' });
    }
    try {
      await this.finishInterrupted(gitDir, afterDeadOwner);
      return await work();
    } finally {
      await rm(join(gitDir, `${TEMP_INDEX_PREFIX}${process.pid}`), { force: true });
      await removeLock(gitDir);
    }
  }

  /** At open: a dead owner's lock is taken over so its journal is finished now. Reads never wait for a live lock. */
  private async recoverIfStale(): Promise<void> {
    const gitDir = await this.gitDir();
    if ((await inspectLock(gitDir)).state !== 'stale') return;
    try {
      await this.withLock('recover an interrupted import', async () => undefined);
    } catch (error) {
      // Someone else took the lock first: it finishes the journal; we read HEAD meanwhile.
      if (error instanceof BusyError) return;
      // A journal that cannot be finished blocks writing (each write says why), not reading HEAD.
      if (error instanceof StoreError) this.onNotice(`${error.message}${error.hint ? ` (${error.hint})` : ''}`);
      else throw error;
    }
  }

  /**
   * Under the lock: finish a killed writer's transaction from its journal. Every object the journal names
   * exists (they are written before it), so the refs are rolled forward; git's own lock files, left when
   * the kill also took git, are removed first (we hold the store lock and their owner is dead). Then the
   * work-tree paths are brought up to HEAD where the work-tree file still equals the index, so nobody's
   * later hand edits are overwritten.
   */
  private async finishInterrupted(gitDir: string, afterDeadOwner: boolean): Promise<void> {
    for (const name of await readdir(gitDir)) {
      if (name.startsWith(TEMP_INDEX_PREFIX) || isLockDebris(name)) await rm(join(gitDir, name), { force: true });
    }
    const journal = await readJournal(gitDir);
    if (afterDeadOwner || journal !== null) await this.removeAbandonedGitLocks(gitDir, journal);
    if (journal === null) return;
    const pending = await this.pendingUpdates(journal);
    if (pending.length > 0) await this.git.updateRefs(pending, `bangchim: finish interrupted ${journal.command}`);
    const staged = await this.git.stagedDifferences(journal.paths);
    const edited = new Set(await this.editedByHand(staged.length > 0 ? await this.git.unstagedDifferences(staged) : []));
    const restore = staged.filter((p) => !edited.has(p));
    await this.git.checkoutFromHead(restore);
    await removeJournal(gitDir);
    this.onNotice(`finished an interrupted "${journal.command}": ${pending.length} ref${pending.length === 1 ? '' : 's'} moved, ${restore.length} file${restore.length === 1 ? '' : 's'} brought up to date with HEAD`);
    if (edited.size > 0) this.onNotice(`left alone (edited since): ${[...edited].join(', ')}`);
  }

  /**
   * Git's own lock files that a killed import's git children left (index.lock from `git status` or
   * `checkout`, ref locks from `update-ref`). Their owner died with the import; a lock younger than a
   * second may still belong to an orphaned git finishing its work, so it gets that second first. None is
   * removed while any git works in the store (a person's own `git commit -a` holds index.lock for as long
   * as its editor is open); where processes cannot be seen (no /proc), the second is all there is.
   */
  private async removeAbandonedGitLocks(gitDir: string, journal: Journal | null): Promise<void> {
    const candidates = new Set(['index.lock', 'HEAD.lock', 'packed-refs.lock', `${(await this.git.currentBranchRef()) ?? 'refs/heads/main'}.lock`]);
    for (const update of journal?.updates ?? []) candidates.add(`${update.ref}.lock`);
    for (const name of candidates) {
      const path = join(gitDir, name);
      const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => null);
      if (age === null) continue;
      if (age < ORPHAN_GIT_GRACE_MS) await new Promise((resolve) => setTimeout(resolve, ORPHAN_GIT_GRACE_MS - age));
      if (!existsSync(path)) continue;
      // A git still working in the store may hold it (a person's `git commit`, or the import's orphaned child, which removes it when done).
      const live = await gitProcessesIn(this.dir);
      if (live !== null && live.length > 0) {
        this.onNotice(`left .git/${name} alone: git (pid ${live.join(', ')}) is working in the store`);
        continue;
      }
      await rm(path, { force: true });
      this.onNotice(`removed .git/${name}, left by a git process of the interrupted import`);
    }
  }

  /**
   * Of work-tree files that differ from the index after a kill, those a person edited: present, and
   * equal to neither the index's text nor HEAD's. A checkout killed halfway leaves files missing or
   * already new; those are the import's own and are finished, not kept.
   */
  private async editedByHand(paths: string[]): Promise<string[]> {
    const present = paths.filter((path) => existsSync(join(this.dir, path)));
    if (present.length === 0) return [];
    const [workTree, atHead] = await Promise.all([this.git.hashFiles(present), this.git.objectIds(present.map((path) => `HEAD:${path}`))]);
    return present.filter((_, i) => workTree[i] !== atHead[i]);
  }

  /** The journal's ref updates not yet applied; refuses when a ref moved somewhere the journal does not know. */
  private async pendingUpdates(journal: Journal): Promise<RefUpdate[]> {
    const current = await this.git.refValues();
    const pending: RefUpdate[] = [];
    for (const update of journal.updates) {
      const now = current.get(update.ref);
      if (now === update.newValue) continue;
      const expected = update.kind === 'update' ? update.oldValue : undefined;
      if (now !== expected) {
        throw new StoreError(`an interrupted "${journal.command}" cannot be finished: ${update.ref} was changed by something else since`, {
          where: this.dir,
          details: [`${update.ref} is ${now ?? 'absent'}; the import expected ${expected ?? 'absent'} and would set ${update.newValue}`],
          hint: `check the store with \`git -C ${this.dir} log --decorate\` and \`bangchim verify\`; once it is as you want it, remove .git/bangchim.journal`,
        });
      }
      pending.push(update);
    }
    return pending;
  }

  async assertClean(): Promise<void> {
    const dirty = await this.git.status(STORE_PATHS);
    if (dirty.length > 0) {
      throw new StoreError(`the store has uncommitted changes in ${STORE_PATHS.join(', ')}`, {
        where: this.dir,
        details: dirty.map((line) => line.trim()),
        hint: `commit or discard them first (\`git -C ${this.dir} status\`); bangchim only writes a clean store`,
      });
    }
  }

  /** Imports one document: parse, validate, commit with author date = effective date, tag, ledger. */
  async importVersion(request: ImportRequest): Promise<ImportResult> {
    checkSlug(request.slug);
    if (request.effective !== undefined && !isIsoDate(request.effective)) {
      throw new UsageError(`--effective ${request.effective} is not a date YYYY-MM-DD`, { hint: 'write it like --effective 2020-07-17' });
    }
    checkDocumentBytes(request.bytes, request.file);
    const { slug } = request;
    // The parser loads here, not with the store: reading the store (the UI's first screen) never needs it.
    const { parsePolicy } = await import('../domain/parse/index.js');
    const parsed = parsePolicy(request.bytes, { slug, city: request.name, sourceFile: request.file, url: request.url });
    const stated = parsed.version.revision?.effective ?? parsed.version.effective ?? null;
    const effective = request.effective ?? stated;
    const warnings: string[] = [];
    const month = parsed.version.revision?.effectiveMonth;
    if (effective === null && month !== undefined) {
      const [year, monthNumber] = month.split('-').map(Number);
      throw new UsageError(`${request.file}은(는) ${year}년 ${monthNumber}월부터 시행된다고만 적고 시행일(날짜)은 적지 않았습니다`, {
        where: request.file,
        hint: `시행일을 --effective YYYY-MM-DD로 주세요: bangchim import ${slug} ${request.file} --effective ${month}-DD`,
      });
    }
    if (effective === null) {
      const sentence = parsed.version.revision?.effectiveText;
      throw new UsageError(`${request.file} does not state when it takes effect${sentence ? `: it says "${sentence}"` : ''}`, {
        where: request.file,
        hint: `give the date it took effect: bangchim import ${slug} ${request.file} --effective YYYY-MM-DD`,
      });
    }
    if (request.effective !== undefined && stated !== null && stated !== request.effective) {
      warnings.push(`the page says it takes effect on ${stated}; importing it as effective ${request.effective} as asked`);
    }
    const sourceBytes = Buffer.from(request.bytes);
    const sha256 = sha256Hex(sourceBytes);
    const sourcePath = `sources/${slug}/${effective}.${sourceExtension(request.file)}`;
    const tag = tagName(slug, effective);

    return this.withLock(`import ${slug} ${request.file}`, async () => {
      await this.assertClean();
      const head = await this.head();
      const ledger = await this.ledgerOrNull(slug, undefined);
      if (ledger) await this.checkHeadPolicy(slug, ledger);
      const city = ledger?.city ?? request.name ?? parsed.version.city;
      if (!city) throw new UsageError(`the document does not name its city`, { hint: `give its display name: --name 고양특례시` });
      const same = ledger ? entryEffectiveOn(ledger, effective) : undefined;
      if (same?.archived) {
        const archivedYaml = await this.archivedVersion(slug, same).then((r) => r.version);
        if (same.source?.sha256 === sha256 || sameText(archivedYaml, parsed.version)) {
          const commit = (await this.git.resolve(`refs/tags/${same.tag}^{commit}`)) ?? '';
          return {
            slug, effective, tag, commit, noop: true, rebuilt: false, replayed: 0, movedTags: [], added: [], promoted: null, warnings,
            message: `already archived: ${same.tag} (commit ${commit.slice(0, 7)}) holds this text; nothing to do`,
          };
        }
        throw new StoreError(`${same.tag} is already archived with a different text (sha256 ${same.source?.sha256.slice(0, 12) ?? '?'}…, this file ${sha256.slice(0, 12)}…)`, {
          where: tag,
          hint: `if this text took effect on another day, import it with that --effective date; bangchim never overwrites an archived version (compare them with \`bangchim diff ${same.tag} ${request.file}\`)`,
        });
      }
      const twin = ledger && archivedEntries(ledger).find((e) => e.source?.sha256 === sha256);
      if (twin) warnings.push(`the same text is already archived as ${twin.tag}`);

      const version: PolicyVersion = {
        ...parsed.version,
        city,
        slug,
        effective,
        source: {
          ...(request.url !== undefined ? { url: request.url } : parsed.version.source.url !== undefined ? { url: parsed.version.source.url } : {}),
          file: sourcePath,
          ...(parsed.version.source.retrieved !== undefined ? { retrieved: parsed.version.source.retrieved } : {}),
          sha256,
          ...(parsed.version.source.encoding !== undefined ? { encoding: parsed.version.source.encoding } : {}),
        },
      };
      const policyBytes = Buffer.from(versionToYaml(version), 'utf8');
      const blob = gitBlobId(policyBytes);
      const info = { effective, tag, blob, source: version.source };
      const result = await this.commitVersion(head, {
        slug,
        effective,
        policyBytes,
        sourceBytes,
        sourcePath,
        commitMessage: commitMessage(slug, effective, version),
        tagMessage: `${city} 개인정보처리방침, effective ${effective}\n\nsource: ${sourcePath}\nsha256: ${sha256}\n`,
        mergeLedger: (current) => {
          const merged = mergeArchivedVersion(current, version, info);
          return { ...merged, ledger: { ...merged.ledger, city: current?.city ?? city } };
        },
        onProgress: request.onProgress,
      });
      return { ...result, warnings, noop: false, message: `archived ${tag} (commit ${result.commit.slice(0, 7)})` };
    });
  }

  /**
   * Commits one city version. Appends when it is the city's newest; otherwise inserts it before the
   * city's first later version and replays every later commit onto it (all cities), moving their tags.
   * Objects first, then one ref transaction, then the work tree.
   */
  async commitVersion(head: string, plan: VersionPlan): Promise<Omit<ImportResult, 'noop' | 'message' | 'warnings'>> {
    const { slug, effective } = plan;
    const gitDir = await this.gitDir();
    const tempIndex = join(gitDir, `${TEMP_INDEX_PREFIX}${process.pid}`);
    const [branch, identity, tipLedger, tags] = await Promise.all([this.git.currentBranchRef(), this.git.identity(), this.ledgerOrNull(slug, head), this.git.tags()]);
    if (branch === null) throw new StoreError(`the store's HEAD is detached`, { where: this.dir, hint: `check out its branch first: git -C ${this.dir} checkout main` });
    const tagByName = new Map(tags.map((t) => [t.name, t]));
    const tag = tagName(slug, effective);
    if (tagByName.has(tag)) throw new StoreError(`the tag ${tag} already exists but the ledger does not list it as archived`, { where: tag, hint: `inspect it with \`git -C ${this.dir} show ${tag}\`` });

    // Where the new commit goes: after the last commit before the city's first later version.
    const later = tipLedger ? archivedEntries(tipLedger).filter((e) => e.effective !== null && e.effective > effective) : [];
    let base = head;
    let replay: string[] = [];
    if (later.length > 0) {
      const firstLater = tagByName.get(later[0]!.tag!);
      if (!firstLater) throw new StoreError(`the ledger of ${slug} lists ${later[0]!.tag}, but the store has no such tag`, { where: ledgerPath(slug), hint: 'run `git fetch --tags`' });
      const parent = await this.git.firstParent(firstLater.commit);
      if (parent === null) throw new StoreError(`${later[0]!.tag} is the root commit; cannot insert an older version before it`, { where: later[0]!.tag });
      base = parent;
      replay = await this.git.commitsSince(base, head);
      plan.onProgress?.(`${effective} is older than ${later[0]!.tag}: rebuilding the chain (${replay.length} later commit${replay.length === 1 ? '' : 's'} to replay)`);
    }

    const baseLedger = base === head ? tipLedger : await this.ledgerOrNull(slug, base);
    const atBase = plan.mergeLedger(baseLedger);
    const [policyBlob, sourceBlob, ledgerBlob] = await Promise.all([
      this.git.hashObject(plan.policyBytes),
      this.git.hashObject(plan.sourceBytes),
      this.git.hashObject(ledgerToYaml(atBase.ledger)),
    ]);
    if (policyBlob !== gitBlobId(plan.policyBytes)) throw new StoreError('git computed a different blob id than bangchim; is this git built with SHA-256 objects?', { where: this.dir });
    const tree = await this.git.buildTree(base, new Map([[policyPath(slug), policyBlob], [ledgerPath(slug), ledgerBlob], [plan.sourcePath, sourceBlob]]), tempIndex);
    const commit = await this.git.commitTree({
      tree,
      parents: [base],
      message: plan.commitMessage,
      author: { ...identity, date: `${effective}T00:00:00+09:00` },
      committer: identity,
    });
    const tagObject = await this.git.makeTag(`object ${commit}\ntype commit\ntag ${tag}\ntagger ${identity.name} <${identity.email}> ${gitDate(new Date())}\n\n${plan.tagMessage}`);
    const updates: RefUpdate[] = [{ kind: 'create', ref: `refs/tags/${tag}`, newValue: tagObject }];
    const newTagCommits = new Map<string, string>([[tag, commit]]);

    let tip = commit;
    let tipMerge = atBase;
    const movedTags: string[] = [];
    if (replay.length > 0) {
      const rewritten = new Map<string, string>([[base, commit]]);
      const raws = await this.git.readObjects(replay);
      const ledgerObjects = await this.git.readObjects(replay.map((c) => `${c}:${ledgerPath(slug)}`));
      for (let i = 0; i < replay.length; i++) {
        const old = replay[i]!;
        const ledgerObject = ledgerObjects[i];
        const current = ledgerObject ? this.parseLedger(ledgerObject.content.toString('utf8'), slug, `${old.slice(0, 7)}:${ledgerPath(slug)}`) : null;
        const merge = plan.mergeLedger(current);
        const blob = await this.git.hashObject(ledgerToYaml(merge.ledger));
        const newTree = await this.git.buildTree(old, new Map([[ledgerPath(slug), blob], [plan.sourcePath, sourceBlob]]), tempIndex);
        const newCommit = await this.git.hashObject(rewriteCommit(raws[i]!.content, newTree, rewritten), 'commit');
        rewritten.set(old, newCommit);
        tip = newCommit;
        tipMerge = merge;
      }
      for (const t of tags) {
        const moved = rewritten.get(t.commit);
        if (moved === undefined || t.commit === base) continue;
        let newValue = moved;
        if (t.annotated) {
          const [raw] = await this.git.readObjects([t.object]);
          newValue = await this.git.makeTag(rewriteTag(raw!.content, moved));
        }
        updates.push({ kind: 'update', ref: `refs/tags/${t.name}`, newValue, oldValue: t.object });
        newTagCommits.set(t.name, moved);
        movedTags.push(t.name);
      }
    }
    updates.unshift({ kind: 'update', ref: branch, newValue: tip, oldValue: head });

    await this.verifyChain(tip, tags, newTagCommits, slug);
    const workTreePaths = [policyPath(slug), ledgerPath(slug), `sources/${slug}`];
    await writeJournal(gitDir, { command: `import ${tag}`, from: head, to: tip, updates, paths: workTreePaths });
    try {
      await this.git.updateRefs(updates, `bangchim: ${tag}`);
    } catch (error) {
      // A refused transaction changed no ref: there is nothing to finish later.
      await removeJournal(gitDir);
      throw error;
    }
    await this.git.checkoutFromHead(workTreePaths);
    await removeJournal(gitDir);
    return {
      slug,
      effective,
      tag,
      commit: newTagCommits.get(tag)!,
      rebuilt: replay.length > 0,
      replayed: replay.length,
      movedTags,
      added: tipMerge.added,
      promoted: tipMerge.promoted,
    };
  }

  /**
   * Before anything becomes visible: for every city, its tags in commit order have increasing dates,
   * and each tag's commit holds exactly the text (blob) its ledger at the tip records.
   */
  private async verifyChain(tip: string, tags: TagRef[], moved: Map<string, string>, slug: string): Promise<void> {
    const [order, slugs] = await Promise.all([this.git.commitsSince(null, tip), this.slugs(tip)]);
    const position = new Map(order.map((c, i) => [c, i]));
    const tagCommits = new Map(tags.map((t) => [t.name, t.commit]));
    for (const [name, commit] of moved) tagCommits.set(name, commit);
    const ledgers = await this.ledgersAt(tip, slugs);
    const problems: string[] = [];
    const checks: { spec: string; blob: string; tag: string }[] = [];
    slugs.forEach((citySlug, i) => {
      const ledger = ledgers[i]!;
      let previous = -1;
      for (const entry of archivedEntries(ledger)) {
        const commit = tagCommits.get(entry.tag!);
        if (commit === undefined) {
          if (citySlug === slug) problems.push(`${entry.tag} is missing`);
          continue;
        }
        const at = position.get(commit);
        if (at === undefined) problems.push(`${entry.tag} is not on the branch`);
        else if (at <= previous) problems.push(`${entry.tag} comes before an older version of ${citySlug} in commit order`);
        else previous = at;
        if (entry.blob) checks.push({ spec: `${commit}:${policyPath(citySlug)}`, blob: entry.blob, tag: entry.tag! });
      }
    });
    const ids = await this.git.objectIds(checks.map((c) => c.spec));
    checks.forEach((check, i) => {
      if (ids[i] !== check.blob) problems.push(`${check.tag} does not hold the text its ledger records`);
    });
    if (problems.length > 0) {
      throw new StoreError('the rebuilt history failed its check; nothing was changed', { details: problems, hint: 'report this with the store attached; run again with --debug' });
    }
  }
}

function commitMessage(slug: string, effective: IsoDate, version: PolicyVersion): string {
  const lines = [`${slug}: version effective ${effective}`, '', `city: ${version.city}`, `source: ${version.source.file ?? '?'}`];
  if (version.source.url) lines.push(`url: ${version.source.url}`);
  lines.push(`sha256: ${version.source.sha256}`, '');
  return lines.join('\n');
}

/** Same articles, preamble and appendix: a re-import of the same text in another encoding or file. */
function sameText(a: PolicyVersion, b: PolicyVersion): boolean {
  const body = (v: PolicyVersion) => JSON.stringify([v.preamble, v.articles, v.appendix]);
  return body(a) === body(b);
}

/** A raw commit with a new tree and its parents mapped; a signature would no longer verify, so it goes. */
export function rewriteCommit(raw: Buffer, tree: string, parents: Map<string, string>): Buffer {
  const text = raw.toString('latin1'); // byte-preserving: the message keeps its encoding
  const split = text.indexOf('\n\n');
  const headers = split === -1 ? text : text.slice(0, split);
  const rest = split === -1 ? '' : text.slice(split);
  const out: string[] = [];
  let inSignature = false;
  for (const line of headers.split('\n')) {
    if (inSignature && line.startsWith(' ')) continue;
    inSignature = false;
    if (line.startsWith('gpgsig ') || line.startsWith('gpgsig-sha256 ')) {
      inSignature = true;
      continue;
    }
    if (line.startsWith('tree ')) out.push(`tree ${tree}`);
    else if (line.startsWith('parent ')) {
      const parent = line.slice('parent '.length);
      out.push(`parent ${parents.get(parent) ?? parent}`);
    } else out.push(line);
  }
  return Buffer.from(out.join('\n') + rest, 'latin1');
}

/** A raw annotated tag pointing at a new commit, same name, tagger and message (a signature goes). */
export function rewriteTag(raw: Buffer, commit: string): Buffer {
  let text = raw.toString('latin1').replace(/^object [0-9a-f]+$/m, `object ${commit}`);
  const signature = text.indexOf('-----BEGIN PGP SIGNATURE-----');
  if (signature !== -1) text = text.slice(0, signature);
  return Buffer.from(text, 'latin1');
}

/** A draft: a YAML version file, or a document to parse. */
export async function readDraft(absolute: string, given: string): Promise<ResolvedVersion> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RefError(code === 'ENOENT' ? `there is no file ${given}` : `cannot read ${given}: ${code ?? (error as Error).message}`, { where: given, hint: 'give a city (goyang), a version (goyang@2020-07-17) or an existing file' });
  }
  let version: PolicyVersion;
  if (/\.ya?ml$/i.test(given)) version = loadVersionYaml(bytes.toString('utf8'), given);
  else {
    checkDocumentBytes(bytes, given);
    const { parsePolicy } = await import('../domain/parse/index.js');
    version = parsePolicy(bytes, { sourceFile: given }).version;
  }
  return { label: given, slug: version.slug, effective: version.effective, version, file: absolute };
}

/** For identity in messages only. */
export type { Identity };
