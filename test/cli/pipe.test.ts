/**
 * bangchim piped into a reader that stops early (`| head -1`, `| true`): the installed entry point
 * through a real shell pipe, no stack trace, no EPIPE, the command's own exit status.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sampleStore } from '../store/helpers.js';
import { seedFile } from '../seeds.js';

const BIN = join(ROOT, 'bin', 'bangchim.js');
const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** `bangchim ARGS | READER` in bash with pipefail: bangchim's status, and what reached the reader and stderr. */
function piped(args: string[], reader: string, cwd: string, redirect = '2>"$ERR"') {
  const errFile = join(cwd, '.pipe-stderr');
  const command = `: >"$ERR"; ${[process.execPath, BIN, ...args].map(quote).join(' ')} ${redirect} | ${reader}; status=$?; cat "$ERR" >&2; exit $status`;
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd, encoding: 'utf8', env: { ...process.env, ERR: errFile } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('output into a pipe whose reader stops early', () => {
  it('log | head -1: the first line, then a quiet exit 0', async () => {
    const dir = await sampleStore();
    const whole = spawnSync(process.execPath, [BIN, 'log', 'goyang'], { cwd: dir, encoding: 'utf8', env: process.env });
    expect(whole.stdout.split('\n').length).toBeGreaterThan(3);
    const result = piped(['log', 'goyang'], 'head -1', dir);
    expect(result.err).toBe('');
    expect(result.out).toBe(`${whole.stdout.split('\n')[0]}\n`);
    expect(result.status).toBe(0);
  });

  it('show, list and diff into a reader that reads nothing: no EPIPE, diff still exits 1 for a substantive change', async () => {
    const dir = await sampleStore();
    for (const [args, status] of [[['show', 'goyang'], 0], [['show', 'goyang', '--json'], 0], [['list'], 0], [['diff', 'goyang', 'paju'], 1]] as const) {
      const result = piped([...args], 'true', dir);
      expect({ args, err: result.err, status: result.status }).toEqual({ args, err: '', status });
    }
  });

  it('stderr into a closed pipe too (parse writes its summary there)', async () => {
    const dir = await sampleStore();
    const result = piped(['parse', seedFile('goyang')], 'true', dir, '2>&1 >/dev/null');
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
  });
});
