/**
 * The store's public API, for the CLI, the diff engine and the terminal UI.
 *
 *   const store = await openStore(dir);
 *   await store.listCities(); await store.ledger('goyang'); await store.log('goyang');
 *   await store.resolve('goyang@2016-06-01');          // ResolvedVersion, or NotArchivedError / RefError
 *   await store.importVersion({ slug, bytes, file, effective });
 *   await resolveVersionArg(storeDir, 'goyang~1');
 */
import { existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { parseRef } from '../domain/ref.js';
import { readDraft, Store, STORE_MARKER, type ResolvedVersion } from './store.js';

export { readInputFile } from './input-file.js';
export { initStore, locateStore, defaultStoreDir, loadSample, bundledSampleDir, packageRoot, type InitResult, type StoreLocation, type SampleCity } from './init.js';
export {
  Store,
  NotArchivedError,
  STORE_MARKER,
  STORE_PATHS,
  checkSlug,
  checkDocumentBytes,
  policyPath,
  ledgerPath,
  readDraft,
  type ResolvedVersion,
  type CitySummary,
  type LogEntry,
  type ImportRequest,
  type ImportResult,
} from './store.js';

export async function openStore(dir: string, options: { onNotice?: (message: string) => void } = {}): Promise<Store> {
  return Store.open(dir, options);
}

/**
 * Resolves a command-line version argument against the store at `storeDir`: goyang, goyang@2020-07-17,
 * goyang@2016-06-01 (in force that day), goyang~1, or a draft file (relative to `cwd`, default
 * process.cwd()). Throws RefError (NotArchivedError for a version known only from a later page).
 */
export async function resolveVersionArg(storeDir: string, arg: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; strict?: boolean } = {}): Promise<ResolvedVersion> {
  // A draft file needs no store.
  const parsed = parseRef(arg);
  if (parsed.kind === 'file') return readDraft(resolvePath(options.cwd ?? process.cwd(), parsed.path), parsed.path);
  // Like every command: a directory that is not a store means "the store around it, else the default sample store".
  // `strict` (an explicit --store) refuses instead.
  const { locateStore } = await import('./init.js');
  const dir = existsSync(join(storeDir, STORE_MARKER)) || options.strict ? storeDir : (await locateStore({ cwd: storeDir, env: options.env ?? process.env })).dir;
  const store = await Store.open(dir);
  return store.resolve(arg, options);
}

/** For commands: find the store (--store, $BANGCHIM_STORE, cwd, default sample) and open it; notices go to `onNotice`. */
export async function openLocatedStore(options: { store?: string; cwd: string; env: NodeJS.ProcessEnv; onNotice?: (message: string) => void }): Promise<Store> {
  const { locateStore } = await import('./init.js');
  const location = await locateStore(options);
  return Store.open(location.dir, { onNotice: options.onNotice });
}
