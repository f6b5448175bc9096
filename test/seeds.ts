/**
 * The one table of the five seed texts in test/fixtures/seeds (described in its README): which file is
 * which city, and what a reader sees in each. Tests, benches and scripts/make-archive.ts read seeds
 * through it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IsoDate, RevisionStyle } from '../src/domain/model.js';
import type { SeedText } from '../scripts/synthetic.js';

export const SEED_DIR = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));

export interface SeedInfo {
  /** File name in test/fixtures/seeds (as in /work/shared/seeds). */
  file: string;
  slug: string;
  /** Display name. */
  city: string;
  /** The short name the text uses for the city (고양 in 고양시, 고양특례시). */
  short: string;
  /** The effective date of the seed text (supplied on import when the text states none). */
  effective: IsoDate;
  /** How its revision article lists earlier versions. */
  style: RevisionStyle;
}

export const SEED_INFO = [
  { file: '000_0c8545943fcc3529.txt', slug: 'uijeongbu', city: '의정부시', short: '의정부', effective: '2023-01-01', style: 'plain' },
  { file: '001_ca42b649915e7834.txt', slug: 'namyangju', city: '남양주시', short: '남양주', effective: '2015-08-26', style: 'dated' },
  { file: '002_46469e55ffaa64e6.txt', slug: 'goyang', city: '고양특례시', short: '고양', effective: '2020-07-17', style: 'ranges' },
  { file: '003_bdaa528230a72191.txt', slug: 'paju', city: '파주시', short: '파주', effective: '2024-09-30', style: 'cutoffs' },
  { file: '004_bc72d9ea962e5ad5.txt', slug: 'iksan', city: '익산시', short: '익산', effective: '2012-03-26', style: 'cutoffs' },
] as const satisfies readonly SeedInfo[];

export type SeedSlug = (typeof SEED_INFO)[number]['slug'];
/** In file order: 의정부, 남양주, 고양, 파주, 익산. */
export const SEED_SLUGS: readonly SeedSlug[] = SEED_INFO.map((seed) => seed.slug);

export function seedInfo(slug: SeedSlug): SeedInfo {
  return SEED_INFO.find((seed) => seed.slug === slug)!;
}

/** Absolute path of the seed's file. */
export function seedFile(slug: SeedSlug): string {
  return SEED_DIR + seedInfo(slug).file;
}

export function seedBytes(slug: SeedSlug): Buffer {
  return readFileSync(seedFile(slug));
}

export function seedText(slug: SeedSlug): string {
  return readFileSync(seedFile(slug), 'utf8');
}

/** Every seed with its text, the generator's input (scripts/synthetic.ts). */
export function loadSeeds(): SeedText[] {
  return SEED_INFO.map((info) => ({ ...info, text: readFileSync(SEED_DIR + info.file, 'utf8') }));
}
