/**
 * The input half of every screen: each key press (runs split back into single keys) goes through the
 * screen's pure reducer; plain state changes accumulate, anything else (navigation, background work)
 * is handed to `act` and ends the run. `?` toggles the key list unless a prompt is taking text.
 *
 * The app holds the one stdin subscription; the active screen hands it its handler while rendering.
 * (Ink subscribes useInput handlers in an effect that runs after the frame is on screen: a key typed
 * at once would reach a screen that was not listening yet, or the previous render's state.)
 */
import { useRef } from 'react';
import { splitKeypresses, type Key } from './keys.js';
import { useNav } from './nav.js';

export type BaseOutcome<S> = { kind: 'state'; state: S } | { kind: 'none' } | { kind: string };

export type InputHandler = (input: string, key: Key) => void;

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
  // Keys that arrive before React renders again must see the state the previous key produced.
  const pending = useRef<{ state: S } | undefined>(undefined);
  pending.current = undefined;
  if (!options.isActive) return;
  let help = nav.help;
  nav.setInputHandler((rawInput, rawKey) => {
    let state = pending.current ? pending.current.state : options.state;
    let changed = false;
    const commit = (next: S) => {
      pending.current = { state: next };
      options.setState(next);
    };
    for (const { input, key } of splitKeypresses(rawInput, rawKey)) {
      if (help || (input === '?' && !options.capturesText?.(state))) {
        help = !help;
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
      if (changed) commit(state);
      options.act(outcome, state);
      return;
    }
    if (changed) commit(state);
  });
}
