/**
 * One writer at a time, and a journal so that a killed writer's work is finished by the next one.
 *
 * `.git/bangchim.lock` holds the owner's pid. It is written beside its place and hard-linked in, so it
 * never exists half-written: an unreadable lock is debris, not an owner still writing. A lock whose pid is
 * dead was left by a killed process; the next writer claims it (an atomic rename, so only one does).
 *
 * `.git/bangchim.journal` records, just before the ref transaction, every ref the import moves (old and
 * new ids) and the work-tree paths that follow. Every object it names already exists, so whoever next
 * holds the lock can roll the transaction forward: the store ends fully updated, never half.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BusyError, StoreError } from '../domain/errors.js';
import type { RefUpdate } from './git.js';

export const LOCK_FILE = 'bangchim.lock';
export const JOURNAL_FILE = 'bangchim.journal';

export interface LockInfo {
  pid: number;
  started: string;
  command: string;
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

export async function readLock(gitDir: string): Promise<LockInfo | null | 'absent'> {
  try {
    return parseLock(await readFile(join(gitDir, LOCK_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

export type LockState = { state: 'free' } | { state: 'held'; info: LockInfo } | { state: 'stale'; info: LockInfo | null };

export async function inspectLock(gitDir: string): Promise<LockState> {
  const info = await readLock(gitDir);
  if (info === 'absent') return { state: 'free' };
  // Our locks appear whole (linked in after writing), so one without a pid has no live owner.
  if (info === null) return { state: 'stale', info: null };
  return isAlive(info.pid) ? { state: 'held', info } : { state: 'stale', info };
}

export function busyError(info: LockInfo): BusyError {
  return new BusyError(`the store is busy: another bangchim (pid ${info.pid}) has been running "${info.command}" since ${info.started}; try again when it ends`, {
    hint: `if no bangchim is running, the lock is left over: remove .git/${LOCK_FILE}`,
  });
}

/** Writes `content` to a fresh file beside `target`; returns its path. */
async function writeAside(target: string, content: string): Promise<string> {
  const aside = `${target}.${process.pid}-${randomBytes(4).toString('hex')}`;
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

/**
 * Takes a dead owner's lock out of the way. Renaming is atomic, so when several processes find the
 * same stale lock only one moves it; every one then competes for a fresh lock with tryCreateLock.
 */
export async function claimStaleLock(gitDir: string): Promise<void> {
  const claimed = `${join(gitDir, LOCK_FILE)}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(join(gitDir, LOCK_FILE), claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(claimed, { force: true });
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
    throw new StoreError(`${path} is damaged: it should record an interrupted import`, {
      where: path,
      hint: `check the store with \`bangchim verify\`, then remove ${path}`,
    });
  }
}

export async function removeJournal(gitDir: string): Promise<void> {
  await rm(join(gitDir, JOURNAL_FILE), { force: true });
}

/**
 * Files a killed writer left beside the lock and the journal (written aside, never linked in):
 * `bangchim.lock.<pid>-…`, `bangchim.lock.stale-<pid>-…`, `bangchim.journal.<pid>-…`. Only a dead
 * writer's: a live one may be about to link its file into place right now.
 */
export function isLockDebris(name: string): boolean {
  const match = /^bangchim\.(?:lock|journal)\.(?:stale-)?(\d+)-/.exec(name);
  return match !== null && !isAlive(Number(match[1]));
}
