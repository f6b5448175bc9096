/** The five seed policies (the table: test/seeds.ts), read as bytes, as the parser tests name them. */
import { SEED_INFO, type SeedSlug } from '../seeds.js';

export { SEED_SLUGS, seedBytes, type SeedSlug } from '../seeds.js';

/** Slug → file name in test/fixtures/seeds. */
export const SEED_FILES = Object.fromEntries(SEED_INFO.map((seed) => [seed.slug, seed.file])) as Record<SeedSlug, string>;

/** The seed's path relative to the repository root, as CLI tests pass it. */
export function seedPath(slug: SeedSlug): string {
  return `test/fixtures/seeds/${SEED_FILES[slug]}`;
}
