/**
 * Issue 11 item 6: a full disk (ENOSPC) at any step of an import. A real small tmpfs (root only;
 * skipped where it cannot be mounted) holds the store; a filler file leaves a little more room each
 * round, so the import runs out of space at a different step each time (objects, the ledger, the
 * journal, the ref transaction, the checkout). Each time: a message in words (no "internal error"),
 * and once space is freed, `list` alone leaves the store as before or fully updated, `verify` OK.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

const MOUNT = join(tempDir('bangchim-tmpfs-'), 'disk');
mkdirSync(MOUNT);
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', MOUNT]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [MOUNT]);
});

describe.skipIf(!mounted)('disk full during import', () => {
  it('at every step: a message in words; after freeing space `list` finishes it; the store is as before or fully updated', async () => {
    const sample = await sampleStore();
    const page = join(tempDir(), 'goyang-2025.txt');
    writeFileSync(page, editedGoyang());
    const outcomes = new Set<string>();
    for (let free = 4; free <= 400; free += 12) {
      const dir = join(MOUNT, 'store');
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(MOUNT, 'filler'), { force: true });
      cpSync(sample, dir, { recursive: true });
      const before = git(dir, 'rev-parse', 'HEAD');
      const stats = statfsSync(MOUNT);
      const room = Number(stats.bavail) * Number(stats.bsize) - free * 1024;
      if (room > 0) execFileSync('dd', ['if=/dev/zero', `of=${join(MOUNT, 'filler')}`, 'bs=4096', `count=${Math.floor(room / 4096)}`], { stdio: 'ignore' });
      const result = await cli(['import', 'goyang', page, '--effective', '2025-01-01'], dir);
      if (result.code !== 0) {
        expect(result.err, `free ${free} kB`).not.toMatch(/내부 오류/);
        expect(result.err, `free ${free} kB: ${result.err}`).toMatch(/디스크/);
      }
      rmSync(join(MOUNT, 'filler'), { force: true });
      const list = await cli(['list'], dir);
      expect(list.code, `free ${free} kB: ${list.err}`).toBe(0);
      expect(existsSync(join(dir, '.git', 'bangchim.journal')), `free ${free} kB: journal left after list`).toBe(false);
      const head = git(dir, 'rev-parse', 'HEAD');
      const tagged = spawnSync('git', ['rev-parse', '-q', '--verify', 'refs/tags/goyang@2025-01-01'], { cwd: dir }).status === 0;
      if (head === before) expect(tagged, `free ${free} kB: tag without commit`).toBe(false);
      else expect(tagged).toBe(true);
      expect(git(dir, 'status', '--porcelain', '--untracked-files=no'), `free ${free} kB`).toBe('');
      const verify = await cli(['verify', '--no-fsck'], dir);
      expect(verify.code, `free ${free} kB: ${verify.out}${verify.err}`).toBe(0);
      outcomes.add(result.code === 0 ? 'imported' : head === before ? 'refused, as before' : 'failed, completed by list');
    }
    // The sweep reaches both ends: out of space before anything changed, and enough space to import.
    expect(outcomes).toContain('refused, as before');
    expect(outcomes).toContain('imported');
  });
});
