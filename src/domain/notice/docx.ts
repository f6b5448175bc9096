/**
 * The notice as a Word document (DOCX) the office opens, edits and posts: the announcement, the
 * revision article and the 신·구 대비표 as a real table (현 행 / 개 정 안 / 비 고, the header repeated on
 * every page, changed wording underlined on both sides, tables inside an article as nested tables), on
 * landscape A4. Built with the `docx` package, which only assembles the bytes: no file is read or written.
 */
import { AlignmentType, Document, HeadingLevel, NoBreakHyphen, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import type { Notice } from './index.js';
import { NOTICE_PARTS, COLUMN_TITLES, emptyTable, noticeTitle, sectionTitles, type RenderOptions } from './render.js';
import { sideBlocks, type ComparisonRow, type Segment } from './table.js';
import { displayWidth } from '../presentation/width.js';
import { articleHeading, clauseLine, stripControls } from './text.js';
import { contactRanges } from '../diff/facts.js';
import type { Clause } from '../model.js';
import { announcementLayout } from './announcement.js';

/** A4 in twentieths of a point (the page is turned to landscape), margins of 2 cm. */
const A4 = { short: 11906, long: 16838 } as const;
const MARGIN = 1134;
const TEXT_WIDTH = A4.long - 2 * MARGIN;
/** 현 행, 개 정 안, 비 고: as the HTML notice divides the width. */
const COLUMN_SHARES = [0.4, 0.4, 0.2] as const;
/** 맑은 고딕 is what Korean offices' Word and Hancom use; other suites substitute their own Korean font. */
const FONT = { ascii: 'Malgun Gothic', hAnsi: 'Malgun Gothic', eastAsia: '맑은 고딕', cs: 'Malgun Gothic' } as const;
const BODY_SIZE = 20; // half-points: 10 pt
const TABLE_SIZE = 18; // 9 pt

/** Text runs with phone numbers' and e-mail addresses' hyphens made non-breaking (Word breaks after a hyphen). */
function runs(text: string, options: { underline?: boolean; bold?: boolean; size?: number } = {}): TextRun[] {
  const clean = stripControls(text);
  const style = {
    ...(options.underline ? { underline: {} } : {}),
    ...(options.bold ? { bold: true } : {}),
    ...(options.size === undefined ? {} : { size: options.size }),
  };
  const out: TextRun[] = [];
  let at = 0;
  for (const [start, end] of contactRanges(clean)) {
    if (start > at) out.push(new TextRun({ text: clean.slice(at, start), ...style }));
    const children: (string | NoBreakHyphen)[] = [];
    clean
      .slice(start, end)
      .split('-')
      .forEach((piece, k) => {
        if (k > 0) children.push(new NoBreakHyphen());
        if (piece !== '') children.push(piece);
      });
    out.push(new TextRun({ children, ...style }));
    at = end;
  }
  if (at < clean.length || out.length === 0) out.push(new TextRun({ text: clean.slice(at), ...style }));
  return out;
}

function segmentRuns(segments: readonly Segment[], size: number): ParagraphChild[] {
  return segments.flatMap((s) => runs(s.text, { size, ...(s.marked ? { underline: true } : {}) }));
}

function paragraph(children: ParagraphChild[], options: { indent?: number; spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: { after: options.spacingAfter ?? 60 },
    ...(options.indent ? { indent: { left: options.indent } } : {}),
  });
}

function cellOf(children: (Paragraph | Table)[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: CELL_MARGIN, right: CELL_MARGIN },
    ...(header ? { shading: { fill: 'EEEEEE' } } : {}),
  });
}

/** Cell margins, and the width one display column (half a Hangul syllable) takes at 9 pt, in twips. */
const CELL_MARGIN = 100;
const TWIPS_PER_COLUMN = 110;

/** Display columns a word processor may narrow a column to: Hangul and words wrap, a contact does not. */
const NARROWEST_COLUMN = 4;

/**
 * Column widths for a table inside an article, in twips with the cells' margins, filling the side's
 * cell: each column at least as wide as its longest phone number or e-mail address (never cut), the
 * rest shared by how much text each column holds.
 */
