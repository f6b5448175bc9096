/**
 * Reading a pair with one table (SharedBlocks): the second side takes the first side's value for a block
 * of the same text instead of reading it again. What each side reads must be exactly what it reads
 * alone, on every seed and fixture paired with an edited copy of itself, and on fuzzed edits at any
 * line (a block's end is found by scanning, so an edit right at a block's boundary must not fool it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { versionToYaml } from '../../src/domain/yaml.js';
import { fastReadVersion, loadVersionYamlFast, MAX_YAML_BYTES, SharedBlocks } from '../../src/domain/yaml-fast.js';
import { filesIn, ROOT } from '../project-files.js';
import { revisedCopy } from '../revised-copy.js';

const DOCUMENTS = [...filesIn('test/fixtures/seeds', /\.txt$/), ...filesIn('test/parse/fixtures', /\.(txt|html?)$/)];
const versions: [string, PolicyVersion][] = DOCUMENTS.map((file) => [file, parsePolicy(readFileSync(join(ROOT, file)), { sourceFile: file }).version]);
/** Whole policies numbered 제N조 / N조 (revisedCopy renumbers them). */
const policies = versions.filter(([, version]) => version.articles.length >= 7 && version.articles.every((a) => a.label === undefined));

/** Both sides read with one table, each as read alone, and how many of the second side's bodies are the first side's objects. */
function readPair(oldYaml: string, newYaml: string): { shared: [PolicyVersion | null, PolicyVersion | null]; alone: [PolicyVersion | null, PolicyVersion | null]; sharedBodies: number } {
  const table = new SharedBlocks();
  const shared: [PolicyVersion | null, PolicyVersion | null] = [fastReadVersion(oldYaml, { shared: table }), fastReadVersion(newYaml, { shared: table })];
  const alone: [PolicyVersion | null, PolicyVersion | null] = [fastReadVersion(oldYaml), fastReadVersion(newYaml)];
  const oldBodies = new Set(shared[0]?.articles.map((a) => a.body));
  const sharedBodies = shared[1]?.articles.filter((a) => oldBodies.has(a.body)).length ?? 0;
  return { shared, alone, sharedBodies };
}

describe('reading a pair with one table of blocks', () => {
  it('has documents to pair: the seeds and the parse fixtures', () => {
    expect(versions.length).toBeGreaterThanOrEqual(17);
    expect(policies.length).toBeGreaterThanOrEqual(15);
  });

  it.each(policies)('%s and a revised copy: each side as read alone, the unchanged bodies read once', (_name, version) => {
    const revised = revisedCopy(version);
    const { shared, alone, sharedBodies } = readPair(versionToYaml(version), versionToYaml(revised));
    expect(shared[0]).toStrictEqual(alone[0]);
    expect(shared[1]).toStrictEqual(alone[1]);
    expect(shared[1]).toStrictEqual(revised);
    // Every article the revision left alone (all but the edited, the retitled-and-edited and the new one) is one object.
    expect(sharedBodies).toBeGreaterThanOrEqual(revised.articles.length - 3);
  });

  it('a version read against itself is the same objects, and still a valid version of its own', () => {
    const yaml = versionToYaml(versions[0]![1]);
    const { shared, alone } = readPair(yaml, yaml);
    expect(shared[1]).toStrictEqual(alone[1]);
    expect(shared[1]!.articles.every((a, i) => a.body === shared[0]!.articles[i]!.body)).toBe(true);
  });

  it('fuzzed edits on either side, at any line: each side reads as alone (or both defer)', () => {
    const pieces = [' ', '  ', '\t', '#', '-', '- ', ':', ': ', '|', '|-', '"', '가', 'a', '', '      ', '  - text: 가', '    body:', '      - text: |-'];
    const texts = versions.map(([, version]) => versionToYaml(version));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.constantFrom(...pieces), fc.boolean(), fc.boolean(), (text, at, piece, insertLine, editFirst) => {
        const lines = text.split('\n');
        const index = at % lines.length;
        if (insertLine) lines.splice(index, 0, piece);
        else {
          const line = lines[index]!;
          lines[index] = line.slice(0, at % (line.length + 1)) + piece + line.slice(at % (line.length + 1));
        }
        const edited = lines.join('\n');
        const { shared, alone } = editFirst ? readPair(edited, text) : readPair(text, edited);
        expect(shared[0]).toStrictEqual(alone[0]);
        expect(shared[1]).toStrictEqual(alone[1]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the size limit of a version read from its bytes', () => {
  /** 파주's YAML with a provision padded so the file is `bytes` long, `invalid` of them bytes that are not UTF-8 (0xFF). */
  function paddedTo(bytes: number, invalid: number): Buffer {
    const version = policies.find(([name]) => name.includes('003_'))![1];
    const yaml = Buffer.from(versionToYaml({ ...version, preamble: [{ text: 'X' }, ...version.preamble] }), 'utf8');
    const at = yaml.indexOf('text: X\n') + 'text: '.length;
    const padding = Buffer.concat([Buffer.alloc(bytes - yaml.length - invalid, 'a'), Buffer.alloc(invalid, 0xff)]);
    return Buffer.concat([yaml.subarray(0, at), padding, yaml.subarray(at)]);
  }

  it('8 MB of valid UTF-8 exactly: read; one byte more: refused, naming the limit', async () => {
    expect((await loadVersionYamlFast(paddedTo(MAX_YAML_BYTES, 0), 'big.yaml')).slug).toBe('paju');
    await expect(loadVersionYamlFast(paddedTo(MAX_YAML_BYTES + 1, 0), 'big.yaml')).rejects.toThrow('big.yaml이(가) 8 MB보다 커서 방침 파일로 볼 수 없습니다');
  });

  it('bytes under the limit that are not UTF-8: counted as the text they decode to (each a three-byte U+FFFD), as the strict loader counts', async () => {
    const bytes = paddedTo(MAX_YAML_BYTES - 100, 100);
    expect(bytes.length).toBeLessThan(MAX_YAML_BYTES);
    await expect(loadVersionYamlFast(bytes, 'big.yaml')).rejects.toThrow('big.yaml이(가) 8 MB보다 커서 방침 파일로 볼 수 없습니다');
    expect((await loadVersionYamlFast(paddedTo(MAX_YAML_BYTES - 300, 100), 'big.yaml')).preamble[0]!.text).toContain('\ufffd');
  });
});
