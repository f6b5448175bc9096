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
    const diskFull = isDiskFull(error) && !error.message.includes('디스크');
    const lines = [diskFull ? `bangchim: 디스크 공간(또는 할당량)이 모자라 끝내지 못했습니다: ${error.message}` : `bangchim: ${error.message}`];
    if (error.where) lines.push(`  where: ${error.where}`);
    for (const detail of error.details) lines.push(`  - ${detail}`);
    if (diskFull) lines.push(`  hint: ${DISK_FULL_HINT}`);
    else if (error.hint) lines.push(`  hint: ${error.hint}`);
    if (debug && error.stack) lines.push(error.stack);
    return lines.join('\n');
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isDiskFull(error)) {
    return [`bangchim: 디스크 공간(또는 할당량)이 모자라 끝내지 못했습니다: ${message}`, `  hint: ${DISK_FULL_HINT}`].join('\n');
  }
  const lines = [`bangchim: internal error: ${message}`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  else lines.push('  hint: run again with --debug for the stack trace, and report it.');
  return lines.join('\n');
}

const DISK_FULL_HINT = '공간을 확보한 뒤 같은 명령을 다시 실행하세요; 저장소는 이전 상태 그대로이거나, 다음 bangchim 명령(예: bangchim list)이 마무리합니다';
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
