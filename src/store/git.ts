/**
 * The only module that talks to git. simple-git for ordinary commands (loaded with the first of them);
 * node:child_process for stdin-fed plumbing (hash-object, update-index, update-ref --stdin, cat-file
 * --batch) and for commands that need their own environment (a temporary index, author dates). Reading
 * objects, what every command does, costs one process: a `cat-file --batch` shared by every read while
 * the reads keep coming (ObjectReader).
 *
 * Rules that keep user text away from git's option parser: refs from users are resolved with
 * `rev-parse --verify --end-of-options` first, and everything else passed on is an object id or a
 * path we built ourselves. The environment is cleaned of inherited GIT_* variables so that a
 * surrounding repository (a hook, GIT_DIR) cannot redirect us, and every process gets configuration
 * that keeps the store's own from running programs (see "configuration that runs code").
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { StoreError } from '../domain/errors.js';
import { t } from '../domain/presentation/messages/index.js';

const FALLBACK_IDENTITY = { name: 'bangchim', email: 'bangchim@localhost' };

export interface Identity {
  name: string;
  email: string;
}

export interface CommitInfo {
  tree: string;
  parents: string[];
  message: string;
  author: Identity & { date: string };
  committer: Identity & { date?: string };
}

export interface TagRef {
  /** Short name: goyang@2020-07-17 */
  name: string;
  /** What refs/tags/<name> holds: the tag object (annotated) or the commit (lightweight). */
  object: string;
  /** The commit it peels to. */
  commit: string;
  annotated: boolean;
}

export type RefUpdate =
  | { kind: 'update'; ref: string; newValue: string; oldValue: string }
  | { kind: 'create'; ref: string; newValue: string }
  | { kind: 'delete'; ref: string; oldValue: string };

/** Which configuration files git reads is the user's choice (and how tests isolate themselves); the rest of GIT_* is not inherited. */
const INHERITED_GIT_VARIABLES = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM'];

/** The environment without inherited GIT_* variables (GIT_DIR, GIT_INDEX_FILE, GIT_AUTHOR_DATE … would redirect us), plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toUpperCase().startsWith('GIT_') || INHERITED_GIT_VARIABLES.includes(key.toUpperCase())) env[key] = value;
  }
  // Never wait for a credential prompt or an editor.
  env.GIT_TERMINAL_PROMPT = '0';
  // Every read sees the objects as their ids name them: a refs/replace entry or a graft (which anyone
  // who writes the store can add) would make show, diff and notice display another text. verify still
  // lists them (it reads refs/replace and .git/info/grafts itself).
  env.GIT_NO_REPLACE_OBJECTS = '1';
  env.GIT_GRAFT_FILE = '/dev/null';
  // `git status` would otherwise take index.lock to save refreshed stat data: a read-only command (verify,
  // list) run beside an import would make the import's checkout fail.
  env.GIT_OPTIONAL_LOCKS = '0';
  return { ...env, ...extra };
}

// ---- configuration that runs code ----
//
// A store is data someone else may have written, and git runs programs its configuration names: hooks,
// fsmonitor, clean/smudge filters named in attributes, pack and ssh commands, and more. Every git
// process bangchim starts gets, on its command line (GIT_CONFIG_PARAMETERS, which outranks every
// configuration file and reaches the git processes it starts in turn), values that neutralise them.
// Some programs sit under names the configuration chooses (filter drivers), and `-c` can set a key but
// never unset one, so those names are read from the configuration first (reading it runs nothing). For
// remote.<name>.uploadpack/receivepack the first value read wins, so the transport commands name git's
// own programs as options instead (UPLOAD_PACK, RECEIVE_PACK).

/** One configuration entry: its scope (system, global, local, worktree, command), the file it is in, key and value. */
export interface ConfigEntry {
  scope: string;
  origin: string;
  /** As git prints it: section and name lower-case, a subsection as written. */
  key: string;
  /** null for a bare `key` line (a boolean true). */
  value: string | null;
}

/** Scopes of the configuration a store brings along: its .git/config, config.worktree and what they include. */
const STORE_SCOPES = new Set(['local', 'worktree']);

