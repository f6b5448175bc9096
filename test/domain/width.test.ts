import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../../src/domain/presentation/width.js';
import { seedText, SEED_SLUGS } from '../seeds.js';

describe('displayWidth measures as string-width (and so as Ink) does', () => {
  it('on every character of the Basic Multilingual Plane, one at a time', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (displayWidth(char) !== stringWidth(char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('on the five seeds, line by line', () => {
    for (const slug of SEED_SLUGS) for (const line of seedText(slug).split('\n')) expect(displayWidth(line), `${slug}: ${line}`).toBe(stringWidth(line));
  });

  it('on text mixing Hangul with what joins characters: marks, jamo, emoji, ZWJ, variation selectors, colours, escapes', () => {
    const pieces = [
      '가', '힣', 'a', ' ', '\t', '\r\n', '①', '·', 'ㆍ', '「', '漢', '（', 'é', '¼', 'ㄱ',
      '\u0301', '\u20dd', '\u1100', '\u1161', '\u11a8', '\u200d', '\ufe0f', '\u200b', '\u00ad', '\u3164',
      '👍', '👩‍💻', '🇰🇷', '1\u20e3', '☎', '▶', '\ud800',
      '\x1b[31m', '\x1b[0m', '\x1b[1;38;5;214m', '\x1b[m', '\x1b[12345m', '\x1b[;1m', '\x1b]0;title\x07', '\x1b', '\u009b31m',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wrapToWidth', () => {
  it('indents continuation lines by the hanging indent, the first line not', () => {
    expect(wrapToWidth('1. 개인정보 보호책임자 및 실무담당자를 지정하고 있습니다.', 20, '   ')).toEqual(['1. 개인정보', '   보호책임자 및', '   실무담당자를', '   지정하고', '   있습니다.']);
  });

  it('breaks a word wider than the line between syllables, and every line fits', () => {
    const lines = wrapToWidth('개인정보보호책임자의연락처는다음과같습니다', 10, '  ');
    expect(lines).toEqual(['개인정보보', '  호책임자', '  의연락처', '  는다음과', '  같습니다']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10);
  });
});
