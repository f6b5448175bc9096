/**
 * Draws the app on the alternate screen, so the shell's scrollback is left as it was, until it quits.
 * Loaded by run.ts beside the store's first read (this module brings Ink, React and the first screen).
 */
import { render } from 'ink';
import { App } from './app.js';
import type { StoreBackend } from './store-backend.js';
import { colourEnabled } from './theme.js';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

export async function showUi(backend: StoreBackend, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
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
