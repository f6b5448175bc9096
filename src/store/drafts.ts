/**
 * Drafts are not versions: a body's draft lives on its own ref, refs/bangchim/drafts/<slug>, never on
 * the branch, so the one-commit-per-version history, the tags and `verify` are untouched. Each revision
 * is a commit whose parent is the previous revision (so a draft's revisions are kept, and sync pushes
 * them as fast-forwards); its tree holds draft.yaml (the parsed version) and the source as given.
 * Saving moves one ref (atomic on its own, no journal); publishing deletes it in the import's own
 * ref transaction (history.ts), so a kill leaves either the draft or the version, never neither.
 */
import { StoreError } from '../domain/errors.js';
import type { PolicyVersion } from '../domain/model.js';
import { loadVersionYamlFast, type SharedBlocks } from '../domain/yaml-fast.js';
import type { RefUpdate } from './git.js';
import { tempIndexPath } from './paths.js';
import type { StoreReader } from './reads.js';
import { t } from '../domain/presentation/messages/index.js';

export const DRAFT_REF_PREFIX = 'refs/bangchim/drafts/';
const DRAFT_YAML = 'draft.yaml';

export function draftRef(slug: string): string {
  return `${DRAFT_REF_PREFIX}${slug}`;
}

function draftSourceName(file: string): string {
  return /\.html?$/i.test(file) ? 'source.html' : /\.ya?ml$/i.test(file) ? 'source.yaml' : 'source.txt';
}

/** A body's draft as the store keeps it. */
export interface StoredDraft {
  slug: string;
  version: PolicyVersion;
  /** The draft ref's commit (the newest revision). */
  commit: string;
  /** How many times it was saved (1 = created, never revised). */
  revisions: number;
  /** When it was last saved (ISO). */
  saved: string;
  sourceBytes: Buffer;
  /** The name of the source file as given when it was last saved. */
  file: string;
}

/** The draft of `slug`, or null when it has none. `shared`: see SharedBlocks. */
export async function readStoredDraft(store: StoreReader, slug: string, shared?: SharedBlocks): Promise<StoredDraft | null> {
  const commit = await store.git.objectId(`${draftRef(slug)}^{commit}`);
  if (commit === null) return null;
  const [yaml, raw] = await store.git.readObjects([`${commit}:${DRAFT_YAML}`, commit]);
  if (!yaml || yaml.type !== 'blob' || !raw) throw new StoreError(t('err.store.draftDamaged', { slug, ref: draftRef(slug), file: DRAFT_YAML }), { where: draftRef(slug), hint: t('err.store.draftDamaged.hint', { slug }) });
  const version = await loadVersionYamlFast(yaml.content, `${slug}#draft`, shared);
  const names = await store.git.listDirectory(commit, '');
  const sourceName = names.find((n) => n.startsWith('source.')) ?? 'source.txt';
  const sourceBytes = (await store.git.readFileAt(commit, sourceName)) ?? Buffer.alloc(0);
  const message = raw.content.toString('utf8');
  const revisions = Number(/^revision: (\d+)$/m.exec(message)?.[1] ?? '1');
  const file = /^file: (.*)$/m.exec(message)?.[1] ?? sourceName;
  const authored = /^author .* (\d+) [+-]\d{4}$/m.exec(message.slice(0, message.indexOf('\n\n')))?.[1];
  const saved = authored ? new Date(Number(authored) * 1000).toISOString() : '';
  return { slug, version, commit, revisions, saved, sourceBytes, file };
}

/** The slugs that have a draft, sorted. */
export async function draftSlugs(store: StoreReader): Promise<string[]> {
  return [...(await store.git.refValues()).keys()]
    .filter((ref) => ref.startsWith(DRAFT_REF_PREFIX))
    .map((ref) => ref.slice(DRAFT_REF_PREFIX.length))
    .sort();
}

/** Under the store's lock: saves `version` as the draft of its body (a new revision when it has one). */
export async function saveStoredDraft(store: StoreReader, draft: { version: PolicyVersion; sourceBytes: Uint8Array; file: string }): Promise<{ commit: string; revisions: number; created: boolean }> {
  const { slug } = draft.version;
  const previous = await store.git.resolve(`${draftRef(slug)}^{commit}`);
  const revisions = previous === null ? 1 : ((await readStoredDraft(store, slug))?.revisions ?? 1) + 1;
  const [yamlBlob, sourceBlob, identity] = await Promise.all([
    store.git.hashObject((await import('../domain/yaml.js')).versionToYaml(draft.version)),
    store.git.hashObject(draft.sourceBytes),
    store.git.identity(),
  ]);
  const tree = await store.git.buildTree(null, new Map([[DRAFT_YAML, yamlBlob], [draftSourceName(draft.file), sourceBlob]]), tempIndexPath(await store.gitDir()));
  const now = new Date().toISOString();
  const commit = await store.git.commitTree({
    tree,
    parents: previous === null ? [] : [previous],
    message: `${slug}: draft, revision ${revisions}\n\nrevision: ${revisions}\nfile: ${draft.file.replace(/[\r\n]/g, ' ')}\n`,
    author: { ...identity, date: now },
    committer: identity,
  });
  const update: RefUpdate = previous === null ? { kind: 'create', ref: draftRef(slug), newValue: commit } : { kind: 'update', ref: draftRef(slug), newValue: commit, oldValue: previous };
  await store.git.updateRefs([update], `bangchim: draft ${slug}`);
  return { commit, revisions, created: previous === null };
}

/** The ref update that removes `draft` (refused if it was revised meanwhile). */
export function deleteDraftUpdate(draft: { slug: string; commit: string }): RefUpdate {
  return { kind: 'delete', ref: draftRef(draft.slug), oldValue: draft.commit };
}

/** Under the store's lock: removes the draft of `slug`; false when it had none. */
export async function deleteStoredDraft(store: StoreReader, slug: string): Promise<boolean> {
  const current = (await store.git.refValues()).get(draftRef(slug));
  if (current === undefined) return false;
  await store.git.updateRefs([{ kind: 'delete', ref: draftRef(slug), oldValue: current }], `bangchim: delete draft ${slug}`);
  return true;
}
