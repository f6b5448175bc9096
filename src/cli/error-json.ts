/**
 * An error as JSON, for scripts that asked for `--json`: `{"error": {"code", "message", "hint", …}}` on
 * stdout, beside the message on stderr (the exit code does not change). `code` is a stable English
 * identifier per error class (README, "Errors as JSON"); the message and hint are the ones a person reads.
 */
import { CommanderError } from '@commander-js/extra-typings';
import {
  CityMismatchError,
  CityNameMissingError,
  EffectiveDateMissingError,
  EffectiveDayMissingError,
  FindingsNotAcceptedError,
  InvalidEffectiveDateError,
  NoDirectoryError,
  NoDraftError,
  NoticeDateMissingError,
  NoticeFileExistsError,
  NoticeTargetRefusedError,
  OtherCityError,
  PublishDateMissingError,
  UnsafeFieldError,
} from '../app/errors.js';
import { BrowserMissingError, PdfPrintError } from '../app/pdf.js';
import { SampleStoreWriteError } from '../app/session.js';
import { BangchimError, BusyError, InputError, isDiskFull, RefError, StoreError, UsageError, ValidationError } from '../domain/errors.js';
import { t } from '../domain/presentation/messages/index.js';
import { GitError } from '../store/git.js';
import { ChainCheckError } from '../store/history.js';
import { MissingTagError, UnknownCityError } from '../store/reads.js';
import { NotArchivedError } from '../store/refs.js';
import { ArchivedOtherTextError, NotAStoreError, VersionTooLargeError } from '../store/store.js';
import { RemoteNameError } from '../store/sync.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Most specific first: the first class an error is an instance of names its code. */
const CODES: readonly (readonly [ErrorClass, string])[] = [
  [NotArchivedError, 'text-not-archived'],
  [UnknownCityError, 'unknown-city'],
  [InvalidEffectiveDateError, 'invalid-date'],
  [EffectiveDateMissingError, 'effective-date-missing'],
  [EffectiveDayMissingError, 'effective-day-missing'],
  [CityNameMissingError, 'city-name-missing'],
  [OtherCityError, 'other-city'],
  [CityMismatchError, 'city-mismatch'],
  [NoticeDateMissingError, 'notice-date-missing'],
  [PublishDateMissingError, 'publish-date-missing'],
  [NoDraftError, 'no-draft'],
  [FindingsNotAcceptedError, 'findings-not-accepted'],
  [NoDirectoryError, 'no-directory'],
  [NoticeFileExistsError, 'file-exists'],
  [NoticeTargetRefusedError, 'target-refused'],
  [UnsafeFieldError, 'unsafe-field'],
  [RemoteNameError, 'bad-remote'],
  [BrowserMissingError, 'no-browser'],
  [PdfPrintError, 'pdf-failed'],
  [SampleStoreWriteError, 'sample-store-read-only'],
  [NotAStoreError, 'not-a-store'],
  [MissingTagError, 'missing-tag'],
  [ArchivedOtherTextError, 'archived-other-text'],
  [ChainCheckError, 'chain-check-failed'],
  [GitError, 'git'],
  [VersionTooLargeError, 'input-too-large'],
  [RefError, 'bad-ref'],
  [UsageError, 'usage'],
  [InputError, 'bad-input'],
  [ValidationError, 'invalid'],
  [BusyError, 'busy'],
  [StoreError, 'store'],
  [BangchimError, 'error'],
];

/** The stable code of `error`'s class; `internal` for what bangchim did not expect (a bug). */
export function errorCode(error: unknown): string {
  if (isDiskFull(error)) return 'disk-full';
  if (error instanceof CommanderError) return 'usage';
  return CODES.find(([kind]) => error instanceof kind)?.[1] ?? 'internal';
}

export interface ErrorJson {
  error: { code: string; message: string; hint: string | null; where?: string; details?: string[] };
}

/** `error` (already in command-line terms) as the JSON object a script reads. */
export function errorJson(error: unknown): ErrorJson {
  const code = errorCode(error);
  if (error instanceof BangchimError) {
    return {
      error: {
        code,
        message: error.message,
        hint: error.hint ?? null,
        ...(error.where !== undefined ? { where: error.where } : {}),
        ...(error.details.length > 0 ? { details: error.details } : {}),
      },
    };
  }
  // Commander's own usage errors read "error: unknown option '--x'".
  if (error instanceof CommanderError) return { error: { code, message: error.message.replace(/^error: /u, ''), hint: t('report.error.usageHint') } };
  return { error: { code, message: error instanceof Error ? error.message : String(error), hint: null } };
}

/** Whether the command line asked for JSON (`--json`, `--format json`), before any `--`. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args.some((arg, i) => arg === '--json' || arg === '--format=json' || (arg === '--format' && args[i + 1] === 'json'));
}
