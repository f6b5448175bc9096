/**
 * The five real seeds, parsed by the real parser, and text-level edits of them: the diff is tested
 * on what the parser makes of edited text, so both see real input.
 */
import { parsePolicy } from '../../src/domain/parse/index.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { SEED_SLUGS, seedFile, seedText, type SeedSlug } from '../seeds.js';

export { seedText };

export const SEED_NAMES = SEED_SLUGS;
export type SeedName = SeedSlug;
/** Absolute paths, in SEED_NAMES order. */
export const SEED_FILES = SEED_NAMES.map(seedFile);

export function parse(text: string): PolicyVersion {
  return parsePolicy(text).version;
}

const parsedSeeds = new Map<SeedName, PolicyVersion>();
export function seedVersion(name: SeedName): PolicyVersion {
  let version = parsedSeeds.get(name);
  if (!version) {
    version = parse(seedText(name));
    parsedSeeds.set(name, version);
  }
  return structuredClone(version);
}

const HEADING = /^(\s*)(제)?(\d+)조(의\d+)?(\.?)(\s*)(.*)$/u;

/** Line indices of the article headings of `text`, in article order, found with the parser's titles. */
export function headingLines(text: string): number[] {
  const version = parse(text);
  const lines = text.split('\n');
  const found: number[] = [];
  let from = 0;
  for (const article of version.articles) {
    for (let i = from; i < lines.length; i++) {
      const match = HEADING.exec(lines[i]!);
      if (match && Number(match[3]) === article.number && lines[i]!.includes(article.title.slice(0, 4))) {
        found.push(i);
        from = i + 1;
        break;
      }
    }
  }
  if (found.length !== version.articles.length) throw new Error(`found ${found.length} of ${version.articles.length} headings`);
  return found;
}

/** Rewrites a heading line's number. */
function renumberHeading(line: string, delta: number): string {
  return line.replace(HEADING, (_all, indent: string, je: string | undefined, n: string, branch: string | undefined, dot: string, space: string, rest: string) =>
    `${indent}${je ?? ''}${Number(n) + delta}조${branch ?? ''}${dot}${space}${rest}`,
  );
}

/** Deletes the k-th article (0-based) and renumbers the later headings. */
export function deleteArticle(text: string, k: number): string {
  const lines = text.split('\n');
  const heads = headingLines(text);
  const start = heads[k]!;
  const end = heads[k + 1] ?? lines.length;
  const out = [...lines.slice(0, start), ...lines.slice(end)];
  const removed = end - start;
  for (const h of heads.slice(k + 1)) out[h - removed] = renumberHeading(out[h - removed]!, -1);
  return out.join('\n');
}

/** Renumbers every heading from the k-th article on by `delta`. */
export function renumberFrom(text: string, k: number, delta: number): string {
  const lines = text.split('\n');
  for (const h of headingLines(text).slice(k)) lines[h] = renumberHeading(lines[h]!, delta);
  return lines.join('\n');
}

/** Moves the k-th article (0-based) to position `to`, every heading renumbered in the new order. */
export function moveArticle(text: string, k: number, to: number): string {
  const lines = text.split('\n');
  const heads = headingLines(text);
  const blocks = heads.map((start, i) => lines.slice(start, heads[i + 1] ?? lines.length));
  blocks.splice(to, 0, ...blocks.splice(k, 1));
  blocks.forEach((block, i) => (block[0] = block[0]!.replace(/제\d+조/u, `제${i + 1}조`)));
  return [...lines.slice(0, heads[0]), ...blocks.flat()].join('\n');
}

/** Replaces exactly one occurrence of `from`; fails loudly when the seed does not contain it once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// ---- cosmetic rewrites: what an editor (or a different page extraction) does without changing meaning

/** • → -, ○ → · at the start of list lines. */
export function rebullet(text: string): string {
  return text.replace(/^(\s*)•(?=\s)/gmu, '$1-').replace(/^(\s*)○/gmu, '$1·');
}

/** Doubles some spaces, adds trailing spaces: spacing that means nothing. */
export function respace(text: string): string {
  let count = 0;
  return text
    .split('\n')
    .map((line) => line.replace(/(?<=[가-힣,]) (?=[가-힣])/gu, () => (count++ % 3 === 0 ? '  ' : ' ')) + (line.trim() === '' ? '' : ' '))
    .join('\n');
}

/** · → ㆍ, "…" → “…”, ' → ’. */
export function lookalikes(text: string): string {
  let open = true;
  return text
    .replace(/·/gu, 'ㆍ')
    .replace(/"/gu, () => {
      const quote = open ? '“' : '”';
      open = !open;
      return quote;
    });
}

const STARTS_STRUCTURE = /^\s*(?:제?\d+조|[-•○·▶※■o]\s|\d+\.|[가-하]\.|[①-⑳]|\(|\[|\d)/u;

/**
 * Reflows: long sentence lines are broken in two at a space, and a continuation line is joined to the
 * line before. Never touches headings, list starts or table rows, which carry structure.
 */
export function reflow(text: string, headings: readonly number[]): string {
  const headingSet = new Set(headings);
  const lines = text.split('\n');
  const out: string[] = [];
  let joins = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (headingSet.has(i) || line.includes('\t')) {
      out.push(line);
      return;
    }
    // Join a continuation line onto this one (every other chance): lines joined differently.
    const joinable = (l: string | undefined, at: number): l is string =>
      l !== undefined && l.trim() !== '' && !headingSet.has(at) && !l.includes('\t') && !STARTS_STRUCTURE.test(l);
    if (line.trim() !== '' && joinable(next, i + 1) && joins++ % 2 === 0) {
      lines[i + 1] = `${line.trimEnd()} ${next.trim()}`;
      return;
    }
    if (line.length > 70 && /다[.]?\s*$/u.test(line)) {
      // Break after the space nearest the middle, unless the second half would look like structure.
      const middle = line.indexOf(' ', Math.floor(line.length / 2));
      const tail = line.slice(middle + 1);
      if (middle > 0 && !STARTS_STRUCTURE.test(tail)) {
        const indent = /^\s*/u.exec(line)![0];
        out.push(line.slice(0, middle), indent + tail);
        return;
      }
    }
    out.push(line);
  });
  return out.join('\n');
}

/** 제1조 X ↔ 제1조 (X) ↔ 제1조. X, alternating over the articles. */
export function restyleHeadings(text: string, headings: readonly number[]): string {
  const lines = text.split('\n');
  headings.forEach((h, k) => {
    const match = HEADING.exec(lines[h]!);
    if (!match) return;
    const [, indent, , n, branch = ''] = match;
    const title = match[7]!.replace(/^\(\s*(.*?)\s*\)\s*$/u, '$1').trim();
    lines[h] = k % 2 === 0 ? `${indent}제${n}조${branch} (${title})` : `${indent}제${n}조${branch}. ${title}`;
  });
  return lines.join('\n');
}

/** Every cosmetic rewrite at once. */
export function cosmetic(text: string): string {
  const headings = headingLines(text);
  // Headings first (line numbers are still valid), reflow before anything changes line count.
  const restyled = restyleHeadings(text, headings);
  return lookalikes(respace(rebullet(reflow(restyled, headings))));
}
