#!/usr/bin/env node
// Thin launcher for the one build: dist/bundle/main.js, written by `npm run build` (run by `npm install`;
// `npm start` rebuilds first when a source changed).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/bundle/main.js', import.meta.url));
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`bangchim: ${entry} is missing. Run \`npm install\` (or \`npm run build\`) in ${root} first.\n`);
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
