/**
 * The two YAML readers give one answer. The fast reader (yaml-fast.ts, used by report and verify on
 * thousands of archived versions) must return exactly what the strict loader (yaml.ts) returns, or
 * return null and let the strict loader decide, on every YAML the project holds, on every version
 * parsed from a fixture, and on fuzzed edits of them: tabs before `#`, CRLF line ends, lines of only
 * Unicode spaces, stray quotes and markers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadVersionYaml, parseYamlStrict, readVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { fastReadYaml } from '../../src/domain/yaml-fast.js';
import { filesIn, ROOT } from '../project-files.js';


/** Every YAML file the project holds (the bundled sample's versions and ledgers, test fixtures). */
const YAML_FILES = [...filesIn('policies', /\.ya?ml$/), ...filesIn('history', /\.ya?ml$/), ...filesIn('test', /\.ya?ml$/)];
/** Every document a parse test reads: the seeds, the parse fixtures (text and HTML), the store's EUC-KR page. */
const DOCUMENTS = [...filesIn('test/fixtures/seeds', /\.txt$/), ...filesIn('test/parse/fixtures', /\.(txt|html?)$/), ...filesIn('test/store/fixtures', /\.txt$/)];

const fixtures: [string, string][] = [
  ...YAML_FILES.map((file): [string, string] => [file, readFileSync(join(ROOT, file), 'utf8')]),
  ...DOCUMENTS.map((file): [string, string] => [`${file} (parsed)`, versionToYaml(parsePolicy(readFileSync(join(ROOT, file)), { sourceFile: file }).version)]),
];

type Answer = { value: unknown } | { error: string };

