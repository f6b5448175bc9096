/**
 * Starts the terminal UI: finds the store (as every command does) and starts reading its cities, while
 * Ink, React and the screens load (screen.tsx); the first frame then shows the cities when they are
 * read by the time it can be drawn. Nothing here imports Ink, so git works while Ink's code compiles.
 */
import { lineWriter, type Output } from '../app/output.js';
import { locateStoreDir } from '../app/session.js';
import { todayFrom } from '../app/today.js';
import { formatError } from '../domain/errors.js';
import { StoreBackend } from './store-backend.js';

/**
 * How long the first frame may wait for the cities once it could be drawn: a store read this quickly
 * is drawn in one frame with its list; a slower one gets the frame at once and its list when read.
 */
const FIRST_FRAME_WAIT_MS = 60;

export async function runUi(options: { store?: string; cwd: string; env: NodeJS.ProcessEnv; err: Output }): Promise<number> {
  const screen = import('./screen.js');
  // Awaited below; a store that cannot be found returns before that.
  screen.catch(() => undefined);
  let dir: string;
  let sample = false;
  try {
    dir = await locateStoreDir({ store: options.store, cwd: options.cwd, env: options.env, onNotice: lineWriter(options.err), onLocated: (found) => void (sample = found.how === 'default') });
  } catch (error) {
    options.err.write(formatError(error) + '\n');
    return 2;
  }
  const backend = new StoreBackend(dir, options.cwd, todayFrom(options.env), sample);
  const cities = backend.readCitiesAhead();
  const { showUi } = await screen;
  await Promise.race([cities, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS).unref())]);
  return showUi(backend, { cwd: options.cwd, env: options.env });
}
