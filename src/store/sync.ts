/**
 * `bangchim sync`: shares a store with a remote (the office's git server) the way an archive must be
 * shared: fetch, fast-forward only, push the branch and the version tags, never force.
 *
 * It refuses, changing nothing, when the local history and the remote's have diverged (a chain
 * rebuilt here after its commits were published, or versions imported on both sides), or when a
 * version tag has different values here and there: published history is never rewritten.
 */
import { StoreError, UsageError } from '../domain/errors.js';
import { countCommits, fastForward, fetchRefs, isAncestor, lsRemote, pushRefs, remoteNames } from './git.js';
import type { Store } from './store.js';

/** A remote name: never an option, never a path or URL (those are configured with `git remote add`). */
export const REMOTE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Version tags: <slug>@<YYYY-MM-DD>. Other tags are the office's own business and are left alone. */
const VERSION_TAG = /^refs\/tags\/[a-z0-9]+(?:-[a-z0-9]+)*@\d{4}-\d{2}-\d{2}$/;

export interface SyncResult {
  remote: string;
  branch: string;
  /** What happened to the branch. */
  action: 'up-to-date' | 'pushed' | 'pulled' | 'published';
  pulledCommits: number;
  pushedCommits: number;
  fetchedTags: string[];
  pushedTags: string[];
  message: string;
}

