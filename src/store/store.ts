/**
 * A bangchim store: a git repository laid out as paths.ts says. `Store` is an open store: reading
 * (reads.ts), references (refs.ts), and archiving a version the app has decided on: under the lock
 * (transaction.ts), the chain kept in date order (history.ts).
 *
 * Writing builds every object with plumbing, then moves the branch and all tags in one
 * `update-ref --stdin` transaction, and only then brings the work tree up to date: a kill before the
 * transaction leaves the store as it was, after it the next command finishes the work tree.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, StoreError } from '../domain/errors.js';
import { archivedEntries, entryEffectiveOn, gitBlobId, mergeArchivedVersion, sha256Hex, tagName } from '../domain/ledger.js';
import type { IsoDate, Ledger, LedgerEntry, PolicyVersion } from '../domain/model.js';
import { MAX_YAML_BYTES, type SharedBlocks } from '../domain/yaml-fast.js';
import { inert, isOneLineText } from '../domain/presentation/inert.js';
import { givenOrigins, versionTagMessage } from '../domain/version-tag.js';
import { Git, type RefUpdate } from './git.js';
import type { CommittedVersion, VersionPlan } from './history.js';
import { formatAction, upgradeStoreFormat } from './format.js';
import { sourcePath, STORE_MARKER, tempIndexPath } from './paths.js';
import { StoreReader } from './reads.js';
import { resolveRef, type ResolvedVersion } from './refs.js';
import { assertClean, recoverIfStale, withLock } from './transaction.js';
import { t } from '../domain/presentation/messages/index.js';

/** A parsed document the app has decided to archive: its text, its date, and how to name its city. */
export interface ArchiveCandidate {
  slug: string;
  effective: IsoDate;
  /** The parsed version; its city, slug, effective date and source file and hash are set on archiving. */
  version: PolicyVersion;
  sourceBytes: Uint8Array;
  /** The file name as given (decides .txt/.html and is named in messages). */
  file: string;
  /** The city's display name given its ledger (null for a new city), decided under the lock. */
  cityFor(ledger: Ledger | null): string;
  /** What the page itself says: its body's name (read without --name) and the date its revision article states. */
  page: { city: string; stated: IsoDate | null };
  /** What the app already found worth saying; the store adds its own. */
  warnings: string[];
  /** Other refs moved in the version's own transaction (publishing deletes the draft's ref). */
  alsoUpdate?: RefUpdate[];
  onProgress?: (message: string) => void;
}

export interface ImportResult extends CommittedVersion {
  /** True when nothing was done (identical text already archived). */
  noop: boolean;
  message: string;
  warnings: string[];
}

/** The directory has no bangchim.yaml. */
export class NotAStoreError extends StoreError {
  /** `where`: how the directory was named (`--store DIR`, `BANGCHIM_STORE=DIR`), when not by itself. */
  constructor(
    readonly dir: string,
    where: string = dir,
  ) {
    super(t('err.store.notAStore', { dir, marker: STORE_MARKER }), { where, hint: t('err.store.notAStore.hint', { dir }) });
  }
}

/** A version of that date is archived with another text: an archive never overwrites one. */
export class ArchivedOtherTextError extends StoreError {
  constructor(
    readonly archived: LedgerEntry,
    readonly sha256: string,
    /** The file as given. */
    readonly file: string,
  ) {
    super(t('err.store.archivedOtherText', { tag: archived.tag!, archived: archived.source?.sha256.slice(0, 12) ?? '?', given: sha256.slice(0, 12) }), {
      where: archived.tag,
      hint: t('err.store.archivedOtherText.hint'),
    });
  }
}

