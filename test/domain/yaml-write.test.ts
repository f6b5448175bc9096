/**
 * The two YAML writers write the same bytes. The fast writer (yaml-write.ts, what `bangchim show`
 * prints with, without loading the yaml package) must give exactly versionToYaml's text (yaml.ts,
 * through the package), or give up and let the package write: on every version the project holds (the
 * bundled sample, every parsed fixture and seed, the long synthetic pages and their revisions) and on
 * fuzzed versions whose strings are hostile (leading and trailing spaces, `#`, `: `, quotes, tabs, CRLF,
 * Unicode spaces, empty strings, strings that read as numbers or booleans, `- `, `|`, very long lines,
 * bidi controls). writeVersionYaml, the one rule that chooses between them, always gives the package's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clause, PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { orderedVersion } from '../../src/domain/yaml-order.js';
import { fastYaml, writeVersionYaml } from '../../src/domain/yaml-write.js';
import { longPage, revise } from '../diff/long-pages.js';
import { seedVersion } from '../diff/seeds.js';
import { filesIn, ROOT } from '../project-files.js';


/** Every document under test/ the parser reads (seeds, parse and store fixtures, the histories' pages). */
const DOCUMENTS = filesIn('test', /\.(txt|html?)$/).filter((file) => !file.includes('/fixtures/seeds/') || file.endsWith('.txt'));

function parsed(file: string): PolicyVersion | undefined {
  try {
    return parsePolicy(readFileSync(join(ROOT, file)), { sourceFile: file }).version;
  } catch {
    // Some fixtures are pages the parser refuses (tests of its errors): no version to write.
    return undefined;
  }
}

const long = longPage(seedVersion('goyang'), 1200);
const versions: [string, PolicyVersion][] = [
  ...filesIn('policies', /\.ya?ml$/).map((file): [string, PolicyVersion] => [file, loadVersionYaml(readFileSync(join(ROOT, file), 'utf8'), file)]),
  ...DOCUMENTS.flatMap((file): [string, PolicyVersion][] => {
    const version = parsed(file);
    return version ? [[`${file} (parsed)`, version]] : [];
  }),
  ['long page of 1,200 articles (고양)', long],
  ['its revision', revise(long).version],
  ['long page of 300 articles (파주)', longPage(seedVersion('paju'), 300)],
];

/** The fast writer's text equals the package's, or it defers; writeVersionYaml is always the package's text. */
async function expectSameBytes(version: PolicyVersion): Promise<'fast' | 'deferred'> {
  const reference = versionToYaml(version);
  const fast = fastYaml(orderedVersion(version));
  if (fast !== null) expect(fast, 'the fast writer differs from the yaml package').toBe(reference);
  expect(await writeVersionYaml(version)).toBe(reference);
  return fast === null ? 'deferred' : 'fast';
}

