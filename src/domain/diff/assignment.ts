/**
 * Optimal one-to-one assignment (Hungarian algorithm, Kuhn–Munkres with potentials, O(n²m); on a
 * sparse candidate graph, per connected component) and the longest increasing subsequence, the two
 * combinatorial pieces of article alignment.
 */

/**
 * Maximum-weight assignment on a rows × cols score matrix. Returns, for each row, the column it
 * is assigned to or -1. Pairs with score ≤ 0 are never assigned (they count as unmatched).
 */
export function maxWeightAssignment(scores: readonly (readonly number[])[]): number[] {
  const rows = scores.length;
  const cols = rows === 0 ? 0 : (scores[0]?.length ?? 0);
  const cells = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells[i * cols + j] = scores[i]?.[j] ?? 0;
  return hungarian(rows, cols, cells);
}

/**
 * `maxWeightAssignment` on a matrix laid out row by row in one array (cells[i × cols + j]). Each loop
 * is a function of its own that returns when it ends: the code V8 optimises while a loop runs (on-stack
 * replacement, entered again on every later call) would otherwise run on into code that has not run
 * yet, and be thrown away there on every call (a component of the candidate graph is one call).
 */
function hungarian(rows: number, cols: number, cells: Float64Array): number[] {
  const result = new Array<number>(rows).fill(-1);
  if (rows === 0 || cols === 0) return result;
  const max = largest(cells);
  const rowOfColumn = squareAssignment(rows, cols, costs(cells, max), max);
  for (let j = 1; j < rowOfColumn.length; j++) {
    const i = rowOfColumn[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < cols && cells[i * cols + j - 1]! > 0) result[i] = j - 1;
  }
  return result;
}

function largest(cells: Float64Array): number {
  let max = 0;
  for (let k = 0; k < cells.length; k++) if (cells[k]! > max) max = cells[k]!;
  return max;
}

/** What the Hungarian algorithm minimises: max − score (a score below 0 counts as 0). */
function costs(cells: Float64Array, max: number): Float64Array {
  const cost = new Float64Array(cells.length);
  for (let k = 0; k < cost.length; k++) cost[k] = max - Math.max(cells[k]!, 0);
  return cost;
}

/**
 * The Hungarian algorithm on the problem squared with dummy rows/cols of score 0 (cost `max`): for
 * each column j (1-based), the 1-based row assigned to it.
 */
function squareAssignment(rows: number, cols: number, cost: Float64Array, max: number): Int32Array {
  const n = Math.max(rows, cols);
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      // A dummy row, and a dummy column, cost `max` (score 0).
      const realCols = i0 - 1 < rows ? cols : 0;
      const rowStart = (i0 - 1) * cols;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = (j <= realCols ? cost[rowStart + j - 1]! : max) - u[i0]! - v[j]!;
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
  return p;
}

/** A candidate pair of a sparse assignment problem. */
export interface ScoredEdge {
  row: number;
  col: number;
  score: number;
}

/** Components up to this many cells are solved with the dense Hungarian algorithm (tests lower it to reach the sparse one). */
const DENSE_COMPONENT_CELLS = 200 * 200;

/**
 * Maximum-weight assignment when only some pairs can be matched: the same optimum as
 * `maxWeightAssignment` on the matrix that is 0 off the edges, but solved per connected component of
 * the candidate graph (a row or column without an edge is simply unmatched), so the cost follows the
 * size of the components, not rows × cols. Returns, for each row, its column or -1.
 */