export class Store extends StoreReader {
  /** Opens the store at `dir` (absolute); finishes the work tree of an import that was killed. */
  static async open(dir: string, options: { onNotice?: (message: string) => void } = {}): Promise<Store> {
    if (!existsSync(join(dir, STORE_MARKER))) throw new NotAStoreError(dir);
    const format = formatAction(dir);
    const git = new Git(dir);
    const store = new Store(dir, git, options.onNotice ?? (() => undefined));
    // A plain .git directory needs no git process to find; HEAD is the shared reader's first answer, and
    // the commands' reads follow in the same process.
    const gitDir = git.plainGitDir();
    if (gitDir !== null) {
      store.knowGitDir(gitDir);
      await store.head();
    } else {
      // One git process when all is well; when not, one question at a time, to say what is wrong.
      const info = await git.repositoryInfo();
      if (info === null) {
        const top = await git.topLevel();
        if (top === null) throw new StoreError(t('err.store.notGit', { dir, marker: STORE_MARKER }), { where: dir, hint: t('err.store.makeGit.hint', { dir }) });
        if ((await git.headCommit()) === null) throw new StoreError(t('err.store.noCommits', { dir }), { where: dir, hint: t('err.store.runInit.hint', { dir }) });
      } else store.knowGitDir(info.gitDir);
    }
    await recoverIfStale(store);
    if (format === 'upgrade') await upgradeStoreFormat(store, { tempIndex: tempIndexPath(await store.gitDir()), onNotice: store.onNotice });
    return store;
  }

  /** @internal for initStore, which creates the root commit itself. */
  static unchecked(dir: string, options: { onNotice?: (message: string) => void } = {}): Store {
    return new Store(dir, new Git(dir), options.onNotice ?? (() => undefined));
  }

  /** Resolves a reference: goyang, goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a file path. */
  resolve(ref: string, options: { cwd?: string; today?: IsoDate; shared?: SharedBlocks } = {}): Promise<ResolvedVersion> {
    return resolveRef(this, ref, options);
  }

  /** Runs `work` holding the store's lock, after finishing whatever a killed writer left in the journal. */
  withLock<T>(command: string, work: () => Promise<T>): Promise<T> {
    return withLock(this, command, work);
  }

  assertClean(): Promise<void> {
    return assertClean(this);
  }

  /** Under the lock: commits one version into its city's chain (history.ts, loaded with the first write: reading commands never need it). */
  async commitVersion(head: string, plan: VersionPlan): Promise<CommittedVersion> {
    const { commitVersion } = await import('./history.js');
    return commitVersion(this, head, plan);
  }

