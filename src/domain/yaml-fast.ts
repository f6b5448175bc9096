/**
 * The fast reader, beside the writer and the strict loader (yaml.ts): reads the YAML versionToYaml
 * writes, and returns null (the caller defers to the strict loader) on anything it is not sure of.
 * test/domain/yaml-readers.test.ts holds the two to the same answers on every fixture and fuzzed input.
 *
 * This module does not import the strict loader: a command that reads only bangchim's own files never
 * loads the yaml package (its code costs more start-up time than the reading); the loaders below load
 * it when the fast reader defers.
 */
import type { Ledger, PolicyVersion } from './model.js';
import { validateLedger, validateVersion } from './schema.js';
import { decodeUtf8, decodeValidUtf8 } from './utf8.js';

/** Larger YAML files are not policies; refuse them before parsing. */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/**
 * Reads the subset of YAML that versionToYaml writes (block mappings and sequences, plain, quoted and
 * block-literal scalars, [] and {}), about five times faster than the general parser, which dominates
 * the cost of a national report. Anything outside the subset (comments, anchors, aliases, tags, flow
 * collections, multi-line quotes, documents markers …) returns null, and the caller falls back to the
 * strict loader, which also gives the precise error; so does a result that fails the schema.
 */
export function fastReadYaml(text: string): unknown | null {
  return readDocument(text, undefined)?.value ?? null;
}

