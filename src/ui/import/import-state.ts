/**
 * Import a draft from the Cities screen: file path → effective date → parse preview with warnings →
 * confirm → the store's import (the code `bangchim import` runs). Pure; the hook runs the work.
 */
import type { DraftPreview } from '../backend.js';
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';

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
  return { step: 'path', prompt: openPrompt('Draft file to import (text or saved HTML):', path) };
}

export function importKeys(state: ImportStep): KeyHelp[] {
  switch (state.step) {
    case 'path':
    case 'effective':
      return [{ key: 'enter', label: 'next' }, { key: 'Esc', label: 'cancel' }];
    case 'preview':
      return [{ key: 'y/enter', label: 'import' }, { key: '↑↓', label: 'scroll' }, { key: 'n/Esc', label: 'cancel' }];
    case 'done':
      return [{ key: 'enter/q', label: 'back to the cities' }];
    case 'failed':
      return [{ key: 'enter', label: 'try again' }, { key: 'q', label: 'back' }];
    default:
      return [{ key: 'q', label: 'back' }];
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function importKey(state: ImportStep, input: string, key: Key): ImportOutcome {
  switch (state.step) {
    case 'path': {
      const outcome = promptKey(state.prompt, input, key);
      if (outcome.kind === 'cancel') return { kind: 'back' };
      if (outcome.kind === 'editing') return { kind: 'state', state: { ...state, prompt: outcome.state } };
      if (outcome.value === '') return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: 'Give the path of the draft file.' } } };
      return { kind: 'state', state: { step: 'effective', path: outcome.value, prompt: openPrompt('Effective date (YYYY-MM-DD; empty: the date the text states):') } };
    }
    case 'effective': {
      const outcome = promptKey(state.prompt, input, key);
      if (outcome.kind === 'cancel') return { kind: 'state', state: initialImportState(state.path) };
      if (outcome.kind === 'editing') return { kind: 'state', state: { ...state, prompt: outcome.state } };
      if (outcome.value !== '' && (!DATE.test(outcome.value) || Number.isNaN(Date.parse(outcome.value)))) {
        return { kind: 'state', state: { ...state, prompt: { ...state.prompt, problem: `"${outcome.value}" is not a date: write YYYY-MM-DD, or leave it empty.` } } };
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
      if (key.return) return { kind: 'state', state: initialImportState(state.path) };
      if (isBack(input, key)) return { kind: 'back' };
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
