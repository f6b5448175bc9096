/**
 * `verify` while another bangchim writes (issue 11, item 7): an import in progress is no state the store
 * is left in, so verify reports "busy" (exit 3, `"busy": true`) instead of the half-done work it would
 * see (tag-unrecorded, tag-off-branch, git-lock). Two ways in: the lock is held when verify starts, or a
 * writer takes it (or moves a ref) while verify reads.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyStore, type VerifyReport } from '../../src/store/verify.js';
import { BIN, cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

function holdLock(dir: string, pid: number): void {
  writeFileSync(join(dir, '.git', 'bangchim.lock'), `pid: ${pid}\nstarted: ${new Date().toISOString()}\ncommand: import goyang goyang-2021.txt\n`);
}

describe('verify while the store is being written', () => {
  it('a live bangchim holding the lock: exit 3, busy, nothing else reported', async () => {
    const dir = await sampleStore();
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      holdLock(dir, sleeper.pid!);
      const json = await cli(['--store', dir, 'verify', '--json']);
      expect(json.code).toBe(3);
      const report = JSON.parse(json.out) as VerifyReport;
      expect(report).toMatchObject({ ok: false, busy: true });
      expect(report.findings.map((f) => f.kind)).toEqual(['busy']);
      const text = await cli(['--store', dir, 'verify']);
      expect(text.code).toBe(3);
      expect(text.out).toBe(`저장소를 쓰는 중: bangchim(pid ${sleeper.pid})이 "import goyang goyang-2021.txt"을(를) 실행하는 중이라 저장소가 바뀌고 있습니다. 검사하지 않았습니다: 끝난 뒤 다시 \`bangchim verify\`를 실행하십시오.\n`);
    } finally {
      sleeper.kill();
    }
  });

  it('a writer that takes the lock while verify reads: busy, not the findings of its half-done work', async () => {
    const dir = await sampleStore();
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      let taken = false;
      const report = await verifyStore(dir, {
        onProgress: () => {
          if (!taken) holdLock(dir, sleeper.pid!);
          taken = true;
        },
      });
      expect(taken).toBe(true);
      expect(report).toMatchObject({ ok: false, busy: true });
    } finally {
      sleeper.kill();
    }
  });

  it('a ref moved while verify reads (an import that began and ended meanwhile): busy', async () => {
    const dir = await sampleStore();
    let moved = false;
    const report = await verifyStore(dir, {
      fsck: false,
      onProgress: () => {
        if (!moved) git(dir, 'tag', '-a', '-m', 'meanwhile', 'paju@2025-01-01', 'HEAD');
        moved = true;
      },
    });
    expect(moved).toBe(true);
    expect(report.busy).toBe(true);
    expect(report.findings[0]!.message).toContain('검사하는 동안');
    // Once the store is still, the same store is judged: the stray tag is a finding, not busy.
    const again = await verifyStore(dir, { fsck: false });
    expect(again.busy).toBe(false);
    expect(again.findings.map((f) => `${f.kind} ${f.where}`)).toEqual(['tag-unrecorded paju@2025-01-01']);
  });

  it('real imports in other processes, verify run meanwhile again and again: every run is sound or busy', async () => {
    const dir = await sampleStore();
    const files = tempDir();
    // Older versions first-to-last: each import rebuilds the chain (the longest window, tags moving).
    const dates = ['2020-03-02', '2019-03-04', '2018-03-05', '2017-03-06', '2016-03-07', '2015-03-09'];
    const outcomes: string[] = [];
    for (const [i, date] of dates.entries()) {
      const file = join(files, `goyang-${date}.txt`);
      writeFileSync(file, editedGoyang(`031-8075-20${10 + i}`));
      const child: ChildProcess = spawn(process.execPath, [BIN, '--store', dir, 'import', 'goyang', file, '--effective', date], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
      let running = true;
      void done.then(() => (running = false));
      while (running) {
        const r = await cli(['--store', dir, 'verify', '--json', '--no-fsck']);
        const report = JSON.parse(r.out) as VerifyReport;
        outcomes.push(report.busy ? 'busy' : report.ok && report.findings.length === 0 ? 'sound' : `exit ${r.code}: ${report.findings.map((f) => `${f.kind} ${f.where} ${f.message}`).join('; ')}`);
      }
      expect(await done, `import ${date}: ${stderr}`).toBe(0);
    }
    expect(outcomes.filter((o) => o !== 'busy' && o !== 'sound'), `${outcomes.length} runs`).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(dates.length);
    // And afterwards, still: the store the imports left is sound.
    const final = await cli(['--store', dir, 'verify', '--json']);
    expect(final.code, final.out).toBe(0);
    expect(execFileSync('git', ['tag', '-l', 'goyang@*'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')).toHaveLength(dates.length + 1);
  }, 180_000);
});
