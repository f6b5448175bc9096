/**
 * The notice in each output format. Parts can be rendered alone (`article`, `table`, `announcement`).
 *
 * The 신·구 대비표 follows law.go.kr's 신·구조문대비표: columns 현 행 / 개 정 안 / 비고, changed wording
 * underlined on both sides (never struck through):
 * - text:     `__…__` around the changed wording, on both sides (plain text has no underline; `__` is
 *             what plain-text mail writes for one, and policy text does not use it);
 * - Markdown and HTML: `<u>…</u>` on both sides.
 * Tables inside an article stay tables (an inner HTML table; aligned columns in text); phone numbers
 * and e-mail addresses are never broken across lines. Headings name the body and dates, never a ref,
 * tag or file path (the JSON keeps its `from`/`to` labels for scripts).
 * Policy text is scrubbed of control characters and terminal escape sequences in every format, and
 * escaped for Markdown and HTML.
 */
import type { Notice } from './index.js';
import { sideBlocks, type ComparisonRow, type ProvisionLine, type Segment } from './table.js';
import { displayWidth, padToWidth, wrapToWidth } from '../presentation/width.js';
import { tableColumns, tableRowLines } from './layout.js';
import { dotted } from './dates.js';
import { contactRanges } from '../diff/facts.js';
import { articleHeading, clauseLine, stripControls } from './text.js';
import { inertMarkdown } from '../presentation/inert.js';
import type { Clause } from '../model.js';
import { revisionDisagreementMessage } from './revision.js';
import { announcementLayout, announcementLines } from './announcement.js';

export type NoticePart = 'article' | 'table' | 'announcement';
export type NoticeFormat = 'text' | 'markdown' | 'html' | 'json';
export const NOTICE_PARTS: readonly NoticePart[] = ['announcement', 'article', 'table'];
export const NOTICE_FORMATS: readonly NoticeFormat[] = ['text', 'markdown', 'html', 'json'];

export const COLUMN_TITLES = { old: '현 행', new: '개 정 안', note: '비 고' } as const;
/** Plain text's underline, on both sides. */
export const TEXT_MARK = '__';
const TEXT_LEGEND = `표기: ${TEXT_MARK}…${TEXT_MARK} 현 행과 개 정 안에서 바뀐 부분(밑줄)`;
const MARKUP_LEGEND = '표기: <u>밑줄</u> 현 행과 개 정 안에서 바뀐 부분';

export interface RenderOptions {
  /** Which parts, in the order announcement, article, table; default all. */
  parts?: readonly NoticePart[];
  /** Text format: the total width in terminal columns (default 100). */
  width?: number;
}

function wantedParts(options: RenderOptions): NoticePart[] {
  const parts = options.parts ?? NOTICE_PARTS;
  return NOTICE_PARTS.filter((p) => parts.includes(p));
}

function clauseLines(clauses: readonly Clause[], depth = 0, out: { depth: number; text: string }[] = []): { depth: number; text: string }[] {
  for (const clause of clauses) {
    out.push({ depth, text: stripControls(clauseLine(clause)) });
    if (clause.children) clauseLines(clause.children, depth + 1, out);
  }
  return out;
}

/** "(2020. 7. 17. 시행 → 2025. 1. 1. 시행)": the versions by their dates, as the public knows them. */
function versionDates(notice: Notice): string {
  const to = `${dotted(notice.effective)} 시행`;
  if (notice.from === null) return `(${to})`;
  return `(${notice.from.effective === null ? '현행' : `${dotted(notice.from.effective)} 시행`} → ${to})`;
}

export function sectionTitles(notice: Notice): Record<NoticePart, string> {
  return {
    announcement: notice.announcement.title,
    article: `개정 조문: ${articleHeading(notice.article.article, notice.published.numbering)}`,
    table: `${notice.city} 개인정보 처리방침 신·구 대비표 ${versionDates(notice)}`,
  };
}

/** The whole document's title. */
export function noticeTitle(notice: Notice): string {
  return `${notice.city} 개인정보 처리방침 변경`;
}

/** What an empty table means: nothing changed, or nothing to compare with. */
export function emptyTable(notice: Notice): string {
  return notice.diff === null ? '(비교할 이전 버전의 본문 없음)' : '(변경된 조문 없음)';
}

// ---------------------------------------------------------------------------------------------- text

/** A paragraph wrapped to `width` columns, its spacing kept as written ("(생  략)"), continuation lines indented by `indent`. */
function wrapText(text: string, width: number, indent: string): string[] {
  return wrapToWidth(text.trim(), width, indent);
}

