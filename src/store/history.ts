/**
 * Committing a version into a city's chain: appended when it is the newest, otherwise inserted before
 * the city's first later version with every later commit (all cities) replayed onto it and their tags
 * moved, so that commit order stays date order. Objects first, a check of the rebuilt chain, then one
 * journaled ref transaction.
 */
import { StoreError } from '../domain/errors.js';
import { archivedEntries, gitBlobId, tagName, type LedgerMerge } from '../domain/ledger.js';
import type { IsoDate, Ledger, LedgerEntry } from '../domain/model.js';
import { ledgerToYaml } from '../domain/yaml.js';
import type { RefUpdate, TagRef } from './git.js';
import { ledgerPath, policyPath, tempIndexPath } from './paths.js';
import { MissingTagError, type StoreReader } from './reads.js';
import { applyJournaled } from './transaction.js';
import { t } from '../domain/presentation/messages/index.js';
import { decodeUtf8 } from '../domain/utf8.js';

/** What one city commit writes; `mergeLedger` is applied to the ledger of the tip (and of every replayed commit). */
export interface VersionPlan {
  slug: string;
  effective: IsoDate;
  policyBytes: Buffer;
  sourceBytes: Buffer;
  sourcePath: string;
  commitMessage: string;
  tagMessage: string;
  mergeLedger(ledger: Ledger | null): LedgerMerge;
  /** Other refs moved in the same transaction (publishing deletes the draft's ref). */
  alsoUpdate?: RefUpdate[];
  onProgress?: (message: string) => void;
}

/** Where a committed version landed in the chain. */
export interface CommittedVersion {
  slug: string;
  effective: IsoDate;
  tag: string;
  commit: string;
  /** True when later commits were replayed to keep date order and commit order in agreement. */
  rebuilt: boolean;
  replayed: number;
  movedTags: string[];
  added: LedgerEntry[];
  promoted: LedgerEntry | null;
}

/** The rebuilt chain failed its check before anything became visible: a bug to report. */
export class ChainCheckError extends StoreError {
  constructor(problems: string[]) {
    super(t('err.store.chainCheck'), { details: problems, hint: t('err.store.report.hint') });
  }
}

function gitDate(date: Date): string {
  return `${Math.floor(date.getTime() / 1000)} +0000`;
}


/**
 * Commits one city version. Appends when it is the city's newest; otherwise inserts it before the
 * city's first later version and replays every later commit onto it (all cities), moving their tags.
 * Objects first, then one ref transaction, then the work tree.
 */