  /**
   * Archives a version: a commit with author date = effective date, a tag, the ledger. The same text
   * already archived for that date is a no-op; another text for that date is refused.
   */
  async archive(candidate: ArchiveCandidate): Promise<ImportResult> {
    const { slug, effective } = candidate;
    const warnings = [...candidate.warnings];
    const sourceBytes = Buffer.from(candidate.sourceBytes);
    const sha256 = sha256Hex(sourceBytes);
    const source = sourcePath(slug, effective, candidate.file);
    const tag = tagName(slug, effective);

    return this.withLock(`import ${slug} ${candidate.file}`, async () => {
      await this.assertClean();
      const head = await this.head();
      const ledger = await this.ledgerOrNull(slug, undefined);
      if (ledger) await this.checkHeadPolicy(slug, ledger);
      const city = candidate.cityFor(ledger);
      const same = ledger ? entryEffectiveOn(ledger, effective) : undefined;
      if (same?.archived) {
        const archivedYaml = await this.archivedVersion(slug, same).then((r) => r.version);
        if (same.source?.sha256 === sha256 || sameText(archivedYaml, candidate.version)) {
          const commit = (await this.git.resolve(`refs/tags/${same.tag}^{commit}`)) ?? '';
          return {
            slug, effective, tag, commit, noop: true, rebuilt: false, replayed: 0, movedTags: [], added: [], promoted: null, warnings,
            message: t('cli.import.noop', { tag: same.tag!, commit: commit.slice(0, 7) }),
          };
        }
        throw new ArchivedOtherTextError(same, sha256, candidate.file);
      }
      const twin = ledger && archivedEntries(ledger).find((e) => e.source?.sha256 === sha256);
      if (twin) warnings.push(t('err.store.sameTextArchived', { tag: twin.tag! }));

      const parsed = candidate.version;
      const version: PolicyVersion = {
        ...parsed,
        city,
        slug,
        effective,
        source: {
          ...(parsed.source.url !== undefined ? { url: parsed.source.url } : {}),
          file: source,
          ...(parsed.source.retrieved !== undefined ? { retrieved: parsed.source.retrieved } : {}),
          sha256,
          ...(parsed.source.encoding !== undefined ? { encoding: parsed.source.encoding } : {}),
        },
      };
      checkMessageFields(version, slug);
      const { versionToYaml } = await import('../domain/yaml.js');
      const policyBytes = Buffer.from(versionToYaml(version), 'utf8');
      // The reader's limit is the archive's: never commit a version `show` and `verify` would refuse.
      if (policyBytes.length > MAX_YAML_BYTES) throw new VersionTooLargeError(candidate.file, policyBytes.length);
      const blob = gitBlobId(policyBytes);
      const info = { effective, tag, blob, source: version.source };
      const result = await this.commitVersion(head, {
        slug,
        effective,
        policyBytes,
        sourceBytes,
        sourcePath: source,
        commitMessage: commitMessage(slug, effective, version),
        tagMessage: versionTagMessage({
          city,
          effective,
          sourceFile: source,
          sha256,
          ...givenOrigins({ city, effective, fromLedger: ledger !== null }, candidate.page),
          ...(version.source.url !== undefined ? { url: version.source.url } : {}),
          ...(version.source.retrieved !== undefined ? { retrieved: version.source.retrieved } : {}),
        }),
        mergeLedger: (current) => {
          const merged = mergeArchivedVersion(current, version, info);
          return { ...merged, ledger: { ...merged.ledger, city: current?.city ?? city } };
        },
        ...(candidate.alsoUpdate ? { alsoUpdate: candidate.alsoUpdate } : {}),
        onProgress: candidate.onProgress,
      });
      return { ...result, warnings, noop: false, message: t('cli.import.archived', { tag, commit: result.commit.slice(0, 7) }) };
    });
  }
}

/** A YAML file the readers would refuse (src/domain/yaml.ts, MAX_YAML_BYTES). */
export class VersionTooLargeError extends InputError {
  constructor(
    readonly file: string,
    readonly yamlBytes: number,
  ) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    super(t('err.store.tooLarge', { file, size: mb(yamlBytes), limit: mb(MAX_YAML_BYTES) }), { where: file, hint: t('err.store.tooLarge.hint') });
  }
}

/** The commit and tag messages are read line by line (`verify`, `list`): every field in them is one line of visible text. */
function checkMessageFields(version: PolicyVersion, slug: string): void {
  const fields: [string, string | undefined][] = [['city', version.city], ['source.url', version.source.url]];
  for (const [field, value] of fields) {
    if (value !== undefined && !isOneLineText(value)) {
      throw new StoreError(t('err.store.unsafeField', { slug, field, value: inert(value, 'terminal', { singleLine: true }) }), {
        where: field === 'city' ? `history/${slug}.yaml: city` : field,
        hint: t('err.store.unsafeField.hint'),
      });
    }
  }
}

function commitMessage(slug: string, effective: IsoDate, version: PolicyVersion): string {
  const lines = [`${slug}: version effective ${effective}`, '', `city: ${version.city}`, `source: ${version.source.file ?? '?'}`];
  if (version.source.url) lines.push(`url: ${version.source.url}`);
  lines.push(`sha256: ${version.source.sha256}`, '');
  return lines.join('\n');
}

/** Same articles, preamble and appendix: a re-import of the same text in another encoding or file. */
function sameText(a: PolicyVersion, b: PolicyVersion): boolean {
  const body = (v: PolicyVersion) => JSON.stringify([v.preamble, v.articles, v.appendix]);
  return body(a) === body(b);
}
