/**
 * A saved HTML page → the text lines the line-based parser reads, as a browser would show them:
 * scripts, styles and comments gone, block elements on their own lines, list items as "• " lines
 * indented two spaces per nesting level, table rows as tab-separated cells, entities decoded.
 *
 * A small tolerant tokenizer, not a DOM: one pass, no recursion (10,000 nested <div>s cost nothing),
 * unclosed and stray tags are simply breaks or nothing. Every visible text node lands on some line;
 * deciding what is page furniture stays with the parser's own rules.
 *
 * Raw page source (JSP, ASP, PHP, Vue single-file components) is read as the page it renders: server
 * code and comments run before any HTML exists, so they go first; an expression whose value only the
 * server knows (<%= … %>, ${…}, {{ … }}) leaves a hole that is reported. What the page does not show
 * (drop-down options, screen-reader captions, hidden menus) is reported with a reason rather than
 * read as text, except hidden text that is policy (a collapsed accordion body, an inactive tab panel).
 */
import { isUtf8 } from 'node:buffer';
import type { DroppedLine } from '../model.js';
import { InputError } from '../errors.js';
import { t } from '../presentation/messages/index.js';

interface TextLines {
  /** The page's visible text, one entry per line. */
  lines: string[];
  /** For each line, the 1-based line of the HTML source its first text came from. */
  sourceLines: number[];
}

export interface HtmlText extends TextLines {
  /** Text in the source that the page does not show as text, with the reason; source line numbers. */
  dropped: DroppedLine[];
  /** What the page calls its site: og:site_name, the <title>'s parts, screen-reader logo captions. */
  siteNames: string[];
}

/**
 * A button's label ("전체 펼치기", "인쇄") and a drop-down's label ("이전 개인정보 처리방침" above the
 * version drop-down): page controls, not policy text. An accordion's heading in its toggle button is read.
 */
function controlLabel(name: string, attrs: Map<string, string>): { kind: 'control' | 'label'; reason: string; labelFor?: string } | null {
  if (name === 'button') return { kind: 'control', reason: t('parse.drop.button') };
  // A label is text like any other, unless the drop-down it names follows it (judged there).
  const target = attrs.get('for');
  if (name === 'label' && target) return { kind: 'label', reason: t('parse.drop.selectLabel'), labelFor: target };
  return null;
}
/** The reason given for each option of a <select>: the page's version drop-down lists earlier versions. */
export function dropDownOption(): string {
  return t('parse.drop.dropDownOption');
}

// ─── Detection ───────────────────────────────────────────────────────────────

/** Element names a real page is made of; `<처리목적>` or `<http://…>` in a text policy are none of these. */
const KNOWN_TAG =
  /<\/?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|hr|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|img|strong|b|em|i|u|font|center|section|article|header|footer|nav|aside|main|form|fieldset|legend|input|label|button|select|option|textarea|iframe|noscript|blockquote|pre|code|sup|sub|small|template)(?=[\s/>])/giu;
