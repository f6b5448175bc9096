/**
 * Clause alignment inside an article: the clause tree is flattened to provisions, which are aligned
 * in order (a dynamic programme that maximises similarity, like LCS with partial credit), then each
 * aligned pair gets a word diff.
 */
import type { Clause } from '../model.js';
import type { ClauseChange, ClauseStatus, WordChange } from './types.js';
import { contentKey } from './normalize.js';
import { dice, ngramVector, type NgramVector } from './similarity.js';
import { diffWordsKorean, isEditorialOnly } from './words.js';

/** One provision of a flattened clause tree. */
export interface Provision {
  marker?: string;
  /** The provision's own text; a table row's cells joined by " | ". */
  text: string;
  key: string;
  /** Set when the provision is a row of a table (its text is the cells joined by " | "). */
  row?: true;
}

/** Two provisions are the same provision, changed, when their similarity reaches this. */
const CLAUSE_MATCH_THRESHOLD = 0.45;
/** Above this many cell comparisons, align on exact content only (a guard for huge articles). */
const CLAUSE_DP_LIMIT = 250_000;

export function clauseText(clause: Clause): string {
  if (clause.text !== undefined) return clause.text;
  return (clause.row ?? []).join(' | ');
}

const flattened = new WeakMap<readonly Clause[], Provision[]>();

/** The provisions of a clause tree, in reading order (cached per body array: bodies are not mutated). */
export function flattenClauses(clauses: readonly Clause[]): Provision[] {
  const cached = flattened.get(clauses);
  if (cached) return cached;
  const provisions = flattenInto(clauses, []);
  flattened.set(clauses, provisions);
  return provisions;
}

function flattenInto(clauses: readonly Clause[], out: Provision[]): Provision[] {
  for (const clause of clauses) {
    const text = clauseText(clause);
    if (isProvision(clause, text)) {
      const provision: Provision = { text, key: contentKey(text) };
      if (clause.marker !== undefined) provision.marker = clause.marker;
      if (clause.text === undefined && clause.row !== undefined) provision.row = true;
      out.push(provision);
    }
    if (clause.children) flattenInto(clause.children, out);
  }
  return out;
}

/** A clause with neither text nor marker carries nothing to compare (an empty line kept for structure). */
function isProvision(clause: Clause, text: string): boolean {
  return clause.marker !== undefined || text.trim() !== '';
}

/**
 * The content string of a whole clause tree: all provisions' content, concatenated. Read straight off
 * the tree (the same provisions flattenClauses keeps): every article needs its key, few its provisions.
 * Cached per body array, as flattenClauses is: an unchanged article read once for both sides of a diff
 * (SharedBlocks) is keyed once.
 */
export function bodyKey(clauses: readonly Clause[]): string {
  let key = bodyKeys.get(clauses);
  if (key === undefined) {
    key = appendBodyKey(clauses, '');
    bodyKeys.set(clauses, key);
  }
  return key;
}

const bodyKeys = new WeakMap<readonly Clause[], string>();

function appendBodyKey(clauses: readonly Clause[], key: string): string {
  for (const clause of clauses) {
    const text = clauseText(clause);
    if (isProvision(clause, text)) key += contentKey(text);
    if (clause.children) key = appendBodyKey(clause.children, key);
  }
  return key;
}

type Step =
  | { kind: 'pair'; old: number; new: number; score: number }
  | { kind: 'join-old'; old: [number, number]; new: number } // two old provisions = one new (reflowed)
  | { kind: 'join-new'; old: number; new: [number, number] }
  | { kind: 'del'; old: number }
  | { kind: 'ins'; new: number };

/** Aligns provisions in order, maximising the summed similarity of aligned pairs. */
export function alignProvisions(oldProvisions: readonly Provision[], newProvisions: readonly Provision[]): Step[] {
  // Identical provisions at both ends align without scoring (most of a modified article is unchanged).
  let prefix = 0;
  while (prefix < oldProvisions.length && prefix < newProvisions.length && oldProvisions[prefix]!.key === newProvisions[prefix]!.key) prefix++;
  let suffix = 0;
  while (
    suffix < oldProvisions.length - prefix &&
    suffix < newProvisions.length - prefix &&
    oldProvisions[oldProvisions.length - 1 - suffix]!.key === newProvisions[newProvisions.length - 1 - suffix]!.key
  ) {
    suffix++;
  }
  const steps: Step[] = [];
  for (let k = 0; k < prefix; k++) steps.push(exactPair(k, k));
  const oldEnd = oldProvisions.length - suffix;
  const newEnd = newProvisions.length - suffix;
  if (prefix < oldEnd || prefix < newEnd) {
    for (const step of alignMiddle(oldProvisions.slice(prefix, oldEnd), newProvisions.slice(prefix, newEnd))) steps.push(shiftStep(step, prefix));
  }
  for (let k = 0; k < suffix; k++) steps.push(exactPair(oldEnd + k, newEnd + k));
  return steps;
}

