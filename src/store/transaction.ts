/**
 * Writing safely: one writer at a time (the lock), a journal written just before the one ref
 * transaction, and recovery, so that a writer killed at any point leaves the store either as it was
 * or, once the next command has finished the journal, fully updated; never half.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BusyError, isDiskFull, StoreError } from '../domain/errors.js';
import type { RefUpdate } from './git.js';
import { busyError, claimStaleLock, gitProcessesIn, inspectLock, isLockDebris, JOURNAL_FILE, readJournal, removeJournal, removeLock, tryCreateLock, writeJournal, type Journal } from './lock.js';
import { STORE_PATHS, TEMP_INDEX_PREFIX, tempIndexPath } from './paths.js';
import type { StoreReader } from './reads.js';
import { t } from '../domain/presentation/messages/index.js';

/** How long a git lock file of a dead import's git child may still belong to that (orphaned) git. */
const ORPHAN_GIT_GRACE_MS = 1000;

/** Runs `work` holding the store's lock, after finishing whatever a killed writer left in the journal. */
export async function withLock<T>(store: StoreReader, command: string, work: () => Promise<T>): Promise<T> {
  const gitDir = await store.gitDir();
  let afterDeadOwner = false;
  for (let attempt = 0; !(await tryCreateLock(gitDir, command)); attempt++) {
    const lock = await inspectLock(gitDir);
    if (lock.state === 'held') throw busyError(lock.info);
    // Of several processes finding the same stale lock, one removes it; the others find the winner's.
    if (lock.state === 'stale' && (await claimStaleLock(gitDir, lock))) {
      if (lock.info) store.onNotice(t('store.notice.lockRemoved', { pid: lock.info.pid, command: lock.info.command }));
      afterDeadOwner = true;
    }
    // Several processes may find the same stale lock; only one gets the fresh one.
    if (attempt >= 3) throw busyError({ pid: 0, started: t('err.lock.justNow'), command: '?' });
  }
  try {
    await finishInterrupted(store, gitDir, afterDeadOwner);
    return await work();
  } finally {
    await rm(tempIndexPath(gitDir), { force: true });
    await removeLock(gitDir);
  }
}

/**
 * At open: a dead owner's lock is taken over, and a journal left without a lock (a writer whose last
 * step failed, e.g. on a full disk) is finished now. Reads never wait for a live lock.
 */
