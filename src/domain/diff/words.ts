/**
 * Two-level word diff for Korean: 어절 (space-separated words) first, then syllables inside a changed
 * run of words, so `보유합니다 → 보관합니다` marks one syllable. jsdiff's diffWords treats each Hangul
 * syllable as a word and hides whitespace edits, so we tokenise on whitespace ourselves.
 */
import { diffChars, type Change } from 'diff';
import type { WordChange } from './types.js';
import { collapseWhitespace, foldLookalikes, stripWhitespace, wordKeys } from './normalize.js';

/** Below this share of common syllables, a changed run is shown as a whole replacement (easier to read). */
const SYLLABLE_REFINE_MIN_COMMON = 0.4;

/** The comparison key of a word: look-alike characters folded (· ㆍ, “ " …). */
function wordKey(word: string): string {
  return foldLookalikes(word);
}

class WordDiffWriter {
  readonly pieces: WordChange[] = [];
  private oldStarted = false;
  private newStarted = false;

  /** Emits one unit (a word, a run of words) on the given sides, with the space that separates it from the previous unit. */
  private separate(onOld: boolean, onNew: boolean): void {
    const needOld = onOld && this.oldStarted;
    const needNew = onNew && this.newStarted;
    if (needOld && needNew) this.push('equal', ' ');
    else if (needOld) this.push('delete', ' ', true);
    else if (needNew) this.push('insert', ' ', true);
    if (onOld) this.oldStarted = true;
    if (onNew) this.newStarted = true;
  }

  equal(text: string): void {
    this.separate(true, true);
    this.push('equal', text);
  }

  replace(oldText: string, newText: string, editorial: boolean): void {
    if (oldText !== '' && newText !== '') {
      this.separate(true, true);
    } else {
      this.separate(oldText !== '', newText !== '');
    }
    if (oldText !== '') this.push('delete', oldText, editorial);
    if (newText !== '') this.push('insert', newText, editorial);
  }

  /** A changed run refined to syllables. */
  refined(changes: readonly Change[]): void {
    this.separate(true, true);
    for (const change of changes) {
      const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
      this.push(op, change.value);
    }
  }

  push(op: WordChange['op'], text: string, editorial = false): void {
    if (text === '') return;
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.op === op) {
      last.text += text;
      if (!editorial) delete last.editorial;
      return;
    }
    const piece: WordChange = { op, text };
    if (editorial && op !== 'equal') piece.editorial = true;
    this.pieces.push(piece);
  }

  finish(): WordChange[] {
    for (const piece of this.pieces) {
      // Whitespace alone is never substantive.
      if (piece.op !== 'equal' && piece.text.trim() === '') piece.editorial = true;
    }
    markEditorialPairs(this.pieces);
    return this.pieces;
  }
}

/** A delete next to an insert whose texts differ only in look-alikes and spacing is editorial. */
function markEditorialPairs(pieces: WordChange[]): void {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i]!;
    const b = pieces[i + 1]!;
    if (a.op === 'delete' && b.op === 'insert' && stripWhitespace(foldLookalikes(a.text)) === stripWhitespace(foldLookalikes(b.text))) {
      a.editorial = true;
      b.editorial = true;
    }
  }
}

function commonShare(oldText: string, newText: string, changes: readonly Change[]): number {
  const oldLength = stripWhitespace(oldText).length;
  const newLength = stripWhitespace(newText).length;
  const longest = Math.max(oldLength, newLength);
  if (longest === 0) return 1;
  let common = 0;
  for (const change of changes) {
    if (!change.added && !change.removed) common += stripWhitespace(change.value).length;
  }
  return common / longest;
}

/**
 * Word diff of two provisions' texts. Joining the `equal` and `delete` pieces gives the old text,
 * joining `equal` and `insert` the new one (each with whitespace collapsed to single spaces).
 * Pieces that differ only in whitespace or look-alike characters carry `editorial: true`.
 */
