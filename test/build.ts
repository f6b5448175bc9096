/**
 * vitest globalSetup of the integration tests: they run the real bin/bangchim.js, which loads the one
 * build (dist/bundle/), and `report`'s worker threads start on it even when the test calls src/. Builds
 * it once before any test, and only when a source changed since the last build (scripts/bundle.mjs
 * --if-stale), so a single test file run on its own runs the current code too.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}
