/**
 * The fast writer, beside the fast reader (yaml-fast.ts): writes a version's YAML without the yaml
 * package, byte for byte as versionToYaml (yaml.ts) writes it through that package, so `bangchim show`
 * does not load the package's ~250 KB to print one version. It knows the package's choices for the
 * values a version holds (block mappings and sequences, `[]` and `{}`, plain, single- and
 * double-quoted one-line strings, `|-` block literals for prose, integers, booleans, null) and gives up
 * (null) on anything else: a line break or control character in a string, a line that would read as a
 * document marker, a non-integer number, a shared object (the package would write an alias).
 * writeVersionYaml then asks the package. test/domain/yaml-write.test.ts holds the two writers to the
 * same bytes on every fixture and on fuzzed versions.
 */
import type { PolicyVersion } from './model.js';
import { isBlockProse, orderedVersion, type Plain } from './yaml-order.js';

/** The version's YAML: the fast writer's when it can write it, else the yaml package's. */
export async function writeVersionYaml(version: PolicyVersion): Promise<string> {
  return fastYaml(orderedVersion(version)) ?? (await import('./yaml.js')).versionToYaml(version);
}

/** Thrown inside the writer when a value is outside what it knows; fastYaml returns null then. */
const UNSURE = Symbol('unsure');

/** Characters the yaml package writes only double-quoted with escapes: C0/C1 controls (tab and line feed aside), DEL, unpaired surrogates. */
const ESCAPED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Where the package writes a string as a block to keep a document marker (`---`, `...`, `%`) off a line's start. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** The package's test for a string that cannot be plain (stringifyString.js, plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/**
 * Plain strings the core schema would read as another type, the package quotes them: its null, bool,
 * int (octal, decimal, hex) and float (nan/inf, exponent, decimal) tests, in one pattern.
 */
const OTHER_TYPE = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/,
    /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    /^0o[0-7]+$/,
    /^[-+]?[0-9]+$/,
    /^0x[0-9a-fA-F]+$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  ]
    .map((test) => `(?:${test.source})`)
    .join('|'),
);
/** Keys the writer puts on a line as they are: the model's own names. */
const SIMPLE_KEY = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * `value` (a plain object tree, as orderedVersion makes it) as the yaml package writes it with
 * yaml.ts's options, or null when this writer is not sure it would write the same bytes.
 */
export function fastYaml(value: Plain): string | null {
  try {
    const lines: string[] = [];
    new Writer(lines).map(value, 0);
    return lines.join('\n') + '\n';
  } catch (error) {
    if (error === UNSURE) return null;
    throw error;
  }
}

class Writer {
  /** Objects and arrays written so far: one met twice is one the package would write as an anchor and an alias. */
  private readonly seen = new Set<object>();

  constructor(private readonly lines: string[]) {}

  /** A non-empty mapping, its keys at column `indent`. */
  map(value: Plain, indent: number): void {
    const entries = Object.entries(value);
    if (entries.length === 0) throw UNSURE;
    this.visit(value);
    const pad = ' '.repeat(indent);
    for (const [key, item] of entries) {
      if (!SIMPLE_KEY.test(key)) throw UNSURE;
      this.entry(`${pad}${key}:`, item, indent);
    }
  }

  /** A non-empty sequence, its dashes at column `indent` (yaml.ts writes with indentSeq). */
  seq(value: unknown[], indent: number): void {
    if (value.length === 0) throw UNSURE;
    this.visit(value);
    const pad = ' '.repeat(indent);
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // The item's first line goes on the dash's line: `- key: value`, `- - item`.
        const first = this.lines.length;
        if (Array.isArray(item)) this.seq(item, indent + 2);
        else this.map(item as Plain, indent + 2);
        this.lines[first] = `${pad}- ${this.lines[first]!.slice(indent + 2)}`;
      } else this.entry(`${pad}-`, item, indent);
    }
  }

  /** `head` (a key and its colon, or a dash) and its value: a scalar or empty collection on the same line, else the block below. */
  private entry(head: string, value: unknown, indent: number): void {
    if (isCollection(value)) {
      if (isEmpty(value)) {
        this.visit(value);
        this.lines.push(`${head} ${Array.isArray(value) ? '[]' : '{}'}`);
      } else if (Array.isArray(value)) {
        this.lines.push(head);
        this.seq(value, indent + 2);
      } else {
        this.lines.push(head);
        this.map(value as Plain, indent + 2);
      }
      return;
    }
    if (typeof value === 'string' && isBlockProse(value) && !ESCAPED.test(value) && !value.includes('\n') && !DOCUMENT_MARKER.test(value)) {
      this.lines.push(`${head} |-`, `${' '.repeat(indent + 2)}${value}`);
      return;
    }
    this.lines.push(`${head} ${scalar(value)}`);
  }

  private visit(value: object): void {
    if (this.seen.has(value)) throw UNSURE;
    this.seen.add(value);
  }
}

function isCollection(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw UNSURE;
  return true;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** A one-line scalar as the package writes it. */
function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || Object.is(value, -0)) throw UNSURE;
    return String(value);
  }
  if (typeof value !== 'string' || ESCAPED.test(value) || value.includes('\n') || DOCUMENT_MARKER.test(value)) throw UNSURE;
  if (!NOT_PLAIN.test(value) && !OTHER_TYPE.test(value)) return value;
  // Single quotes for a string with double quotes and no single ones; double quotes (as JSON writes them) otherwise.
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}
