/**
 * Planning a change notice and writing its files. One place decides which version it compares with
 * (the one in force the day before, else the newest for a draft), carries the city over to a draft,
 * and which date it states; files are written whole or not at all.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IsoDate, Ledger, LedgerEntry } from '../domain/model.js';
import { addDays } from '../domain/notice/dates.js';
import { buildNotice, renderNotice, type Notice } from '../domain/notice/index.js';
import { namesDraftFile, type ResolvedVersion } from '../store/refs.js';
import { NoDirectoryError, NoticeDateMissingError, OtherCityError } from './errors.js';
import type { StoreSession } from './session.js';

export interface NoticeRequest {
  city: string;
  /** The version in force (default: the one before `to`; for a draft, the newest). */
  from?: string;
  /** The new version, or a draft file (default: the newest). */
  to?: string;
  /** The date the new version takes effect (default: the new version's). */
  effective?: IsoDate;
  editorial?: boolean;
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
  });
  return { notice, previousNotArchived };
}

/** Writes `text` to `file` through a temporary file beside it, so an interrupted write leaves no half file. */
export async function writeNoticeFile(file: string, text: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new NoDirectoryError(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
}

/** Writes the notice as .txt, .md and .html into `dir` (created if missing); returns the paths written. */
export async function writeNoticeFiles(notice: Notice, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, `${notice.slug}-${notice.effective}-notice`);
  const files: [string, string][] = [
    [`${base}.txt`, renderNotice(notice, 'text')],
    [`${base}.md`, renderNotice(notice, 'markdown')],
    [`${base}.html`, renderNotice(notice, 'html')],
  ];
  for (const [path, content] of files) await writeNoticeFile(path, content.endsWith('\n') ? content : content + '\n');
  return files.map(([path]) => path);
}
