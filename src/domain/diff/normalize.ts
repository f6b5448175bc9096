/**
 * Editorial normalisation: the differences a reader does not count as change.
 *
 * Whitespace and line breaks, list markers and their glyphs, look-alike characters, heading
 * punctuation and numbering are folded away, so that two texts that differ only in those compare
 * equal. Each step is a small exported function so callers (the notice, the UI) can reuse or
 * replace one without the others.
 */
import { TextMemo } from '../text-memo.js';

/** Look-alike characters and their canonical form. Middle dots and bullets fold to `·`. */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // middle dots and bullets used as middle dots
  ['‧', '·'], ['․', '·'], ['・', '·'], ['ㆍ', '·'], ['•', '·'], ['∙', '·'], ['⋅', '·'], ['･', '·'], ['ᆞ', '·'],
  // double quotes
  ['“', '"'], ['”', '"'], ['„', '"'], ['″', '"'], ['〃', '"'],
  // single quotes
  ['‘', "'"], ['’', "'"], ['‚', "'"], ['′', "'"], ['`', "'"], ['´', "'"],
  // dashes and tildes
  ['‐', '-'], ['‑', '-'], ['‒', '-'], ['–', '-'], ['—', '-'], ['―', '-'], ['−', '-'], ['∼', '~'], ['〜', '~'],
  // brackets written in CJK forms
  ['〔', '['], ['〕', ']'], ['［', '['], ['］', ']'],
  // arrows that pages use interchangeably in navigation paths
  ['⇒', '→'], ['➡', '→'], ['▶', '→'], ['>>', '→'],
  // spaces
  ['\u00a0', ' '], ['\u3000', ' '], ['\u2002', ' '], ['\u2003', ' '], ['\u2009', ' '], ['\u200b', ''], ['\ufeff', ''],
]);

