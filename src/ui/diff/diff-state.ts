/** Diff screen: article cursor, detail scroll, the view toggles, facts overlay and search. Pure. */
import type { PolicyDiff } from '../../domain/diff/types.js';
import type { Screen } from '../app-state.js';
import { clampIndex, isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { entryMatches } from './diff-render.js';
import { isSubstantive } from '../../domain/presentation/badges.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface DiffState {
  cursor: number;
  /** First line of the detail pane shown. */
  scroll: number;
  sideBySide: boolean;
  editorial: boolean;
  facts: boolean;
  prompt?: PromptState;
  search?: string;
  message?: string;
}

/** What the reducer needs to know of the layout: how many detail lines there are and fit. */
export interface DiffLayoutFacts {
  detailLength: number;
  detailHeight: number;
}

export type DiffOutcome = { kind: 'state'; state: DiffState } | { kind: 'open'; screen: Screen } | { kind: 'back' } | { kind: 'none' };

/** Opens on the first substantive change, if any. */
export function initialDiffState(diff: PolicyDiff | undefined): DiffState {
  const first = diff ? diff.articles.findIndex(isSubstantive) : -1;
  return { cursor: Math.max(0, first), scroll: 0, sideBySide: false, editorial: false, facts: false };
}

export function diffKeys(state: DiffState, crossCity: boolean): KeyHelp[] {
  if (state.prompt) return [{ key: 'Enter', label: t('diff.key.search'), primary: true }, { key: 'Esc', label: t('diff.key.cancel'), primary: true }];
  if (state.facts) return [{ key: 'f', label: t('diff.key.closeFacts'), primary: true }, { key: 'q', label: t('diff.key.close'), primary: true }];
  const keys: KeyHelp[] = [
    { key: '↑↓', label: t('diff.key.article') },
    { key: 'n/N', label: t('diff.key.nextChange'), short: t('diff.short.nextChange'), primary: true },
    { key: 's', label: state.sideBySide ? t('diff.key.inline') : t('diff.key.sideBySide'), short: state.sideBySide ? t('diff.short.inline') : t('diff.short.sideBySide'), primary: true },
    { key: 'e', label: state.editorial ? t('diff.key.hideEditorial') : t('diff.key.showEditorial'), short: t('diff.short.editorial'), primary: true },
    { key: 'f', label: t('diff.key.facts'), short: t('diff.short.facts'), primary: true },
    { key: '/', label: t('diff.key.search'), primary: true },
  ];
  if (!crossCity) keys.push({ key: 't', label: t('diff.key.notice'), primary: true });
  keys.push(
    { key: 'PgUp/PgDn', label: t('diff.key.scroll'), footer: false },
    { key: 'Home/End', label: t('diff.key.firstLast'), footer: false },
    { key: 'q', label: t('diff.key.back'), primary: true },
  );
  return keys;
}

function findFrom(diff: PolicyDiff, start: number, step: 1 | -1, test: (index: number) => boolean): number | undefined {
  const n = diff.articles.length;
  for (let k = 1; k <= n; k++) {
    const index = (((start + step * k) % n) + n) % n;
    if (test(index)) return index;
  }
  return undefined;
}

export function diffKey(state: DiffState, diff: PolicyDiff, layout: DiffLayoutFacts, input: string, key: Key, refs: { oldRef: string; newRef: string; crossCity: boolean }): DiffOutcome {
  const next = (patch: Partial<DiffState>): DiffOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  const count = diff.articles.length;
  const move = (cursor: number): DiffOutcome => next({ cursor, scroll: 0 });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    // An empty query looks for the next match of the last one.
    const query = outcome.value === '' ? state.search : outcome.value;
    if (query === undefined) return next({ prompt: undefined });
    const found = findFrom(diff, state.cursor, 1, (i) => entryMatches(diff.articles[i]!, query));
    if (found === undefined) return next({ prompt: undefined, search: query, message: t('diff.notFound', { query }) });
    const total = diff.articles.filter((e) => entryMatches(e, query)).length;
    return next({ prompt: undefined, search: query, cursor: found, scroll: 0, message: t('diff.found', { query, total }) });
  }
  if (state.facts) {
    if (input === 'f' || isBack(input, key)) return next({ facts: false });
    return { kind: 'none' };
  }
  if (isBack(input, key)) return { kind: 'back' };
  if (isDown(input, key)) return move(clampIndex(state.cursor, 1, count));
  if (isUp(input, key)) return move(clampIndex(state.cursor, -1, count));
  if (key.home) return move(0);
  if (key.end) return move(Math.max(0, count - 1));
  const maxScroll = Math.max(0, layout.detailLength - layout.detailHeight);
  const page = Math.max(1, layout.detailHeight - 2);
  if (key.pageDown || input === '>' || input === ' ') return next({ scroll: Math.min(maxScroll, state.scroll + page) });
  if (key.pageUp || input === '<') return next({ scroll: Math.max(0, state.scroll - page) });
  if (input === 's') return next({ sideBySide: !state.sideBySide, scroll: 0 });
  if (input === 'e') return next({ editorial: !state.editorial, scroll: 0 });
  if (input === 'f') return next({ facts: true });
  if (input === '/') return next({ prompt: openPrompt(t('diff.searchPrompt')) });
  if (input === 'n' || input === 'N') {
    const step = input === 'n' ? 1 : -1;
    const found = findFrom(diff, state.cursor, step, (i) => isSubstantive(diff.articles[i]!));
    if (found === undefined) return next({ message: t('diff.noChange') });
    const wrapped = step === 1 ? found <= state.cursor : found >= state.cursor;
    return next({ cursor: found, scroll: 0, ...(wrapped ? { message: step === 1 ? t('diff.wrappedFirst') : t('diff.wrappedLast') } : {}) });
  }
  if (input === 't') {
    if (refs.crossCity) return next({ message: t('diff.crossCityNotice') });
    return { kind: 'open', screen: { kind: 'notice', oldRef: refs.oldRef, newRef: refs.newRef } };
  }
  return { kind: 'none' };
}
