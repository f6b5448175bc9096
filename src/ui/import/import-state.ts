/**
 * Import a published text as a version from the Cities screen (a draft is made on the timeline): file path → effective date → parse preview with warnings →
 * confirm → the store's import (the code `bangchim import` runs). Pure; the hook runs the work.
 */
import type { DraftPreview } from '../backend.js';
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { t } from '../../domain/presentation/messages/index.js';

/** Resolves a typed path (`~`, quotes) and checks it is a readable file: the path, or what is wrong, said once. */
export type PathCheck = (typed: string) => { path: string } | { problem: string };

export type ImportStep =
  | { step: 'path'; prompt: PromptState }
  | { step: 'effective'; path: string; prompt: PromptState }
  | { step: 'previewing'; path: string; effective?: string }
  | { step: 'preview'; path: string; effective?: string; preview: DraftPreview; scroll: number }
  | { step: 'importing'; path: string; effective?: string }
  | { step: 'done'; summary: string }
  | { step: 'failed'; path: string; effective?: string; message: string };

export type ImportOutcome = { kind: 'state'; state: ImportStep } | { kind: 'preview'; state: ImportStep } | { kind: 'import'; state: ImportStep } | { kind: 'back' } | { kind: 'none' };

export function initialImportState(path = ''): ImportStep {
  return { step: 'path', prompt: openPrompt(t('import.pathPrompt'), path) };
}

export function importKeys(state: ImportStep): KeyHelp[] {
  switch (state.step) {
    case 'path':
    case 'effective':
      return [{ key: 'Enter', label: t('import.key.next'), primary: true }, { key: 'Esc', label: t('import.key.cancel'), primary: true }];
    case 'preview':
      return [{ key: 'y/Enter', label: t('import.key.import'), primary: true }, { key: '↑↓', label: t('import.key.scroll') }, { key: 'n/Esc', label: t('import.key.cancel'), primary: true }];
    case 'done':
      return [{ key: 'Enter/q', label: t('import.key.backToCities'), primary: true }];
    case 'failed':
      return [{ key: 'Enter/Esc', label: t('import.key.retry'), primary: true }, { key: 'q', label: t('import.key.back'), primary: true }];
    default:
      return [{ key: 'q', label: t('import.key.back'), primary: true }];
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function importKey(state: ImportStep, input: string, key: Key, checkPath: PathCheck): ImportOutcome {
  switch (state.step) {
    case 'path': {
      const outcome = promptKey(state.prompt, input, key);
      if (outcome.kind === 'cancel') return { kind: 'back' };
      if (outcome.kind === 'editing') return { kind: 'state', state: { ...state, prompt: outcome.state } };
      if (outcome.value === '') return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: t('import.pathMissing') } } };
      const checked = checkPath(outcome.value);
      if ('problem' in checked) return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: checked.problem } } };
      return { kind: 'state', state: { step: 'effective', path: checked.path, prompt: openPrompt(t('import.datePrompt')) } };
    }
    case 'effective': {
      const outcome = promptKey(state.prompt, input, key);
      if (outcome.kind === 'cancel') return { kind: 'state', state: initialImportState(state.path) };
      if (outcome.kind === 'editing') return { kind: 'state', state: { ...state, prompt: outcome.state } };
      if (outcome.value !== '' && (!DATE.test(outcome.value) || Number.isNaN(Date.parse(outcome.value)))) {
        return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: t('import.notDate', { value: outcome.value }) } } };
      }
      const next: ImportStep = { step: 'previewing', path: state.path, ...(outcome.value ? { effective: outcome.value } : {}) };
      return { kind: 'preview', state: next };
    }
    case 'preview':
      if (input === 'y' || key.return) return { kind: 'import', state: { step: 'importing', path: state.path, ...(state.effective ? { effective: state.effective } : {}) } };
      if (input === 'n' || isBack(input, key)) return { kind: 'back' };
      if (isDown(input, key)) return { kind: 'state', state: { ...state, scroll: state.scroll + 1 } };
      if (isUp(input, key)) return { kind: 'state', state: { ...state, scroll: Math.max(0, state.scroll - 1) } };
      return { kind: 'none' };
    case 'done':
      if (key.return || isBack(input, key)) return { kind: 'back' };
      return { kind: 'none' };
    case 'failed':
      // Esc on an error goes back to the path, as Enter does: it never leaves (a second Esc would quit).
      if (key.return || key.escape) return { kind: 'state', state: initialImportState(state.path) };
      if (isBack(input, key)) return { kind: 'back' };
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
