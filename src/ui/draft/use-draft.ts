/** Draft review input: keys → the pure reducer → state or navigation. */
import type { DraftReview } from '../backend.js';
import { isBack } from '../keys.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { draftKey, type DraftOutcome, type DraftState } from './draft-state.js';

export function useDraftInput(state: DraftState, setState: (state: DraftState) => void, body: { slug: string; city: string; review: DraftReview | undefined; lines: number; height: number }, isActive: boolean): void {
  const nav = useNav();
  const { review } = body;
  useScreenInput<DraftState, DraftOutcome>({
    state,
    setState,
    isActive,
    reduce: (s, input, key) => (review ? draftKey(s, { ...body, review }, input, key) : isBack(input, key) ? { kind: 'back' } : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'open') nav.push(outcome.screen);
      else if (outcome.kind === 'back') nav.back();
    },
  });
}
