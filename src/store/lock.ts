/**
 * One writer at a time, and a journal so that a killed writer's work is finished by the next one.
 *
 * `.git/bangchim.lock` holds the owner's pid. It is written beside its place and hard-linked in, so it
 * never exists half-written: an unreadable lock is debris, not an owner still writing. A lock whose pid is
 * dead was left by a killed process; the next writer claims it: the claim is a file named after that very
 * lock (its inode and content) created exclusively, so of several processes finding it only one removes
 * it, and only while it is still that lock — never a fresh one another process has linked in since.
 *
 * `.git/bangchim.journal` records, just before the ref transaction, every ref the import moves (old and
 * new ids) and the work-tree paths that follow. Every object it names already exists, so whoever next
 * holds the lock can roll the transaction forward: the store ends fully updated, never half.
 */
import { link, open, readdir, readFile, readlink, realpath, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BusyError, StoreError } from '../domain/errors.js';
import type { RefUpdate } from './git.js';
import { t } from '../domain/presentation/messages/index.js';

export const LOCK_FILE = 'bangchim.lock';
export const JOURNAL_FILE = 'bangchim.journal';

export interface LockInfo {
  pid: number;
  started: string;
  command: string;
}

/** node:crypto, loaded only when a lock is there or written (a command that only reads finds none). */
function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

/** What an import is about to do to the refs and the work tree. */
export interface Journal {
  command: string;
  /** The branch moves from → to. */
  from: string;
  to: string;
  updates: RefUpdate[];
  /** Work-tree paths to bring up to date with HEAD afterwards. */
  paths: string[];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(text: string): LockInfo | null {
  const fields = Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split(': '))
      .filter((parts) => parts.length >= 2)
      .map(([key, ...rest]) => [key, rest.join(': ')]),
  );
  const pid = Number(fields.pid);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, started: fields.started ?? '?', command: fields.command ?? '?' };
}

/** The lock's owner and its identity (inode and content: a lock linked in later is another lock even on a reused inode). */
async function readLockFile(gitDir: string): Promise<{ info: LockInfo | null; identity: string } | 'absent'> {
  let handle;
  try {
    handle = await open(join(gitDir, LOCK_FILE), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const [stats, content] = [await handle.stat(), await handle.readFile()];
    return { info: parseLock(content.toString('utf8')), identity: `${stats.ino}-${crypto().createHash('sha256').update(content).digest('hex').slice(0, 16)}` };
  } finally {
    await handle.close();
  }
}

export async function readLock(gitDir: string): Promise<LockInfo | null | 'absent'> {
  const lock = await readLockFile(gitDir);
  return lock === 'absent' ? 'absent' : lock.info;
}

export type LockState = { state: 'free' } | { state: 'held'; info: LockInfo } | { state: 'stale'; info: LockInfo | null; identity: string };

export async function inspectLock(gitDir: string): Promise<LockState> {
  let lock = await readLockFile(gitDir);
  for (let look = 1; ; look++) {
    if (lock === 'absent') return { state: 'free' };
    // Our locks appear whole (linked in after writing), so one without a pid has no live owner.
    if (lock.info !== null && isAlive(lock.info.pid)) return { state: 'held', info: lock.info };
    // Its owner may have released it and ended after it was read: stale only if that same lock is still there.
    const again = await readLockFile(gitDir);
    const unchanged = again !== 'absent' && again.identity === lock.identity;
    if (unchanged || look === LOCK_LOOKS) return { state: 'stale', info: lock.info, identity: lock.identity };
    lock = again;
  }
}

/** How often inspectLock reads a lock that keeps changing under it before it says what it saw last. */
const LOCK_LOOKS = 3;

/**
 * Pids of git processes working in the work tree at `dir` (git changes into the top level of the work
 * tree it works on, so their working directory is inside it), our own children included: any of them may
 * hold a git lock. `git cat-file` only reads (a bangchim's shared object reader, waiting for its next
 * question) and takes no lock: it is not counted. null where processes cannot be seen (no /proc: not
 * Linux). A git of another user, whose working directory cannot be read, is not seen.
 */
export async function gitProcessesIn(dir: string): Promise<number[] | null> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return null;
  }
  const top = await realpath(dir);
  const found: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [comm, cwd, cmdline] = await Promise.all([readFile(`/proc/${name}/comm`, 'utf8'), readlink(`/proc/${name}/cwd`), readFile(`/proc/${name}/cmdline`, 'utf8')]);
      if (comm.startsWith('git') && (cwd === top || cwd.startsWith(`${top}/`)) && gitSubcommand(cmdline) !== 'cat-file') found.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to look at
    }
  }
  return found;
}