export async function commitVersion(store: StoreReader, head: string, plan: VersionPlan): Promise<CommittedVersion> {
  const { slug, effective } = plan;
  const gitDir = await store.gitDir();
  const tempIndex = tempIndexPath(gitDir);
  const [branch, identity, tipLedger, tags] = await Promise.all([store.git.currentBranchRef(), store.git.identity(), store.ledgerOrNull(slug, head), store.git.tags()]);
  if (branch === null) throw new StoreError(t('err.store.detachedHead'), { where: store.dir, hint: t('err.store.detachedHead.hint', { dir: store.dir }) });
  const tagByName = new Map(tags.map((t) => [t.name, t]));
  const tag = tagName(slug, effective);
  if (tagByName.has(tag)) throw new StoreError(t('err.store.tagNotInLedger', { tag }), { where: tag, hint: t('err.store.inspectTag.hint', { dir: store.dir, tag }) });

  // Every version the ledger archives must still have its tag: the rebuilt chain's check needs them all.
  const archived = tipLedger ? archivedEntries(tipLedger) : [];
  const untagged = archived.find((e) => !tagByName.has(e.tag!));
  if (untagged) throw new MissingTagError(slug, untagged.tag!);
  // Where the new commit goes: after the last commit before the city's first later version.
  const later = archived.filter((e) => e.effective !== null && e.effective > effective);
  let base = head;
  let replay: string[] = [];
  if (later.length > 0) {
    const firstLater = tagByName.get(later[0]!.tag!)!;
    const parent = await store.git.firstParent(firstLater.commit);
    if (parent === null) throw new StoreError(t('err.store.rootCommit', { tag: later[0]!.tag! }), { where: later[0]!.tag });
    base = parent;
    replay = await store.git.commitsSince(base, head);
    plan.onProgress?.(t('progress.rebuildChain', { effective, later: later[0]!.tag!, count: replay.length }));
  }

  const baseLedger = base === head ? tipLedger : await store.ledgerOrNull(slug, base);
  const atBase = plan.mergeLedger(baseLedger);
  const [policyBlob, sourceBlob, ledgerBlob] = await Promise.all([
    store.git.hashObject(plan.policyBytes),
    store.git.hashObject(plan.sourceBytes),
    store.git.hashObject(ledgerToYaml(atBase.ledger)),
  ]);
  if (policyBlob !== gitBlobId(plan.policyBytes)) throw new StoreError(t('err.store.blobMismatch'), { where: store.dir });
  const tree = await store.git.buildTree(base, new Map([[policyPath(slug), policyBlob], [ledgerPath(slug), ledgerBlob], [plan.sourcePath, sourceBlob]]), tempIndex);
  const commit = await store.git.commitTree({
    tree,
    parents: [base],
    message: plan.commitMessage,
    author: { ...identity, date: `${effective}T00:00:00+09:00` },
    committer: identity,
  });
  const tagObject = await store.git.makeTag(`object ${commit}\ntype commit\ntag ${tag}\ntagger ${identity.name} <${identity.email}> ${gitDate(new Date())}\n\n${plan.tagMessage}`);
  const updates: RefUpdate[] = [{ kind: 'create', ref: `refs/tags/${tag}`, newValue: tagObject }];
  const newTagCommits = new Map<string, string>([[tag, commit]]);

  let tip = commit;
  let tipMerge = atBase;
  const movedTags: string[] = [];
  if (replay.length > 0) {
    const rewritten = new Map<string, string>([[base, commit]]);
    const raws = await store.git.readObjects(replay);
    const ledgerObjects = await store.git.readObjects(replay.map((c) => `${c}:${ledgerPath(slug)}`));
    for (let i = 0; i < replay.length; i++) {
      const old = replay[i]!;
      const ledgerObject = ledgerObjects[i];
      const current = ledgerObject ? await store.parseLedger(decodeUtf8(ledgerObject.content), slug, `${old.slice(0, 7)}:${ledgerPath(slug)}`) : null;
      const merge = plan.mergeLedger(current);
      const blob = await store.git.hashObject(ledgerToYaml(merge.ledger));
      const newTree = await store.git.buildTree(old, new Map([[ledgerPath(slug), blob], [plan.sourcePath, sourceBlob]]), tempIndex);
      const newCommit = await store.git.hashObject(rewriteCommit(raws[i]!.content, newTree, rewritten), 'commit');
      rewritten.set(old, newCommit);
      tip = newCommit;
      tipMerge = merge;
    }
    for (const t of tags) {
      const moved = rewritten.get(t.commit);
      if (moved === undefined || t.commit === base) continue;
      let newValue = moved;
      if (t.annotated) {
        const [raw] = await store.git.readObjects([t.object]);
        newValue = await store.git.makeTag(rewriteTag(raw!.content, moved));
      }
      updates.push({ kind: 'update', ref: `refs/tags/${t.name}`, newValue, oldValue: t.object });
      newTagCommits.set(t.name, moved);
      movedTags.push(t.name);
    }
  }
  updates.unshift({ kind: 'update', ref: branch, newValue: tip, oldValue: head });
  updates.push(...(plan.alsoUpdate ?? []));

  await verifyChain(store, tip, tags, newTagCommits, slug);
  const workTreePaths = [policyPath(slug), ledgerPath(slug), `sources/${slug}`];
  await applyJournaled(store, { command: `import ${tag}`, from: head, to: tip, updates, paths: workTreePaths }, `bangchim: ${tag}`);
  return {
    slug,
    effective,
    tag,
    commit: newTagCommits.get(tag)!,
    rebuilt: replay.length > 0,
    replayed: replay.length,
    movedTags,
    added: tipMerge.added,
    promoted: tipMerge.promoted,
  };
}

