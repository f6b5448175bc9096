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
  // CR is a line break to YAML (CRLF, or alone); bangchim writes neither, so a CR means a hand edit: the strict loader's.
  if (text.includes('\r')) return null;
  const lines = text.replace(/^\ufeff/, '').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const reader = new FastYaml(lines);
  try {
    const value = reader.block(0);
    return reader.done() ? value : null;
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

const UNSUPPORTED = Symbol('unsupported');
/**
 * Where a "key:" line's key ends (the index of its colon), or -1 when the line is not one: a key of
 * letters, digits and _ (a letter first), a colon, then the end or a space and the value. What
 * /^([A-Za-z][A-Za-z0-9_]*):(?: (.*))?$/ says, read character by character: that expression, tried on
 * every line of a long version, cost about a sixth of reading it.
 */
function keyEnd(line: string): number {
  const first = line.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  let k = 1;
  for (; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) break;
  }
  if (line.charCodeAt(k) !== 58) return -1;
  if (k + 1 === line.length) return k;
  // A line or paragraph separator in the value would end the expression's `.` before the line ends.
  if (line.charCodeAt(k + 1) !== 32 || line.includes('\u2028', k) || line.includes('\u2029', k)) return -1;
  return k;
}

/**
 * YAML's white space is the space and the tab, nothing else: a line of U+3000 or U+00A0 is text, not
 * a blank line (String.prototype.trim would say otherwise).
 */
