/**
 * References to versions: goyang (the newest), goyang@2020-07-17, goyang@2016-06-01 (the version in
 * force that day), goyang~1, or a draft file (a YAML version, or a document to parse).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { RefError } from '../domain/errors.js';
import { describeRange, entryEffectiveOn, entryInForce, newestArchived, todayInKorea } from '../domain/ledger.js';
import type { IsoDate, Ledger, LedgerEntry, PolicyVersion } from '../domain/model.js';
import { parseRef } from '../domain/ref.js';
import { sameBodyName } from '../domain/body-name.js';
import { SLUG_PATTERN } from '../domain/schema.js';
import { loadVersionYamlFast, type SharedBlocks } from '../domain/yaml-fast.js';
import { checkDocumentBytes } from './input-file.js';
import { readStoredDraft } from './drafts.js';
import type { StoreReader } from './reads.js';
import { t } from '../domain/presentation/messages/index.js';

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
  /** True for the body's draft kept in the store (goyang#draft). */
  draft?: boolean;
}

/**
 * A reference that names a version whose text is not archived (known only from a later page). A command
 * that needs the text cannot do its work (exit 2); `show` answers it as a fact instead (exit 1).
 */
export class NotArchivedError extends RefError {
  constructor(
    message: string,
    readonly slug: string,
    readonly entry: LedgerEntry,
    details: { details?: string[]; hint?: string; where?: string },
  ) {
    super(message, details);
  }
}

/** Whether `path` (relative to `cwd`) is an existing file: such a ref is a draft, even when it looks like a city. */
export function existingFileIn(cwd: string): (path: string) => boolean {
  return (path) => existsSync(resolvePath(cwd, path)) && statSync(resolvePath(cwd, path)).isFile();
}

/** True when `ref` names a draft file rather than a version in a store. */
export function namesDraftFile(ref: string, cwd: string): boolean {
  return parseRef(ref, { isExistingFile: existingFileIn(cwd) }).kind === 'file';
}

async function notArchived(store: StoreReader, slug: string, ledger: Ledger, entry: LedgerEntry, ref: string): Promise<NotArchivedError> {
  const evidence = await Promise.all((entry.evidence ?? []).map((e) => store.describeEvidence(slug, ledger, e).then((text) => t('err.ref.listedOn', { text }))));
  const start = entry.effective ?? 'YYYY-MM-DD';
  return new NotArchivedError(
    t('err.ref.notArchived', { ref, slug, range: describeRange(entry) }),
    slug,
    entry,
    {
      where: ref,
      details: evidence.length > 0 ? evidence : [t('err.ref.noEvidence')],
      hint: t('err.ref.notArchived.hint', { start, noDate: entry.effective ? '' : t('err.ref.notArchived.noDate') }),
    },
  );
}

async function resolved(store: StoreReader, slug: string, entry: LedgerEntry, ledger: Ledger, ref: string, shared: SharedBlocks | undefined): Promise<ResolvedVersion> {
  if (!entry.archived) throw await notArchived(store, slug, ledger, entry, ref);
  const { version, commit } = await store.archivedVersion(slug, entry, shared);
  return { label: entry.tag!, slug, effective: entry.effective, version, tag: entry.tag, commit };
}

/**
 * Resolves a reference: goyang, goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a
 * file path. `shared`: the blocks the other side of a pair was read from (see SharedBlocks).
 */
