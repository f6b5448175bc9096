/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line).
 * Each bench module exports `run(): Promise<void>` and prints its own table with ratios against a
 * peer measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();

for (const file of files) {
  process.stdout.write(`\n## ${file}\n`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> };
  await module.run();
}
