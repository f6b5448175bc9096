/**
 * `bangchim sync`: shares a store with a remote (the office's git server) the way an archive must be
 * shared: fetch, fast-forward only, push the branch and the version tags, never force.
 *
 * It refuses, changing nothing, when the local history and the remote's have diverged (a chain
 * rebuilt here after its commits were published, or versions imported on both sides), or when a
 * version tag has different values here and there: published history is never rewritten.
 */
import { StoreError, UsageError } from '../domain/errors.js';
import { archivedEntries } from '../domain/ledger.js';
import { loadLedgerYaml } from '../domain/yaml.js';
import { changedPaths, countCommits, deleteRefsUnder, fetchRefs, isAncestor, lsRemote, pointRef, pushRefs, remoteNames, type Git, type RefUpdate, type TagRef } from './git.js';
import { removeJournal, writeJournal } from './lock.js';
import { DRAFT_REF_PREFIX } from './drafts.js';
import type { Store } from './store.js';
import { verifyHistory, type Finding } from './verify.js';
import { t } from '../domain/presentation/messages/index.js';
import { decodeUtf8 } from '../domain/utf8.js';

/** A remote name: never an option, never a path or URL (those are configured with `git remote add`). */
export const REMOTE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Version tags: <slug>@<YYYY-MM-DD>. Other tags are the office's own business and are left alone. */
const VERSION_TAG = /^refs\/tags\/[a-z0-9]+(?:-[a-z0-9]+)*@\d{4}-\d{2}-\d{2}$/;
/** Where a remote's branch and tags wait while they are checked; emptied before and after every sync. */
export const QUARANTINE = 'refs/bangchim/incoming';

/** A version tag of the remote's that sync did not take, and why (Korean, for the user). */
export interface IgnoredTag {
  tag: string;
  reason: string;
}

export interface SyncResult {
  remote: string;
  branch: string;
  /** What happened to the branch. */
  action: 'up-to-date' | 'pushed' | 'pulled' | 'published';
  pulledCommits: number;
  pushedCommits: number;
  fetchedTags: string[];
  pushedTags: string[];
  /** Version tags only the remote has that were left there: lightweight, off the branch, or recorded by no ledger. */
  ignoredTags: IgnoredTag[];
  message: string;
}

/** A remote name that could be read as an option, a path or a URL. */
export class RemoteNameError extends UsageError {
  constructor(readonly remote: string) {
    super(t('err.sync.remoteName', { remote }), {
      where: remote,
      hint: t('err.sync.remoteName.hint'),
    });
  }
}

export function checkRemoteName(remote: string): void {
  if (!REMOTE_NAME_PATTERN.test(remote)) throw new RemoteNameError(remote);
}