/** Overrides that hold whatever the configuration says. */
const FIXED_OVERRIDES: [string, string][] = [
  ['core.quotePath', 'false'], // Korean paths unescaped in output
  ['core.hooksPath', '/dev/null'], // no hook runs: neither .git/hooks nor any hooksPath (git finds no file under /dev/null)
  ['core.fsmonitor', 'false'],
  ['core.pager', 'cat'], // git pages only to a terminal (never ours); the launcher says --no-pager too
  ['core.editor', 'false'], // no command of ours opens an editor; if one ever did, it fails instead of running the store's
  ['sequence.editor', 'false'],
  ['protocol.ext.allow', 'never'], // ext:: URLs (also via url.*.insteadOf or remote.*.vcs) run their URL as a command
  ['protocol.git.allow', 'never'], // git:// goes through core.gitProxy, whose first match wins even over the command line
  ['submodule.recurse', 'false'], // a submodule is another repository with configuration of its own
  ['fetch.recurseSubmodules', 'false'],
  ['advice.graftFileDeprecated', 'false'], // GIT_GRAFT_FILE=/dev/null exists, and git would say grafts are deprecated
  // diff.external, diff.<driver>.command and textconv cannot be emptied (git would run ""): every diff we
  // run says --no-ext-diff --no-textconv instead.
];

/**
 * What a process that only reads objects (`cat-file --batch`, no --filters or --textconv) gets instead of
 * the overrides built from the configuration: it applies no filter, runs no diff, hook or editor, and,
 * with every transport refused, cannot reach a remote either (a partial clone fetches a missing object
 * lazily, with the store's ssh command or upload-pack): none of the programs the configuration may name
 * is within its reach, so it needs no `git config` read first. protocol.allow is only the default for
 * protocols without a setting of their own, so the ones git knows are named too.
 */
const OBJECT_READ_OVERRIDES: [string, string][] = [
  ...FIXED_OVERRIDES,
  ['protocol.allow', 'never'],
  ...['file', 'ssh', 'http', 'https'].map((protocol): [string, string] => [`protocol.${protocol}.allow`, 'never']),
];

/** Keys whose value is a program; the neutral value for a store that sets one (when the user's own configuration does not). */
const NEUTRAL_WHEN_STORE_SETS: Record<string, string> = {
  'core.sshcommand': 'ssh',
  'core.askpass': '', // empty: no askpass program, and GIT_TERMINAL_PROMPT=0 means no prompt either
  'core.alternaterefscommand': 'true', // lists no tips from alternates (only negotiation gets less precise)
};

/** section, subsection (or null) and name of a canonical key; a subsection may contain dots. */
function splitKey(key: string): { section: string; subsection: string | null; name: string } {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  return { section: key.slice(0, first), subsection: first === last ? null : key.slice(first + 1, last), name: key.slice(last + 1) };
}

/** The overrides that make git run none of the programs `entries` (all configuration git reads) name. */
export function neutralisingOverrides(entries: ConfigEntry[]): [string, string][] {
  const overrides = [...FIXED_OVERRIDES];
  const filters = new Set<string>();
  for (const { key } of entries) {
    const { section, subsection } = splitKey(key);
    if (section === 'filter' && subsection !== null) filters.add(subsection);
  }
  // An empty command is no filter; `required` would turn the missing filter into an error.
  for (const driver of filters) overrides.push([`filter.${driver}.clean`, ''], [`filter.${driver}.smudge`, ''], [`filter.${driver}.process`, ''], [`filter.${driver}.required`, 'false']);
  // Programs the user may rely on for sync (ssh, credentials): the user's own value stays, the store's goes.
  const trusted = entries.filter((e) => !STORE_SCOPES.has(e.scope));
  const setByStore = new Set(entries.filter((e) => STORE_SCOPES.has(e.scope)).map((e) => e.key));
  for (const [key, neutral] of Object.entries(NEUTRAL_WHEN_STORE_SETS)) {
    if (!setByStore.has(key)) continue;
    const own = trusted.filter((e) => e.key === key).at(-1);
    overrides.push([key, own?.value ?? neutral]);
  }
  for (const key of setByStore) {
    const { section, name } = splitKey(key);
    if (section !== 'credential' || name !== 'helper') continue;
    // credential helpers are a list: an empty value clears it, then the user's own come back in order.
    overrides.push([key, '']);
    for (const own of trusted) if (own.key === key && own.value !== null) overrides.push([key, own.value]);
  }
  return overrides;
}

/** `overrides` as GIT_CONFIG_PARAMETERS: `'key'='value'` pairs, shell-quoted (keys may contain `=`). */
function configParameters(overrides: [string, string][]): string {
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  return overrides.map(([key, value]) => `${quote(key)}=${quote(value)}`).join(' ');
}

/** `git config --list -z --show-scope --show-origin` output → entries. */
export function parseConfigList(output: string): ConfigEntry[] {
  const fields = output.split('\0');
  const entries: ConfigEntry[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [scope, origin, pair] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
    const newline = pair.indexOf('\n');
    entries.push({ scope, origin: origin.replace(/^file:/, ''), key: newline === -1 ? pair : pair.slice(0, newline), value: newline === -1 ? null : pair.slice(newline + 1) });
  }
  return entries;
}

