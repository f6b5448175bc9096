/** Timeline input: keys → the pure reducer → state or navigation. */
import type { LedgerEntry } from '../../domain/model.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { timelineKey, type TimelineState } from './timeline-state.js';

export function useTimelineInput(state: TimelineState, setState: (state: TimelineState) => void, slug: string, entries: LedgerEntry[], isActive: boolean): void {
  const nav = useNav();
  useScreenInput({
    state,
    setState,
    isActive,
    capturesText: (s) => s.prompt !== undefined,
    reduce: (s, input, key) => timelineKey(s, slug, entries, input, key),
    act: (outcome) => {
      if (outcome.kind === 'open') {
        setState(outcome.state);
        nav.push(outcome.screen);
      }
      else if (outcome.kind === 'back') nav.back();
    },
  });
}