/** A remote name that could be read as an option, a path or a URL. */
export class RemoteNameError extends UsageError {
  constructor(readonly remote: string) {
    super(`"${remote}" is not a remote name`, {
      where: remote,
      hint: 'give the name of a configured remote (like origin); add one with `git remote add origin URL`',
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
    throw new StoreError(`the store has no remote "${remote}"`, {
      where: store.dir,
      hint: known.length > 0 ? `known remotes: ${known.join(', ')}; or add one: git -C ${store.dir} remote add ${remote} URL` : `add one: git -C ${store.dir} remote add ${remote} URL (a bare repository on the office's git server)`,
    });
  }

  return store.withLock(`sync ${remote}`, async () => {
    await store.assertClean();
    const branchRef = await git.currentBranchRef();
    if (branchRef === null) throw new StoreError(`the store's HEAD is detached`, { where: store.dir, hint: `check out its branch first: git -C ${store.dir} checkout main` });
    const branch = branchRef.slice('refs/heads/'.length);
    const local = await store.head();

    options.onProgress?.(`asking ${remote} what it has`);
    const remoteRefs = await lsRemote(git, remote);
    const remoteHead = remoteRefs.get(branchRef) ?? null;
    const tracking = `refs/remotes/${remote}/${branch}`;
    if (remoteHead !== null) await fetchRefs(git, remote, [`+${branchRef}:${tracking}`]);

    // Version tags on both sides must agree; a tag that differs is published history being rewritten.
    const localTags = new Map((await git.tags()).map((t) => [`refs/tags/${t.name}`, t.object]));
    const conflicts: string[] = [];
    const remoteOnly: string[] = [];
    for (const [ref, id] of remoteRefs) {
      if (!VERSION_TAG.test(ref)) continue;
      const mine = localTags.get(ref);
      if (mine === undefined) remoteOnly.push(ref);
      else if (mine !== id) conflicts.push(`${ref.slice('refs/tags/'.length)}: ${id.slice(0, 12)} on ${remote}, ${mine.slice(0, 12)} here`);
    }
    const localOnly = [...localTags.keys()].filter((ref) => VERSION_TAG.test(ref) && !remoteRefs.has(ref));

    let relation: 'none' | 'same' | 'ahead' | 'behind' | 'diverged';
    if (remoteHead === null) relation = 'none';
    else if (remoteHead === local) relation = 'same';
    else if (await isAncestor(git, remoteHead, local)) relation = 'ahead';
    else if (await isAncestor(git, local, remoteHead)) relation = 'behind';
    else relation = 'diverged';

    if (relation === 'diverged' || conflicts.length > 0) throw divergedError(store.dir, remote, branch, relation, conflicts, localOnly);

    let pulledCommits = 0;
    let pushedCommits = 0;
    if (relation === 'behind') {
      pulledCommits = await countCommits(git, local, remoteHead!);
      options.onProgress?.(`fast-forwarding ${pulledCommits} commit${pulledCommits === 1 ? '' : 's'} from ${remote}`);
      await fastForward(git, remoteHead!);
    }
    // Tags only the remote has: fetched now (their commits are on the branch we have).
    const fetchedTags = remoteOnly.map((ref) => ref.slice('refs/tags/'.length));
    await fetchRefs(git, remote, remoteOnly.map((ref) => `${ref}:${ref}`));

    const refspecs: string[] = [];
    if (relation === 'none' || relation === 'ahead') {
      pushedCommits = await countCommits(git, remoteHead, local);
      refspecs.push(`${branchRef}:${branchRef}`);
    }
    refspecs.push(...localOnly.map((ref) => `${ref}:${ref}`));
    if (refspecs.length > 0) {
      options.onProgress?.(`pushing to ${remote}`);
      try {
        await pushRefs(git, remote, refspecs);
      } catch (error) {
        throw new StoreError(`${remote} refused the push; nothing was pushed`, {
          where: remote,
          details: [(error as Error).message.split('\n').find((l) => l.trim() !== '') ?? ''],
          hint: `someone may have pushed meanwhile: run \`bangchim sync${options.remote ? ` --remote ${remote}` : ''}\` again`,
        });
      }
    }
    const pushedTags = localOnly.map((ref) => ref.slice('refs/tags/'.length));

    const action: SyncResult['action'] = relation === 'behind' ? 'pulled' : relation === 'none' ? 'published' : relation === 'ahead' ? 'pushed' : pushedTags.length > 0 ? 'pushed' : 'up-to-date';
    const parts: string[] = [];
    if (relation === 'none') parts.push(`published ${branch} (${pushedCommits} commit${pushedCommits === 1 ? '' : 's'}) to ${remote}`);
    if (relation === 'ahead') parts.push(`pushed ${pushedCommits} commit${pushedCommits === 1 ? '' : 's'} to ${remote}/${branch}`);
    if (relation === 'behind') parts.push(`pulled ${pulledCommits} commit${pulledCommits === 1 ? '' : 's'} from ${remote}/${branch}`);
    if (pushedTags.length > 0) parts.push(`pushed ${pushedTags.length} version tag${pushedTags.length === 1 ? '' : 's'}`);
    if (fetchedTags.length > 0) parts.push(`fetched ${fetchedTags.length} version tag${fetchedTags.length === 1 ? '' : 's'}`);
    const message = parts.length > 0 ? parts.join('; ') : `up to date with ${remote}/${branch}`;
    return { remote, branch, action, pulledCommits, pushedCommits, fetchedTags, pushedTags, message };
  });
}

function divergedError(dir: string, remote: string, branch: string, relation: string, conflicts: string[], localOnly: string[]): StoreError {
  const rebuilt = conflicts.length > 0;
  const why = rebuilt
    ? `version tags already published on ${remote} point elsewhere here: the chain was rebuilt here (an older version was imported after its later versions were pushed), or the same version was imported on both sides`
    : `${remote}/${branch} and this store both have versions the other lacks (imports on both sides since the last sync)`;
  const details = [...conflicts.slice(0, 20)];
  if (conflicts.length > 20) details.push(`… and ${conflicts.length - 20} more`);
  if (localOnly.length > 0) details.push(`only here: ${localOnly.map((r) => r.slice('refs/tags/'.length)).join(', ')}`);
  return new StoreError(`will not sync with ${remote}: ${relation === 'diverged' ? 'the histories have diverged' : 'version tags disagree'}; bangchim never rewrites published history`, {
    where: `${remote}/${branch}`,
    details: [why, ...details],
    hint:
      `nothing was changed here or on ${remote}. To keep ${remote}'s history (others may have cloned it): keep yours aside with ` +
      `\`git -C ${dir} branch backup-before-sync\`, take ${remote}'s with \`git -C ${dir} reset --hard ${remote}/${branch}\` and \`git -C ${dir} fetch ${remote} --tags --force\`, ` +
      `then import again the versions listed "only here" (their sources are in the backup: git show backup-before-sync:sources/<city>/<date>.txt). ` +
      `Replacing ${remote}'s history instead is a decision for the whole office: done by hand with git push --force, after which everyone clones again.`,
  });
}