function strictly(text: string): Answer {
  try {
    return { value: parseYamlStrict(text, 'x.yaml').value };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The fast reader agrees with the strict one, or defers; it never accepts what the strict one refuses. */
function expectAgreement(text: string): 'fast' | 'deferred' {
  const fast = fastReadYaml(text);
  if (fast === null) return 'deferred';
  const strict = strictly(text);
  expect(strict, `the fast reader accepted YAML the strict loader refuses:\n${JSON.stringify(text)}`).toHaveProperty('value');
  expect(fast, `the readers disagree on:\n${JSON.stringify(text)}`).toEqual((strict as { value: unknown }).value);
  return 'fast';
}

/** readVersionYaml is loadVersionYaml, faster: the same version, or the same error. */
function expectSameVersion(text: string): void {
  let strict: unknown;
  try {
    strict = loadVersionYaml(text, 'x.yaml');
  } catch (error) {
    expect(() => readVersionYaml(text, 'x.yaml')).toThrow((error as Error).message);
    return;
  }
  expect(readVersionYaml(text, 'x.yaml')).toEqual(strict);
}

describe('the fast and the strict YAML reader', () => {
  it('has fixtures to compare: the sample, the parse fixtures and the seeds', () => {
    expect(YAML_FILES.length).toBeGreaterThanOrEqual(10);
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(17);
  });

  it.each(fixtures)('%s: read fast, and exactly as the strict loader reads it', (_name, text) => {
    expect(expectAgreement(text)).toBe('fast');
    if (!_name.startsWith('history/')) expectSameVersion(text);
  });

  it.each(fixtures)('%s with CRLF line ends: the same value (literal blocks included), or deferred', (_name, text) => {
    expectAgreement(text.replace(/\n/g, '\r\n'));
    expectAgreement(text.replace(/\n/g, '\r'));
  });

  it('a tab before # starts a comment, after a plain value as after a space', () => {
    const text = 'city: 고양특례시\ttitle\t# a comment\nslug: goyang\t#\n';
    expectAgreement(text);
    expectAgreement('city: 고양\t# 주석\n');
    expect(strictly('city: 고양\t# 주석\n')).toEqual({ value: { city: '고양' } });
  });

  it('a line of only Unicode spaces (U+3000, U+00A0 …) is content, not a blank line', () => {
    for (const space of ['\u3000', '\u00a0', '\u2003', '\ufeff', '\u3000\u3000 ']) {
      expectAgreement(`text: |-\n  첫째 줄\n${space}\n  둘째 줄\n`);
      expectAgreement(`text: |-\n  첫째 줄\n  ${space}\n  둘째 줄\n`);
      expectAgreement(`a: 1\n${space}\nb: 2\n`);
      expectAgreement(`list:\n- 하나\n${space}\n- 둘\n`);
    }
  });

  it('block literals: every header (indentation indicator, chomping, trailing blanks) on one line, many, empty and space-only lines', () => {
    const headers = ['|', '|-', '|+', '|2', '|2-', '|1+', '|-  ', '|+\t', '|9', '|-2', '|x', '|--'];
    const bodies = [
      ['  한 줄'],
      ['  첫째 줄', '  둘째 줄'],
      ['  첫째 줄', '', '  셋째 줄'],
      ['  끝에 빈 줄', '', ''],
      ['', '  앞에 빈 줄'],
      ['    ', '  공백 줄 뒤'],
      ['  더 들여쓴', '    둘째 줄'],
      ['    깊게', '  얕게'],
      ['  공백만 남는 줄', '      ', '  다음'],
      [],
      [''],
    ];
    let fast = 0;
    for (const header of headers) {
      for (const body of bodies) {
        for (const after of ['', 'next: 다음\n']) {
          if (expectAgreement(`text: ${header}\n${body.map((line) => `${line}\n`).join('')}${after}`) === 'fast') fast++;
          if (expectAgreement(`list:\n  - ${header}\n${body.map((line) => `  ${line}\n`).join('')}${after}`) === 'fast') fast++;
        }
      }
    }
    // The writer's own headers are read fast, not deferred.
    expect(fastReadYaml('text: |-\n  한 줄\n')).toEqual({ text: '한 줄' });
    expect(fastReadYaml('text: |\n  첫째 줄\n\n  셋째 줄\n\n')).toEqual({ text: '첫째 줄\n\n셋째 줄\n' });
    expect(fast).toBeGreaterThan(headers.length * bodies.length);
  });

  it('CRLF inside a literal block is a line break, not text', () => {
    expectAgreement('text: |-\r\n  첫째 줄\r\n  둘째 줄\r\nnext: x\r\n');
    expectAgreement('text: |\r\n  첫째 줄\r\n\r\n  둘째 줄\r\n');
    // CRLF only inside the block (a hand edit in a Windows editor), the block last in its file.
    expectAgreement('text: |-\n  첫째 줄\r\n  둘째 줄\r\n');
    expectAgreement('rows:\n  - |-\n    첫째 줄\r\n    둘째 줄\r\n');
    expect(strictly('text: |-\n  첫째 줄\r\n  둘째 줄\r\n')).toEqual({ value: { text: '첫째 줄\n둘째 줄' } });
  });

  it('fuzzed lines inserted into every fixture: the readers agree or the fast one defers', () => {
    const pieces = [' ', '  ', '\t', '#', ' #', '\t#', '\u3000', '\u00a0', '\r', '\r\n', '-', '- ', ':', ': ', '|', '|-', '"', "'", '가', 'a', '\ufeff', '\u2028', '\u0085', '{}', '[]', '!', '&a', '*a', '---', '...', '%'];
    const nasty = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), nasty, fc.boolean(), ([, text], at, piece, insertLine) => {
        const lines = text.split('\n');
        const index = at % lines.length;
        if (insertLine) lines.splice(index, 0, piece);
        else {
          const line = lines[index]!;
          const column = line.length === 0 ? 0 : at % (line.length + 1);
          lines[index] = line.slice(0, column) + piece + line.slice(column);
        }
        const edited = lines.join('\n');
        expectAgreement(edited);
      }),
      { numRuns: 1500 },
    );
  });

  it('versions with hostile strings, written by versionToYaml: read fast, exactly as strictly', () => {
    const base = parsePolicy(readFileSync(join(ROOT, DOCUMENTS[0]!)), { sourceFile: DOCUMENTS[0]! }).version;
    const hostile = fc.string({ unit: fc.constantFrom(' ', '\t', '#', '\u3000', '\u00a0', '\r', '\n', '-', ':', '|', '"', "'", '\\', '가', 'a', '1', '\ufeff', '\u2028', '\u0085', '\u202e', '\x1b', '~', '!', '&', '*', '[', '{', '%', '@', '`'), maxLength: 80 });
    let fast = 0;
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, text, marker) => {
        const version = { ...base, title, preamble: [{ marker, text }, ...base.preamble] };
        const yaml = versionToYaml(version);
        if (expectAgreement(yaml) === 'fast') fast++;
        expectSameVersion(yaml);
      }),
      { numRuns: 400 },
    );
    // About half of these are deferred (mostly plain scalars that begin or end with U+3000, U+FEFF … which the fast
    // reader leaves to the strict one); every real policy is read fast (the fixtures above).
    expect(fast).toBeGreaterThan(160);
  });
});
