/**
 * The path prompt that creates or revises a body's draft (the timeline's and the draft screen's `o`):
 * a path as typed or dropped, checked at once, and what saving it says. Pure.
 */
import type { Key } from '../keys.js';
import type { DraftSaved } from '../backend.js';
import type { PathCheck } from '../import/import-state.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { t } from '../../domain/presentation/messages/index.js';

export type DraftFileOutcome = { kind: 'editing'; prompt: PromptState } | { kind: 'cancel' } | { kind: 'save'; path: string };

export function openDraftFilePrompt(hasDraft: boolean): PromptState {
  return openPrompt(hasDraft ? t('timeline.revisePrompt') : t('timeline.createPrompt'));
}

export function draftFileKey(prompt: PromptState, input: string, key: Key, checkPath: PathCheck): DraftFileOutcome {
  const outcome = promptKey(prompt, input, key);
  if (outcome.kind === 'cancel') return { kind: 'cancel' };
  if (outcome.kind === 'editing') return { kind: 'editing', prompt: outcome.state };
  if (outcome.value === '') return { kind: 'editing', prompt: { ...prompt, problem: t('timeline.pathMissing') } };
  // The path is checked at once: a wrong one is said here, before anything is read or written.
  const checked = checkPath(outcome.value);
  if ('problem' in checked) return { kind: 'editing', prompt: { ...prompt, problem: checked.problem } };
  return { kind: 'save', path: checked.path };
}

/** What saving said, one line: created or revised, and the check's counts by tier. */
export function savedMessage(saved: DraftSaved): string {
  const done = saved.created ? t('timeline.draftCreated') : t('timeline.draftRevised', { revisions: saved.revisions });
  const { law, guideline, recommended } = saved.check.counts;
  return `${done} ${t('check.counts', { law, guideline, recommended })}`;
}