/** Below this many known tags a text is not taken for a page, whatever its density. */
const MIN_TAGS_FOR_FRAGMENT = 8;

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Index after leading whitespace, BOM, comments, an XML declaration and server code (not the doctype). */
function skipPrologue(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\ufeff]/u.test(text[i]!)) i++;
    const server = serverBlockAt(text, i);
    if (server) {
      i = server.end;
    } else if (text.startsWith('<!--', i)) {
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
 * A page starts (after whitespace, BOM, comments, server directives) with <!doctype html, <html, <head,
 * <body, or <template (a Vue component); a fragment (the source of the content area only, or a JSP/PHP
 * page whose header is an include) has at least 8 known element tags and at least one for every two
 * non-blank lines. Copied text with a bracketed word or a <http://…> link has neither.
 */
export function looksLikeHtml(text: string): boolean {
  const start = skipPrologue(text);
  if (/^<(?:!doctype\s+html|html|head|body|template)(?=[\s>/])/iu.test(text.slice(start, start + 20))) return true;
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

/**
 * Before decoding: a page whose bytes are not UTF-8 and that declares a charset other than UTF-8 or
 * EUC-KR/CP949 (windows-1252, shift_jis …) is refused by name, rather than decoded as EUC-KR garbage.
 * A BOM or valid UTF-8 wins over the declaration, as in a browser.
 */
export function assertReadableCharset(bytes: Uint8Array, where: string): void {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return;
  const label = declaredCharset(bytes);
  if (label === null || charsetFamily(label) !== null || isUtf8(bytes)) return;
  throw new InputError(t('err.input.charset', { where, charset: label }), { where, hint: t('err.input.charset.hint') });
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
  private numberBadgeEnded = false;
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
    // <h4><span class="num">01</span>개인정보의 처리목적</h4>: the badge is set apart on screen.
    else if (this.numberBadgeEnded && /[\d.)]$/u.test(this.text) && /^[가-힣]/u.test(core)) this.text += ' ';
    this.numberBadgeEnded = false;
    this.text += core;
    this.space = collapsed.endsWith(' ');
  }

  /** An inline element ended inside a heading: a number written in it is a badge, not glued to the title. */
  inlineEndedInHeading(): void {
    this.numberBadgeEnded = true;
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

  finish(): TextLines {
    this.endLine();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.sourceLines.pop();
    }
    return { lines: this.lines, sourceLines: this.sourceLines };
  }
}

interface Cell extends TextLines {
  layout: boolean;
}

interface OpenTable {
  /** Index of the flow the table's rows are written to. */
  parent: number;
  row: Cell[] | null;
  cellOpen: boolean;
}

// ─── What the page does not show ─────────────────────────────────────────────

/** Classes that show an element to screen readers only (a "새창열림" caption, an image heading's text). */
const SCREEN_READER_CLASSES = new Set([
  'sr-only', 'blind', 'visually-hidden', 'visuallyhidden', 'screen_out', 'screen-out', 'screen-reader-text', 'ir', 'ir_pm',
  'offscreen', 'a11y-hidden', 'hide-text', 'hidetext',
]);
/** Classes that hide an element outright, as display:none does (a collapsed panel, a mobile menu). */
const HIDING_CLASSES = new Set(['hidden', 'hide', 'd-none', 'is-hidden', 'invisible', 'none', 'dn']);
/** Classes of the "skip to content" links at the top of a page. */
const SKIP_CLASSES = /^(?:skip|skip[-_]?nav(?:i|igation)?|skip[-_]?links?|skip[-_]?to[-_]?content|skipnav)$/iu;
/** The page's footer (address, copyright) by its element, id or class: after the last article, not of it. */
const FOOTER_NAMES = /^(?:footer|foot|copyright)$/iu;
/** Elements that are never a scope of their own: a table's inner structure belongs to its table. */
const TABLE_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'col']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);
const BODY_STARTS = new Set(['dd', 'p', 'li', 'table']);
/** Text a person clicks rather than reads: a hidden block made only of it is a menu or a set of buttons. */
const INTERACTIVE = new Set(['a', 'button', 'label']);
/** Short captions pages hide or show around the policy: never policy text. */
const FURNITURE_CAPTION =
  /^[([]?\s*(?:새\s*창(?:으로)?(?:\s*(?:열림|열기|이동))?|열림|닫기|열기|펼치기|펼침|접기|접힘|더\s*보기|자세히\s*보기|\S*\s*바로\s*가기|현재\s*(?:페이지|위치|메뉴|선택)|선택\s*(?:됨|된\s*메뉴)|로딩\s*중|불러오는\s*중\S*|오늘\s*하루.*|팝업.*|이전|다음|처음|마지막|위로|맨\s*위로|top|인쇄(?:하기)?|검색|메뉴(?:\s*(?:열기|닫기))?|전체\s*메뉴|아이콘|이미지|사진|다운로드)\s*[)\]]?$/iu;