export async function syncStore(store: Store, options: { remote?: string; onProgress?: (message: string) => void } = {}): Promise<SyncResult> {
  const remote = options.remote ?? 'origin';
  checkRemoteName(remote);
  const git = store.git;
  const known = await remoteNames(git);
  if (!known.includes(remote)) {
    throw new StoreError(t('err.sync.noRemote', { remote }), {
      where: store.dir,
      hint: known.length > 0 ? t('err.sync.noRemote.known.hint', { list: known.join(', '), dir: store.dir, remote }) : t('err.sync.noRemote.add.hint', { dir: store.dir, remote }),
    });
  }

  return store.withLock(`sync ${remote}`, async () => {
    await store.assertClean();
    const branchRef = await git.currentBranchRef();
    if (branchRef === null) throw new StoreError(t('err.store.detachedHead'), { where: store.dir, hint: t('err.store.detachedHead.hint', { dir: store.dir }) });
    const branch = branchRef.slice('refs/heads/'.length);
    const local = await store.head();

    options.onProgress?.(t('sync.progress.asking', { remote }));
    const { refs: remoteRefs, peeled } = await lsRemote(git, remote);
    const remoteHead = remoteRefs.get(branchRef) ?? null;

    // Version tags on both sides must agree; a tag that differs is published history being rewritten.
    const localTags = await git.tags();
    const localTagIds = new Map(localTags.map((t) => [`refs/tags/${t.name}`, t.object]));
    const conflicts: string[] = [];
    const remoteOnly: string[] = [];
    const ignored: IgnoredTag[] = [];
    for (const [ref, id] of remoteRefs) {
      if (!VERSION_TAG.test(ref)) continue;
      const mine = localTagIds.get(ref);
      if (mine !== undefined) {
        if (mine !== id) conflicts.push(t('err.sync.diverged.tag', { tag: ref.slice('refs/tags/'.length), remote, theirs: id.slice(0, 12), mine: mine.slice(0, 12) }));
      } else if (!peeled.has(ref)) ignored.push({ tag: ref.slice('refs/tags/'.length), reason: t('err.sync.lightweightTag') });
      else remoteOnly.push(ref);
    }
    const localOnly = [...localTagIds.keys()].filter((ref) => VERSION_TAG.test(ref) && !remoteRefs.has(ref));

    // Everything from the remote lands in the quarantine first; nothing outside it changes unless it all checks out.
    await deleteRefsUnder(git, QUARANTINE);
    try {
      const incomingHead = `${QUARANTINE}/heads/${branch}`;
      const specs = remoteOnly.map((ref) => `+${ref}:${QUARANTINE}/tags/${ref.slice('refs/tags/'.length)}`);
      if (remoteHead !== null) specs.unshift(`+${branchRef}:${incomingHead}`);
      await fetchRefs(git, remote, specs);

      let relation: 'none' | 'same' | 'ahead' | 'behind' | 'diverged';
      if (remoteHead === null) relation = 'none';
      else if (remoteHead === local) relation = 'same';
      else if (await isAncestor(git, remoteHead, local)) relation = 'ahead';
      else if (await isAncestor(git, local, remoteHead)) relation = 'behind';
      else relation = 'diverged';
      const tracking = `refs/remotes/${remote}/${branch}`;
      if (relation === 'diverged' || conflicts.length > 0) {
        // The way out the refusal names starts from the remote's branch: it is kept where git shows it.
        await pointRef(git, tracking, remoteHead!);
        throw divergedError(store.dir, remote, branch, relation, conflicts, localOnly);
      }
      const resultHead = relation === 'behind' ? remoteHead! : local;

      // Of the tags only the remote has, those the branch's ledgers record and its history contains come in.
      const incoming: TagRef[] = [];
      const recorded = await recordedTags(git, resultHead);
      for (const tag of await git.tags(`${QUARANTINE}/tags`)) {
        if (!tag.annotated) ignored.push({ tag: tag.name, reason: t('err.sync.lightweightTagShort') });
        else if (!(await isAncestor(git, tag.commit, resultHead))) ignored.push({ tag: tag.name, reason: t('err.sync.tagOffBranch', { branch, commit: tag.commit.slice(0, 12) }) });
        else if (!recorded.has(tag.name)) ignored.push({ tag: tag.name, reason: t('err.sync.tagNotRecorded', { branch }) });
        else incoming.push(tag);
      }

      let pulledCommits = 0;
      if (relation === 'behind' || incoming.length > 0) {
        options.onProgress?.(t('sync.progress.checking', { remote }));
        const check = await verifyHistory(git, resultHead, [...localTags, ...incoming]);
        const problems = check.findings.filter((f) => f.severity === 'error');
        if (problems.length > 0) throw incomingRefused(store.dir, remote, branch, problems);
        const updates: RefUpdate[] = incoming.map((tag) => ({ kind: 'create', ref: `refs/tags/${tag.name}`, newValue: tag.object }));
        const paths = relation === 'behind' ? await changedPaths(git, local, resultHead) : [];
        if (relation === 'behind') {
          pulledCommits = await countCommits(git, local, resultHead);
          options.onProgress?.(t('sync.progress.fastForward', { commits: commitCount(pulledCommits), remote }));
          updates.unshift({ kind: 'update', ref: branchRef, newValue: resultHead, oldValue: local });
        }
        // Branch and tags in one transaction, journaled like an import: a kill leaves the store as it was or fully updated.
        const gitDir = await store.gitDir();
        await writeJournal(gitDir, { command: `sync ${remote}`, from: local, to: resultHead, updates, paths });
        try {
          await git.updateRefs(updates, `bangchim: sync ${remote}`);
        } catch (error) {
          await removeJournal(gitDir);
          throw error;
        }
        await git.checkoutFromHead(paths);
        await removeJournal(gitDir);
      }
      if (remoteHead !== null) await pointRef(git, tracking, remoteHead);
      const fetchedTags = incoming.map((t) => t.name);

      let pushedCommits = 0;
      const refspecs: string[] = [];
      if (relation === 'none' || relation === 'ahead') {
        pushedCommits = await countCommits(git, remoteHead, local);
        refspecs.push(`${branchRef}:${branchRef}`);
      }
      refspecs.push(...localOnly.map((ref) => `${ref}:${ref}`));
      // Drafts travel too, on their own refs (drafts.ts), outside the verified history: theirs we lack are
      // fetched (read back through the strict loader like any draft), ours pushed (fast-forward only).
      const localRefs = await git.refValues();
      await fetchRefs(git, remote, [...remoteRefs.keys()].filter((ref) => ref.startsWith(DRAFT_REF_PREFIX) && !localRefs.has(ref)).map((ref) => `${ref}:${ref}`));
      refspecs.push(...[...localRefs].filter(([ref, id]) => ref.startsWith(DRAFT_REF_PREFIX) && remoteRefs.get(ref) !== id).map(([ref]) => `${ref}:${ref}`));
      if (refspecs.length > 0) {
        options.onProgress?.(t('sync.progress.pushing', { remote }));
        try {
          await pushRefs(git, remote, refspecs);
        } catch (error) {
          throw new StoreError(t('err.sync.pushRefused', { remote }), {
            where: remote,
            details: [(error as Error).message.split('\n').find((l) => l.trim() !== '') ?? ''],
            hint: t('err.sync.pushRefused.hint', { command: `bangchim sync${options.remote ? ` --remote ${remote}` : ''}` }),
          });
        }
      }
      const pushedTags = localOnly.map((ref) => ref.slice('refs/tags/'.length));

      const action: SyncResult['action'] = relation === 'behind' ? 'pulled' : relation === 'none' ? 'published' : relation === 'ahead' ? 'pushed' : pushedTags.length > 0 ? 'pushed' : 'up-to-date';
      const parts: string[] = [];
      if (relation === 'none') parts.push(t('sync.published', { branch, commits: commitCount(pushedCommits), remote }));
      if (relation === 'ahead') parts.push(t('sync.pushed', { commits: commitCount(pushedCommits), remote, branch }));
      if (relation === 'behind') parts.push(t('sync.pulled', { commits: commitCount(pulledCommits), remote, branch }));
      if (pushedTags.length > 0) parts.push(t('sync.pushedTags', { tags: tagCount(pushedTags.length) }));
      if (fetchedTags.length > 0) parts.push(t('sync.fetchedTags', { tags: tagCount(fetchedTags.length) }));
      if (ignored.length > 0) parts.push(t('sync.ignored', { remote, tags: tagCount(ignored.length), list: ignored.map((tag) => `${tag.tag}: ${tag.reason}`).join('; ') }));
      const message = parts.length > 0 ? parts.join('; ') : t('sync.upToDate', { remote, branch });
      return { remote, branch, action, pulledCommits, pushedCommits, fetchedTags, pushedTags, ignoredTags: ignored, message };
    } finally {
      await deleteRefsUnder(git, QUARANTINE);
    }
  });
}

