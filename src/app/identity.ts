/** Whether a text belongs to the body it is filed under (names compared as body-name.ts says). */
import { sameBodyName } from '../domain/body-name.js';
import type { Ledger } from '../domain/model.js';
import { CityMismatchError, CityNameMissingError } from './errors.js';

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
