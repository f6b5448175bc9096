/** Today in Korea, which decides what is in force and what is scheduled; BANGCHIM_TODAY=YYYY-MM-DD sets it (for tests and demonstrations). */
import { todayInKorea } from '../domain/ledger.js';
import type { IsoDate } from '../domain/model.js';
import { isIsoDate } from '../domain/schema.js';

export function todayFrom(env: NodeJS.ProcessEnv): IsoDate {
  const given = env.BANGCHIM_TODAY;
  return given !== undefined && isIsoDate(given) ? given : todayInKorea();
}
