/**
 * Creating a store (`bangchim init`), filling it from the bundled sample, and finding the store a
 * command should act on.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../domain/errors.js';
import { archivedEntries, gitBlobId } from '../domain/ledger.js';
import type { Ledger, PolicyVersion } from '../domain/model.js';
import { givenOrigins, versionTagMessage } from '../domain/version-tag.js';
import { loadLedgerYamlFast, loadVersionYamlFast } from '../domain/yaml-fast.js';
import { Git } from './git.js';
import { rootCommitMessage } from './format.js';
import { ledgerPath, policyPath, STORE_MARKER, STORE_MARKER_TEXT, tempIndexPath } from './paths.js';
import { NotAStoreError, Store } from './store.js';
import { saveStoredDraft } from './drafts.js';
import { t } from '../domain/presentation/messages/index.js';

/** The package root: from src/store/ and from dist/store/ alike. */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** Where the bundled sample lives (the package's own policies/, history/, sources/). */
export function bundledSampleDir(): string {
  return packageRoot();
}

export interface SampleCity {
  slug: string;
  ledger: Ledger;
  version: PolicyVersion;
  policyBytes: Buffer;
  sourceBytes: Buffer;
  sourcePath: string;
}

/** The bundled sample's cities, oldest effective date first, checked for consistency. */
export async function loadSample(root: string = bundledSampleDir()): Promise<SampleCity[]> {
  const historyDir = join(root, 'history');
  const names = existsSync(historyDir) ? (await readdir(historyDir)).filter((n) => n.endsWith('.yaml')).sort() : [];
  const cities: SampleCity[] = [];
  for (const name of names) {
    const slug = name.slice(0, -'.yaml'.length);
    const ledger = await loadLedgerYamlFast(await readFile(join(root, ledgerPath(slug)), 'utf8'), ledgerPath(slug));
    const policyBytes = await readFile(join(root, policyPath(slug)));
    const version = await loadVersionYamlFast(policyBytes, policyPath(slug));
    const archived = archivedEntries(ledger);
    const problem = (what: string) => new StoreError(t('err.init.sample', { what }), { where: join(root, ledgerPath(slug)), hint: t('err.init.sample.hint') });
    if (archived.length !== 1) throw problem(t('err.init.sample.archived', { slug, count: archived.length }));
    if (archived[0]!.blob !== gitBlobId(policyBytes)) throw problem(t('err.init.sample.blob', { policy: policyPath(slug), ledger: ledgerPath(slug) }));
    if (!version.source.file) throw problem(t('err.init.sample.source', { policy: policyPath(slug) }));
    const sourceBytes = await readFile(join(root, version.source.file));
    cities.push({ slug, ledger, version, policyBytes, sourceBytes, sourcePath: version.source.file });
  }
  return cities.sort((a, b) => (a.version.effective ?? '').localeCompare(b.version.effective ?? ''));
}

export interface InitResult {
  dir: string;
  created: boolean;
  added: string[];
  head: string;
}

/**
 * Creates a store at `dir` (or completes one): git repository, bangchim.yaml, and unless `empty`
 * the bundled cities that are missing. Running it again changes nothing.
 */
export async function initStore(dir: string, options: { empty?: boolean; onProgress?: (message: string) => void; onNotice?: (message: string) => void; sampleRoot?: string } = {}): Promise<InitResult> {
  const absolute = resolvePath(dir);
  if (existsSync(absolute) && !(await stat(absolute)).isDirectory()) {
    throw new StoreError(t('err.init.isFile', { dir: absolute }), { where: absolute, hint: t('err.init.give.hint') });
  }
  await mkdir(absolute, { recursive: true });
  const git = new Git(absolute);
  const top = await git.topLevel();
  const isOwnRepo = top !== null && (await realpath(top)) === (await realpath(absolute));
  const hasMarker = existsSync(join(absolute, STORE_MARKER));
  let created = false;
  if (isOwnRepo && !hasMarker && ((await git.headCommit()) !== null || (await git.hasTrackedFiles()))) {
    throw new StoreError(t('err.init.otherRepo', { dir: absolute }), { where: absolute, hint: t('err.init.give.hint') });
  }
  if (!isOwnRepo) {
    for (const name of ['policies', 'history', 'sources', STORE_MARKER]) {
      if (existsSync(join(absolute, name))) {
        throw new StoreError(t('err.init.notGit', { dir: absolute, name }), { where: join(absolute, name), hint: t('err.init.give.hint') });
      }
    }
    await git.init('main');
    created = true;
  }
  const store = Store.unchecked(absolute, { onNotice: options.onNotice });
  if ((await git.headCommit()) === null) {
    // The root commit: just the marker, built with plumbing like every other commit.
    await store.withLock('init', async () => {
      const branch = (await git.currentBranchRef()) ?? 'refs/heads/main';
      const identity = await git.identity();
      const blob = await git.hashObject(STORE_MARKER_TEXT);
      const tree = await git.buildTree(null, new Map([[STORE_MARKER, blob]]), tempIndexPath(await store.gitDir()));
      const commit = await git.commitTree({ tree, parents: [], message: rootCommitMessage(), author: { ...identity, date: new Date().toISOString() }, committer: identity });
      await git.updateRefs([{ kind: 'create', ref: branch, newValue: commit }], 'bangchim init');
      await git.checkoutFromHead([STORE_MARKER]);
    });
    created = true;
  }
  const opened = await Store.open(absolute, { onNotice: options.onNotice });
  const added: string[] = [];
  await opened.assertClean();
  if (!options.empty) {
    const present = new Set(await opened.slugs());
    for (const city of await loadSample(options.sampleRoot)) {
      if (present.has(city.slug)) continue;
      options.onProgress?.(t('progress.initCity', { city: city.ledger.city, slug: city.slug, effective: city.version.effective ?? '' }));
      await addSampleCity(opened, city);
      added.push(city.slug);
    }
    await addSampleDrafts(opened, options.sampleRoot ?? bundledSampleDir(), added);
  }
  return { dir: absolute, created, added, head: await opened.head() };
}

/**
 * The sample's drafts (drafts/<slug>.txt: 고양's next revision), for the cities just added, so a first
 * start opens on a draft to review. Parsed now by the parser in use, so they never drift from it.
 */
async function addSampleDrafts(store: Store, root: string, added: string[]): Promise<void> {
  const dir = join(root, 'drafts');
  const files = existsSync(dir) ? (await readdir(dir)).filter((name) => name.endsWith('.txt') && added.includes(name.slice(0, -'.txt'.length))) : [];
  if (files.length === 0) return;
  const { parsePolicy } = await import('../domain/parse/index.js');
  for (const name of files) {
    const slug = name.slice(0, -'.txt'.length);
    const bytes = await readFile(join(dir, name));
    const ledger = await store.ledger(slug);
    const version = { ...parsePolicy(bytes, { slug, sourceFile: name }).version, city: ledger.city, slug };
    await store.withLock(`init: draft of ${slug}`, () => saveStoredDraft(store, { version, sourceBytes: bytes, file: name }));
  }
}

/** Adds a bundled city through the same commit path as an import, with the sample's ledger as is. */
async function addSampleCity(store: Store, city: SampleCity): Promise<void> {
  const effective = city.version.effective!;
  // The sample's names and dates were given when it was built; the tag says which of them the page states too.
  const { parsePolicy } = await import('../domain/parse/index.js');
  const parsed = parsePolicy(city.sourceBytes, { slug: city.slug, sourceFile: city.sourcePath }).version;
  const page = { city: parsed.city, stated: parsed.revision?.effective ?? parsed.effective };
  await store.withLock(`init: add ${city.slug}`, async () => {
    await store.assertClean();
    const head = await store.head();
    await store.commitVersion(head, {
      slug: city.slug,
      effective,
      policyBytes: city.policyBytes,
      sourceBytes: city.sourceBytes,
      sourcePath: city.sourcePath,
      commitMessage: `${city.slug}: version effective ${effective}\n\ncity: ${city.ledger.city}\nsource: ${city.sourcePath}\n${city.version.source.url ? `url: ${city.version.source.url}\n` : ''}sha256: ${city.version.source.sha256}\n(from the bundled sample)\n`,
      tagMessage: versionTagMessage({
        city: city.ledger.city,
        effective,
        sourceFile: city.sourcePath,
        sha256: city.version.source.sha256,
        ...givenOrigins({ city: city.ledger.city, effective, fromLedger: false }, page),
        ...(city.version.source.url !== undefined ? { url: city.version.source.url } : {}),
        ...(city.version.source.retrieved !== undefined ? { retrieved: city.version.source.retrieved } : {}),
      }),
      mergeLedger: (current) => {
        if (current !== null) throw new StoreError(t('err.init.cityExists', { slug: city.slug }), { where: ledgerPath(city.slug) });
        return { ledger: city.ledger, added: city.ledger.versions, promoted: null };
      },
    });
  });
}

export interface StoreLocation {
  dir: string;
  how: 'option' | 'env' | 'cwd' | 'default';
}

/** The default sample store: $XDG_DATA_HOME/bangchim/sample (~/.local/share/bangchim/sample). */
export function defaultStoreDir(env: NodeJS.ProcessEnv): string {
  const data = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME ?? homedir(), '.local', 'share');
  return join(data, 'bangchim', 'sample');
}

