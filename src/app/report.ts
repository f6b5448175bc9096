/** The report over a whole archive (or some of its cities), and the audit of a store as it is. */
import { UsageError } from '../domain/errors.js';
import { reportStore, type ReportOptions, type ReportTotals } from '../store/batch.js';
import { verifyStore, type VerifyOptions, type VerifyReport } from '../store/verify.js';
import { locateStoreDir, type StorePlace, type StoreSession } from './session.js';
import { t } from '../domain/presentation/messages/index.js';

/** Refuses cities the store does not hold: before a report starts streaming, so nothing half-written precedes the error. */
export async function checkCities(session: StoreSession, cities: readonly string[]): Promise<void> {
  if (cities.length === 0) return;
  const known = new Set(await session.slugs());
  const unknown = cities.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new UsageError(t('err.app.reportUnknown', { list: unknown.join(', ') }), { hint: t('err.app.reportUnknown.hint') });
}

/** Diffs every consecutive archived pair of `cities` (all when empty), streaming pairs to `options.onPair`. */
export async function reportCities(session: StoreSession, cities: readonly string[], options: Omit<ReportOptions, 'slugs'>): Promise<ReportTotals> {
  await checkCities(session, cities);
  return reportStore(session.store, { ...options, ...(cities.length > 0 ? { slugs: [...cities].sort() } : {}) });
}

/** Verifies the store `place` names without opening it: a stale lock or a journal is reported, not recovered. */
export async function verifyPlace(place: StorePlace, options: VerifyOptions): Promise<VerifyReport> {
  return verifyStore(await locateStoreDir(place), options);
}
