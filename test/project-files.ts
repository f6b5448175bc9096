/** The project's own files, for tests that run a rule over every fixture the project holds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Paths (relative to the project) of the files under `dir` whose path matches `pattern`, sorted. */
export function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(dir, name));
}
