/**
 * Reading a store: cities, ledgers and archived texts, always from git objects at resolved commit
 * ids, never the work tree and never by re-parsing sources. Every read goes through the one shared
 * `cat-file --batch` (Git.readObject), refs included; the files are bangchim's own, read by the fast
 * YAML reader (the strict loader, and the yaml package, load only when it defers).
 */
import { treeEntryNames, type Git } from './git.js';
import { BangchimError, RefError, StoreError, ValidationError } from '../domain/errors.js';
import { archivedEntries, newestArchived, tagName } from '../domain/ledger.js';
import type { Evidence, Ledger, LedgerEntry, PolicyVersion } from '../domain/model.js';
import { articleName } from '../domain/presentation/labels.js';
import { loadLedgerYamlFast, loadVersionYamlFast, type SharedBlocks } from '../domain/yaml-fast.js';
import { citySlugs, ledgerPath, policyPath } from './paths.js';
import { t } from '../domain/presentation/messages/index.js';
import { decodeUtf8 } from '../domain/utf8.js';


/** The ledger records a version whose tag the store lacks (not fetched, or deleted by hand). */
export class MissingTagError extends StoreError {
  constructor(slug: string, tag: string) {
    super(t('err.store.missingTag', { ledger: ledgerPath(slug), tag }), { where: ledgerPath(slug), hint: t('err.store.missingTag.hint') });
  }
}

export interface CitySummary {
  slug: string;
  city: string;
  /** The newest archived version. */
  newest: LedgerEntry | null;
  archived: number;
  known: number;
  /** Its ledger could not be read (the other cities are listed all the same); `city` is then the slug. */
  unreadable?: BangchimError;
}

export interface LogEntry extends LedgerEntry {
  /** The commit the tag points at (archived versions). */
  commit?: string;
}

/** "제12조" (or 12., 차. in the version's scheme) of the version's revision article, if it has one. */
function revisionArticleLabel(version: PolicyVersion): string | null {
  const article = version.articles.find((a) => a.topic === 'revision');
  return article ? articleName(article, version.numbering) : null;
}

/** A reference to a city the store does not hold. */
export class UnknownCityError extends RefError {
  constructor(
    readonly slug: string,
    dir: string,
    /** The cities it does hold. */
    readonly known: string[],
  ) {
    super(t('err.store.unknownCity', { slug }), { where: dir, hint: known.length > 0 ? t('err.store.unknownCity.known', { list: known.join(', ') }) : t('err.store.unknownCity.empty') });
  }
}

export class StoreReader {
  private gitDirCache: string | null = null;
  private readonly versionCache = new Map<string, PolicyVersion>();
  /** Ledgers by commit and slug: a commit never changes, and one command reads a body's ledger for each ref and again for its report. */
  private readonly ledgerCache = new Map<string, Ledger>();

  protected constructor(
    readonly dir: string,
    readonly git: Git,
    /** Says what the store did on its own (a recovery, a hand edit noticed); one line, no newline. */
    readonly onNotice: (message: string) => void,
  ) {}

  /** For open(): the git directory it learned while checking the repository. */
  protected knowGitDir(gitDir: string): void {
    this.gitDirCache = gitDir;
  }

  async gitDir(): Promise<string> {
    this.gitDirCache ??= await this.git.gitDir();
    return this.gitDirCache;
  }

  async head(): Promise<string> {
    const head = await this.git.objectId('HEAD^{commit}');
    if (head === null) throw new StoreError(t('err.store.noCommits', { dir: this.dir }), { where: this.dir, hint: t('err.store.runInit.hint', { dir: this.dir }) });
    return head;
  }


  /** Slugs of the cities in the store (those with a ledger at HEAD), sorted. */
  async slugs(commit?: string): Promise<string[]> {
    const at = commit ?? (await this.head());
    const history = await this.git.readObject(`${at}:history`);
    return history?.type === 'tree' ? citySlugs(treeEntryNames(history.content, history.id.length / 2)) : [];
  }

  async parseLedger(text: string, slug: string, label: string): Promise<Ledger> {
    const ledger = await loadLedgerYamlFast(text, label);
    if (ledger.slug !== slug) {
      throw new ValidationError(t('err.store.ledgerOfOther', { label, other: ledger.slug, slug }), { where: `${label}: slug`, hint: t('err.store.ledgerOfOther.hint', { label, slug }) });
    }
    return ledger;
  }

  /** The ledgers of `slugs` at `commit` (null for a city without one there). */
  async ledgersAt(commit: string, slugs: string[], labelPrefix = ''): Promise<(Ledger | null)[]> {
    const missing = slugs.filter((slug) => !this.ledgerCache.has(commit + slug));
    const objects = await this.git.readObjects(missing.map((slug) => `${commit}:${ledgerPath(slug)}`));
    const read = await Promise.all(objects.map((object, i) => (object === null ? null : this.parseLedger(decodeUtf8(object.content), missing[i]!, labelPrefix + ledgerPath(missing[i]!)))));
    read.forEach((ledger, i) => ledger !== null && this.ledgerCache.set(commit + missing[i]!, ledger));
    return slugs.map((slug) => this.ledgerCache.get(commit + slug) ?? null);
  }