function innerColumnWidths(rows: readonly Segment[][][], width: number): number[] {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const texts = rows.map((cells) => Array.from({ length: columns }, (_, k) => (cells[k] ?? []).map((s) => s.text).join('')));
  const need = Array.from({ length: columns }, (_, k) =>
    Math.max(NARROWEST_COLUMN, ...texts.map((row) => Math.max(0, ...contactRanges(row[k]!).map(([start, end]) => displayWidth(row[k]!.slice(start, end)))))),
  );
  const natural = Array.from({ length: columns }, (_, k) => Math.max(need[k]!, ...texts.map((row) => displayWidth(row[k]!))));
  const base = need.map((n) => n * TWIPS_PER_COLUMN + 2 * CELL_MARGIN);
  const spare = width - base.reduce((a, b) => a + b, 0);
  const wants = natural.map((n, k) => n - need[k]!);
  const wanted = wants.reduce((a, b) => a + b, 0);
  if (spare < 0) return base.map((b) => Math.floor((b * width) / (width - spare)));
  return base.map((b, k) => b + Math.floor(wanted === 0 ? spare / columns : (spare * wants[k]!) / wanted));
}

/** A table inside an article, nested in its side's cell. */
function innerTable(rows: readonly Segment[][][], width: number): Table {
  const widths = innerColumnWidths(rows, width);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: widths.map((w, k) => cellOf([paragraph(segmentRuns(cells[k] ?? [], TABLE_SIZE), { spacingAfter: 0 })], w)),
        }),
    ),
  });
}

function sideCell(row: ComparisonRow, side: 'old' | 'new', width: number): TableCell {
  const inner = width - 200;
  const children = sideBlocks(row, side).flatMap((block) =>
    block.kind === 'text' ? [paragraph(segmentRuns(block.segments, TABLE_SIZE))] : [innerTable(block.rows, inner), paragraph([], { spacingAfter: 0 })],
  );
  return cellOf(children, width);
}

function comparisonTable(notice: Notice): Table {
  const widths = COLUMN_SHARES.map((share) => Math.floor(TEXT_WIDTH * share));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [COLUMN_TITLES.old, COLUMN_TITLES.new, COLUMN_TITLES.note].map((title, k) =>
      cellOf([new Paragraph({ alignment: AlignmentType.CENTER, children: runs(title, { bold: true, size: TABLE_SIZE }) })], widths[k]!, true),
    ),
  });
  const rows =
    notice.table.length === 0
      ? [new TableRow({ children: [cellOf([paragraph(runs(emptyTable(notice), { size: TABLE_SIZE }))], widths[0]!), cellOf([], widths[1]!), cellOf([], widths[2]!)] })]
      : notice.table.map(
          (row) =>
            new TableRow({
              children: [sideCell(row, 'old', widths[0]!), sideCell(row, 'new', widths[1]!), cellOf(row.note.map((n) => paragraph(runs(n, { size: TABLE_SIZE }))), widths[2]!)],
            }),
        );
  return new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

function clauseParagraphs(clauses: readonly Clause[], depth = 0): Paragraph[] {
  return clauses.flatMap((clause) => [paragraph(runs(clauseLine(clause)), { indent: depth * 400 }), ...clauseParagraphs(clause.children ?? [], depth + 1)]);
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: runs(text, { bold: true }), spacing: { before: 240, after: 120 } });
}

/** The notice as DOCX bytes. */
export async function renderNoticeDocx(notice: Notice, options: RenderOptions = {}): Promise<Uint8Array> {
  const titles = sectionTitles(notice);
  const wanted = options.parts ?? NOTICE_PARTS;
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(noticeTitle(notice), { bold: true, size: 32 }), spacing: { after: 240 } })];
  for (const part of NOTICE_PARTS.filter((p) => wanted.includes(p))) {
    children.push(heading(titles[part], HeadingLevel.HEADING_1));
    if (part === 'announcement') {
      // Numbered by hand ("1. "), hanging: the office edits the text, and a list style would renumber it on its own.
      const { opening, items, closing } = announcementLayout(notice.announcement);
      children.push(paragraph(runs(opening), { spacingAfter: 160 }));
      items.forEach((item, k) => {
        children.push(new Paragraph({ children: runs(`${k + 1}. ${item.text}`), indent: { left: 400, hanging: 400 }, spacing: { after: 60 } }));
        for (const sub of item.sub) children.push(new Paragraph({ children: runs(`- ${sub}`), indent: { left: 800, hanging: 200 }, spacing: { after: 40 } }));
      });
      closing.forEach((line, k) => children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: runs(line, { bold: k === closing.length - 1 }), spacing: { before: k === 0 ? 360 : 0, after: 60 } })));
    } else if (part === 'article') {
      children.push(paragraph(runs(articleHeading(notice.article.article, notice.published.numbering), { bold: true })), ...clauseParagraphs(notice.article.article.body));
    } else {
      children.push(comparisonTable(notice), paragraph(runs('표기: 밑줄은 현 행과 개 정 안에서 바뀐 부분', { size: TABLE_SIZE })));
    }
  }
  const document = new Document({
    creator: notice.city,
    title: noticeTitle(notice),
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
