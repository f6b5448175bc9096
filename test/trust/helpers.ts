/**
 * Support for the trust tests (git is isolated by test/setup.ts): real sample stores
 * in temp dirs, the CLI in-process or as a real process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The same sample store and edited 고양 as the store tests.
export { editedGoyang, sampleStore } from '../store/helpers.js';
export const BIN = join(ROOT, 'bin', 'bangchim.js');

export function tempDir(prefix = 'bangchim-trust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1', GIT_AUTHOR_NAME: 'Hand Editor', GIT_AUTHOR_EMAIL: 'hand@example.org', GIT_COMMITTER_NAME: 'Hand Editor', GIT_COMMITTER_EMAIL: 'hand@example.org' }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs the CLI in this process. */
export async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: { write: (t) => void (out += t), isTTY: false },
    err: { write: (t) => void (err += t), isTTY: false },
    cwd,
    env: process.env,
  });
  return { code, out, err };
}

/** Runs the built CLI (bin/bangchim.js) as a real process. */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

/** Everything a user could notice about a store: HEAD, refs, status, work-tree file hashes. */
export function snapshot(dir: string): { head: string; refs: string; status: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const walk = (prefix: string) => {
    for (const name of readdirSync(join(dir, prefix)).sort()) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (path === '.git') continue;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
    }
  };
  walk('');
  return {
    head: git(dir, 'rev-parse', 'HEAD').trim(),
    refs: git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    status: git(dir, 'status', '--porcelain', '--untracked-files=all'),
    files,
  };
}
