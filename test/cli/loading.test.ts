/**
 * What the installed command (the bundle) loads to start, and that it prints what it printed before.
 * A command loads only the code its path reaches, in few files: `list` and `log` no parser, YAML
 * package, diff or notice code; `show` writes its YAML without the yaml package and loads no parser
 * (but for --format text), verify or sync; `diff --json` no notice code, YAML package or HTML writer.
 * The catalogue's Korean is built in; the English table is read only when English is chosen. A
 * preload records every module URL the process loads (a module hook) and every catalogue file it reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { editedGoyang, git, ROOT, sampleStore, tempDir } from '../store/helpers.js';

const BUNDLE = join(ROOT, 'dist', 'bundle');
const BIN = join(ROOT, 'bin', 'bangchim.js');

/** The module hook: runs in the loader's thread and appends each URL it loads to MODULES_FILE. */
const HOOK = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.MODULES_FILE, url + '\\n');
  return next(url, context);
}
`;
const PRELOAD = `
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});
const read = fs.readFileSync;
const files = [];
fs.readFileSync = function (path, ...rest) {
  files.push(String(path instanceof URL ? path.pathname : path));
  return read.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on('exit', () => fs.writeFileSync(process.env.FILES_FILE, JSON.stringify(files)));
`;

let store: string;
let preload: string;

/** A run of the installed command: its output, the bundle files it loaded, the source modules in them, the files it read. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string; chunks: string[]; modules: string[]; read: string[] } {
  const dir = tempDir();
  const modulesFile = join(dir, 'modules.txt');
  const filesFile = join(dir, 'files.json');
  writeFileSync(modulesFile, '');
  // The language from this test alone: not the suite's BANGCHIM_LANG, not the developer's locale.
  const { BANGCHIM_LANG: _lang, LANG: _locale, LC_ALL: _all, LC_MESSAGES: _messages, ...base } = process.env;
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, '--store', store, ...args], {
    encoding: 'utf8',
    env: { ...base, ...env, MODULES_FILE: modulesFile, FILES_FILE: filesFile },
  });
  const chunks = [...new Set(readFileSync(modulesFile, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)))].filter((file) => file.startsWith(BUNDLE));
  // esbuild heads each module's code in a chunk with its path: `// src/store/git.ts`, `// node_modules/yaml/dist/…`.
  const modules = chunks.flatMap((chunk) => [...readFileSync(chunk, 'utf8').matchAll(/^\/\/ ((?:\.\.\/)*(?:src|\S*node_modules)\/\S+)$/gm)].map((m) => m[1]!.replace(/^(\.\.\/)+/, '')));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, chunks, modules, read: JSON.parse(readFileSync(filesFile, 'utf8')) as string[] };
}

beforeAll(async () => {
  store = await sampleStore();
  await (await openStore(store)).importVersion({ slug: 'goyang', bytes: editedGoyang(), file: 'goyang-2025.txt', effective: '2025-01-01' });
  preload = join(tempDir(), 'record.mjs');
  writeFileSync(preload, PRELOAD);
});

/** The parser's modules (its size limits aside, which the store checks input files against). */
const PARSER = /^src\/domain\/parse\/(?!limits\.ts$)/;
const YAML_PACKAGE = /(^|\/)node_modules\/yaml\//;
const NOTICE = /^src\/domain\/notice\//;
const DIFF_ENGINE = /^src\/domain\/diff\//;
const STORE_CHECKS = ['src/store/verify.ts', 'src/store/sync.ts', 'src/store/history.ts'];

