/**
 * A saved HTML page → the text lines the line-based parser reads, as a browser would show them:
 * scripts, styles and comments gone, block elements on their own lines, list items as "• " lines
 * indented two spaces per nesting level, table rows as tab-separated cells, entities decoded.
 *
 * A small tolerant tokenizer, not a DOM: one pass, no recursion (10,000 nested <div>s cost nothing),
 * unclosed and stray tags are simply breaks or nothing. Every visible text node lands on some line;
 * deciding what is page furniture stays with the parser's own rules.
 */
import { InputError } from '../errors.js';

export interface HtmlText {
  /** The page's visible text, one entry per line. */
  lines: string[];
  /** For each line, the 1-based line of the HTML source its first text came from. */
  sourceLines: number[];
}

// ─── Detection ───────────────────────────────────────────────────────────────

/** Element names a real page is made of; `<처리목적>` or `<http://…>` in a text policy are none of these. */
const KNOWN_TAG =
  /<\/?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|hr|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|img|strong|b|em|i|u|font|center|section|article|header|footer|nav|aside|main|form|fieldset|legend|input|label|button|select|option|textarea|iframe|noscript|blockquote|pre|code|sup|sub|small)(?=[\s/>])/giu;
/** Below this many known tags a text is not taken for a page, whatever its density. */
const MIN_TAGS_FOR_FRAGMENT = 8;

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Index after leading whitespace, BOM, comments and an XML declaration (not the doctype). */
function skipPrologue(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\ufeff]/u.test(text[i]!)) i++;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return i;
      i = close + 3;
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('>', i + 2);
      if (close < 0) return i;
      i = close + 1;
    } else return i;
  }
}

/**
 * A page starts (after whitespace, BOM, comments) with <!doctype html, <html, <head or <body; a
 * fragment (the source of the content area only) has at least 8 known element tags and at least one
 * for every two non-blank lines. Copied text with a bracketed word or a <http://…> link has neither.
 */
export function looksLikeHtml(text: string): boolean {
  const start = skipPrologue(text);
  if (/^<(?:!doctype\s+html|html|head|body)(?=[\s>/])/iu.test(text.slice(start, start + 20))) return true;
  let tags = 0;
  KNOWN_TAG.lastIndex = 0;
  while (KNOWN_TAG.exec(text) !== null) tags++;
  if (tags < MIN_TAGS_FOR_FRAGMENT) return false;
  let nonBlankLines = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') nonBlankLines++;
  return tags * 2 >= nonBlankLines;
}

// ─── Charset ─────────────────────────────────────────────────────────────────

/** How far into the bytes a <meta charset> is looked for (browsers look at 1024; CMS heads are long). */
const CHARSET_PRESCAN_BYTES = 8192;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu;
/** Names Korean sites use for CP949 that the WHATWG label list lacks. */
const CP949_ALIASES = new Set(['cp949', 'ms949', 'x-windows-949', 'uhc', 'x-uhc', 'ks_c_5601']);

/** The charset a page's <meta> declares (lowercased label), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  if (!/<meta\b/iu.test(head)) return null;
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** 'utf-8', 'euc-kr' (all CP949 names), or null for a charset bangchim does not read. */
export function charsetFamily(label: string): 'utf-8' | 'euc-kr' | null {
  if (CP949_ALIASES.has(label)) return 'euc-kr';
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'utf-8' || encoding === 'euc-kr' ? encoding : null;
  } catch {
    return null;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Before decoding: a page whose bytes are not UTF-8 and that declares a charset other than UTF-8 or
 * EUC-KR/CP949 (windows-1252, shift_jis …) is refused by name, rather than decoded as EUC-KR garbage.
 * A BOM or valid UTF-8 wins over the declaration, as in a browser.
 */
export function assertReadableCharset(bytes: Uint8Array, where: string): void {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return;
  const label = declaredCharset(bytes);
  if (label === null || charsetFamily(label) !== null || isUtf8(bytes)) return;
  throw new InputError(`${where} is an HTML page in charset "${label}", which bangchim does not read`, {
    where,
    hint: 'save the page as UTF-8 (or EUC-KR), or copy its text into a UTF-8 .txt file',
  });
}

// ─── Entities ────────────────────────────────────────────────────────────────

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad',
  middot: '·', bull: '•', hellip: '…', ndash: '–', mdash: '—', minus: '−',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  prime: '′', Prime: '″',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', uArr: '⇑', dArr: '⇓', hArr: '⇔',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', deg: '°', plusmn: '±', times: '×', divide: '÷',
  micro: 'µ', cent: '¢', pound: '£', yen: '¥', euro: '€', curren: '¤', brvbar: '¦', not: '¬',
  sup1: '¹', sup2: '²', sup3: '³', frac14: '¼', frac12: '½', frac34: '¾', ordf: 'ª', ordm: 'º',
  iexcl: '¡', iquest: '¿', le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', sim: '∼', there4: '∴',
  loz: '◊', spades: '♠', clubs: '♣', hearts: '♥', diams: '♦', star: '☆', starf: '★', check: '✓', cross: '✗',
};
/** Browsers read these without their semicolon too (&nbsp in old CMS output). */
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);
/** &#128;–&#159; mean the windows-1252 characters in a browser (&#149; is a bullet). */
const WINDOWS_1252_C1: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};
const ENTITY = /&(?:#[xX]([0-9A-Fa-f]{1,8});?|#([0-9]{1,9});?|([A-Za-z][A-Za-z0-9]{1,31})(;?))/gu;

function codePointText(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252_C1[code] ?? code);
}

