/**
 * A version back to plain text in the shape the parser reads: title, preamble, one heading per article
 * (in the document's numbering scheme), clauses one per line with their markers and two spaces per nesting level, table rows
 * tab-separated, appendix sections. parsePolicy(renderPolicyText(v)) gives back v's text model.
 */
import type { Article, Clause, NumberingScheme, PolicyVersion } from './model.js';
import { buildClauses } from './parse/clauses.js';
import { parseHeading } from './parse/headings.js';
import { classifyLine } from './parse/lines.js';
import { articleHeading, articleMarker } from './presentation/labels.js';

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

/**
 * The article's heading in its document's scheme ("제9조 개인정보 보호책임자", "3. 개인정보의 파기", "■ …", or
 * the title alone). A 제N조 title that would not read back as written ("제2조 제3자 제공" would read as a
 * reference) is bracketed: 제2조(제3자 제공).
 */
function headingLine(article: Article, numbering: NumberingScheme): string {
  const plain = articleHeading(article, numbering);
  if (numbering !== 'article' && numbering !== 'article-bare') return plain;
  const back = parseHeading(plain);
  if (back && back.title === article.title && back.inline === undefined && back.furniture === undefined) return plain;
  return `${articleMarker(article, numbering)}(${article.title})`;
}

export function renderPolicyText(version: PolicyVersion): string {
  const numbering = version.numbering ?? 'article';
  const out: string[] = [];
  if (version.title) out.push(version.title, '');
  if (version.preamble.length > 0) out.push(...renderClauses(version.preamble), '');
  for (const article of version.articles) out.push(headingLine(article, numbering), ...renderClauses(article.body), '');
  for (const section of version.appendix) out.push(section.title, ...renderClauses(section.body), '');
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
