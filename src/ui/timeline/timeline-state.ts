/**
 * Timeline of one city: every known version, oldest first, then the body's draft (초안) when it has
 * one. Space marks the first version, enter picks the second; `d` compares with the previous version
 * that has text (the draft: with the newest version); `@` jumps to the version in force on a date;
 * `o` creates or revises the draft from a file, `x` deletes it (asked first), `p` publishes it.
 * Versions without text stay in the list and say why they can't be diffed. Pure.
 */
import type { IsoDate, Ledger, LedgerEntry } from '../../domain/model.js';
import { newestArchived, versionStatus, type VersionStatus } from '../../domain/ledger.js';
import { draftRefOf, refOf, type DraftInfo } from '../backend.js';
import type { Screen } from '../app-state.js';
import { clampIndex, isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import type { PathCheck } from '../import/import-state.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { draftFileKey, openDraftFilePrompt } from '../draft/draft-file.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface TimelineState {
  cursor: number;
  /** Index of the version marked with space. */
  mark?: number;
  /** The `@` date prompt, while open. */
  prompt?: PromptState;
  /** The path prompt of `o` (the file to make the draft from), while open. */
  filePrompt?: PromptState;
  /** `x` asked whether to delete the draft. */
  confirmDelete?: boolean;
  message?: string;
}

/** What the timeline shows: the body's ledger, its draft (null: none) and today (in force or scheduled). */
export interface TimelineData {
  ledger: Ledger;
  draft: DraftInfo | null;
  today: IsoDate;
}

/**
 * `open` carries the state left behind the opened screen: the mark is spent once the diff opens.
 * `saveDraft` and `deleteDraft` ask the hook to write; it reports back in the state's message.
 */
export type TimelineOutcome =
  | { kind: 'state'; state: TimelineState }
  | { kind: 'open'; screen: Screen; state: TimelineState }
  | { kind: 'saveDraft'; path: string; state: TimelineState }
  | { kind: 'deleteDraft'; state: TimelineState }
  | { kind: 'back' }
  | { kind: 'none' };

export const initialTimelineState: TimelineState = { cursor: 0 };

/** Starts on the newest version: that is the one people came to see (the draft is one row below). */
export function timelineStart(entries: LedgerEntry[]): TimelineState {
  return { cursor: Math.max(0, entries.length - 1) };
}

/** The rows: the ledger's versions, then the draft. */
export function rowCount(data: TimelineData): number {
  return data.ledger.versions.length + (data.draft ? 1 : 0);
}

export function onDraftRow(state: TimelineState, data: TimelineData | undefined): boolean {
  return data?.draft != null && state.cursor === data.ledger.versions.length;
}

export function timelineKeys(state: TimelineState, data?: TimelineData): KeyHelp[] {
  if (state.prompt) return [{ key: 'Enter', label: t('timeline.key.jump'), primary: true }, { key: 'Esc', label: t('timeline.key.cancel'), primary: true }];
  if (state.filePrompt) return [{ key: 'Enter', label: t('timeline.key.saveDraft'), primary: true }, { key: 'Esc', label: t('timeline.key.cancel'), primary: true }];
  if (state.confirmDelete) return [{ key: 'y', label: t('timeline.key.delete'), primary: true }, { key: 'n Esc', label: t('timeline.key.keep'), primary: true }];
  const hasDraft = data?.draft != null;
  if (onDraftRow(state, data)) {
    return [
      { key: '↑↓', label: t('timeline.key.move') },
      { key: 'Enter', label: t('timeline.key.review'), short: t('timeline.short.review'), primary: true },
      { key: 'd', label: t('timeline.key.draftDiff'), short: t('timeline.short.diff'), primary: true },
      { key: 't', label: t('timeline.key.notice'), short: t('timeline.short.notice'), primary: true },
      { key: 'p', label: t('timeline.key.publish'), primary: true },
      { key: 'o', label: t('timeline.key.revise'), short: t('timeline.short.fix'), primary: true },
      { key: 'x', label: t('timeline.key.deleteDraft'), short: t('timeline.short.erase'), primary: true },
      { key: 'q', label: t('timeline.key.back'), primary: true },
    ];
  }
  return [
    { key: '↑↓', label: t('timeline.key.move') },
    { key: 'd', label: t('timeline.key.previous'), primary: true },
    { key: 'Space', label: state.mark === undefined ? t('timeline.key.mark') : t('timeline.key.unmark'), short: state.mark === undefined ? t('timeline.short.mark') : t('timeline.key.unmark'), primary: true },
    { key: 'Enter', label: state.mark === undefined ? t('timeline.key.previous') : t('timeline.key.markedVs'), primary: state.mark !== undefined },
    { key: '@', label: t('timeline.key.asOf'), short: t('timeline.short.asOf'), primary: true },
    { key: 'o', label: hasDraft ? t('timeline.key.revise') : t('timeline.key.create'), short: hasDraft ? t('timeline.short.revise') : t('timeline.short.create'), primary: true },
    ...(hasDraft ? [{ key: 'x', label: t('timeline.key.deleteDraft'), short: t('timeline.short.delete') }] : []),
    { key: 'q', label: t('timeline.key.back'), primary: true },
  ];
}

/**
 * "2020-07-17 ~ 2024-12-31" for a version that has ended; one that has not says so instead of its
 * end: "2020-07-17 ~ 시행 중" (also when a scheduled one will end it), "2027-03-01 ~ 시행 예정".
 */
export function entryLabel(entry: LedgerEntry, status: VersionStatus): string {
  const end = status === 'in-force' ? t('timeline.inForce') : status === 'scheduled' ? t('timeline.scheduled') : (entry.until ?? t('timeline.inForce'));
  return `${entry.effective ?? t('timeline.undated')} ~ ${end}`;
}

/** The draft's row label: its date (or that it states none), and 초안. */
export function draftLabel(draft: DraftInfo): string {
  return t('timeline.draft.label', { date: draft.effective ?? t('timeline.draft.undated') });
}

/** Why a version can't be diffed, in words a person can act on. */
export function whyNoText(slug: string, entry: LedgerEntry, status: VersionStatus): string {
  const known = entry.evidence?.[0];
  const from = known ? t('timeline.knownFrom', { version: known.version ?? t('timeline.undated'), text: known.text }) : t('timeline.neverArchived');
  return t('timeline.noText', { label: entryLabel(entry, status), why: entry.note ?? from, slug, date: entry.effective ?? 'YYYY-MM-DD' });
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

function diffScreen(slug: string, entries: LedgerEntry[], oldIndex: number, newIndex: number, status: (entry: LedgerEntry) => VersionStatus): Screen | string {
  const oldEntry = entries[oldIndex]!;
  const newEntry = entries[newIndex]!;
  for (const entry of [oldEntry, newEntry]) if (!entry.archived) return whyNoText(slug, entry, status(entry));
  const oldRef = refOf(slug, oldEntry.effective, oldEntry.tag);
  const newRef = refOf(slug, newEntry.effective, newEntry.tag);
  if (!oldRef || !newRef) return t('timeline.noName');
  return { kind: 'diff', oldRef, newRef, crossCity: false };
}

export function timelineKey(state: TimelineState, data: TimelineData, input: string, key: Key, checkPath: PathCheck): TimelineOutcome {
  const { ledger, draft } = data;
  const slug = ledger.slug;
  const entries = ledger.versions;
  const status = (entry: LedgerEntry) => versionStatus(ledger, entry, data.today);
  const label = (entry: LedgerEntry) => entryLabel(entry, status(entry));
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
    return next({ prompt: undefined, cursor: index, message: t('timeline.inForceOn', { date: outcome.value, label: label(entry), text }) });
  }
  if (state.filePrompt) {
    const outcome = draftFileKey(state.filePrompt, input, key, checkPath);
    if (outcome.kind === 'cancel') return next({ filePrompt: undefined });
    if (outcome.kind === 'editing') return next({ filePrompt: outcome.prompt });
    return { kind: 'saveDraft', path: outcome.path, state: { ...state, filePrompt: undefined, message: t('timeline.savingDraft', { path: outcome.path }) } };
  }
  if (state.confirmDelete) {
    if (input === 'y' || input === 'Y') return { kind: 'deleteDraft', state: { ...state, confirmDelete: undefined, message: undefined } };
    if (input === 'n' || input === 'N' || isBack(input, key)) return next({ confirmDelete: undefined, message: t('timeline.draftKept') });
    return { kind: 'none' };
  }
  const rows = rowCount(data);
  if (isBack(input, key)) {
    if (state.mark !== undefined && key.escape) return next({ mark: undefined });
    return { kind: 'back' };
  }
  if (isDown(input, key)) return next({ cursor: clampIndex(state.cursor, 1, rows) });
  if (isUp(input, key)) return next({ cursor: clampIndex(state.cursor, -1, rows) });
  if (key.home) return next({ cursor: 0 });
  if (key.end) return next({ cursor: Math.max(0, rows - 1) });
  if (input === '@') return next({ prompt: openPrompt(t('timeline.datePrompt')) });
  if (input === 'o') return next({ filePrompt: openDraftFilePrompt(draft !== null) });
  const open = (target: Screen | string): TimelineOutcome =>
    typeof target === 'string' ? next({ message: target }) : { kind: 'open', screen: target, state: { ...state, mark: undefined, message: undefined } };
  if (input === 'x' || input === 'p') {
    if (!draft) return next({ message: t('timeline.noDraft', { city: ledger.city }) });
    if (input === 'x') return next({ confirmDelete: true, message: t('timeline.deleteAsk', { label: draftLabel(draft) }) });
    return open({ kind: 'publish', slug, city: ledger.city });
  }
  if (draft && state.cursor === entries.length) {
    const against = newestArchived(ledger)?.tag;
    if (key.return) return open({ kind: 'draft', slug, city: ledger.city });
    if (input === 'd' || input === 't') {
      if (!against) return next({ message: t('timeline.draftFirst', { city: ledger.city }) });
      return open(input === 'd' ? { kind: 'diff', oldRef: against, newRef: draftRefOf(slug), crossCity: false } : { kind: 'notice', oldRef: against, newRef: draftRefOf(slug) });
    }
    if (input === ' ') return next({ message: t('timeline.draftNoMark') });
    return { kind: 'none' };
  }
  const focused = entries[state.cursor];
  if (!focused) return { kind: 'none' };
  if (input === ' ') {
    if (state.mark === state.cursor) return next({ mark: undefined });
    if (!focused.archived) return next({ message: whyNoText(slug, focused, status(focused)) });
    return next({ mark: state.cursor, message: t('timeline.marked', { label: label(focused) }) });
  }
  if (key.return && state.mark !== undefined) {
    if (state.mark === state.cursor) return next({ message: t('timeline.sameMark') });
    return open(diffScreen(slug, entries, state.mark, state.cursor, status));
  }
  if (input === 'd' || key.return) {
    if (!focused.archived) return next({ message: whyNoText(slug, focused, status(focused)) });
    const previous = previousWithText(entries, state.cursor);
    if (previous === undefined) return next({ message: t('timeline.oldest', { label: label(focused) }) });
    return open(diffScreen(slug, entries, previous, state.cursor, status));
  }
  return { kind: 'none' };
}
