/** `report`'s per-pair article list names exactly the substantive changes its count counts (presentation/badges.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { versionToYaml } from '../../src/domain/yaml.js';
import { diffCity } from '../../src/store/batch.js';

const library = readFileSync(new URL('../fixtures/histories/hanbit-library/2018-05-14.txt', import.meta.url), 'utf8');

/** The page with the ■ section `moved` put before the ■ section `before`, text untouched. */
function moveSection(text: string, moved: string, before: string): string {
  const blocks = text.split(/\n(?=■ )/u);
  const from = blocks.findIndex((b) => b.startsWith(`■ ${moved}\n`));
  const [block] = blocks.splice(from, 1);
  blocks.splice(blocks.findIndex((b) => b.startsWith(`■ ${before}\n`)), 0, block!);
  return blocks.join('\n');
}

describe('report: the articles of a pair', () => {
  it('a ■ section moved untouched is listed as the substantive change it is counted as', () => {
    const edited = moveSection(library, '개인정보 열람청구', '개인정보 보호책임자');
    expect(edited).not.toBe(library);
    const yaml = (text: string) => versionToYaml(parsePolicy(text, { slug: 'hanbit-library' }).version);
    const { pairs } = diffCity({ id: 0, slug: 'hanbit-library', versions: [{ tag: 'hanbit-library@2018-05-14', yaml: yaml(library) }, { tag: 'hanbit-library@2025-01-01', yaml: yaml(edited) }] });
    expect(pairs).toHaveLength(1);
    // Two sections trade places: both count as moved, and both are named (before, the count said 2 and the list was empty).
    expect(pairs[0]).toMatchObject({ substantive: 2, modified: 0, renumbered: 0 });
    expect(pairs[0]!.articles).toEqual(['개인정보 열람청구 unchanged', '개인정보 보호책임자 unchanged']);
  });
});
