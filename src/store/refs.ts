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
import { loadVersionYamlFast } from '../domain/yaml-fast.js';
import { checkDocumentBytes } from './input-file.js';
import { readStoredDraft } from './drafts.js';
import type { StoreReader } from './reads.js';

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
  const evidence = await Promise.all((entry.evidence ?? []).map((e) => store.describeEvidence(slug, ledger, e).then((text) => `listed on ${text}`)));
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

async function resolved(store: StoreReader, slug: string, entry: LedgerEntry, ledger: Ledger, ref: string): Promise<ResolvedVersion> {
  if (!entry.archived) throw await notArchived(store, slug, ledger, entry, ref);
  const { version, commit } = await store.archivedVersion(slug, entry);
  return { label: entry.tag!, slug, effective: entry.effective, version, tag: entry.tag, commit };
}

/** Resolves a reference: goyang, goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a file path. */
export async function resolveRef(store: StoreReader, ref: string, options: { cwd?: string; today?: IsoDate } = {}): Promise<ResolvedVersion> {
  const cwd = options.cwd ?? process.cwd();
  const given = parseRef(ref, { isExistingFile: existingFileIn(cwd) });
  if (given.kind === 'file') return readDraft(resolvePath(cwd, given.path), given.path);
  const parsed = SLUG_PATTERN.test(given.slug) ? given : { ...given, slug: await slugOfName(store, given.slug, ref) };
  const ledger = await store.ledgerOrNull(parsed.slug);
  if (ledger === null) throw await store.unknownCity(parsed.slug);
  const { slug } = parsed;
  if (parsed.kind === 'draft') {
    const draft = await readStoredDraft(store, slug);
    if (draft === null) throw new RefError(`${ledger.city}(${slug})에는 초안이 없습니다`, { where: ref, hint: `초안을 만들려면: bangchim draft ${slug} 파일` });
    return { label: `${slug}#draft`, slug, effective: draft.version.effective, version: draft.version, commit: draft.commit, draft: true };
  }
  const versions = ledger.versions;
  if (parsed.kind === 'newest') {
    const newest = newestArchived(ledger);
    if (!newest) throw await notArchived(store, slug, ledger, versions.at(-1)!, ref);
    await store.checkHeadPolicy(slug, ledger);
    return resolved(store, slug, newest, ledger, ref);
  }
  if (parsed.kind === 'back') {
    const index = versions.length - 1 - parsed.steps;
    if (index < 0) {
      throw new RefError(`${ref}: ${slug} has only ${versions.length} known version${versions.length === 1 ? '' : 's'}`, {
        where: ref,
        hint: versions.length > 1 ? `the oldest is ${slug}~${versions.length - 1}; \`bangchim log ${slug}\` lists them` : `\`bangchim log ${slug}\` lists them`,
      });
    }
    return resolved(store, slug, versions[index]!, ledger, ref);
  }
  const { date } = parsed;
  const exact = entryEffectiveOn(ledger, date);
  if (exact) return resolved(store, slug, exact, ledger, ref);
  const newest = newestArchived(ledger);
  const today = options.today ?? todayInKorea();
  if (date > today) {
    throw new RefError(`${date} is in the future`, {
      where: ref,
      hint: newest ? `the newest version of ${slug} is ${newest.tag} (in force since ${newest.effective}); give a date up to today (${today})` : `give a date up to today (${today})`,
    });
  }
  const inForce = entryInForce(ledger, date);
  if (inForce) return resolved(store, slug, inForce, ledger, ref);
  const first = versions[0];
  if (first && (first.effective ?? first.until ?? '') > date) {
    throw new RefError(`${ref}: no version of ${slug} is known before ${first.effective ?? first.until}`, {
      where: ref,
      hint: `the oldest known version is in force ${describeRange(first)}; \`bangchim log ${slug}\` lists them all`,
    });
  }
  throw new RefError(`${ref}: no known version of ${slug} was in force on ${date} (the ledger has a gap there)`, { where: ref, hint: `\`bangchim log ${slug}\` lists the known versions and their dates` });
}

/** The slug of the body a Korean name names (고양, 고양시, 고양특례시): exactly one must match. */
export async function slugOfName(store: StoreReader, name: string, ref: string): Promise<string> {
  const cities = await store.listCities();
  const exact = cities.filter((c) => c.city === name);
  const matches = exact.length > 0 ? exact : cities.filter((c) => sameBodyName(c.city, name));
  if (matches.length === 1) return matches[0]!.slug;
  if (matches.length === 0) throw new RefError(`"${name}"(이)라는 기관이 저장소에 없습니다`, { where: ref, hint: `기관 목록: ${cities.map((c) => `${c.city}(${c.slug})`).join(', ')}` });
  throw new RefError(`"${name}"에 맞는 기관이 여럿입니다: ${matches.map((c) => `${c.city}(${c.slug})`).join(', ')}`, { where: ref, hint: '슬러그로 주세요' });
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
  // The fast reader answers only what the strict loader would (on any doubt the strict loader reads it, and words the error).
  if (/\.ya?ml$/i.test(given)) version = await loadVersionYamlFast(bytes.toString('utf8'), given);
  else {
    checkDocumentBytes(bytes, given);
    const { parsePolicy } = await import('../domain/parse/index.js');
    version = parsePolicy(bytes, { sourceFile: given }).version;
  }
  return { label: given, slug: version.slug, effective: version.effective, version, file: absolute };
}
