/**
 * vitest setupFiles of the unit tests: they start no process. With an empty PATH a test that reaches
 * for git (or tmux, chromium …) fails at once, so it is moved to the integration tests
 * (vitest.config.ts) instead of slowing the fast loop down.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.PATH = mkdtempSync(join(tmpdir(), 'bangchim-no-programs-'));
