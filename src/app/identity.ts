/**
 * Whether a text belongs to the body it is filed under. A body keeps its name's stem when its status
 * changes (고양시 → 고양특례시, 여주군 → 여주시), so names are compared without the status suffix.
 */
import type { Ledger } from '../domain/model.js';
import { CityMismatchError, CityNameMissingError } from './errors.js';

const STATUS_SUFFIX = /(특례시|특별자치시|특별자치도|특별시|광역시|시|군|구)$/u;

function stem(name: string): string {
  const compact = name.replace(/\s+/gu, '');
  const stripped = compact.replace(STATUS_SUFFIX, '');
  return stripped.length > 0 ? stripped : compact;
}

/** True when two display names name the same body (고양시, 고양특례시). */
export function sameBodyName(a: string, b: string): boolean {
  return stem(a) === stem(b);
}

/**
 * The display name a text gets in `slug`: the ledger's, refusing a text that names another body; for a
 * new body the given name, else the text's, else a refusal asking for one.
 */
export function bodyNameFor(slug: string, ledger: Ledger | null, given: string | undefined, named: string | undefined): string {
  const known = named && named !== 'unknown' ? named : undefined;
  if (ledger) {
    if (given === undefined && known !== undefined && !sameBodyName(ledger.city, known)) throw new CityMismatchError(slug, ledger.city, known);
    return ledger.city;
  }
  const city = given ?? known;
  if (!city) throw new CityNameMissingError(slug);
  return city;
}
