/**
 * The ledger (history/<slug>.yaml): every version of a city's policy that is known, archived or not.
 *
 * Pure: built and merged from archived versions' revision articles. Dates come only from what a
 * page states; a version whose text we lack is recorded with the page line that reveals it
 * (the evidence), never with invented text.
 */
import type { Evidence, IsoDate, Ledger, LedgerEntry, PolicyVersion, Source } from './model.js';
import { t } from './presentation/messages/index.js';

const DAY_MS = 86_400_000;

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Korea (the policies' time zone). */
export function todayInKorea(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The annotated tag of an archived version. */
export function tagName(slug: string, effective: IsoDate): string {
  return `${slug}@${effective}`;
}

/** node:crypto, loaded when a hash is first needed (writing), not with every command that reads a ledger. */
function createHash(algorithm: 'sha1' | 'sha256') {
  return process.getBuiltinModule('node:crypto').createHash(algorithm);
}

/** Git's blob id of `bytes` (sha1 of `blob <len>\0<bytes>`): ties a ledger entry to an exact file without asking git. */
export function gitBlobId(bytes: Uint8Array | string): string {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).digest('hex');
}

const isMonth = (date: string): boolean => /^\d{4}-\d{2}$/u.test(date);

/** The first day in force, or its month when only that is known. */
export function startOf(entry: LedgerEntry): string | null {
  return entry.effective ?? entry.effectiveMonth ?? null;
}

/** Sort key: the first day (or month) in force, or (unknown start) the last day or month. */
function entryKey(entry: LedgerEntry): string {
  return startOf(entry) ?? entry.until ?? entry.untilMonth ?? '';
}

/** Same month: 2022-09 (a page that gives no day) and 2022-09-15 (the day an import was given). */
function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  const [startA, startB] = [startOf(a), startOf(b)];
  if (startA !== null && startB !== null && (isMonth(startA) || isMonth(startB))) return sameMonth(startA, startB);
  if (startA !== null || startB !== null) return startA === startB;
  return a.until === b.until && a.untilMonth === b.untilMonth;
}

/** A ledger entry's start: a day as `effective`, a month as `effectiveMonth` (never made into a day). */
function startFields(start: string | null): Pick<LedgerEntry, 'effective' | 'effectiveMonth'> {
  return start !== null && isMonth(start) ? { effective: null, effectiveMonth: start } : { effective: start };
}

/** A ledger entry's end: a day as `until`, a month as `untilMonth`. */
function endFields(end: string | null): Pick<LedgerEntry, 'until' | 'untilMonth'> {
  return end !== null && isMonth(end) ? { until: null, untilMonth: end } : { until: end };
}

/**
 * The versions an archived version's revision article reveals, as not-archived entries, oldest first.
 * Ranges give from/until; cut-offs ("YYYY년 M월 D일 이전") give until = cut-off − 1 day and start at the
 * previous cut-off (the oldest one's start is unknown); 남양주's dated style gives 시행일자 … 변경일자 − 1;
 * lists of starts (tables, links, cumulative sentences, 부칙) give the start, the end following from the
 * next version. A month-only date stays a month (effectiveMonth, untilMonth).
 */
