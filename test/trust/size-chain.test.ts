/**
 * Issue 11 item 5: one size limit chain. A page under the 10 MB input limit whose YAML would exceed
 * the 8 MB reader limit (hundreds of thousands of one-word clauses) is refused before anything is
 * committed, in words; the store stays as it was and `show`/`verify` keep working.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/domain/parse/index.js';
import { MAX_YAML_BYTES } from '../../src/domain/yaml.js';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

describe('no import archives what the reader refuses', () => {
  it('a 1.5 MB page making over 8 MB of YAML: refused, nothing committed, verify OK', async () => {
    const dir = await sampleStore();
    const clauses = Array.from({ length: 215_000 }, (_, i) => `${(i % 9) + 1}. 가`).join('\n');
    const text = editedGoyang().toString('utf8').replace('고양시는 개인정보를 보호하고', `${clauses}\n고양시는 개인정보를 보호하고`);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_INPUT_BYTES);
    const page = join(tempDir(), 'huge.txt');
    writeFileSync(page, text);
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await cli(['import', 'goyang', page, '--effective', '2025-01-01'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`한도 ${(MAX_YAML_BYTES / 1024 / 1024).toFixed(1)} MB를 넘습니다`);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect((await cli(['show', 'goyang', '--format', 'text'], dir)).code).toBe(0);
    expect((await cli(['verify', '--no-fsck'], dir)).code).toBe(0);
  }, 240_000);
});
