/**
 * Ink's screen buffer (ink/build/output.js), made faster; the bundle puts it in the place of Ink's own
 * (scripts/bundle.mjs). Ink draws each frame by writing every text node into a grid of styled cells
 * and joining each row back into a string. Its own buffer splits every line into graphemes with
 * Intl.Segmenter, slices every line drawn inside an overflow box again, and diffs the styles of every
 * pair of neighbouring cells: ~60 ms of the first 120×40 frame, and again in every later frame.
 *
 * This one takes the same steps with the same helpers, and three shortcuts that give the same cells:
 * - a line of plain characters (each a grapheme on its own, see PLAIN_CHARS) and SGR codes is split
 *   by UTF-16 unit, with the width and style codes Ink's tokenizer would give each;
 * - a line that fits inside its clip is not sliced;
 * - the codes between two styles are computed once per pair of styles, never for equal ones.
 * test/ui/ink-output.test.ts holds it to Ink's own buffer, byte for byte, on generated and real frames.
 */
import ansiStyles from 'ansi-styles';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

type Transformer = (line: string, index: number) => string;
interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/**
 * Characters each of which is a grapheme of its own next to any other of them (no combining mark,
 * joiner, variation selector, conjoining jamo, control or surrogate; the test checks every one of them
 * against Intl.Segmenter), and SGR codes (`ESC [ digits/semicolons m`, as Ink's tokenizer reads them).
 */
const PLAIN_CHARS =
  '\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u23ff\u2460-\u27bf\u2800-\u28ff\u2e80-\u3029\u3030-\u303f\u3041-\u3096\u30a0-\u30ff\u3131-\u318e\u3200-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d\uffa0-\uffdc';
const PLAIN_LINE = new RegExp(`^(?:[${PLAIN_CHARS}]|\x1b\\[[0-9;]*m)*$`);
/**
 * A line slice-ansi gives back with the same cells when it takes all of it: plain characters, no code
 * (it reads codes in ways of its own: a reset, or a style closed before any character, may be kept).
 * Ink applies a text's own style after clipping, so most lines are clipped before they have any code.
 */
const WHOLE_WHEN_SLICED = new RegExp(`^[${PLAIN_CHARS}]*$`);

const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES };

/**
 * The style codes of one SGR sequence, as Ink's tokenizer splits a compound one and names what ends
 * each (@alcalzone/ansi-tokenize: splitCompoundSGRSequences, getEndCode), without running its
 * tokenizer: that walks the text with Intl.Segmenter, whose first use costs ~15 ms.
 */
const END_CODES = new Set<string>();
const END_CODE_OF = new Map<string, string>();
for (const [start, end] of ansiStyles.codes) {
  END_CODES.add(ansiStyles.color.ansi(end));
  END_CODE_OF.set(ansiStyles.color.ansi(start), ansiStyles.color.ansi(end));
}

function endCode(code: string): string {
  if (END_CODES.has(code)) return code;
  const known = END_CODE_OF.get(code);
  if (known !== undefined) return known;
  const parameters = code.slice(2);
  if (parameters.startsWith('38')) return ansiStyles.color.close;
  if (parameters.startsWith('48')) return ansiStyles.bgColor.close;
  const end = ansiStyles.codes.get(parseInt(parameters, 10));
  return end ? ansiStyles.color.ansi(end) : ansiStyles.reset.open;
}

function splitCompound(sequence: string): string[] {
  if (!sequence.includes(';')) return [sequence];
  const parts = sequence.slice(2, -1).split(';');
  const codes: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // 8-bit and 24-bit colours keep their numbers together.
    if ((part === '38' || part === '48') && i + 2 < parts.length && parts[i + 1] === '5') {
      codes.push(parts.slice(i, i + 3).join(';'));
      i += 2;
    } else if ((part === '38' || part === '48') && i + 4 < parts.length && parts[i + 1] === '2') {
      codes.push(parts.slice(i, i + 5).join(';'));
      i += 4;
    } else codes.push(part);
  }
  return codes.map((part) => `\x1b[${part}m`);
}

/** Per code and per character (kept for the process: a screen uses few of them). */
const codesOf = new Map<string, AnsiCode[]>();
const widthOf = new Map<string, number>();

function ansiCodes(sequence: string): AnsiCode[] {
  let codes = codesOf.get(sequence);
  if (codes === undefined) {
    codes = splitCompound(sequence).map((code) => ({ type: 'ansi', code, endCode: endCode(code) }));
    codesOf.set(sequence, codes);
  }
  return codes;
}

function cellWidth(value: string): number {
  let width = widthOf.get(value);
  if (width === undefined) {
    width = stringWidth(value);
    widthOf.set(value, width);
  }
  return width;
}

