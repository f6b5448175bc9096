/**
 * The store's format, as bangchim.yaml states it (`format: N`), and the upgrade of older stores.
 *
 * Format 2 lets a version record how its page numbers its articles (`numbering`, an article's printed
 * `label`) and dates a page states only by month (`YYYY-MM`). Format 3 lets bangchim.yaml hold each
 * body's 기관 정보 (`offices:`, store/config.ts), which the 공고문 uses. Every older file is a valid file
 * of the newer format (no `numbering` means 제N조, no `offices` means none filled in), so upgrading
 * rewrites bangchim.yaml's `format:` line alone (anything else in the file is kept), in one commit on top
 * of the branch: every tag, ledger, policy blob and source stays as it was, and `verify` stays clean
 * (tagged commits, their order and author dates are untouched).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BusyError, StoreError } from '../domain/errors.js';
import { removeJournal, writeJournal } from './lock.js';
import type { Store } from './store.js';
import { t } from '../domain/presentation/messages/index.js';

/**
 * Who makes the upgrade commit, and when: bangchim itself, at the time of the commit it upgrades. Every
 * clone of a store (offices sharing it with `bangchim sync`) then makes the same commit, byte for byte,
 * so upgrading them one by one never makes their histories diverge.
 */
const UPGRADE_IDENTITY = { name: 'bangchim', email: 'bangchim@localhost' };

/** The format this bangchim writes. */
export const STORE_FORMAT = 3;
/** Formats this bangchim opens; older ones are upgraded to STORE_FORMAT on open. */
const UPGRADABLE_FORMATS: readonly number[] = [1, 2];
/** What each format added, for the upgrade commit's message (the format it upgrades to → what it allows). */
const FORMAT_CHANGES: Readonly<Record<number, string>> = {
  2: 'Versions may now record their numbering scheme (numbering, article labels) and month-only dates.',
  3: 'bangchim.yaml may now hold each body\'s office details (offices:), used by the change notice.',
};
export const STORE_MARKER = 'bangchim.yaml';

/** bangchim.yaml of a store of `format`. */
export function storeMarkerText(format: number = STORE_FORMAT): string {
  return `# A bangchim store: policies/ (newest versions), history/ (ledgers), sources/ (raw texts).\nformat: ${format}\n`;
}

/** The message of a store's root commit. */
export function rootCommitMessage(format: number = STORE_FORMAT): string {
  return `bangchim store (format ${format})\n`;
}

