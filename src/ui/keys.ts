/** Key presses as the pure reducers see them, and the key lists the footer and help overlay show. */
import type { Key } from 'ink';

export type { Key };

/** One line of the footer / help: the key as printed and what it does. */
export interface KeyHelp {
  key: string;
  label: string;
  /** Shown in the footer too (the help overlay shows every key). */
  footer?: boolean;
  /** The footer's word for it, where the whole label would crowd out other keys at 80 columns. */
  short?: string;
  /** The screen's main keys: the footer keeps these whatever the width, and drops the others first. */
  primary?: boolean;
}

/** A key press with nothing set, for building presses in pure code and tests. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

export function press(partial: Partial<Key> = {}): Key {
  return { ...NO_KEY, ...partial };
}

/** Terminals send DEL (0x7f) for Backspace and Ink reports it as `delete`: treat both as erase. */
export function isErase(key: Key): boolean {
  return key.backspace || key.delete;
}

export function isBack(input: string, key: Key): boolean {
  return key.escape || (input === 'q' && !key.ctrl && !key.meta);
}

export function isDown(input: string, key: Key): boolean {
  return key.downArrow || (input === 'j' && !key.ctrl);
}

export function isUp(input: string, key: Key): boolean {
  return key.upArrow || (input === 'k' && !key.ctrl);
}

/** Text a key press types (pasted runs included), without control characters. */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return '';
  return Array.from(input).filter((ch) => ch >= ' ' && ch !== '\x7f').join('');
}

/** Index moved by `delta`, kept within [0, length). */
export function clampIndex(index: number, delta: number, length: number): number {
  if (length === 0) return 0;
  return Math.max(0, Math.min(length - 1, index + delta));
}

/** First visible row of a list of `length` rows shown `height` at a time, keeping `cursor` in view. */
export function windowStart(cursor: number, height: number, length: number): number {
  if (height <= 0 || length <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), length - height));
}

function hasSpecialKey(key: Key): boolean {
  return (
    key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageDown || key.pageUp || key.home || key.end ||
    key.return || key.escape || key.ctrl || key.meta || key.tab || key.backspace || key.delete
  );
}

/**
 * Ink hands a run of typed characters to useInput as one string ("@2016-06-01\r" when keys arrive
 * together, or a paste). Split it back into single key presses so every key means what it means
 * alone; Enter, Tab and Backspace inside the run become their keys.
 */
export function splitKeypresses(input: string, key: Key): { input: string; key: Key }[] {
  if (hasSpecialKey(key) || Array.from(input).length <= 1) return [{ input, key }];
  return Array.from(input, (ch) => {
    if (ch === '\r' || ch === '\n') return { input: '', key: press({ return: true }) };
    if (ch === '\t') return { input: '', key: press({ tab: true }) };
    if (ch === '\x7f' || ch === '\b') return { input: '', key: press({ backspace: true }) };
    if (ch === '\x1b') return { input: '', key: press({ escape: true }) };
    const code = ch.codePointAt(0)!;
    // Ctrl+letter arrives as 0x01–0x1a inside a run.
    if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: press({ ctrl: true }) };
    return { input: ch, key: press() };
  });
}
