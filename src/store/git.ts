/**
 * The only module that talks to git. simple-git for ordinary commands; node:child_process only for
 * stdin-fed plumbing (hash-object, update-index, update-ref --stdin, cat-file --batch) and for
 * commands that need their own environment (a temporary index, author dates).
 *
 * Rules that keep user text away from git's option parser: refs from users are resolved with
 * `rev-parse --verify --end-of-options` first, and everything else passed on is an object id or a
 * path we built ourselves. The environment is cleaned of inherited GIT_* variables so that a
 * surrounding repository (a hook, GIT_DIR) cannot redirect us.
 */
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { StoreError } from '../domain/errors.js';

/** Korean paths unescaped in output. */
const CONFIG = ['core.quotePath=false'];
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
  | { kind: 'create'; ref: string; newValue: string };

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
  return { ...env, ...extra };
}

export class GitError extends StoreError {}

export class Git {
  private readonly simple: SimpleGit;
  private identityCache: Promise<Identity> | undefined;

  constructor(readonly dir: string) {
    this.simple = simpleGit({ baseDir: dir, config: CONFIG, maxConcurrentProcesses: 4, allowEnvironment: INHERITED_GIT_VARIABLES });
  }

  /** Runs git with `args` (built by us, never raw user text), feeding `input` on stdin. */
  spawn(args: string[], options: { input?: Uint8Array | string; env?: Record<string, string>; allowFailure?: boolean } = {}): Promise<{ stdout: Buffer; stderr: string; code: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['-c', CONFIG[0]!, ...args], { cwd: this.dir, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => reject(new GitError(`could not run git: ${error.message}`, { hint: 'install git and make sure it is on PATH' })));
      child.on('close', (code) => {
        const result = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 128 };
        if (result.code !== 0 && !options.allowFailure) {
          reject(new GitError(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.code}`}`, { where: this.dir }));
        } else resolve(result);
      });
      child.stdin.on('error', () => undefined); // git may exit before reading all of stdin; the exit code tells.
      child.stdin.end(options.input ?? '');
    });
  }

  /** An ordinary git command through simple-git; returns stdout. */
  async raw(args: string[]): Promise<string> {
    try {
      return await this.simple.raw(args);
    } catch (error) {
      throw new GitError(`git ${args[0]} failed: ${(error as Error).message.trim()}`, { where: this.dir, cause: error });
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
    const out = await this.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
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
    const out = await this.raw(['diff-index', '--cached', '--name-only', '-z', 'HEAD', '--', ...paths]);
    return out.split('\0').filter(Boolean);
  }

  /** Paths under `paths` whose work-tree file differs from the index (by content, not by stat data). */
  async unstagedDifferences(paths: string[]): Promise<string[]> {
    // Not diff-files: it trusts the index's stat data, so a copied store or a rewritten-but-equal file
    // would look edited. `git diff` refreshes the stat data and compares content.
    const out = await this.raw(['diff', '--no-ext-diff', '--name-only', '-z', '--', ...paths]);
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
  async readObjects(specs: string[]): Promise<({ id: string; type: string; content: Buffer } | null)[]> {
    if (specs.length === 0) return [];
    const { stdout } = await this.spawn(['cat-file', '--batch'], { input: specs.map((s) => s + '\n').join('') });
    const results: ({ id: string; type: string; content: Buffer } | null)[] = [];
    let offset = 0;
    for (let i = 0; i < specs.length; i++) {
      const newline = stdout.indexOf(10, offset);
      const header = stdout.subarray(offset, newline).toString('utf8');
      offset = newline + 1;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        results.push(null);
        continue;
      }
      const [id, type, size] = header.split(' ');
      const length = Number(size);
      results.push({ id: id!, type: type!, content: stdout.subarray(offset, offset + length) });
      offset += length + 1;
    }
    return results;
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
    const [object] = await this.readObjects([`${commit}:${path}`]);
    return object && object.type === 'blob' ? object.content : null;
  }

  /** Names in a directory of a commit's tree. */
  async listDirectory(commit: string, dir: string): Promise<string[]> {
    const out = await this.raw(['ls-tree', '--name-only', '-z', `${commit}:${dir}`]).catch(() => '');
    return out.split('\0').filter(Boolean);
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

  /** All tags with the commits they peel to. */
  async tags(): Promise<TagRef[]> {
    const out = await this.raw(['for-each-ref', '--format=%(refname:strip=2)%00%(objectname)%00%(objecttype)%00%(*objectname)', 'refs/tags']);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, object, type, peeled] = line.split('\0') as [string, string, string, string];
        return { name, object, annotated: type === 'tag', commit: type === 'tag' ? peeled : object };
      });
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
      else lines.push(`create ${update.ref} ${update.newValue}`);
    }
    lines.push('prepare', 'commit');
    const result = await this.spawn(['update-ref', '-m', reason, '--stdin'], { input: lines.join('\n') + '\n', allowFailure: true });
    if (result.code !== 0) {
      throw new GitError('the store changed while importing; nothing was changed', { details: [result.stderr.trim()], hint: 'run the command again' });
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

/** `git remote`: the configured remote names. */
export async function remoteNames(git: Git): Promise<string[]> {
  return (await git.raw(['remote'])).split('\n').map((l) => l.trim()).filter(Boolean);
}

/** `git ls-remote --heads --tags <remote>`: ref name → object id (peeled `^{}` lines left out). */
export async function lsRemote(git: Git, remote: string): Promise<Map<string, string>> {
  const out = await git.raw(['ls-remote', '--heads', '--tags', remote]);
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [id, ref] = line.split('\t');
    if (!id || !ref || ref.endsWith('^{}')) continue;
    refs.set(ref, id);
  }
  return refs;
}

