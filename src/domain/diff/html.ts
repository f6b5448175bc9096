/**
 * The auditor's report as one standalone HTML page (`diff --format html`, and the page `--format pdf`
 * prints): the provenance block, every article side by side with its fate, then each changed article with
 * its deleted wording struck through and added wording underlined (legible in black and white), the
 * changed facts and the summary. Inline CSS only, and a Content-Security-Policy that allows no request:
 * the page loads nothing, so it reads the same attached to an e-mail years later.
 */
import { formatFactChange } from './facts.js';
import { entryHeading, sideHeading, summaryLine, topicLines } from './format.js';
import { articleLabel } from './labels.js';
import type { ArticleEntry, ArticleRef, ClauseChange, PolicyDiff, WordChange } from './types.js';
import { badgeLabel, entryBadges, isListed } from '../presentation/badges.js';
import { inert } from '../presentation/inert.js';
import { t } from '../presentation/messages/index.js';
import { provenanceHtml, type Provenance } from '../presentation/provenance.js';

const html = (text: string): string => inert(text, 'html', { singleLine: true });

const PAGE_STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { margin: 0; }
.bangchim-report { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; line-height: 1.6; color: #111; max-width: 1000px; margin: 0 auto; padding: 1rem; }
.bangchim-report h1 { font-size: 1.45rem; margin: 0 0 .25rem; }
.bangchim-report .sides { margin: 0 0 1rem; color: #333; }
.bangchim-report h2 { font-size: 1.15rem; margin: 1.75rem 0 .6rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
.bangchim-report h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.bangchim-report p, .bangchim-report li, .bangchim-report td, .bangchim-report th { word-break: keep-all; overflow-wrap: anywhere; }
.bangchim-report table { width: 100%; border-collapse: collapse; }
.bangchim-report th, .bangchim-report td { border: 1px solid #666; padding: .3rem .5rem; vertical-align: top; text-align: left; }
.bangchim-report thead th, .bangchim-report tr.group th { background: #eee; }
.bangchim-report table.provenance th[scope="row"] { width: 9rem; font-weight: normal; white-space: nowrap; }
.bangchim-report table.provenance td.value { font-family: "Noto Sans Mono CJK KR", "D2Coding", monospace; font-size: .9em; }
.bangchim-report .badge { display: inline-block; border: 1px solid #333; border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; font-size: .85em; font-weight: bold; }
.bangchim-report ol.clauses { list-style: none; padding-left: 1rem; margin: .3rem 0; }
.bangchim-report ol.clauses li { margin: .2rem 0; }
.bangchim-report .mark { font-weight: bold; }
.bangchim-report del { color: #a00; text-decoration: line-through; text-decoration-thickness: 2px; }
.bangchim-report ins { color: #060; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.bangchim-report ul.facts { margin: .3rem 0 0 1rem; padding-left: 1rem; }
.bangchim-report .legend, .bangchim-report .summary { font-size: .9em; color: #333; }
.bangchim-report tr.unchanged td { color: #555; }
@media print {
  .bangchim-report { max-width: none; padding: 0; font-size: 9.5pt; }
  .bangchim-report h2, .bangchim-report h3 { break-after: avoid; }
  .bangchim-report tr, .bangchim-report li { break-inside: avoid; }
  .bangchim-report thead { display: table-header-group; }
  .bangchim-report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

function refsHtml(refs: readonly ArticleRef[]): string {
  return refs.length === 0 ? '—' : refs.map((r) => html(articleLabel(r))).join('<br>');
}

function wordsHtml(words: readonly WordChange[], editorial: boolean): string {
  return words
    .map((w) => {
      const text = html(w.text);
      if (w.op === 'equal') return text;
      if (w.editorial && !editorial) return w.op === 'insert' ? text : '';
      return w.op === 'insert' ? `<ins>${text}</ins>` : `<del>${text}</del>`;
    })
    .join('');
}

function clauseHtml(clause: ClauseChange, editorial: boolean): string | null {
  const marker = clause.marker === undefined ? '' : `${html(clause.marker)} `;
  switch (clause.status) {
    case 'added':
      return `<li class="added"><span class="mark">${html(t('report.html.added'))}</span> ${marker}<ins>${html(clause.new ?? '')}</ins></li>`;
    case 'removed':
      return `<li class="removed"><span class="mark">${html(t('report.html.removed'))}</span> ${marker}<del>${html(clause.old ?? '')}</del></li>`;
    case 'modified':
      return `<li class="modified">${marker}${wordsHtml(clause.words ?? [], editorial)}</li>`;
    case 'editorial':
      return editorial ? `<li class="editorial">${marker}${wordsHtml(clause.words ?? [], editorial)}</li>` : null;
    case 'unchanged':
      return null;
  }
}

function badgesHtml(entry: ArticleEntry, editorial: boolean): string {
  const badges = entryBadges(entry, { editorial });
  if (badges.length === 0) return html(t('report.html.unchanged'));
  return badges.map((b) => `<span class="badge" data-badge="${b.token}">${html(badgeLabel(b.token))}</span>`).join('');
}

function overview(diff: PolicyDiff, listed: ReadonlySet<ArticleEntry>, editorial: boolean): string {
  const rows = diff.articles.map((entry, i) => {
    const status = listed.has(entry) ? `<a href="#entry-${i}">${badgesHtml(entry, editorial)}</a>` : badgesHtml(entry, editorial);
    return `<tr class="${entry.status === 'unchanged' ? 'unchanged' : entry.status}"><td>${refsHtml(entry.old)}</td><td>${refsHtml(entry.new)}</td><td>${status}</td></tr>`;
  });
  return [
    `<section class="overview"><h2>${html(t('report.html.overview'))}</h2>`,
    `<table class="overview"><thead><tr><th scope="col">${html(t('report.html.overviewOld'))}</th><th scope="col">${html(t('report.html.overviewNew'))}</th><th scope="col">${html(t('report.html.overviewStatus'))}</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table></section>`,
  ].join('\n');
}

function changes(diff: PolicyDiff, editorial: boolean): string {
  const out = [`<section class="changes"><h2>${html(t('report.html.changes'))}</h2>`, `<p class="legend">${html(t('report.html.legend'))}</p>`];
  const listed = diff.articles.map((entry, i) => [entry, i] as const).filter(([entry]) => isListed(entry, editorial));
  if (listed.length === 0) out.push(`<p>${html(t('report.html.noChange'))}</p>`);
  for (const [entry, i] of listed) {
    out.push(`<article class="entry" id="entry-${i}" data-status="${entry.status}">`, `<h3>${badgesHtml(entry, editorial)} ${html(entryHeading(entry))}</h3>`);
    const clauses = entry.clauses.map((c) => clauseHtml(c, editorial)).filter((c): c is string => c !== null);
    if (clauses.length > 0) out.push(`<ol class="clauses">\n${clauses.join('\n')}\n</ol>`);
    if (entry.facts.length > 0) out.push(`<ul class="facts">${entry.facts.map((f) => `<li>${html(formatFactChange(f))}</li>`).join('')}</ul>`);
    out.push('</article>');
  }
  out.push('</section>');
  return out.join('\n');
}

function facts(diff: PolicyDiff): string {
  if (diff.facts.length === 0) return '';
  const cell = (value: string | null): string => (value === null ? '—' : html(value));
  const rows = diff.facts.map((f) => `<tr><td>${html(f.article)}</td><td>${html(f.label ?? '')}</td><td>${cell(f.old)}</td><td>${cell(f.new)}</td></tr>`);
  const head = (['report.html.factArticle', 'report.html.factItem', 'report.html.factOld', 'report.html.factNew'] as const).map((k) => `<th scope="col">${html(t(k))}</th>`).join('');
  return `<section class="facts"><h2>${html(t('report.html.facts'))}</h2>\n<table class="facts"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
}

/** The standalone report page. */
export function formatDiffHtml(diff: PolicyDiff, options: { editorial?: boolean; provenance?: Provenance } = {}): string {
  const editorial = options.editorial === true;
  const heading = sideHeading(diff, options.provenance);
  const listed = new Set(diff.articles.filter((e) => isListed(e, editorial)));
  const topics = topicLines(diff).filter((l) => l !== '');
  return [
    '<!doctype html>',
    '<html lang="ko">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load: no script, font, image or stylesheet beyond the one inline below.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(`${t('report.html.title')} — ${heading}`)}</title>`,
    `<style>${PAGE_STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main class="bangchim-report">',
    `<h1>${html(t('report.html.title'))}</h1>`,
    `<p class="sides">${html(heading)}</p>`,
    ...(options.provenance ? [provenanceHtml(options.provenance)] : []),
    overview(diff, listed, editorial),
    changes(diff, editorial),
    facts(diff),
    ...(topics.length > 0 ? [`<section class="topics"><h2>${html(t('report.html.topics'))}</h2><ul>${topics.map((l) => `<li>${html(l)}</li>`).join('')}</ul></section>`] : []),
    `<section class="summary"><h2>${html(t('report.html.summary'))}</h2><p class="summary">${html(summaryLine(diff))}</p></section>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
