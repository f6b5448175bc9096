/**
 * Where things are in a store: bangchim.yaml, policies/<slug>.yaml (the newest version),
 * history/<slug>.yaml (the ledger), sources/<slug>/<effective>.<ext> (the raw bytes), and bangchim's
 * own files in the git directory. Every module that names a store path asks here.
 */
import { extname, join } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { SLUG_PATTERN } from '../domain/schema.js';
import { STORE_MARKER, storeMarkerText } from './format.js';
import { t } from '../domain/presentation/messages/index.js';

export { STORE_MARKER } from './format.js';
export const STORE_MARKER_TEXT = storeMarkerText();
/** The paths bangchim writes; they must be clean before it writes. */
export const STORE_PATHS = ['policies', 'history', 'sources', STORE_MARKER];
export const TEMP_INDEX_PREFIX = 'bangchim-index-';

export function policyPath(slug: string): string {
  return `policies/${slug}.yaml`;
}
export function ledgerPath(slug: string): string {
  return `history/${slug}.yaml`;
}

/** sources/<slug>/<effective>.html or .txt, by the extension of the file as given. */
export function sourcePath(slug: string, effective: string, file: string): string {
  return `sources/${slug}/${effective}.${/^\.html?$/i.test(extname(file)) ? 'html' : 'txt'}`;
}

/** This process's temporary index in the git directory (removed when the lock is released). */
export function tempIndexPath(gitDir: string): string {
  return join(gitDir, `${TEMP_INDEX_PREFIX}${process.pid}`);
}

/** City slugs from the names in history/, sorted. */
export function citySlugs(names: string[]): string[] {
  return names
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .filter((slug) => SLUG_PATTERN.test(slug))
    .sort();
}

/** Longer slugs make tag and lock file names git refuses (a name is at most 255 bytes on most file systems). */
export const MAX_SLUG_LENGTH = 64;

export function checkSlug(slug: string): void {
  if (slug.length > MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug)) {
    throw new UsageError(t('err.store.slugTooLong', { length: slug.length, limit: MAX_SLUG_LENGTH, start: slug.slice(0, 20) }), { hint: t('err.store.slugTooLong.hint') });
  }
  if (!SLUG_PATTERN.test(slug)) {
    throw new UsageError(t('err.store.badSlug', { slug }), { hint: t('err.store.badSlug.hint') });
  }
}
