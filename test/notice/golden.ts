import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Compares output with test/notice/golden/<name>. Golden files are written by a person on purpose
 * (UPDATE_GOLDEN=1), read line by line, and only then committed: a missing file fails the test.
 */
export function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file ${path}: run UPDATE_GOLDEN=1 npx vitest run test/notice, review the file line by line, then commit it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
