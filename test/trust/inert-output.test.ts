/**
 * Issue 11 item 2 / issue 10 item 3: a store is data someone else wrote. Hostile text planted in it
 * (city name, ledger `until`, evidence note, source url, article text) or given on the command line
 * (file names, slugs, option values) never reaches stdout or stderr of any command raw: ESC, OSC 52,
 * CSI, BEL, C1 controls and bidi overrides all arrive shown, not acted on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editedGoyang, git, sampleStore, tempDir } from './helpers.js';

/** Anything that can drive a terminal or reorder a line; newline and tab are the outputs' own layout. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const HOSTILE = `${OSC52}\u001b[2J\u009b31m\u202e\u2066뒤집기\u0007`;
/** The same, as YAML double-quoted escapes (a hand edit of the store's files). */
const HOSTILE_YAML = '\\e]52;c;ZXZpbA==\\a\\e[2J\\x9b31m\\u202e\\u2066뒤집기\\a';

function commitAll(dir: string, message: string): void {
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', message);
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${file} holds ${from}`).not.toBe(text);
  writeFileSync(path, edited);
}

/** The sample store with hostile text in 고양's city name, evidence note, source url and article text (still valid YAML). */
async function hostileStore(): Promise<string> {
  const dir = await sampleStore();
  edit(dir, 'history/goyang.yaml', /^city: .*$/m, `city: "고양${HOSTILE_YAML}시"`);
  edit(dir, 'history/goyang.yaml', 'text: 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)', `text: "2011 ${HOSTILE_YAML}"`);
  edit(dir, 'history/goyang.yaml', '      file: sources/goyang/2020-07-17.txt', `      url: "https://goyang.go.kr/${HOSTILE_YAML}"\n      file: sources/goyang/2020-07-17.txt`);
  edit(dir, 'policies/goyang.yaml', /^city: .*$/m, `city: "고양${HOSTILE_YAML}시"`);
  edit(dir, 'policies/goyang.yaml', /text: 고양시가 개인정보 보호법 제32조에 따라(.*)$/m, `text: "고양시가 ${HOSTILE_YAML} 개인정보 보호법 제32조에 따라$1"`);
  commitAll(dir, 'hostile');
  return dir;
}

function expectInert(what: string, result: { out: string; err: string }): void {
  for (const [stream, text] of [['stdout', result.out], ['stderr', result.err]] as const) {
    const hit = RAW.exec(text);
    expect(hit, `${what}: ${stream} carries U+${hit?.[0].codePointAt(0)!.toString(16)} near ${JSON.stringify(hit ? text.slice(Math.max(0, hit.index - 30), hit.index + 30) : '')}`).toBeNull();
  }
}

describe('nothing raw reaches a terminal from any command', () => {
  it('hostile text in a store: list, log, show, diff, notice, check, verify, report (every format)', async () => {
    const dir = await hostileStore();
    const draft = join(tempDir(), 'draft.txt');
    writeFileSync(draft, editedGoyang());
    const runs: [string, string[]][] = [
      ['list', ['list']],
      ['list --json', ['list', '--json']],
      ['log', ['log', 'goyang']],
      ['log --json', ['log', 'goyang', '--json']],
      ...['yaml', 'json', 'text'].map((f): [string, string[]] => [`show --format ${f}`, ['show', 'goyang', '--format', f]]),
      ...['text', 'json', 'markdown'].map((f): [string, string[]] => [`diff --format ${f}`, ['diff', 'goyang', draft, '--format', f]]),
      ...['text', 'markdown', 'html', 'json'].map((f): [string, string[]] => [`notice --format ${f}`, ['notice', 'goyang', '--to', draft, '--effective', '2025-01-01', '--format', f]]),
      ['check', ['check', 'goyang']],
      ['check --json', ['check', 'goyang', '--json']],
      ['check FILE', ['check', 'policies/goyang.yaml']],
      ['show FILE', ['show', 'policies/goyang.yaml', '--format', 'text']],
      ['diff FILE', ['diff', 'goyang', 'policies/goyang.yaml']],
      ['verify', ['verify', '--no-fsck']],
      ['verify --json', ['verify', '--no-fsck', '--json']],
      ['report', ['report', 'goyang']],
      ['report --json', ['report', 'goyang', '--json']],
    ];
    let shown = 0;
    for (const [what, args] of runs) {
      const result = await cli(args, dir);
      expectInert(what, result);
      if (/␛\]52;c;ZXZpbA==␇|\\u001b\]52;c;ZXZpbA==\\u0007/.test(result.out + result.err)) shown++;
    }
    // The text is shown (visibly), not dropped: list, log and check name the city or the note (archived text is read from its tag, untouched).
    expect(shown).toBeGreaterThanOrEqual(5);
    const check = await cli(['check', 'policies/goyang.yaml'], dir);
    expect(check.out + check.err).toContain('⟪U+202E⟫');
  });

  it('an invalid hostile ledger value (until) in errors on stderr: list, show, log, diff, notice, import', async () => {
    const dir = await sampleStore();
    edit(dir, 'history/goyang.yaml', 'until: 2016-05-13', `until: "2016${HOSTILE_YAML}"`);
    commitAll(dir, 'hostile until');
    const draft = join(tempDir(), 'draft.txt');
    writeFileSync(draft, editedGoyang());
    for (const args of [['list'], ['show', 'goyang'], ['log', 'goyang'], ['diff', 'goyang', draft], ['notice', 'goyang'], ['import', 'goyang', draft, '--effective', '2025-01-01']]) {
      const result = await cli(args, dir);
      expect(result.err, args.join(' ')).toMatch(/bangchim:/);
      expectInert(args.join(' '), result);
    }
  });

  it('hostile file names, slugs and option values echoed in messages: show, diff, import, parse, init, sync, notice', async () => {
    const dir = await sampleStore();
    const work = tempDir();
    writeFileSync(join(work, 'x.txt'), '');
    const runs: string[][] = [
      ['show', `goyang${HOSTILE}`],
      ['show', `goyang@2020-07-17${HOSTILE}`],
      ['diff', 'goyang', `없는파일${HOSTILE}.txt`],
      ['import', `go${HOSTILE}`, 'x.txt'],
      ['import', 'goyang', `없는파일${HOSTILE}.txt`],
      ['import', 'goyang', join(work, 'x.txt'), '--effective', `2025${HOSTILE}`],
      ['parse', `없는파일${HOSTILE}.txt`],
      // A store cannot be made under a file.
      ['init', join(work, 'x.txt', `저장소${HOSTILE}`)],
      ['sync', '--remote', `origin${HOSTILE}`],
      ['notice', 'goyang', '--effective', `2025${HOSTILE}`],
      ['notice', 'goyang', '--width', HOSTILE],
      ['list', '--store', join(work, `없는곳${HOSTILE}`)],
      [`unknown${HOSTILE}`],
      ['list', `--bogus${HOSTILE}`],
    ];
    for (const args of runs) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).not.toBe(0);
      expectInert(JSON.stringify(args), result);
    }
  });
});

describe('commit and tag messages are built from validated fields only', () => {
  it('--name and --source refuse control characters and newlines; the store is unchanged and verify stays OK', async () => {
    const dir = await sampleStore();
    const page = join(tempDir(), 'new-city.txt');
    writeFileSync(page, editedGoyang());
    const head = git(dir, 'rev-parse', 'HEAD');
    for (const option of [
      ['--name', '새도시\nsha256: 0000000000000000000000000000000000000000000000000000000000000000'],
      ['--name', `새도시${OSC52}`],
      ['--name', '새\u202e도시'],
      ['--source', 'https://example.go.kr/\nsha256: 0000'],
      ['--source', `https://example.go.kr/${OSC52}`],
    ]) {
      const result = await cli(['import', 'newcity', page, '--effective', '2025-01-01', ...option], dir);
      expect(result.code, JSON.stringify(option)).toBe(2);
      expect(result.err).toContain('제어 문자나 줄바꿈');
      expect(result.err).toContain(`위치: ${option[0]}`);
      expectInert(JSON.stringify(option), result);
    }
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect((await cli(['verify', '--no-fsck'], dir)).code).toBe(0);
    const list = await cli(['list'], dir);
    expect(list.out).not.toMatch(/sha256/);
  });
});