function commitCount(count: number): string {
  return t(count === 1 ? 'sync.commits.one' : 'sync.commits.other', { count });
}

function tagCount(count: number): string {
  return t(count === 1 ? 'sync.tags.one' : 'sync.tags.other', { count });
}

/** The tags the ledgers at `commit` record as archived versions. */
async function recordedTags(git: Git, commit: string): Promise<Set<string>> {
  const names = (await git.listDirectory(commit, 'history')).filter((n) => n.endsWith('.yaml'));
  const objects = await git.readObjects(names.map((n) => `${commit}:history/${n}`));
  const tags = new Set<string>();
  objects.forEach((object, i) => {
    if (!object) return;
    try {
      for (const entry of archivedEntries(loadLedgerYaml(decodeUtf8(object.content), `history/${names[i]}`))) if (entry.tag) tags.add(entry.tag);
    } catch {
      // An invalid ledger is reported by the check of the incoming history.
    }
  });
  return tags;
}

/** The refusal of a remote's history that fails the checks verify makes: what was wrong, nothing changed. */
function incomingRefused(dir: string, remote: string, branch: string, problems: Finding[]): StoreError {
  const details = problems.slice(0, 20).map((f) => `[${f.kind}] ${f.where}: ${f.message}`);
  if (problems.length > 20) details.push(t('err.andMore', { count: problems.length - 20 }));
  return new StoreError(t('err.sync.incomingRefused', { remote, branch }), {
    where: `${remote}/${branch}`,
    details,
    hint: t('err.sync.incomingRefused.hint', { remote, dir }),
  });
}

function divergedError(dir: string, remote: string, branch: string, relation: string, conflicts: string[], localOnly: string[]): StoreError {
  const rebuilt = conflicts.length > 0;
  const why = rebuilt ? t('err.sync.diverged.rebuilt', { remote }) : t('err.sync.diverged.both', { remote, branch });
  const details = [...conflicts.slice(0, 20)];
  if (conflicts.length > 20) details.push(t('err.andMore', { count: conflicts.length - 20 }));
  if (localOnly.length > 0) details.push(t('err.sync.diverged.onlyHere', { tags: localOnly.map((r) => r.slice('refs/tags/'.length)).join(', ') }));
  return new StoreError(t('err.sync.diverged', { remote, why: t(relation === 'diverged' ? 'err.sync.diverged.histories' : 'err.sync.diverged.tags') }), {
    where: `${remote}/${branch}`,
    details: [why, ...details],
    hint: t('err.sync.diverged.hint', { remote, dir, branch }),
  });
}