export function diffWordsKorean(oldText: string, newText: string): WordChange[] {
  const oldWords = splitWords(oldText);
  const newWords = splitWords(newText);
  const writer = new WordDiffWriter();
  const oldKeys = wordKeys(oldWords);
  const newKeys = wordKeys(newWords);
  const changes = diffWordKeys(oldKeys, newKeys);
  let oldIndex = 0;
  let newIndex = 0;
  let pendingOld: string[] = [];
  let pendingNew: string[] = [];
  let pendingKeys = { old: '', new: '' };
  const flush = (): void => {
    if (pendingOld.length === 0 && pendingNew.length === 0) return;
    const oldRun = pendingOld.join(' ');
    const newRun = pendingNew.join(' ');
    if (pendingKeys.old === pendingKeys.new) {
      // Look-alikes, spacing or link text alone ("다운로드]" dropped with its label's bracket).
      writer.replace(oldRun, newRun, true);
    } else if (oldRun === '' || newRun === '') {
      writer.replace(oldRun, newRun, false);
    } else if (HAS_DIGIT.test(oldRun) || HAS_DIGIT.test(newRun)) {
      // Dates, phones and periods are read as wholes: [-2020년-]{+2025년+}, never 202[-0-]{+5+}년.
      if (pendingOld.length === pendingNew.length) {
        pendingOld.forEach((oldWord, i) => refineWord(writer, oldWord, pendingNew[i]!));
      } else {
        refineRun(writer, oldRun, newRun);
      }
    } else {
      refineRun(writer, oldRun, newRun);
    }
    pendingOld = [];
    pendingNew = [];
    pendingKeys = { old: '', new: '' };
  };
  for (const change of changes) {
    const count = change.count;
    if (change.removed) {
      pendingOld.push(...oldWords.slice(oldIndex, oldIndex + count));
      pendingKeys.old += stripWhitespace(oldKeys.slice(oldIndex, oldIndex + count).join(''));
      oldIndex += count;
    } else if (change.added) {
      pendingNew.push(...newWords.slice(newIndex, newIndex + count));
      pendingKeys.new += stripWhitespace(newKeys.slice(newIndex, newIndex + count).join(''));
      newIndex += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) {
        const oldWord = oldWords[oldIndex + k]!;
        const newWord = newWords[newIndex + k]!;
        if (oldWord === newWord) writer.equal(newWord);
        else writer.replace(oldWord, newWord, true); // same key: look-alike characters only
      }
      oldIndex += count;
      newIndex += count;
    }
  }
  flush();
  return writer.finish();
}

/** A run of words that a word diff keeps, removes or adds. */
export interface WordRun {
  count: number;
  added: boolean;
  removed: boolean;
}

const EQUAL = 0;
const ADDED = 1;
const REMOVED = 2;

/**
 * jsdiff's `diffArrays(oldKeys, newKeys)` (Myers' greedy search, as jsdiff 9 runs it: the same order of
 * diagonals, the same choice between an insertion and a deletion, the same pruning at the graph's edges),
 * so the same runs, tie for tie. Written out here because the process runs each word diff cold: jsdiff
 * allocates a path and a component object per step and two closures per call, which an unoptimised run
 * pays for several times over; here paths are two numbers per diagonal and components rows of three arrays.
 */
