/**
 * Line classification: each line of the normalised text, with its indentation, its list marker and
 * text, or its table cells. Everything later works on these.
 */
import { TextMemo } from '../text-memo.js';

export interface Line {
  /** 1-based line number in the decoded input. */
  no: number;
  raw: string;
  blank: boolean;
  /** Indentation width: space and NBSP count 1, ideographic space 2, tab 4. */
  indent: number;
  /** The line without indentation and trailing whitespace. */
  content: string;
  /** The list marker as written (①, 1., 가., -, •, ○, o, ※ …), when the line starts with one. */
  marker?: string;
  /** Which kind of marker: 1. 2. 3. are one family, • and ● another. Nesting by rank uses it. */
  family?: string;
  /** The text after the marker, or the whole content when there is no marker. */
  text: string;
  /** Table cells, when the line is tab-separated (고양 제9조). */
  row?: string[];
}

const CIRCLED = '\u2460-\u2473';
const GANADA = '가나다라마바사아자차카타파하';

/** Marker patterns, most specific first. `space` = the marker needs whitespace (or the end) after it. */
const MARKERS: ReadonlyArray<{ family: string; pattern: RegExp }> = [
  { family: '(①)', pattern: new RegExp(`^\\([${CIRCLED}]\\)`, 'u') },
  { family: '①', pattern: new RegExp(`^[${CIRCLED}]`, 'u') },
  { family: '(1)', pattern: /^\(\d{1,2}\)/u },
  { family: '(가)', pattern: new RegExp(`^\\([${GANADA}]\\)(?=\\s|$)`, 'u') },
  { family: '1.', pattern: /^\d{1,2}\.(?![\d.])/u },
  { family: '1)', pattern: /^\d{1,2}\)(?![\d)])/u },
  { family: '가.', pattern: new RegExp(`^[${GANADA}]\\.(?=\\s|$)`, 'u') },
  { family: '가)', pattern: new RegExp(`^[${GANADA}]\\)(?=\\s|$)`, 'u') },
  { family: '-', pattern: /^[-‐‑–](?=\s|$)/u },
  { family: '*', pattern: /^\*(?=\s|$)/u },
  { family: 'o', pattern: /^[○◦]|^o(?=\s|$)/u },
  { family: '•', pattern: /^[•●]|^∙(?=\s|$)/u },
  { family: '·', pattern: /^[·ㆍ](?=\s|$)/u },
  { family: '▶', pattern: /^[▶▷►]/u },
  { family: '※', pattern: /^※/u },
  { family: '■', pattern: /^[■▪]/u },
  { family: '□', pattern: /^□/u },
  { family: '◆', pattern: /^[◆◇]/u },
  { family: '◎', pattern: /^◎/u },
  { family: '☞', pattern: /^☞/u },
];

export interface MarkerMatch {
  marker: string;
  family: string;
  text: string;
}

/**
 * The patterns as one expression, each its own group: the alternatives are tried in the list's order, so
 * the group that matched is the first pattern that matches, found in one pass (most lines match none).
 */
const ANY_MARKER = new RegExp(MARKERS.map(({ pattern }) => `(${pattern.source})`).join('|'), 'u');
/** The family of each group of ANY_MARKER that wraps a pattern (a pattern's own groups, if any, come after its wrapper). */
const FAMILY_OF_GROUP: (string | undefined)[] = [undefined];
for (const { family, pattern } of MARKERS) {
  FAMILY_OF_GROUP.push(family);
  const ownGroups = new RegExp(`${pattern.source}|`, 'u').exec('')!.length - 1;
  for (let k = 0; k < ownGroups; k++) FAMILY_OF_GROUP.push(undefined);
}

/** The list marker at the start of `content` and the text after it; null for plain text. */
export function detectMarker(content: string): MarkerMatch | null {
  const m = ANY_MARKER.exec(content);
  if (!m) return null;
  let group = 1;
  while (m[group] === undefined || FAMILY_OF_GROUP[group] === undefined) group++;
  return { marker: m[0], family: FAMILY_OF_GROUP[group]!, text: content.slice(m[0].length).trim() };
}

// A tab after some text: a flattened table row. (A leading tab alone is indentation.)
const ROW_TAB = /\S[ \u00a0\u3000]*\t/u;

/** Where the indentation of `raw` ends: spaces, NBSP, ideographic spaces, and tabs when they indent (not a row's empty cells). */
function indentEnd(raw: string, tabs: boolean): number {
  let end = 0;
  for (; end < raw.length; end++) {
    const c = raw[end];
    if (!(c === ' ' || c === '\u00a0' || c === '\u3000' || (tabs && c === '\t'))) break;
  }
  return end;
}

/** Indentation width of raw[0, end): space and NBSP count 1, ideographic space 2, tab 4. */
function indentWidth(raw: string, end: number): number {
  let width = 0;
  for (let k = 0; k < end; k++) width += raw[k] === '\t' ? 4 : raw[k] === '\u3000' ? 2 : 1;
  return width;
}

/** What a line's text says, whatever its number. */
type LineReading = Omit<Line, 'no'>;

function readLine(raw: string): LineReading {
  const content = raw.trim();
  if (content === '') return { raw, blank: true, indent: 0, content: '', text: '' };
  if (raw.includes('\t') && ROW_TAB.test(raw)) {
    // Leading tabs are empty cells here, so only spaces count as indentation; keep empty cells.
    const end = indentEnd(raw, false);
    const cells = raw.slice(end).replace(/[ \u00a0\u3000]+$/u, '').split('\t').map((c) => c.trim());
    const joined = cells.join('\t');
    return { raw, blank: false, indent: indentWidth(raw, end), content: joined, text: joined, row: cells };
  }
  const line: LineReading = { raw, blank: false, indent: indentWidth(raw, indentEnd(raw, true)), content, text: content };
  const marker = detectMarker(content);
  if (marker) {
    line.marker = marker.marker;
    line.family = marker.family;
    line.text = marker.text;
  }
  return line;
}

/**
 * Readings remembered by the line's text: a long page repeats most of its lines (the same list item
 * under each article) and the two versions of a page share most. A repeated line's content is then one
 * string, which the heading readings' memo finds without reading it again. Readings are never changed.
 */
const linesRead = new TextMemo<LineReading>(40_000);

export function classifyLine(raw: string, no: number): Line {
  const read = linesRead.get(raw, readLine);
  const line: Line = { no, raw: read.raw, blank: read.blank, indent: read.indent, content: read.content, text: read.text };
  if (read.row !== undefined) line.row = read.row;
  if (read.marker !== undefined) {
    line.marker = read.marker;
    line.family = read.family;
  }
  return line;
}

export function classifyLines(text: string): Line[] {
  return text.split('\n').map((raw, index) => classifyLine(raw, index + 1));
}

/** Ends like a Korean sentence (…다. …니다 …요.): such a line is prose, not a title. */
export function isSentenceLike(text: string): boolean {
  return /(다|요|니다|까)[.!?]?[)」』”"']?$/u.test(text.trim());
}