export async function resolveRef(store: StoreReader, ref: string, options: { cwd?: string; today?: IsoDate; shared?: SharedBlocks } = {}): Promise<ResolvedVersion> {
  const cwd = options.cwd ?? process.cwd();
  const { shared } = options;
  const given = parseRef(ref, { isExistingFile: existingFileIn(cwd) });
  if (given.kind === 'file') return readDraft(resolvePath(cwd, given.path), given.path, shared);
  const parsed = SLUG_PATTERN.test(given.slug) ? given : { ...given, slug: await slugOfName(store, given.slug, ref) };
  const ledger = await store.ledgerOrNull(parsed.slug);
  if (ledger === null) throw await store.unknownCity(parsed.slug);
  const { slug } = parsed;
  if (parsed.kind === 'draft') {
    const draft = await readStoredDraft(store, slug, shared);
    if (draft === null) throw new RefError(t('err.ref.noDraft', { city: ledger.city, slug }), { where: ref, hint: t('err.app.draft.create.hint', { slug }) });
    return { label: `${slug}#draft`, slug, effective: draft.version.effective, version: draft.version, commit: draft.commit, draft: true };
  }
  const versions = ledger.versions;
  if (parsed.kind === 'newest') {
    const newest = newestArchived(ledger);
    if (!newest) throw await notArchived(store, slug, ledger, versions.at(-1)!, ref);
    await store.checkHeadPolicy(slug, ledger);
    return resolved(store, slug, newest, ledger, ref, shared);
  }
  if (parsed.kind === 'back') {
    const index = versions.length - 1 - parsed.steps;
    if (index < 0) {
      throw new RefError(t('err.ref.tooFarBack', { ref, slug, count: versions.length }), {
        where: ref,
        hint: versions.length > 1 ? t('err.ref.tooFarBack.hint', { slug, oldest: versions.length - 1 }) : t('err.ref.log.hint', { slug }),
      });
    }
    return resolved(store, slug, versions[index]!, ledger, ref, shared);
  }
  const { date } = parsed;
  const exact = entryEffectiveOn(ledger, date);
  if (exact) return resolved(store, slug, exact, ledger, ref, shared);
  const newest = newestArchived(ledger);
  const today = options.today ?? todayInKorea();
  if (date > today) {
    throw new RefError(t('err.ref.future', { date }), {
      where: ref,
      hint: newest ? t('err.ref.future.newest.hint', { slug, tag: newest.tag!, effective: newest.effective ?? '?', today }) : t('err.ref.future.hint', { today }),
    });
  }
  const inForce = entryInForce(ledger, date);
  if (inForce) return resolved(store, slug, inForce, ledger, ref, shared);
  const first = versions[0];
  if (first && (first.effective ?? first.until ?? '') > date) {
    throw new RefError(t('err.ref.beforeFirst', { ref, slug, date: (first.effective ?? first.until)! }), {
      where: ref,
      hint: t('err.ref.beforeFirst.hint', { range: describeRange(first), slug }),
    });
  }
  throw new RefError(t('err.ref.gap', { ref, slug, date }), { where: ref, hint: t('err.ref.gap.hint', { slug }) });
}

/** The slug of the body a Korean name names (고양, 고양시, 고양특례시): exactly one must match. */
export async function slugOfName(store: StoreReader, name: string, ref: string): Promise<string> {
  const cities = await store.listCities();
  const exact = cities.filter((c) => c.city === name);
  const matches = exact.length > 0 ? exact : cities.filter((c) => sameBodyName(c.city, name));
  if (matches.length === 1) return matches[0]!.slug;
  if (matches.length === 0) throw new RefError(t('err.ref.noSuchName', { name }), { where: ref, hint: t('err.ref.cities.hint', { list: cities.map((c) => `${c.city}(${c.slug})`).join(', ') }) });
  throw new RefError(t('err.ref.ambiguousName', { name, list: matches.map((c) => `${c.city}(${c.slug})`).join(', ') }), { where: ref, hint: t('err.ref.ambiguousName.hint') });
}

/** A draft: a YAML version file (read with `shared`, see SharedBlocks), or a document to parse. */
export async function readDraft(absolute: string, given: string, shared?: SharedBlocks): Promise<ResolvedVersion> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RefError(code === 'ENOENT' ? t('err.file.none', { file: given }) : t('err.file.unreadable', { file: given, detail: code ?? (error as Error).message }), { where: given, hint: t('err.ref.fileOrRef.hint') });
  }
  let version: PolicyVersion;
  // The fast reader answers only what the strict loader would (on any doubt the strict loader reads it, and words the error).
  if (/\.ya?ml$/i.test(given)) version = await loadVersionYamlFast(bytes, given, shared);
  else {
    checkDocumentBytes(bytes, given);
    const { parsePolicy } = await import('../domain/parse/index.js');
    version = parsePolicy(bytes, { sourceFile: given }).version;
  }
  return { label: given, slug: version.slug, effective: version.effective, version, file: absolute };
}
