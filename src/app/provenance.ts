/**
 * The facts of a report's provenance block (src/domain/presentation/provenance.ts): the store and its
 * head, each version's ledger entry (the period it was in force), the date its reference asked for, the
 * tool's version and the time.
 */
import { readFileSync } from 'node:fs';
import { startOf, versionStatus } from '../domain/ledger.js';
import { parseRef } from '../domain/ref.js';
import type { Ledger } from '../domain/model.js';
import type { Provenance, VersionProvenance } from '../domain/presentation/provenance.js';
import type { ResolvedVersion } from '../store/refs.js';
import type { StoreSession } from './session.js';
import { todayFrom } from './today.js';

let toolVersion: string | undefined;

/** bangchim's version, from its package.json (two levels above src/app/ and dist/bundle/ alike). */
export function bangchimVersion(): string {
  toolVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return toolVersion;
}

/** A version as asked (`ref`) and as resolved. */
export interface AskedVersion {
  ref: string;
  resolved: ResolvedVersion;
}

async function versionProvenance({ ref, resolved }: AskedVersion, ledgerOf: ((slug: string) => Promise<Ledger>) | null, env: NodeJS.ProcessEnv): Promise<VersionProvenance> {
  const { version } = resolved;
  const given = resolved.file === undefined ? parseRef(ref) : undefined;
  const kind = resolved.file !== undefined ? 'file' : resolved.draft ? 'draft' : 'archived';
  const out: VersionProvenance = {
    ref,
    label: resolved.label,
    city: version.city,
    ...(given?.kind === 'date' ? { asOf: given.date } : {}),
    kind,
    ...(resolved.tag !== undefined ? { tag: resolved.tag } : {}),
    ...(resolved.commit !== undefined ? { commit: resolved.commit } : {}),
    effective: resolved.effective,
    source: {
      ...(version.source.file !== undefined ? { file: version.source.file } : {}),
      sha256: version.source.sha256,
      ...(version.source.url !== undefined ? { url: version.source.url } : {}),
    },
  };
  if (ledgerOf !== null && resolved.tag !== undefined) {
    const ledger = await ledgerOf(resolved.slug);
    const entry = ledger.versions.find((v) => v.tag === resolved.tag);
    if (entry) out.inForce = { from: startOf(entry), until: entry.until ?? entry.untilMonth ?? null, status: versionStatus(ledger, entry, todayFrom(env)) };
  }
  return out;
}

/**
 * The provenance of a report on `versions`. The store is named (and its head read) when a version came
 * from it; a comparison of two files names none.
 */
export async function gatherProvenance(versions: readonly AskedVersion[], session: () => Promise<StoreSession>, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<Provenance> {
  const opened = versions.some((v) => v.resolved.file === undefined) ? await session() : null;
  // Two versions of one body share its ledger: read once, while the head is read.
  const ledgers = new Map<string, Promise<Ledger>>();
  const ledgerOf = opened && ((slug: string) => ledgers.get(slug) ?? ledgers.set(slug, opened.ledger(slug)).get(slug)!);
  const [head, described] = await Promise.all([opened?.head(), Promise.all(versions.map((v) => versionProvenance(v, ledgerOf, env)))]);
  return {
    store: opened && head !== undefined ? { dir: opened.dir, head } : null,
    versions: described,
    tool: { name: 'bangchim', version: bangchimVersion() },
    generated: now.toISOString(),
  };
}
