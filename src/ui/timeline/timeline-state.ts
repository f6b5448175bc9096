/**
 * Timeline of one city: every known version, oldest first. Space marks the first version, enter
 * picks the second; `d` compares with the previous version that has text; `@` jumps to the version
 * in force on a date. Versions without text stay in the list and say why they can't be diffed. Pure.
 */
import type { IsoDate, LedgerEntry } from '../../domain/model.js';
import { refOf } from '../backend.js';
import type { Screen } from '../app-state.js';
import { clampIndex, isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';

export interface TimelineState {
  cursor: number;
  /** Index of the version marked with space. */
  mark?: number;
  /** The `@` date prompt, while open. */
  prompt?: PromptState;
  message?: string;
}

export type TimelineOutcome = { kind: 'state'; state: TimelineState } | { kind: 'open'; screen: Screen } | { kind: 'back' } | { kind: 'none' };

export const initialTimelineState: TimelineState = { cursor: 0 };

/** Starts on the newest version: that is the one people came to see. */
export function timelineStart(entries: LedgerEntry[]): TimelineState {
  return { cursor: Math.max(0, entries.length - 1) };
}

export function timelineKeys(state: TimelineState): KeyHelp[] {
  if (state.prompt) return [{ key: 'enter', label: 'jump to the version in force' }, { key: 'Esc', label: 'cancel' }];
  return [
    { key: '↑↓', label: 'move' },
    { key: 'd', label: 'previous vs this' },
    { key: 'space', label: state.mark === undefined ? 'mark first' : 'unmark' },
    { key: 'enter', label: state.mark === undefined ? 'previous vs this' : 'diff marked vs this' },
    { key: '@', label: 'as of date' },
    { key: 'q', label: 'back' },
  ];
}

export function entryLabel(entry: LedgerEntry): string {
  return `${entry.effective ?? '(undated)'} ~ ${entry.until ?? 'in force'}`;
}

/** Why a version can't be diffed, in words a person can act on. */
export function whyNoText(slug: string, entry: LedgerEntry): string {
  const known = entry.evidence?.[0];
  const from = known ? `known only from the revision article of the ${known.version ?? 'undated'} version ("${known.text}")` : 'its text was never archived';
  return `${entryLabel(entry)} has no text in the store: ${entry.note ?? from}. To diff it, import its text: i on the cities screen, or \`bangchim import ${slug} FILE --effective ${entry.effective ?? 'YYYY-MM-DD'}\`.`;
}

/** The index of the version in force on `date`: the last one that started on or before it. */
export function inForceOn(entries: LedgerEntry[], date: IsoDate): number | undefined {
  let found: number | undefined;
  entries.forEach((entry, index) => {
    const from = entry.effective ?? '0000-00-00';
    const until = entry.until ?? '9999-12-31';
    if (from <= date && date <= until) found = index;
  });
  return found;
}

function previousWithText(entries: LedgerEntry[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (entries[i]!.archived) return i;
  return undefined;
}

function diffScreen(slug: string, entries: LedgerEntry[], oldIndex: number, newIndex: number): Screen | string {
  const oldEntry = entries[oldIndex]!;
  const newEntry = entries[newIndex]!;
  for (const entry of [oldEntry, newEntry]) if (!entry.archived) return whyNoText(slug, entry);
  const oldRef = refOf(slug, oldEntry.effective, oldEntry.tag);
  const newRef = refOf(slug, newEntry.effective, newEntry.tag);
  if (!oldRef || !newRef) return 'This version has no date or tag to name it by.';
  return { kind: 'diff', oldRef, newRef, crossCity: false };
}

export function timelineKey(state: TimelineState, slug: string, entries: LedgerEntry[], input: string, key: Key): TimelineOutcome {
  const next = (patch: Partial<TimelineState>): TimelineOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(outcome.value) || Number.isNaN(Date.parse(outcome.value))) {
      return next({ prompt: { ...state.prompt, problem: `"${outcome.value}" is not a date: write YYYY-MM-DD, e.g. 2016-06-01.` } });
    }
    const index = inForceOn(entries, outcome.value);
    if (index === undefined) return next({ prompt: undefined, message: `No known version was in force on ${outcome.value}.` });
    const entry = entries[index]!;
    const text = entry.archived ? 'text archived' : 'no text archived';
    return next({ prompt: undefined, cursor: index, message: `In force on ${outcome.value}: ${entryLabel(entry)} (${text}).` });
  }
  if (isBack(input, key)) {
    if (state.mark !== undefined && key.escape) return next({ mark: undefined });
    return { kind: 'back' };
  }
  if (isDown(input, key)) return next({ cursor: clampIndex(state.cursor, 1, entries.length) });
  if (isUp(input, key)) return next({ cursor: clampIndex(state.cursor, -1, entries.length) });
  if (key.home) return next({ cursor: 0 });
  if (key.end) return next({ cursor: Math.max(0, entries.length - 1) });
  if (input === '@') return next({ prompt: openPrompt('Version in force on (YYYY-MM-DD):') });
  const focused = entries[state.cursor];
  if (!focused) return { kind: 'none' };
  const open = (target: Screen | string): TimelineOutcome => (typeof target === 'string' ? next({ message: target }) : { kind: 'open', screen: target });
  if (input === ' ') {
    if (state.mark === state.cursor) return next({ mark: undefined });
    if (!focused.archived) return next({ message: whyNoText(slug, focused) });
    return next({ mark: state.cursor, message: `Marked ${entryLabel(focused)}: move to the other version and press enter.` });
  }
  if (key.return && state.mark !== undefined) {
    if (state.mark === state.cursor) return next({ message: 'Pick a different version to compare with the marked one.' });
    return open(diffScreen(slug, entries, state.mark, state.cursor));
  }
  if (input === 'd' || key.return) {
    if (!focused.archived) return next({ message: whyNoText(slug, focused) });
    const previous = previousWithText(entries, state.cursor);
    if (previous === undefined) return next({ message: `${entryLabel(focused)} is the oldest version with text: there is nothing before it to compare with.` });
    return open(diffScreen(slug, entries, previous, state.cursor));
  }
  return { kind: 'none' };
}