const FORMAT_LINE = /^format:[ \t]*(\d{1,6})[ \t]*(?:#.*)?$/mu;

/** The `format: N` bangchim.yaml states; null when it states none a person could have meant. */
export function readStoreFormat(text: string): number | null {
  const match = FORMAT_LINE.exec(text.replace(/\r\n?/gu, '\n'));
  return match ? Number(match[1]) : null;
}

/** bangchim.yaml's text with its `format:` line saying `format`, and every other line as it was. */
export function withStoreFormat(text: string, format: number): string {
  return text.replace(/\r\n?/gu, '\n').replace(FORMAT_LINE, `format: ${format}`);
}

/** What the formats after `from` added, one line each. */
function upgradeChanges(from: number): string {
  const lines: string[] = [];
  for (let format = from + 1; format <= STORE_FORMAT; format++) lines.push(FORMAT_CHANGES[format]!);
  return lines.join('\n');
}

/**
 * What opening the store at `dir` must do about its format: nothing, or upgrade it. A format this
 * bangchim does not know (newer, or a marker it cannot read) is refused: reading it could misread it,
 * writing it could break it.
 */
export function formatAction(dir: string): 'current' | 'upgrade' {
  const file = join(dir, STORE_MARKER);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoreError(t('err.store.markerUnreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), { where: file, hint: t('err.file.permission.hint') });
  }
  const format = readStoreFormat(text);
  if (format === STORE_FORMAT) return 'current';
  if (format !== null && UPGRADABLE_FORMATS.includes(format)) return 'upgrade';
  if (format === null) {
    throw new StoreError(t('err.store.formatMissing', { file }), { where: file, hint: t('err.store.formatMissing.hint', { dir, marker: STORE_MARKER }) });
  }
  throw new StoreError(t('err.store.formatNewer', { format, supported: STORE_FORMAT }), { where: file, hint: t('err.store.formatNewer.hint') });
}

/**
 * Rewrites bangchim.yaml to STORE_FORMAT in one commit on the branch, under the store's lock and journal
 * (a kill after the ref moved is finished by the next command). Returns the new commit, or null when
 * there was nothing to do: another process upgraded first, holds the lock (it or the next command will
 * upgrade), or the marker was edited by hand (it is not overwritten; a notice says so).
 */
export async function upgradeStoreFormat(store: Store, options: { tempIndex: string; onNotice: (message: string) => void }): Promise<string | null> {
  const git = store.git;
  try {
    return await store.withLock(`upgrade the store to format ${STORE_FORMAT}`, async () => {
      const head = await store.head();
      const [headCommit, committed] = await git.readObjects([head, `${head}:${STORE_MARKER}`]);
      const committedText = committed?.content.toString('utf8') ?? null;
      const committedFormat = committedText === null ? null : readStoreFormat(committedText);
      if (committedFormat === STORE_FORMAT) {
        // Upgraded by another process since we read the work tree: bring the file up to date.
        await git.checkoutFromHead([STORE_MARKER]);
        return null;
      }
      // Line endings aside (core.autocrlf checks it out with CRLF), the work-tree file must be the committed one.
      const lf = (text: string): string => text.replace(/\r\n/gu, '\n');
      if (committedText === null || committedFormat === null || !UPGRADABLE_FORMATS.includes(committedFormat) || lf(readFileSync(join(store.dir, STORE_MARKER), 'utf8')) !== lf(committedText)) {
        options.onNotice(t('store.notice.format.notCommitted', { marker: STORE_MARKER, dir: store.dir, format: STORE_FORMAT }));
        return null;
      }
      const branch = await git.currentBranchRef();
      if (branch === null) {
        // Reading a detached HEAD is fine; the upgrade belongs on the branch.
        options.onNotice(t('store.notice.format.detached', { format: STORE_FORMAT, dir: store.dir }));
        return null;
      }
      const date = /^committer .* (\d+ [+-]\d{4})$/mu.exec(headCommit?.content.toString('utf8') ?? '')?.[1];
      if (date === undefined) throw new StoreError(t('err.store.noCommitDate', { commit: head.slice(0, 12) }), { where: store.dir, hint: t('err.store.inspectHead.hint', { dir: store.dir }) });
      const blob = await git.hashObject(withStoreFormat(committedText, STORE_FORMAT));
      const tree = await git.buildTree(head, new Map([[STORE_MARKER, blob]]), options.tempIndex);
      const commit = await git.commitTree({
        tree,
        parents: [head],
        message: `bangchim store: format ${committedFormat} → ${STORE_FORMAT}\n\n${upgradeChanges(committedFormat)}\nOnly the format line of ${STORE_MARKER} changes: every tag, ledger, policy and source is as it was.\n`,
        author: { ...UPGRADE_IDENTITY, date },
        committer: { ...UPGRADE_IDENTITY, date },
      });
      const gitDir = await store.gitDir();
      const updates = [{ kind: 'update' as const, ref: branch, newValue: commit, oldValue: head }];
      await writeJournal(gitDir, { command: `upgrade to format ${STORE_FORMAT}`, from: head, to: commit, updates, paths: [STORE_MARKER] });
      try {
        await git.updateRefs(updates, `bangchim: store format ${STORE_FORMAT}`);
      } catch (error) {
        await removeJournal(gitDir);
        throw error;
      }
      await git.checkoutFromHead([STORE_MARKER]);
      await removeJournal(gitDir);
      options.onNotice(t('store.notice.format.upgraded', { from: committedFormat, format: STORE_FORMAT, marker: STORE_MARKER, commit: commit.slice(0, 7) }));
      return commit;
    });
  } catch (error) {
    // Another bangchim is writing: reads go on (an older format reads as this one); a later command upgrades.
    if (error instanceof BusyError) return null;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      options.onNotice(t('store.notice.format.readOnly', { format: STORE_FORMAT, code }));
      return null;
    }
    throw error;
  }
}
