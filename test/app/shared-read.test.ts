/**
 * `diff` reads its two sides with one table of YAML blocks (SharedBlocks): the new side takes the old
 * side's value for every block it holds word for word. The versions and the diff must be exactly what
 * reading each side alone gives (two YAML files; an archived version and the body's draft in a real
 * store), and an error on the second side must still be found there and name its file, line and path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRefs, diffResolved } from '../../src/app/diff.js';
import { resolveRefs } from '../../src/app/refs.js';
import { sessionOnDemand, StoreSession } from '../../src/app/session.js';
import { formatError, ValidationError } from '../../src/domain/errors.js';
import type { Clause, PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { versionToYaml } from '../../src/domain/yaml.js';
import { revisedCopy } from '../revised-copy.js';
import { sampleStore, seedBytes, tempDir } from '../store/helpers.js';

const noStore = (): Promise<StoreSession> => Promise.reject(new Error('two files need no store'));

function seedVersion(slug: Parameters<typeof seedBytes>[0]): PolicyVersion {
  return parsePolicy(seedBytes(slug), { sourceFile: `${slug}.txt` }).version;
}

/** A work directory holding `files` (name → YAML text). */
function workWith(files: Record<string, string>): string {
  const work = tempDir('bangchim-shared-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
  return work;
}

/** Each side resolved alone (no table), and their diff: what sharing must not change. */
async function readAlone(oldRef: string, newRef: string, cwd: string, session: () => Promise<StoreSession>) {
  const [before] = await resolveRefs([oldRef], cwd, session);
  const [after] = await resolveRefs([newRef], cwd, session);
  return { before: before!, after: after!, diff: diffResolved(before!, after!, { editorial: false }) };
}

function bodiesShared(before: PolicyVersion, after: PolicyVersion): number {
  const old = new Set(before.articles.map((a) => a.body));
  return after.articles.filter((a) => old.has(a.body)).length;
}

/** The 1-based line of the first line of `text` that is `line` from its `occurrence`-th (0-based) match of `after` on. */
function lineOf(text: string, after: string, occurrence: number, line: string): number {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(after, at + 1);
  const offset = text.indexOf(line, at);
  return text.slice(0, offset).split('\n').length;
}

async function diffError(oldRef: string, newRef: string, cwd: string): Promise<ValidationError> {
  const error = await diffRefs(oldRef, newRef, cwd, noStore, { editorial: false }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('diff reads its two sides with one table of blocks', () => {
  it('two YAML files (파주 and its revision): the same versions and the same diff, the unchanged bodies one object', async () => {
    const paju = seedVersion('paju');
    const revised = revisedCopy(paju);
    const work = workWith({ 'paju-2024.yaml': versionToYaml(paju), 'paju-2025.yaml': versionToYaml(revised) });
    const shared = await diffRefs('paju-2024.yaml', 'paju-2025.yaml', work, noStore, { editorial: false });
    const alone = await readAlone('paju-2024.yaml', 'paju-2025.yaml', work, noStore);
    expect(shared.before.version).toStrictEqual(alone.before.version);
    expect(shared.after.version).toStrictEqual(alone.after.version);
    expect(JSON.stringify(shared.diff)).toBe(JSON.stringify(alone.diff));
    expect(shared.diff.summary.removed + shared.diff.summary.added).toBeGreaterThan(0);
    // 14 articles on the new side, of which the reworded, the retitled and the new one differ.
    expect(bodiesShared(shared.before.version, shared.after.version)).toBe(revised.articles.length - 3);
    expect(bodiesShared(alone.before.version, alone.after.version)).toBe(0);
  });

  it("in a real store, the newest archived 고양 against its draft: the same as reading each alone", async () => {
    const dir = await sampleStore();
    const work = tempDir();
    const open = sessionOnDemand(() => StoreSession.open(dir, { cwd: work }));
    const shared = await diffRefs('goyang', 'goyang#draft', work, open, { editorial: false });
    const alone = await readAlone('goyang', 'goyang#draft', work, sessionOnDemand(() => StoreSession.open(dir, { cwd: work })));
    expect([shared.before.label, shared.after.label]).toEqual(['goyang@2020-07-17', 'goyang#draft']);
    expect(shared.after.version).toStrictEqual(alone.after.version);
    expect(JSON.stringify(shared.diff)).toBe(JSON.stringify(alone.diff));
    expect(shared.diff.summary.substantive).toBeGreaterThan(0);
    expect(bodiesShared(shared.before.version, shared.after.version)).toBeGreaterThan(5);
  });

  it('an invalid topic on the second side, beside a body the first side holds: the error names the second file, its line and path', async () => {
    const paju = seedVersion('paju');
    const yaml = versionToYaml(paju);
    const broken = yaml.replace(/^( {4}topic: )third-party$/m, '$1제3자');
    expect(broken).not.toBe(yaml);
    const work = workWith({ 'old.yaml': yaml, 'new.yaml': broken });
    const index = paju.articles.findIndex((a) => a.topic === 'third-party');
    const error = await diffError('old.yaml', 'new.yaml', work);
    expect(error.where).toBe('new.yaml');
    expect(formatError(error)).toContain(`new.yaml:${lineOf(broken, '\n  - number:', index, 'topic: 제3자')}: articles[${index}].topic:`);
    // The same file first: the first side's error, its own file named.
    expect((await diffError('new.yaml', 'old.yaml', work)).where).toBe('new.yaml');
  });

  it('a body the first side validated, nested one level deeper on the second: checked again there, and too deep', async () => {
    // Sixteen levels under an article's body are allowed; the same block as a provision's children is one level too many.
    let deep: Clause[] = [{ marker: '-', text: '세부 처리 항목' }];
    for (let level = 15; level >= 0; level--) deep = [{ marker: `${level + 1}.`, text: `처리 업무 ${level + 1}단계`, children: deep }];
    const paju = seedVersion('paju');
    const first: PolicyVersion = { ...paju, articles: paju.articles.map((a, i) => (i === 0 ? { ...a, body: deep } : a)) };
    const second: PolicyVersion = { ...first, preamble: [{ ...paju.preamble[0]!, children: deep }, ...paju.preamble.slice(1)] };
    const work = workWith({ 'old.yaml': versionToYaml(first), 'new.yaml': versionToYaml(second) });
    const error = await diffError('old.yaml', 'new.yaml', work);
    expect(error.where).toBe('new.yaml');
    expect(formatError(error)).toMatch(/new\.yaml:\d+: preamble\[0\]\.children\[0\](\.children\[0\]){15}\.children: /);
    // Read alone, the first side is a valid version: only the second side's placement is wrong.
    expect((await diffRefs('old.yaml', 'old.yaml', work, noStore, { editorial: false })).diff.summary.substantive).toBe(0);
  });
});