describe('the fast and the yaml package writer', () => {
  it('has versions to compare: the sample, every parsed fixture, the seeds, long pages', () => {
    expect(versions.length).toBeGreaterThanOrEqual(40);
    expect(versions.filter(([name]) => name.includes('/fixtures/seeds/'))).toHaveLength(5);
  });

  it.each(versions)('%s: written fast, byte for byte as the yaml package writes it', async (_name, version) => {
    expect(await expectSameBytes(version)).toBe('fast');
  });

  it('strings that cannot be plain are quoted as the package quotes them; those it writes with escapes or on several lines defer', async () => {
    const version = structuredClone(seedVersion('iksan'));
    const fast: string[] = [];
    for (const text of HOSTILE) {
      version.title = text;
      version.articles[0]!.body[0] = { marker: text, text };
      if ((await expectSameBytes(version)) === 'fast') fast.push(text);
    }
    // Most hostile one-liners are written by the fast writer itself (quoted, or plain where the package leaves them plain).
    expect(fast).toEqual(expect.arrayContaining(['', ' 앞 공백', '뒤 공백 ', '# 주석처럼', '전화: 031', "'홑'", '"겹"', '\t탭', '12', '1.5', 'yes', 'null', '~', 'true', '- 항목', '| 막대', '\u3000전각 공백', '\u202e뒤집기']));
    // A line break or a control character: the package's double-quoted escapes or blocks, so the package writes.
    for (const text of ['첫 줄\n둘째 줄', '줄 끝\r\n', '\u0007종', '---\n문서']) {
      version.title = text;
      expect(fastYaml(orderedVersion(version))).toBeNull();
      expect(await writeVersionYaml(version)).toBe(versionToYaml(version));
    }
  });

  it('a row shared by two clauses (the package would write an anchor and an alias) is left to the package', async () => {
    const version = structuredClone(seedVersion('paju'));
    const row = ['구분', '내용'];
    version.articles[0]!.body = [{ row }, { row }];
    expect(versionToYaml(version)).toContain('*a1');
    expect(await expectSameBytes(version)).toBe('deferred');
  });

  it('fuzzed versions: every string hostile, the writers agree byte for byte or the fast one defers', async () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
    const hostile = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SMALL), fc.array(hostile, { minLength: 1, maxLength: 12 }), async (base, texts) => {
        const version = structuredClone(base);
        let next = 0;
        const take = () => texts[next++ % texts.length]!;
        version.title = take();
        version.city = take();
        const rewrite = (clauses: Clause[]) => {
          for (const clause of clauses) {
            if (clause.marker !== undefined) clause.marker = take();
            if (clause.text !== undefined) clause.text = take();
            if (clause.row) clause.row = clause.row.map(take);
            rewrite(clause.children ?? []);
          }
        };
        rewrite(version.preamble);
        for (const article of version.articles) {
          article.title = take();
          rewrite(article.body);
        }
        for (const section of version.appendix) {
          section.title = take();
          rewrite(section.body);
        }
        if (version.revision?.effectiveText !== undefined) version.revision.effectiveText = take();
        for (const earlier of version.revision?.earlier ?? []) earlier.text = take();
        runs++;
        if ((await expectSameBytes(version)) === 'fast') fast++;
      }),
      { numRuns: 300 },
    );
    // The fuzz must exercise the fast writer, not only its deferring.
    expect(fast).toBeGreaterThan(runs / 4);
  });
});

/** Strings a page can hold that YAML treats specially. */
const HOSTILE = [
  '', ' ', ' 앞 공백', '뒤 공백 ', '# 주석처럼', '값 #주석', '전화: 031', '끝에 콜론:', "'홑'", '"겹"', `"섞임'`, "it's", '\t탭', '탭\t', '가\t나',
  '12', '-3', '0x1F', '0o17', '1.5', '.5', '1e3', '.inf', '.NaN', 'yes', 'no', 'null', 'Null', '~', 'true', 'FALSE', 'on', 'off',
  '- 항목', '-', '?', '? 물음', '| 막대', '|-', '> 접기', '&앵커', '*별칭', '!태그', '%지시', '@골뱅이', '`틱', '{중괄호}', '[대괄호]', ',쉼표',
  '\u3000전각 공백', '전각 공백\u3000', '\u00a0줄바꿈 없는 공백', '\ufeff바이트 순서', '\u2028줄 구분', '\u202e뒤집기', '가\u2066격리\u2069나', '\u200b폭 없음',
  `${'아주 긴 문장입니다 '.repeat(40)}끝`, `${'가'.repeat(500)}`, `${'긴 줄 # 과 : 이 섞인 문장 '.repeat(10)}끝`, ` ${'앞 공백 있는 긴 문장 '.repeat(5)}`,
  `${'뒤 공백 있는 긴 문장 '.repeat(5)}`, '...', '---', '--- 문서', '... 끝', '%YAML', 'a: b', 'key:value', '😀 이모지', '\ud83d',
];
const PIECES = [' ', '  ', '\t', '#', ' #', '\t#', ':', ': ', '- ', '-', '|', '>', "'", '"', '\r', '\r\n', '\n', '\u3000', '\u00a0', '\u2028', '\u0085', '\u202e', '\u2066', '\ufeff',
  'yes', 'no', 'null', '~', 'true', '12', '0x1', '1.5', '.inf', '---', '...', '%', '가', '고양시', 'a', '{}', '[]', '&a', '*a', '!', '`', '@', ',', '?', '긴 문장 '.repeat(12)];

/** Small versions to fuzz: each seed's first articles, so one run rewrites every string of a whole version. */
const SMALL: PolicyVersion[] = (['goyang', 'paju', 'iksan', 'namyangju', 'uijeongbu'] as const).map((slug) => {
  const seed = seedVersion(slug);
  return { ...seed, articles: seed.articles.slice(0, 4), appendix: seed.appendix.slice(0, 1) };
});
