/**
 * The officer's drafts: save (create or revise) a body's draft from a file, list, delete, and publish
 * it as a version. Saving and publishing run `check`; publishing refuses a law finding unless the
 * officer accepts it, and goes through the import's own transaction (Store.archive), deleting the
 * draft's ref in the same ref transaction. The check, the diff engine and the strict YAML loader load
 * when a draft is saved, reviewed or published: finding and listing drafts (the UI's cities) need none.
 */
import type { CheckResult } from '../domain/check/index.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { IsoDate, PolicyVersion } from '../domain/model.js';
import { newestArchived } from '../domain/ledger.js';
import { isIsoDate } from '../domain/schema.js';
import { deleteDraftUpdate, deleteStoredDraft, draftSlugs, readStoredDraft, saveStoredDraft } from '../store/drafts.js';
import { checkDocumentBytes, readInputFile } from '../store/input-file.js';
import { checkSlug } from '../store/paths.js';
import type { ImportResult } from '../store/store.js';
import { FindingsNotAcceptedError, InvalidEffectiveDateError, NoDraftError, PublishDateMissingError } from './errors.js';
import { bodyNameFor } from './identity.js';
import type { StoreSession } from './session.js';
import { decodeUtf8 } from '../domain/utf8.js';

export interface DraftSummary {
  slug: string;
  city: string;
  effective: IsoDate | null;
  revisions: number;
  saved: string;
}

/** What saving a draft did, with what `check` found in it. */
export interface SavedDraft extends DraftSummary {
  created: boolean;
  check: CheckResult;
}

/** The law's findings of a check, one line each. */
export function lawFindings(check: CheckResult): string[] {
  return check.findings.filter((f) => f.severity === 'error').map((f) => `${f.where ? `${f.where}: ` : ''}${f.message} (${f.basis})`);
}

async function parseDraftFile(bytes: Buffer, file: string, slug: string): Promise<PolicyVersion> {
  if (/\.ya?ml$/i.test(file)) return (await import('../domain/yaml.js')).loadVersionYaml(decodeUtf8(bytes), file);
  checkDocumentBytes(bytes, file);
  const { parsePolicy } = await import('../domain/parse/index.js');
  return parsePolicy(bytes, { slug, sourceFile: file }).version;
}

/** Creates the draft of `slug` from `file` (relative to the session's cwd), or revises it. */
export async function saveDraft(session: StoreSession, request: { slug: string; file: string; effective?: string; name?: string }): Promise<SavedDraft> {
  checkSlug(request.slug);
  if (request.effective !== undefined && !isIsoDate(request.effective)) throw new InvalidEffectiveDateError(request.effective);
  const bytes = await readInputFile(session.cwd, request.file);
  const [parsed, { checkVersion }] = await Promise.all([parseDraftFile(bytes, request.file, request.slug), import('../domain/check/index.js')]);
  const { store } = session;
  return store.withLock(`draft ${request.slug} ${request.file}`, async () => {
    const ledger = await store.ledgerOrNull(request.slug);
    const city = bodyNameFor(request.slug, ledger, request.name, parsed.city);
    const effective = request.effective ?? parsed.revision?.effective ?? parsed.effective ?? null;
    const version: PolicyVersion = { ...parsed, city, slug: request.slug, effective };
    const saved = await saveStoredDraft(store, { version, sourceBytes: bytes, file: request.file });
    const check = checkVersion(version, { ledger, draft: true, label: `${request.slug}#draft` });
    return { slug: request.slug, city, effective, revisions: saved.revisions, saved: new Date().toISOString(), created: saved.created, check };
  });
}

export async function deleteDraft(session: StoreSession, slug: string): Promise<void> {
  checkSlug(slug);
  const removed = await session.store.withLock(`draft ${slug} --delete`, () => deleteStoredDraft(session.store, slug));
  if (!removed) throw new NoDraftError(slug);
}

/** The draft of `slug`, or null when it has none (the UI's timeline shows it as a row). */
export async function findDraft(session: StoreSession, slug: string): Promise<DraftSummary | null> {
  checkSlug(slug);
  const d = await readStoredDraft(session.store, slug);
  return d === null ? null : { slug: d.slug, city: d.version.city, effective: d.version.effective, revisions: d.revisions, saved: d.saved };
}

export async function listDrafts(session: StoreSession): Promise<DraftSummary[]> {
  const drafts = await Promise.all((await draftSlugs(session.store)).map((slug) => readStoredDraft(session.store, slug)));
  return drafts.filter((d) => d !== null).map((d) => ({ slug: d.slug, city: d.version.city, effective: d.version.effective, revisions: d.revisions, saved: d.saved }));
}

/** What publishing shows before it archives: the diff against the newest version, and the check. */
export interface PublishReview {
  slug: string;
  effective: IsoDate | null;
  /** The newest archived version it is compared with (null for a body's first version). */
  against: string | null;
  diff: PolicyDiff | null;
  check: CheckResult;
}

/** The diff and the check of `slug`'s draft, as publishing would show them. */
export async function reviewDraft(session: StoreSession, slug: string, effective?: string): Promise<PublishReview> {
  checkSlug(slug);
  if (effective !== undefined && !isIsoDate(effective)) throw new InvalidEffectiveDateError(effective);
  const draft = await readStoredDraft(session.store, slug);
  if (draft === null) throw new NoDraftError(slug);
  const [{ diffResolved }, { checkVersion }] = await Promise.all([import('./diff.js'), import('../domain/check/index.js')]);
  const ledger = await session.store.ledgerOrNull(slug);
  const date = effective ?? draft.version.effective;
  const version = { ...draft.version, effective: date };
  const newest = ledger ? newestArchived(ledger) : undefined;
  const before = newest ? await session.resolve(newest.tag!) : null;
  const diff = before ? diffResolved(before, { label: `${slug}#draft`, slug, effective: date, version }, { editorial: false }) : null;
  return { slug, effective: date, against: before?.label ?? null, diff, check: checkVersion(version, { ledger, draft: true, label: `${slug}#draft` }) };
}

/**
 * Publishes `slug`'s draft as the version effective `effective` (default: the draft's own date):
 * refused without a date, and on a law finding unless `acceptFindings`.
 */
export async function publishDraft(session: StoreSession, request: { slug: string; effective?: string; acceptFindings?: boolean; onProgress?: (message: string) => void }): Promise<{ review: PublishReview; result: ImportResult }> {
  const review = await reviewDraft(session, request.slug, request.effective);
  if (review.effective === null) throw new PublishDateMissingError(request.slug);
  const { checkFails } = await import('../domain/check/index.js');
  if (checkFails(review.check) && !request.acceptFindings) throw new FindingsNotAcceptedError(request.slug, lawFindings(review.check));
  const draft = (await readStoredDraft(session.store, request.slug))!;
  // What the source itself says (not the draft's --name or --effective): the tag records which was given.
  const page = await parseDraftFile(draft.sourceBytes, draft.file, request.slug);
  const result = await session.store.archive({
    slug: request.slug,
    effective: review.effective,
    version: { ...draft.version, effective: review.effective },
    sourceBytes: draft.sourceBytes,
    file: draft.file,
    cityFor: (ledger) => bodyNameFor(request.slug, ledger, undefined, draft.version.city),
    page: { city: page.city, stated: page.revision?.effective ?? page.effective ?? null },
    warnings: [],
    // Guarded by the commit read: a draft revised meanwhile makes the whole transaction refuse.
    alsoUpdate: [deleteDraftUpdate(draft)],
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  return { review, result };
}
