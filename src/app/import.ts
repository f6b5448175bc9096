/**
 * Importing a document: what is archived is decided here (the effective date, the city's name, the
 * page's address); the store archives it (lock, chain, ledger). Problems are typed errors carrying
 * their data, so each shell can say what to do in its own terms (the CLI names its flags).
 */
import type { IsoDate, Ledger } from '../domain/model.js';
import { isIsoDate } from '../domain/schema.js';
import { checkDocumentBytes, readInputFile } from '../store/input-file.js';
import { checkSlug } from '../store/paths.js';
import type { ImportResult, Store } from '../store/store.js';
import { bodyNameFor } from './identity.js';
import { EffectiveDateMissingError, EffectiveDayMissingError, InvalidEffectiveDateError, UnsafeFieldError } from './errors.js';
import { isOneLineText } from '../domain/presentation/inert.js';
import { t } from '../domain/presentation/messages/index.js';

export interface ImportRequest {
  slug: string;
  bytes: Uint8Array;
  /** The file name as given (decides .txt/.html and is reported in errors). */
  file: string;
  /** The date it took effect, when the person gives it (default: the date the page states). */
  effective?: string;
  /** The page's address, when the person gives it (default: the one the saved page names). */
  url?: string;
  /** The display name of a new city (default: the one the text names). */
  name?: string;
  onProgress?: (message: string) => void;
}

/** What can be refused before any file is read or store opened: the slug and the date given. */
function checkRequest(request: { slug: string; effective?: string; name?: string; url?: string }): void {
  checkSlug(request.slug);
  if (request.effective !== undefined && !isIsoDate(request.effective)) throw new InvalidEffectiveDateError(request.effective);
  // Both go into commit and tag messages, which `verify` and `list` read line by line.
  if (request.name !== undefined && !isOneLineText(request.name)) throw new UnsafeFieldError('name', request.name);
  if (request.url !== undefined && !isOneLineText(request.url)) throw new UnsafeFieldError('url', request.url);
}

/** Parses `request.bytes` and archives the version in `store`. */
export async function importDocument(store: Store, request: ImportRequest): Promise<ImportResult> {
  checkRequest(request);
  checkDocumentBytes(request.bytes, request.file);
  const { slug } = request;
  // The parser loads here, not with the store: reading the store (the UI's first screen) never needs it.
  const { parsePolicy } = await import('../domain/parse/index.js');
  // Parsed without --name: the page's own name is compared with the body it is filed under (identity.ts)
  // and recorded beside the one chosen (the tag message).
  const parsed = parsePolicy(request.bytes, { slug, sourceFile: request.file, url: request.url });
  const stated = parsed.version.revision?.effective ?? parsed.version.effective ?? null;
  const effective: IsoDate | null = request.effective ?? stated;
  const month = parsed.version.revision?.effectiveMonth;
  if (effective === null && month !== undefined) throw new EffectiveDayMissingError(slug, request.file, month);
  if (effective === null) throw new EffectiveDateMissingError(slug, request.file, parsed.version.revision?.effectiveText);
  const warnings: string[] = [];
  if (request.effective !== undefined && stated !== null && stated !== request.effective) {
    warnings.push(t('err.app.effectiveOverride', { stated, given: request.effective }));
  }
  const { url: pageUrl, ...source } = parsed.version.source;
  const url = request.url ?? pageUrl;
  return store.archive({
    slug,
    effective,
    version: { ...parsed.version, source: { ...(url !== undefined ? { url } : {}), ...source } },
    sourceBytes: request.bytes,
    file: request.file,
    cityFor: (ledger: Ledger | null) => bodyNameFor(slug, ledger, request.name, parsed.version.city),
    page: { city: parsed.version.city, stated },
    warnings,
    onProgress: request.onProgress,
  });
}

/** Reads `file` (relative to `cwd`) and imports it; the store is opened only once the request holds and the file is read. */
export async function importFile(openStore: () => Promise<Store>, request: Omit<ImportRequest, 'bytes'> & { cwd: string }): Promise<ImportResult> {
  checkRequest(request);
  const bytes = await readInputFile(request.cwd, request.file);
  return importDocument(await openStore(), { ...request, bytes });
}
