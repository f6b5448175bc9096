/**
 * The notice in each output format. Parts can be rendered alone (`article`, `table`, `announcement`).
 *
 * Changed words are marked:
 * - text:     `[-…-]` in the old column (words taken out), `{+…+}` in the new column (words put in);
 * - Markdown: `<del>…</del>` in the old column, `<u>…</u>` in the new column (underlined, as official tables do);
 * - HTML:     the same `<del>` / `<u>` elements, styled by the page's inline CSS.
 * Policy text is scrubbed of control characters and terminal escape sequences in every format, and
 * escaped for Markdown and HTML.
 */
import type { Notice } from './index.js';
import type { ComparisonRow, Segment } from './table.js';
import { displayWidth, padToWidth, wrapToWidth } from '../presentation/width.js';
import { articleHeading, clauseLine, stripControls } from './text.js';
import type { Clause } from '../model.js';

export type NoticePart = 'article' | 'table' | 'announcement';
export type NoticeFormat = 'text' | 'markdown' | 'html' | 'json';
export const NOTICE_PARTS: readonly NoticePart[] = ['announcement', 'article', 'table'];
export const NOTICE_FORMATS: readonly NoticeFormat[] = ['text', 'markdown', 'html', 'json'];

export const COLUMN_TITLES = { old: '현행 (변경 전)', new: '변경 (변경 후)', note: '비고' } as const;
export const TEXT_MARKS = { old: ['[-', '-]'], new: ['{+', '+}'] } as const;

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

function sectionTitles(notice: Notice): Record<NoticePart, string> {
  const from = notice.from ? `${notice.from.label} → ` : '';
  return {
    announcement: notice.announcement.title,
    article: `개정 조문: ${articleHeading(notice.article.article, notice.published.numbering)}`,
    table: `신·구 대비표 (${from}${notice.to.label}, ${notice.effective} 시행)`,
  };
}

/** What an empty table means: nothing changed, or nothing to compare with. */
function emptyTable(notice: Notice): string {
  return notice.diff === null ? '(비교할 이전 버전의 본문 없음)' : '(변경된 조문 없음)';
}

// ---------------------------------------------------------------------------------------------- text

/** A paragraph wrapped to `width` columns, words one space apart, continuation lines indented by `indent`. */
function wrapText(text: string, width: number, indent: string): string[] {
  return wrapToWidth(text.split(/ +/u).filter((word) => word !== '').join(' '), width, indent);
}

function textCell(segments: readonly Segment[], side: 'old' | 'new'): string {
  const [open, close] = TEXT_MARKS[side];
  return segments.map((s) => (s.marked ? `${open}${s.text}${close}` : s.text)).join('');
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
    for (const provision of row.lines) {
      const oldLines = provision.old.length === 0 ? [] : wrapText(textCell(provision.old, 'old'), sideWidth, '  ');
      const newLines = provision.new.length === 0 ? [] : wrapText(textCell(provision.new, 'new'), sideWidth, '  ');
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
      for (const text of notice.announcement.lines) block.push(...(text === '' ? [''] : wrapText(stripControls(text), width, text.startsWith('- ') ? '  ' : '')));
    } else if (part === 'article') {
      block.push(stripControls(articleHeading(notice.article.article, notice.published.numbering)));
      for (const { depth, text } of clauseLines(notice.article.article.body)) {
        const indent = '  '.repeat(depth);
        block.push(...wrapText(text, width - indent.length, '  ').map((l) => indent + l));
      }
    } else {
      block.push(...textTable(notice.table, width, emptyTable(notice)));
      block.push(`표기: ${TEXT_MARKS.old.join('…')} 변경 전 문구에서 바뀐 부분, ${TEXT_MARKS.new.join('…')} 변경 후 문구에서 바뀐 부분`);
    }
    blocks.push(block);
  }
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

// ------------------------------------------------------------------------------------------ markdown

