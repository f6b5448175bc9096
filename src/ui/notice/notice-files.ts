/**
 * Where notice files go: a directory asked for once and remembered for the session, by default next
 * to the store (never inside a git checkout, such as bangchim's own, unless typed), and which files
 * of a notice are already there (the UI asks before overwriting them).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Notice } from '../../domain/notice/index.js';

/** The files a notice is written as, in `dir`. */
export function noticeFiles(notice: Pick<Notice, 'slug' | 'effective'>, dir: string): string[] {
  const base = join(dir, `${notice.slug}-${notice.effective}-notice`);
  return ['txt', 'md', 'html'].map((ext) => `${base}.${ext}`);
}

export function existingNoticeFiles(notice: Pick<Notice, 'slug' | 'effective'>, dir: string): string[] {
  return noticeFiles(notice, dir).filter((path) => existsSync(path));
}

/** The working tree around `dir`, if any (the nearest parent holding `.git`). */
export function checkoutAround(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** `<store>-notices` beside the store; `~/bangchim-notices` when that would be inside a checkout. */
export function defaultNoticeDir(storeDir: string, home = homedir()): string {
  const beside = join(dirname(storeDir), `${basename(storeDir)}-notices`);
  return checkoutAround(dirname(beside)) === undefined ? beside : join(home, 'bangchim-notices');
}