function textCell(segments: readonly Segment[]): string {
  return segments.map((s) => (s.marked ? `${TEXT_MARK}${s.text}${TEXT_MARK}` : s.text)).join('');
}

/** Provision lines with consecutive table rows (on either side) gathered, so both sides' tables line up row by row. */
function textBlocks(lines: readonly ProvisionLine[]): ProvisionLine[][] {
  const blocks: ProvisionLine[][] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (line.cells !== undefined && last?.[0]?.cells !== undefined) last.push(line);
    else blocks.push([line]);
  }
  return blocks;
}

/** A run of provision lines holding table rows: one column layout for both sides, rows side by side. */
function textTableBlock(block: readonly ProvisionLine[], sideWidth: number, left: string[], right: string[]): void {
  const cellTexts = (line: ProvisionLine, side: 'old' | 'new'): string[] | undefined => line.cells?.[side]?.map(textCell);
  const rows = block.flatMap((line) => [cellTexts(line, 'old'), cellTexts(line, 'new')]).filter((r): r is string[] => r !== undefined);
  const groups = tableColumns(rows, sideWidth);
  groups.forEach((group, g) => {
    if (g > 0) {
      left.push('');
      right.push('');
    }
    for (const line of block) {
      const sideLines = (side: 'old' | 'new'): string[] => {
        const cells = cellTexts(line, side);
        if (cells) return tableRowLines(cells, group);
        return g === 0 && line[side].length > 0 ? wrapText(textCell(line[side]), sideWidth, '  ') : [];
      };
      const oldLines = sideLines('old');
      const newLines = sideLines('new');
      for (let i = 0; i < Math.max(oldLines.length, newLines.length); i++) {
        left.push(oldLines[i] ?? '');
        right.push(newLines[i] ?? '');
      }
    }
  });
}

function textTable(rows: readonly ComparisonRow[], width: number, empty: string): string[] {
  const noteWidth = Math.max(10, Math.min(24, Math.floor(width / 5)));
  const sideWidth = Math.floor((width - 10 - noteWidth) / 2);
  if (sideWidth < 12) throw new RangeError(`a width of ${width} columns is too narrow for the comparison table (at least ${2 * 12 + 10 + 10})`);
  const widths = [sideWidth, sideWidth, noteWidth] as const;
  const rule = (char: string): string => `+${widths.map((w) => char.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => padToWidth(c, widths[i]!)).join(' | ')} |`;
  const out = [rule('-'), line([COLUMN_TITLES.old, COLUMN_TITLES.new, COLUMN_TITLES.note]), rule('=')];
  if (rows.length === 0) {
    out.push(line([empty, '', '']), rule('-'));
    return out;
  }
  for (const row of rows) {
    const left: string[] = [];
    const right: string[] = [];
    for (const block of textBlocks(row.lines)) {
      if (block[0]!.cells !== undefined) {
        textTableBlock(block, sideWidth, left, right);
        continue;
      }
      const provision = block[0]!;
      const oldLines = provision.old.length === 0 ? [] : wrapText(textCell(provision.old), sideWidth, '  ');
      const newLines = provision.new.length === 0 ? [] : wrapText(textCell(provision.new), sideWidth, '  ');
      const height = Math.max(oldLines.length, newLines.length);
      for (let i = 0; i < height; i++) {
        left.push(oldLines[i] ?? '');
        right.push(newLines[i] ?? '');
      }
    }
    const notes = row.note.flatMap((note) => wrapText(stripControls(note), noteWidth, '  '));
    const height = Math.max(left.length, notes.length);
    for (let i = 0; i < height; i++) out.push(line([left[i] ?? '', right[i] ?? '', notes[i] ?? '']));
    out.push(rule('-'));
  }
  return out;
}

function underline(title: string, char: string): string {
  return char.repeat(displayWidth(title));
}