function escapeMarkdown(text: string): string {
  return stripControls(text)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/([\\`*_[\]|~#])/gu, '\\$1');
}

/** Escapes a line so a leading "1." or "-" stays text, not a list. */
function markdownLine(text: string): string {
  return escapeMarkdown(text).replace(/^(\d+)\./u, '$1\\.').replace(/^([-+])/u, '\\$1');
}

function markdownCell(segments: readonly Segment[], side: 'old' | 'new'): string {
  const [open, close] = side === 'old' ? ['<del>', '</del>'] : ['<u>', '</u>'];
  return segments.map((s) => (s.marked ? `${open}${escapeMarkdown(s.text)}${close}` : escapeMarkdown(s.text))).join('');
}

export function renderNoticeMarkdown(notice: Notice, options: RenderOptions = {}): string {
  const titles = sectionTitles(notice);
  const blocks: string[] = [];
  for (const part of wantedParts(options)) {
    const lines = [`## ${escapeMarkdown(titles[part])}`, ''];
    if (part === 'announcement') {
      // Each paragraph stands alone (a blank line before it), list items follow one another.
      let previousWasItem = false;
      for (const text of notice.announcement.lines) {
        if (text === '') continue;
        const item = text.startsWith('- ');
        if (lines.at(-1) !== '' && !(item && previousWasItem)) lines.push('');
        lines.push(item ? `- ${escapeMarkdown(text.slice(2))}` : markdownLine(text));
        previousWasItem = item;
      }
    } else if (part === 'article') {
      const body = [`**${escapeMarkdown(articleHeading(notice.article.article, notice.published.numbering))}**`];
      for (const { depth, text } of clauseLines(notice.article.article.body)) body.push('&emsp;'.repeat(depth) + markdownLine(text));
      lines.push(body.join('<br>\n'));
    } else {
      lines.push(`| ${COLUMN_TITLES.old} | ${COLUMN_TITLES.new} | ${COLUMN_TITLES.note} |`, '|---|---|---|');
      if (notice.table.length === 0) lines.push(`| ${emptyTable(notice)} | | |`);
      for (const row of notice.table) {
        const cell = (side: 'old' | 'new'): string => row.lines.map((l) => markdownCell(l[side], side)).filter((t, i) => t !== '' || i === 0).join('<br>');
        lines.push(`| ${cell('old')} | ${cell('new')} | ${row.note.map(escapeMarkdown).join('<br>')} |`);
      }
      lines.push('', '표기: <del>지운 선</del> 변경 전 문구에서 바뀐 부분, <u>밑줄</u> 변경 후 문구에서 바뀐 부분');
    }
    blocks.push(lines.join('\n'));
  }
  return `# ${escapeMarkdown(notice.city)} 개인정보 처리방침 변경\n\n${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------- html

export function escapeHtml(text: string): string {
  return stripControls(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

function htmlCell(segments: readonly Segment[], side: 'old' | 'new'): string {
  const tag = side === 'old' ? 'del' : 'u';
  return segments.map((s) => (s.marked ? `<${tag}>${escapeHtml(s.text)}</${tag}>` : escapeHtml(s.text))).join('');
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
.bangchim-notice u { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; }
.bangchim-notice del { text-decoration: line-through; color: #7a1f1f; }
.bangchim-notice .legend { font-size: .9em; color: #444; }
@media print {
  .bangchim-notice { max-width: none; padding: 0; font-size: 10pt; }
  .bangchim-notice h2 { break-after: avoid; }
  .bangchim-notice tr { break-inside: avoid; }
  .bangchim-notice thead { display: table-header-group; }
  .bangchim-notice th { background: none; }
  .bangchim-notice del { color: inherit; }
}`;

export function renderNoticeHtml(notice: Notice, options: RenderOptions = {}): string {
  const titles = sectionTitles(notice);
  const sections: string[] = [];
  for (const part of wantedParts(options)) {
    const body: string[] = [`<section class="${part}">`, `<h2>${escapeHtml(titles[part])}</h2>`];
    if (part === 'announcement') {
      let list: string[] = [];
      const flush = (): void => {
        if (list.length > 0) body.push(`<ul>${list.join('')}</ul>`);
        list = [];
      };
      for (const text of notice.announcement.lines) {
        if (text.startsWith('- ')) list.push(`<li>${escapeHtml(text.slice(2))}</li>`);
        else {
          flush();
          if (text !== '') body.push(`<p>${escapeHtml(text)}</p>`);
        }
      }
      flush();
    } else if (part === 'article') {
      body.push(`<p><strong>${escapeHtml(articleHeading(notice.article.article, notice.published.numbering))}</strong></p>`);
      for (const { depth, text } of clauseLines(notice.article.article.body)) body.push(`<p style="margin-left:${depth * 1.5}em">${escapeHtml(text)}</p>`);
    } else {
      body.push(
        '<table>',
        '<colgroup><col style="width:40%"><col style="width:40%"><col style="width:20%"></colgroup>',
        `<thead><tr><th scope="col">${COLUMN_TITLES.old}</th><th scope="col">${COLUMN_TITLES.new}</th><th scope="col">${COLUMN_TITLES.note}</th></tr></thead>`,
        '<tbody>',
      );
      if (notice.table.length === 0) body.push(`<tr class="empty"><td colspan="3">${escapeHtml(emptyTable(notice))}</td></tr>`);
      for (const row of notice.table) {
        const cell = (side: 'old' | 'new'): string =>
          row.lines
            .map((l) => htmlCell(l[side], side))
            .filter((t, i) => t !== '' || i === 0)
            .map((t) => `<p>${t}</p>`)
            .join('');
        body.push(
          `<tr data-article="${escapeHtml(row.article)}" data-kind="${row.kind}"><td class="old">${cell('old')}</td><td class="new">${cell('new')}</td><td class="note">${row.note.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</td></tr>`,
        );
      }
      body.push('</tbody>', '</table>', '<p class="legend">표기: <del>지운 선</del> 변경 전 문구에서 바뀐 부분, <u>밑줄</u> 변경 후 문구에서 바뀐 부분</p>');
    }
    body.push('</section>');
    sections.push(body.join('\n'));
  }
  const title = `${notice.city} 개인정보 처리방침 변경`;
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
  article?: { number: number; label?: string; title: string; text: string };
  table?: { article: string; old: string; new: string; note: string; kind: string }[];
  announcement?: { title: string; text: string };
}

export function noticeJson(notice: Notice, options: RenderOptions = {}): NoticeJson {
  const parts = wantedParts(options);
  const json: NoticeJson = { city: notice.city, from: notice.from, to: notice.to, effective: notice.effective };
  if (parts.includes('article')) {
    const { number, label, title } = notice.article.article;
    json.article = { number, ...(label === undefined ? {} : { label: stripControls(label) }), title, text: stripControls(notice.article.text) };
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
  if (parts.includes('announcement')) json.announcement = { title: notice.announcement.title, text: notice.announcement.lines.map(stripControls).join('\n') };
  return json;
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
