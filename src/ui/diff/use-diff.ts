/** Diff screen input: keys → the pure reducer → state or navigation. */
import type { PolicyDiff } from '../../domain/diff/types.js';
import { isBack } from '../keys.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { diffKey, type DiffLayoutFacts, type DiffOutcome, type DiffState } from './diff-state.js';

export function useDiffInput(
  state: DiffState,
  setState: (state: DiffState) => void,
  diff: PolicyDiff | undefined,
  layout: DiffLayoutFacts,
  refs: { oldRef: string; newRef: string; crossCity: boolean },
  isActive: boolean,
): void {
  const nav = useNav();
  useScreenInput<DiffState, DiffOutcome>({
    state,
    setState,
    isActive,
    capturesText: (s) => s.prompt !== undefined,
    // While the diff loads, only going back means anything.
    reduce: (s, input, key) => (diff ? diffKey(s, diff, layout, input, key, refs) : isBack(input, key) ? { kind: 'back' } : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'open') nav.push(outcome.screen);
      else if (outcome.kind === 'back') nav.back();
    },
  });
}
