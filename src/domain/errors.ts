import { t } from './presentation/messages/index.js';

/**
 * Typed errors that a person can act on: what was wrong, where, and what to do.
 * Every layer throws these; the CLI and the UI print `message`, `where` and `hint`, never a stack
 * trace unless --debug. `exitCode` follows diff(1): 2 for trouble.
 */

export interface ErrorDetails {
  /** Where: a file, a file:line, a YAML path, a ref. */
  where?: string;
  /** What to do about it. */
  hint?: string;
  /** Further precise findings (validation issues, verify findings). */
  details?: string[];
  cause?: unknown;
}

export class BangchimError extends Error {
  readonly exitCode: number = 2;
  readonly where?: string;
  readonly hint?: string;
  readonly details: string[];

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.where = details.where;
    this.hint = details.hint;
    this.details = details.details ?? [];
  }
}

/** The input document is unusable: empty, binary, undecodable, or no article found. */
export class InputError extends BangchimError {}

/** A YAML document or a value does not match the schema. `details` lists `path: problem` lines. */
export class ValidationError extends BangchimError {}

/** A reference (goyang@2016-06-01, goyang~1, a path) is malformed or names nothing. */
export class RefError extends BangchimError {}

/** The store is missing, of another kind, dirty, or inconsistent. */
export class StoreError extends BangchimError {}

/** Another bangchim process holds the store's lock. */
export class BusyError extends BangchimError {}

/** A command-line usage mistake. */
export class UsageError extends BangchimError {}

/** Formats an error for a terminal: the message, where, details and hint, one per line. */
export function formatError(error: unknown, debug = false): string {
  if (error instanceof BangchimError) {
    // A full disk is said in words, whichever step (git or a file write) met it.
    // (unless the message already says so in words: git's own text or a path may hold "disk" and say nothing).
    const diskFull = isDiskFull(error) && !SAYS_DISK_FULL.test(error.message);
    const lines = [`bangchim: ${diskFull ? t('err.diskFull', { message: error.message }) : error.message}`];
    if (error.where) lines.push(`  ${t('err.label.where')}: ${error.where}`);
    for (const detail of error.details) lines.push(`  - ${detail}`);
    if (diskFull) lines.push(`  ${t('err.label.hint')}: ${t('err.diskFull.hint')}`);
    else if (error.hint) lines.push(`  ${t('err.label.hint')}: ${error.hint}`);
    if (debug && error.stack) lines.push(error.stack);
    return lines.join('\n');
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isDiskFull(error)) {
    return [`bangchim: ${t('err.diskFull', { message })}`, `  ${t('err.label.hint')}: ${t('err.diskFull.hint')}`].join('\n');
  }
  const lines = [`bangchim: ${t('err.internal', { message })}`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  else lines.push(`  ${t('err.label.hint')}: ${t('err.internal.hint')}`);
  return lines.join('\n');
}

/** The catalogue's words for a full disk (err.journal.worktree.diskFull, err.git.refsNotWritten), in either language. */
const SAYS_DISK_FULL = /디스크|disk full|the disk space/;
const DISK_FULL = /\b(?:ENOSPC|EDQUOT)\b|No space left on device|Disk quota exceeded|Out of diskspace/;

/** The disk (or the user's quota) is full: Node's ENOSPC/EDQUOT, or git saying so, anywhere in the chain of causes. */
export function isDiskFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || DISK_FULL.test(e.message)) return true;
    if (e instanceof BangchimError && e.details.some((d) => DISK_FULL.test(d))) return true;
  }
  return false;
}

export function exitCodeOf(error: unknown): number {
  return error instanceof BangchimError ? error.exitCode : 2;
}
