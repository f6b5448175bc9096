/**
 * The fast reader finds its lines by offset into the text: where a text begins (a BOM) and ends (with
 * or without a final newline, blank lines, an entry cut short) it reads exactly what the strict loader
 * reads, and a line or paragraph separator in a value still sends the text to the strict loader.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlStrict } from '../../src/domain/yaml.js';
import { fastReadYaml } from '../../src/domain/yaml-fast.js';

const strict = (text: string): unknown => parseYamlStrict(text, 'x.yaml').value;

const READ_FAST: [string, string][] = [
  ['a final newline', 'city: 고양특례시\nslug: goyang\n'],
  ['no final newline', 'city: 고양특례시\nslug: goyang'],
  ['a BOM', '\ufeffcity: 고양특례시\nslug: goyang\n'],
  ['blank lines at the end', 'city: 고양특례시\n\n  \n\n'],
  ['a key with no value, last', 'city: 고양특례시\nrevision:'],
  ['a literal block, last, without a newline', 'preamble:\n  - text: |-\n      첫째 줄\n\n      둘째 줄'],
  ['a literal block kept with its blank lines', 'text: |+\n  첫째 줄\n\n\nnext: x\n'],
  ['a kept literal block, last, with its final newline', 'text: |+\n  줄\n'],
  ['a kept literal block, last, with blank lines after it', 'text: |+\n  줄\n\n'],
  ['a sequence entry alone on the last line', 'items:\n  -'],
  ['nested entries ending the text', 'articles:\n  - number: 1\n    body:\n      - marker: "1."\n        text: 목적'],
];

describe('the fast reader at the edges of a text', () => {
  it.each(READ_FAST)('reads %s as the strict loader does', (_name, text) => {
    const fast = fastReadYaml(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(strict(text));
  });

  it('reads nothing from an empty text or a BOM alone, as the strict loader reads null', () => {
    for (const text of ['', '\ufeff', '\n']) expect([null, strict(text)]).toContainEqual(fastReadYaml(text));
  });

  it('defers a plain value holding a line or paragraph separator, and reads one inside quotes', () => {
    expect(fastReadYaml('title: 개인정보\u2028처리방침\nslug: x\n')).toBeNull();
    expect(fastReadYaml('slug: x\ntitle: 개인정보\u2029처리방침\n')).toBeNull();
    const quoted = 'title: "개인정보\\L처리방침"\nslug: x\n';
    expect(fastReadYaml(quoted)).toEqual(strict(quoted));
    expect(fastReadYaml('title: 개인정보 처리방침\nnote: |-\n  줄\u2028바꿈\n')).toEqual(strict('title: 개인정보 처리방침\nnote: |-\n  줄\u2028바꿈\n'));
  });
});