  async ledgerOrNull(slug: string, commit?: string): Promise<Ledger | null> {
    const at = commit ?? (await this.head());
    const [ledger] = await this.ledgersAt(at, [slug], commit === undefined ? '' : `${commit.slice(0, 7)}:`);
    return ledger ?? null;
  }

  /** The city's ledger at HEAD; RefError naming the known cities when there is none. */
  async ledger(slug: string): Promise<Ledger> {
    const ledger = await this.ledgerOrNull(slug);
    if (ledger === null) throw await this.unknownCity(slug);
    return ledger;
  }

  async unknownCity(slug: string): Promise<UnknownCityError> {
    return new UnknownCityError(slug, this.dir, await this.slugs());
  }

  /** Every city at HEAD with its newest archived version and counts (the UI lists the cities as it starts). */
  async listCities(): Promise<CitySummary[]> {
    const head = await this.head();
    const slugs = await this.slugs(head);
    const objects = await this.git.readObjects(slugs.map((slug) => `${head}:${ledgerPath(slug)}`));
    const ledgers = await Promise.all(
      objects.map(async (object, i): Promise<Ledger | BangchimError | null> => {
        if (object === null) return null;
        try {
          return await this.parseLedger(decodeUtf8(object.content), slugs[i]!, ledgerPath(slugs[i]!));
        } catch (error) {
          // One broken ledger names itself; it does not hide every other city.
          if (error instanceof BangchimError) return error;
          throw error;
        }
      }),
    );
    return ledgers.map((read, i) => {
      if (read instanceof BangchimError) return { slug: slugs[i]!, city: slugs[i]!, newest: null, archived: 0, known: 0, unreadable: read };
      const ledger = read;
      return {
      slug: slugs[i]!,
      city: ledger!.city,
      newest: (ledger && newestArchived(ledger)) ?? null,
      archived: ledger ? archivedEntries(ledger).length : 0,
      known: ledger ? ledger.versions.length : 0,
      };
    });
  }

  /** The commit a version's tag peels to, or null when the store has no such tag. */
  tagCommit(tag: string): Promise<string | null> {
    return this.git.objectId(`refs/tags/${tag}^{commit}`);
  }

  /** The ledger's entries, oldest first, with the commit of each archived one. */
  async log(slug: string): Promise<{ ledger: Ledger; entries: LogEntry[] }> {
    const ledger = await this.ledger(slug);
    const entries = await Promise.all(
      ledger.versions.map(async (entry) => {
        const commit = entry.tag ? await this.tagCommit(entry.tag) : null;
        return commit ? { ...entry, commit } : { ...entry };
      }),
    );
    return { ledger, entries };
  }

  /** The text of an archived entry, read from its tag's commit and checked against the ledger's blob id. `shared`: see SharedBlocks. */
  async archivedVersion(slug: string, entry: LedgerEntry, shared?: SharedBlocks): Promise<{ version: PolicyVersion; commit: string }> {
    const tag = entry.tag!;
    const commit = await this.tagCommit(tag);
    if (commit === null) throw new MissingTagError(slug, tag);
    const cached = this.versionCache.get(commit + slug);
    if (cached) return { version: cached, commit };
    const object = await this.git.readObject(`${commit}:${policyPath(slug)}`);
    if (!object) throw new StoreError(t('err.store.tagWithoutPolicy', { tag, path: policyPath(slug) }), { where: tag });
    if (entry.blob && object.id !== entry.blob) {
      throw new StoreError(t('err.store.tagTextMismatch', { tag, actual: object.id.slice(0, 12), recorded: entry.blob.slice(0, 12) }), {
        where: `${ledgerPath(slug)}: ${tag}`,
        hint: t('err.store.handEdited.hint'),
      });
    }
    const version = await loadVersionYamlFast(object.content, `${tag}:${policyPath(slug)}`, shared);
    this.versionCache.set(commit + slug, version);
    return { version, commit };
  }

  /**
   * policies/<slug>.yaml at HEAD should be the newest archived text. If someone edited it by hand,
   * it must at least be valid (the error names file, line and YAML path); a valid edit gets a notice.
   */
  async checkHeadPolicy(slug: string, ledger: Ledger): Promise<void> {
    const object = await this.git.readObject(`${await this.head()}:${policyPath(slug)}`);
    const newest = newestArchived(ledger);
    if (!object || object.id === newest?.blob) return;
    await loadVersionYamlFast(object.content, policyPath(slug));
    const file = policyPath(slug);
    this.onNotice(newest?.tag ? t('store.notice.headPolicyEdited', { file, tag: newest.tag }) : t('store.notice.headPolicyEdited.noImport', { file }));
  }

  /** "goyang@2020-07-17 제12조: "- 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)"". */
  async describeEvidence(slug: string, ledger: Ledger, evidence: Evidence): Promise<string> {
    let where = evidence.version ? tagName(slug, evidence.version) : 'an archived version';
    const source = ledger.versions.find((e) => e.archived && e.effective === evidence.version);
    if (source) {
      const article = await this.archivedVersion(slug, source).then((r) => revisionArticleLabel(r.version), () => null);
      if (article) where += ` ${article}`;
    }
    return `${where}: "${evidence.text}"`;
  }
}