function isBlankLine(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Whether `line` holds only spaces and tabs from `from` on. */
function onlyBlanksFrom(line: string, from: number): boolean {
  for (let k = from; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimYamlEnd(text: string): string {
  return text.replace(/[ \t]+$/, '');
}

/** A sequence entry: "-" alone or "- " and the item. */
function isItem(content: string): boolean {
  return content.charCodeAt(0) === 45 && (content.length === 1 || content.charCodeAt(1) === 32);
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

class FastYaml {
  private i = 0;
  /** The content (after the indentation) of the line the last peek() stopped at. */
  private content = '';
  /** The line (and its indentation) peek() found last: the next peek() there answers without looking again. */
  private peekedAt = -1;
  private peekedIndent = -1;
  constructor(private readonly lines: string[]) {}

  done(): boolean {
    return this.peek() < 0;
  }

  /**
   * Skips blank lines; the indentation of the next line (its content in `this.content`), or -1 at the
   * end. Called several times on one line, it reads the line once.
   */
  private peek(): number {
    if (this.i === this.peekedAt) return this.peekedIndent;
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      let end = n;
      while (end < line.length && (line.charCodeAt(end) === 32 || line.charCodeAt(end) === 9)) end++;
      if (end === line.length) continue; // blank: only spaces and tabs
      // A tab among the leading white space (Unicode spaces too): what it means is the strict loader's call.
      if (end > n) throw UNSUPPORTED;
      const first = line.charCodeAt(n);
      if ((first > 127 || (first >= 9 && first <= 13)) && /^\s*\t/.test(line)) throw UNSUPPORTED;
      this.content = n === 0 ? line : line.slice(n);
      this.peekedAt = this.i;
      this.peekedIndent = n;
      return n;
    }
    return -1;
  }

  /** The block node at exactly `indent` (a mapping or a sequence). */
  block(indent: number): unknown {
    if (this.peek() !== indent) throw UNSUPPORTED;
    if (isItem(this.content)) return this.sequence(indent);
    return this.mapping(indent, null);
  }

  /** A mapping whose entries are at `indent`; `first` is an entry already cut from a "- key: value" line. */
  private mapping(indent: number, first: string | null): Record<string, unknown> {
    // A plain object filled in place ('__proto__' never reaches it) with its few keys checked in a list: a
    // null-prototype object copied at the end cost most of the reading time of a long page.
    const out: Record<string, unknown> = {};
    const keys: string[] = [];
    let content = first;
    for (;;) {
      if (content === null) {
        const next = this.peek();
        if (next < indent) break;
        if (next > indent) throw UNSUPPORTED;
        content = this.content;
      }
      const colon = keyEnd(content);
      if (colon < 0) throw UNSUPPORTED;
      const key = content.slice(0, colon);
      if (key === '__proto__' || keys.includes(key)) throw UNSUPPORTED;
      keys.push(key);
      this.i++;
      out[key] = this.value(content.slice(colon + 2), indent, true);
      content = null;
    }
    return out;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const next = this.peek();
      if (next < indent) break;
      if (next > indent || !isItem(this.content)) throw UNSUPPORTED;
      const rest = this.content === '-' ? '' : this.content.slice(2);
      if (rest !== '' && keyEnd(rest) >= 0) out.push(this.mapping(indent + 2, rest));
      else {
        this.i++;
        out.push(this.value(rest, indent, false));
      }
    }
    return out;
  }

  /** The value after "key:" or "-" on a line already consumed; nested blocks are deeper than `indent`. */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    if (rest === '') {
      const next = this.peek();
      if (next < indent || (next === indent && !(inMapping && isItem(this.content)))) return null;
      if (next === indent) return this.sequence(indent); // "key:\n- item" (sequences not indented)
      return this.block(next);
    }
    const c = rest[0]!;
    if (c === '|') return this.literal(rest, indent);
    if (c === '"') return doubleQuoted(rest);
    if (c === "'") return singleQuoted(rest);
    if (rest === '[]') return [];
    if (rest === '{}') return {};
    return plain(rest);
  }

  private literal(header: string, indent: number): string {
    const match = /^\|([1-9])?([+-])?$/.exec(trimYamlEnd(header));
    if (!match) throw UNSUPPORTED;
    const collected: string[] = [];
    let contentIndent = match[1] ? indent + Number(match[1]) : -1;
    // Leading empty lines longer than the indentation found later need an explicit indicator (a YAML error).
    let leadingEmpty = 0;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const lineIndent = indentOf(line);
      const empty = lineIndent === line.length; // inside a block scalar only spaces indent: a line of spaces is empty
      // A line of spaces and tabs in or right after a block scalar: content or error by rules the strict loader knows.
      if (!empty && onlyBlanksFrom(line, lineIndent)) throw UNSUPPORTED;
      if (empty) {
        if (contentIndent === -1) leadingEmpty = Math.max(leadingEmpty, line.length);
        collected.push(contentIndent === -1 ? '' : line.slice(Math.min(contentIndent, line.length)));
        this.i++;
        continue;
      }
      if (contentIndent === -1) {
        if (lineIndent <= indent) break;
        if (leadingEmpty > lineIndent) throw UNSUPPORTED;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) break;
      collected.push(line.slice(contentIndent));
      this.i++;
    }
    // Trailing blank lines belong to the chomping, not the content.
    let end = collected.length;
    while (end > 0 && collected[end - 1] === '') end--;
    const body = collected.slice(0, end).join('\n');
    const chomp = match[2];
    if (chomp === '-') return body;
    if (chomp === '+') return collected.length === 0 ? '' : collected.join('\n') + '\n';
    return end === 0 ? '' : body + '\n';
  }
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

function doubleQuoted(rest: string): string {
  // Most quoted text holds no escape: up to the closing quote as it is.
  const close = rest.indexOf('"', 1);
  const escape = rest.indexOf('\\', 1);
  if (close > 0 && (escape < 0 || escape > close)) {
    if (!isBlankLine(rest.slice(close + 1))) throw UNSUPPORTED;
    return rest.slice(1, close);
  }
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

/** A plain scalar, resolved by the core schema (null, booleans, numbers, else text). */
function plain(rest: string): unknown {
  // Leading or trailing blanks around a plain scalar: what they mean is the general parser's call.
  if (rest !== rest.trim()) throw UNSUPPORTED;
  const value = rest;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^-[^\s]/.test(value)) throw UNSUPPORTED;
  // A comment starts at # after a space or a tab; a mapping at : before one.
  if (/[ \t]#|:[ \t]/.test(value) || value.endsWith(':')) throw UNSUPPORTED;
  // Null, booleans and numbers all start with one of these; most text starts with none of them.
  if (!/^[~nNtTfF0-9+\-.]/.test(value)) return value;
  if (/^(~|null|Null|NULL)$/.test(value)) return null;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  if (/^[-+]?[0-9]+$/.test(value)) return Number(value);
  if (/^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(value)) throw UNSUPPORTED;
  return value;
}

/** The YAML's value when the fast reader is sure of it, small enough (the strict loader names the limit) and valid by `validate`; else null. */
function fastValid(text: string, validate: (value: unknown) => unknown[]): unknown | null {
  // A UTF-16 unit is at most three bytes of UTF-8: below a third of the limit no byte count is needed.
  if (text.length > MAX_YAML_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) return null;
  const value = fastReadYaml(text);
  return value !== null && validate(value).length === 0 ? value : null;
}

/** A policy version the fast reader is sure of (read and valid), or null: then the strict loader decides, and words any error. */
export function fastReadVersion(text: string): PolicyVersion | null {
  return fastValid(text, validateVersion) as PolicyVersion | null;
}

/** A ledger the fast reader is sure of (read and valid), or null: then the strict loader decides, and words any error. */
export function fastReadLedger(text: string): Ledger | null {
  return fastValid(text, validateLedger) as Ledger | null;
}

/** A policy version from bangchim's YAML: read fast, or by the strict loader (loaded now) on any doubt. */
export async function loadVersionYamlFast(text: string, file: string): Promise<PolicyVersion> {
  return fastReadVersion(text) ?? (await import('./yaml.js')).loadVersionYaml(text, file);
}

/** A ledger from bangchim's YAML: read fast, or by the strict loader (loaded now) on any doubt. */
export async function loadLedgerYamlFast(text: string, file: string): Promise<Ledger> {
  return fastReadLedger(text) ?? (await import('./yaml.js')).loadLedgerYaml(text, file);
}