describe('a command loads only what its path reaches, in few files', () => {
  it('the record sees what a command loads: the parser when show renders text, the English table when asked', () => {
    const text = run(['show', 'goyang', '--format', 'text'], { BANGCHIM_LANG: 'en' });
    expect(text.code).toBe(0);
    expect(text.modules.filter((m) => PARSER.test(m))).not.toEqual([]);
    expect(text.read.some((file) => file.endsWith('messages.en.json'))).toBe(true);
  });

  it.each([
    [['list'], 10],
    [['list', '--json'], 10],
    [['log', 'goyang'], 10],
  ])('bangchim %j: no parser, YAML package, diff, notice or store checks; at most %i files of the bundle', (args, files) => {
    const loaded = run(args);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('goyang');
    expect(loaded.modules.filter((m) => PARSER.test(m) || YAML_PACKAGE.test(m) || NOTICE.test(m) || DIFF_ENGINE.test(m) || STORE_CHECKS.includes(m))).toEqual([]);
    expect(loaded.chunks.length).toBeLessThanOrEqual(files);
  });

  it.each([[['show', 'goyang']], [['show', 'goyang', '--format', 'json']], [['show', 'goyang~1', '--format', 'yaml']]])('bangchim %j: YAML without the yaml package, no parser, verify, sync or notice code', (args) => {
    const loaded = run(args);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('고양특례시');
    expect(loaded.modules.filter((m) => PARSER.test(m) || YAML_PACKAGE.test(m) || NOTICE.test(m) || DIFF_ENGINE.test(m) || STORE_CHECKS.includes(m))).toEqual([]);
    expect(loaded.chunks.length).toBeLessThanOrEqual(12);
  });

  it('bangchim diff --json: the diff engine, and no notice code, YAML package, HTML writer or store checks', () => {
    const loaded = run(['diff', 'goyang~1', 'goyang', '--json']);
    expect(loaded.code).toBe(1);
    expect((JSON.parse(loaded.stdout) as { summary: { substantive: number } }).summary.substantive).toBeGreaterThan(0);
    expect(loaded.modules).toContain('src/domain/diff/index.ts');
    expect(loaded.modules.filter((m) => YAML_PACKAGE.test(m) || NOTICE.test(m) || STORE_CHECKS.includes(m) || m === 'src/domain/diff/html.ts')).toEqual([]);
    expect(loaded.chunks.length).toBeLessThanOrEqual(14);
  });
});

describe('the catalogue in the bundle: Korean built in, English read when chosen', () => {
  it('Korean by default, without reading the English table', () => {
    const korean = run(['list']);
    expect(korean.stdout.split('\n')[0]).toMatch(/^약칭\s+기관\s+최신\s+본문\/전체$/);
    expect(korean.stderr).toContain('저장소:');
    expect(korean.read.filter((file) => /messages\.\w+\.json$/.test(file))).toEqual([]);
    expect(existsSync(join(BUNDLE, 'messages.en.json'))).toBe(true);
  });

  it.each([[{ BANGCHIM_LANG: 'en' }], [{ LANG: 'en_US.UTF-8' }]])('English with %j: the table read from beside the bundle, every word English', (env) => {
    const english = run(['list'], env);
    expect(english.stdout.split('\n')[0]).toMatch(/^slug\s+body\s+newest\s+archived\/known$/);
    expect(english.stderr).toMatch(/^store: /m);
    expect(english.read.filter((file) => file.endsWith('messages.en.json'))).toHaveLength(1);
    const usage = run(['lgo', 'goyang'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/[가-힣]/);
  });

  it('BANGCHIM_LANG=ko wins over an English locale', () => {
    expect(run(['list'], { LANG: 'en_US.UTF-8', BANGCHIM_LANG: 'ko' }).stdout).toMatch(/^약칭/);
  });
});

describe('what show prints is what the store archived', () => {
  it('every archived version, as YAML: byte for byte the blob its tag holds (written by the yaml package at import)', () => {
    const tags = git(store, 'tag', '--list').trim().split('\n');
    expect(tags.length).toBeGreaterThanOrEqual(6);
    for (const tag of tags) {
      const slug = tag.slice(0, tag.indexOf('@'));
      const archived = git(store, 'show', `${tag}:policies/${slug}.yaml`);
      const shown = run(['show', tag]);
      expect(shown.code, tag).toBe(0);
      expect(shown.stdout, tag).toBe(archived);
    }
  });
});
