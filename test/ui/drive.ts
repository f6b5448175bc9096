/** Types a sequence of keys into a screen's reducer: strings character by character, objects as special keys. */
import { press, type Key } from '../../src/ui/keys.js';

export function drive<S, O extends { kind: string }>(start: S, reduce: (s: S, input: string, key: Key) => O, keys: (string | Partial<Key>)[]): { state: S; last: O } {
  let state = start;
  let last: O | undefined;
  for (const k of keys) {
    const presses = typeof k === 'string' ? Array.from(k, (ch) => ({ input: ch, key: press() })) : [{ input: '', key: press(k) }];
    for (const p of presses) {
      last = reduce(state, p.input, p.key);
      if (last.kind === 'state') state = (last as unknown as { state: S }).state;
    }
  }
  return { state, last: last! };
}
