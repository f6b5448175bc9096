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
import { t } from '../../domain/presentation/messages/index.js';

export interface TimelineState {
  cursor: number;
  /** Index of the version marked with space. */
  mark?: number;
  /** The `@` date prompt, while open. */
  prompt?: PromptState;
  message?: string;
}

/** `open` carries the state left behind the opened screen: the mark is spent once the diff opens. */
export type TimelineOutcome = { kind: 'state'; state: TimelineState } | { kind: 'open'; screen: Screen; state: TimelineState } | { kind: 'back' } | { kind: 'none' };

export const initialTimelineState: TimelineState = { cursor: 0 };

/** Starts on the newest version: that is the one people came to see. */
export function timelineStart(entries: LedgerEntry[]): TimelineState {
  return { cursor: Math.max(0, entries.length - 1) };
}

export function timelineKeys(state: TimelineState): KeyHelp[] {
  if (state.prompt) return [{ key: 'Enter', label: t('timeline.key.jump'), primary: true }, { key: 'Esc', label: t('timeline.key.cancel'), primary: true }];
  return [
    { key: '↑↓', label: t('timeline.key.move') },
    { key: 'd', label: t('timeline.key.previous'), primary: true },
    { key: 'Space', label: state.mark === undefined ? t('timeline.key.mark') : t('timeline.key.unmark'), primary: true },
    { key: 'Enter', label: state.mark === undefined ? t('timeline.key.previous') : t('timeline.key.markedVs'), primary: state.mark !== undefined },
    { key: '@', label: t('timeline.key.asOf'), primary: true },
    { key: 'q', label: t('timeline.key.back'), primary: true },
  ];
}

export function entryLabel(entry: LedgerEntry): string {
  return `${entry.effective ?? t('timeline.undated')} ~ ${entry.until ?? t('timeline.inForce')}`;
}

/** Why a version can't be diffed, in words a person can act on. */
export function whyNoText(slug: string, entry: LedgerEntry): string {
  const known = entry.evidence?.[0];
  const from = known ? t('timeline.knownFrom', { version: known.version ?? t('timeline.undated'), text: known.text }) : t('timeline.neverArchived');
  return t('timeline.noText', { label: entryLabel(entry), why: entry.note ?? from, slug, date: entry.effective ?? 'YYYY-MM-DD' });
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
  if (!oldRef || !newRef) return t('timeline.noName');
  return { kind: 'diff', oldRef, newRef, crossCity: false };
}

export function timelineKey(state: TimelineState, slug: string, entries: LedgerEntry[], input: string, key: Key): TimelineOutcome {
  const next = (patch: Partial<TimelineState>): TimelineOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(outcome.value) || Number.isNaN(Date.parse(outcome.value))) {
      return next({ prompt: { ...state.prompt, problem: t('timeline.notDate', { value: outcome.value }) } });
    }
    const index = inForceOn(entries, outcome.value);
    if (index === undefined) return next({ prompt: undefined, message: t('timeline.noneInForce', { date: outcome.value }) });
    const entry = entries[index]!;
    const text = entry.archived ? t('timeline.textArchived') : t('timeline.noTextArchived');
    return next({ prompt: undefined, cursor: index, message: t('timeline.inForceOn', { date: outcome.value, label: entryLabel(entry), text }) });
  }
  if (isBack(input, key)) {
    if (state.mark !== undefined && key.escape) return next({ mark: undefined });
    return { kind: 'back' };
  }
  if (isDown(input, key)) return next({ cursor: clampIndex(state.cursor, 1, entries.length) });
  if (isUp(input, key)) return next({ cursor: clampIndex(state.cursor, -1, entries.length) });
  if (key.home) return next({ cursor: 0 });
  if (key.end) return next({ cursor: Math.max(0, entries.length - 1) });
  if (input === '@') return next({ prompt: openPrompt(t('timeline.datePrompt')) });
  const focused = entries[state.cursor];
  if (!focused) return { kind: 'none' };
  const open = (target: Screen | string): TimelineOutcome =>
    typeof target === 'string' ? next({ message: target }) : { kind: 'open', screen: target, state: { ...state, mark: undefined, message: undefined } };
  if (input === ' ') {
    if (state.mark === state.cursor) return next({ mark: undefined });
    if (!focused.archived) return next({ message: whyNoText(slug, focused) });
    return next({ mark: state.cursor, message: t('timeline.marked', { label: entryLabel(focused) }) });
  }
  if (key.return && state.mark !== undefined) {
    if (state.mark === state.cursor) return next({ message: t('timeline.sameMark') });
    return open(diffScreen(slug, entries, state.mark, state.cursor));
  }
  if (input === 'd' || key.return) {
    if (!focused.archived) return next({ message: whyNoText(slug, focused) });
    const previous = previousWithText(entries, state.cursor);
    if (previous === undefined) return next({ message: t('timeline.oldest', { label: entryLabel(focused) }) });
    return open(diffScreen(slug, entries, previous, state.cursor));
  }
  return { kind: 'none' };
}
