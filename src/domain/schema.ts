/**
 * Validation of loaded documents against the model, reporting every problem with its path
 * (`articles[3].title: required`). Hand-written rather than a schema library: the rules are few,
 * and the messages must read well to a privacy officer editing YAML by hand.
 */
import { NUMBERING_SCHEMES, REVISION_STYLES, TOPICS, type Ledger, type PolicyVersion } from './model.js';
import { t } from './presentation/messages/index.js';

export interface SchemaIssue {
  /** Path segments from the document root: ['articles', 3, 'title']. */
  path: (string | number)[];
  message: string;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Clause trees deeper than this are not policies but attacks or accidents. */
export const MAX_CLAUSE_DEPTH = 16;

export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? t('schema.document') : out;
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A month the page states without its day, `YYYY-MM`. */
export function isIsoMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/**
 * Where a value sits: its key and the place of its parent, turned into path segments only when an issue
 * is reported (every clause of a long page is checked, and almost none has an issue).
 */
interface Place {
  readonly parent: Place | null;
  readonly key: string | number;
}

/** The document root. */
const ROOT: Place | null = null;

function child(parent: Place | null, key: string | number): Place {
  return { parent, key };
}

/** The place of a value given as its parent's place and, when it is one of the parent's keys, that key. */
function placeOf(place: Place | null, key: string | number | undefined): Place | null {
  return key === undefined ? place : child(place, key);
}

function segments(place: Place | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = place; at !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** Collects issues while walking a value; each check returns whether the value was usable. */
class Checker {
  readonly issues: SchemaIssue[] = [];

  fail(place: Place | null, message: string): false {
    this.issues.push({ path: segments(place), message });
    return false;
  }

  object(value: unknown, place: Place | null, keys: { required: string[]; optional: string[] }): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.fail(place, t('schema.mapping'));
    const record = value as Record<string, unknown>;
    // Checked on every clause of a long page: the key lists are short, and a set is built only to word an
    // error; indexed loops and for…in, because iterators and key arrays were most of what checking allocated.
    for (let k = 0; k < keys.required.length; k++) if (!(keys.required[k]! in record)) this.fail(child(place, keys.required[k]!), t('schema.required'));
    for (const key in record) {
      if (!Object.hasOwn(record, key) || keys.required.includes(key) || keys.optional.includes(key)) continue;
      this.fail(child(place, key), t('schema.unknownKey', { keys: [...new Set([...keys.required, ...keys.optional])].join(', ') }));
    }
    return true;
  }

  /** `value` is text; `key`, when given, is where it sits under `place` (its place is made only to report it). */
  string(value: unknown, place: Place | null, options?: { nonEmpty?: boolean }, key?: string | number): value is string {
    if (typeof value !== 'string') return this.fail(placeOf(place, key), t('schema.text', { value: describe(value) }));
    if (options?.nonEmpty && value.trim() === '') return this.fail(placeOf(place, key), t('schema.nonEmpty'));
    return true;
  }

  optionalString(record: Record<string, unknown>, key: string, place: Place | null): void {
    if (key in record && record[key] !== undefined) this.string(record[key], place, undefined, key);
  }

  date(value: unknown, place: Place | null, options: { nullable?: boolean } = {}): void {
    if (value === null && options.nullable) return;
    if (!isIsoDate(value)) this.fail(place, t(options.nullable ? 'schema.dateOrNull' : 'schema.date', { value: describe(value) }));
  }

  optionalDate(record: Record<string, unknown>, key: string, place: Place | null): void {
    if (key in record) this.date(record[key], child(place, key));
  }

  optionalMonth(record: Record<string, unknown>, key: string, place: Place | null): void {
    if (key in record && !isIsoMonth(record[key])) this.fail(child(place, key), t('schema.month', { value: describe(record[key]) }));
  }

  /** A date the page states: a day, or only its month when the page gives no day. */
  optionalDateOrMonth(record: Record<string, unknown>, key: string, place: Place | null): void {
    if (key in record && !isIsoDate(record[key]) && !isIsoMonth(record[key])) this.fail(child(place, key), t('schema.dateOrMonth', { value: describe(record[key]) }));
  }

  array(value: unknown, place: Place | null): value is unknown[] {
    if (!Array.isArray(value)) return this.fail(place, t('schema.list', { value: describe(value) }));
    return true;
  }

  /** `key`: as for `string`. */
  positiveInteger(value: unknown, place: Place | null, key?: string): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9999) this.fail(placeOf(place, key), t('schema.wholeNumber', { value: describe(value) }));
  }

  boolean(value: unknown, place: Place | null): void {
    if (typeof value !== 'boolean') this.fail(place, t('schema.boolean', { value: describe(value) }));
  }
}

