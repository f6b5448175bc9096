/**
 * YAML in and out for policy versions and ledgers.
 *
 * Out: stable key order, no escaped Hangul, no line folding (the yaml library's lineWidth counts
 * characters, not terminal columns, so folding would break Korean lines at odd places), and block
 * scalars for long text so a person can edit it without fighting quotes.
 * In: strict. Unknown tags, aliases, duplicate keys and syntax errors are errors (the library only
 * warns about unknown tags), and every schema problem is reported with file, line and YAML path.
 */
import { Document, isAlias, isNode, LineCounter, parseDocument, Scalar, visit, type Node } from 'yaml';
import { ValidationError } from './errors.js';
import type { Clause, Ledger, LedgerEntry, PolicyVersion, Revision, Section, Source } from './model.js';
import { formatPath, validateLedger, validateVersion, type SchemaIssue } from './schema.js';
import { fastReadVersion, MAX_YAML_BYTES } from './yaml-fast.js';
import { t } from './presentation/messages/index.js';

/** The readers' size limit, named where the strict loader refuses larger files. */
export { MAX_YAML_BYTES };
/** Strings at least this long are written as block scalars (`|-`). */
const BLOCK_SCALAR_MIN_LENGTH = 60;

type Plain = Record<string, unknown>;

/** The only explicit tags a bangchim file may carry: plain data, nothing that builds objects (!!binary, !!set …). */
const PLAIN_DATA_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Copies `keys` from `value` in that order, leaving out undefined ones. */
function pick<T extends object>(value: T, keys: (keyof T)[]): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const v = value[key];
    if (v !== undefined) out[key as string] = v;
  }
  return out;
}

function orderClauses(clauses: Clause[]): Plain[] {
  return clauses.map((clause) => {
    const out = pick(clause, ['marker', 'text', 'row']);
    if (clause.children && clause.children.length > 0) out.children = orderClauses(clause.children);
    return out;
  });
}

function orderSource(source: Source): Plain {
  return pick(source, ['url', 'file', 'retrieved', 'sha256', 'encoding']);
}

function orderRevision(revision: Revision | null): Plain | null {
  if (revision === null) return null;
  const out = pick(revision, ['style', 'effective', 'effectiveMonth', 'effectiveText', 'announced', 'enforced', 'changed']);
  out.earlier = revision.earlier.map((entry) => pick(entry, ['from', 'until', 'before', 'text']));
  if (revision.listedOutOfOrder !== undefined) out.listedOutOfOrder = revision.listedOutOfOrder;
  return out;
}

function orderSection(section: Section): Plain {
  return { title: section.title, body: orderClauses(section.body) };
}

/** The version as a plain object with the interchange key order. */
export function orderedVersion(version: PolicyVersion): Plain {
  return {
    city: version.city,
    slug: version.slug,
    title: version.title,
    // Absent means 제N조, so a version numbered that way reads and writes as format 1 did.
    ...(version.numbering === undefined || version.numbering === 'article' ? {} : { numbering: version.numbering }),
    effective: version.effective,
    source: orderSource(version.source),
    preamble: orderClauses(version.preamble),
    articles: version.articles.map((article) => ({
      ...pick(article, ['number', 'branch', 'label', 'title', 'topic']),
      body: orderClauses(article.body),
    })),
    appendix: version.appendix.map(orderSection),
    revision: orderRevision(version.revision),
  };
}

function orderLedgerEntry(entry: LedgerEntry): Plain {
  const out = pick(entry, ['effective', 'until', 'effectiveMonth', 'untilMonth', 'archived', 'tag', 'blob']);
  if (entry.source) out.source = orderSource(entry.source);
  if (entry.evidence && entry.evidence.length > 0) out.evidence = entry.evidence.map((e) => pick(e, ['version', 'text']));
  if (entry.note !== undefined) out.note = entry.note;
  return out;
}

export function orderedLedger(ledger: Ledger): Plain {
  return { city: ledger.city, slug: ledger.slug, versions: ledger.versions.map(orderLedgerEntry) };
}