export function renderNoticeText(notice: Notice, options: RenderOptions = {}): string {
  const width = options.width ?? 100;
  const titles = sectionTitles(notice);
  const blocks: string[][] = [];
  for (const part of wantedParts(options)) {
    const block = [titles[part], underline(titles[part], '=')];
    if (part === 'announcement') {
      for (const text of announcementLines(notice.announcement)) {
        // "1. …" hangs by its number, "   - …" by its dash, so wrapped lines start under the text.
        const lead = /^ */u.exec(text)![0];
        const hang = ' '.repeat(lead.length + (/^ *(\d+\.|-) /u.exec(text)?.[1]?.length ?? -1) + 1);
        block.push(...(text === '' ? [''] : wrapText(stripControls(text), width - lead.length, hang.slice(lead.length)).map((l) => lead + l)));
      }
    } else if (part === 'article') {
      block.push(stripControls(articleHeading(notice.article.article, notice.published.numbering)));
      for (const { depth, text } of clauseLines(notice.article.article.body)) {
        const indent = '  '.repeat(depth);
        block.push(...wrapText(text, width - indent.length, '  ').map((l) => indent + l));
      }
    } else {
      block.push(...textTable(notice.table, width, emptyTable(notice)));
      block.push(TEXT_LEGEND);
    }
    blocks.push(block);
  }
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

// ------------------------------------------------------------------------------------------ markdown

/** Policy text inside a line or a cell: only what Markdown reads as syntax is escaped (presentation/inert's one rule). */
function escapeMarkdown(text: string): string {
  return inertMarkdown(text, { inline: true });
}

/** A line of its own: a leading "1." or "-" stays text, not a list. */
function markdownLine(text: string): string {
  return inertMarkdown(text);
}

/** Two spaces as written ("(생  략)"), which Markdown and HTML would fold to one. */
function keepSpaces(escaped: string): string {
  return escaped.replace(/ {2}/gu, ' &#160;');
}

function markdownSegments(segments: readonly Segment[]): string {
  return segments.map((s) => (s.marked ? `<u>${keepSpaces(escapeMarkdown(s.text))}</u>` : keepSpaces(escapeMarkdown(s.text)))).join('');
}

/** One side of a row in a Markdown table cell: paragraphs joined by <br>, tables inside the article as inline HTML tables (a cell holds one line). */
function markdownCell(row: ComparisonRow, side: 'old' | 'new'): string {
  return sideBlocks(row, side)
    .map((block) =>
      block.kind === 'text'
        ? markdownSegments(block.segments)
        : `<table>${block.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${markdownSegments(cell)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('<br>');
}

export function renderNoticeMarkdown(notice: Notice, options: RenderOptions = {}): string {
  const titles = sectionTitles(notice);
  const blocks: string[] = [];
  for (const part of wantedParts(options)) {
    const lines = [`## ${escapeMarkdown(titles[part])}`, ''];
    if (part === 'announcement') {
      const { opening, items, closing } = announcementLayout(notice.announcement);
      lines.push(markdownLine(opening), '');
      items.forEach((item, k) => lines.push(`${k + 1}. ${escapeMarkdown(item.text)}`, ...item.sub.map((sub) => `   - ${escapeMarkdown(sub)}`)));
      lines.push('', closing.map(markdownLine).join('<br>\n'));
    } else if (part === 'article') {
      const body = [`**${escapeMarkdown(articleHeading(notice.article.article, notice.published.numbering))}**`];
      for (const { depth, text } of clauseLines(notice.article.article.body)) body.push('&emsp;'.repeat(depth) + markdownLine(text));
      lines.push(body.join('<br>\n'));
    } else {
      lines.push(`| ${COLUMN_TITLES.old} | ${COLUMN_TITLES.new} | ${COLUMN_TITLES.note} |`, '|---|---|---|');
      if (notice.table.length === 0) lines.push(`| ${emptyTable(notice)} | | |`);
      for (const row of notice.table) {
        lines.push(`| ${markdownCell(row, 'old')} | ${markdownCell(row, 'new')} | ${row.note.map(escapeMarkdown).join('<br>')} |`);
      }
      lines.push('', MARKUP_LEGEND);
    }
    blocks.push(lines.join('\n'));
  }
  return `# ${escapeMarkdown(noticeTitle(notice))}\n\n${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------- html

export function escapeHtml(text: string): string {
  return stripControls(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/** Escaped text with its phone numbers and e-mail addresses kept on one line. */
function htmlText(text: string): string {
  const clean = stripControls(text);
  let out = '';
  let at = 0;
  for (const [start, end] of contactRanges(clean)) {
    out += `${escapeHtml(clean.slice(at, start))}<span class="nowrap">${escapeHtml(clean.slice(start, end))}</span>`;
    at = end;
  }
  return keepSpaces(out + escapeHtml(clean.slice(at)));
}

function htmlSegments(segments: readonly Segment[]): string {
  return segments.map((s) => (s.marked ? `<u>${htmlText(s.text)}</u>` : htmlText(s.text))).join('');
}

function htmlCell(row: ComparisonRow, side: 'old' | 'new'): string {
  return sideBlocks(row, side)
    .map((block) =>
      block.kind === 'text'
        ? `<p>${htmlSegments(block.segments)}</p>`
        : `<table class="inner"><tbody>${block.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${htmlSegments(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
    )
    .join('');
}

const PAGE_STYLE = `
.bangchim-notice { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; line-height: 1.6; color: #111; max-width: 1100px; margin: 0 auto; padding: 1rem; }
.bangchim-notice h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.bangchim-notice h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #333; padding-bottom: .25rem; }
.bangchim-notice p, .bangchim-notice li, .bangchim-notice td, .bangchim-notice th { word-break: keep-all; overflow-wrap: anywhere; }
.bangchim-notice .article p { margin: .2rem 0; }
.bangchim-notice table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.bangchim-notice th, .bangchim-notice td { border: 1px solid #555; padding: .4rem .5rem; vertical-align: top; text-align: left; }
.bangchim-notice th { background: #eee; text-align: center; }
.bangchim-notice td p { margin: 0 0 .3rem; }
.bangchim-notice td.note { font-size: .9em; }
.bangchim-notice u { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.bangchim-notice .nowrap { white-space: nowrap; }
.bangchim-notice table.inner { margin: .3rem 0; font-size: .92em; table-layout: auto; }
.bangchim-notice table.inner td { border: 1px solid #999; padding: .2rem .35rem; }
@media (max-width: 640px) {
  .bangchim-notice table.compare colgroup { display: none; }
  .bangchim-notice table.compare, .bangchim-notice table.compare > tbody, .bangchim-notice table.compare > tbody > tr, .bangchim-notice table.compare > tbody > tr > td { display: block; width: auto; }
  .bangchim-notice table.compare > thead { display: none; }
  .bangchim-notice table.compare > tbody > tr { border: 1px solid #555; margin-bottom: .75rem; }
  .bangchim-notice table.compare > tbody > tr > td { border: none; border-top: 1px solid #ccc; }
  .bangchim-notice table.compare > tbody > tr > td::before { content: attr(data-column); display: block; font-weight: bold; color: #333; }
}
.bangchim-notice ol.items > li { margin: .3rem 0; }
.bangchim-notice .closing { text-align: center; margin-top: 2rem; line-height: 2; }
.bangchim-notice .legend { font-size: .9em; color: #444; }
@media print {
  .bangchim-notice { max-width: none; padding: 0; font-size: 10pt; }
  .bangchim-notice h2 { break-after: avoid; }
  .bangchim-notice tr { break-inside: avoid; }
  .bangchim-notice thead { display: table-header-group; }
  .bangchim-notice th { background: none; }
}`;

export function renderNoticeHtml(notice: Notice, options: RenderOptions = {}): string {
  const titles = sectionTitles(notice);
  const sections: string[] = [];
  for (const part of wantedParts(options)) {
    const body: string[] = [`<section class="${part}">`, `<h2>${escapeHtml(titles[part])}</h2>`];
    if (part === 'announcement') {
      const { opening, items, closing } = announcementLayout(notice.announcement);
      body.push(`<p>${htmlText(opening)}</p>`, '<ol class="items">');
      for (const item of items) {
        const sub = item.sub.length === 0 ? '' : `<ul>${item.sub.map((line) => `<li>${htmlText(line)}</li>`).join('')}</ul>`;
        body.push(`<li>${htmlText(item.text)}${sub}</li>`);
      }
      body.push('</ol>', `<p class="closing">${closing.map(htmlText).join('<br>')}</p>`);
    } else if (part === 'article') {
      body.push(`<p><strong>${escapeHtml(articleHeading(notice.article.article, notice.published.numbering))}</strong></p>`);
      for (const { depth, text } of clauseLines(notice.article.article.body)) body.push(`<p style="margin-left:${depth * 1.5}em">${escapeHtml(text)}</p>`);
    } else {
      body.push(
        '<table class="compare">',
        '<colgroup><col style="width:40%"><col style="width:40%"><col style="width:20%"></colgroup>',
        `<thead><tr><th scope="col">${COLUMN_TITLES.old}</th><th scope="col">${COLUMN_TITLES.new}</th><th scope="col">${COLUMN_TITLES.note}</th></tr></thead>`,
        '<tbody>',
      );
      if (notice.table.length === 0) body.push(`<tr class="empty"><td colspan="3">${escapeHtml(emptyTable(notice))}</td></tr>`);
      for (const row of notice.table) {
        const column = (name: string): string => `data-column="${escapeHtml(name)}"`;
        body.push(
          `<tr data-article="${escapeHtml(row.article)}" data-kind="${row.kind}"><td class="old" ${column(COLUMN_TITLES.old)}>${htmlCell(row, 'old')}</td><td class="new" ${column(COLUMN_TITLES.new)}>${htmlCell(row, 'new')}</td><td class="note" ${column(COLUMN_TITLES.note)}>${row.note.map((n) => `<p>${htmlText(n)}</p>`).join('')}</td></tr>`,
        );
      }
      body.push('</tbody>', '</table>', `<p class="legend">${MARKUP_LEGEND}</p>`);
    }
    body.push('</section>');
    sections.push(body.join('\n'));
  }
  const title = noticeTitle(notice);
  return [
    '<!doctype html>',
    '<html lang="ko">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main class="bangchim-notice">',
    `<h1>${escapeHtml(title)}</h1>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------- json

/** The `notice --format json` document (README.md, "notice --json"). */
export interface NoticeJson {
  city: string;
  from: { label: string; effective: string | null } | null;
  to: { label: string; effective: string | null };
  effective: string;
  article?: { number: number; label?: string; title: string; text: string; source: 'own' | 'written' };
  /** For the officer, never in the public text: how the new version's own revision article disagrees with the ledger. */
  revisionNotes?: { kind: string; message: string; suggestion?: string }[];
  /** With revisionNotes: the revision article with every disagreement corrected. */
  correctedArticle?: string;
  table?: { article: string; old: string; new: string; note: string; kind: string }[];
  announcement?: {
    title: string;
    /** The body as it signs: the office's 기관명, else the policy's. */
    body: string;
    reason: string;
    /** The reason written from the diff (what `reason` is unless the officer gave one). */
    suggestedReason: string;
    effective: string;
    /** The date of the 공고. */
    announced: string | null;
    /** 문의처, from the office's 기관 정보 or the policy's 보호책임자 article. */
    contact: { department?: string; phone?: string; email?: string; from: 'office' | 'policy' } | null;
    /** Where the policy (and earlier versions) is published. */
    url: string | null;
    text: string;
  };
}

export function noticeJson(notice: Notice, options: RenderOptions = {}): NoticeJson {
  const parts = wantedParts(options);
  const json: NoticeJson = { city: notice.city, from: notice.from, to: notice.to, effective: notice.effective };
  if (parts.includes('article')) {
    const { number, label, title } = notice.article.article;
    json.article = { number, ...(label === undefined ? {} : { label: stripControls(label) }), title, text: stripControls(notice.article.text), source: notice.articleSource };
    const check = notice.revisionCheck;
    if (check && check.disagreements.length > 0) {
      json.revisionNotes = revisionNotes(notice).map((note, i) => ({ kind: check.disagreements[i]!.kind, message: note, ...(check.disagreements[i]!.suggestion === undefined ? {} : { suggestion: stripControls(check.disagreements[i]!.suggestion!) }) }));
      if (check.corrected) json.correctedArticle = stripControls(check.corrected.text);
    }
  }
  if (parts.includes('table')) {
    json.table = notice.table.map((row) => {
      const side = (s: 'old' | 'new'): string =>
        row.lines
          .map((l) => l[s].map((seg) => seg.text).join(''))
          .filter((t, i) => t !== '' || i === 0)
          .join('\n');
      return { article: row.article, old: side('old'), new: side('new'), note: row.note.map(stripControls).join('\n'), kind: row.kind };
    });
  }
  if (parts.includes('announcement')) {
    const a = notice.announcement;
    const field = (name: 'department' | 'phone' | 'email') => (a.contact?.[name] === undefined ? {} : { [name]: stripControls(a.contact[name]) });
    const contact = a.contact === null ? null : { ...field('department'), ...field('phone'), ...field('email'), from: a.contact.from };
    json.announcement = {
      title: a.title,
      body: a.body,
      reason: stripControls(a.reason),
      suggestedReason: stripControls(a.suggestedReason),
      effective: a.effective,
      announced: a.announced ?? null,
      contact,
      url: a.url ?? null,
      text: announcementLines(a).map(stripControls).join('\n'),
    };
  }
  return json;
}

/** The notes for the officer on the new version's own revision article (stderr, JSON), never part of the public text. */
export function revisionNotes(notice: Notice): string[] {
  return (notice.revisionCheck?.disagreements ?? []).map((d) => stripControls(revisionDisagreementMessage(d, notice.slug, { draft: true })));
}

export function renderNotice(notice: Notice, format: NoticeFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderNoticeText(notice, options);
    case 'markdown':
      return renderNoticeMarkdown(notice, options);
    case 'html':
      return renderNoticeHtml(notice, options);
    case 'json':
      return JSON.stringify(noticeJson(notice, options), null, 2) + '\n';
  }
}
