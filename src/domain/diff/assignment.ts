/**
 * Optimal one-to-one assignment (Hungarian algorithm, Kuhn–Munkres with potentials, O(n²m)) and the
 * longest increasing subsequence, the two combinatorial pieces of article alignment.
 */

/**
 * Maximum-weight assignment on a rows × cols score matrix. Returns, for each row, the column it
 * is assigned to or -1. Pairs with score ≤ 0 are never assigned (they count as unmatched).
 */
export function maxWeightAssignment(scores: readonly (readonly number[])[]): number[] {
  const rows = scores.length;
  const cols = rows === 0 ? 0 : (scores[0]?.length ?? 0);
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  // Square the problem with dummy rows/cols of score 0, and minimise cost = max - score.
  const n = Math.max(rows, cols);
  let max = 0;
  for (const row of scores) for (const s of row) if (s > max) max = s;
  const cost = (i: number, j: number): number => {
    const s = i < rows && j < cols ? (scores[i]?.[j] ?? 0) : 0;
    return max - Math.max(s, 0);
  };
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          const row = p[j]!;
          u[row] = u[row]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < cols && (scores[i]?.[j - 1] ?? 0) > 0) result[i] = j - 1;
  }
  return result;
}

/**
 * Indices (into `values`) of a longest strictly increasing subsequence, O(n log n). On ties the
 * subsequence that ends earliest wins, so the result is deterministic.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k] = index of the smallest tail of an increasing run of length k+1
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const result: number[] = [];
  let k = tails.length === 0 ? -1 : tails[tails.length - 1]!;
  while (k >= 0) {
    result.push(k);
    k = previous[k]!;
  }
  return result.reverse();
}

/** For each position, the length of the longest strictly increasing run ending there, O(n log n). */
function increasingRunEndingAt(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k] = smallest tail value of an increasing run of length k+1
  return values.map((value) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    return lo + 1;
  });
}

/**
 * Positions that lie on every longest increasing subsequence. The rest changed order relative to
 * others: when two neighbours swap, both are off (which one "moved" is ambiguous), and the answer is
 * the same for a permutation and its inverse, so a diff and its mirror agree on what moved.
 */
export function onEveryLongestIncreasingSubsequence(values: readonly number[]): boolean[] {
  const ending = increasingRunEndingAt(values);
  const starting = increasingRunEndingAt([...values].reverse().map((v) => -v)).reverse();
  const longest = Math.max(0, ...ending);
  const onSome = values.map((_, i) => ending[i]! + starting[i]! - 1 === longest);
  const perLength = new Map<number, number>();
  values.forEach((_, i) => {
    if (onSome[i]) perLength.set(ending[i]!, (perLength.get(ending[i]!) ?? 0) + 1);
  });
  return values.map((_, i) => onSome[i]! && perLength.get(ending[i]!) === 1);
}