/** Decodes character references; an unknown name (&foo;) is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined, semi: string, offset: number) => {
    if (hex !== undefined) return codePointText(parseInt(hex, 16));
    if (dec !== undefined) return codePointText(Number(dec));
    const value = NAMED_ENTITIES[name!];
    if (value === undefined) return whole;
    if (semi === ';') return value;
    // Without ';': only the legacy names, and not when a name character follows (&nbspx stays).
    const after = text[offset + whole.length];
    return LEGACY_WITHOUT_SEMICOLON.has(name!) && (after === undefined || !/[A-Za-z0-9=]/u.test(after)) ? value : whole;
  });
}

// ─── Page → lines ────────────────────────────────────────────────────────────

/** Elements whose content is never shown: skipped to their end tag, tags inside them are text. */
const HIDDEN_RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'noembed', 'noframes']);
/** Elements whose content is text with entities but no tags. */
const RCDATA = new Set(['title', 'textarea']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'details', 'dialog', 'dd', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header',
  'hgroup', 'hr', 'html', 'legend', 'main', 'nav', 'optgroup', 'option', 'p', 'section', 'summary',
]);
/** Blocks that a browser sets apart with a margin: a blank line before and after, as copied text has. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dl', 'figure', 'form', 'hr']);
const LIST = new Set(['ul', 'ol', 'menu', 'dir']);
/**
 * Inside a table cell, these mean the table lays out the page (old CMS pages put the menu and the
 * whole policy in one row): its cells are read one after another, not flattened into a row.
 */
const LAYOUT_SIGNS = new Set([
  'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'form', 'fieldset', 'nav', 'header', 'footer', 'section', 'article',
  'aside', 'main',
]);
/** A cell with more lines than this is page layout too, not a value in a data table. */
const MAX_DATA_CELL_LINES = 12;
/** ASCII whitespace collapses outside <pre>; NBSP (&nbsp;) never does. */
const COLLAPSIBLE = /[ \t\n\r\f]+/gu;

/** The 1-based source line of each offset, for offsets that only increase. */
function lineCounter(source: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let nl = source.indexOf('\n', at); nl >= 0 && nl < offset; nl = source.indexOf('\n', nl + 1)) line++;
    at = offset;
    return line;
  };
}

/**
 * A flow of text lines: the page itself, or one table cell. Inline text is collapsed as a browser does;
 * blocks and <br> break lines; list items get "• " and two spaces per level.
 */
class Flow {
  readonly lines: string[] = [];
  readonly sourceLines: number[] = [];
  /** Set when a cell holds headings, tables or forms: see LAYOUT_SIGNS. */
  layout = false;
  /** The line being written, without its indentation or marker. */
  private text = '';
  private textLine = 0;
  /** Collapsible whitespace seen since the last visible character. */
  private space = false;
  private blankWanted = false;
  private preDepth = 0;
  /** The newline right after <pre> is not content. */
  private preJustOpened = false;
  private listDepth = 0;
  /** The list level of each open <li>, innermost last. */
  private readonly items: number[] = [];
  /** The level of an <li> whose "• " is not yet written (it goes with the item's first text). */
  private bulletLevel: number | null = null;

  addText(text: string, line: number): void {
    if (this.preDepth > 0) this.addPreText(text, line);
    else this.addInline(text, line);
  }

  private addInline(text: string, line: number): void {
    const collapsed = text.replace(COLLAPSIBLE, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (collapsed === ' ') this.space = true;
      return;
    }
    const core = collapsed.replace(/^ | $/gu, '');
    if (this.text === '') this.textLine = line;
    else if (this.space || collapsed.startsWith(' ')) this.text += ' ';
    this.text += core;
    this.space = collapsed.endsWith(' ');
  }