export function sparseMaxWeightAssignment(rows: number, cols: number, edges: readonly ScoredEdge[], denseCells = DENSE_COMPONENT_CELLS): number[] {
  const result = new Array<number>(rows).fill(-1);
  const useful = edges.filter((e) => e.score > 0);
  // Union-find over rows (0..rows-1) and columns (rows..rows+cols-1).
  const parent = Int32Array.from({ length: rows + cols }, (_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  for (const e of useful) {
    const a = root(e.row);
    const b = root(rows + e.col);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const components = new Map<number, ScoredEdge[]>();
  for (const e of useful) {
    const key = root(e.row);
    const list = components.get(key);
    if (list) list.push(e);
    else components.set(key, [e]);
  }
  for (const component of components.values()) {
    // Local numbering keeps the original order of rows and columns (it decides ties, as in the dense case).
    const rowIds = [...new Set(component.map((e) => e.row))].sort((a, b) => a - b);
    const colIds = [...new Set(component.map((e) => e.col))].sort((a, b) => a - b);
    const rowAt = new Map(rowIds.map((id, k) => [id, k]));
    const colAt = new Map(colIds.map((id, k) => [id, k]));
    const local = component.map((e) => ({ row: rowAt.get(e.row)!, col: colAt.get(e.col)!, score: e.score }));
    const assigned = rowIds.length * colIds.length <= denseCells ? denseAssignment(rowIds.length, colIds.length, local) : shortestPathAssignment(rowIds.length, colIds.length, local);
    assigned.forEach((col, row) => {
      if (col >= 0) result[rowIds[row]!] = colIds[col]!;
    });
  }
  return result;
}

function denseAssignment(rows: number, cols: number, edges: readonly ScoredEdge[]): number[] {
  const cells = new Float64Array(rows * cols);
  for (const e of edges) cells[e.row * cols + e.col] = Math.max(cells[e.row * cols + e.col]!, e.score);
  return hungarian(rows, cols, cells);
}

/**
 * Exact maximum-weight assignment on a sparse graph: successive shortest augmenting paths (Dijkstra
 * on reduced costs), O(rows · edges · log) at worst but exploring only the neighbourhood that competes
 * for the same columns. Each row may stay unmatched (a private dummy column of score 0), so
 * minimising Σ (max − score) over rows maximises the total score, as the Hungarian algorithm does.
 */
function shortestPathAssignment(rows: number, cols: number, edges: readonly ScoredEdge[]): number[] {
  let max = 0;
  for (const e of edges) if (e.score > max) max = e.score;
  const first = new Int32Array(rows + 1);
  for (const e of edges) first[e.row + 1]!++;
  for (let r = 0; r < rows; r++) first[r + 1]! += first[r]!;
  const target = new Int32Array(edges.length);
  const cost = new Float64Array(edges.length);
  const fill = first.slice(0, rows);
  for (const e of edges) {
    const at = fill[e.row]!++;
    target[at] = e.col;
    cost[at] = max - e.score;
  }
  // Nodes: rows 0..rows-1, columns rows..rows+cols-1, each row's dummy rows+cols..2·rows+cols-1.
  const nodes = 2 * rows + cols;
  const potential = new Float64Array(nodes);
  const distance = new Float64Array(nodes).fill(Infinity);
  const settled = new Uint8Array(nodes);
  const previous = new Int32Array(nodes).fill(-1);
  const rowOfCol = new Int32Array(cols).fill(-1);
  const colOfRow = new Int32Array(rows).fill(-1); // -2: the row's dummy
  const heap = new DistanceHeap();
  for (let start = 0; start < rows; start++) {
    const touched: number[] = [start];
    distance[start] = 0;
    heap.push(start, 0);
    let end = -1;
    const relax = (node: number, from: number, d: number): void => {
      if (settled[node] || d >= distance[node]!) return;
      if (distance[node] === Infinity) touched.push(node);
      distance[node] = d;
      previous[node] = from;
      heap.push(node, d);
    };
    while (heap.size > 0) {
      const [node, d] = heap.pop();
      if (settled[node] || d > distance[node]!) continue;
      settled[node] = 1;
      if (node >= rows + cols) {
        end = node; // a dummy is always free
        break;
      }
      if (node >= rows) {
        const holder = rowOfCol[node - rows]!;
        if (holder < 0) {
          end = node;
          break;
        }
        relax(holder, node, d); // the matched edge, reversed: tight, so reduced cost 0
        continue;
      }
      for (let k = first[node]!; k < first[node + 1]!; k++) {
        const col = rows + target[k]!;
        relax(col, node, d + Math.max(0, cost[k]! + potential[node]! - potential[col]!));
      }
      const dummy = rows + cols + node;
      relax(dummy, node, d + Math.max(0, max + potential[node]! - potential[dummy]!));
    }
    heap.clear();
    const total = distance[end]!;
    for (const node of touched) {
      if (settled[node] && distance[node]! <= total) potential[node] = potential[node]! + distance[node]! - total;
      distance[node] = Infinity;
      settled[node] = 0;
    }
    // Augment: along the path every column (or the dummy) passes to the row before it.
    let node = end;
    while (node !== start) {
      const row = previous[node]!;
      const next = previous[row]!; // the column this row held (-1 at the start)
      if (node >= rows + cols) colOfRow[row] = -2;
      else {
        colOfRow[row] = node - rows;
        rowOfCol[node - rows] = row;
      }
      if (row === start) break;
      node = next;
    }
  }
  return Array.from(colOfRow, (col) => (col >= 0 ? col : -1));
}

/** A binary min-heap of (node, distance), for Dijkstra. */
class DistanceHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  clear(): void {
    this.nodes.length = 0;
    this.keys.length = 0;
  }
  push(node: number, key: number): void {
    let k = this.nodes.length;
    this.nodes.push(node);
    this.keys.push(key);
    while (k > 0) {
      const up = (k - 1) >> 1;
      if (this.keys[up]! <= key) break;
      this.nodes[k] = this.nodes[up]!;
      this.keys[k] = this.keys[up]!;
      k = up;
    }
    this.nodes[k] = node;
    this.keys[k] = key;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.nodes[0]!, this.keys[0]!];
    const node = this.nodes.pop()!;
    const key = this.keys.pop()!;
    const size = this.nodes.length;
    if (size > 0) {
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= size) break;
        if (child + 1 < size && this.keys[child + 1]! < this.keys[child]!) child++;
        if (this.keys[child]! >= key) break;
        this.nodes[k] = this.nodes[child]!;
        this.keys[k] = this.keys[child]!;
        k = child;
      }
      this.nodes[k] = node;
      this.keys[k] = key;
    }
    return top;
  }
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