function describe(value: unknown): string {
  if (value === null) return t('schema.value.null');
  if (value === undefined) return t('schema.value.nothing');
  if (Array.isArray(value)) return t('schema.value.list');
  if (typeof value === 'object') return t('schema.value.mapping');
  if (typeof value === 'string') return t('schema.value.string', { value: value.length > 30 ? value.slice(0, 30) + '…' : value });
  if (typeof value === 'number') return t('schema.value.number', { value });
  if (typeof value === 'boolean') return t('schema.value.boolean', { value: String(value) });
  return t('schema.value.other', { type: typeof value, value: String(value) });
}

/** The keys of a clause and of an article: checked on every one of a long page, so built once. */
const CLAUSE_KEYS = { required: [], optional: ['marker', 'text', 'row', 'children'] };
const ARTICLE_KEYS = { required: ['number', 'title', 'topic', 'body'], optional: ['branch', 'label'] };

function checkClauses(check: Checker, value: unknown, place: Place, depth: number): void {
  if (!check.array(value, place)) return;
  if (depth > MAX_CLAUSE_DEPTH) {
    check.fail(place, t('schema.clauseDepth', { depth: MAX_CLAUSE_DEPTH }));
    return;
  }
  for (let index = 0; index < value.length; index++) {
    const clause: unknown = value[index];
    const at = child(place, index);
    if (!check.object(clause, at, CLAUSE_KEYS)) continue;
    check.optionalString(clause, 'marker', at);
    const hasText = 'text' in clause;
    const hasRow = 'row' in clause;
    if (hasText === hasRow) check.fail(at, t('schema.textOrRow'));
    if (hasText) check.string(clause.text, at, undefined, 'text');
    if (hasRow && check.array(clause.row, child(at, 'row'))) clause.row.forEach((cell, i) => check.string(cell, child(child(at, 'row'), i)));
    if ('children' in clause) checkClauses(check, clause.children, child(at, 'children'), depth + 1);
  }
}

function checkSource(check: Checker, value: unknown, place: Place): void {
  if (!check.object(value, place, { required: ['sha256'], optional: ['url', 'file', 'retrieved', 'encoding'] })) return;
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) check.fail(child(place, 'sha256'), t('schema.sha256'));
  check.optionalString(value, 'url', place);
  check.optionalString(value, 'file', place);
  check.optionalDate(value, 'retrieved', place);
  if ('encoding' in value && value.encoding !== 'utf-8' && value.encoding !== 'euc-kr') check.fail(child(place, 'encoding'), t('schema.encoding'));
}

function checkRevision(check: Checker, value: unknown, place: Place): void {
  if (value === null) return;
  if (!check.object(value, place, { required: ['style', 'effective', 'earlier'], optional: ['effectiveMonth', 'effectiveText', 'announced', 'enforced', 'changed', 'listedOutOfOrder'] })) return;
  if (!(REVISION_STYLES as readonly string[]).includes(value.style as string)) check.fail(child(place, 'style'), t('schema.oneOf', { values: REVISION_STYLES.join(', ') }));
  check.date(value.effective, child(place, 'effective'), { nullable: true });
  check.optionalMonth(value, 'effectiveMonth', place);
  check.optionalString(value, 'effectiveText', place);
  for (const key of ['announced', 'enforced', 'changed']) check.optionalDate(value, key, place);
  if ('listedOutOfOrder' in value) check.boolean(value.listedOutOfOrder, child(place, 'listedOutOfOrder'));
  const earlier = child(place, 'earlier');
  if (!check.array(value.earlier, earlier)) return;
  value.earlier.forEach((entry, index) => {
    const at = child(earlier, index);
    if (!check.object(entry, at, { required: ['text'], optional: ['from', 'until', 'before'] })) return;
    check.string(entry.text, child(at, 'text'));
    for (const key of ['from', 'until', 'before']) check.optionalDateOrMonth(entry, key, at);
  });
}

/** Bodies known valid already (the other side of a pair read the same block, and it validated clean there). */
export interface KnownBodies {
  isValidBody(value: unknown): boolean;
}

/** An article's or a section's body (`key` under `parent`), or the preamble: a clause list, unless `known` holds it. */
function checkBody(check: Checker, value: unknown, parent: Place | null, key: string, known: KnownBodies | undefined): void {
  if (known === undefined || !known.isValidBody(value)) checkClauses(check, value, child(parent, key), 0);
}

