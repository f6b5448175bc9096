/**
 * A version back to plain text in the shape the parser reads: title, preamble, one heading per article
 * (제N조 title), clauses one per line with their markers and two spaces per nesting level, table rows
 * tab-separated, appendix sections. parsePolicy(renderPolicyText(v)) gives back v's text model.
 */
import type { Article, Clause, PolicyVersion } from './model.js';
import { buildClauses } from './parse/clauses.js';
import { parseHeading } from './parse/headings.js';
import { classifyLine } from './parse/lines.js';

const STEP = 2;

function clauseLine(clause: Clause, indent: number): string {
  const pad = ' '.repeat(indent);
  if (clause.row) return pad + clause.row.join('\t');
  const text = clause.text ?? '';
  if (clause.marker === undefined) return pad + text;
  return pad + clause.marker + (text ? ` ${text}` : '');
}

function renderTree(clauses: readonly Clause[], indent: number): string[] {
  return clauses.flatMap((c) => [clauseLine(c, indent), ...renderTree(c.children ?? [], indent + STEP)]);
}

function reparsesTo(lines: readonly string[], clauses: readonly Clause[]): boolean {
  const reparsed = buildClauses(lines.map((l, i) => classifyLine(l, i + 1)));
  return JSON.stringify(reparsed) === JSON.stringify(clauses);
}

/**
 * The lines of a clause list, children two spaces deeper per level. A flat list is read back by marker
 * rank (1. then 가. nests); when that would nest what is flat here, the list is indented as a whole so
 * that indentation (all equal) decides instead.
 */
export function renderClauses(clauses: Clause[], indent = 0): string[] {
  const lines = renderTree(clauses, indent);
  if (indent > 0 || clauses.some((c) => c.children?.length) || reparsesTo(lines, clauses)) return lines;
  return renderTree(clauses, STEP);
}

function headingLine(article: Article): string {
  const label = `제${article.number}조${article.branch === undefined ? '' : `의${article.branch}`}`;
  const plain = article.title ? `${label} ${article.title}` : label;
  const back = parseHeading(plain);
  if (back && back.title === article.title && back.inline === undefined) return plain;
  return `${label}(${article.title})`;
}

export function renderPolicyText(version: PolicyVersion): string {
  const out: string[] = [];
  if (version.title) out.push(version.title, '');
  if (version.preamble.length > 0) out.push(...renderClauses(version.preamble), '');
  for (const article of version.articles) out.push(headingLine(article), ...renderClauses(article.body), '');
  for (const section of version.appendix) out.push(section.title, ...renderClauses(section.body), '');
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
