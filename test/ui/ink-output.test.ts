/**
 * The bundle draws with src/ui/ink-output.ts in place of Ink's own screen buffer: every frame must come
 * out byte for byte as Ink's would, for the text the screens draw (Hangul, box drawing, colours, wide
 * and narrow symbols, clipped boxes) and for text the shortcuts do not take (combining marks, emoji,
 * links), which goes through Ink's own steps.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import InkOutput from '../../node_modules/ink/build/output.js';
import Output from '../../src/ui/ink-output.js';

type Transformer = (line: string, index: number) => string;
type Clip = { x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined };
type Step = { write: [number, number, string, Transformer[]] } | { clip: Clip } | 'unclip';
interface Frame {
  width: number;
  height: number;
  steps: Step[];
}

function draw(frame: Frame, make: (options: { width: number; height: number }) => Pick<Output, 'write' | 'clip' | 'unclip' | 'get'>) {
  const output = make({ width: frame.width, height: frame.height });
  for (const step of frame.steps) {
    if (step === 'unclip') output.unclip();
    else if ('clip' in step) output.clip(step.clip);
    else output.write(step.write[0], step.write[1], step.write[2], { transformers: step.write[3] });
  }
  return output.get();
}

function expectSameFrame(frame: Frame): void {
  expect(draw(frame, (options) => new Output(options))).toEqual(draw(frame, (options) => new InkOutput(options)));
}

const cyan: Transformer = (line) => `\x1b[36m${line}\x1b[39m`;
const bold: Transformer = (line) => `\x1b[1m${line}\x1b[22m`;
const dim: Transformer = (line) => `\x1b[2m${line}\x1b[22m`;
const inverse: Transformer = (line) => `\x1b[7m${line}\x1b[27m`;

describe('the screen buffer draws what Ink draws', () => {
  test('the cities screen at 120×40: title, bordered table with Hangul, focus, status and footer', () => {
    const width = 120;
    const rows = ['고양특례시       goyang       2020-07-17      1 / 4  초안 2027-03-01 (미공포)', '익산시           iksan        2012-03-26      1 / 2  — (본문 있는 판 하나)', '파주시           paju         2024-09-30     1 / 12  …'];
    const steps: Step[] = [
      { write: [0, 0, 'bangchim · 기관 목록', [bold, cyan]] },
      { write: [92, 0, '/tmp/store', [dim]] },
      { clip: { x1: 0, x2: width, y1: 1, y2: 37 } },
      { write: [0, 1, `┌${'─'.repeat(width - 2)}┐`, []] },
      { write: [0, 2, Array.from({ length: rows.length + 1 }, () => '│').join('\n'), []] },
      { write: [width - 1, 2, Array.from({ length: rows.length + 1 }, () => '│').join('\n'), []] },
      { write: [2, 2, '기관             약칭         최신       본문/전체  최근 변경', [dim]] },
      ...rows.map((row, i): Step => ({ write: [2, 3 + i, row.padEnd(116 - 10), i === 0 ? [inverse, cyan] : []] })),
      { write: [0, 3 + rows.length, `└${'─'.repeat(width - 2)}┘`, []] },
      'unclip',
      { write: [0, 37, '⠋ 변경 크기를 재는 중 (1/5)', []] },
      { write: [0, 38, '↑↓ 이동  Enter 연혁  입력 거르기  ^D 두 기관 비교  ^O 가져오기  ^Q 끝내기  ? 모든 키', [dim]] },
    ];
    expectSameFrame({ width, height: 39, steps });
  });

  test('wide characters cut by a clip, overwritten halves, text past the edges and empty clips', () => {
    expectSameFrame({
      width: 20,
      height: 6,
      steps: [
        { write: [0, 0, '가나다라마바사아자차카타', [cyan]] },
        { write: [3, 0, 'x', []] },
        { clip: { x1: 3, x2: 9, y1: 1, y2: 4 } },
        { write: [0, 1, '제5조 정보주체의 권리\n둘째 줄\n셋째 줄\n넷째 줄\n다섯째', [bold]] },
        { write: [8, 2, '\x1b[31m빨강\x1b[39m글자', []] },
        'unclip',
        { clip: { x1: undefined, x2: undefined, y1: 5, y2: 6 } },
        { write: [18, 5, '끝자락', []] },
        'unclip',
        { write: [25, 3, 'beyond', []] },
      ],
    });
  });

  test('text the shortcuts leave to Ink: combining marks, emoji, joiners, links, stray escapes', () => {
    for (const text of ['e\u0301 café', '👍🏽 ok', '👩‍💻 dev', '🇰🇷 flag', '\x1b]8;;https://example.org\x07link\x1b]8;;\x07', '\x1b[?25l hidden', '\x1b[31;1mred bold\x1b[0m', 'ᄀ\u1161\u11a8 jamo', '가\u302e mark']) {
      expectSameFrame({ width: 16, height: 2, steps: [{ clip: { x1: 1, x2: 12, y1: 0, y2: 2 } }, { write: [0, 0, text, [cyan]] }, { write: [2, 1, text, []] }, 'unclip'] });
    }
  });

  test('every character the shortcut splits alone is a grapheme of its own beside any other', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const count = (text: string) => [...segmenter.segment(text)].length;
    const plain = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u23ff\u2460-\u27bf\u2800-\u28ff\u2e80-\u3029\u3030-\u303f\u3041-\u3096\u30a0-\u30ff\u3131-\u318e\u3200-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d\uffa0-\uffdc]$/;
    const apart: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!plain.test(char)) continue;
      // Joined to a neighbour it would be one grapheme: a mark or joiner after 'a', a prepended or
      // conjoining letter before 'a', a vowel or final jamo after a syllable, a leading jamo before one.
      if (count(`a${char}`) !== 2 || count(`${char}a`) !== 2 || count(`가${char}`) !== 2 || count(`${char}가`) !== 2 || count(`${char}${char}`) !== 2) apart.push(code.toString(16));
    }
    expect(apart).toEqual([]);
  });

  test('generated frames: any mix of plain and other text, styles, clips and transformers', () => {
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'Z', ' ', '7', '가', '힣', '제', '─', '│', '…', '·', '①', '→', '⠋', '漢', 'Ａ', 'ｶ', '■', '※', '「', '。') },
      { weight: 3, arbitrary: fc.constantFrom('\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[7m', '\x1b[27m', '\x1b[0m', '\x1b[1;32m', '\x1b[38;5;208m', '\x1b[48;2;1;2;3m', '\x1b[49m', '\x1b[m', '\x1b[0;31m', '\x1b[1;0m', '\x1b[4m', '\x1b[24m', '\x1b[3;9m', '\x1b[90m', '\x1b[103m', '\x1b[53m', '\x1b[21m', '\x1b[38;2;1m', '\x1b[;1m', '\x1b[5;38;5;1;48;2;9;9;9m') },
      { weight: 1, arbitrary: fc.constantFrom('\n', '\u0301', '👍', '\u200d', '\ufe0f', '\x1b[', '\x1b]8;;u\x07', '\t', '\u1161', '\x9b31m') },
    );
    const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
    const transformers = fc.array(fc.constantFrom(cyan, bold, dim, inverse), { maxLength: 2 });
    const bound = fc.option(fc.integer({ min: -2, max: 26 }), { nil: undefined });
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.integer({ min: -3, max: 24 }), fc.integer({ min: -2, max: 8 }), text, transformers).map((write) => ({ write })) },
      { weight: 1, arbitrary: fc.record({ x1: bound, x2: bound, y1: bound, y2: bound }).map((clip) => ({ clip })) },
      { weight: 1, arbitrary: fc.constant('unclip' as const) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 8 }), fc.array(step, { maxLength: 12 }), (width, height, steps) => {
        expectSameFrame({ width, height, steps });
      }),
      { numRuns: 2000 },
    );
  });
});