function exactPair(oldIndex: number, newIndex: number): Step {
  return { kind: 'pair', old: oldIndex, new: newIndex, score: 1.5 };
}

function shiftStep(step: Step, by: number): Step {
  switch (step.kind) {
    case 'pair':
      return { ...step, old: step.old + by, new: step.new + by };
    case 'join-old':
      return { ...step, old: [step.old[0] + by, step.old[1] + by], new: step.new + by };
    case 'join-new':
      return { ...step, old: step.old + by, new: [step.new[0] + by, step.new[1] + by] };
    case 'del':
      return { kind: 'del', old: step.old + by };
    case 'ins':
      return { kind: 'ins', new: step.new + by };
  }
}

function alignMiddle(oldProvisions: readonly Provision[], newProvisions: readonly Provision[]): Step[] {
  const n = oldProvisions.length;
  const m = newProvisions.length;
  if (n === 0 || m === 0) return [...oldProvisions.map((_, k): Step => ({ kind: 'del', old: k })), ...newProvisions.map((_, k): Step => ({ kind: 'ins', new: k }))];
  if (n * m > CLAUSE_DP_LIMIT) return alignExact(oldProvisions, newProvisions);
  const oldVectors = oldProvisions.map((p) => ngramVector(p.key));
  const newVectors = newProvisions.map((p) => ngramVector(p.key));
  const score = (i: number, j: number): number => pairScore(oldProvisions[i]!, newProvisions[j]!, oldVectors[i]!, newVectors[j]!);
  // best[i][j]: best total for old[0..i) × new[0..j)
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const choice = new Uint8Array((n + 1) * width); // 0 del, 1 ins, 2 pair, 3 join-old, 4 join-new
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let value = -1;
      let pick = 0;
      if (i > 0) {
        value = best[(i - 1) * width + j]!;
        pick = 0;
      }
      if (j > 0 && best[i * width + j - 1]! > value) {
        value = best[i * width + j - 1]!;
        pick = 1;
      }
      if (i > 0 && j > 0) {
        const s = score(i - 1, j - 1);
        if (s >= CLAUSE_MATCH_THRESHOLD && best[(i - 1) * width + j - 1]! + s > value) {
          value = best[(i - 1) * width + j - 1]! + s;
          pick = 2;
        }
      }
      if (i > 1 && j > 0 && oldProvisions[i - 2]!.key + oldProvisions[i - 1]!.key === newProvisions[j - 1]!.key) {
        const candidate = best[(i - 2) * width + j - 1]! + 2;
        if (candidate > value) {
          value = candidate;
          pick = 3;
        }
      }
      if (i > 0 && j > 1 && oldProvisions[i - 1]!.key === newProvisions[j - 2]!.key + newProvisions[j - 1]!.key) {
        const candidate = best[(i - 1) * width + j - 2]! + 2;
        if (candidate > value) {
          value = candidate;
          pick = 4;
        }
      }
      best[i * width + j] = value;
      choice[i * width + j] = pick;
    }
  }
  const steps: Step[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const pick = choice[i * width + j]!;
    if (i > 0 && (pick === 0 || j === 0)) {
      steps.push({ kind: 'del', old: i - 1 });
      i--;
    } else if (pick === 1 || i === 0) {
      steps.push({ kind: 'ins', new: j - 1 });
      j--;
    } else if (pick === 2) {
      steps.push({ kind: 'pair', old: i - 1, new: j - 1, score: score(i - 1, j - 1) });
      i--;
      j--;
    } else if (pick === 3) {
      steps.push({ kind: 'join-old', old: [i - 2, i - 1], new: j - 1 });
      i -= 2;
      j--;
    } else {
      steps.push({ kind: 'join-new', old: i - 1, new: [j - 2, j - 1] });
      i--;
      j -= 2;
    }
  }
  return orderDeletesBeforeInserts(steps.reverse());
}

function pairScore(a: Provision, b: Provision, va: NgramVector, vb: NgramVector): number {
  if (a.key === b.key) return 1.5; // exact content wins over any near match
  return dice(va, vb);
}

