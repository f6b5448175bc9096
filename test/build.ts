/**
 * Tests that run the real bin/bangchim.js need dist/ current. `npm test` builds first (pretest); a single
 * test file run on its own builds here when any source is newer than the bundle the launcher loads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function ensureBuilt(): void {
  const bundle = join(ROOT, 'dist', 'bundle', 'main.js');
  if (!existsSync(bundle) || newest(join(ROOT, 'src')) > statSync(bundle).mtimeMs) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  }
}
