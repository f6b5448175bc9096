/**
 * Which store a command acts on, and the open store it works with. Every shell finds and opens a
 * store here: --store DIR, else $BANGCHIM_STORE, else the store around the working directory, else
 * the default sample store (created on first use).
 */
import { StoreError } from '../domain/errors.js';
import { locateStore, type StoreLocation } from '../store/init.js';
import { Store, type ImportResult } from '../store/store.js';
import type { CitySummary, LogEntry } from '../store/reads.js';
import { slugOfName, type ResolvedVersion } from '../store/refs.js';
import { SLUG_PATTERN } from '../domain/schema.js';
import type { Evidence, IsoDate, Ledger } from '../domain/model.js';
import type { SharedBlocks } from '../domain/yaml-fast.js';
import { importDocument, type ImportRequest } from './import.js';
import { t } from '../domain/presentation/messages/index.js';

export interface StorePlace {
  /** The store option as given (relative to `cwd`); absent: $BANGCHIM_STORE, the working directory, the sample store. */
  store?: string;
  /** The working directory: where the store is looked for and relative files are read. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** What the store says on its own (a created sample store, a finished interrupted import); one line each. */
  onNotice?: (message: string) => void;
  /** Told which store was found and how, before it is opened (the CLI names a store that is not the working directory's). */
  onLocated?: (location: StoreLocation) => void;
}

/** The store `place` names, told to `place.onLocated`. */
async function locatePlace(place: StorePlace): Promise<StoreLocation> {
  const found = await locateStore(place);
  place.onLocated?.(found);
  return found;
}

/** The directory of the store `place` names, without opening it (verify looks at a store as it is). */
export async function locateStoreDir(place: StorePlace): Promise<string> {
  return (await locatePlace(place)).dir;
}

/** An open store, with the working directory its relative draft files are read from. */
export class StoreSession {
  private constructor(
    readonly store: Store,
    readonly cwd: string,
  ) {}

  /** Opens the store at `dir` exactly (finishing an interrupted import first). */
  static async open(dir: string, options: { cwd?: string; onNotice?: (message: string) => void } = {}): Promise<StoreSession> {
    return new StoreSession(await Store.open(dir, { onNotice: options.onNotice }), options.cwd ?? process.cwd());
  }

  /** Finds the store `place` names and opens it. */
  static async locate(place: StorePlace): Promise<StoreSession> {
    return StoreSession.open(await locateStoreDir(place), { cwd: place.cwd, onNotice: place.onNotice });
  }

  get dir(): string {
    return this.store.dir;
  }

  head(): Promise<string> {
    return this.store.head();
  }

  resolve(ref: string, options: { today?: IsoDate; shared?: SharedBlocks } = {}): Promise<ResolvedVersion> {
    return this.store.resolve(ref, { cwd: this.cwd, ...options });
  }

  /** The slug a body argument names: a Korean name by the store's bodies, as refs are; anything else as given. */
  async citySlug(given: string): Promise<string> {
    return namesBodyInKorean(given) ? slugOfName(this.store, given, given) : given;
  }

  slugs(): Promise<string[]> {
    return this.store.slugs();
  }

  listCities(): Promise<CitySummary[]> {
    return this.store.listCities();
  }

  ledger(slug: string): Promise<Ledger> {
    return this.store.ledger(slug);
  }

  log(slug: string): Promise<{ ledger: Ledger; entries: LogEntry[] }> {
    return this.store.log(slug);
  }

  describeEvidence(slug: string, ledger: Ledger, evidence: Evidence): Promise<string> {
    return this.store.describeEvidence(slug, ledger, evidence);
  }

  /** Runs `work` holding the store's lock (one writer at a time), after finishing what a killed writer left. */
  withLock<T>(command: string, work: () => Promise<T>): Promise<T> {
    return this.store.withLock(command, work);
  }

  /** Parses a document and archives it as a version of its city (import.ts decides what is archived). */
  importVersion(request: ImportRequest): Promise<ImportResult> {
    return importDocument(this.store, request);
  }
}

/**
 * Whether a body argument is a Korean name (고양, 고양특례시) rather than a slug; a mistyped slug ("A B")
 * stays one, for the slug check to word.
 */
export function namesBodyInKorean(given: string): boolean {
  return !SLUG_PATTERN.test(given) && /\p{Script=Hangul}/u.test(given);
}

/** Opens a session on first use, once: a command whose refs are all draft files never touches a store. */
export function sessionOnDemand(open: () => Promise<StoreSession>): () => Promise<StoreSession> {
  let session: Promise<StoreSession> | undefined;
  return () => (session ??= open());
}

/** The bundled sample store is never written silently: a command that writes needs a store named or found. */
export class SampleStoreWriteError extends StoreError {
  constructor(readonly dir: string) {
    super(t('err.app.sampleStore', { dir }), { where: dir, hint: t('err.app.sampleStore.hint') });
  }
}

/** Opens the store `place` names for writing: refused when only the sample store would be found. */
export async function locateWritable(place: StorePlace): Promise<StoreSession> {
  const found = await locateStore(place);
  if (found.how === 'default') throw new SampleStoreWriteError(found.dir);
  place.onLocated?.(found);
  return StoreSession.open(found.dir, { cwd: place.cwd, onNotice: place.onNotice });
}
