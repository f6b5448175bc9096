/** Diffing two versions a person names (versions in the store or draft files). */
import { diffVersions } from '../domain/diff/index.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { ResolvedVersion } from '../store/refs.js';
import type { Provenance } from '../domain/presentation/provenance.js';
import { gatherProvenance } from './provenance.js';
import { resolveRefs } from './refs.js';
import { SharedBlocks } from '../domain/yaml-fast.js';
import type { StoreSession } from './session.js';

/** The diff of two resolved versions, each named by its label. */
/** `unchangedText`: identical articles keep their text (the UI shows it). */
export function diffResolved(before: ResolvedVersion, after: ResolvedVersion, options: { editorial: boolean; unchangedText?: boolean }): PolicyDiff {
  return diffVersions(before.version, after.version, { editorial: options.editorial, unchangedText: options.unchangedText === true, oldLabel: before.label, newLabel: after.label });
}

/**
 * Resolves both refs (the store opened once, only if one needs it) and diffs them. The new side reuses
 * what it shares word for word with the old side's YAML (SharedBlocks): the diff only reads them.
 */
export async function diffRefs(oldRef: string, newRef: string, cwd: string, session: () => Promise<StoreSession>, options: { editorial: boolean }): Promise<{ before: ResolvedVersion; after: ResolvedVersion; diff: PolicyDiff }> {
  const [before, after] = (await resolveRefs([oldRef, newRef], cwd, session, new SharedBlocks())) as [ResolvedVersion, ResolvedVersion];
  return { before, after, diff: diffResolved(before, after, options) };
}

/** The diff of two refs with its provenance (store and head, each side as asked and resolved): what a report prints. */
export async function diffReport(
  oldRef: string,
  newRef: string,
  cwd: string,
  session: () => Promise<StoreSession>,
  env: NodeJS.ProcessEnv,
  options: { editorial: boolean },
): Promise<{ before: ResolvedVersion; after: ResolvedVersion; diff: PolicyDiff; provenance: Provenance }> {
  const { before, after, diff } = await diffRefs(oldRef, newRef, cwd, session, options);
  const provenance = await gatherProvenance([{ ref: oldRef, resolved: before }, { ref: newRef, resolved: after }], session, env);
  return { before, after, diff, provenance };
}
