/** The five seed policies, read as bytes from test/fixtures/seeds, with what a reader sees in them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

export const SEED_FILES = {
  uijeongbu: '000_0c8545943fcc3529.txt',
  namyangju: '001_ca42b649915e7834.txt',
  goyang: '002_46469e55ffaa64e6.txt',
  paju: '003_bdaa528230a72191.txt',
  iksan: '004_bc72d9ea962e5ad5.txt',
} as const;

export type SeedSlug = keyof typeof SEED_FILES;
export const SEED_SLUGS = Object.keys(SEED_FILES) as SeedSlug[];

export function seedBytes(slug: SeedSlug): Uint8Array {
  return readFileSync(SEED_DIR + SEED_FILES[slug]);
}

export function seedPath(slug: SeedSlug): string {
  return `test/fixtures/seeds/${SEED_FILES[slug]}`;
}