/** Returns every problem of a loaded policy version document; empty when it is valid. */
export function validateVersion(value: unknown, known?: KnownBodies): SchemaIssue[] {
  const check = new Checker();
  const keys = { required: ['city', 'slug', 'title', 'effective', 'source', 'preamble', 'articles', 'appendix', 'revision'], optional: ['numbering'] };
  if (!check.object(value, ROOT, keys)) return check.issues;
  check.string(value.city, child(ROOT, 'city'), { nonEmpty: true });
  if (check.string(value.slug, child(ROOT, 'slug')) && !SLUG_PATTERN.test(value.slug)) check.fail(child(ROOT, 'slug'), t('schema.slugVersion', { value: value.slug }));
  check.string(value.title, child(ROOT, 'title'));
  if ('numbering' in value && !NUMBERING_SCHEMES.includes(value.numbering as (typeof NUMBERING_SCHEMES)[number])) {
    check.fail(child(ROOT, 'numbering'), t('schema.numbering', { values: NUMBERING_SCHEMES.join(', '), value: describe(value.numbering) }));
  }
  check.date(value.effective, child(ROOT, 'effective'), { nullable: true });
  checkSource(check, value.source, child(ROOT, 'source'));
  checkBody(check, value.preamble, ROOT, 'preamble', known);
  const articles = child(ROOT, 'articles');
  if (check.array(value.articles, articles)) {
    if (value.articles.length === 0) check.fail(articles, t('schema.noArticles'));
    for (let index = 0; index < value.articles.length; index++) {
      const article: unknown = value.articles[index];
      const at = child(articles, index);
      if (!check.object(article, at, ARTICLE_KEYS)) continue;
      check.positiveInteger(article.number, at, 'number');
      if ('branch' in article) check.positiveInteger(article.branch, at, 'branch');
      if ('label' in article) check.string(article.label, at, { nonEmpty: true }, 'label');
      check.string(article.title, at, undefined, 'title');
      if (!TOPICS.includes(article.topic as (typeof TOPICS)[number])) check.fail(child(at, 'topic'), t('schema.oneOf', { values: TOPICS.join(', ') }));
      checkBody(check, article.body, at, 'body', known);
    }
  }
  const appendix = child(ROOT, 'appendix');
  if (check.array(value.appendix, appendix)) {
    value.appendix.forEach((section, index) => {
      const at = child(appendix, index);
      if (!check.object(section, at, { required: ['title', 'body'], optional: [] })) return;
      check.string(section.title, child(at, 'title'));
      checkBody(check, section.body, at, 'body', known);
    });
  }
  checkRevision(check, value.revision, child(ROOT, 'revision'));
  return check.issues;
}

/** Returns every problem of a loaded ledger (history/<slug>.yaml); empty when it is valid. */
export function validateLedger(value: unknown): SchemaIssue[] {
  const check = new Checker();
  if (!check.object(value, ROOT, { required: ['city', 'slug', 'versions'], optional: [] })) return check.issues;
  check.string(value.city, child(ROOT, 'city'), { nonEmpty: true });
  if (check.string(value.slug, child(ROOT, 'slug')) && !SLUG_PATTERN.test(value.slug)) check.fail(child(ROOT, 'slug'), t('schema.slugLedger', { value: value.slug }));
  const versions = child(ROOT, 'versions');
  if (!check.array(value.versions, versions)) return check.issues;
  value.versions.forEach((entry, index) => {
    const at = child(versions, index);
    const keys = { required: ['effective', 'until', 'archived'], optional: ['effectiveMonth', 'untilMonth', 'tag', 'blob', 'source', 'evidence', 'note'] };
    if (!check.object(entry, at, keys)) return;
    check.date(entry.effective, child(at, 'effective'), { nullable: true });
    check.date(entry.until, child(at, 'until'), { nullable: true });
    for (const key of ['effectiveMonth', 'untilMonth']) check.optionalDateOrMonth(entry, key, at);
    check.boolean(entry.archived, child(at, 'archived'));
    check.optionalString(entry, 'tag', at);
    if ('blob' in entry && (typeof entry.blob !== 'string' || !/^[0-9a-f]{40,64}$/.test(entry.blob))) check.fail(child(at, 'blob'), t('schema.blob'));
    if ('source' in entry) checkSource(check, entry.source, child(at, 'source'));
    check.optionalString(entry, 'note', at);
    const evidence = child(at, 'evidence');
    if ('evidence' in entry && check.array(entry.evidence, evidence)) {
      entry.evidence.forEach((item, i) => {
        const where = child(evidence, i);
        if (!check.object(item, where, { required: ['version', 'text'], optional: [] })) return;
        check.date(item.version, child(where, 'version'), { nullable: true });
        check.string(item.text, child(where, 'text'));
      });
    }
    if (entry.archived === true && typeof entry.tag !== 'string') check.fail(child(at, 'tag'), t('schema.tagRequired'));
  });
  return check.issues;
}

/** Narrowing helpers for callers that validated first. */
export function asVersion(value: unknown): PolicyVersion {
  return value as PolicyVersion;
}
export function asLedger(value: unknown): Ledger {
  return value as Ledger;
}