/** The subcommand of a git command line as /proc shows it (NUL-separated): the first argument after git's own options. */
function gitSubcommand(cmdline: string): string | undefined {
  return cmdline.split('\0').slice(1).find((arg) => !arg.startsWith('-'));
}

export function busyError(info: LockInfo): BusyError {
  return new BusyError(t('err.lock.busy', { pid: info.pid, command: info.command, started: info.started }), { hint: t('err.lock.busy.hint', { file: LOCK_FILE }) });
}

/** Writes `content` to a fresh file beside `target`; returns its path. */
async function writeAside(target: string, content: string): Promise<string> {
  const aside = `${target}.${process.pid}-${crypto().randomBytes(4).toString('hex')}`;
  const handle = await open(aside, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return aside;
}

/** Creates the lock, whole, if nobody holds it; returns false when it already exists. */
export async function tryCreateLock(gitDir: string, command: string): Promise<boolean> {
  const lockPath = join(gitDir, LOCK_FILE);
  const aside = await writeAside(lockPath, `pid: ${process.pid}\nstarted: ${new Date().toISOString()}\ncommand: ${command.replace(/\n/g, ' ')}\n`);
  try {
    await link(aside, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

/** `bangchim.lock.claim-<identity>`: held while one process removes the stale lock of that identity. */
const CLAIM_PREFIX = `${LOCK_FILE}.claim-`;

/**
 * Removes the dead owner's lock `stale` (as inspectLock saw it), if this process is the one to: the claim
 * file for that lock is created exclusively, and the lock is removed only if it is still the one seen.
 * false when another process is claiming it or it has changed (a fresh lock: its owner is alive).
 * A claimer killed in between leaves its claim; that stale lock is then busy until removed by hand
 * (the busy message says how), and the claim is swept by the next holder.
 */
export async function claimStaleLock(gitDir: string, stale: { identity: string }): Promise<boolean> {
  const claim = join(gitDir, `${CLAIM_PREFIX}${stale.identity}`);
  try {
    await writeFile(claim, `pid: ${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const now = await readLockFile(gitDir);
    if (now === 'absent' || now.identity !== stale.identity) return false;
    await unlink(join(gitDir, LOCK_FILE));
    return true;
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

export async function removeLock(gitDir: string): Promise<void> {
  await rm(join(gitDir, LOCK_FILE), { force: true });
}

/** Records the transaction about to happen; replaces any earlier journal atomically. */
export async function writeJournal(gitDir: string, journal: Journal): Promise<void> {
  const target = join(gitDir, JOURNAL_FILE);
  await rename(await writeAside(target, JSON.stringify(journal, null, 2) + '\n'), target);
}

/** The journal of an interrupted import, or null. It is renamed into place whole, so one that does not parse was damaged by something else. */
export async function readJournal(gitDir: string): Promise<Journal | null> {
  const path = join(gitDir, JOURNAL_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as Journal;
  } catch {
    throw new StoreError(t('err.lock.journalDamaged', { path }), { where: path, hint: t('err.lock.journalDamaged.hint', { path }) });
  }
}

export async function removeJournal(gitDir: string): Promise<void> {
  await rm(join(gitDir, JOURNAL_FILE), { force: true });
}

/**
 * Files a killed writer left beside the lock and the journal (written aside, never linked in):
 * `bangchim.lock.<pid>-…`, `bangchim.lock.stale-<pid>-…`, `bangchim.journal.<pid>-…`. Only a dead
 * writer's: a live one may be about to link its file into place right now. Claims
 * (`bangchim.lock.claim-…`) are debris to whoever holds the lock: they name locks that are gone, and a
 * late claimer finds its lock changed and gives up.
 */
export function isLockDebris(name: string): boolean {
  if (name.startsWith(CLAIM_PREFIX)) return true;
  const match = /^bangchim\.(?:lock|journal)\.(?:stale-)?(\d+)-/.exec(name);
  return match !== null && !isAlive(Number(match[1]));
}