/** A line shaped like an article heading or the policy's title: an image heading's screen-reader text. */
const HEADING_SHAPED = /^(?:제\s*\d+\s*조|\d{1,2}\s*[.)]\s*\S|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.|[가-하]\.\s|[■□◆◇▶]\s*\S)/u;
const POLICY_TITLE_WORDS = /개인정보\s*(?:처리|보호|취급)\s*방침/u;
const MAX_SHAPED_LENGTH = 60;
/** A caption, a skip-link list: a few lines at most. */
const MAX_CAPTION_LINES = 4;
/** A screen-reader caption this short may be the logo's name: offered to the name finder. */
const MAX_SITE_NAME_LENGTH = 40;

type ScopeKind = 'select' | 'skip' | 'screen-reader' | 'hidden' | 'footer' | 'control' | 'label';

interface Scope {
  kind: ScopeKind;
  /** Said in the report for what is dropped. */
  reason: string;
  /** The element that opened the scope; the scope ends with its matching end tag. */
  name: string;
  depth: number;
  /** Index of the flow that collects the scope's text. */
  flow: number;
  inline: boolean;
  chars: number;
  interactiveChars: number;
  /** For a <label for="…">: the id of the control it names. */
  labelFor?: string;
}

/** A label whose text waits for the next element: dropped if that is the drop-down it names. */
interface PendingLabel {
  scope: Scope;
  captured: TextLines;
}

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
  for (const m of source.matchAll(pattern)) {
    const name = m[1]!.toLowerCase();
    if (!found.has(name)) found.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return found;
}

/** Why an element's text is not shown as text, or null when it is shown. */
function hiddenBy(name: string, attrs: Map<string, string>, vue: boolean): { kind: Exclude<ScopeKind, 'select'>; reason: string } | null {
  const classes = (attrs.get('class') ?? '').split(/\s+/u).filter(Boolean);
  const id = attrs.get('id') ?? '';
  const footerClass = classes.find((c) => FOOTER_NAMES.test(c));
  const footer =
    name === 'footer' ? t('parse.drop.footer.tag') : FOOTER_NAMES.test(id) ? t('parse.drop.footer.id', { id }) : footerClass ? t('parse.drop.footer.class', { class: footerClass }) : null;
  if (footer) return { kind: 'footer', reason: t('parse.drop.footerElement', { element: footer }) };
  const skip = classes.find((c) => SKIP_CLASSES.test(c)) ?? (SKIP_CLASSES.test(id) ? id : undefined);
  if (skip) return { kind: 'skip', reason: t('parse.drop.skip', { name: skip }) };
  const reader = classes.find((c) => SCREEN_READER_CLASSES.has(c.toLowerCase()));
  if (reader) return { kind: 'screen-reader', reason: t('parse.drop.screenReader', { name: reader }) };
  const why = (how: string): { kind: 'hidden'; reason: string } => ({
    kind: 'hidden',
    reason: t('parse.drop.hiddenMenu', { how }),
  });
  if (attrs.has('hidden')) return why(t('parse.drop.hidden.attribute'));
  const style = attrs.get('style') ?? '';
  if (/display\s*:\s*none|visibility\s*:\s*hidden/iu.test(style)) return why(t('parse.drop.hidden.style', { style: style.trim() }));
  if ((attrs.get('aria-hidden') ?? '').toLowerCase() === 'true') return why(t('parse.drop.hidden.aria'));
  const hiding = classes.find((c) => HIDING_CLASSES.has(c.toLowerCase()));
  if (hiding) return why(t('parse.drop.hidden.class', { name: hiding }));
  // JSTL branches: what only some visitors see (an administrator's edit link) is judged like hidden text.
  if (CONDITIONAL_TAGS.has(name)) return why(t('parse.drop.hidden.when', { condition: `<${name}${attrs.get('test') ? ` test="${attrs.get('test')}"` : ''}>` }));
  if (vue) {
    const condition = ['v-if', 'v-else-if', 'v-else', 'v-show'].find((a) => attrs.has(a));
    if (condition) return why(t('parse.drop.hidden.when', { condition: `${condition}${attrs.get(condition) ? `="${attrs.get(condition)}"` : ''}` }));
  }
  return null;
}

// ─── Server code and template expressions ────────────────────────────────────

