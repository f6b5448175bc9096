/** The five seed texts (test/fixtures/seeds), with what the generator needs to know about them. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_INFO, type SeedText } from '../../src/domain/synthetic.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_DIR = join(ROOT, 'test', 'fixtures', 'seeds');

export function loadSeeds(): SeedText[] {
  return SEED_INFO.map((info) => ({ ...info, text: readFileSync(join(SEED_DIR, info.file), 'utf8') }));
}

export function seedBytes(slug: string): Buffer {
  const info = SEED_INFO.find((s) => s.slug === slug);
  if (!info) throw new Error(`no seed ${slug}`);
  return readFileSync(join(SEED_DIR, info.file));
}
