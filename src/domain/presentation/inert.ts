/**
 * The one rule for untrusted text on its way out (policy text, store files, file names, options,
 * error messages): it may show anything but drive nothing. Every shell's output goes through here.
 *
 * - ESC becomes ␛ and other C0 controls their control pictures (␀…␟, DEL ␡), so `\x1b]52;…` shows
 *   as `␛]52;…` and neither writes the clipboard nor clears the screen.
 * - C1 controls (U+0080–U+009F, the 8-bit CSI/OSC among them) show as `⟪U+009B⟫`.
 * - Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) show as `⟪U+202E⟫`: a
 *   reader sees that the text held one, and the line is never reordered behind their back.
 * - U+2028/2029 (line and paragraph separators some terminals honour) show as `⟪U+2028⟫` too.
 * Newlines and tabs are kept ('terminal' and 'markdown': they are the output's own layout) unless
 * `singleLine` is set; HTML also escapes its five special characters.
 */
export type InertTarget = 'terminal' | 'html' | 'markdown';

export interface InertOptions {
  /** Newlines and tabs become a space (a table cell, a one-line label). */
  singleLine?: boolean;
  /** Keep SGR colour codes (a formatter's own, around text it made inert first); everything else as usual. */
  keepColour?: boolean;
}

const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// What `inert` changes, per target and line mode: text holding none of these passes as it is (no copy).
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const NEEDS_WORK = {
  terminal: new RegExp(`[${CONTROLS}]`, 'u'),
  markdown: new RegExp(`[${CONTROLS}]`, 'u'),
  html: new RegExp(`[${CONTROLS}&<>"']`, 'u'),
};
const LAYOUT = /[\n\t]/;

/** `⟪U+202E⟫`: how a code point that must not act is shown. */
export function visibleCodePoint(code: number): string {
  return `⟪U+${code.toString(16).toUpperCase().padStart(4, '0')}⟫`;
}

/** True when `text` holds nothing `inert` would change for `target`. */
export function isInert(text: string, target: InertTarget = 'terminal', options: InertOptions = {}): boolean {
  return !NEEDS_WORK[target].test(text) && !(options.singleLine && LAYOUT.test(text));
}

/** `text` made inert for `target`: see the module comment for what each character becomes. */
/**
 * Colour codes (SGR: ESC [ digits m) that a formatter of ours adds around text it already made inert;
 * kept only by `keepColour` writes (src/app/output.ts writeStyled), never found in policy text by then.
 */
const SGR = /(\u001b\[[0-9;]*m)/u;

export function inert(text: string, target: InertTarget = 'terminal', options: InertOptions = {}): string {
  if (isInert(text, target, options)) return text;
  if (options.keepColour) return text.split(SGR).map((piece, i) => (i % 2 === 1 ? piece : inert(piece, target, { ...options, keepColour: false }))).join('');
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || ch === '\t') out += options.singleLine ? ' ' : ch;
    else if (code < 0x20) out += String.fromCodePoint(0x2400 + code);
    else if (code === 0x7f) out += '␡';
    else if (code <= 0x9f && code >= 0x80) out += visibleCodePoint(code);
    else if (BIDI_CONTROLS.has(code) || code === 0x2028 || code === 0x2029) out += visibleCodePoint(code);
    else if (target === 'html' && ch in HTML_ESCAPES) out += HTML_ESCAPES[ch];
    else out += ch;
  }
  return out;
}

declare const MADE_INERT: unique symbol;
/** Text that passes `inert` unchanged for a terminal by how it was made (inertJson): a shell writes it without scanning it again. */
export type InertText = string & { readonly [MADE_INERT]: true };

/**
 * JSON whose strings cannot drive a terminal either: JSON.stringify already writes C0 controls as
 * `\u001b`; this also writes C1, bidi and line-separator characters as `\uXXXX` escapes (the same
 * value for any JSON reader), so JSON output passes `inert` unchanged.
 */
export function inertJson(value: unknown, indent = 2): InertText {
  return escapeJsonControls(JSON.stringify(value, null, indent));
}

/**
 * What a command prints as JSON: inertJson's pretty text and a newline. The newline joins the text
 * before it is escaped: JSON.stringify's text is made of pieces that escaping puts in one string, and a
 * newline added after that makes pieces again, which writing a long report (megabytes) copied once more.
 */
export function inertJsonLine(value: unknown): InertText {
  return escapeJsonControls(`${JSON.stringify(value, null, 2)}\n`);
}

/** JSON text with C1, bidi and line-separator characters written as `\uXXXX` escapes (see inertJson). */
function escapeJsonControls(json: string): InertText {
  return json.replace(JSON_CONTROLS, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`) as InertText;
}

const JSON_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NOT_ONE_LINE = new RegExp(`[${CONTROLS}\\n\\t]`, 'u');

/** True when `text` is one line of visible text: no control, bidi or line-separator character, no newline or tab. */
export function isOneLineText(text: string): boolean {
  return !NOT_ONE_LINE.test(text);
}

/** Characters that are Markdown syntax wherever they stand: emphasis, code, links, raw HTML, table cells. */
const MARKDOWN_INLINE = /[\\`*_[\]<|]/gu;
/** An entity reference (`&amp;`, `&#39;`) that Markdown would decode. */
const MARKDOWN_ENTITY = /&(?=#?[0-9A-Za-z]+;)/gu;
/** A tilde that could open or close ~strikethrough~: one not standing between two spaces. */
const MARKDOWN_TILDE = /(?<!\s)~|~(?!\s)/gu;
/** What starts a block at the beginning of a line: heading, list, quote, setext underline, ordered list. */
const MARKDOWN_BLOCK_START = /^([ \t]*)([#>+=-]|\d{1,9}(?=[.)](?:[ \t]|$)))/gmu;

export interface InertMarkdownOptions extends InertOptions {
  /** The text continues a line (a word after other words): no block marker can start there. */
  inline?: boolean;
}

/**
 * `text` as Markdown that shows exactly that text: made inert, then only what Markdown reads as syntax
 * escaped (emphasis, code, links, raw HTML, table pipes, entity references, a tilde that could strike
 * through, a block marker at the start). Parentheses, braces, `#`, `+` and `!` inside a line stay as written.
 */
export function inertMarkdown(text: string, options: InertMarkdownOptions = {}): string {
  const escaped = inert(text, 'markdown', options)
    .replace(MARKDOWN_INLINE, (c) => `\\${c}`)
    .replace(MARKDOWN_ENTITY, '\\&')
    .replace(MARKDOWN_TILDE, (c) => c.replace('~', '\\~'));
  if (options.inline) return escaped;
  return escaped.replace(MARKDOWN_BLOCK_START, (_, space: string, marker: string) => `${space}${/^\d/u.test(marker) ? `${marker}\\` : `\\${marker}`}`);
}
