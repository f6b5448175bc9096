/**
 * Plain-text rendering of articles and clauses for the notice, and the control-character scrub every
 * output format applies to policy text (a page may carry terminal escape sequences).
 */
import type { Article, Clause, NumberingScheme } from '../model.js';
import { formalHeading } from '../presentation/labels.js';

/**
 * `제12조(개인정보 처리방침의 변경)`: the form statutes and 신·구 대비표 use; in a document numbered
 * otherwise, its own heading (`12. 개인정보 처리방침의 변경`).
 */
export function articleHeading(article: Pick<Article, 'number' | 'branch' | 'label' | 'title'>, numbering: NumberingScheme = 'article'): string {
  return formalHeading(article, numbering);
}

// C0 and C1 controls except tab and newline, DEL, and bidi overrides that could disguise text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
// ESC-introduced sequences (CSI, OSC …) are removed whole so no fragment like "[31m" is left behind.
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/gu;

/** Removes terminal escape sequences and control characters; keeps tabs and newlines. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

export function clauseLine(clause: Clause): string {
  const text = clause.text ?? (clause.row ?? []).join(' | ');
  return clause.marker === undefined ? text : `${clause.marker} ${text}`;
}

function clauseLines(clauses: readonly Clause[], depth: number, out: string[]): string[] {
  for (const clause of clauses) {
    out.push('  '.repeat(depth) + clauseLine(clause));
    if (clause.children) clauseLines(clause.children, depth + 1, out);
  }
  return out;
}

/** The article as text: its heading, then one line per provision, sub-provisions indented by two spaces. */
export function renderArticleText(article: Article, numbering: NumberingScheme = 'article'): string {
  return [articleHeading(article, numbering), ...clauseLines(article.body, 0, [])].join('\n');
}
