/**
 * The shared `cat-file --batch` every read goes through: it is one process per store session, it
 * ends with the command (and, in a long-running UI, once reads stop coming), and it runs with the
 * same guarded environment as every other git process bangchim starts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../../src/store/git.js';
import { openStore } from '../../src/store/index.js';
import { git, ROOT, sampleStore } from './helpers.js';

/** The git processes whose working directory is `dir` (Linux: /proc). */
function gitProcessesIn(dir: string): { pid: number; args: string[]; env: Map<string, string> }[] {
  const target = realpathSync(dir);
  const found: { pid: number; args: string[]; env: Map<string, string> }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== target) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!args[0]?.endsWith('git')) continue;
      const env = new Map(
        readFileSync(`/proc/${entry}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string]),
      );
      found.push({ pid: Number(entry), args, env });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe.runIf(process.platform === 'linux')('the shared object reader', () => {
  it('reads every object of a command in one cat-file process, with the guarded environment, which ends when reads stop', async () => {
    const dir = await sampleStore();
    const store = await openStore(dir);
    const cities = await store.listCities();
    expect(cities.length).toBeGreaterThanOrEqual(5);
    for (const city of cities) await store.log(city.slug);

    const readers = gitProcessesIn(dir).filter((p) => p.args.includes('cat-file'));
    expect(readers.map((p) => p.args.slice(1))).toEqual([['--no-pager', 'cat-file', '--batch']]);
    const env = readers[0]!.env;
    expect(env.get('GIT_NO_REPLACE_OBJECTS')).toBe('1');
    expect(env.get('GIT_GRAFT_FILE')).toBe('/dev/null');
    expect(env.get('GIT_OPTIONAL_LOCKS')).toBe('0');
    const parameters = env.get('GIT_CONFIG_PARAMETERS') ?? '';
    for (const setting of ["'core.hooksPath'='/dev/null'", "'core.fsmonitor'='false'", "'protocol.allow'='never'", "'protocol.file.allow'='never'", "'protocol.ssh.allow'='never'"]) {
      expect(parameters).toContain(setting);
    }

    // No reads for a while (the UI waiting for a key): the process ends by itself.
    expect(await until(() => gitProcessesIn(dir).length === 0, 5000), 'cat-file still running 5 s after the last read').toBe(true);
    // The next read starts a new one and gets the right answer.
    expect(await store.store.git.objectId('HEAD^{commit}')).toBe(git(dir, 'rev-parse', 'HEAD').trim());
  });

  it('does not outlive a command: once `bangchim list` has exited, no git process of it is left in the store', async () => {
    const dir = await sampleStore();
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'bangchim.js'), '--store', dir, 'list'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('고양');
    expect(await until(() => gitProcessesIn(dir).length === 0, 1000), 'a git process of `list` is still running a second after it exited').toBe(true);
  });

  it('sees a ref another process moved while it was running (no stale answers)', async () => {
    const dir = await sampleStore();
    const reader = new Git(dir);
    const head = await reader.objectId('HEAD^{commit}');
    expect(head).not.toBeNull();
    git(dir, '-c', 'user.name=colleague', '-c', 'user.email=colleague@example.invalid', 'commit', '--allow-empty', '-q', '-m', 'moved by another process');
    git(dir, 'pack-refs', '--all');
    const moved = git(dir, 'rev-parse', 'HEAD').trim();
    expect(moved).not.toBe(head);
    expect(await reader.objectId('HEAD^{commit}')).toBe(moved);
  });
});