const LOOKALIKE_PATTERN = new RegExp([...LOOKALIKES.keys()].map(escapeRegExp).join('|'), 'g');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A character that NFC, the full-width fold or LOOKALIKES may change: anything but ASCII (other than `,
 * and >>), Hangul syllables, CJK ideographs, ·, 〈〉《》「」『』【】, circled numbers, arrows but ⇒,
 * shapes but ▶, and ※. Most provisions have none, and need no folding at all.
 */
const MAY_FOLD = /[^\t\n\r -_a-~·\uac00-\ud7a3\u4e00-\u9fff\u3008-\u3011\u2460-\u24ff\u2190-\u21d1\u21d3-\u21ff\u25a0-\u25b5\u25b7-\u25ff※]|>>/;

/** NFC, full-width ASCII to ASCII, and look-alike characters folded to one canonical character. */
export function foldLookalikes(text: string): string {
  if (!MAY_FOLD.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(LOOKALIKE_PATTERN, (c) => LOOKALIKES.get(c) ?? c);
}

/**
 * A list marker at the start of a provision: bullets (• - ○ o · ▶ ※ ■ □ ◦ ◎ ★ ☞), numbers (1. 1) (1)),
 * Hangul enumerators (가. 가) (가)), circled numbers (① (①)), possibly several in a row (`- 1.`).
 */
const LEADING_MARKER =
  /^(?:\s*(?:[-•·‧․・ㆍ∙○◦◎●▶▷►▸※■□◆◇★☆☞→⇒*+]|\(?[①-⑳㉑-㉟]\)?|\(?\d{1,3}\)|\d{1,3}\.(?!\d)|\(?[가-하]\)|[가-하]\.(?![가-힣])|\([a-zA-Z]\)|[a-zA-Z][.)](?=\s))\s*)+/u;

/** Circled numbers anywhere (inline enumerations like "① 접속 ② 민원마당"): numbering only. */
const CIRCLED = /\(?[①-⑳㉑-㉟]\)?/g;

/** Removes list markers at the start of a provision and circled numbers anywhere. */
export function stripMarkers(text: string): string {
  // `o ` counts as a bullet only when followed by a space: "o 해킹" yes, "offline" no.
  let out = text.replace(/^\s*o(?=\s)/u, '');
  out = out.replace(LEADING_MARKER, '');
  return out.replace(CIRCLED, ' ');
}

/** All whitespace removed: reflow, line breaks, words broken across lines and spacing all vanish. */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/g, ''); // no u flag: \s is the same set, and the plain engine is faster
}

/**
 * Link text: words a page adds to a link's label so that it reads as a button ("적용(클릭)",
 * "[파주시 영상정보 처리기기 운영방침 바로가기]", "[… 이전 개인정보처리방침 다운로드]"). A copied
 * page keeps them, a word processor or a rewritten page drops them: they are not policy wording.
 */
const LINK_WORD = '(?:클릭|바로\\s?가기|다운로드|내려받기)';
/** A link word alone in brackets: "(클릭)", "[바로가기]". */
const BRACKETED_LINK_WORD = new RegExp(`[(\\[]\\s*${LINK_WORD}\\s*[)\\]]`, 'gu');
/** A label in square brackets that ends with a link word: the brackets and the word are link text. */
const LINK_LABEL = new RegExp(`\\[([^\\[\\]]*?)\\s*${LINK_WORD}\\s*\\]`, 'gu');
/** "바로가기" as a word of its own. */
const BARE_LINK_WORD = /(?<=^|\s)바로가기(?=\s|$)/gu;

/** Every link text contains a link word: most provisions have none, and need no masking at all. */
const HAS_LINK_WORD = new RegExp(LINK_WORD);

/** For each character of `text`, whether it is link text (see LINK_WORD). */
export function linkTextMask(text: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  if (!HAS_LINK_WORD.test(text)) return mask;
  const cover = (from: number, to: number): void => {
    for (let k = from; k < to; k++) mask[k] = true;
  };
  for (const match of text.matchAll(BRACKETED_LINK_WORD)) cover(match.index, match.index + match[0].length);
  for (const match of text.matchAll(LINK_LABEL)) {
    cover(match.index, match.index + 1);
    cover(match.index + 1 + match[1]!.length, match.index + match[0].length);
  }
  for (const match of text.matchAll(BARE_LINK_WORD)) cover(match.index, match.index + match[0].length);
  return mask;
}

/** The text without its link text. */
export function stripLinkText(text: string): string {
  if (!HAS_LINK_WORD.test(text)) return text;
  const mask = linkTextMask(text);
  let out = '';
  for (let k = 0; k < text.length; k++) if (!mask[k]) out += text[k];
  return out;
}

/**
 * The comparison keys of a text's 어절 (whitespace collapsed, as `collapseWhitespace` splits them):
 * look-alikes folded and link text left out, so "적용(클릭)" and "적용" are the same word, and a word
 * that is only link text ("다운로드]") has the empty key.
 */
export function wordKeys(words: readonly string[]): string[] {
  const joined = words.join(' ');
  if (!HAS_LINK_WORD.test(joined)) return words.map((word) => foldLookalikes(word));
  const mask = linkTextMask(joined);
  const keys: string[] = [];
  let offset = 0;
  for (const word of words) {
    let kept = '';
    for (let k = 0; k < word.length; k++) if (!mask[offset + k]) kept += word[k];
    keys.push(foldLookalikes(kept));
    offset += word.length + 1;
  }
  return keys;
}

/**
 * The content string of a provision: what substantive comparison looks at. Two provisions whose
 * content strings are equal differ only editorially.
 */
export function contentKey(text: string): string {
  return contentKeys.get(text, computeContentKey);
}

function computeContentKey(text: string): string {
  return stripWhitespace(stripMarkers(foldLookalikes(stripLinkText(text))));
}

/** Keys already computed: a key costs five passes over the text. */
const contentKeys = new TextMemo<string>(1 << 16);

/** Punctuation that heading styles add around a title: `제1조. X`, `제1조 (X)`, `【X】`, `X:`. */
const TITLE_PUNCTUATION = /[()[\]{}<>【】〈〉《》「」『』.:;,·'"~\-→]/gu;

/** A title compared across heading styles: no numbering, no brackets or dots, no spaces. */
export function titleKey(title: string): string {
  const folded = foldLookalikes(title).replace(/^\s*제?\s*\d+\s*조(?:\s*의\s*\d+)?/u, '');
  return stripWhitespace(folded.replace(TITLE_PUNCTUATION, ''));
}

/** Whitespace collapsed to single spaces and trimmed: for showing and for word tokenisation. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