/** Keys whose value is a program git runs (`include` ones pull in configuration from another file). */
const KEYS_THAT_RUN_CODE = [
  /^core\.(fsmonitor|hookspath|pager|editor|sshcommand|gitproxy|askpass|alternaterefscommand)$/,
  /^sequence\.editor$/,
  /^pager\.[^.]+$/,
  /^filter\..+\.(clean|smudge|process)$/,
  /^diff\.external$/,
  /^diff\..+\.(command|textconv)$/,
  /^merge\..+\.driver$/,
  /^(mergetool|difftool)\..+\.(cmd|path)$/,
  /^remote\..+\.(uploadpack|receivepack|vcs)$/,
  /^credential\.(.+\.)?helper$/,
  /^gpg\.(.+\.)?program$/,
  /^gpg\.ssh\.defaultkeycommand$/,
  /^include\.path$/,
  /^includeif\..+\.path$/,
];
/** Keys that run code only when their value says so: an alias or submodule update starting with `!`. */
const SHELL_VALUE_KEYS = [/^alias\.[^.]+$/, /^submodule\..+\.update$/];
/** Values that name no program (core.fsmonitor=true is git's own daemon). */
const NO_PROGRAM = new Set(['', 'false', 'true', 'no', 'off', '0']);

/**
 * Entries of the store's own configuration (its .git/config, config.worktree and the files they include)
 * that make git run a program, or pull in configuration from elsewhere. bangchim's own git processes
 * run none of them; anyone using plain git on the store would.
 */
export async function storeConfigThatRunsCode(git: Git): Promise<ConfigEntry[]> {
  return (await git.configEntries()).filter(({ scope, key, value }) => {
    if (!STORE_SCOPES.has(scope) || value === null || NO_PROGRAM.has(value.trim().toLowerCase())) return false;
    return KEYS_THAT_RUN_CODE.some((pattern) => pattern.test(key)) || (SHELL_VALUE_KEYS.some((pattern) => pattern.test(key)) && value.startsWith('!'));
  });
}

export class GitError extends StoreError {}

/** One object as `cat-file --batch` gives it. */
export interface GitObject {
  id: string;
  type: string;
  content: Buffer;
}

/** Names simple-git refuses in an environment it is handed (it drops them from the inherited one); git does not need them from us. */
const SIMPLE_GIT_GUARDED = ['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS'];

type Output = { stdout: Buffer; stderr: string; code: number };

export class Git {
  private simpleCache: Promise<SimpleGit> | undefined;
  private configCache: Promise<ConfigEntry[]> | undefined;
  private identityCache: Promise<Identity> | undefined;
  private objectReader: ObjectReader | undefined;

  constructor(readonly dir: string) {}

  /** Reads one object through the shared `cat-file --batch` (started on first use, ended when idle); null when missing. */
  readObject(spec: string): Promise<GitObject | null> {
    if (this.objectReader === undefined || this.objectReader.ended) this.objectReader = new ObjectReader(this);
    return this.objectReader.read(spec);
  }

  /** The object id `spec` names (`refs/tags/goyang@2020-07-17^{commit}`, `HEAD^{commit}`), or null; through the shared reader. */
  async objectId(spec: string): Promise<string | null> {
    return (await this.readObject(spec))?.id ?? null;
  }

  /** Starts a `cat-file --batch` (see OBJECT_READ_OVERRIDES: it needs no configuration read). */
  startObjectReader(): ChildProcessWithoutNullStreams {
    return this.launch(['cat-file', '--batch'], cleanEnv({ GIT_CONFIG_PARAMETERS: configParameters(OBJECT_READ_OVERRIDES) }));
  }

  /**
   * The git directory when `dir/.git` is a plain one (a directory with HEAD, objects/ and refs/, which git
   * itself would take as the repository here), found without starting git; null for anything else (a
   * .git file, a linked work tree, none at all), which git is asked about.
   */
  plainGitDir(): string | null {
    const gitDir = join(this.dir, '.git');
    const kind = (path: string) => statSync(path, { throwIfNoEntry: false });
    if (!kind(gitDir)?.isDirectory() || !kind(join(gitDir, 'HEAD'))?.isFile() || !kind(join(gitDir, 'objects'))?.isDirectory() || !kind(join(gitDir, 'refs'))?.isDirectory()) return null;
    return kind(join(gitDir, 'commondir')) === undefined ? gitDir : null;
  }

  /** Every configuration entry git reads here, with scope and file (read once per Git; `init` reads it again). */
  configEntries(): Promise<ConfigEntry[]> {
    this.configCache ??= this.readConfig();
    return this.configCache;
  }

