#!/usr/bin/env node
// Thin launcher: the CLI is built into dist/ by `npm install` (the prepare script). dist/bundle/main.js
// is the bundled CLI (starts several times faster than the module-per-file dist/cli/main.js, mostly
// because of ink); dist/cli/main.js, from tsc alone, is the fallback, and is run instead when it is the
// newer of the two (a tsc-only rebuild after the last bundle), so the launcher never runs stale code.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundled = join(root, 'dist', 'bundle', 'main.js');
const compiled = join(root, 'dist', 'cli', 'main.js');
const modified = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);
const entry = modified(bundled) >= modified(compiled) ? bundled : compiled;
if (!existsSync(entry)) {
  process.stderr.write(`bangchim: ${bundled} is missing. Run \`npm install\` (or \`npm run build\`) in ${root} first.\n`);
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