/** Within a run of unaligned provisions, show what was removed before what was added. */
function orderDeletesBeforeInserts(steps: Step[]): Step[] {
  const out: Step[] = [];
  let run: Step[] = [];
  const flush = (): void => {
    out.push(...run.filter((s) => s.kind === 'del'), ...run.filter((s) => s.kind === 'ins'));
    run = [];
  };
  for (const step of steps) {
    if (step.kind === 'del' || step.kind === 'ins') run.push(step);
    else {
      flush();
      out.push(step);
    }
  }
  flush();
  return out;
}

/** Exact-content alignment for very long articles: LCS on content keys. */
function alignExact(oldProvisions: readonly Provision[], newProvisions: readonly Provision[]): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  const newIndexByKey = new Map<string, number[]>();
  newProvisions.forEach((p, index) => {
    const list = newIndexByKey.get(p.key) ?? [];
    list.push(index);
    newIndexByKey.set(p.key, list);
  });
  // Greedy in-order matching: good enough where the DP would be too costly.
  for (; i < oldProvisions.length; i++) {
    const candidates = newIndexByKey.get(oldProvisions[i]!.key) ?? [];
    const next = candidates.find((c) => c >= j);
    if (next === undefined) {
      steps.push({ kind: 'del', old: i });
      continue;
    }
    for (; j < next; j++) steps.push({ kind: 'ins', new: j });
    steps.push(exactPair(i, next));
    j = next + 1;
  }
  for (; j < newProvisions.length; j++) steps.push({ kind: 'ins', new: j });
  return orderDeletesBeforeInserts(steps);
}

/** Clause changes of an aligned article pair (or of several articles on either side). */
export function diffClauses(oldClauses: readonly Clause[], newClauses: readonly Clause[]): ClauseChange[] {
  return diffProvisions(flattenClauses(oldClauses), flattenClauses(newClauses));
}

export function diffProvisions(oldProvisions: readonly Provision[], newProvisions: readonly Provision[]): ClauseChange[] {
  const changes: ClauseChange[] = [];
  for (const step of alignProvisions(oldProvisions, newProvisions)) {
    switch (step.kind) {
      case 'del': {
        const p = oldProvisions[step.old]!;
        changes.push(clauseChange('removed', p, undefined, p.marker));
        break;
      }
      case 'ins': {
        const p = newProvisions[step.new]!;
        changes.push(clauseChange('added', undefined, p, p.marker));
        break;
      }
      case 'pair': {
        changes.push(pairChange(oldProvisions[step.old]!, newProvisions[step.new]!));
        break;
      }
      case 'join-old': {
        const [a, b] = step.old;
        const joined = joinProvisions(oldProvisions[a]!, oldProvisions[b]!);
        changes.push(pairChange(joined, newProvisions[step.new]!));
        break;
      }
      case 'join-new': {
        const [a, b] = step.new;
        const joined = joinProvisions(newProvisions[a]!, newProvisions[b]!);
        changes.push(pairChange(oldProvisions[step.old]!, joined));
        break;
      }
    }
  }
  return changes;
}

function joinProvisions(a: Provision, b: Provision): Provision {
  const joined: Provision = { text: `${a.text} ${b.text}`, key: a.key + b.key };
  if (a.marker !== undefined) joined.marker = a.marker;
  if (a.row && b.row) joined.row = true;
  return joined;
}

function pairChange(oldProvision: Provision, newProvision: Provision): ClauseChange {
  const marker = newProvision.marker ?? oldProvision.marker;
  if (oldProvision.text === newProvision.text && oldProvision.marker === newProvision.marker) {
    return clauseChange('unchanged', oldProvision, newProvision, marker);
  }
  const words = diffWordsKorean(oldProvision.text, newProvision.text);
  const editorial = oldProvision.key === newProvision.key || isEditorialOnly(words);
  return clauseChange(editorial ? 'editorial' : 'modified', oldProvision, newProvision, marker, words);
}

/**
 * A clause change, its keys in the one stable order: status, old, new, marker, words, then row (last,
 * so that changes of plain text read as before), which says which sides are table rows.
 */
function clauseChange(status: ClauseStatus, oldProvision: Provision | undefined, newProvision: Provision | undefined, marker: string | undefined, words?: WordChange[]): ClauseChange {
  const change: ClauseChange = { status };
  if (oldProvision !== undefined) change.old = oldProvision.text;
  if (newProvision !== undefined) change.new = newProvision.text;
  if (marker !== undefined) change.marker = marker;
  if (words !== undefined) change.words = words;
  const onOld = oldProvision?.row === true;
  const onNew = newProvision?.row === true;
  if (onOld || onNew) change.row = onOld && onNew ? 'both' : onOld ? 'old' : 'new';
  return change;
}