function stringify(value: Plain): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(key, node) {
      // Only values: keys stay plain.
      if (key === 'key') return;
      // Prose only (identifiers such as sha256 stay on their key's line); no leading/trailing space to keep exact.
      if (typeof node.value === 'string' && node.value.length >= BLOCK_SCALAR_MIN_LENGTH && /\s/.test(node.value) && !/^\s|\s$/.test(node.value)) {
        node.type = Scalar.BLOCK_LITERAL;
      }
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

export function versionToYaml(version: PolicyVersion): string {
  return stringify(orderedVersion(version));
}

export function ledgerToYaml(ledger: Ledger): string {
  return stringify(orderedLedger(ledger));
}

interface StrictParse {
  value: unknown;
  locate(path: (string | number)[]): string;
}

/** Parses YAML refusing everything a hand-written policy file never needs. Throws ValidationError. */
export function parseYamlStrict(text: string, file: string): StrictParse {
  if (Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) {
    throw new ValidationError(t('err.yaml.tooLarge', { file, limit: MAX_YAML_BYTES / 1024 / 1024 }), { where: file });
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) throw new ValidationError(t('err.yaml.tooDeep', { file }), { where: file });
    throw error;
  }
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0];
    return t('err.yaml.problem', { at: pos ? t('err.yaml.at', { line: pos.line, column: pos.col }) : t('err.yaml.somewhere'), message: e.message.split('\n')[0]! });
  });
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const pos = node.range ? lineCounter.linePos(node.range[0]) : undefined;
      problems.push(t('err.yaml.alias', { at: pos ? t('err.yaml.atLine', { line: pos.line }) : t('err.yaml.somewhere'), alias: node.source }));
      return visit.BREAK;
    }
    if (isNode(node) && node.tag !== undefined && !PLAIN_DATA_TAGS.has(node.tag)) {
      const pos = node.range ? lineCounter.linePos(node.range[0]) : undefined;
      problems.push(t('err.yaml.tag', { at: pos ? t('err.yaml.atLine', { line: pos.line }) : t('err.yaml.somewhere'), tag: node.tag }));
    }
    return undefined;
  });
  if (problems.length > 0) {
    throw new ValidationError(t('err.yaml.invalid', { file }), { where: file, details: problems, hint: t('err.yaml.invalid.hint') });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    if (error instanceof RangeError) throw new ValidationError(t('err.yaml.tooDeep', { file }), { where: file });
    throw new ValidationError(t('err.yaml.unreadable', { file, message: (error as Error).message }), { where: file });
  }
  return {
    value,
    locate(path) {
      // The deepest node that exists along the path: a missing key points at its parent.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
        if (node && isNode(node) && node.range) return `${file}:${lineCounter.linePos(node.range[0]).line}`;
      }
      return file;
    },
  };
}

function reportIssues(file: string, what: 'err.yaml.what.version' | 'err.yaml.what.ledger', issues: SchemaIssue[], locate: StrictParse['locate']): never {
  const details = issues.slice(0, 50).map((issue) => `${locate(issue.path)}: ${formatPath(issue.path)}: ${issue.message}`);
  if (issues.length > 50) details.push(t('err.andMore', { count: issues.length - 50 }));
  throw new ValidationError(t('err.yaml.notValid', { file, what: t(what) }), { where: file, details, hint: t('err.yaml.notValid.hint') });
}

/** Loads and validates a policy version YAML document. Throws ValidationError naming file, line and path. */
export function loadVersionYaml(text: string, file: string): PolicyVersion {
  const parsed = parseYamlStrict(text, file);
  const issues = validateVersion(parsed.value);
  if (issues.length > 0) reportIssues(file, 'err.yaml.what.version', issues, parsed.locate);
  return parsed.value as PolicyVersion;
}

/** Loads and validates a ledger (history/<slug>.yaml). Throws ValidationError naming file, line and path. */
export function loadLedgerYaml(text: string, file: string): Ledger {
  const parsed = parseYamlStrict(text, file);
  const issues = validateLedger(parsed.value);
  if (issues.length > 0) reportIssues(file, 'err.yaml.what.ledger', issues, parsed.locate);
  return parsed.value as Ledger;
}

/** A policy version from its YAML: the fast reader when it is sure, else (and on any doubt) the strict loader. */
export function readVersionYaml(text: string, file: string): PolicyVersion {
  return fastReadVersion(text) ?? loadVersionYaml(text, file);
}
