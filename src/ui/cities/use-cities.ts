/** Cities screen input: keys → the pure reducer → state or navigation. */
import type { CitySummary } from '../backend.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { citiesKey, type CitiesOutcome, type CitiesState } from './cities-state.js';

export function useCitiesInput(state: CitiesState, setState: (state: CitiesState) => void, rows: CitySummary[], isActive: boolean): void {
  const nav = useNav();
  useScreenInput<CitiesState, CitiesOutcome>({
    state,
    setState,
    isActive,
    reduce: (s, input, key) => citiesKey(s, rows, input, key),
    act: (outcome) => {
      if (outcome.kind === 'open') {
        setState(outcome.state);
        nav.push(outcome.screen);
      } else if (outcome.kind === 'back') nav.back();
      else if (outcome.kind === 'quit') nav.quit();
    },
  });
}
