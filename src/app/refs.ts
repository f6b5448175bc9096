/**
 * Resolving the versions a person names: a draft file is read where it is (no store needed); every
 * other reference is resolved in one store session, opened only when a reference needs it.
 */
import { existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { locateStore } from '../store/init.js';
import { STORE_MARKER } from '../store/paths.js';
import { namesDraftFile, readDraft, type ResolvedVersion } from '../store/refs.js';
import { sessionOnDemand, StoreSession } from './session.js';
import type { SharedBlocks } from '../domain/yaml-fast.js';

/**
 * Resolves `refs` in order; `session` is asked for only when a ref is not a draft file in `cwd`. `shared`
 * (a pair read for a diff): each version is read with the blocks of those before it (see SharedBlocks).
 */
export async function resolveRefs(refs: readonly string[], cwd: string, session: () => Promise<StoreSession>, shared?: SharedBlocks): Promise<ResolvedVersion[]> {
  const resolved: ResolvedVersion[] = [];
  for (const ref of refs) {
    if (namesDraftFile(ref, cwd)) resolved.push(await readDraft(resolvePath(cwd, ref), ref, shared));
    else resolved.push(await (await session()).resolve(ref, { shared }));
  }
  return resolved;
}

/**
 * Resolves one version argument against the store at `storeDir`: goyang, goyang@2020-07-17,
 * goyang@2016-06-01 (in force that day), goyang~1, or a draft file (relative to `cwd`, default
 * process.cwd()). A directory that is not a store means the store around it, else the default sample
 * store; `strict` refuses instead. Throws RefError (NotArchivedError for a version known only from a later page).
 */
export async function resolveVersionArg(storeDir: string, arg: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; strict?: boolean } = {}): Promise<ResolvedVersion> {
  const cwd = options.cwd ?? process.cwd();
  const open = sessionOnDemand(async () => {
    const dir = existsSync(join(storeDir, STORE_MARKER)) || options.strict ? storeDir : (await locateStore({ cwd: storeDir, env: options.env ?? process.env })).dir;
    return StoreSession.open(dir, { cwd });
  });
  const [resolved] = await resolveRefs([arg], cwd, open);
  return resolved!;
}
