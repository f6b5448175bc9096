/**
 * References to a version, as a person types them: `goyang` (newest archived), `goyang@2020-07-17`
 * (exactly that version, else the one in force that day), `goyang~1` (one before the newest known),
 * `goyang#draft` (the body's draft in the store), or a path to a draft file. Pure parsing; the store resolves them.
 */
import { isKoreanBodyName } from './body-name.js';
import { RefError } from './errors.js';
import type { IsoDate } from './model.js';
import { isIsoDate, SLUG_PATTERN } from './schema.js';
import { t } from './presentation/messages/index.js';

export type VersionRef =
  | { kind: 'newest'; slug: string }
  | { kind: 'date'; slug: string; date: IsoDate }
  | { kind: 'back'; slug: string; steps: number }
  /** The body's draft, kept in the store until it is published: goyang#draft. */
  | { kind: 'draft'; slug: string }
  | { kind: 'file'; path: string };

const FILE_EXTENSIONS = /\.(txt|html?|ya?ml)$/i;
const MAX_STEPS = 10_000;

/** True when `arg` names a file rather than a city: it has a path separator or a document extension. */
export function looksLikePath(arg: string): boolean {
  return arg.includes('/') || arg.includes('\\') || FILE_EXTENSIONS.test(arg);
}

export const DRAFT_SUFFIX = '#draft';

/** A slug, or a body's Korean name (고양, 고양특례시) that the store maps to its slug. */
function checkSlug(slug: string, arg: string): void {
  if (SLUG_PATTERN.test(slug) || isKoreanBodyName(slug)) return;
  const hint = slug.toLowerCase() !== slug && SLUG_PATTERN.test(slug.toLowerCase()) ? t('err.ref.notSlug.lowercase', { slug: slug.toLowerCase() }) : t('err.ref.notSlug.hint', { forms: t('err.ref.forms') });
  throw new RefError(t('err.ref.notSlug', { arg, slug }), { where: arg, hint });
}

/**
 * Parses a version reference. `isExistingFile` lets the caller say that a plain word is a file in the
 * current directory (a draft named `goyang-draft`), which then wins over the city reading.
 */
export function parseRef(arg: string, options: { isExistingFile?: (path: string) => boolean } = {}): VersionRef {
  if (arg.length === 0) throw new RefError(t('err.ref.empty'), { hint: t('err.ref.give.hint', { forms: t('err.ref.forms') }) });
  // Never let a reference reach git (or a shell) as an option.
  if (arg.startsWith('-')) throw new RefError(t('err.ref.dash', { arg }), { where: arg, hint: t('err.ref.dash.hint', { forms: t('err.ref.forms'), arg }) });
  if (/[\u0000-\u001f\u007f]/.test(arg)) throw new RefError(t('err.ref.controls'), { hint: t('err.ref.give.hint', { forms: t('err.ref.forms') }) });
  if (looksLikePath(arg) || options.isExistingFile?.(arg)) return { kind: 'file', path: arg };
  if (arg.endsWith(DRAFT_SUFFIX)) {
    const slug = arg.slice(0, -DRAFT_SUFFIX.length);
    checkSlug(slug, arg);
    return { kind: 'draft', slug };
  }
  const at = arg.indexOf('@');
  if (at !== -1) {
    const slug = arg.slice(0, at);
    const date = arg.slice(at + 1);
    checkSlug(slug, arg);
    if (!isIsoDate(date)) throw new RefError(t('err.ref.notDate', { arg, date }), { where: arg, hint: t('err.ref.notDate.hint', { slug }) });
    return { kind: 'date', slug, date };
  }
  const tilde = arg.indexOf('~');
  if (tilde !== -1) {
    const slug = arg.slice(0, tilde);
    const count = arg.slice(tilde + 1);
    checkSlug(slug, arg);
    if (count === '') return { kind: 'back', slug, steps: 1 };
    if (!/^\d{1,5}$/.test(count) || Number(count) > MAX_STEPS) throw new RefError(t('err.ref.notSteps', { arg, count }), { where: arg, hint: t('err.ref.notSteps.hint', { slug }) });
    return { kind: 'back', slug, steps: Number(count) };
  }
  checkSlug(arg, arg);
  return { kind: 'newest', slug: arg };
}