/** Stands for a server expression in the text until the text is read (a private-use pair around its index). */
const HOLE_OPEN = '\ue000';
const HOLE_CLOSE = '\ue001';
/** Text-level expressions: a server hole or branch marker, JSP/JSF EL ${…} #{…}, a Vue/Angular/Handlebars {{ … }}. */
const TEXT_EXPRESSION = /\ue000(\d+)\ue001|\ue002(\d+)\ue001|(\ue003)|[$#]\{[^{}]*\}|\{\{[\s\S]*?\}\}/gu;
/** The scope name of a server `if`: no element has it. */
const SERVER_BRANCH = '#server-if';
/** JSTL tags whose content the server shows only in some cases. */
const CONDITIONAL_TAGS = new Set(['c:if', 'c:when', 'c:otherwise']);
/** JSP tags that print a value the source does not hold. */
const OUTPUT_TAGS = new Set(['c:out', 'spring:message', 'fmt:message', 's:property', 'bean:write', 'spring:eval']);

interface ServerBlock {
  end: number;
  /** The block prints a value (<%= … %>, <?= … ?>, <?php echo …): a hole in the page. */
  prints: boolean;
}

/**
 * JSP/ASP <%-- … --%>, <%@ … %>, <% … %>, <%= … %>; PHP <?php … ?>, <?= … ?> (a PHP file may end
 * inside its last block). null when no such block starts at `i`, or a <% never ends (then it is text).
 */
function serverBlockAt(text: string, i: number): ServerBlock | null {
  if (text.startsWith('<%--', i)) {
    const close = text.indexOf('--%>', i + 4);
    return { end: close < 0 ? text.length : close + 4, prints: false };
  }
  if (text.startsWith('<%', i)) {
    const close = text.indexOf('%>', i + 2);
    return close < 0 ? null : { end: close + 2, prints: text[i + 2] === '=' };
  }
  const php = /^<\?(?:php\b|=)/iu.exec(text.slice(i, i + 6));
  if (php) {
    const close = text.indexOf('?>', i + 2);
    const end = close < 0 ? text.length : close + 2;
    const prints = php[0] === '<?=' || /^<\?php\s+(?:echo|print)\b/iu.test(text.slice(i, Math.min(end, i + 20)));
    return { end, prints };
  }
  return null;
}

/** Where a server-side `if` starts (with the index of its condition) and where it ends, in the text. */
const BRANCH_OPEN = '\ue002';
const BRANCH_CLOSE = '\ue003';

type BranchStep = 'if' | 'loop' | 'end' | 'else';

/** What a code block does to the page's branches: <% if (…) { %> … <% } else { %> … <% } %>, PHP's if (…): … endif. */
function branchStep(code: string): BranchStep | null {
  const body = code.replace(/^<(?:%|\?php)|(?:%|\?)>$/giu, '').trim();
  if (/^\}\s*else\b[\s\S]*\{$/u.test(body) || /^(?:else|else\s*if\s*\([\s\S]*\)|elseif\s*\([\s\S]*\))\s*:$/iu.test(body)) return 'else';
  if (body === '}' || /^end(?:if|foreach|for|while)\s*;?$/iu.test(body)) return 'end';
  if (/^if\s*\([\s\S]*\)\s*[{:]$/u.test(body)) return 'if';
  if (/^(?:for|foreach|while)\s*\([\s\S]*\)\s*[{:]$/u.test(body)) return 'loop';
  return null;
}

interface ServerFree {
  html: string;
  /** The code of each block that prints, by the index its hole marker carries. */
  printed: string[];
  /** The code of each server `if` (or `else`), by the index its branch marker carries. */
  conditions: string[];
}

/**
 * The source with server blocks removed (they run before there is any HTML, so a <textarea> inside a
 * <%-- … --%> is no textarea), keeping their line breaks so source lines stay right. A block that
 * prints leaves a hole marker, reported where it stands in text; an `if` leaves branch markers, so what
 * it shows only sometimes (an administrator's edit link) is judged like hidden text. Markers inside a
 * tag are ignored.
 */
function withoutServerCode(html: string): ServerFree {
  const printed: string[] = [];
  const conditions: string[] = [];
  if (!html.includes('<%') && !/<\?(?:php|=)/iu.test(html)) return { html, printed, conditions };
  const open: Array<'if' | 'loop'> = [];
  let out = '';
  let at = 0;
  for (let lt = html.indexOf('<', 0); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const block = serverBlockAt(html, lt);
    if (!block) continue;
    const code = html.slice(lt, block.end);
    out += html.slice(at, lt);
    if (block.prints) {
      out += `${HOLE_OPEN}${printed.length}${HOLE_CLOSE}`;
      printed.push(code.replace(/\s+/gu, ' '));
    } else {
      const step = branchStep(code);
      const condition = (): string => {
        conditions.push(code.replace(/\s+/gu, ' '));
        return `${BRANCH_OPEN}${conditions.length - 1}${HOLE_CLOSE}`;
      };
      if (step === 'if') {
        open.push('if');
        out += condition();
      } else if (step === 'loop') open.push('loop');
      else if (step === 'end' && open.pop() === 'if') out += BRANCH_CLOSE;
      else if (step === 'else' && open[open.length - 1] === 'if') out += BRANCH_CLOSE + condition();
    }
    out += code.replace(/[^\n]/gu, '');
    at = block.end;
    lt = block.end - 1;
  }
  return { html: out + html.slice(at), printed, conditions };
}

/**
 * A Vue single-file component (or any Vue template): starts with <template>, or uses Vue directives.
 * Its <template> is the page, its v-if/v-show blocks are shown only sometimes.
 */
function isVueSource(html: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<template[\s>]/iu.test(html) || /<[a-z][^<>]*\sv-(?:if|else-if|else|show|for)\b/iu.test(html);
}

// ─── Routing ─────────────────────────────────────────────────────────────────

/**
 * Routes tags and text to the innermost flow; tables open a flow per cell and write rows when they end;
 * an element the page does not show opens a scope whose flow is judged when the element ends.
 */
class PageConverter {
  private readonly flows: Flow[] = [new Flow()];
  private readonly tables: OpenTable[] = [];
  private readonly scopes: Scope[] = [];
  private interactiveDepth = 0;
  private pendingLabel: PendingLabel | null = null;
  private headingDepth = 0;
  readonly dropped: DroppedLine[] = [];
  readonly siteNames: string[] = [];

  constructor(
    private readonly printed: readonly string[],
    private readonly conditions: readonly string[],
  ) {}

  private get top(): Flow {
    return this.flows[this.flows.length - 1]!;
  }

  /** Text as written in the source: expressions become reported holes, the rest is read. */
  text(raw: string, line: number): void {
    let at = 0;
    TEXT_EXPRESSION.lastIndex = 0;
    for (let m = TEXT_EXPRESSION.exec(raw); m !== null; m = TEXT_EXPRESSION.exec(raw)) {
      if (m.index > at) this.readText(raw.slice(at, m.index), line);
      at = m.index + m[0].length;
      if (m[2] !== undefined) {
        this.openScope('hidden', t('parse.drop.hiddenMenu', { how: t('parse.drop.hidden.server', { condition: this.conditions[Number(m[2])] ?? 'if' }) }), SERVER_BRANCH, false);
        continue;
      }
      if (m[3] !== undefined) {
        this.endElement(SERVER_BRANCH);
        continue;
      }
      const lineOf = line + (raw.slice(0, m.index).match(/\n/gu)?.length ?? 0);
      const [text, reason] = m[1] !== undefined ? [this.printed[Number(m[1])] ?? '', t('parse.drop.serverExpression')] : [m[0], t('parse.drop.templateExpression')];
      this.dropped.push({ line: lineOf, text: text.replace(/\s+/gu, ' ').trim(), reason });
    }
    if (at < raw.length) this.readText(raw.slice(at), line);
  }

  private readText(raw: string, line: number): void {
    const text = decodeEntities(raw);
    if (/\S/u.test(text)) this.flushLabel();
    if (this.scopes.length > 0) {
      // Every open scope counts it: text an inner scope keeps is its outer scope's text too.
      const chars = text.replace(/\s+/gu, '').length;
      for (const scope of this.scopes) {
        scope.chars += chars;
        if (this.interactiveDepth > 0) scope.interactiveChars += chars;
      }
    }
    this.top.addText(text, line);
  }

  /** A printing JSP tag (<c:out>, <spring:message>): a hole where its value goes. */
  hole(source: string, line: number): void {
    this.dropped.push({ line, text: source.replace(/\s+/gu, ' ').trim(), reason: t('parse.drop.serverExpression') });
  }

  title(raw: string, line: number): void {
    this.top.breakLine(true);
    this.text(raw, line);
    this.top.breakLine(true);
    const title = decodeEntities(raw).replace(/\s+/gu, ' ').trim();
    if (title !== '') this.siteNames.push(title);
  }

  siteName(name: string): void {
    const text = decodeEntities(name).replace(/\s+/gu, ' ').trim();
    if (text !== '') this.siteNames.push(text);
  }

  /** A start tag with its attributes: scopes for what is not shown, then the element itself. */
  element(name: string, attrs: Map<string, string>, selfClosing: boolean, vue: boolean): void {
    if (HEADING_TAGS.has(name)) this.headingDepth++;
    // An unclosed <dt> (or <h4>) ends where the body begins.
    else if (BODY_STARTS.has(name)) this.headingDepth = 0;
    for (const scope of this.scopes) if (scope.name === name && !VOID.has(name)) scope.depth++;
    if (INTERACTIVE.has(name)) this.interactiveDepth++;
    if (!VOID.has(name) && !TABLE_PARTS.has(name) && !(selfClosing && vue)) {
      const hidden: { kind: ScopeKind; reason: string; labelFor?: string } | null =
        name === 'select' ? { kind: 'select', reason: dropDownOption() } : (hiddenBy(name, attrs, vue) ?? controlLabel(name, attrs));
      const label = this.pendingLabel;
      if (label && name === 'select' && attrs.get('id') === label.scope.labelFor) {
        this.pendingLabel = null;
        this.drop(label.captured, label.scope.reason);
      }
      this.flushLabel();
      if (hidden) {
        this.startTag(name);
        this.openScope(hidden.kind, hidden.reason, name, INLINE.has(name));
        if (hidden.labelFor !== undefined) this.scopes[this.scopes.length - 1]!.labelFor = hidden.labelFor;
        return;
      }
    }
    this.flushLabel();
    this.startTag(name);
  }

  private flushLabel(): void {
    const label = this.pendingLabel;
    if (!label) return;
    this.pendingLabel = null;
    const nonBlank = label.captured.lines.map((_, k) => k).filter((k) => label.captured.lines[k]!.trim() !== '');
    this.emit(label.scope, label.captured, nonBlank, true);
  }

  private drop(captured: TextLines, reason: string): void {
    captured.lines.forEach((line, k) => {
      if (line.trim() !== '') this.dropped.push({ line: captured.sourceLines[k]!, text: line.trim(), reason });
    });
  }

  private openScope(kind: ScopeKind, reason: string, name: string, inline: boolean): void {
    this.scopes.push({ kind, reason, name, depth: 1, flow: this.flows.length, inline, chars: 0, interactiveChars: 0 });
    this.flows.push(new Flow());
  }

  endElement(name: string): void {
    this.flushLabel();
    if (HEADING_TAGS.has(name)) this.headingDepth = Math.max(0, this.headingDepth - 1);
    else if (this.headingDepth > 0 && INLINE.has(name)) this.top.inlineEndedInHeading();
    if (INTERACTIVE.has(name)) this.interactiveDepth = Math.max(0, this.interactiveDepth - 1);
    const closing = this.scopes.findLastIndex((s) => s.name === name && s.depth === 1);
    for (const scope of this.scopes) if (scope.name === name) scope.depth = Math.max(0, scope.depth - 1);
    if (closing >= 0) {
      this.closeScopesFrom(closing);
      this.endTag(name);
    } else this.endTag(name);
  }

  /** Judges the scopes from `index` on, innermost first: their lines go to the report or to the page. */
  private closeScopesFrom(index: number): void {
    while (this.scopes.length > index) {
      const scope = this.scopes.pop()!;
      while (this.tables.length > 0 && this.tables[this.tables.length - 1]!.parent >= scope.flow) this.closeTable();
      const captured = this.flows.splice(scope.flow).reduce<Flow | null>((first, f) => first ?? f, null)!.finish();
      this.settle(scope, captured);
    }
  }

  private settle(scope: Scope, captured: TextLines): void {
    const kept: number[] = [];
    const text = captured.lines.map((l) => l.trim());
    const nonBlank = text.map((_, k) => k).filter((k) => text[k] !== '');
    // More lines than a caption has: an element left unclosed took the page with it; judge it as hidden.
    const kind = scope.kind !== 'hidden' && scope.kind !== 'select' && nonBlank.length > MAX_CAPTION_LINES ? 'hidden' : scope.kind;
    if (kind === 'label') {
      if (nonBlank.length > 0) this.pendingLabel = { scope, captured };
      return;
    }
    if (kind === 'screen-reader' || kind === 'control') {
      for (const k of nonBlank) {
        const line = text[k]!;
        const titled = kind === 'screen-reader' && POLICY_TITLE_WORDS.test(line);
        const shaped = line.length <= MAX_SHAPED_LENGTH && (HEADING_SHAPED.test(line) || titled);
        if (shaped) kept.push(k);
        else if (kind === 'screen-reader' && line.length <= MAX_SITE_NAME_LENGTH) this.siteNames.push(line);
      }
    } else if (kind === 'footer') {
      // A footer that holds an article heading is where a page put its policy: read it all.
      if (nonBlank.some((k) => HEADING_SHAPED.test(text[k]!))) kept.push(...nonBlank);
    } else if (kind === 'hidden') {
      const onlyInteractive = scope.interactiveChars >= scope.chars;
      const onlyCaptions = nonBlank.every((k) => FURNITURE_CAPTION.test(text[k]!) || !/[\p{L}\p{N}]/u.test(text[k]!));
      if (!onlyInteractive && !onlyCaptions) kept.push(...nonBlank);
    }
    const keptSet = new Set(kept);
    for (const k of nonBlank) {
      if (!keptSet.has(k)) this.dropped.push({ line: captured.sourceLines[k]!, text: text[k]!, reason: scope.reason });
    }
    // Policy text the page shows only on a click (an accordion body, a tab panel): read where it stands.
    this.emit(scope, captured, kept, kind === 'hidden' || kind === 'footer');
  }

  /** Writes a scope's kept lines where the scope stood (`all`: with its blank lines too). */
  private emit(scope: Scope, captured: TextLines, kept: readonly number[], all: boolean): void {
    if (kept.length === 0) return;
    const parent = this.top;
    if (scope.inline && kept.length === 1) {
      parent.addText(captured.lines[kept[0]!]!, captured.sourceLines[kept[0]!]!);
      return;
    }
    const keptSet = new Set(kept);
    parent.endLine();
    captured.lines.forEach((line, k) => {
      if (all || keptSet.has(k)) parent.push(line, captured.sourceLines[k]!);
    });
    parent.breakLine(!scope.inline);
  }

  private startTag(name: string): void {
    const table = this.tables[this.tables.length - 1];
    if (LAYOUT_SIGNS.has(name)) this.top.layout = true;
    if (name === 'table') {
      this.top.breakLine(true);
      this.tables.push({ parent: this.flows.length - 1, row: null, cellOpen: false });
    } else if ((name === 'tr' || name === 'td' || name === 'th') && table) {
      this.closeScopesInside(table);
      this.closeCell(table);
      if (name === 'tr') this.endRow(table);
      else {
        table.row ??= [];
        this.flows.push(new Flow());
        table.cellOpen = true;
      }
    } else this.top.startTag(name === 'tr' || name === 'td' || name === 'th' ? 'div' : name);
  }

  private endTag(name: string): void {
    const table = this.tables[this.tables.length - 1];
    if (name === 'td' || name === 'th') {
      if (table) {
        this.closeScopesInside(table);
        this.closeCell(table);
      }
    } else if (name === 'tr' || name === 'thead' || name === 'tbody' || name === 'tfoot') {
      if (table) {
        this.closeScopesInside(table);
        this.closeCell(table);
        this.endRow(table);
      }
    } else if (name === 'table') {
      if (table) {
        this.closeScopesInside(table);
        this.closeTable();
      }
    } else this.top.endTag(name);
  }

  /** A cell or row that ends while an element inside it is still open ends that element too. */
  private closeScopesInside(table: OpenTable): void {
    const first = this.scopes.findIndex((s) => s.flow > table.parent);
    if (first >= 0) this.closeScopesFrom(first);
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
    this.closeScopesFrom(0);
    this.flushLabel();
    while (this.tables.length > 0) this.closeTable();
    const page = this.flows[0]!.finish();
    return { ...page, dropped: this.dropped.sort((a, b) => a.line - b.line), siteNames: this.siteNames };
  }
}

/**
 * Offset after a start or end tag whose name ends at `at` (quoted values may hold '>', an EL
 * expression or a Vue binding may hold '>' too); -1 if it never ends.
 */
function tagEnd(html: string, at: number): number {
  let i = at;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '>') return i + 1;
    i++;
    if ((ch === '$' || ch === '#') && html[i] === '{') {
      const close = html.indexOf('}', i);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
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

/** Component names of a Vue page that render as links; other hyphenated components are blocks. */
const COMPONENT_LINKS = new Set(['router-link', 'nuxt-link']);

/** The element a tag name stands for: in a Vue page, <v-card-title> is a block and <router-link> a link. */
function elementName(name: string, vue: boolean): string {
  if (!vue || !name.includes('-')) return name;
  return COMPONENT_LINKS.has(name) ? 'a' : 'div';
}

/** The text a saved page (or a page's raw source) shows, line by line, with the source line of each. */
export function htmlToText(source: string): HtmlText {
  const { html, printed, conditions } = withoutServerCode(source);
  const vue = isVueSource(html);
  const out = new PageConverter(printed, conditions);
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
      const written = html.slice(nameStart, nameEnd).toLowerCase();
      const name = elementName(written, vue);
      const tagStart = i;
      const end = tagEnd(html, nameEnd);
      // A tag cut off by the end of the file is dropped, as a browser does.
      if (end < 0) break;
      i = end;
      if (closing) {
        out.endElement(name);
        continue;
      }
      if (OUTPUT_TAGS.has(written)) {
        out.hole(html.slice(tagStart, end), lineAt(tagStart));
        continue;
      }
      const attrs = attributes(html.slice(nameEnd, html[end - 2] === '/' ? end - 2 : end - 1));
      if (name === 'meta') {
        const property = (attrs.get('property') ?? attrs.get('name') ?? '').toLowerCase();
        if (property === 'og:site_name' || property === 'application-name') out.siteName(attrs.get('content') ?? '');
      }
      const hiddenRaw = HIDDEN_RAW_TEXT.has(name) && !(vue && name === 'template');
      if (hiddenRaw || RCDATA.has(name)) {
        const closer = new RegExp(`</${name}(?=[\\s/>])`, 'giu');
        closer.lastIndex = i;
        const found = closer.exec(html);
        const contentEnd = found ? found.index : html.length;
        if (name === 'title') out.title(html.slice(i, contentEnd), lineAt(i));
        else if (name === 'textarea') {
          // A policy shown in a read-only box keeps its own line breaks, as <pre> does.
          out.element('pre', attrs, false, vue);
          out.text(html.slice(i, contentEnd), lineAt(i));
          out.endElement('pre');
        }
        if (!found) break;
        const close = html.indexOf('>', found.index);
        i = close < 0 ? html.length : close + 1;
        continue;
      }
      // In a Vue page <template> only groups (its v-if still counts); elsewhere it is skipped above.
      out.element(name, attrs, html[end - 2] === '/', vue);
      if (vue && html[end - 2] === '/' && !VOID.has(name)) out.endElement(name);
    } else {
      // '<' not starting a tag (<처리목적>, a < b) is text.
      out.text('<', lineAt(i));
      i++;
    }
  }
  return out.finish();
}
