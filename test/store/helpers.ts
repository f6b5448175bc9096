/**
 * Test support: real git repositories in temp directories, real seeds. One sample store is built per
 * test file and copied for each test (git process spawning is the cost).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initStore } from '../../src/store/index.js';
import { seedBytes } from '../seeds.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { seedBytes };

/** The 고양 seed with one phone number changed (a realistic small revision). */
export function editedGoyang(phone = '031-8075-2021'): Buffer {
  const text = seedBytes('goyang').toString('utf8');
  const edited = text.replace('전화번호\t031-8075-2020', `전화번호\t${phone}`);
  if (edited === text) throw new Error('the goyang seed no longer has the phone number this test edits');
  return Buffer.from(edited, 'utf8');
}

export function tempDir(prefix = 'bangchim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: dir, encoding: 'utf8', env: process.env });
}

let template: string | undefined;

/** A fresh copy of a sample store (five cities), built once per test file. */
export async function sampleStore(): Promise<string> {
  if (template === undefined) {
    template = join(tempDir('bangchim-template-'), 'store');
    await initStore(template);
  }
  const copy = join(tempDir(), 'store');
  cpSync(template, copy, { recursive: true });
  return copy;
}

function hashTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, prefix));
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (path === '.git') continue;
    if (statSync(join(dir, path)).isDirectory()) Object.assign(out, hashTree(dir, path));
    else out[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
  }
  return out;
}

export interface StoreSnapshot {
  head: string;
  refs: string;
  status: string;
  files: Record<string, string>;
  lock: boolean;
}

/** Everything a user could notice about a store: HEAD, every ref, `git status`, every file's hash, a lock. */
export function snapshot(dir: string): StoreSnapshot {
  return {
    head: git(dir, 'rev-parse', 'HEAD').trim(),
    refs: git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    status: git(dir, 'status', '--porcelain', '--untracked-files=all'),
    files: hashTree(dir),
    lock: readdirSync(join(dir, '.git')).includes('bangchim.lock'),
  };
}

/** Output capture for main(). */
export function capture(): { write(text: string): void; isTTY: boolean; text(): string } {
  let buffer = '';
  return {
    isTTY: false,
    write(text: string) {
      buffer += text;
    },
    text: () => buffer,
  };
}
