import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { PolicyDiff } from '../../src/domain/diff/index.js';
import { replaceOnce, SEED_FILES, seedText } from './seeds.js';

const work = mkdtempSync(join(tmpdir(), 'bangchim-diff-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: { write: (t) => void (out += t), isTTY: options.tty === true },
    err: { write: (t) => void (err += t), isTTY: false },
    cwd: work,
    // An empty home: a ref would create the sample store there, never in the real one.
    env: { PATH: process.env.PATH, HOME: work, XDG_DATA_HOME: join(work, 'data'), ...options.env },
  });
  return { code, out, err };
}

const paju = SEED_FILES[3]!;
const edited = join(work, 'paju-edited.txt');
writeFileSync(edited, replaceOnce(seedText('paju'), '최소 6개월 이상 보관', '최소 1년 이상 보관'));
const goyang = SEED_FILES[2]!;

describe('bangchim diff', () => {
  it('exits 0 with no substantive change', async () => {
    const result = await run(['diff', paju, paju]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('실질적인 변경 없음');
    expect(result.err).toBe('');
  });

  it('exits 1 and shows the change, the fact and the summary when the versions differ', async () => {
    const result = await run(['diff', paju, edited]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[수정] 제8조 개인정보의 안전성 확보 조치');
    expect(result.out).toContain('최소 [-6개월-]{+1년+} 이상');
    expect(result.out).toContain('접속기록 보관: 6개월 → 1년');
    expect(result.out).toMatch(/요약: 실질 변경 1 /);
    expect(result.out).not.toContain('\u001b[');
  });

  it('exits 2 with a message on a missing file', async () => {
    const result = await run(['diff', paju, join(work, 'missing.txt')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^bangchim: /);
    expect(result.out).toBe('');
  });

  it('exits 2 on a bad option', async () => {
    const result = await run(['diff', paju, edited, '--format', 'pdf']);
    expect(result.code).toBe(2);
  });

  it('colours a terminal, and respects NO_COLOR', async () => {
    const coloured = await run(['diff', paju, edited], { tty: true });
    expect(coloured.out).toContain('\u001b[31m6개월\u001b[0m');
    expect(coloured.out).toContain('\u001b[32m1년\u001b[0m');
    const plain = await run(['diff', paju, edited], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.out).not.toContain('\u001b[');
    expect(plain.out).toContain('[-6개월-]{+1년+}');
  });

  it('writes Markdown', async () => {
    const result = await run(['diff', paju, edited, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('## 제8조 개인정보의 안전성 확보 조치 — 수정');
    expect(result.out).toContain('<del>6개월</del><ins>1년</ins>');
    expect(result.out).toContain('| 제8조 | 접속기록 보관 | 6개월 | 1년 |');
  });

  it('writes the JSON contract with --json and --format json alike', async () => {
    const a = await run(['diff', paju, edited, '--json']);
    const b = await run(['diff', paju, edited, '--format', 'json']);
    expect(a.code).toBe(1);
    // The same document, but for the moment each was made.
    const withoutTime = (out: string) => out.replace(/"generated": "[^"]+"/u, '"generated": ""');
    expect(withoutTime(a.out)).toBe(withoutTime(b.out));
    const diff = JSON.parse(a.out) as PolicyDiff;
    expect(Object.keys(diff)).toEqual(['old', 'new', 'articles', 'facts', 'topics', 'summary', 'provenance']);
    expect(diff.new.source).toEqual({ file: edited, sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) });
    expect(diff.old).toMatchObject({ city: '파주시', slug: 'paju', effective: '2024-09-30' });
    expect(diff.facts).toEqual([{ kind: 'period', old: '6개월', new: '1년', article: '제8조', label: '접속기록 보관' }]);
    const changed = diff.articles.filter((e) => e.substantive);
    expect(changed).toHaveLength(1);
    expect(Object.keys(changed[0]!)).toEqual(['status', 'old', 'new', 'renumbered', 'retitled', 'moved', 'substantive', 'topic', 'similarity', 'clauses', 'facts']);
    expect(diff.summary.substantive).toBe(1);
  });

  it('compares two cities', async () => {
    const result = await run(['diff', goyang, paju]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('두 도시 비교: 고양특례시');
    expect(result.out).toContain('파주시에만 있는 주제:');
    expect(result.out).toMatch(/제9조 개인정보 보호책임자 → 제10조 개인정보 보호책임자/);
  });

  it('lists editorial-only changes with --editorial', async () => {
    const rebulleted = join(work, 'uijeongbu-rebulleted.txt');
    writeFileSync(rebulleted, seedText('uijeongbu').replace(/^(\s*)•/gmu, '$1-'));
    const quiet = await run(['diff', SEED_FILES[0]!, rebulleted]);
    expect(quiet.code).toBe(0);
    expect(quiet.out).not.toContain('[편집]');
    const loud = await run(['diff', SEED_FILES[0]!, rebulleted, '--editorial']);
    expect(loud.code).toBe(0);
    expect(loud.out).toContain('[편집] 제2조 개인정보의 처리 및 보유 기간');
  });

  it('resolves refs through the store (goyang vs paju from the sample store)', async () => {
    const result = await run(['diff', 'goyang', 'paju@2024-09-30', '--json']);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.out) as PolicyDiff;
    expect(diff.old.label).toBe('goyang@2020-07-17');
    expect(diff.new.label).toBe('paju@2024-09-30');
    const unknown = await run(['diff', 'goyang', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('nowhere');
  });
});
