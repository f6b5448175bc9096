/**
 * Inputs are read in bounded chunks and refused at the size limit: a device or a pipe that never ends
 * costs the limit, not the machine (it once reached 5.3 GB in 15 s).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { MAX_INPUT_BYTES } from '../../src/domain/parse/index.js';
import { readInputFile } from '../../src/store/index.js';
import { seedBytes } from '../store/helpers.js';
import { BIN, tempDir } from './helpers.js';

const MB = 1024 * 1024;

describe('reading an input file', () => {
  it('refuses /dev/zero at the limit, holding little more than the limit in memory', async () => {
    const before = process.resourceUsage().maxRSS * 1024;
    const started = Date.now();
    const error = await readInputFile(tempDir(), '/dev/zero').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`/dev/zero의 크기가 ${MAX_INPUT_BYTES / 1_000_000} MB를 넘습니다: 처리방침 한 쪽의 본문은 이보다 훨씬 작습니다 (예시 방침은 40 kB 미만)`);
    expect(Date.now() - started).toBeLessThan(5_000);
    const grown = process.resourceUsage().maxRSS * 1024 - before;
    expect(grown, `peak memory grew by ${(grown / MB).toFixed(0)} MiB`).toBeLessThan(3 * MAX_INPUT_BYTES);
  });

  it('reads a file of exactly the limit whole, and a real seed unchanged', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'limit.txt'), Buffer.alloc(MAX_INPUT_BYTES, 0x20));
    expect((await readInputFile(dir, 'limit.txt')).length).toBe(MAX_INPUT_BYTES);
    writeFileSync(join(dir, 'over.txt'), Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    await expect(readInputFile(dir, 'over.txt')).rejects.toThrow(`over.txt의 크기가 ${MAX_INPUT_BYTES / 1_000_000} MB를 넘습니다`);
    writeFileSync(join(dir, 'goyang.txt'), seedBytes('goyang'));
    expect((await readInputFile(dir, 'goyang.txt')).equals(seedBytes('goyang'))).toBe(true);
  });

  it('`parse` of an endless pipe stops at the limit with the size message (exit 2)', () => {
    const result = spawnSync('sh', ['-c', `yes '제1조(목적) 이 방침은 개인정보 처리에 관한 사항을 정한다.' | "${process.execPath}" "${BIN}" parse /dev/stdin`], { encoding: 'utf8', timeout: 30_000 });
    expect(result.signal, 'still reading when the test gave up').toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`/dev/stdin의 크기가 ${MAX_INPUT_BYTES / 1_000_000} MB를 넘습니다`);
  }, 60_000);
});
