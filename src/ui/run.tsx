/**
 * Starts the terminal UI: finds the store (as every command does), then renders the app on the
 * alternate screen so the shell's scrollback is left as it was.
 */
import { render } from 'ink';
import { lineWriter, type Output } from '../app/output.js';
import { locateStoreDir } from '../app/session.js';
import { todayFrom } from '../app/today.js';
import { formatError } from '../domain/errors.js';
import { App } from './app.js';
import { StoreBackend } from './store-backend.js';
import { colourEnabled } from './theme.js';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

export async function runUi(options: { store?: string; cwd: string; env: NodeJS.ProcessEnv; err: Output }): Promise<number> {
  let dir: string;
  let sample = false;
  try {
    dir = await locateStoreDir({ store: options.store, cwd: options.cwd, env: options.env, onNotice: lineWriter(options.err), onLocated: (found) => void (sample = found.how === 'default') });
  } catch (error) {
    options.err.write(formatError(error) + '\n');
    return 2;
  }
  const backend = new StoreBackend(dir, options.cwd, todayFrom(options.env), sample);
  backend.readCitiesAhead();
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  const leave = () => process.stdout.write(LEAVE_ALTERNATE_SCREEN);
  process.once('exit', leave);
  const instance = render(<App backend={backend} colour={colourEnabled(options.env)} cwd={options.cwd} />, { exitOnCtrlC: true, patchConsole: true });
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('exit', leave);
    leave();
  }
  return 0;
}
