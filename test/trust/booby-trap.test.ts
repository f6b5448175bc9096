/**
 * A store someone else wrote may carry git configuration that runs programs: hooks, fsmonitor, clean and
 * smudge filters named in attributes, external diff and textconv, a pager, pack and ssh commands. Every
 * bangchim command is run on such a store (the built CLI, as a user runs it); every trap writes a marker
 * file when git runs it. None may appear, the commands must still work, and `verify` must name the
 * configuration.
 */
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Git } from '../../src/store/git.js';
import type { VerifyReport } from '../../src/store/verify.js';
import { editedGoyang, git, runBin, sampleStore, tempDir } from './helpers.js';

/** Every hook git 2.39 knows (githooks(5)). */
const HOOKS = [
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg',
  'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update',
  'proc-receive', 'post-receive', 'post-update', 'reference-transaction', 'push-to-checkout', 'pre-auto-gc',
  'post-rewrite', 'sendemail-validate', 'fsmonitor-watchman', 'p4-changelist', 'p4-prepare-changelist',
  'p4-post-changelist', 'p4-pre-submit', 'post-index-change',
];

interface Trapped {
  dir: string;
  markers: string;
  remote: string;
  draft: string;
}

/**
 * A trap: a script that leaves `<markers>/<name>` and then does what git expects of the program it
 * replaces (pass content through, speak the pack protocol), so a trap that runs goes unnoticed by the
 * command itself — as a real attacker's would.
 */
function writeTrap(base: string, markers: string): string {
  const trap = join(base, 'trap.sh');
  writeFileSync(
    trap,
    `#!/bin/sh
name="$1"; shift
touch "${markers}/$name"
case "$name" in
  uploadpack) exec git-upload-pack "$@" ;;
  receivepack) exec git-receive-pack "$@" ;;
  sshcommand) exec ssh "$@" ;;
  fsmonitor|ext-url|askpass|credential-helper|editor|sequence-editor|gpg|user-*) exit 1 ;;
  textconv|diff-external) cat "$1" 2>/dev/null; exit 0 ;;
  *) exec cat ;;
esac
`,
  );
  chmodSync(trap, 0o755);
  return trap;
}

function writeHooks(hooksDir: string, trap: string, prefix: string): void {
  mkdirSync(hooksDir, { recursive: true });
  for (const hook of HOOKS) {
    writeFileSync(join(hooksDir, hook), `#!/bin/sh\nexec ${trap} ${prefix}-${hook} "$@"\n`);
    chmodSync(join(hooksDir, hook), 0o755);
  }
}

/** Configuration that runs `trap`, as `git config` file text. */
function trapConfig(trap: string, remote: string): string {
  return `[core]
\tfsmonitor = ${trap} fsmonitor
\tpager = ${trap} pager
\tsshCommand = ${trap} sshcommand
\teditor = ${trap} editor
\taskPass = ${trap} askpass
[sequence]
\teditor = ${trap} sequence-editor
[pager]
\tstatus = ${trap} pager-status
\tdiff = ${trap} pager-diff
[filter "trap"]
\tclean = ${trap} filter-clean
\tsmudge = ${trap} filter-smudge
\trequired = true
[filter "trapgit"]
\tclean = ${trap} gitattributes-clean
\tsmudge = ${trap} gitattributes-smudge
[filter "trapproc"]
\tprocess = ${trap} filter-process
[filter "trap=eq"]
\tclean = ${trap} filter-named-with-equals
\tsmudge = ${trap} filter-named-with-equals
[diff]
\texternal = ${trap} diff-external
[diff "trap"]
\ttextconv = ${trap} textconv
\tcommand = ${trap} diff-command
[merge "trap"]
\tdriver = ${trap} merge-driver
[credential]
\thelper = !${trap} credential-helper
[gpg]
\tprogram = ${trap} gpg
[protocol "ext"]
\tallow = always
[remote "origin"]
\turl = ${remote}
\tfetch = +refs/heads/*:refs/remotes/origin/*
\tuploadpack = ${trap} uploadpack
\treceivepack = ${trap} receivepack
[remote "viassh"]
\turl = ssh://bangchim@127.0.0.1:1/archive.git
[remote "viaext"]
\turl = trapped:archive
[url "ext::${trap} ext-url %S "]
\tinsteadOf = trapped:
`;
}

