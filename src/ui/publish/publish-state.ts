/**
 * Publishing the body's draft: the diff summary and the check first, the effective date asked when
 * the draft states none, y to publish; a finding of the law needs a second, different key (a, as
 * `--accept-findings`), so a doubled y never publishes past it. Pure; the hook reads and writes.
 */
import type { DraftReview, PublishOutcome } from '../backend.js';
import type { VersionStatus } from '../../domain/ledger.js';
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { t } from '../../domain/presentation/messages/index.js';

export type PublishStep =
  | { step: 'loading'; effective?: string }
  | { step: 'date'; review: DraftReview; prompt: PromptState }
  | { step: 'confirm'; review: DraftReview; effective: string; scroll: number }
  | { step: 'accept'; review: DraftReview; effective: string; scroll: number }
  | { step: 'publishing'; review: DraftReview; effective: string; acceptFindings: boolean }
  | { step: 'done'; published: PublishOutcome; status: VersionStatus }
  | { step: 'failed'; message: string };

/** `review` asks the hook to (re)read the draft with that date; `publish` to publish it. */
export type PublishAction =
  | { kind: 'state'; state: PublishStep }
  | { kind: 'review'; state: PublishStep & { step: 'loading' } }
  | { kind: 'publish'; state: PublishStep & { step: 'publishing' } }
  | { kind: 'timeline' }
  | { kind: 'back' }
  | { kind: 'none' };

export const initialPublishState: PublishStep = { step: 'loading' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The step after reading the draft: its date asked when it states none, else the confirmation. */
export function afterReview(review: DraftReview): PublishStep {
  if (review.effective === null) return { step: 'date', review, prompt: openPrompt(t('publish.datePrompt')) };
  return { step: 'confirm', review, effective: review.effective, scroll: 0 };
}

export function publishKeys(state: PublishStep): KeyHelp[] {
  switch (state.step) {
    case 'date':
      return [{ key: 'Enter', label: t('publish.key.date'), primary: true }, { key: 'Esc', label: t('publish.key.cancel'), primary: true }];
    case 'confirm':
      return [
        { key: 'y', label: state.review.check.counts.law > 0 ? t('publish.key.next') : t('publish.key.publish'), primary: true },
        { key: '↑↓', label: t('publish.key.scroll') },
        { key: 'n Esc', label: t('publish.key.cancel'), primary: true },
      ];
    case 'accept':
      return [{ key: 'a', label: t('publish.key.accept'), primary: true }, { key: '↑↓', label: t('publish.key.scroll') }, { key: 'n Esc', label: t('publish.key.back'), primary: true }];
    case 'done':
      return [{ key: 'Enter q', label: t('publish.key.timeline'), primary: true }];
    case 'failed':
      return [{ key: 'Enter', label: t('publish.key.retry'), primary: true }, { key: 'q Esc', label: t('publish.key.back'), primary: true }];
    default:
      return [{ key: 'q', label: t('publish.key.back'), primary: true }];
  }
}

export function publishKey(state: PublishStep, layout: { lines: number; height: number }, input: string, key: Key): PublishAction {
  const scrollBy = (s: PublishStep & { step: 'confirm' | 'accept' }, delta: number): PublishAction => ({
    kind: 'state',
    state: { ...s, scroll: Math.max(0, Math.min(Math.max(0, layout.lines - layout.height), s.scroll + delta)) },
  });
  switch (state.step) {
    case 'date': {
      const outcome = promptKey(state.prompt, input, key);
      if (outcome.kind === 'cancel') return { kind: 'back' };
      if (outcome.kind === 'editing') return { kind: 'state', state: { ...state, prompt: outcome.state } };
      if (outcome.value === '') return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: t('publish.dateMissing') } } };
      if (!DATE.test(outcome.value) || Number.isNaN(Date.parse(outcome.value))) {
        return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: t('publish.notDate', { value: outcome.value }) } } };
      }
      // Read again with the date: the check of the revision article depends on it.
      return { kind: 'review', state: { step: 'loading', effective: outcome.value } };
    }
    case 'confirm':
      if (input === 'y' || input === 'Y') {
        if (state.review.check.counts.law > 0) return { kind: 'state', state: { ...state, step: 'accept' } };
        return { kind: 'publish', state: { step: 'publishing', review: state.review, effective: state.effective, acceptFindings: false } };
      }
      if (input === 'n' || input === 'N' || isBack(input, key)) return { kind: 'back' };
      if (isDown(input, key)) return scrollBy(state, 1);
      if (isUp(input, key)) return scrollBy(state, -1);
      return { kind: 'none' };
    case 'accept':
      if (input === 'a' || input === 'A') return { kind: 'publish', state: { step: 'publishing', review: state.review, effective: state.effective, acceptFindings: true } };
      if (input === 'n' || input === 'N' || isBack(input, key)) return { kind: 'state', state: { ...state, step: 'confirm' } };
      if (isDown(input, key)) return scrollBy(state, 1);
      if (isUp(input, key)) return scrollBy(state, -1);
      return { kind: 'none' };
    case 'done':
      if (key.return || isBack(input, key)) return { kind: 'timeline' };
      return { kind: 'none' };
    case 'failed':
      // Esc on an error goes back a screen, never further (the timeline is below).
      if (key.return) return { kind: 'review', state: { step: 'loading' } };
      if (isBack(input, key)) return { kind: 'back' };
      return { kind: 'none' };
    default:
      if (isBack(input, key)) return { kind: 'back' };
      return { kind: 'none' };
  }
}
