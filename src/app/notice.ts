/**
 * Planning a change notice and writing its files. One place decides which version it compares with
 * (the one in force the day before, else the newest for a draft), carries the city over to a draft,
 * and which date it states; files are written whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, realpathSync, type Stats } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { IsoDate, Ledger, LedgerEntry } from '../domain/model.js';
import { addDays } from '../domain/notice/dates.js';
import { buildNotice, renderNotice, type Notice } from '../domain/notice/index.js';
import { namesDraftFile, type ResolvedVersion } from '../store/refs.js';
import { NoDirectoryError, NoticeDateMissingError, NoticeFileExistsError, NoticeTargetRefusedError, OtherCityError } from './errors.js';
import { STORE_PATHS } from '../store/paths.js';
import { readOffice } from '../store/config.js';
import { todayFrom } from './today.js';
import type { StoreSession } from './session.js';
import { t } from '../domain/presentation/messages/index.js';

export interface NoticeRequest {
  city: string;
  /** The version in force (default: the one before `to`; for a draft, the newest). */
  from?: string;
  /** The new version, or a draft file (default: the newest). */
  to?: string;
  /** The date the new version takes effect (default: the new version's). */
  effective?: IsoDate;
  editorial?: boolean;
  /** The officer's reason for the change (replaces the one written from the diff). */
  reason?: string;
  /** The date of the 공고 (default: today in Korea, BANGCHIM_TODAY). */
  announced?: IsoDate;
}

export interface NoticePlan {
  notice: Notice;
  /** The version in force before the new one (effective `before`) when only a later page names it: the notice then has no comparison table. */
  previousNotArchived: { entry: LedgerEntry; before: IsoDate } | null;
}

/** The version in force the day before `date`, archived or not. */
function previousEntry(ledger: Ledger, date: string): LedgerEntry | undefined {
  const before = addDays(date, -1);
  return ledger.versions.find((e) => (e.effective === null || e.effective <= before) && (e.until === null || e.until >= before));
}

export async function planNotice(session: StoreSession, request: NoticeRequest): Promise<NoticePlan> {
  const { city } = request;
  const ledger = await session.ledger(city);
  const toIsFile = request.to !== undefined && namesDraftFile(request.to, session.cwd);
  const to = await session.resolve(request.to ?? city);
  if (to.slug !== city && !(toIsFile && to.slug === '')) throw new OtherCityError(to, city, request.to ?? city);
  const toVersion = toIsFile ? { ...to.version, slug: city, city: ledger.city } : to.version;

  let from: ResolvedVersion | null = null;
  let previousNotArchived: NoticePlan['previousNotArchived'] = null;
  if (request.from !== undefined) from = await session.resolve(request.from);
  else if (toIsFile) from = await session.resolve(city);
  else if (to.effective !== null) {
    const previous = previousEntry(ledger, to.effective);
    if (previous?.archived) from = await session.resolve(`${city}@${previous.effective}`);
    else if (previous) previousNotArchived = { entry: previous, before: to.effective };
  }
  // A draft states its own date only when it is later than the version it replaces.
  const effective = request.effective ?? (toIsFile ? (toVersion.effective !== null && from?.effective != null && toVersion.effective > from.effective ? toVersion.effective : null) : to.effective);
  if (effective === null) throw new NoticeDateMissingError(to.label, from?.label ?? null, request.to ?? city);
  const notice = buildNotice({
    from: from ? { label: from.label, version: from.version } : null,
    to: { label: to.label, version: toVersion },
    effective,
    ledger: ledger.versions,
    editorial: request.editorial === true,
    // The office's 기관 정보 when filled in (bangchim office); the announcement falls back on the policy's own.
    office: readOffice(session.dir, city),
    ...(request.reason === undefined ? {} : { reason: request.reason }),
    announced: request.announced ?? todayFrom(process.env),
  });
  return { notice, previousNotArchived };
}

export interface WriteOptions {
  /** Replace a file already there (the CLI's --force; the UI asks first). */
  overwrite?: boolean;
  /** The store's directory: its tracked files (policies, ledgers, sources, bangchim.yaml) are never a notice's target. */
  storeDir?: string;
}

/** Why `file` may not be written as a notice, or null. Paths are compared after resolving symlinked directories. */
function refusedTarget(file: string, storeDir: string | undefined): string | null {
  const real = join(realpathSync(dirname(file)), basename(file));
  if (real.split(sep).includes('.git')) return t('err.app.target.insideGit');
  if (storeDir !== undefined && existsSync(storeDir)) {
    const inside = relative(realpathSync(storeDir), real);
    const first = inside.split(sep)[0]!;
    if (!inside.startsWith('..') && !isAbsolute(inside) && (STORE_PATHS as readonly string[]).includes(first)) return t('err.app.target.storeFile');
  }
  return null;
}

/**
 * Writes `text` to `file` through a temporary file beside it, so an interrupted write leaves no half
 * file. The temporary file is created exclusively (a symlink or file planted at its name is never
 * followed or reused); the rename replaces `file` itself, never what a symlink there points to.
 */
export async function writeNoticeFile(file: string, text: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new NoDirectoryError(file);
  const refused = refusedTarget(file, options.storeDir);
  if (refused !== null) throw new NoticeTargetRefusedError(file, refused);
  const existing = lstatOrNull(file);
  if (existing?.isSymbolicLink() || (existing && !existing.isFile())) throw new NoticeTargetRefusedError(file, t(existing.isSymbolicLink() ? 'err.app.target.symlink' : 'err.app.target.notFile'));
  if (existing && options.overwrite !== true) throw new NoticeFileExistsError(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Writes the notice as .txt, .md and .html into `dir` (created if missing); returns the paths written. */
export async function writeNoticeFiles(notice: Notice, dir: string, options: WriteOptions = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, `${notice.slug}-${notice.effective}-notice`);
  const files: [string, string][] = [
    [`${base}.txt`, renderNotice(notice, 'text')],
    [`${base}.md`, renderNotice(notice, 'markdown')],
    [`${base}.html`, renderNotice(notice, 'html')],
  ];
  // All three are checked before any is written: a refusal leaves none half done.
  if (options.overwrite !== true) for (const [path] of files) if (lstatOrNull(path)) throw new NoticeFileExistsError(path);
  for (const [path, content] of files) await writeNoticeFile(path, content.endsWith('\n') ? content : content + '\n', options);
  return files.map(([path]) => path);
}
