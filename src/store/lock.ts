/**
 * One writer at a time: `.git/bangchim.lock`, created with O_EXCL, holds the owner's pid.
 * A lock whose pid is dead was left by a killed import; the caller recovers the work tree and goes on.
 */
import { appendFile, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BusyError } from '../domain/errors.js';

export const LOCK_FILE = 'bangchim.lock';
/** A lock file with no readable pid younger than this is still being written by its owner. */
const UNREADABLE_GRACE_MS = 10_000;

export interface LockInfo {
  pid: number;
  started: string;
  command: string;
  /** Written just before the ref transaction: the branch moves from → to, and these work-tree paths follow. */
  transaction?: { from: string; to: string; paths: string[] };
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
  const info: LockInfo = { pid, started: fields.started ?? '?', command: fields.command ?? '?' };
  const [from, to] = (fields.transaction ?? '').split(' ');
  if (from && to) info.transaction = { from, to, paths: (fields.paths ?? '').split(' ').filter(Boolean) };
  return info;
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
  if (info === null) {
    const age = await stat(join(gitDir, LOCK_FILE)).then((s) => Date.now() - s.mtimeMs, () => Infinity);
    return age < UNREADABLE_GRACE_MS ? { state: 'held', info: { pid: 0, started: 'just now', command: '?' } } : { state: 'stale', info: null };
  }
  return isAlive(info.pid) ? { state: 'held', info } : { state: 'stale', info };
}

export function busyError(info: LockInfo): BusyError {
  const who = info.pid > 0 ? `another bangchim (pid ${info.pid})` : 'another bangchim';
  return new BusyError(`the store is busy: ${who} has been running "${info.command}" since ${info.started}; try again when it ends`, {
    hint: `if no bangchim is running, the lock is left over: remove .git/${LOCK_FILE}`,
  });
}

/** Creates the lock file exclusively; returns false when it already exists. */
export async function tryCreateLock(gitDir: string, command: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(join(gitDir, LOCK_FILE), 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`pid: ${process.pid}\nstarted: ${new Date().toISOString()}\ncommand: ${command.replace(/\n/g, ' ')}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/** Records, in the lock we hold, the ref move about to happen, so that recovery after a kill knows what to finish. */
export async function recordTransaction(gitDir: string, transaction: { from: string; to: string; paths: string[] }): Promise<void> {
  await appendFile(join(gitDir, LOCK_FILE), `transaction: ${transaction.from} ${transaction.to}\npaths: ${transaction.paths.join(' ')}\n`);
}

export async function removeLock(gitDir: string): Promise<void> {
  await rm(join(gitDir, LOCK_FILE), { force: true });
}