/**
 * Which store a command acts on: --store DIR, else $BANGCHIM_STORE, else the current directory (or a
 * parent) holding bangchim.yaml, else the default sample store, created on first use.
 */
export async function locateStore(options: { store?: string; cwd: string; env: NodeJS.ProcessEnv; onNotice?: (message: string) => void }): Promise<StoreLocation> {
  const named = options.store ?? options.env.BANGCHIM_STORE;
  if (named !== undefined && named !== '') {
    const dir = resolvePath(options.cwd, named);
    const how = options.store !== undefined ? 'option' : 'env';
    if (!existsSync(join(dir, STORE_MARKER))) {
      throw new NotAStoreError(dir, how === 'option' ? `--store ${named}` : `BANGCHIM_STORE=${named}`);
    }
    return { dir, how };
  }
  for (let dir = resolvePath(options.cwd); ; ) {
    if (existsSync(join(dir, STORE_MARKER))) return { dir, how: 'cwd' };
    const parent = resolvePath(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  const dir = defaultStoreDir(options.env);
  if (!existsSync(join(dir, STORE_MARKER))) {
    if (await createSampleStoreOnce(dir)) options.onNotice?.(t('store.notice.sampleCreated', { dir }));
  }
  return { dir, how: 'default' };
}

/**
 * Builds the sample store beside `dir` and renames it into place, so that two processes starting at once
 * (a script running `bangchim diff` twice in parallel on a fresh machine) never build into the same
 * directory: one rename wins, the other process uses the winner's store. Returns whether this process won.
 */
async function createSampleStoreOnce(dir: string): Promise<boolean> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    // Something is there but it is not a store: let initStore say what (a foreign repository …).
    await initStore(dir);
    return true;
  }
  mkdirSync(dirname(dir), { recursive: true });
  const building = mkdtempSync(`${dir}.building-`);
  try {
    await initStore(building);
    try {
      renameSync(building, dir);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(join(dir, STORE_MARKER))) return false;
      throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
