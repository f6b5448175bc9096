/**
 * What a version's or a ledger's YAML holds, in which key order, and which strings it writes as block
 * literals: the one description both writers follow (yaml.ts through the yaml package, yaml-write.ts
 * directly).
 */
import type { Clause, Ledger, LedgerEntry, PolicyVersion, Revision, Section, Source } from './model.js';

/** Strings at least this long are written as block scalars (`|-`). */
const BLOCK_SCALAR_MIN_LENGTH = 60;

export type Plain = Record<string, unknown>;

/** A string value written as a block literal: prose only (identifiers such as sha256 stay on their key's line), no leading/trailing space to keep exact. */
export function isBlockProse(value: string): boolean {
  return value.length >= BLOCK_SCALAR_MIN_LENGTH && /\s/.test(value) && !/^\s|\s$/.test(value);
}

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

/** The ledger as a plain object with the interchange key order. */
export function orderedLedger(ledger: Ledger): Plain {
  return { city: ledger.city, slug: ledger.slug, versions: ledger.versions.map(orderLedgerEntry) };
}
