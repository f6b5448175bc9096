/**
 * The input half of every screen: each key press (runs split back into single keys) goes through the
 * screen's pure reducer; plain state changes accumulate, anything else (navigation, background work)
 * is handed to `act` and ends the run. `?` toggles the key list unless a prompt is taking text.
 */
import { useInput } from 'ink';
import { splitKeypresses, type Key } from './keys.js';
import { useNav } from './nav.js';

export type BaseOutcome<S> = { kind: 'state'; state: S } | { kind: 'none' } | { kind: string };

export interface ScreenInput<S, O extends BaseOutcome<S>> {
  state: S;
  setState(state: S): void;
  reduce(state: S, input: string, key: Key): O;
  /** Handles an outcome that is not a state change (open a screen, go back, start work). */
  act(outcome: O, state: S): void;
  /** True while a prompt takes text, so `?` is typed rather than opening the key list. */
  capturesText?(state: S): boolean;
  isActive: boolean;
}

export function useScreenInput<S, O extends BaseOutcome<S>>(options: ScreenInput<S, O>): void {
  const nav = useNav();
  useInput(
    (rawInput, rawKey) => {
      let state = options.state;
      let changed = false;
      for (const { input, key } of splitKeypresses(rawInput, rawKey)) {
        if (nav.help) {
          nav.toggleHelp();
          continue;
        }
        if (input === '?' && !options.capturesText?.(state)) {
          nav.toggleHelp();
          continue;
        }
        const outcome = options.reduce(state, input, key);
        if (outcome.kind === 'none') continue;
        if (outcome.kind === 'state') {
          state = (outcome as { kind: 'state'; state: S }).state;
          changed = true;
          continue;
        }
        if (changed) options.setState(state);
        options.act(outcome, state);
        return;
      }
      if (changed) options.setState(state);
    },
    { isActive: options.isActive },
  );
}