/**
 * A sample store (the real init) with every trap planted, its remote a local bare repository. `where`:
 * the traps in the store's own .git/config with hooks in .git/hooks, or pulled in by include.path with
 * hooks from core.hooksPath.
 */
async function trappedStore(where: 'config' | 'include'): Promise<Trapped> {
  const base = tempDir('bangchim-trap-');
  const markers = join(base, 'markers');
  mkdirSync(markers);
  const trap = writeTrap(base, markers);
  const dir = await sampleStore();
  const remote = join(base, 'archive.git');
  git(base, 'init', '-q', '--bare', '-b', 'main', remote);
  const config = trapConfig(trap, remote);
  if (where === 'config') {
    writeFileSync(join(dir, '.git', 'config'), config, { flag: 'a' });
    writeHooks(join(dir, '.git', 'hooks'), trap, 'hook');
  } else {
    const included = join(base, 'office.gitconfig');
    writeFileSync(included, `${config}[core]\n\thooksPath = ${join(base, 'hooks')}\n`);
    writeFileSync(join(dir, '.git', 'config'), `[include]\n\tpath = ${included}\n`, { flag: 'a' });
    writeHooks(join(base, 'hooks'), trap, 'hookspath');
  }
  mkdirSync(join(dir, '.git', 'info'), { recursive: true });
  writeFileSync(join(dir, '.git', 'info', 'attributes'), 'policies/** filter=trap diff=trap merge=trap\n');
  writeFileSync(join(dir, '.gitattributes'), 'history/** filter=trapgit diff=trap\nsources/** filter=trapproc diff=trap\nbangchim.yaml filter=trap=eq\n');
  const draft = join(base, 'goyang-2021.txt');
  writeFileSync(draft, editedGoyang('031-8075-2021'));
  return { dir, markers, remote, draft };
}

function run(store: Trapped, ...args: string[]): { code: number; out: string; err: string } {
  return runBin(['--store', store.dir, ...args], { cwd: store.dir });
}