  private addPreText(text: string, line: number): void {
    let body = text.replace(/\r\n?/gu, '\n');
    if (this.preJustOpened && body.startsWith('\n')) body = body.slice(1);
    this.preJustOpened = false;
    body.split('\n').forEach((piece, k) => {
      if (k > 0) this.endLine(true);
      if (piece === '') return;
      if (this.text === '') this.textLine = line + k;
      this.text += piece;
    });
  }

  /** Ends the current line; `keepEmpty` writes an empty line too (<br><br>, blank lines in <pre>). */
  endLine(keepEmpty = false): void {
    if (this.text.trim() === '') {
      this.text = '';
      this.space = false;
      if (keepEmpty && this.lines.length > 0) this.push('', this.textLine);
      return;
    }
    let prefix = '';
    const level = this.bulletLevel;
    if (level !== null) {
      prefix = '  '.repeat(level - 1) + '• ';
      this.bulletLevel = null;
    } else if (this.items.length > 0) {
      // A further paragraph of an item: indented under its bullet, so the parser nests it there.
      prefix = '  '.repeat(this.items[this.items.length - 1]!);
    }
    const text = this.preDepth > 0 ? this.text.replace(/ +$/u, '') : this.text.replace(/^ +| +$/gu, '');
    this.push(prefix + text, this.textLine);
    this.text = '';
    this.space = false;
  }

  /** Adds a finished line (a table row, a line of a layout cell) after the current one. */
  push(text: string, line: number): void {
    if (this.blankWanted && text !== '' && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') {
      this.lines.push('');
      this.sourceLines.push(line);
    }
    if (text !== '') this.blankWanted = false;
    this.lines.push(text);
    this.sourceLines.push(line);
  }

  breakLine(paragraph: boolean): void {
    this.endLine();
    if (paragraph) this.blankWanted = true;
  }

  startTag(name: string): void {
    if (name === 'br') this.endLine(true);
    else if (name === 'li') {
      this.endLine();
      const level = Math.max(1, this.listDepth);
      // An <li> closes an unclosed one at its level (<li>a<li>b), as in a browser.
      while (this.items.length > 0 && this.items[this.items.length - 1]! >= level) this.items.pop();
      this.items.push(level);
      this.bulletLevel = level;
    } else if (LIST.has(name)) {
      this.breakLine(this.items.length === 0);
      this.listDepth++;
    } else if (name === 'pre') {
      this.breakLine(true);
      this.preDepth++;
      this.preJustOpened = true;
    } else if (BLOCK.has(name)) this.breakLine(PARAGRAPH.has(name));
  }

  endTag(name: string): void {
    if (name === 'br') this.endLine(true);
    else if (name === 'li') {
      this.endLine();
      this.items.pop();
      this.bulletLevel = null;
    } else if (LIST.has(name)) {
      this.endLine();
      this.listDepth = Math.max(0, this.listDepth - 1);
      while (this.items.length > 0 && this.items[this.items.length - 1]! > this.listDepth) this.items.pop();
      this.bulletLevel = null;
      if (this.items.length === 0) this.blankWanted = true;
    } else if (name === 'pre') {
      this.endLine();
      this.preDepth = Math.max(0, this.preDepth - 1);
      this.blankWanted = true;
    } else if (BLOCK.has(name)) this.breakLine(PARAGRAPH.has(name));
  }

  finish(): HtmlText {
    this.endLine();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.sourceLines.pop();
    }
    return { lines: this.lines, sourceLines: this.sourceLines };
  }
}

interface Cell extends HtmlText {
  layout: boolean;
}

interface OpenTable {
  /** Index of the flow the table's rows are written to. */
  parent: number;
  row: Cell[] | null;
  cellOpen: boolean;
}

/** Routes tags and text to the innermost flow; tables open a flow per cell and write rows when they end. */
class PageConverter {
  private readonly flows: Flow[] = [new Flow()];
  private readonly tables: OpenTable[] = [];

  private get top(): Flow {
    return this.flows[this.flows.length - 1]!;
  }

  text(raw: string, line: number): void {
    this.top.addText(decodeEntities(raw), line);
  }

  title(raw: string, line: number): void {
    this.top.breakLine(true);
    this.text(raw, line);
    this.top.breakLine(true);
  }

  startTag(name: string): void {
    const table = this.tables[this.tables.length - 1];
    if (LAYOUT_SIGNS.has(name)) this.top.layout = true;
    if (name === 'table') {
      this.top.breakLine(true);
      this.tables.push({ parent: this.flows.length - 1, row: null, cellOpen: false });
    } else if ((name === 'tr' || name === 'td' || name === 'th') && table) {
      this.closeCell(table);
      if (name === 'tr') this.endRow(table);
      else {
        table.row ??= [];
        this.flows.push(new Flow());
        table.cellOpen = true;
      }
    } else this.top.startTag(name === 'tr' || name === 'td' || name === 'th' ? 'div' : name);
  }

