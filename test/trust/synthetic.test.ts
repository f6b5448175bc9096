import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng, EDITORIAL_KINDS, syntheticArchive, syntheticCity, syntheticShortName, syntheticSlug } from '../../scripts/synthetic.js';
import { loadSeeds } from '../seeds.js';

const seeds = loadSeeds();
const HEADING = /^\s*(제\s*)?(\d{1,3})조(의\d+)?(?=[.\s(]|$)/;

const title = (heading: string) => heading.replace(HEADING, '').replace(/^[.\s(]+|\)\s*$/g, '').trim();

function digest(texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex');
}

describe('synthetic archive generator', () => {
  it('gives the same bytes for the same options, and other bytes for another seed', () => {
    const a = [...syntheticArchive(seeds, { cities: 12, versions: 8 })];
    const b = [...syntheticArchive(seeds, { cities: 12, versions: 8 })];
    expect(b).toEqual(a);
    const c = [...syntheticArchive(seeds, { cities: 12, versions: 8, seed: 'another' })];
    expect(digest(c.flatMap((city) => city.versions.map((v) => v.text)))).not.toBe(digest(a.flatMap((city) => city.versions.map((v) => v.text))));
  });

  it('generates each city independently of the others (so cities can be made in parallel, one at a time)', () => {
    const archive = [...syntheticArchive(seeds, { cities: 9, versions: 6 })];
    expect(syntheticCity(seeds, 7, { versions: 6 })).toEqual(archive[6]);
    const later = [...syntheticArchive(seeds, { cities: 3, first: 5, versions: 6 })];
    expect(later.map((c) => c.slug)).toEqual(['city-0005', 'city-0006', 'city-0007']);
    expect(later[0]).toEqual(archive[4]);
  });

  it('is stable across machines and runs: a fixed archive hashes to a fixed value', () => {
    // If you change the generator on purpose, update this value (and say so in the commit).
    const texts = [...syntheticArchive(seeds, { cities: 10, versions: 5 })].flatMap((city) => city.versions.map((v) => `${city.slug}@${v.effective}\n${v.text}`));
    expect(digest(texts)).toMatchInlineSnapshot(`"2b9623e83a8b758736fa218aa0ace229a78eb761267d20fcfbdf868febaa2ea2"`);
  });

  it('a seeded PRNG repeats its sequence and spreads over its range', () => {
    const a = createRng('x');
    const b = createRng('x');
    const seqA = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(seqA);
    expect(Math.min(...seqA)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seqA)).toBeLessThan(1);
    const buckets = new Array(10).fill(0) as number[];
    for (const x of seqA) buckets[Math.floor(x * 10)]!++;
    for (const n of buckets) expect(n).toBeGreaterThan(60);
  });

  it('names new cities distinctly (city-0001 …) and renames the seed city everywhere in the text', () => {
    const names = new Set<string>();
    for (let i = 1; i <= 3000; i++) names.add(syntheticShortName(i));
    expect(names.size).toBe(3000);
    expect(syntheticSlug(1)).toBe('city-0001');
    expect(syntheticSlug(12345)).toBe('city-12345');
    for (const city of syntheticArchive(seeds, { cities: 5, versions: 3 })) {
      const seed = seeds.find((s) => s.slug === city.seed)!;
      expect(city.city).toContain(city.short);
      for (const version of city.versions) {
        expect(version.text).not.toContain(seed.short);
        expect(version.text).toContain(`${city.short}시`);
      }
    }
  });

  it('gives increasing effective dates and a changed text in every version', () => {
    for (const city of syntheticArchive(seeds, { cities: 25, versions: 20 })) {
      expect(city.versions).toHaveLength(20);
      for (let i = 1; i < city.versions.length; i++) {
        const [previous, current] = [city.versions[i - 1]!, city.versions[i]!];
        expect(current.effective > previous.effective, `${city.slug} ${current.effective}`).toBe(true);
        expect(current.text, `${city.slug}@${current.effective} equals the version before`).not.toBe(previous.text);
        expect(current.edits.length).toBeGreaterThan(0);
      }
    }
  });

  it('records edits that are true of the texts (ground truth for diffs)', () => {
    const seen = new Set<string>();
    for (const city of syntheticArchive(seeds, { cities: 40, versions: 20 })) {
      for (let i = 1; i < city.versions.length; i++) {
        const [previous, current] = [city.versions[i - 1]!, city.versions[i]!];
        const headings = (text: string) => text.split('\n').filter((l) => HEADING.test(l) && l.length <= 80);
        for (const edit of current.edits) {
          seen.add(edit.kind);
          expect(edit.substantive).toBe(!EDITORIAL_KINDS.has(edit.kind));
          const where = `${city.slug}@${current.effective} ${edit.kind}`;
          switch (edit.kind) {
            case 'phone':
            case 'person':
            case 'department':
              expect(previous.text, where).toContain(edit.before);
              expect(current.text, where).toContain(edit.after);
              expect(current.text, where).not.toContain(edit.before);
              break;
            case 'period':
            case 'statute':
              expect(current.text, where).toContain(edit.after);
              break;
            case 'article-added':
              expect(headings(current.text).map((h) => h.trim()), where).toContain(edit.article);
              expect(previous.text, where).not.toContain(edit.after);
              break;
            case 'article-removed':
              expect(headings(current.text).map(title), where).not.toContain(title(edit.before!));
              expect(headings(previous.text).map(title), where).toContain(title(edit.before!));
              break;
            case 'effective':
              break;
            default:
              expect(edit.article, where).toBeDefined();
          }
        }
        // Article headings stay numbered 1, 2, 3 … after additions and removals.
        const numbers = headings(current.text).map((h) => Number(HEADING.exec(h)![2]));
        const main = numbers.filter((n, k) => k === 0 || n !== numbers[k - 1]);
        expect(main, `${city.slug}@${current.effective}`).toEqual(main.map((_, k) => k + 1));
      }
    }
    for (const kind of ['phone', 'person', 'department', 'period', 'statute', 'article-added', 'article-removed', 'rebullet', 'middot', 'reflow', 'effective']) expect(seen).toContain(kind);
  });

  it('states each version\'s effective date in the revision article, in the city\'s own style', () => {
    for (const city of syntheticArchive(seeds, { cities: 5, versions: 6 })) {
      const last = city.versions.at(-1)!;
      const [y, m, d] = last.effective.split('-').map(Number) as [number, number, number];
      const pad = (n: number) => String(n).padStart(2, '0');
      switch (city.seed) {
        case 'goyang':
          expect(last.text).toContain(`${y}년 ${pad(m)}월 ${pad(d)}일부터 적용`);
          expect(last.text).toContain(`${city.versions[0]!.effective.replaceAll('-', '. ')}. ~ `);
          break;
        case 'paju':
          expect(last.text).toContain(`${y}년 ${m}월 ${d}일부터 적용`);
          expect(last.text).toContain(`[${y}년 ${m}월 ${d}일 이전 개인정보처리방침 다운로드]`);
          break;
        case 'iksan':
          expect(last.text).toContain(`${y}.${pad(m)}.${pad(d)}일부터 적용`);
          break;
        case 'namyangju':
          expect(last.text).toContain(`변경일자 : ${y}년 ${m}월 ${d}일`);
          break;
        case 'uijeongbu':
          expect(last.text).toContain('게시일부터 적용');
      }
    }
  });
});
