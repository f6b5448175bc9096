import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { cell, displayWidth, padToWidth, sanitizeForTerminal, truncateToWidth, wrapToWidth } from '../../src/ui/text.js';
import { splitKeypresses, press } from '../../src/ui/keys.js';
import { plainText, wrapSegments, lineWidth } from '../../src/ui/rich-text.js';

const TITLE = '제5조 정보주체와 법정대리인의 권리·의무 및 행사방법';

describe('display width', () => {
  test('Hangul is two columns; ①, ※, · and … are one, as Ink measures them', () => {
    expect(displayWidth('가')).toBe(2);
    for (const narrow of ['①', '※', '·', '…', '␛']) expect(displayWidth(narrow)).toBe(1);
    // Ink lays out with string-width's defaults; we must agree with it on every character.
    expect(displayWidth(TITLE)).toBe(stringWidth(TITLE));
    expect(displayWidth(TITLE)).toBe(51);
  });

  test('truncation cuts by display width with …, never inside a syllable', () => {
    expect(truncateToWidth(TITLE, 20)).toBe('제5조 정보주체와 법…');
    expect(displayWidth(truncateToWidth(TITLE, 20))).toBe(20);
    // 19 columns: a syllable would straddle the edge, so it is left out whole.
    expect(truncateToWidth(TITLE, 19)).toBe('제5조 정보주체와 …');
    expect(truncateToWidth(TITLE, 51)).toBe(TITLE);
    expect(truncateToWidth(TITLE, 50)).toBe('제5조 정보주체와 법정대리인의 권리·의무 및 행사방…');
    expect(truncateToWidth(TITLE, 49)).toBe('제5조 정보주체와 법정대리인의 권리·의무 및 행사…');
    expect(truncateToWidth(TITLE, 0)).toBe('');
  });

  test('padding makes every cell exactly its width', () => {
    expect(padToWidth('고양특례시', 16)).toBe('고양특례시      ');
    expect(padToWidth('1 / 4', 8, 'right')).toBe('   1 / 4');
    expect(displayWidth(padToWidth(TITLE, 19))).toBe(19);
  });

  test('property: truncate/pad fit any text, any width, and keep a prefix', () => {
    const text = fc.array(fc.constantFrom('가', '나', 'a', ' ', '①', '·', '※', '👍', 'é', '字'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (t, w) => {
        const cut = truncateToWidth(t, w);
        expect(displayWidth(cut)).toBeLessThanOrEqual(w);
        expect(t.startsWith(cut.endsWith('…') && !t.startsWith(cut) ? cut.slice(0, -1) : cut)).toBe(true);
        expect(displayWidth(padToWidth(t, w))).toBe(w);
        for (const line of wrapToWidth(t, w)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
      }),
    );
  });

  test('wrapping breaks between 어절 when it can, inside a word only when it must', () => {
    expect(wrapToWidth('개인정보 보호책임자 및 실무담당자를 지정하고 있습니다.', 20)).toEqual(['개인정보 보호책임자', '및 실무담당자를', '지정하고 있습니다.']);
    expect(wrapToWidth('개인정보보호책임자', 8)).toEqual(['개인정보', '보호책임', '자']);
    expect(wrapToWidth('a\nb', 10)).toEqual(['a', 'b']);
  });

  test('rich segments wrap by width and keep their styles', () => {
    const lines = wrapSegments([{ text: '최소 ' }, { text: '1', tone: 'removed' }, { text: '2', tone: 'added' }, { text: '년 이상 보관 관리하고 있으며' }], 12, 2);
    for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.map(plainText)).toEqual(['최소 12년', '  이상 보관', '  관리하고', '  있으며']);
    expect(lines[0]!.find((s) => s.text === '1')?.tone).toBe('removed');
  });
});

describe('terminal control sequences in policy text', () => {
  test('ESC sequences are shown, not interpreted', () => {
    expect(sanitizeForTerminal('\x1b[31m빨강\x1b[0m')).toBe('␛[31m빨강␛[0m');
    expect(sanitizeForTerminal('\x1b]0;title\x07')).toBe('␛]0;title␇');
    expect(sanitizeForTerminal('a\rb\x00c\x7f')).toBe('a␍b␀c␡');
    expect(sanitizeForTerminal('\u009b2J')).toBe('⟪U+009B⟫2J');
    expect(sanitizeForTerminal('\u202eevil')).toBe('⟪U+202E⟫evil');
    expect(sanitizeForTerminal('셀1\t셀2')).toBe('셀1 셀2');
    expect(sanitizeForTerminal('a\nb')).toBe('a␊b');
    expect(sanitizeForTerminal('a\nb', { keepNewlines: true })).toBe('a\nb');
  });

  test('a sanitised cell contains no control character at all', () => {
    const hostile = '\x1b[2J\x1b[H\x1b[?1049l제1조\x9b31m\x07';
    expect(cell(hostile, 30)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(displayWidth(cell(hostile, 30))).toBe(30);
  });
});

describe('key runs', () => {
  test('a run of typed keys is split into single presses; Enter, Ctrl+U and Esc inside it are keys', () => {
    const presses = splitKeypresses('@2016\r', press());
    expect(presses.map((p) => p.input)).toEqual(['@', '2', '0', '1', '6', '']);
    expect(presses[5]!.key.return).toBe(true);
    const ctrl = splitKeypresses('\x15/tmp', press());
    expect(ctrl[0]).toMatchObject({ input: 'u', key: { ctrl: true } });
    expect(splitKeypresses('q', press())).toEqual([{ input: 'q', key: press() }]);
    expect(splitKeypresses('', press({ upArrow: true }))[0]!.key.upArrow).toBe(true);
  });
});