export async function recoverIfStale(store: StoreReader): Promise<void> {
  const gitDir = await store.gitDir();
  const { state } = await inspectLock(gitDir);
  if (state === 'held' || (state === 'free' && !existsSync(join(gitDir, JOURNAL_FILE)))) return;
  try {
    await withLock(store, 'recover an interrupted import', async () => undefined);
  } catch (error) {
    // Someone else took the lock first: it finishes the journal; we read HEAD meanwhile.
    if (error instanceof BusyError) return;
    // A journal that cannot be finished blocks writing (each write says why), not reading HEAD.
    if (error instanceof StoreError) store.onNotice(`${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    else throw error;
  }
}

/**
 * Under the lock: finish a killed writer's transaction from its journal. Every object the journal names
 * exists (they are written before it), so the refs are rolled forward; git's own lock files, left when
 * the kill also took git, are removed first (we hold the store lock and their owner is dead). Then the
 * work-tree paths are brought up to HEAD where the work-tree file still equals the index, so nobody's
 * later hand edits are overwritten.
 */
async function finishInterrupted(store: StoreReader, gitDir: string, afterDeadOwner: boolean): Promise<void> {
  for (const name of await readdir(gitDir)) {
    if (name.startsWith(TEMP_INDEX_PREFIX) || isLockDebris(name)) await rm(join(gitDir, name), { force: true });
  }
  const journal = await readJournal(gitDir);
  if (afterDeadOwner || journal !== null) await removeAbandonedGitLocks(store, gitDir, journal);
  if (journal === null) return;
  const pending = await pendingUpdates(store, journal);
  if (pending.length > 0) await store.git.updateRefs(pending, `bangchim: finish interrupted ${journal.command}`);
  const staged = await store.git.stagedDifferences(journal.paths);
  const edited = new Set(await editedByHand(store, staged.length > 0 ? await store.git.unstagedDifferences(staged) : []));
  const restore = staged.filter((p) => !edited.has(p));
  await store.git.checkoutFromHead(restore);
  await removeJournal(gitDir);
  const refs = t(pending.length === 1 ? 'store.notice.refs.one' : 'store.notice.refs.other', { count: pending.length });
  const files = t(restore.length === 1 ? 'store.notice.files.one' : 'store.notice.files.other', { count: restore.length });
  store.onNotice(t('store.notice.finishedInterrupted', { command: journal.command, refs, files }));
  if (edited.size > 0) store.onNotice(t('store.notice.leftEdited', { list: [...edited].join(', ') }));
}

/**
 * Git's own lock files that a killed import's git children left (index.lock from `git status` or
 * `checkout`, ref locks from `update-ref`). Their owner died with the import; a lock younger than a
 * second may still belong to an orphaned git finishing its work, so it gets that second first. None is
 * removed while any git works in the store (a person's own `git commit -a` holds index.lock for as long
 * as its editor is open); where processes cannot be seen (no /proc), the second is all there is.
 */
async function removeAbandonedGitLocks(store: StoreReader, gitDir: string, journal: Journal | null): Promise<void> {
  const candidates = new Set(['index.lock', 'HEAD.lock', 'packed-refs.lock', `${(await store.git.currentBranchRef()) ?? 'refs/heads/main'}.lock`]);
  for (const update of journal?.updates ?? []) candidates.add(`${update.ref}.lock`);
  for (const name of candidates) {
    const path = join(gitDir, name);
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => null);
    if (age === null) continue;
    if (age < ORPHAN_GIT_GRACE_MS) await new Promise((resolve) => setTimeout(resolve, ORPHAN_GIT_GRACE_MS - age));
    if (!existsSync(path)) continue;
    // A git still working in the store may hold it (a person's `git commit`, or the import's orphaned child, which removes it when done).
    const live = await gitProcessesIn(store.dir);
    if (live !== null && live.length > 0) {
      store.onNotice(t('store.notice.gitLockKept', { name, pids: live.join(', ') }));
      continue;
    }
    await rm(path, { force: true });
    store.onNotice(t('store.notice.gitLockRemoved', { name }));
  }
}

/**
 * Of work-tree files that differ from the index after a kill, those a person edited: present, and
 * equal to neither the index's text nor HEAD's. A checkout killed halfway leaves files missing or
 * already new; those are the import's own and are finished, not kept.
 */
async function editedByHand(store: StoreReader, paths: string[]): Promise<string[]> {
  const present = paths.filter((path) => existsSync(join(store.dir, path)));
  if (present.length === 0) return [];
  const [workTree, atHead] = await Promise.all([store.git.hashFiles(present), store.git.objectIds(present.map((path) => `HEAD:${path}`))]);
  return present.filter((_, i) => workTree[i] !== atHead[i]);
}

/** The journal's ref updates not yet applied; refuses when a ref moved somewhere the journal does not know. */
async function pendingUpdates(store: StoreReader, journal: Journal): Promise<RefUpdate[]> {
  const current = await store.git.refValues();
  const pending: RefUpdate[] = [];
  for (const update of journal.updates) {
    const now = current.get(update.ref);
    const target = update.kind === 'delete' ? undefined : update.newValue;
    if (now === target) continue;
    const expected = update.kind === 'create' ? undefined : update.oldValue;
    if (now !== expected) {
      const absent = t('err.journal.absent');
      throw new StoreError(t('err.journal.cannotFinish', { command: journal.command, ref: update.ref }), {
        where: store.dir,
        details: [t('err.journal.cannotFinish.detail', { ref: update.ref, now: now ?? absent, expected: expected ?? absent, target: target ?? t('err.journal.deleteIt') })],
        hint: t('err.journal.cannotFinish.hint', { dir: store.dir }),
      });
    }
    pending.push(update);
  }
  return pending;
}

export async function assertClean(store: StoreReader): Promise<void> {
  const dirty = await store.git.status(STORE_PATHS);
  if (dirty.length > 0) {
    throw new StoreError(t('err.store.dirty', { paths: STORE_PATHS.join(', ') }), {
      where: store.dir,
      details: dirty.map((line) => line.trim()),
      hint: t('err.store.dirty.hint', { dir: store.dir }),
    });
  }
}


/**
 * Under the lock, with every object written: records `journal`, moves all its refs in one
 * transaction, then brings its work-tree paths up to date. A kill after the journal is written is
 * finished by the next writer (finishInterrupted); a refused transaction changes nothing.
 */
export async function applyJournaled(store: StoreReader, journal: Journal, reason: string): Promise<void> {
  const gitDir = await store.gitDir();
  await writeJournal(gitDir, journal);
  try {
    await store.git.updateRefs(journal.updates, reason);
  } catch (error) {
    // A refused transaction changed no ref: there is nothing to finish later.
    await removeJournal(gitDir);
    throw error;
  }
  try {
    await store.git.checkoutFromHead(journal.paths);
  } catch (error) {
    // The refs moved: the version is archived. The journal stays, so the next command (any, list
    // included) brings the files up to date once it can.
    throw new StoreError(t('err.journal.worktree', { command: journal.command, diskFull: isDiskFull(error) ? t('err.journal.worktree.diskFull') : '' }), {
      where: store.dir,
      details: [error instanceof Error ? error.message : String(error)],
      hint: t('err.journal.worktree.hint'),
      cause: error,
    });
  }
  await removeJournal(gitDir);
}
