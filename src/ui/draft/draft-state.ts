/**
 * The draft's review screen: the check panel scrolls; `d` opens the diff against the version it
 * would follow, `t` the notice with the draft as the new side, `p` publishing, `o` revises the
 * draft from a corrected file (the panel then shows the new check). Pure.
 */
import type { Screen } from '../app-state.js';
import { draftRefOf, type DraftReview } from '../backend.js';
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import type { PathCheck } from '../import/import-state.js';
import type { PromptState } from '../widgets/prompt-state.js';
import { draftFileKey, openDraftFilePrompt } from './draft-file.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface DraftState {
  scroll: number;
  /** The path prompt of `o`, while open. */
  filePrompt?: PromptState;
  message?: string;
}

export type DraftOutcome = { kind: 'state'; state: DraftState } | { kind: 'open'; screen: Screen } | { kind: 'saveDraft'; path: string; state: DraftState } | { kind: 'back' } | { kind: 'none' };

export const initialDraftState: DraftState = { scroll: 0 };

export function draftKeys(state: DraftState = initialDraftState): KeyHelp[] {
  if (state.filePrompt) return [{ key: 'Enter', label: t('timeline.key.saveDraft'), primary: true }, { key: 'Esc', label: t('timeline.key.cancel'), primary: true }];
  return [
    { key: '↑↓', label: t('draft.key.scroll') },
    { key: 'd', label: t('draft.key.diff'), primary: true },
    { key: 't', label: t('draft.key.notice'), primary: true },
    { key: 'o', label: t('timeline.key.revise'), short: t('timeline.short.revise'), primary: true },
    { key: 'p', label: t('draft.key.publish'), primary: true },
    { key: 'q', label: t('draft.key.back'), primary: true },
  ];
}

export function draftKey(state: DraftState, body: { slug: string; city: string; review: DraftReview; lines: number; height: number }, input: string, key: Key, checkPath: PathCheck): DraftOutcome {
  const next = (patch: Partial<DraftState>): DraftOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  if (state.filePrompt) {
    const outcome = draftFileKey(state.filePrompt, input, key, checkPath);
    if (outcome.kind === 'cancel') return next({ filePrompt: undefined });
    if (outcome.kind === 'editing') return next({ filePrompt: outcome.prompt });
    return { kind: 'saveDraft', path: outcome.path, state: { ...state, filePrompt: undefined, message: t('timeline.savingDraft', { path: outcome.path }) } };
  }
  const maxScroll = Math.max(0, body.lines - body.height);
  const to = (line: number) => next({ scroll: Math.max(0, Math.min(maxScroll, line)) });
  if (isBack(input, key)) return { kind: 'back' };
  if (isDown(input, key)) return to(state.scroll + 1);
  if (isUp(input, key)) return to(state.scroll - 1);
  const page = Math.max(1, body.height - 1);
  if (key.pageDown || input === ' ') return to(state.scroll + page);
  if (key.pageUp) return to(state.scroll - page);
  if (input === 'o') return next({ filePrompt: openDraftFilePrompt(true) });
  if (input === 'p') return { kind: 'open', screen: { kind: 'publish', slug: body.slug, city: body.city } };
  if (input === 'd' || input === 't') {
    const against = body.review.against;
    if (!against) return next({ message: t('timeline.draftFirst', { city: body.city }) });
    const draft = draftRefOf(body.slug);
    return { kind: 'open', screen: input === 'd' ? { kind: 'diff', oldRef: against, newRef: draft, crossCity: false } : { kind: 'notice', oldRef: against, newRef: draft } };
  }
  return { kind: 'none' };
}