  /** Reading configuration runs nothing, so this one process gets only the fixed overrides. */
  private async readConfig(): Promise<ConfigEntry[]> {
    const child = this.launch(['config', '--list', '-z', '--show-scope', '--show-origin'], cleanEnv({ GIT_CONFIG_PARAMETERS: configParameters(FIXED_OVERRIDES) }));
    const result = await this.collect(child, ['config'], { allowFailure: true });
    // Exit 1 is "no configuration at all"; anything else (a malformed file) stops every git command here.
    if (result.code > 1) throw new GitError(t('err.git.configFailed', { detail: result.stderr.trim() || t('err.git.exit', { code: result.code }) }), { where: this.dir, hint: t('err.git.configFailed.hint') });
    return parseConfigList(result.stdout.toString('utf8'));
  }

  /** The configuration every git process of ours gets. */
  private async overrides(): Promise<[string, string][]> {
    return neutralisingOverrides(await this.configEntries());
  }

  private async environment(extra?: Record<string, string>): Promise<NodeJS.ProcessEnv> {
    return cleanEnv({ ...extra, GIT_CONFIG_PARAMETERS: configParameters(await this.overrides()) });
  }

  /** Starts one git process: every git process bangchim runs is started here. */
  private launch(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
    return spawn('git', ['--no-pager', ...args], { cwd: this.dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  private collect(child: ChildProcessWithoutNullStreams, args: string[], options: { input?: Uint8Array | string; allowFailure?: boolean }): Promise<Output> {
    return new Promise((resolve, reject) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => reject(new GitError(t('err.git.cannotRun', { detail: error.message }), { hint: t('err.git.cannotRun.hint') })));
      child.on('close', (code) => {
        const result = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 128 };
        if (result.code !== 0 && !options.allowFailure) {
          reject(new GitError(t('err.git.failed', { command: args[0]!, detail: result.stderr.trim() || t('err.git.exit', { code: result.code }) }), { where: this.dir }));
        } else resolve(result);
      });
      child.stdin.on('error', () => undefined); // git may exit before reading all of stdin; the exit code tells.
      child.stdin.end(options.input ?? '');
    });
  }

  /** Runs git with `args` (built by us, never raw user text), feeding `input` on stdin. */
  async spawn(args: string[], options: { input?: Uint8Array | string; env?: Record<string, string>; allowFailure?: boolean } = {}): Promise<Output> {
    return this.collect(this.launch(args, await this.environment(options.env)), args, options);
  }

  /**
   * simple-git with the same environment. Its guard against options that run code stays on; it is told
   * that GIT_CONFIG_PARAMETERS (our overrides, which it does not read) and the user's GIT_CONFIG_GLOBAL/
   * SYSTEM choice are wanted.
   */
  private simple(): Promise<SimpleGit> {
    this.simpleCache ??= Promise.all([this.environment(), import('simple-git')]).then(([env, { simpleGit }]) => {
      for (const name of SIMPLE_GIT_GUARDED) delete env[name];
      return simpleGit({
        baseDir: this.dir,
        maxConcurrentProcesses: 4,
        allowEnvironment: [...INHERITED_GIT_VARIABLES, 'GIT_CONFIG_PARAMETERS', 'GIT_TERMINAL_PROMPT', 'GIT_NO_REPLACE_OBJECTS', 'GIT_GRAFT_FILE', 'GIT_OPTIONAL_LOCKS'],
        // allowUnsafePack: for --upload-pack/--receive-pack naming git's own programs (see UPLOAD_PACK).
        unsafe: { allowUnsafeConfigEnvCount: true, allowUnsafeConfigPaths: true, allowUnsafePack: true },
      }).env(env);
    });
    return this.simpleCache;
  }

  /** An ordinary git command through simple-git; returns stdout. */
  async raw(args: string[]): Promise<string> {
    try {
      return await (await this.simple()).raw(['--no-pager', ...args]);
    } catch (error) {
      throw new GitError(t('err.git.failed', { command: args[0]!, detail: (error as Error).message.trim() }), { where: this.dir, cause: error });
    }
  }

  // ---- repository ----

