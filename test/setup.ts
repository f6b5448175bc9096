/**
 * vitest setupFiles, before every test file: git and the store independent of the developer's machine.
 * No user git config (identity, signing, hooks), a fresh HOME, so the default sample store is created
 * in a temp dir and never in the real one, and no BANGCHIM_STORE from the shell.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'bangchim-test-home-'));
process.env.HOME = home;
process.env.XDG_DATA_HOME = join(home, 'data');
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';
delete process.env.BANGCHIM_STORE;
// Messages in the tests' language (Korean, the default), whatever the developer's locale.
process.env.BANGCHIM_LANG = 'ko';