/** The document's value and the blocks read for `shared` (when given), or null when the reader is not sure. */
function readDocument(text: string, shared: SharedBlocks | undefined): { value: unknown; blocks: ReadBlock[] } | null {
  // CR is a line break to YAML (CRLF, or alone); bangchim writes neither, so a CR means a hand edit: the strict loader's.
  if (text.includes('\r')) return null;
  const reader = new FastYaml(text, shared);
  try {
    const value = reader.block(0);
    return reader.done() ? { value, blocks: reader.blocks } : null;
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

/** A nested block's text (from its first line's indentation to its last line's end) and the value read from it. */
type ReadBlock = readonly [text: string, value: unknown];

/**
 * What the readers of the two sides of a pair (the two versions a diff reads) share: the blocks of YAML
 * text the first side was read from. Two versions of one policy share most of their text word for word
 * (an unchanged article's `body:` block is the same text on both sides; a renumbering changes only
 * `number:`), and a block nested under a list item's key (an article's body, a provision's children)
 * reads, for the same text with the same indentation, as the same value: the second side takes that
 * value instead of reading the block again, and a body that validated clean is not validated again.
 * Blocks are kept only from a side read whole and valid, so an error is always found, and worded, on
 * the side that has it. Lives for one pair read. The second side then holds the first side's objects
 * (one of them twice, for two articles of one body): nothing may mutate a version read this way, and
 * the diff, its formatters and its provenance only read them.
 */
export class SharedBlocks {
  /** Block values by their whole text (a key that tells apart blocks differing in one character anywhere). */
  private readonly values = new Map<string, unknown>();
  /** Clause lists (preamble, article and appendix bodies) of a side that validated clean. */
  private readonly validBodies = new WeakSet<object>();

  /** Nothing kept yet: the side being read is the first, which gives its blocks; the others take them. */
  get empty(): boolean {
    return this.values.size === 0;
  }

  /** The value of a block of this text read on a side kept before, or undefined. */
  valueOf(text: string): unknown {
    return this.values.get(text);
  }

  /** Whether `value` is a body of a side kept before (so valid as a body). */
  isValidBody(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.validBodies.has(value);
  }

  /** Keeps the blocks the first side was read from, and its bodies, once it is read whole and valid. */
  keep(blocks: readonly ReadBlock[], version: PolicyVersion): void {
    // Indexed, not destructured: a destructuring loop made iterator objects for every block.
    for (let k = 0; k < blocks.length; k++) this.values.set(blocks[k]![0], blocks[k]![1]);
    this.validBodies.add(version.preamble);
    for (const article of version.articles) this.validBodies.add(article.body);
    for (const section of version.appendix) this.validBodies.add(section.body);
  }
}

const UNSUPPORTED = Symbol('unsupported');

/**
 * The lines of a text as offsets into it, without a BOM and without the empty line after a final
 * newline: the reader cuts strings only for keys and values, not for every line and its content
 * (on a long page those copies were most of the reading's garbage).
 */
class Lines {
  /** Where line i starts; line i ends one before starts[i + 1] (its newline), the last at the text's end. */
  private readonly starts: Int32Array;
  readonly count: number;
  /** Whether the text holds a line or paragraph separator at all: only then does keyEnd look for one. */
  readonly separators: boolean;

  constructor(readonly text: string) {
    const begin = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let newlines = 0;
    for (let at = text.indexOf('\n', begin); at >= 0; at = text.indexOf('\n', at + 1)) newlines++;
    this.starts = new Int32Array(newlines + 2);
    let count = 0;
    this.starts[count++] = begin;
    for (let at = text.indexOf('\n', begin); at >= 0; at = text.indexOf('\n', at + 1)) this.starts[count++] = at + 1;
    this.starts[count] = text.length + 1;
    // As split('\n') then dropping a last empty piece: a final newline ends the last line, it starts none.
    this.count = this.end(count - 1) === this.start(count - 1) ? count - 1 : count;
    this.separators = text.includes('\u2028', begin) || text.includes('\u2029', begin);
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.starts[i + 1]! - 1;
  }

  line(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }
}

/**
 * Where the "key:" that starts at `from` ends (the index of its colon), or -1 when the text from there
 * to `end` is not one: a key of letters, digits and _ (a letter first), a colon, then the end or a space
 * and the value. What /^([A-Za-z][A-Za-z0-9_]*):(?: (.*))?$/ says, read character by character: that
 * expression, tried on every line of a long version, cost about a sixth of reading it.
 */
function keyEnd(lines: Lines, from: number, end: number): number {
  const text = lines.text;
  const first = text.charCodeAt(from);
  if (from >= end || !((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  let k = from + 1;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) break;
  }
  if (k === end || text.charCodeAt(k) !== 58) return -1;
  if (k + 1 === end) return k;
  if (text.charCodeAt(k + 1) !== 32) return -1;
  // A line or paragraph separator in the value would end the expression's `.` before the line ends.
  if (lines.separators) {
    const rest = text.slice(k, end);
    if (rest.includes('\u2028') || rest.includes('\u2029')) return -1;
  }
  return k;
}

/**
 * The keys every article and clause repeats, used as these strings rather than cut from the text each
 * time: a long page has tens of thousands of them, and a cut key was garbage to collect and a string to
 * look up before it could name a property.
 */
const REPEATED_KEYS = ['text', 'marker', 'children', 'row', 'number', 'title', 'topic', 'body', 'label', 'branch'];

/** The repeated key the text holds from `from` to `end`, or undefined. */
function repeatedKey(text: string, from: number, end: number): string | undefined {
  for (let k = 0; k < REPEATED_KEYS.length; k++) {
    const key = REPEATED_KEYS[k]!;
    if (key.length === end - from && holdsAt(text, key, from)) return key;
  }
  return undefined;
}

/** Whether `text` holds `part` at `from`. */
function holdsAt(text: string, part: string, from: number): boolean {
  for (let k = 0; k < part.length; k++) if (text.charCodeAt(from + k) !== part.charCodeAt(k)) return false;
  return true;
}

/**
 * YAML's white space is the space and the tab, nothing else: a line of U+3000 or U+00A0 is text, not
 * a blank line (String.prototype.trim would say otherwise).
 */
function isBlankLine(line: string): boolean {
  return BLANK_LINE.test(line);
}

const BLANK_LINE = /^[ \t]*$/;

/** Whether the text holds only spaces and tabs from `from` to `end`. */
function onlyBlanksBetween(text: string, from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimYamlEnd(text: string): string {
  return text.replace(TRAILING_BLANKS, '');
}

const TRAILING_BLANKS = /[ \t]+$/;

/** A sequence entry at `from`: "-" alone or "- " and the item. */
function isItem(text: string, from: number, end: number): boolean {
  return text.charCodeAt(from) === 45 && (from + 1 === end || text.charCodeAt(from + 1) === 32);
}

/** How many spaces start the text at `from` (up to `end`). */
function spacesFrom(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && text.charCodeAt(k) === 32) k++;
  return k - from;
}

class FastYaml {
  private readonly lines: Lines;
  private readonly text: string;
  /** The nested blocks read, by their text, to give `shared` (on the first side of a pair). */
  readonly blocks: ReadBlock[] = [];
  private i = 0;
  /** Where the content (after the indentation) of the line the last peek() stopped at starts, and where that line ends. */
  private contentAt = 0;
  private lineEnd = 0;
  /** The line (and its indentation) peek() found last: the next peek() there answers without looking again. */
  private peekedAt = -1;
  private peekedIndent = -1;
  constructor(
    text: string,
    private readonly shared: SharedBlocks | undefined,
  ) {
    this.lines = new Lines(text);
    this.text = text;
  }

  done(): boolean {
    return this.peek() < 0;
  }

  /**
   * Skips blank lines; the indentation of the next line (its content from `this.contentAt`), or -1 at
   * the end. Called several times on one line, it reads the line once.
   */
  private peek(): number {
    if (this.i === this.peekedAt) return this.peekedIndent;
    const text = this.text;
    for (; this.i < this.lines.count; this.i++) {
      const start = this.lines.start(this.i);
      const lineEnd = this.lines.end(this.i);
      const n = spacesFrom(text, start, lineEnd);
      let end = start + n;
      while (end < lineEnd && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
      if (end === lineEnd) continue; // blank: only spaces and tabs
      // A tab among the leading white space (Unicode spaces too): what it means is the strict loader's call.
      if (end > start + n) throw UNSUPPORTED;
      const first = text.charCodeAt(start + n);
      if ((first > 127 || (first >= 9 && first <= 13)) && /^\s*\t/.test(this.lines.line(this.i))) throw UNSUPPORTED;
      this.contentAt = start + n;
      this.lineEnd = lineEnd;
      this.peekedAt = this.i;
      this.peekedIndent = n;
      return n;
    }
    return -1;
  }

  /** The block node at exactly `indent` (a mapping or a sequence). */
  block(indent: number): unknown {
    if (this.peek() !== indent) throw UNSUPPORTED;
    if (isItem(this.text, this.contentAt, this.lineEnd)) return this.sequence(indent);
    return this.mapping(indent, -1);
  }

  /**
   * A mapping whose entries are at `indent`; `firstAt` (else -1) is where an entry starts on the current
   * line, after the "- " of a "- key: value" line.
   */
  private mapping(indent: number, firstAt: number): Record<string, unknown> {
    // A plain object filled in place ('__proto__' never reaches it): a null-prototype object copied at the
    // end cost most of the reading time of a long page.
    const out: Record<string, unknown> = {};
    // What a version repeats are list items (articles, sections, clauses): their nested blocks are the ones worth sharing.
    const shareable = firstAt >= 0 && this.shared !== undefined;
    let at = firstAt;
    for (;;) {
      if (at < 0) {
        const next = this.peek();
        if (next < indent) break;
        if (next > indent) throw UNSUPPORTED;
        at = this.contentAt;
      }
      const end = this.lineEnd;
      const colon = keyEnd(this.lines, at, end);
      if (colon < 0) throw UNSUPPORTED;
      const key = repeatedKey(this.text, at, colon) ?? this.text.slice(at, colon);
      if (key === '__proto__' || Object.hasOwn(out, key)) throw UNSUPPORTED;
      this.i++;
      out[key] = this.value(Math.min(colon + 2, end), end, indent, true, shareable);
      at = -1;
    }
    return out;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const next = this.peek();
      if (next < indent) break;
      const end = this.lineEnd;
      if (next > indent || !isItem(this.text, this.contentAt, end)) throw UNSUPPORTED;
      const restAt = Math.min(this.contentAt + 2, end);
      if (restAt < end && keyEnd(this.lines, restAt, end) >= 0) out.push(this.mapping(indent + 2, restAt));
      else {
        this.i++;
        out.push(this.value(restAt, end, indent, false, false));
      }
    }
    return out;
  }

  /**
   * The value from `from` to `end` after "key:" or "-" on a line already consumed; nested blocks are deeper
   * than `indent`, and taken from or given to `shared` when `shareable`.
   */
  private value(from: number, end: number, indent: number, inMapping: boolean, shareable: boolean): unknown {
    if (from === end) {
      const next = this.peek();
      if (next < indent || (next === indent && !(inMapping && isItem(this.text, this.contentAt, this.lineEnd)))) return null;
      if (next === indent) return this.sequence(indent); // "key:\n- item" (sequences not indented)
      return shareable ? this.sharedBlock(this.shared!, next) : this.block(next);
    }
    const text = this.text;
    const c = text.charCodeAt(from);
    if (c === 124) return this.literal(from, end, indent); // |
    if (c === 34) return doubleQuoted(text, from, end); // "
    const rest = text.slice(from, end);
    if (c === 39) return singleQuoted(rest); // '
    if (rest === '[]') return [];
    if (rest === '{}') return {};
    return plain(rest);
  }

  /**
   * The block nested at `indent` from the current line. The first side of a pair reads it and lists it in
   * `blocks`; the other takes the value `shared` holds for its text, if any. A block ends at the first
   * line with content indented less (blank lines and a literal's empty lines are inside it), so its text
   * is found without reading it.
   */
  private sharedBlock(shared: SharedBlocks, indent: number): unknown {
    const first = this.i;
    if (shared.empty) {
      const value = this.block(indent);
      this.blocks.push([this.textOf(first, this.i), value]);
      return value;
    }
    const end = this.blockEnd(first, indent);
    const known = shared.valueOf(this.textOf(first, end));
    if (known === undefined) return this.block(indent);
    this.i = end;
    return known;
  }

  /** The text of lines `first` to `end` (exclusive), from the first's indentation to the last one's end. */
  private textOf(first: number, end: number): string {
    return this.text.slice(this.lines.start(first), this.lines.end(end - 1));
  }

  /** The line after the block at `indent` that starts on line `first`: the next one with content indented less, or the end. */
  private blockEnd(first: number, indent: number): number {
    const text = this.text;
    let i = first + 1;
    for (; i < this.lines.count; i++) {
      const start = this.lines.start(i);
      const end = this.lines.end(i);
      const spaces = spacesFrom(text, start, end);
      if (spaces < indent && !onlyBlanksBetween(text, start + spaces, end)) break;
    }
    return i;
  }

  /** The block literal whose header ("|", "|-", "|2+" …) runs from `from` to `end`. */
  private literal(from: number, end: number, indent: number): string {
    const text = this.text;
    // What /^\|([1-9])?([+-])?$/ says of the header without its trailing blanks, read character by character.
    let at = from + 1;
    const digit = text.charCodeAt(at);
    const explicitIndent = digit >= 49 && digit <= 57 ? digit - 48 : 0;
    if (explicitIndent > 0) at++;
    const chompCode = text.charCodeAt(at);
    const chomp = chompCode === 45 ? '-' : chompCode === 43 ? '+' : '';
    if (chomp !== '') at++;
    if (!onlyBlanksBetween(text, at, end)) throw UNSUPPORTED;
    let contentIndent = explicitIndent > 0 ? indent + explicitIndent : -1;
    // Leading empty lines longer than the indentation found later need an explicit indicator (a YAML error).
    let leadingEmpty = 0;
    const first = this.i;
    while (this.i < this.lines.count) {
      const start = this.lines.start(this.i);
      const end = this.lines.end(this.i);
      const length = end - start;
      const lineIndent = spacesFrom(text, start, end);
      const empty = lineIndent === length; // inside a block scalar only spaces indent: a line of spaces is empty
      // A line of spaces and tabs in or right after a block scalar: content or error by rules the strict loader knows.
      if (!empty && onlyBlanksBetween(text, start + lineIndent, end)) throw UNSUPPORTED;
      if (empty) {
        if (contentIndent === -1) leadingEmpty = Math.max(leadingEmpty, length);
        this.i++;
        continue;
      }
      if (contentIndent === -1) {
        if (lineIndent <= indent) break;
        if (leadingEmpty > lineIndent) throw UNSUPPORTED;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) break;
      this.i++;
    }
    // Most literals are one line (the writer's `|-` for long prose): its content is one cut of the text.
    if (this.i - first === 1) {
      const only = this.literalLine(first, contentIndent);
      return chomp === '+' || (chomp === '' && only !== '') ? only + '\n' : only;
    }
    const collected: string[] = [];
    for (let line = first; line < this.i; line++) collected.push(this.literalLine(line, contentIndent));
    // Trailing blank lines belong to the chomping, not the content.
    let kept = collected.length;
    while (kept > 0 && collected[kept - 1] === '') kept--;
    if (chomp === '+') return collected.length === 0 ? '' : collected.join('\n') + '\n';
    const body = collected.slice(0, kept).join('\n');
    if (chomp === '-') return body;
    return kept === 0 ? '' : body + '\n';
  }

  /**
   * A line of a block literal whose content is indented by `contentIndent` (-1: no content line yet), without
   * that indentation; a line of spaces keeps those past it.
   */
  private literalLine(line: number, contentIndent: number): string {
    if (contentIndent === -1) return '';
    const start = this.lines.start(line);
    const end = this.lines.end(line);
    return this.text.slice(start + Math.min(contentIndent, end - start), end);
  }
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** The double-quoted scalar from `from` (its opening quote) to `end`. */
function doubleQuoted(text: string, from: number, end: number): string {
  // Most quoted text holds no escape: up to the closing quote as it is. (A quote not closed on its line
  // sends the search past it, once: the escaping reader then finds no closing quote and defers.)
  const close = text.indexOf('"', from + 1);
  if (close >= 0 && close < end) {
    const inner = text.slice(from + 1, close);
    if (!inner.includes('\\')) {
      if (!onlyBlanksBetween(text, close + 1, end)) throw UNSUPPORTED;
      return inner;
    }
  }
  return escapedDoubleQuoted(text.slice(from, end));
}

function escapedDoubleQuoted(rest: string): string {
  let out = '';
  let i = 1;
  for (; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = rest[++i];
    if (e === undefined) throw UNSUPPORTED;
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex > 0) {
      const digits = rest.slice(i + 1, i + 1 + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) throw UNSUPPORTED;
      out += String.fromCodePoint(parseInt(digits, 16));
      i += hex;
    } else if (e in ESCAPES) out += ESCAPES[e];
    else throw UNSUPPORTED;
  }
  if (i >= rest.length || !isBlankLine(rest.slice(i + 1))) throw UNSUPPORTED;
  return out;
}

function singleQuoted(rest: string): string {
  const trimmed = trimYamlEnd(rest);
  if (trimmed.length < 2 || !trimmed.endsWith("'")) throw UNSUPPORTED;
  const inner = trimmed.slice(1, -1);
  if (/'(?!')/.test(inner.replace(/''/g, ''))) throw UNSUPPORTED;
  return inner.replace(/''/g, "'");
}

/**
 * The plain scalar's patterns, made once: a regular expression written in a function is a new object
 * each time it runs, and a long page has tens of thousands of plain scalars.
 */
const PLAIN = {
  /** An indicator character cannot start a plain scalar, but "-" before a non-space can. */
  indicatorFirst: /^[-?:,[\]{}#&*!|>'"%@`]/,
  dashFirst: /^-[^\s]/,
  /** A comment starts at # after a space or a tab; a mapping at : before one. */
  commentOrMapping: /[ \t]#|:[ \t]/,
  /** Null, booleans and numbers all start with one of these; most text starts with none of them. */
  mayResolve: /^[~nNtTfF0-9+\-.]/,
  null: /^(~|null|Null|NULL)$/,
  true: /^(true|True|TRUE)$/,
  false: /^(false|False|FALSE)$/,
  integer: /^[-+]?[0-9]+$/,
  /** Numbers in the forms the two readers might resolve differently: the general parser's call. */
  otherNumber: /^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/,
};

/** A plain scalar, resolved by the core schema (null, booleans, numbers, else text). */
function plain(value: string): unknown {
  // Leading or trailing blanks around a plain scalar: what they mean is the general parser's call.
  if (value !== value.trim()) throw UNSUPPORTED;
  if (PLAIN.indicatorFirst.test(value) && !PLAIN.dashFirst.test(value)) throw UNSUPPORTED;
  if (PLAIN.commentOrMapping.test(value) || value.endsWith(':')) throw UNSUPPORTED;
  if (!PLAIN.mayResolve.test(value)) return value;
  if (PLAIN.null.test(value)) return null;
  if (PLAIN.true.test(value)) return true;
  if (PLAIN.false.test(value)) return false;
  if (PLAIN.integer.test(value)) return Number(value);
  if (PLAIN.otherNumber.test(value)) throw UNSUPPORTED;
  return value;
}

/** The YAML's value when the fast reader is sure of it, small enough (the strict loader names the limit) and valid by `validate`; else null. */
function fastValid(text: string, validate: (value: unknown) => unknown[]): unknown | null {
  if (tooLarge(text, undefined)) return null;
  const value = fastReadYaml(text);
  return value !== null && validate(value).length === 0 ? value : null;
}

/** Over the size limit (the text's UTF-8 length, counted unless known): left to the strict loader, which names the limit. */
function tooLarge(text: string, byteLength: number | undefined): boolean {
  if (byteLength !== undefined) return byteLength > MAX_YAML_BYTES;
  // A UTF-16 unit is at most three bytes of UTF-8: below a third of the limit no byte count is needed.
  return text.length > MAX_YAML_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES;
}

/**
 * A policy version the fast reader is sure of (read and valid), or null: then the strict loader decides,
 * and words any error. With `shared` (one side of a pair), blocks the other side read are taken from it,
 * and this side's blocks are kept there once it proves valid. `byteLength`: the text's UTF-8 length, when
 * the caller knows it.
 */
export function fastReadVersion(text: string, reading: { shared?: SharedBlocks; byteLength?: number } = {}): PolicyVersion | null {
  const { shared } = reading;
  if (tooLarge(text, reading.byteLength)) return null;
  const read = readDocument(text, shared);
  if (read === null || validateVersion(read.value, shared).length > 0) return null;
  const version = read.value as PolicyVersion;
  if (read.blocks.length > 0) shared!.keep(read.blocks, version);
  return version;
}

/** A ledger the fast reader is sure of (read and valid), or null: then the strict loader decides, and words any error. */
export function fastReadLedger(text: string): Ledger | null {
  return fastValid(text, validateLedger) as Ledger | null;
}

/** A policy version from bangchim's YAML bytes: read fast, or by the strict loader (loaded now) on any doubt. `shared`: see fastReadVersion. */
export async function loadVersionYamlFast(bytes: Uint8Array, file: string, shared?: SharedBlocks): Promise<PolicyVersion> {
  const valid = decodeValidUtf8(bytes);
  const text = valid ?? decodeUtf8(bytes);
  // Valid UTF-8 is the text's own byte count; the replacement characters of invalid bytes make the text longer.
  return fastReadVersion(text, { shared, byteLength: valid === null ? undefined : bytes.length }) ?? (await import('./yaml.js')).loadVersionYaml(text, file);
}

/** A ledger from bangchim's YAML: read fast, or by the strict loader (loaded now) on any doubt. */
export async function loadLedgerYamlFast(text: string, file: string): Promise<Ledger> {
  return fastReadLedger(text) ?? (await import('./yaml.js')).loadLedgerYaml(text, file);
}
