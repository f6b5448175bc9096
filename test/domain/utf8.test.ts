/**
 * decodeUtf8 is Buffer.toString('utf8'), faster: the same string for every input, valid or not (the
 * readers rely on U+FFFD for a broken sequence), and the parser's UTF-8 reading is the WHATWG decoder's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePolicyBytes } from '../../src/domain/parse/index.js';
import { decodeUtf8, decodeValidUtf8 } from '../../src/domain/utf8.js';
import { filesIn, ROOT } from '../project-files.js';

/** Every policy file the project holds: YAML versions and ledgers, seeds, parse fixtures (UTF-8, EUC-KR, BOM, NFD, HTML). */
const FILES = [
  ...filesIn('policies', /\.ya?ml$/),
  ...filesIn('history', /\.ya?ml$/),
  ...filesIn('test', /\.ya?ml$/),
  ...filesIn('test/fixtures/seeds', /\.txt$/),
  ...filesIn('test/parse/fixtures', /\.(txt|html?)$/),
  ...filesIn('test/store/fixtures', /\.txt$/),
];

const bytes = (...values: number[]): Buffer => Buffer.from(values);
const BOM = [0xef, 0xbb, 0xbf];
const HANGUL = [...Buffer.from('개인정보 처리방침')];

/** Byte strings at the edges of UTF-8: each named for what it holds. */
const EDGES: [string, Buffer][] = [
  ['empty', bytes()],
  ['ASCII only', Buffer.from('city: x\nslug: y\n')],
  ['a BOM', bytes(...BOM, ...HANGUL)],
  ['a BOM alone', bytes(...BOM)],
  ['two BOMs', bytes(...BOM, ...BOM, 0x41)],
  ['a BOM in the middle', bytes(...HANGUL, ...BOM, ...HANGUL)],
  ['a surrogate pair (emoji)', Buffer.from('가 😀 나')],
  ['an encoded lone surrogate', bytes(...HANGUL, 0xed, 0xa0, 0x80)],
  ['a truncated Hangul syllable at the end', bytes(...HANGUL, 0xea, 0xb0)],
  ['a truncated four-byte sequence', bytes(0xf0, 0x9f, 0x98, ...HANGUL)],
  ['an overlong slash', bytes(0x41, 0xc0, 0xaf, ...HANGUL)],
  ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80, ...HANGUL)],
  ['a lone continuation byte', bytes(...HANGUL, 0x80, ...HANGUL)],
  ['bytes no UTF-8 allows', bytes(0xfe, 0xff, ...HANGUL)],
  ['EUC-KR Hangul', bytes(0xb0, 0xb3, 0xc0, 0xce, 0xc1, 0xa4, 0xba, 0xb8)],
  ['NUL and controls', bytes(0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, ...HANGUL)],
];

/** The WHATWG decoder the parser read UTF-8 with: null where it refuses the bytes. */
function whatwgUtf8(input: Uint8Array, options: { ignoreBOM: boolean }): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: options.ignoreBOM }).decode(input);
  } catch {
    return null;
  }
}

/** Valid Hangul, ASCII and emoji text with stray bytes, BOMs and cut sequences among it. */
const mixedBytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom('가', '힣', '제', '조', ' ', '\n', 'a', ':', '😀', '\u00a0', '\u3000') }).map((s) => [...Buffer.from(s)]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }),
      fc.constant(BOM),
    ),
    { maxLength: 20 },
  )
  .map((parts) => Buffer.from(parts.flat()));

describe('decodeUtf8', () => {
  it.each(FILES)('gives what toString gives for %s', (file) => {
    const content = readFileSync(join(ROOT, file));
    expect(decodeUtf8(content)).toBe(content.toString('utf8'));
  });

  it.each(EDGES)('gives what toString gives for %s', (_name, input) => {
    expect(decodeUtf8(input)).toBe(input.toString('utf8'));
  });

  it('gives what toString gives for a view into a larger buffer and for a plain Uint8Array', () => {
    const whole = Buffer.from('앞부분 개인정보 처리방침 뒷부분');
    const view = whole.subarray(Buffer.byteLength('앞부분 '), whole.length - Buffer.byteLength(' 뒷부분'));
    expect(decodeUtf8(view)).toBe('개인정보 처리방침');
    expect(decodeUtf8(new TextEncoder().encode('제1조(목적) 😀'))).toBe('제1조(목적) 😀');
  });

  it('gives what toString gives for fuzzed bytes', () => {
    fc.assert(fc.property(mixedBytes, (input) => decodeUtf8(input) === input.toString('utf8')), { numRuns: 2000 });
  });

  it('answers text exactly for the bytes the WHATWG decoder accepts (a BOM kept)', () => {
    for (const [, input] of EDGES) expect(decodeValidUtf8(input)).toBe(whatwgUtf8(input, { ignoreBOM: true }));
    fc.assert(fc.property(mixedBytes, (input) => decodeValidUtf8(input) === whatwgUtf8(input, { ignoreBOM: true })), { numRuns: 2000 });
  });
});

describe('the parser reading UTF-8', () => {
  it('reads the text the WHATWG decoder read after the BOM, a second BOM dropped too', () => {
    const check = (input: Buffer): void => {
      const body = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
      const expected = whatwgUtf8(body, { ignoreBOM: false });
      if (expected === null || body.includes(0)) return;
      expect(decodePolicyBytes(input).text).toBe(expected);
    };
    for (const [, input] of EDGES) check(input);
    for (const file of FILES) check(readFileSync(join(ROOT, file)));
    // Without controls, which decide nothing about UTF-8 and would make a fuzzed text read as binary.
    fc.assert(fc.property(mixedBytes.map((input) => Buffer.from(input.filter((b) => b >= 0x20 || b === 0x0a))), (input) => (check(input), true)), { numRuns: 1000 });
  });

  it('names the encoding it read: EUC-KR for a CP949 page, UTF-8 with or without a BOM', () => {
    expect(decodePolicyBytes(readFileSync(join(ROOT, 'test/parse/fixtures/iksan-euc-kr.txt'))).encoding).toBe('euc-kr');
    expect(decodePolicyBytes(bytes(...BOM, ...BOM, ...HANGUL))).toEqual({ text: '개인정보 처리방침', encoding: 'utf-8' });
    expect(decodePolicyBytes(bytes(...HANGUL))).toEqual({ text: '개인정보 처리방침', encoding: 'utf-8' });
  });
});
