/**
 * The programmatic API, for scripts, benchmarks and tests: the app's store session and the store's
 * building blocks. The shells (src/cli, src/ui) go through src/app; nothing under src/ imports this file.
 *
 *   const store = await openStore(dir);
 *   await store.listCities(); await store.ledger('goyang'); await store.log('goyang');
 *   await store.resolve('goyang@2016-06-01');          // ResolvedVersion, or NotArchivedError / RefError
 *   await store.importVersion({ slug, bytes, file, effective });
 *   await resolveVersionArg(storeDir, 'goyang~1');
 */
import { StoreSession } from '../app/session.js';

export { resolveVersionArg } from '../app/refs.js';
export { StoreSession } from '../app/session.js';
/** What openStore returns: an open store, as the app's use cases work with it. */
export type { StoreSession as Store } from '../app/session.js';
export type { ImportRequest } from '../app/import.js';
export { readInputFile, checkDocumentBytes } from './input-file.js';
export { initStore, locateStore, defaultStoreDir, loadSample, bundledSampleDir, packageRoot, type InitResult, type StoreLocation, type SampleCity } from './init.js';
export { STORE_MARKER, STORE_PATHS, checkSlug, policyPath, ledgerPath } from './paths.js';
export { NotArchivedError, readDraft, type ResolvedVersion } from './refs.js';
export type { CitySummary, LogEntry } from './reads.js';
export type { ImportResult } from './store.js';

/** Opens the store at `dir` (absolute); notices of a recovery go to `onNotice`. */
export async function openStore(dir: string, options: { onNotice?: (message: string) => void } = {}): Promise<StoreSession> {
  return StoreSession.open(dir, options);
}