/** Fetches exactly `refspecs` from `remote` (no tag following, no pruning). */
export async function fetchRefs(git: Git, remote: string, refspecs: string[]): Promise<void> {
  if (refspecs.length === 0) return;
  await git.raw(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, ...refspecs]);
}

/** True when `ancestor` is an ancestor of (or equal to) `descendant`. */
export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.spawn(['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
  if (result.code > 1) throw new GitError(`git merge-base failed: ${result.stderr.trim()}`, { where: git.dir });
  return result.code === 0;
}

/** Number of commits in `from..to`. */
export async function countCommits(git: Git, from: string | null, to: string): Promise<number> {
  return Number((await git.raw(['rev-list', '--count', from === null ? to : `${from}..${to}`])).trim());
}

/** Fast-forwards the current branch, index and work tree to `commit`; fails rather than merge. */
export async function fastForward(git: Git, commit: string): Promise<void> {
  await git.raw(['merge', '--ff-only', '--quiet', commit]);
}

/** Pushes `refspecs` to `remote` in one atomic push, never forced. */
export async function pushRefs(git: Git, remote: string, refspecs: string[]): Promise<void> {
  if (refspecs.length === 0) return;
  await git.raw(['push', '--atomic', '--quiet', '--no-verify', remote, ...refspecs]);
}

/**
 * One long-lived `git cat-file --batch` process: objects are asked for one after another on stdin and
 * read back as a stream, so any number of blobs costs one process and memory of one object at a time
 * (plus what is in flight). Ask with `read(spec)`; answers come in order. `close()` when done.
 */
export class CatFileBatch {
  private readonly child;
  private readonly waiting: { resolve: (o: { id: string; type: string; content: Buffer } | null) => void; reject: (e: Error) => void }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | null = null;

  constructor(git: Git) {
    this.child = spawn('git', ['-c', 'core.quotePath=false', 'cat-file', '--batch'], { cwd: git.dir, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const fail = (error: Error) => {
      this.failed = error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    this.child.on('error', (error) => fail(new GitError(`could not run git: ${error.message}`, { hint: 'install git and make sure it is on PATH' })));
    this.child.on('close', (code) => {
      if (this.waiting.length > 0) fail(new GitError(`git cat-file --batch ended (exit ${code}): ${stderr.trim()}`, { where: git.dir }));
    });
    this.child.stdin.on('error', () => undefined);
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.waiting.shift()!.resolve(null);
        continue;
      }
      const [id, type, size] = header.split(' ');
      const length = Number(size);
      if (this.buffer.length < newline + 1 + length + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + length));
      this.buffer = this.buffer.subarray(newline + 1 + length + 1);
      this.waiting.shift()!.resolve({ id: id!, type: type!, content });
    }
  }

  /** `spec` is an object id or `<commit>:<path>` built by the caller (never raw user text). */
  read(spec: string): Promise<{ id: string; type: string; content: Buffer } | null> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }
}