export function entriesFromRevision(version: PolicyVersion): LedgerEntry[] {
  const revision = version.revision;
  if (revision === null) return [];
  const day = version.effective ?? revision.effective;
  const stated = day ?? revision.effectiveMonth ?? null;
  const earlier = [...revision.earlier].sort((a, b) => (a.from ?? a.before ?? a.until ?? '').localeCompare(b.from ?? b.before ?? b.until ?? ''));
  const entries: LedgerEntry[] = [];
  let previousCutoff: string | undefined;
  for (const item of earlier) {
    const start = item.from ?? (item.before !== undefined ? (previousCutoff ?? null) : null);
    const end = item.until ?? (item.before !== undefined ? (isMonth(item.before) ? item.before : addDays(item.before, -1)) : null);
    if (item.before !== undefined) previousCutoff = item.before;
    // The version itself (a list that repeats the current range) is not an earlier version.
    if (stated !== null && start !== null && start.slice(0, Math.min(start.length, stated.length)) >= stated.slice(0, Math.min(start.length, stated.length))) continue;
    entries.push({ ...startFields(start), ...endFields(end), archived: false, evidence: [{ version: day, text: item.text }] });
  }
  // 남양주: 시행일자 2011-09-30 and 변경일자 2015-08-26 reveal the 2011 version when no list line does.
  if (revision.style === 'dated' && revision.enforced !== undefined && day !== null && revision.enforced < day && !entries.some((e) => e.effective === revision.enforced)) {
    const text = revision.effectiveText ?? `시행일자 ${revision.enforced}`;
    entries.push({ effective: revision.enforced, until: addDays(day, -1), archived: false, evidence: [{ version: day, text }] });
  }
  return entries.sort((a, b) => entryKey(a).localeCompare(entryKey(b)));
}

function addEvidence(entry: LedgerEntry, evidence: Evidence[] | undefined): LedgerEntry {
  if (!evidence || evidence.length === 0) return entry;
  const all = [...(entry.evidence ?? [])];
  for (const item of evidence) if (!all.some((e) => e.version === item.version && e.text === item.text)) all.push(item);
  // By the date of the page that says it, so the ledger is the same whatever order the pages were imported in.
  all.sort((a, b) => (a.version ?? '9999').localeCompare(b.version ?? '9999'));
  return { ...entry, evidence: all };
}

/**
 * Ends each version the day before the next begins when the page did not say (or said a later day),
 * and keeps the list sorted oldest first.
 */
export function normalizeLedger(entries: LedgerEntry[]): LedgerEntry[] {
  const sorted = [...entries].sort((a, b) => entryKey(a).localeCompare(entryKey(b)));
  return sorted.map((entry, index) => {
    const next = sorted[index + 1];
    if (next?.effective && (entry.until === null || entry.until >= next.effective)) {
      const closed = { ...entry, until: addDays(next.effective, -1) };
      delete closed.untilMonth;
      return closed;
    }
    // The next version is known only by its month: this one ended then, on a day no page states.
    if (next?.effectiveMonth && entry.until === null && entry.untilMonth === undefined) return { ...entry, untilMonth: next.effectiveMonth };
    return entry;
  });
}

export interface ArchivedInfo {
  effective: IsoDate;
  tag: string;
  blob: string;
  source: Source;
  note?: string;
}

export interface LedgerMerge {
  ledger: Ledger;
  /** Entries that were not in the ledger before (including the archived one when new). */
  added: LedgerEntry[];
  /** The not-archived entry that the archived version now fills, if any. */
  promoted: LedgerEntry | null;
}

/**
 * Adds an archived version (and every version its revision article reveals) to a ledger.
 * An archived version landing on a not-archived entry's date makes that entry archived, keeping its evidence.
 */