  endTag(name: string): void {
    const table = this.tables[this.tables.length - 1];
    if (name === 'td' || name === 'th') {
      if (table) this.closeCell(table);
    } else if (name === 'tr' || name === 'thead' || name === 'tbody' || name === 'tfoot') {
      if (table) {
        this.closeCell(table);
        this.endRow(table);
      }
    } else if (name === 'table') {
      if (table) this.closeTable();
    } else this.top.endTag(name);
  }

  private closeTable(): void {
    const table = this.tables.pop()!;
    this.closeCell(table);
    this.endRow(table);
    this.flows[table.parent]!.breakLine(true);
  }

  private closeCell(table: OpenTable): void {
    if (!table.cellOpen) return;
    const cell = this.flows.pop()!;
    const layout = cell.layout;
    table.row!.push({ ...cell.finish(), layout });
    table.cellOpen = false;
  }

  /**
   * A data row becomes one tab-separated line (empty cells kept, a cell's own lines joined by spaces);
   * a layout row, or a row of one cell, gives its cells' lines one after another.
   */
  private endRow(table: OpenTable): void {
    const row = table.row;
    table.row = null;
    if (!row || row.length === 0) return;
    const parent = this.flows[table.parent]!;
    parent.endLine();
    const layout = row.length === 1 || row.some((c) => c.layout || c.lines.filter((l) => l !== '').length > MAX_DATA_CELL_LINES);
    if (layout) {
      for (const cell of row) {
        cell.lines.forEach((line, k) => parent.push(line, cell.sourceLines[k]!));
        parent.breakLine(true);
      }
      return;
    }
    const cells = row.map((c) => c.lines.map((l) => l.trim()).filter((l) => l !== '').join(' '));
    if (cells.every((c) => c === '')) return;
    const first = row.find((c) => c.lines.some((l) => l.trim() !== ''))!;
    parent.push(cells.join('\t'), first.sourceLines[first.lines.findIndex((l) => l.trim() !== '')]!);
  }

  finish(): HtmlText {
    while (this.tables.length > 0) this.closeTable();
    return this.flows[0]!.finish();
  }
}

/** Offset after a start or end tag whose name ends at `at` (quoted values may hold '>'); -1 if it never ends. */
function tagEnd(html: string, at: number): number {
  let i = at;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '>') return i + 1;
    i++;
    if (ch !== '=') continue;
    while (i < html.length && /\s/u.test(html[i]!)) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return -1;
      i = close + 1;
    }
  }
  return -1;
}

/** The text a saved page shows, line by line, with the source line of each. */
export function htmlToText(html: string): HtmlText {
  const out = new PageConverter();
  const lineAt = lineCounter(html);
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out.text(html.slice(i, textEnd), lineAt(i));
    if (lt < 0) break;
    i = lt;
    const next = html[i + 1];
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
    } else if (next === '!' || next === '?' || (next === '/' && !isAsciiLetter(html[i + 2]))) {
      // Doctype, <![CDATA[…]]>, <?xml?>, </3>: bogus comments up to the next '>'.
      const close = html.indexOf('>', i + 2);
      i = close < 0 ? html.length : close + 1;
    } else if (next === '/' || isAsciiLetter(next)) {
      const closing = next === '/';
      const nameStart = i + (closing ? 2 : 1);
      let nameEnd = nameStart;
      while (nameEnd < html.length && !/[\s/>]/u.test(html[nameEnd]!)) nameEnd++;
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      const end = tagEnd(html, nameEnd);
      // A tag cut off by the end of the file is dropped, as a browser does.
      if (end < 0) break;
      i = end;
      if (closing) {
        out.endTag(name);
        continue;
      }
      if (HIDDEN_RAW_TEXT.has(name) || RCDATA.has(name)) {
        const closer = new RegExp(`</${name}(?=[\\s/>])`, 'giu');
        closer.lastIndex = i;
        const found = closer.exec(html);
        const contentEnd = found ? found.index : html.length;
        if (name === 'title') out.title(html.slice(i, contentEnd), lineAt(i));
        else if (name === 'textarea') {
          out.startTag('div');
          out.text(html.slice(i, contentEnd), lineAt(i));
          out.endTag('div');
        }
        if (!found) break;
        const close = html.indexOf('>', found.index);
        i = close < 0 ? html.length : close + 1;
        continue;
      }
      out.startTag(name);
    } else {
      // '<' not starting a tag (<처리목적>, a < b) is text.
      out.text('<', lineAt(i));
      i++;
    }
  }
  return out.finish();
}
