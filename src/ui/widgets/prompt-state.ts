/** A one-line text prompt (path, date, search): pure state and reducer. */
import { isErase, typedText, type Key } from '../keys.js';

export interface PromptState {
  label: string;
  value: string;
  /** Shown under the prompt when the last submitted value was refused. */
  problem?: string;
}

export type PromptOutcome = { kind: 'editing'; state: PromptState } | { kind: 'submit'; value: string } | { kind: 'cancel' };

export function openPrompt(label: string, value = ''): PromptState {
  return { label, value };
}

/** Applies a key press to the prompt. Enter submits, Esc cancels, Ctrl+U clears. */
export function promptKey(state: PromptState, input: string, key: Key): PromptOutcome {
  if (key.escape) return { kind: 'cancel' };
  if (key.return) return { kind: 'submit', value: state.value.trim() };
  if (isErase(key)) return { kind: 'editing', state: { label: state.label, value: Array.from(state.value).slice(0, -1).join('') } };
  if (key.ctrl && input === 'u') return { kind: 'editing', state: { label: state.label, value: '' } };
  const text = typedText(input, key).replace(/[\r\n]/g, '');
  if (text === '') return { kind: 'editing', state };
  return { kind: 'editing', state: { label: state.label, value: state.value + text } };
}