/**
 * Before anything becomes visible: for every city, its tags in commit order have increasing dates,
 * and each tag's commit holds exactly the text (blob) its ledger at the tip records.
 */
async function verifyChain(store: StoreReader, tip: string, tags: TagRef[], moved: Map<string, string>, slug: string): Promise<void> {
  const [order, slugs] = await Promise.all([store.git.commitsSince(null, tip), store.slugs(tip)]);
  const position = new Map(order.map((c, i) => [c, i]));
  const tagCommits = new Map(tags.map((t) => [t.name, t.commit]));
  for (const [name, commit] of moved) tagCommits.set(name, commit);
  const ledgers = await store.ledgersAt(tip, slugs);
  const problems: string[] = [];
  const checks: { spec: string; blob: string; tag: string }[] = [];
  slugs.forEach((citySlug, i) => {
    const ledger = ledgers[i]!;
    let previous = -1;
    for (const entry of archivedEntries(ledger)) {
      const commit = tagCommits.get(entry.tag!);
      if (commit === undefined) {
        if (citySlug === slug) problems.push(`${entry.tag} is missing`);
        continue;
      }
      const at = position.get(commit);
      if (at === undefined) problems.push(t('err.store.chain.notOnBranch', { tag: entry.tag! }));
      else if (at <= previous) problems.push(t('err.store.chain.outOfOrder', { tag: entry.tag!, slug: citySlug }));
      else previous = at;
      if (entry.blob) checks.push({ spec: `${commit}:${policyPath(citySlug)}`, blob: entry.blob, tag: entry.tag! });
    }
  });
  const ids = await store.git.objectIds(checks.map((c) => c.spec));
  checks.forEach((check, i) => {
    if (ids[i] !== check.blob) problems.push(t('err.store.chain.textMismatch', { tag: check.tag }));
  });
  if (problems.length > 0) {
    throw new ChainCheckError(problems);
  }
}

/** A raw commit with a new tree and its parents mapped; a signature would no longer verify, so it goes. */
export function rewriteCommit(raw: Buffer, tree: string, parents: Map<string, string>): Buffer {
  const text = raw.toString('latin1'); // byte-preserving: the message keeps its encoding
  const split = text.indexOf('\n\n');
  const headers = split === -1 ? text : text.slice(0, split);
  const rest = split === -1 ? '' : text.slice(split);
  const out: string[] = [];
  let inSignature = false;
  for (const line of headers.split('\n')) {
    if (inSignature && line.startsWith(' ')) continue;
    inSignature = false;
    if (line.startsWith('gpgsig ') || line.startsWith('gpgsig-sha256 ')) {
      inSignature = true;
      continue;
    }
    if (line.startsWith('tree ')) out.push(`tree ${tree}`);
    else if (line.startsWith('parent ')) {
      const parent = line.slice('parent '.length);
      out.push(`parent ${parents.get(parent) ?? parent}`);
    } else out.push(line);
  }
  return Buffer.from(out.join('\n') + rest, 'latin1');
}

/** A raw annotated tag pointing at a new commit, same name, tagger and message (a signature goes). */
export function rewriteTag(raw: Buffer, commit: string): Buffer {
  let text = raw.toString('latin1').replace(/^object [0-9a-f]+$/m, `object ${commit}`);
  const signature = text.indexOf('-----BEGIN PGP SIGNATURE-----');
  if (signature !== -1) text = text.slice(0, signature);
  return Buffer.from(text, 'latin1');
}
