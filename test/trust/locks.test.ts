/**
 * The store lock against real processes: several bangchims finding one stale lock at once (only one may
 * hold it, the others are told "busy"), and a stale lock found while a person's own git holds its
 * index.lock (bangchim must leave git's lock alone).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, git, ROOT, sampleStore, tempDir } from './helpers.js';

const CLAIMERS = 6;
const ROUNDS = 25;

/** A claimer: opens the store once, then each round waits for `go-<round>` and runs one withLock, logging when it holds. */
const CLAIMER = `
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from ${JSON.stringify(join(ROOT, 'src', 'store', 'index.ts'))};
const [dir, sync, me, rounds] = process.argv.slice(-4);
const store = await openStore(dir);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (let round = 0; round < Number(rounds); round++) {
  while (!existsSync(join(sync, 'go-' + round))) await sleep(1);
  let outcome = 'held';
  try {
    await store.withLock('claim test', async () => {
      appendFileSync(join(sync, 'events'), round + ' enter ' + me + '\\n');
      await sleep(30);
      appendFileSync(join(sync, 'events'), round + ' exit ' + me + '\\n');
    });
  } catch (error) {
    outcome = error.constructor.name + ': ' + error.message;
  }
  // Written whole, then renamed: the test reads the outcome as soon as the file exists.
  writeFileSync(join(sync, 'writing-' + me), outcome);
  renameSync(join(sync, 'writing-' + me), join(sync, 'done-' + round + '-' + me));
}
`;

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function staleLock(dir: string): void {
  writeFileSync(join(dir, '.git', 'bangchim.lock'), `pid: ${deadPid()}\nstarted: 2025-01-01T00:00:00.000Z\ncommand: import goyang x.txt\n`);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the store lock', () => {
  it(`${CLAIMERS} processes finding one stale lock at once: never two holders, the others told "busy" (${ROUNDS} rounds)`, async () => {
    const dir = await sampleStore();
    const sync = tempDir('bangchim-claim-');
    writeFileSync(join(sync, 'events'), '');
    const children: ChildProcess[] = [];
    for (let i = 0; i < CLAIMERS; i++) {
      children.push(spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CLAIMER, dir, sync, String(i), String(ROUNDS)], { cwd: ROOT, stdio: 'ignore' }));
    }
    const overlaps: string[] = [];
    const otherFailures: string[] = [];
    let rounds = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        staleLock(dir);
        writeFileSync(join(sync, `go-${round}`), '');
        await waitFor(() => [...Array(CLAIMERS).keys()].every((i) => existsSync(join(sync, `done-${round}-${i}`))), `round ${round}`, 60_000);
        const events = readFileSync(join(sync, 'events'), 'utf8').split('\n').filter((line) => line.startsWith(`${round} `));
        let holding = 0;
        for (const event of events) {
          holding += event.includes(' enter ') ? 1 : -1;
          if (holding > 1) overlaps.push(`round ${round}: ${events.join(', ')}`);
        }
        expect(events.length, `round ${round}: someone held the lock`).toBeGreaterThan(0);
        for (let i = 0; i < CLAIMERS; i++) {
          const outcome = readFileSync(join(sync, `done-${round}-${i}`), 'utf8');
          if (outcome !== 'held' && !outcome.startsWith('BusyError: 저장소를 다른 bangchim')) otherFailures.push(`round ${round}, claimer ${i}: ${outcome}`);
        }
        rounds++;
      }
    } finally {
      for (const child of children) child.kill();
    }
    expect(rounds).toBe(ROUNDS);
    expect(overlaps, 'two processes held the lock at once').toEqual([]);
    expect(otherFailures).toEqual([]);
  }, 240_000);

  it("a read-only list next to a stale lock leaves a live `git commit -a`'s index.lock alone: the commit succeeds", async () => {
    const dir = await sampleStore();
    staleLock(dir);
    writeFileSync(join(dir, 'bangchim.yaml'), `${readFileSync(join(dir, 'bangchim.yaml'), 'utf8')}# office note\n`);
    // The "editor" keeps git commit waiting (its index.lock held) for two seconds, then writes the message.
    const commit = spawn('git', ['commit', '-a', '-q'], {
      cwd: dir,
      env: { ...process.env, GIT_EDITOR: 'sleep 2; echo "office note" >', GIT_AUTHOR_NAME: 'Office', GIT_AUTHOR_EMAIL: 'o@example.org', GIT_COMMITTER_NAME: 'Office', GIT_COMMITTER_EMAIL: 'o@example.org' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    commit.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number>((resolve) => commit.on('close', (code) => resolve(code ?? -1)));
    await waitFor(() => existsSync(join(dir, '.git', 'index.lock')), 'git commit to take index.lock');
    const list = await cli(['--store', dir, 'list']);
    expect(list.code, list.err).toBe(0);
    expect(await exited, stderr).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('office note');
    rmSync(join(dir, '.git', 'bangchim.lock'), { force: true });
  }, 60_000);
});
