/** The CLI on saved HTML pages (fixtures/html/): `parse` prints the version, `import` archives the raw bytes in a real git store. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { initStore } from '../../src/store/index.js';
import { capture, git, tempDir } from '../store/helpers.js';

const HTML_DIR = fileURLToPath(new URL('./fixtures/html/', import.meta.url));

function pageBytes(name: string): Uint8Array {
  return readFileSync(HTML_DIR + name);
}

describe('the CLI reads saved pages', () => {
  async function run(args: string[], cwd: string) {
    const out = capture();
    const err = capture();
    const code = await main(args, { out, err, cwd, env: process.env });
    return { code, out: out.text(), err: err.text() };
  }

  it('parse page.html prints the version', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { code, out, err } = await run(['parse', 'test/parse/fixtures/html/paju-euc-kr.html'], root);
    expect(code).toBe(0);
    expect(out).toMatch(/^city: 파주시$/mu);
    expect(out).toMatch(/^effective: ['"]?2024-09-30['"]?$/mu);
    expect(out).toContain('encoding: euc-kr');
    expect(err).toMatch(/^조항 15개를 읽었습니다; 페이지 장식 17줄을 버렸습니다; 경고 0개$/mu);
  });

  it('import city page.html keeps the raw bytes as sources/<city>/<date>.html', async () => {
    const store = join(tempDir(), 'store');
    await initStore(store, { empty: true });
    const work = tempDir();
    writeFileSync(join(work, '파주 개인정보처리방침.html'), pageBytes('paju-euc-kr.html'));
    const { code, err } = await run(['--store', store, 'import', 'paju', '파주 개인정보처리방침.html'], work);
    expect(err).not.toMatch(/error/iu);
    expect(code).toBe(0);
    expect(git(store, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'history/paju.yaml',
      'policies/paju.yaml',
      'sources/paju/2024-09-30.html',
    ]);
    expect(readFileSync(join(store, 'sources/paju/2024-09-30.html'))).toEqual(readFileSync(HTML_DIR + 'paju-euc-kr.html'));
    const policy = readFileSync(join(store, 'policies/paju.yaml'), 'utf8');
    expect(policy).toContain('encoding: euc-kr');
    expect(policy).toContain(createHash('sha256').update(pageBytes('paju-euc-kr.html')).digest('hex'));
  }, 30_000);
});
