/**
 * The app's typed errors: each carries the data a shell needs to say what to do in its own terms
 * (the CLI names its flags, src/cli/wording.ts); the message and hint here name none.
 */
import { dirname } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { inert } from '../domain/presentation/inert.js';
import { t } from '../domain/presentation/messages/index.js';
import type { ResolvedVersion } from '../store/refs.js';

/** The date given for the version is not a calendar date. */
export class InvalidEffectiveDateError extends UsageError {
  constructor(readonly given: string) {
    super(t('err.app.invalidDate', { given }), { hint: t('err.app.invalidDate.hint') });
  }
}

/** The document states no effective date and none was given. */
export class EffectiveDateMissingError extends UsageError {
  constructor(
    readonly slug: string,
    readonly file: string,
    /** The page's sentence about when it applies, if it has one ("게시일부터 적용됩니다"). */
    readonly sentence: string | undefined,
  ) {
    super(sentence ? t('err.app.noEffective.sentence', { file, sentence }) : t('err.app.noEffective', { file }), { where: file, hint: t('err.app.noEffective.hint') });
  }
}

/** The document states only the month it takes effect (2022. 9.), and no day was given. */
export class EffectiveDayMissingError extends UsageError {
  constructor(
    readonly slug: string,
    readonly file: string,
    /** YYYY-MM */
    readonly month: string,
  ) {
    const [year, monthNumber] = month.split('-').map(Number);
    super(t('err.app.monthOnly', { file, year: year!, month: monthNumber! }), { where: file, hint: t('err.app.monthOnly.hint') });
  }
}

/** A new city whose text does not name it, and no name was given. */
export class CityNameMissingError extends UsageError {
  constructor(readonly slug: string) {
    super(t('err.app.noCityName'), { hint: t('err.app.noCityName.hint') });
  }
}

/** The new version is another city's. */
export class OtherCityError extends UsageError {
  constructor(
    readonly version: ResolvedVersion,
    readonly city: string,
    /** The reference as given. */
    readonly ref: string,
  ) {
    super(t('err.app.otherCity', { label: version.label, other: version.version.city, slug: version.slug, city }), { where: ref, hint: t('err.app.otherCity.hint', { city }) });
  }
}

/** No date for the notice: the new version states none after the version in force, and none was given. */
export class NoticeDateMissingError extends UsageError {
  constructor(
    readonly label: string,
    readonly from: string | null,
    /** The reference as given. */
    readonly ref: string,
  ) {
    super(from ? t('err.app.noNoticeDate.from', { label, from }) : t('err.app.noNoticeDate', { label }), { where: ref, hint: t('err.app.noNoticeDate.hint') });
  }
}

/** A notice file cannot be written where asked: its directory does not exist. */
export class NoDirectoryError extends UsageError {
  constructor(readonly file: string) {
    super(t('err.app.noDirectory', { file, dir: dirname(file) }), { where: file, hint: t('err.app.noDirectory.hint') });
  }
}

/** A field that goes into the archive's commit and tag messages (the city's name, the page's address) holds a control character or a line break. */
export class UnsafeFieldError extends UsageError {
  constructor(
    readonly field: 'name' | 'url',
    readonly given: string,
  ) {
    const what = t(field === 'name' ? 'err.app.field.name' : 'err.app.field.url');
    super(t('err.app.unsafeField', { field: what, value: inert(given, 'terminal', { singleLine: true }) }), { where: field, hint: t('err.app.unsafeField.hint', { field: what }) });
  }
}

/** A notice would overwrite a file already there, and overwriting was not asked for. */
export class NoticeFileExistsError extends UsageError {
  constructor(readonly file: string) {
    super(t('err.app.fileExists', { file }), { where: file, hint: t('err.app.fileExists.hint') });
  }
}

/** A notice may not be written there: inside .git, over the store's own files, or through a symlink. */
export class NoticeTargetRefusedError extends UsageError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(t('err.app.targetRefused', { file, reason }), { where: file, hint: t('err.app.targetRefused.hint') });
  }
}

/** The text names another body than the one it is filed under. */
export class CityMismatchError extends UsageError {
  constructor(
    readonly slug: string,
    /** The body's name in the store. */
    readonly stored: string,
    /** The name the text gives. */
    readonly named: string,
  ) {
    super(t('err.app.cityMismatch', { named, stored, slug }), { where: slug, hint: t('err.app.cityMismatch.hint', { named, stored }) });
  }
}

/** Publishing a draft the law's check finds wanting, without the officer's confirmation. */
export class FindingsNotAcceptedError extends UsageError {
  constructor(
    readonly slug: string,
    readonly findings: string[],
  ) {
    super(t('err.app.findings', { slug, count: findings.length }), { where: `${slug}#draft`, details: findings, hint: t('err.app.findings.hint') });
  }
}

/** Publishing a draft whose effective date is neither stated nor given. */
export class PublishDateMissingError extends UsageError {
  constructor(readonly slug: string) {
    super(t('err.app.publishNoDate', { slug }), { where: `${slug}#draft`, hint: t('err.app.publishNoDate.hint') });
  }
}

/** The body has no draft. */
export class NoDraftError extends UsageError {
  constructor(readonly slug: string) {
    super(t('err.app.noDraft', { slug }), { where: `${slug}#draft` });
  }
}
