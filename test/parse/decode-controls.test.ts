/**
 * Control characters in a page with characters outside the Basic Multilingual Plane (emoji, old Hangul
 * syllables written as surrogate pairs): each control is counted and removed once, the characters
 * around it kept whole, and a page that is mostly controls is refused as binary.
 */
import { describe, expect, it } from 'vitest';
import { assertTextual, normaliseText } from '../../src/domain/parse/decode.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { seedText } from '../seeds.js';

describe('control characters among surrogate pairs', () => {
  it('removes each control once and keeps the emoji beside it', () => {
    const text = ['제1조(목적) 😀\u0007😀 이 방침은 …', '𝐀\u0001\u0002𝐁', '둘째 줄 \u{20000}\u009f끝'].join('\n');
    const normalised = normaliseText(text);
    expect(normalised.lines).toEqual(['제1조(목적) 😀😀 이 방침은 …', '𝐀𝐁', '둘째 줄 \u{20000}끝']);
    expect(normalised.strippedCount).toBe(4);
    expect(normalised.strippedLines).toEqual([1, 2, 3]);
  });

  it('reports the controls removed from a real page in its warning', () => {
    const lines = seedText('goyang').split('\n');
    lines[3] = `😀\u0007${lines[3]}\u0008😀`;
    const { report } = parsePolicy(new TextEncoder().encode(lines.join('\n')), { sourceFile: 'goyang.txt' });
    expect(report.warnings.map((w) => w.message)).toContain('4행에서 터미널 제어 문자나 이스케이프 시퀀스 2개를 지웠습니다');
  });

  it('refuses a text of controls and emoji as binary, and lets a few controls among emoji pass', () => {
    expect(() => assertTextual('😀\u0001'.repeat(20), 'x.txt')).toThrow('제어 문자가 20개 있습니다');
    expect(() => assertTextual(`${'😀'.repeat(200)}${'\u0001'.repeat(9)}`, 'x.txt')).not.toThrow();
  });
});