  /** The repository's top level if `dir` is inside a work tree, else null. */
  async topLevel(): Promise<string | null> {
    const result = await this.spawn(['rev-parse', '--show-toplevel'], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /**
   * Top level, git directory and HEAD's commit in one process (opening a store needs all three); null
   * when any is missing (not a repository, a bare one, no commits), for the caller to ask one at a time.
   */
  async repositoryInfo(): Promise<{ topLevel: string; gitDir: string; head: string } | null> {
    const result = await this.spawn(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--verify', '-q', 'HEAD^{commit}'], { allowFailure: true });
    const lines = result.stdout.toString('utf8').split('\n');
    // Exactly three lines: a path with a newline in it is left to the one-at-a-time route.
    if (result.code !== 0 || lines.length !== 4 || lines[3] !== '') return null;
    return { topLevel: lines[0]!, gitDir: lines[1]!, head: lines[2]! };
  }

  async init(branch: string): Promise<void> {
    await this.raw(['init', '-q', '-b', branch]);
    // The configuration read before was the surrounding one (if any); the new repository has its own.
    this.configCache = undefined;
    this.simpleCache = undefined;
  }

  async gitDir(): Promise<string> {
    return (await this.raw(['rev-parse', '--absolute-git-dir'])).trim();
  }

  /** refs/heads/<branch> that HEAD points at, or null when detached. */
  async currentBranchRef(): Promise<string | null> {
    const result = await this.spawn(['symbolic-ref', '-q', 'HEAD'], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Resolves a revision to an object id, or null. `rev` goes after --end-of-options so it is never an option. */
  async resolve(rev: string): Promise<string | null> {
    const result = await this.spawn(['rev-parse', '-q', '--verify', '--end-of-options', rev], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Every ref's current value (`refs/heads/main` → id, `refs/tags/goyang@2020-07-17` → tag object id). */
  async refValues(): Promise<Map<string, string>> {
    const output = await this.raw(['for-each-ref', '--format=%(refname) %(objectname)']);
    return new Map(output.split('\n').filter(Boolean).map((line) => line.split(' ') as [string, string]));
  }

  async headCommit(): Promise<string | null> {
    return this.resolve('HEAD^{commit}');
  }

  async hasTrackedFiles(): Promise<boolean> {
    return (await this.raw(['ls-files'])).trim() !== '';
  }

  /** The identity from git config, or bangchim@localhost when none is set (CI); never writes config. */
  identity(): Promise<Identity> {
    this.identityCache ??= this.readIdentity();
    return this.identityCache;
  }

  private async readIdentity(): Promise<Identity> {
    const get = async (key: string) => {
      const result = await this.spawn(['config', '--get', key], { allowFailure: true });
      return result.code === 0 ? result.stdout.toString('utf8').trim() : '';
    };
    const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
    return name && email ? { name, email } : FALLBACK_IDENTITY;
  }

  /** `git status --porcelain` lines for `paths` (untracked files included). */
  async status(paths: string[]): Promise<string[]> {
    const out = await this.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=all', '--', ...paths]);
    const entries: string[] = [];
    const fields = out.split('\0');
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field === '') continue;
      entries.push(field);
      if (field[0] === 'R' || field[0] === 'C') i++; // rename: the source path follows
    }
    return entries;
  }

  /** Paths under `paths` whose index entry differs from HEAD's. */
  async stagedDifferences(paths: string[]): Promise<string[]> {
    const out = await this.raw(['diff-index', '--cached', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', '--name-only', '-z', 'HEAD', '--', ...paths]);
    return out.split('\0').filter(Boolean);
  }

  /** Paths under `paths` whose work-tree file differs from the index (by content, not by stat data). */
  async unstagedDifferences(paths: string[]): Promise<string[]> {
    // Not diff-files: it trusts the index's stat data, so a copied store or a rewritten-but-equal file
    // would look edited. `git diff` refreshes the stat data and compares content.
    const out = await this.raw(['diff', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', '--name-only', '-z', '--', ...paths]);
    return out.split('\0').filter(Boolean);
  }

  /** The blob ids the work-tree files at `paths` would have (nothing is written). */
  async hashFiles(paths: string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    return (await this.raw(['hash-object', '--', ...paths])).split('\n').filter(Boolean);
  }

  /** Makes the index and work tree match HEAD for exactly these paths (files we wrote through the object store). */
  async checkoutFromHead(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.raw(['checkout', '-q', 'HEAD', '--', ...paths]);
  }

  // ---- reading objects ----

  /**
   * Reads many objects in one process: `specs` are `<commit>:<path>` or object ids we resolved.
   * Returns null for missing ones.
   */
  readObjects(specs: string[]): Promise<(GitObject | null)[]> {
    return Promise.all(specs.map((spec) => this.readObject(spec)));
  }

  /** Ids (and types) of many objects without their contents. */
  async objectIds(specs: string[]): Promise<(string | null)[]> {
    if (specs.length === 0) return [];
    const { stdout } = await this.spawn(['cat-file', '--batch-check=%(objectname)'], { input: specs.map((s) => s + '\n').join('') });
    return stdout
      .toString('utf8')
      .split('\n')
      .slice(0, specs.length)
      .map((line) => (line.endsWith(' missing') || line.endsWith(' ambiguous') ? null : line.trim()));
  }

  async readFileAt(commit: string, path: string): Promise<Buffer | null> {
    const object = await this.readObject(`${commit}:${path}`);
    return object && object.type === 'blob' ? object.content : null;
  }

  /** Names in a directory of a commit's tree (none when it has no such directory); through the shared reader. */
  async listDirectory(commit: string, dir: string): Promise<string[]> {
    const tree = await this.readObject(`${commit}:${dir}`);
    return tree?.type === 'tree' ? treeEntryNames(tree.content, tree.id.length / 2) : [];
  }

  /** Every entry of a commit's tree, recursively: mode (100644, 120000 for a symlink, 160000 for a submodule …) and path. */
  async treeEntries(commit: string): Promise<{ mode: string; path: string }[]> {
    const out = await this.raw(['ls-tree', '-r', '-z', '--full-tree', commit]);
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => ({ mode: line.slice(0, line.indexOf(' ')), path: line.slice(line.indexOf('\t') + 1) }));
  }

  /** First-parent commits from `base` (exclusive; null = the root) to `tip`, oldest first. */
  async commitsSince(base: string | null, tip: string): Promise<string[]> {
    const range = base === null ? [tip] : [`${base}..${tip}`];
    const out = await this.raw(['rev-list', '--first-parent', '--reverse', ...range]);
    return out.split('\n').filter(Boolean);
  }

  async firstParent(commit: string): Promise<string | null> {
    return this.resolve(`${commit}^1`);
  }

  /** All tags with the commits they peel to; `namespace` another place tags are kept (sync's quarantine), names relative to it. */
  async tags(namespace = 'refs/tags'): Promise<TagRef[]> {
    const strip = namespace.split('/').length;
    const out = await this.raw(['for-each-ref', `--format=%(refname:strip=${strip})%00%(objectname)%00%(objecttype)%00%(*objectname)`, namespace]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, object, type, peeled] = line.split('\0') as [string, string, string, string];
        return { name, object, annotated: type === 'tag', commit: type === 'tag' ? peeled : object };
      });
  }

  // ---- checking (verify) ----

  /** refs/replace/*: each makes git show another object in place of the one named. */
  async replaceRefs(): Promise<string[]> {
    return (await this.raw(['for-each-ref', '--format=%(refname)', 'refs/replace'])).split('\n').filter(Boolean);
  }

  /** `git fsck --full --strict` with replacements ignored: the problem lines it reports (none when sound). */
  async fsck(): Promise<{ ok: boolean; code: number; problems: string[] }> {
    const result = await this.spawn(['fsck', '--full', '--strict', '--no-dangling', '--no-progress'], { allowFailure: true, env: { GIT_NO_REPLACE_OBJECTS: '1' } });
    const problems = result.stderr.split('\n').concat(result.stdout.toString('utf8').split('\n')).map((l) => l.trim()).filter(Boolean);
    return { ok: result.code === 0, code: result.code, problems };
  }

  // ---- writing objects (nothing here touches refs or the work tree) ----

  async hashObject(content: Uint8Array | string, type: 'blob' | 'commit' | 'tag' = 'blob'): Promise<string> {
    const { stdout } = await this.spawn(['hash-object', '-w', '-t', type, '--stdin'], { input: content });
    return stdout.toString('utf8').trim();
  }

  /**
   * A tree: `base`'s tree (or empty) with `changes` applied (path → blob id), built in a temporary
   * index so the real index and work tree are untouched.
   */
  async buildTree(base: string | null, changes: Map<string, string>, tempIndex: string): Promise<string> {
    const env = { GIT_INDEX_FILE: tempIndex };
    await this.spawn(base === null ? ['read-tree', '--empty'] : ['read-tree', base], { env });
    const info = [...changes].map(([path, blob]) => `100644 ${blob}\t${path}\n`).join('');
    if (info) await this.spawn(['update-index', '--add', '--index-info'], { env, input: info });
    const { stdout } = await this.spawn(['write-tree'], { env });
    return stdout.toString('utf8').trim();
  }

  async commitTree(info: CommitInfo): Promise<string> {
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: info.author.name,
      GIT_AUTHOR_EMAIL: info.author.email,
      GIT_AUTHOR_DATE: info.author.date,
      GIT_COMMITTER_NAME: info.committer.name,
      GIT_COMMITTER_EMAIL: info.committer.email,
    };
    if (info.committer.date) env.GIT_COMMITTER_DATE = info.committer.date;
    const parents = info.parents.flatMap((p) => ['-p', p]);
    // --no-gpg-sign: a user's commit.gpgSign must not make an import wait for a passphrase.
    const { stdout } = await this.spawn(['commit-tree', '--no-gpg-sign', info.tree, ...parents, '-F', '-'], { env, input: info.message });
    return stdout.toString('utf8').trim();
  }

  /** Writes an annotated tag object (validated by git mktag). */
  async makeTag(content: string | Buffer): Promise<string> {
    const { stdout } = await this.spawn(['mktag'], { input: content });
    return stdout.toString('utf8').trim();
  }

  /**
   * Moves the branch and the tags in ONE transaction: all or nothing, and refused if the branch
   * moved since we read it (`oldValue` guard).
   */
  async updateRefs(updates: RefUpdate[], reason: string): Promise<void> {
    const lines = ['start'];
    for (const update of updates) {
      if (update.kind === 'update') lines.push(`update ${update.ref} ${update.newValue} ${update.oldValue}`);
      else if (update.kind === 'create') lines.push(`create ${update.ref} ${update.newValue}`);
      else lines.push(`delete ${update.ref} ${update.oldValue}`);
    }
    lines.push('prepare', 'commit');
    const result = await this.spawn(['update-ref', '-m', reason, '--stdin'], { input: lines.join('\n') + '\n', allowFailure: true });
    // git could not write its lock or ref files (a full disk, a read-only .git): not a concurrent change.
    if (result.code !== 0 && /couldn't write|unable to (?:create|write)|No space left|Out of diskspace|Disk quota/i.test(result.stderr)) {
      throw new GitError(t('err.git.refsNotWritten'), { details: [result.stderr.trim()], hint: t('err.git.refsNotWritten.hint') });
    }
    if (result.code !== 0) {
      throw new GitError(t('err.git.changedMeanwhile'), { details: [result.stderr.trim()], hint: t('err.git.again.hint') });
    }
  }
}

/**
 * The entry names of a tree object as `cat-file --batch` returns it (what `ls-tree --name-only` prints):
 * entries are `<mode> <name>\0<object id, binary>`; `objectIdBytes` is 20 (SHA-1) or 32 (SHA-256).
 */
export function treeEntryNames(tree: Buffer, objectIdBytes: number): string[] {
  const names: string[] = [];
  for (let offset = 0; offset < tree.length; ) {
    const space = tree.indexOf(0x20, offset);
    const nul = space === -1 ? -1 : tree.indexOf(0, space);
    if (nul === -1) break;
    names.push(tree.subarray(space + 1, nul).toString('utf8'));
    offset = nul + 1 + objectIdBytes;
  }
  return names;
}

// =============================================================================================
// Added for issue 6 (trust: verify, sync, report) by the trust engineer. Functions only; nothing
// above this line was changed. Remote names and refs reaching git here were validated by callers
// (sync.ts: REMOTE_NAME_PATTERN; refs are built from validated slugs and dates).
// =============================================================================================

/**
 * The programs the remote end runs, named on the command line: `remote.<name>.uploadpack` and
 * `receivepack` in the store's configuration would be run instead (for a local remote, right here), and
 * for them the first value git reads wins, so `-c` cannot override them; these options do.
 */
const UPLOAD_PACK = '--upload-pack=git-upload-pack';
const RECEIVE_PACK = '--receive-pack=git-receive-pack';

/** `git remote`: the configured remote names. */
export async function remoteNames(git: Git): Promise<string[]> {
  return (await git.raw(['remote'])).split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * `git ls-remote <remote>` for branches, tags and bangchim's own refs (drafts): ref name → object id,
 * and for annotated tags (the remote lists them peeled too, `^{}`) the commit they name.
 */
export async function lsRemote(git: Git, remote: string): Promise<{ refs: Map<string, string>; peeled: Map<string, string> }> {
  const out = await git.raw(['ls-remote', UPLOAD_PACK, remote]);
  const refs = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [id, ref] = line.split('\t');
    // Not HEAD, pull requests or the remote's remotes.
    if (!id || !ref || !/^refs\/(heads|tags|bangchim)\//.test(ref)) continue;
    if (ref.endsWith('^{}')) peeled.set(ref.slice(0, -3), id);
    else refs.set(ref, id);
  }
  return { refs, peeled };
}

/** Deletes every ref under `prefix` (a namespace of ours, like the sync quarantine) in one transaction. */
export async function deleteRefsUnder(git: Git, prefix: string): Promise<void> {
  const out = await git.raw(['for-each-ref', '--format=%(refname)', prefix]);
  const refs = out.split('\n').filter(Boolean);
  if (refs.length === 0) return;
  await git.spawn(['update-ref', '--stdin'], { input: refs.map((ref) => `delete ${ref}\n`).join('') });
}

/** Paths whose blob differs between two commits (added, changed or removed). */
export async function changedPaths(git: Git, from: string, to: string): Promise<string[]> {
  const out = await git.raw(['diff-tree', '-r', '--no-renames', '--no-ext-diff', '--no-textconv', '--name-only', '-z', from, to]);
  return out.split('\0').filter(Boolean);
}

/** Fetches exactly `refspecs` from `remote` (no tag following, no pruning). */
export async function fetchRefs(git: Git, remote: string, refspecs: string[]): Promise<void> {
  if (refspecs.length === 0) return;
  // --refmap= : no remote-tracking ref moves on its own (the remote's configured fetch refspec would move it).
  await git.raw(['fetch', UPLOAD_PACK, '--quiet', '--no-tags', '--no-write-fetch-head', '--refmap=', remote, ...refspecs]);
}

/** Points `ref` (a remote-tracking ref) at `id`, whatever it held. */
export async function pointRef(git: Git, ref: string, id: string): Promise<void> {
  await git.raw(['update-ref', ref, id]);
}

/** True when `ancestor` is an ancestor of (or equal to) `descendant`. */
export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.spawn(['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
  if (result.code > 1) throw new GitError(t('err.git.failed', { command: 'merge-base', detail: result.stderr.trim() }), { where: git.dir });
  return result.code === 0;
}

/** Number of commits in `from..to`. */
export async function countCommits(git: Git, from: string | null, to: string): Promise<number> {
  return Number((await git.raw(['rev-list', '--count', from === null ? to : `${from}..${to}`])).trim());
}


/** Pushes `refspecs` to `remote` in one atomic push, never forced. */
export async function pushRefs(git: Git, remote: string, refspecs: string[]): Promise<void> {
  if (refspecs.length === 0) return;
  // --no-signed: a store's push.gpgSign would run its gpg.program.
  await git.raw(['push', RECEIVE_PACK, '--atomic', '--quiet', '--no-verify', '--no-signed', remote, ...refspecs]);
}

/**
 * One long-lived `git cat-file --batch` process: objects are asked for one after another on stdin and
 * read back as a stream, so any number of blobs costs one process and memory of one object at a time
 * (plus what is in flight). Ask with `read(spec)`; answers come in order. While nothing is asked the
 * process keeps no command waiting for it to exit, and it ends after IDLE_END_MS without a question (a
 * long-lived shell, the UI, that asks again later gets a new one).
 */
class ObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (o: GitObject | null) => void; reject: (e: Error) => void }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(git: Git) {
    const fail = (error: Error) => {
      this.failed = error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    this.child = git.startObjectReader();
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    this.child.on('error', (error) => fail(new GitError(t('err.git.cannotRun', { detail: error.message }), { hint: t('err.git.cannotRun.hint') })));
    this.child.on('close', (code) => {
      this.closed = true;
      clearTimeout(this.idleTimer);
      fail(new GitError(t('err.git.batchEnded', { code: String(code), detail: stderr.trim() }), { where: git.dir }));
    });
    this.child.stdin.on('error', () => undefined);
    this.idle();
  }

  /** True once the process has ended or was told to (a shared reader is then replaced). */
  get ended(): boolean {
    return this.closed || this.failed !== null || this.child.stdin.writableEnded;
  }

  /** The process and its pipes (sockets, for a process started with pipes): what keeps node running while they are referenced. */
  private handles(): { ref(): unknown; unref(): unknown }[] {
    return [this.child, ...([this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Socket[])];
  }

  /** Nothing is asked: the process holds no one up, and ends unless asked again soon. */
  private idle(): void {
    for (const handle of this.handles()) handle.unref();
    this.idleTimer = setTimeout(() => this.child.stdin.end(), IDLE_END_MS);
    this.idleTimer.unref();
  }

  private busy(): void {
    clearTimeout(this.idleTimer);
    for (const handle of this.handles()) handle.ref();
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.answer(null);
        continue;
      }
      const [id, type, size] = header.split(' ');
      const length = Number(size);
      if (this.buffer.length < newline + 1 + length + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + length));
      this.buffer = this.buffer.subarray(newline + 1 + length + 1);
      this.answer({ id: id!, type: type!, content });
    }
  }

  private answer(object: GitObject | null): void {
    this.waiting.shift()!.resolve(object);
    if (this.waiting.length === 0) this.idle();
  }

  /** `spec` is an object id or `<commit>:<path>` built by the caller (never raw user text); one line, as git reads it. */
  read(spec: string): Promise<GitObject | null> {
    if (this.failed) return Promise.reject(this.failed);
    // A line break would be a second request, answered to the wrong caller.
    if (/[\n\r\0]/.test(spec)) return Promise.reject(new GitError(`an object name with a line break: ${JSON.stringify(spec)}`, { hint: 'report this as a bug' }));
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) this.busy();
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }
}

/** How long a shared object reader waits for the next question before its process ends. */
const IDLE_END_MS = 2000;