export function diffWordKeys(oldKeys: readonly string[], newKeys: readonly string[]): WordRun[] {
  const oldLen = oldKeys.length;
  const newLen = newKeys.length;
  const maxEditLength = oldLen + newLen;
  // Components, a linked list per path (jsdiff's lastComponent chain): kind, count, previous row (-1: none).
  const kinds: number[] = [];
  const counts: number[] = [];
  const previous: number[] = [];
  const component = (kind: number, count: number, before: number): number => {
    kinds.push(kind);
    counts.push(count);
    previous.push(before);
    return kinds.length - 1;
  };
  // The best path on each diagonal (old position minus new position), offset to index from 0: its old
  // position and last component; `alive` 0 where jsdiff's bestPath holds undefined.
  const offset = maxEditLength + 1;
  const size = 2 * maxEditLength + 3;
  const oldPosOf = new Int32Array(size);
  const lastOf = new Int32Array(size);
  const alive = new Uint8Array(size);
  /** Follows equal keys from the path on `diagonal` (jsdiff's extractCommon); returns the new position reached. */
  const extractCommon = (diagonal: number): number => {
    const at = diagonal + offset;
    let oldPos = oldPosOf[at]!;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldKeys[oldPos + 1] === newKeys[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common > 0) lastOf[at] = component(EQUAL, common, lastOf[at]!);
    oldPosOf[at] = oldPos;
    return newPos;
  };
  oldPosOf[offset] = -1;
  lastOf[offset] = -1;
  alive[offset] = 1;
  let newPos = extractCommon(0);
  if (oldPosOf[offset]! + 1 >= oldLen && newPos + 1 >= newLen) return wordRuns(lastOf[offset]!, kinds, counts, previous);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEditLength; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removeAt = diagonal - 1 + offset;
      const addAt = diagonal + 1 + offset;
      const at = diagonal + offset;
      const hasRemovePath = alive[removeAt] === 1;
      const removeOldPos = oldPosOf[removeAt]!;
      const removeLast = lastOf[removeAt]!;
      if (hasRemovePath) alive[removeAt] = 0;
      const addNewPos = oldPosOf[addAt]! - diagonal;
      const canAdd = alive[addAt] === 1 && addNewPos >= 0 && addNewPos < newLen;
      const canRemove = hasRemovePath && removeOldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        alive[at] = 0;
        continue;
      }
      // Branch from the path that is farther along the old side (an insertion unless a deletion gets farther).
      const insert = !canRemove || (canAdd && removeOldPos < oldPosOf[addAt]!);
      const kind = insert ? ADDED : REMOVED;
      const fromLast = insert ? lastOf[addAt]! : removeLast;
      oldPosOf[at] = insert ? oldPosOf[addAt]! : removeOldPos + 1;
      lastOf[at] = fromLast >= 0 && kinds[fromLast] === kind ? component(kind, counts[fromLast]! + 1, previous[fromLast]!) : component(kind, 1, fromLast);
      alive[at] = 1;
      newPos = extractCommon(diagonal);
      if (oldPosOf[at]! + 1 >= oldLen && newPos + 1 >= newLen) return wordRuns(lastOf[at]!, kinds, counts, previous);
      if (oldPosOf[at]! + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  throw new Error('unreachable: a diff never needs more edits than both sides have words');
}

/** The runs of a path, first to last, from its last component. */
function wordRuns(last: number, kinds: readonly number[], counts: readonly number[], previous: readonly number[]): WordRun[] {
  const runs: WordRun[] = [];
  for (let k = last; k >= 0; k = previous[k]!) runs.push({ count: counts[k]!, added: kinds[k] === ADDED, removed: kinds[k] === REMOVED });
  return runs.reverse();
}

const HAS_DIGIT = /\d/;

function digitsOf(word: string): string {
  return word.replace(/\D+/g, ' ').trim();
}

/** A changed run of words, refined to syllables when enough of it survives to make that readable. */
function refineRun(writer: WordDiffWriter, oldRun: string, newRun: string): void {
  const syllables = diffChars(oldRun, newRun);
  if (commonShare(oldRun, newRun, syllables) >= SYLLABLE_REFINE_MIN_COMMON) writer.refined(syllables);
  else writer.replace(oldRun, newRun, false);
}

/** One word of a run of equally many words: kept, replaced whole (numbers), or refined to syllables. */
function refineWord(writer: WordDiffWriter, oldWord: string, newWord: string): void {
  if (wordKey(oldWord) === wordKey(newWord)) {
    if (oldWord === newWord) writer.equal(newWord);
    else writer.replace(oldWord, newWord, true);
  } else if (digitsOf(oldWord) !== digitsOf(newWord)) {
    writer.replace(oldWord, newWord, false);
  } else {
    refineRun(writer, oldWord, newWord);
  }
}

/** The 어절 of a text. */
export function splitWords(text: string): string[] {
  const collapsed = collapseWhitespace(text);
  return collapsed === '' ? [] : collapsed.split(' ');
}

/** True when a word diff has no substantive insert or delete. */
export function isEditorialOnly(words: readonly WordChange[]): boolean {
  return words.every((w) => w.op === 'equal' || w.editorial === true);
}

/** The old text (equal + delete pieces) of a word diff. */
export function oldTextOf(words: readonly WordChange[]): string {
  return words.filter((w) => w.op !== 'insert').map((w) => w.text).join('');
}

/** The new text (equal + insert pieces) of a word diff. */
export function newTextOf(words: readonly WordChange[]): string {
  return words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
}
