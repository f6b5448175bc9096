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
import type { Ledger, PolicyVersion } from './model.js';
import { formatPath, validateLedger, validateVersion, type SchemaIssue } from './schema.js';
import { fastReadVersion, MAX_YAML_BYTES } from './yaml-fast.js';
import { t } from './presentation/messages/index.js';
import { isBlockProse, orderedLedger, orderedVersion, type Plain } from './yaml-order.js';

/** The readers' size limit, named where the strict loader refuses larger files. */
export { MAX_YAML_BYTES };

/** The only explicit tags a bangchim file may carry: plain data, nothing that builds objects (!!binary, !!set …). */
const PLAIN_DATA_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function stringify(value: Plain): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(key, node) {
      // Only values: keys stay plain.
      if (key === 'key') return;
      if (typeof node.value === 'string' && isBlockProse(node.value)) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

/** A version's YAML as the yaml package writes it: the reference the fast writer (yaml-write.ts) matches byte for byte. */
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