export function mergeArchivedVersion(ledger: Ledger | null, version: PolicyVersion, info: ArchivedInfo): LedgerMerge {
  let entries = ledger ? ledger.versions.map((e) => ({ ...e })) : [];
  const added: LedgerEntry[] = [];
  for (const revealed of entriesFromRevision({ ...version, effective: info.effective })) {
    let index = entries.findIndex((e) => sameEntry(e, revealed));
    // "The version before 2012-03-26" names no start: it is the known version in force the day before.
    if (index === -1 && revealed.effective === null && revealed.until !== null) index = latestStartingBy(entries, revealed.until);
    if (index === -1) {
      entries.push(revealed);
      added.push(revealed);
    } else {
      const existing = entries[index]!;
      const merged = addEvidence(existing, revealed.evidence);
      entries[index] = existing.until === null && revealed.until !== null && !existing.archived ? { ...merged, until: revealed.until } : merged;
    }
  }
  const archived: LedgerEntry = { effective: info.effective, until: null, archived: true, tag: info.tag, blob: info.blob, source: info.source };
  if (info.note !== undefined) archived.note = info.note;
  let index = entries.findIndex((e) => e.effective === info.effective);
  // Known only by its month (2022-09): the version imported with its day (2022-09-15) is that version.
  if (index === -1) index = entries.findIndex((e) => !e.archived && e.effectiveMonth !== undefined && sameMonth(e.effectiveMonth, info.effective));
  // Dated within the span of a version known only by its end ("… 이전"): it is that version, whose start is now known.
  if (index === -1) index = entries.findIndex((e) => !e.archived && e.effective === null && e.effectiveMonth === undefined && e.until !== null && info.effective <= e.until);
  let promoted: LedgerEntry | null = null;
  if (index === -1) {
    entries.push(archived);
    added.push(archived);
  } else {
    const existing = entries[index]!;
    if (!existing.archived) promoted = existing;
    // Keep what the page said about when it ended; the evidence stays as provenance.
    entries[index] = addEvidence({ ...archived, until: existing.until, ...(existing.untilMonth === undefined ? {} : { untilMonth: existing.untilMonth }), note: archived.note ?? existing.note }, existing.evidence);
    if (entries[index]!.note === undefined) delete entries[index]!.note;
  }
  entries = normalizeLedger(entries);
  const newest = entries[entries.length - 1];
  if (newest && newest.effective === info.effective) newest.until = null;
  return { ledger: { city: ledger?.city ?? version.city, slug: ledger?.slug ?? version.slug, versions: entries }, added, promoted };
}

/** The index of the entry with the latest known start on or before `date`, or -1. */
function latestStartingBy(entries: LedgerEntry[], date: IsoDate): number {
  let best = -1;
  entries.forEach((entry, i) => {
    if (entry.effective !== null && entry.effective <= date && (best === -1 || entry.effective > entries[best]!.effective!)) best = i;
  });
  return best;
}

/** The archived entries, oldest first. */
export function archivedEntries(ledger: Ledger): LedgerEntry[] {
  return ledger.versions.filter((e) => e.archived);
}

export function newestArchived(ledger: Ledger): LedgerEntry | undefined {
  return archivedEntries(ledger).at(-1);
}

/** The entry whose effective date is exactly `date`. */
export function entryEffectiveOn(ledger: Ledger, date: IsoDate): LedgerEntry | undefined {
  return ledger.versions.find((e) => e.effective === date);
}

/** The entry in force on `date` (effective ≤ date ≤ until; an unknown start counts as "since ever"). */
export function entryInForce(ledger: Ledger, date: IsoDate): LedgerEntry | undefined {
  // A month-only start counts from the month's first day, a month-only end up to the month before it.
  return ledger.versions.find((e) => {
    const start = startOf(e);
    const ended = e.until !== null ? date > e.until : e.untilMonth !== undefined && date >= e.untilMonth;
    return (start === null || start <= date) && !ended;
  });
}

/** "2016-05-16 … 2016-12-01", "… 2015-02-10", "2020-07-17 … (in force)", "2022-09 … 2023-07-25". */
export function describeRange(entry: LedgerEntry): string {
  const from = startOf(entry) ?? t('range.startUnknown');
  const until = entry.until ?? entry.untilMonth ?? t('range.inForce');
  return `${from} … ${until}`;
}

/** Where a version stands on `today`: in force, scheduled (시행 예정: effective after today), or superseded. */
export type VersionStatus = 'in-force' | 'scheduled' | 'superseded';

export function versionStatus(ledger: Ledger, entry: LedgerEntry, today: IsoDate): VersionStatus {
  const start = startOf(entry);
  if (start !== null && start > today) return 'scheduled';
  return entryInForce(ledger, today) === entry ? 'in-force' : 'superseded';
}

/** The status in the officer's words. */
export const STATUS_LABELS: Readonly<Record<VersionStatus, string>> = { 'in-force': '시행 중', scheduled: '시행 예정', superseded: '종료' };