/** The styled characters of a line, as `styledCharsFromTokens(tokenize(line))` gives them. */
function styledChars(line: string): StyledChar[] {
  if (!PLAIN_LINE.test(line)) return styledCharsFromTokens(tokenize(line));
  const chars: StyledChar[] = [];
  // Characters between two codes share one styles array (nothing changes a styles array once made).
  let styles = NO_STYLES;
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) === 0x1b) {
      const end = line.indexOf('m', i) + 1;
      styles = reduceAnsiCodesIncremental(styles, ansiCodes(line.slice(i, end)));
      i = end;
      continue;
    }
    const value = line[i]!;
    // A plain character is one UTF-16 unit: its grapheme is that code point alone (no U+FE0F, no flag).
    chars.push({ type: 'char', value, fullWidth: isFullwidthCodePoint(value.charCodeAt(0)), styles });
    i++;
  }
  return chars;
}

const stylesKeys = new WeakMap<AnsiCode[], string>();
function stylesKey(styles: AnsiCode[]): string {
  let key = stylesKeys.get(styles);
  if (key === undefined) {
    key = styles.map((code) => code.code).join('\0');
    stylesKeys.set(styles, key);
  }
  return key;
}

/** The codes that take a cell of style `from` to style `to`; the same styles need none. */
const transitions = new Map<string, string>();
function transition(from: AnsiCode[], to: AnsiCode[]): string {
  if (from === to) return '';
  const fromKey = stylesKey(from);
  const toKey = stylesKey(to);
  if (fromKey === toKey) return '';
  const key = `${fromKey}\u0001${toKey}`;
  let codes = transitions.get(key);
  if (codes === undefined) {
    codes = ansiCodesToString(diffAnsiCodes(from, to));
    transitions.set(key, codes);
  }
  return codes;
}

/** `styledCharsToString(chars)`. */
function rowToString(chars: StyledChar[]): string {
  if (chars.length === 0) return '';
  let text = ansiCodesToString(chars[0]!.styles);
  let previous = chars[0]!;
  text += previous.value;
  for (let i = 1; i < chars.length; i++) {
    const char = chars[i]!;
    text += transition(previous.styles, char.styles) + char.value;
    previous = char;
  }
  return text + transition(previous.styles, NO_STYLES);
}

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];
  private readonly lineWidths = new Map<string, number>();
  private readonly blockWidths = new Map<string, number>();
  private readonly lineChars = new Map<string, StyledChar[]>();

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  private lineWidth(line: string): number {
    let width = this.lineWidths.get(line);
    if (width === undefined) {
      width = stringWidth(line);
      this.lineWidths.set(line, width);
    }
    return width;
  }

  private widestLine(text: string): number {
    let width = this.blockWidths.get(text);
    if (width === undefined) {
      width = 0;
      for (const line of text.split('\n')) width = Math.max(width, this.lineWidth(line));
      this.blockWidths.set(text, width);
    }
    return width;
  }

  private charsOf(line: string): StyledChar[] {
    let chars = this.lineChars.get(line);
    if (chars === undefined) {
      chars = styledChars(line);
      this.lineChars.set(line, chars);
    }
    return chars;
  }

  get(): { output: string; height: number } {
    const output: StyledChar[][] = [];
    for (let y = 0; y < this.height; y++) output.push(new Array<StyledChar>(this.width).fill(BLANK));
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const { text, transformers } = operation;
      let { x, y } = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipHorizontally) {
          const width = this.widestLine(text);
          if (x + width < clip.x1! || x > clip.x2!) continue;
        }
        if (clipVertically) {
          if (y + lines.length < clip.y1! || y > clip.y2!) continue;
        }
        if (clipHorizontally) {
          lines = lines.map((line) => {
            const from = x < clip.x1! ? clip.x1! - x : 0;
            const width = this.lineWidth(line);
            const to = x + width > clip.x2! ? clip.x2! - x : width;
            // A line that fits is drawn as it is: slicing it whole gives the same cells.
            return from === 0 && to === width && WHOLE_WHEN_SLICED.test(line) ? line : sliceAnsi(line, from, to);
          });
          if (x < clip.x1!) x = clip.x1!;
        }
        if (clipVertically) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const height = lines.length;
          const to = y + height > clip.y2! ? clip.y2! - y : height;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        const currentLine = output[y + offsetY];
        if (!currentLine) continue;
        for (const transformer of transformers) line = transformer(line, index);
        let offsetX = x;
        for (const character of this.charsOf(line)) {
          currentLine[offsetX] = character;
          const characterWidth = Math.max(1, cellWidth(character.value));
          // A wide character covers the cells after it (as in Ink: empty, in its style).
          for (let covered = 1; covered < characterWidth; covered++) {
            currentLine[offsetX + covered] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          }
          offsetX += characterWidth;
        }
        offsetY++;
      }
    }
    return {
      output: output.map((line) => rowToString(line.filter((item) => item !== undefined)).trimEnd()).join('\n'),
      height: output.length,
    };
  }
}
