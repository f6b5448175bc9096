/** Checking one version: an archived version against its city's ledger; a draft against it too when the store is the person's own. */
import { checkVersion, type CheckResult } from '../domain/check/index.js';
import { locateStore } from '../store/init.js';
import { resolveRefs } from './refs.js';
import type { StorePlace, StoreSession } from './session.js';

export async function checkRef(ref: string, place: StorePlace, session: () => Promise<StoreSession>): Promise<{ label: string; result: CheckResult }> {
  const [resolved] = await resolveRefs([ref], place.cwd, session);
  if (resolved!.file !== undefined) {
    // Only a store the person named or is in: the sample store's ledger says nothing about their draft.
    const found = await locateStore(place);
    const ledger = found.how !== 'default' ? await (await session()).store.ledgerOrNull(resolved!.slug) : null;
    return { label: ref, result: checkVersion(resolved!.version, { ledger, draft: true, label: ref }) };
  }
  const ledger = await (await session()).ledger(resolved!.slug);
  // The store's draft (goyang#draft) is not in the ledger yet: it is checked as the version it will become.
  return { label: resolved!.label, result: checkVersion(resolved!.version, { ledger, draft: resolved!.draft === true, label: resolved!.label }) };
}
