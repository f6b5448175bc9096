/**
 * The app and the store raise typed errors that name no command-line flag; here they are worded for
 * the command line: which flag to give, which command to run.
 */
import { CityMismatchError, CityNameMissingError, EffectiveDateMissingError, EffectiveDayMissingError, FindingsNotAcceptedError, InvalidEffectiveDateError, NoDirectoryError, NoDraftError, NoticeDateMissingError, NoticeFileExistsError, NoticeTargetRefusedError, OtherCityError, PublishDateMissingError, UnsafeFieldError } from '../app/errors.js';
import type { BangchimError } from '../domain/errors.js';
import { SampleStoreWriteError } from '../app/session.js';
import { ChainCheckError } from '../store/history.js';
import { UnknownCityError } from '../store/reads.js';
import { ArchivedOtherTextError, NotAStoreError } from '../store/store.js';
import { RemoteNameError } from '../store/sync.js';
import { NotArchivedError } from '../store/refs.js';
import { t } from '../domain/presentation/messages/index.js';

/** A copy of `error` (same class, exit code and details) with another message, place or hint. */
function reworded<E extends BangchimError>(error: E, changes: { message?: string; where?: string; hint?: string }): E {
  const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as E;
  for (const [key, value] of Object.entries(changes)) Object.defineProperty(copy, key, { value, enumerable: key !== 'message', configurable: true, writable: false });
  return copy;
}

/** `error` in command-line terms; anything not worded here is returned as it is. */
export function inCliTerms(error: unknown): unknown {
  if (error instanceof InvalidEffectiveDateError) return reworded(error, { message: t('err.cli.invalidDate', { given: error.given }), hint: t('err.cli.invalidDate.hint') });
  if (error instanceof EffectiveDateMissingError) return reworded(error, { hint: t('err.cli.noEffective.hint', { slug: error.slug, file: error.file }) });
  if (error instanceof EffectiveDayMissingError) return reworded(error, { hint: t('err.cli.monthOnly.hint', { slug: error.slug, file: error.file, month: error.month }) });
  if (error instanceof CityNameMissingError) return reworded(error, { hint: t('err.cli.noCityName.hint') });
  if (error instanceof SampleStoreWriteError) return reworded(error, { hint: t('err.cli.sampleStore.hint') });
  if (error instanceof CityMismatchError) return reworded(error, { hint: t('err.cli.cityMismatch.hint', { named: error.named, stored: error.stored }) });
  if (error instanceof FindingsNotAcceptedError) return reworded(error, { hint: t('err.cli.findings.hint', { slug: error.slug }) });
  if (error instanceof PublishDateMissingError) return reworded(error, { hint: t('err.cli.publishNoDate.hint', { slug: error.slug }) });
  if (error instanceof NoDraftError) return reworded(error, { hint: t('err.app.draft.create.hint', { slug: error.slug }) });
  if (error instanceof ArchivedOtherTextError) return reworded(error, { hint: t('err.cli.archivedOtherText.hint', { tag: error.archived.tag ?? '', file: error.file }) });
  if (error instanceof NotAStoreError) return reworded(error, { hint: t('err.cli.notAStore.hint', { dir: error.dir }) });
  if (error instanceof OtherCityError) return reworded(error, { hint: t('err.cli.otherCity.hint', { slug: error.version.slug, city: error.city }) });
  if (error instanceof NoticeDateMissingError) return reworded(error, { hint: t('err.cli.noNoticeDate.hint') });
  if (error instanceof NoticeFileExistsError) return reworded(error, { where: `--out ${error.file}`, hint: t('err.cli.fileExists.hint') });
  if (error instanceof NoticeTargetRefusedError) return reworded(error, { where: `--out ${error.file}` });
  if (error instanceof NoDirectoryError) return reworded(error, { where: `--out ${error.file}` });
  if (error instanceof UnsafeFieldError) return reworded(error, { where: error.field === 'name' ? '--name' : '--source' });
  if (error instanceof RemoteNameError) return reworded(error, { where: `--remote ${error.remote}` });
  if (error instanceof UnknownCityError && error.known.length === 0) return reworded(error, { hint: t('err.cli.unknownCity.empty.hint') });
  if (error instanceof ChainCheckError) return reworded(error, { hint: t('err.cli.chainCheck.hint') });
  if (error instanceof NotArchivedError) {
    const start = error.entry.effective ?? 'YYYY-MM-DD';
    return reworded(error, { hint: t('err.cli.notArchived.hint', { slug: error.slug, start, noDate: error.entry.effective ? '' : t('err.ref.notArchived.noDate') }) });
  }
  return error;
}