describe.each(['config', 'include'] as const)('a booby-trapped store (traps in %s)', (where) => {
  let store: Trapped;
  let clean: string;
  beforeAll(async () => {
    store = await trappedStore(where);
    clean = await sampleStore();
  }, 120_000);

  it('every command works and none runs the store\'s configuration', () => {
    const results: Record<string, number> = {};
    const expectCode = (name: string, code: number, args: string[]) => {
      const result = run(store, ...args);
      results[name] = result.code;
      expect(result.code, `${name}: ${result.err}`).toBe(code);
      return result;
    };
    expectCode('list', 0, ['list']);
    expectCode('log', 0, ['log', 'goyang']);
    expectCode('show', 0, ['show', 'goyang']);
    // check reports on the archive (what is and is not archived): the same as on an untrapped copy.
    const untrapped = runBin(['--store', clean, 'check', 'goyang@2020-07-17']);
    expect(untrapped.code, untrapped.err).toBeLessThan(2);
    const check = expectCode('check', untrapped.code, ['check', 'goyang@2020-07-17']);
    expect(check.out).toBe(untrapped.out);
    expectCode('verify', 0, ['verify']);
    expectCode('import', 0, ['import', 'goyang', store.draft, '--effective', '2021-03-02']);
    const diff = expectCode('diff', 1, ['diff', 'goyang~1', 'goyang']);
    expect(diff.out).toContain('031-8075-2021');
    expectCode('notice', 0, ['notice', 'goyang']);
    expectCode('report', 0, ['report']);
    expectCode('verify --deep', 0, ['verify', '--deep']);
    const sync = expectCode('sync', 0, ['sync', '--json']);
    expect(JSON.parse(sync.out)).toMatchObject({ remote: 'origin', action: 'published' });
    expect(git(store.remote, 'tag')).toContain('goyang@2021-03-02');
    // Another office imports a newer version; the trapped store fast-forwards to it (merge and checkout).
    const other = join(tempDir('bangchim-office-'), 'store');
    git(tempDir(), 'clone', '-q', store.remote, other);
    const draft = join(other, '..', 'goyang-2022.txt');
    writeFileSync(draft, editedGoyang('031-8075-2022'));
    expect(runBin(['--store', other, 'import', 'goyang', draft, '--effective', '2022-02-01']).code).toBe(0);
    expect(runBin(['--store', other, 'sync']).code).toBe(0);
    const pull = expectCode('sync (pull)', 0, ['sync', '--json']);
    expect(JSON.parse(pull.out)).toMatchObject({ action: 'pulled', fetchedTags: ['goyang@2022-02-01'] });
    // Remotes whose transport is the trap: they fail to connect, and nothing of the store's runs.
    expect(run(store, 'sync', '--remote', 'viassh').code).not.toBe(0);
    expect(run(store, 'sync', '--remote', 'viaext').code).not.toBe(0);
    expectCode('init again', 0, ['init', store.dir]);
    expect(readdirSync(store.markers).sort().join(' '), 'programs the store configured were run').toBe('');
  }, 240_000);

  it('verify names the configuration that would run code', () => {
    const result = run(store, 'verify', '--json');
    const report = JSON.parse(result.out) as VerifyReport;
    const named = report.findings.filter((f) => f.kind === 'config-runs-code');
    expect(named.every((f) => f.severity === 'warning')).toBe(true);
    const keys = named.map((f) => f.where);
    for (const key of ['core.fsmonitor', 'core.pager', 'core.sshcommand', 'filter.trap.clean', 'filter.trap.smudge', 'filter.trapproc.process', 'filter.trap=eq.clean', 'diff.external', 'diff.trap.textconv', 'remote.origin.uploadpack', 'remote.origin.receivepack', 'credential.helper']) {
      expect(keys, key).toContain(key);
    }
    if (where === 'config') {
      for (const hook of ['post-index-change', 'reference-transaction', 'pre-commit']) expect(keys).toContain(`.git/hooks/${hook}`);
    } else {
      expect(keys).toContain('core.hookspath');
      expect(keys).toContain('include.path');
      expect(named.find((f) => f.where === 'core.fsmonitor')!.message).toContain('office.gitconfig');
    }
    expect(report.ok, JSON.stringify(report.findings)).toBe(true);
    expect(readdirSync(store.markers)).toEqual([]);
  }, 60_000);
});

describe("the user's own configuration", () => {
  it("keeps the user's ssh command and credential helper in force where the store sets its own", async () => {
    const base = tempDir('bangchim-trap-');
    const markers = join(base, 'markers');
    mkdirSync(markers);
    const trap = writeTrap(base, markers);
    const userConfig = join(base, 'user.gitconfig');
    writeFileSync(userConfig, `[core]\n\tsshCommand = ${trap} user-ssh\n[credential]\n\thelper = "!${trap} user-credential"\n`);
    const dir = await sampleStore();
    writeFileSync(join(dir, '.git', 'config'), `[core]\n\tsshCommand = ${trap} sshcommand\n[credential]\n\thelper = !${trap} credential-helper\n[remote "viassh"]\n\turl = ssh://bangchim@127.0.0.1:1/archive.git\n`, { flag: 'a' });

    expect(runBin(['--store', dir, 'sync', '--remote', 'viassh'], { env: { GIT_CONFIG_GLOBAL: userConfig } }).code).not.toBe(0);
    expect(readdirSync(markers)).toEqual(['user-ssh']);

    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = userConfig;
    try {
      await new Git(dir).spawn(['credential', 'fill'], { input: 'protocol=https\nhost=example.org\n\n', allowFailure: true });
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved;
    }
    expect(readdirSync(markers).sort()).toEqual(['user-credential', 'user-ssh']);
  }, 60_000);
});
